"""What one option changes against another, decision by decision, each finding once.

A :class:`Briefing` reshapes a :class:`~c2graph.compare.comparison.Comparison` into the
findings an analyst briefs: who commands whom (authority links and chains of command), the
forces added or removed with their chains, the decisions that become necessary or
unnecessary, the single points of failure and cut nodes that appear or go, the counterpart
pairs whose match changes, the approach and unity of command, and the six considerations.
Every finding carries the phases it holds in, so that a change found in several phases is
one finding; phases in which nothing changes are listed apart.

Example
-------
>>> from c2graph import load_model_data
>>> from c2graph.compare import compare
>>> def m(relation):
...     return load_model_data({"name": relation, "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
...         "nodes": [{"id": "cmd", "name": "CMD", "nation": "US", "kind": "headquarters"},
...                   {"id": "hq", "name": "HQ", "nation": "US", "kind": "headquarters"},
...                   {"id": "u", "name": "U", "nation": "US", "kind": "unit"}],
...         "links": [{"from": "cmd", "to": "hq", "relation": "command"},
...                   {"from": "cmd", "to": "u", "relation": "opcon"},
...                   {"from": "hq", "to": "u", "relation": relation}]})
>>> a, b = m("coordination"), m("opcon")
>>> brief = briefing(compare(a, b), a, b)
>>> [(s.tail, s.head, s.before, s.after, s.phases) for s in brief.authority]
[('hq', 'u', (), ('opcon',), ('p', 'q'))]
>>> brief.unchanged_phases
()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple, TypeVar

from ..analysis.chains import CommandChains
from ..analysis.considerations import ConsiderationsView
from ..analysis.decisions import closure, situation_requirements
from ..analysis.frictions import Mismatch, counterpart_table
from ..analysis.graphs import forget_phase, phase_graphs
from ..analysis.measures import phase_report
from ..analysis.paths import DEFAULT_LAYER, authority_view
from ..display import Displayable
from ..model import Model
from ..vocabulary import AUTHORITY_ORDER, AUTHORITY_RELATIONS, FORCE_KINDS
from .comparison import Comparison, PhaseComparison, compare
from .diff import StructuralDiff
from .records import with_fields
from .twins import phase_twins

__all__ = [
    "MERGED_MEASURES",
    "AuthorityShift",
    "Briefing",
    "ChainShift",
    "CutShift",
    "DecisionShift",
    "FailureShift",
    "ForceShift",
    "PeerShift",
    "ValueShift",
    "briefing",
    "compared_briefing",
    "decisions_in_force",
]

#: Headline measures a briefing names in full elsewhere (single points of failure, cut
#: nodes, counterpart pairs, approach and unity), so their counts are not repeated.
MERGED_MEASURES = frozenset(
    {
        "single points of failure",
        "cut nodes",
        "counterpart mismatches",
        "approach",
        "unity of command",
    }
)

R = TypeVar("R")


@dataclass(frozen=True)
class AuthorityShift(Displayable):
    """A pair of nodes whose authority relations differ: ``before`` in A, ``after`` in B
    (authority relations only, strongest first; empty where there is none)."""

    tail: str
    head: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "from": self.tail,
            "to": self.head,
            "before": list(self.before),
            "after": list(self.after),
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class ChainShift(Displayable):
    """A force whose operational chains of command differ, with the nodes that join and
    leave them."""

    unit: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    joined: tuple[str, ...]
    left: tuple[str, ...]
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "unit": self.unit,
            "before": [list(c) for c in self.before],
            "after": [list(c) for c in self.after],
            "joined": list(self.joined),
            "left": list(self.left),
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class ForceShift(Displayable):
    """A force only in B (``added``) or only in A, with its chains of command there."""

    unit: str
    added: bool
    chains: tuple[tuple[str, ...], ...]
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "unit": self.unit,
            "added": self.added,
            "chains": [list(c) for c in self.chains],
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class DecisionShift(Displayable):
    """A decision that B needs and A does not (``necessary``), or the other way round."""

    decision: str
    necessary: bool
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {"decision": self.decision, "necessary": self.necessary, "phases": list(self.phases)}


@dataclass(frozen=True)
class FailureShift(Displayable):
    """A single point of failure of one family of chains that appears (``before`` empty),
    goes (``after`` empty) or cuts off other forces: the forces it cuts off in each."""

    node: str
    chains: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "node": self.node,
            "chains": self.chains,
            "before": list(self.before),
            "after": list(self.after),
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class CutShift(Displayable):
    """A cut node of the whole structure only in B (``added``) or only in A."""

    node: str
    added: bool
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {"node": self.node, "added": self.added, "phases": list(self.phases)}


@dataclass(frozen=True)
class PeerShift(Displayable):
    """A cross-nation peer pair whose match changes: each state is ``match``, ``mismatch``
    or ``absent``, with the roles of the two sides (``a``, ``b``) where present."""

    a: str
    b: str
    before: str
    after: str
    roles_before: tuple[str, str] | None
    roles_after: tuple[str, str] | None
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "a": self.a,
            "b": self.b,
            "before": self.before,
            "after": self.after,
            "roles_before": list(self.roles_before) if self.roles_before else None,
            "roles_after": list(self.roles_after) if self.roles_after else None,
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class ValueShift(Displayable):
    """A headline measure (or the approach, or unity of command) whose value changes."""

    measure: str
    before: Any
    after: Any
    phases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the shift as JSON-ready data."""
        return {
            "measure": self.measure,
            "before": self.before,
            "after": self.after,
            "phases": list(self.phases),
        }


