"""Frictions inside a structure: span of control, counterparts and their mismatches, distance
gaps.

Span of control and the authority each counterpart holds are read on one layer's
sovereign chains (:class:`~c2graph.analysis.graphs.LayerView`), the operational layer by
default.

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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any
from weakref import WeakKeyDictionary

from ..display import Displayable
from ..model import Model
from ..vocabulary import CONDUIT, LAYER_RELATIONS, RELATIONS, Layer, meet
from ._cache import PhaseCache
from .chains import reach_effective
from .graphs import STRENGTH, LayerView, phase_graphs, strength_key
from .kernels import dag_order
from .paths import authority_view

__all__ = [
    "DEFAULT_SPAN_THRESHOLD",
    "Counterpart",
    "DistanceGap",
    "Mismatch",
    "Span",
    "SpanOfControl",
    "counterpart_mismatches",
    "counterpart_table",
    "distance_gaps",
    "forces_commanded",
    "role",
    "span_of_control",
]

#: Spans above this are flagged: Urwick (1956) advises no more than five, at most six,
#: direct subordinates whose work interlocks.
DEFAULT_SPAN_THRESHOLD = 6

#: Mean Earth radius (km, IUGG) for great-circle distances.
_EARTH_RADIUS_KM = 6371.0088

#: Relations that hold operational authority over forces, for counterpart comparison.
_OPERATIONAL_OR_TACTICAL = LAYER_RELATIONS[Layer.OPERATIONAL]
#: The operational authorities whose holder commands forces (a conduit only passes orders).
_COMMANDING = _OPERATIONAL_OR_TACTICAL - {CONDUIT}

#: Links whose two ends are expected to be opposite numbers with comparable authority.
_PEER_RELATIONS = frozenset({"counterpart", "coordination"})


@dataclass(frozen=True)
class Span(Displayable):
    """A node's span of control: the number of distinct nodes under its direct authority."""

    node: str
    span: int

    def to_dict(self) -> dict[str, Any]:
        """Return the span as JSON-ready data."""
        return {"node": self.node, "span": self.span}


@dataclass(frozen=True)
class SpanOfControl(Displayable):
    """Spans of every node with direct authority over anyone, largest first.

    ``average`` is ORA's span of control: the mean out-degree over those nodes (``nan``
    when no node has any).  ``over`` lists the nodes whose span exceeds ``threshold``.
    """

    threshold: int
    average: float
    spans: tuple[Span, ...]
    over: tuple[str, ...]
    layer: str = Layer.OPERATIONAL.value

    def to_dict(self) -> dict[str, Any]:
        """Return the spans as JSON-ready data (``average`` is ``None`` when undefined)."""
        return {
            "layer": self.layer,
            "threshold": self.threshold,
            "average": None if math.isnan(self.average) else round(self.average, 6),
            "spans": [s.to_dict() for s in self.spans],
            "over": list(self.over),
        }


