"""Office hours: the weekly hours at which a node can act, written as ``Mon-Fri 08:30-17:15``.

An entry names days (``Mon-Fri``, ``Sat``, ``Mon,Wed,Fri`` or ``daily``) and one span of
local wall-clock time; a span ending before it starts runs past midnight into the next day
(``Fri 22:00-06:00`` ends on Saturday), and ``24:00`` ends a day.  ``24/7`` means always
on duty.  The weekly spans are minutes from Monday 00:00, local time.

Example
-------
>>> week_spans(["Mon-Fri 08:30-17:15"])[:2]
((510, 1035), (1950, 2475))
>>> week_spans(["Sat 22:00-06:00"])
((8520, 9000),)
>>> week_problem(["Mon-Fri 08:30-17:15", "Fri 17:00-18:00"])
"'Fri 17:00-18:00' overlaps 'Mon-Fri 08:30-17:15' on Fri 17:00-17:15: merge them"
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ALWAYS",
    "DAY_NAMES",
    "WEEK_MINUTES",
    "OfficeHours",
    "entry_problem",
    "week_problem",
    "week_spans",
]

#: The written value meaning "always on duty".
ALWAYS = "24/7"
#: Day names as entries write them, Monday first (``datetime.weekday()`` order).
DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Minutes in a week.
WEEK_MINUTES = 7 * 24 * 60

_DAY = {name.lower(): index for index, name in enumerate(DAY_NAMES)}
_ENTRY = re.compile(r"^\s*(?P<days>\S+)\s+(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})\s*$")
_EXPECTED = (
    "expected days and a span of local time such as 'Mon-Fri 08:30-17:15' "
    "(days: Mon-Fri, Sat, Mon,Wed,Fri or daily)"
)


def _minutes(text: str, *, end: bool) -> int | None:
    hours, minutes = (int(part) for part in text.split(":"))
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not end)):
        return None
    return hours * 60 + minutes


def _days(text: str) -> list[int] | None:
    if text.lower() == "daily":
        return list(range(7))
    found: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        if first.lower() not in _DAY or (last and last.lower() not in _DAY):
            return None
        start = _DAY[first.lower()]
        stop = _DAY[last.lower()] if last else start
        found += [day % 7 for day in range(start, stop + 1 if stop >= start else stop + 8)]
    return found


def _parse(entry: str) -> tuple[list[int], int, int] | str:
    """The days, start and end minute of one entry, or what is wrong with it."""
    match = _ENTRY.match(entry)
    if match is None:
        return f"{_EXPECTED}, got {entry!r}"
    days = _days(match["days"])
    if days is None:
        return (
            f"unknown days {match['days']!r} in {entry!r}: use Mon, Tue, ..., Sun, ranges or daily"
        )
    start, end = _minutes(match["start"], end=False), _minutes(match["end"], end=True)
    if start is None or end is None:
        return f"a time of {entry!r} is not a clock time (00:00 to 24:00)"
    if start == end:
        return f"{entry!r} is an empty span: write '{ALWAYS}' for always on duty"
    return days, start, end if end > start else end + 24 * 60


def entry_problem(entry: str) -> str | None:
    """Return what is wrong with one office-hours entry, or None when it is well formed.

    Parameters
    ----------
    entry
        One written entry, e.g. ``"Mon-Fri 08:30-17:15"``.

    Returns
    -------
    str or None
        The problem, worded for a model-file message.

    Examples
    --------
    >>> entry_problem("Mon-Fri 08:30-17:15") is None
    True
    >>> entry_problem("Mon-Fri 8.30-17.15")  # doctest: +ELLIPSIS
    "expected days and a span of local time such as 'Mon-Fri 08:30-17:15' ..."
    """
    parsed = _parse(entry)
    return parsed if isinstance(parsed, str) else None


def _spans_of(entry: str) -> list[tuple[int, int]]:
    parsed = _parse(entry)
    if isinstance(parsed, str):
        raise ValueError(parsed)
    days, start, end = parsed
    return [(day * 1440 + start, day * 1440 + end) for day in days]


def week_spans(entries: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Return the weekly on-duty spans of well-formed entries, sorted.

    A span may end after the end of the week (Sunday night into Monday); callers take it
    modulo :data:`WEEK_MINUTES`.

    Parameters
    ----------
    entries
        Well-formed entries (see :func:`entry_problem`).

    Returns
    -------
    tuple of (int, int)
        ``(start, end)`` in minutes from Monday 00:00, local time.

    Examples
    --------
    >>> week_spans(["Mon 09:00-12:00", "Mon 13:00-17:00"])
    ((540, 720), (780, 1020))
    """
    return tuple(sorted(span for entry in entries for span in _spans_of(entry)))


def _clock(minute: int) -> str:
    minute %= WEEK_MINUTES
    day, rest = divmod(minute, 1440)
    return f"{DAY_NAMES[day]} {rest // 60:02d}:{rest % 60:02d}"


def week_problem(entries: Sequence[str]) -> str | None:
    """Return the first overlap between well-formed entries, or None when there is none.

    Parameters
    ----------
    entries
        Well-formed entries (see :func:`entry_problem`).

    Returns
    -------
    str or None
        The overlap, naming both entries and the time they share.

    Examples
    --------
    >>> week_problem(["Mon-Fri 08:30-12:00", "Mon-Fri 13:00-17:15"]) is None
    True
    >>> week_problem(["Sun 22:00-06:00", "Mon 05:00-09:00"])
    "'Mon 05:00-09:00' overlaps 'Sun 22:00-06:00' on Mon 05:00-06:00: merge them"
    """
    owned = [(start, end, entry) for entry in entries for start, end in _spans_of(entry)]
    for i, (start, end, entry) in enumerate(owned):
        for other_start, other_end, other in owned[:i]:
            for shift in (-WEEK_MINUTES, 0, WEEK_MINUTES):
                low, high = max(start, other_start + shift), min(end, other_end + shift)
                if low < high:
                    return (
                        f"{entry!r} overlaps {other!r} on {_clock(low)}-{_clock(high)[4:]}: "
                        "merge them"
                    )
    return None


@dataclass(frozen=True)
class OfficeHours:
    """When a node (or every node at a location) can act: weekly local hours, or always.

    ``hours`` are the written entries (empty when ``always``); ``spans`` the weekly spans
    they stand for (see :func:`week_spans`).

    >>> OfficeHours(("Mon-Fri 08:30-17:15",)).spans[0]
    (510, 1035)
    >>> OfficeHours((), always=True).to_dict()
    {'hours': '24/7'}
    """

    hours: tuple[str, ...]
    always: bool = False
    source: str | None = None
    confidence: str | None = None
    note: str | None = None
    spans: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", () if self.always else week_spans(self.hours))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> OfficeHours:
        """Build the record from checked model-file data.

        >>> OfficeHours.from_data({"hours": "24/7", "source": "s1"}).always
        True
        """
        hours = data["hours"]
        values = {k: v for k, v in data.items() if k != "hours"}
        if hours == ALWAYS:
            return cls((), always=True, **values)
        return cls(tuple(hours), **values)

    def to_dict(self) -> dict[str, Any]:
        """Return the office hours as written in a model file."""
        data: dict[str, Any] = {"hours": ALWAYS if self.always else list(self.hours)}
        for key in ("source", "confidence", "note"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    def text(self) -> str:
        """The hours as one line of text.

        >>> OfficeHours(("Mon-Fri 08:30-17:15", "Sat 09:00-12:00")).text()
        'Mon-Fri 08:30-17:15, Sat 09:00-12:00'
        """
        return ALWAYS if self.always else ", ".join(self.hours)
