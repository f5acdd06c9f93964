"""c2graph: model, analyse and draw command-and-control structures as directed graphs.

The model (:mod:`c2graph.model`) depends on nothing that reads files: the loaders of
:mod:`c2graph.modelfile` are imported on first use of :func:`load_model`,
:func:`read_model` (the model with its warnings and the files it read) or
:func:`load_model_data`.

Example
-------
>>> import c2graph
>>> model = c2graph.load_model("models/us-japan-2025.yaml")
>>> model.phase_ids[:2]
('peacetime', 'gray-zone')
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    C2GraphError,
    InputFileError,
    ModelError,
    OutputError,
    Problem,
    QueryError,
    RenderError,
    WorkerError,
)
from .model import Link, Location, Model, Node, Phase, Source
from .vocabulary import RELATIONS

if TYPE_CHECKING:
    from .modelfile import load_model, load_model_data, read_model

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
    "WorkerError",
    "__version__",
    "load_model",
    "load_model_data",
    "read_model",
]

_LOADERS = ("load_model", "load_model_data", "read_model")


def __getattr__(name: str) -> Any:
    """Import the loaders of :mod:`c2graph.modelfile` when first asked for."""
    if name in _LOADERS:
        from . import modelfile

        loader = globals()[name] = getattr(modelfile, name)
        return loader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(globals().keys() | set(_LOADERS))
