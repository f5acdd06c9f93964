"""Per-phase views of a model: its links, authority digraph and whole graph, built once each.

Every analysis takes what it needs of a phase from :func:`phase_graphs`, so that which
nodes and links hold in a phase is decided in one place.

Example
-------
>>> from c2graph import load_model
>>> graphs = phase_graphs(load_model("models/us-japan-2025.yaml"), "armed-attack")
>>> graphs.tops
('jp-pm', 'us-president')
>>> sorted(graphs.authority.predecessors("jp-jcg"))
['jp-mlit', 'jp-mod']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any
from weakref import WeakKeyDictionary

import networkx as nx

from ..model import Link, Model, Node
from ..modelfile.parsing import gc_paused
from ..vocabulary import (
    ALL_LAYERS,
    AUTHORITY_ORDER,
    AUTHORITY_RELATIONS,
    FORCE_KINDS,
    RELATIONS,
    SPECIAL_NATIONS,
    carries_authority,
    layer_relations,
)
from ._cache import PhaseCache

__all__ = [
    "STRENGTH",
    "LayerView",
    "PhaseGraphs",
    "forget_phase",
    "links_switched",
    "phase_graphs",
    "simple_digraph",
    "strength_key",
]

#: Authorities from strongest to weakest (:data:`~c2graph.vocabulary.AUTHORITY_ORDER`);
#: ``"none"`` (nothing survives a chain) comes last.
STRENGTH: tuple[str, ...] = (*AUTHORITY_ORDER, "none")
_RANK = {name: i for i, name in enumerate(STRENGTH)}


#: The views a networkx graph makes on first use and keeps (``edges``, ``in_degree``, ...).
_NETWORKX_VIEWS = frozenset(
    name
    for kind in (nx.DiGraph, nx.Graph)
    for name, attribute in vars(kind).items()
    if isinstance(attribute, cached_property)
)


def strength_key(authority: str) -> int:
    """Return the sort key putting stronger authorities first (:data:`STRENGTH`).

    Example
    -------
    >>> sorted(["none", "tacon", "command"], key=strength_key)
    ['command', 'tacon', 'none']
    """
    return _RANK[authority]


@dataclass(frozen=True, eq=False)
class _Parts:
    nodes: tuple[str, ...]
    links: tuple[Link, ...]
    authority: nx.DiGraph
    tops: tuple[str, ...]
    forces: frozenset[str]
    edges_of: Mapping[str, set[tuple[str, str]]]


class PhaseGraphs:
    """What the analyses need of one phase, computed once per model and content: the
    situations in which the same nodes and links hold share one (:func:`phase_graphs`).

    ``links`` are the links holding in the phase, in file order.  ``authority`` is a
    frozen :class:`networkx.DiGraph` on every node active in the phase; each edge carries
    ``links``: the ``(relation, link key)`` pairs of the authority links joining its ends,
    strongest first.  ``whole`` is the undirected simple graph of every link (authority and
    coordination) of the phase, each edge carrying ``links`` (keys), built from ``pairs``
    on first use.  ``coordination`` maps a node to its coordination links as ``(other end,
    relation, key)``, in both directions.  ``tops`` are the top authorities: nodes with no
    incoming authority link and at least one outgoing one.  ``forces`` are active nodes
    whose kind is in :data:`~c2graph.vocabulary.FORCE_KINDS`.

    Everything is built on first use of any of these, so that merely checking a phase
    costs nothing.  The records are held, not the model, so that the per-model cache never
    keeps a model alive.
    """

    def __init__(self, phase: str, nodes: Mapping[str, Node], links: tuple[Link, ...]) -> None:
        self._phase = phase  # the first of the situations sharing these graphs
        self._records = (nodes, links)
        # What activates and lapses on a switch from another phase's graphs, held weakly.
        self._switched: WeakKeyDictionary[PhaseGraphs, tuple[list[Link], list[Link]]] = (
            WeakKeyDictionary()
        )

    @cached_property
    def _parts(self) -> _Parts:
        nodes, links = self._records
        with gc_paused():  # hundreds of thousands of acyclic dicts and tuples
            return _build(nodes, links, self._phase)

    def _release(self) -> None:
        """Drop the views networkx keeps on each graph built (each refers back to its
        graph), so that the graphs go as soon as nothing refers to them, without waiting
        for a garbage collection (views are made again on next use)."""
        built = [self._parts.authority] if "_parts" in self.__dict__ else []
        if "whole" in self.__dict__:
            built.append(self.whole)
        for view in self.__dict__.get("_layers", {}).values():
            built += [view.graph, view.chains]
        for graph in built:
            for name in _NETWORKX_VIEWS:
                graph.__dict__.pop(name, None)

    @property
    def nodes(self) -> tuple[str, ...]:
        """Ids of the nodes active in the phase, sorted."""
        return self._parts.nodes

    @property
    def links(self) -> tuple[Link, ...]:
        """The links holding in the phase, in file order."""
        return self._parts.links

    @property
    def authority(self) -> nx.DiGraph:
        """The authority graph of the phase (see the class docstring)."""
        return self._parts.authority

    @cached_property
    def coordination(self) -> Mapping[str, tuple[tuple[str, str, str], ...]]:
        """Each node's coordination links as ``(other end, relation, key)``, sorted."""
        found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for link in self.links:
            if not link.is_authority:
                found[link.from_node].append((link.to_node, link.relation, link.key))
                found[link.to_node].append((link.from_node, link.relation, link.key))
        return MappingProxyType({k: tuple(sorted(v)) for k, v in found.items()})

    @property
    def tops(self) -> tuple[str, ...]:
        """The top authorities of the phase, sorted."""
        return self._parts.tops

    @property
    def forces(self) -> frozenset[str]:
        """The active nodes whose kind is a force kind."""
        return self._parts.forces

    @cached_property
    def pairs(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """Every linked pair ``(u, v, keys)`` with ``u < v``, sorted."""
        joined = self._joined
        return tuple((u, v, _sorted(joined[u, v])) for u, v in sorted(joined))

    @property
    def joined(self) -> Collection[tuple[str, str]]:
        """Every linked pair ``(u, v)`` with ``u < v``, once, in the order of the links
        (:attr:`pairs` without the sorting, for the measures that need only the pairs)."""
        return self._joined.keys()

    @cached_property
    def _joined(self) -> Mapping[tuple[str, str], list[str]]:
        """The keys of the links joining each pair ``(u, v)`` with ``u < v``, in file order
        (built on first use: the measures over every link mostly need the links alone)."""
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        for link in self.links:
            u, v = link.from_node, link.to_node
            found[(u, v) if u < v else (v, u)].append(link.key)
        return found

    @cached_property
    def whole(self) -> nx.Graph:
        """The undirected graph of every link of the phase (built on first use)."""
        whole = nx.Graph()
        whole.add_nodes_from(self.nodes)
        whole.add_edges_from((u, v, {"links": keys}) for u, v, keys in self.pairs)
        return nx.freeze(whole)

    @cached_property
    def cross_nation(self) -> tuple[Link, ...]:
        """The links of the phase joining two countries, in file order.

        A link with an alliance or multinational end
        (:data:`~c2graph.vocabulary.SPECIAL_NATIONS`) joins a country to a collective
        body, not two countries.
        """
        records = self._records[0]
        found = []
        for link in self.links:  # two lookups and comparisons, not a set, per link
            one, two = records[link.from_node].nation, records[link.to_node].nation
            if one != two and one not in SPECIAL_NATIONS and two not in SPECIAL_NATIONS:
                found.append(link)
        return tuple(found)

    def layer(self, layer: str) -> LayerView:
        """Return the view of one layer of the phase (:class:`LayerView`), built once.

        ``layer`` is a :class:`~c2graph.vocabulary.Layer` value or ``"all"``; an unknown
        one raises :class:`~c2graph.errors.QueryError` naming the choices.

        Example
        -------
        >>> from c2graph import load_model
        >>> graphs = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime")
        >>> view = graphs.layer("operational")
        >>> view.tops, view.heads
        (('al-mcm', 'kr-president', 'us-president'), ('kr-president', 'us-president'))
        >>> view.direction
        (('kr-mnd', 'al-mcm'), ('us-secdef', 'al-mcm'))
        """
        relations = layer_relations(layer)
        views = self.__dict__.setdefault("_layers", {})
        if layer not in views:
            with gc_paused():
                views[layer] = LayerView(str(layer), self, relations, self._nations)
        view: LayerView = views[layer]
        return view

    def layer_links(self, layer: str) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
        """Return the edges of a layer's graph as ``(tail, head, links)``, in the order
        ``graph.edges(data="links")`` lists them; for a layer that carries no authority,
        read from the links without building the view (a graph of every node).

        Example
        -------
        >>> from c2graph import load_model
        >>> graphs = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime")
        >>> graphs.layer_links("coordination")[0]
        ('al-cfc', 'un-unc', (('coordination', 'al-cfc->un-unc:coordination'),))
        """
        relations = layer_relations(layer)
        if carries_authority(layer):
            return list(self.layer(layer).graph.edges(data="links"))
        return _links_of_layer(self, relations)

    @cached_property
    def _nations(self) -> Mapping[str, str]:
        """The nation of each active node, shared by every layer's view."""
        nodes = self._records[0]
        return MappingProxyType({n: nodes[n].nation for n in self.nodes})

    def relation_view(self, relations: frozenset[str]) -> nx.DiGraph:
        """Return a view of :attr:`authority` keeping the edges with a link of ``relations``.

        Every node stays; nothing is copied (:func:`networkx.subgraph_view`).

        Example
        -------
        >>> from c2graph import load_model
        >>> graphs = phase_graphs(load_model("models/us-japan-2025.yaml"), "armed-attack")
        >>> sorted(graphs.relation_view(frozenset({"control"})).edges)
        [('jp-mod', 'jp-jcg')]
        """
        graph = self.authority

        def keep(upper: str, lower: str) -> bool:
            return any(rel in relations for rel, _key in graph.edges[upper, lower]["links"])

        return nx.subgraph_view(graph, filter_edge=keep)


class LayerView:
    """One layer of one phase, cut where sovereignty stops authority from composing.

    ``graph`` is a frozen :class:`networkx.DiGraph` on every node active in the phase,
    with an edge for each pair joined by a link of the layer (tail to head), carrying
    ``links``: the ``(relation, key)`` pairs of the layer only, strongest first.  In an
    authority layer (and in ``"all"``, which mixes every authority relation) only authority
    links count; in the support, coordination and information layers, that layer's links.

    ``chains`` is ``graph`` without its ``direction`` edges: the links from a national
    node into a collective one (nation ``alliance`` or ``multinational``).  A national
    authority directs a combined body but does not command through it: a chain of
    authority stops at the combined body, which is then the top of its own (combined)
    chains, and the national heads above it are whose consent those chains rest on
    (2015 Guidelines: each nation acts through its own chain; JP 3-16: a multinational
    commander holds only what each nation gives).  ``tops`` are the nodes of ``chains``
    with a link down and none up; ``heads`` those of ``graph`` (the national heads).
    """

    def __init__(
        self,
        layer: str,
        graphs: PhaseGraphs,
        relations: frozenset[str],
        nation: Mapping[str, str],
    ) -> None:
        self.layer = layer
        self.nation = nation  # read-only: the phase's mapping, shared by its layers
        self.forces = graphs.forces
        self.is_authority = carries_authority(layer)
        if not self.is_authority:
            self.graph = _sparse(graphs.authority, _links_of_layer(graphs, relations))
        elif layer == ALL_LAYERS:
            self.graph = graphs.authority
        else:
            self.graph = _authority_layer(graphs.authority, relations, graphs._parts.edges_of)
        # Looked up in a set of the few collective nodes, not by a call per edge.
        collective = {n for n, own in nation.items() if own in SPECIAL_NATIONS}
        cut = (
            [
                (u, v)
                for u, below in self.graph._succ.items()
                for v in below
                if v in collective and u not in collective
            ]
            if self.is_authority and collective
            else []
        )
        self.direction: tuple[tuple[str, str], ...] = tuple(cut)
        self.chains = _filtered(self.graph, dict.fromkeys(cut)) if cut else self.graph
        self.tops = _tops(self.chains)
        self.heads = _tops(self.graph) if cut else self.tops  # no cut: the same graph

    def is_collective(self, node: str) -> bool:
        """True for a node of nation ``alliance`` or ``multinational``."""
        return self.nation[node] in SPECIAL_NATIONS


def _links_of_layer(
    graphs: PhaseGraphs, relations: frozenset[str]
) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    """``(tail, head, links)`` of a layer without authority, in sorted pair order, each
    pair's links in vocabulary order."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for link in graphs.links:
        if link.relation in relations and not link.is_authority:
            pairs[(link.from_node, link.to_node)].append((link.relation, link.key))
    return [(u, v, _sorted(found, _relation_order)) for (u, v), found in sorted(pairs.items())]


#: The edges of a graph derived from another whose links change: the new ``links``
#: attribute dict of each, or None for an edge left out.
_Changes = dict[tuple[str, str], "dict[str, Any] | None"]


def _authority_layer(
    authority: nx.DiGraph,
    relations: frozenset[str],
    edges_of: Mapping[str, set[tuple[str, str]]],
) -> nx.DiGraph:
    """The frozen DiGraph of ``authority``'s nodes and the edges with a link of
    ``relations``, each carrying the links of ``relations`` it has (strongest first, as in
    ``authority``): found through the edges of each relation (``edges_of``), and built
    from the edges kept when they are fewer than those that change (a layer of a few
    links in an order of battle), else from ``authority`` with those that change."""
    inside = set().union(*(edges_of.get(rel, ()) for rel in relations))
    outside = set().union(*(edges for rel, edges in edges_of.items() if rel not in relations))
    if len(inside) < len(outside):
        return _kept_only(authority, _new_links(authority, relations, inside))
    return _filtered(authority, _new_links(authority, relations, outside))


def _new_links(
    authority: nx.DiGraph, relations: frozenset[str], edges: set[tuple[str, str]]
) -> _Changes:
    """Each of ``edges`` of ``authority`` with its data when every link of it is one of
    ``relations``, else with the links it keeps (strongest first), or None when it keeps
    none."""
    found: _Changes = {}
    for u, v in edges:
        data = authority._succ[u][v]
        links = data["links"]
        kept = tuple(pair for pair in links if pair[0] in relations)
        found[u, v] = data if len(kept) == len(links) else {"links": kept} if kept else None
    return found


def _kept_only(base: nx.DiGraph, kept: _Changes) -> nx.DiGraph:
    """The frozen DiGraph of base's nodes and the ``kept`` edges (None: left out) with
    their new data, in base's order: what :func:`_filtered` builds when every other edge
    is left out, with one empty adjacency dict shared by the nodes without an edge (frozen
    graphs are never written: networkx refuses)."""
    graph = nx.DiGraph()
    attributes, succ, pred = graph._node, graph._succ, graph._pred
    empty: dict[str, dict[str, Any]] = {}
    attributes.update(base._node)  # whole dicts copied at C speed, in base's order
    succ.update(dict.fromkeys(base._node, empty))
    pred.update(succ)
    edges = {edge: data for edge, data in kept.items() if data is not None}
    for u in {u for u, _v in edges}:
        succ[u] = {v: edges[u, v] for v in base._succ[u] if (u, v) in edges}
    for v in {v for _u, v in edges}:
        pred[v] = {u: edges[u, v] for u in base._pred[v] if (u, v) in edges}
    return nx.freeze(graph)


def _sparse(
    base: nx.DiGraph, edges: list[tuple[str, str, tuple[tuple[str, str], ...]]]
) -> nx.DiGraph:
    """The frozen DiGraph of base's nodes (sharing their attribute dicts) and ``edges``
    (distinct pairs, every end a node of ``base``), each carrying ``links``: the graph
    :func:`_frozen` builds, adjacency order included, with one empty adjacency dict
    shared by the nodes without an edge (frozen graphs are never written: networkx
    refuses), so that a layer of a few thousand links does not cost a dict per unit."""
    graph = nx.DiGraph()
    attributes, succ, pred = graph._node, graph._succ, graph._pred
    empty: dict[str, dict[str, Any]] = {}
    attributes.update(base._node)  # whole dicts copied at C speed, in base's order
    succ.update(dict.fromkeys(base._node, empty))
    pred.update(succ)
    for end in {u for u, _v, _links in edges} | {v for _u, v, _links in edges}:
        succ[end], pred[end] = {}, {}
    for u, v, links in edges:
        succ[u][v] = pred[v][u] = {"links": links}
    return nx.freeze(graph)


def _filtered(base: nx.DiGraph, changed: _Changes) -> nx.DiGraph:
    """The frozen DiGraph of ``base`` with the ``changed`` edges' data replaced (None:
    edge left out): the graph :func:`_frozen` builds from base's nodes and the edges so
    changed, in base's order, with base's adjacency dicts shared wherever no edge of a
    node changes (frozen graphs are never written: networkx refuses), so that a layer
    costs a pass over its edges, not a new graph of every node."""
    graph = nx.DiGraph()
    succ, pred = graph._succ, graph._pred
    graph._node.update(base._node)  # whole dicts copied at C speed, in base's order
    succ.update(base._succ)
    pred.update(base._pred)
    for node in {u for u, _v in changed}:
        succ[node] = _kept(base._succ[node], changed, node, True)
    for node in {v for _u, v in changed}:
        pred[node] = _kept(base._pred[node], changed, node, False)
    return nx.freeze(graph)


def _kept(
    near: dict[str, dict[str, Any]], changed: _Changes, node: str, tail: bool
) -> dict[str, dict[str, Any]]:
    """One node's successors (``tail``) or predecessors, in order, with the changed
    edges' new data and without the edges left out."""
    kept = {}
    for other, data in near.items():
        new = changed.get((node, other) if tail else (other, node), data)
        if new is not None:
            kept[other] = new
    return kept


