"""Which decisions a change of situation needs: only those the law requires, in dependency
order, with their approvals, and which of them are discretionary.

A situation is *in force* with the decisions its phases require (every all-of part, with
their prerequisites); a phase's ``declared_by`` counts as one more decision.  Passing from
situation A to B needs what B's phases and the links that start to hold require, minus what
is already in force in A.  Nothing else is assumed: phases are not a ladder, so no
intermediate situation is required unless the model says so.  What is needed only as one
of several alternatives (``any``) is listed as a choice, unless one alternative is already
in force or needed anyway.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "peace", "name": "Peace"},
...                {"id": "war", "name": "War", "requires": ["plan"]}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "cab", "name": "Cabinet", "nation": "JP", "kind": "political-authority"},
...               {"id": "sdf", "name": "SDF", "nation": "JP", "kind": "headquarters"}],
...     "links": [{"from": "pm", "to": "sdf", "relation": "command", "phases": ["war"],
...                "requires": ["order"]}],
...     "decisions": [
...         {"id": "plan", "name": "Response plan", "deciders": ["cab"],
...          "kind": "cabinet-decision"},
...         {"id": "order", "name": "Defense-operation order", "deciders": ["pm"],
...          "kind": "order", "prerequisites": ["plan"]}]})
>>> plan = decision_plan(model, before="peace", after="war")
>>> [(d.id, d.needed_for) for d in plan.required]
[('plan', ('phase war', 'link pm->sdf:command')), ('order', ('link pm->sdf:command',))]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..decisions import Approval, Requirement, declaration_id
from ..display import Displayable
from ..model import Model
from .graphs import links_switched, phase_graphs

__all__ = [
    "Choice",
    "DecisionPlan",
    "NeededDecision",
    "closure",
    "decision_plan",
    "in_force",
    "situation_requirements",
]


def _phase_requirement(model: Model, phase_id: str) -> Requirement | None:
    """A phase's ``requires``, with the decision its ``declared_by`` implies."""
    phase = model.phase(phase_id)
    if phase.declared_by is None:
        return phase.requires
    declared = declaration_id(phase.id)
    if phase.requires is None:
        return Requirement("all", (declared,))
    if phase.requires.op == "all":
        return Requirement("all", (*phase.requires.items, declared))
    return Requirement("all", (phase.requires, declared))


def situation_requirements(model: Model, situation: str) -> tuple[tuple[str, Requirement], ...]:
    """Return what each phase of a situation requires, as ``(phase id, requirement)``, and
    what a scenario requires beyond its phases, as ``(scenario id, requirement)``.

    Parameters
    ----------
    model
        The model.
    situation
        A phase or scenario id.

    Returns
    -------
    tuple of (str, Requirement)
        One pair per phase that requires anything, in phase-set order, then the scenario's.

    Examples
    --------
    >>> from c2graph import load_model
    >>> [(p, r.text()) for p, r in situation_requirements(
    ...     load_model("models/us-rok-cfc.yaml"), "wartime")]
    [('wartime', 'rok-us-defcon3')]
    """
    found = []
    for _nation, phase in model.situation(situation).phases:
        need = _phase_requirement(model, phase)
        if need is not None:
            found.append((phase, need))
    scenario = model.scenarios.get(situation)
    if scenario is not None and scenario.requires is not None:
        found.append((situation, scenario.requires))
    return tuple(found)


def _definite(model: Model, need: Requirement | str, into: dict[str, None]) -> None:
    """Add to ``into`` every decision ``need`` surely requires (all-of parts), with their
    prerequisites'; alternatives (``any``) add nothing."""
    if isinstance(need, str):
        if need in into:
            return
        into[need] = None
        prerequisites = model.decisions[need].prerequisites
        if prerequisites is not None:
            _definite(model, prerequisites, into)
        return
    if need.op == "all":
        for item in need.items:
            _definite(model, item, into)


