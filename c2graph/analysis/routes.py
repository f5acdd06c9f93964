"""Request routes: how a request can travel to a node across coordination links, landing
where a commander can act on it.

Asking is not commanding: a route follows authority links down and coordination links
either way, and carries no authority (JP 1: coordinating authority, direct liaison and
support pass none).

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jp", "name": "JP HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "ju", "name": "JP unit", "nation": "JP", "kind": "unit"},
...               {"id": "us", "name": "US HQ", "nation": "US", "kind": "headquarters"},
...               {"id": "uu", "name": "US unit", "nation": "US", "kind": "unit"}],
...     "links": [{"from": "jp", "to": "ju", "relation": "opcon"},
...               {"from": "us", "to": "uu", "relation": "opcon"},
...               {"from": "jp", "to": "us", "relation": "liaison"}]})
>>> [r.nodes for r in request_routes(model, "ju", phase="p")]
[('us', 'jp', 'ju')]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Model
from ..vocabulary import Layer
from .frictions import forces_commanded
from .graphs import LayerView, phase_graphs
from .paths import AuthorityPath, path_key

__all__ = ["DEFAULT_ROUTE_LINKS", "request_routes"]

#: Longest request route (in links) that :func:`request_routes` searches by default.
DEFAULT_ROUTE_LINKS = 6


def request_routes(
    model: Model,
    target: str,
    *,
    phase: str,
    source: str | None = None,
    max_links: int = DEFAULT_ROUTE_LINKS,
) -> tuple[AuthorityPath, ...]:
    """Return the shortest ways a request can travel to ``target`` across coordination links.

    A route follows operational authority links downward (commander to subordinate, on
    the sovereign chains of :func:`authority_paths`) and links of the coordination layer
    (coordination, liaison, counterpart, member) in either direction; it is a simple path
    that uses at least one coordination link.  The request must land where it can be
    acted on: the node reached by the last coordination link holds operational authority
    (command, COCOM, OPCON or TACON) over some force, and the rest of the route is that
    node's chain down to ``target``.  So a route never ends at a body that only
    coordinates (a headquarters without forces, a forum).  For each source, only its
    shortest routes (every tie) of at most ``max_links`` links are returned.  Sources:
    ``source``, or else every national head of another country than the target's (how the
    ally's leadership can reach the target).  Routes carry ``kind="coordination"`` and
    ``effective="none"``: asking is not commanding.

    Cost: iterative deepening up to ``max_links``, pruned by breadth-first distances from
    the sources; output-sensitive (ties can be many where coordination is dense).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> for route in request_routes(model, "us-5af", phase="peacetime", source="jp-jjoc"):
    ...     print(" > ".join(route.nodes), route.relations)
    jp-jjoc > us-indopacom > us-pacaf > us-5af ('counterpart', 'cocom', 'opcon')

    References
    ----------
    Joint Publication 1 (coordinating authority, direct liaison, support: no command
    authority passes); 2015 Guidelines for U.S.-Japan Defense Cooperation (ACM).
    """
    model.node(target)
    if source is not None:
        model.node(source)
    graphs = phase_graphs(model, phase)
    view = graphs.layer(Layer.OPERATIONAL)
    if target not in view.graph:
        return ()
    if source is not None:
        remaining = {source}
    else:
        nation = model.nodes[target].nation
        remaining = {h for h in view.heads if model.nodes[h].nation != nation}
        remaining = {h for h in remaining if not view.is_collective(h)}
    remaining.discard(target)
    routes: list[AuthorityPath] = []
    steps = _RouteSteps(view, graphs.layer(Layer.COORDINATION))
    for length in range(1, max_links + 1):
        if not remaining:
            break
        found = list(steps.routes(target, remaining, length))
        routes += found
        remaining -= {route.nodes[0] for route in found}
    return tuple(sorted(routes, key=path_key))


class _RouteSteps:
    """The steps a request route may take: down the sovereign operational chains, or
    either way along a coordination-layer link; and which nodes a request may land on."""

    def __init__(self, operational: LayerView, coordination: LayerView) -> None:
        self.down = operational.chains
        self.links: dict[str, list[tuple[str, str, str]]] = {}
        graph = coordination.graph
        for u, v, pairs in graph.edges(data="links"):
            for relation, key in pairs:
                self.links.setdefault(u, []).append((v, relation, key))
                self.links.setdefault(v, []).append((u, relation, key))
        held = forces_commanded(operational)
        self.landing = {n for n, authority in held.items() if authority in _ACTING}

    def routes(self, target: str, ends: set[str], length: int) -> Iterator[AuthorityPath]:
        """Every route of exactly ``length`` links from one of ``ends`` to ``target``."""
        distance = self._distance_from(ends, length)
        # Each frame: the route so far, from the target upward, as (node, relation, key,
        # kind); kind "a" for an authority step, "c" for a coordination step.
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
            stack.extend(
                [*route, step]
                for step in self._steps(route)
                if step[0] not in on_route
                and distance.get(step[0], length + 1) <= length - links - 1
            )

    def _steps(self, route: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
        """The next steps upward from the route's last node (toward the source): up an
        authority link, or along a coordination link once the request has landed."""
        node = route[-1][0]
        found = [
            (upper, rel, key, "a")
            for upper in self.down.predecessors(node)
            for rel, key in self.down.edges[upper, node]["links"]
        ]
        if node in self.landing or any(step[3] == "c" for step in route[1:]):
            found += [(other, rel, key, "c") for other, rel, key in self.links.get(node, ())]
        return found

    def _distance_from(self, ends: set[str], limit: int) -> dict[str, int]:
        """Links from the nearest of ``ends`` to each node, going down authority links and
        either way along coordination links (breadth first, up to ``limit``)."""
        distance = dict.fromkeys(ends, 0)
        frontier = sorted(ends)
        for step in range(1, limit + 1):
            following = []
            for node in frontier:
                nexts = list(self.down.successors(node)) if node in self.down else []
                nexts += [other for other, _rel, _key in self.links.get(node, ())]
                for other in nexts:
                    if other not in distance:
                        distance[other] = step
                        following.append(other)
            frontier = following
        return distance


#: Authorities a request may land on: a holder of one can order a force to act.
_ACTING = frozenset({"command", "cocom", "opcon", "tacon"})


def _route(route: list[tuple[str, str, str, str]]) -> AuthorityPath:
    steps = route[::-1]
    return AuthorityPath(
        nodes=tuple(step[0] for step in steps),
        relations=tuple(step[1] for step in steps[:-1]),
        links=tuple(step[2] for step in steps[:-1]),
        effective="none",
        kind="coordination",
        layer=Layer.COORDINATION.value,
        scope=None,
    )
