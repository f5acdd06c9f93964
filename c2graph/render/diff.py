"""Diff diagram: one chart of model B over model A, each change coloured by its kind.

The chart is the render package's own (:func:`c2graph.render.dot.build_dot` on a
:class:`~c2graph.render.scene.Scene` holding the union of both models in one phase), so
layout, shapes, nation colours, line styles, member lists, hover texts, label escaping and
synthetic DOT ids are those of every other diagram. Every changed node and link carries
one diff mark (:data:`~c2graph.render.style.DIFF_MARKS`), which the renderer colours like
any overlay and the legend lists; one colour per kind of change, read from the structural
diff (:func:`c2graph.compare.diff.structural_diff`):

``diff-added`` (green)
    a node or link only in B whose two ends were not linked in A;
``diff-removed`` (red)
    a node or link only in A, drawn from A (a link whose relation changed is also removed);
``diff-retyped`` (blue)
    a link of B between two nodes A links by another relation (coordination → OPCON);
``diff-changed`` (purple)
    a node or link in both whose record differs (name, basis, source, confidence...).

Bodies list their members as in every chart; a member that joined in B is listed as
``+NAME``, one that left as ``−NAME``.

Example
-------
>>> from c2graph import load_model_data
>>> def m(extra):
...     return load_model_data({"name": "x", "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "headquarters"},
...                   {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
...         "links": [{"from": "a", "to": "b", "relation": extra}]})
>>> scene = diff_scene(m("tacon"), m("opcon"))
>>> [(e.relation, sorted(e.marks)) for e in scene.panels[0].edges]
[('opcon', ['diff-retyped']), ('tacon', ['diff-removed'])]
"""

from __future__ import annotations

import os

from ..compare.diff import StructuralDiff, structural_diff
from ..errors import QueryError
from ..messages import Messages, interface
from ..model import Model, Node
from ..outputs import write_atomic
from . import Format, checked_format, picture_format
from .scene import Panel, Scene, SceneEdge, SceneNode
from .style import DIFF_MARKS, legend_entries, nation_order
from .titles import link_title, node_title

__all__ = ["diff_bytes", "diff_dot", "diff_marks", "diff_scene", "draw_diff"]


def _phase(a: Model, b: Model, phase: str | None) -> str:
    if phase is not None:
        a.phase(phase)
        b.phase(phase)
        return phase
    shared = [p for p in a.phase_ids if p in b.phase_ids]
    if not shared:
        raise QueryError(f"the models {a.name!r} and {b.name!r} share no phase id")
    return shared[0]


