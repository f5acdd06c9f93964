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

from ..analysis import authority_paths, chain_of_command
from ..model import Model
from ..vocabulary import FORCE_KINDS, OPERATIONAL_RELATIONS

__all__ = ["ChainChange", "chains_changed", "operational_nodes"]

_OPERATIONAL = OPERATIONAL_RELATIONS | {"tacon"}


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
        return {"unit": self.unit, "phase": self.phase,
                "before": [list(c) for c in self.before], "after": [list(c) for c in self.after],
                "joined": list(self.joined), "left": list(self.left)}


def operational_nodes(model: Model, unit: str, *, phase: str) -> frozenset[str]:
    """Return the nodes above ``unit`` on its operational chains in ``phase``."""
    return frozenset(
        node for path in authority_paths(model, unit, phase=phase).paths
        if path.effective in _OPERATIONAL for node in path.nodes[:-1]
    )


def chains_changed(a: Model, b: Model, *, phase: str) -> tuple[ChainChange, ...]:
    """Return the force units of both models (in ``phase``) whose chains of command differ.

    Units are the nodes of :data:`~c2graph.vocabulary.FORCE_KINDS` present in the phase of
    both models, sorted by id; a unit added or removed is a node change, not a chain change.
    """
    a.phase(phase)
    b.phase(phase)
    units = sorted(
        n for n, node in a.nodes.items()
        if node.kind in FORCE_KINDS and phase in node.phases
        and n in b.nodes and b.nodes[n].kind in FORCE_KINDS and phase in b.nodes[n].phases
    )
    changes = []
    for unit in units:
        before = chain_of_command(a, unit, phase=phase)
        after = chain_of_command(b, unit, phase=phase)
        if before == after:
            continue
        up_before = operational_nodes(a, unit, phase=phase)
        up_after = operational_nodes(b, unit, phase=phase)
        changes.append(ChainChange(unit, phase, before, after,
                                   tuple(sorted(up_after - up_before)),
                                   tuple(sorted(up_before - up_after))))
    return tuple(changes)
