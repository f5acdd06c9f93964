"""The phase sets of a merged model, its situations, and what a ``phases`` value stands for.

Phases are grouped by their ``nation`` into phase sets; a situation is one phase of each
set (see :mod:`c2graph.scenarios`).  A ``phases`` value is a condition on the phase of
one or more nations; the situations in which a node or link holds are those meeting it.
A model with one phase set and no scenarios has one situation per phase, and its values
resolve exactly as phase lists always have.

Example
-------
>>> sets = PhaseSets(
...     [{"id": "peace", "nation": "JP"}, {"id": "war", "nation": "JP"},
...      {"id": "steady", "nation": "US"}, {"id": "combat", "nation": "US"}],
...     [{"id": "both", "phases": {"JP": "war", "US": "combat"}}])
>>> sorted(sets.resolve(["war"]))
['both', 'war']
>>> sorted(sets.resolve({"JP": ["war"], "US": ["combat"]}))
['both']
>>> print(sets.spec_problems(["war", "combat"])[0])
a list of phases names one nation's phases; 'war' is JP's, 'combat' US's: write {JP: [...], \
US: [...]}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..hints import did_you_mean

__all__ = ["PhaseSets", "resolve_phases"]

Condition = dict[str | None, frozenset[str]]


def resolve_phases(
    spec: Any, order: list[str], every: frozenset[str] | None = None
) -> frozenset[str]:
    """Return the phase ids a (checked) ``phases`` value of one phase set stands for.

    Parameters
    ----------
    spec
        ``all``, a list of phase ids, or a range ``{from: P}`` / ``{from: P, to: Q}``
        whose phases exist.
    order
        The set's phase ids, earliest first.
    every
        ``frozenset(order)``, when the caller has it: returned as it is for ``all``.

    Returns
    -------
    frozenset of str
        The phases the item holds in.

    Examples
    --------
    >>> sorted(resolve_phases({"from": "b"}, ["a", "b", "c"]))
    ['b', 'c']
    >>> sorted(resolve_phases("all", ["a", "b"]))
    ['a', 'b']
    """
    if isinstance(spec, list):
        return frozenset(spec)
    if isinstance(spec, dict):
        start = order.index(spec["from"])
        end = order.index(spec["to"]) if "to" in spec else len(order) - 1
        return frozenset(order[start : end + 1])
    return frozenset(order) if every is None else every


def _named(spec: Any) -> list[str]:
    """The phase ids a one-set value names (its list, or its range's ends)."""
    if isinstance(spec, list):
        return list(spec)
    if isinstance(spec, dict):
        return [spec[k] for k in ("from", "to") if k in spec]
    return []


def _per_nation(spec: Any) -> bool:
    return isinstance(spec, dict) and bool(spec) and not spec.keys() & {"from", "to"}


class PhaseSets:
    """The phase sets and situations of a model, built from checked phase and scenario data.

    ``order`` lists every phase id in file order; ``every`` is the frozenset of situation
    ids (the value of ``all``); ``simple`` is true for one phase set and no scenarios.
    """

    def __init__(self, phases: Iterable[dict[str, Any]], scenarios: Iterable[dict[str, Any]]):
        self.sets: dict[str | None, list[str]] = {}
        self.nation_of: dict[str, str | None] = {}
        for data in phases:
            self.sets.setdefault(data.get("nation"), []).append(data["id"])
            self.nation_of[data["id"]] = data.get("nation")
        self.order = list(self.nation_of)
        scenarios = list(scenarios)
        first = {nation: ids[0] for nation, ids in self.sets.items()}
        self.situations: list[tuple[str, dict[str | None, str]]] = [
            (pid, first | {nation: pid}) for pid, nation in self.nation_of.items()
        ]
        self.scenario_ids = [data["id"] for data in scenarios]
        for sid, data in zip(self.scenario_ids, scenarios, strict=False):
            named = data.get("phases", {})
            vector = {n: named.get(n, p) if n else p for n, p in first.items()}
            self.situations.append((sid, vector))
        self.every = frozenset(sid for sid, _ in self.situations)
        self.simple = len(self.sets) <= 1 and not self.scenario_ids

    def _set_order(self, phase: str) -> list[str]:
        return self.sets[self.nation_of[phase]]

    def condition(self, spec: Any) -> Condition:
        """Return, per nation it constrains, the phases a (checked) value admits.

        >>> found = PhaseSets([{"id": "a", "nation": "JP"}, {"id": "b", "nation": "JP"}], []
        ...                   ).condition({"from": "a"})
        >>> {nation: sorted(phases) for nation, phases in found.items()}
        {'JP': ['a', 'b']}
        """
        if spec == "all":
            return {}
        if _per_nation(spec):
            found: Condition = {}
            for nation, part in spec.items():
                if part != "all":
                    found[nation] = resolve_phases(part, self.sets[nation])
            return found
        named = _named(spec)
        if not named:  # no phase (what a value with a structural problem is left as)
            return {nation: frozenset() for nation in list(self.sets)[:1]}
        first = named[0]
        return {self.nation_of[first]: resolve_phases(spec, self._set_order(first))}

    def resolve(self, spec: Any) -> frozenset[str]:
        """Return the situation ids in which an item with this (checked) value holds."""
        if spec == "all":
            return self.every
        if self.simple:
            return resolve_phases(spec, self.order, self.every)
        condition = self.condition(spec)
        return frozenset(
            sid
            for sid, vector in self.situations
            if all(vector[n] in allowed for n, allowed in condition.items())
        )

    def spec_problems(self, spec: Any) -> list[str]:
        """Return what is wrong with the phases a (structurally valid) value names."""
        if spec == "all":
            return []
        if _per_nation(spec):
            return [m for nation, part in spec.items() for m in self._nation_part(nation, part)]
        named = _named(spec)
        if not named:  # no phase (what a value with a structural problem is left as)
            return []
        problems = [_unknown_phase(p, self.order) for p in named if p not in self.nation_of]
        if problems:
            return problems
        nations = {self.nation_of[p] for p in named}
        if len(nations) > 1:
            return [self._mixed(named)]
        return _backwards(spec, self._set_order(named[0]))

    def _nation_part(self, nation: str, part: Any) -> list[str]:
        if nation not in self.sets:
            known = [n for n in self.sets if n]
            return [f"unknown nation {nation!r}: no phases name it{did_you_mean(nation, known)}"]
        if part == "all":
            return []
        order = self.sets[nation]
        named = _named(part)
        problems = [
            f"phase {p!r} is not one of {nation}'s phases ({', '.join(order)})"
            if p in self.nation_of
            else _unknown_phase(p, order, f"{nation}'s")
            for p in named
            if p not in order
        ]
        return problems or _backwards(part, order)

    def _mixed(self, named: list[str]) -> str:
        seen: dict[str | None, str] = {}
        for phase in named:
            seen.setdefault(self.nation_of[phase], phase)
        (one, first), (other, second) = list(seen.items())[:2]
        if one is None or other is None:
            return (
                f"a list of phases names one set's phases; {first!r} and {second!r} are in "
                "different sets: give every phase a nation and write {NATION: [...], ...}"
            )
        return (
            f"a list of phases names one nation's phases; {first!r} is {one}'s, {second!r} "
            f"{other}'s: write {{{one}: [...], {other}: [...]}}"
        )


#: How many phases an unknown phase's message lists at most.
_LISTED_PHASES = 12


def _unknown_phase(phase: str, order: list[str], whose: str = "the model's") -> str:
    """An unknown phase, with the phases it could have been (they are few)."""
    listed = ", ".join(order[:_LISTED_PHASES]) + (", ..." if len(order) > _LISTED_PHASES else "")
    return f"unknown phase {phase!r}{did_you_mean(phase, order)}; {whose} phases: {listed}"


def _backwards(spec: Any, order: list[str]) -> list[str]:
    if (
        isinstance(spec, dict)
        and "to" in spec
        and order.index(spec["to"]) < order.index(spec["from"])
    ):
        return [f"phase range runs backwards: {spec['to']!r} comes before {spec['from']!r}"]
    return []
