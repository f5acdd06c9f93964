"""Graphviz renderer: an explicit ``pydot.Dot`` built from the style table and the layout.

The chart is placed by :mod:`c2graph.render.layout` (nations left | alliance | right, a row
per echelon, stacked subordinates, staffs beside their commander) and every node is pinned
there as a box of fixed size (``layout=neato``, ``pos="x,y!"``, ``fixedsize``); Graphviz
draws the shapes and routes the links around the boxes. So the DOT file renders the same
with a plain ``dot -Tsvg chart.dot``. Graphviz's own ``dot`` ranking is not used: it cannot
promise the nation order, and Graphviz 2.43 aborts on clusters with cross-links. Phase
panels are laid out in a grid, the legend beside or below the chart, never over a link.

Node ids in the DOT text are synthetic (``n0``, ``n1``, ...; ``p1n0``, ... in panels), and
every text is an HTML-like label escaped here: ``&``, ``<``, ``>``, quotes and brackets
become entities (Graphviz 2.43 rejects a label of only ``]``), a backslash is doubled
(Graphviz expands ``\\N``, ``\\G``... even inside HTML labels), newlines become ``<BR/>``
and characters XML forbids become U+FFFD (:func:`~c2graph.render.style.printable`). So no
name can add a node, an attribute, a port, markup or a link; names are never used as ids
or URLs. Hover texts go into the SVG afterwards (:func:`svg_titles`), escaped as XML.

Example
-------
>>> escape_html('HQ:Main <b> "x"')
'HQ:Main &lt;b&gt; &quot;x&quot;'
>>> escape_html("C:\\\\") == "C:" + "\\\\" * 2
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pydot

from ..vocabulary import AUTHORITY_RELATIONS
from .boxes import Box, Line, node_box, text_width
from .engine import DOT_FORMATS, render_graphviz
from .layout import PANEL_GAP, TARGET_ASPECT, SceneLayout, panel_columns, scene_layout
from .scene import Panel, Scene, SceneEdge, SceneNode
from .style import (
    KIND_STYLES,
    MARK_STYLES,
    RELATION_STYLES,
    LegendEntry,
    edge_mark,
    font_for,
    nation_style,
    node_mark,
    printable,
)

__all__ = [
    "DOT_FORMATS",
    "ROUTED_EDGES_LIMIT",
    "build_dot",
    "dot_bytes",
    "dot_source",
    "escape_html",
    "render_dot",
    "svg_titles",
]

_CAPTION_H = 30.0
_FRAME_PAD, _FRAME_TOP = 10.0, 27.0  # a nation frame's margin around its boxes
_LEGEND_GAP = 28.0
#: Above this many drawn nodes links are straight lines: Graphviz's spline router around
#: pinned nodes takes minutes on a 1,000-node order of battle, straight lines a fraction of
#: a second (measured with ``benchmarks/run.py``).
ROUTED_EDGES_LIMIT = 300
_LOW_ALPHA = "66"  # the opacity (hex) of a low-confidence link


def escape_html(text: str) -> str:
    """Escape ``text`` for a Graphviz HTML-like label so that it is drawn literally.

    Examples
    --------
    >>> escape_html("A & B\\n[x]")
    'A &amp; B<BR/>&#91;x&#93;'
    """
    text = (
        printable(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        .replace("[", "&#91;")
        .replace("]", "&#93;")
        .replace("\\", "\\\\")
    )
    return text.replace("\n", "<BR/>")


def _tag(name: str, content: str, attrs: str = "") -> str:
    """``<NAME attrs>content</NAME>``, or nothing for empty content (Graphviz rejects it)."""
    return f"<{name}{attrs}>{content}</{name}>" if content else ""


def _line_html(line: Line) -> str:
    text = escape_html(line.text)
    text = _tag("B", text) if line.bold else text
    return _tag("FONT", text, f' POINT-SIZE="{line.size:g}"')


def _label(box: Box) -> str:
    return "<" + "<BR/>".join(_line_html(line) for line in box.lines) + ">"


@dataclass(frozen=True)
class _Place:
    """Where one panel goes: the shared layout, its id prefix and its top-left corner."""

    layout: SceneLayout
    prefix: str
    left: float
    top: float

    def point(self, x: float, y: float) -> str:
        return f"{self.left + x:.1f},{-(self.top + y):.1f}!"


def build_dot(scene: Scene) -> pydot.Dot:
    """Build the Graphviz graph of a scene: nation frames, styled links, title and legend.

    Every node is pinned at its place in the layout (:func:`scene_layout`); panels share
    one layout, so a node keeps its place across phases, and sit in a grid.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> graph = build_dot(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> graph.get_name(), graph.get("_background").count(" P 8 ")
    ('c2', 4)
    """
    font = font_for(scene.texts())
    layout = scene_layout(scene)
    graph = pydot.Dot("c2", graph_type="digraph", strict=False)
    _graph_defaults(graph, scene, font)
    count = len(scene.panels)
    columns = panel_columns(count, layout.width, layout.height + _CAPTION_H + _FRAME_TOP)
    captioned = count > 1
    heading = _CAPTION_H + _FRAME_TOP if captioned else 0.0
    cell_h = layout.height + heading + _FRAME_PAD
    frames: list[_Outline] = []
    for index, panel in enumerate(scene.panels):
        row, column = divmod(index, columns)
        place = _Place(
            layout,
            prefix=f"p{index}" if captioned else "",
            left=column * (layout.width + PANEL_GAP),
            top=row * (cell_h + PANEL_GAP) + heading,
        )
        frames += _add_panel(graph, scene, panel, place, captioned=captioned)
    rows = math.ceil(count / columns)
    width = columns * layout.width + (columns - 1) * PANEL_GAP
    height = rows * cell_h + (rows - 1) * PANEL_GAP
    _add_legend(graph, scene, width, height)
    _centred(graph, frames)
    return graph


def _graph_defaults(graph: pydot.Dot, scene: Scene, font: str) -> None:
    heading = _tag("FONT", _tag("B", escape_html(scene.title)), ' POINT-SIZE="18"')
    subtitle = _tag("FONT", escape_html(scene.subtitle), ' POINT-SIZE="12"')
    drawn = sum(len(panel.nodes) for panel in scene.panels)
    graph.set_graph_defaults(
        layout="neato",
        inputscale="72",
        notranslate="true",
        splines="true" if drawn <= ROUTED_EDGES_LIMIT else "line",
        overlap="true",
        outputorder="edgesfirst",
        fontname=font,
        labelloc="t",
        labeljust="c",
        label=f"<{heading}<BR/>{subtitle}>",
        pad="0.2",
        bgcolor="white",
        charset="UTF-8",
        id="chart",
        esep="+2",
    )
    graph.set_node_defaults(
        fontname=font, fontsize="11", style="filled", fixedsize="true", margin="0"
    )
    graph.set_edge_defaults(arrowsize="0.7", fontname=font)


def _add_panel(
    graph: pydot.Dot, scene: Scene, panel: Panel, place: _Place, *, captioned: bool
) -> list[_Outline]:
    """Add one panel: its caption, its pinned nodes with a caption per nation and its
    links; return its nation frames."""
    ids = {node.id: f"{place.prefix}n{i}" for i, node in enumerate(panel.nodes)}
    for e_index, edge in enumerate(panel.edges):
        ports = place.layout.ports.get((edge.tail, edge.head))
        graph.add_edge(
            _edge(ids[edge.tail], ids[edge.head], edge, f"{place.prefix}e{e_index}", ports)
        )
    if captioned:
        graph.add_node(
            pydot.Node(
                f"{place.prefix}t",
                id=f"{place.prefix}t",
                shape="plaintext",
                style="",
                fixedsize="false",
                fontsize="16",
                label=f"<{_tag('B', escape_html(panel.caption))}>",
                pos=place.point(place.layout.width / 2, -_FRAME_TOP - _CAPTION_H / 2),
            )
        )
    frames: list[_Outline] = []
    for nation in scene.nations:
        members = [n for n in panel.nodes if n.nation == nation]
        if not members:
            continue
        ops, caption = _frame(nation, scene, members, place)
        frames.append(ops)
        graph.add_node(caption)
        for corner in (0, 4):  # invisible points hold the chart's bounds open to the frame
            x, y = ops.corners[corner]
            graph.add_node(
                pydot.Node(
                    f"{caption.get_name()}{'ab'[corner // 4]}",
                    shape="point",
                    style="invis",
                    width="0",
                    height="0",
                    label="",
                    pos=f"{x:.1f},{y:.1f}!",
                )
            )
        colours = nation_style(nation, scene.model_nations)
        for node in members:
            pos = place.point(*place.layout.positions[node.id])
            size = place.layout.sizes[node.id]
            graph.add_node(_node(ids[node.id], node, colours.fill, colours.line, pos, size))
    return frames


@dataclass(frozen=True)
class _Outline:
    """A filled polygon drawn behind the chart: fill, line colour and corners (points)."""

    fill: str
    line: str
    corners: tuple[tuple[float, float], ...]

    def xdot(self, dx: float, dy: float) -> str:
        points = " ".join(f"{x + dx:.1f} {y + dy:.1f}" for x, y in self.corners)
        return (
            f"C {len(self.fill)} -{self.fill} c {len(self.line)} -{self.line} "
            f"P {len(self.corners)} {points} "
        )


def _centred(graph: pydot.Dot, frames: list[_Outline]) -> None:
    """Move every pinned node and frame so that the mean of the nodes' positions is the
    origin: Graphviz's ``neato`` (with ``notranslate``) moves pinned nodes there, but not
    the frames drawn behind, which so stay under their nodes."""
    nodes = [n for n in graph.get_node_list() if n.get("pos")]
    points = [tuple(float(v) for v in n.get("pos").strip('"!').split(",")) for n in nodes]
    if not points:
        return
    dx = -round(sum(x for x, _ in points) / len(points), 1)
    dy = -round(sum(y for _, y in points) / len(points), 1)
    for node, (x, y) in zip(nodes, points, strict=True):
        node.set("pos", f"{x + dx:.1f},{y + dy:.1f}!")
    graph.set("_background", "".join(frame.xdot(dx, dy) for frame in frames))


def _frame(
    nation: str, scene: Scene, members: list[SceneNode], place: _Place
) -> tuple[_Outline, pydot.Node]:
    """A nation's frame around its nodes: a filled outline drawn behind the chart (xdot
    ``_background``, which links are routed through: Graphviz routes splines around nodes
    only outside clusters) and its caption, a plain-text node at the top-left corner."""
    colours = nation_style(nation, scene.model_nations)
    layout = place.layout
    left = min(layout.positions[n.id][0] - layout.sizes[n.id][0] / 2 for n in members)
    right = max(layout.positions[n.id][0] + layout.sizes[n.id][0] / 2 for n in members)
    top = min(layout.positions[n.id][1] - layout.sizes[n.id][1] / 2 for n in members)
    bottom = max(layout.positions[n.id][1] + layout.sizes[n.id][1] / 2 for n in members)
    x0, x1 = place.left + left - _FRAME_PAD, place.left + right + _FRAME_PAD
    y0, y1 = -(place.top + top - _FRAME_TOP), -(place.top + bottom + _FRAME_PAD)
    r = 6.0
    corners = [
        (x0 + r, y0), (x1 - r, y0), (x1, y0 - r), (x1, y1 + r),
        (x1 - r, y1), (x0 + r, y1), (x0, y1 + r), (x0, y0 - r),
    ]  # fmt: skip
    ops = _Outline(colours.cluster, colours.line, tuple(corners))
    caption = escape_html(colours.caption)
    width = text_width(colours.caption, 12.0) + 4
    label = pydot.Node(
        f"{place.prefix}c{scene.nations.index(nation)}",
        id=f"{place.prefix}c{scene.nations.index(nation)}",
        shape="plaintext",
        style="",
        label=f'<<FONT POINT-SIZE="12" COLOR="{colours.line}">{caption}</FONT>>',
        width=f"{width / 72:.4f}",
        height=f"{16 / 72:.4f}",
        pos=f"{x0 + 4 + width / 2:.1f},{y0 - 12:.1f}!",
    )
    return ops, label


def _node(
    dot_id: str, node: SceneNode, fill: str, line: str, pos: str, size: tuple[float, float]
) -> pydot.Node:
    style = KIND_STYLES[node.kind]
    styles = ["filled"] + (["rounded"] if style.rounded else [])
    attrs: dict[str, Any] = {
        "id": dot_id,
        "label": _label(node_box(node)),
        "shape": style.shape,
        "fillcolor": fill,
        "color": line,
        "penwidth": str(style.penwidth),
        "pos": pos,
        "width": f"{size[0] / 72:.4f}",
        "height": f"{size[1] / 72:.4f}",
    }
    mark = node_mark(node.marks)
    if mark is not None:
        attrs["color"] = mark.colour
        attrs["penwidth"] = str(mark.penwidth)
    if "removed" in node.marks:
        attrs |= {"fillcolor": "#eeeeee", "fontcolor": "#7f7f7f"}
    if {"removed", "cut-off"} & node.marks:
        styles.append("dashed")
    if "bottleneck" in node.marks:
        attrs["peripheries"] = "2"
    attrs["style"] = ",".join(styles)
    return pydot.Node(dot_id, **attrs)


def _edge(
    tail: str, head: str, edge: SceneEdge, dot_id: str, ports: tuple[str, str] | None
) -> pydot.Edge:
    """A link in its relation's style; coordination-class links carry ``constraint=false``
    (they never set ranks); a low-confidence link is faint and marked ``?``."""
    style = RELATION_STYLES[edge.relation]
    colour, width = style.colour, style.penwidth
    mark = edge_mark(edge.marks)
    if mark is not None:
        colour, width = mark.colour, max(style.penwidth, mark.penwidth)
    attrs: dict[str, Any] = {
        "id": dot_id,
        "style": style.line,
        "color": colour,
        "penwidth": str(width),
        "arrowhead": style.arrowhead,
    }
    if style.both_ends:
        attrs |= {"dir": "both", "arrowtail": style.arrowhead}
    if edge.relation not in AUTHORITY_RELATIONS:
        attrs["constraint"] = "false"
    if ports is not None:
        attrs |= {"tailport": ports[0], "headport": ports[1]}
    if edge.confidence == "low":
        attrs |= {
            "color": colour + _LOW_ALPHA,
            "label": "<<B>?</B>>",
            "fontcolor": colour,
            "fontsize": "11",
        }
    return pydot.Edge(tail, head, **attrs)


def _add_legend(graph: pydot.Dot, scene: Scene, width: float, height: float) -> None:
    """The legend as one table beside the chart (or below it, whichever brings the whole
    nearer a slide's shape): line samples, notes, node shapes and overlay marks, all
    generated from the style table for what is drawn."""
    rows = [_legend_row(entry.group, entry.key, entry.label, scene) for entry in scene.legend]
    rows = [row for row in rows if row]
    if not rows:
        return
    text_w = max(text_width(entry.label, 9.0) for entry in scene.legend) + 60
    below = width / (height + 40) > TARGET_ASPECT
    columns = max(1, min(len(rows), int(width // (text_w + 12)))) if below else 1
    if not below and len(rows) * 17 > height:
        columns = 2
    per = math.ceil(len(rows) / columns)
    table_w = columns * (text_w + 12)
    table_h = per * 17 + 26
    cells = [rows[i : i + per] for i in range(0, len(rows), per)]
    body = "".join(
        "<TR>"
        + "".join(col[r] if r < len(col) else "<TD></TD><TD></TD>" for col in cells)
        + "</TR>"
        for r in range(per)
    )
    label = (
        '<<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" CELLSPACING="2" '
        f'CELLPADDING="1"><TR><TD COLSPAN="{2 * columns}"><B>Legend</B></TD></TR>{body}</TABLE>>'
    )
    if below:
        x, y = width / 2, height + _LEGEND_GAP + table_h / 2
    else:
        x, y = width + _LEGEND_GAP + table_w / 2, table_h / 2
    kinds = [entry for entry in scene.legend if entry.group == "kind"]
    start = (x - table_w / 2, y + table_h / 2 + 14) if below else (x - table_w / 2, table_h + 14)
    _add_kind_samples(graph, kinds, start, width=table_w if below else text_w)
    graph.add_node(
        pydot.Node(
            "legend",
            id="legend",
            shape="plaintext",
            style="",
            fixedsize="false",
            label=label,
            fontsize="9",
            pos=f"{x:.1f},{-y:.1f}!",
        )
    )


def _add_kind_samples(
    graph: pydot.Dot, kinds: list[LegendEntry], start: tuple[float, float], width: float
) -> None:
    """A sample node per kind drawn, in rows of at most ``width`` points from ``start``
    (the top-left corner)."""
    x, y = start
    row_h = 0.0
    for i, entry in enumerate(kinds):
        style = KIND_STYLES[entry.key]
        box = node_box(SceneNode("", entry.label, None, "", entry.key))
        w, h = box.width * 0.8, box.height * 0.8
        if x + w > start[0] + width and x > start[0]:
            x, y = start[0], y + row_h + 8
            row_h = 0.0
        graph.add_node(
            pydot.Node(
                f"k{i}",
                id=f"k{i}",
                label=f"<{escape_html(entry.label)}>",
                shape=style.shape,
                style="filled,rounded" if style.rounded else "filled",
                fillcolor="white",
                color="#333333",
                penwidth=str(style.penwidth),
                fontsize="8.5",
                width=f"{w / 72:.4f}",
                height=f"{h / 72:.4f}",
                pos=f"{x + w / 2:.1f},{-(y + h / 2):.1f}!",
            )
        )
        x += w + 8
        row_h = max(row_h, h)


def _legend_row(group: str, key: str, label: str, scene: Scene) -> str:
    """A sample cell and a label cell of one legend entry (nations are named by their
    frames and node kinds drawn as sample shapes, so they have none)."""
    if group == "relation":
        style = RELATION_STYLES[key]
        sample = _line_sample(style.line, style.colour, style.penwidth)
    elif group == "mark":
        mark = MARK_STYLES[key]
        sample = _line_sample("solid", mark.colour, mark.penwidth)
    elif group == "note" and key == "low-confidence":
        sample = _line_sample("solid", "#444444" + _LOW_ALPHA, 1.3)
    elif group == "note":
        sample = '<TD><FONT POINT-SIZE="8">A · B</FONT></TD>'
    else:
        return ""
    return f'{sample}<TD ALIGN="LEFT">{escape_html(label)}</TD>'


def _line_sample(line: str, colour: str, penwidth: float) -> str:
    """A table cell showing a line sample: the bottom border of its upper half."""
    dash = f' STYLE="{line}"' if line != "solid" else ""
    return (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD WIDTH="36" HEIGHT="6" SIDES="B" BORDER="{max(1, round(penwidth))}"'
        f' COLOR="{colour}"{dash}></TD></TR><TR><TD HEIGHT="6"></TD></TR></TABLE></TD>'
    )


def svg_titles(scene: Scene) -> dict[str, str]:
    """The hover text of every element of the Graphviz SVG, by the id :func:`build_dot`
    gives it: nodes, links, nation frames, panel captions, the legend and the chart.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> titles = svg_titles(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> titles["n0"].splitlines()[0]
    'President of the Republic of Korea (ROK President)'
    >>> titles["chart"]
    'US–ROK Combined Forces Command (comparator)'
    """
    titles = {"chart": scene.title, "legend": "Legend"}
    kinds = [entry for entry in scene.legend if entry.group == "kind"]
    titles |= {f"k{i}": f"node kind: {entry.label}" for i, entry in enumerate(kinds)}
    many = len(scene.panels) > 1
    for index, panel in enumerate(scene.panels):
        prefix = f"p{index}" if many else ""
        if many:
            titles[f"{prefix}t"] = panel.caption
        for i, node in enumerate(panel.nodes):
            titles[f"{prefix}n{i}"] = node.title or node.label
        for i, edge in enumerate(panel.edges):
            titles[f"{prefix}e{i}"] = edge.title or edge.relation
        for n_index, nation in enumerate(scene.nations):
            titles[f"{prefix}c{n_index}"] = nation_style(nation, scene.model_nations).caption
    return titles


def dot_source(scene: Scene) -> str:
    """Return the DOT text of a scene (deterministic: same scene, same bytes).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> dot_source(build_scene(load_model("models/us-rok-cfc.yaml"))).splitlines()[0]
    'digraph c2 {'
    """
    return str(build_dot(scene).to_string())


def dot_bytes(source: str, fmt: str) -> bytes:
    """Return DOT text as ``fmt``: the text itself (UTF-8) for ``dot``, else the picture
    Graphviz renders from it (:func:`render_dot`).

    >>> dot_bytes("digraph { a -> b }", "dot")
    b'digraph { a -> b }'
    """
    return source.encode("utf-8") if fmt == "dot" else render_dot(source, fmt)


def render_dot(source: str, fmt: str, *, timeout: float = 120.0) -> bytes:
    """Render DOT text as ``fmt`` (svg, png, pdf) with Graphviz
    (:func:`c2graph.render.engine.render_graphviz`: a recent system ``dot``, else the
    library bundled with pygraphviz). Every output is deterministic.

    Examples
    --------
    >>> render_dot("digraph { a -> b }", "gif")
    Traceback (most recent call last):
    ...
    c2graph.errors.RenderError: Graphviz cannot render 'gif' here; use one of svg, png, pdf
    """
    return render_graphviz(source, fmt, timeout=timeout)
