"""Chains of authority in a phase: paths to a unit, its direct commanders, an authority's reach.

Authority composes along a chain as Joint Publication 1 describes: a commander passes on no
more than it holds, so the authority that survives a chain is the
:func:`~c2graph.vocabulary.meet` of its links (OPCON then TACON leaves TACON; OPCON then
ADCON leaves nothing operational).  Coordination links carry no authority and never appear
in an authority path; :func:`request_routes` shows, apart, how a request can travel over
them.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u", "name": "Unit", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command"},
...               {"from": "hq", "to": "u", "relation": "tacon"}]})
>>> [(p.nodes, p.effective) for p in authority_paths(model, "u", phase="p").paths]
[(('pm', 'hq', 'u'), 'tacon')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..model import Model
from ..vocabulary import OPERATIONAL_RELATIONS, RELATIONS, meet
from .chains import CommandChains, reach_effective
from .graphs import PhaseGraphs, phase_graphs, strength_key

__all__ = [
    "DEFAULT_ROUTE_LINKS",
    "AuthorityPath",
    "Commanders",
    "PathResult",
    "Reach",
    "Reached",
    "Superior",
    "authority_paths",
    "chain_of_command",
    "commanders",
    "effective_authority",
    "reach",
    "request_routes",
    "top_authorities",
]

#: Longest request route (in links) that :func:`request_routes` searches by default.
DEFAULT_ROUTE_LINKS = 6


@dataclass(frozen=True)
class AuthorityPath:
    """One chain from a source to a target: its nodes, links and the surviving authority.

    ``kind`` is ``"authority"`` for a chain of authority links and ``"coordination"`` for a
    request route that uses at least one coordination link (its ``effective`` is then
    ``"none"``: no authority passes over coordination).
    """

    nodes: tuple[str, ...]
    relations: tuple[str, ...]
    links: tuple[str, ...]
    effective: str
    kind: str = "authority"

    def to_dict(self) -> dict[str, Any]:
        """Return the path as JSON-ready data."""
        return {
            "nodes": list(self.nodes),
            "relations": list(self.relations),
            "links": list(self.links),
            "effective": self.effective,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class PathResult:
    """Every path to ``target`` in ``phase`` (from ``source``, or from every top authority)."""

    target: str
    phase: str
    source: str | None
    paths: tuple[AuthorityPath, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data (``paths`` is ``[]`` when there is none)."""
        return {
            "target": self.target,
            "phase": self.phase,
            "source": self.source,
            "paths": [p.to_dict() for p in self.paths],
        }


@dataclass(frozen=True)
class Superior:
    """A direct authority link into a unit: who holds it, which relation, which link."""

    node: str
    relation: str
    link: str

    def to_dict(self) -> dict[str, str]:
        """Return the superior as JSON-ready data."""
        return {"node": self.node, "relation": self.relation, "link": self.link}


@dataclass(frozen=True)
class Commanders:
    """Who holds authority directly over ``unit`` in ``phase``.

    ``operational`` lists the distinct holders of an operational relation (command, COCOM,
    OPCON); more than one breaks unity of command and ``warning`` says so.
    """

    unit: str
    phase: str
    superiors: tuple[Superior, ...]
    operational: tuple[str, ...]
    warning: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the commanders as JSON-ready data."""
        return {
            "unit": self.unit,
            "phase": self.phase,
            "superiors": [s.to_dict() for s in self.superiors],
            "operational": list(self.operational),
            "warning": self.warning,
        }


@dataclass(frozen=True)
class Reached:
    """A node an authority reaches, with the authorities surviving its chains, strongest first."""

    node: str
    effective: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the reached node as JSON-ready data."""
        return {"node": self.node, "effective": list(self.effective)}


