"""Placement of a model, per phase, in the NATO C2 approach space, and its unity of command.

The approach space of NATO SAS-050, refined by SAS-065 into the N2C2M2 maturity model, has
three axes: allocation of decision rights to the collective, patterns of interaction among
the entities, and distribution of information among them.  N2C2M2 describes a *collective
of independent entities*, none of which commands the others, so the axes are measured here
only on what the nations do together without command: the links of the coordination and
information layers (coordination, liaison, counterpart, membership, shared pictures).
Walker, Stanton et al. (2009) gave each axis a social-network measure; here the entities
are the nations of the model, and each axis is the share of cross-nation pairs (two
national nodes of different countries) that:

decision rights
    decide jointly: pairs of *deciders* (national nodes holding command, COCOM, OPCON or
    TACON over some force on the operational layer) sitting in the same shared body (a
    coordination body, forum or collective node linked to two or more countries; a direct
    link between two deciders is contact, not a joint decision);
patterns of interaction
    are in direct operational contact: pairs of national nodes that are not political
    (not heads, ministries, legislatures or forums) joined by a coordination link or
    sitting in the same shared *operational* body (a ``coordination-body``);
distribution of information
    can pass information with at most one relay: pairs of national nodes within two links
    of each other over the coordination and information layers.

These are static potentials read from an organisation chart, not observed behaviour
(Walker et al. measured communications in exercises).  Each axis value is given a level
word of the N2C2M2 tables by :func:`axis_level`.  The approach is named by these rules,
applied in order (each quotes SAS-065's description):

1. ``none`` — fewer than two countries take part: there is nothing to place.
2. ``conflicted`` ("no interaction across entities"): no cross-nation pair is joined over
   the coordination and information layers.
3. ``de-conflicted`` ("only enough to partition the battlespace"): the nations are in
   contact, but no shared operational body is active (direct links or political forums
   only).
4. ``collaborative`` ("shared plans and decisions"): a shared operational body is active
   and every axis is at least *significant* (:data:`COLLABORATIVE_LEVEL`).
5. ``coordinated`` ("common intent, linked plans"): otherwise, with a shared operational
   body active.

``edge`` (self-synchronising) is never named: it is a matter of behaviour, which structure
alone cannot show.  Combined or foreign operational control is not a decision-rights
matter but a separate dimension, *unity of command* (Joint Publication 3-16's multinational
command structures), read on the operational layer's sovereign chains
(:mod:`c2graph.analysis.sovereignty`):

``integrated``
    some national force is under a combined chain (a combined headquarters directed by the
    nations);
``lead-nation``
    none is, but some national force is under another nation's chain;
``parallel``
    every national force is under its own nation's chains only.

References
----------
NATO SAS-050, *Exploring New Command and Control Concepts and Capabilities* (2006).
NATO SAS-065, *NATO NEC C2 Maturity Model* (CCRP, 2010).
G. H. Walker, N. A. Stanton, P. M. Salmon, D. P. Jenkins, K. Revell, L. Rafferty,
"Measuring Dimensions of Command and Control Using Social Network Analysis: Extending the
NATO SAS-050 Model", *International C2 Journal* 3(2), 2009, pp. 1-47.
Joint Publication 3-16, *Multinational Operations* (integrated, lead-nation and parallel
command structures); Joint Publication 1 (unity of command).

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jp", "name": "JP HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "us", "name": "US HQ", "nation": "US", "kind": "headquarters"}],
...     "links": [{"from": "jp", "to": "us", "relation": "liaison"}]})
>>> place = approach_space(model, phase="p")
>>> place.approach, place.unity
('de-conflicted', 'parallel')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model, Node
from ..vocabulary import LAYER_RELATIONS, POLITICAL_KINDS, SPECIAL_NATIONS, Layer
from ._cache import PhaseCache
from .chains import closure
from .frictions import forces_commanded, role
from .graphs import LayerView, PhaseGraphs, phase_graphs

__all__ = [
    "APPROACHES",
    "AXIS_LEVELS",
    "COLLABORATIVE_LEVEL",
    "INTERACTION_LAYERS",
    "UNITY",
    "ApproachPlacement",
    "approach_space",
    "axis_level",
    "placements",
    "shared_chains",
]

#: The five approaches of the C2 approach space, least to most collective (``edge`` is
#: never named from structure).
APPROACHES: tuple[str, ...] = (
    "conflicted",
    "de-conflicted",
    "coordinated",
    "collaborative",
    "edge",
)
#: Level words of the N2C2M2 tables with the lowest axis value each needs.
AXIS_LEVELS: tuple[tuple[float, str], ...] = (
    (0.5, "broad"),
    (0.25, "significant"),
    (0.1, "limited"),
    (0.0, "very limited"),
)
#: Every axis must reach this value (the level "significant") for ``collaborative``.
COLLABORATIVE_LEVEL = 0.25
#: The layers the three axes are measured on.
INTERACTION_LAYERS: tuple[Layer, ...] = (Layer.COORDINATION, Layer.INFORMATION)
#: The unity-of-command structures (JP 3-16), least to most integrated.
UNITY: tuple[str, ...] = ("parallel", "lead-nation", "integrated")


@dataclass(frozen=True)
class ApproachPlacement(Displayable):
    """Where one phase of a model stands on the three axes, the approach it names, and its
    unity of command.

    ``units`` counts the national forces; ``units_shared`` are those under a combined or
    foreign operational chain and ``shared_by_nation`` each country's share of them.
    """

    phase: str
    nations: tuple[str, ...]
    decision_rights: float
    decider_pairs: int
    interaction: float
    cross_pairs: int
    cross_links: int
    shared_bodies: tuple[str, ...]
    forums: tuple[str, ...]
    information: float
    approach: str
    rule: str
    unity: str
    units: int
    units_shared: tuple[str, ...]
    shared_by_nation: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the placement as JSON-ready data (axis values rounded to 4 places)."""
        return {
            "phase": self.phase,
            "nations": list(self.nations),
            "layers": [layer.value for layer in INTERACTION_LAYERS],
            "decision_rights": round(self.decision_rights, 4),
            "decision_rights_level": axis_level(self.decision_rights),
            "decider_pairs": self.decider_pairs,
            "interaction": round(self.interaction, 4),
            "interaction_level": axis_level(self.interaction),
            "cross_pairs": self.cross_pairs,
            "cross_links": self.cross_links,
            "shared_bodies": list(self.shared_bodies),
            "forums": list(self.forums),
            "information": round(self.information, 4),
            "information_level": axis_level(self.information),
            "approach": self.approach,
            "rule": self.rule,
            "unity_of_command": {
                "structure": self.unity,
                "layer": Layer.OPERATIONAL.value,
                "units": self.units,
                "units_shared": list(self.units_shared),
                "by_nation": {n: round(v, 4) for n, v in self.shared_by_nation},
            },
        }


