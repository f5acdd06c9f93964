"""The plain networkx graph that the GraphML and GEXF exports write: text and bool values only."""

from __future__ import annotations

import networkx as nx

from ..model import Model
from ._select import check_xml_text, link_values, node_values, select

__all__ = ["plain_graph"]


def plain_graph(model: Model, fmt: str, *, phase: str | None = None) -> nx.MultiDiGraph:
    """Return a new MultiDiGraph of the model (or of ``phase``) with flat attributes.

    Nodes are keyed by model node id and carry :func:`~c2graph.export._select.node_values`;
    edges are keyed by link key and carry :func:`~c2graph.export._select.link_values`. The
    graph carries ``name``, ``as_of``, ``phases`` (every phase id, in order) and, when
    limited to one, ``phase``. Raises :class:`RenderError` for text XML cannot carry.
    """
    selection = select(model, phase)
    graph = nx.MultiDiGraph()
    graph.graph.update(name=model.name, as_of=model.as_of, phases=",".join(model.phase_ids))
    if phase is not None:
        graph.graph["phase"] = phase
    for key, value in graph.graph.items():
        check_xml_text(fmt, f"the model's {key}", value)
    for node in selection.nodes:
        values = node_values(model, node)
        check_xml_text(fmt, "a node id", node.id)
        for key, value in values.items():
            check_xml_text(fmt, f"node {node.id!r} → {key}", value)
        graph.add_node(node.id, **values)
    for link in selection.links:
        link_data = link_values(model, link)
        for key, value in link_data.items():
            if isinstance(value, str):
                check_xml_text(fmt, f"link {link.key!r} → {key}", value)
        graph.add_edges_from([(link.from_node, link.to_node, link.key, link_data)])
    return graph
