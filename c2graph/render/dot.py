"""Graphviz renderer: the DOT text of a :class:`~c2graph.render.chart.Chart`
(:class:`~c2graph.render.dottext.DotGraph`).

Everything is placed before Graphviz sees it (:mod:`c2graph.render.chart`): every node is
pinned as a box of fixed size, every link carries its route as a spline (``pos``), and
the graph is drawn by Graphviz's no-op layout (``layout=nop2``), so ``dot -Tsvg chart.dot``
draws the same picture with any Graphviz since 2.43. Nation frames, the legend's outline
and its samples are drawn behind the chart (xdot ``_background``); texts are plain-text
nodes at their places.

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

from typing import Any

from ..messages import interface
from .boxes import Box, Line, node_box, text_width
from .chart import (
    CAPTION_PT,
    LEGEND_PT,
    LEGEND_TITLE_PT,
    ROUTED_NODES_LIMIT,
    Chart,
    Frame,
    Legend,
    LegendCell,
    PanelView,
    build_chart,
)
from .dottext import DotGraph
from .engine import DOT_FORMATS, render_graphviz
from .outlines import Point, cut_corners, outline
from .routes import Route, curve
from .scene import Scene, SceneEdge, SceneNode
from .style import (
    ARROW_LENGTH,
    FAINT_ALPHA,
    KIND_STYLES,
    MARK_STYLES,
    NodeLook,
    font_for,
    link_look,
    node_look,
    printable,
)

__all__ = [
    "DOT_FORMATS",
    "ROUTED_EDGES_LIMIT",
    "build_dot",
    "chart_dot",
    "dot_bytes",
    "dot_source",
    "escape_html",
    "render_dot",
    "svg_titles",
]

#: Above this many drawn nodes links are straight lines
#: (:data:`c2graph.render.chart.ROUTED_NODES_LIMIT`).
ROUTED_EDGES_LIMIT = ROUTED_NODES_LIMIT
_FAINT = f"{round(FAINT_ALPHA * 255):02x}"  # the opacity (hex) of a faint link


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


class _Canvas:
    """The DOT graph being built, with the chart's height (DOT's y grows upwards) and the
    xdot operations drawn behind everything."""

    def __init__(self, chart: Chart, font: str) -> None:
        self.chart, self.height = chart, chart.height
        self.graph = DotGraph("c2", layout="nop2")
        self.background: list[str] = []
        self.graph.set_defaults(
            "graph",
            outputorder="edgesfirst",
            fontname=font,
            pad="0",
            bgcolor="white",
            charset="UTF-8",
            id="chart",
        )
        self.graph.set_defaults(
            "node", fontname=font, fontsize="11", style="filled", fixedsize="true", margin="0"
        )
        self.graph.set_defaults("edge", arrowsize="0.7", fontname=font)

    def xy(self, x: float, y: float) -> str:
        return f"{x:.2f},{self.height - y:.2f}"

    def text(
        self, name: str, html: str, at: tuple[float, float], size: tuple[float, float]
    ) -> None:
        """A plain-text node ``html`` centred on ``at``, of ``size`` points."""
        self.graph.add_node(
            name,
            id=name,
            shape="plaintext",
            style="",
            label=f"<{html}>",
            width=f"{size[0] / 72:.4f}",
            height=f"{size[1] / 72:.4f}",
            pos=self.xy(*at),
        )

    def polygon(self, points: Any, fill: str, line: str, width: float = 1.0) -> None:
        flat = " ".join(f"{x:.2f} {self.height - y:.2f}" for x, y in points)
        self.background.append(
            f"S {len(f'setlinewidth({width:g})')} -setlinewidth({width:g}) "
            f"C {len(fill)} -{fill} c {len(line)} -{line} P {len(points)} {flat} "
        )

    def polyline(self, points: Any, colour: str, width: float, line: str) -> None:
        flat = " ".join(f"{x:.2f} {self.height - y:.2f}" for x, y in points)
        self.background.append(
            f"S {len(line)} -{line} S {len(f'setlinewidth({width:g})')} -setlinewidth({width:g}) "
            f"c {len(colour)} -{colour} L {len(points)} {flat} S 5 -solid "
        )


def build_dot(scene: Scene) -> DotGraph:
    """Build the Graphviz graph of a scene: every box, link, frame, caption and legend
    line at its place in the chart (:func:`~c2graph.render.chart.build_chart`).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> graph = build_dot(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> graph.name, graph.get("layout")
    ('c2', 'nop2')
    """
    return chart_dot(build_chart(scene))


def chart_dot(chart: Chart) -> DotGraph:
    """The Graphviz graph of a placed chart (:func:`build_dot` places the scene first).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render.chart import build_chart
    >>> from c2graph.render.scene import build_scene
    >>> chart = build_chart(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> chart_dot(chart).nodes["bb1"]["pos"] == f"{chart.width:.2f},0.00"
    True
    """
    scene = chart.scene
    canvas = _Canvas(chart, font_for(scene.texts()))
    _add_title(canvas, chart)
    for index, view in enumerate(chart.panels):
        _add_panel(canvas, view, f"p{index}" if len(chart.panels) > 1 else "")
    if chart.legend is not None:
        _add_legend(canvas, chart.legend)
    for name, (x, y) in (("bb0", (0.0, 0.0)), ("bb1", (chart.width, chart.height))):
        canvas.graph.add_node(
            name, shape="point", style="invis", width="0", height="0", label="", pos=canvas.xy(x, y)
        )
    canvas.graph.set("_background", "".join(canvas.background))
    return canvas.graph


def _add_panel(canvas: _Canvas, view: PanelView, prefix: str) -> None:
    """One panel: its caption, its nations' frames, its links and its boxes."""
    chart, scene = canvas.chart, canvas.chart.scene
    if view.caption_at is not None:
        caption = _tag("FONT", _tag("B", escape_html(view.panel.caption)), ' POINT-SIZE="16"')
        width = text_width(view.panel.caption, 16.0, bold=True) + 8
        canvas.text(f"{prefix}t", caption, view.caption_at, (width, 22))
    for frame in view.frames:
        _add_frame(canvas, frame, f"{prefix}c{scene.nations.index(frame.nation)}")
    ids = {node.id: f"{prefix}n{i}" for i, node in enumerate(view.panel.nodes)}
    offset = (view.dx, view.dy)
    for i, edge in enumerate(view.panel.edges):
        ends = (ids[edge.tail], ids[edge.head])
        _add_edge(canvas, ends, edge, f"{prefix}e{i}", chart.routes[edge.key], offset)
    for node in view.panel.nodes:
        x, y = chart.layout.positions[node.id]
        pos = canvas.xy(x + view.dx, y + view.dy)
        box = node_box(node, chart.layout.members)
        look = node_look(node.kind, node.nation, scene.model_nations, node.marks)
        size = chart.layout.sizes[node.id]
        canvas.graph.add_node(ids[node.id], **_node(ids[node.id], node, box, look, pos, size))


def _add_title(canvas: _Canvas, chart: Chart) -> None:
    """The title and subtitle lines, centred over the chart."""
    lines = chart.title
    width = max(text_width(line.text, line.size, bold=line.bold) for line in lines)
    height = sum(line.size * 1.22 for line in lines)
    html = "<BR/>".join(_line_html(line) for line in lines)
    canvas.text("title", html, chart.title_at, (width + 8, height))


def _add_frame(canvas: _Canvas, frame: Frame, name: str) -> None:
    """A nation's frame drawn behind the chart and its caption at the top-left corner."""
    canvas.polygon(cut_corners(frame.rect), frame.fill, frame.line)
    x0, y0, x1, y1 = frame.caption_rect
    caption = escape_html(frame.caption)
    canvas.text(
        name,
        f'<FONT POINT-SIZE="{CAPTION_PT:g}" COLOR="{frame.line}">{caption}</FONT>',
        ((x0 + x1) / 2, (y0 + y1) / 2),
        (x1 - x0 + 4, y1 - y0),
    )


def _node(
    dot_id: str, node: SceneNode, box: Box, look: NodeLook, pos: str, size: Point
) -> dict[str, str]:
    """The attributes of a pinned box of fixed size in its kind's shape and its nation's
    (or mark's) look."""
    style = KIND_STYLES[node.kind]
    styles = (
        ["filled"] + (["rounded"] if style.rounded else []) + (["dashed"] if look.dashed else [])
    )
    attrs = {
        "id": dot_id,
        "label": _label(box),
        "shape": style.shape,
        "style": ",".join(styles),
        "fillcolor": look.fill,
        "color": look.line,
        "penwidth": f"{look.penwidth:g}",
        "pos": pos,
        "width": f"{size[0] / 72:.4f}",
        "height": f"{size[1] / 72:.4f}",
    }
    if look.ink != "black":
        attrs["fontcolor"] = look.ink
    if look.ring:
        attrs["peripheries"] = "2"
    return attrs


def _add_edge(
    canvas: _Canvas,
    ends: tuple[str, str],
    edge: SceneEdge,
    dot_id: str,
    route: Route,
    offset: tuple[float, float],
) -> None:
    """A link in its relation's look along its route; a faint one is marked ``?``."""
    look = link_look(edge.relation, edge.marks, edge.confidence)
    points = [(x + offset[0], y + offset[1]) for x, y in route.points]
    head_cut = ARROW_LENGTH[look.head]
    tail_cut = ARROW_LENGTH[look.tail] if look.tail else 0.0
    control = curve(points, start_cut=tail_cut, end_cut=head_cut)
    pos = " ".join(canvas.xy(x, y) for x, y in control)
    if head_cut:
        pos = f"e,{canvas.xy(*points[-1])} {pos}"
    if tail_cut:
        pos = f"s,{canvas.xy(*points[0])} {pos}"
    colour = look.colour + (_FAINT if look.faint else "")
    attrs = {
        "id": dot_id,
        "style": look.line,
        "color": colour,
        "penwidth": f"{look.penwidth:g}",
        "arrowhead": look.head,
        "pos": pos,
    }
    if look.tail:
        attrs |= {"dir": "both", "arrowtail": look.tail}
    if look.faint:
        x, y = route.label_point()
        attrs |= {
            "label": "<<B>?</B>>",
            "fontcolor": look.colour,
            "fontsize": "11",
            "lp": canvas.xy(x + offset[0] + 6, y + offset[1] - 6),
        }
    canvas.graph.add_edge(*ends, **attrs)


def _add_legend(canvas: _Canvas, legend: Legend) -> None:
    """The legend's outline and samples behind the chart, its texts as plain-text nodes."""
    canvas.polygon(cut_corners(legend.rect), "#ffffff", "#999999")
    title = _tag("B", escape_html(legend.title))
    canvas.text(
        "legend",
        _tag("FONT", title, f' POINT-SIZE="{LEGEND_TITLE_PT:g}"'),
        legend.title_at,
        (60, 14),
    )
    for i, cell in enumerate(legend.cells):
        _legend_sample(canvas, cell, legend.members_sample, f"k{i}")
        width = text_width(cell.entry.label, LEGEND_PT) + 2
        x, y = cell.text_at
        text = _tag("FONT", escape_html(cell.entry.label), f' POINT-SIZE="{LEGEND_PT:g}"')
        cell_html = (
            '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
            f'<TD WIDTH="{width:.0f}" HEIGHT="12" FIXEDSIZE="TRUE" ALIGN="LEFT">{text}</TD>'
            "</TR></TABLE>"
        )
        canvas.text(f"g{i}", cell_html, (x + width / 2, y), (width, 12))


def _legend_sample(canvas: _Canvas, cell: LegendCell, members: str, name: str) -> None:
    """The sample of one legend entry: a line, a node shape or the look of a member list
    (``members``: two names as a body lists them)."""
    group, key, rect = cell.entry.group, cell.entry.key, cell.sample
    x0, y0, x1, y1 = rect
    middle = [(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)]
    if group == "relation":
        look = link_look(key)
        canvas.polyline(middle, look.colour, look.penwidth, look.line)
    elif group == "mark":
        mark = MARK_STYLES[key]
        canvas.polyline(middle, mark.colour, mark.penwidth, "solid")
    elif group == "note" and key == "low-confidence":
        canvas.polyline(middle, "#444444" + _FAINT, 1.4, "solid")
    elif group == "note":
        canvas.text(
            name,
            f'<FONT POINT-SIZE="8">{escape_html(members)}</FONT>',
            ((x0 + x1) / 2, (y0 + y1) / 2),
            (x1 - x0, y1 - y0),
        )
    elif group == "kind":
        style = KIND_STYLES[key]
        centre = ((x0 + x1) / 2, (y0 + y1) / 2)
        shape = outline(style.shape, *centre, x1 - x0, y1 - y0, rounded=style.rounded)
        canvas.polygon(shape, "#ffffff", "#333333", style.penwidth)


def svg_titles(scene: Scene) -> dict[str, str]:
    """The hover text of every element of the Graphviz SVG, by the id :func:`build_dot`
    gives it: nodes, links, nation captions, panel captions, the legend and the chart.

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
    titles = {"chart": scene.title, "legend": interface(scene.lang)("chart.legend")}
    titles["title"] = scene.title
    entries = [e for e in scene.legend if e.group != "nation"]
    titles |= {f"g{i}": entry.label for i, entry in enumerate(entries)}
    titles |= {f"k{i}": entry.label for i, entry in enumerate(entries)}
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
            titles[f"{prefix}c{n_index}"] = scene.nation_caption(nation)
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
    return build_dot(scene).to_string()


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
