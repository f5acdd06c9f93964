"""Krackhardt's four graph-theoretical dimensions of hierarchy, as R's ``sna`` computes them.

All four equal 1 exactly for an out-tree (a pure chain of command); each shortfall shows
which property of a clean hierarchy a structure breaks:

- **connectedness**: share of ordered node pairs joined by a semipath (same weak component);
- **hierarchy**: 1 − share of reachable pairs whose reachability runs both ways;
- **efficiency**: 1 − share of links beyond the minimum keeping each weak component joined;
- **lubness**: share of pairs (within each weak component) that have a least upper bound.

Undefined cases return ``nan``, as ``sna`` does (``to_dict`` writes them as ``null``):
connectedness with fewer than two nodes; hierarchy when no pair is reachable (no links);
efficiency when every weak component is a single node; lubness when no weak component has
three or more nodes.  So a two-node chain scores ``nan`` on lubness, not 1.  Efficiency is
``sna``'s: the most links beyond the minimum are Σ(c−1)² (every directed link of each
component), not the count of UCINET's version.

:func:`hierarchy_report` computes the four on one layer of a phase (the operational layer
by default), for all nations together and for each nation, each with a one-line reading:
Krackhardt's out-tree is about one formal reporting relation, and ADCON's second line is
doctrinally normal, so the layers are not mixed.  *Hierarchy* is 1 by construction for
authority links (cycles are refused when a model is loaded) and is flagged as not
informative; a *lubness* below 1 is explained by naming the heads whose chains meet
below them (a dual key: two national tops over one body).

Example
-------
>>> import networkx as nx
>>> krackhardt(nx.DiGraph([("pm", "hq"), ("hq", "a"), ("hq", "b")])).to_dict()
{'connectedness': 1.0, 'hierarchy': 1.0, 'efficiency': 1.0, 'lubness': 1.0}

References
----------
Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations. In K. Carley
& M. Prietula (eds.), *Computational Organization Theory*, 89-111. Erlbaum.
Butts, C. T. *sna: Tools for Social Network Analysis*, R package (``connectedness``,
``hierarchy(measure="krackhardt")``, ``efficiency``, ``lubness``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model
from ..vocabulary import SPECIAL_NATIONS, Layer
from .graphs import phase_graphs, simple_digraph
from .kernels import numbered, order_and_components

__all__ = [
    "DualKey",
    "HierarchyReport",
    "HierarchyScores",
    "NationScores",
    "hierarchy_report",
    "hierarchy_scores",
    "krackhardt",
]

#: The nodes counted as "all nations" in :class:`HierarchyReport`.
ALL_NATIONS = "all nations"


@dataclass(frozen=True)
class HierarchyScores(Displayable):
    """Krackhardt's four measures; ``nan`` where ``sna`` returns ``NaN`` (undefined)."""

    connectedness: float
    hierarchy: float
    efficiency: float
    lubness: float

    def to_dict(self) -> dict[str, float | None]:
        """Return the four scores, rounded to 6 places; undefined ones as ``None``."""
        return {
            name: None if math.isnan(value) else round(value, 6)
            for name, value in self.__dict__.items()
        }


