"""Single points of failure of a phase: dominators, cut nodes, the cut between nations.

Also collects every bottleneck measure of a phase into one :class:`BottleneckReport`
(with the frictions of :mod:`c2graph.analysis.frictions` and the hierarchy measures of
:mod:`c2graph.analysis.hierarchy`).

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u", "name": "Unit", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command"},
...               {"from": "hq", "to": "u", "relation": "opcon"}]})
>>> [(d.node, d.units) for d in dominators(model, phase="p")]
[('pm', ('hq', 'u')), ('hq', ('u',))]
>>> removal_impact(model, "hq", phase="p")
('u',)
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..model import Model
from ..vocabulary import SPECIAL_NATIONS
from .chains import closure
from .frictions import (
    DEFAULT_SPAN_THRESHOLD,
    DistanceGap,
    Mismatch,
    SpanOfControl,
    counterpart_mismatches,
    distance_gaps,
    span_of_control,
)
from .graphs import phase_graphs
from .hierarchy import HierarchyScores, hierarchy_scores

__all__ = [
    "BETWEENNESS_EXACT_MAX_NODES",
    "BETWEENNESS_SAMPLE",
    "BottleneckReport",
    "Bridge",
    "Centrality",
    "Dominator",
    "NationCut",
    "betweenness",
    "bottleneck_report",
    "counterpart_mismatches",
    "cut_nodes",
    "distance_gaps",
    "dominators",
    "nation_cut",
    "removal_impact",
    "span_of_control",
]

#: Betweenness is exact up to this many nodes in the phase, sampled above it.
BETWEENNESS_EXACT_MAX_NODES = 500
#: Number of sampled sources (fixed seed 0) above the bound.
BETWEENNESS_SAMPLE = 200

_SUPER_SOURCE = ("<nation>", 0)
_SUPER_SINK = ("<nation>", 1)
_VIRTUAL_ROOT = ("<top>",)
_FLOW = nx.algorithms.flow.boykov_kolmogorov


@dataclass(frozen=True)
class Dominator:
    """A node every chain of command to ``units`` passes through (a single point of failure)."""

    node: str
    units: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the dominator as JSON-ready data."""
        return {"node": self.node, "units": list(self.units)}


@dataclass(frozen=True)
class Bridge:
    """An alliance or multinational node and the nations' connectivity once it is lost."""

    node: str
    connectivity_without: int

    def to_dict(self) -> dict[str, Any]:
        """Return the bridge as JSON-ready data."""
        return {"node": self.node, "connectivity_without": self.connectivity_without}


