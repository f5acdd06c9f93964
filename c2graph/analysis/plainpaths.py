"""Chains of authority to one unit, found on plain dicts of the links of a small model.

``c2graph path`` asks about one unit.  On the part of the model above it
(:func:`~c2graph.analysis.upward.upward_model`: a few dozen links, whatever the size of
the order of battle) the functions here give what
:func:`~c2graph.analysis.paths.authority_paths`,
:func:`~c2graph.analysis.paths.commanders` and
:func:`~c2graph.analysis.sovereignty.force_scopes` (of one unit) give: the same records,
by the same rules, found on dicts of the phase's links instead of networkx graphs, so that
the command never imports networkx (a third of its start-up).  Property tests hold every
answer equal to the networkx one, on random models and on every node, phase and layer of
the shipped models.  Each answer walks the layer's links of the whole model it is given:
ask them of a part, not of a large model.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis.upward import upward_model
>>> part = upward_model(load_model("models/us-japan-2025.yaml"), "peacetime", ["jp-gcc"])
>>> [(p.nodes, p.effective) for p in unit_paths(part, "jp-gcc", phase="peacetime").paths]
[(('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc'), 'command')]
>>> [s.node for s in unit_commanders(part, "jp-gcc", phase="peacetime").superiors]
['jp-jjoc']
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..errors import QueryError
from ..model import Model
from ..vocabulary import (
    ALL_LAYERS,
    AUTHORITY_LAYERS,
    AUTHORITY_ORDER,
    CONDUIT,
    FORCE_KINDS,
    OPERATIONAL_RELATIONS,
    RELATIONS,
    SPECIAL_NATIONS,
    carries_authority,
    layer_relations,
    meet,
)
from ._cache import PhaseCache
from .pathrecords import (
    DEFAULT_LAYER,
    AuthorityPath,
    Commanders,
    ForceScope,
    PathResult,
    ScopedChain,
    Superior,
    path_key,
)
from .walks import composed_upward

__all__ = ["check_authority_layer", "unit_commanders", "unit_force_scope", "unit_paths"]

#: The ``(relation, key)`` links joining two nodes, in the order the layer views list them.
_Links = tuple[tuple[str, str], ...]
#: Each node's neighbours (successors or predecessors) with the links joining them.
_Adjacency = dict[str, dict[str, _Links]]


class _Layer:
    """One layer of one phase as adjacency dicts, as :class:`~c2graph.analysis.graphs.LayerView`
    has it: ``succ`` and ``pred`` of its graph (every node active in the phase), ``up`` and
    ``down`` of its sovereign chains (the graph without the links from a national node into
    a collective one), ``tops`` of the chains and ``heads`` of the graph, sorted."""

    def __init__(self, model: Model, phase: str, layer: str) -> None:
        relations = layer_relations(layer)
        self.layer = str(layer)
        self.is_authority = carries_authority(layer)
        records = model.nodes
        self.forces = frozenset(
            n for n, r in records.items() if phase in r.phases and r.kind in FORCE_KINDS
        )
        found: defaultdict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for link in model.links:
            if (
                phase in link.phases
                and link.relation in relations
                and link.is_authority == self.is_authority
            ):
                found[link.from_node, link.to_node].append((link.relation, link.key))
        order = _strength_order if self.is_authority else _vocabulary_order
        succ: _Adjacency = {n: {} for n, r in records.items() if phase in r.phases}
        pred: _Adjacency = {n: {} for n in succ}
        for (u, v), links in found.items():
            for end in (u, v):
                succ.setdefault(end, {})
                pred.setdefault(end, {})
            succ[u][v] = pred[v][u] = tuple(sorted(links, key=order))
        self.succ, self.pred = succ, pred
        self.nation = {n: records[n].nation for n in succ}
        direction = {
            (u, v)
            for u, below in succ.items()
            for v in below
            if self.is_authority and self.is_collective(v) and not self.is_collective(u)
        }
        self.down = {
            u: {v: k for v, k in b.items() if (u, v) not in direction} for u, b in succ.items()
        }
        self.up = {
            v: {u: k for u, k in a.items() if (u, v) not in direction} for v, a in pred.items()
        }
        self.tops = tuple(sorted(n for n, below in self.down.items() if below and not self.up[n]))
        self.heads = tuple(sorted(n for n, below in succ.items() if below and not pred[n]))

    def is_collective(self, node: str) -> bool:
        """True for a node of nation ``alliance`` or ``multinational``."""
        return self.nation[node] in SPECIAL_NATIONS


def _without(near: _Adjacency, cut: set[tuple[str, str]], *, tail: bool) -> _Adjacency:
    """``near`` (successors if ``tail``, else predecessors) without the links ``cut``."""
    if not cut:
        return near
    return {
        node: {
            other: links
            for other, links in others.items()
            if ((node, other) if tail else (other, node)) not in cut
        }
        for node, others in near.items()
    }


def _layers(model: Model, phase: str) -> dict[str, _Layer]:
    model.situation(phase)
    return {}


_LAYERS = PhaseCache(_layers)


def _layer(model: Model, phase: str, layer: str) -> _Layer:
    """The layer of ``phase`` (checked first, then ``layer``), built once per model."""
    views = _LAYERS(model, phase)
    if layer not in views:
        views[layer] = _Layer(model, phase, layer)
    return views[layer]


def unit_paths(
    model: Model,
    target: str,
    *,
    phase: str,
    source: str | None = None,
    layer: str = DEFAULT_LAYER,
) -> PathResult:
    """Return :func:`~c2graph.analysis.paths.authority_paths` of ``target`` (without
    request routes), found on plain dicts.

    The same result, ids checked in the same order (``target``, ``source``, the phase,
    the layer), each raising :class:`~c2graph.errors.QueryError` naming the closest ids.

    Example
    -------
    >>> from c2graph import load_model
    >>> cfc = load_model("models/us-rok-cfc.yaml")
    >>> [p.to_dict()["consent"] for p in unit_paths(cfc, "kr-forces", phase="wartime").paths]
    [['kr-president', 'us-president']]
    """
    model.node(target)
    if source is not None:
        model.node(source)
    view = _layer(model, phase, layer)
    found = (
        _chains_to(view, target, source) if view.is_authority else _links_of(view, target, source)
    )
    return PathResult(target, phase, source, tuple(sorted(found, key=path_key)), view.layer)


def unit_commanders(
    model: Model, unit: str, *, phase: str, layer: str = DEFAULT_LAYER
) -> Commanders:
    """Return :func:`~c2graph.analysis.paths.commanders` of ``unit``, found on plain dicts.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> found = unit_commanders(model, "jp-gcc", phase="peacetime", layer="all")
    >>> [(s.node, s.relation) for s in found.superiors], found.operational, found.warning
    ([('jp-gso', 'adcon'), ('jp-jjoc', 'command')], ('jp-jjoc',), None)
    """
    model.node(unit)
    check_authority_layer(layer)
    view = _layer(model, phase, layer)
    pred = view.pred
    superiors = tuple(
        Superior(upper, relation, key, _holders(pred, upper, relation))
        for upper in sorted(pred.get(unit, ()))
        for relation, key in pred[unit][upper]
    )
    held = [(h, s) for s in superiors for h in s.holders if _commands(view, h, s)]
    return Commanders.held(unit, phase, superiors, held, view.layer)


def unit_force_scope(
    model: Model, unit: str, *, phase: str, layer: str = DEFAULT_LAYER
) -> tuple[ForceScope, ...]:
    """Return :func:`~c2graph.analysis.sovereignty.force_scopes` with ``unit``, found on
    plain dicts: the unit's entry if it is a national force under a combined or foreign
    chain of ``layer``, or one reached by chains of the layer but by no national one.

    Example
    -------
    >>> from c2graph import load_model
    >>> cfc = load_model("models/us-rok-cfc.yaml")
    >>> [f.warnings for f in unit_force_scope(cfc, "kr-forces", phase="wartime")]
    [('kr-forces (KR) has no national chain in this layer',)]
    """
    view = _layer(model, phase, layer)
    starts = {t for t in view.tops if view.is_collective(t)}
    starts |= {
        v for u, below in view.down.items() for v in below if view.nation[u] != view.nation[v]
    }
    if unit not in view.forces or view.is_collective(unit):
        return ()
    if not starts & (_above(view.up, unit) | {unit}):
        return ()
    every = _chains_above(view, unit)
    own = tuple(c for c in every if _scope(view, c) == "national")
    shared = tuple(
        ScopedChain(c, _scope(view, c), _chain_consent(view, c))
        for c in every
        if _scope(view, c) != "national"
    )
    if shared or not _family_tops_above(view, unit):
        return (ForceScope(unit, view.nation[unit], own, shared),)
    return ()


def check_authority_layer(layer: str) -> str:
    """Return ``layer`` if chains of command run in it, else raise
    :class:`~c2graph.errors.QueryError` naming the layers that carry authority.

    Example
    -------
    >>> check_authority_layer("civil")
    'civil'
    >>> check_authority_layer("support")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    c2graph.errors.QueryError: the support layer carries no authority, ...
    """
    if not carries_authority(layer):
        choices = ", ".join([*(lay.value for lay in AUTHORITY_LAYERS), ALL_LAYERS])
        raise QueryError(
            f"the {layer} layer carries no authority, so it has no chains of command; "
            f"expected one of {choices}"
        )
    return str(layer)


def _chains_to(view: _Layer, target: str, source: str | None) -> Iterator[AuthorityPath]:
    """The chains of an authority layer from ``source`` (or every top) to ``target``."""
    up = view.up
    if target == source or target not in up or not up[target]:
        return
    allowed = _above(up, target)
    if source is not None:
        if source not in allowed:
            return
        allowed &= _above(view.down, source) | {source}
    stack: list[tuple[str, ...]] = [(target,)]
    while stack:
        upward = stack.pop()
        node = upward[-1]
        uppers = [u for u in up[node] if u in allowed]
        if len(upward) > 1 and (node == source or (source is None and not uppers)):
            yield from _expand(view, upward[::-1])
            continue
        stack.extend((*upward, u) for u in uppers)


def _expand(view: _Layer, nodes: tuple[str, ...]) -> Iterator[AuthorityPath]:
    """Every chain through ``nodes`` (top first), one per choice of parallel links."""
    top = nodes[0]
    held = _held_at_top(view, top) if top in view.tops else CONDUIT
    found, agreed = _scope(view, nodes), _chain_consent(view, nodes)
    options = [view.down[u][v] for u, v in itertools.pairwise(nodes)]
    for choice in itertools.product(*options):
        relations = tuple(rel for rel, _ in choice)
        effective = held
        for relation in relations:
            effective = meet(effective, relation)
        keys = tuple(key for _, key in choice)
        yield AuthorityPath(
            nodes, relations, keys, effective, "authority", view.layer, found, agreed
        )


def _links_of(view: _Layer, target: str, source: str | None) -> Iterator[AuthorityPath]:
    """The links of a layer without authority that touch ``target`` (from ``source``)."""
    if target not in view.succ:
        return
    ends = [(u, target, links) for u, links in view.pred[target].items()]
    ends += [(target, v, links) for v, links in view.succ[target].items()]
    for u, v, links in ends:
        if source is None or source in (u, v):
            for relation, key in links:
                yield AuthorityPath((u, v), (relation,), (key,), "none", "link", view.layer, None)


def _above(step: Mapping[str, Iterable[str]], node: str) -> set[str]:
    """The nodes reached from ``node`` over ``step`` (predecessors: its ancestors)."""
    found: set[str] = set()
    stack = [node]
    while stack:
        for other in step[stack.pop()]:
            if other not in found:
                found.add(other)
                stack.append(other)
    return found


def _scope(view: _Layer, nodes: tuple[str, ...]) -> str:
    """The scope of a chain, as :func:`~c2graph.analysis.sovereignty.scope` gives it."""
    if view.is_collective(nodes[0]):
        return "combined"
    nation = view.nation[nodes[-1]]
    return "national" if all(view.nation[n] == nation for n in nodes) else "foreign"


def _chain_consent(view: _Layer, nodes: tuple[str, ...]) -> tuple[str, ...]:
    """Whose consent a chain rests on (:func:`~c2graph.analysis.sovereignty.chain_consent`)."""
    found = _scope(view, nodes)
    if found == "combined":
        return _consent(view, nodes[0])
    if found == "foreign":
        return _national_heads(view, nodes[-1])
    return ()


def _consent(view: _Layer, node: str) -> tuple[str, ...]:
    """The national heads above a collective ``node`` in the layer's graph, sorted."""
    if not view.is_collective(node):
        return ()
    above = _above(view.pred, node)
    return tuple(h for h in view.heads if h in above and not view.is_collective(h))


