"""Analyses of a C2 structure: chains of authority, bottlenecks, hierarchy and phase switches.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis import authority_paths
>>> model = load_model("models/us-japan-2025.yaml")                   # doctest: +SKIP
>>> authority_paths(model, "jp-gcc", phase="peacetime").paths[0].nodes  # doctest: +SKIP
('jp-pm', 'jp-mod', 'jp-jjoc', 'jp-gcc')
"""

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
    "AuthorityChange",
    "AuthorityPath",
    "BottleneckReport",
    "Bridge",
    "Centrality",
    "ChainChange",
    "Commanders",
    "Decision",
    "DistanceGap",
    "Dominator",
    "HierarchyScores",
    "LinkChange",
    "Mismatch",
    "NationCut",
    "PathResult",
    "Reach",
    "Reached",
    "Span",
    "SpanOfControl",
    "Superior",
    "SwitchResult",
    "authority_paths",
    "betweenness",
    "bottleneck_report",
    "chain_of_command",
    "commanders",
    "counterpart_mismatches",
    "cut_nodes",
    "distance_gaps",
    "dominators",
    "effective_authority",
    "hierarchy_scores",
    "krackhardt",
    "nation_cut",
    "phase_switch",
    "reach",
    "removal_impact",
    "request_routes",
    "span_of_control",
    "top_authorities",
]
