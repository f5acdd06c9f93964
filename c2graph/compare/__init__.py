"""Comparison of structure variants: diff, chains, measures, approach space, considerations.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.compare import compare
>>> result = compare(load_model("models/us-japan-2022.yaml"),
...                  load_model("models/us-japan-2025.yaml"))     # doctest: +SKIP
>>> result.diff.nodes_added                                         # doctest: +SKIP
('jp-jjoc',)
"""

from .approach import ApproachPlacement, approach_space, placements
from .chains import ChainChange, chains_changed
from .comparison import Comparison, Matrix, PhaseComparison, compare, compare_many
from .considerations import ConsiderationsView, considerations
from .diff import StructuralDiff, structural_diff
from .links import NationLink, nation_link
from .measures import MEASURES, headline

__all__ = [
    "MEASURES",
    "ApproachPlacement",
    "ChainChange",
    "Comparison",
    "ConsiderationsView",
    "Matrix",
    "NationLink",
    "PhaseComparison",
    "StructuralDiff",
    "approach_space",
    "chains_changed",
    "compare",
    "compare_many",
    "considerations",
    "headline",
    "nation_link",
    "placements",
    "structural_diff",
]