@dataclass(frozen=True)
class Counterpart(Displayable):
    """One side of a cross-nation peer pair on the operational layer.

    ``authority`` is the strongest operational authority the node holds over some force
    (through any of its sovereign chains), or ``"none"``; ``role`` reads it as
    ``"commands"``, ``"conduit"`` (passes orders without command, ``transmits``) or
    ``"none"``; ``forces`` are the forces it holds that authority over, sorted;
    ``location`` the id of its site.
    """

    node: str
    authority: str
    role: str
    forces: tuple[str, ...]
    location: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the side as JSON-ready data."""
        return {
            "node": self.node,
            "authority": self.authority,
            "role": self.role,
            "forces": list(self.forces),
            "location": self.location,
        }


@dataclass(frozen=True)
class Mismatch(Displayable):
    """Two cross-nation peers joined by ``links`` (counterpart or coordination), each side
    with its authority, forces and site; ``mismatch`` when their roles differ (one
    commands forces, the other passes orders or holds none)."""

    links: tuple[str, ...]
    relations: tuple[str, ...]
    a: Counterpart
    b: Counterpart

    @property
    def mismatch(self) -> bool:
        """True when the two sides do not hold the same role."""
        return self.a.role != self.b.role

    def to_dict(self) -> dict[str, Any]:
        """Return the pair as JSON-ready data."""
        return {
            "links": list(self.links),
            "relations": list(self.relations),
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "mismatch": self.mismatch,
            "layer": Layer.OPERATIONAL.value,
        }


@dataclass(frozen=True)
class DistanceGap(Displayable):
    """A link whose ends sit apart: great-circle distance (km); ``b``'s clock offset from
    ``a``'s modulo 24 h, in (-12, 12], and whether the shorter way crosses the date line
    (see :func:`c2graph.analysis.timezones.clock_offset`); and the office hours the two
    share in the week of the model's ``as_of`` (None when neither has office hours)."""

    link: str
    relation: str
    a: str
    b: str
    km: float
    clock_offset: float
    date_line: bool
    shared_hours: float | None

    def to_dict(self) -> dict[str, Any]:
        """Return the gap as JSON-ready data."""
        return dict(self.__dict__)


def span_of_control(
    model: Model,
    *,
    phase: str,
    threshold: int = DEFAULT_SPAN_THRESHOLD,
    layer: str = Layer.OPERATIONAL.value,
) -> SpanOfControl:
    """Return the span of control of every node over the sovereign chains of ``layer``.

    A node's span is its out-degree there (distinct subordinates; parallel links count
    once; a national node's direction of a combined body is not a subordinate, and a
    conduit's span counts the nodes it passes orders to).  The average is taken over nodes
    with at least one subordinate, as ORA defines span of control.  A layer without
    authority raises :class:`~c2graph.errors.QueryError`.  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> spans = span_of_control(model, phase="peacetime")
    >>> spans.spans[0], round(spans.average, 3), spans.over
    (Span(node='us-indopacom', span=6), 2.0, ())

    References
    ----------
    Carley et al., ORA user's guide (CMU CASOS), measure "span of control"; L. Urwick
    (1956), The manager's span of control, *Harvard Business Review* 34(3).
    """
    graph = authority_view(model, phase=phase, layer=layer).chains
    spans = sorted(  # out-degrees read from the adjacency (the same, without the view)
        (Span(n, len(below)) for n, below in graph._succ.items() if below),
        key=lambda s: (-s.span, s.node),
    )
    average = sum(s.span for s in spans) / len(spans) if spans else math.nan
    over = tuple(s.node for s in spans if s.span > threshold)
    return SpanOfControl(threshold, average, tuple(spans), over, str(layer))


def forces_commanded(view: LayerView) -> Mapping[str, str]:
    """Map every node to the strongest operational authority (command, COCOM, OPCON, TACON,
    or ``transmits`` for a conduit) it holds over some force through the sovereign chains
    of ``view``, or ``"none"``.

    One pass in reverse topological order, each node's authorities a bit mask composed
    through a table (:func:`_composed`): linear.  Computed once per view (read-only).

    Example
    -------
    >>> from c2graph import load_model
    >>> from c2graph.analysis.graphs import phase_graphs
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> held = forces_commanded(phase_graphs(model, "peacetime").layer("operational"))
    >>> held["jp-jjoc"], held["jp-gso"], held["us-usfj"]
    ('command', 'none', 'none')

    References
    ----------
    Joint Publication 1 (command relationships and their composition).
    """
    if view not in _HELD:
        _HELD[view] = MappingProxyType(_forces_commanded(view))
    return _HELD[view]


_HELD: WeakKeyDictionary[LayerView, Mapping[str, str]] = WeakKeyDictionary()


