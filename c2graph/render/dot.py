"""Graphviz renderer: an explicit ``pydot.Dot`` built from the style table, and ``dot`` runs.

The chart is placed by :mod:`c2graph.render.layout` (ranks from the authority links, nations
side by side: Japan left, alliance bodies in the middle, the United States right) and every
node is pinned there (``layout=neato``, ``pos="x,y!"``); Graphviz draws the shapes and
routes the links around the nodes. So the DOT file renders the same with a plain
``dot -Tsvg chart.dot``. Graphviz's own ``dot`` ranking is not used: on our models (many
same-rank coordination links between clusters) Graphviz 2.43 aborts (``class2.c
merge_chain`` assertion) or drops edges ("lost edge", "triangulation failed"), and its
crossing minimisation may swap clusters, so it cannot promise the nation order.

Node ids in the DOT text are synthetic (``n0``, ``n1``, ...; ``p1n0``, ... in panels), and
every text is an HTML-like label escaped here: ``&``, ``<``, ``>``, quotes and brackets
become entities (Graphviz 2.43 rejects a label of only ``]``), a backslash is doubled
(Graphviz expands ``\\N``, ``\\G``... even inside HTML labels), newlines become ``<BR/>``
and characters XML forbids become U+FFFD (:func:`~c2graph.render.style.printable`). So no
name can add a node, an attribute, a port, markup or a link; names are never used as ids
or URLs.

Example
-------
>>> escape_html('HQ:Main <b> "x"')
'HQ:Main &lt;b&gt; &quot;x&quot;'
>>> escape_html("C:\\\\") == "C:" + "\\\\" * 2
True
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from typing import Any

import pydot

from ..errors import RenderError
from ..vocabulary import AUTHORITY_RELATIONS
from .layout import SceneLayout, scene_layout
from .scene import Panel, Scene, SceneNode
from .style import (
    KIND_STYLES,
    MARK_STYLES,
    RELATION_STYLES,
    LegendEntry,
    edge_mark,
    font_for,
    has_cjk,
    label_lines,
    nation_style,
    node_mark,
    printable,
)

__all__ = ["DOT_FORMATS", "build_dot", "dot_bytes", "dot_source", "escape_html", "render_dot"]

#: Output formats the ``dot`` executable renders for us.
DOT_FORMATS = ("svg", "png", "pdf")
_PITCH_X, _PITCH_Y = 160.0, 92.0  # least points between node slots and between ranks
_PANEL_GAP = 0.8  # slots between two panels
_LEGEND_ROWS = 8
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) )\(D:\d{14}Z\)")
#: Shapes whose slanted sides eat into the text width.
_NARROW_SHAPES = frozenset(
    {"house", "invtrapezium", "octagon", "hexagon", "parallelogram", "ellipse"}
)


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


def _lines_html(text: str, width: int) -> str:
    return "<BR/>".join(escape_html(line) for line in label_lines(text, width))


def _label_width(kind: str, small: bool) -> int:
    """Columns per label line: fewer in slanted shapes and for the larger font."""
    width = 18 if KIND_STYLES[kind].shape in _NARROW_SHAPES else 22
    return width if small else width - 4


def _tag(name: str, content: str, attrs: str = "") -> str:
    """``<NAME attrs>content</NAME>``, or nothing for empty content (Graphviz rejects it)."""
    return f"<{name}{attrs}>{content}</{name}>" if content else ""


def _label(node: SceneNode) -> str:
    if not node.short:
        return f"<{_lines_html(node.label, _label_width(node.kind, False))}>"
    short = _tag("B", _lines_html(node.short, _label_width(node.kind, False)))
    body = _tag("FONT", _lines_html(node.label, _label_width(node.kind, True)), ' POINT-SIZE="8"')
    return f"<{short}<BR/>{body}>"


#: Above this many drawn nodes links are straight lines: Graphviz's spline router around
#: pinned nodes takes minutes on a 1,000-node order of battle, straight lines a fraction of
#: a second (measured with ``benchmarks/run.py``).
ROUTED_EDGES_LIMIT = 300


def build_dot(scene: Scene) -> pydot.Dot:
    """Build the Graphviz graph of a scene: nation clusters, styled links, title and legend.

    Every node is pinned at its place in the layered layout (:func:`scene_layout`); panels
    are laid side by side with one shared layout, so a node keeps its place across phases.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> graph = build_dot(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> graph.get_name(), len(graph.get_subgraph_list())
    ('c2', 4)
    """
    font = font_for(scene.texts())
    layout = scene_layout(scene)
    grid = _grid(scene)
    graph = pydot.Dot("c2", graph_type="digraph", strict=False)
    heading = _tag("FONT", _tag("B", escape_html(scene.title)), ' POINT-SIZE="18"')
    subtitle = _tag("FONT", escape_html(scene.subtitle), ' POINT-SIZE="12"')
    title = f"<{heading}<BR/>{subtitle}>"
    drawn = sum(len(panel.nodes) for panel in scene.panels)
    splines = "true" if drawn <= ROUTED_EDGES_LIMIT else "line"
    graph.set_graph_defaults(
        layout="neato",
        inputscale="72",
        notranslate="true",
        splines=splines,
        overlap="true",
        outputorder="edgesfirst",
        fontname=font,
        labelloc="t",
        labeljust="c",
        label=title,
        pad="0.3",
        bgcolor="white",
        charset="UTF-8",
    )
    graph.set_node_defaults(fontname=font, fontsize="10", style="filled", margin="0.08,0.04")
    graph.set_edge_defaults(arrowsize="0.7", fontname=font)
    width = layout.max_x - layout.min_x + 1
    for index, panel in enumerate(scene.panels):
        place = _Place(
            layout,
            grid,
            prefix=f"p{index}" if len(scene.panels) > 1 else "",
            offset=index * (width + _PANEL_GAP) - layout.min_x,
        )
        _add_panel(graph, scene, panel, place, captioned=len(scene.panels) > 1)
    total = len(scene.panels) * width + (len(scene.panels) - 1) * _PANEL_GAP
    _add_legend(graph, scene, font, grid, centre=(total - 1) / 2, bottom=layout.max_rank)
    return graph


@dataclass(frozen=True)
class _Grid:
    """Points per layout slot and per rank: wide enough for the largest node drawn."""

    x: float
    y: float

    def point(self, slot: float, rank: float) -> str:
        return f"{slot * self.x:.1f},{-rank * self.y:.1f}!"


def _grid(scene: Scene) -> _Grid:
    sizes = [_node_size(n) for p in scene.panels for n in p.nodes] or [(0.0, 0.0)]
    return _Grid(
        max(_PITCH_X, max(w for w, _ in sizes) + 24), max(_PITCH_Y, max(h for _, h in sizes) + 36)
    )


def _node_size(node: SceneNode) -> tuple[float, float]:
    """A generous estimate (points) of the node Graphviz will draw, to space the grid."""
    lines = (
        [(line, 10.0 * 1.08) for line in label_lines(node.short, _label_width(node.kind, False))]
        if node.short
        else []
    )
    small = 8.0 if node.short else 10.0
    lines += [
        (line, small) for line in label_lines(node.label, _label_width(node.kind, bool(node.short)))
    ]
    width = max((sum(_em(ch) for ch in line) * size for line, size in lines), default=0.0)
    height = sum(size * 1.25 for _, size in lines)
    shape = KIND_STYLES[node.kind].shape
    return (width * 1.1 + 14) * _GROWTH[shape] + 4, height * (1.5 if shape != "box" else 1.0) + 10


#: How much wider than a box each shape is for the same label (measured on Graphviz 2.43).
_GROWTH = {
    "box": 1.0,
    "ellipse": 1.15,
    "house": 1.42,
    "invtrapezium": 1.62,
    "octagon": 1.25,
    "hexagon": 1.33,
    "parallelogram": 1.68,
}


def _em(char: str) -> float:
    """Width of a character in ems, rounded up; glyphs no font has are drawn very wide."""
    if char.isascii():
        return 1.0 if char in "MWmw@%&" else 0.66
    if unicodedata.category(char).startswith("C"):
        return 3.0
    if has_cjk(char) and ord(char) < 0x10000:
        return 1.1
    return 1.0 if ord(char) < 0x0500 else 3.0


@dataclass(frozen=True)
class _Place:
    """Where one panel goes: the shared layout and grid, its id prefix and slot offset."""

    layout: SceneLayout
    grid: _Grid
    prefix: str
    offset: float

    def point(self, slot: float, rank: float) -> str:
        return self.grid.point(slot + self.offset, rank)


def _add_panel(
    graph: pydot.Dot, scene: Scene, panel: Panel, place: _Place, *, captioned: bool
) -> None:
    """Add one panel: its caption, a cluster per nation with its pinned nodes, the links."""
    ids = {node.id: f"{place.prefix}n{i}" for i, node in enumerate(panel.nodes)}
    if captioned:
        middle = (place.layout.min_x + place.layout.max_x) / 2
        graph.add_node(
            pydot.Node(
                f"{place.prefix}t",
                shape="plaintext",
                style="",
                fontsize="16",
                label=f"<{_tag('B', escape_html(panel.caption))}>",
                pos=place.point(middle, -1.05),
            )
        )
    for n_index, nation in enumerate(scene.nations):
        members = [n for n in panel.nodes if n.nation == nation]
        if members:
            cluster = _cluster(f"{place.prefix}c{n_index}", nation, scene, members, ids, place)
            # pydot adds clusters as subgraphs (it checks for both) but annotates Subgraph only
            graph.add_subgraph(cluster)  # type: ignore[arg-type]
    for edge in panel.edges:
        graph.add_edge(_edge(ids[edge.tail], ids[edge.head], edge.relation, edge.marks))


def _cluster(
    name: str,
    nation: str,
    scene: Scene,
    members: list[SceneNode],
    ids: dict[str, str],
    place: _Place,
) -> pydot.Cluster:
    """A nation's frame around its nodes, held open by two invisible corner points."""
    colours = nation_style(nation, scene.model_nations)
    cluster = pydot.Cluster(
        name,
        label=f"<{escape_html(colours.caption)}>",
        style="rounded,filled",
        fillcolor=colours.cluster,
        color=colours.line,
        fontcolor=colours.line,
        fontsize="12",
    )
    positions = place.layout.positions
    xs = [positions[n.id][0] + place.offset for n in members]
    ranks = [positions[n.id][1] for n in members]
    for corner, (x, rank) in (
        ("a", (min(xs) - 0.47, min(ranks) - 0.72)),
        ("b", (max(xs) + 0.47, max(ranks) + 0.5)),
    ):
        cluster.add_node(
            pydot.Node(
                f"{name}{corner}",
                shape="point",
                style="invis",
                width="0",
                height="0",
                label="",
                pos=place.grid.point(x, rank),
            )
        )
    for node in members:
        pos = place.point(*positions[node.id])
        cluster.add_node(_node(ids[node.id], node, colours.fill, colours.line, pos))
    return cluster


def _node(dot_id: str, node: SceneNode, fill: str, line: str, pos: str) -> pydot.Node:
    style = KIND_STYLES[node.kind]
    styles = ["filled"] + (["rounded"] if style.rounded else [])
    attrs: dict[str, Any] = {
        "label": _label(node),
        "shape": style.shape,
        "fillcolor": fill,
        "color": line,
        "penwidth": str(style.penwidth),
        "pos": pos,
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


def _edge(tail: str, head: str, relation: str, marks: frozenset[str]) -> pydot.Edge:
    """A link in its relation's style; coordination-class links carry ``constraint=false``
    (they never set ranks: the layout ranks by authority links only)."""
    style = RELATION_STYLES[relation]
    attrs: dict[str, Any] = {
        "style": style.line,
        "color": style.colour,
        "penwidth": str(style.penwidth),
        "arrowhead": style.arrowhead,
    }
    if style.both_ends:
        attrs |= {"dir": "both", "arrowtail": style.arrowhead}
    if relation not in AUTHORITY_RELATIONS:
        attrs["constraint"] = "false"
    mark = edge_mark(marks)
    if mark is not None:
        attrs["color"] = mark.colour
        attrs["penwidth"] = str(max(style.penwidth, mark.penwidth))
    return pydot.Edge(tail, head, **attrs)


def _add_legend(
    graph: pydot.Dot, scene: Scene, font: str, grid: _Grid, centre: float, bottom: int
) -> None:
    """Add the legend below the chart (``centre`` in slots, ``bottom`` the last rank): kind
    samples in a row, then a table of line samples, nation colours and overlay marks, all
    generated from the style table."""
    kind_y = bottom + 1.6
    _add_kind_samples(graph, [e for e in scene.legend if e.group == "kind"], grid, centre, kind_y)
    table, height = _legend_table(_legend_cells(scene))
    table_y = kind_y + 0.45 + (height + 1) * 17 / 2 / grid.y
    graph.add_node(
        pydot.Node(
            "legend",
            shape="plaintext",
            style="",
            label=table,
            fontsize="9",
            fontname=font,
            pos=grid.point(centre, table_y),
        )
    )


def _add_kind_samples(
    graph: pydot.Dot, kinds: list[LegendEntry], grid: _Grid, centre: float, y: float
) -> None:
    """One sample node per kind drawn, in a row centred under the chart."""
    widths = [
        max(72.0, (sum(_em(ch) for ch in e.label) * 9 + 14) * _GROWTH[KIND_STYLES[e.key].shape])
        + 16
        for e in kinds
    ]
    left = centre * grid.x - sum(widths) / 2
    for i, entry in enumerate(kinds):
        style = KIND_STYLES[entry.key]
        x = (left + sum(widths[:i]) + widths[i] / 2) / grid.x
        graph.add_node(
            pydot.Node(
                f"k{i}",
                label=f"<{escape_html(entry.label)}>",
                shape=style.shape,
                style="filled,rounded" if style.rounded else "filled",
                fillcolor="white",
                color="#333333",
                penwidth=str(style.penwidth),
                fontsize="9",
                width="1.0",
                height="0.4",
                pos=grid.point(x, y),
            )
        )


def _legend_cells(scene: Scene) -> list[str]:
    """A sample cell and a label cell per relation, nation and overlay mark of the legend."""
    cells = []
    for entry in scene.legend:
        if entry.group == "relation":
            edge_style = RELATION_STYLES[entry.key]
            sample = _line_sample(edge_style.line, edge_style.colour, edge_style.penwidth)
        elif entry.group == "nation":
            colours = nation_style(entry.key, scene.model_nations)
            sample = (
                f'<TD WIDTH="40" HEIGHT="12" BORDER="1" COLOR="{colours.line}" '
                f'BGCOLOR="{colours.fill}"></TD>'
            )
        elif entry.group == "mark":
            mark = MARK_STYLES[entry.key]
            sample = _line_sample("solid", mark.colour, mark.penwidth)
        else:
            continue
        cells.append(f'{sample}<TD ALIGN="LEFT">{escape_html(entry.label)}</TD>')
    return cells


def _legend_table(cells: list[str]) -> tuple[str, int]:
    """The legend's HTML-like table, columns of at most :data:`_LEGEND_ROWS` cells, and
    its number of rows."""
    height = max(1, math.ceil(len(cells) / max(1, math.ceil(len(cells) / _LEGEND_ROWS))))
    columns = [cells[i : i + height] for i in range(0, len(cells), height)] or [[]]
    rows = [
        "<TR>"
        + '<TD WIDTH="16"></TD>'.join(
            column[r] if r < len(column) else "<TD></TD><TD></TD>" for column in columns
        )
        + "</TR>"
        for r in range(height)
    ]
    span = 2 * len(columns) + len(columns) - 1
    table = (
        '<<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" '
        'CELLSPACING="3" CELLPADDING="2">'
        f'<TR><TD COLSPAN="{span}"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>"
    )
    return table, height


def _line_sample(line: str, colour: str, penwidth: float) -> str:
    """A table cell showing a line sample: the bottom border of its upper half."""
    dash = f' STYLE="{line}"' if line != "solid" else ""
    return (
        '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD WIDTH="40" HEIGHT="6" SIDES="B" BORDER="{max(1, round(penwidth))}"'
        f' COLOR="{colour}"{dash}></TD></TR><TR><TD HEIGHT="6"></TD></TR></TABLE></TD>'
    )


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
    """Run Graphviz ``dot`` on DOT text and return the picture in ``fmt`` (svg, png, pdf).

    Raises :class:`~c2graph.errors.RenderError` when ``dot`` is missing, fails or times
    out. PDF creation dates are pinned to 1970-01-01, so every output is deterministic.

    Examples
    --------
    >>> render_dot("digraph { a -> b }", "gif")
    Traceback (most recent call last):
    ...
    c2graph.errors.RenderError: Graphviz cannot render 'gif' here; use one of svg, png, pdf
    """
    if fmt not in DOT_FORMATS:
        raise RenderError(
            f"Graphviz cannot render {fmt!r} here; use one of {', '.join(DOT_FORMATS)}"
        )
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError(
            "the Graphviz 'dot' program is not installed; install Graphviz or "
            "use the matplotlib engine"
        )
    args = [executable, f"-T{fmt}"] + (["-Gdpi=144"] if fmt == "png" else [])
    try:
        done = subprocess.run(
            args, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz 'dot' did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"Graphviz 'dot' could not be run: {exc}") from None
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        raise RenderError(f"Graphviz 'dot' failed: {message or f'exit {done.returncode}'}")
    if fmt == "pdf":
        # cairo 1.16 ignores SOURCE_DATE_EPOCH; pin the date in place (same length, so the
        # cross-reference offsets stay right).
        return _PDF_DATE.sub(rb"\1(D:19700101000000Z)", done.stdout)
    return done.stdout
