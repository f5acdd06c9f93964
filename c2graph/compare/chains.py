"""Chains of command that differ between two models: units, before → after, who joins or leaves.

A unit's chains are :func:`c2graph.analysis.chain_of_command` in one layer (every chain of
that layer from a top to the unit, stopped at combined bodies; the operational layer by
default).  ``joined`` and ``left`` name the nodes that enter or leave the unit's chains
whose surviving authority (JP 1 composition, :func:`c2graph.vocabulary.meet`) belongs to
the layer — with ``"all"``, its operational chains (an ADCON-only chain is not
operational).

Example
-------
>>> from c2graph import load_model_data
>>> def m(staff):
...     return load_model_data({"name": "x", "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "dm", "name": "DM", "nation": "JP", "kind": "ministry"},
...                   {"id": staff, "name": staff, "nation": "JP", "kind": "headquarters"},
...                   {"id": "gcc", "name": "GCC", "nation": "JP", "kind": "component"}],
...         "links": [{"from": "dm", "to": staff, "relation": "command"},
...                   {"from": staff, "to": "gcc", "relation": "opcon"}]})
>>> change = chains_changed(m("jso"), m("jjoc"), phase="p")[0]
>>> change.unit, change.joined, change.left
('gcc', ('jjoc',), ('jso',))
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, NamedTuple

import networkx as nx

from ..analysis.chains import Chain, CommandChains, chains_differ, closure
from ..analysis.graphs import LayerView
from ..analysis.paths import DEFAULT_LAYER, authority_view
from ..display import Displayable
from ..model import Model
from ..vocabulary import ALL_LAYERS, LAYER_RELATIONS, Layer, layer_relations
from .records import with_fields

__all__ = ["ChainChange", "Chains", "chains_between", "chains_changed", "moved_since"]


@dataclass(frozen=True)
class ChainChange(Displayable):
    """A unit whose chains of command differ between two models in one phase."""

    unit: str
    phase: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    joined: tuple[str, ...]
    left: tuple[str, ...]
    layer: str = DEFAULT_LAYER

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "unit": self.unit,
            "phase": self.phase,
            "layer": self.layer,
            "before": [list(c) for c in self.before],
            "after": [list(c) for c in self.after],
            "joined": list(self.joined),
            "left": list(self.left),
        }


def chains_changed(
    a: Model, b: Model, *, phase: str, layer: str = DEFAULT_LAYER
) -> tuple[ChainChange, ...]:
    """Return the force units of both models (in ``phase``) whose chains of ``layer`` differ.

    Units are the nodes of :data:`~c2graph.vocabulary.FORCE_KINDS` present in the phase of
    both models, sorted by id; a unit added or removed is a node change, not a chain change.
    Which units differ is found in one memoised pass upward over both authority graphs
    (:func:`c2graph.analysis.chains.chains_differ`); chains are listed only for those, from
    chains memoised over superiors, so the cost is linear in the models plus the size of
    the changes.  Raises :class:`~c2graph.errors.QueryError` when ``phase`` is not a phase
    of both models, or for a layer without authority.

    Example
    -------
    >>> from c2graph import load_model
    >>> before = load_model("models/us-japan-2022.yaml")
    >>> after = load_model("models/us-japan-2025.yaml")
    >>> gcc = next(c for c in chains_changed(before, after, phase="peacetime")
    ...            if c.unit == "jp-gcc")
    >>> gcc.joined, gcc.left
    (('jp-jjoc',), ('jp-jso',))

    References
    ----------
    Joint Publication 1 (chain of command; ADCON is not an operational chain).
    """
    one = Chains.of(authority_view(a, phase=phase, layer=layer))
    two = Chains.of(authority_view(b, phase=phase, layer=layer))
    return chains_between(one, two, phase=phase, layer=layer)


class Chains(NamedTuple):
    """The chains of command of one model's phase in one layer: the ``chains`` graph of
    its :class:`~c2graph.analysis.graphs.LayerView` and the phase's forces."""

    graph: nx.DiGraph
    forces: AbstractSet[str]

    @classmethod
    def of(cls, view: LayerView) -> Chains:
        """The chains of ``view``, in a graph of their own on the view's adjacency dicts
        (shared, not copied): the caches keyed by the view's graphs go with the view, so
        that a comparison can keep one model's chains while the rest of its phase goes.

        >>> from c2graph import load_model
        >>> view = authority_view(load_model("models/us-rok-cfc.yaml"), phase="wartime")
        >>> chains = Chains.of(view)
        >>> chains.graph is view.chains, chains.graph._pred == view.chains._pred
        (False, True)
        """
        graph = nx.DiGraph()
        graph._node.update(view.chains._node)
        graph._succ.update(view.chains._succ)
        graph._pred.update(view.chains._pred)
        return cls(graph, view.forces)