def axis_level(value: float) -> str:
    """Return the N2C2M2 level word for an axis value in [0, 1].

    ``none`` at 0, ``very limited`` below 0.1, ``limited`` below 0.25, ``significant``
    below 0.5, ``broad`` from 0.5.

    Example
    -------
    >>> axis_level(0.0), axis_level(0.3), axis_level(0.5)
    ('none', 'significant', 'broad')

    References
    ----------
    NATO SAS-065, *NATO NEC C2 Maturity Model* (CCRP, 2010), the levels of each axis.
    """
    if value <= 0:
        return "none"
    return next(word for low, word in AXIS_LEVELS if value >= low)


def approach_space(model: Model, *, phase: str) -> ApproachPlacement:
    """Place one phase of ``model`` in the C2 approach space (rules in the module docstring).

    Computed once per model and content of the phase (models are immutable): phases in
    which the same nodes and links hold share it, each with its own id.  Cost: pairs are counted
    from each node's neighbourhood, never listed, so about the sum over nodes of their
    squared degree (the links within two steps); near-linear for command structures,
    whose degrees stay small.

    Raises :class:`~c2graph.errors.QueryError` for an unknown phase.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-combined-command.yaml")
    >>> place = approach_space(model, phase="armed-attack")
    >>> place.approach, place.unity, place.units, place.units_shared[:3]
    ('coordinated', 'integrated', 21, ('jp-adc', 'jp-aegis-bmd', 'jp-gcc'))

    References
    ----------
    NATO SAS-050 (2006); NATO SAS-065 (2010); Walker, Stanton et al. (2009); JP 3-16.
    """
    return _PLACEMENTS(model, phase)


