"""GEXF text of a model, for Gephi: the same attributes as GraphML, plus phase spells.

Written by networkx's GEXF writer from the plain copy the GraphML export uses. Without a
phase, a node or link that holds in only some phases gets GEXF ``spells`` over the phase
indexes (0 = the first phase), so Gephi's timeline steps through the phases; with a phase
the graph is static.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}, {"id": "q", "name": "Q"}], "nodes": [
...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit", "phases": ["q"]}]})
>>> '<spell start="1.0" end="1.0" />' in to_gexf(model)
True

References
----------
GEXF 1.2 specification: https://gexf.net/ ; networkx.readwrite.gexf.
"""

from __future__ import annotations

import io
from xml.etree.ElementTree import SubElement

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ..model import Model
from ..vocabulary import RELATIONS
from ._graph import plain_graph

__all__ = ["to_gexf"]


def _spells(indexes: list[int]) -> list[tuple[float, float]]:
    """Return runs of consecutive phase indexes as closed ``(start, end)`` intervals."""
    runs: list[tuple[float, float]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], float(index))
        else:
            runs.append((float(index), float(index)))
    return runs


def _add_spells(model: Model, graph: nx.MultiDiGraph) -> None:
    position = {p.id: p.index for p in model.phases}
    every = len(model.phases)
    items = [*graph.nodes.values(), *(data for _, _, data in graph.edges(data=True))]
    for data in items:
        # spells step through the first phase set; other nations' phases and scenarios
        # stay in the comma-joined ``phases`` attribute
        phases = [position[p] for p in data["phases"].split(",") if p in position]
        if len(phases) < every:
            data["spells"] = _spells(phases)


def to_gexf(model: Model, *, phase: str | None = None) -> str:
    """Return the model (or the part holding in ``phase``) as a GEXF 1.2 document.

    Node and edge attributes are those of :func:`c2graph.export.graphml.to_graphml`; a
    node's GEXF ``label`` is its name, a link's GEXF ``id`` its key and its ``label`` the
    relation label. networkx stores the link key in the attribute ``networkx_key`` and
    reads it back as the edge key. The ``meta`` element names c2graph and the model, not
    a date, so the same model always gives the same bytes.

    Examples
    --------
    >>> from c2graph import load_model
    >>> "<spells>" in to_gexf(load_model("models/us-rok-cfc.yaml"))
    True
    """
    graph = plain_graph(model, "gexf", phase=phase)
    for data in graph.nodes.values():
        data["label"] = data["name"]
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key
        data["label"] = RELATIONS[data["relation"]].label
    if phase is None:
        _add_spells(model, graph)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        for child in list(meta):
            meta.remove(child)
        SubElement(meta, "creator").text = "c2graph"
        SubElement(meta, "description").text = f"{model.name} (as of {model.as_of})"
    writer.add_graph(graph)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue().decode("utf-8").rstrip("\n") + "\n"
