"""Single points of failure of a phase: dominators, what-if removals of a node or a site,
cut nodes, betweenness, and every bottleneck measure of a phase in one report.

Single points of failure and removals are computed on one layer's sovereign chains (the
operational layer by default), per family of chains
(:func:`~c2graph.analysis.sovereignty.families`): each nation's own chains, and the
combined chains, so that a foreign or combined line never hides a nation's own
bottleneck.  Also collects every bottleneck measure of a phase into one
:class:`BottleneckReport` (with the frictions of :mod:`c2graph.analysis.frictions` and the
hierarchy measures of :mod:`c2graph.analysis.hierarchy` and the cut between nations of
:mod:`c2graph.analysis.channels`).

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "u", "name": "Unit", "nation": "JP", "kind": "unit"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command"},
...               {"from": "hq", "to": "u", "relation": "opcon"}]})
>>> [(d.chains, d.node, d.units) for d in dominators(model, phase="p")]
[('JP', 'pm', ('hq', 'u')), ('JP', 'hq', ('u',))]
>>> [c.to_dict() for c in removal_impact(model, "hq", phase="p")]
[{'chains': 'JP', 'units': ['u']}]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..display import Displayable
from ..model import Model
from ..modelfile.parsing import gc_paused
from .chains import closure
from .channels import NationCut, nation_cut
from .frictions import (
    DEFAULT_SPAN_THRESHOLD,
    DistanceGap,
    Mismatch,
    SpanOfControl,
    counterpart_mismatches,
    distance_gaps,
    span_of_control,
)
from .graphs import phase_graphs
from .hierarchy import HierarchyReport, hierarchy_report
from .kernels import VIRTUAL_ROOT, articulation_points, immediate_dominators
from .paths import DEFAULT_LAYER, authority_view
from .sovereignty import ForceScope, families, force_scopes

__all__ = [
    "BETWEENNESS_EXACT_MAX_NODES",
    "BETWEENNESS_SAMPLE",
    "BottleneckReport",
    "Centrality",
    "CutOff",
    "Dominator",
    "SiteLoss",
    "betweenness",
    "bottleneck_report",
    "co_location",
    "counterpart_mismatches",
    "cut_nodes",
    "distance_gaps",
    "dominators",
    "family_dominators",
    "removal_impact",
    "site_nodes",
    "span_of_control",
]

#: Betweenness is exact up to this many nodes in the phase, sampled above it.
BETWEENNESS_EXACT_MAX_NODES = 500
#: Number of sampled sources (fixed seed 0) above the bound.
BETWEENNESS_SAMPLE = 200


@dataclass(frozen=True)
class Dominator(Displayable):
    """A node every chain of one family to ``units`` passes through (a single point of
    failure); ``chains`` names the family: a nation's own chains, or ``"combined"``."""

    node: str
    units: tuple[str, ...]
    chains: str

    def to_dict(self) -> dict[str, Any]:
        """Return the dominator as JSON-ready data."""
        return {"node": self.node, "chains": self.chains, "units": list(self.units)}


@dataclass(frozen=True)
class CutOff(Displayable):
    """The forces that lose every chain of one family (``chains``) in a what-if removal."""

    chains: str
    units: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the cut-off forces as JSON-ready data."""
        return {"chains": self.chains, "units": list(self.units)}


@dataclass(frozen=True)
class SiteLoss(Displayable):
    """A site, the nodes active at it, and the forces elsewhere its loss cuts off."""

    site: str
    name: str
    nodes: tuple[str, ...]
    cut_off: tuple[CutOff, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the site's loss as JSON-ready data."""
        return {
            "site": self.site,
            "name": self.name,
            "nodes": list(self.nodes),
            "cut_off": [c.to_dict() for c in self.cut_off],
        }


