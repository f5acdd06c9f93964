"""GraphML text of a model, for yEd, Gephi, Cytoscape and any GraphML reader.

Written by :func:`networkx.write_graphml_xml` (the ElementTree writer, so the text does
not depend on whether lxml is installed) from a plain copy of the model whose attributes
are text (and ``authority`` a boolean); ``networkx.read_graphml(path,
force_multigraph=True)`` gives back the same nodes, links (keyed by link key) and attributes.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "a", "name": "A & B", "nation": "JP", "kind": "unit"}]})
>>> '>A &amp; B</data>' in to_graphml(model)
True

References
----------
GraphML: http://graphml.graphdrawing.org/ ; networkx.readwrite.graphml.
"""

from __future__ import annotations

import io
import re

import networkx as nx

from ..model import Model
from ._graph import plain_graph

__all__ = ["to_graphml"]


def to_graphml(model: Model, *, phase: str | None = None) -> str:
    """Return the model (or the part holding in ``phase``) as a GraphML document.

    Node data: ``name``, ``nation``, ``kind``, the optional ``short``, ``echelon``,
    ``location``, ``source``, ``confidence``, ``note``, ``phases`` (comma-joined, in phase
    order) and ``name_xx`` for names in other languages. Edge data: ``key``, ``relation``,
    ``class``, ``authority``, ``phases`` and the optional ``link_id``, ``basis``,
    ``source``, ``confidence``, ``as_of``, ``note``. Graph data: ``name``, ``as_of``,
    ``phases`` and (when limited) ``phase``.

    Examples
    --------
    >>> import io, networkx as nx
    >>> from c2graph import load_model
    >>> text = to_graphml(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> graph = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    >>> graph.nodes["kr-jcs"]["kind"]
    'headquarters'
    """
    buffer = io.BytesIO()
    nx.write_graphml_xml(
        plain_graph(model, "graphml", phase=phase), buffer, encoding="utf-8", prettyprint=True
    )
    text = buffer.getvalue().decode("utf-8").rstrip("\n") + "\n"
    # A raw carriage return in element text would be read back as a line feed (XML
    # end-of-line handling); the character reference keeps it.
    return _lowercase_booleans(text).replace("\r", "&#13;")


def _lowercase_booleans(text: str) -> str:
    """Write boolean data as ``true``/``false`` (XML Schema), not Python's ``True``/``False``."""
    for key in re.findall(
        r'<key id="(d\d+)" for="\w+" attr.name="[^"]*" attr.type="boolean"', text
    ):
        for word in ("True", "False"):
            text = text.replace(
                f'<data key="{key}">{word}</data>', f'<data key="{key}">{word.lower()}</data>'
            )
    return text
