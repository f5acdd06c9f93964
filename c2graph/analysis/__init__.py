"""Measures of one C2 structure: chains of authority, bottlenecks, hierarchy, phase switches,
the C2 approach space, the link between nations and the six considerations.

Every measure reads a phase through :mod:`c2graph.analysis.graphs` (the per-phase views,
built once per model and phase) and walks chains of authority with
:mod:`c2graph.analysis.chains`.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis import authority_paths, bottleneck_report
>>> model = load_model("models/us-japan-2025.yaml")
>>> for path in authority_paths(model, "jp-gcc", phase="peacetime").paths:
...     print(" → ".join(path.nodes), path.effective)
jp-pm → jp-mod → jp-gso → jp-gcc adcon
jp-pm → jp-mod → jp-jjoc → jp-gcc command
>>> bottleneck_report(model, phase="peacetime").cut_nodes
('jp-jjoc', 'us-secdef')
"""

from .approach import ApproachPlacement, approach_space, placements
from .bottlenecks import (
    BottleneckReport,
    Bridge,
    Centrality,
    Dominator,
    NationCut,
    betweenness,
    bottleneck_report,
    cut_nodes,
    dominators,
    nation_cut,
    removal_impact,
)
from .considerations import ConsiderationsView, considerations
from .frictions import (
    DistanceGap,
    Mismatch,
    Span,
    SpanOfControl,
    counterpart_mismatches,
    distance_gaps,
    span_of_control,
)
from .hierarchy import HierarchyScores, hierarchy_scores, krackhardt
from .measures import MEASURES, headline
from .nationlinks import NationLink, nation_link
from .paths import (
    AuthorityPath,
    Commanders,
    PathResult,
    Reach,
    Reached,
    Superior,
    authority_paths,
    chain_of_command,
    commanders,
    effective_authority,
    reach,
    request_routes,
    top_authorities,
)
from .switches import (
    AuthorityChange,
    ChainChange,
    Decision,
    LinkChange,
    SwitchResult,
    phase_switch,
)

__all__ = [
    "MEASURES",
    "ApproachPlacement",
    "AuthorityChange",
    "AuthorityPath",
    "BottleneckReport",
    "Bridge",
    "Centrality",
    "ChainChange",
    "Commanders",
    "ConsiderationsView",
    "Decision",
    "DistanceGap",
    "Dominator",
    "HierarchyScores",
    "LinkChange",
    "Mismatch",
    "NationCut",
    "NationLink",
    "PathResult",
    "Reach",
    "Reached",
    "Span",
    "SpanOfControl",
    "Superior",
    "SwitchResult",
    "approach_space",
    "authority_paths",
    "betweenness",
    "bottleneck_report",
    "chain_of_command",
    "commanders",
    "considerations",
    "counterpart_mismatches",
    "cut_nodes",
    "distance_gaps",
    "dominators",
    "effective_authority",
    "headline",
    "hierarchy_scores",
    "krackhardt",
    "nation_cut",
    "nation_link",
    "phase_switch",
    "placements",
    "reach",
    "removal_impact",
    "request_routes",
    "span_of_control",
    "top_authorities",
]
