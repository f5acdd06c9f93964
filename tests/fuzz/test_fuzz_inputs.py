"""Fuzzing the loader: random valid models, then broken bytes, keys, values and types.

Whatever the file holds, loading either gives a model or raises exactly
:class:`~c2graph.ModelError` / :class:`~c2graph.InputFileError`, and every problem names a
line inside the file. ``HYPOTHESIS_PROFILE=long`` runs many more examples than CI does::

    HYPOTHESIS_PROFILE=long python -m pytest tests/fuzz -q
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from c2graph import InputFileError, ModelError, load_model, load_model_data
from c2graph.modelfile.strictyaml import StrictLoader
from c2graph.vocabulary import AUTHORITY_RELATIONS, CONFIDENCE_LEVELS, NODE_KINDS, RELATIONS

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ = settings.get_profile(_PROFILE if _PROFILE in ("ci", "long") else "ci")

EMPTY_FILE = "the file is empty"

# -- random valid models --------------------------------------------------------------------

ids = st.text("abcdefghij-_.:0123456789漢字", min_size=1, max_size=8)
# Names are any text a file could carry: quotes, backslashes, braces, Japanese, controls;
# not YAML's extra line breaks, which PyYAML's emitter writes unquoted (its reader then
# folds them into spaces). The byte mutations below insert them raw.
names = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"),
    min_size=1,
    max_size=20,
)
nations = st.sampled_from(["JP", "US", "KR", "alliance", "multinational", "NO"])
dates = st.sampled_from(["2025", "2025-03", "2025-03-24", "1999-12-31"])


@st.composite
def phase_specs(draw: st.DrawFn, phase_ids: list[str]) -> Any:
    """``all``, a list of phase ids, or a ``{from, to}`` range in the right order."""
    kind = draw(st.sampled_from(["all", "absent", "list", "from", "range"]))
    if kind == "list":
        return draw(st.lists(st.sampled_from(phase_ids), min_size=1, max_size=3, unique=True))
    if kind == "from":
        return {"from": draw(st.sampled_from(phase_ids))}
    if kind == "range":
        start, end = sorted(
            draw(st.lists(st.integers(0, len(phase_ids) - 1), min_size=2, max_size=2))
        )
        return {"from": phase_ids[start], "to": phase_ids[end]}
    return kind  # "all", or "absent": the key is left out


def _with_phases(item: dict[str, Any], spec: Any) -> dict[str, Any]:
    return item if spec == "absent" else item | {"phases": spec}


@st.composite
def valid_models(draw: st.DrawFn) -> dict[str, Any]:
    """A model that must load: authority links only run from earlier to later nodes."""
    phase_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    node_ids = draw(st.lists(ids, min_size=1, max_size=7, unique=True))
    sources = draw(st.lists(ids, max_size=2, unique=True))
    phases = [
        {"id": pid, "name": draw(names)}
        | ({"declared_by": draw(st.sampled_from(node_ids))} if draw(st.booleans()) else {})
        | ({"name_ja": draw(names)} if draw(st.booleans()) else {})
        for pid in phase_ids
    ]
    nodes = [
        _with_phases(
            {
                "id": nid,
                "name": draw(names),
                "nation": draw(nations),
                "kind": draw(st.sampled_from(list(NODE_KINDS))),
            },
            draw(phase_specs(phase_ids)),
        )
        for nid in node_ids
    ]
    links: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for _ in range(draw(st.integers(0, 10))) if len(node_ids) > 1 else ():
        a, b = draw(
            st.lists(st.integers(0, len(node_ids) - 1), min_size=2, max_size=2, unique=True)
        )
        relation = draw(st.sampled_from(list(RELATIONS)))
        if relation in AUTHORITY_RELATIONS:
            a, b = min(a, b), max(a, b)
        ends = (node_ids[a], node_ids[b], relation)
        if ends in seen:
            continue
        seen.add(ends)
        link = {"from": ends[0], "to": ends[1], "relation": relation}
        if sources and draw(st.booleans()):
            link["source"] = draw(st.sampled_from(sources))
        if draw(st.booleans()):
            link["confidence"] = draw(st.sampled_from(CONFIDENCE_LEVELS))
        if draw(st.booleans()):
            link["note"] = draw(names)
        links.append(_with_phases(link, draw(phase_specs(phase_ids))))
    data: dict[str, Any] = {
        "name": draw(names),
        "as_of": draw(dates),
        "phases": phases,
        "nodes": nodes,
        "links": links,
    }
    if sources:
        data["sources"] = [{"id": s, "title": draw(names)} for s in sources]
    return data


def _fresh(data: Any) -> Any:
    """A copy sharing no objects, so that YAML output has no anchors."""
    return json.loads(json.dumps(data))


class _Dumper(yaml.SafeDumper):
    """Quotes exactly the text that c2graph would read as another type (``08`` is 8)."""

    yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers


def dump(data: Any, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(_fresh(data), ensure_ascii=False, indent=1).encode("utf-8")
    return yaml.dump(_fresh(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode(
        "utf-8"
    )


# -- mutations ------------------------------------------------------------------------------


def _containers(data: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) slot of the data tree."""
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((data, key))
            _containers(value, out)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.append((data, index))
            _containers(value, out)
    return out


odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    names,
    ids,
    st.sampled_from(["all", "opcom", "2025-13-01", "jp", "", " ", "NO", "yes"]),
    st.lists(ids, max_size=3),
    st.dictionaries(ids, ids, max_size=2),
    st.builds(dict, **{"from": ids}),
)
odd_keys = st.one_of(
    ids,
    st.sampled_from(
        ["id", "from", "to", "phases", "name", "nodez", "name_ja", "name_x", "extends", "remove"]
    ),
)


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """A valid model with a few keys or values replaced, removed or added."""
    data = _fresh(draw(valid_models()))
    for _ in range(draw(st.integers(1, 3))):
        slots = _containers(data, [])
        container, key = draw(st.sampled_from(slots))
        action = draw(st.sampled_from(["replace", "delete", "add", "rename", "reference"]))
        if action == "replace":
            container[key] = draw(odd_values)
        elif action == "delete":
            del container[key]
        elif action == "add" and isinstance(container, dict):
            container[draw(odd_keys)] = draw(odd_values)
        elif action == "rename" and isinstance(container, dict):
            container[draw(odd_keys)] = container.pop(key)
        elif action == "reference" and isinstance(container[key], str):
            slots_with_text = [s for s in slots if isinstance(s[0][s[1]], str)]
            other, other_key = draw(st.sampled_from(slots_with_text))
            container[key] = other[other_key]
        elif isinstance(container, list):
            container.append(draw(odd_values))
    return data


@st.composite
def mutated_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    """The file's bytes with a few edits: cuts, insertions, flips, moved or doubled lines."""
    for _ in range(draw(st.integers(1, 4))):
        size = len(raw)
        at = draw(st.integers(0, size))
        action = draw(st.sampled_from(["cut", "insert", "flip", "line", "truncate", "token"]))
        if action == "cut":
            raw = raw[:at] + raw[at + draw(st.integers(1, 20)) :]
        elif action == "insert":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
        elif action == "flip" and size:
            at = min(at, size - 1)
            raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
        elif action == "line":
            lines = raw.split(b"\n")
            i, j = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines.insert(j, lines[i])
            if draw(st.booleans()):
                del lines[i if i < j else i + 1]
            raw = b"\n".join(lines)
        elif action == "truncate":
            raw = raw[:at]
        elif action == "token":
            token = draw(
                st.sampled_from(
                    [
                        b"&a ",
                        b"*a",
                        b"<<: ",
                        b"!!python/object/apply:os.system ['true'] ",
                        b"? ",
                        b"\t",
                        b"{",
                        b"}",
                        b"[",
                        b"]",
                        b",",
                        b":",
                        b"- ",
                        b'"',
                        b"'",
                        b"#",
                        b"\\",
                        b"\xef\xbb\xbf",
                        b"\x00",
                        b"\xff",
                        b"\r",
                        b"\xe2\x80\xa8",
                        b"\xc2\x85",
                        b"\\ud800",
                        b"NaN",
                        b"1e999",
                        b"---\n",
                        b"...\n",
                        b"%YAML 1.1\n",
                    ]
                )
            )
            raw = raw[:at] + token + raw[at:]
    return raw


# -- the properties -------------------------------------------------------------------------


def _lines_in(raw: bytes) -> int:
    """Lines as c2graph counts them: ``\\n``, ``\\r\\n`` and a lone ``\\r`` end one each."""
    return raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n") + 1


def check_outcome(path: Path, raw: bytes) -> None:
    """Load ``path``: a model, or one documented error whose problems point inside the file."""
    try:
        load_model(path)
        event("outcome: loaded")
    except ModelError as exc:
        event("outcome: ModelError")
        assert exc.problems, "a ModelError lists at least one problem"
        last = _lines_in(raw)
        for problem in exc.problems:
            assert problem.file == str(path), problem
            if problem.message.startswith(EMPTY_FILE):
                continue
            assert problem.line is not None, problem
            assert 1 <= problem.line <= last, (problem, last)
            assert "\n" not in str(problem), problem
    except InputFileError as exc:
        event("outcome: InputFileError")
        message = str(exc)
        assert message.startswith(f"{path}:"), message
        assert "not UTF-8 text" in message, message
        line = int(message[len(str(path)) + 1 :].split(":", 1)[0])
        assert 1 <= line <= _lines_in(raw)


