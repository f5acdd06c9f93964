"""Sovereignty in chains of authority: national, combined and foreign chains, and consent.

A chain of authority in one layer (:class:`~c2graph.analysis.graphs.LayerView`) stops at a
combined or alliance body: a national head directs the body but does not command through
it, so no head of one nation reaches the other nation's forces through a combined
headquarters.  Each chain then has a *scope*:

national
    every node of the chain belongs to the nation of the force at its end;
combined
    the chain starts at a collective body (nation ``alliance`` or ``multinational``); it
    rests on the consent of the national heads that direct that body;
foreign
    a node of another country holds authority on the chain: the model says so explicitly
    with a link from that nation's node, and the chain rests on the consent of the force's
    own national heads.

Single points of failure are computed per *family* of chains (each nation's own chains,
and the combined chains), so that a foreign or combined line never hides a nation's own
bottleneck.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis.graphs import phase_graphs
>>> view = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime").layer("operational")
>>> scope(view, ("al-mcm", "al-cfc", "kr-forces")), consent(view, "al-cfc")
('combined', ('kr-president', 'us-president'))
>>> [(f.name, f.tops) for f in families(view)]
[('KR', ('kr-president',)), ('US', ('us-president',)), ('combined', ('al-mcm',))]

References
----------
Guidelines for U.S.-Japan Defense Cooperation (2015): each side acts through its own chain
of command.  Joint Publication 3-16, *Multinational Operations* (national command is never
given up; a multinational commander holds only the authority each nation delegates).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from functools import cached_property, partial
from typing import Any
from weakref import WeakKeyDictionary

import networkx as nx

from ..model import Model
from ..vocabulary import SPECIAL_NATIONS, Layer, meet
from .chains import CommandChains, closure, upward_chains
from .graphs import LayerView, phase_graphs, simple_digraph, strength_key
from .kernels import (
    IndexedDigraph,
    dag_order,
    dominators_in,
    immediate_dominators,
    numbered,
    reachable_in,
)
from .pathrecords import COMBINED, SCOPES, ForceScope, ScopedChain

__all__ = [
    "COMBINED",
    "SCOPES",
    "Family",
    "ForceScope",
    "ScopedChain",
    "chain_consent",
    "consent",
    "families",
    "force_scopes",
    "held_at_top",
    "national_heads",
    "scope",
]


class Family:
    """One family of chains of a layer: a nation's own chains, or the combined chains.

    ``graph`` is the part of the layer's ``chains`` graph the family runs in (a frozen
    copy, built on first use), ``tops`` where its chains start, ``forces`` the forces at
    their ends, ``reached`` every node its tops reach (the tops included).  A nation's
    family also holds its links in the integer form of the compiled kernels
    (:class:`~c2graph.analysis.kernels.IndexedDigraph`, numbered as the layer's nodes), so
    that its dominators are found without building ``graph``.
    """

    def __init__(
        self,
        name: str,
        build: Callable[[], nx.DiGraph],
        tops: tuple[str, ...],
        forces: frozenset[str],
        reached: set[str],
        links: IndexedDigraph | None = None,
    ) -> None:
        self.name = name
        self._build = build
        self.tops = tops
        self.forces = forces
        self.reached = reached
        self._links = links

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The family's graph (see the class docstring)."""
        return self._build()

    def immediate_dominators(self, *, without: Collection[str] = ()) -> dict[str, Any]:
        """The immediate dominator of each node the tops reach (in the family without the
        nodes ``without``, which the tops must not include), as
        :func:`~c2graph.analysis.kernels.immediate_dominators` gives them from the tops."""
        if self._links is not None:
            return dominators_in(self._links, self.tops, without=without)
        return immediate_dominators(self.graph, self.tops, without=without)

    @cached_property
    def tops_above(self) -> dict[str, frozenset[str]]:
        """Each node of the family reached from its tops, and the tops above it."""
        if len(self.tops) == 1:  # every node reached has the one top above it
            return dict.fromkeys(self.reached, frozenset(self.tops))
        bit = {top: 1 << i for i, top in enumerate(self.tops)}
        masks: dict[str, int] = {}
        pred = self.graph._pred  # the adjacency, not its views: the same, faster
        for node in dag_order(self.graph):
            mask = bit.get(node, 0)
            for upper in pred[node]:
                mask |= masks.get(upper, 0)
            if mask:
                masks[node] = mask
        named = {m: frozenset(t for t, b in bit.items() if m & b) for m in set(masks.values())}
        return {node: named[mask] for node, mask in masks.items()}


def force_scopes(
    model: Model, *, phase: str, layer: str = Layer.OPERATIONAL.value, unit: str | None = None
) -> tuple[ForceScope, ...]:
    """Return the national forces of ``phase`` under a combined or foreign chain of
    ``layer``, or reached by chains of the layer but by no national one, sorted by id;
    with ``unit``, only that force's entry, if it has one (what ``path`` warns of).

    Each lists its national chains and its combined or foreign chains with whose consent
    they rest on (:func:`chain_consent`).  Only forces below a combined top or a foreign
    link are examined, so the cost is that of their chains.

    Example
    -------
    >>> from c2graph import load_model
    >>> (force, _) = force_scopes(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> force.unit, force.national, [c.to_dict() for c in force.shared]
    ... # doctest: +NORMALIZE_WHITESPACE
    ('kr-forces', (), [{'nodes': ['al-mcm', 'al-cfc', 'kr-forces'], 'scope': 'combined',
      'consent': ['kr-president', 'us-president']}])

    References
    ----------
    Joint Publication 3-16 (national command kept under multinational command); 2015
    Guidelines (separate chains of command).
    """
    view = phase_graphs(model, phase).layer(layer)
    if unit is not None:
        return _force_scopes(view, unit)
    if view not in _SCOPES:  # the whole list once per phase and layer: bottlenecks, approach
        _SCOPES[view] = _force_scopes(view, None)
    return _SCOPES[view]


_SCOPES: WeakKeyDictionary[LayerView, tuple[ForceScope, ...]] = WeakKeyDictionary()


def _force_scopes(view: LayerView, unit: str | None) -> tuple[ForceScope, ...]:
    chains = view.chains
    starts = {t for t in view.tops if view.is_collective(t)}
    nation = view.nation
    if unit is None:  # the heads of links between nations, read from the integer copy
        names, links, nations = _chain_links(view)
        starts |= {names[head] for tail, head in links if nations[tail] != nations[head]}
    else:  # the adjacency, not the edge view: the same edges, several times faster
        starts |= {v for u, below in chains._succ.items() for v in below if nation[u] != nation[v]}
    below = closure(chains, starts, upward=False) if starts else set()
    national: set[str] | None = None  # the forces of the national families, when needed
    listing = CommandChains(chains)
    found = []
    examined = below & view.forces if unit is None else below & view.forces & {unit}
    for force in sorted(examined):
        if view.is_collective(force):
            continue
        every = listing.nodes(force)
        own = tuple(c for c in every if scope(view, c) == "national")
        shared = tuple(
            ScopedChain(c, scope(view, c), chain_consent(view, c))
            for c in every
            if scope(view, c) != "national"
        )
        if not shared and national is None:
            national = set().union(*(f.forces for f in families(view) if f.name != COMBINED))
        if shared or (national is not None and force not in national):
            found.append(ForceScope(force, view.nation[force], own, shared))
    return tuple(found)


def consent(view: LayerView, node: str) -> tuple[str, ...]:
    """Return the national heads whose consent a collective ``node``'s authority rests on.

    They are the heads of a country above ``node`` over the layer's links (the national
    chains that direct the combined body), sorted.  A national node, or a collective one
    that no nation directs in this layer, gives ``()``.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> model = load_model("models/us-japan-combined-command.yaml")
    >>> consent(phase_graphs(model, "armed-attack").layer("operational"), "al-combined-command")
    ('jp-pm', 'us-president')
    """
    if not view.is_collective(node):
        return ()
    above = nx.ancestors(view.graph, node)
    return tuple(h for h in view.heads if h in above and not view.is_collective(h))


def national_heads(view: LayerView, unit: str) -> tuple[str, ...]:
    """Return the heads of ``unit``'s own nation above it on its national chains, sorted;
    where it has none, every head of that nation in the layer.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> view = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime").layer("operational")
    >>> national_heads(view, "kr-forces")
    ('kr-president',)
    """
    nation = view.nation[unit]
    own = tuple(h for h in view.heads if view.nation[h] == nation)
    family = next((f for f in families(view) if f.name == nation), None)
    above = family.tops_above.get(unit, frozenset()) if family is not None else frozenset()
    return tuple(h for h in own if h in above) or own


def held_at_top(view: LayerView, top: str) -> str:
    """Return the authority the top of a chain holds.

    A national head holds ``"command"``.  A combined body holds what every nation
    directing it delegates: each nation's strongest authority over the body (composed
    along that nation's chains into it), met over the nations (JP 3-16: a multinational
    commander holds no more than each nation gives); ``"command"`` when no nation directs
    it in this layer.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> model = load_model("models/us-japan-combined-staff.yaml")
    >>> held_at_top(phase_graphs(model, "armed-attack").layer("operational"), "al-combined-staff")
    'tacon'
    """
    by_nation: dict[str, list[str]] = defaultdict(list)
    for nodes, held in upward_chains(view.graph, top, {}):
        if nodes[0] != top and not view.is_collective(nodes[0]):
            by_nation[view.nation[nodes[0]]].append(held)
    held = "command"
    for authorities in by_nation.values():
        held = meet(held, min(authorities, key=strength_key))
    return held


def scope(view: LayerView, nodes: tuple[str, ...]) -> str:
    """Return the scope of a chain (its nodes, top first) in :data:`SCOPES`.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> view = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime").layer("operational")
    >>> scope(view, ("kr-president", "kr-mnd", "kr-jcs"))
    'national'
    """
    if view.is_collective(nodes[0]):
        return "combined"
    nation = view.nation[nodes[-1]]
    return "national" if all(view.nation[n] == nation for n in nodes) else "foreign"


def chain_consent(view: LayerView, nodes: tuple[str, ...]) -> tuple[str, ...]:
    """Return whose consent a chain (its nodes, top first) rests on: for a combined chain
    the heads directing its top (:func:`consent`), for a foreign one the force's own
    national heads (:func:`national_heads`), for a national chain nobody else's (``()``).

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> view = phase_graphs(load_model("models/us-rok-cfc.yaml"), "wartime").layer("operational")
    >>> chain_consent(view, ("al-mcm", "al-cfc", "us-kr-forces"))
    ('kr-president', 'us-president')
    """
    found = scope(view, nodes)
    if found == "combined":
        return consent(view, nodes[0])
    if found == "foreign":
        return national_heads(view, nodes[-1])
    return ()


def families(view: LayerView) -> tuple[Family, ...]:
    """Return the families of chains of an authority layer: one per country (its nodes
    only, from its heads), then the combined chains (from the collective tops down), each
    only when it has a top.  Built once per view.

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> view = phase_graphs(load_model("models/us-japan-2025.yaml"), "peacetime").layer(
    ...     "operational")
    >>> [(f.name, f.tops, len(f.forces)) for f in families(view)]
    [('JP', ('jp-pm',), 7), ('US', ('us-president',), 13)]
    """
    if view not in _FAMILIES:
        _FAMILIES[view] = _families(view)
    return _FAMILIES[view]


_FAMILIES: WeakKeyDictionary[LayerView, tuple[Family, ...]] = WeakKeyDictionary()


def _families(view: LayerView) -> tuple[Family, ...]:
    chains, nation = view.chains, view.nation
    names, links, own = _chain_links(view)
    index = numbered(view.graph).index
    within: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tail, head in links:
        country = own[tail]
        if country == own[head] and country not in SPECIAL_NATIONS:
            within[country].append((tail, head))
    found = []
    for country in sorted(c for c in within if within[c]):
        # A head with a link down among its nation's nodes: a node of the family's graph
        # with a successor in it.
        tops = tuple(
            h
            for h in view.heads
            if nation[h] == country and any(nation[v] == country for v in chains._succ[h])
        )
        if tops:
            family = IndexedDigraph(names, index, within[country])
            reached = reachable_in(family, tops)
            build = partial(_country_graph, names, family.edges)
            forces = frozenset(reached & view.forces)
            found.append(Family(country, build, tops, forces, reached, family))
    tops = tuple(t for t in view.tops if view.is_collective(t))
    if tops:
        below = closure(chains, set(tops), upward=False)
        graph = nx.freeze(nx.DiGraph(chains.subgraph(below)))
        forces = frozenset(below & view.forces)
        found.append(Family(COMBINED, lambda: graph, tops, forces, below))
    return tuple(found)


def _chain_links(
    view: LayerView,
) -> tuple[Sequence[str], list[tuple[int, int]], list[str]]:
    """The links of a layer's chains as integer pairs, in the order of ``chains.edges``,
    over the layer's numbering (:func:`~c2graph.analysis.kernels.numbered`, once per
    layer, shared with its hierarchy measures), with the nation of each number: made
    once per view for its families and forces."""
    if view not in _CHAIN_LINKS:
        layer = numbered(view.graph)
        names, index, links = layer.names, layer.index, layer.edges
        if view.direction:  # the chains are the layer without its direction links
            cut = {(index[u], index[v]) for u, v in view.direction}
            links = [pair for pair in links if pair not in cut]
        nation = view.nation
        _CHAIN_LINKS[view] = names, links, [nation[name] for name in names]
    return _CHAIN_LINKS[view]


_CHAIN_LINKS: WeakKeyDictionary[
    LayerView, tuple[Sequence[str], list[tuple[int, int]], list[str]]
] = WeakKeyDictionary()


def _country_graph(names: Sequence[str], edges: list[tuple[int, int]]) -> nx.DiGraph:
    """The frozen graph of a nation's links among its nodes (each end as first named)."""
    return nx.freeze(simple_digraph((), [(names[u], names[v]) for u, v in edges]))