@dataclass(frozen=True)
class NationCut:
    """The smallest sets of nodes and of links whose loss separates two nations' nodes.

    ``connectivity`` is the number of node-disjoint connections between the nations (the
    size of ``node_cut``), ``link_connectivity`` the number of link-disjoint ones (the size
    of ``link_cut``, a list of link keys); ``bridges`` gives, for each alliance or
    multinational node, the connectivity left without it.
    """

    nations: tuple[str, str]
    connectivity: int
    node_cut: tuple[str, ...]
    link_connectivity: int
    link_cut: tuple[str, ...]
    bridges: tuple[Bridge, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the cut as JSON-ready data."""
        return {
            "nations": list(self.nations),
            "connectivity": self.connectivity,
            "node_cut": list(self.node_cut),
            "link_connectivity": self.link_connectivity,
            "link_cut": list(self.link_cut),
            "bridges": [b.to_dict() for b in self.bridges],
        }


@dataclass(frozen=True)
class Centrality:
    """A node's betweenness centrality (normalised) in the whole graph of a phase."""

    node: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Return the score as JSON-ready data."""
        return {"node": self.node, "score": self.score}


@dataclass(frozen=True)
class BottleneckReport:
    """Every bottleneck measure of one phase (see each function for its meaning)."""

    phase: str
    tops: tuple[str, ...]
    dominators: tuple[Dominator, ...]
    cut_nodes: tuple[str, ...]
    nation_cuts: tuple[NationCut, ...]
    span: SpanOfControl
    mismatches: tuple[Mismatch, ...]
    distance_gaps: tuple[DistanceGap, ...]
    hierarchy: HierarchyScores
    removed: str | None = None
    removal: tuple[str, ...] = ()
    betweenness: tuple[Centrality, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "phase": self.phase,
            "tops": list(self.tops),
            "dominators": [d.to_dict() for d in self.dominators],
            "cut_nodes": list(self.cut_nodes),
            "nation_cut": [c.to_dict() for c in self.nation_cuts],
            "span_of_control": self.span.to_dict(),
            "counterpart_mismatches": [m.to_dict() for m in self.mismatches],
            "distance_gaps": [g.to_dict() for g in self.distance_gaps],
            "hierarchy": self.hierarchy.to_dict(),
            "removal": (
                None
                if self.removed is None
                else {"node": self.removed, "units": list(self.removal)}
            ),
            "betweenness": (
                None if self.betweenness is None else [c.to_dict() for c in self.betweenness]
            ),
        }


def dominators(model: Model, *, phase: str) -> tuple[Dominator, ...]:
    """Return the dominators of the phase's authority graph, most depended-on first.

    A node dominates a force (kind headquarters, component, unit or agency) when every
    chain of command from the top authorities to it passes through the node: losing it
    cuts the force off.  Dominators are computed from the single top authority, or, when
    there are several (e.g. two national chains), from a virtual root placed above all of
    them; the virtual root and a force itself are not reported.  Ranked by the number of
    forces depending on each node, ties by node id.  Cost: near-linear (the
    Cooper-Harvey-Kennedy algorithm, as networkx's, run on the phase's graph with the
    virtual root kept apart instead of copying the graph) plus the size of the output.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(d.node, len(d.units)) for d in dominators(model, phase="peacetime")][:4]
    [('us-president', 10), ('us-secdef', 10), ('us-indopacom', 9), ('jp-mod', 6)]

    References
    ----------
    Cooper, Harvey & Kennedy (2001), A simple, fast dominance algorithm;
    networkx ``immediate_dominators``.
    """
    graphs = phase_graphs(model, phase)
    idom = _immediate_dominators(graphs.authority, graphs.tops)
    depending: dict[str, list[str]] = defaultdict(list)
    for unit in sorted(graphs.forces):
        upper = idom.get(unit)
        while upper is not None and upper != _VIRTUAL_ROOT and upper != unit:
            depending[upper].append(unit)
            upper = idom.get(upper)
    found = [Dominator(node, tuple(units)) for node, units in depending.items()]
    return tuple(sorted(found, key=lambda d: (-len(d.units), d.node)))


def removal_impact(model: Model, node: str, *, phase: str) -> tuple[str, ...]:
    """Return the forces that lose every chain of command if ``node`` is removed, sorted.

    A force keeps a chain when some top authority of the phase (other than ``node``) still
    reaches it over authority links that avoid ``node``; ``node`` itself is not listed.
    This is ORA's "immediate impact" what-if for chains of command; it equals the forces
    ``node`` dominates (:func:`dominators`).  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> removal_impact(model, "jp-jjoc", phase="peacetime")
    ('jp-cyber', 'jp-space-ops')

    References
    ----------
    Carley et al., ORA user's guide (CMU CASOS), "immediate impact" of removing a node.
    """
    model.node(node)
    graphs = phase_graphs(model, phase)
    graph = graphs.authority
    if node not in graph:
        return ()
    tops = set(graphs.tops)
    before = closure(graph, tops, upward=False)
    after = closure(nx.restricted_view(graph, [node], []), tops - {node}, upward=False)
    return tuple(sorted((before - after - {node}) & graphs.forces))


def cut_nodes(model: Model, *, phase: str) -> tuple[str, ...]:
    """Return the cut nodes (articulation points) of the whole structure of ``phase``.

    The graph is every link of the phase, authority and coordination, taken undirected: a
    cut node's loss splits the structure into parts that can no longer reach each other
    even by coordination.  Sorted by id.  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> cut_nodes(model, phase="peacetime")
    ('jp-jjoc', 'us-secdef')

    References
    ----------
    Hopcroft & Tarjan (1973); networkx ``articulation_points``.
    """
    return tuple(sorted(nx.articulation_points(phase_graphs(model, phase).whole)))


def nation_cut(model: Model, *, phase: str) -> tuple[NationCut, ...]:
    """Return, for each pair of nations in ``phase``, the smallest cuts between them.

    Every node of one nation is joined to a super-source and every node of the other to a
    super-sink; the minimum node cut and minimum link cut between the two (over every link
    of the phase, undirected) show how few nodes or links hold the alliance together.
    Alliance and multinational nodes are the bridges: for each, the node connectivity left
    without it says how much the alliance hangs on that body.  Pairs sorted by nation.  When
    several minimum node cuts exist, one of them is reported (deterministically).

    Cost: the flows (Boykov-Kolmogorov) run only on the boundary between the two nations,
    links inside one nation being irrelevant to any cut between them: about O(k·b) per flow
    for connectivity k and b boundary links, plus one flow per bridge.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> (cut,) = nation_cut(model, phase="peacetime")
    >>> cut.nations, cut.connectivity, cut.link_connectivity
    (('JP', 'US'), 6, 18)

    References
    ----------
    Menger's theorem; Boykov & Kolmogorov (2004); networkx ``minimum_node_cut``,
    ``minimum_cut``, ``local_node_connectivity``.
    """
    graphs = phase_graphs(model, phase)
    by_nation: dict[str, list[str]] = defaultdict(list)
    for node in graphs.nodes:
        by_nation[model.nodes[node].nation].append(node)
    nations = sorted(n for n in by_nation if n not in SPECIAL_NATIONS)
    bridges = sorted(n for nation in SPECIAL_NATIONS for n in by_nation.get(nation, ()))
    return tuple(
        _cut_between(graphs.whole, by_nation[a], by_nation[b], (a, b), bridges)
        for a, b in itertools.combinations(nations, 2)
    )


def betweenness(model: Model, *, phase: str) -> tuple[Centrality, ...]:
    """Return the normalised betweenness centrality of the nodes of ``phase``, highest first.

    Over the whole structure (every link, undirected): the share of shortest paths between
    other nodes that pass through a node, i.e. how much it brokers.  Exact up to
    :data:`BETWEENNESS_EXACT_MAX_NODES` nodes, else estimated from
    :data:`BETWEENNESS_SAMPLE` sources with seed 0 (deterministic).  Nodes scoring 0 are
    left out; scores rounded to 6 places.  Cost: O(n·m) exact, O(k·m) sampled; run only on
    request.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> betweenness(model, phase="peacetime")[0]
    Centrality(node='jp-mod', score=0.306078)

    References
    ----------
    Brandes (2001), A faster algorithm for betweenness centrality; Brandes & Pich (2007)
    for source sampling; networkx ``betweenness_centrality``.
    """
    whole = phase_graphs(model, phase).whole
    sample = BETWEENNESS_SAMPLE if whole.number_of_nodes() > BETWEENNESS_EXACT_MAX_NODES else None
    scores = nx.betweenness_centrality(whole, k=sample, seed=0 if sample else None)
    found = [Centrality(n, round(s, 6)) for n, s in scores.items() if round(s, 6) > 0]
    return tuple(sorted(found, key=lambda c: (-c.score, c.node)))


def bottleneck_report(
    model: Model,
    *,
    phase: str,
    remove: str | None = None,
    span_threshold: int = DEFAULT_SPAN_THRESHOLD,
    with_betweenness: bool = False,
) -> BottleneckReport:
    """Return every bottleneck measure of ``phase`` in one report.

    ``remove`` adds the what-if of :func:`removal_impact`; ``with_betweenness`` adds
    :func:`betweenness` (off by default: it is the only measure worse than near-linear).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> report = bottleneck_report(model, phase="peacetime", remove="jp-jjoc")
    >>> report.cut_nodes, report.removal
    (('jp-jjoc', 'us-secdef'), ('jp-cyber', 'jp-space-ops'))
    """
    # The what-if comes first: an unknown node fails before the costlier measures run.
    removal = removal_impact(model, remove, phase=phase) if remove is not None else ()
    return BottleneckReport(
        phase=phase,
        tops=phase_graphs(model, phase).tops,
        dominators=dominators(model, phase=phase),
        cut_nodes=cut_nodes(model, phase=phase),
        nation_cuts=nation_cut(model, phase=phase),
        span=span_of_control(model, phase=phase, threshold=span_threshold),
        mismatches=counterpart_mismatches(model, phase=phase),
        distance_gaps=distance_gaps(model, phase=phase),
        hierarchy=hierarchy_scores(model, phase=phase),
        removed=remove,
        removal=removal,
        betweenness=betweenness(model, phase=phase) if with_betweenness else None,
    )


def _immediate_dominators(graph: nx.DiGraph, tops: tuple[str, ...]) -> dict[Any, Any]:
    """Map each node reachable from ``tops`` to its immediate dominator.

    With one top, it is the root and has no entry; with several, a virtual root
    (:data:`_VIRTUAL_ROOT`, absent from the result) stands above them.  The
    Cooper-Harvey-Kennedy iteration over reverse postorder, as networkx's
    ``immediate_dominators``, without building a rooted copy of the graph.
    """
    if not tops:
        return {}
    root: Any = tops[0] if len(tops) == 1 else _VIRTUAL_ROOT
    starts = (root,) if root != _VIRTUAL_ROOT else tops
    order: list[Any] = []
    seen = set(starts)
    for start in starts:
        stack = [(start, iter(graph.succ[start]))]
        while stack:
            node, lowers = stack[-1]
            lower = next((n for n in lowers if n not in seen), None)
            if lower is None:
                order.append(node)
                stack.pop()
            else:
                seen.add(lower)
                stack.append((lower, iter(graph.succ[lower])))
    if root == _VIRTUAL_ROOT:
        order.append(root)
    index = {node: i for i, node in enumerate(order)}
    idom: dict[Any, Any] = {root: root}
    top_set = set(tops) if root == _VIRTUAL_ROOT else set()
    changed = True
    while changed:
        changed = False
        for node in reversed(order[:-1]):
            uppers = [root] if node in top_set else list(graph.pred[node])
            new = None
            for upper in uppers:
                if upper in idom:
                    new = upper if new is None else _intersect(idom, index, upper, new)
            if idom.get(node) != new:
                idom[node] = new
                changed = True
    del idom[root]
    return idom


def _intersect(idom: dict[Any, Any], index: dict[Any, int], one: Any, two: Any) -> Any:
    while one != two:
        while index[one] < index[two]:
            one = idom[one]
        while index[one] > index[two]:
            two = idom[two]
    return one


def _cut_between(
    whole: nx.Graph, one: list[str], two: list[str], nations: tuple[str, str], bridges: list[str]
) -> NationCut:
    first, second = set(one), set(two)
    boundary = _boundary(whole, first, second)
    joined = nx.Graph(boundary)
    joined.add_edges_from((_SUPER_SOURCE, n) for n in sorted(first & set(boundary)))
    joined.add_edges_from((n, _SUPER_SINK) for n in sorted(second & set(boundary)))
    if _SUPER_SOURCE not in joined or _SUPER_SINK not in joined:
        return NationCut(nations, 0, (), 0, (), tuple(Bridge(b, 0) for b in bridges))
    node_cut = nx.minimum_node_cut(joined, _SUPER_SOURCE, _SUPER_SINK, flow_func=_FLOW)
    link_connectivity, link_cut = _link_cut(boundary, joined)
    return NationCut(
        nations,
        len(node_cut),
        tuple(sorted(node_cut)),
        link_connectivity,
        link_cut,
        tuple(_bridge(joined, bridge, len(node_cut)) for bridge in bridges),
    )


def _boundary(whole: nx.Graph, first: set[str], second: set[str]) -> nx.Graph:
    """The links of ``whole`` that do not stay inside one of the two nations.

    Every connection between the nations has a stretch from its last node of one nation to
    its first node of the other through neither; links inside one nation never matter, so
    the flows run on the boundary only (the same cuts, a far smaller graph).
    """
    boundary = nx.Graph()
    boundary.add_edges_from(
        (u, v, data)
        for u, v, data in whole.edges(data=True)
        if not ({u, v} <= first or {u, v} <= second)
    )
    return boundary


def _link_cut(boundary: nx.Graph, joined: nx.Graph) -> tuple[int, tuple[str, ...]]:
    """The fewest links (keys, sorted) whose loss separates the super-source from the sink;
    an edge of ``boundary`` weighs as many links as join its ends."""
    flow = nx.DiGraph()
    for u, v, data in boundary.edges(data=True):
        flow.add_edge(u, v, capacity=len(data["links"]))
        flow.add_edge(v, u, capacity=len(data["links"]))
    flow.add_edges_from((_SUPER_SOURCE, n) for n in joined.neighbors(_SUPER_SOURCE))
    flow.add_edges_from((n, _SUPER_SINK) for n in joined.neighbors(_SUPER_SINK))
    value, (side, _) = nx.minimum_cut(flow, _SUPER_SOURCE, _SUPER_SINK, flow_func=_FLOW)
    keys = sorted(
        key
        for u, v, data in boundary.edges(data=True)
        if (u in side) != (v in side)
        for key in data["links"]
    )
    return int(value), tuple(keys)


def _bridge(joined: nx.Graph, bridge: str, connectivity: int) -> Bridge:
    """The connectivity left between the two nations without ``bridge``."""
    if bridge not in joined:
        return Bridge(bridge, connectivity)
    without = nx.restricted_view(joined, [bridge], [])
    return Bridge(
        bridge,
        nx.connectivity.local_node_connectivity(
            without, _SUPER_SOURCE, _SUPER_SINK, flow_func=_FLOW
        ),
    )
