"""Counterparts in a situation: for each node, its opposite numbers in the other nation, the
authority each holds over forces, where each sits, their clock offset and shared office
hours.

A counterpart is the other end of a ``counterpart`` link joining two countries that holds
in the situation.  The authority a node holds is the strongest operational authority
(command, COCOM, OPCON, TACON) it holds over some force through any chain, and the forces
are those it holds one over; a conduit (``transmits``) holds none of its own, so chains
starting with one of its ``transmits`` links are not counted.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025-03-04",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jjoc", "name": "JJOC", "nation": "JP", "kind": "headquarters"},
...               {"id": "gcc", "name": "GCC", "nation": "JP", "kind": "component"},
...               {"id": "usfj", "name": "USFJ", "nation": "US", "kind": "headquarters"}],
...     "links": [{"from": "jjoc", "to": "gcc", "relation": "command"},
...               {"from": "jjoc", "to": "usfj", "relation": "counterpart"}]})
>>> [(p.node.node, p.node.authority, p.other.node, p.other.authority)
...  for p in counterparts(model, phase="p").pairs]
[('jjoc', 'command', 'usfj', 'none'), ('usfj', 'none', 'jjoc', 'command')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model
from ..vocabulary import LAYER_RELATIONS, Layer
from .chains import reach_effective
from .graphs import PhaseGraphs, phase_graphs, strength_key
from .timezones import ClockOffset, SharedHours, clock, clock_offset, shared_hours

__all__ = ["Counterpart", "CounterpartsResult", "Holding", "counterparts"]

_OPERATIONAL = LAYER_RELATIONS[Layer.OPERATIONAL] - {"transmits"}


@dataclass(frozen=True)
class Holding(Displayable):
    """What one node holds: the strongest operational authority over forces (``none``),
    the forces, whether it is a conduit, and where it sits."""

    node: str
    nation: str
    authority: str
    forces: tuple[str, ...]
    conduit: bool
    location: str | None
    zone: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the holding as JSON-ready data."""
        return dict(self.__dict__) | {"forces": list(self.forces)}


@dataclass(frozen=True)
class Counterpart(Displayable):
    """A node and one of its counterparts, with the link, clock offset and shared hours."""

    link: str
    node: Holding
    other: Holding
    offset: ClockOffset
    shared: SharedHours

    def to_dict(self) -> dict[str, Any]:
        """Return the pair as JSON-ready data."""
        return {
            "link": self.link,
            "node": self.node.to_dict(),
            "counterpart": self.other.to_dict(),
            "clock_offset": self.offset.to_dict() | {"text": self.offset.text()},
            "shared_office_hours": self.shared.to_dict(),
        }


@dataclass(frozen=True)
class CounterpartsResult(Displayable):
    """Every node with a counterpart in the situation, each pair once per end, by node."""

    phase: str
    pairs: tuple[Counterpart, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data."""
        return {"phase": self.phase, "pairs": [p.to_dict() for p in self.pairs]}


def _holding(model: Model, graphs: PhaseGraphs, node: str) -> Holding:
    graph = graphs.authority
    own = nx.subgraph_view(
        graph,
        filter_edge=lambda u, v: (
            u != node or any(rel != "transmits" for rel, _key in graph.edges[u, v]["links"])
        ),
    )
    held = {
        force: values & _OPERATIONAL
        for force, values in reach_effective(own, node).items()
        if force in graphs.forces and values & _OPERATIONAL
    }
    strongest = min(
        (a for values in held.values() for a in values), key=strength_key, default="none"
    )
    conduit = any(
        rel == "transmits"
        for lower in graph.successors(node)
        for rel, _key in graph.edges[node, lower]["links"]
    )
    node_clock = clock(model, node)
    return Holding(
        node,
        model.nodes[node].nation,
        strongest,
        tuple(sorted(held)),
        conduit,
        node_clock.location,
        node_clock.zone_name,
    )


def counterparts(model: Model, *, phase: str) -> CounterpartsResult:
    """Return, for each node, its counterparts in the other nation in a situation.

    Parameters
    ----------
    model
        The model.
    phase
        A phase or scenario id.

    Returns
    -------
    CounterpartsResult
        Pairs sorted by node, then counterpart: each counterpart link appears once from
        each end.

    Examples
    --------
    See the module example.

    References
    ----------
    Joint Publication 1 (command relationships); review of the US–Japan models (December
    2026), ranked analysis 3 (counterpart-authority matrix per phase).
    """
    graphs = phase_graphs(model, phase)
    holdings: dict[str, Holding] = {}
    found = []
    for link in graphs.cross_nation:
        if link.relation != "counterpart":
            continue
        for a, b in ((link.from_node, link.to_node), (link.to_node, link.from_node)):
            for end in (a, b):
                if end not in holdings:
                    holdings[end] = _holding(model, graphs, end)
            found.append(
                Counterpart(
                    link.key,
                    holdings[a],
                    holdings[b],
                    clock_offset(model, a, b),
                    shared_hours(model, [a, b]),
                )
            )
    return CounterpartsResult(
        phase, tuple(sorted(found, key=lambda p: (p.node.node, p.other.node, p.link)))
    )
