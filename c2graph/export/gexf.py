"""GEXF 1.3 text of a model, for Gephi: the GraphML attributes, with the phases as spells.

Nodes are keyed by model id and edges by link key (the GEXF edge ``id``); a node's
``label`` is its name, an edge's ``label`` its relation's label and its ``kind`` the
relation, which Gephi reads as the edge type (so parallel links of two relations stay
apart). Attribute columns are declared for the values the model uses, titled and keyed by
the value's name: ``name``, ``nation``, ``kind``, ``phases``, ... for nodes; ``relation``,
``class``, ``layer``, ``authority`` (boolean), ``phases``, ... for edges (see
:func:`~c2graph.export._select.node_values` and :func:`~c2graph.export._select.link_values`).

Without a phase the graph is dynamic with integer time: situation *i* of the model (its
phases in order, then the other nations' phases, then its scenarios; 0 = the first phase)
is time *i*, and a node or link that holds in only some gets one ``spell`` per run of
consecutive ones, so Gephi's timeline steps through them; the ``meta`` description lists
which phase or scenario each time is. With a phase (or scenario) the graph is static.
Nothing carries a date, so the same model always gives the same bytes.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}, {"id": "q", "name": "Q"}], "nodes": [
...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit", "phases": ["q"]}]})
>>> '<spell start="1" end="1" />' in to_gexf(model)
True

References
----------
GEXF 1.3 specification and schema: https://gexf.net/ (``gexf.rng``, ``dynamics.rng``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..messages import interface
from ..model import Model
from ._select import (
    LINK_COLUMNS,
    NODE_COLUMNS,
    check_xml_text,
    columns,
    link_values,
    node_values,
    select,
)

__all__ = ["GEXF_NAMESPACE", "to_gexf"]

#: The namespace of GEXF 1.3 documents.
GEXF_NAMESPACE = "http://gexf.net/1.3"


def _spells(indexes: list[int]) -> list[tuple[int, int]]:
    """Return runs of consecutive phase indexes as closed ``(start, end)`` intervals.

    >>> _spells([0, 1, 3])
    [(0, 1), (3, 3)]
    """
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _declare(
    graph: ET.Element, cls: str, rows: list[dict[str, str | bool]], order: tuple[str, ...]
) -> None:
    """Declare an attribute column per value name the rows use (``authority`` is boolean)."""
    attributes = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    for key in columns(rows, order):
        kind = "boolean" if key == "authority" else "string"
        ET.SubElement(attributes, "attribute", {"id": key, "title": key, "type": kind})


def _item(
    parent: ET.Element,
    tag: str,
    attrs: dict[str, str],
    values: dict[str, str | bool],
    spells: list[tuple[int, int]],
) -> None:
    element = ET.SubElement(parent, tag, attrs)
    attvalues = ET.SubElement(element, "attvalues")
    for key, value in values.items():
        text = ("true" if value else "false") if isinstance(value, bool) else value
        ET.SubElement(attvalues, "attvalue", {"for": key, "value": text})
    if spells:
        runs = ET.SubElement(element, "spells")
        for start, end in spells:
            ET.SubElement(runs, "spell", {"start": str(start), "end": str(end)})


def _checked(where: str, values: dict[str, str | bool]) -> dict[str, str | bool]:
    for key, value in values.items():
        if isinstance(value, str):
            check_xml_text("gexf", f"{where} → {key}", value)
    return values


def _description(model: Model, phase: str | None) -> str:
    if phase is not None:
        return f"{model.name} (as of {model.as_of}); phase {phase}"
    times = ", ".join(f"{index} {situation}" for index, situation in enumerate(model.situations))
    return f"{model.name} (as of {model.as_of}); phases as times: {times}"


def to_gexf(model: Model, *, phase: str | None = None, lang: str | None = None) -> str:
    """Return the model (or the part holding in ``phase``) as a GEXF 1.3 document.

    Raises
    ------
    QueryError
        ``phase`` is not a phase of the model.
    RenderError
        A text XML cannot carry (a control character in a name).

    Examples
    --------
    >>> import io, networkx as nx
    >>> from c2graph import load_model
    >>> text = to_gexf(load_model("models/us-rok-cfc.yaml"))
    >>> graph = nx.read_gexf(io.BytesIO(text.encode()))
    >>> graph.nodes["al-cfc"]["label"], graph.nodes["al-cfc"]["kind"]
    ('ROK–U.S. Combined Forces Command', 'headquarters')
    """
    selection = select(model, phase)
    position = {situation: index for index, situation in enumerate(model.situations)}
    every = len(position)
    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "c2graph"
    description = check_xml_text("gexf", "the model's name", _description(model, phase))
    ET.SubElement(meta, "description").text = description
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed"})
    if phase is None:
        graph.attrib.update(mode="dynamic", timeformat="integer", timerepresentation="interval")
    else:
        graph.set("mode", "static")

    def spells(phases: frozenset[str]) -> list[tuple[int, int]]:
        if phase is not None or len(phases) == every:
            return []
        return _spells(sorted(position[p] for p in phases))

    nodes = [_checked(f"node {n.id!r}", dict(node_values(model, n))) for n in selection.nodes]
    links = [_checked(f"link {lk.key!r}", link_values(model, lk)) for lk in selection.links]
    for values in links:
        del values["key"]
    _declare(graph, "node", nodes, NODE_COLUMNS)
    _declare(graph, "edge", links, LINK_COLUMNS)
    node_parent = ET.SubElement(graph, "nodes")
    for node, values in zip(selection.nodes, nodes, strict=True):
        label = check_xml_text("gexf", "a node name", node.label(lang))
        attrs = {"id": check_xml_text("gexf", "a node id", node.id), "label": label}
        _item(node_parent, "node", attrs, values, spells(node.phases))
    edge_parent = ET.SubElement(graph, "edges")
    for link, values in zip(selection.links, links, strict=True):
        attrs = {
            "id": check_xml_text("gexf", "a link key", link.key),
            "source": link.from_node,
            "target": link.to_node,
            "kind": link.relation,
            "label": interface(lang).relation(link.relation),
        }
        _item(edge_parent, "edge", attrs, values, spells(link.phases))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
