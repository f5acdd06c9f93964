"""DyNetML text of a model, for CMU CASOS ORA: one meta-network per phase.

ORA reads a ``<DynamicMetaNetwork>`` of ``<MetaNetwork>`` slices; here each slice is one
phase of the model (id = phase id, in phase order), holding the nodes and links that hold
in that phase. Node kinds map to ORA node classes as follows:

- ``political-authority`` → ``agent`` (a person holding authority by law: head of
  government, minister; ORA's agents are individuals);
- every other kind (legislature, ministry, staff, headquarters, component, unit, agency,
  coordination-body, forum) → ``organization``.

The node's kind itself is kept as the property ``kind``. ORA networks join one source node
class to one target node class, so each relation gives one ``<network>`` per pair of classes
it joins, with id ``"<relation> (<source class> x <target class>)"``; every link has value 1.
Phases carry no date, so slices have no ``date`` attribute: their order is the file order.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...     {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}], "links": [
...     {"from": "pm", "to": "hq", "relation": "command"}]})
>>> '<link source="pm" target="hq" value="1" />' in to_dynetml(model)
True

References
----------
Tsvetovat, Reminga & Carley (2004), "DyNetML: Interchange format for rich social network
data", CMU-ISRI-04-105; ORA user guide (CASOS, Carnegie Mellon University).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Link, Model, Node
from ._select import check_xml_text, link_values, node_values, select

__all__ = ["NODE_CLASSES", "node_class", "to_dynetml"]

#: ORA node class of each node kind (kinds not listed are organizations).
NODE_CLASSES: dict[str, str] = {"political-authority": "agent"}
_DEFAULT_CLASS = "organization"
_CLASS_ORDER = ("agent", "organization")

# Node properties ORA shows, with their DyNetML property types, in output order.
_NODE_PROPERTIES: tuple[tuple[str, str], ...] = (
    ("nation", "categoryText"),
    ("kind", "categoryText"),
    ("short", "text"),
    ("echelon", "categoryText"),
    ("location", "categoryText"),
    ("confidence", "categoryText"),
    ("source", "categoryText"),
    ("note", "text"),
    ("phases", "text"),
)


def node_class(node: Node) -> str:
    """Return the ORA node class of a node (see the module docstring for the mapping).

    Examples
    --------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> node_class(model.nodes["kr-president"]), node_class(model.nodes["kr-jcs"])
    ('agent', 'organization')
    """
    return NODE_CLASSES.get(node.kind, _DEFAULT_CLASS)


def _node_properties(model: Model, node: Node) -> list[tuple[str, str, str]]:
    """Return ``(id, type, value)`` of every property the node has, in a fixed order."""
    values = node_values(model, node)
    props = [(key, kind, values[key]) for key, kind in _NODE_PROPERTIES if key in values]
    props += [(key, "text", value) for key, value in values.items() if key.startswith("name_")]
    return props


def _property_rank(identity: tuple[str, str]) -> tuple[int, str]:
    order = [key for key, _ in _NODE_PROPERTIES]
    key = identity[0]
    return (order.index(key), "") if key in order else (len(order), key)


def _meta_network(model: Model, phase: str) -> ET.Element:
    """Return the ``<MetaNetwork>`` of one phase: its properties, nodes and networks."""
    phase_record = model.phase(phase)
    selection = select(model, phase)
    meta = ET.Element("MetaNetwork", {"id": phase})
    properties = ET.SubElement(meta, "properties")
    for key in ("name", "basis", "declared_by"):
        value = getattr(phase_record, key)
        if value is not None:
            ET.SubElement(properties, "property", {"id": key, "value": value})
    ET.SubElement(properties, "property", {"id": "index", "value": str(phase_record.index)})
    classes = {node.id: node_class(node) for node in selection.nodes}
    _add_nodes(ET.SubElement(meta, "nodes"), model, selection.nodes, classes)
    _add_networks(ET.SubElement(meta, "networks"), selection.links, classes)
    return meta


def _add_nodes(
    parent: ET.Element, model: Model, nodes: tuple[Node, ...], classes: dict[str, str]
) -> None:
    """Add one ``<nodeclass>`` per ORA class present, declaring the properties it uses."""
    for cls in _CLASS_ORDER:
        members = [node for node in nodes if classes[node.id] == cls]
        if not members:
            continue
        nodeclass = ET.SubElement(parent, "nodeclass", {"type": cls, "id": cls})
        node_props = {node.id: _node_properties(model, node) for node in members}
        declared = sorted(
            {(key, kind) for props in node_props.values() for key, kind, _ in props},
            key=_property_rank,
        )
        identities = ET.SubElement(nodeclass, "propertyIdentities")
        for key, kind in declared:
            ET.SubElement(
                identities, "propertyIdentity", {"id": key, "type": kind, "singleValued": "true"}
            )
        for node in members:
            element = ET.SubElement(nodeclass, "node", {"id": node.id, "title": node.name})
            props_element = ET.SubElement(element, "properties")
            for key, _, value in node_props[node.id]:
                ET.SubElement(props_element, "property", {"id": key, "value": value})


def _add_networks(parent: ET.Element, links: tuple[Link, ...], classes: dict[str, str]) -> None:
    """Add one ``<network>`` per relation and pair of node classes, links in model order."""
    grouped: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for link in links:
        group = (link.relation, classes[link.from_node], classes[link.to_node])
        grouped.setdefault(group, []).append((link.from_node, link.to_node))
    for (relation, source, target), pairs in grouped.items():
        network = ET.SubElement(
            parent,
            "network",
            {
                "sourceType": source,
                "source": source,
                "targetType": target,
                "target": target,
                "id": f"{relation} ({source} x {target})",
                "isDirected": "true",
            },
        )
        for tail, head in pairs:
            ET.SubElement(network, "link", {"source": tail, "target": head, "value": "1"})


def _check(model: Model) -> None:
    for key in ("name", "as_of"):
        check_xml_text("dynetml", f"the model's {key}", getattr(model, key))
    for phase in model.phases:
        for key in ("id", "name", "basis"):
            value = getattr(phase, key)
            if value is not None:
                check_xml_text("dynetml", f"phase {phase.id!r} → {key}", value)
    for node in model.nodes.values():
        check_xml_text("dynetml", "a node id", node.id)
        for key, value in node_values(model, node).items():
            check_xml_text("dynetml", f"node {node.id!r} → {key}", value)
    for link in model.links:
        for key, value in link_values(model, link).items():
            if isinstance(value, str):
                check_xml_text("dynetml", f"link {link.key!r} → {key}", value)


def to_dynetml(model: Model, *, phase: str | None = None) -> str:
    """Return the model as a DyNetML document: one ``<MetaNetwork>`` per phase.

    With ``phase``, the document holds that phase's meta-network only. The root carries the
    model's name and as-of date as properties. Attribute order and element order are fixed,
    so the same model always gives the same bytes.

    Examples
    --------
    >>> from c2graph import load_model
    >>> text = to_dynetml(load_model("models/us-rok-cfc.yaml"))
    >>> text.count("<MetaNetwork ")
    2
    """
    phases = [model.phase(phase).id] if phase is not None else list(model.phase_ids)
    _check(model)
    root = ET.Element("DynamicMetaNetwork", {"id": model.name})
    properties = ET.SubElement(root, "properties")
    ET.SubElement(properties, "property", {"id": "as_of", "value": model.as_of})
    for phase_id in phases:
        root.append(_meta_network(model, phase_id))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