def placements(model: Model) -> tuple[ApproachPlacement, ...]:
    """Place every phase of ``model`` in the C2 approach space, in phase order.

    Example
    -------
    >>> from c2graph import load_model
    >>> [(p.phase, p.approach, p.unity) for p in placements(load_model("models/us-rok-cfc.yaml"))]
    [('armistice', 'coordinated', 'parallel'), ('wartime', 'coordinated', 'integrated')]

    References
    ----------
    NATO SAS-050 (2006); NATO SAS-065 (2010); see :func:`approach_space`.
    """
    return tuple(approach_space(model, phase=p) for p in model.phase_ids)


def _place(model: Model, phase: str) -> ApproachPlacement:
    graphs = phase_graphs(model, phase)
    records = model.nodes
    view = graphs.layer(Layer.OPERATIONAL)
    nation = view.nation
    near = _neighbours(graphs)
    # A node with a link of the phase (a degree in its graph of every link).
    active = {n for pair in graphs.joined for n in pair}
    groups = _Groups(active, nation, records, forces_commanded(view))
    national = groups.national
    nations = tuple(sorted(groups.counts[0]))
    bodies = _shared(near, nation, records)
    operational = tuple(b for b in bodies if records[b].kind != "forum")
    informed = _within_two(near, national, nation)
    cross_pairs, decider_pairs, military_pairs = map(_cross, groups.counts)
    axes = (
        _share(
            _in_contact(near, groups.deciders, set(bodies), nation, direct=False), decider_pairs
        ),
        _share(
            _in_contact(near, groups.military, set(operational), nation, direct=True),
            military_pairs,
        ),
        _share(informed, cross_pairs),
    )
    approach, rule = _name(len(nations), informed, operational, axes)
    units, shared = _units(graphs.forces, nation), shared_chains(view)
    return ApproachPlacement(
        phase=phase,
        nations=nations,
        decision_rights=axes[0],
        decider_pairs=decider_pairs,
        interaction=axes[1],
        cross_pairs=cross_pairs,
        cross_links=sum(1 for link in graphs.cross_nation if link.relation in _INTERACTION),
        shared_bodies=operational,
        forums=tuple(b for b in bodies if records[b].kind == "forum"),
        information=axes[2],
        approach=approach,
        rule=rule,
        unity=_structure(shared),
        units=sum(units.values()),
        units_shared=tuple(sorted(shared)),
        shared_by_nation=_by_nation(units, shared, nation),
    )


class _Groups:
    """The national nodes of a phase with a link (``national``), those commanding some
    force (``deciders``) and those not political (``military``), in one pass; and for each
    of the three, the number of them per country (``counts``, in that order)."""

    def __init__(
        self,
        active: set[str],
        nation: Mapping[str, str],
        records: Mapping[str, Node],
        held: Mapping[str, str],
    ) -> None:
        commanding = {a for a in set(held.values()) if role(a) == "commands"}
        self.national: set[str] = set()
        self.military: set[str] = set()
        self.deciders: set[str] = set()
        self.counts: tuple[dict[str, int], ...] = ({}, {}, {})
        everyone, deciding, fighting = self.counts
        for node in active:
            own = nation[node]
            if own in SPECIAL_NATIONS:
                continue
            self.national.add(node)
            everyone[own] = everyone.get(own, 0) + 1
            if held.get(node) in commanding:
                self.deciders.add(node)
                deciding[own] = deciding.get(own, 0) + 1
            if records[node].kind not in POLITICAL_KINDS:
                self.military.add(node)
                fighting[own] = fighting.get(own, 0) + 1


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


