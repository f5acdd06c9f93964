"""Channels between nations: the smallest cuts of their operational coordination links.

Parallel national chains joined by coordination bodies are the alliance's pattern (2015
Guidelines: each side acts "through their respective chains-of-command"); how few nodes or
links carry the nations' operational coordination is a cut over the coordination and
information layers, political forums aside.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jhq", "name": "JHQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "uhq", "name": "UHQ", "nation": "US", "kind": "headquarters"}],
...     "links": [{"from": "jhq", "to": "uhq", "relation": "liaison"}]})
>>> (cut,) = nation_cut(model, phase="p")
>>> cut.connectivity, cut.link_cut
(1, ('jhq->uhq:liaison',))
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model
from ..vocabulary import POLITICAL_KINDS, SPECIAL_NATIONS, Layer
from .graphs import PhaseGraphs, phase_graphs

__all__ = ["CHANNEL_LAYERS", "Bridge", "NationCut", "nation_cut"]

_SUPER_SOURCE = ("<nation>", 0)
_SUPER_SINK = ("<nation>", 1)
_FLOW = nx.algorithms.flow.boykov_kolmogorov

#: The layers whose links are channels between nations: coordination and shared pictures.
CHANNEL_LAYERS: tuple[Layer, ...] = (Layer.COORDINATION, Layer.INFORMATION)


@dataclass(frozen=True)
class Bridge(Displayable):
    """An alliance or multinational node and the nations' connectivity once it is lost."""

    node: str
    connectivity_without: int

    def to_dict(self) -> dict[str, Any]:
        """Return the bridge as JSON-ready data."""
        return {"node": self.node, "connectivity_without": self.connectivity_without}


@dataclass(frozen=True)
class NationCut(Displayable):
    """The smallest sets of nodes and of links whose loss separates two nations' channels.

    Counted over the operational coordination channels (:func:`nation_cut`):
    ``connectivity`` is the number of node-disjoint channels between the nations (the size
    of ``node_cut``), ``link_connectivity`` the number of link-disjoint ones (the size of
    ``link_cut``, a list of link keys); ``bridges`` gives, for each alliance or
    multinational node, the connectivity left without it.  ``forums`` are the political
    forums both nations sit in and ``political_links`` the links between the two nations'
    political nodes: listed, not counted.
    """

    nations: tuple[str, str]
    connectivity: int
    node_cut: tuple[str, ...]
    link_connectivity: int
    link_cut: tuple[str, ...]
    bridges: tuple[Bridge, ...]
    forums: tuple[str, ...] = ()
    political_links: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the cut as JSON-ready data."""
        return {
            "nations": list(self.nations),
            "layers": [layer.value for layer in CHANNEL_LAYERS],
            "connectivity": self.connectivity,
            "node_cut": list(self.node_cut),
            "link_connectivity": self.link_connectivity,
            "link_cut": list(self.link_cut),
            "bridges": [b.to_dict() for b in self.bridges],
            "forums": list(self.forums),
            "political_links": list(self.political_links),
        }


def nation_cut(model: Model, *, phase: str) -> tuple[NationCut, ...]:
    """Return, for each pair of nations in ``phase``, the smallest cuts of their channels.

    The channels are the operational coordination links: those of the coordination and
    information layers (:data:`CHANNEL_LAYERS`) whose two ends are not political (kinds
    of :data:`~c2graph.vocabulary.POLITICAL_KINDS`: heads, ministries, legislatures,
    forums), taken undirected.  Every node of one nation is joined to a super-source and
    every node of the other to a super-sink; the minimum node cut and minimum link cut
    between the two show how few nodes or links carry the nations' operational
    coordination.  Alliance and multinational nodes other than forums are the bridges: for
    each, the node connectivity left without it says how much the alliance hangs on that
    body.  The
    political forums both nations sit in, and the links between their political nodes,
    are listed apart.  Pairs sorted by nation; when several minimum node cuts exist, one of
    them is reported (deterministically).

    Cost: the flows (Boykov-Kolmogorov) run only on the boundary between the two nations,
    links inside one nation being irrelevant to any cut between them: about O(k·b) per flow
    for connectivity k and b boundary links, plus one flow per bridge.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> (cut,) = nation_cut(model, phase="peacetime")
    >>> cut.nations, cut.connectivity, cut.node_cut  # doctest: +NORMALIZE_WHITESPACE
    (('JP', 'US'), 7, ('al-bjocc', 'al-bocc', 'al-ccc', 'jp-jjoc', 'jp-jso', 'us-cnfj',
                       'us-spacefor-j'))

    References
    ----------
    Menger's theorem; Boykov & Kolmogorov (2004); networkx ``minimum_node_cut``,
    ``minimum_cut``, ``local_node_connectivity``.  Model review (Dec 2026) §3b: only
    operational-tempo channels carry bilateral operational coordination.
    """
    graphs = phase_graphs(model, phase)
    by_nation: dict[str, list[str]] = defaultdict(list)
    for node in graphs.nodes:
        by_nation[model.nodes[node].nation].append(node)
    nations = sorted(n for n in by_nation if n not in SPECIAL_NATIONS)
    bridges = sorted(
        n
        for nation in SPECIAL_NATIONS
        for n in by_nation.get(nation, ())
        if model.nodes[n].kind not in POLITICAL_KINDS
    )
    channels = _channels(model, graphs)
    found = []
    for a, b in itertools.combinations(nations, 2):
        forums, links = _political(model, graphs, a, b)
        cut = _cut_between(channels, by_nation[a], by_nation[b], (a, b), bridges)
        found.append(replace(cut, forums=forums, political_links=links))
    return tuple(found)


def _channels(model: Model, graphs: PhaseGraphs) -> nx.Graph:
    """The undirected graph of the operational coordination channels of a phase, each edge
    carrying ``links`` (keys)."""
    edges = [
        (u, v, pairs)
        for layer in CHANNEL_LAYERS
        for u, v, pairs in graphs.layer_links(layer)
        if model.nodes[u].kind not in POLITICAL_KINDS and model.nodes[v].kind not in POLITICAL_KINDS
    ]
    channels = nx.Graph()  # the ends in the phase's (sorted) order, then the links
    channels.add_nodes_from(sorted({u for u, _v, _p in edges} | {v for _u, v, _p in edges}))
    for u, v, pairs in edges:
        keys = channels.edges[u, v]["links"] if channels.has_edge(u, v) else ()
        channels.add_edge(u, v, links=tuple(sorted((*keys, *(key for _r, key in pairs)))))
    return channels


def _political(
    model: Model, graphs: PhaseGraphs, a: str, b: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The forums nodes of both nations ``a`` and ``b`` sit in, and the links of the
    coordination layer joining their political nodes (not counted as channels)."""
    nation = graphs.layer(Layer.OPERATIONAL).nation  # the phase's, shared by its layers
    near: dict[str, set[str]] = defaultdict(set)
    links = []
    for u, v, pairs in graphs.layer_links(Layer.COORDINATION):
        near[u].add(nation[v])
        near[v].add(nation[u])
        kinds = {model.nodes[u].kind, model.nodes[v].kind}
        if {nation[u], nation[v]} == {a, b} and kinds <= POLITICAL_KINDS:
            links += [key for _rel, key in pairs]
    forums = tuple(
        sorted(
            n for n, joined in near.items() if model.nodes[n].kind == "forum" and {a, b} <= joined
        )
    )
    return forums, tuple(sorted(links))


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