@dataclass(frozen=True)
class Reach:
    """Everything ``authority`` reaches over authority links in ``phase``, sorted by node id."""

    authority: str
    phase: str
    reached: tuple[Reached, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the reach as JSON-ready data."""
        return {
            "authority": self.authority,
            "phase": self.phase,
            "reached": [r.to_dict() for r in self.reached],
        }


def effective_authority(relations: tuple[str, ...] | list[str]) -> str:
    """Return the authority surviving a chain of authority relations, top first (JP 1).

    Example
    -------
    >>> effective_authority(["command", "opcon", "tacon"])
    'tacon'
    >>> effective_authority(["opcon", "adcon"])
    'none'

    References
    ----------
    Joint Publication 1, *Doctrine for the Armed Forces of the United States* (command
    relationships: a commander delegates no more authority than it holds).
    """
    result = "command"
    for relation in relations:
        result = meet(result, relation)
    return result


def top_authorities(model: Model, *, phase: str) -> tuple[str, ...]:
    """Return the top authorities of a phase, sorted by id.

    A top authority has at least one outgoing and no incoming authority link in the phase
    (e.g. a head of government); chains of command start there.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> top_authorities(model, phase="peacetime")
    ('jp-mlit', 'jp-pm', 'us-president')
    """
    return phase_graphs(model, phase).tops


def authority_paths(
    model: Model,
    target: str,
    *,
    phase: str,
    source: str | None = None,
    via_coordination: bool = False,
) -> PathResult:
    """Return every chain of authority links active in ``phase`` from ``source`` to ``target``.

    Without ``source``, chains start at every top authority.  Chains are found upward from
    the target over its superiors (the authority graph of a phase is acyclic, validated at
    load time); parallel links (e.g. OPCON and ADCON from the same commander) give separate
    chains.  Each chain's ``effective`` authority is the :func:`effective_authority` of its
    relations.  A target that is its own source, or that nothing reaches, has no path (an
    empty tuple, not an error).  With ``via_coordination``, the request routes of
    :func:`request_routes` follow the authority chains, marked ``kind="coordination"``.

    Unknown node or phase ids raise :class:`~c2graph.errors.QueryError` naming the closest
    ids.  Cost: linear in the model plus the size of the output (the number of chains can
    grow exponentially in a lattice of dual-hatted commanders, never in a tree).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> for path in authority_paths(model, "jp-gcc", phase="peacetime").paths:
    ...     print(" > ".join(path.nodes), path.effective)
    jp-pm > jp-mod > jp-gso > jp-gcc adcon
    jp-pm > jp-mod > jp-jjoc > jp-gcc command

    References
    ----------
    Joint Publication 1 (chain of command; command relationships).
    """
    model.node(target)
    if source is not None:
        model.node(source)
    graphs = phase_graphs(model, phase)
    paths = list(_authority_chains(graphs, target, source))
    if via_coordination:
        paths += request_routes(model, target, phase=phase, source=source)
    return PathResult(target, phase, source, tuple(sorted(paths, key=_path_key)))


def request_routes(
    model: Model,
    target: str,
    *,
    phase: str,
    source: str | None = None,
    max_links: int = DEFAULT_ROUTE_LINKS,
) -> tuple[AuthorityPath, ...]:
    """Return the shortest ways a request can travel to ``target`` across coordination links.

    A route follows authority links downward (commander to subordinate) and coordination
    links (support, coordination, liaison, counterpart, member) in either direction; it is
    a simple path that uses at least one coordination link (routes without one are
    authority chains, see :func:`authority_paths`).  For each source, only its shortest
    routes (every tie) of at most ``max_links`` links are returned.  Sources: ``source``,
    or else every top authority of another nation than the target's (how the ally's
    leadership can reach the target).  Routes carry ``kind="coordination"`` and
    ``effective="none"``: asking is not commanding.

    Cost: iterative deepening up to ``max_links``, pruned by breadth-first distances from
    the sources; output-sensitive (ties can be many where coordination is dense).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> for route in request_routes(model, "jp-gcc", phase="peacetime", source="us-usfj"):
    ...     print(" > ".join(route.nodes), route.relations, route.effective)
    us-usfj > jp-jjoc > jp-gcc ('coordination', 'command') none
    us-usfj > jp-jjoc > jp-gcc ('counterpart', 'command') none

    References
    ----------
    Joint Publication 1 (coordinating authority, direct liaison, support: no command
    authority passes); 2015 Guidelines for U.S.-Japan Defense Cooperation (ACM).
    """
    model.node(target)
    if source is not None:
        model.node(source)
    graphs = phase_graphs(model, phase)
    if target not in graphs.authority:
        return ()
    if source is not None:
        remaining = {source}
    else:
        nation = model.nodes[target].nation
        remaining = {t for t in graphs.tops if model.nodes[t].nation != nation}
    remaining.discard(target)
    routes: list[AuthorityPath] = []
    for length in range(1, max_links + 1):
        if not remaining:
            break
        found = list(_routes_of_length(graphs, target, remaining, length))
        routes += found
        remaining -= {route.nodes[0] for route in found}
    return tuple(sorted(routes, key=_path_key))


def _routes_of_length(
    graphs: PhaseGraphs, target: str, ends: set[str], length: int
) -> Iterator[AuthorityPath]:
    distance = _distance_from(graphs, ends, length)
    # Each frame: the route so far, from the target upward, as (node, relation, key, kind).
    stack: list[list[tuple[str, str, str, str]]] = [[(target, "", "", "")]]
    while stack:
        route = stack.pop()
        node = route[-1][0]
        links = len(route) - 1
        if links == length:
            if node in ends and any(step[3] == "c" for step in route[1:]):
                yield _route(route)
            continue
        on_route = {step[0] for step in route}
        steps = [
            (upper, rel, key, "a")
            for upper, pairs in _authority_superiors(graphs, node)
            for rel, key in pairs
        ]
        steps += [(other, rel, key, "c") for other, rel, key in graphs.coordination.get(node, ())]
        stack.extend(
            [*route, step]
            for step in steps
            if step[0] not in on_route and distance.get(step[0], length + 1) <= length - links - 1
        )


def _distance_from(graphs: PhaseGraphs, ends: set[str], limit: int) -> dict[str, int]:
    """Links from the nearest of ``ends`` to each node, going down authority links and
    either way along coordination links (breadth first, up to ``limit``)."""
    distance = dict.fromkeys(ends, 0)
    frontier = sorted(ends)
    for step in range(1, limit + 1):
        following = []
        for node in frontier:
            nexts = list(graphs.authority.successors(node)) if node in graphs.authority else []
            nexts += [other for other, _rel, _key in graphs.coordination.get(node, ())]
            for other in nexts:
                if other not in distance:
                    distance[other] = step
                    following.append(other)
        frontier = following
    return distance


def chain_of_command(model: Model, unit: str, *, phase: str) -> tuple[tuple[str, ...], ...]:
    """Return every chain of command from a top authority to ``unit`` as node tuples, sorted.

    Chains differing only in parallel links count once; they are listed by
    :class:`~c2graph.analysis.chains.CommandChains`.  Used to compare chains across phases
    and variants.  Unknown ids raise :class:`~c2graph.errors.QueryError` naming the
    closest ids.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> chain_of_command(model, "jp-gcc", phase="peacetime")
    (('jp-pm', 'jp-mod', 'jp-gso', 'jp-gcc'), ('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'))

    References
    ----------
    Joint Publication 1 (chain of command).
    """
    model.node(unit)
    return CommandChains(phase_graphs(model, phase).authority).nodes(unit)


def commanders(model: Model, unit: str, *, phase: str) -> Commanders:
    """Return who holds authority directly over ``unit`` in ``phase``.

    A warning is set when two or more distinct nodes hold an operational relation (command,
    COCOM, OPCON) over the unit in the same phase: the unit then breaks unity of command.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> result = commanders(model, "jp-gcc", phase="peacetime")
    >>> [(s.node, s.relation) for s in result.superiors], result.warning
    ([('jp-gso', 'adcon'), ('jp-jjoc', 'command')], None)

    References
    ----------
    Joint Publication 1 (principle of unity of command: one responsible commander).
    """
    model.node(unit)
    graphs = phase_graphs(model, phase)
    superiors = tuple(
        Superior(upper, relation, key)
        for upper, pairs in sorted(_authority_superiors(graphs, unit))
        for relation, key in pairs
    )
    operational = tuple(sorted({s.node for s in superiors if s.relation in OPERATIONAL_RELATIONS}))
    warning = None
    if len(operational) > 1:
        holders = ", ".join(
            f"{s.node} ({s.relation})" for s in superiors if s.relation in OPERATIONAL_RELATIONS
        )
        warning = (
            f"unity of command: {unit} has {len(operational)} operational commanders "
            f"in phase {phase!r}: {holders}"
        )
    return Commanders(unit, phase, superiors, operational, warning)


def reach(model: Model, authority: str, *, phase: str) -> Reach:
    """Return every node ``authority`` reaches over authority links in ``phase``.

    Each reached node lists the authorities that survive the chains to it (one per distinct
    outcome, strongest first; ``"none"`` when a chain passes on nothing, e.g. OPCON then
    ADCON).  Cost: linear in the part of the phase's authority graph below ``authority``.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(r.node, r.effective) for r in reach(model, "jp-mod", phase="peacetime").reached][:2]
    [('jp-adc', ('command', 'adcon')), ('jp-aso', ('command',))]

    References
    ----------
    Joint Publication 1 (command relationships and their composition).
    """
    model.node(authority)
    graphs = phase_graphs(model, phase)
    effective = reach_effective(graphs.authority, authority)
    return Reach(
        authority,
        phase,
        tuple(
            Reached(node, tuple(sorted(values, key=strength_key)))
            for node, values in sorted(effective.items())
        ),
    )


def _authority_superiors(
    graphs: PhaseGraphs, node: str
) -> Iterator[tuple[str, tuple[tuple[str, str], ...]]]:
    graph = graphs.authority
    if node not in graph:
        return
    for upper in graph.predecessors(node):
        yield upper, graph.edges[upper, node]["links"]


def _authority_chains(
    graphs: PhaseGraphs, target: str, source: str | None
) -> Iterator[AuthorityPath]:
    graph = graphs.authority
    if target not in graph or target == source:
        return
    allowed = nx.ancestors(graph, target)
    if source is not None:
        if source not in allowed:
            return
        allowed &= nx.descendants(graph, source) | {source}
    stack: list[tuple[str, ...]] = [(target,)]
    while stack:
        upward = stack.pop()
        node = upward[-1]
        uppers = [u for u in graph.predecessors(node) if u in allowed]
        if len(upward) > 1 and (node == source or (source is None and not uppers)):
            yield from _expand(graph, upward[::-1])
            continue
        stack.extend((*upward, u) for u in uppers)


def _expand(graph: nx.DiGraph, nodes: tuple[str, ...]) -> Iterator[AuthorityPath]:
    options = [graph.edges[u, v]["links"] for u, v in itertools.pairwise(nodes)]
    for choice in itertools.product(*options):
        relations = tuple(rel for rel, _ in choice)
        yield AuthorityPath(
            nodes, relations, tuple(key for _, key in choice), effective_authority(relations)
        )


def _route(route: list[tuple[str, str, str, str]]) -> AuthorityPath:
    steps = route[::-1]
    return AuthorityPath(
        nodes=tuple(step[0] for step in steps),
        relations=tuple(step[1] for step in steps[:-1]),
        links=tuple(step[2] for step in steps[:-1]),
        effective="none",
        kind="coordination",
    )


_RELATION_ORDER = {relation: i for i, relation in enumerate(RELATIONS)}


def _path_key(path: AuthorityPath) -> tuple[Any, ...]:
    ranks = tuple(_RELATION_ORDER[relation] for relation in path.relations)
    return (path.kind != "authority", len(path.nodes), path.nodes, ranks, path.links)