@dataclass(frozen=True)
class Briefing(Displayable):
    """Every finding of one comparison, once, with the phases it holds in.

    ``phases`` are the phases both models have, in A's order; ``unchanged_phases`` those
    in which no finding holds; ``nodes_changed`` the whole-model field changes of nodes in
    both (from the structural diff).
    """

    before: str
    after: str
    phases: tuple[str, ...]
    unchanged_phases: tuple[str, ...]
    authority: tuple[AuthorityShift, ...]
    chains: tuple[ChainShift, ...]
    forces: tuple[ForceShift, ...]
    decisions: tuple[DecisionShift, ...]
    failures: tuple[FailureShift, ...]
    cuts: tuple[CutShift, ...]
    peers: tuple[PeerShift, ...]
    values: tuple[ValueShift, ...]
    nodes_changed: tuple[tuple[str, tuple[tuple[str, Any, Any], ...]], ...]
    considerations_before: ConsiderationsView
    considerations_after: ConsiderationsView

    @property
    def is_empty(self) -> bool:
        """True when no finding holds in any phase and no node changes."""
        return not self.nodes_changed and len(self.unchanged_phases) == len(self.phases)

    def only(self, phases: tuple[str, ...]) -> Briefing:
        """The findings that hold in exactly ``phases`` (no changed records)."""

        def kept(records: tuple[R, ...]) -> tuple[R, ...]:
            return tuple(r for r in records if getattr(r, "phases") == phases)  # noqa: B009

        return replace(
            self,
            phases=phases,
            unchanged_phases=(),
            authority=kept(self.authority),
            chains=kept(self.chains),
            forces=kept(self.forces),
            decisions=kept(self.decisions),
            failures=kept(self.failures),
            cuts=kept(self.cuts),
            peers=kept(self.peers),
            values=kept(self.values),
            nodes_changed=(),
        )

    def records(self) -> Briefing:
        """Only the changed records (node fields), no finding."""
        return replace(
            self,
            authority=(),
            chains=(),
            forces=(),
            decisions=(),
            failures=(),
            cuts=(),
            peers=(),
            values=(),
        )

    def phase_groups(self) -> tuple[tuple[str, ...], ...]:
        """The distinct sets of phases findings hold in, in the order of their first phase
        (larger sets first)."""
        groups = dict.fromkeys(
            r.phases
            for records in (
                self.authority, self.chains, self.forces, self.decisions,
                self.failures, self.cuts, self.peers, self.values,
            )
            for r in records
        )  # fmt: skip
        order = {p: i for i, p in enumerate(self.phases)}
        return tuple(sorted(groups, key=lambda ps: (order[ps[0]], -len(ps))))

    def to_dict(self) -> dict[str, Any]:
        """Return the briefing as JSON-ready data."""
        return {
            "before": self.before,
            "after": self.after,
            "phases": list(self.phases),
            "unchanged_phases": list(self.unchanged_phases),
            "authority": [s.to_dict() for s in self.authority],
            "chains": [s.to_dict() for s in self.chains],
            "forces": [s.to_dict() for s in self.forces],
            "decisions": [s.to_dict() for s in self.decisions],
            "single_points_of_failure": [s.to_dict() for s in self.failures],
            "cut_nodes": [s.to_dict() for s in self.cuts],
            "counterparts": [s.to_dict() for s in self.peers],
            "measures": [s.to_dict() for s in self.values],
            "nodes_changed": [
                {"id": node, "changes": [{"field": f, "before": x, "after": y} for f, x, y in ch]}
                for node, ch in self.nodes_changed
            ],
            "considerations": {
                "before": self.considerations_before.to_dict(),
                "after": self.considerations_after.to_dict(),
            },
        }