def _frozen(
    nodes: tuple[str, ...], edges: Iterable[tuple[str, str, tuple[tuple[str, str], ...]]]
) -> nx.DiGraph:
    """The frozen DiGraph of ``nodes`` then ``edges`` (distinct pairs), each carrying
    ``links``: the same as ``add_nodes_from`` and ``add_edges_from``, adjacency and its
    order included, with the adjacency dicts (networkx's documented data structure: a
    DiGraph's ``_succ[u][v]`` and ``_pred[v][u]`` share one attribute dict) filled
    directly, several times faster on orders of battle of 100,000 units."""
    graph = nx.DiGraph()
    attributes, succ, pred = graph._node, graph._succ, graph._pred
    for node in nodes:
        attributes[node], succ[node], pred[node] = {}, {}, {}
    for u, v, links in edges:
        for end in (u, v):  # an end that is not a node: added as add_edges_from adds it
            if end not in succ:
                attributes[end], succ[end], pred[end] = {}, {}, {}
        succ[u][v] = pred[v][u] = {"links": links}
    return nx.freeze(graph)


def simple_digraph(nodes: Iterable[Any], pairs: Iterable[tuple[Any, Any]]) -> nx.DiGraph:
    """Return the DiGraph of ``nodes`` then the links ``pairs`` (distinct), without attributes.

    The same as ``add_nodes_from`` then ``add_edges_from`` (or ``nx.DiGraph(pairs)``),
    adjacency order included (an end not among ``nodes`` is added when first met), with
    the adjacency dicts (networkx's documented data structure) filled directly, several
    times faster on large layers.

    Example
    -------
    >>> list(simple_digraph(["a"], [("b", "a"), ("a", "c")]).edges)
    [('a', 'c'), ('b', 'a')]
    """
    graph = nx.DiGraph()
    attributes, succ, pred = graph._node, graph._succ, graph._pred
    for node in nodes:
        attributes[node], succ[node], pred[node] = {}, {}, {}
    for u, v in pairs:
        for end in (u, v):
            if end not in succ:
                attributes[end], succ[end], pred[end] = {}, {}, {}
        succ[u][v] = pred[v][u] = {}
    return graph


