"""Lines of YAML written one item a line, found as composing the text finds them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from c2graph import ModelError
from c2graph.modelfile.parsing import LineIndex, parse_text
from c2graph.modelfile.yamllines import ItemLines
from c2graph.synthetic import to_yaml
from tests.fuzz.test_fuzz_inputs import FUZZ, mutated_bytes
from tests.modelfile.test_fastpath import models

TEXT = (
    'name: "m"\n'
    'as_of: "2025"\n'
    'office_hours: {hours: "24/7"}\n'
    "phases:\n"
    '  - {id: "p", name: "P"}\n'
    "nodes:\n"
    '  - {id: "a", name: "A", phases: ["p"]}\n'
    '  - {id: "b", name: "B", phases: {"from": "p"}}\n'
    "links:\n"
)


def composed_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """The line composing the text gives."""
    index = LineIndex(text)
    index._root_node()  # composed first: line_of then reads the composed nodes
    return index.line_of(path)


def found_line(text: str, path: tuple[str | int, ...]) -> int | None:
    offset = ItemLines(text).offset_of(path)
    return None if offset is None else text.count("\n", 0, offset) + 1


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ((), 1),
        (("as_of",), 2),
        (("office_hours", "hours"), 3),
        (("phases", 0, "name"), 5),
        (("nodes", 1), 8),
        (("nodes", 1, "phases", "from"), 8),
        (("nodes", 2), 6),
        (("nodes", "x"), 6),
        (("links", 0), 9),
        (("sources", 0), 1),
        ((0,), 1),
    ],
)
def test_lines_are_those_composing_gives(path, line):
    assert found_line(TEXT, path) == composed_line(TEXT, path) == line


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("name: m\n", ("name",)),  # a value that is not JSON
        (TEXT + "# a comment\n", ("sources",)),  # the key may be below the form
        (TEXT.replace('  - {id: "b"', '  - {id: "b",\n    x: 1'), ("nodes", 1)),
        ('  - {id: "a"}\n', (0,)),  # the root is a list
        ("", ()),
    ],
)
def test_text_of_another_form_is_left_to_composing(text, path):
    assert ItemLines(text).offset_of(path) is None


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every data path into ``data``, and one more past each end."""
    found = [prefix]
    if isinstance(data, dict):
        found.append((*prefix, "absent"))
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        found.append((*prefix, len(data)))
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


@FUZZ
@given(data=st.data())
def test_every_path_of_random_models_is_on_the_composed_line(data):
    model = data.draw(models)
    raw = to_yaml(model).encode()
    text = data.draw(st.sampled_from([raw, data.draw(mutated_bytes(raw))])).decode(errors="replace")
    try:
        parsed = parse_text(text, "m.yaml")
    except ModelError:
        return  # lines are looked for only in text that parses
    found = 0
    for path in _paths(parsed)[:200]:
        line = found_line(text, path)
        if line is not None:
            found += 1
            assert line == composed_line(text, path), path
    event(f"paths found without composing: {'some' if found else 'none'}")