def _forces_commanded(view: LayerView) -> dict[str, str]:
    """:func:`forces_commanded`, computed."""
    graph = view.chains
    masks: dict[str, int] = {}
    succ = graph._succ  # the adjacency, not its views: the same, faster
    forces = view.forces
    for node in reversed(dag_order(graph)):
        mask = 0
        for lower, data in succ[node].items():  # none for most: units at the bottom
            below = masks[lower]
            for relation, _key in data["links"]:
                if lower in forces:
                    mask |= _NAME_BIT[relation]
                mask |= _composed(relation, below)
        masks[node] = mask
    return {node: _strongest(mask) for node, mask in masks.items()}


#: The names an authority mask holds: the authorities (and ``none``), then every other
#: relation a link may carry.
_NAMES: tuple[str, ...] = (*STRENGTH, *(r for r in RELATIONS if r not in STRENGTH))
_NAME_BIT = {name: 1 << i for i, name in enumerate(_NAMES)}


@cache
def _composed(relation: str, mask: int) -> int:
    """What a link of ``relation`` gives its tail from the authorities ``mask`` its head
    holds: ``transmits`` when the head holds any (a conduit holds no authority of its own
    over anything below it), else each of them met with ``relation``."""
    if relation == CONDUIT:
        return _NAME_BIT[CONDUIT] if mask else 0
    found = 0
    for name, bit in _NAME_BIT.items():
        if mask & bit:
            found |= _NAME_BIT[meet(relation, name)]
    return found


@cache
def _strongest(mask: int) -> str:
    """The strongest operational or tactical authority of a mask, or ``"none"``."""
    held = {name for name, bit in _NAME_BIT.items() if mask & bit}
    return min(held & _OPERATIONAL_OR_TACTICAL, key=strength_key, default="none")


def role(authority: str) -> str:
    """Return the role an operational authority over forces gives its holder.

    Example
    -------
    >>> role("tacon"), role("transmits"), role("none")
    ('commands', 'conduit', 'none')
    """
    if authority in _COMMANDING:
        return "commands"
    return "conduit" if authority == CONDUIT else "none"


def counterpart_table(model: Model, *, phase: str) -> tuple[Mismatch, ...]:
    """Return every cross-nation peer pair of ``phase`` with both sides' authority, forces
    and site.

    A pair is two nodes of different countries (alliance and multinational bodies aside)
    joined by ``counterpart`` or ``coordination`` links, listed once however many links
    join them.  Each side's authority is read on the operational layer's sovereign chains
    (:func:`forces_commanded`), and its forces are those it holds an operational authority
    over.  Sorted by the pair's ends.  Cost: linear plus one downward walk per paired node.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> pair = next(p for p in counterpart_table(model, phase="peacetime") if p.b.node == "us-usfj")
    >>> pair.relations, pair.a.role, len(pair.a.forces), pair.b.role, pair.b.location
    (('coordination', 'counterpart'), 'commands', 6, 'none', 'yokota')

    References
    ----------
    Joint Publication 1 (command relationships); 2024 Security Consultative Committee
    statement (JJOC-USFJ counterparts).
    """
    graphs = phase_graphs(model, phase)
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for link in graphs.cross_nation:
        if link.relation in _PEER_RELATIONS:
            ends = (link.from_node, link.to_node)
            pairs.setdefault(ends if ends[0] < ends[1] else ends[::-1], []).append(
                (link.relation, link.key)
            )
    if not pairs:  # nothing to read the authorities of
        return ()
    view = graphs.layer(Layer.OPERATIONAL)
    held = forces_commanded(view)

    def side(node: str) -> Counterpart:
        reached = reach_effective(view.chains, node, held=CONDUIT)
        forces = tuple(
            sorted(n for n, values in reached.items() if n in view.forces and values - {"none"})
        )
        return Counterpart(node, held[node], role(held[node]), forces, model.nodes[node].location)

    return tuple(
        Mismatch(
            tuple(key for _rel, key in sorted(found)),
            tuple(sorted({rel for rel, _key in found})),
            side(a),
            side(b),
        )
        for (a, b), found in sorted(pairs.items())
    )


