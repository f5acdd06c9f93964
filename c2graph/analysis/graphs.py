"""Per-phase graphs of a model (authority digraph, whole undirected graph), built once each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any
from weakref import WeakKeyDictionary

import networkx as nx

from ..model import Link, Model, Node
from ..vocabulary import AUTHORITY_ORDER, FORCE_KINDS, meet

__all__ = [
    "STRENGTH",
    "PhaseGraphs",
    "chains_differ",
    "closure",
    "phase_graphs",
    "reach_effective",
    "strength_key",
    "upward_chains",
]

#: Authorities from strongest to weakest, as :func:`c2graph.vocabulary.meet` ranks them;
#: ``"none"`` (nothing survives) comes last.
STRENGTH: tuple[str, ...] = (*AUTHORITY_ORDER, "none")
_RANK = {name: i for i, name in enumerate(STRENGTH)}


def strength_key(authority: str) -> int:
    """Sort key putting stronger authorities first."""
    return _RANK[authority]


@dataclass(frozen=True, eq=False)
class _Parts:
    nodes: tuple[str, ...]
    authority: nx.DiGraph
    coordination: Mapping[str, tuple[tuple[str, str, str], ...]]
    tops: tuple[str, ...]
    forces: frozenset[str]
    pairs: tuple[tuple[str, str, tuple[str, ...]], ...]


class PhaseGraphs:
    """What the analyses need of one phase, computed once per model and phase.

    ``authority`` is a frozen :class:`networkx.DiGraph` on every node active in the phase;
    each edge carries ``links``: the ``(relation, link key)`` pairs of the authority links
    joining its ends, strongest first.  ``whole`` is the undirected simple graph of every
    link (authority and coordination) of the phase, each edge carrying ``links`` (keys),
    built from ``pairs`` on first use.
    ``coordination`` maps a node to its coordination links as ``(other end, relation,
    key)``, in both directions.  ``tops`` are the top authorities: nodes with no incoming
    authority link and at least one outgoing one.  ``forces`` are active nodes whose kind is
    in :data:`~c2graph.vocabulary.FORCE_KINDS`.

    Everything is built on first use of any of these, so that merely checking a phase
    (as some analyses do through :func:`phase_graphs`) costs nothing.  The records are held,
    not the model, so that the per-model cache never keeps a model alive.
    """

    def __init__(self, phase: str, nodes: Mapping[str, Node], links: tuple[Link, ...]) -> None:
        self.phase = phase
        self._records = (nodes, links)

    @cached_property
    def _parts(self) -> _Parts:
        nodes, links = self._records
        return _build(nodes, links, self.phase)

    @property
    def nodes(self) -> tuple[str, ...]:
        """Ids of the nodes active in the phase, sorted."""
        return self._parts.nodes

    @property
    def authority(self) -> nx.DiGraph:
        """The authority graph of the phase (see the class docstring)."""
        return self._parts.authority

    @property
    def coordination(self) -> Mapping[str, tuple[tuple[str, str, str], ...]]:
        """Each node's coordination links as ``(other end, relation, key)``."""
        return self._parts.coordination

    @property
    def tops(self) -> tuple[str, ...]:
        """The top authorities of the phase, sorted."""
        return self._parts.tops

    @property
    def forces(self) -> frozenset[str]:
        """The active nodes whose kind is a force kind."""
        return self._parts.forces

    @property
    def pairs(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """Every linked pair ``(u, v, keys)`` with ``u < v``, sorted."""
        return self._parts.pairs

    @cached_property
    def whole(self) -> nx.Graph:
        """The undirected graph of every link of the phase (built on first use)."""
        whole = nx.Graph()
        whole.add_nodes_from(self.nodes)
        whole.add_edges_from((u, v, {"links": keys}) for u, v, keys in self.pairs)
        return nx.freeze(whole)


_CACHE: WeakKeyDictionary[Model, dict[str, PhaseGraphs]] = WeakKeyDictionary()


def phase_graphs(model: Model, phase: str) -> PhaseGraphs:
    """Return the graphs of ``phase`` (checked: unknown ids raise QueryError), cached."""
    model.phase(phase)
    per_model = _CACHE.setdefault(model, {})
    if phase not in per_model:
        per_model[phase] = PhaseGraphs(phase, model.nodes, model.links)
    return per_model[phase]


def _build(records: Mapping[str, Node], links: tuple[Link, ...], phase: str) -> _Parts:
    nodes = tuple(sorted(n.id for n in records.values() if phase in n.phases))
    authority_links: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    whole_links: dict[tuple[str, str], list[str]] = defaultdict(list)
    coordination: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in links:
        if phase not in link.phases:
            continue
        u, v = link.from_node, link.to_node
        whole_links[(u, v) if u < v else (v, u)].append(link.key)
        if link.is_authority:
            authority_links[(u, v)].append((link.relation, link.key))
        else:
            coordination[u].append((v, link.relation, link.key))
            coordination[v].append((u, link.relation, link.key))
    authority = nx.DiGraph()
    authority.add_nodes_from(nodes)
    authority.add_edges_from(
        (u, v, {"links": _sorted(pairs, _link_order)})
        for (u, v), pairs in sorted(authority_links.items())
    )
    uppers = {u for u, _v in authority_links}
    lowers = {v for _u, v in authority_links}
    return _Parts(
        nodes=nodes,
        authority=nx.freeze(authority),
        coordination=MappingProxyType({k: tuple(sorted(v)) for k, v in coordination.items()}),
        tops=tuple(n for n in nodes if n in uppers and n not in lowers),
        forces=frozenset(n for n in nodes if records[n].kind in FORCE_KINDS),
        pairs=tuple((u, v, _sorted(keys)) for (u, v), keys in sorted(whole_links.items())),
    )


def _link_order(pair: tuple[str, str]) -> tuple[int, str]:
    return strength_key(pair[0]), pair[1]


def _sorted(items: list[Any], key: Callable[[Any], Any] | None = None) -> tuple[Any, ...]:
    """``tuple(sorted(items, key=key))``, without sorting a single item (most edges)."""
    return (items[0],) if len(items) == 1 else tuple(sorted(items, key=key))


def reach_effective(
    graphs: PhaseGraphs, authority: str, within: set[str] | None = None
) -> dict[str, frozenset[str]]:
    """Map each node below ``authority`` to the authorities surviving its chains from it.

    With ``within``, only chains inside that set are followed (pass a set closed under
    ancestors of the nodes you need, and their answers are exact).
    """
    graph = graphs.authority
    if authority not in graph:
        return {}
    # One search down records each followed link and, per node, how many followed links
    # enter it; then Kahn's order settles a node once all of those have been applied.
    steps: dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]] = {}
    waiting: dict[str, int] = {}
    stack = [authority]
    while stack:
        upper = stack.pop()
        followed = steps[upper] = []
        for _upper, lower, links in graph.out_edges(upper, data="links"):
            if within is None or lower in within:
                followed.append((lower, links))
                if lower in waiting:
                    waiting[lower] += 1
                else:
                    waiting[lower] = 1
                    stack.append(lower)
    # Sets of authorities are bit masks over STRENGTH (at most 2**7 of them), so that the
    # walk allocates nothing per node; each mask maps to one shared frozenset at the end.
    held: dict[str, int] = {authority: _BIT["command"]}
    ready = [authority]
    while ready:
        upper = ready.pop()
        values = held[upper]
        for lower, links in steps[upper]:
            mask = held.get(lower, 0)
            for relation, _key in links:
                mask |= _after(values, relation)
            held[lower] = mask
            waiting[lower] -= 1
            if not waiting[lower]:
                ready.append(lower)
    del held[authority]
    return {node: _frozen(mask) for node, mask in held.items()}


