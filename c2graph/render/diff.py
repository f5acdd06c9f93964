"""Diff diagram: one chart of model B over model A, with additions, removals and changes.

The chart is the render package's own (:func:`c2graph.render.dot.build_dot` on a
:class:`~c2graph.render.scene.Scene` holding the union of both models in one phase), so
layout, shapes, nation colours, line styles, member lists, hover texts, label escaping and
synthetic DOT ids are those of every other diagram. What the diff names is marked with the
overlay marks ``added``, ``dropped`` and ``changed`` (:data:`DIFF_STYLES`), which the
legend lists like any other mark. Bodies list their members as in every chart; a member
that joined in B is listed as ``+NAME``, one that left as ``−NAME``.

Example
-------
>>> from c2graph import load_model_data
>>> def m(extra):
...     return load_model_data({"name": "x", "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "headquarters"},
...                   {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
...         "links": [{"from": "a", "to": "b", "relation": extra}]})
>>> text = diff_dot(m("tacon"), m("opcon"))  # TACON became OPCON: a relation changed
>>> "#7b3294" in text and "changed (fields or relation)" in text
True
"""

from __future__ import annotations

import os

from ..compare.diff import StructuralDiff, structural_diff
from ..errors import QueryError
from ..model import Link, Model, Node
from ..outputs import write_atomic
from . import Format, checked_format, picture_format
from .scene import Panel, Scene, SceneEdge, SceneNode
from .style import MARK_STYLES, MarkStyle, legend_entries, nation_order
from .titles import link_title, node_title

__all__ = ["DIFF_STYLES", "diff_bytes", "diff_dot", "diff_scene", "draw_diff"]

#: The diff's marks (colour-blind safe green / red / purple), by what they mean.
DIFF_STYLES: dict[str, MarkStyle] = {
    "added": MARK_STYLES["added"],
    "removed": MARK_STYLES["dropped"],
    "changed": MARK_STYLES["changed"],
}
_MARK = {"added": "added", "removed": "dropped", "changed": "changed"}


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
    diff mark of each node id, and the diff mark of each edge (by its index in the panel):
    ``added``, ``removed`` or ``changed``. Member links are listed in their bodies, not
    drawn.

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> scene, node_marks, edge_marks = diff_scene(a, b, phase="armed-attack")
    >>> sorted(n for n, mark in node_marks.items() if mark == "added")
    ['jp-jjoc', 'us-jct', 'us-spacefor-indopac', 'us-spacefor-j']
    >>> next(n.members for n in scene.panels[0].nodes if n.id == "al-bocc")[:3]
    ('CJS/JSO', '+JJOC', 'GSO')
    """
    phase = _phase(a, b, phase)
    diff = structural_diff(a, b, phase=phase)
    node_marks = _node_marks(diff)
    nodes = [b.nodes[n] for n in b.nodes if phase in b.nodes[n].phases]
    nodes += [a.nodes[n] for n in diff.nodes_removed]
    removed = {r.key for r in diff.links_removed}
    drawn = [(b, link) for link in b.links_in(phase) if link.relation != "member"]
    drawn += [
        (a, link) for link in a.links_in(phase) if link.key in removed and link.relation != "member"
    ]
    edge_marks = _edge_marks(diff, [link for model, link in drawn if model is b])
    members, pairs = _members(a, b, phase, diff)
    scene_nodes = tuple(
        _scene_node(b if n.id in b.nodes else a, n, node_marks.get(n.id), members.get(n.id, ()))
        for n in nodes
    )
    edge_marks |= {i: "removed" for i, (model, _) in enumerate(drawn) if model is a}
    edges = tuple(
        SceneEdge(
            link.key,
            link.from_node,
            link.to_node,
            link.relation,
            frozenset({_MARK[edge_marks[i]]}) if i in edge_marks else frozenset(),
            link.confidence,
            link_title(model, link, None),
        )
        for i, (model, link) in enumerate(drawn)
    )
    nations = {n.nation for n in nodes}
    legend = legend_entries(
        kinds={n.kind for n in nodes},
        relations={e.relation for e in edges},
        nations=nations,
        marks=sorted(
            {m for e in edges for m in e.marks} | {m for n in scene_nodes for m in n.marks}
        ),
        notes=["members"] if members else [],
    )
    name = b.phase(phase).name
    scene = Scene(
        title=f"{b.name} over {a.name}",
        subtitle=f"phase: {name} · green added, red removed, purple changed",
        panels=(Panel(phase, name, scene_nodes, edges, pairs),),
        nations=nation_order(nations),
        model_nations=tuple(sorted(nations)),
        legend=legend,
    )
    return scene, node_marks, edge_marks


def _scene_node(model: Model, node: Node, mark: str | None, members: tuple[str, ...]) -> SceneNode:
    return SceneNode(  # labelled as a slide chart is: the short name, the full one on hover
        node.id,
        node.short or node.name,
        None,
        node.nation,
        node.kind,
        frozenset({_MARK[mark]}) if mark else frozenset(),
        members,
        node_title(model, node, None),
    )


def _members(
    a: Model, b: Model, phase: str, diff: StructuralDiff
) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
    """The names each body lists (B's members, ``+`` for those that joined in B, then
    ``−`` for those that left, A's), and the ``(member, body)`` pairs."""
    added = {(r.from_node, r.to_node) for r in diff.links_added if r.relation == "member"}
    left = [(r.from_node, r.to_node) for r in diff.links_removed if r.relation == "member"]
    names: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for link in b.links_in(phase):
        if link.relation == "member":
            mark = "+" if (link.from_node, link.to_node) in added else ""
            names.setdefault(link.to_node, []).append(mark + _short(b, link.from_node))
            pairs.append((link.from_node, link.to_node))
    for member, body in left:
        names.setdefault(body, []).append("−" + _short(a, member))
        pairs.append((member, body))
    lists = {body: tuple(dict.fromkeys(found)) for body, found in names.items()}
    return lists, tuple(dict.fromkeys(pairs))


def _short(model: Model, node: str) -> str:
    item = model.nodes[node]
    return item.short or item.name


def _node_marks(diff: StructuralDiff) -> dict[str, str]:
    marks = {n: "added" for n in diff.nodes_added}
    marks |= {n: "removed" for n in diff.nodes_removed}
    marks |= {c.id: "changed" for c in diff.nodes_changed}
    return marks


def _edge_marks(diff: StructuralDiff, links: list[Link]) -> dict[int, str]:
    """The marks of B's links, by index: ``added`` or ``changed``."""
    added = {(r.from_node, r.to_node, r.relation, r.key) for r in diff.links_added}
    changed = {(c.from_node, c.to_node, c.relation, c.key_after) for c in diff.links_changed}
    changed |= {
        (c.from_node, c.to_node, rel, "") for c in diff.relations_changed for rel in c.after
    }
    marks = {}
    for index, link in enumerate(links):
        ident = (link.from_node, link.to_node, link.relation, link.key)
        if ident in added and (*ident[:3], "") in changed:
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
    from .dot import dot_source

    return dot_source(diff_scene(a, b, phase=phase)[0])


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
    from . import scene_bytes

    scene = diff_scene(a, b, phase=phase)[0]
    return scene_bytes(scene, checked_format(fmt), engine="graphviz")


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
