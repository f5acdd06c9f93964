"""Diff diagram: one Graphviz chart of model B over model A, with additions, removals, changes.

The chart is the render package's own (:func:`c2graph.render.dot.build_dot` on a
:class:`~c2graph.render.scene.Scene` holding the union of both models in one phase), so
shapes, nation colours, line styles, label escaping and synthetic DOT ids are the same as
every other diagram; this module only recolours what the diff names and adds three legend
lines (:data:`DIFF_STYLES`).

Example
-------
>>> from c2graph import load_model_data
>>> def m(extra):
...     return load_model_data({"name": "x", "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "headquarters"},
...                   {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
...         "links": [{"from": "a", "to": "b", "relation": extra}]})
>>> "#1a9850" in diff_dot(m("tacon"), m("opcon"))
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pydot

from ..compare.diff import StructuralDiff, structural_diff
from ..errors import QueryError, RenderError
from ..model import Model
from ..outputs import write_atomic
from . import Format, checked_format, picture_format
from .dot import build_dot, dot_bytes, escape_html
from .scene import Panel, Scene, SceneEdge, SceneNode
from .style import MarkStyle, legend_entries, nation_order

__all__ = ["DIFF_STYLES", "diff_bytes", "diff_dot", "diff_scene", "draw_diff"]

#: Colours of the diff overlay (colour-blind safe green / red / purple).
DIFF_STYLES: dict[str, MarkStyle] = {
    "added": MarkStyle("#1a9850", 3.0, "added in B"),
    "removed": MarkStyle("#d73027", 3.0, "removed (only in A)"),
    "changed": MarkStyle("#7b3294", 3.0, "changed (fields or relation)"),
}


def _phase(a: Model, b: Model, phase: str | None) -> str:
    if phase is not None:
        a.phase(phase)
        b.phase(phase)
        return phase
    shared = [p for p in a.phase_ids if p in b.phase_ids]
    if not shared:
        raise QueryError(f"the models {a.name!r} and {b.name!r} share no phase id")
    return shared[0]


def diff_scene(
    a: Model, b: Model, *, phase: str | None = None
) -> tuple[Scene, dict[str, str], dict[int, str]]:
    """Return the scene of B over A in ``phase`` (default: the first phase both have), the
    diff mark of each node id, and the diff mark of each edge (by its index in the panel).

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> scene, node_marks, edge_marks = diff_scene(a, b, phase="armed-attack")
    >>> sorted(n for n, mark in node_marks.items() if mark == "added")
    ['jp-jjoc', 'us-jct', 'us-spacefor-indopac', 'us-spacefor-j']
    """
    phase = _phase(a, b, phase)
    diff = structural_diff(a, b, phase=phase)
    node_marks = _node_marks(diff)
    nodes = [b.nodes[n] for n in b.nodes if phase in b.nodes[n].phases]
    nodes += [a.nodes[n] for n in diff.nodes_removed]
    scene_nodes = tuple(
        SceneNode(
            n.id,
            n.name,
            n.short if n.short != n.name else None,
            n.nation,
            n.kind,
            frozenset({"removed"}) if node_marks.get(n.id) == "removed" else frozenset(),
        )
        for n in nodes
    )
    edges = [
        SceneEdge(link.key, link.from_node, link.to_node, link.relation)
        for link in b.links_in(phase)
    ]
    edges += [
        SceneEdge(r.key, r.from_node, r.to_node, r.relation, frozenset({"removed"}))
        for r in diff.links_removed
    ]
    edge_marks = _edge_marks(diff, edges)
    nations = {n.nation for n in nodes}
    legend = legend_entries(
        kinds={n.kind for n in nodes},
        relations={e.relation for e in edges},
        nations=nations,
        marks=(),
    )
    name = b.phase(phase).name
    scene = Scene(
        title=f"{b.name} over {a.name}",
        subtitle=f"phase: {name} · green added, red removed, purple changed",
        panels=(Panel(phase, name, scene_nodes, tuple(edges)),),
        nations=nation_order(nations),
        model_nations=tuple(sorted(nations)),
        legend=legend,
    )
    return scene, node_marks, edge_marks


def _node_marks(diff: StructuralDiff) -> dict[str, str]:
    marks = {n: "added" for n in diff.nodes_added}
    marks |= {n: "removed" for n in diff.nodes_removed}
    marks |= {c.id: "changed" for c in diff.nodes_changed}
    return marks


def _edge_marks(diff: StructuralDiff, edges: list[SceneEdge]) -> dict[int, str]:
    added = {(r.from_node, r.to_node, r.relation, r.key) for r in diff.links_added}
    changed = {(c.from_node, c.to_node, c.relation, c.key_after) for c in diff.links_changed}
    changed |= {
        (c.from_node, c.to_node, rel, "") for c in diff.relations_changed for rel in c.after
    }
    marks = {}
    for index, edge in enumerate(edges):
        ident = (edge.tail, edge.head, edge.relation, edge.key)
        if "removed" in edge.marks:
            marks[index] = "removed"
        elif ident in added and (*ident[:3], "") in changed:
            marks[index] = "changed"
        elif ident in added:
            marks[index] = "added"
        elif ident in changed:
            marks[index] = "changed"
    return marks


def diff_dot(a: Model, b: Model, *, phase: str | None = None) -> str:
    """Return the DOT text of B over A (deterministic: same models, same bytes).

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> "removed (only in A)" in diff_dot(a, b)
    True
    """
    scene, node_marks, edge_marks = diff_scene(a, b, phase=phase)
    graph = build_dot(scene)
    ids = {node.id: f"n{i}" for i, node in enumerate(scene.panels[0].nodes)}
    by_dot_id = {ids[n]: mark for n, mark in node_marks.items() if n in ids}
    for node in _all_nodes(graph):
        mark = by_dot_id.get(node.get_name())
        if mark:
            node.set("color", DIFF_STYLES[mark].colour)
            node.set("penwidth", str(DIFF_STYLES[mark].penwidth))
    visible = [e for e in graph.get_edge_list() if e.get("style") != "invis"]
    if len(visible) != len(scene.panels[0].edges):
        raise RenderError("the diff diagram cannot match the chart's links to the diff")
    for index, edge in enumerate(visible):
        mark = edge_marks.get(index)
        if mark:
            edge.set("color", DIFF_STYLES[mark].colour)
            edge.set("penwidth", str(DIFF_STYLES[mark].penwidth))
    _add_legend_lines(graph)
    return str(graph.to_string())


def _all_nodes(graph: pydot.Dot | pydot.Subgraph) -> Iterable[pydot.Node]:
    yield from graph.get_node_list()
    for sub in graph.get_subgraph_list():
        yield from _all_nodes(sub)


def _add_legend_lines(graph: pydot.Dot) -> None:
    rows = "".join(
        f'<TR><TD WIDTH="36" HEIGHT="12" BORDER="{round(style.penwidth)}" '
        f'COLOR="{style.colour}" BGCOLOR="white"></TD>'
        f'<TD ALIGN="LEFT">{escape_html(style.label)}</TD></TR>'
        for style in DIFF_STYLES.values()
    )
    for node in _all_nodes(graph):
        if node.get_name() == "legend":
            label = node.get("label")
            node.set("label", label.replace("</TABLE>>", rows + "</TABLE>>"))
            return
    raise RenderError("the chart has no legend to extend")


def diff_bytes(a: Model, b: Model, fmt: Format, *, phase: str | None = None) -> bytes:
    """Return the diff diagram of B over A as ``fmt``: DOT text, or svg, png or pdf drawn
    by Graphviz.

    Raises
    ------
    QueryError
        Unknown format or phase, or no phase both models have.
    RenderError
        Graphviz is missing or fails.

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> diff_bytes(a, b, "dot", phase="armed-attack")[:12]
    b'digraph c2 {'
    """
    checked = checked_format(fmt)
    return dot_bytes(diff_dot(a, b, phase=phase), checked)


def draw_diff(
    a: Model, b: Model, path: str | os.PathLike[str], *, phase: str | None = None
) -> None:
    """Draw B over A to ``path`` (``.dot`` text, or ``.svg``/``.png``/``.pdf`` by Graphviz).

    The file is written atomically (:func:`c2graph.outputs.write_atomic`).

    Raises
    ------
    QueryError
        Another extension, or an unknown phase.
    RenderError
        Graphviz is missing or fails.
    OutputError
        The file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "diff.dot"
    >>> draw_diff(a, b, target)
    >>> "added in B" in target.read_text(encoding="utf-8")
    True
    """
    write_atomic(path, diff_bytes(a, b, picture_format(path), phase=phase))
