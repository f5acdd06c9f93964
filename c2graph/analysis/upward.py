"""The part of a model that the chains above a few nodes depend on, for one phase.

A query about one unit (``c2graph path``) needs the unit's superiors up to the tops, not
the whole order of battle: :func:`upward_model` keeps, for one phase, every authority link
into the unit and, transitively, into its superiors; the unit's own links of every layer;
and the heads of the unit's nation in each authority layer (whose consent a foreign chain
rests on when the unit has no national chain of its own) with their links and superiors.
Every answer about those nodes' chains, superiors, scopes, consent and other layers' links
is then the same on the part as on the whole model (each node kept above the unit keeps
every incoming link; see the property tests), at the cost of the part instead of the
model.  Links are found through an index of the phase's links by end, built once per
model and phase in one pass.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis import authority_paths
>>> model = load_model("models/us-japan-2025.yaml")
>>> part = upward_model(model, "peacetime", ["jp-gcc"])
>>> len(part.nodes) < len(model.nodes), len(part.links) < len(model.links)
(True, True)
>>> [p.nodes for p in authority_paths(part, "jp-gcc", phase="peacetime").paths]
[('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc')]
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Link, Model
from ..modelfile.parsing import gc_paused
from ..vocabulary import ALL_LAYERS, AUTHORITY_RELATIONS, RELATIONS
from ._cache import PhaseCache

__all__ = ["upward_model"]


@dataclass(frozen=True)
class _Index:
    """The positions (in file order) of the links holding in a phase, by head and by tail."""

    links: tuple[Link, ...]
    into: Mapping[str, list[int]]
    out_of: Mapping[str, list[int]]


def _index(model: Model, phase: str) -> _Index:
    model.situation(phase)
    into: defaultdict[str, list[int]] = defaultdict(list)
    out_of: defaultdict[str, list[int]] = defaultdict(list)
    with gc_paused():  # a list per node: acyclic
        for position, link in enumerate(model.links):
            if phase in link.phases:
                into[link.to_node].append(position)
                out_of[link.from_node].append(position)
    return _Index(model.links, dict(into), dict(out_of))


_INDEX = PhaseCache(_index)


def upward_model(model: Model, phase: str, nodes: Iterable[str]) -> Model:
    """Return the part of ``model`` that the chains above ``nodes`` in ``phase`` depend on.

    Kept: the nodes' own links of every layer holding in ``phase``; every authority link
    holding in ``phase`` into a node kept above them, transitively up to the tops; the
    nodes that are heads of the nations of ``nodes`` in some authority layer (or in
    ``"all"``), with their own links and what is above them; and the ends of every link
    kept.  Phases, decisions, scenarios and the rest of the model stay as they are.  The
    chains (:func:`~c2graph.analysis.paths.authority_paths`), direct superiors
    (:func:`~c2graph.analysis.paths.commanders`) and force scopes
    (:func:`~c2graph.analysis.sovereignty.force_scopes` with ``unit``) of ``nodes`` in
    ``phase`` are the same on the part as on ``model``; request routes, which go down
    and across, are not (ask them of the whole model).

    Parameters
    ----------
    model
        The loaded model.
    phase
        A phase or scenario id (checked).
    nodes
        Node ids (checked, in order, after the phase).

    Returns
    -------
    Model
        A model with the same phases and a subset of the nodes and links, in file order.

    Raises
    ------
    QueryError
        For an unknown phase or node id, naming the closest ids.

    Examples
    --------
    >>> from c2graph import load_model
    >>> part = upward_model(load_model("models/us-rok-cfc.yaml"), "wartime", ["kr-forces"])
    >>> sorted(part.nodes)  # doctest: +NORMALIZE_WHITESPACE
    ['al-cfc', 'al-mcm', 'al-scm', 'kr-forces', 'kr-jcs', 'kr-mnd', 'kr-president',
     'us-president', 'us-secdef']
    """
    index = _INDEX(model, phase)
    seeds = [model.node(node).id for node in nodes]
    nations = {model.nodes[node].nation for node in seeds}
    seeds += _heads(model, index, nations)
    kept: set[int] = set()
    for node in seeds:
        kept.update(index.into.get(node, ()))
        kept.update(index.out_of.get(node, ()))
    _climb(index, seeds, kept)
    links = tuple(index.links[position] for position in sorted(kept))
    ends = set(seeds).union(*((link.from_node, link.to_node) for link in links))
    return dataclasses.replace(
        model,
        nodes={node: record for node, record in model.nodes.items() if node in ends},
        links=links,
    )


def _climb(index: _Index, seeds: list[str], kept: set[int]) -> None:
    """Add to ``kept`` every authority link into the seeds' superiors, transitively."""
    seen = set(seeds)
    stack = list(seeds)
    while stack:
        for position in index.into.get(stack.pop(), ()):
            link = index.links[position]
            if link.relation in AUTHORITY_RELATIONS:
                kept.add(position)
                if link.from_node not in seen:
                    seen.add(link.from_node)
                    stack.append(link.from_node)


def _heads(model: Model, index: _Index, nations: set[str]) -> list[str]:
    """The nodes of ``nations`` with an authority link out of them of a layer (or of
    ``"all"``) and none of that layer into them, in file order of their first link."""
    found = []
    for node, positions in index.out_of.items():
        if model.nodes[node].nation not in nations:
            continue
        down = _layers(index, positions)
        if down and not down <= _layers(index, index.into.get(node, [])):
            found.append(node)
    return found


def _layers(index: _Index, positions: Iterable[int]) -> set[str]:
    """The authority layers (and ``"all"``) of the links at ``positions``."""
    found = {_LAYER.get(index.links[position].relation, "") for position in positions}
    found.discard("")
    return found | {ALL_LAYERS} if found else found


#: The layer of each authority relation.
_LAYER = {relation: RELATIONS[relation].layer.value for relation in sorted(AUTHORITY_RELATIONS)}
