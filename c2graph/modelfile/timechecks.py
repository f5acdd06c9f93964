"""Checks across a merged model of its decisions, scenarios, timelines and clocks.

Decision ids must be unique and every decision, decider, approver and source named must
exist; prerequisites may not form a cycle; every decider and approver of a decision a phase
or link requires must exist where it is required; a scenario names phases of their own
nations; a timeline's steps enter known situations in time order; a location's ``tz`` agrees
with its ``utc_offset``; office hours need a location to have a clock.

Example
-------
>>> from c2graph import load_model_data
>>> load_model_data({"name": "x", "as_of": "2025", "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"}],
...     "decisions": [{"id": "a", "name": "A", "deciders": ["pm"], "kind": "order",
...                    "prerequisites": ["b"]},
...                   {"id": "b", "name": "B", "deciders": ["pm"], "kind": "order",
...                    "prerequisites": ["a"]}]}, name="m.json")
Traceback (most recent call last):
c2graph.errors.ModelError: m.json:37: decisions[1] (id='b') → prerequisites: decision \
prerequisites make a cycle: a → b → a; drop one of them
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..decisions import Requirement, declaration_id
from ..errors import Problem
from ..hints import did_you_mean
from .cycles import cycles
from .items import Item
from .situations import PhaseSets

__all__ = ["check_time_and_decisions", "check_timelines"]


def check_time_and_decisions(
    sections: dict[str, list[Item]],
    ids: dict[str, set[str]],
    sets: PhaseSets,
    node_phases: dict[str, frozenset[str]] | None,
) -> list[Problem]:
    """Return every problem of the decisions, scenarios, timelines and clocks of a model.

    Parameters
    ----------
    sections
        The merged items of each section.
    ids
        The ids of ``nodes``, ``sources``, ``phases`` and ``locations``.
    sets
        The model's phase sets and situations.
    node_phases
        Each node's situations; None when references elsewhere are broken (the checks that
        need them are then skipped).

    Returns
    -------
    list of Problem
        Empty when everything checked is valid.
    """
    problems: list[Problem] = []
    decisions = _decision_items(sections.get("decisions", []), sections["phases"], problems)
    for item in decisions.values():
        _check_decision_refs(item, ids, decisions, problems)
    _check_cycles(decisions, problems)
    for section in ("phases", "links", "scenarios"):
        for item in sections.get(section, []):
            if "requires" in item.data:
                _check_required(item, "requires", decisions, problems)
    _check_scenarios(sections.get("scenarios", []), sets, ids["phases"], problems)
    known = [sid for sid, _ in sets.situations]
    problems += check_timelines(sections.get("timelines", []), known)
    _check_clocks(sections, ids, problems)
    if node_phases is not None and not problems:
        _check_present(sections, decisions, sets, node_phases, problems)
    return problems


def _decision_items(
    items: list[Item], phases: list[Item], problems: list[Problem]
) -> dict[str, Item]:
    found: dict[str, Item] = {}
    implied = {declaration_id(p.data["id"]) for p in phases if "declared_by" in p.data}
    for item in items:
        value = item.data["id"]
        if value in found:
            problems.append(
                item.problem(
                    "id", f"duplicate decision id {value!r}: ids must be unique within 'decisions'"
                )
            )
        elif value in implied:
            problems.append(
                item.problem(
                    "id",
                    f"decision id {value!r} is the one a phase's 'declared_by' implies: rename it",
                )
            )
        found.setdefault(value, item)
    return found


def _unknown(what: str, value: str, known: Any) -> str:
    hint = did_you_mean(value, known) or f"; define it under '{what}s'"
    return f"unknown {what} {value!r}{hint}"


def _check_decision_refs(
    item: Item, ids: dict[str, set[str]], decisions: dict[str, Item], problems: list[Problem]
) -> None:
    data = item.data
    for value in data["deciders"]:
        if value not in ids["nodes"]:
            problems.append(item.problem("deciders", _unknown("node", value, ids["nodes"])))
    for approval in data.get("approvals", []):
        if approval["by"] not in ids["nodes"]:
            problems.append(
                item.problem("approvals", _unknown("node", approval["by"], ids["nodes"]))
            )
    for holder in (data, *data.get("approvals", [])):
        source = holder.get("duration", {}).get("source")
        if source is not None and source not in ids["sources"]:
            problems.append(item.problem("duration", _unknown("source", source, ids["sources"])))
    if data.get("source") is not None and data["source"] not in ids["sources"]:
        problems.append(item.problem("source", _unknown("source", data["source"], ids["sources"])))
    _check_required(item, "prerequisites", decisions, problems)


def _check_required(
    item: Item, key: str, decisions: dict[str, Item], problems: list[Problem]
) -> None:
    if key not in item.data:
        return
    for value in Requirement.from_data(item.data[key]).decisions():
        if value not in decisions:
            problems.append(item.problem(key, _unknown("decision", value, decisions)))


def _check_cycles(decisions: dict[str, Item], problems: list[Problem]) -> None:
    successors: dict[str, list[str]] = {}
    for name, item in decisions.items():
        if "prerequisites" in item.data:
            for before in Requirement.from_data(item.data["prerequisites"]).decisions():
                if before in decisions:
                    successors.setdefault(name, []).append(before)
                    successors.setdefault(before, [])
    order = list(decisions)
    for cycle in cycles(successors, order):
        last = max(cycle, key=order.index)
        path = " → ".join([*cycle, cycle[0]])
        problems.append(
            decisions[last].problem(
                "prerequisites",
                f"decision prerequisites make a cycle: {path}; drop one of them",
            )
        )


def _check_scenarios(
    items: list[Item], sets: PhaseSets, phase_ids: set[str], problems: list[Problem]
) -> None:
    for item in items:
        if item.data["id"] in phase_ids:
            problems.append(
                item.problem("id", f"scenario id {item.data['id']!r} is also a phase id: rename it")
            )
        for nation, phase in item.data["phases"].items():
            message = sets.spec_problems({nation: [phase]})
            if message:
                problems.append(item.problem("phases", message[0]))


def check_timelines(items: list[Item], known: list[str]) -> list[Problem]:
    """Return the problems of timeline items: steps must enter a known phase or scenario
    (``known``) and come in time order."""
    problems: list[Problem] = []
    for item in items:
        previous: datetime | None = None
        for i, step in enumerate(item.data["steps"]):
            where = item.file.problem
            path = (*item.path, "steps", i)
            if step["enter"] not in known:
                hint = did_you_mean(step["enter"], known) or "; name a phase or scenario id"
                problems.append(
                    where((*path, "enter"), f"unknown phase or scenario {step['enter']!r}{hint}")
                )
            instant = datetime.fromisoformat(step["at"])
            if previous is not None and instant < previous:
                problems.append(
                    where((*path, "at"), f"{step['at']} is earlier than the step before it")
                )
            previous = instant
    return problems


def _check_clocks(
    sections: dict[str, list[Item]], ids: dict[str, set[str]], problems: list[Problem]
) -> None:
    for item in sections["locations"]:
        data = item.data
        if "tz" in data:
            standard = _standard_offset(data["tz"])
            if standard is not None and standard != data["utc_offset"]:
                problems.append(
                    item.problem(
                        "utc_offset",
                        f"utc_offset {data['utc_offset']:g} does not match tz {data['tz']!r} "
                        f"(standard offset {standard:+g}): fix one of them",
                    )
                )
        _check_hours_source(item, ids, problems, "office_hours")
    timed = {"office_hours", "watch", "relay"}
    for item in sections["nodes"]:
        if timed.isdisjoint(item.data):  # most nodes of a large order of battle
            continue
        for key in ("office_hours", "watch"):
            hours = item.data.get(key, {}).get("hours")
            if hours not in (None, "24/7") and "location" not in item.data:
                problems.append(
                    item.problem(
                        key, "office hours need a clock: give the node a location (with 'tz')"
                    )
                )
            _check_hours_source(item, ids, problems, key)
        source = item.data.get("relay", {}).get("source")
        if source is not None and source not in ids["sources"]:
            problems.append(item.problem("relay", _unknown("source", source, ids["sources"])))


def _check_hours_source(
    item: Item, ids: dict[str, set[str]], problems: list[Problem], key: str
) -> None:
    source = item.data.get(key, {}).get("source")
    if source is not None and source not in ids["sources"]:
        problems.append(item.problem(key, _unknown("source", source, ids["sources"])))


def _standard_offset(zone: str) -> float | None:
    """A zone's standard (winter) offset in hours, from January and July of 2025."""
    tz = ZoneInfo(zone)
    for month in (1, 7):
        instant = datetime(2025, month, 1, 12, tzinfo=tz)
        dst = instant.dst()
        offset = instant.utcoffset()
        if dst is not None and offset is not None and not dst:
            return offset.total_seconds() / 3600
    return None


