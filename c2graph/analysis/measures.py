"""Headline measures of one phase of a model, the rows that comparisons set side by side.

Each measure is named once in :data:`MEASURES` with what it means; :func:`headline`
computes them all for one phase.  Structure counts come from the model, the approach-space
axes from :mod:`c2graph.analysis.approach`, chains of command, bottlenecks and Krackhardt's
hierarchy scores from :mod:`c2graph.analysis`.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u", "name": "U", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "hq", "to": "u", "relation": "opcon"}]})
>>> dict(headline(model, phase="p"))["authority links"]
1
"""

from __future__ import annotations

import math

from ..model import Model
from ._cache import PhaseCache
from .approach import ApproachPlacement, approach_space
from .bottlenecks import BottleneckReport, bottleneck_report
from .graphs import PhaseGraphs, phase_graphs

__all__ = ["MEASURES", "Value", "headline", "phase_report"]

#: A measure's value; ``None`` where it is undefined (e.g. efficiency of a single node).
Value = int | float | str | None

#: Every headline measure, in display order, with its meaning.
MEASURES: dict[str, str] = {
    "nodes": "nodes present in the phase",
    "links": "links holding in the phase",
    "authority links": "links of an authority relation (command ... control)",
    "coordination links": "links of a coordination-class relation (support ... member)",
    "cross-nation links": "links joining nodes of two different countries",
    "shared bodies": "coordination bodies or alliance nodes linked to two or more countries",
    "units without a chain": "force units (not top authorities) that no chain of command reaches",
    "decision rights": "approach space: share of national force units under a collective "
    "or foreign operational chain",
    "interaction": "approach space: share of cross-nation pairs in direct contact",
    "information": "approach space: share of cross-nation pairs within two links",
    "approach": "C2 approach named by the approach-space rules",
    "dominators": "nodes every chain of command to some unit passes through",
    "cut nodes": "nodes whose loss splits the phase's graph (articulation points)",
    "nation connectivity": "fewest nodes whose loss separates two nations (least over "
    "pairs of nations)",
    "nation link connectivity": "fewest links whose loss separates two nations",
    "span of control": "mean number of direct subordinates of nodes with any (ORA)",
    "spans over threshold": "nodes with more direct subordinates than the threshold",
    "counterpart mismatches": "cross-nation peers of which only one commands forces",
    "largest distance (km)": "largest great-circle distance between the ends of a link",
    "largest time-zone gap (h)": "largest time-zone gap between the ends of a link",
    "connectedness": "Krackhardt (1994): share of node pairs joined, authority links only",
    "hierarchy": "Krackhardt (1994): share of reachable pairs reachable one way only",
    "efficiency": "Krackhardt (1994): 1 - share of links beyond those needed to connect",
    "lubness": "Krackhardt (1994): share of pairs with a unique least upper bound",
}


def phase_report(model: Model, *, phase: str) -> BottleneckReport:
    """Return :func:`~c2graph.analysis.bottlenecks.bottleneck_report` of a phase, computed
    once per model and phase (the nation cut runs one flow per alliance body).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> phase_report(model, phase="peacetime") is phase_report(model, phase="peacetime")
    True
    """
    return _REPORTS(model, phase)


def _report(model: Model, phase: str) -> BottleneckReport:
    return bottleneck_report(model, phase=phase)


_REPORTS = PhaseCache(_report)


def headline(model: Model, *, phase: str) -> tuple[tuple[str, Value], ...]:
    """Return ``(measure, value)`` for every measure of :data:`MEASURES`, in that order.

    Fractions are rounded to 4 places so that outputs are stable; an undefined value
    (a Krackhardt score of a phase without authority links) is ``None``.  Raises
    :class:`~c2graph.errors.QueryError` for an unknown phase.

    Example
    -------
    >>> from c2graph import load_model
    >>> values = dict(headline(load_model("models/us-japan-2025.yaml"), phase="peacetime"))
    >>> values["approach"], values["cut nodes"], values["counterpart mismatches"]
    ('coordinated', 2, 2)

    References
    ----------
    See :data:`MEASURES`: NATO SAS-050/065 and Walker et al. (2009) for the approach space;
    Krackhardt (1994) for the hierarchy scores; ORA (CMU CASOS) for span of control.
    """
    values = (
        _structure(phase_graphs(model, phase))
        | _placement(approach_space(model, phase=phase))
        | _bottlenecks(phase_report(model, phase=phase))
    )
    return tuple((name, values[name]) for name in MEASURES)


def _structure(graphs: PhaseGraphs) -> dict[str, Value]:
    # The authority graph of a phase is acyclic: a node has a chain of command exactly
    # when it has a superior (walking up from one always ends at a top authority).
    tops = set(graphs.tops)
    unreached = sum(
        1 for n in graphs.forces if n not in tops and graphs.authority.in_degree(n) == 0
    )
    authority = sum(1 for link in graphs.links if link.is_authority)
    return {
        "nodes": len(graphs.nodes),
        "links": len(graphs.links),
        "authority links": authority,
        "coordination links": len(graphs.links) - authority,
        "units without a chain": unreached,
    }


def _placement(place: ApproachPlacement) -> dict[str, Value]:
    return {
        "cross-nation links": place.cross_links,
        "shared bodies": len(place.shared_bodies),
        "decision rights": round(place.decision_rights, 4),
        "interaction": round(place.interaction, 4),
        "information": round(place.information, 4),
        "approach": place.approach,
    }


def _bottlenecks(report: BottleneckReport) -> dict[str, Value]:
    cuts = report.nation_cuts
    values: dict[str, Value] = {
        "dominators": len(report.dominators),
        "cut nodes": len(report.cut_nodes),
        "nation connectivity": min((c.connectivity for c in cuts), default=None),
        "nation link connectivity": min((c.link_connectivity for c in cuts), default=None),
        "span of control": _number(report.span.average),
        "spans over threshold": len(report.span.over),
        "counterpart mismatches": len(report.mismatches),
        "largest distance (km)": max((round(g.km) for g in report.distance_gaps), default=None),
        "largest time-zone gap (h)": max((g.hours for g in report.distance_gaps), default=None),
    }
    for name in ("connectedness", "hierarchy", "efficiency", "lubness"):
        values[name] = _number(getattr(report.hierarchy, name))
    return values


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)
