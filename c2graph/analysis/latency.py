"""How long authority takes to arrive: when each link a change of situation activates can
hold, and when an order can reach a node along its chain of command.

The decisions the change needs (:mod:`c2graph.analysis.decisions`) are scheduled from the
start instant at best and at worst (:mod:`c2graph.analysis.schedule`): durations, office
hours and watches, prior and after-the-fact approvals all come from the model.  The new
situation is entered when every decision its phases require is in force; a link it
activates holds once, in addition, its own required decisions are.  An order to TARGET
leaves the top of each chain of command of TARGET in the new situation when the situation
is entered; every node on the chain passes it on when on duty, after its ``relay`` time,
and no sooner than the link to the next node holds; the earliest chain is reported.
Without a start instant nobody waits for office hours: the times are elapsed decision
time only.

Example
-------
>>> from datetime import datetime, timezone
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "peace", "name": "Peace"},
...                {"id": "war", "name": "War", "requires": ["plan"]}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "sdf", "name": "SDF", "nation": "JP", "kind": "headquarters"}],
...     "links": [{"from": "pm", "to": "sdf", "relation": "command", "phases": ["war"]}],
...     "decisions": [{"id": "plan", "name": "Plan", "deciders": ["pm"],
...                    "kind": "cabinet-decision",
...                    "duration": {"min": 1, "max": 6, "unit": "h", "assumption": "guess"}}]})
>>> result = latency(model, after="war", target="sdf")
>>> result.links[0].link, result.links[0].hours()
('pm->sdf:command', (1.0, 6.0))
>>> result.arrival.hours(), result.arrival.chain
((1.0, 6.0), ('pm', 'sdf'))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..display import Displayable
from ..model import Model
from .chains import CommandChains
from .decisions import in_force, situation_requirements
from .graphs import links_switched, phase_graphs
from .schedule import Schedule, Timed
from .timezones import clock

__all__ = ["Arrival", "Event", "LatencyResult", "LinkTime", "Span", "latency"]

#: The instant schedules start from when no start is given (only elapsed time is shown).
_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)


@dataclass(frozen=True)
class Span(Displayable):
    """A time at best and at worst (None: not within the horizon), from ``start``."""

    earliest: datetime | None
    latest: datetime | None
    start: datetime

    def hours(self) -> tuple[float | None, float | None]:
        """Hours from the start at best and at worst."""
        return self._hours(self.earliest), self._hours(self.latest)

    def _hours(self, at: datetime | None) -> float | None:
        return None if at is None else round((at - self.start).total_seconds() / 3600, 4)

    def to_dict(self, *, absolute: bool) -> dict[str, Any]:
        """Return the span as JSON-ready data (ISO instants only when the start is real)."""
        low, high = self.hours()
        data: dict[str, Any] = {"earliest_hours": low, "latest_hours": high}
        if absolute:
            data["earliest"] = self.earliest.isoformat() if self.earliest else None
            data["latest"] = self.latest.isoformat() if self.latest else None
        return data


@dataclass(frozen=True)
class Event(Displayable):
    """One step of the timeline: a decision beginning or in force, an approval awaited,
    the new situation entered, a link holding, an order arriving.

    ``who`` are the deciders (or the ends of the link); ``zone`` the clock of the first of
    them and ``local`` the time at best and at worst on that clock (``Sat 02:00 JST``);
    ``waited`` the hours spent waiting for duty hours, at best and at worst.
    """

    kind: str
    subject: str
    who: tuple[str, ...]
    zone: str | None
    time: Span
    waited: tuple[float, float] = (0.0, 0.0)
    local: tuple[str | None, str | None] = (None, None)

    def to_dict(self, *, absolute: bool) -> dict[str, Any]:
        """Return the event as JSON-ready data."""
        data = {
            "kind": self.kind,
            "subject": self.subject,
            "who": list(self.who),
            "zone": self.zone,
            "waited_hours": list(self.waited),
            **self.time.to_dict(absolute=absolute),
        }
        if absolute:
            data["local"] = list(self.local)
        return data


@dataclass(frozen=True)
class LinkTime(Displayable):
    """When a link the change activates can hold; ``requires`` as words (None: only the
    situation's own decisions)."""

    link: str
    requires: str | None
    time: Span

    def hours(self) -> tuple[float | None, float | None]:
        """Hours from the start at best and at worst."""
        return self.time.hours()

    def to_dict(self, *, absolute: bool) -> dict[str, Any]:
        """Return the link time as JSON-ready data."""
        return {
            "link": self.link,
            "requires": self.requires,
            **self.time.to_dict(absolute=absolute),
        }


@dataclass(frozen=True)
class Arrival(Displayable):
    """When an order reaches ``target``: the chain used at best (``chain``) and at worst
    (``chain_latest``)."""

    target: str
    chain: tuple[str, ...]
    chain_latest: tuple[str, ...]
    time: Span

    def hours(self) -> tuple[float | None, float | None]:
        """Hours from the start at best and at worst."""
        return self.time.hours()

    def to_dict(self, *, absolute: bool) -> dict[str, Any]:
        """Return the arrival as JSON-ready data."""
        return {
            "target": self.target,
            "chain": list(self.chain),
            "chain_latest": list(self.chain_latest),
            **self.time.to_dict(absolute=absolute),
        }


@dataclass(frozen=True)
class LatencyResult(Displayable):
    """The latency of a change of situation (see :func:`latency`).

    ``critical`` holds the critical path at best and at worst: ``(label, instant)`` steps
    leading to the last link (or to the order's arrival, with a target).  ``assumptions``
    lists every duration, approval timing and clock the answer used, as the model gives
    them, and what the model does not give.
    """

    before: str
    after: str
    start: datetime | None
    events: tuple[Event, ...]
    links: tuple[LinkTime, ...]
    entered: Span
    arrival: Arrival | None
    critical: tuple[tuple[tuple[str, datetime], ...], tuple[tuple[str, datetime], ...]]
    assumptions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data."""
        absolute = self.start is not None
        base = self.start or _EPOCH
        return {
            "before": self.before,
            "after": self.after,
            "start": self.start.isoformat() if self.start else None,
            "office_hours_applied": absolute,
            "entered": self.entered.to_dict(absolute=absolute),
            "events": [e.to_dict(absolute=absolute) for e in self.events],
            "links": [t.to_dict(absolute=absolute) for t in self.links],
            "arrival": self.arrival.to_dict(absolute=absolute) if self.arrival else None,
            "critical_path": {
                name: [_step(label, at, base, absolute) for label, at in path]
                for name, path in zip(("earliest", "latest"), self.critical, strict=True)
            },
            "assumptions": list(self.assumptions),
        }


def _step(label: str, at: datetime, base: datetime, absolute: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"step": label, "hours": round((at - base).total_seconds() / 3600, 4)}
    if absolute:
        data["at"] = at.isoformat()
    return data


def latency(
    model: Model,
    *,
    after: str,
    before: str | None = None,
    start: datetime | None = None,
    target: str | None = None,
) -> LatencyResult:
    """Return when the links a change of situation activates can hold, and when an order
    can reach ``target``.

    Parameters
    ----------
    model
        The model.
    after
        The situation entered (phase or scenario id).
    before
        The situation left; default the model's first phase.
    start
        The instant the change begins (aware); without it office hours are not applied.
    target
        A node an order must reach along its chain of command in ``after``.

    Returns
    -------
    LatencyResult
        Timeline, link times, the order's arrival, critical paths and assumptions.

    Raises
    ------
    QueryError
        Unknown situation or node ids.

    Examples
    --------
    See the module example.

    References
    ----------
    Review of the US–Japan models (December 2026), ranked analysis 1: path latency = sum
    of decision times + time-zone waits using office-hour calendars.
    """
    before = model.situation(before).id if before else model.phases[0].id
    model.situation(after)
    if target is not None:
        model.node(target)
    base = start or _EPOCH
    held = in_force(model, before)
    passes = [
        Schedule(model, base, worst=w, held=held, hours=start is not None) for w in (False, True)
    ]
    runs = [_Run(model, s, before, after) for s in passes]
    arrivals = [run.arrival(target) for run in runs] if target else None
    finals = [a[0] for a in arrivals] if arrivals else [run.last() for run in runs]
    links = tuple(
        LinkTime(key, need, _span([run.links[key] for run in runs], base))
        for key, need in runs[0].link_needs.items()
    )
    return LatencyResult(
        before=before,
        after=after,
        start=start,
        events=_events(model, runs, base),
        links=links,
        entered=_span([run.entered for run in runs], base),
        arrival=_arrival(target, arrivals, base) if target and arrivals else None,
        critical=(finals[0].steps, finals[1].steps),
        assumptions=_assumptions(model, runs, arrivals),
    )


class _Run:
    """One pass (at best or at worst): the situation entered, the links, the orders."""

    def __init__(self, model: Model, schedule: Schedule, before: str, after: str) -> None:
        self.model, self.schedule, self.after = model, schedule, after
        needs = [need for _phase, need in situation_requirements(model, after)]
        met = _latest_of([schedule.requirement(need) for need in needs], schedule.start)
        self.entered = met.then(f"{after} entered", met.at)
        activated, _ = links_switched(phase_graphs(model, before), phase_graphs(model, after))
        self.link_needs = {
            link.key: link.requires.text() if link.requires else None for link in activated
        }
        self.links: dict[str, Timed] = {}
        for link in activated:
            both = _latest_of([self.entered, schedule.requirement(link.requires)], schedule.start)
            self.links[link.key] = both.then(f"link {link.key} holds", both.at)
        self.used = {
            name: None
            for need in (*needs, *(link.requires for link in activated))
            for name in schedule.used(need)
            if name not in schedule.held
        }

    def last(self) -> Timed:
        """The latest of the situation's entry and its new links."""
        return _latest_of([self.entered, *self.links.values()], self.schedule.start)

    def arrival(self, target: str) -> tuple[Timed, tuple[str, ...]]:
        """The earliest arrival of an order at ``target``, and the chain it takes."""
        graph = phase_graphs(self.model, self.after).authority
        found: tuple[Timed, tuple[str, ...]] = (Timed(None), ())
        for nodes, held in sorted(CommandChains(graph).composed(target)):
            if held in ("none", "adcon") or len(nodes) < 2:
                continue
            reached = self._along(nodes, graph)
            best = found[0].at
            if reached.at is not None and (best is None or reached.at < best):
                found = (reached, nodes)
        return found

    def _along(self, nodes: tuple[str, ...], graph: Any) -> Timed:
        schedule = self.schedule
        moment = self.entered
        for i, node in enumerate(nodes):
            if i:
                keys = [key for _rel, key in graph.edges[nodes[i - 1], node]["links"]]
                hop = min(
                    (self.links.get(k, Timed(schedule.start)) for k in keys),
                    key=lambda t: t.at or datetime.max.replace(tzinfo=UTC),
                )
                moment = _latest_of([moment, hop], schedule.start)
            duty = schedule.on_duty([node], moment.at) if moment.at else None
            if node == nodes[-1]:
                return moment.then(f"order received by {node}", duty)
            moment = moment.then(f"{node} on duty", duty)
            relay = self.model.nodes[node].relay
            end = moment.at + schedule.length(relay) if moment.at else None
            moment = moment.then(f"{node} passes the order on", end)
        return moment


def _latest_of(times: list[Timed], start: datetime) -> Timed:
    found = Timed(start)
    for timed in times:
        if timed.at is None:
            return timed
        if found.at is not None and timed.at >= found.at:
            found = timed
    return found


def _span(times: list[Timed], base: datetime) -> Span:
    return Span(times[0].at, times[1].at, base)


def _arrival(target: str, arrivals: list[tuple[Timed, tuple[str, ...]]], base: datetime) -> Arrival:
    return Arrival(target, arrivals[0][1], arrivals[1][1], _span([a[0] for a in arrivals], base))


_ORDER = {"in force": 0, "entered": 1, "link": 2, "begins": 3}


def _events(model: Model, runs: list[_Run], base: datetime) -> tuple[Event, ...]:
    """The decisions the answer rests on (alternatives taken at best or at worst), the
    situation entered and the links, in time order."""
    schedules = [run.schedule for run in runs]
    names = list({**runs[0].used, **runs[1].used})
    found = []
    for name in names:
        decision = model.decisions[name]
        details = [s.details(name) for s in schedules]
        waited = (details[0].waited_hours, details[1].waited_hours)
        for kind, timed in (
            ("begins", [d.begun for d in details]),
            ("in force", [d.effect for d in details]),
        ):
            found.append(_event(model, kind, name, decision.deciders, timed, base, waited))
    found.append(_event(model, "entered", runs[0].after, (), [r.entered for r in runs], base))
    for key in runs[0].links:
        link = model.link(key)
        timed = [run.links[key] for run in runs]
        found.append(_event(model, "link", key, (link.from_node, link.to_node), timed, base))
    return tuple(sorted(found, key=_event_key))


def _event(
    model: Model,
    kind: str,
    subject: str,
    who: tuple[str, ...],
    timed: list[Timed],
    base: datetime,
    waited: tuple[float, float] = (0.0, 0.0),
) -> Event:
    """An event, with the local times on the clock of the first of ``who``."""
    node_clock = clock(model, who[0]) if who else None
    span = _span(timed, base)
    local = tuple(
        None if at is None or node_clock is None else f"{node_clock.local(at):%a %H:%M %Z}"
        for at in (span.earliest, span.latest)
    )
    zone = node_clock.zone_name if node_clock else None
    return Event(kind, subject, who, zone, span, waited, (local[0], local[1]))


def _event_key(event: Event) -> tuple[Any, ...]:
    far = datetime.max.replace(tzinfo=UTC)
    return (
        event.time.earliest or far,
        event.time.latest or far,
        _ORDER[event.kind],
        event.subject,
    )


def _assumptions(
    model: Model,
    runs: list[_Run],
    arrivals: list[tuple[Timed, tuple[str, ...]]] | None,
) -> tuple[str, ...]:
    """Every duration, approval and clock the answer rests on, in the model's words."""
    schedule = runs[1].schedule
    lines = [f"{name}: in force before the change" for name in sorted(schedule.held)]
    actors: dict[str, None] = {}
    for name in {**runs[0].used, **runs[1].used}:
        decision = model.decisions[name]
        duration = decision.duration.text() if decision.duration else "no duration in the model"
        lines.append(f"{name} takes {duration}")
        actors.update(dict.fromkeys(decision.deciders))
        for approval in decision.approvals:
            waits = {(True, True): "waits for it", (False, True): "waits for it at worst"}
            effect = waits.get(approval.waits, "does not wait for it")
            took = approval.duration.text() if approval.duration else "no duration in the model"
            lines.append(f"{name}: approval by {approval.text()}; {effect}; takes {took}")
            if approval.waits[1]:
                actors[approval.by] = None
    for chain in {c for _t, c in arrivals or ()}:
        for node in chain:
            actors[node] = None
            relay = model.nodes[node].relay
            if node != chain[-1]:
                took = f"in {relay.text()}" if relay else "at once (no relay time in the model)"
                lines.append(f"{node} passes an order on {took}")
    if runs[0].schedule.hours:
        lines += [f"{n}: {clock(model, n, orders=True).describe()}" for n in actors]
    else:
        lines.append("no start given: office hours and watches not applied")
    return tuple(dict.fromkeys(lines))
