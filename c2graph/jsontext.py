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

from .inert import UNSAFE

__all__ = ["dumps"]

#: :data:`~c2graph.inert.UNSAFE` but the newlines of the layout: in JSON text every other
#: control character is an escape already.
_UNSAFE_IN_JSON = re.compile(f"(?!\n){UNSAFE.pattern}")


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
    try:
        compact = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or an infinity: not JSON proper, which msgspec reads
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = msgspec.json.format(compact.encode(), indent=2).decode()
    return _UNSAFE_IN_JSON.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """The JSON escape of one character (a pair of escapes above U+FFFF)."""
    return json.dumps(match.group())[1:-1]
