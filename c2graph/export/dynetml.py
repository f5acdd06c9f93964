"""DyNetML text of a model, for CMU CASOS ORA: a dynamic meta-network of one slice per phase.

The document is a ``<DynamicMetaNetwork>`` with one ``<MetaNetwork>`` per situation of the
model (id = its phase or scenario id): its phases in order, then the other nations' phases,
then its scenarios, each holding the nodes and links that hold in it. ORA orders the
slices of a dynamic meta-network by their ``date``; situations have no date, so slice *i*
is dated the model's as-of date plus *i* days (``YYYY-MM-DDT00:00:00``): an order ORA can
step through, not a claim about when a phase begins. The slice's name, index, the phase
of each nation (``situation``), whether it is a scenario, a phase's basis and declarer,
and the model's name and as-of date, are the slice's properties.

Every node is in one node class, ``Organization``: c2graph nodes are offices and bodies
(the Prime Minister is the office, not a person), and one class lets the whole chain of
command be one network, which ORA's hierarchy measures need. The node's ``kind`` is a
property, with its nation, echelon, location, source, confidence, note, phases and names
in other languages (each declared in ``propertyIdentities``).

Networks, the same in every slice (so ORA can compare slices):

- ``Organization x Organization - chain of command``: every authority link (command,
  COCOM, OPCON, TACON, ADCON, control); its properties name the ``relation``, ``layer``,
  link ``key`` and the ``basis``, ``source``, ``confidence``, ``as_of`` and ``note`` the
  model gives. ORA holds one link per ordered pair, so two authority links joining the same
  pair in a phase become one link whose properties read ``relation: value`` for each, joined
  by `` | ``;
- ``Organization x Organization - <relation>`` for each coordination-class relation the
  model uses (support, coordination, liaison, counterpart, member), with the same link
  properties.

Every network is directed, binary (``isBinary="true"``, each link ``value="1"``) and
without self-loops, as ORA's DyNetML reader requires these attributes.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...     {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}], "links": [
...     {"from": "pm", "to": "hq", "relation": "command"}]})
>>> '<MetaNetwork id="p" date="2025-01-01T00:00:00">' in to_dynetml(model)
True

References
----------
Tsvetovat, Reminga & Carley (2004), "DyNetML: Interchange format for rich social network
data", CMU-ISRI-04-105; ORA user's guide (CASOS, Carnegie Mellon University).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..model import Link, Model, Node
from ..vocabulary import RELATIONS
from ._select import NODE_COLUMNS, check_xml_text, columns, link_values, node_values, select

__all__ = ["CHAIN_OF_COMMAND", "NODE_CLASS", "slice_date", "to_dynetml"]

#: The ORA node class of every node.
NODE_CLASS = "Organization"
#: The name of the network holding every authority link.
CHAIN_OF_COMMAND = "chain of command"
_PAIR = f"{NODE_CLASS} x {NODE_CLASS}"
# DyNetML property types of node values: categories ORA can group by, or free text.
_CATEGORIES = frozenset({"nation", "kind", "echelon", "location", "source", "confidence"})
# Link values written as properties (``authority`` and ``class`` follow from the network).
_LINK_PROPERTIES = (
    "relation",
    "layer",
    "key",
    "link_id",
    "basis",
    "source",
    "confidence",
    "as_of",
    "note",
)


def slice_date(model: Model, index: int) -> str:
    """Return the ``date`` of slice ``index``: the as-of date (first of the month or year
    when only those are given) plus ``index`` days.

    >>> from c2graph import load_model
    >>> slice_date(load_model("models/us-rok-cfc.yaml"), 1)
    '2019-01-02T00:00:00'
    """
    year, month, day = ([*map(int, model.as_of.split("-")), 1, 1])[:3]
    return (dt.date(year, month, day) + dt.timedelta(days=index)).isoformat() + "T00:00:00"


def _property(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "property", {"id": key, "value": value})


def _slice_properties(meta: ET.Element, model: Model, situation_id: str, index: int) -> None:
    situation = model.situation(situation_id)
    record = None if situation.scenario else model.phase(situation_id)
    properties = ET.SubElement(meta, "properties")
    for key, value in (
        ("name", situation.name),
        ("index", str(index)),
        ("situation", situation.text()),
        ("scenario", "true" if situation.scenario else "false"),
        ("basis", record.basis if record else None),
        ("declared_by", record.declared_by if record else None),
        ("model", model.name),
        ("as_of", model.as_of),
    ):
        if value is not None:
            _property(properties, key, value)


def _add_nodes(parent: ET.Element, model: Model, nodes: tuple[Node, ...]) -> None:
    """Add the node class, declaring every property its nodes use, then the nodes."""
    nodeclass = ET.SubElement(parent, "nodeclass", {"type": NODE_CLASS, "id": NODE_CLASS})
    rows = [{k: v for k, v in node_values(model, n).items() if k != "name"} for n in nodes]
    identities = ET.SubElement(nodeclass, "propertyIdentities")
    for key in columns(rows, NODE_COLUMNS):
        kind = "categoryText" if key in _CATEGORIES else "text"
        ET.SubElement(
            identities, "propertyIdentity", {"id": key, "type": kind, "singleValued": "true"}
        )
    for node, row in zip(nodes, rows, strict=True):
        element = ET.SubElement(nodeclass, "node", {"id": node.id, "title": node.name})
        properties = ET.SubElement(element, "properties")
        for key, value in row.items():
            _property(properties, key, value)


def _link_properties(model: Model, links: list[Link]) -> list[tuple[str, str]]:
    """Return the properties of the ORA link standing for ``links`` (one ordered pair)."""
    values = [link_values(model, link) for link in links]
    merged = []
    for key in _LINK_PROPERTIES:
        given = [(v["relation"], v[key]) for v in values if key in v]
        if not given:
            continue
        if len(values) == 1:
            merged.append((key, str(given[0][1])))
        else:
            merged.append((key, " | ".join(f"{relation}: {value}" for relation, value in given)))
    return merged


def _network(parent: ET.Element, name: str, model: Model, links: list[Link]) -> None:
    network = ET.SubElement(
        parent,
        "network",
        {
            "sourceType": NODE_CLASS,
            "source": NODE_CLASS,
            "targetType": NODE_CLASS,
            "target": NODE_CLASS,
            "id": f"{_PAIR} - {name}",
            "isDirected": "true",
            "allowSelfLoops": "false",
            "isBinary": "true",
        },
    )
    pairs: dict[tuple[str, str], list[Link]] = {}
    for link in links:
        pairs.setdefault((link.from_node, link.to_node), []).append(link)
    for (tail, head), joined in pairs.items():
        element = ET.SubElement(network, "link", {"source": tail, "target": head, "value": "1"})
        properties = ET.SubElement(element, "properties")
        for key, value in _link_properties(model, joined):
            _property(properties, key, value)


def _networks(model: Model) -> list[str]:
    """The networks of every slice: the chain of command, then each coordination relation
    the model uses, in vocabulary order."""
    used = {link.relation for link in model.links}
    return [CHAIN_OF_COMMAND] + [
        r for r, info in RELATIONS.items() if not info.is_authority and r in used
    ]


def _meta_network(model: Model, situation: str) -> ET.Element:
    """Return the ``<MetaNetwork>`` of one situation: its properties, nodes and networks."""
    selection = select(model, situation)
    index = list(model.situations).index(situation)
    meta = ET.Element("MetaNetwork", {"id": situation, "date": slice_date(model, index)})
    _slice_properties(meta, model, situation, index)
    _add_nodes(ET.SubElement(meta, "nodes"), model, selection.nodes)
    networks = ET.SubElement(meta, "networks")
    for name in _networks(model):
        links = [
            link
            for link in selection.links
            if (link.is_authority if name == CHAIN_OF_COMMAND else link.relation == name)
        ]
        _network(networks, name, model, links)
    return meta


def _check(model: Model) -> None:
    for key in ("name", "as_of"):
        check_xml_text("dynetml", f"the model's {key}", getattr(model, key))
    for phase in model.phases:
        for key in ("id", "name", "basis", "declared_by"):
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
    """Return the model as a DyNetML document: one ``<MetaNetwork>`` per situation.

    With ``phase`` (a phase or scenario id), the document holds that situation's
    meta-network only (dated as in the whole document). Attribute and element order are
    fixed, so the same model always gives the same bytes.

    Raises
    ------
    QueryError
        ``phase`` is not a phase of the model.
    RenderError
        A text XML cannot carry (a control character in a name).

    Examples
    --------
    >>> from c2graph import load_model
    >>> text = to_dynetml(load_model("models/us-rok-cfc.yaml"))
    >>> text.count("<MetaNetwork "), text.count(' id="Organization x Organization - chain')
    (2, 2)
    """
    slices = [model.situation(phase).id] if phase is not None else list(model.situations)
    _check(model)
    root = ET.Element("DynamicMetaNetwork", {"id": model.name})
    for situation in slices:
        root.append(_meta_network(model, situation))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
