"""Readable JSON text (indented by two, UTF-8, control and invisible characters escaped),
encoded at the speed of compiled code.

The standard library encodes indented JSON in pure Python, several times slower than its
compact C encoder; a comparison of two 10,000-unit models writes 158 MB of it.  So the
data is encoded compact by :func:`json.dumps` (the same numbers and strings, in C) and
laid out by :func:`msgspec.json.format`, which copies every token as it is: the text is
byte for byte that of ``json.dumps(data, ensure_ascii=False, indent=2)``.  Data holding a
``NaN`` or an infinity, which JSON proper cannot hold, takes the standard library's own
indented encoder, which writes them as ``NaN`` and ``Infinity``.

Example
-------
>>> print(dumps({"phase": "平時", "nodes": [1, 2.5], "links": []}))
{
  "phase": "平時",
  "nodes": [
    1,
    2.5
  ],
  "links": []
}
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec

from .inert import UNSAFE, unsafe_except

__all__ = ["dumps", "dumps_utf8"]

#: Printable ASCII, as bytes: in UTF-8 never part of a longer character, so that dropped
#: from a text's UTF-8 it leaves the UTF-8 of every other character, in order.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def dumps(data: Any) -> str:
    """Return ``data`` as ``json.dumps(data, ensure_ascii=False, indent=2)`` writes it,
    with every character of :data:`~c2graph.inert.UNSAFE` inside strings written as its
    JSON escape (so that the text is inert on a terminal and reads back the same).

    Parameters
    ----------
    data
        Plain JSON-ready data: dicts, lists, strings, numbers, booleans and ``None``.

    Returns
    -------
    str
        The JSON text, without a final newline.

    Examples
    --------
    >>> print(dumps({"name": "HQ\\u202e", "score": float("nan")}))
    {
      "name": "HQ\\u202e",
      "score": NaN
    }
    """
    return dumps_utf8(data).decode()


def dumps_utf8(data: Any) -> bytes:
    """Return the UTF-8 of :func:`dumps`, made without decoding the laid-out text.

    The compact text is escaped (it holds no layout, so every unsafe character in it is
    inside a string), encoded and then laid out; whether it holds an unsafe character at
    all is found in its UTF-8 with the printable ASCII dropped, a few bytes a character
    outside ASCII.

    Examples
    --------
    >>> dumps_utf8({"phase": "平時", "bad": "\\x7f"}).decode()
    '{\\n  "phase": "平時",\\n  "bad": "\\\\u007f"\\n}'
    """
    try:
        compact = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or an infinity: not JSON proper, which msgspec reads
        text = json.dumps(data, ensure_ascii=False, indent=2)
        return unsafe_except("\n").sub(_escape, text).encode()
    raw = compact.encode(errors="surrogatepass")
    if _unsafe(raw):
        raw = UNSAFE.sub(_escape, compact).encode()
    del compact
    return msgspec.json.format(raw, indent=2)


def _unsafe(raw: bytes) -> bool:
    """Whether the UTF-8 ``raw`` (halves of surrogate pairs passed) holds an unsafe character."""
    rest = raw.translate(None, _PRINTABLE_ASCII)
    return bool(rest) and UNSAFE.search(rest.decode(errors="surrogatepass")) is not None


def _escape(match: re.Match[str]) -> str:
    """The JSON escape of one character (a pair of escapes above U+FFFF)."""
    return json.dumps(match.group())[1:-1]
