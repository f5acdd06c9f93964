"""matplotlib renderer: the chart Graphviz draws, from the same layered layout, without ``dot``.

matplotlib is imported only when drawing (``Figure`` objects with the Agg-based savers; no
pyplot, no global backend). Saved SVG is byte-identical run to run: a fixed
``svg.hashsalt``, no date in the metadata, text drawn as paths in a fixed font.

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
import math
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from ..errors import QueryError
from ..vocabulary import AUTHORITY_RELATIONS
from .boxes import node_box
from .layout import PANEL_GAP, SceneLayout, panel_columns, scene_layout
from .scene import Panel, Scene, SceneEdge, SceneNode
from .style import (
    CJK_FONT,
    FONT,
    KIND_STYLES,
    MARK_STYLES,
    RELATION_STYLES,
    NationStyle,
    edge_mark,
    has_cjk,
    nation_style,
    node_mark,
    printable,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.patches import Patch
    from matplotlib.typing import LineStyleType

__all__ = ["figure_bytes", "plot", "plot_scene", "svg_titles"]

_HEADER, _CAPTION, _MARGIN = 0.8, 0.35, 0.25  # inches: title block, panel caption, margin
_FRAME_PAD, _FRAME_TOP = 10.0, 27.0  # points: a nation frame around its boxes
_LINES: dict[str, LineStyleType] = {"solid": "-", "dashed": (0, (5, 3)), "dotted": (0, (1, 2))}
_ARROWS = {"normal": "-|>", "empty": "-|>", "none": "-", "dot": "-", "odot": "-|>"}
_LEGEND_COLUMNS = 4


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
        fig = plot_scene(replace(scene, panels=(scene.panels[panel],)))
        return fig, fig.axes[0]
    layout = scene_layout(scene)
    _draw_panel(ax, scene, scene.panels[panel], layout, _family(scene), f"p{panel}")
    return ax.figure, ax


def plot_scene(scene: Scene) -> Figure:
    """Draw every panel of a scene in a grid, with the title and the legend below.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> scene = build_scene(load_model("models/us-rok-cfc.yaml"),
    ...                     phases=["armistice", "wartime"])
    >>> [ax.get_title() for ax in plot_scene(scene).axes]
    ['Armistice', 'Wartime (hostilities)']
    """
    from matplotlib.figure import Figure

    layout = scene_layout(scene)
    font = _family(scene)
    count = len(scene.panels)
    caption = _CAPTION if count > 1 else 0.0
    panel_w = (layout.width + 2 * _FRAME_PAD) / 72
    panel_h = (layout.height + _FRAME_TOP + _FRAME_PAD) / 72
    columns = panel_columns(count, panel_w * 72, (panel_h + caption) * 72)
    rows = math.ceil(count / columns)
    gap = PANEL_GAP / 72
    legend_h = 0.45 + 0.2 * math.ceil(len(scene.legend) / _LEGEND_COLUMNS)
    fig_w = max(columns * panel_w + (columns - 1) * gap + 2 * _MARGIN, 8.0)
    fig_h = _HEADER + rows * (panel_h + caption) + (rows - 1) * gap + legend_h + _MARGIN
    fig = Figure(figsize=(fig_w, fig_h))
    left = (fig_w - (columns * panel_w + (columns - 1) * gap)) / 2
    for index, panel in enumerate(scene.panels):
        row, column = divmod(index, columns)
        top = _HEADER + row * (panel_h + caption + gap) + caption
        ax = fig.add_axes(
            (
                (left + column * (panel_w + gap)) / fig_w,
                1 - (top + panel_h) / fig_h,
                panel_w / fig_w,
                panel_h / fig_h,
            )
        )
        ax.set_xlim(-_FRAME_PAD, layout.width + _FRAME_PAD)
        ax.set_ylim(-layout.height - _FRAME_PAD, _FRAME_TOP)
        ax.set_axis_off()
        if count > 1:
            ax.set_title(
                printable(panel.caption),
                fontfamily=font,
                fontsize=12,
                fontweight="bold",
                parse_math=False,
            )
        _draw_panel(ax, scene, panel, layout, font, f"p{index}")
    _heading(fig, 1 - 0.3 / fig_h, scene.title, font, size=15, gid="title", bold=True)
    _heading(fig, 1 - 0.58 / fig_h, scene.subtitle, font, size=10, gid="subtitle")
    _add_legend(fig, scene, font, top=(legend_h + 0.05) / fig_h)
    return fig


def _add_legend(fig: Figure, scene: Scene, font: list[str], *, top: float) -> None:
    """The legend below the panels, its top at ``top`` (a fraction of the figure)."""
    handles, labels, handler_map = _legend_items(scene)
    legend = fig.legend(
        handles,
        [printable(label) for label in labels],
        handler_map=handler_map,
        loc="upper center",
        bbox_to_anchor=(0.5, top),
        ncol=min(_LEGEND_COLUMNS, max(1, len(labels))),
        prop={"family": font, "size": 8},
        title="Legend",
        title_fontproperties={"family": font, "size": 9, "weight": "bold"},
        frameon=True,
        handlelength=3.2,
    )
    for text in legend.get_texts():
        text.set_parse_math(False)


def _heading(
    fig: Figure, y: float, text: str, font: list[str], *, size: int, gid: str, bold: bool = False
) -> None:
    """A centred line of the figure's title block."""
    fig.text(
        0.5,
        y,
        printable(text),
        ha="center",
        va="center",
        fontsize=size,
        fontfamily=font,
        gid=gid,
        parse_math=False,
        fontweight="bold" if bold else "normal",
    )


