"""Measures of one C2 structure: chains of authority, bottlenecks, hierarchy, phase switches,
the C2 approach space, the link between nations and the six considerations.

Every measure reads a phase through :mod:`c2graph.analysis.graphs` (the per-phase views,
built once per model and phase, one view per layer), walks chains of authority with
:mod:`c2graph.analysis.chains`, and stops them at combined bodies as
:mod:`c2graph.analysis.sovereignty` says.  Chains, single points of failure, spans and
hierarchy measures take a ``layer`` (the operational layer by default).

Example
-------
>>> from c2graph import load_model
>>> from c2graph.analysis import authority_paths, bottleneck_report
>>> model = load_model("models/us-japan-2025.yaml")
>>> for layer in ("operational", "administrative"):
...     for path in authority_paths(model, "jp-gcc", phase="peacetime", layer=layer).paths:
...         print(layer, " → ".join(path.nodes), path.effective)
operational jp-pm → jp-mod → jp-jjoc → jp-gcc command
administrative jp-gso → jp-gcc adcon
>>> bottleneck_report(model, phase="peacetime").cut_nodes
('jp-jjoc', 'us-secdef')
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Imported now: the function has its submodule's name, which importing the submodule
# would otherwise bind here in its place.
from .considerations import ConsiderationsView, considerations

if TYPE_CHECKING:  # imported on first use (see __getattr__), so that start-up stays light
    from .approach import ApproachPlacement, approach_space, placements
    from .bottlenecks import (
        BottleneckReport,
        Centrality,
        CutOff,
        Dominator,
        SiteLoss,
        betweenness,
        bottleneck_report,
        co_location,
        cut_nodes,
        dominators,
        removal_impact,
    )
    from .channels import Bridge, NationCut, nation_cut
    from .decisions import Choice, DecisionPlan, NeededDecision, decision_plan
    from .frictions import (
        Counterpart,
        DistanceGap,
        Mismatch,
        Span,
        SpanOfControl,
        counterpart_mismatches,
        counterpart_table,
        distance_gaps,
        span_of_control,
    )
    from .hierarchy import (
        HierarchyReport,
        HierarchyScores,
        hierarchy_report,
        hierarchy_scores,
        krackhardt,
    )
    from .measures import MEASURES, headline
    from .nationlinks import NationLink, nation_link
    from .paths import (
        AuthorityPath,
        Commanders,
        PathResult,
        Reach,
        Reached,
        Superior,
        all_authority_paths,
        authority_paths,
        chain_of_command,
        commanders,
        effective_authority,
        reach,
        top_authorities,
    )
    from .routes import request_routes
    from .sovereignty import ForceScope, force_scopes
    from .switches import (
        AuthorityChange,
        BasisChange,
        ChainChange,
        LayerSwitch,
        LinkChange,
        SwitchResult,
        phase_switch,
    )
    from .whatif import Removal, removal_sweep, select_nodes

#: The submodule that defines each public name (imported when the name is first read).
_DEFINED_IN = {
    "ApproachPlacement": "approach",
    "AuthorityChange": "switches",
    "AuthorityPath": "paths",
    "BasisChange": "switches",
    "BottleneckReport": "bottlenecks",
    "Bridge": "channels",
    "Centrality": "bottlenecks",
    "ChainChange": "switches",
    "Choice": "decisions",
    "Commanders": "paths",
    "Counterpart": "frictions",
    "CutOff": "bottlenecks",
    "DecisionPlan": "decisions",
    "DistanceGap": "frictions",
    "Dominator": "bottlenecks",
    "ForceScope": "sovereignty",
    "HierarchyReport": "hierarchy",
    "HierarchyScores": "hierarchy",
    "LayerSwitch": "switches",
    "LinkChange": "switches",
    "MEASURES": "measures",
    "Mismatch": "frictions",
    "NationCut": "channels",
    "NationLink": "nationlinks",
    "NeededDecision": "decisions",
    "PathResult": "paths",
    "Reach": "paths",
    "Reached": "paths",
    "Removal": "whatif",
    "SiteLoss": "bottlenecks",
    "Span": "frictions",
    "SpanOfControl": "frictions",
    "Superior": "paths",
    "SwitchResult": "switches",
    "all_authority_paths": "paths",
    "approach_space": "approach",
    "authority_paths": "paths",
    "betweenness": "bottlenecks",
    "bottleneck_report": "bottlenecks",
    "chain_of_command": "paths",
    "co_location": "bottlenecks",
    "commanders": "paths",
    "counterpart_mismatches": "frictions",
    "counterpart_table": "frictions",
    "cut_nodes": "bottlenecks",
    "decision_plan": "decisions",
    "distance_gaps": "frictions",
    "dominators": "bottlenecks",
    "effective_authority": "paths",
    "force_scopes": "sovereignty",
    "headline": "measures",
    "hierarchy_report": "hierarchy",
    "hierarchy_scores": "hierarchy",
    "krackhardt": "hierarchy",
    "nation_cut": "channels",
    "nation_link": "nationlinks",
    "phase_switch": "switches",
    "placements": "approach",
    "reach": "paths",
    "removal_impact": "bottlenecks",
    "removal_sweep": "whatif",
    "request_routes": "routes",
    "select_nodes": "whatif",
    "span_of_control": "frictions",
    "top_authorities": "paths",
}


def __getattr__(name: str) -> Any:
    """Import a measure's submodule when one of its names is first read (PEP 562).

    >>> import c2graph.analysis as analysis
    >>> analysis.top_authorities.__module__
    'c2graph.analysis.paths'
    """
    module = _DEFINED_IN.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "MEASURES",
    "ApproachPlacement",
    "AuthorityChange",
    "AuthorityPath",
    "BasisChange",
    "BottleneckReport",
    "Bridge",
    "Centrality",
    "ChainChange",
    "Choice",
    "Commanders",
    "ConsiderationsView",
    "Counterpart",
    "CutOff",
    "DecisionPlan",
    "DistanceGap",
    "Dominator",
    "ForceScope",
    "HierarchyReport",
    "HierarchyScores",
    "LayerSwitch",
    "LinkChange",
    "Mismatch",
    "NationCut",
    "NationLink",
    "NeededDecision",
    "PathResult",
    "Reach",
    "Reached",
    "Removal",
    "SiteLoss",
    "Span",
    "SpanOfControl",
    "Superior",
    "SwitchResult",
    "all_authority_paths",
    "approach_space",
    "authority_paths",
    "betweenness",
    "bottleneck_report",
    "chain_of_command",
    "co_location",
    "commanders",
    "considerations",
    "counterpart_mismatches",
    "counterpart_table",
    "cut_nodes",
    "decision_plan",
    "distance_gaps",
    "dominators",
    "effective_authority",
    "force_scopes",
    "headline",
    "hierarchy_report",
    "hierarchy_scores",
    "krackhardt",
    "nation_cut",
    "nation_link",
    "phase_switch",
    "placements",
    "reach",
    "removal_impact",
    "removal_sweep",
    "request_routes",
    "select_nodes",
    "span_of_control",
    "top_authorities",
]
