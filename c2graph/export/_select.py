"""What an export contains: the nodes and links of a model or of one phase, as flat values."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import RenderError
from ..model import Link, Model, Node
from ..vocabulary import RELATIONS

__all__ = [
    "LINK_COLUMNS",
    "NODE_COLUMNS",
    "Selection",
    "check_dot_text",
    "check_xml_text",
    "columns",
    "link_values",
    "node_values",
    "ordered_phases",
    "select",
]


@dataclass(frozen=True)
class Selection:
    """The nodes and links an export writes, in model order."""

    nodes: tuple[Node, ...]
    links: tuple[Link, ...]


def select(model: Model, phase: str | None = None) -> Selection:
    """Return every node and link, or those holding in ``phase`` (checked; unknown ids raise).

    ``phase`` is any situation: a phase of any nation's set, or a scenario. A link is kept
    only when both of its ends are kept, so that an export never names a node it does not
    contain.
    """
    if phase is not None:
        model.situation(phase)
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


#: Optional node values, in the order exports write them.
_NODE_OPTIONAL = ("short", "echelon", "location", "source", "confidence", "note")
#: Every value :func:`node_values` may give except names in other languages (``name_xx``).
NODE_COLUMNS: tuple[str, ...] = ("name", "nation", "kind", *_NODE_OPTIONAL, "phases")
#: Optional link values: the model's key names (``id`` is written ``link_id``).
_LINK_OPTIONAL = ("id", "basis", "source", "confidence", "as_of", "note")
#: Every value :func:`link_values` may give, in order.
LINK_COLUMNS: tuple[str, ...] = (
    "key",
    "relation",
    "class",
    "layer",
    "authority",
    "phases",
    "link_id",
    *_LINK_OPTIONAL[1:],
)


def columns(rows: Sequence[Mapping[str, object]], order: tuple[str, ...]) -> list[str]:
    """Return the value names the rows use: those of ``order`` first, in that order, then
    the others (names in other languages) sorted.

    >>> columns([{"name_ja": "x", "kind": "unit"}, {"name": "A"}], NODE_COLUMNS)
    ['name', 'kind', 'name_ja']
    """
    used = {key for row in rows for key in row}
    return [key for key in order if key in used] + sorted(used.difference(order))


def node_values(model: Model, node: Node) -> dict[str, str]:
    """Return a node's attributes as text: name, nation, kind, then what the model gives.

    ``phases`` is the comma-joined list of the phases in which the node holds, in phase
    order; names in other languages appear as ``name_ja``, ``name_ko``, ...
    """
    values = {"name": node.name, "nation": node.nation, "kind": node.kind}
    for key in _NODE_OPTIONAL:
        value = getattr(node, key)
        if value is not None:
            values[key] = value
    values["phases"] = ",".join(ordered_phases(model, node.phases))
    for lang, text in node.names:
        values[f"name_{lang}"] = text
    return values


def link_values(model: Model, link: Link) -> dict[str, str | bool]:
    """Return a link's attributes: key, relation, class, layer, authority, phases, provenance.

    ``class`` is ``authority`` or ``coordination`` and ``layer`` the relation's layer (see
    :mod:`c2graph.vocabulary`); ``phases`` is the comma-joined list of the phases in which
    the link holds.
    """
    info = RELATIONS[link.relation]
    values: dict[str, str | bool] = {
        "key": link.key,
        "relation": link.relation,
        "class": info.relation_class.value,
        "layer": info.layer.value,
        "authority": link.is_authority,
        "phases": ",".join(ordered_phases(model, link.phases)),
    }
    for key in _LINK_OPTIONAL:
        value = getattr(link, key)
        if value is not None:
            values["link_id" if key == "id" else key] = value
    return values


# Characters XML 1.0 cannot carry at all: C0 controls other than tab, newline and carriage
# return, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters a DOT file cannot carry: NUL (Graphviz reads C strings) and lone surrogates
# (not UTF-8).
_NOT_DOT = re.compile("[\x00\ud800-\udfff]")


def check_xml_text(fmt: str, where: str, text: str) -> str:
    """Return ``text`` unchanged, or raise :class:`RenderError` if XML cannot carry it."""
    return _check(_NOT_XML, "XML", fmt, where, text)


def check_dot_text(where: str, text: str) -> str:
    """Return ``text`` unchanged, or raise :class:`RenderError` if DOT cannot carry it."""
    return _check(_NOT_DOT, "DOT text", "dot", where, text)


def _check(pattern: re.Pattern[str], carrier: str, fmt: str, where: str, text: str) -> str:
    bad = pattern.search(text)
    if bad:
        raise RenderError(
            f"{fmt}: {where} contains the character U+{ord(bad.group()):04X}, which "
            f"{carrier} cannot carry; remove it from the model to export this format"
        )
    return text
