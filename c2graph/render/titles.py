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

from ..messages import Messages, interface
from ..model import Link, Model, Node
from .style import nation_style

__all__ = ["link_title", "node_title"]


def _phases(model: Model, phases: frozenset[str], lang: str | None, msg: Messages) -> str:
    if phases >= set(model.phase_ids):
        return msg("title.phases_all")
    names = [
        dict(p.names).get(lang, p.name) if lang else p.name for p in model.phases if p.id in phases
    ]
    return msg("title.phases", phases=msg.join(names))


def _source(model: Model, source: str | None, msg: Messages) -> str | None:
    if source is None:
        return None
    known = model.sources.get(source)
    return msg("title.source", source=known.title if known else source)


def _confidence(confidence: str | None, msg: Messages) -> str | None:
    if confidence is None:
        return None
    return msg("title.confidence", confidence=msg.word("confidence", confidence))


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
    msg = interface(lang)
    name = node.label(lang)
    named = name != node.name
    heading = f"{name} ({node.short})" if node.short and node.short != name and not named else name
    nation = msg.nation(node.nation) if msg.has(f"nation.{node.nation}") else None
    lines = [
        heading,
        f"{msg.kind(node.kind)} · {nation or nation_style(node.nation).caption}",
        _phases(model, node.phases, lang, msg),
        _source(model, node.source, msg),
        _confidence(node.confidence, msg),
    ]
    return "\n".join(line for line in lines if line)


def link_title(model: Model, link: Link, lang: str | None) -> str:
    """The hover text of a link: its ends' names and relation, phases, legal basis, source
    and confidence (see the module example)."""
    msg = interface(lang)
    tail, head = model.node(link.from_node), model.node(link.to_node)
    lines = [
        f"{tail.label(lang)} → {head.label(lang)}: {msg.relation(link.relation)}",
        _phases(model, link.phases, lang, msg),
        msg("title.basis", basis=link.basis) if link.basis else None,
        _source(model, link.source, msg),
        _confidence(link.confidence, msg),
    ]
    return "\n".join(line for line in lines if line)
