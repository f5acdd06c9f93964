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
every text is an HTML-like label escaped here: ``&``, ``<``, ``>`` and quotes become
entities, a backslash is doubled (Graphviz expands ``\\N``, ``\\G``... even inside HTML
labels), newlines become ``<BR/>`` and characters XML forbids become U+FFFD. So no name can
add a node, an attribute, a port, markup or a link; names are never used as ids or URLs.

Example
-------
>>> escape_html('HQ:Main <b> "x"')
'HQ:Main &lt;b&gt; &quot;x&quot;'
>>> escape_html("C:\\\\") == "C:" + "\\\\" * 2
True
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess

import pydot

from ..errors import RenderError
from ..vocabulary import AUTHORITY_RELATIONS
from .layout import SceneLayout, scene_layout
from .scene import Panel, Scene, SceneNode
from .style import (
    KIND_STYLES,
    MARK_STYLES,
    RELATION_STYLES,
    font_for,
    label_lines,
    nation_style,
)

__all__ = ["DOT_FORMATS", "build_dot", "dot_source", "escape_html", "render_dot"]

#: Output formats the ``dot`` executable renders for us.
DOT_FORMATS = ("svg", "png", "pdf")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PITCH_X, _PITCH_Y = 160.0, 92.0      # points between node slots and between ranks
_PANEL_GAP = 0.8                       # slots between two panels
_LEGEND_ROWS = 8
#: Shapes whose slanted sides eat into the text width.
_NARROW_SHAPES = frozenset({"house", "invtrapezium", "octagon", "hexagon", "parallelogram",
                            "ellipse"})


