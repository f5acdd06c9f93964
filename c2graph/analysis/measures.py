"""Headline measures of one phase of a model, the rows that comparisons set side by side.

Each measure is named once in :data:`MEASURES` with what it means; :func:`headline`
computes them all for one phase and layer (the operational layer by default: chains,
single points of failure, spans and Krackhardt's scores are the layer's).  Structure counts
come from the model, the approach-space axes and unity of command from
:mod:`c2graph.analysis.approach`, chains of command, bottlenecks and Krackhardt's
hierarchy scores from :mod:`c2graph.analysis`; every measure is defined in
``docs/measures.md``.

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
>>> dict(headline(model, phase="p", layer="administrative"))["units without a chain"]
2
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from ..model import Model
from ..vocabulary import layer_relations
from ._cache import PhaseCache
from .approach import ApproachPlacement, approach_space
from .bottlenecks import BottleneckReport, bottleneck_report
from .graphs import LayerView, PhaseGraphs, phase_graphs
from .paths import DEFAULT_LAYER, authority_view

__all__ = ["MEASURES", "Value", "headline", "phase_report"]

#: A measure's value; ``None`` where it is undefined (e.g. efficiency of a single node).
Value = int | float | str | None

#: Every headline measure, in display order, with its meaning.
MEASURES: dict[str, str] = {
    "nodes": "nodes present in the phase",
    "links": "links holding in the phase",
    "authority links": "links of an authority relation (command ... control), every layer",
    "coordination links": "links without authority (support ... shares-picture)",
    "cross-nation links": "coordination and information links joining nodes of two countries",
    "shared bodies": "operational bodies or alliance nodes linked to two or more countries",
    "political forums": "forums linked to two or more countries (2+2, Joint Committee, ...)",
    "units without a chain": "forces (not tops) that no chain of the layer reaches",
    "decision rights": "approach space: share of cross-nation pairs of commanders joined by "
    "a coordination link or a shared body",
    "interaction": "approach space: share of cross-nation pairs of military nodes in direct "
    "operational contact",
    "information": "approach space: share of cross-nation pairs within two coordination or "
    "information links",
    "approach": "C2 approach named by the approach-space rules (never edge from structure)",
    "unity of command": "parallel, lead-nation or integrated (JP 3-16), operational layer",
    "forces under combined or foreign chains": "national forces under a combined or "
    "another nation's operational chain",
    "single points of failure": "nodes every chain of one family (a nation's own, or the "
    "combined chains) to some force passes through",
    "cut nodes": "nodes whose loss splits the phase's graph of every link (articulation points)",
    "nation connectivity": "fewest nodes whose loss separates two nations' operational "
    "coordination channels (least over pairs of nations)",
    "nation link connectivity": "fewest links whose loss separates two nations' channels",
    "span of control": "mean number of direct subordinates of nodes with any (ORA)",
    "spans over threshold": "nodes with more direct subordinates than the threshold",
    "counterpart mismatches": "cross-nation peers of which only one commands forces",
    "largest distance (km)": "largest great-circle distance between the ends of a link",
    "largest clock offset (h)": "largest clock offset between the ends of a link, modulo 24 h",
    "least shared office hours (h/week)": "fewest office hours a week the ends of a link share",
    "connectedness": "Krackhardt (1994): share of node pairs joined, the layer's links",
    "hierarchy": "Krackhardt (1994): share of reachable pairs reachable one way only "
    "(1 by construction for authority links)",
    "efficiency": "Krackhardt (1994), as R sna: 1 - share of links beyond a tree",
    "lubness": "Krackhardt (1994): share of pairs with a unique least common superior",
}


def phase_report(model: Model, *, phase: str, layer: str = DEFAULT_LAYER) -> BottleneckReport:
    """Return :func:`~c2graph.analysis.bottlenecks.bottleneck_report` of a phase and layer
    with ``measures_only`` (what the headline measures, the comparisons and the report
    read: no ``forces`` or ``sites``, the hierarchy of all nations alone), computed once
    per model, layer and content of the phase (the nation cut runs one flow per alliance
    body): phases in which the same nodes and links hold share it, each with its own id.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> phase_report(model, phase="peacetime") is phase_report(model, phase="peacetime")
    True
    """
    layer_relations(layer)
    if layer not in _REPORTS:
        _REPORTS[str(layer)] = PhaseCache(_reporter(str(layer)), by_content=True, rephase=_rephase)
    return _REPORTS[layer](model, phase)


def _reporter(layer: str) -> Callable[[Model, str], BottleneckReport]:
    def report(model: Model, phase: str) -> BottleneckReport:
        return bottleneck_report(model, phase=phase, layer=layer, measures_only=True)

    return report


def _rephase(report: BottleneckReport, phase: str) -> BottleneckReport:
    """The report of another phase with the same nodes and links (its id, printed)."""
    return replace(report, phase=phase, hierarchy=replace(report.hierarchy, phase=phase))


_REPORTS: dict[str, PhaseCache[BottleneckReport]] = {}


def headline(
    model: Model, *, phase: str, layer: str = DEFAULT_LAYER
) -> tuple[tuple[str, Value], ...]:
    """Return ``(measure, value)`` for every measure of :data:`MEASURES`, in that order.

    Fractions are rounded to 4 places so that outputs are stable; an undefined value
    (a Krackhardt score of a phase without links in the layer) is ``None``.  Raises
    :class:`~c2graph.errors.QueryError` for an unknown phase or a layer without
    authority.

    Example
    -------
    >>> from c2graph import load_model
    >>> values = dict(headline(load_model("models/us-japan-2025.yaml"), phase="peacetime"))
    >>> values["approach"], values["unity of command"], values["counterpart mismatches"]
    ('coordinated', 'parallel', 1)

    References
    ----------
    See :data:`MEASURES` and ``docs/measures.md``: NATO SAS-050/065 and Walker et al. (2009)
    for the approach space; JP 3-16 for unity of command; Krackhardt (1994) for the
    hierarchy scores; ORA (CMU CASOS) for span of control.
    """
    view = authority_view(model, phase=phase, layer=layer)
    values = (
        _structure(phase_graphs(model, phase), view)
        | _placement(approach_space(model, phase=phase))
        | _bottlenecks(phase_report(model, phase=phase, layer=layer))
    )
    return tuple((name, values[name]) for name in MEASURES)


def _structure(graphs: PhaseGraphs, view: LayerView) -> dict[str, Value]:
    # Each layer's chains are acyclic: a node has a chain exactly when it has a superior
    # there (walking up from one always ends at a top).
    pred = view.chains._pred  # the adjacency dict: no call per force
    unreached = sum(1 for n in graphs.forces if n not in view.tops and not pred[n])
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
        "political forums": len(place.forums),
        "decision rights": round(place.decision_rights, 4),
        "interaction": round(place.interaction, 4),
        "information": round(place.information, 4),
        "approach": place.approach,
        "unity of command": place.unity,
        "forces under combined or foreign chains": len(place.units_shared),
    }


def _bottlenecks(report: BottleneckReport) -> dict[str, Value]:
    cuts = report.nation_cuts
    values: dict[str, Value] = {
        "single points of failure": len({d.node for d in report.dominators}),
        "cut nodes": len(report.cut_nodes),
        "nation connectivity": min((c.connectivity for c in cuts), default=None),
        "nation link connectivity": min((c.link_connectivity for c in cuts), default=None),
        "span of control": _number(report.span.average),
        "spans over threshold": len(report.span.over),
        "counterpart mismatches": len(report.mismatches),
        "largest distance (km)": max((round(g.km) for g in report.distance_gaps), default=None),
        "largest clock offset (h)": max(
            (abs(g.clock_offset) for g in report.distance_gaps), default=None
        ),
        "least shared office hours (h/week)": min(
            (g.shared_hours for g in report.distance_gaps if g.shared_hours is not None),
            default=None,
        ),
    }
    whole = report.hierarchy.whole.scores
    for name in ("connectedness", "hierarchy", "efficiency", "lubness"):
        values[name] = _number(getattr(whole, name))
    return values


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)
