"""The one style table of every renderer: node shapes by kind, colours by nation, lines by relation.

Doctrinal command charts (JP 1 figures) draw command, COCOM and OPCON as solid lines,
TACON, ADCON, control and support as dashed or dotted variants, and coordination-class
links in a distinct style; so does this table. Both the Graphviz and the matplotlib
renderer read it, and the legend is generated from it for exactly what a diagram draws.

Example
-------
>>> RELATION_STYLES["tacon"].line
'dashed'
>>> nation_order(["US", "alliance", "JP"])
('JP', 'alliance', 'US')
>>> [e.key for e in legend_entries(kinds={"unit"}, relations={"opcon", "member"},
...                                 nations={"JP"}, marks=())]
['opcon', 'member', 'unit', 'JP']

References
----------
Joint Publication 1, *Doctrine for the Armed Forces of the United States*, command
relationships figures (line conventions for COCOM, OPCON, TACON, ADCON, support).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..vocabulary import NODE_KINDS, RELATIONS, SPECIAL_NATIONS

if TYPE_CHECKING:
    from ..messages import Messages

__all__ = [
    "ARROW_LENGTH",
    "CJK_FONT",
    "DIFF_MARKS",
    "FAINT_ALPHA",
    "FONT",
    "KIND_STYLES",
    "MARK_STYLES",
    "NOTES",
    "RELATION_STYLES",
    "EdgeStyle",
    "KindStyle",
    "LegendEntry",
    "LinkLook",
    "MarkStyle",
    "NationStyle",
    "NodeLook",
    "edge_mark",
    "font_for",
    "has_cjk",
    "label_lines",
    "legend_entries",
    "link_look",
    "nation_order",
    "nation_style",
    "node_look",
    "node_mark",
    "printable",
]

#: Font of every label; Japanese labels switch to :data:`CJK_FONT` (Debian fonts-noto-cjk).
FONT = "DejaVu Sans"
CJK_FONT = "Noto Sans CJK JP"


@dataclass(frozen=True)
class KindStyle:
    """How a node kind is drawn: an outline shape shared by both renderers."""

    shape: str
    penwidth: float
    rounded: bool = False


@dataclass(frozen=True)
class EdgeStyle:
    """How a relation is drawn: line pattern, colour, width and arrowheads."""

    line: str
    colour: str
    penwidth: float
    arrowhead: str
    caption: str
    both_ends: bool = False


@dataclass(frozen=True)
class NationStyle:
    """Fill and outline colours of one nation's nodes and of its cluster, with its caption."""

    fill: str
    line: str
    cluster: str
    caption: str


@dataclass(frozen=True)
class MarkStyle:
    """An overlay mark (chain of command, bottleneck, removal, phase switch)."""

    colour: str
    penwidth: float
    label: str


@dataclass(frozen=True)
class LegendEntry:
    """One legend line: ``group`` is relation, kind, nation or mark; ``key`` its id."""

    group: str
    key: str
    label: str


#: Shapes are Graphviz shape names; the matplotlib renderer draws the same outlines.
KIND_STYLES: dict[str, KindStyle] = {
    "political-authority": KindStyle("house", 1.6),
    "legislature": KindStyle("invtrapezium", 1.2),
    "ministry": KindStyle("octagon", 1.2),
    "staff": KindStyle("box", 1.0, rounded=True),
    "headquarters": KindStyle("box", 2.2),
    "component": KindStyle("box", 1.0),
    "unit": KindStyle("ellipse", 1.0),
    "agency": KindStyle("parallelogram", 1.0),
    "coordination-body": KindStyle("hexagon", 1.6),
    "forum": KindStyle("octagon", 1.6),
}

_COORD = "#c06000"

