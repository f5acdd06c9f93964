"""Chains of command that differ between two models: units, before → after, who joins or leaves.

A unit's chains are :func:`c2graph.analysis.chain_of_command` (every authority chain from
a top authority to the unit).  Its *operational* chains are the authority paths whose
surviving authority (JP 1 composition, :func:`c2graph.vocabulary.meet`) is command, COCOM,
OPCON or TACON — an ADCON-only chain is not operational.  ``joined`` and ``left`` name the
nodes that enter or leave the unit's operational chains.

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

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..analysis import AuthorityPath, authority_paths
from ..analysis.graphs import chains_differ, phase_graphs, upward_chains
from ..model import Model
from ..vocabulary import FORCE_KINDS, LAYER_RELATIONS, Layer

__all__ = ["ChainChange", "chains_changed", "operational_nodes"]

_OPERATIONAL = LAYER_RELATIONS[Layer.OPERATIONAL]


@dataclass(frozen=True)
class ChainChange:
    """A unit whose chains of command differ between two models in one phase."""

    unit: str
    phase: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    joined: tuple[str, ...]
    left: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "unit": self.unit,
            "phase": self.phase,
            "before": [list(c) for c in self.before],
            "after": [list(c) for c in self.after],
            "joined": list(self.joined),
            "left": list(self.left),
        }


def operational_nodes(model: Model, unit: str, *, phase: str) -> frozenset[str]:
    """Return the nodes above ``unit`` on its operational chains in ``phase``."""
    return _operational(authority_paths(model, unit, phase=phase).paths)


def chains_changed(a: Model, b: Model, *, phase: str) -> tuple[ChainChange, ...]:
    """Return the force units of both models (in ``phase``) whose chains of command differ.

    Units are the nodes of :data:`~c2graph.vocabulary.FORCE_KINDS` present in the phase of
    both models, sorted by id; a unit added or removed is a node change, not a chain change.
    Which units differ is found in one memoised pass upward over both authority graphs
    (:func:`c2graph.analysis.graphs.chains_differ`); chains are listed only for those, from
    chains memoised over superiors, so the cost is linear in the models plus the size of
    the changes.
    """
    a.phase(phase)
    b.phase(phase)
    units = sorted(
        n
        for n, node in a.nodes.items()
        if node.kind in FORCE_KINDS
        and phase in node.phases
        and n in b.nodes
        and b.nodes[n].kind in FORCE_KINDS
        and phase in b.nodes[n].phases
    )
    graph_a, graph_b = phase_graphs(a, phase).authority, phase_graphs(b, phase).authority
    memo_a: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}
    memo_b: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}
    changes = []
    for unit in chains_differ(graph_a, graph_b, units):
        before, up_before = _listed(graph_a, unit, memo_a)
        after, up_after = _listed(graph_b, unit, memo_b)
        changes.append(
            ChainChange(
                unit,
                phase,
                before,
                after,
                tuple(sorted(up_after - up_before)),
                tuple(sorted(up_before - up_after)),
            )
        )
    return tuple(changes)


def _listed(
    graph: nx.DiGraph, unit: str, memo: dict[str, frozenset[tuple[tuple[str, ...], str]]]
) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """The unit's chains (as ``chain_of_command``) and the nodes above it on operational
    ones (as :func:`operational_nodes`), from the memoised chains of ``graph``."""
    if unit not in graph or not graph.pred[unit]:
        return (), frozenset()
    found = upward_chains(graph, unit, memo)
    return (
        tuple(sorted({chain for chain, _held in found})),
        frozenset(node for chain, held in found if held in _OPERATIONAL for node in chain[:-1]),
    )


def _operational(paths: tuple[AuthorityPath, ...]) -> frozenset[str]:
    return frozenset(
        node for path in paths if path.effective in _OPERATIONAL for node in path.nodes[:-1]
    )