def decisions_in_force(model: Model, *, phase: str) -> tuple[str, ...]:
    """Return the decisions a phase needs: those its situation requires and those every
    link holding in it requires, with their prerequisites (in the order first met).

    Examples
    --------
    >>> from c2graph import load_model
    >>> decisions_in_force(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    ('rok-us-defcon3', 'rok-us-mc-recommendation')

    References
    ----------
    Review of the US–Japan models (December 2026), ranked analysis 1 (which decisions an
    arrangement rests on, per action).
    """
    return _in_force(model, phase, phase)


def _in_force(model: Model, phase: str, twin: str) -> tuple[str, ...]:
    """The decisions ``phase`` needs, its links read from its twin phase (:mod:`.twins`)."""
    needs = [need for _phase, need in situation_requirements(model, phase)]
    needs += [link.requires for link in model.links_in(twin) if link.requires]
    return closure(model, needs)


def briefing(result: Comparison, a: Model, b: Model) -> Briefing:
    """Return the findings of ``result`` (model ``b`` against model ``a``), each once.

    Parameters
    ----------
    result
        :func:`~c2graph.compare.compare` of ``a`` and ``b``, over every shared phase or one.
    a, b
        The two models compared.

    Returns
    -------
    Briefing
        Findings with the phases they hold in (phases in ``a``'s order).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> a, b = load_model("models/us-japan-2025.yaml"), load_model("models/us-japan-jfhq.yaml")
    >>> brief = briefing(compare(a, b), a, b)
    >>> sorted({s.tail for s in brief.authority if not s.before})
    ['us-usfj']
    >>> new = {f.node: f.after for f in brief.failures if not f.before}
    >>> list(new), {"us-3mef", "us-5af", "us-7flt", "us-usarj"} <= set(new["us-usfj"])
    (['us-usfj'], True)

    References
    ----------
    US–Japan Task Force on Command Relationships, Sasakawa USA, Dialogue Summary #3
    (December 2022): the six considerations; Joint Publication 1 (command relationships).
    """
    return _briefing(result, a, b, {})


def compared_briefing(
    a: Model, b: Model, *, phase: str | None = None, layer: str = DEFAULT_LAYER
) -> tuple[Comparison, Briefing]:
    """Return :func:`~c2graph.compare.compare` of ``a`` and ``b`` and its
    :func:`briefing`, from one pass over the phases.

    The findings of each phase are read of each model as soon as it is measured, and
    then the model's graphs of the phase and of its twins are forgotten
    (:func:`~c2graph.analysis.graphs.forget_phase`) before the other model is measured,
    so that two large models hold one model's graphs of one phase at a time: they go as
    their last references do (forget_phase breaks the cycles of networkx's views), with
    no collection, even with the garbage collector paused by the caller.  The same
    answers as ``briefing(compare(a, b), a, b)``.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> a, b = load_model("models/us-japan-2025.yaml"), load_model("models/us-japan-jfhq.yaml")
    >>> result, brief = compared_briefing(a, b)
    >>> result == compare(a, b), brief == briefing(compare(a, b), a, b)
    (True, True)
    """
    found: dict[str, dict[str, list[Any]]] = {}
    twins = (phase_twins(a), phase_twins(b))

    def side(model: Model, phase: str, diff: StructuralDiff, after: bool) -> _Side:
        read = _side(model, phase, layer, diff, after)
        same = twins[after]
        for other in model.phase_ids:  # its twins too: they keep graphs they share
            if same[other] == same[phase]:
                forget_phase(model, other)
        return read

    def read(compared: PhaseComparison, side_a: _Side, side_b: _Side) -> None:
        found[compared.phase] = _joined(compared, side_a, side_b)

    result = compare(a, b, phase=phase, layer=layer, each=read, side=side)
    return result, _briefing(result, a, b, found)