def _tops(graph: nx.DiGraph) -> tuple[str, ...]:
    """Nodes with a link down and none up, sorted."""
    succ, pred = graph._succ, graph._pred  # the adjacency dicts, not their read-only views
    return tuple(sorted(n for n, below in succ.items() if below and not pred[n]))


def _phase_graphs(model: Model, phase: str) -> PhaseGraphs:
    model.situation(phase)
    return PhaseGraphs(phase, model.nodes, model.links)


_CACHE = PhaseCache(_phase_graphs, by_content=True)


def phase_graphs(model: Model, phase: str) -> PhaseGraphs:
    """Return the views of one phase of ``model``, built once per model and content.

    ``phase`` may be any situation: a phase of any nation's set, or a scenario id.
    Situations in which the same nodes and links hold share their views, so that the
    analyses of one (computed once per content, see
    :class:`~c2graph.analysis._cache.PhaseCache`) serve the others.
    Raises :class:`~c2graph.errors.QueryError` naming the closest ids for an unknown one.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> graphs = phase_graphs(model, "armed-attack")
    >>> graphs is phase_graphs(model, "armed-attack")
    True
    >>> graphs.authority.edges["jp-mod", "jp-jcg"]["links"]
    (('control', 'dm-jcg-control-armed-attack'),)
    """
    return _CACHE(model, phase)