def _national_heads(view: _Layer, unit: str) -> tuple[str, ...]:
    """The heads of ``unit``'s nation above it on its national chains, else every one."""
    nation = view.nation[unit]
    own = tuple(h for h in view.heads if view.nation[h] == nation)
    above = _family_tops_above(view, unit)
    return tuple(h for h in own if h in above) or own


def _family_tops_above(view: _Layer, unit: str) -> set[str]:
    """The tops of the family of ``unit``'s nation (its heads with a chain link to a node
    of the nation) from which ``unit`` is reached over chain links within the nation: the
    tops :attr:`~c2graph.analysis.sovereignty.Family.tops_above` gives."""
    nation = view.nation
    country = nation[unit]
    if country in SPECIAL_NATIONS:
        return set()
    tops = {
        h
        for h in view.heads
        if nation[h] == country and any(nation[v] == country for v in view.down[h])
    }
    within = {
        v: [u for u in uppers if nation[u] == country]
        for v, uppers in view.up.items()
        if nation[v] == country
    }
    return (_above(within, unit) | {unit}) & tops


def _held_at_top(view: _Layer, top: str) -> str:
    """What the top of a chain holds (:func:`~c2graph.analysis.sovereignty.held_at_top`)."""
    pred = view.pred
    memo: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}

    def compose(current: str, uppers: Mapping[str, _Links]) -> frozenset[Any]:
        if not uppers:
            return frozenset({((current,), "command")})
        return frozenset(
            ((*chain, current), meet(held, relation))
            for upper, links in uppers.items()
            for chain, held in memo[upper]
            for relation, _key in links
        )

    by_nation: dict[str, list[str]] = defaultdict(list)
    for nodes, held in composed_upward(pred, top, memo, compose):
        if nodes[0] != top and not view.is_collective(nodes[0]):
            by_nation[view.nation[nodes[0]]].append(held)
    result = "command"
    for authorities in by_nation.values():
        result = meet(result, min(authorities, key=_RANK.__getitem__))
    return result