def _write(raw: bytes, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(handle, "wb") as stream:
        stream.write(raw)
    return Path(name)


@FUZZ
@given(data=valid_models(), fmt=st.sampled_from(["yaml", "json"]))
def test_valid_models_load_from_either_format(data, fmt):
    path = _write(dump(data, fmt), f".{fmt}")
    try:
        model = load_model(path)
    finally:
        path.unlink()
    assert list(model.nodes) == [n["id"] for n in data["nodes"]]
    assert [link.ends for link in model.links] == [
        (link["from"], link["to"], link["relation"]) for link in data["links"]
    ]
    assert model.name == data["name"]


@FUZZ
@given(data=valid_models())
def test_to_dict_round_trip(data):
    model = load_model_data(_fresh(data))
    again = load_model_data(model.to_dict())
    assert dict(again.nodes) == dict(model.nodes)
    assert again.links == model.links
    assert again.phases == model.phases


@FUZZ
@given(data=mutated_data(), fmt=st.sampled_from(["yaml", "json"]))
def test_mutated_keys_values_and_types(data, fmt):
    raw = dump(data, fmt)
    path = _write(raw, f".{fmt}")
    try:
        check_outcome(path, raw)
    finally:
        path.unlink()


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(["yaml", "json"]))
def test_mutated_bytes(data, fmt):
    raw = data.draw(mutated_bytes(dump(data.draw(valid_models()), fmt)))
    path = _write(raw, f".{fmt}")
    try:
        check_outcome(path, raw)
    finally:
        path.unlink()


@FUZZ
@given(raw=st.binary(max_size=200), fmt=st.sampled_from(["yaml", "json"]))
def test_arbitrary_bytes(raw, fmt):
    path = _write(raw, f".{fmt}")
    try:
        check_outcome(path, raw)
    finally:
        path.unlink()


@st.composite
def variants(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """A variant of ``base``: additions, removals and changes naming its ids or strangers."""
    node_ids = [n["id"] for n in base["nodes"]] + ["stranger"]
    phase_ids = [p["id"] for p in base["phases"]] + ["never"]
    some_node, some_phase = st.sampled_from(node_ids), st.sampled_from(phase_ids)
    relation = st.sampled_from(list(RELATIONS))
    child: dict[str, Any] = {"extends": "base.yaml", "name": draw(names), "as_of": draw(dates)}
    if draw(st.booleans()):
        child["nodes"] = [
            {
                "id": draw(ids),
                "name": draw(names),
                "nation": draw(nations),
                "kind": draw(st.sampled_from(list(NODE_KINDS))),
            }
        ]
    if draw(st.booleans()):
        child["links"] = [
            {"from": draw(some_node), "to": draw(some_node), "relation": draw(relation)}
            for _ in range(draw(st.integers(1, 3)))
        ]
    if draw(st.booleans()):
        child["remove"] = {
            "nodes": draw(st.lists(some_node, max_size=2)),
            "links": [{"from": draw(some_node), "to": draw(some_node), "relation": draw(relation)}],
        }
    if draw(st.booleans()):
        child["change"] = {
            "nodes": [{"id": draw(some_node), "phases": [draw(some_phase)]}],
            "phases": [{"id": draw(some_phase), "declared_by": draw(some_node)}],
            "links": [
                {
                    "from": draw(some_node),
                    "to": draw(some_node),
                    "relation": draw(relation),
                    "set": {"relation": draw(relation)},
                }
            ],
        }
    return child


@FUZZ
@given(data=st.data())
def test_variants_point_at_the_file_they_blame(data):
    base = data.draw(valid_models())
    child = data.draw(variants(base))
    with tempfile.TemporaryDirectory() as folder:
        base_path = Path(folder, "base.yaml")
        base_path.write_bytes(dump(base, "yaml"))
        child_raw = dump(child, "yaml")
        child_path = Path(folder, "child.yaml")
        child_path.write_bytes(child_raw)
        sizes = {
            str(child_path): _lines_in(child_raw),
            str(base_path): _lines_in(base_path.read_bytes()),
        }
        try:
            load_model(child_path)
            event("outcome: loaded")
        except ModelError as exc:
            event("outcome: ModelError")
            for problem in exc.problems:
                assert problem.file in sizes, problem
                assert problem.line is not None, problem
                assert 1 <= problem.line <= sizes[problem.file], problem
