"""c2graph: model, analyse and draw command-and-control structures as directed graphs.

Example
-------
>>> import c2graph
>>> model = c2graph.load_model("models/us-japan-2025.yaml")  # doctest: +SKIP
>>> model.phase_ids[:2]                                      # doctest: +SKIP
('peacetime', 'gray-zone')
"""

from ._version import __version__
from .errors import (
    C2GraphError,
    InputFileError,
    ModelError,
    OutputError,
    Problem,
    QueryError,
    RenderError,
)
from .model import Link, Location, Model, Node, Phase, Source
from .modelfile import load_model, load_model_data
from .vocabulary import RELATIONS

__all__ = [
    "RELATIONS",
    "C2GraphError",
    "InputFileError",
    "Link",
    "Location",
    "Model",
    "ModelError",
    "Node",
    "OutputError",
    "Phase",
    "Problem",
    "QueryError",
    "RenderError",
    "Source",
    "__version__",
    "load_model",
    "load_model_data",
]
