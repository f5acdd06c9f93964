"""Export a model to text formats read by other tools: DOT, Mermaid, GraphML, GEXF, DyNetML,
JSON and MSDL.

Each format lives in its own module and is imported only when asked for, so importing this
package (as the command line does at start-up) stays cheap.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
>>> export(model, "mermaid").splitlines()[:3]
['flowchart TB', '  subgraph g0["Japan"]', '    n0["A"]']
"""

from __future__ import annotations

import importlib

from ..errors import QueryError
from ..model import Model

__all__ = ["FORMATS", "LABELLED", "export"]

#: Export formats, and for each the module and function that writes it.
_WRITERS: dict[str, tuple[str, str]] = {
    "dot": ("c2graph.export.dot", "to_dot"),
    "mermaid": ("c2graph.export.mermaid", "to_mermaid"),
    "graphml": ("c2graph.export.graphml", "to_graphml"),
    "gexf": ("c2graph.export.gexf", "to_gexf"),
    "dynetml": ("c2graph.export.dynetml", "to_dynetml"),
    "json": ("c2graph.export.jsonfmt", "to_json"),
    "msdl": ("c2graph.export.msdl", "to_msdl"),
}

#: The format names :func:`export` accepts, in the order the command line lists them.
FORMATS: tuple[str, ...] = tuple(_WRITERS)


#: The formats whose labels ``lang`` sets; the others carry every ``name_xx`` as data.
LABELLED: frozenset[str] = frozenset({"dot", "mermaid", "gexf"})


def export(model: Model, fmt: str, *, phase: str | None = None, lang: str | None = None) -> str:
    """Return the model as text in format ``fmt`` (one of :data:`FORMATS`).

    With ``phase``, only the nodes and links holding in that phase are written; without it,
    every node and link (DyNetML then writes one meta-network per phase), except for
    ``msdl``, an order of battle of one phase, which then writes the model's first.  With
    ``lang``, the labels of the :data:`LABELLED` formats are the names in that language
    and the interface's words (relations, nations) in it.

    Raises
    ------
    QueryError
        ``fmt`` is not a known format, or ``phase`` is not a phase of the model.
    RenderError
        The format cannot carry the model (a control character in a name, for XML).

    Examples
    --------
    >>> from c2graph import load_model
    >>> export(load_model("models/us-rok-cfc.yaml"), "graphml").startswith("<?xml")
    True
    """
    if fmt not in _WRITERS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module_name, function_name = _WRITERS[fmt]
    writer = getattr(importlib.import_module(module_name), function_name)
    text: str = writer(model, phase=phase, **({"lang": lang} if fmt in LABELLED else {}))
    return text