def _briefing(
    result: Comparison, a: Model, b: Model, found: dict[str, dict[str, list[Any]]]
) -> Briefing:
    """:func:`briefing`, with the findings of the phases in ``found`` already read."""
    phases = tuple(p.phase for p in result.phases)
    twins_a, twins_b = phase_twins(a), phase_twins(b)
    done: dict[tuple[str, str], dict[str, list[Any]]] = {}
    per_kind: dict[str, list[Any]] = {name: [] for name in _KINDS}
    for compared in result.phases:
        phase = compared.phase
        twins = (twins_a[phase], twins_b[phase])
        if twins not in done:
            done[twins] = found.get(phase) or _phase_findings(a, b, compared, result.layer)
        per = done[twins] | {"decisions": _decisions(a, b, phase, twins)}
        for name in _KINDS:
            per_kind[name].append((phase, per[name]))
    merged = {name: _merge(per_kind[name]) for name in _KINDS}
    touched = {p for records in merged.values() for r in records for p in r.phases}
    return Briefing(
        before=a.name,
        after=b.name,
        phases=phases,
        unchanged_phases=tuple(p for p in phases if p not in touched),
        authority=merged["authority"],
        chains=merged["chains"],
        forces=merged["forces"],
        decisions=merged["decisions"],
        failures=merged["failures"],
        cuts=merged["cuts"],
        peers=merged["peers"],
        values=merged["values"],
        nodes_changed=tuple(
            (c.id, tuple((f.field, f.before, f.after) for f in c.changes))
            for c in result.diff.nodes_changed
        ),
        considerations_before=result.considerations_before,
        considerations_after=result.considerations_after,
    )


_KINDS = ("authority", "chains", "forces", "decisions", "failures", "cuts", "peers", "values")


def _merge(per_phase: Sequence[tuple[str, Sequence[R]]]) -> tuple[R, ...]:
    """One record per distinct finding, with every phase it was found in (first-found
    order).  Twin phases share one list of findings: its records are looked up once and
    each later phase of the twins is added to the same places."""
    found: dict[R, list[str]] = {}
    places: dict[int, list[list[str]]] = {}
    for phase, records in per_phase:
        slots = places.get(id(records))
        if slots is None:
            slots = places[id(records)] = [found.setdefault(r, []) for r in records]
        for slot in slots:
            slot.append(phase)
    return tuple(with_fields(record, phases=tuple(phases)) for record, phases in found.items())


class _Side(NamedTuple):
    """What the findings of a phase read of one model: its cut nodes, single points of
    failure, authority relations, counterpart pairs and the forces it adds or removes."""

    cuts: set[str]
    dominators: tuple[Any, ...]
    relations: dict[tuple[str, str], tuple[str, ...]]
    peers: tuple[Mismatch, ...]
    forces: list[ForceShift]


def _side(model: Model, phase: str, layer: str, diff: StructuralDiff, after: bool) -> _Side:
    """What the findings of ``phase`` read of ``model``, ``b`` when ``after`` (its forces
    added by ``diff``), else ``a`` (its forces removed)."""
    report = phase_report(model, phase=phase, layer=layer)
    units = diff.nodes_added if after else diff.nodes_removed
    return _Side(
        cuts=set(report.cut_nodes),
        dominators=tuple(report.dominators),
        relations=_relations(model, phase),
        peers=tuple(counterpart_table(model, phase=phase)),
        forces=_forces(model, phase, units, after),
    )


def _phase_findings(
    a: Model, b: Model, compared: PhaseComparison, layer: str
) -> dict[str, list[Any]]:
    """The findings of one shared phase but its decisions, without their phases."""
    phase, diff = compared.phase, compared.diff
    side_a, side_b = (_side(m, phase, layer, diff, after) for m, after in ((a, False), (b, True)))
    return _joined(compared, side_a, side_b)