RELATION_STYLES: dict[str, EdgeStyle] = {
    "command": EdgeStyle("solid", "#111111", 2.4, "normal", "command (full national command)"),
    "cocom": EdgeStyle("solid", "#1f3f8f", 2.0, "normal", "COCOM (combatant command)"),
    "opcon": EdgeStyle("solid", "#444444", 1.3, "normal", "OPCON (operational control)"),
    "tacon": EdgeStyle("dashed", "#444444", 1.3, "normal", "TACON (tactical control)"),
    "transmits": EdgeStyle(
        "solid", "#777777", 1.6, "empty", "transmits orders (conduit, no command of its own)"
    ),
    "adcon": EdgeStyle("dotted", "#777777", 1.3, "normal", "ADCON (administrative control)"),
    "civil-command": EdgeStyle(
        "solid", "#8b5a00", 1.6, "normal", "civil command of a ministry or agency"
    ),
    "control": EdgeStyle("dashed", "#8b5a00", 1.6, "normal", "control of a civilian agency"),
    "support": EdgeStyle("dotted", "#2e7d32", 1.6, "empty", "support"),
    "coordination": EdgeStyle("dashed", _COORD, 1.4, "none", "coordination"),
    "liaison": EdgeStyle("dotted", _COORD, 1.4, "none", "liaison"),
    "counterpart": EdgeStyle("solid", _COORD, 1.4, "dot", "counterparts", both_ends=True),
    "member": EdgeStyle("dotted", _COORD, 1.4, "odot", "member of a body"),
    "shares-picture": EdgeStyle("dashed", "#6a3d9a", 1.4, "odot", "shares a common picture"),
}

_NATIONS: dict[str, NationStyle] = {
    "JP": NationStyle("#fbe4e4", "#a3121b", "#fdf4f4", "Japan"),
    "US": NationStyle("#dfe8f6", "#1f4e8c", "#f4f7fc", "United States"),
    "KR": NationStyle("#e0f0ee", "#00695c", "#f3faf9", "Republic of Korea"),
    "alliance": NationStyle("#ece2f4", "#5e3a8c", "#f8f4fb", "Alliance bodies"),
    "multinational": NationStyle("#eeeedd", "#6b6b2e", "#f9f9f2", "Multinational"),
}
_OTHER_NATIONS: tuple[tuple[str, str, str], ...] = (
    ("#fff0d4", "#9a5b00", "#fffaf0"),
    ("#e6f2dc", "#3e6b1f", "#f6fbf2"),
    ("#f0e0ea", "#83285a", "#fbf5f8"),
    ("#e4e4e4", "#444444", "#f7f7f7"),
)

#: Overlay marks, in legend order.
MARK_STYLES: dict[str, MarkStyle] = {
    "path": MarkStyle("#d62728", 3.2, "chain of command"),
    "bottleneck": MarkStyle("#ff7f0e", 3.2, "bottleneck (dominator or cut node)"),
    "removed": MarkStyle("#7f7f7f", 2.0, "removed"),
    "cut-off": MarkStyle("#d62728", 2.0, "cut off by the removal"),
    "switch": MarkStyle("#e6007e", 3.0, "switches between the shown phases"),
    # The diff chart's marks (c2graph.render.diff), one colour per kind of change.
    "diff-added": MarkStyle("#1a9850", 3.0, "added"),
    "diff-removed": MarkStyle("#d73027", 3.0, "removed"),
    "diff-retyped": MarkStyle("#2166ac", 3.0, "relation changed"),
    "diff-changed": MarkStyle(
        "#7b3294", 3.0, "record changed (basis, source, confidence, phases, names)"
    ),
}

#: The diff marks, in legend order.
DIFF_MARKS: tuple[str, ...] = ("diff-added", "diff-removed", "diff-retyped", "diff-changed")


#: Legend notes: how a chart shows membership and links the model is unsure of.
NOTES: dict[str, str] = {
    "members": "members, listed in their body",
    "low-confidence": "? faint: low confidence",
}


#: Which overlay mark colours a node's outline, or a link, when it has several: the last.
_NODE_MARK_ORDER = ("removed", "cut-off", "bottleneck", "path", "switch", *DIFF_MARKS)
_EDGE_MARK_ORDER = ("removed", "switch", "path", *DIFF_MARKS)


def node_mark(marks: Iterable[str]) -> MarkStyle | None:
    """Return the style of the overlay mark that colours a node's outline, if any.

    >>> node_mark({"path", "bottleneck"}).label
    'chain of command'
    """
    return _last_mark(marks, _NODE_MARK_ORDER)


