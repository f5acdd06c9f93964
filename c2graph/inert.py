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

import functools
import re
from collections.abc import Iterable

__all__ = ["UNSAFE", "inert", "unsafe_except"]

#: The ranges of :data:`UNSAFE`, first and last code point: C0 and C1 controls and DEL;
#: format characters (soft hyphen, zero-width characters, bidirectional marks, embeddings,
#: overrides and isolates, invisible operators, the byte order mark, interlinear
#: annotations, tags); the line and paragraph separators; and halves of surrogate pairs.
_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C),
    (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0xD800, 0xDFFF), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip


def _class(ranges: Iterable[tuple[int, int]]) -> re.Pattern[str]:
    """The character class of ``ranges``."""
    spans = (
        re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in ranges
    )
    return re.compile("[" + "".join(spans) + "]")


#: Characters that act rather than show (:data:`_RANGES`).
UNSAFE = _class(_RANGES)


@functools.cache
def unsafe_except(keep: str) -> re.Pattern[str]:
    """The characters of :data:`UNSAFE` but those in ``keep``, as one character class
    (matched as fast as :data:`UNSAFE`, with no test of each match against ``keep``).

    >>> unsafe_except("\\n").findall("a\\nb\\tc\\u202e")
    ['\\t', '\\u202e']
    """
    kept = sorted({ord(character) for character in keep})
    ranges = []
    for lo, hi in _RANGES:
        for code in (k for k in kept if lo <= k <= hi):
            if lo < code:
                ranges.append((lo, code - 1))
            lo = code + 1
        if lo <= hi:
            ranges.append((lo, hi))
    return _class(ranges)


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
    unsafe = unsafe_except(keep) if keep else UNSAFE
    if not unsafe.search(text):
        return text
    return unsafe.sub(_escape, text)