def _chains_above(view: _Layer, unit: str) -> tuple[tuple[str, ...], ...]:
    """The unit's chains of command over the layer's chains, as node tuples, sorted
    (:meth:`~c2graph.analysis.chains.CommandChains.nodes`)."""
    if not view.up[unit]:
        return ()
    memo: dict[str, frozenset[tuple[str, ...]]] = {}

    def compose(current: str, uppers: Mapping[str, _Links]) -> frozenset[tuple[str, ...]]:
        if not uppers:
            return frozenset({(current,)})
        return frozenset((*chain, current) for upper in uppers for chain in memo[upper])

    chains = composed_upward(view.up, unit, memo, compose)
    return tuple(sorted(chains))


def _holders(pred: _Adjacency, upper: str, relation: str) -> tuple[str, ...]:
    """The nodes whose authority a link of ``relation`` from ``upper`` passes on."""
    if relation != CONDUIT:
        return (upper,)
    found: set[str] = set()
    for above, links in pred[upper].items():
        for rel, _key in links:
            found.update(_holders(pred, above, rel))
    return tuple(sorted(found)) or (upper,)


def _commands(view: _Layer, holder: str, superior: Superior) -> bool:
    """True when ``holder`` is an operational commander through ``superior``'s link."""
    if superior.relation != CONDUIT:
        return superior.relation in OPERATIONAL_RELATIONS
    if holder == superior.node:
        return False
    return any(
        rel in OPERATIONAL_RELATIONS or rel == CONDUIT
        for upper, links in view.succ[holder].items()
        if upper == superior.node or superior.node in _above(view.succ, upper)
        for rel, _key in links
    )


_RANK = {name: i for i, name in enumerate((*AUTHORITY_ORDER, "none"))}
_VOCABULARY = {relation: i for i, relation in enumerate(RELATIONS)}


def _strength_order(pair: tuple[str, str]) -> tuple[int, str]:
    return _RANK[pair[0]], pair[1]


def _vocabulary_order(pair: tuple[str, str]) -> tuple[int, str]:
    return _VOCABULARY[pair[0]], pair[1]
