"""Chains of authority in a phase: paths to a unit, its direct commanders, an authority's reach.

Every answer is computed on one layer (:class:`~c2graph.vocabulary.Layer`), the operational
layer by default: a chain of one layer uses only that layer's relations, so an ADCON line
is an administrative chain, never an alternative operational one (JP 1).  Authority
composes along a chain as Joint Publication 1 describes: a commander passes on no more than
it holds, so the authority that survives a chain is the :func:`~c2graph.vocabulary.meet` of
its links (OPCON then TACON leaves TACON; a conduit's ``transmits`` passes on what is above
it).  A chain stops at a combined or alliance body (:mod:`c2graph.analysis.sovereignty`):
each chain has a scope (national, combined, foreign) and says whose consent it rests on.
Coordination links carry no authority and never appear in an authority path;
:func:`request_routes` shows, apart, how a request can travel over them.

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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model
from ..vocabulary import (
    CONDUIT,
    OPERATIONAL_RELATIONS,
    meet,
)
from .chains import CommandChains, composed_upward, reach_effective
from .graphs import LayerView, phase_graphs, strength_key
from .pathrecords import (
    DEFAULT_LAYER,
    AuthorityPath,
    Commanders,
    PathResult,
    Superior,
    path_key,
)
from .plainpaths import check_authority_layer
from .sovereignty import chain_consent, consent, held_at_top, national_heads, scope

__all__ = [
    "DEFAULT_LAYER",
    "AuthorityPath",
    "Commanders",
    "PathResult",
    "Reach",
    "Reached",
    "Superior",
    "all_authority_paths",
    "authority_paths",
    "authority_view",
    "chain_of_command",
    "check_authority_layer",
    "commanders",
    "effective_authority",
    "path_key",
    "reach",
    "reach_consent",
    "top_authorities",
]


@dataclass(frozen=True)
class Reached(Displayable):
    """A node an authority reaches, with the authorities surviving its chains, strongest
    first, and the national heads whose consent that reach rests on (empty when the node is
    of the authority's own nation)."""

    node: str
    effective: tuple[str, ...]
    consent: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the reached node as JSON-ready data."""
        return {"node": self.node, "effective": list(self.effective), "consent": list(self.consent)}


@dataclass(frozen=True)
class Reach(Displayable):
    """Everything ``authority`` reaches over the links of ``layer`` in ``phase``, by node id."""

    authority: str
    phase: str
    reached: tuple[Reached, ...]
    layer: str = DEFAULT_LAYER

    def to_dict(self) -> dict[str, Any]:
        """Return the reach as JSON-ready data."""
        return {
            "authority": self.authority,
            "phase": self.phase,
            "layer": self.layer,
            "reached": [r.to_dict() for r in self.reached],
        }


def effective_authority(relations: tuple[str, ...] | list[str], *, held: str = "command") -> str:
    """Return the authority surviving a chain of authority relations, top first (JP 1).

    ``held`` is what the chain's first node holds: ``"command"`` for a top authority;
    ``"transmits"`` (the identity) for a node whose own authority is only what its links
    carry.

    Example
    -------
    >>> effective_authority(["command", "opcon", "tacon"])
    'tacon'
    >>> effective_authority(["opcon", "adcon"])
    'none'
    >>> effective_authority(["transmits"]), effective_authority(["transmits"], held="transmits")
    ('command', 'transmits')

    References
    ----------
    Joint Publication 1, *Doctrine for the Armed Forces of the United States* (command
    relationships: a commander delegates no more authority than it holds).
    """
    result = held
    for relation in relations:
        result = meet(result, relation)
    return result


def authority_view(model: Model, *, phase: str, layer: str = DEFAULT_LAYER) -> LayerView:
    """Return the view of an authority layer of ``phase`` (or of ``"all"``), where chains of
    command run.

    Raises :class:`~c2graph.errors.QueryError` for an unknown phase or layer, and for a
    layer without authority (support, coordination, information), naming the choices.

    Example
    -------
    >>> from c2graph import load_model
    >>> view = authority_view(load_model("models/us-japan-2025.yaml"), phase="peacetime")
    >>> view.layer, view.heads
    ('operational', ('jp-pm', 'us-president'))
    """
    check_authority_layer(layer)
    return phase_graphs(model, phase).layer(layer)


def top_authorities(model: Model, *, phase: str, layer: str = DEFAULT_LAYER) -> tuple[str, ...]:
    """Return the tops of the chains of ``layer`` in a phase, sorted by id.

    A top has at least one outgoing and no incoming link of the layer on its chains: a
    national head (e.g. a head of government), or a combined body whose direction by the
    nations is not composed through (:mod:`c2graph.analysis.sovereignty`).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> top_authorities(model, phase="peacetime")
    ('jp-pm', 'us-president')
    >>> top_authorities(model, phase="peacetime", layer="all")
    ('jp-pm', 'us-president')
    """
    return authority_view(model, phase=phase, layer=layer).tops


def authority_paths(
    model: Model,
    target: str,
    *,
    phase: str,
    source: str | None = None,
    via_coordination: bool = False,
    layer: str = DEFAULT_LAYER,
) -> PathResult:
    """Return every chain of ``layer`` active in ``phase`` from ``source`` to ``target``.

    In an authority layer (operational, administrative, civil, or ``"all"`` for every
    authority relation mixed), chains start at every top of the layer, or at ``source``;
    they are found upward from the target over its superiors (the authority graph of a
    phase is acyclic, validated at load time); parallel links give separate chains.  A
    chain stops at a combined body (:mod:`c2graph.analysis.sovereignty`), so each has a
    ``scope`` and the ``consent`` it rests on; its ``effective`` authority is the
    :func:`effective_authority` of its relations from what its top holds
    (:func:`~c2graph.analysis.sovereignty.held_at_top`; a ``source`` below the top holds
    only what its links carry).  In a layer without authority, the paths are the links of
    that layer touching the target (``kind="link"``).  A target that is its own source, or
    that nothing reaches, has no path (an empty tuple, not an error).  With
    ``via_coordination``, the request routes of
    :func:`~c2graph.analysis.routes.request_routes` follow.

    Unknown node, phase or layer ids raise :class:`~c2graph.errors.QueryError` naming the
    closest ids.  Cost: linear in the model plus the size of the output (the number of
    chains can grow exponentially in a lattice of dual-hatted commanders, never in a tree).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> for path in authority_paths(model, "jp-gcc", phase="peacetime").paths:
    ...     print(" > ".join(path.nodes), path.effective, path.scope)
    jp-pm > jp-mod > jp-jjoc > jp-gcc command national
    >>> [p.nodes for p in authority_paths(model, "jp-gcc", phase="peacetime",
    ...                                    layer="administrative").paths]
    [('jp-gso', 'jp-gcc')]

    References
    ----------
    Joint Publication 1 (chain of command; command relationships); Joint Publication 3-16
    (national command of forces under multinational command).
    """
    model.node(target)
    if source is not None:
        model.node(source)
    view = phase_graphs(model, phase).layer(layer)
    if view.is_authority:
        paths = list(_chains_to(view, target, source))
    else:
        paths = list(_links_of(view, target, source))
    if via_coordination:
        from .routes import request_routes

        paths += request_routes(model, target, phase=phase, source=source)
    return PathResult(target, phase, source, tuple(sorted(paths, key=path_key)), str(layer))


def all_authority_paths(
    model: Model, targets: Iterable[str], *, phase: str, layer: str = DEFAULT_LAYER
) -> dict[str, PathResult]:
    """Return the :func:`authority_paths` of each of ``targets`` in ``phase`` and ``layer``,
    from every top, in one pass: the same answers, keyed by target in the order given.

    In an authority layer the chains are composed downward once per node above the targets
    (each node's chains are its superiors' chains, each extended by every link into it, the
    authority met along the way as :func:`effective_authority` does), so listing the chains
    of every force of an order of battle costs the size of the answers, where one
    :func:`authority_paths` call per force searches upward again from each.  A combined
    top's held authority, its consent and a foreign chain's consent are found once per top
    and per target.  In a layer without authority, each target's links.

    Unknown node, phase or layer ids raise :class:`~c2graph.errors.QueryError` naming the
    closest ids.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> found = all_authority_paths(model, ["jp-gcc", "jp-pm"], phase="peacetime")
    >>> [(p.nodes, p.effective) for p in found["jp-gcc"].paths], found["jp-pm"].paths
    ([(('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'), 'command')], ())
    >>> found["jp-gcc"] == authority_paths(model, "jp-gcc", phase="peacetime")
    True

    References
    ----------
    Joint Publication 1 (chain of command; command relationships); Joint Publication 3-16
    (national command of forces under multinational command).
    """
    wanted = list(dict.fromkeys(targets))
    for target in wanted:
        model.node(target)
    view = phase_graphs(model, phase).layer(layer)
    if not view.is_authority:
        return {t: _result(t, phase, layer, _links_of(view, t, None)) for t in wanted}
    above = _Above(view)
    return {t: _result(t, phase, layer, above.paths(t)) for t in wanted}


def _result(target: str, phase: str, layer: str, paths: Iterable[AuthorityPath]) -> PathResult:
    return PathResult(target, phase, None, tuple(sorted(paths, key=path_key)), str(layer))


#: A chain from a top down to a node as composed so far: its nodes, relations, link keys,
#: the authority surviving it, and the one nation of all its nodes (``None`` if several).
_Partial = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str | None]


class _Above:
    """The chains from the tops of one authority layer down to its nodes, memoised."""

    def __init__(self, view: LayerView) -> None:
        self.view = view
        self.memo: dict[str, tuple[_Partial, ...]] = {}
        self.consent: dict[str, tuple[str, ...]] = {}

    def paths(self, target: str) -> Iterator[AuthorityPath]:
        """The chains of ``target`` as :func:`authority_paths` gives them (unsorted)."""
        view = self.view
        graph = view.chains
        if target not in graph or not graph._pred[target]:
            return
        for nodes, relations, keys, effective, nation in self._partials(target):
            top = nodes[0]
            if view.is_collective(top):
                found = "combined"
                if top not in self.consent:
                    self.consent[top] = consent(view, top)
                agreed = self.consent[top]
            elif nation is not None:
                found, agreed = "national", ()
            else:
                found, agreed = "foreign", national_heads(view, target)
            yield AuthorityPath(
                nodes, relations, keys, effective, "authority", view.layer, found, agreed
            )

    def _partials(self, node: str) -> tuple[_Partial, ...]:
        """Every chain down to ``node``, composed over its superiors (memoised)."""
        memo, view = self.memo, self.view
        nation = view.nation

        def compose(current: str, uppers: Mapping[str, Any]) -> tuple[_Partial, ...]:
            own = nation[current]
            if not uppers:
                return (((current,), (), (), held_at_top(view, current), own),)
            return tuple(
                (
                    (*nodes, current),
                    (*relations, relation),
                    (*keys, key),
                    meet(held, relation),
                    one if one == own else None,
                )
                for upper, data in uppers.items()
                for nodes, relations, keys, held, one in memo[upper]
                for relation, key in data["links"]
            )

        return composed_upward(view.chains._pred, node, memo, compose)


def chain_of_command(
    model: Model, unit: str, *, phase: str, layer: str = DEFAULT_LAYER
) -> tuple[tuple[str, ...], ...]:
    """Return every chain of ``layer`` from a top to ``unit`` as node tuples, sorted.

    Chains differing only in parallel links count once; they are listed by
    :class:`~c2graph.analysis.chains.CommandChains` over the layer's sovereign chains
    (:attr:`~c2graph.analysis.graphs.LayerView.chains`).  Used to compare chains across
    phases and variants.  Unknown ids, or a layer without authority, raise
    :class:`~c2graph.errors.QueryError`.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> chain_of_command(model, "jp-gcc", phase="peacetime")
    (('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'),)
    >>> chain_of_command(model, "jp-gcc", phase="peacetime", layer="all")
    (('jp-pm', 'jp-mod', 'jp-gso', 'jp-gcc'), ('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'))

    References
    ----------
    Joint Publication 1 (chain of command).
    """
    model.node(unit)
    return CommandChains(authority_view(model, phase=phase, layer=layer).chains).nodes(unit)


def commanders(model: Model, unit: str, *, phase: str, layer: str = DEFAULT_LAYER) -> Commanders:
    """Return who holds authority directly over ``unit`` in ``phase`` and ``layer``.

    The superiors are the unit's incoming links of the layer (none when the unit is not
    active in the phase).  A conduit (``transmits``) is
    never an operational commander: its ``holders`` are the nodes whose authority it passes
    on, found up through conduits.  A warning is set when two or more distinct nodes hold an
    operational relation (command, COCOM, OPCON) over the unit in the same phase: the unit
    then breaks unity of command.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> result = commanders(model, "jp-gcc", phase="peacetime", layer="all")
    >>> [(s.node, s.relation) for s in result.superiors], result.operational, result.warning
    ([('jp-gso', 'adcon'), ('jp-jjoc', 'command')], ('jp-jjoc',), None)

    References
    ----------
    Joint Publication 1 (principle of unity of command: one responsible commander);
    SDF Law Art. 9 before 2025 (the Chief of Staff, Joint Staff executes the Minister's
    orders).
    """
    model.node(unit)
    graph = authority_view(model, phase=phase, layer=layer).graph
    above = sorted(graph.predecessors(unit)) if unit in graph else []  # not in the phase: none
    superiors = tuple(
        Superior(upper, relation, key, _holders(graph, upper, relation))
        for upper in above
        for relation, key in graph.edges[upper, unit]["links"]
    )
    held = [(h, s) for s in superiors for h in s.holders if _commands(graph, h, s)]
    return Commanders.held(unit, phase, superiors, held, str(layer))


def _holders(graph: nx.DiGraph, upper: str, relation: str) -> tuple[str, ...]:
    """The nodes whose authority a link of ``relation`` from ``upper`` passes on."""
    if relation != CONDUIT:
        return (upper,)
    found: set[str] = set()
    for above in graph.predecessors(upper):
        for rel, _key in graph.edges[above, upper]["links"]:
            found.update(_holders(graph, above, rel))
    return tuple(sorted(found)) or (upper,)


def _commands(graph: nx.DiGraph, holder: str, superior: Superior) -> bool:
    """True when ``holder`` is an operational commander through ``superior``'s link."""
    if superior.relation != CONDUIT:
        return superior.relation in OPERATIONAL_RELATIONS
    if holder == superior.node:
        return False
    return any(
        rel in OPERATIONAL_RELATIONS or rel == CONDUIT
        for upper in graph.successors(holder)
        if nx.has_path(graph, upper, superior.node)
        for rel, _key in graph.edges[holder, upper]["links"]
    )