def krackhardt(graph: nx.DiGraph) -> HierarchyScores:
    """Return Krackhardt's four hierarchy measures of a directed graph.

    Links are taken as binary (parallel links count once) and self-loops are ignored, as
    ``sna`` does with ``diag=FALSE``.  Every node of ``graph`` counts, isolated ones
    included.

    Definitions (``sna``): with weak components of sizes ``c``, ``n`` nodes and ``E``
    distinct links, connectedness = Σc(c−1) / n(n−1); hierarchy = 1 − M/(M+A) with M the
    mutually and A the one-way reachable pairs; efficiency = 1 − (E − Σ(c−1)) / Σ(c−1)²;
    lubness = 1 − V / Σ(c−1)(c−2)/2 over components with c > 2, where a pair violates when
    none of its common upper bounds (nodes reaching both) reaches every other common upper
    bound.  That is ``sna``'s test; it holds exactly when one source strong component of
    the graph reaches both nodes, which is how it is computed here.

    Cost: connectedness, efficiency, and hierarchy on an acyclic graph are linear; hierarchy
    with cycles counts reachable pairs with bitsets (O(m·n/64)); lubness is inherently
    pairwise but computed over groups of nodes with the same set of source components
    reaching them: O(s·(n + m) + g²) for s source components and g groups (g is 1 or a few
    per top authority in a command structure).

    Example
    -------
    >>> import networkx as nx
    >>> two_bosses = nx.DiGraph([("a", "u"), ("b", "u")])
    >>> krackhardt(two_bosses).lubness
    0.0
    >>> round(krackhardt(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])).hierarchy, 3)
    0.667

    References
    ----------
    Krackhardt (1994); Butts, R package ``sna`` (``connectedness``, ``hierarchy``,
    ``efficiency``, ``lubness``); Everett & Krackhardt (2012), A second look at
    Krackhardt's graph theoretical dimensions of informal organizations, *Social
    Networks* 34: 159-163.
    """
    names = list(graph)
    index = {node: i for i, node in enumerate(names)}
    pairs = dict.fromkeys((index[u], index[v]) for u, v in graph.edges() if u != v)
    return _Measured.of(_Simple(names, list(pairs))).scores


def hierarchy_scores(
    model: Model, *, phase: str, layer: str = Layer.OPERATIONAL.value
) -> HierarchyScores:
    """Return Krackhardt's measures of the links of ``layer`` in ``phase``.

    The graph is the layer's links and the nodes they join, every nation together (nodes
    without a link of the layer, such as coordination bodies, are left out; two national
    chains with no common superior therefore lower connectedness and lubness).  With
    ``layer="all"`` it is every authority link of the phase, as R ``sna`` was checked on.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> hierarchy_scores(model, phase="peacetime", layer="all").to_dict()
    {'connectedness': 0.484848, 'hierarchy': 1.0, 'efficiency': 0.989605, 'lubness': 1.0}
    >>> hierarchy_scores(model, phase="peacetime").to_dict()
    {'connectedness': 0.487685, 'hierarchy': 1.0, 'efficiency': 0.99729, 'lubness': 1.0}

    References
    ----------
    Krackhardt (1994); Butts, R package ``sna``.  See :func:`krackhardt`.
    """
    return _Measured.of(_layer_graph(model, phase, layer)).scores


@dataclass(frozen=True)
class DualKey(Displayable):
    """Heads whose chains meet below them: the ``nodes`` under all of ``heads`` (a dual key
    when the heads are of two nations), so that no pair among them has one least superior."""

    heads: tuple[str, ...]
    nodes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the dual key as JSON-ready data."""
        return {"heads": list(self.heads), "nodes": list(self.nodes)}


@dataclass(frozen=True)
class NationScores(Displayable):
    """Krackhardt's measures of one nation's nodes (or of all nations, ``ALL_NATIONS``)."""

    nation: str
    scores: HierarchyScores
    components: int
    extra_links: int
    multiple_superiors: tuple[str, ...]
    dual_keys: tuple[DualKey, ...]

    @property
    def readings(self) -> tuple[tuple[str, str], ...]:
        """One line per measure saying what its value means here."""
        return _readings(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the scores and their readings as JSON-ready data."""
        return {
            "nation": self.nation,
            **self.scores.to_dict(),
            "components": self.components,
            "extra_links": self.extra_links,
            "multiple_superiors": list(self.multiple_superiors),
            "dual_keys": [d.to_dict() for d in self.dual_keys],
            "readings": dict(self.readings),
        }


@dataclass(frozen=True)
class HierarchyReport(Displayable):
    """Krackhardt's measures of one layer of a phase: all nations together, then each."""

    phase: str
    layer: str
    rows: tuple[NationScores, ...]

    @property
    def whole(self) -> NationScores:
        """The row of all nations together."""
        return self.rows[0]

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "phase": self.phase,
            "layer": self.layer,
            "efficiency_definition": "sna: 1 - (E - sum(c-1)) / sum((c-1)^2)",
            "rows": [row.to_dict() for row in self.rows],
        }


