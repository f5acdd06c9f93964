"""matplotlib renderer: the chart Graphviz draws, from the same placed chart, without ``dot``.

Both renderers draw a :class:`~c2graph.render.chart.Chart`: the same boxes, outlines,
routes, frames, legend and title at the same places, in points; only the fonts' own
rendering differs. matplotlib is imported only when drawing (``Figure`` objects with the
Agg-based savers; no pyplot, no global backend). Saved SVG is byte-identical run to run:
a fixed ``svg.hashsalt``, no date in the metadata, text drawn as paths in a fixed font.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.render import build_scene
>>> fig = plot_scene(build_scene(load_model("models/us-rok-cfc.yaml")))
>>> figure_bytes(fig, "svg") == figure_bytes(fig, "svg")
True
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from ..errors import QueryError
from .boxes import Line, node_box
from .chart import (
    CAPTION_PT,
    LEGEND_PT,
    LEGEND_TITLE_PT,
    Chart,
    Frame,
    Legend,
    PanelView,
    build_chart,
)
from .outlines import Point, cut_corners, outline
from .routes import Route, curve
from .scene import Scene, SceneEdge, SceneNode
from .style import (
    ARROW_LENGTH,
    CJK_FONT,
    FAINT_ALPHA,
    FONT,
    KIND_STYLES,
    MARK_STYLES,
    has_cjk,
    link_look,
    node_look,
    printable,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["figure_bytes", "plot", "plot_chart", "plot_scene", "svg_titles"]

#: Graphviz's dash patterns (points on, points off).
_DASHES: dict[str, tuple[float, float] | None] = {
    "solid": None,
    "dashed": (5.0, 2.0),
    "dotted": (1.0, 5.0),
}
_LEADING = 1.22


def _family(scene: Scene) -> list[str]:
    """The font list: DejaVu Sans, with Noto Sans CJK JP as per-glyph fallback when needed."""
    return [FONT, CJK_FONT] if any(has_cjk(t) for t in scene.texts()) else [FONT]


def plot(
    scene: Scene, *, ax: Axes | None = None, panel: int = 0
) -> tuple[Figure | SubFigure, Axes]:
    """Draw one panel of a scene (nodes, links, nation frames) on ``ax``; return ``(fig, ax)``.

    With ``ax=None`` a figure sized to the chart is made, with the title and the legend.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> scene = build_scene(load_model("models/us-rok-cfc.yaml"))
    >>> fig, ax = plot(scene)
    >>> len(fig.axes), ax.get_title()
    (1, '')
    """
    if not 0 <= panel < len(scene.panels):
        raise QueryError(f"panel {panel} does not exist; the scene has {len(scene.panels)}")
    if ax is None:
        from dataclasses import replace

        fig = plot_scene(replace(scene, panels=(scene.panels[panel],)))
        return fig, fig.axes[0]
    chart = build_chart(scene)
    view = chart.panels[panel]
    rects = [f.rect for f in view.frames] or [(0.0, 0.0, chart.width, chart.height)]
    x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
    x1, y1 = max(r[2] for r in rects), max(r[3] for r in rects)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y1, y0)
    ax.set_aspect("equal")
    ax.set_axis_off()
    _Painter(ax, chart, _family(scene)).panel(view, f"p{panel}")
    return ax.figure, ax


def plot_scene(scene: Scene) -> Figure:
    """Draw the whole chart of a scene: title, every panel in its grid, the legend.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> scene = build_scene(load_model("models/us-rok-cfc.yaml"),
    ...                     phases=["armistice", "wartime"])
    >>> [t.get_text() for t in plot_scene(scene).axes[0].texts if t.get_gid() == "caption"]
    ['Armistice', 'Wartime (hostilities)']
    """
    return plot_chart(build_chart(scene))


def plot_chart(chart: Chart) -> Figure:
    """Draw a placed chart (:func:`plot_scene` places the scene first).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> chart = build_chart(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> plot_chart(chart).get_size_inches().tolist() == [chart.width / 72, chart.height / 72]
    True
    """
    from matplotlib.figure import Figure

    scene = chart.scene
    fig = Figure(figsize=(chart.width / 72, chart.height / 72), dpi=72)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, chart.width)
    ax.set_ylim(chart.height, 0)
    ax.set_axis_off()
    painter = _Painter(ax, chart, _family(scene))
    painter.title()
    for index, view in enumerate(chart.panels):
        painter.panel(view, f"p{index}")
    if chart.legend is not None:
        painter.legend(chart.legend)
    return fig


def figure_bytes(fig: Figure, fmt: Literal["svg", "png", "pdf"]) -> bytes:
    """Return a figure as svg, png or pdf, deterministically (no dates, fixed SVG ids).

    PNG is drawn at 144 dpi, as Graphviz draws it.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_bytes(Figure(figsize=(1, 1)), "pdf")[:5]
    b'%PDF-'
    """
    import matplotlib

    metadata: dict[str, Any] = {
        "svg": {"Date": None},
        "pdf": {"CreationDate": None},
        "png": {"Software": None},
    }[fmt]
    buffer = io.BytesIO()
    with (
        matplotlib.rc_context(
            {"svg.hashsalt": "c2graph", "svg.fonttype": "path", "pdf.fonttype": 42}
        ),
        warnings.catch_warnings(),
    ):
        # A glyph no font has is drawn as a box; saying so for every label is noise.
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        fig.savefig(buffer, format=fmt, metadata=metadata, dpi=144, facecolor="white")
    return buffer.getvalue()


class _Painter:
    """Draws the parts of a chart on one axes whose units are the chart's points."""

    def __init__(self, ax: Axes, chart: Chart, font: list[str]) -> None:
        self.ax, self.chart, self.font = ax, chart, font

    def text(self, x: float, y: float, text: str, size: float, **style: Any) -> None:
        self.ax.text(
            x,
            y,
            printable(text),
            fontsize=size,
            fontfamily=self.font,
            parse_math=False,
            va=style.pop("va", "center"),
            ha=style.pop("ha", "center"),
            **style,
        )

    def lines(
        self, lines: Sequence[Line], centre: Point, colour: str = "black", **style: Any
    ) -> None:
        """Text lines centred on ``centre``, as Graphviz centres a multi-line label."""
        top = centre[1] - sum(line.size * _LEADING for line in lines) / 2
        for line in lines:
            self.text(
                centre[0],
                top + line.size * _LEADING / 2,
                line.text,
                line.size,
                fontweight="bold" if line.bold else "normal",
                color=colour,
                zorder=4,
                **style,
            )
            top += line.size * _LEADING

    def polygon(
        self, points: Sequence[Point], face: str, edge: str, width: float, **style: Any
    ) -> None:
        from matplotlib.patches import Polygon

        self.ax.add_patch(
            Polygon(points, closed=True, facecolor=face, edgecolor=edge, linewidth=width, **style)
        )

    def title(self) -> None:
        self.lines(self.chart.title, self.chart.title_at, gid="title")

    def panel(self, view: PanelView, prefix: str) -> None:
        """One panel: caption, nation frames, links and boxes."""
        if view.caption_at is not None:
            self.text(*view.caption_at, view.panel.caption, 16.0, fontweight="bold", gid="caption")
        for frame in view.frames:
            self.frame(frame)
        for i, edge in enumerate(view.panel.edges):
            route = self.chart.routes[edge.key]
            self.edge(edge, route, (view.dx, view.dy), f"edge-{prefix}e{i}-{edge.relation}")
        for i, node in enumerate(view.panel.nodes):
            self.node(node, (view.dx, view.dy), f"node-{prefix}n{i}")

    def frame(self, frame: Frame) -> None:
        """A nation's frame behind its boxes, captioned at its top left."""
        self.polygon(cut_corners(frame.rect), frame.fill, frame.line, 1.0, zorder=0)
        x0, y0, _, y1 = frame.caption_rect
        self.text(
            x0, (y0 + y1) / 2, frame.caption, CAPTION_PT, ha="left", color=frame.line, zorder=1
        )

    def node(self, node: SceneNode, offset: Point, gid: str) -> None:
        """A box in its kind's shape and its nation's (or mark's) look, with its lines."""
        layout = self.chart.layout
        style = KIND_STYLES[node.kind]
        look = node_look(node.kind, node.nation, self.chart.scene.model_nations, node.marks)
        x, y = layout.positions[node.id]
        x, y = x + offset[0], y + offset[1]
        w, h = layout.sizes[node.id]
        shape = outline(style.shape, x, y, w, h, rounded=style.rounded)
        dashes = _dashes("dashed" if look.dashed else "solid", look.penwidth)
        self.polygon(
            shape, look.fill, look.line, look.penwidth, linestyle=dashes, zorder=3, gid=gid
        )
        if look.ring:
            ring = outline(style.shape, x, y, w + 8, h + 8, rounded=style.rounded)
            self.polygon(ring, "none", look.line, 1.2, zorder=3)
        self.lines(node_box(node, layout.members).lines, (x, y), look.ink)

    def edge(self, edge: SceneEdge, route: Route, offset: Point, gid: str) -> None:
        """A link along its route, in its relation's look, with its arrowheads; a faint
        one is marked ``?``."""
        from matplotlib.patches import PathPatch
        from matplotlib.path import Path

        look = link_look(edge.relation, edge.marks, edge.confidence)
        points = [(x + offset[0], y + offset[1]) for x, y in route.points]
        tail_cut = ARROW_LENGTH[look.tail] if look.tail else 0.0
        control = curve(points, start_cut=tail_cut, end_cut=ARROW_LENGTH[look.head])
        codes = [Path.MOVETO] + [Path.CURVE4] * (len(control) - 1)
        alpha = FAINT_ALPHA if look.faint else 1.0
        self.ax.add_patch(
            PathPatch(
                Path(control, codes),
                facecolor="none",
                edgecolor=look.colour,
                linewidth=look.penwidth,
                linestyle=_dashes(look.line, look.penwidth),
                alpha=alpha,
                zorder=2,
                gid=gid,
            )
        )
        _arrow(self, look.head, points[-2], points[-1], look.colour, alpha)
        if look.tail:
            _arrow(self, look.tail, points[1], points[0], look.colour, alpha)
        if look.faint:
            x, y = route.label_point()
            self.text(x + offset[0] + 6, y + offset[1] - 6, "?", 11.0, fontweight="bold",
                      color=look.colour, zorder=2)  # fmt: skip

    def legend(self, legend: Legend) -> None:
        """The legend's outline, heading, samples and texts."""
        self.polygon(cut_corners(legend.rect), "white", "#999999", 1.0, zorder=5, gid="legend")
        self.text(*legend.title_at, legend.title, LEGEND_TITLE_PT, fontweight="bold", zorder=6)
        for cell in legend.cells:
            _sample(self, cell.entry.group, cell.entry.key, cell.sample, legend.members_sample)
            self.text(*cell.text_at, cell.entry.label, LEGEND_PT, ha="left", zorder=6)


def _dashes(line: str, width: float) -> Any:
    pattern = _DASHES[line]
    if pattern is None:
        return "solid"
    return (0, tuple(v / max(width, 0.1) for v in pattern))


def _arrow(
    painter: _Painter, kind: str, before: Point, tip: Point, colour: str, alpha: float
) -> None:
    """An arrowhead of ``kind`` at ``tip``, pointing along the run from ``before``."""
    import math

    from matplotlib.patches import Circle

    length = ARROW_LENGTH[kind]
    if not length:
        return
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    face = "white" if kind in ("empty", "odot") else colour
    if kind in ("dot", "odot"):
        centre = (tip[0] - ux * length / 2, tip[1] - uy * length / 2)
        circle = Circle(
            centre,
            length / 2,
            facecolor=face,
            edgecolor=colour,
            linewidth=1.0,
            alpha=alpha,
            zorder=2,
        )
        painter.ax.add_patch(circle)
        return
    base = (tip[0] - ux * length, tip[1] - uy * length)
    half = length * 0.35
    points = [
        tip,
        (base[0] - uy * half, base[1] + ux * half),
        (base[0] + uy * half, base[1] - ux * half),
    ]
    painter.polygon(points, face, colour, 1.0, alpha=alpha, zorder=2)


def _sample(
    painter: _Painter,
    group: str,
    key: str,
    rect: tuple[float, float, float, float],
    members: str,
) -> None:
    """The sample of one legend entry, as the Graphviz renderer draws it (``members``: a
    member list's look)."""
    x0, y0, x1, y1 = rect
    middle = (y0 + y1) / 2
    if group in ("relation", "mark") or key == "low-confidence":
        if group == "relation":
            look = link_look(key)
            colour, width, line, alpha = look.colour, look.penwidth, look.line, 1.0
        elif group == "mark":
            colour, width, line, alpha = (
                MARK_STYLES[key].colour,
                MARK_STYLES[key].penwidth,
                "solid",
                1.0,
            )
        else:
            colour, width, line, alpha = "#444444", 1.4, "solid", FAINT_ALPHA
        painter.ax.plot([x0, x1], [middle, middle], color=colour, linewidth=width,
                        linestyle=_dashes(line, width), alpha=alpha, zorder=6)  # fmt: skip
    elif group == "note":
        painter.text((x0 + x1) / 2, middle, members, 8.0, zorder=6)
    elif group == "kind":
        style = KIND_STYLES[key]
        shape = outline(style.shape, (x0 + x1) / 2, middle, x1 - x0, y1 - y0, rounded=style.rounded)
        painter.polygon(shape, "white", "#333333", style.penwidth, zorder=6)


def svg_titles(scene: Scene) -> dict[str, str]:
    """The hover text of every node and link of the matplotlib SVG, by the ``gid`` the
    renderer gives it (:func:`c2graph.render.svgtitle.retitle` puts them in).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> titles = svg_titles(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> titles["node-p0n0"].splitlines()[0]
    'President of the Republic of Korea (ROK President)'
    """
    titles = {}
    for index, panel in enumerate(scene.panels):
        for i, node in enumerate(panel.nodes):
            titles[f"node-p{index}n{i}"] = node.title or node.label
        for i, edge in enumerate(panel.edges):
            titles[f"edge-p{index}e{i}-{edge.relation}"] = edge.title or edge.relation
    return titles