def closure(model: Model, needs: Iterable[Requirement | str]) -> tuple[str, ...]:
    """Return every decision the requirements surely need, with their prerequisites, in
    the order first met.

    Example
    -------
    >>> from c2graph import load_model
    >>> closure(load_model("models/us-rok-cfc.yaml"), ["rok-us-defcon3"])
    ('rok-us-defcon3', 'rok-us-mc-recommendation')
    """
    found: dict[str, None] = {}
    for need in needs:
        _definite(model, need, found)
    return tuple(found)


def in_force(model: Model, situation: str) -> frozenset[str]:
    """Return the decisions surely in force in a situation: what its phases require.

    Example
    -------
    >>> from c2graph import load_model
    >>> sorted(in_force(load_model("models/us-rok-cfc.yaml"), "armistice"))
    []
    """
    return frozenset(closure(model, (r for _p, r in situation_requirements(model, situation))))


def _satisfied(need: Requirement | str, held: set[str] | frozenset[str]) -> bool:
    if isinstance(need, str):
        return need in held
    results = (_satisfied(item, held) for item in need.items)
    return all(results) if need.op == "all" else any(results)


def _choices(
    model: Model, need: Requirement | str, held: set[str] | frozenset[str]
) -> list[Requirement]:
    """The alternatives (``any``) of ``need`` that nothing in ``held`` satisfies, including
    those of the prerequisites of the decisions it surely needs."""
    if isinstance(need, str):
        prerequisites = model.decisions[need].prerequisites
        return [] if prerequisites is None else _choices(model, prerequisites, held)
    if need.op == "any":
        return [] if _satisfied(need, held) else [need]
    return [choice for item in need.items for choice in _choices(model, item, held)]


@dataclass(frozen=True)
class NeededDecision(Displayable):
    """A decision a change needs: the record's facts, and what needs it (``phase P`` or
    ``link KEY``)."""

    id: str
    name: str
    kind: str
    nations: tuple[str, ...]
    deciders: tuple[str, ...]
    approvals: tuple[Approval, ...]
    discretionary: bool
    prerequisites: str | None
    needed_for: tuple[str, ...]
    basis: str | None
    source: str | None
    confidence: str | None
    duration: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as JSON-ready data."""
        data = dict(self.__dict__)
        data["nations"] = list(self.nations)
        data["deciders"] = list(self.deciders)
        data["needed_for"] = list(self.needed_for)
        data["approvals"] = [
            a.to_dict() | {"meaning": a.text().split(": ", 1)[1]} for a in self.approvals
        ]
        return data


@dataclass(frozen=True)
class Choice(Displayable):
    """Alternatives of which one must be decided (``requirement`` as words), and for what."""

    requirement: str
    options: tuple[str, ...]
    needed_for: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the choice as JSON-ready data."""
        return {
            "requirement": self.requirement,
            "options": list(self.options),
            "needed_for": list(self.needed_for),
        }


