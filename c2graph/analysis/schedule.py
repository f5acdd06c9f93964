"""When decisions can take effect: a schedule of one model's decisions from a start instant,
at best or at worst.

A decision starts once its prerequisites are in force (all of an ``all``, the first of an
``any``) and every decider is on duty together (its ``watch``, else its office hours; see
:mod:`c2graph.analysis.timezones`); once started it runs its duration without stopping.  An
approval the decision must wait for (prior; prior-or-after at worst; timing not given at
worst) then needs its approver on duty and the approval's duration.  At best every range
takes its minimum, at worst its maximum.  A duration the model does not give counts as
none, and the schedule says so.  Decisions already in force at the start take effect at
the start.

Example
-------
>>> from datetime import datetime, timezone
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"}],
...     "decisions": [{"id": "plan", "name": "Plan", "deciders": ["pm"], "kind": "order",
...                    "duration": {"min": 1, "max": 6, "unit": "h", "assumption": "none known"}}]})
>>> start = datetime(2026, 5, 16, 2, tzinfo=timezone.utc)
>>> [Schedule(model, start, worst=w).effect("plan").hours_after(start) for w in (False, True)]
[1.0, 6.0]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..decisions import Approval, Duration, Requirement
from ..model import Model
from .timezones import Clock, clock

__all__ = ["HORIZON_DAYS", "Schedule", "Timed"]

#: How far ahead a common duty time of several nodes is looked for.
HORIZON_DAYS = 28


@dataclass(frozen=True)
class Timed:
    """An instant (None: not within the horizon) and the steps that decided it, latest last.

    ``steps`` are ``(label, instant)`` pairs: the critical path leading to ``at``.
    """

    at: datetime | None
    steps: tuple[tuple[str, datetime], ...] = ()

    def hours_after(self, start: datetime) -> float | None:
        """Hours from ``start`` to ``at`` (None when never)."""
        if self.at is None:
            return None
        return round((self.at - start).total_seconds() / 3600, 4)

    def then(self, label: str, at: datetime | None) -> Timed:
        """This time followed by a later step."""
        if self.at is None or at is None:
            return Timed(None, self.steps)
        return Timed(at, (*self.steps, (label, at)))


def _latest(times: Iterable[Timed], start: Timed) -> Timed:
    found = start
    for timed in times:
        if timed.at is None:
            return timed
        if found.at is not None and timed.at > found.at:
            found = timed
    return found


def _earliest(times: list[Timed]) -> Timed:
    best: Timed | None = None
    for timed in times:
        if timed.at is not None and (best is None or best.at is None or timed.at < best.at):
            best = timed
    return best or Timed(None)


@dataclass
class Decided:
    """One decision's schedule: when it could start, started, ended and took effect."""

    ready: Timed
    begun: Timed
    done: Timed
    effect: Timed
    waited_hours: float
    assumed: tuple[str, ...]


@dataclass
class Schedule:
    """The schedule of a model's decisions from ``start`` (at best, or at ``worst``).

    ``held`` are decisions already in force at the start; with ``hours=False`` nobody ever
    waits for duty hours (elapsed decision time only).
    """

    model: Model
    start: datetime
    worst: bool = False
    held: frozenset[str] = frozenset()
    hours: bool = True
    decided: dict[str, Decided] = field(default_factory=dict)
    chosen: dict[Requirement, Requirement | str] = field(default_factory=dict)
    _clocks: dict[str, Clock] = field(default_factory=dict)

    def clock(self, node: str) -> Clock:
        """The node's clock for decisions and orders (never waits with ``hours=False``)."""
        if node not in self._clocks:
            found = clock(self.model, node, orders=True)
            if not self.hours:
                found = Clock(node, found.location, None, found.zone_name, None, "none")
            self._clocks[node] = found
        return self._clocks[node]

    def on_duty(self, nodes: Iterable[str], at: datetime) -> datetime | None:
        """The first instant at or after ``at`` when every node is on duty together."""
        clocks = [self.clock(n) for n in nodes]
        limit = at + timedelta(days=HORIZON_DAYS)
        moment = at
        while moment <= limit:
            later = max(c.next_on_duty(moment) for c in clocks)
            if later == moment:
                return moment
            moment = later
        return None

    def length(self, duration: Duration | None) -> timedelta:
        """A duration's minimum (or, at worst, maximum); none when the model gives none."""
        if duration is None:
            return timedelta(0)
        low, high = duration.hours
        return timedelta(hours=high if self.worst else low)

    def requirement(self, need: Requirement | str | None) -> Timed:
        """When a requirement is met: all of an ``all``, the first of an ``any``."""
        base = Timed(self.start)
        if need is None:
            return base
        if isinstance(need, str):
            return self.effect(need)
        times = [self.requirement(item) for item in need.items]
        if need.op == "all":
            return _latest(times, base)
        found = _earliest(times)
        for item, timed in zip(need.items, times, strict=True):
            if timed is found:
                self.chosen[need] = item
        return found

    def used(self, need: Requirement | str | None) -> list[str]:
        """The decisions a met requirement rests on: every one of an ``all``, the option
        taken of an ``any``, with their prerequisites (call after :meth:`requirement`)."""
        if need is None:
            return []
        if isinstance(need, str):
            return [need, *self.used(self.model.decisions[need].prerequisites)]
        items = need.items if need.op == "all" else (self.chosen[need],)
        return [name for item in items for name in self.used(item)]

    def effect(self, name: str) -> Timed:
        """When decision ``name`` is in force (see the module docstring)."""
        return self._decide(name).effect

    def details(self, name: str) -> Decided:
        """The whole schedule of one decision."""
        return self._decide(name)

    def _decide(self, name: str) -> Decided:
        if name in self.decided:
            return self.decided[name]
        decision = self.model.decisions[name]
        if name in self.held:
            now = Timed(self.start, ((f"{name} in force", self.start),))
            found = Decided(now, now, now, now, 0.0, ())
        else:
            ready = self.requirement(decision.prerequisites)
            begun_at = self.on_duty(decision.deciders, ready.at) if ready.at else None
            begun = ready.then(f"{name} begins", begun_at)
            done = begun.then(
                f"{name} decided",
                begun.at + self.length(decision.duration) if begun.at else None,
            )
            effect = self._approved(name, decision.approvals, done)
            waited = (begun.at - ready.at).total_seconds() / 3600 if begun.at and ready.at else 0
            assumed = () if decision.duration else (f"{name}: no duration in the model",)
            found = Decided(ready, begun, done, effect, round(waited, 4), assumed)
        self.decided[name] = found
        return found

    def _approved(self, name: str, approvals: tuple[Approval, ...], done: Timed) -> Timed:
        """``done`` after every approval the decision waits for, in order."""
        found = done
        for approval in approvals:
            if not approval.waits[1 if self.worst else 0] or found.at is None:
                continue
            ready = self.on_duty([approval.by], found.at)
            found = found.then(f"{name} approved by {approval.by} begins", ready)
            if found.at is not None:
                end = found.at + self.length(approval.duration)
                found = found.then(f"{name} approved by {approval.by}", end)
        return found