_PLACEMENTS = PhaseCache(
    _place, by_content=True, rephase=lambda place, phase: replace(place, phase=phase)
)

#: The relations the axes are measured on.
_INTERACTION = frozenset().union(*(LAYER_RELATIONS[layer] for layer in INTERACTION_LAYERS))


def _neighbours(graphs: PhaseGraphs) -> dict[str, set[str]]:
    """Each node with a coordination- or information-layer link, and the nodes it is
    linked to (either direction): read from the phase's links, as the layers' graphs
    hold them, without building those graphs (each on every node of the phase)."""
    near: dict[str, set[str]] = defaultdict(set)
    for link in graphs.links:
        if link.relation in _INTERACTION and not link.is_authority:
            near[link.from_node].add(link.to_node)
            near[link.to_node].add(link.from_node)
    return near


def _shared(
    near: dict[str, set[str]], nation: Mapping[str, str], records: Mapping[str, Node]
) -> tuple[str, ...]:
    """Coordination bodies, forums and collective nodes linked to two or more countries
    over the coordination and information layers, sorted."""
    return tuple(
        sorted(
            n
            for n in near
            if (records[n].kind in _BODY_KINDS or nation[n] in SPECIAL_NATIONS)
            and len({nation[m] for m in near[n]} - SPECIAL_NATIONS) >= 2
        )
    )


#: Kinds of node that are bodies where the nations meet.
_BODY_KINDS = frozenset({"coordination-body", "forum"})


def _cross(per_nation: Mapping[str, int]) -> int:
    """The number of pairs of different countries among nodes counted per country.

    >>> _cross({"JP": 2, "US": 3})
    6
    """
    total = sum(per_nation.values())
    return (total**2 - sum(c * c for c in per_nation.values())) // 2


def _in_contact(
    near: dict[str, set[str]],
    nodes: set[str],
    bodies: set[str],
    nation: Mapping[str, str],
    *,
    direct: bool,
) -> int:
    """Count the cross-nation pairs of ``nodes`` sitting in one of ``bodies`` together, or
    (``direct``) joined by a link; each pair is counted from both of its ends."""
    found = 0
    for u in nodes:
        around = near.get(u)
        if not around:
            continue
        contact = set(around) if direct else set()
        for w in around:
            if w in bodies:
                contact |= near[w]
        if contact:
            own = nation[u]
            found += sum(1 for v in contact if v in nodes and nation[v] != own)
    return found // 2


def _within_two(near: dict[str, set[str]], nodes: set[str], nation: Mapping[str, str]) -> int:
    """Count the cross-nation pairs of ``nodes`` within two links of each other, from each
    node's neighbourhood (the sum of squared degrees, never the pairs)."""
    found = 0
    for u in nodes:
        around = near.get(u)
        if not around:
            continue
        within = set(around)
        for w in around:
            within |= near[w]
        own = nation[u]
        found += sum(1 for v in within if v in nodes and nation[v] != own)
    return found // 2


def _units(forces: Collection[str], nation: Mapping[str, str]) -> dict[str, int]:
    """The number of national forces of the phase per country."""
    counts: dict[str, int] = {}
    for force in forces:
        own = nation[force]
        if own not in SPECIAL_NATIONS:
            counts[own] = counts.get(own, 0) + 1
    return counts


#: Bits of :func:`shared_chains`: some chain to the node starts at a collective top; some
#: chain from a national top has every node of the node's nation; some has not.
_COMBINED, _PURE, _MIXED = 1, 2, 4