def edge_mark(marks: Iterable[str]) -> MarkStyle | None:
    """Return the style of the overlay mark that colours a link, if any.

    >>> edge_mark({"removed"}).colour, edge_mark(set())
    ('#7f7f7f', None)
    """
    return _last_mark(marks, _EDGE_MARK_ORDER)


def _last_mark(marks: Iterable[str], order: tuple[str, ...]) -> MarkStyle | None:
    given = set(marks)
    shown = [MARK_STYLES[mark] for mark in order if mark in given]
    return shown[-1] if shown else None


@dataclass(frozen=True)
class LinkLook:
    """How one drawn link looks: line pattern, colour, width, the arrowheads at its head
    and (for links drawn with both ends) its tail, and whether it is faint (the model's
    confidence in it is low)."""

    line: str
    colour: str
    penwidth: float
    head: str
    tail: str | None
    faint: bool


#: The opacity of a faint (low-confidence) link.
FAINT_ALPHA = 0.4
#: The length (points) of each arrowhead along its link (Graphviz's at ``arrowsize=0.7``).
ARROW_LENGTH: dict[str, float] = {"normal": 7.0, "empty": 7.0, "dot": 5.6, "odot": 5.6, "none": 0.0}


def link_look(relation: str, marks: Iterable[str] = (), confidence: str | None = None) -> LinkLook:
    """The look of a link of ``relation`` with overlay ``marks``; both renderers use it.

    >>> link_look("counterpart", confidence="low")
    LinkLook(line='solid', colour='#c06000', penwidth=1.4, head='dot', tail='dot', faint=True)
    >>> link_look("opcon", {"path"}).colour
    '#d62728'
    """
    style = RELATION_STYLES[relation]
    colour, width = style.colour, style.penwidth
    mark = edge_mark(marks)
    if mark is not None:
        colour, width = mark.colour, max(style.penwidth, mark.penwidth)
    tail = style.arrowhead if style.both_ends else None
    return LinkLook(style.line, colour, width, style.arrowhead, tail, confidence == "low")


@dataclass(frozen=True)
class NodeLook:
    """How one drawn node looks: fill, outline colour and width, whether the outline is
    dashed, the colour of its text and whether a second outline rings it."""

    fill: str
    line: str
    penwidth: float
    dashed: bool
    ink: str
    ring: bool


def node_look(
    kind: str, nation: str, nations: Iterable[str], marks: Iterable[str] = ()
) -> NodeLook:
    """The look of a node of ``kind`` and ``nation`` with overlay ``marks``; both
    renderers use it. A node drawn as removed is grey, cut-off and dropped ones dashed,
    bottlenecks ringed.

    >>> node_look("unit", "JP", ["JP"], {"removed"})
    NodeLook(fill='#eeeeee', line='#7f7f7f', penwidth=2.0, dashed=True, ink='#7f7f7f', ring=False)
    """
    given = set(marks)
    colours = nation_style(nation, nations)
    line, width = colours.line, KIND_STYLES[kind].penwidth
    mark = node_mark(given)
    if mark is not None:
        line, width = mark.colour, mark.penwidth
    removed = "removed" in given
    return NodeLook(
        "#eeeeee" if removed else colours.fill,
        line,
        width,
        bool({"removed", "cut-off", "diff-removed"} & given),
        "#7f7f7f" if removed else "black",
        "bottleneck" in given,
    )


def nation_order(nations: Iterable[str]) -> tuple[str, ...]:
    """Order nations left to right: countries other than the US, alliance bodies, the US.

    Japan (or the other partner) is drawn on the left, alliance and multinational bodies in
    the middle and the United States on the right.

    Examples
    --------
    >>> nation_order(["US", "multinational", "KR"])
    ('KR', 'multinational', 'US')
    """

    def key(nation: str) -> tuple[int, str]:
        if nation == "US":
            return (2, nation)
        return (1, nation) if nation in SPECIAL_NATIONS else (0, nation)

    return tuple(sorted(set(nations), key=key))