def counterpart_mismatches(model: Model, *, phase: str) -> tuple[Mismatch, ...]:
    """Return the cross-nation peer pairs of ``phase`` whose roles differ.

    Of :func:`counterpart_table`, the pairs of which one side commands forces
    (command, COCOM, OPCON or TACON through any sovereign chain) and the other passes
    orders without command (a conduit) or holds none: the two sit at the same table but
    only one can order forces to act (e.g. JJOC and USFJ in 2025).  Each pair once.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(m.a.node, m.a.authority, m.b.node, m.b.authority, m.relations)
    ...  for m in counterpart_mismatches(model, phase="peacetime")]
    [('jp-jjoc', 'command', 'us-usfj', 'none', ('coordination', 'counterpart'))]

    References
    ----------
    Joint Publication 1 (command relationships); 2024 Security Consultative Committee
    statement (JJOC-USFJ counterparts).
    """
    return tuple(pair for pair in counterpart_table(model, phase=phase) if pair.mismatch)


def distance_gaps(model: Model, *, phase: str) -> tuple[DistanceGap, ...]:
    """Return every link of ``phase`` whose ends have different locations.

    ``km`` is the great-circle (haversine) distance between the two sites, rounded to
    0.1 km; ``clock_offset`` the offset of the head's clock from the tail's, modulo 24 h,
    at noon UTC on the model's ``as_of`` date (daylight saving from the IANA zones), with
    ``date_line`` when the shorter way crosses it (Tokyo UTC+9 and Hawaii UTC−10: +5 h on
    the clock, a calendar day apart, not "19 h"); ``shared_hours`` the office hours the
    two share that week (:func:`c2graph.analysis.timezones.shared_hours`).  Links within
    one site, or with an end without location, are left out.  Sorted by distance (largest
    first), then link key.  Computed once per model and phase.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> gap = next(g for g in distance_gaps(model, phase="peacetime") if g.a == "jp-jjoc")
    >>> gap.a, gap.clock_offset, gap.date_line, gap.shared_hours
    ('jp-jjoc', 5.0, True, 12.0)

    References
    ----------
    R. W. Sinnott (1984), Virtues of the haversine, *Sky and Telescope* 68(2): 159;
    Sasakawa USA Task Force (Dec 2022), the "locations" consideration of a C2 arrangement;
    review of the US–Japan models (December 2026), Appendix B.
    """
    return _GAPS(model, phase)


def _distance_gaps(model: Model, phase: str) -> tuple[DistanceGap, ...]:
    """:func:`distance_gaps`, computed (from the links holding in the phase alone)."""
    from .timezones import clock_offset, shared_hours

    model.situation(phase)  # an unknown phase fails, sites or not
    gaps: list[DistanceGap] = []
    # The site of each located node, in one pass: a model without sites has no gap.
    where = {n: node.location for n, node in model.nodes.items() if node.location is not None}
    if not where:
        return ()
    for link in phase_graphs(model, phase).links:
        here, there = where.get(link.from_node), where.get(link.to_node)
        if here is None or there is None or here == there:
            continue
        one, two = model.locations[here], model.locations[there]
        km = round(_haversine_km(one.lat, one.lon, two.lat, two.lon), 1)
        ends = [link.from_node, link.to_node]
        offset = clock_offset(model, *ends)
        hours = None
        if (
            any(
                model.nodes[n].office_hours or model.locations[loc].office_hours
                for n, loc in zip(ends, (here, there), strict=True)
            )
            or model.office_hours
        ):
            hours = shared_hours(model, ends).weekly_hours
        if km or offset.raw:
            gaps.append(
                DistanceGap(
                    link.key,
                    link.relation,
                    link.from_node,
                    link.to_node,
                    km,
                    offset.hours,
                    offset.date_line,
                    hours,
                )
            )
    return tuple(sorted(gaps, key=lambda g: (-g.km, g.link)))


_GAPS = PhaseCache(_distance_gaps)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