def shared_chains(view: LayerView) -> dict[str, str]:
    """Map each national force of ``view`` under a combined or foreign chain to the scope
    of those chains: ``"combined"`` when one of them is combined, else ``"foreign"``.

    The same forces and scopes as the shared chains of
    :func:`~c2graph.analysis.sovereignty.force_scopes`, found in one pass down the
    layer's sovereign chains in topological order instead of listing every chain: a
    node's chains start at a collective top when one of its superiors' do (or it is a
    collective top itself); a chain from a national top keeps one nation when the chain
    of the superior did and the superior is of the node's nation.  Only the nodes below a
    collective top or a link between two nations can have a shared chain, so the pass
    runs over those alone (every chain to any other node is national); linear in the
    links, and in the nodes below such starts.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> view = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime").layer("operational")
    >>> sorted(shared_chains(view).items())[:2]
    [('kr-forces', 'combined'), ('us-kr-forces', 'combined')]

    References
    ----------
    Joint Publication 3-16 (multinational command structures); see
    :mod:`c2graph.analysis.sovereignty` for the scopes.
    """
    graph, nation = view.chains, view.nation
    pred, succ = graph._pred, graph._succ  # the adjacency, not its views: the same, faster
    starts = {top for top in view.tops if view.is_collective(top)}
    starts.update(v for u, below in succ.items() for v in below if nation[v] != nation[u])
    below = closure(graph, starts, upward=False)
    bits: dict[str, int] = {}
    for node in _order(graph, below):
        uppers = pred[node]
        if not uppers:
            bits[node] = _COMBINED if view.is_collective(node) else _PURE
            continue
        found = 0
        own = nation[node]
        for upper in uppers:
            above = bits.get(upper, _PURE)  # outside ``below``: national chains only
            found |= above & (_COMBINED | _MIXED)
            if above & _PURE:
                found |= _PURE if nation[upper] == own else _MIXED
        bits[node] = found
    return {
        force: "combined" if bits[force] & _COMBINED else "foreign"
        for force in sorted(below & view.forces)
        if pred[force] and bits[force] & (_COMBINED | _MIXED) and not view.is_collective(force)
    }


def _order(graph: nx.DiGraph, nodes: set[str]) -> list[str]:
    """``nodes`` (closed downward in the acyclic ``graph``) in an order where every link
    among them goes forward (Kahn's algorithm on the links among them).

    >>> _order(nx.DiGraph([("a", "b"), ("b", "c"), ("x", "b")]), {"b", "c"})
    ['b', 'c']
    """
    pred, succ = graph._pred, graph._succ
    waiting = {n: sum(1 for upper in pred[n] if upper in nodes) for n in nodes}
    ready = sorted(n for n, count in waiting.items() if not count)
    order: list[str] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for lower in succ[node]:
            waiting[lower] -= 1
            if not waiting[lower]:
                ready.append(lower)
    return order


def _structure(shared: dict[str, str]) -> str:
    """The unity-of-command structure of the phase (JP 3-16)."""
    if "combined" in shared.values():
        return "integrated"
    return "lead-nation" if shared else "parallel"


def _by_nation(
    units: Mapping[str, int], shared: dict[str, str], nation: Mapping[str, str]
) -> tuple[tuple[str, float], ...]:
    """Per country, the share of its national forces under a combined or foreign chain."""
    under: dict[str, int] = {}
    for unit in shared:
        under[nation[unit]] = under.get(nation[unit], 0) + 1
    return tuple((country, under.get(country, 0) / units[country]) for country in sorted(units))


def _name(
    countries: int,
    informed: int,
    operational: tuple[str, ...],
    axes: tuple[float, float, float],
) -> tuple[str, str]:
    if countries < 2:
        return "none", "fewer than two countries take part"
    if informed == 0:
        return "conflicted", "no cross-nation pair is joined by coordination or information"
    if not operational:
        return (
            "de-conflicted",
            "contact through direct links or political forums only; no shared operational body",
        )
    levels = ", ".join(axis_level(value) for value in axes)
    if min(axes) >= COLLABORATIVE_LEVEL:
        return (
            "collaborative",
            f"{len(operational)} shared operational bodies; every axis at least significant "
            f"({levels}); edge is not told from structure",
        )
    return (
        "coordinated",
        f"{len(operational)} shared operational bodies; axes {levels} (collaborative needs "
        "every axis at least significant)",
    )