def nation_style(nation: str, nations: Iterable[str] = ()) -> NationStyle:
    """Return the colours of ``nation``; unknown countries take colours by their sorted rank.

    ``nations`` lists every nation of the model so that a country keeps its colour across
    the diagrams of one model.

    Examples
    --------
    >>> nation_style("JP").caption, nation_style("FR", ["FR", "DE"]).fill
    ('Japan', '#e6f2dc')
    """
    if nation in _NATIONS:
        return _NATIONS[nation]
    others = sorted({n for n in nations if n not in _NATIONS} | {nation})
    fill, line, cluster = _OTHER_NATIONS[others.index(nation) % len(_OTHER_NATIONS)]
    return NationStyle(fill, line, cluster, nation)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese, Japanese or Korean characters.

    Examples
    --------
    >>> has_cjk("統合作戦司令部"), has_cjk("JJOC")
    (True, False)
    """
    return any(
        unicodedata.east_asian_width(ch) in ("W", "F")
        and not unicodedata.category(ch).startswith("C")
        for ch in text
    )


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Normalise line ends and tabs; replace control characters, lone surrogates and
    non-characters (which SVG, XML and UTF-8 cannot carry) by U+FFFD.

    >>> printable("a\\tb\\r\\nc\\x00") == "a b\\nc\\ufffd"
    True
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNPRINTABLE.sub("\ufffd", text)


def label_lines(text: str, width: int = 22) -> list[str]:
    """Split a label into lines of at most ``width`` columns (CJK characters count two).

    Existing line breaks are kept; long words are broken.

    >>> label_lines("Japan Joint Operations Command")
    ['Japan Joint Operations', 'Command']
    """
    if has_cjk(text):
        width = max(1, width // 2)
    lines: list[str] = []
    for part in printable(text).split("\n"):
        lines += textwrap.wrap(part, width, break_on_hyphens=False) or [""]
    return lines


def font_for(texts: Iterable[str]) -> str:
    """Return :data:`CJK_FONT` when any text needs it, else :data:`FONT`.

    Examples
    --------
    >>> font_for(["JJOC", "統合作戦司令部"])
    'Noto Sans CJK JP'
    """
    return CJK_FONT if any(has_cjk(t) for t in texts) else FONT


def legend_entries(
    *,
    kinds: Iterable[str],
    relations: Iterable[str],
    nations: Iterable[str],
    marks: Iterable[tuple[str, str]] | Iterable[str],
    notes: Iterable[str] = (),
    msg: Messages | None = None,
) -> tuple[LegendEntry, ...]:
    """Return the legend for exactly the relations, kinds, nations and marks drawn.

    Relations come in vocabulary order, then the notes (:data:`NOTES`: member lists,
    low-confidence links), node kinds, nations (left to right) and overlay marks. A mark is
    given as its id or as ``(id, label)`` to override the standard label.  With ``msg``
    (:func:`c2graph.messages.messages`), every label is in its language.

    Examples
    --------
    >>> [(e.group, e.label) for e in legend_entries(
    ...     kinds=(), relations=("tacon",), nations=(), marks=[("path", "chain to X")])]
    [('relation', 'TACON (tactical control)'), ('mark', 'chain to X')]
    """
    relation_set, kind_set = set(relations), set(kinds)
    entries = [
        LegendEntry("relation", r, msg.caption(r) if msg else RELATION_STYLES[r].caption)
        for r in RELATIONS
        if r in relation_set
    ]
    note_set = set(notes)
    entries += [
        LegendEntry("note", n, msg.word("note", n) if msg else label)
        for n, label in NOTES.items()
        if n in note_set
    ]
    entries += [
        LegendEntry("kind", k, msg.kind(k) if msg else k.replace("-", " "))
        for k in NODE_KINDS
        if k in kind_set
    ]
    nation_list = list(nations)
    entries += [
        LegendEntry(
            "nation",
            n,
            msg.nation(n)
            if msg and msg.has(f"nation.{n}")
            else nation_style(n, nation_list).caption,
        )
        for n in nation_order(nation_list)
    ]
    given = dict(
        m if isinstance(m, tuple) else (m, msg.word("mark", m) if msg else MARK_STYLES[m].label)
        for m in marks
    )
    entries += [LegendEntry("mark", m, given[m]) for m in MARK_STYLES if m in given]
    return tuple(entries)