def hierarchy_report(
    model: Model, *, phase: str, layer: str = Layer.OPERATIONAL.value, nations: bool = True
) -> HierarchyReport:
    """Return Krackhardt's measures of ``layer`` in ``phase``, for all nations and per nation
    (without ``nations``, for all nations only: the row the headline measures read).

    Each row gives the four measures of :func:`krackhardt`, the number of weak components,
    the links beyond the fewest that join each component and the nodes with more than one
    superior (what lowers efficiency), and the dual keys (what lowers lubness: the sets of
    heads above the same nodes), with a reading of each value.
    A nation's row is the layer's links among that nation's nodes (countries only, with at
    least two nodes).

    Example
    -------
    >>> from c2graph import load_model
    >>> report = hierarchy_report(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> [(r.nation, r.scores.lubness) for r in report.rows]
    [('all nations', 0.6), ('KR', 1.0), ('US', 1.0)]
    >>> report.whole.dual_keys[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'heads': ['kr-president', 'us-president'],
     'nodes': ['al-cfc', 'al-mcm', 'kr-forces', 'us-kr-forces']}
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> [r.nation for r in hierarchy_report(model, phase="wartime", nations=False).rows]
    ['all nations']

    References
    ----------
    Krackhardt (1994); Butts, R package ``sna``; Joint Publication 1 (OPCON and ADCON run
    in different chains).
    """
    graph = _layer_graph(model, phase, layer)
    if not nations:
        return HierarchyReport(phase, str(layer), (_row(ALL_NATIONS, _Measured.of(graph)),))
    nodes = model.nodes
    nation = [nodes[node].nation for node in graph.names]
    members: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(nation):
        members[own].append(i)
    chosen = [
        (own, picked)
        for own, picked in sorted(members.items())
        if own not in SPECIAL_NATIONS and len(picked) > 1
    ]
    whole = _Measured.of(graph)
    rows = [_row(ALL_NATIONS, whole)]
    if whole.order is None:  # with a cycle, each nation's graph is measured on its own
        rows += [_row(own, _Measured.of(_among(graph, picked))) for own, picked in chosen]
    else:
        rows += [_row(own, measured) for own, measured in _by_nation(whole, nation, chosen)]
    return HierarchyReport(phase, str(layer), tuple(rows))


@dataclass(frozen=True, eq=False)
class _Simple:
    """A digraph on the integers ``0 .. len(names) - 1``: ``names[i]`` is node ``i``'s id,
    ``edges`` its distinct links (read from a simple graph: no parallel links)."""

    names: Sequence[Any]
    edges: list[tuple[int, int]]

    def networkx(self) -> nx.DiGraph:
        """The same graph as a networkx DiGraph on the ids (nodes in order)."""
        names = self.names
        return simple_digraph(names, ((names[u], names[v]) for u, v in self.edges))


def _layer_graph(model: Model, phase: str, layer: str) -> _Simple:
    """The digraph of a layer's links in ``phase``, on the nodes they join (in the order
    the layer's adjacency first names them: :func:`~c2graph.analysis.kernels.numbered`,
    shared with the layer's families)."""
    found = numbered(phase_graphs(model, phase).layer(layer).graph)
    return _Simple(found.names, found.edges)


