"""Layered layout of a command chart: ranks from the authority links, nations side by side.

Ranks follow the Sugiyama scheme used by Graphviz ``dot``: authority links point down, a
node's rank is the longest authority path from a top authority (cycles are broken at DFS
back edges), sources with subordinates sit one rank above their highest subordinate, and
nodes with no authority link sit at the mean rank of their coordination partners. Inside a
nation's column the order of each rank comes from a few barycenter sweeps, which reduce
crossings (Sugiyama, Tagawa and Toda 1981); authority links pull five times as hard as
coordination links, so subordinates sit under their commanders.

Example
-------
>>> ranks = authority_ranks(["pm", "hq", "u", "body"],
...                         [("pm", "hq", True), ("hq", "u", True), ("u", "body", False)])
>>> ranks
{'pm': 0, 'hq': 1, 'u': 2, 'body': 2}

References
----------
K. Sugiyama, S. Tagawa and M. Toda, "Methods for visual understanding of hierarchical
system structures", IEEE Trans. SMC 11(2), 1981.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import networkx as nx

from ..vocabulary import AUTHORITY_RELATIONS

if TYPE_CHECKING:
    from .scene import Scene

__all__ = ["BLOCK_GAP", "SceneLayout", "authority_ranks", "layered_layout", "scene_layout"]

#: Horizontal gap between two nations' columns, in node slots.
BLOCK_GAP = 0.7
_SWEEPS = 4
#: Pull of a coordination-class link on the order, relative to an authority link.
_COORDINATION_WEIGHT = 0.2


def authority_ranks(nodes: Sequence[str], edges: Sequence[tuple[str, str, bool]]) -> dict[str, int]:
    """Return the rank (0 = top) of every node; ``edges`` are ``(tail, head, is_authority)``.

    Examples
    --------
    >>> authority_ranks(["a", "b", "c"], [("a", "b", True), ("b", "a", True), ("a", "c", False)])
    {'a': 0, 'b': 1, 'c': 0}
    """
    order = {n: i for i, n in enumerate(nodes)}
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((u, v) for u, v, authority in edges if authority and u != v)
    graph.remove_edges_from(_back_edges(graph, nodes))
    rank: dict[str, int] = {}
    for node in nx.lexicographical_topological_sort(graph, key=order.__getitem__):
        rank[node] = max((rank[p] + 1 for p in graph.predecessors(node)), default=0)
    for node in sorted(graph, key=lambda n: -rank[n]):
        if graph.in_degree(node) == 0 and graph.out_degree(node) > 0:
            rank[node] = min(rank[c] for c in graph.successors(node)) - 1
    free = [n for n in nodes if graph.degree(n) == 0]
    partners: dict[str, list[str]] = {n: [] for n in free}
    for u, v, authority in edges:
        if not authority:
            if u in partners and v not in partners:
                partners[u].append(v)
            if v in partners and u not in partners:
                partners[v].append(u)
    for node in free:
        near = partners[node]
        rank[node] = round(sum(rank[n] for n in near) / len(near)) if near else 0
    return {n: rank[n] for n in nodes}


def _back_edges(graph: nx.DiGraph, nodes: Sequence[str]) -> list[tuple[str, str]]:
    """Edges closing a cycle, found by an iterative DFS in node order (deterministic)."""
    state: dict[str, int] = {}
    back = []
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(list(graph.successors(root))))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.append((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(list(graph.successors(child)))))
    return back


def layered_layout(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, bool]],
    nations: Sequence[str],
) -> dict[str, tuple[float, int]]:
    """Return ``(x, rank)`` of every node; ``nodes`` are ``(id, nation)`` in model order.

    Each nation gets a column block as wide as its widest rank, blocks are placed left to
    right in the order of ``nations`` and rows are centred in their block.

    Examples
    --------
    >>> nodes = [("pm", "JP"), ("hq", "JP"), ("us", "US")]
    >>> layered_layout(nodes, [("pm", "hq", True)], ["JP", "US"])
    {'pm': (0.0, 0), 'hq': (0.0, 1), 'us': (1.7, 0)}
    """
    return _layered(nodes, edges, nations, route_long=False)[0]


def _layered(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, bool]],
    nations: Sequence[str],
    *,
    route_long: bool,
) -> tuple[dict[str, tuple[float, int]], dict[tuple[str, str], tuple[tuple[float, int], ...]]]:
    """Positions, and with ``route_long`` the bend points of authority links spanning more
    than one rank (a reserved slot on every rank crossed, as in Sugiyama's dummy nodes)."""
    ids = [n for n, _ in nodes]
    nation_of = dict(nodes)
    rank = authority_ranks(ids, edges)
    chains = _dummy_chains(edges, rank, nation_of) if route_long else {}
    placed = ids + [d for chain in chains.values() for d in chain]
    groups: dict[tuple[str, int], list[str]] = {}
    for node in placed:
        groups.setdefault((nation_of[node], rank[node]), []).append(node)
    x = _ordered_slots(groups, nations, _neighbours(placed, edges, chains), rank)
    bends = {pair: tuple((x[d], rank[d]) for d in chain) for pair, chain in chains.items()}
    return {n: (x[n], rank[n]) for n in ids}, bends


def _dummy_chains(
    edges: Sequence[tuple[str, str, bool]], rank: dict[str, int], nation_of: dict[str, str]
) -> dict[tuple[str, str], list[str]]:
    """A dummy node per rank crossed by each long authority link, added to ``rank`` and
    ``nation_of`` (in the head's nation)."""
    chains: dict[tuple[str, str], list[str]] = {}
    for u, v, authority in edges:
        if authority and rank[v] - rank[u] > 1 and (u, v) not in chains:
            chain = [f"\0{len(chains)}:{r}" for r in range(rank[u] + 1, rank[v])]
            for r, dummy in enumerate(chain, start=rank[u] + 1):
                rank[dummy] = r
                nation_of[dummy] = nation_of[v]
            chains[(u, v)] = chain
    return chains


def _neighbours(
    placed: list[str],
    edges: Sequence[tuple[str, str, bool]],
    chains: dict[tuple[str, str], list[str]],
) -> dict[str, list[tuple[str, float]]]:
    """Each placed node's neighbours with the weight of their pull on its slot; a long link
    pulls through its chain of dummies."""
    neighbours: dict[str, list[tuple[str, float]]] = {n: [] for n in placed}
    routed = [(u, v, a) for u, v, a in edges if (u, v) not in chains]
    routed += [
        (a, b, True)
        for (u, v), chain in chains.items()
        for a, b in zip([u, *chain], [*chain, v], strict=True)
    ]
    for u, v, authority in routed:
        if u != v:
            weight = 1.0 if authority else _COORDINATION_WEIGHT
            neighbours[u].append((v, weight))
            neighbours[v].append((u, weight))
    return neighbours


def _ordered_slots(
    groups: dict[tuple[str, int], list[str]],
    nations: Sequence[str],
    neighbours: dict[str, list[tuple[str, float]]],
    rank: dict[str, int],
) -> dict[str, float]:
    """The slot of every node: nation blocks left to right, each rank centred in its block
    and ordered by barycenter sweeps down and up (``groups`` are sorted in place)."""
    width = {
        nation: max((len(g) for (n, _), g in groups.items() if n == nation), default=0)
        for nation in nations
    }
    left, offset = {}, 0.0
    for nation in nations:
        left[nation] = offset
        offset += width[nation] + BLOCK_GAP
    x: dict[str, float] = {}

    def place(key: tuple[str, int]) -> None:
        group = groups[key]
        start = left[key[0]] + (width[key[0]] - len(group)) / 2
        for i, node in enumerate(group):
            x[node] = start + i

    for key in groups:
        place(key)
    max_rank = max(rank.values(), default=0)
    for _ in range(_SWEEPS):
        for ranks, above in ((range(1, max_rank + 1), True), (range(max_rank - 1, -1, -1), False)):
            by = partial(_barycenter, neighbours=neighbours, rank=rank, x=x, above=above)
            for r in ranks:
                for key in [k for k in groups if k[1] == r]:
                    groups[key].sort(key=by)
                    place(key)
    return x


def _barycenter(
    node: str,
    neighbours: dict[str, list[tuple[str, float]]],
    rank: dict[str, int],
    x: dict[str, float],
    above: bool,
) -> float:
    near = [
        (x[n], w)
        for n, w in neighbours[node]
        if (rank[n] < rank[node] if above else rank[n] > rank[node])
    ]
    total = sum(w for _, w in near)
    return sum(p * w for p, w in near) / total if near else x[node]


@dataclass(frozen=True)
class SceneLayout:
    """Slot and rank of every node of a scene, shared by all its panels, and the extents.

    ``bends`` holds, for links ``(tail, head)`` routed around other nodes, the points the
    line passes through (only when asked for, see :func:`scene_layout`).
    """

    positions: Mapping[str, tuple[float, int]]
    min_x: float
    max_x: float
    max_rank: int
    bends: Mapping[tuple[str, str], tuple[tuple[float, int], ...]]


def scene_layout(scene: Scene, *, route_long: bool = False) -> SceneLayout:
    """Lay out the union of a scene's panels, so a node keeps its place from panel to panel.

    With ``route_long``, authority links spanning several ranks get a slot of their own on
    every rank they cross (for renderers that draw straight lines).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> layout = scene_layout(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> layout.positions["kr-president"], layout.max_rank
    ((0.0, 0), 4)
    """
    nodes: dict[str, str] = {}
    edges: dict[str, tuple[str, str, bool]] = {}
    for panel in scene.panels:
        nodes.update((n.id, n.nation) for n in panel.nodes)
        edges.update(
            (e.key, (e.tail, e.head, e.relation in AUTHORITY_RELATIONS)) for e in panel.edges
        )
    positions, bends = _layered(
        list(nodes.items()), list(edges.values()), scene.nations, route_long=route_long
    )
    xs = [x for x, _ in positions.values()] + [x for b in bends.values() for x, _ in b]
    return SceneLayout(
        positions,
        min(xs, default=0.0),
        max(xs, default=0.0),
        max((r for _, r in positions.values()), default=0),
        bends,
    )