def moved_since(model: Model, earlier: str, phase: str, graph: nx.DiGraph) -> set[str]:
    """Return the nodes whose chains in ``graph`` (chains of ``phase`` of ``model``) may
    differ from those in phase ``earlier`` of the model: the heads of the links holding in
    one of the two phases only, and every node below them in ``graph``.

    A link holds only where both its ends do (the loader narrows its phases to theirs),
    so any other node has the same links into it in both phases, and so does every node
    above it: it has the same chains in both, with the same authority surviving each (a
    node of one phase only is not a unit of the other).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> graph = Chains.of(authority_view(model, phase="wartime")).graph
    >>> sorted(moved_since(model, "armistice", "wartime", graph))
    ['kr-forces', 'us-kr-forces']
    """
    heads = {
        link.to_node for link in model.links if (earlier in link.phases) != (phase in link.phases)
    }
    return closure(graph, heads, upward=False)


def chains_between(
    a: Chains,
    b: Chains,
    *,
    phase: str,
    layer: str = DEFAULT_LAYER,
    known: Mapping[str, ChainChange] | None = None,
) -> tuple[ChainChange, ...]:
    """Return :func:`chains_changed` of two models' chains of ``phase`` in ``layer``.

    ``known`` gives changes found in another phase for units whose chains are the same
    in this one in both models (:func:`moved_since`): they are given this phase, not
    listed again.

    Example
    -------
    >>> from c2graph import load_model
    >>> before = load_model("models/us-japan-2022.yaml")
    >>> after = load_model("models/us-japan-2025.yaml")
    >>> one, two = (Chains.of(authority_view(m, phase="peacetime")) for m in (before, after))
    >>> chains_between(one, two, phase="peacetime") == chains_changed(before, after,
    ...     phase="peacetime")
    True
    """
    chains_a, chains_b = CommandChains(a.graph), CommandChains(b.graph)
    held = LAYER_RELATIONS[Layer.OPERATIONAL] if layer == ALL_LAYERS else layer_relations(layer)
    units = sorted(a.forces & b.forces)
    changes = []
    known = known or {}
    for unit in chains_differ(a.graph, b.graph, units):
        if unit in known:
            changes.append(with_fields(known[unit], phase=phase))
            continue
        composed_a, composed_b = chains_a.composed(unit), chains_b.composed(unit)
        above_a, above_b = _carrying(composed_a, held), _carrying(composed_b, held)
        changes.append(
            ChainChange(
                unit,
                phase,
                _listed(composed_a),
                _listed(composed_b),
                tuple(sorted(above_b - above_a)),
                tuple(sorted(above_a - above_b)),
                str(layer),
            )
        )
    return tuple(changes)


def _listed(chains: frozenset[Chain]) -> tuple[tuple[str, ...], ...]:
    """The chains as node tuples (parallel links once), sorted, as
    :meth:`~c2graph.analysis.chains.CommandChains.nodes` lists them."""
    return tuple(sorted({nodes for nodes, _held in chains}))


def _carrying(chains: frozenset[Chain], held: frozenset[str]) -> frozenset[str]:
    """The nodes above the unit on those of its chains whose surviving authority is one of
    ``held``."""
    return frozenset(node for nodes, found in chains if found in held for node in nodes[:-1])