def forget_phase(model: Model, phase: str) -> None:
    """Forget the views of one phase of ``model``: a pass over the phases of a large model
    can then hold one phase's graphs at a time (they are built again on next use).  Views
    shared with a later phase of the model's phases are kept for it.  The views networkx
    keeps on the graphs forgotten are dropped, so that no garbage collection is needed to
    free them.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> graphs = phase_graphs(model, "wartime")
    >>> forget_phase(model, "wartime")
    >>> phase_graphs(model, "wartime") is graphs
    False
    """
    forgotten = _CACHE.forget(model, phase)
    if forgotten is not None:
        forgotten._release()


def links_switched(before: PhaseGraphs, after: PhaseGraphs) -> tuple[list[Link], list[Link]]:
    """Return the links holding only in ``after`` and those holding only in ``before``.

    Both lists are in file order: what activates and what lapses when the phase switches.
    Links are told apart by key, so a link replaced by another with the same ends (say
    with another legal basis) lapses while the other activates.  Found once per pair of
    graphs (the analyses of one switch each ask).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> activated, lapsed = links_switched(
    ...     phase_graphs(model, "important-influence"), phase_graphs(model, "anticipated-attack"))
    >>> [link.key for link in activated], [link.key for link in lapsed]
    ... # doctest: +NORMALIZE_WHITESPACE
    (['pm-dm-anticipated-attack', 'sf-7flt-support-anticipated', 'adc-5af-support-anticipated'],
     ['pm-dm-important-influence', 'sf-7flt-support-iis', 'adc-5af-support-iis'])
    """
    if before is after:  # phases in which the same nodes and links hold
        return [], []
    if before not in after._switched:
        keys_before = {link.key for link in before.links}
        keys_after = {link.key for link in after.links}
        after._switched[before] = (
            [link for link in after.links if link.key not in keys_before],
            [link for link in before.links if link.key not in keys_after],
        )
    activated, lapsed = after._switched[before]
    return list(activated), list(lapsed)