@dataclass(frozen=True)
class DecisionPlan(Displayable):
    """The decisions a change of situation needs.

    ``required``: what the law requires, in dependency order; ``discretionary``: decisions
    the model marks discretionary (the links needing them hold only if they are taken),
    with their own prerequisites not already required; ``choices``: alternatives of which
    one is needed; ``ending``: decisions in force before and not after (lifted, withdrawn
    or lapsed), latest first.
    """

    before: str
    after: str
    required: tuple[NeededDecision, ...]
    discretionary: tuple[NeededDecision, ...]
    choices: tuple[Choice, ...]
    ending: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as JSON-ready data."""
        return {
            "before": self.before,
            "after": self.after,
            "required": [d.to_dict() for d in self.required],
            "discretionary": [d.to_dict() for d in self.discretionary],
            "choices": [c.to_dict() for c in self.choices],
            "ending": list(self.ending),
        }


def _targets(model: Model, before: str, after: str) -> list[tuple[str, Requirement]]:
    """What needs decisions at the switch: the phases entered, the links that start."""
    was = {phase for _nation, phase in model.situation(before).phases} | {before}
    found = [
        (f"{'scenario' if phase in model.scenarios else 'phase'} {phase}", need)
        for phase, need in situation_requirements(model, after)
        if phase not in was
    ]
    activated, _lapsed = links_switched(phase_graphs(model, before), phase_graphs(model, after))
    found += [(f"link {link.key}", link.requires) for link in activated if link.requires]
    return found


def decision_plan(
    model: Model, *, before: str, after: str, held: frozenset[str] = frozenset()
) -> DecisionPlan:
    """Return the decisions needed to pass from situation ``before`` to ``after``.

    Parameters
    ----------
    model
        The model.
    before, after
        Phase or scenario ids.
    held
        Decisions known to be in force besides what ``before`` requires (a timeline's
        earlier steps).

    Returns
    -------
    DecisionPlan
        Required decisions in dependency order (ties in file order), the discretionary
        ones, the choices and what ends.

    Examples
    --------
    See the module example.

    References
    ----------
    Review of the US–Japan models (December 2026), errors E10 and E11 and ranked analysis
    1 (per-action decisions, prior and after-the-fact approvals, no implicit ladder).
    """
    held = in_force(model, before) | held
    targets = _targets(model, before, after)
    wanted: dict[str, list[str]] = {}
    for what, need in targets:
        for name in closure(model, [need]):
            if name not in held:
                wanted.setdefault(name, []).append(what)
    known = held | wanted.keys()
    choices = _choice_records(model, targets, known)
    ordered = _dependency_order(model, wanted)
    needed = [_needed(model, n, tuple(dict.fromkeys(wanted[n]))) for n in ordered]
    return DecisionPlan(
        before=before,
        after=after,
        required=tuple(d for d in needed if not d.discretionary),
        discretionary=tuple(d for d in needed if d.discretionary),
        choices=choices,
        ending=_ending(model, before, after, held),
    )


def _choice_records(
    model: Model, targets: list[tuple[str, Requirement]], known: set[str] | frozenset[str]
) -> tuple[Choice, ...]:
    found: dict[str, tuple[Requirement, list[str]]] = {}
    for what, need in targets:
        for choice in _choices(model, need, known):
            found.setdefault(choice.text(), (choice, []))[1].append(what)
    return tuple(
        Choice(text, choice.decisions(), tuple(dict.fromkeys(whats)))
        for text, (choice, whats) in found.items()
    )


def _dependency_order(model: Model, wanted: dict[str, list[str]]) -> list[str]:
    """The wanted decisions, prerequisites first; ties in the model's decision order."""
    rank = {name: i for i, name in enumerate(model.decisions)}
    graph = nx.DiGraph()
    graph.add_nodes_from(wanted)
    for name in wanted:
        prerequisites = model.decisions[name].prerequisites
        for before in prerequisites.decisions() if prerequisites else ():
            if before in wanted:
                graph.add_edge(before, name)
    return list(nx.lexicographical_topological_sort(graph, key=rank.__getitem__))


def _needed(model: Model, name: str, needed_for: tuple[str, ...]) -> NeededDecision:
    decision = model.decisions[name]
    return NeededDecision(
        id=decision.id,
        name=decision.name,
        kind=decision.kind,
        nations=tuple(dict.fromkeys(model.nodes[n].nation for n in decision.deciders)),
        deciders=decision.deciders,
        approvals=decision.approvals,
        discretionary=decision.discretionary,
        prerequisites=decision.prerequisites.text() if decision.prerequisites else None,
        needed_for=needed_for,
        basis=decision.basis,
        source=decision.source,
        confidence=decision.confidence,
        duration=decision.duration.text() if decision.duration else None,
    )


def _ending(model: Model, before: str, after: str, held: frozenset[str]) -> tuple[str, ...]:
    activated, lapsed = links_switched(phase_graphs(model, before), phase_graphs(model, after))
    was = set(held) | set(closure(model, [link.requires for link in lapsed if link.requires]))
    still = set(in_force(model, after))
    still |= set(closure(model, [link.requires for link in activated if link.requires]))
    for link in phase_graphs(model, after).links:
        if link.requires is not None:
            still |= set(closure(model, [link.requires]))
    rank = {name: i for i, name in enumerate(model.decisions)}
    return tuple(sorted(was - still, key=rank.__getitem__, reverse=True))
