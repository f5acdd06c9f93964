"""Frictions inside a structure: span of control, counterpart mismatches, distance gaps.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u1", "name": "U1", "nation": "JP", "kind": "unit"},
...               {"id": "u2", "name": "U2", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "hq", "to": "u1", "relation": "opcon"},
...               {"from": "hq", "to": "u2", "relation": "opcon"}]})
>>> span_of_control(model, phase="p").average
2.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..model import Model
from ..vocabulary import LAYER_RELATIONS, Layer, meet
from .graphs import PhaseGraphs, phase_graphs, strength_key

__all__ = [
    "DEFAULT_SPAN_THRESHOLD",
    "DistanceGap",
    "Mismatch",
    "Span",
    "SpanOfControl",
    "counterpart_mismatches",
    "distance_gaps",
    "forces_commanded",
    "span_of_control",
]

#: Spans above this are flagged: Urwick (1956) advises no more than five, at most six,
#: direct subordinates whose work interlocks.
DEFAULT_SPAN_THRESHOLD = 6

#: Mean Earth radius (km, IUGG) for great-circle distances.
_EARTH_RADIUS_KM = 6371.0088

#: Relations that hold operational authority over forces, for counterpart comparison.
_OPERATIONAL_OR_TACTICAL = LAYER_RELATIONS[Layer.OPERATIONAL]

#: Links whose two ends are expected to be opposite numbers with comparable authority.
_PEER_RELATIONS = frozenset({"counterpart", "coordination"})


@dataclass(frozen=True)
class Span:
    """A node's span of control: the number of distinct nodes under its direct authority."""

    node: str
    span: int

    def to_dict(self) -> dict[str, Any]:
        """Return the span as JSON-ready data."""
        return {"node": self.node, "span": self.span}


@dataclass(frozen=True)
class SpanOfControl:
    """Spans of every node with direct authority over anyone, largest first.

    ``average`` is ORA's span of control: the mean out-degree over those nodes (``nan``
    when no node has any).  ``over`` lists the nodes whose span exceeds ``threshold``.
    """

    threshold: int
    average: float
    spans: tuple[Span, ...]
    over: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the spans as JSON-ready data (``average`` is ``None`` when undefined)."""
        return {
            "threshold": self.threshold,
            "average": None if math.isnan(self.average) else round(self.average, 6),
            "spans": [s.to_dict() for s in self.spans],
            "over": list(self.over),
        }


@dataclass(frozen=True)
class Mismatch:
    """Two cross-nation peers of which one holds operational authority over forces and the
    other none (``*_authority`` is the strongest such authority each holds, or "none")."""

    link: str
    relation: str
    a: str
    b: str
    a_authority: str
    b_authority: str

    def to_dict(self) -> dict[str, Any]:
        """Return the mismatch as JSON-ready data."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class DistanceGap:
    """A link whose ends sit apart: great-circle distance (km) and time-zone gap (hours)."""

    link: str
    relation: str
    a: str
    b: str
    km: float
    hours: float

    def to_dict(self) -> dict[str, Any]:
        """Return the gap as JSON-ready data."""
        return dict(self.__dict__)


def span_of_control(
    model: Model, *, phase: str, threshold: int = DEFAULT_SPAN_THRESHOLD
) -> SpanOfControl:
    """Return the span of control of every node over the authority links of ``phase``.

    A node's span is its authority out-degree (distinct subordinates; parallel links count
    once).  The average is taken over nodes with at least one authority out-link, as ORA
    defines span of control.  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> spans = span_of_control(model, phase="peacetime")
    >>> spans.spans[0], round(spans.average, 3), spans.over
    (Span(node='us-indopacom', span=6), 1.867, ())

    References
    ----------
    Carley et al., ORA user's guide (CMU CASOS), measure "span of control"; L. Urwick
    (1956), The manager's span of control, *Harvard Business Review* 34(3).
    """
    graph = phase_graphs(model, phase).authority
    spans = sorted(
        (Span(n, d) for n, d in graph.out_degree() if d > 0), key=lambda s: (-s.span, s.node)
    )
    average = sum(s.span for s in spans) / len(spans) if spans else math.nan
    over = tuple(s.node for s in spans if s.span > threshold)
    return SpanOfControl(threshold, average, tuple(spans), over)


