"""The graph algorithms that large structures spend their time in, compiled or in networkx.

Each kernel takes the networkx graph the analyses hold and returns plain Python values
(node ids, sets, dicts): the graph type callers see stays networkx.  By default the work
is done by `rustworkx <https://www.rustworkx.org>`_ (Rust, Apache-2.0) on an integer
copy of the graph, made once per graph; with the environment variable
``C2GRAPH_KERNELS=networkx`` every kernel runs its reference version (networkx, or the
pure-Python algorithm it replaced), which gives the same answers (property tests run
both on random graphs).  At 100,000 units the compiled kernels take milliseconds where
networkx takes seconds.

Example
-------
>>> import networkx as nx
>>> graph = nx.DiGraph([("pm", "mod"), ("mod", "jhq"), ("pm", "jcg"), ("jhq", "gcc")])
>>> sorted(immediate_dominators(graph, ("pm",)).items())
[('gcc', 'jhq'), ('jcg', 'pm'), ('jhq', 'mod'), ('mod', 'pm')]
>>> sorted(articulation_points(graph, graph.edges))
['jhq', 'mod', 'pm']
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import networkx as nx

from .kernelchoice import KERNELS_VARIABLE, compiled

if TYPE_CHECKING:
    import rustworkx as rx

__all__ = [
    "KERNELS_VARIABLE",
    "VIRTUAL_ROOT",
    "IndexedDigraph",
    "articulation_points",
    "compiled",
    "dag_order",
    "dominators_in",
    "immediate_dominators",
    "numbered",
    "order_and_components",
    "reachable",
    "reachable_in",
    "topological_order",
    "weak_components",
]

#: The root placed above several tops by :func:`immediate_dominators` (never a node id).
VIRTUAL_ROOT = ("<top>",)


def immediate_dominators(
    graph: nx.DiGraph, tops: tuple[Hashable, ...], *, without: Collection[Hashable] = ()
) -> dict[Any, Any]:
    """Map each node reachable from ``tops`` to its immediate dominator (in ``graph``
    without the nodes ``without``, which ``tops`` must not name).

    A node ``d`` dominates ``n`` when every path from the tops to ``n`` passes through
    ``d``; the immediate dominator is the closest such node.  With one top, it is the root
    and has no entry; with several, :data:`VIRTUAL_ROOT` stands above them (it is every
    top's immediate dominator and has no entry itself).  Nodes not reachable have none.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("a", "c"), ("b", "c"), ("c", "d")])
    >>> sorted(immediate_dominators(graph, ("a", "b")).items())
    [('a', ('<top>',)), ('b', ('<top>',)), ('c', ('<top>',)), ('d', 'c')]
    >>> sorted(immediate_dominators(graph, ("b",), without=["c"]).items())
    []

    The compiled version removes ``without`` from a copy of the compiled graph (made once
    per graph), so that a what-if removal does not copy the networkx graph.

    References
    ----------
    Cooper, Harvey & Kennedy (2001), A simple, fast dominance algorithm; networkx
    ``immediate_dominators``; rustworkx ``immediate_dominators``.
    """
    if not tops:
        return {}
    if not compiled():
        present = [node for node in without if node in graph]
        view = nx.restricted_view(graph, present, []) if present else graph
        return _cooper_harvey_kennedy(view, tops)
    copy, nodes = _directed(graph)
    return _compiled_dominators(copy, nodes, _index(graph), tops, without)


def _compiled_dominators(
    copy: rx.PyDiGraph,
    nodes: Sequence[Any],
    index: Mapping[Any, int],
    tops: tuple[Hashable, ...],
    without: Collection[Hashable],
) -> dict[Any, Any]:
    """:func:`immediate_dominators` on a compiled graph whose node ``i`` is ``nodes[i]``."""
    import rustworkx as rx

    gone = [index[node] for node in without if node in index]
    if gone or len(tops) > 1:
        copy = copy.copy()
        copy.remove_nodes_from(gone)
    if len(tops) == 1:
        root, root_id = tops[0], index[tops[0]]
    else:  # the root may take the place of a removed node: rustworkx reuses indices
        root, root_id = VIRTUAL_ROOT, copy.add_node(VIRTUAL_ROOT)
        copy.add_edges_from_no_data([(root_id, index[top]) for top in tops])
    found = rx.immediate_dominators(copy, root_id)  # in no particular order, as networkx's
    return {nodes[n]: root if d == root_id else nodes[d] for n, d in found.items() if n != root_id}


class IndexedDigraph:
    """A directed graph on the integers ``0 .. len(names) - 1``, node ``i`` standing for
    ``names[i]`` (``index`` maps each name back), with the distinct links ``edges``.

    Built from integers, it is the form the compiled kernels read, without a networkx
    graph of names to copy: :func:`reachable_in` and :func:`dominators_in` answer as
    :func:`reachable` and :func:`immediate_dominators` on the graph of the names.  Several
    graphs may share one numbering (say, of every node of a phase).

    Example
    -------
    >>> graph = IndexedDigraph(["pm", "hq", "u"], {"pm": 0, "hq": 1, "u": 2}, [(0, 1), (1, 2)])
    >>> sorted(reachable_in(graph, ["hq"])), dominators_in(graph, ("pm",))["u"]
    (['hq', 'u'], 'hq')
    """

    def __init__(
        self, names: Sequence[Any], index: Mapping[Any, int], edges: list[tuple[int, int]]
    ) -> None:
        self.names = names
        self.index = index
        self.edges = edges

    @cached_property
    def compiled(self) -> rx.PyDiGraph:
        """The rustworkx graph of the integers and links (made on first use)."""
        import rustworkx as rx

        copy = rx.PyDiGraph(check_cycle=False, multigraph=False)
        copy.add_nodes_from(range(len(self.names)))
        copy.extend_from_edge_list(self.edges)
        return copy

    @cached_property
    def reference(self) -> nx.DiGraph:
        """The networkx graph of the integers and links, for the reference kernels."""
        graph = nx.DiGraph()
        graph.add_nodes_from(range(len(self.names)))
        graph.add_edges_from(self.edges)
        return graph


def dominators_in(
    graph: IndexedDigraph, tops: tuple[Hashable, ...], *, without: Collection[Hashable] = ()
) -> dict[Any, Any]:
    """:func:`immediate_dominators` of the names of an :class:`IndexedDigraph`: each name
    reachable from the names ``tops`` mapped to its immediate dominator, with the names
    ``without`` removed (``tops`` must not name them).

    Example
    -------
    >>> graph = IndexedDigraph(["a", "b", "c"], {"a": 0, "b": 1, "c": 2}, [(0, 2), (1, 2)])
    >>> sorted(dominators_in(graph, ("a", "b")).items())
    [('a', ('<top>',)), ('b', ('<top>',)), ('c', ('<top>',))]
    """
    if not tops:
        return {}
    index, names = graph.index, graph.names
    if compiled():
        return _compiled_dominators(graph.compiled, names, index, tops, without)
    found = immediate_dominators(
        graph.reference,
        tuple(index[top] for top in tops),
        without=[index[node] for node in without if node in index],
    )
    return {names[n]: VIRTUAL_ROOT if d == VIRTUAL_ROOT else names[d] for n, d in found.items()}


def reachable_in(graph: IndexedDigraph, starts: Iterable[Hashable]) -> set[Any]:
    """:func:`reachable` of the names of an :class:`IndexedDigraph`: the names reached
    from the names ``starts`` (those among its names included).

    Example
    -------
    >>> graph = IndexedDigraph(["a", "b", "c"], {"a": 0, "b": 1, "c": 2}, [(0, 1)])
    >>> sorted(reachable_in(graph, ["a", "q"]))
    ['a', 'b']
    """
    index, names = graph.index, graph.names
    ids = [index[node] for node in starts if node in index]
    if not compiled():
        return {names[n] for n in reachable(graph.reference, ids)}
    import rustworkx as rx

    copy = graph.compiled
    if len(ids) > 1:  # one search from a root above the starts, linear however many
        copy = copy.copy()
        root = copy.add_node(VIRTUAL_ROOT)
        copy.add_edges_from_no_data([(root, n) for n in ids])
        return {names[n] for n in rx.descendants(copy, root)}
    return {names[n] for n in {*ids, *(rx.descendants(copy, ids[0]) if ids else ())}}


def articulation_points(nodes: Iterable[Hashable], pairs: Iterable[tuple[Any, Any]]) -> set[Any]:
    """Return the cut nodes of the undirected graph of ``nodes`` and the links ``pairs``:
    those whose loss disconnects a component.

    Ends of ``pairs`` not among ``nodes`` are nodes too.  The compiled version reads the
    pairs straight into its own graph, without building a networkx one.

    Examples
    --------
    >>> sorted(articulation_points(["a"], [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    ['c']

    References
    ----------
    Hopcroft & Tarjan (1973), Efficient algorithms for graph manipulation; networkx
    ``articulation_points``; rustworkx ``articulation_points``.
    """
    if not compiled():
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(pairs)
        return set(nx.articulation_points(graph))
    import rustworkx as rx

    index = {node: i for i, node in enumerate(nodes)}
    links = [(index.setdefault(u, len(index)), index.setdefault(v, len(index))) for u, v in pairs]
    copy = rx.PyGraph(multigraph=False)
    copy.add_nodes_from(range(len(index)))
    copy.add_edges_from_no_data(links)
    named = list(index)
    return {named[n] for n in rx.articulation_points(copy)}


def reachable(graph: nx.DiGraph, starts: Iterable[Hashable]) -> set[Any]:
    """Return the nodes of ``graph`` reachable from ``starts`` (the starts in it included).

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(reachable(nx.DiGraph([("a", "b"), ("b", "c"), ("x", "c")]), ["a", "q"]))
    ['a', 'b', 'c']

    References
    ----------
    networkx ``descendants``; rustworkx ``descendants``.
    """
    starts = [node for node in starts if node in graph]
    if not compiled():
        return set(starts).union(*(nx.descendants(graph, node) for node in starts))
    import rustworkx as rx

    copy, nodes = _directed(graph)
    index = _index(graph)
    ids = [index[node] for node in starts]
    if len(ids) > 1:  # one search from a root above the starts, linear however many
        copy = copy.copy()
        root = copy.add_node(VIRTUAL_ROOT)
        copy.add_edges_from_no_data([(root, n) for n in ids])
        return {nodes[n] for n in rx.descendants(copy, root)}
    return {nodes[n] for n in {*ids, *(rx.descendants(copy, ids[0]) if ids else ())}}


def weak_components(graph: nx.DiGraph) -> list[set[Any]]:
    """Return the weakly connected components of a directed graph (each a set of nodes).

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(map(sorted, weak_components(nx.DiGraph([("a", "b"), ("c", "b"), ("d", "e")]))))
    [['a', 'b', 'c'], ['d', 'e']]

    References
    ----------
    networkx ``weakly_connected_components``; rustworkx ``weakly_connected_components``.
    """
    if not compiled():
        return list(nx.weakly_connected_components(graph))
    import rustworkx as rx

    copy, nodes = _directed(graph)
    return [{nodes[n] for n in part} for part in rx.weakly_connected_components(copy)]


def topological_order(graph: nx.DiGraph) -> list[Any] | None:
    """Return the nodes in an order where every link goes forward, or None for a cycle.

    Several orders may exist; the analyses that use one give answers that do not depend
    on which (tested).

    Examples
    --------
    >>> import networkx as nx
    >>> topological_order(nx.DiGraph([("b", "c"), ("a", "b")]))
    ['a', 'b', 'c']
    >>> topological_order(nx.DiGraph([("a", "b"), ("b", "a")])) is None
    True

    References
    ----------
    Kahn (1962), Topological sorting of large networks; networkx ``topological_sort``;
    rustworkx ``topological_sort``.
    """
    try:
        return dag_order(graph)
    except nx.NetworkXUnfeasible:
        return None


def dag_order(graph: nx.DiGraph) -> list[Any]:
    """Return the nodes of an acyclic graph in an order where every link goes forward.

    As :func:`topological_order`, for the graphs that cannot have a cycle (authority is
    acyclic in every phase, validated when a model is loaded); a cycle raises
    :class:`networkx.NetworkXUnfeasible`, as networkx's ``topological_sort`` does.

    Examples
    --------
    >>> import networkx as nx
    >>> dag_order(nx.DiGraph([("b", "c"), ("a", "b")]))
    ['a', 'b', 'c']
    """
    if not compiled():
        return list(nx.topological_sort(graph))
    import rustworkx as rx

    copy, nodes = _directed(graph)
    try:
        return [nodes[n] for n in rx.topological_sort(copy)]
    except rx.DAGHasCycle:
        raise nx.NetworkXUnfeasible("the graph has a cycle") from None


def order_and_components(
    count: int, edges: list[tuple[int, int]]
) -> tuple[list[int] | None, list[list[int]]]:
    """Return a topological order (None for a cycle) and the weakly connected components
    of the directed graph on the nodes ``0 .. count - 1`` and the distinct links ``edges``.

    The compiled version reads the integer pairs straight into one graph
    (``extend_from_edge_list``), without building a networkx one.

    Examples
    --------
    >>> order, parts = order_and_components(3, [(1, 0), (0, 2)])
    >>> order, sorted(map(sorted, parts))
    ([1, 0, 2], [[0, 1, 2]])
    >>> sorted(map(sorted, order_and_components(3, [(2, 0)])[1]))
    [[0, 2], [1]]
    >>> order_and_components(2, [(0, 1), (1, 0)])[0] is None
    True

    References
    ----------
    Kahn (1962); networkx ``topological_sort`` and ``weakly_connected_components``;
    rustworkx ``topological_sort`` and ``weakly_connected_components``.
    """
    if not compiled():
        graph = nx.DiGraph()
        graph.add_nodes_from(range(count))
        graph.add_edges_from(edges)
        parts = [list(part) for part in nx.weakly_connected_components(graph)]
        try:
            return list(nx.topological_sort(graph)), parts
        except nx.NetworkXUnfeasible:
            return None, parts
    import rustworkx as rx

    copy = rx.PyDiGraph(check_cycle=False, multigraph=False)
    copy.add_nodes_from(range(count))
    copy.extend_from_edge_list(edges)
    parts = [list(part) for part in rx.weakly_connected_components(copy)]
    try:
        return list(rx.topological_sort(copy)), parts
    except rx.DAGHasCycle:
        return None, parts


def numbered(graph: nx.DiGraph) -> IndexedDigraph:
    """Return the links of a directed graph as integer pairs, in the order ``graph.edges``
    lists them, over its nodes that have a link, numbered as the links first name them:
    made once per graph, for the measures that read it as integers (the hierarchy
    measures of a layer, its families' kernels).

    Example
    -------
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("pm", "hq"), ("u", "hq")])
    >>> graph.add_node("lone")
    >>> found = numbered(graph)
    >>> found.names, found.edges
    (['pm', 'hq', 'u'], [(0, 1), (2, 1)])
    """
    if graph not in _NUMBERED:
        index: dict[Any, int] = {}
        edges = [
            (index.setdefault(u, len(index)), index.setdefault(v, len(index)))
            for u, below in graph._succ.items()
            for v in below
        ]
        _NUMBERED[graph] = IndexedDigraph(list(index), index, edges)
    return _NUMBERED[graph]


_NUMBERED: WeakKeyDictionary[nx.DiGraph, IndexedDigraph] = WeakKeyDictionary()
_COPIES: WeakKeyDictionary[nx.Graph, tuple[Any, list[Any], dict[Any, int]]] = WeakKeyDictionary()


def _index(graph: nx.Graph) -> dict[Any, int]:
    """The integer of each node in the compiled copy of ``graph``."""
    return _COPIES[graph][2]


def _directed(graph: nx.DiGraph) -> tuple[rx.PyDiGraph, list[Any]]:
    """The compiled copy of a directed graph (nodes 0..n-1 in the graph's order), made
    once per graph, and its nodes."""
    if graph not in _COPIES:
        import rustworkx as rx

        copy = rx.PyDiGraph(check_cycle=False, multigraph=False)
        _COPIES[graph] = _fill(copy, graph)
    return _COPIES[graph][0], _COPIES[graph][1]


def _undirected(graph: nx.Graph) -> tuple[rx.PyGraph, list[Any]]:
    """The compiled copy of an undirected graph, made once per graph, and its nodes."""
    if graph not in _COPIES:
        import rustworkx as rx

        _COPIES[graph] = _fill(rx.PyGraph(multigraph=False), graph)
    return _COPIES[graph][0], _COPIES[graph][1]


def _fill(copy: Any, graph: nx.Graph) -> tuple[Any, list[Any], dict[Any, int]]:
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    copy.add_nodes_from(range(len(nodes)))
    copy.add_edges_from_no_data(_pairs(graph, index))
    return copy, nodes, index


def _pairs(graph: nx.Graph, index: dict[Any, int]) -> Iterable[tuple[int, int]]:
    """The links as integer pairs, once each (an undirected graph lists each link twice)."""
    pairs = ((index[u], index[v]) for u, near in graph._adj.items() for v in near)
    if graph.is_directed():
        return list(pairs)
    return [(u, v) for u, v in pairs if u <= v]


def _cooper_harvey_kennedy(graph: nx.DiGraph, tops: tuple[Hashable, ...]) -> dict[Any, Any]:
    """The reference :func:`immediate_dominators`: the Cooper-Harvey-Kennedy iteration over
    reverse postorder, as networkx's ``immediate_dominators``, without building a rooted
    copy of the graph."""
    root: Any = tops[0] if len(tops) == 1 else VIRTUAL_ROOT
    starts = (root,) if root != VIRTUAL_ROOT else tops
    order = _postorder(graph, starts)
    if root == VIRTUAL_ROOT:
        order.append(root)
    index = {node: i for i, node in enumerate(order)}
    idom: dict[Any, Any] = {root: root}
    top_set = set(tops) if root == VIRTUAL_ROOT else set()
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


def _postorder(graph: nx.DiGraph, starts: tuple[Hashable, ...]) -> list[Any]:
    """The nodes reachable from ``starts`` in depth-first postorder."""
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
    return order


def _intersect(idom: dict[Any, Any], index: dict[Any, int], one: Any, two: Any) -> Any:
    while one != two:
        while index[one] < index[two]:
            one = idom[one]
        while index[one] > index[two]:
            two = idom[two]
    return one
