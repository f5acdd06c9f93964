"""What the report says of one model, read once from the analyses: chains of command of
every force with a superior, single points of failure per national chain, counterpart
mismatches, cut nodes and the switch from each phase to the next, each with the phases it
holds in.

Nothing here is measured anew: chains are :func:`c2graph.analysis.authority_paths`, single
points of failure :func:`c2graph.analysis.dominators` (through the per-phase bottleneck
report), mismatches :func:`c2graph.analysis.counterpart_mismatches` and switches
:func:`c2graph.analysis.phase_switch`; this module only groups identical answers across
phases and restricts them to the forces asked for.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u", "name": "Unit", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command"},
...               {"from": "hq", "to": "u", "relation": "opcon"}]})
>>> found = model_findings(model)
>>> for row in found.chains:
...     print(row.unit, row.chains, row.phases)
hq ((('pm', 'hq'), 'command'),) ('p', 'q')
u ((('pm', 'hq', 'u'), 'opcon'),) ('p', 'q')
>>> [(f.node, f.units, f.phases) for f in found.failures]
[('pm', ('hq', 'u'), ('p', 'q')), ('hq', ('u',), ('p', 'q'))]
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from ..analysis.graphs import PhaseGraphs, phase_graphs
from ..analysis.measures import phase_report
from ..analysis.paths import all_authority_paths
from ..analysis.switches import SwitchResult, phase_switch
from ..errors import QueryError
from ..hints import did_you_mean
from ..model import Model
from ..vocabulary import POLITICAL_KINDS, Layer

__all__ = [
    "CHAIN_LAYERS",
    "LISTED_FORCES",
    "ChainRow",
    "Failure",
    "ModelFindings",
    "PeerGap",
    "checked_forces",
    "listed_forces",
    "merge_phases",
    "model_findings",
]

T = TypeVar("T")

#: The layers a force's chains are looked for in, in order: the first with a chain is shown
#: (the Coast Guard, an agency, has civil chains only; ADCON is shown only when alone).
CHAIN_LAYERS: tuple[Layer, ...] = (Layer.OPERATIONAL, Layer.CIVIL, Layer.ADMINISTRATIVE)

#: The most forces of one nation whose chains the report lists (the nearest the top); the
#: shipped models have at most 60 nodes, an order of battle tens of thousands.
LISTED_FORCES = 100

#: A chain as the report shows it: the node ids top first, and the authority surviving.
Chain = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class ChainRow:
    """A force's chains of command in one authority layer, in the phases they hold in."""

    unit: str
    layer: str
    chains: tuple[Chain, ...]
    phases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A single point of failure of one family of chains (a nation's own, or
    ``"combined"``) and the forces its loss cuts off from every chain of that family."""

    chains: str
    node: str
    units: tuple[str, ...]
    operational: bool
    phases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeerGap:
    """A counterpart mismatch: two cross-nation peers of which only one commands forces,
    with each side's role (``commands``, ``conduit`` or ``none``) and forces; the side that
    commands first."""

    a: str
    b: str
    roles: tuple[str, str]
    forces: tuple[tuple[str, ...], tuple[str, ...]]
    phases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelFindings:
    """Everything the report says of one model, phases merged (see the module docstring).

    ``forces`` are the forces shown: every force with a superior in some phase and layer,
    or those asked for.  ``switches`` go from each phase to the next, in the model's order.
    ``cuts`` are the cut nodes of the whole structure with their phases.  ``chains`` are
    those of the forces listed (:func:`model_findings`); ``chained`` counts, per nation
    (sorted), the forces with a chain in some phase and layer of :data:`CHAIN_LAYERS`.
    """

    model: Model
    forces: tuple[str, ...]
    chains: tuple[ChainRow, ...]
    failures: tuple[Failure, ...]
    mismatches: tuple[PeerGap, ...]
    cuts: tuple[tuple[str, tuple[str, ...]], ...]
    switches: tuple[SwitchResult, ...]
    chained: tuple[tuple[str, int], ...] = ()


def merge_phases(per_phase: Iterable[tuple[str, Iterable[T]]]) -> list[tuple[T, tuple[str, ...]]]:
    """Group equal findings across phases: each distinct finding once, with its phases,
    in the order first found.

    >>> merge_phases([("p", ["a", "b"]), ("q", ["a"])])
    [('a', ('p', 'q')), ('b', ('p',))]
    """
    found: dict[T, list[str]] = {}
    for phase, items in per_phase:
        for item in items:
            found.setdefault(item, []).append(phase)
    return [(item, tuple(phases)) for item, phases in found.items()]


def checked_forces(
    models: Sequence[Model], forces: Collection[str] | None
) -> frozenset[str] | None:
    """Return the force ids asked for, checked: each must be a node of some model.

    Raises :class:`~c2graph.errors.QueryError` naming the closest ids for an unknown one.

    >>> from c2graph import load_model
    >>> checked_forces([load_model("models/us-rok-cfc.yaml")], ["kr-forces"])
    frozenset({'kr-forces'})
    """
    if forces is None:
        return None
    known = {node for model in models for node in model.nodes}
    for force in forces:
        if force not in known:
            raise QueryError(
                f"--forces: no model has a node {force!r}" + did_you_mean(force, sorted(known))
            )
    return frozenset(forces)


def model_findings(model: Model, *, forces: Collection[str] | None = None) -> ModelFindings:
    """Return the findings of ``model`` (see the module docstring), restricted to
    ``forces`` (ids) when given: their chains, the single points of failure that cut one of
    them off, and every switch (the switches' chain changes are filtered when shown).

    Without ``forces``, the chains listed are those of at most :data:`LISTED_FORCES` forces
    of each nation, the nearest the top (:func:`listed_forces`); ``chained`` counts each
    nation's forces with a chain, listed or not.

    Examples
    --------
    >>> from c2graph import load_model
    >>> found = model_findings(load_model("models/us-japan-2025.yaml"), forces=["jp-gcc"])
    >>> [(f.node, f.phases == found.model.phase_ids) for f in found.failures if f.operational]
    [('jp-jjoc', True)]
    >>> found.chained
    (('JP', 1),)
    """
    phases = model.phase_ids
    # The bottleneck reports first: the chains' consent reads the families they build.
    failures = merge_phases((p, _failures(model, p, forces)) for p in phases)
    gaps = merge_phases((p, _gaps(model, p, forces)) for p in phases)
    cuts = merge_phases((p, phase_report(model, phase=p).cut_nodes) for p in phases)
    shown = _shown_forces(model, forces)
    chained = _chained(model, shown)
    listed = chained if forces is not None else listed_forces(model, chained, LISTED_FORCES)
    chains = _chain_rows(model, sorted(listed))
    counts: dict[str, int] = {}
    for unit in chained:
        counts[model.nodes[unit].nation] = counts.get(model.nodes[unit].nation, 0) + 1
    return ModelFindings(
        model=model,
        forces=tuple(shown),
        chains=tuple(chains),
        failures=tuple(replace(f, phases=found) for f, found in failures),
        mismatches=tuple(replace(g, phases=found) for g, found in gaps),
        cuts=tuple(cuts),
        switches=tuple(
            phase_switch(model, before=before, after=after)
            for before, after in itertools.pairwise(phases)
        ),
        chained=tuple(sorted(counts.items())),
    )


def listed_forces(model: Model, units: Collection[str], limit: int) -> list[str]:
    """Return at most ``limit`` of ``units`` per nation, sorted by id: all of a nation's
    when it has no more, else those nearest the top of the structure (fewest authority
    links below a node without superiors, in the phase where they are nearest), ties by id.

    >>> from c2graph import load_model
    >>> listed_forces(load_model("models/us-rok-cfc.yaml"), ["us-kr-forces", "kr-jcs"], 1)
    ['kr-jcs', 'us-kr-forces']
    """
    by_nation: dict[str, list[str]] = {}
    for unit in units:
        by_nation.setdefault(model.nodes[unit].nation, []).append(unit)
    crowded = {n: members for n, members in by_nation.items() if len(members) > limit}
    kept = [u for n, members in by_nation.items() if n not in crowded for u in members]
    if crowded:
        depth = _depths(model, crowded, limit)
        unseen = len(model.nodes)  # after every depth: a node without one sorts last
        for members in crowded.values():
            kept += sorted(members, key=lambda u: (depth.get(u, unseen), u))[:limit]
    return sorted(kept)


def _depths(model: Model, crowded: Mapping[str, Sequence[str]], limit: int) -> dict[str, int]:
    """Each node's fewest authority links below a node without superiors, over the phases,
    for the nodes at most as deep as the ``limit`` nearest the top of each nation's
    ``crowded`` members: one search per phase, all of them a level at a time, stopped
    once every nation has ``limit`` members found (a member found later is deeper, and
    sorts after them)."""
    nation_of = {u: nation for nation, members in crowded.items() for u in members}
    wanted = {nation: limit for nation in crowded}
    searches = []
    for graphs in _distinct_graphs(model):  # a phase alike an earlier one finds nothing new
        graph = graphs.authority
        level = [n for n in graph if not graph._pred[n]]
        searches.append((graph._succ, level, set(level)))  # the adjacency dicts: faster
    depth: dict[str, int] = {}
    steps = 0
    while wanted and any(level for _succ, level, _seen in searches):
        following = []
        for succ, level, seen in searches:
            lower: list[str] = []
            for node in level:
                if node not in depth:
                    depth[node] = steps
                    own = nation_of.get(node)
                    if own in wanted:
                        wanted[own] -= 1
                        if not wanted[own]:
                            del wanted[own]
                for below in succ[node]:
                    if below not in seen:
                        seen.add(below)
                        lower.append(below)
            following.append((succ, lower, seen))
        searches, steps = following, steps + 1
    return depth


def _shown_forces(model: Model, forces: Collection[str] | None) -> list[str]:
    """The forces with a superior in some phase and authority layer, or those asked for
    that the model has, sorted by id."""
    if forces is not None:
        return sorted(f for f in forces if f in model.nodes)
    found: set[str] = set()
    for graphs in _distinct_graphs(model):
        pred = graphs.authority._pred  # the adjacency dict: the same, faster
        found.update(n for n in graphs.forces if pred[n])
    return sorted(found)


def _chained(model: Model, units: Sequence[str]) -> list[str]:
    """The ``units`` (in their order) with a chain in some phase, in a layer of
    :data:`CHAIN_LAYERS`: a superior in that layer's chains (walking up from one always
    ends at a top)."""
    found: set[str] = set()
    seen = set()
    for phase in model.phase_ids:
        graphs = phase_graphs(model, phase)
        if graphs in seen:  # alike an earlier phase: its units are found, or have no chain
            continue
        seen.add(graphs)
        active = [u for u in units if u not in found and phase in model.nodes[u].phases]
        for layer in CHAIN_LAYERS:
            if not active:
                break
            pred = graphs.layer(layer).chains._pred
            found.update(u for u in active if pred[u])
            active = [u for u in active if u not in found]
    return [u for u in units if u in found]


def _chain_rows(model: Model, units: Sequence[str]) -> list[ChainRow]:
    """The chain rows of ``units`` (sorted by id): per unit, each distinct answer of
    :func:`_phase_chains` with the phases it holds in, in the model's phase order."""
    alike: dict[PhaseGraphs, dict[str, tuple[str, tuple[Chain, ...]]]] = {}
    for phase in model.phase_ids:  # phases alike share their answers
        graphs = phase_graphs(model, phase)
        if graphs not in alike:
            alike[graphs] = _phase_chains(model, units, phase)
    per_phase = [(phase, alike[phase_graphs(model, phase)]) for phase in model.phase_ids]
    return [
        ChainRow(unit, layer, rows, found)
        for unit in units
        for (layer, rows), found in merge_phases((p, [answers[unit]]) for p, answers in per_phase)
        if rows
    ]


