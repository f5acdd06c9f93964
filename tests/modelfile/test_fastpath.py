"""The fast reading paths (yaml-rs, the column-wise structure check) change nothing.

Each property loads one file twice, with the fast paths and with them switched off (the
strict loader and the key-by-key check alone), and asserts the same model (every record
and attribute), the same warnings and the same errors, lines included.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from c2graph import InputFileError, ModelError
from c2graph.modelfile import (
    columns,
    fastyaml,
    jsonpath,
    loader,
    parsing,
    read_model,
    semantics,
)
from c2graph.modelfile.validate import check_file_data
from c2graph.modelfile.yamllines import ItemLines
from c2graph.synthetic import generate, to_yaml
from tests.fuzz.test_fuzz_inputs import (
    FUZZ,
    _write,
    dump,
    mutated_bytes,
    mutated_data,
    valid_models,
)


@contextmanager
def strict_paths() -> Iterator[None]:
    """Switch the fast paths off: every YAML file goes to the strict loader and every JSON
    file to json.loads, every file's structure to the key-by-key check, every check across
    sections item by item, every line of YAML to composing the text, every line of JSON
    to the scanner's walk."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing, "load_plain", lambda text: None)
        patch.setattr(parsing, "_decode_plain_json", lambda text, utf8=None: parsing.NOT_PLAIN)
        patch.setattr(loader, "decode_plain_json", lambda utf8: parsing.NOT_PLAIN)
        patch.setattr(jsonpath, "_raw_offset", lambda text, path, utf8=None: None)
        patch.setattr(semantics, "_all_in", lambda known, values: False)
        patch.setattr(semantics, "_all_distinct", lambda values, distinct: False)
        patch.setattr(loader, "is_clean", lambda data: False)
        patch.setattr(ItemLines, "offset_of", lambda self, path: None)
        yield


def outcome(path: Path) -> tuple[Any, ...]:
    """What loading ``path`` gives: the model's records and warnings, or the problems."""
    try:
        loaded = read_model(path)
    except ModelError as exc:
        return ("problems", [asdict(problem) for problem in exc.problems])
    except InputFileError as exc:
        return ("unreadable", str(exc))
    model = loaded.model
    records = (dict(model.nodes), model.links, model.phases, model.other_phases)
    return ("model", model.to_dict(), records, [asdict(w) for w in loaded.warnings])


def both_ways(raw: bytes, suffix: str) -> tuple[Any, ...]:
    """Load the bytes with the fast paths and without; assert the same outcome."""
    path = _write(raw, suffix)
    try:
        fast = outcome(path)
        with strict_paths():
            strict = outcome(path)
    finally:
        path.unlink()
    assert fast == strict
    return fast


def flow_yaml(data: dict[str, Any]) -> bytes:
    """The model as ``c2graph generate`` writes YAML: one flow mapping per item."""
    return to_yaml(json.loads(json.dumps(data))).encode("utf-8")


