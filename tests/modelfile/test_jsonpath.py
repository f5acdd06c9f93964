"""Locating an item of a JSON text by walking it: the same line as composing it as YAML."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.modelfile.jsonpath import NotJson, _raw_offset, _scanned_offset, json_offset
from c2graph.modelfile.parsing import LineIndex

TEXT = """{
  "name": "demo",
  "nodes": [
    {"id": "a", "name": "A"},
    {"id": "b",
     "kind": "unit",
     "phases": ["war", "peace"]}
  ],
  "links": []
}
"""


def composed_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """The line LineIndex finds by composing the text as YAML: behind a ``---`` line, which
    does not start as JSON does."""
    line = LineIndex("---\n" + text).line_of(path)
    return None if line is None else line - 1


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ((), 1),
        (("name",), 2),
        (("nodes",), 3),
        (("nodes", 0), 4),
        (("nodes", 1), 5),
        (("nodes", 1, "kind"), 6),
        (("nodes", 1, "phases", 1), 7),
        (("nodes", 1, "phases", 9), 7),
        (("nodes", 7, "kind"), 3),
        (("nodes", "kind"), 3),
        (("links", 0), 9),
        (("missing", "x"), 1),
    ],
)
def test_line_of_walks_json(path: tuple[str | int, ...], line: int) -> None:
    assert LineIndex(TEXT).line_of(path) == line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{a: 1, "b": 2}', "expected a key or '}' at offset 1"),
        ('{"a" 1, "b": 2}', "expected ':' at offset 5"),
        ('{"a": 1 "b": 2}', "expected ',' or '}' at offset 8"),
        ('{"a": [1 2], "b": 2}', "expected a value at offset 6"),
        ('{"a": x, "b": 2}', "expected a value at offset 6"),
    ],
)
def test_not_json_is_said(text: str, message: str) -> None:
    with pytest.raises(NotJson, match=f"^{message}$"):
        json_offset(text, ("b",))


def test_yaml_flow_falls_back_to_composing() -> None:
    assert LineIndex('{"a": 1,\n b: 2}').line_of(("b",)) == 2


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text('abc"\\é', max_size=3), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(data: Any) -> list[tuple[str | int, ...]]:
    """Every path into the data, and one past its end at each level."""
    found: list[tuple[str | int, ...]] = [(), ("nowhere",), (0,)]
    if isinstance(data, dict):
        for key, value in data.items():
            found += [(key, *rest) for rest in _paths(value)]
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += [(i, *rest) for rest in _paths(value)]
        found.append((len(data),))
    return found


@settings(max_examples=150, deadline=None)
@given(
    data=st.dictionaries(st.text("xyz", max_size=2), json_values, max_size=4),
    indent=st.sampled_from([None, 1, 2]),
)
def test_walk_finds_the_line_composing_finds(data: dict[str, Any], indent: int | None) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    for path in _paths(data):
        line = composed_line(text, path)
        assert LineIndex(text).line_of(path) == line, path
        assert LineIndex(None, utf8=text.encode()).line_of(path) == line, path


def _with_key_twice(text: str) -> str:
    """The text with a key ``k`` given twice, with other values, at its start."""
    return '{"k": 0, "k": [1]' + (", " + text[1:] if text != "{}" else "}")


@settings(max_examples=200, deadline=None)
@given(
    data=st.dictionaries(st.text("kxé", max_size=2), json_values, max_size=4),
    indent=st.sampled_from([None, 1, 2]),
    twice=st.booleans(),
)
def test_raw_walk_finds_what_the_scanner_finds(
    data: dict[str, Any], indent: int | None, twice: bool
) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    if twice:
        text = _with_key_twice(text)
    for path in [*_paths(data), ("k",), ("k", 0)]:
        fast = _raw_offset(text, path)
        twice_met = twice and path and isinstance(path[0], str)  # a key given twice
        if twice_met or "\\" in text:  # in doubt, or an escape: left to the scanner
            assert fast is None, path
        else:
            assert fast == _scanned_offset(text, path), path
        assert json_offset(text, path) == _scanned_offset(text, path), path


@pytest.mark.parametrize(
    ("text", "path", "offset"),
    [
        ('{"a": 1, "a": 2}', ("a",), 1),  # a key given twice: the first, as scanned
        ('{"a": [1, 2], "b": {"a": 1, "a": 2}}', ("a", 1), 10),
        ("[1, 2, NaN, 3]", (3,), 12),  # not JSON msgspec reads: scanned
        ("  [1,\n 2 ,3]  ", (2,), 10),
        ('{"é": [1, "ü", 2]}', ("é", 2), 15),  # offsets in characters, not bytes
    ],
)
def test_texts_in_doubt_are_scanned(text: str, path: tuple[str | int, ...], offset: int) -> None:
    assert json_offset(text, path) == offset
    assert _scanned_offset(text, path) == offset


def test_lines_of_many_items_are_found_in_the_bytes() -> None:
    text = json.dumps({"nodes": [{"id": f"n{i}", "name": "é"} for i in range(40)]}, indent=1)
    index = LineIndex(None, utf8=text.encode())
    assert [index.line_of(("nodes", i, "name")) for i in range(0, 40, 2)] == [
        composed_line(text, ("nodes", i, "name")) for i in range(0, 40, 2)
    ]


def test_a_key_given_twice_is_left_to_the_scanner() -> None:
    # The decoded entry of a name given twice is its last: stepping over the first "k"
    # by the length of the last one's bytes lands on the closing brace.
    text = '{"k": 0, "k": [1], \n "k": [\n  [\n   {\n    "": null\n   }\n  ],\n  null\n ]\n}'
    assert [_raw_offset(text, path) for path in [("nowhere",), ("k",), ("k", 0)]] == [None] * 3
    assert json_offset(text, ("nowhere",)) == 0
    assert json_offset(text, ("k", 0)) == 1