def _distinct_graphs(model: Model) -> list[PhaseGraphs]:
    """The graphs of the model's phases, in phase order, each once (phases in which the
    same nodes and links hold share theirs)."""
    return list(dict.fromkeys(phase_graphs(model, phase) for phase in model.phase_ids))


def _phase_chains(
    model: Model, units: Sequence[str], phase: str
) -> dict[str, tuple[str, tuple[Chain, ...]]]:
    """Each unit's chains in the first authority layer that has any in the phase
    (:func:`~c2graph.analysis.paths.all_authority_paths`, one pass per layer)."""
    none: tuple[str, tuple[Chain, ...]] = (CHAIN_LAYERS[0].value, ())
    answers = dict.fromkeys(units, none)
    waiting = [u for u in units if phase in model.nodes[u].phases]
    for layer in CHAIN_LAYERS:
        if not waiting:
            break
        found = all_authority_paths(model, waiting, phase=phase, layer=layer)
        for unit, result in found.items():
            if result.paths:
                chains = tuple(sorted({(p.nodes, p.effective) for p in result.paths}))
                answers[unit] = (layer.value, chains)
        waiting = [u for u in waiting if not found[u].paths]
    return answers


def _failures(model: Model, phase: str, forces: Collection[str] | None) -> list[Failure]:
    found = []
    for dominator in phase_report(model, phase=phase).dominators:
        units = dominator.units
        if forces is not None and not set(units) & set(forces):
            continue
        kind = model.nodes[dominator.node].kind
        found.append(Failure(dominator.chains, dominator.node, units, kind not in POLITICAL_KINDS))
    return found


def _gaps(model: Model, phase: str, forces: Collection[str] | None) -> list[PeerGap]:
    found = []
    for pair in phase_report(model, phase=phase).mismatches:
        if forces is not None and not set(pair.a.forces + pair.b.forces) & set(forces):
            continue
        one, two = (pair.a, pair.b) if pair.a.role == "commands" else (pair.b, pair.a)
        found.append(PeerGap(one.node, two.node, (one.role, two.role), (one.forces, two.forces)))
    return found