def escape_html(text: str) -> str:
    """Escape ``text`` for a Graphviz HTML-like label so that it is drawn literally."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _INVALID_XML.sub("\ufffd", text)
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;").replace("\\", "\\\\"))
    return text.replace("\n", "<BR/>")


def _lines_html(text: str, width: int) -> str:
    return "<BR/>".join(escape_html(line) for line in label_lines(text, width))


def _label(node: SceneNode) -> str:
    width = 18 if KIND_STYLES[node.kind].shape in _NARROW_SHAPES else 22
    if node.short:
        return (f'<<B>{_lines_html(node.short, width - 4)}</B><BR/>'
                f'<FONT POINT-SIZE="8">{_lines_html(node.label, width)}</FONT>>')
    return f"<{_lines_html(node.label, width - 4)}>"


def build_dot(scene: Scene) -> pydot.Dot:
    """Build the Graphviz graph of a scene: nation clusters, styled links, title and legend.

    Every node is pinned at its place in the layered layout (:func:`scene_layout`); panels
    are laid side by side with one shared layout, so a node keeps its place across phases.
    """
    font = font_for(scene.texts())
    layout = scene_layout(scene)
    graph = pydot.Dot("c2", graph_type="digraph", strict=False)
    title = (f'<<FONT POINT-SIZE="18"><B>{escape_html(scene.title)}</B></FONT><BR/>'
             f'<FONT POINT-SIZE="12">{escape_html(scene.subtitle)}</FONT>>')
    graph.set_graph_defaults(layout="neato", inputscale="72", notranslate="true",
                             splines="true", overlap="true", outputorder="edgesfirst",
                             fontname=font, labelloc="t", labeljust="c", label=title,
                             pad="0.3", bgcolor="white", charset="UTF-8")
    graph.set_node_defaults(fontname=font, fontsize="10", style="filled", margin="0.08,0.04")
    graph.set_edge_defaults(arrowsize="0.7", fontname=font)
    width = layout.max_x - layout.min_x + 1
    for index, panel in enumerate(scene.panels):
        prefix = f"p{index}" if len(scene.panels) > 1 else ""
        offset = index * (width + _PANEL_GAP) - layout.min_x
        _add_panel(graph, scene, panel, layout, prefix, offset, len(scene.panels) > 1)
    total = len(scene.panels) * width + (len(scene.panels) - 1) * _PANEL_GAP
    _add_legend(graph, scene, font, centre=(total - 1) / 2, bottom=layout.max_rank)
    return graph


def _point(x: float, rank: float) -> str:
    return f"{x * _PITCH_X:.1f},{-rank * _PITCH_Y:.1f}!"


def _add_panel(graph: pydot.Dot, scene: Scene, panel: Panel, layout: SceneLayout,
               prefix: str, offset: float, captioned: bool) -> None:
    """Add one panel: a cluster per nation with its pinned nodes, then the links."""
    ids = {node.id: f"{prefix}n{i}" for i, node in enumerate(panel.nodes)}
    if captioned:
        middle = offset + (layout.min_x + layout.max_x) / 2
        graph.add_node(pydot.Node(f"{prefix}t", shape="plaintext", style="", fontsize="16",
                                  label=f"<<B>{escape_html(panel.caption)}</B>>",
                                  pos=_point(middle, -1.05)))
    for n_index, nation in enumerate(scene.nations):
        members = [n for n in panel.nodes if n.nation == nation]
        if not members:
            continue
        colours = nation_style(nation, scene.model_nations)
        cluster = pydot.Cluster(f"{prefix}c{n_index}", label=f"<{escape_html(colours.caption)}>",
                                style="rounded,filled", fillcolor=colours.cluster,
                                color=colours.line, fontcolor=colours.line, fontsize="12")
        graph.add_subgraph(cluster)
        xs = [layout.positions[n.id][0] + offset for n in members]
        ranks = [layout.positions[n.id][1] for n in members]
        for corner, (x, rank) in (("a", (min(xs) - 0.47, min(ranks) - 0.72)),
                                  ("b", (max(xs) + 0.47, max(ranks) + 0.5))):
            cluster.add_node(pydot.Node(f"{prefix}c{n_index}{corner}", shape="point",
                                        style="invis", width="0", height="0", label="",
                                        pos=_point(x, rank)))
        for node in members:
            x, rank = layout.positions[node.id]
            cluster.add_node(_node(ids[node.id], node, colours.fill, colours.line,
                                   _point(x + offset, rank)))
    for edge in panel.edges:
        graph.add_edge(_edge(ids[edge.tail], ids[edge.head], edge.relation, edge.marks))


def _node(dot_id: str, node: SceneNode, fill: str, line: str, pos: str) -> pydot.Node:
    style = KIND_STYLES[node.kind]
    styles = ["filled"] + (["rounded"] if style.rounded else [])
    attrs = {"label": _label(node), "shape": style.shape, "fillcolor": fill,
             "color": line, "penwidth": str(style.penwidth), "pos": pos}
    for mark in ("removed", "cut-off", "bottleneck", "path", "switch"):
        if mark in node.marks:
            attrs["color"] = MARK_STYLES[mark].colour
            attrs["penwidth"] = str(MARK_STYLES[mark].penwidth)
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
    attrs = {"style": style.line, "color": style.colour, "penwidth": str(style.penwidth),
             "arrowhead": style.arrowhead}
    if style.both_ends:
        attrs |= {"dir": "both", "arrowtail": style.arrowhead}
    if relation not in AUTHORITY_RELATIONS:
        attrs["constraint"] = "false"
    for mark in ("removed", "switch", "path"):
        if mark in marks:
            attrs["color"] = MARK_STYLES[mark].colour
            attrs["penwidth"] = str(max(style.penwidth, MARK_STYLES[mark].penwidth))
    return pydot.Edge(tail, head, **attrs)


def _add_legend(graph: pydot.Dot, scene: Scene, font: str, centre: float, bottom: int) -> None:
    """Add the legend below the chart (``centre`` in slots, ``bottom`` the last rank): kind
    samples in a row, then a table of line samples, nation colours and overlay marks, all
    generated from the style table."""
    kinds = [e for e in scene.legend if e.group == "kind"]
    kind_y = bottom + 1.05
    for i, entry in enumerate(kinds):
        style = KIND_STYLES[entry.key]
        x = centre + (i - (len(kinds) - 1) / 2) * 0.85
        graph.add_node(pydot.Node(
            f"k{i}", label=f"<{escape_html(entry.label)}>", shape=style.shape,
            style="filled,rounded" if style.rounded else "filled", fillcolor="white",
            color="#333333", penwidth=str(style.penwidth), fontsize="9", width="1.0",
            height="0.4", pos=_point(x, kind_y)))
    cells = []
    for entry in scene.legend:
        if entry.group == "relation":
            edge_style = RELATION_STYLES[entry.key]
            sample = _line_sample(edge_style.line, edge_style.colour, edge_style.penwidth)
        elif entry.group == "nation":
            colours = nation_style(entry.key, scene.model_nations)
            sample = (f'<TD WIDTH="40" HEIGHT="12" BORDER="1" COLOR="{colours.line}" '
                      f'BGCOLOR="{colours.fill}"></TD>')
        elif entry.group == "mark":
            mark = MARK_STYLES[entry.key]
            sample = _line_sample("solid", mark.colour, mark.penwidth)
        else:
            continue
        cells.append(f'{sample}<TD ALIGN="LEFT">{escape_html(entry.label)}</TD>')
    height = max(1, math.ceil(len(cells) / max(1, math.ceil(len(cells) / _LEGEND_ROWS))))
    columns = [cells[i:i + height] for i in range(0, len(cells), height)] or [[]]
    rows = ["<TR>" + '<TD WIDTH="16"></TD>'.join(
        column[r] if r < len(column) else "<TD></TD><TD></TD>" for column in columns) + "</TR>"
        for r in range(height)]
    span = 2 * len(columns) + len(columns) - 1
    table = ('<<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" '
             'CELLSPACING="3" CELLPADDING="2">'
             f'<TR><TD COLSPAN="{span}"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>")
    table_y = kind_y + 0.45 + (height + 1) * 17 / 2 / _PITCH_Y
    graph.add_node(pydot.Node("legend", shape="plaintext", style="", label=table,
                              fontsize="9", fontname=font,
                              pos=_point(centre, table_y)))


def _line_sample(line: str, colour: str, penwidth: float) -> str:
    """A table cell showing a line sample: the bottom border of its upper half."""
    dash = f' STYLE="{line}"' if line != "solid" else ""
    return ('<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD WIDTH="40" HEIGHT="6" SIDES="B" BORDER="{max(1, round(penwidth))}"'
            f' COLOR="{colour}"{dash}></TD></TR><TR><TD HEIGHT="6"></TD></TR></TABLE></TD>')


def dot_source(scene: Scene) -> str:
    """Return the DOT text of a scene (deterministic: same scene, same bytes)."""
    return str(build_dot(scene).to_string())


def render_dot(source: str, fmt: str, *, timeout: float = 120.0) -> bytes:
    """Run Graphviz ``dot`` on DOT text and return the picture in ``fmt`` (svg, png, pdf).

    Raises :class:`~c2graph.errors.RenderError` when ``dot`` is missing, fails or times
    out. PDF creation dates are pinned (``SOURCE_DATE_EPOCH``).
    """
    if fmt not in DOT_FORMATS:
        raise RenderError(f"Graphviz cannot render {fmt!r} here; use one of "
                          f"{', '.join(DOT_FORMATS)}")
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError("the Graphviz 'dot' program is not installed; install Graphviz or "
                          "use the matplotlib engine")
    args = [executable, f"-T{fmt}"] + (["-Gdpi=144"] if fmt == "png" else [])
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    try:
        done = subprocess.run(args, input=source.encode("utf-8"), capture_output=True,
                              timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz 'dot' did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"Graphviz 'dot' could not be run: {exc}") from None
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        raise RenderError(f"Graphviz 'dot' failed: {message or f'exit {done.returncode}'}")
    return done.stdout