def _by_nation(
    whole: _Measured, nation: list[str], chosen: list[tuple[str, list[int]]]
) -> list[tuple[str, _Measured]]:
    """The measures of each nation's graph (its ``chosen`` nodes and the links among
    them), read from the measured acyclic graph of every nation: one compiled pass finds
    the weak components of the graph without the links between nations (each within one
    nation), and one pass in the whole graph's order (which every nation's graph follows)
    the heads above each node, numbered across the nations (a nation's masks use only
    its own heads' bits).  The same measures as :func:`_among` then :meth:`_Measured.of`
    on each nation, without building each nation's graph."""
    inner = [(u, v) for u, v in whole.graph.edges if nation[u] == nation[v]]
    _order, parts = order_and_components(len(nation), inner)
    pred = list(whole.pred)
    for u, v in whole.graph.edges:
        if nation[u] != nation[v]:  # the few links between nations: the node's own only
            pred[v] = [upper for upper in whole.pred[v] if nation[upper] == nation[v]]
    heads, masks = _head_masks(whole.order or (), pred)
    order: dict[str, list[int]] = defaultdict(list)
    for node in whole.order or ():
        order[nation[node]].append(node)
    grouped: dict[str, list[list[int]]] = defaultdict(list)
    for part in parts:
        grouped[nation[part[0]]].append(part)
    return [
        (
            own,
            _Measured(
                whole.graph,
                pred,
                order[own],
                grouped[own],
                heads,
                masks,
                picked,
                sum(map(len, map(pred.__getitem__, picked))),
            ),
        )
        for own, picked in chosen
    ]


def _head_masks(order: Iterable[int], pred: list[list[int]]) -> tuple[list[int], list[int]]:
    """The heads (nodes without superiors, in ``order``) and, for every node, the bits of
    the heads above it (head ``heads[i]`` being bit ``i``), in one pass in a topological
    ``order``; nodes outside ``order`` keep an empty mask.

    >>> _head_masks([0, 1, 2], [[], [], [0, 1]])
    ([0, 1], [1, 2, 3])
    """
    heads: list[int] = []
    masks = [0] * len(pred)
    for node in order:
        mask = 0
        for upper in pred[node]:
            mask |= masks[upper]
        if not pred[node]:
            mask = 1 << len(heads)
            heads.append(node)
        masks[node] = mask
    return heads, masks


def _among(graph: _Simple, chosen: list[int]) -> _Simple:
    """The digraph of the ``chosen`` nodes (in that order) and the links among them."""
    new = {old: i for i, old in enumerate(chosen)}
    edges = [(new[u], new[v]) for u, v in graph.edges if u in new and v in new]
    return _Simple([graph.names[old] for old in chosen], edges)


@dataclass(frozen=True, eq=False)
class _Measured:
    """A digraph with what its measures share: the superiors of each node (``pred``), a
    topological ``order`` (None with a cycle), the weak components (``parts``) and, when
    acyclic, the bits of the heads (nodes without superiors) above each node (``masks``,
    head ``heads[i]`` being bit ``i``).  ``members`` are the nodes measured and ``links``
    the number of links among them: every node of ``graph`` (:meth:`of`), or one nation's
    nodes of it, measured on the links among them (:func:`_by_nation`)."""

    graph: _Simple
    pred: list[list[int]]
    order: list[int] | None
    parts: list[list[int]]
    heads: list[int]
    masks: list[int]
    members: Sequence[int]
    links: int

    @classmethod
    def of(cls, graph: _Simple) -> _Measured:
        """Measure ``graph``: one compiled pass for the order and components, one Python
        pass in that order for the heads above each node."""
        pred: list[list[int]] = [[] for _ in graph.names]
        for u, v in graph.edges:
            pred[v].append(u)
        order, parts = order_and_components(len(graph.names), graph.edges)
        heads, masks = _head_masks(order or (), pred)
        members = range(len(graph.names))
        return cls(graph, pred, order, parts, heads, masks, members, len(graph.edges))

    @property
    def scores(self) -> HierarchyScores:
        """Krackhardt's four measures (see :func:`krackhardt`)."""
        return _scores(self)


def _row(nation: str, measured: _Measured) -> NationScores:
    """The measures and readings of one measured digraph."""
    components = len(measured.parts)
    names, pred = measured.graph.names, measured.pred
    return NationScores(
        nation,
        measured.scores,
        components,
        measured.links - (len(measured.members) - components),
        tuple(sorted(names[n] for n in measured.members if len(pred[n]) > 1)),
        _dual_keys(measured),
    )