def _build(records: Mapping[str, Node], links: tuple[Link, ...], phase: str) -> _Parts:
    nodes = tuple(sorted(n.id for n in records.values() if phase in n.phases))
    held = tuple(link for link in links if phase in link.phases)
    authority_links: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    edges_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for link in held:
        if link.relation in AUTHORITY_RELATIONS:  # Link.is_authority, without a call
            pair = (link.from_node, link.to_node)
            authority_links[pair].append((link.relation, link.key))
            edges_of[link.relation].add(pair)
    authority = _frozen(
        nodes,
        ((u, v, _sorted(pairs, _link_order)) for (u, v), pairs in sorted(authority_links.items())),
    )
    uppers = {u for u, _v in authority_links}
    lowers = {v for _u, v in authority_links}
    return _Parts(
        nodes=nodes,
        links=held,
        authority=authority,
        tops=tuple(n for n in nodes if n in uppers and n not in lowers),
        forces=frozenset(n for n in nodes if records[n].kind in FORCE_KINDS),
        edges_of=edges_of,
    )


def _link_order(pair: tuple[str, str]) -> tuple[int, str]:
    return strength_key(pair[0]), pair[1]


_RELATION_INDEX = {relation: i for i, relation in enumerate(RELATIONS)}


def _relation_order(pair: tuple[str, str]) -> tuple[int, str]:
    return _RELATION_INDEX[pair[0]], pair[1]


def _sorted(items: list[Any], key: Callable[[Any], Any] | None = None) -> tuple[Any, ...]:
    """``tuple(sorted(items, key=key))``, without sorting a single item (most edges)."""
    return (items[0],) if len(items) == 1 else tuple(sorted(items, key=key))
