"""Hover texts of a chart: what a node or a link is, when it holds, on what basis and source.

Every SVG node and link carries one as its ``<title>`` (real names, never internal ids),
so a reader pointing at a line learns its relation, its phases, its legal basis, its
source and how sure the model is of it.

Example
-------
>>> from c2graph import load_model
>>> model = load_model("models/us-rok-cfc.yaml")
>>> print(link_title(model, model.link("wartime-opcon-rok"), None))
ROK–U.S. Combined Forces Command → Designated ROK forces: OPCON
phases: Wartime (hostilities)
source: ROK–U.S. Combined Forces Command and the transition of wartime OPCON
confidence: high
"""

from __future__ import annotations

from ..model import Link, Model, Node
from ..vocabulary import RELATIONS
from .style import nation_style

__all__ = ["link_title", "node_title"]


def _phases(model: Model, phases: frozenset[str], lang: str | None) -> str:
    if phases >= set(model.phase_ids):
        return "phases: all"
    names = [
        dict(p.names).get(lang, p.name) if lang else p.name for p in model.phases if p.id in phases
    ]
    return "phases: " + ", ".join(names)


def _source(model: Model, source: str | None) -> str | None:
    if source is None:
        return None
    known = model.sources.get(source)
    return f"source: {known.title if known else source}"


def node_title(model: Model, node: Node, lang: str | None) -> str:
    """The hover text of a node: name (and short name), kind, nation, phases, source and
    confidence.

    Examples
    --------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> print(node_title(model, model.node("al-cfc"), None))
    ROK–U.S. Combined Forces Command (CFC)
    headquarters · Alliance bodies
    phases: all
    source: ROK–U.S. Combined Forces Command and the transition of wartime OPCON
    confidence: high
    """
    name = node.label(lang)
    heading = f"{name} ({node.short})" if node.short and node.short != name else name
    lines = [
        heading,
        f"{node.kind.replace('-', ' ')} · {nation_style(node.nation).caption}",
        _phases(model, node.phases, lang),
        _source(model, node.source),
        f"confidence: {node.confidence}" if node.confidence else None,
    ]
    return "\n".join(line for line in lines if line)


def link_title(model: Model, link: Link, lang: str | None) -> str:
    """The hover text of a link: its ends' names and relation, phases, legal basis, source
    and confidence (see the module example)."""
    tail, head = model.node(link.from_node), model.node(link.to_node)
    lines = [
        f"{tail.label(lang)} → {head.label(lang)}: {RELATIONS[link.relation].label}",
        _phases(model, link.phases, lang),
        f"legal basis: {link.basis}" if link.basis else None,
        _source(model, link.source),
        f"confidence: {link.confidence}" if link.confidence else None,
    ]
    return "\n".join(line for line in lines if line)
