"""Walks over one authority graph that several analyses share: chains of command, reach.

The graphs are the ``authority`` graphs of :class:`~c2graph.analysis.graphs.PhaseGraphs`
(acyclic, each edge carrying its ``(relation, key)`` links, strongest first).  Authority
composes along a chain by :func:`~c2graph.vocabulary.meet` (Joint Publication 1: a
commander passes on no more than it holds).

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis.graphs import phase_graphs
>>> graph = phase_graphs(load_model("models/us-japan-2025.yaml"), "peacetime").authority
>>> CommandChains(graph).nodes("jp-gcc")
(('jp-pm', 'jp-mod', 'jp-gso', 'jp-gcc'), ('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import networkx as nx

from ..vocabulary import meet
from .graphs import STRENGTH
from .walks import composed_upward

__all__ = [
    "Chain",
    "CommandChains",
    "chains_differ",
    "closure",
    "composed_upward",
    "reach_effective",
    "upward_chains",
]

#: A chain from a top authority down to a node (its nodes, top first) and the authority
#: surviving it.
Chain = tuple[tuple[str, ...], str]


def upward_chains(
    graph: nx.DiGraph, node: str, memo: dict[str, frozenset[Chain]]
) -> frozenset[Chain]:
    """Return every chain from a top authority down to ``node`` in ``graph``, with the
    authority surviving each, composed as JP 1 does (:func:`~c2graph.vocabulary.meet`).

    A node without superiors has the one chain ``(node,)`` holding ``"command"``; parallel
    links giving the same nodes and authority count once.  Memoised in ``memo`` (one per
    graph) over superiors, so listing the chains of many units costs the size of the
    answers, not a fresh search per unit.

    Example
    -------
    >>> graph = nx.DiGraph()
    >>> graph.add_edge("pm", "hq", links=(("command", "k1"),))
    >>> graph.add_edge("hq", "u", links=(("opcon", "k2"), ("adcon", "k3")))
    >>> sorted(upward_chains(graph, "u", {}))
    [(('pm', 'hq', 'u'), 'adcon'), (('pm', 'hq', 'u'), 'opcon')]

    References
    ----------
    Joint Publication 1 (command relationships and their composition).
    """

    def compose(current: str, uppers: Mapping[str, Any]) -> frozenset[Chain]:
        if not uppers:
            return frozenset({((current,), "command")})
        return frozenset(
            ((*chain, current), meet(held, relation))
            for upper, data in uppers.items()
            for chain, held in memo[upper]
            for relation, _key in data["links"]
        )

    return composed_upward(graph._pred, node, memo, compose)  # the adjacency dict: faster


class CommandChains:
    """The chains of command of the nodes of one authority graph, memoised over superiors.

    A node's chains of command are the chains from a top authority down to it; a node
    absent from the graph or without superiors has none.  One instance serves many
    units: each chain above a node is composed once (:func:`upward_chains`).

    Example
    -------
    >>> graph = nx.DiGraph()
    >>> graph.add_edge("pm", "hq", links=(("command", "k1"),))
    >>> graph.add_edge("hq", "u", links=(("opcon", "k2"), ("adcon", "k3")))
    >>> chains = CommandChains(graph)
    >>> chains.nodes("u"), chains.nodes("pm")
    ((('pm', 'hq', 'u'),), ())
    """

    def __init__(self, graph: nx.DiGraph) -> None:
        self.graph = graph
        self._memo: dict[str, frozenset[Chain]] = {}

    def composed(self, unit: str) -> frozenset[Chain]:
        """Return the unit's chains of command, each with the authority surviving it."""
        if unit not in self.graph or not self.graph._pred[unit]:
            return frozenset()
        return upward_chains(self.graph, unit, self._memo)

    def nodes(self, unit: str) -> tuple[tuple[str, ...], ...]:
        """Return the unit's chains of command as node tuples (parallel links once), sorted."""
        return tuple(sorted({chain for chain, _held in self.composed(unit)}))


def chains_differ(first: nx.DiGraph, second: nx.DiGraph, units: Iterable[str]) -> list[str]:
    """Return the ``units`` (in their order) whose chains of command differ between two
    authority graphs (two phases, or two models), as :meth:`CommandChains.nodes` gives them.

    A unit absent from a graph, or without superiors in it, has no chain there.  Otherwise
    its chains are equal in both graphs exactly when it has the same superiors in both and
    each superior's chains (down from the top authorities) are equal: the last step of a
    chain names the superior and the rest is a chain of that superior.  So the test runs
    upward once per node, memoised, linear in the two graphs instead of in the number of
    chains.

    Example
    -------
    >>> one = nx.DiGraph([("pm", "jso"), ("jso", "gcc"), ("pm", "fleet")])
    >>> two = nx.DiGraph([("pm", "jjoc"), ("jjoc", "gcc"), ("pm", "fleet")])
    >>> chains_differ(one, two, ["fleet", "gcc"])
    ['gcc']
    """
    same: dict[str, bool] = {}
    differ = []
    for unit in units:
        had = unit in first and len(first._pred[unit]) > 0
        has = unit in second and len(second._pred[unit]) > 0
        if had != has or (had and not _same_above(first, second, unit, same)):
            differ.append(unit)
    return differ