@dataclass(frozen=True)
class Centrality(Displayable):
    """A node's betweenness centrality (normalised) in the whole graph of a phase."""

    node: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Return the score as JSON-ready data."""
        return {"node": self.node, "score": self.score}


@dataclass(frozen=True)
class BottleneckReport(Displayable):
    """Every bottleneck measure of one phase and layer (see each function for its meaning).

    ``removed`` are the nodes of the what-if (one node, or those of ``removed_site``) and
    ``removal`` what their loss cuts off; ``forces`` the national forces under a combined
    or foreign chain, or without a national one.
    """

    phase: str
    tops: tuple[str, ...]
    dominators: tuple[Dominator, ...]
    cut_nodes: tuple[str, ...]
    nation_cuts: tuple[NationCut, ...]
    span: SpanOfControl
    mismatches: tuple[Mismatch, ...]
    distance_gaps: tuple[DistanceGap, ...]
    hierarchy: HierarchyReport
    layer: str = DEFAULT_LAYER
    forces: tuple[ForceScope, ...] = ()
    sites: tuple[SiteLoss, ...] = ()
    removed: tuple[str, ...] = ()
    removed_site: str | None = None
    removal: tuple[CutOff, ...] = ()
    betweenness: tuple[Centrality, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "phase": self.phase,
            "layer": self.layer,
            "tops": list(self.tops),
            "dominators": [d.to_dict() for d in self.dominators],
            "forces": [f.to_dict() for f in self.forces],
            "cut_nodes": list(self.cut_nodes),
            "nation_cut": [c.to_dict() for c in self.nation_cuts],
            "span_of_control": self.span.to_dict(),
            "counterpart_mismatches": [m.to_dict() for m in self.mismatches],
            "distance_gaps": [g.to_dict() for g in self.distance_gaps],
            "hierarchy": self.hierarchy.to_dict(),
            "co_location": [site.to_dict() for site in self.sites],
            "removal": self._removal(),
            "betweenness": (
                None if self.betweenness is None else [c.to_dict() for c in self.betweenness]
            ),
        }

    def _removal(self) -> dict[str, Any] | None:
        if not self.removed and self.removed_site is None:
            return None
        return {
            "site": self.removed_site,
            "nodes": list(self.removed),
            "units": sorted({u for c in self.removal for u in c.units}),
            "cut_off": [c.to_dict() for c in self.removal],
        }


def dominators(model: Model, *, phase: str, layer: str = DEFAULT_LAYER) -> tuple[Dominator, ...]:
    """Return the single points of failure of ``layer`` in ``phase``, per family of chains.

    A node dominates a force (kind headquarters, component, unit or agency) in a family
    when every chain of that family to the force passes through the node: losing it cuts
    the force off from those chains.  The families
    (:func:`~c2graph.analysis.sovereignty.families`) are each nation's own chains (its
    nodes only, from its heads) and the combined chains (from the combined bodies down), so
    a foreign TACON or a combined line never hides a nation's own bottleneck.  Dominators
    are computed from the family's single top or, when there are several, from a virtual
    root placed above them; the virtual root and a force itself are not reported.  Listed
    family by family (countries, then ``"combined"``), most depended-on first, ties by id.
    Cost: near-linear (the Cooper-Harvey-Kennedy algorithm, as networkx's, with the virtual
    root kept apart instead of copying the graph) plus the size of the output.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2022.yaml")
    >>> [(d.node, d.units) for d in dominators(model, phase="armed-attack") if d.node == "jp-jso"]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('jp-jso', ('jp-adc', 'jp-aegis-bmd', 'jp-cyber', 'jp-gcc', 'jp-sdf-fleet',
                 'jp-space-ops'))]

    References
    ----------
    Cooper, Harvey & Kennedy (2001), A simple, fast dominance algorithm;
    networkx ``immediate_dominators``; Joint Publication 3-16 (national chains of command
    are kept under multinational command).
    """
    found = []
    for family in families(authority_view(model, phase=phase, layer=layer)):
        found += _ranked(family.name, family.immediate_dominators(), family.forces)
    return tuple(found)


def family_dominators(
    name: str,
    graph: nx.DiGraph,
    tops: Collection[str],
    forces: Collection[str],
    *,
    without: Collection[str] = (),
) -> list[Dominator]:
    """Return the dominators of ``forces`` in one family's ``graph`` from its ``tops``,
    most depended-on first, ties by id (the ranking of :func:`dominators`); with
    ``without``, in the graph without those nodes (which ``tops`` must not name).

    Forces the tops do not reach are not dominated; a top or force is never its own
    dominator.

    Example
    -------
    >>> graph = nx.DiGraph([("pm", "hq"), ("hq", "a"), ("hq", "b"), ("pm", "b")])
    >>> [(d.node, d.units) for d in family_dominators("JP", graph, ["pm"], ["a", "b", "hq"])]
    [('pm', ('a', 'b', 'hq')), ('hq', ('a',))]
    """
    return _ranked(name, immediate_dominators(graph, tuple(tops), without=without), forces)


def _ranked(name: str, idom: dict[str, Any], forces: Collection[str]) -> list[Dominator]:
    """The dominators of ``forces`` read from the immediate dominators ``idom``, ranked as
    :func:`family_dominators` ranks them.

    The forces a node dominates are those below it in the dominator tree: gathered from
    the leaves up, each node's sorted list made of its children's (so that a force is
    not walked up once per node above it).

    >>> _ranked("JP", {"hq": "pm", "a": "hq", "b": "pm"}, {"a", "b", "hq"})
    ... # doctest: +NORMALIZE_WHITESPACE
    [Dominator(node='pm', units=('a', 'b', 'hq'), chains='JP'),
     Dominator(node='hq', units=('a',), chains='JP')]
    """
    below: dict[Any, list[str]] = defaultdict(list)
    for node, upper in idom.items():
        below[upper].append(node)
    order = [node for node in below if node not in idom]  # the root: a top or VIRTUAL_ROOT
    for node in order:  # the tree a level at a time, every node after its dominator
        lower = below.get(node)
        if lower:
            order += lower
    units: dict[Any, list[str]] = {}
    for node in reversed(order):
        lower = below.get(node)
        if lower is None:
            continue
        found = [n for n in lower if n in forces]
        for child in lower:
            more = units.get(child)
            if more:
                found += more
        if found:
            found.sort()
            units[node] = found
    units.pop(VIRTUAL_ROOT, None)
    ranked = sorted(units.items(), key=lambda item: (-len(item[1]), item[0]))
    return [Dominator(node, tuple(found), name) for node, found in ranked]


def removal_impact(
    model: Model, nodes: str | Collection[str], *, phase: str, layer: str = DEFAULT_LAYER
) -> tuple[CutOff, ...]:
    """Return, per family of chains, the forces that lose every chain of that family if
    ``nodes`` (one node id, or several, e.g. a site's) are removed.

    A force keeps a family's chain when one of the family's tops (not removed) still
    reaches it over the family's links avoiding the removed nodes; removed nodes are not
    listed.  Families without a cut-off force are left out.  This is ORA's "immediate
    impact" what-if for chains of command; for one node it equals the forces the node
    dominates (:func:`dominators`).  Cost: linear per family.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2022.yaml")
    >>> [c.to_dict() for c in removal_impact(model, "jp-jso", phase="armed-attack")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'chains': 'JP', 'units': ['jp-adc', 'jp-aegis-bmd', 'jp-cyber', 'jp-gcc', 'jp-sdf-fleet',
                                'jp-space-ops']}]

    References
    ----------
    Carley et al., ORA user's guide (CMU CASOS), "immediate impact" of removing a node.
    """
    gone = {nodes} if isinstance(nodes, str) else set(nodes)
    for node in sorted(gone):
        model.node(node)
    found = []
    for family in families(authority_view(model, phase=phase, layer=layer)):
        tops = set(family.tops)
        before = closure(family.graph, tops, upward=False)
        present = [n for n in gone if n in family.graph]
        after = closure(nx.restricted_view(family.graph, present, []), tops - gone, upward=False)
        lost = tuple(sorted((before - after - gone) & family.forces))
        if lost:
            found.append(CutOff(family.name, lost))
    return tuple(found)


def site_nodes(model: Model, site: str, *, phase: str) -> tuple[str, ...]:
    """Return the nodes active in ``phase`` located at ``site``, sorted.

    Raises :class:`~c2graph.errors.QueryError` naming the closest ids for an unknown site.

    Example
    -------
    >>> from c2graph import load_model
    >>> site_nodes(load_model("models/us-japan-2025.yaml"), "ichigaya", phase="peacetime")
    ('jp-aso', 'jp-cyber', 'jp-gso', 'jp-jjoc', 'jp-jso', 'jp-mod', 'jp-mso')
    """
    model.location(site)
    return tuple(n for n in phase_graphs(model, phase).nodes if model.nodes[n].location == site)


def co_location(model: Model, *, phase: str, layer: str = DEFAULT_LAYER) -> tuple[SiteLoss, ...]:
    """Return the sites whose loss cuts forces elsewhere off, with the nodes active there.

    Every node at a site is removed together (:func:`removal_impact`); a site appears when
    some force not at the site loses every chain of a family.  Sorted by the number of
    forces cut off (most first), then site id.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> [(s.site, len(s.nodes), [(c.chains, len(c.units)) for c in s.cut_off])
    ...  for s in co_location(model, phase="peacetime")]  # doctest: +NORMALIZE_WHITESPACE
    [('pentagon', 2, [('US', 13)]), ('white-house', 1, [('US', 13)]),
     ('camp-smith', 2, [('US', 11)]), ('kantei', 4, [('JP', 7)]), ('ichigaya', 7, [('JP', 5)]),
     ('jbphh', 2, [('US', 3)]), ('fort-shafter', 1, [('US', 1)])]

    References
    ----------
    Sasakawa USA Task Force (Dec 2022), the "locations" consideration; Carley et al., ORA
    user's guide, "immediate impact".
    """
    found = []
    for site in sorted(model.locations):
        nodes = site_nodes(model, site, phase=phase)
        if nodes:
            lost = removal_impact(model, nodes, phase=phase, layer=layer)
            if lost:
                found.append(SiteLoss(site, model.locations[site].name, nodes, lost))
    return tuple(sorted(found, key=lambda s: (-sum(len(c.units) for c in s.cut_off), s.site)))


def cut_nodes(model: Model, *, phase: str) -> tuple[str, ...]:
    """Return the cut nodes (articulation points) of the whole structure of ``phase``.

    The graph is every link of the phase, of every layer, taken undirected: a cut node's
    loss splits the structure into parts that can no longer reach each other even by
    coordination.  Sorted by id.  Cost: linear.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> cut_nodes(model, phase="peacetime")
    ('jp-jjoc', 'us-secdef')

    References
    ----------
    Hopcroft & Tarjan (1973); networkx and rustworkx ``articulation_points``
    (:func:`~c2graph.analysis.kernels.articulation_points`).
    """
    graphs = phase_graphs(model, phase)
    # The links' ends, not the distinct pairs: parallel and reversed links leave the cut
    # nodes as they are, and the pairs need not be found.
    ends = ((link.from_node, link.to_node) for link in graphs.links)
    return tuple(sorted(articulation_points(graphs.nodes, ends)))


def betweenness(model: Model, *, phase: str) -> tuple[Centrality, ...]:
    """Return the normalised betweenness centrality of the nodes of ``phase``, highest first.

    Over the whole structure (every link, undirected): the share of shortest paths between
    other nodes that pass through a node, i.e. how much it brokers.  Exact up to
    :data:`BETWEENNESS_EXACT_MAX_NODES` nodes, else estimated from
    :data:`BETWEENNESS_SAMPLE` sources with seed 0 (deterministic).  Nodes scoring 0 are
    left out; scores rounded to 6 places.  Cost: O(n·m) exact, O(k·m) sampled; run only on
    request.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> betweenness(model, phase="peacetime")[0]
    Centrality(node='jp-mod', score=0.185305)

    References
    ----------
    Brandes (2001), A faster algorithm for betweenness centrality; Brandes & Pich (2007)
    for source sampling; networkx ``betweenness_centrality``.
    """
    whole = phase_graphs(model, phase).whole
    sample = BETWEENNESS_SAMPLE if whole.number_of_nodes() > BETWEENNESS_EXACT_MAX_NODES else None
    scores = nx.betweenness_centrality(whole, k=sample, seed=0 if sample else None)
    found = [Centrality(n, round(s, 6)) for n, s in scores.items() if round(s, 6) > 0]
    return tuple(sorted(found, key=lambda c: (-c.score, c.node)))


def bottleneck_report(
    model: Model,
    *,
    phase: str,
    layer: str = DEFAULT_LAYER,
    remove: str | None = None,
    remove_site: str | None = None,
    span_threshold: int = DEFAULT_SPAN_THRESHOLD,
    with_betweenness: bool = False,
    measures_only: bool = False,
) -> BottleneckReport:
    """Return every bottleneck measure of ``phase`` on ``layer`` in one report.

    ``remove`` (a node) or ``remove_site`` (every node at a site) adds the what-if of
    :func:`removal_impact`; ``with_betweenness`` adds :func:`betweenness` (off by default:
    it is the only measure worse than near-linear).  ``measures_only`` leaves out what
    the headline measures and the analyst's report never read: ``forces`` and ``sites``
    are empty and ``hierarchy`` has the row of all nations alone.  The layer (default
    operational) is that of the tops, single points of failure, removals, co-location,
    forces under combined or foreign chains, span of control and hierarchy measures; the
    cut between nations is always over the operational coordination channels,
    counterparts over the operational layer, cut nodes over every link.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> report = bottleneck_report(model, phase="peacetime", remove="jp-jjoc")
    >>> report.cut_nodes, [c.units for c in report.removal]  # doctest: +NORMALIZE_WHITESPACE
    (('jp-jjoc', 'us-secdef'), [('jp-adc', 'jp-aegis-bmd', 'jp-cyber', 'jp-gcc', 'jp-sdf-fleet',
                                 'jp-space-ops')])
    >>> narrow = bottleneck_report(model, phase="peacetime", measures_only=True)
    >>> narrow.dominators == report.dominators, narrow.forces, len(narrow.hierarchy.rows)
    (True, (), 1)
    """
    # The what-if comes first: an unknown node or site fails before the costlier measures.
    removed: tuple[str, ...] = ()
    if remove_site is not None:
        removed = site_nodes(model, remove_site, phase=phase)
    if remove is not None:
        model.node(remove)
        removed = tuple(sorted({*removed, remove}))
    with gc_paused():  # the measures allocate millions of acyclic objects
        return _report(
            model,
            phase,
            layer,
            removed,
            remove_site,
            span_threshold,
            with_betweenness,
            measures_only,
        )


def _report(
    model: Model,
    phase: str,
    layer: str,
    removed: tuple[str, ...],
    remove_site: str | None,
    span_threshold: int,
    with_betweenness: bool,
    measures_only: bool,
) -> BottleneckReport:
    removal = removal_impact(model, removed, phase=phase, layer=layer) if removed else ()
    view = authority_view(model, phase=phase, layer=layer)
    return BottleneckReport(
        phase=phase,
        tops=view.tops,
        dominators=dominators(model, phase=phase, layer=layer),
        cut_nodes=cut_nodes(model, phase=phase),
        nation_cuts=nation_cut(model, phase=phase),
        span=span_of_control(model, phase=phase, threshold=span_threshold, layer=layer),
        mismatches=counterpart_mismatches(model, phase=phase),
        distance_gaps=distance_gaps(model, phase=phase),
        hierarchy=hierarchy_report(model, phase=phase, layer=layer, nations=not measures_only),
        layer=str(layer),
        forces=() if measures_only else force_scopes(model, phase=phase, layer=layer),
        sites=() if measures_only else co_location(model, phase=phase, layer=layer),
        removed=removed,
        removed_site=remove_site,
        removal=removal,
        betweenness=betweenness(model, phase=phase) if with_betweenness else None,
    )