def diff_marks(diff: StructuralDiff) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Return the diff mark of each node id, of each link key of B, and of each link key
    of A that B does not have (always ``diff-removed``).

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> nodes, _, _ = diff_marks(structural_diff(a, b, phase="peacetime"))
    >>> nodes["jp-jjoc"]
    'diff-added'
    """
    nodes = {n: "diff-added" for n in diff.nodes_added}
    nodes |= {n: "diff-removed" for n in diff.nodes_removed}
    nodes |= {c.id: "diff-changed" for c in diff.nodes_changed}
    retyped = {(c.from_node, c.to_node) for c in diff.relations_changed}
    links = {
        r.key: "diff-retyped" if (r.from_node, r.to_node) in retyped else "diff-added"
        for r in diff.links_added
    }
    links |= {c.key_after: "diff-changed" for c in diff.links_changed}
    return nodes, links, {r.key: "diff-removed" for r in diff.links_removed}


def diff_scene(a: Model, b: Model, *, phase: str | None = None, lang: str | None = None) -> Scene:
    """Return the scene of B over A in ``phase`` (default: the first phase both have),
    every change marked with its kind (see the module docstring), in ``lang``.  Member
    links are listed in their bodies, not drawn.

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> scene = diff_scene(a, b, phase="armed-attack")
    >>> [sorted(n.marks) for n in scene.panels[0].nodes if n.id == "jp-jjoc"]
    [['diff-added']]
    >>> next(n.members for n in scene.panels[0].nodes if n.id == "al-bocc")[:3]
    ('CJS/JSO', '+JJOC', 'GSO')
    """
    phase = _phase(a, b, phase)
    msg = interface(lang)
    diff = structural_diff(a, b, phase=phase)
    node_marks, link_marks, removed = diff_marks(diff)
    nodes = [b.nodes[n] for n in b.nodes if phase in b.nodes[n].phases]
    nodes += [a.nodes[n] for n in diff.nodes_removed]
    drawn = [(b, link) for link in b.links_in(phase) if link.relation != "member"]
    drawn += [
        (a, link) for link in a.links_in(phase) if link.key in removed and link.relation != "member"
    ]
    members, pairs = _members(a, b, phase, diff, msg)
    scene_nodes = tuple(
        _scene_node(b if n.id in b.nodes else a, n, node_marks.get(n.id), members, lang)
        for n in nodes
    )
    edges = tuple(
        SceneEdge(
            link.key,
            link.from_node,
            link.to_node,
            link.relation,
            _link_mark(link_marks if model is b else removed, link.key),
            link.confidence,
            link_title(model, link, lang),
        )
        for model, link in drawn
    )
    nations = {n.nation for n in nodes}
    shown = {m for e in edges for m in e.marks} | {m for n in scene_nodes for m in n.marks}
    legend = legend_entries(
        kinds={n.kind for n in nodes},
        relations={e.relation for e in edges},
        nations=nations,
        marks=[m for m in DIFF_MARKS if m in shown],
        notes=["members"] if members else [],
        msg=msg,
    )
    name = msg.phase(b, phase)
    return Scene(
        title=msg("chart.over", a=a.name, b=b.name),
        subtitle=msg("chart.diff_subtitle", phase=name),
        panels=(Panel(phase, name, scene_nodes, edges, pairs),),
        nations=nation_order(nations),
        model_nations=tuple(sorted(nations)),
        legend=legend,
        lang=msg.lang,
    )


def _link_mark(marks: dict[str, str], key: str) -> frozenset[str]:
    return frozenset({marks[key]}) if key in marks else frozenset()


def _scene_node(
    model: Model,
    node: Node,
    mark: str | None,
    members: dict[str, tuple[str, ...]],
    lang: str | None,
) -> SceneNode:
    named = node.label(lang)
    return SceneNode(  # labelled as a slide chart is: the short name, the full one on hover
        node.id,
        named if named != node.name else node.short or node.name,
        None,
        node.nation,
        node.kind,
        frozenset({mark}) if mark else frozenset(),
        members.get(node.id, ()),
        node_title(model, node, lang),
    )


def _members(
    a: Model, b: Model, phase: str, diff: StructuralDiff, msg: Messages
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
            names.setdefault(link.to_node, []).append(mark + msg.node(b, link.from_node))
            pairs.append((link.from_node, link.to_node))
    for member, body in left:
        names.setdefault(body, []).append("−" + msg.node(a, member))
        pairs.append((member, body))
    lists = {body: tuple(dict.fromkeys(found)) for body, found in names.items()}
    return lists, tuple(dict.fromkeys(pairs))


def diff_dot(a: Model, b: Model, *, phase: str | None = None, lang: str | None = None) -> str:
    """Return the DOT text of B over A (deterministic: same models, same bytes).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render.style import MARK_STYLES
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> MARK_STYLES["diff-added"].colour in diff_dot(a, b)
    True
    """
    from .dot import dot_source

    return dot_source(diff_scene(a, b, phase=phase, lang=lang))


def diff_bytes(
    a: Model, b: Model, fmt: Format, *, phase: str | None = None, lang: str | None = None
) -> bytes:
    """Return the diff diagram of B over A as ``fmt``: DOT text, or svg, png or pdf drawn
    by Graphviz, SVG with its hover texts.

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

    scene = diff_scene(a, b, phase=phase, lang=lang)
    return scene_bytes(scene, checked_format(fmt), engine="graphviz")


def draw_diff(
    a: Model,
    b: Model,
    path: str | os.PathLike[str],
    *,
    phase: str | None = None,
    lang: str | None = None,
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
    >>> "removed" in target.read_text(encoding="utf-8")
    True
    """
    write_atomic(path, diff_bytes(a, b, picture_format(path), phase=phase, lang=lang))