def _check_present(
    sections: dict[str, list[Item]],
    decisions: dict[str, Item],
    sets: PhaseSets,
    node_phases: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    """Every decider and approver of what a phase or link requires exists where it holds."""
    for item in sections["phases"]:
        _present_in(item, {item.data["id"]}, "", decisions, node_phases, problems)
    for item in sections["links"]:
        if "requires" in item.data:
            held = sets.resolve(item.data.get("phases", "all"))
            held &= node_phases[item.data["from"]] & node_phases[item.data["to"]]
            _present_in(item, held, ", where the link holds", decisions, node_phases, problems)


def _present_in(
    item: Item,
    held: set[str] | frozenset[str],
    where: str,
    decisions: dict[str, Item],
    node_phases: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    """Report the first decider or approver of each required decision missing in ``held``."""
    if "requires" not in item.data or not held:
        return
    for name in _closure(Requirement.from_data(item.data["requires"]).decisions(), decisions):
        data = decisions[name].data
        who = [(n, "taken") for n in data["deciders"]]
        who += [(a["by"], "approved") for a in data.get("approvals", [])]
        for node, role in who:
            missing = sorted(held - node_phases[node])
            if missing:
                problems.append(
                    item.problem(
                        "requires",
                        f"decision {name!r} is {role} by {node!r}, which is not active in "
                        f"phase {missing[0]!r}{where}",
                    )
                )
                break


def _closure(names: tuple[str, ...], decisions: dict[str, Item]) -> list[str]:
    """The decisions named and every prerequisite of theirs, each once."""
    found: dict[str, None] = {}
    stack = list(reversed(names))
    while stack:
        name = stack.pop()
        if name in found:
            continue
        found[name] = None
        prerequisites = decisions[name].data.get("prerequisites")
        if prerequisites is not None:
            stack += reversed(Requirement.from_data(prerequisites).decisions())
    return list(found)