def figure_bytes(fig: Figure, fmt: Literal["svg", "png", "pdf"]) -> bytes:
    """Return a figure as svg, png or pdf, deterministically (no dates, fixed SVG ids).

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
        fig.savefig(buffer, format=fmt, metadata=metadata, dpi=150, facecolor="white")
    return buffer.getvalue()


def _draw_panel(
    ax: Axes, scene: Scene, panel: Panel, layout: SceneLayout, font: list[str], prefix: str
) -> None:
    for nation in scene.nations:
        members = [n.id for n in panel.nodes if n.nation == nation]
        if members:
            _draw_frame(ax, nation_style(nation, scene.model_nations), members, layout, font)
    patches: dict[str, Patch] = {}
    for i, node in enumerate(panel.nodes):
        patches[node.id] = _draw_node(
            ax, node, layout, font, f"node-{prefix}n{i}", scene.model_nations
        )
    for i, edge in enumerate(panel.edges):
        _draw_edge(ax, edge, patches, f"edge-{prefix}e{i}-{edge.relation}", layout)


def _draw_frame(
    ax: Axes, colours: NationStyle, members: list[str], layout: SceneLayout, font: list[str]
) -> None:
    """A nation's rounded frame around its nodes, captioned at its top left."""
    from matplotlib.patches import FancyBboxPatch

    x0 = min(layout.positions[n][0] - layout.sizes[n][0] / 2 for n in members) - _FRAME_PAD
    x1 = max(layout.positions[n][0] + layout.sizes[n][0] / 2 for n in members) + _FRAME_PAD
    y1 = -min(layout.positions[n][1] - layout.sizes[n][1] / 2 for n in members) + _FRAME_TOP
    y0 = -max(layout.positions[n][1] + layout.sizes[n][1] / 2 for n in members) - _FRAME_PAD
    ax.add_patch(
        FancyBboxPatch(
            (x0, y0),
            x1 - x0,
            y1 - y0,
            boxstyle="round,pad=0,rounding_size=6",
            facecolor=colours.cluster,
            edgecolor=colours.line,
            linewidth=0.8,
            zorder=0,
        )
    )
    ax.text(
        x0 + 5,
        y1 - 4,
        colours.caption,
        ha="left",
        va="top",
        fontsize=9,
        color=colours.line,
        fontfamily=font,
        zorder=1,
        parse_math=False,
    )


def _draw_edge(
    ax: Axes, edge: SceneEdge, patches: dict[str, Patch], gid: str, layout: SceneLayout
) -> None:
    """A link in its relation's style from box to box, bowed unless it is an authority
    link; a low-confidence link is faint and marked ``?``."""
    from matplotlib.patches import FancyArrowPatch

    style = RELATION_STYLES[edge.relation]
    colour, width = style.colour, style.penwidth
    mark = edge_mark(edge.marks)
    if mark is not None:
        colour, width = mark.colour, max(width, mark.penwidth)
    (x1, y1), (x2, y2) = layout.positions[edge.tail], layout.positions[edge.head]
    bend = 0.0 if edge.relation in AUTHORITY_RELATIONS else 0.15
    faint = edge.confidence == "low"
    ax.add_patch(
        FancyArrowPatch(
            (x1, -y1),
            (x2, -y2),
            patchA=patches[edge.tail],
            patchB=patches[edge.head],
            connectionstyle=f"arc3,rad={bend}",
            arrowstyle="<|-|>" if style.both_ends else _ARROWS[style.arrowhead],
            mutation_scale=9,
            linestyle=_LINES[style.line],
            edgecolor=colour,
            facecolor="white" if style.arrowhead in ("empty", "odot") else colour,
            linewidth=width * 0.8,
            alpha=0.4 if faint else 1.0,
            zorder=2,
            gid=gid,
        )
    )
    if faint:
        ax.text(
            (x1 + x2) / 2,
            -(y1 + y2) / 2,
            "?",
            color=colour,
            fontsize=10,
            fontweight="bold",
            ha="center",
            va="center",
            zorder=2,
        )


