"""Where an item of a JSON text stands, found without building a document tree.

:class:`~c2graph.modelfile.parsing.LineIndex` locates problems by composing the text as
YAML with marks, which takes seconds on an order of battle of 100,000 units. A JSON text
is walked here instead: down the data path only, every value passed over skipped by the
C scanner of :mod:`json`, so that the cost is that of reading the text up to the item.

Example
-------
>>> text = '{"nodes": [{"id": "a"},\\n  {"id": "b",\\n   "kind": "x"}]}'
>>> json_offset(text, ("nodes", 1, "kind")) == text.index('"kind"')
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["NotJson", "json_offset"]


class NotJson(ValueError):
    """The walked part of the text is not plain JSON (the caller composes it as YAML)."""


_SPACE = re.compile(r"[ \t\n\r]*")
_Scan = Callable[[str, int], tuple[Any, int]]


def json_offset(text: str, path: Sequence[str | int]) -> int:
    """Return the offset of the deepest item of ``path`` present in a JSON text.

    As :meth:`~c2graph.modelfile.parsing.LineIndex.line_of` counts: the key of a mapping's
    entry, the start of a list's element, the start of the document for an empty path;
    where the path leaves the text, the item reached last.

    Parameters
    ----------
    text
        A JSON text (an object or array at the top).
    path
        Keys (text) and list positions (numbers), from the top down.

    Returns
    -------
    int
        The character offset of the item.

    Raises
    ------
    NotJson
        When the part of the text walked is not JSON.

    Examples
    --------
    >>> json_offset('{"a": [1, 2], "b": {"c": 3}}', ("b", "c"))
    20
    >>> json_offset('{"a": [1, 2]}', ("a", 5))
    1
    >>> json_offset('{a: 1}', ("a",))
    Traceback (most recent call last):
    c2graph.modelfile.jsonpath.NotJson: expected a key or '}' at offset 1
    """
    scan: _Scan = vars(json.JSONDecoder())["scan_once"]  # the C scanner, as loads uses it
    pos = found = _skip_space(text, 0)
    for part in path:
        opener = text[pos : pos + 1]
        if opener == "{" and isinstance(part, str):
            at = _find_key(text, pos, part, scan)
        elif opener == "[" and isinstance(part, int) and part >= 0:
            at = _find_element(text, pos, part, scan)
        else:
            break
        if at is None:
            break
        found, pos = at
    return found


def _skip_space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _scan_value(text: str, pos: int, scan: _Scan) -> tuple[Any, int]:
    """The value at ``pos`` and the offset after it."""
    try:
        return scan(text, pos)
    except (StopIteration, ValueError, RecursionError):
        raise NotJson(f"expected a value at offset {pos}") from None


def _skip_value(text: str, pos: int, scan: _Scan) -> int:
    """The offset after the value at ``pos`` and the space behind it."""
    return _skip_space(text, _scan_value(text, pos, scan)[1])


def _after_item(text: str, pos: int, closer: str) -> int | None:
    """After an entry: the offset of the next one, or None at the container's end."""
    char = text[pos : pos + 1]
    if char == ",":
        return _skip_space(text, pos + 1)
    if char == closer:
        return None
    raise NotJson(f"expected ',' or {closer!r} at offset {pos}")


def _find_key(text: str, pos: int, key: str, scan: _Scan) -> tuple[int, int] | None:
    """``(offset of the key, offset of its value)`` of the object at ``pos``, or None."""
    here = _skip_space(text, pos + 1)
    if text[here : here + 1] == "}":
        return None
    while True:
        if text[here : here + 1] != '"':
            raise NotJson(f"expected a key or '}}' at offset {here}")
        name, end = _scan_value(text, here, scan)
        colon = _skip_space(text, end)
        if text[colon : colon + 1] != ":":
            raise NotJson(f"expected ':' at offset {colon}")
        value = _skip_space(text, colon + 1)
        if name == key:
            return here, value
        following = _after_item(text, _skip_value(text, value, scan), "}")
        if following is None:
            return None
        here = following


def _find_element(text: str, pos: int, index: int, scan: _Scan) -> tuple[int, int] | None:
    """``(offset, offset)`` of element ``index`` of the array at ``pos``, or None."""
    here = _skip_space(text, pos + 1)
    if text[here : here + 1] == "]":
        return None
    for _ in range(index):
        following = _after_item(text, _skip_value(text, here, scan), "]")
        if following is None:
            return None
        here = following
    return here, here