def _dual_keys(measured: _Measured) -> tuple[DualKey, ...]:
    """Group the nodes reached by two or more heads (nodes without superiors) by the set of
    heads reaching them; none for a graph with cycles (no order: no heads to speak of)."""
    if measured.order is None:
        return ()
    names, heads = measured.graph.names, measured.heads
    groups: dict[int, list[Any]] = defaultdict(list)
    for node in measured.order:
        mask = measured.masks[node]
        if mask.bit_count() > 1:
            groups[mask].append(names[node])
    keys = [
        DualKey(tuple(sorted(names[heads[bit]] for bit in _bits(mask))), tuple(sorted(nodes)))
        for mask, nodes in groups.items()
    ]
    return tuple(sorted(keys, key=lambda d: (d.heads, d.nodes)))


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of ``mask``, lowest first.

    >>> list(_bits(0b10110))
    [1, 2, 4]
    """
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


#: Names a reading quotes of one list; the row's fields (and ``--json``) hold them all.
_QUOTED = 10


def _some(items: Iterable[str], sep: str = ", ") -> str:
    """The items joined, at most :data:`_QUOTED` of them, then how many more.

    >>> _some([f"n{i}" for i in range(12)])
    'n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … and 2 more'
    """
    listed = list(items)
    if len(listed) <= _QUOTED:
        return sep.join(listed)
    return f"{sep.join(listed[:_QUOTED])}{sep}… and {len(listed) - _QUOTED:,} more"


def _readings(row: NationScores) -> tuple[tuple[str, str], ...]:
    """What each measure's value says about the row's structure."""
    s = row.scores
    if math.isnan(s.connectedness):
        return (("connectedness", "undefined: fewer than two nodes with a link"),)
    joined = (
        "every node is on one structure"
        if s.connectedness == 1
        else f"{s.connectedness:.0%} of node pairs are joined; the {row.components} separate "
        "structures (e.g. one chain per nation, by design) share no link"
    )
    several = _some(row.multiple_superiors)
    spare = (
        "undefined: no component of two or more nodes"
        if math.isnan(s.efficiency)
        else f"{row.extra_links} link(s) beyond the fewest that join each structure: nodes "
        f"with more than one superior: {several}"
        if row.extra_links
        else "no link beyond the fewest that join each structure"
        + (f" (separate chains meet at {several})" if several else "")
    )
    keys = _some([f"{_some(d.heads, ' and ')} over {_some(d.nodes)}" for d in row.dual_keys], "; ")
    bounded = (
        "undefined: no component of three or more nodes"
        if math.isnan(s.lubness)
        else "every pair has one least common superior"
        if s.lubness == 1
        else f"dual-key: {keys}"
        if keys
        else "some pairs have no common superior"
    )
    return (
        ("connectedness", joined),
        (
            "hierarchy",
            "not informative: authority cycles are refused when a model is loaded, so it is "
            "1 by construction",
        ),
        ("efficiency", f"{spare} (sna's definition)"),
        ("lubness", bounded),
    )


def _scores(measured: _Measured) -> HierarchyScores:
    """The four measures of a measured digraph (self-loops, if any, make it cyclic)."""
    n = len(measured.members)
    components = [len(c) for c in measured.parts]
    joined = sum(c * (c - 1) for c in components)
    connectedness = joined / (n * (n - 1)) if n > 1 else math.nan
    spare = sum((c - 1) ** 2 for c in components)
    required = sum(c - 1 for c in components)
    links = measured.links
    efficiency = 1 - (links - required) / spare if spare else math.nan
    if measured.order is not None:  # acyclic: no pair reaches both ways
        hierarchy = 1.0 if links else math.nan
        lubness = _lub_share(measured.parts, measured.masks.__getitem__)
    else:
        graph = measured.graph.networkx()
        strong = list(nx.strongly_connected_components(graph))
        names = measured.graph.names
        parts = [[names[n] for n in part] for part in measured.parts]
        hierarchy = _hierarchy(graph, strong)
        lubness = _lub_share(parts, _source_signatures(graph, strong).__getitem__)
    return HierarchyScores(connectedness, hierarchy, efficiency, lubness)


def _hierarchy(graph: nx.DiGraph, strong: list[set[Any]]) -> float:
    mutual = sum(len(c) * (len(c) - 1) // 2 for c in strong)
    if mutual == 0:
        return 1.0 if graph.number_of_edges() else math.nan
    one_way = _reachable_ordered_pairs(graph, strong) - 2 * mutual
    return 1 - mutual / (mutual + one_way)


def _reachable_ordered_pairs(graph: nx.DiGraph, strong: list[set[Any]]) -> int:
    """Count ordered pairs (u, v), u ≠ v, with v reachable from u, via the condensation."""
    condensed = nx.condensation(graph, strong)
    index = {v: i for i, v in enumerate(graph)}
    below: dict[int, int] = {}
    total = 0
    for c in reversed(list(nx.topological_sort(condensed))):
        members = condensed.nodes[c]["members"]
        bits = 0
        for v in members:
            bits |= 1 << index[v]
        for d in condensed.successors(c):
            bits |= below[d]
        below[c] = bits
        total += len(members) * (bits.bit_count() - 1)
    return total


def _source_signatures(graph: nx.DiGraph, strong: list[set[Any]]) -> dict[Any, int]:
    """Each node's signature: the bits of the source strong components reaching it."""
    condensed = nx.condensation(graph, strong)
    signature: dict[Any, int] = {}
    sources = 0
    pred = condensed._pred  # the adjacency, not its views: the same, faster
    for c in nx.topological_sort(condensed):
        bits = 0
        for d in pred[c]:
            bits |= signature[d]
        if not bits:
            bits = 1 << sources
            sources += 1
        signature[c] = bits
    mapping = condensed.graph["mapping"]  # a node's signature is its strong component's
    return {v: signature[mapping[v]] for v in graph}