_BIT = {name: 1 << i for i, name in enumerate(STRENGTH)}
_AFTER: dict[str, dict[int, int]] = {}
_FROZEN: dict[int, frozenset[str]] = {}


def _after(mask: int, relation: str) -> int:
    """The authorities (a mask) left of those in ``mask`` passed on by ``relation``."""
    table = _AFTER.setdefault(relation, {})
    if mask not in table:
        table[mask] = sum({_BIT[meet(name, relation)] for name, bit in _BIT.items() if mask & bit})
    return table[mask]


def _frozen(mask: int) -> frozenset[str]:
    if mask not in _FROZEN:
        _FROZEN[mask] = frozenset(name for name, bit in _BIT.items() if mask & bit)
    return _FROZEN[mask]


def closure(graph: nx.DiGraph, nodes: set[str], *, upward: bool) -> set[str]:
    """Return ``nodes`` with every node below them (or above them, ``upward``) in ``graph``."""
    step = graph.predecessors if upward else graph.successors
    found = {n for n in nodes if n in graph}
    stack = list(found)
    while stack:
        for other in step(stack.pop()):
            if other not in found:
                found.add(other)
                stack.append(other)
    return found | nodes


def chains_differ(first: nx.DiGraph, second: nx.DiGraph, units: Iterable[str]) -> list[str]:
    """Return the ``units`` (in their order) whose chains of command differ between two
    authority graphs (two phases, or two models), as ``chain_of_command`` gives them.

    A unit absent from a graph, or without superiors in it, has no chain there.  Otherwise
    its chains are equal in both graphs exactly when it has the same superiors in both and
    each superior's chains (down from the top authorities) are equal: the last step of a
    chain names the superior and the rest is a chain of that superior.  So the test runs
    upward once per node, memoised, linear in the two graphs instead of in the number of
    chains.
    """
    same: dict[str, bool] = {}
    differ = []
    for unit in units:
        had = unit in first and len(first.pred[unit]) > 0
        has = unit in second and len(second.pred[unit]) > 0
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
        uppers = set(first.pred[current])
        if uppers != set(second.pred[current]):
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


def upward_chains(
    graph: nx.DiGraph, node: str, memo: dict[str, frozenset[tuple[tuple[str, ...], str]]]
) -> frozenset[tuple[tuple[str, ...], str]]:
    """Return every chain from a top authority down to ``node`` (in ``graph``) as
    ``(nodes, authority surviving it)`` pairs, composed as JP 1 does (:func:`meet`).

    A node without superiors has the one chain ``(node,)`` holding ``"command"``; parallel
    links giving the same nodes and authority count once.  Memoised in ``memo`` (one per
    graph) over superiors, so listing the chains of many units costs the size of the
    answers, not a fresh search per unit.
    """
    stack = [node]
    while stack:
        current = stack[-1]
        if current in memo:
            stack.pop()
            continue
        uppers = graph.pred[current]
        pending = [upper for upper in uppers if upper not in memo]
        if pending:
            stack.extend(pending)
            continue
        memo[current] = (
            frozenset(
                ((*chain, current), meet(held, relation))
                for upper, data in uppers.items()
                for chain, held in memo[upper]
                for relation, _key in data["links"]
            )
            if uppers
            else frozenset({((current,), "command")})
        )
        stack.pop()
    return memo[node]