def _joined(compared: PhaseComparison, a: _Side, b: _Side) -> dict[str, list[Any]]:
    """The findings of one shared phase but its decisions, from what was read of each
    model."""
    return {
        "authority": _authority(a.relations, b.relations),
        "chains": [
            ChainShift(c.unit, c.before, c.after, c.joined, c.left) for c in compared.chains_changed
        ],
        "forces": b.forces + a.forces,
        "failures": _failures(a.dominators, b.dominators),
        "cuts": [CutShift(n, True) for n in sorted(b.cuts - a.cuts)]
        + [CutShift(n, False) for n in sorted(a.cuts - b.cuts)],
        "peers": _peers(a.peers, b.peers),
        "values": [
            ValueShift(m.measure, m.before, m.after)
            for m in compared.measures
            if m.changed and m.measure not in MERGED_MEASURES
        ]
        + [
            ValueShift(name, before, after)
            for name, before, after in (
                ("approach", compared.approach_before.approach, compared.approach_after.approach),
                ("unity of command", compared.approach_before.unity, compared.approach_after.unity),
            )
            if before != after
        ],
    }


def _decisions(a: Model, b: Model, phase: str, twins: tuple[str, str]) -> list[DecisionShift]:
    """The decisions B needs in ``phase`` and A does not, then those A needs and B does not."""
    needed_a = _in_force(a, phase, twins[0])
    needed_b = _in_force(b, phase, twins[1])
    return [DecisionShift(d, True) for d in needed_b if d not in needed_a] + [
        DecisionShift(d, False) for d in needed_a if d not in needed_b
    ]


def _relations(model: Model, phase: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """The authority relations joining each pair of nodes in the phase, strongest first
    (a pair joined by one relation, the usual case, sorts nothing)."""
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    for link in phase_graphs(model, phase).links:
        relation = link.relation
        if relation in AUTHORITY_RELATIONS:
            pair = (link.from_node, link.to_node)
            held = pairs.get(pair)
            if held is None:
                pairs[pair] = (relation,)
            elif relation not in held:
                pairs[pair] = tuple(sorted((*held, relation), key=_rank))
    return pairs


_RANKS = {relation: i for i, relation in enumerate(AUTHORITY_ORDER)}


def _rank(relation: str) -> int:
    """Where ``relation`` sorts among the authority relations, strongest first."""
    return _RANKS.get(relation, len(_RANKS))


def _authority(
    before: dict[tuple[str, str], tuple[str, ...]], after: dict[tuple[str, str], tuple[str, ...]]
) -> list[AuthorityShift]:
    """The pairs whose relations differ, by ends (a pair is never joined by no relation)."""
    changed = [pair for pair, held in before.items() if after.get(pair) != held]
    changed += [pair for pair in after if pair not in before]
    return [
        AuthorityShift(tail, head, before.get((tail, head), ()), after.get((tail, head), ()))
        for tail, head in sorted(changed)
    ]


def _forces(model: Model, phase: str, units: Iterable[str], added: bool) -> list[ForceShift]:
    """The forces among ``units`` (added to ``model``, or removed from it), with their
    chains of command there (the operational layer's, as
    :func:`~c2graph.analysis.paths.chain_of_command` lists them)."""
    forces = [unit for unit in units if model.nodes[unit].kind in FORCE_KINDS]
    if not forces:
        return []
    chains = CommandChains(authority_view(model, phase=phase).chains)
    return [ForceShift(unit, added, chains.nodes(unit)) for unit in forces]


def _failures(before: Iterable[Any], after: Iterable[Any]) -> list[FailureShift]:
    was = {(d.chains, d.node): d.units for d in before}
    now = {(d.chains, d.node): d.units for d in after}
    keys = [k for k in now if k not in was] + [k for k in was if now.get(k) != was[k]]
    return [
        FailureShift(node, chains, was.get((chains, node), ()), now.get((chains, node), ()))
        for chains, node in sorted(dict.fromkeys(keys), key=lambda k: (k[0], k[1]))
    ]


def _state(pair: Mismatch | None) -> tuple[str, tuple[str, str] | None]:
    if pair is None:
        return "absent", None
    return ("mismatch" if pair.mismatch else "match"), (pair.a.role, pair.b.role)


def _peers(before: Iterable[Mismatch], after: Iterable[Mismatch]) -> list[PeerShift]:
    was = {(p.a.node, p.b.node): p for p in before}
    now = {(p.a.node, p.b.node): p for p in after}
    shifts = []
    for ends in sorted(was.keys() | now.keys()):
        state_a, roles_a = _state(was.get(ends))
        state_b, roles_b = _state(now.get(ends))
        if state_a != state_b:
            shifts.append(PeerShift(*ends, state_a, state_b, roles_a, roles_b))
    return shifts