def forces_commanded(graphs: PhaseGraphs) -> dict[str, str]:
    """Map every node to the strongest operational authority (command, COCOM, OPCON or
    TACON) it holds over some force in the phase, through any chain, or ``"none"``.

    One pass in reverse topological order over the authority graph: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> held = forces_commanded(phase_graphs(model, "peacetime"))
    >>> held["jp-jjoc"], held["jp-gso"], held["us-usfj"]
    ('command', 'none', 'none')

    References
    ----------
    Joint Publication 1 (command relationships and their composition).
    """
    graph = graphs.authority
    held: dict[str, set[str]] = {}
    for node in reversed(list(nx.topological_sort(graph))):
        values: set[str] = set()
        for lower in graph.successors(node):
            for relation, _key in graph.edges[node, lower]["links"]:
                if lower in graphs.forces:
                    values.add(relation)
                values.update(meet(relation, value) for value in held[lower])
        held[node] = values
    return {
        node: min(values & _OPERATIONAL_OR_TACTICAL, key=strength_key, default="none")
        for node, values in held.items()
    }


def counterpart_mismatches(model: Model, *, phase: str) -> tuple[Mismatch, ...]:
    """Return cross-nation counterpart or coordination pairs whose authority differs.

    A pair joined by a ``counterpart`` or ``coordination`` link between two different
    nations (alliance and multinational bodies aside) is a mismatch when one end holds
    operational authority (command, COCOM, OPCON or TACON, through any chain) over at least
    one force in the phase and the other holds none: the two sit at the same table but
    only one can order forces to act (e.g. JJOC and USFJ in 2025).  Sorted by link key.
    Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(m.a, m.a_authority, m.b, m.b_authority, m.relation)
    ...  for m in counterpart_mismatches(model, phase="peacetime")][1]
    ('jp-jjoc', 'command', 'us-usfj', 'none', 'counterpart')

    References
    ----------
    Joint Publication 1 (command relationships); 2024 Security Consultative Committee
    statement (JJOC-USFJ counterparts).
    """
    graphs = phase_graphs(model, phase)
    held = forces_commanded(graphs)
    found = []
    for link in graphs.cross_nation:
        a, b = link.from_node, link.to_node
        if link.relation in _PEER_RELATIONS and (held[a] == "none") != (held[b] == "none"):
            found.append(Mismatch(link.key, link.relation, a, b, held[a], held[b]))
    return tuple(sorted(found, key=lambda m: m.link))


def distance_gaps(model: Model, *, phase: str) -> tuple[DistanceGap, ...]:
    """Return every link of ``phase`` whose ends have different locations.

    ``km`` is the great-circle (haversine) distance between the two sites, rounded to
    0.1 km; ``hours`` the difference of their standard-time UTC offsets (e.g. Tokyo UTC+9
    and Hawaii UTC−10: 19 hours).  Links with an end without location are left out.
    Sorted by distance, then time gap (largest first), then link key.  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> gap = distance_gaps(model, phase="peacetime")[0]
    >>> gap.a, gap.b, gap.km, gap.hours
    ('jp-jso', 'us-cjcs', 10904.2, 14)

    References
    ----------
    R. W. Sinnott (1984), Virtues of the haversine, *Sky and Telescope* 68(2): 159;
    Sasakawa USA Task Force (Dec 2022), the "locations" consideration of a C2 arrangement.
    """
    gaps = []
    for link in phase_graphs(model, phase).links:
        here = model.nodes[link.from_node].location
        there = model.nodes[link.to_node].location
        if here is None or there is None or here == there:
            continue
        one, two = model.locations[here], model.locations[there]
        km = round(_haversine_km(one.lat, one.lon, two.lat, two.lon), 1)
        hours = abs(one.utc_offset - two.utc_offset)
        if km or hours:
            gaps.append(
                DistanceGap(link.key, link.relation, link.from_node, link.to_node, km, hours)
            )
    return tuple(sorted(gaps, key=lambda g: (-g.km, -g.hours, g.link)))


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
