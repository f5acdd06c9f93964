"""What an export contains: the nodes and links of a model or of one phase, as flat values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import RenderError
from ..model import Link, Model, Node
from ..vocabulary import RELATIONS

__all__ = ["Selection", "check_xml_text", "link_values", "node_values", "ordered_phases", "select"]


@dataclass(frozen=True)
class Selection:
    """The nodes and links an export writes, in model order."""

    nodes: tuple[Node, ...]
    links: tuple[Link, ...]


def select(model: Model, phase: str | None = None) -> Selection:
    """Return every node and link, or those holding in ``phase`` (checked; unknown ids raise).

    A link is kept only when both of its ends are kept, so that an export never names a
    node it does not contain.
    """
    if phase is not None:
        model.phase(phase)
    nodes = tuple(n for n in model.nodes.values() if phase is None or phase in n.phases)
    kept = {n.id for n in nodes}
    links = tuple(
        link
        for link in model.links
        if (phase is None or phase in link.phases)
        and link.from_node in kept
        and link.to_node in kept
    )
    return Selection(nodes, links)


def ordered_phases(model: Model, phases: frozenset[str]) -> list[str]:
    """Return the phase and scenario ids of a set in the model's order (the first phase
    set, the other nations' phases, then the scenarios)."""
    return [p for p in model.situations if p in phases]


def node_values(model: Model, node: Node) -> dict[str, str]:
    """Return a node's attributes as text: name, nation, kind, then what the model gives.

    ``phases`` is the comma-joined list of the phases in which the node holds, in phase
    order; names in other languages appear as ``name_ja``, ``name_ko``, ...
    """
    values = {"name": node.name, "nation": node.nation, "kind": node.kind}
    for key in ("short", "echelon", "location", "source", "confidence", "note"):
        value = getattr(node, key)
        if value is not None:
            values[key] = value
    values["phases"] = ",".join(ordered_phases(model, node.phases))
    for lang, text in node.names:
        values[f"name_{lang}"] = text
    return values


def link_values(model: Model, link: Link) -> dict[str, str | bool]:
    """Return a link's attributes: key, relation, class, authority, phases and provenance.

    ``class`` is ``authority`` or ``coordination`` (see :mod:`c2graph.vocabulary`);
    ``phases`` is the comma-joined list of the phases in which the link holds.
    """
    values: dict[str, str | bool] = {
        "key": link.key,
        "relation": link.relation,
        "class": RELATIONS[link.relation].relation_class.value,
        "authority": link.is_authority,
        "phases": ",".join(ordered_phases(model, link.phases)),
    }
    for key in ("id", "basis", "source", "confidence", "as_of", "note"):
        value = getattr(link, key)
        if value is not None:
            values["link_id" if key == "id" else key] = value
    return values


# Characters XML 1.0 cannot carry at all: C0 controls other than tab, newline and carriage
# return, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_xml_text(fmt: str, where: str, text: str) -> str:
    """Return ``text`` unchanged, or raise :class:`RenderError` if XML cannot carry it."""
    bad = _NOT_XML.search(text)
    if bad:
        raise RenderError(
            f"{fmt}: {where} contains the character U+{ord(bad.group()):04X}, which XML "
            "cannot carry; remove it from the model to export this format"
        )
    return text
