"""Node boxes: the text lines of every node and the box that holds them, in points.

Both renderers draw a node as a box of exactly this size (Graphviz with ``fixedsize``), so
the layout knows every box before anything is drawn and no two boxes can overlap. Widths
come from a generous per-character estimate (DejaVu Sans and Noto Sans CJK advance widths
rounded up), so text stays inside its box in either font.

Example
-------
>>> from c2graph.render.scene import SceneNode
>>> box = node_box(SceneNode("hq", "JJOC", None, "JP", "headquarters"))
>>> [(line.text, line.size, line.bold) for line in box.lines]
[('JJOC', 11.0, True)]
>>> box.width, box.height
(44.0, 28.0)
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass

from .scene import SceneNode
from .style import KIND_STYLES, has_cjk, label_lines

__all__ = [
    "LABEL_PT",
    "MEMBER_COLUMNS",
    "MEMBER_PT",
    "NAME_PT",
    "Box",
    "Line",
    "fitted_lines",
    "member_lines",
    "node_box",
    "node_lines",
    "text_width",
    "wrapped",
]

#: Font sizes (points): the main label, a full name under a short name, a member list.
LABEL_PT, NAME_PT, MEMBER_PT = 11.0, 10.0, 10.0
_LEADING = 1.22
_MAX_LINES = 4
#: How much wider than a box each shape is for the same text (Graphviz's shapes).
_GROWTH = {
    "box": 1.0,
    "ellipse": 1.3,
    "house": 1.25,
    "invtrapezium": 1.45,
    "octagon": 1.2,
    "hexagon": 1.3,
    "parallelogram": 1.5,
}
#: Extra height of shapes whose slanted or pointed ends take room.
_TALL = {"house": 1.35, "invtrapezium": 1.2, "ellipse": 1.25, "hexagon": 1.1, "octagon": 1.1}


@dataclass(frozen=True)
class Line:
    """One text line of a node: its text, font size and weight."""

    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Box:
    """A node's text lines and the width and height (points) of the box around them."""

    lines: tuple[Line, ...]
    width: float
    height: float


def _em(char: str) -> float:
    """Advance width of a character in ems, rounded up; glyphs no font has are wide."""
    if char.isascii():
        return 0.9 if char in "MWmw@%&" else 0.62
    if unicodedata.category(char).startswith("C"):
        return 3.0
    if has_cjk(char) and ord(char) < 0x10000:
        return 1.05
    return 0.8 if ord(char) < 0x0500 else 3.0


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width (points) of ``text`` at ``size`` points.

    >>> text_width("INDOPACOM", 11.0, bold=True)
    70.9
    """
    return round(sum(_em(ch) for ch in text) * size * (1.1 if bold else 1.0), 1)


def wrapped(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """``text`` broken between words into lines no wider than ``width`` points at
    ``size`` points (a word longer than that has a line of its own).

    >>> wrapped("US–Japan alliance C2 variant: combined command", 18.0, 300.0, bold=True)
    ['US–Japan alliance C2', 'variant: combined', 'command']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def fitted_lines(text: str, width: int, count: int) -> list[str]:
    """``text`` in lines of ``width`` columns (:func:`~c2graph.render.style.label_lines`),
    at most ``count`` of them; an ellipsis marks text left out (the hover text has it all).

    >>> fitted_lines("word " * 10, 10, 2)
    ['word word', 'word word …']
    """
    lines = label_lines(text, width)
    return lines if len(lines) <= count else [*lines[: count - 1], lines[count - 1] + " …"]


#: Columns of a body's member list, unless a layout chooses otherwise.
MEMBER_COLUMNS = 18


def node_lines(node: SceneNode, members: int = MEMBER_COLUMNS) -> tuple[Line, ...]:
    """The lines a node shows: its label (bold when it is a short name or sits over the
    full name), the full name under a short name, then the members a body lists, in
    lines of ``members`` columns, and how many units an overview's box holds.

    >>> [l.text for l in node_lines(SceneNode("b", "BOCC", None, "alliance",
    ...     "coordination-body", members=("JJOC", "USFJ")))]
    ['BOCC', 'JJOC · USFJ']
    >>> [l.text for l in node_lines(SceneNode("d", "3 Div", None, "JP", "unit",
    ...     holds="1,234 units"))]
    ['3 Div', '1,234 units']
    """
    short_label = node.short is None and len(node.label) <= 12 and " " not in node.label
    lines: list[Line] = []
    if node.short:
        lines += [Line(t, LABEL_PT, True) for t in fitted_lines(node.short, 16, 2)]
        lines += [Line(t, NAME_PT) for t in fitted_lines(node.label, 24, _MAX_LINES)]
    else:
        lines += [Line(t, LABEL_PT, short_label) for t in fitted_lines(node.label, 20, _MAX_LINES)]
    if node.members:
        lines += [Line(t, MEMBER_PT) for t in member_lines(node.members, members)]
    if node.holds:
        lines.append(Line(node.holds, NAME_PT))
    return tuple(lines)


def member_lines(names: tuple[str, ...], width: int) -> list[str]:
    """A body's member names joined by `` · `` in lines of about ``width`` columns,
    broken between names (a name longer than a line is broken too; CJK counts two).

    >>> member_lines(("GCC", "SF", "ADC", "USARJ", "C7F", "5AF", "III MEF"), 14)
    ['GCC · SF · ADC ·', 'USARJ · C7F ·', '5AF · III MEF']
    """
    lines: list[str] = []
    for name in names:
        for part in label_lines(name, width):
            if lines and _columns(f"{lines[-1]} · {part}") <= width + 2:
                lines[-1] = f"{lines[-1]} · {part}"
            else:
                if lines:
                    lines[-1] += " ·"
                lines.append(part)
    return lines


def _columns(text: str) -> int:
    return sum(2 if has_cjk(ch) else 1 for ch in text)


@functools.lru_cache(maxsize=2048)
def node_box(node: SceneNode, members: int = MEMBER_COLUMNS) -> Box:
    """The box of a node: its lines (member lists of ``members`` columns) and a size that
    holds them in the node's shape.

    >>> node_box(SceneNode("u", "Fleet", None, "JP", "unit")).width
    68.0
    """
    lines = node_lines(node, members)
    shape = KIND_STYLES[node.kind].shape
    text_w = max(text_width(line.text, line.size, bold=line.bold) for line in lines)
    text_h = sum(line.size * _LEADING for line in lines)
    width = math.ceil((text_w + 14) * _GROWTH[shape] / 2) * 2.0
    height = math.ceil((text_h + 12) * _TALL.get(shape, 1.0) / 2) * 2.0
    return Box(lines, max(width, 44.0), max(height, 28.0))
