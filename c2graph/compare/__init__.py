"""Comparison of two or more structure variants: structural diff, changed chains, matrix.

Measures of a single model (approach space, considerations, headline measures) live in
:mod:`c2graph.analysis`; this package compares their values across models.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.compare import compare
>>> result = compare(load_model("models/us-japan-2022.yaml"),
...                  load_model("models/us-japan-2025.yaml"))
>>> result.diff.nodes_added
('jp-jjoc', 'us-jct', 'us-spacefor-indopac', 'us-spacefor-j')
"""

from .briefing import Briefing, briefing
from .chains import ChainChange, chains_changed
from .comparison import Comparison, Matrix, PhaseComparison, compare, compare_many
from .diff import StructuralDiff, structural_diff

__all__ = [
    "Briefing",
    "ChainChange",
    "Comparison",
    "Matrix",
    "PhaseComparison",
    "StructuralDiff",
    "briefing",
    "chains_changed",
    "compare",
    "compare_many",
    "structural_diff",
]