def reach(model: Model, authority: str, *, phase: str, layer: str = DEFAULT_LAYER) -> Reach:
    """Return every node ``authority`` reaches over the links of ``layer`` in ``phase``.

    Each reached node lists the authorities that survive the chains to it (one per distinct
    outcome, strongest first; ``"none"`` when a chain passes on nothing, e.g. OPCON then
    ADCON in ``"all"``).  Chains stop at a combined body, so a national head never reaches
    forces under a combined headquarters; a combined body's reach rests on the consent of
    the heads directing it, and a reach into another nation's forces (only over an explicit
    link of that nation's node) on the consent of that nation's heads.  Cost: linear in the
    part of the layer below ``authority``.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(r.node, r.effective) for r in reach(model, "jp-mod", phase="peacetime").reached][:3]
    [('jp-adc', ('command',)), ('jp-aegis-bmd', ('command', 'opcon')), ('jp-aso', ('command',))]
    >>> cfc = load_model("models/us-rok-cfc.yaml")
    >>> [r.to_dict() for r in reach(cfc, "al-cfc", phase="wartime").reached][0]
    {'node': 'kr-forces', 'effective': ['opcon'], 'consent': ['kr-president', 'us-president']}

    References
    ----------
    Joint Publication 1 (command relationships and their composition); Joint Publication
    3-16 (multinational command).
    """
    model.node(authority)
    view = authority_view(model, phase=phase, layer=layer)
    held = held_at_top(view, authority) if authority in view.tops else CONDUIT
    effective = reach_effective(view.chains, authority, held=held)
    return Reach(
        authority,
        phase,
        tuple(
            Reached(
                node,
                tuple(sorted(values, key=strength_key)),
                reach_consent(view, authority, node),
            )
            for node, values in sorted(effective.items())
        ),
        str(layer),
    )


