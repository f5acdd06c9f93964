"""Where an item of a JSON text stands, found without building a document tree.

:class:`~c2graph.modelfile.parsing.LineIndex` locates problems by composing the text as
YAML with marks, which takes seconds on an order of battle of 100,000 units. A JSON text
is walked here instead: down the data path only, every value passed over skipped by the
C scanner of :mod:`json`, so that the cost is that of reading the text up to the item.
A text without escapes is walked faster still: each container on the path is split into
its raw entries by msgspec (in C, building no values), and the values before the item are
stepped over by their length.

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

import msgspec

__all__ = ["NotJson", "json_offset", "plain_utf8", "raw_offset"]


class NotJson(ValueError):
    """The walked part of the text is not plain JSON (the caller composes it as YAML)."""


_SPACE = re.compile(r"[ \t\n\r]*")
_Scan = Callable[[str, int], tuple[Any, int]]


def json_offset(text: str, path: Sequence[str | int], *, utf8: bytes | None = None) -> int:
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
    utf8
        The text's UTF-8, when the caller has it (then not encoded again).

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
    fast = _raw_offset(text, path, utf8)
    if fast is not None:
        return fast
    return _scanned_offset(text, path)


def _scanned_offset(text: str, path: Sequence[str | int]) -> int:
    """:func:`json_offset`, every value passed over read by the C scanner of :mod:`json`."""
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


# ------------------------------------------------------------- texts without escapes


class _Doubt(Exception):
    """The text is not one the raw walk is sure of (the scanner walks it instead)."""


_RAW_OBJECT = msgspec.json.Decoder(dict[str, msgspec.Raw])
_RAW_ARRAY = msgspec.json.Decoder(list[msgspec.Raw])
_BYTE_SPACE = re.compile(rb"[ \t\n\r]*")


def _raw_offset(text: str, path: Sequence[str | int], utf8: bytes | None = None) -> int | None:
    """:func:`json_offset` of a text without escapes, or None when the text has one or
    anything on the path is in doubt (not JSON, a key given twice, nested too deeply).

    Each container on the path is decoded into its raw entries, and the walk steps over
    the bytes of each entry before the item; every key of each object walked is read and
    each entry's bytes are held to its decoded value, so that a key given twice (whose
    decoded entry is its last) is caught even where the last value is longer than an
    earlier one.

    >>> _raw_offset('{"a": [1, {"b": 2}]}', ("a", 1, "b")), _raw_offset(r'["\\n"]', ())
    (11, None)
    """
    data = plain_utf8(text, utf8)
    if data is None:
        return None
    found = raw_offset(data, path)
    if found is None:
        return None
    return found if text.isascii() else len(data[:found].decode())


def plain_utf8(text: str, utf8: bytes | None = None) -> bytes | None:
    """The UTF-8 of a text without escapes (``utf8`` when the caller has it), or None for
    a text with a backslash or half of a surrogate pair, which only :mod:`json` reads.

    >>> plain_utf8('["é"]'), plain_utf8(r'["\\n"]')
    (b'["\\xc3\\xa9"]', None)
    """
    if "\\" in text:
        return None
    try:
        return text.encode() if utf8 is None else utf8
    except UnicodeEncodeError:  # half of a surrogate pair
        return None


def raw_offset(data: bytes, path: Sequence[str | int]) -> int | None:
    """The byte offset of the deepest item of ``path`` present in a JSON text's UTF-8, as
    :func:`json_offset` finds it; None when the text holds an escape or anything on the
    path is in doubt (not JSON, a key given twice, nested too deeply).

    >>> raw_offset('{"é": [1, 2]}'.encode(), ("é", 1))
    11
    """
    if b"\\" in data:
        return None
    view = memoryview(data)
    pos = found = _byte_space(data, 0)
    end = len(data)
    try:
        for part in path:
            opener = data[pos : pos + 1]
            if opener == b"{" and isinstance(part, str):
                at = _raw_key(data, _RAW_OBJECT.decode(view[pos:end]), pos, part)
            elif opener == b"[" and isinstance(part, int) and part >= 0:
                at = _raw_element(data, _RAW_ARRAY.decode(view[pos:end]), pos, part)
            else:
                break
            if at is None:
                break
            found, pos, end = at
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError, ValueError, _Doubt):
        return None
    return found


def _byte_space(data: bytes, pos: int) -> int:
    match = _BYTE_SPACE.match(data, pos)
    return match.end() if match else pos


def _raw_next(data: bytes, pos: int, closer: bytes) -> int | None:
    """After an entry's value (at ``pos``): the offset of the next entry, or None at the
    container's end."""
    char = data[pos : pos + 1]
    if char == b",":
        return _byte_space(data, pos + 1)
    if char == closer:
        return None
    raise _Doubt


def _raw_key(
    data: bytes, values: dict[str, msgspec.Raw], pos: int, key: str
) -> tuple[int, int, int] | None:
    """``(offset of the key, offset of its value, offset after it)`` in the object at
    ``pos`` whose raw values are ``values``, or None when it has no such key."""
    here = _byte_space(data, pos + 1)
    if data[here : here + 1] == b"}":
        return None
    names: set[str] = set()
    found = None
    while True:
        if data[here : here + 1] != b'"':
            raise _Doubt
        close = data.index(b'"', here + 1)
        name = data[here + 1 : close].decode()
        colon = _byte_space(data, close + 1)
        if data[colon : colon + 1] != b":" or name in names or name not in values:
            raise _Doubt
        names.add(name)
        value = _byte_space(data, colon + 1)
        raw = values[name]  # of the last entry of that name, when a name is given twice
        if not data.startswith(raw, value):  # an earlier entry of a name given twice
            raise _Doubt
        after = value + len(raw)
        if name == key:
            found = here, value, after
        following = _raw_next(data, _byte_space(data, after), b"}")
        if following is None:
            break
        here = following
    if len(names) != len(values):
        raise _Doubt
    return found


def _raw_element(
    data: bytes, items: list[msgspec.Raw], pos: int, index: int
) -> tuple[int, int, int] | None:
    """``(offset, offset, offset after it)`` of element ``index`` of the array at ``pos``
    whose raw elements are ``items``, or None when it has fewer."""
    if index >= len(items):
        return None
    here = _byte_space(data, pos + 1)
    for item in items[:index]:
        following = _raw_next(data, _byte_space(data, here + len(item)), b"]")
        if following is None:
            raise _Doubt
        here = following
    return here, here, here + len(items[index])