def _lub_share(parts: list[list[Any]], signature: Callable[[Any], int]) -> float:
    """1 - the share of pairs without a least upper bound, over the weak components of
    three or more nodes (``nan`` without one), from each node's ``signature``: a pair has
    one exactly when one source strong component reaches both."""
    violations = 0
    maximum = 0
    for component in parts:
        size = len(component)
        if size <= 2:
            continue
        maximum += (size - 1) * (size - 2) // 2
        groups = Counter(map(signature, component))
        violations += size * (size - 1) // 2 - _pairs_with_lub(groups)
    return 1 - violations / maximum if maximum else math.nan


def _pairs_with_lub(groups: Counter[int]) -> int:
    """Count the pairs of nodes that exactly one source component reaches in common.

    ``groups`` counts the nodes of each signature (the bits of the source components
    reaching them).  Two nodes of one signature share it: a pair when it has one bit.
    Nodes of two single-bit signatures share nothing; a single-bit node and a node of
    several bits pair when the bit is among them; only nodes of several bits each are
    compared pairwise, so that many top authorities, each with its own chains, cost
    linear time, not quadratic.

    >>> _pairs_with_lub(Counter({0b01: 3, 0b10: 2, 0b11: 4, 0b110: 1}))
    30
    """
    single = {sig: count for sig, count in groups.items() if sig.bit_count() == 1}
    several = sorted((sig, count) for sig, count in groups.items() if sig not in single)
    found = sum(count * (count - 1) // 2 for count in single.values())
    for sig, count in several:
        if len(single) < sig.bit_count():
            found += count * sum(n for bit, n in single.items() if sig & bit)
        else:
            rest = sig
            while rest:
                bit = rest & -rest
                found += count * single.get(bit, 0)
                rest ^= bit
    for i, (sig, count) in enumerate(several):
        found += sum(
            count * other for osig, other in several[i + 1 :] if (sig & osig).bit_count() == 1
        )
    return found
