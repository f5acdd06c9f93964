"""Text made inert: control, bidirectional and invisible characters shown as escapes.

Names, ids and paths come from model files, which people pass around. Printed as they are,
an escape sequence would clear a terminal or retitle its window, a newline would forge a
line of output ("All models valid"), and a bidirectional control would show text other
than what it holds. :func:`inert` writes each such character as ``\\uXXXX`` (a surrogate
pair of escapes above U+FFFF), which reads the same inside a JSON string and shows
literally everywhere else.

Example
-------
>>> print(inert("HQ\\x1b]0;pwned\\x07 \\u202eevil"))
HQ\\u001b]0;pwned\\u0007 \\u202eevil
>>> inert("line one\\nline two", keep="\\n") == "line one\\nline two"
True
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "inert"]

#: Characters that act rather than show: C0 and C1 controls and DEL; format characters
#: (soft hyphen, zero-width characters, bidirectional marks, embeddings, overrides and
#: isolates, invisible operators, the byte order mark, interlinear annotations, tags); the
#: line and paragraph separators; and halves of surrogate pairs.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def inert(text: str, *, keep: str = "") -> str:
    """Return ``text`` with every character of :data:`UNSAFE` but those in ``keep`` escaped.

    Parameters
    ----------
    text
        Text from a model, a path or a message.
    keep
        Characters left as they are (``"\\n"`` for text whose lines are its own).

    Returns
    -------
    str
        The same text when it holds nothing unsafe (checked first, cheaply).

    Examples
    --------
    >>> inert("a\\tb\\U000e0041"), inert("a\\tb", keep="\\t")
    ('a\\\\u0009b\\\\udb40\\\\udc41', 'a\\tb')
    """
    if not UNSAFE.search(text):
        return text
    if not keep:
        return UNSAFE.sub(_escape, text)
    return UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
