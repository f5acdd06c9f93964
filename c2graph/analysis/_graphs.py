"""Per-phase graphs of a model (authority digraph, whole undirected graph), built once each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from weakref import WeakKeyDictionary

import networkx as nx

from ..model import Model
from ..vocabulary import FORCE_KINDS, meet

__all__ = [
    "STRENGTH",
    "PhaseGraphs",
    "closure",
    "phase_graphs",
    "reach_effective",
    "strength_key",
]

#: Authorities from strongest to weakest, as :func:`c2graph.vocabulary.meet` ranks them;
#: ``"none"`` (nothing survives) comes last.
STRENGTH: tuple[str, ...] = ("command", "cocom", "opcon", "tacon", "adcon", "control", "none")
_RANK = {name: i for i, name in enumerate(STRENGTH)}


def strength_key(authority: str) -> int:
    """Sort key putting stronger authorities first."""
    return _RANK[authority]


@dataclass(frozen=True, eq=False)
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
    """

    phase: str
    nodes: tuple[str, ...]
    authority: nx.DiGraph
    coordination: Mapping[str, tuple[tuple[str, str, str], ...]]
    tops: tuple[str, ...]
    forces: frozenset[str]
    pairs: tuple[tuple[str, str, tuple[str, ...]], ...]

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
        per_model[phase] = _build(model, phase)
    return per_model[phase]


def _build(model: Model, phase: str) -> PhaseGraphs:
    nodes = tuple(sorted(n.id for n in model.nodes.values() if phase in n.phases))
    authority_links: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    whole_links: dict[tuple[str, str], list[str]] = defaultdict(list)
    coordination: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in model.links_in(phase):
        u, v = link.from_node, link.to_node
        whole_links[(min(u, v), max(u, v))].append(link.key)
        if link.is_authority:
            authority_links[(u, v)].append((link.relation, link.key))
        else:
            coordination[u].append((v, link.relation, link.key))
            coordination[v].append((u, link.relation, link.key))
    authority = nx.DiGraph()
    authority.add_nodes_from(nodes)
    authority.add_edges_from(
        (u, v, {"links": tuple(sorted(pairs, key=lambda p: (strength_key(p[0]), p[1])))})
        for (u, v), pairs in sorted(authority_links.items())
    )
    tops = tuple(n for n in nodes
                 if authority.in_degree(n) == 0 and authority.out_degree(n) > 0)
    forces = frozenset(n for n in nodes if model.nodes[n].kind in FORCE_KINDS)
    return PhaseGraphs(
        phase=phase,
        nodes=nodes,
        authority=nx.freeze(authority),
        coordination=MappingProxyType({k: tuple(sorted(v)) for k, v in coordination.items()}),
        tops=tops,
        forces=forces,
        pairs=tuple((u, v, tuple(sorted(keys))) for (u, v), keys in sorted(whole_links.items())),
    )


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
    below = set()
    stack = [authority]
    while stack:
        for lower in graph.successors(stack.pop()):
            if lower not in below and (within is None or lower in within):
                below.add(lower)
                stack.append(lower)
    held: dict[str, set[str]] = {authority: {"command"}}
    for node in nx.topological_sort(graph.subgraph(below | {authority})):
        if node == authority:
            continue
        values: set[str] = set()
        for upper in graph.predecessors(node):
            if upper in held:
                for relation, _key in graph.edges[upper, node]["links"]:
                    values.update(meet(value, relation) for value in held[upper])
        held[node] = values
    del held[authority]
    return {node: frozenset(values) for node, values in held.items()}


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