def _draw_node(
    ax: Axes,
    node: SceneNode,
    layout: SceneLayout,
    font: list[str],
    gid: str,
    nations: tuple[str, ...],
) -> Patch:
    style = KIND_STYLES[node.kind]
    colours = nation_style(node.nation, nations)
    edge, width, face, line, text_colour = colours.line, style.penwidth, colours.fill, "-", "black"
    mark = node_mark(node.marks)
    if mark is not None:
        edge, width = mark.colour, mark.penwidth
    if "removed" in node.marks:
        face, line, text_colour = "#eeeeee", "--", "#7f7f7f"
    if "cut-off" in node.marks:
        line = "--"
    x, y = layout.positions[node.id][0], -layout.positions[node.id][1]
    w, h = layout.sizes[node.id]
    patch = _shape(
        style.shape,
        style.rounded,
        x,
        y,
        w,
        h,
        facecolor=face,
        edgecolor=edge,
        linewidth=width * 0.8,
        linestyle=line,
        zorder=3,
        gid=gid,
    )
    ax.add_patch(patch)
    if "bottleneck" in node.marks:
        ax.add_patch(
            _shape(
                style.shape,
                style.rounded,
                x,
                y,
                w + 6,
                h + 6,
                facecolor="none",
                edgecolor=edge,
                linewidth=1.2,
                zorder=3,
            )
        )
    _draw_label(ax, node, x, y, font, text_colour)
    return patch


def _draw_label(
    ax: Axes, node: SceneNode, x: float, y: float, font: list[str], colour: str
) -> None:
    """The node's lines (:func:`~c2graph.render.boxes.node_lines`), centred in its box."""
    lines = node_box(node).lines
    height = sum(line.size * 1.22 for line in lines)
    top = y + height / 2
    for line in lines:
        top -= line.size * 1.22
        ax.text(
            x,
            top + line.size * 0.61,
            printable(line.text),
            ha="center",
            va="center",
            fontsize=line.size,
            fontweight="bold" if line.bold else "normal",
            fontfamily=font,
            color=colour,
            zorder=4,
            parse_math=False,
        )


def _shape(
    shape: str, rounded: bool, cx: float, cy: float, w: float, h: float, **style: Any
) -> Patch:
    """An outline of a Graphviz shape centred on ``(cx, cy)``, as a matplotlib patch."""
    from matplotlib.patches import Ellipse, FancyBboxPatch, Polygon

    if shape == "ellipse":
        return Ellipse((cx, cy), w * 1.08, h * 1.05, **style)
    if shape == "box":
        box = f"round,pad=0,rounding_size={min(w, h) * 0.18}" if rounded else "square,pad=0"
        return FancyBboxPatch((cx - w / 2, cy - h / 2), w, h, boxstyle=box, **style)
    hw, hh = w / 2, h / 2
    outlines = {
        "house": [(-hw, -hh), (hw, -hh), (hw, hh * 0.4), (0, hh), (-hw, hh * 0.4)],
        "invtrapezium": [(-hw, hh), (hw, hh), (hw * 0.8, -hh), (-hw * 0.8, -hh)],
        "octagon": [
            (-hw, -hh * 0.45),
            (-hw, hh * 0.45),
            (-hw * 0.82, hh),
            (hw * 0.82, hh),
            (hw, hh * 0.45),
            (hw, -hh * 0.45),
            (hw * 0.82, -hh),
            (-hw * 0.82, -hh),
        ],
        "hexagon": [
            (-hw, 0),
            (-hw * 0.8, hh),
            (hw * 0.8, hh),
            (hw, 0),
            (hw * 0.8, -hh),
            (-hw * 0.8, -hh),
        ],
        "parallelogram": [(-hw, -hh), (hw * 0.82, -hh), (hw, hh), (-hw * 0.82, hh)],
    }
    return Polygon([(cx + dx, cy + dy) for dx, dy in outlines[shape]], closed=True, **style)


def _legend_items(scene: Scene) -> tuple[list[Any], list[str], dict[Any, Any]]:
    from matplotlib.legend_handler import HandlerBase
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch as PatchHandle

    class _KindHandler(HandlerBase):
        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

        def create_artists(
            self,
            legend: Any,
            orig_handle: Any,
            xdescent: float,
            ydescent: float,
            width: float,
            height: float,
            fontsize: float,
            trans: Any,
        ) -> list[Any]:
            style = KIND_STYLES[self.kind]
            return [
                _shape(
                    style.shape,
                    style.rounded,
                    width / 2 - xdescent,
                    height / 2 - ydescent,
                    width * 0.8,
                    height * 1.3,
                    facecolor="white",
                    edgecolor="#333333",
                    linewidth=style.penwidth * 0.8,
                    transform=trans,
                )
            ]

    handles: list[Any] = []
    labels: list[str] = []
    handler_map: dict[Any, Any] = {}
    for entry in scene.legend:
        if entry.group == "nation":
            continue  # nations are named by their frames
        if entry.group == "note":
            low = entry.key == "low-confidence"
            handle: Any = Line2D([], [], color="#444444", alpha=0.4 if low else 0.0)
        elif entry.group == "relation":
            style = RELATION_STYLES[entry.key]
            handle = Line2D(
                [], [], linestyle=_LINES[style.line], color=style.colour, linewidth=style.penwidth
            )
        elif entry.group == "mark":
            mark = MARK_STYLES[entry.key]
            handle = Line2D([], [], color=mark.colour, linewidth=mark.penwidth)
        else:
            handle = PatchHandle(facecolor="white", edgecolor="#333333")
            handler_map[handle] = _KindHandler(entry.key)
        handles.append(handle)
        labels.append(entry.label)
    return handles, labels, handler_map


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