def _plain_text(value: Any) -> Any:
    """The data with its names and notes cut to letters, digits, spaces and dashes."""
    if isinstance(value, list):
        return [_plain_text(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: "".join(c for c in item if c.isalnum() or c in " -") or "x"
        if key in _TEXT_KEYS and isinstance(item, str)
        else _plain_text(item)
        for key, item in value.items()
    }


_TEXT_KEYS = frozenset({"name", "name_ja", "title", "note"})


#: Random models, half of them with plain text that yaml-rs takes.
models = st.one_of(valid_models(), valid_models().map(_plain_text))


@FUZZ
@given(data=models, form=st.sampled_from(["yaml", "flow", "json"]))
def test_random_models_load_the_same(data, form):
    raw = flow_yaml(data) if form == "flow" else dump(data, form)
    if form != "json":
        event(f"yaml-rs takes it: {fastyaml.load_plain(raw.decode()) is not None}")
    found = both_ways(raw, ".json" if form == "json" else ".yaml")
    event(f"outcome: {found[0]}")
    # the flow writer leaves an empty list blank, and control characters raw
    assert found[0] == "model" or form == "flow"


@FUZZ
@given(data=mutated_data(), form=st.sampled_from(["yaml", "flow", "json"]))
def test_corrupted_keys_values_and_types_give_the_same_problems(data, form):
    raw = flow_yaml(data) if form == "flow" else dump(data, form)
    event(f"outcome: {both_ways(raw, '.json' if form == 'json' else '.yaml')[0]}")


@FUZZ
@given(data=st.data(), form=st.sampled_from(["yaml", "flow", "json"]))
def test_corrupted_bytes_give_the_same_problems(data, form):
    model = data.draw(models)
    raw = flow_yaml(model) if form == "flow" else dump(model, form)
    found = both_ways(data.draw(mutated_bytes(raw)), ".json" if form == "json" else ".yaml")
    event(f"outcome: {found[0]}")


@FUZZ
@given(data=mutated_data())
def test_the_column_check_is_clean_exactly_when_the_full_check_finds_nothing(data):
    assert columns.is_clean(data) == (check_file_data(data) == [])


def test_a_generated_order_of_battle_takes_both_fast_paths():
    data = generate(300)
    text = to_yaml(data)
    assert fastyaml.load_plain(text) == parsing.parse_text(text, "m.yaml")
    assert columns.is_clean(fastyaml.load_plain(text))
    assert both_ways(text.encode(), ".yaml")[0] == "model"


GOOD = (
    'name: m\nas_of: "2025"\nphases: [{id: p, name: P}]\n'
    "nodes:\n  - {id: a, name: A, nation: JP, kind: unit}\n"
)


@pytest.mark.parametrize(
    ("what", "text"),
    [
        ("a tag", GOOD + "description: !!str x\n"),
        ("an unknown tag", GOOD + "description: !Ref x\n"),
        ("an anchor", GOOD.replace("name: A", "name: &n A")),
        ("an alias", GOOD.replace("name: A", "name: &n A") + "description: *n\n"),
        ("a merge key", GOOD + "description:\n  <<: {a: b}\n"),
        ("an indentation indicator", GOOD + "description: |2\n   x\n"),
        ("text after a block header", GOOD + "description: >- x\n  y\n"),
        ("an empty block scalar at the end", GOOD + "description: |\n\n"),
        ("an escape", GOOD + 'description: "a\\tb"\n'),
        ("an escaped backslash", GOOD + 'description: "a\\\\"\n'),
        ("a comment that is text", GOOD + 'description: "a\n  # b"\n'),
        ("a comment line in a block scalar", GOOD + "description: |\n  a\n  # b\n"),
        ("a colon before a flow indicator", GOOD.replace("name: P}", "name: P:}")),
        ("a question mark in a flow mapping", GOOD.replace("name: P}", "name: P?}")),
        ("a flow line not broken after a comma", GOOD + "links: [{from: a\n    , to: b}]\n"),
        ("a flow line not indented deeper", GOOD.replace("{id: a, ", "{id: a,\n  ")),
        ("a directive", "%YAML 1.1\n---\n" + GOOD),
        ("a second document", GOOD + "---\nname: n\n"),
        ("a document end", GOOD + "...\n"),
        ("a complex key", GOOD + "? description\n: x\n"),
        ("a flow key that is a mapping", GOOD + "{a: b}: c\n"),
        ("a tab", GOOD + "description:\tx\n"),
        ("a control character", GOOD + "description: a\x07b\n"),
        ("a line separator", GOOD + "description: a\u2028b\n"),
        ("a key that is a number", GOOD + "1: x\n"),
        ("a key that is a boolean", GOOD + "true: x\n"),
        ("an empty key", GOOD + ": x\n"),
        ("a key in a flow list", GOOD.replace("[{id: p", "[?x, {id: p")),
        ("a colon starting a flow scalar", GOOD.replace("name: P}", "name: :P}")),
        ("a duplicate key", GOOD + "name: again\n"),
        ("a syntax error", GOOD + "links: [\n"),
        ("a flow mapping over two lines", GOOD + "description: {a: b,---\n c: d}\n"),
        ("a flow mapping over two lines", GOOD + "description: {a: b,\nc: d}\n"),
        ("nesting too deep", GOOD + "description: " + "[" * 70 + "]" * 70 + "\n"),
    ],
)
def test_yaml_rs_hands_over(what, text):
    assert fastyaml.load_plain(text) is None, what
    both_ways(text.encode(), ".yaml")


@pytest.mark.parametrize(
    "value",
    ["1e5", "1.5e3", "1E+5", "-.5", "+.5", "0o17", "0O17", "_1", "._5", "1_000", "9" * 30],
)
def test_numbers_read_differently_hand_over(value):
    text = GOOD + f"nodes_x: {value}\n"
    assert fastyaml.load_plain(text) is None
    both_ways(text.encode(), ".yaml")


def test_number_forms_inside_a_word_do_not_hand_over():
    text = "a: 1\nurl: https://example.jp/press4e_001403.html?id=1e5\n"
    assert fastyaml.load_plain(text) == {
        "a": 1,
        "url": "https://example.jp/press4e_001403.html?id=1e5",
    }


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a: b  # a comment: &x *y [\n# a line of its own\n", {"a": "b"}),
        ("a: b#c\n", {"a": "b#c"}),
        ("a: |\n  one\n  two\n", {"a": "one\ntwo\n"}),
        ("a: >-\n  one\n  two\n\n  three\nb: 1\n", {"a": "one two\nthree", "b": 1}),
        ("a: |+\n  one\n\nb: 1\n", {"a": "one\n\n", "b": 1}),
        ("a: >\n  one\n   two\n", {"a": "one\n two\n"}),
        ("a: [b, c]\nd: Japan & Korea\n", {"a": ["b", "c"], "d": "Japan & Korea"}),
        ('a: "say \\"yes\\""\n', {"a": 'say "yes"'}),
        ("- {a: 1,\n   b: [c,\n     d]}\n", [{"a": 1, "b": ["c", "d"]}]),
    ],
)
def test_comments_block_scalars_and_flow_lines_take_the_fast_path(text, read):
    assert fastyaml.load_plain(text) == read
    assert parsing.parse_text(text, "m.yaml") == read


@pytest.mark.parametrize("name", sorted(path.name for path in Path("models").glob("*.yaml")))
def test_the_shipped_models_read_the_same(name):
    text = Path("models", name).read_text(encoding="utf-8")
    with strict_paths():
        strict = parsing.parse_text(text, name)
    fast = fastyaml.load_plain(text)
    assert fast is None or fast == strict
    # a multi-line quoted text in a flow mapping hands this one over
    assert (fast is None) == (name == "us-japan-combined-staff.yaml")


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        (".5", 0.5),
        ("0x1F", 31),
        ("035", 35),
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("yes", "yes"),
        ("NO", "NO"),
        ("2025-03-24", "2025-03-24"),
        ("1:30", "1:30"),
    ],
)
def test_plain_scalars_read_as_the_strict_loader_reads_them(value, read):
    text = f"a: {value}\nb: [{value}]\n"
    assert fastyaml.load_plain(text) == {"a": read, "b": [read]}
    assert parsing.parse_text(text, "m.yaml") == {"a": read, "b": [read]}