def _same_above(first: nx.DiGraph, second: nx.DiGraph, node: str, same: dict[str, bool]) -> bool:
    """True when ``node`` (in both graphs) has the same chains from the top in both."""
    stack = [node]
    while stack:
        current = stack[-1]
        if current in same:
            stack.pop()
            continue
        uppers = set(first._pred[current])
        if uppers != set(second._pred[current]):
            same[current] = False
            stack.pop()
            continue
        pending = [upper for upper in uppers if upper not in same]
        if pending:
            stack.extend(pending)
            continue
        same[current] = all(same[upper] for upper in uppers)
        stack.pop()
    return same[node]


def closure(graph: nx.DiGraph, nodes: set[str], *, upward: bool) -> set[str]:
    """Return ``nodes`` with every node below them (or above them, ``upward``) in ``graph``.

    Example
    -------
    >>> graph = nx.DiGraph([("pm", "hq"), ("hq", "u"), ("x", "u")])
    >>> sorted(closure(graph, {"hq"}, upward=False)), sorted(closure(graph, {"u"}, upward=True))
    (['hq', 'u'], ['hq', 'pm', 'u', 'x'])
    """
    step = graph._pred if upward else graph._succ  # the adjacency dicts: the same, faster
    found = {n for n in nodes if n in step}
    stack = list(found)
    while stack:
        for other in step[stack.pop()]:
            if other not in found:
                found.add(other)
                stack.append(other)
    return found | nodes


def reach_effective(
    graph: nx.DiGraph,
    authority: str,
    within: set[str] | None = None,
    *,
    held: str = "command",
) -> dict[str, frozenset[str]]:
    """Map each node below ``authority`` to the authorities surviving its chains from it.

    ``held`` is what ``authority`` holds at the start (``"command"`` for a top authority;
    ``"transmits"``, the identity of :func:`~c2graph.vocabulary.meet`, for a node holding
    only what its links carry).  With ``within``, only chains inside that set are followed
    (pass a set closed under ancestors of the nodes you need, and their answers are exact).
    Cost: linear in the part of the graph below ``authority``.

    Example
    -------
    >>> graph = nx.DiGraph()
    >>> graph.add_edge("pm", "hq", links=(("command", "k1"),))
    >>> graph.add_edge("hq", "u", links=(("opcon", "k2"), ("adcon", "k3")))
    >>> sorted(reach_effective(graph, "pm")["u"])
    ['adcon', 'opcon']

    References
    ----------
    Joint Publication 1 (command relationships and their composition).
    """
    if authority not in graph:
        return {}
    steps, waiting = _followed_links(graph, authority, within)
    # Kahn's order settles a node once every followed link into it has been applied.
    # Sets of authorities are bit masks over STRENGTH (at most 2**9 of them), so that the
    # walk allocates nothing per node; each mask maps to one shared frozenset at the end.
    masks: dict[str, int] = {authority: _BIT[held]}
    ready = [authority]
    while ready:
        upper = ready.pop()
        values = masks[upper]
        for lower, links in steps[upper]:
            mask = masks.get(lower, 0)
            for relation, _key in links:
                mask |= _after(values, relation)
            masks[lower] = mask
            waiting[lower] -= 1
            if not waiting[lower]:
                ready.append(lower)
    del masks[authority]
    return {node: _frozen(mask) for node, mask in masks.items()}


def _followed_links(
    graph: nx.DiGraph, authority: str, within: set[str] | None
) -> tuple[dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]], dict[str, int]]:
    """One search down from ``authority``: each node's followed links, and per node how
    many followed links enter it."""
    steps: dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]] = {}
    waiting: dict[str, int] = {}
    succ = graph._succ  # the adjacency dict, in out_edges' order: the same, faster
    stack = [authority]
    while stack:
        upper = stack.pop()
        followed = steps[upper] = []
        for lower, data in succ[upper].items():
            if within is None or lower in within:
                followed.append((lower, data["links"]))
                if lower in waiting:
                    waiting[lower] += 1
                else:
                    waiting[lower] = 1
                    stack.append(lower)
    return steps, waiting


_BIT = {name: 1 << i for i, name in enumerate(STRENGTH)}


@cache
def _after(mask: int, relation: str) -> int:
    """The authorities (a mask) left of those in ``mask`` passed on by ``relation``."""
    return sum({_BIT[meet(name, relation)] for name, bit in _BIT.items() if mask & bit})


@cache
def _frozen(mask: int) -> frozenset[str]:
    return frozenset(name for name, bit in _BIT.items() if mask & bit)
