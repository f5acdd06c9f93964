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
three or more nodes.  So a two-node chain scores ``nan`` on lubness, not 1.

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
from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..model import Model
from .graphs import phase_graphs

__all__ = ["HierarchyScores", "hierarchy_scores", "krackhardt"]


@dataclass(frozen=True)
class HierarchyScores:
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
    simple = nx.DiGraph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return _scores(simple)


def hierarchy_scores(model: Model, *, phase: str) -> HierarchyScores:
    """Return Krackhardt's measures of the authority links of ``phase``.

    The graph is the phase's authority links and the nodes they join (nodes without any
    authority link in the phase, such as coordination bodies, are left out; two national
    chains with no common superior therefore lower connectedness and lubness).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> hierarchy_scores(model, phase="peacetime").to_dict()
    {'connectedness': 0.417989, 'hierarchy': 1.0, 'efficiency': 0.989691, 'lubness': 1.0}

    References
    ----------
    Krackhardt (1994); Butts, R package ``sna``.  See :func:`krackhardt`.
    """
    simple = nx.DiGraph()
    simple.add_edges_from(phase_graphs(model, phase).authority.edges())
    return _scores(simple)


def _scores(simple: nx.DiGraph) -> HierarchyScores:
    """The four measures of a simple digraph without self-loops."""
    n = simple.number_of_nodes()
    components = [len(c) for c in nx.weakly_connected_components(simple)]
    joined = sum(c * (c - 1) for c in components)
    connectedness = joined / (n * (n - 1)) if n > 1 else math.nan
    spare = sum((c - 1) ** 2 for c in components)
    required = sum(c - 1 for c in components)
    efficiency = 1 - (simple.number_of_edges() - required) / spare if spare else math.nan
    try:
        order = list(nx.topological_sort(simple))
    except nx.NetworkXUnfeasible:
        order = None
    strong = None if order is not None else list(nx.strongly_connected_components(simple))
    return HierarchyScores(
        connectedness, _hierarchy(simple, strong), efficiency, _lubness(simple, strong, order)
    )


def _hierarchy(graph: nx.DiGraph, strong: list[set[Any]] | None) -> float:
    mutual = sum(len(c) * (len(c) - 1) // 2 for c in strong) if strong else 0
    if mutual == 0:
        return 1.0 if graph.number_of_edges() else math.nan
    one_way = _reachable_ordered_pairs(graph, strong or []) - 2 * mutual
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


def _lubness(graph: nx.DiGraph, strong: list[set[Any]] | None, order: list[Any] | None) -> float:
    # Signature of a node: the set (bits) of source strong components that reach it.
    acyclic = strong is None
    condensed = graph if acyclic else nx.condensation(graph, strong)
    signature: dict[Any, int] = {}
    sources = 0
    for c in order if order is not None else nx.topological_sort(condensed):
        bits = 0
        for d in condensed.predecessors(c):
            bits |= signature[d]
        if not bits:
            bits = 1 << sources
            sources += 1
        signature[c] = bits
    mapping = {v: v for v in graph} if acyclic else condensed.graph["mapping"]
    violations = 0
    maximum = 0
    for component in nx.weakly_connected_components(graph):
        size = len(component)
        if size <= 2:
            continue
        maximum += (size - 1) * (size - 2) // 2
        groups = sorted(Counter(signature[mapping[v]] for v in component).items())
        with_lub = 0
        for i, (sig, count) in enumerate(groups):
            if sig.bit_count() == 1:
                with_lub += count * (count - 1) // 2
            with_lub += sum(
                count * other for osig, other in groups[i + 1 :] if (sig & osig).bit_count() == 1
            )
        violations += size * (size - 1) // 2 - with_lub
    return 1 - violations / maximum if maximum else math.nan