def reach_consent(view: LayerView, authority: str, node: str) -> tuple[str, ...]:
    """Return whose consent ``authority``'s reach of ``node`` rests on: the heads directing
    a combined ``authority``, the own heads of a node of another nation, or ``()``.

    Example
    -------
    >>> from c2graph import load_model
    >>> view = authority_view(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> reach_consent(view, "al-mcm", "us-kr-forces"), reach_consent(view, "kr-mnd", "kr-jcs")
    (('kr-president', 'us-president'), ())
    """
    if view.is_collective(authority):
        return consent(view, authority)
    if view.nation[node] != view.nation[authority] and not view.is_collective(node):
        return national_heads(view, node)
    return ()


def _chains_to(view: LayerView, target: str, source: str | None) -> Iterator[AuthorityPath]:
    graph = view.chains
    if target == source or target not in graph or not graph.in_degree(target):
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
            yield from _expand(view, upward[::-1])
            continue
        stack.extend((*upward, u) for u in uppers)


def _expand(view: LayerView, nodes: tuple[str, ...]) -> Iterator[AuthorityPath]:
    graph = view.chains
    top = nodes[0]
    held = held_at_top(view, top) if top in view.tops else CONDUIT
    found, agreed = scope(view, nodes), chain_consent(view, nodes)
    options = [graph.edges[u, v]["links"] for u, v in itertools.pairwise(nodes)]
    for choice in itertools.product(*options):
        relations = tuple(rel for rel, _ in choice)
        yield AuthorityPath(
            nodes,
            relations,
            tuple(key for _, key in choice),
            effective_authority(relations, held=held),
            "authority",
            view.layer,
            found,
            agreed,
        )


def _links_of(view: LayerView, target: str, source: str | None) -> Iterator[AuthorityPath]:
    """The links of a layer without authority that touch ``target`` (from ``source``)."""
    graph = view.graph
    if target not in graph:  # not active in the phase: it has no links in it
        return
    ends = [(u, target) for u in graph.predecessors(target)]
    ends += [(target, v) for v in graph.successors(target)]
    for u, v in ends:
        if source is None or source in (u, v):
            for relation, key in graph.edges[u, v]["links"]:
                yield AuthorityPath((u, v), (relation,), (key,), "none", "link", view.layer, None)
