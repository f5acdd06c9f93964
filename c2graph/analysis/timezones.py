"""Clocks and office hours: each node's time zone and duty hours, the clock offset between
two nodes (modulo 24 h, with the date line), and the office hours two nodes (or a chain)
share.

A node's clock is its location's: the IANA zone ``tz`` (daylight saving from the zone
database, via :mod:`zoneinfo`), else the fixed ``utc_offset``.  Its office hours are its
own, else its location's, else the model's default ``office_hours``; a model that gives
none leaves the node always able to act (the documented default), and every answer says
which of these applied.  Holidays are not modelled.

Example
-------
>>> from datetime import datetime, timezone
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025-03-04",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jjoc", "name": "JJOC", "nation": "JP", "kind": "headquarters",
...                "location": "tokyo"},
...               {"id": "pacom", "name": "INDOPACOM", "nation": "US", "kind": "headquarters",
...                "location": "hawaii"}],
...     "locations": [
...         {"id": "tokyo", "name": "Tokyo", "lat": 35.7, "lon": 139.7, "utc_offset": 9,
...          "tz": "Asia/Tokyo", "office_hours": {"hours": ["Mon-Fri 08:30-17:15"]}},
...         {"id": "hawaii", "name": "Camp Smith", "lat": 21.4, "lon": -157.9,
...          "utc_offset": -10, "tz": "Pacific/Honolulu",
...          "office_hours": {"hours": ["Mon-Fri 07:30-16:30"]}}]})
>>> offset = clock_offset(model, "jjoc", "pacom")
>>> offset.hours, offset.day_shift, offset.text()
(5.0, -1, '5 h ahead on the clock, one calendar day behind (UTC-10 vs UTC+9)')
>>> shared = shared_hours(model, ["jjoc", "pacom"])
>>> shared.weekly_hours, [w.text() for w in shared.windows][:1]
(12.0, ['Tue 08:30-11:30 (jjoc) = Mon 13:30-16:30 (pacom)'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from ..display import Displayable
from ..hours import DAY_NAMES, OfficeHours
from ..model import Model

__all__ = [
    "Clock",
    "ClockOffset",
    "SharedHours",
    "Window",
    "clock",
    "clock_offset",
    "reference_instant",
    "shared_hours",
]

_UTC = UTC


@dataclass(frozen=True)
class Clock(Displayable):
    """Where a node keeps time and when it can act.

    ``zone`` is None for a node without location (it can always act); ``hours`` is None
    when the model gives no office hours for it; ``hours_from`` says which record they come
    from: ``node``, ``location``, ``model`` or ``none`` (or ``watch``, the node's hours for
    decisions and orders).
    """

    node: str
    location: str | None
    zone: tzinfo | None
    zone_name: str | None
    hours: OfficeHours | None
    hours_from: str

    @property
    def always(self) -> bool:
        """True when the node never waits: 24/7, no office hours, or no clock."""
        return self.zone is None or self.hours is None or self.hours.always

    def local(self, instant: datetime) -> datetime:
        """``instant`` on this clock (UTC for a node without one)."""
        return instant.astimezone(self.zone or _UTC)

    def next_on_duty(self, instant: datetime) -> datetime:
        """Return the first instant at or after ``instant`` at which the node is on duty.

        >>> Clock("n", None, None, None, None, "none").next_on_duty(
        ...     datetime(2026, 5, 16, tzinfo=timezone.utc)).isoformat()
        '2026-05-16T00:00:00+00:00'
        """
        if self.always:
            return instant
        for start, end in self.intervals(instant - timedelta(days=8), instant + timedelta(days=8)):
            if end > instant:
                return max(start, instant)
        return instant  # unreachable for well-formed hours: every week has a span

    def intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """The on-duty intervals (UTC) overlapping ``[start, end)``, in order, unclipped."""
        if self.zone is None or self.hours is None or self.hours.always:
            return [(start.astimezone(_UTC), end.astimezone(_UTC))]
        first = self.local(start).date()
        monday = first - timedelta(days=first.weekday() + 7)
        found = []
        while monday <= self.local(end).date():
            for low, high in self.hours.spans:
                span = (self._at(monday, low), self._at(monday, high))
                if span[1] > start and span[0] < end:
                    found.append(span)
            monday += timedelta(days=7)
        return sorted(found)

    def _at(self, monday: date, minute: int) -> datetime:
        """The instant (UTC) of a weekly minute of local wall-clock time after ``monday``."""
        wall = datetime.combine(monday, datetime.min.time()) + timedelta(minutes=minute)
        return wall.replace(tzinfo=self.zone).astimezone(_UTC)

    def describe(self) -> str:
        """Zone and office hours in words, saying where they come from."""
        zone = self.zone_name or "no clock (no location)"
        if self.hours is None:
            return f"{zone}; no office hours in the model: can always act"
        origin = "watch" if self.hours_from == "watch" else f"{self.hours_from} office hours"
        return f"{zone}; {self.hours.text()} ({origin})"

    def to_dict(self) -> dict[str, Any]:
        """Return the clock as JSON-ready data."""
        return {
            "node": self.node,
            "location": self.location,
            "zone": self.zone_name,
            "office_hours": self.hours.text() if self.hours else None,
            "office_hours_from": self.hours_from,
            "source": self.hours.source if self.hours else None,
        }


def clock(model: Model, node: str, *, orders: bool = False) -> Clock:
    """Return a node's clock: zone from its location, office hours as the module says.

    Parameters
    ----------
    model
        The model.
    node
        The node's id (unknown ids raise :class:`~c2graph.errors.QueryError`).
    orders
        Give the hours at which the node takes decisions and passes orders: its ``watch``
        (``hours_from`` is then ``watch``) where it has one, else its office hours.

    Returns
    -------
    Clock
        The node's zone and office hours.

    Examples
    --------
    >>> from c2graph import load_model
    >>> clock(load_model("models/us-rok-cfc.yaml"), "kr-forces").describe()
    'no clock (no location); no office hours in the model: can always act'
    """
    record = model.node(node)
    location = model.locations.get(record.location) if record.location else None
    if location is None:
        return Clock(node, None, None, None, None, "none")
    zone: tzinfo
    if location.tz:
        zone, name = ZoneInfo(location.tz), location.tz
    else:
        zone = timezone(timedelta(hours=location.utc_offset))
        name = f"UTC{location.utc_offset:+g} (fixed)"
    if orders and record.watch is not None:
        return Clock(node, location.id, zone, name, record.watch, "watch")
    for hours, origin in (
        (record.office_hours, "node"),
        (location.office_hours, "location"),
        (model.office_hours, "model"),
    ):
        if hours is not None:
            return Clock(node, location.id, zone, name, hours, origin)
    return Clock(node, location.id, zone, name, None, "none")


def reference_instant(model: Model) -> datetime:
    """Noon UTC on the model's ``as_of`` date (its first day when only a year or month is
    given): the instant at which clock offsets are read, so daylight saving is the date's.

    >>> from c2graph import load_model
    >>> reference_instant(load_model("models/us-rok-cfc.yaml")).isoformat()
    '2019-01-01T12:00:00+00:00'
    """
    parts = [int(p) for p in model.as_of.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], 12, tzinfo=_UTC)


@dataclass(frozen=True)
class ClockOffset(Displayable):
    """How far ``b``'s clock is from ``a``'s: ``hours`` modulo 24 in (-12, 12], and
    ``day_shift``, the calendar days to add to ``a``'s date on ``b``'s side of the date line
    (``raw`` = ``hours`` + 24 × ``day_shift`` is the plain difference of UTC offsets)."""

    a: str
    b: str
    hours: float
    day_shift: int
    raw: float
    a_utc: float
    b_utc: float

    @property
    def date_line(self) -> bool:
        """True when the shorter way between the two clocks crosses the date line."""
        return self.day_shift != 0

    def text(self) -> str:
        """The offset in words, as seen from ``a``."""
        if not self.hours and not self.day_shift:
            return "same clock"
        side = "ahead" if self.hours >= 0 else "behind"
        words = f"{abs(self.hours):g} h {side} on the clock"
        if self.day_shift:
            words += f", one calendar day {'ahead' if self.day_shift > 0 else 'behind'}"
        return f"{words} (UTC{self.b_utc:+g} vs UTC{self.a_utc:+g})"

    def to_dict(self) -> dict[str, Any]:
        """Return the offset as JSON-ready data."""
        return {
            "a": self.a,
            "b": self.b,
            "hours": self.hours,
            "day_shift": self.day_shift,
            "date_line": self.date_line,
            "raw": self.raw,
        }


def clock_offset(model: Model, a: str, b: str, *, at: datetime | None = None) -> ClockOffset:
    """Return the offset of ``b``'s clock from ``a``'s at an instant.

    Tokyo (UTC+9) to Honolulu (UTC−10): the offsets differ by −19 h, which is +5 h on the
    clock and one calendar day behind: 08:30 Tuesday in Tokyo is 13:30 Monday in Honolulu.

    Parameters
    ----------
    model
        The model.
    a, b
        Node ids; a node without a clock keeps UTC.
    at
        The instant (daylight saving is that instant's); default
        :func:`reference_instant`.

    Returns
    -------
    ClockOffset
        The offset.

    Examples
    --------
    See the module example.

    References
    ----------
    IANA time zone database (via :mod:`zoneinfo`); review of the US–Japan models
    (December 2026), recommended fix 8: clock offset modulo 24 with a date-line flag.
    """
    instant = at or reference_instant(model)
    one = _utc_hours(clock(model, a), instant)
    two = _utc_hours(clock(model, b), instant)
    raw = two - one
    hours = (raw + 12) % 24 - 12
    if hours == -12:
        hours = 12.0
    return ClockOffset(a, b, hours, round((raw - hours) / 24), raw, one, two)


def _utc_hours(node_clock: Clock, instant: datetime) -> float:
    offset = node_clock.local(instant).utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else 0.0


@dataclass(frozen=True)
class Window(Displayable):
    """A span of time when every node of a pair or chain is on duty, in UTC, shown on the
    first and the last node's clocks."""

    start: datetime
    end: datetime
    clocks: tuple[Clock, ...]

    @property
    def hours(self) -> float:
        """The window's length in hours."""
        return (self.end - self.start).total_seconds() / 3600

    def text(self) -> str:
        """The window on the first and last clocks: ``Tue 08:30-11:30 (a) = Mon ... (b)``."""
        ends = (self.clocks[0], self.clocks[-1])
        return " = ".join(f"{_span(c, self.start, self.end)} ({c.node})" for c in ends)

    def to_dict(self) -> dict[str, Any]:
        """Return the window as JSON-ready data (ISO instants and each end's local span)."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "hours": round(self.hours, 4),
            "local": {c.node: _span(c, self.start, self.end) for c in self.clocks},
        }


def _span(node_clock: Clock, start: datetime, end: datetime) -> str:
    low, high = node_clock.local(start), node_clock.local(end)
    return f"{DAY_NAMES[low.weekday()]} {low:%H:%M}-{high:%H:%M}"


@dataclass(frozen=True)
class SharedHours(Displayable):
    """The office hours every node of ``nodes`` shares, over the first node's local week
    (Monday to Sunday) containing ``week_of``."""

    nodes: tuple[str, ...]
    week_of: date
    windows: tuple[Window, ...]
    clocks: tuple[Clock, ...]

    @property
    def weekly_hours(self) -> float:
        """Total shared hours in the week."""
        return round(sum(w.hours for w in self.windows), 4)

    def to_dict(self) -> dict[str, Any]:
        """Return the shared hours as JSON-ready data."""
        return {
            "nodes": list(self.nodes),
            "week_of": self.week_of.isoformat(),
            "weekly_hours": self.weekly_hours,
            "windows": [w.to_dict() for w in self.windows],
            "clocks": [c.to_dict() for c in self.clocks],
        }


def shared_hours(model: Model, nodes: Sequence[str], *, week_of: date | None = None) -> SharedHours:
    """Return the office hours shared by every node of ``nodes`` in one week.

    The on-duty intervals of each node are taken in UTC (each from its own zone, so
    daylight saving moves them) and intersected; a node that can always act shares all
    of the others' hours.  Tokyo 08:30–17:15 and Honolulu 07:30–16:30 share 3 h a day,
    Tuesday to Friday in Tokyo (12 h a week); Tokyo and Washington share none.

    Parameters
    ----------
    model
        The model.
    nodes
        Two or more node ids: a linked pair, or a chain.
    week_of
        A day of the week looked at, on the first node's clock; default the model's
        ``as_of`` (see :func:`reference_instant`).

    Returns
    -------
    SharedHours
        The windows, in time order.

    Examples
    --------
    See the module example.

    References
    ----------
    Review of the US–Japan models (December 2026), Appendix B (office-hour overlap
    Tokyo–Hawaii–Washington).
    """
    clocks = tuple(clock(model, n) for n in nodes)
    day = week_of or reference_instant(model).date()
    monday = day - timedelta(days=day.weekday())
    first = clocks[0].zone or _UTC
    start = datetime.combine(monday, datetime.min.time(), tzinfo=first).astimezone(_UTC)
    end = datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=first)
    common = clocks[0].intervals(start, end.astimezone(_UTC))
    for other in clocks[1:]:
        common = _intersect(common, other.intervals(start, end.astimezone(_UTC)))
    windows = tuple(
        Window(max(low, start), min(high, end.astimezone(_UTC)), clocks)
        for low, high in common
        if high > start and low < end
    )
    return SharedHours(tuple(nodes), monday, windows, clocks)


def _intersect(
    one: list[tuple[datetime, datetime]], two: list[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    found = []
    for low, high in one:
        for other_low, other_high in two:
            start, end = max(low, other_low), min(high, other_high)
            if start < end:
                found.append((start, end))
    return sorted(found)
