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

A diff of more than :data:`~c2graph.render.overview.FOLD_ABOVE` nodes is folded as the
overview of one model is (:mod:`c2graph.render.overview`): the units below a depth (the
one that fits a slide, unless one is asked for) are counted in their formation's box,
which carries the marks of the changes among them; links with a folded end are drawn as
bundles carrying the marks of their links. ``all_units`` draws every node.

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
from dataclasses import replace

from ..compare.diff import StructuralDiff, structural_diff
from ..errors import QueryError
from ..messages import Messages, interface
from ..model import Link, Model, Node
from ..outputs import write_atomic
from . import Format, checked_format, picture_format
from .overview import (
    FOLD_ABOVE,
    Bundle,
    Folded,
    command_ranks,
    fold,
    fold_depth,
    gathered_marks,
    holds_text,
    holds_title,
    overview_note,
)
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


def diff_scene(
    a: Model,
    b: Model,
    *,
    phase: str | None = None,
    lang: str | None = None,
    depth: int | None = None,
    all_units: bool = False,
) -> Scene:
    """Return the scene of B over A in ``phase`` (default: the first phase both have),
    every change marked with its kind (see the module docstring), in ``lang``.  Member
    links are listed in their bodies, not drawn.  Folded at ``depth``, or above
    :data:`~c2graph.render.overview.FOLD_ABOVE` nodes at the depth that fits a slide,
    unless ``all_units``.

    Raises
    ------
    QueryError
        An unknown phase, no phase both models have, or both ``depth`` and ``all_units``.

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> scene = diff_scene(a, b, phase="armed-attack")
    >>> [sorted(n.marks) for n in scene.panels[0].nodes if n.id == "jp-jjoc"]
    [['diff-added']]
    >>> next(n.members for n in scene.panels[0].nodes if n.id == "al-bocc")[:3]
    ('CJS/JSO', '+JJOC', 'GSO')
    >>> folded = diff_scene(a, b, phase="armed-attack", depth=1)
    >>> folded.overview, next(n.holds for n in folded.panels[0].nodes if n.id == "jp-mod")
    (1, '11 units')
    """
    if depth is not None and all_units:
        raise QueryError("give either a depth to fold at or every unit, not both")
    phase = _phase(a, b, phase)
    msg = interface(lang)
    diff = structural_diff(a, b, phase=phase)
    node_marks, link_marks, removed = diff_marks(diff)
    nodes = [b.nodes[n] for n in b.nodes if phase in b.nodes[n].phases]
    nodes += [a.nodes[n] for n in diff.nodes_removed]
    drawn = [(b, link, link_marks) for link in b.links_in(phase) if link.relation != "member"]
    drawn += [
        (a, link, removed)
        for link in a.links_in(phase)
        if link.key in removed and link.relation != "member"
    ]
    folded = None if all_units else _folded(nodes, [link for _, link, _ in drawn], depth)
    chart = _Chart(a, b, msg, lang, {n.id: n for n in nodes}, folded)
    members, pairs = _members(a, b, phase, diff, msg, chart.kept)
    marks = {node: {mark} for node, mark in node_marks.items()}
    scene_nodes = tuple(
        chart.node(n, marks if folded is None else gathered_marks(marks, folded.box), members)
        for n in nodes
        if n.id in chart.kept
    )
    edges = chart.edges(drawn)
    nations = {n.nation for n in scene_nodes}
    shown = {m for e in edges for m in e.marks} | {m for n in scene_nodes for m in n.marks}
    legend = legend_entries(
        kinds={n.kind for n in scene_nodes},
        relations={e.relation for e in edges},
        nations=nations,
        marks=[m for m in DIFF_MARKS if m in shown],
        notes=["members"] if members else [],
        msg=msg,
    )
    name = msg.phase(b, phase)
    subtitle = msg("chart.diff_subtitle", phase=name)
    return Scene(
        title=msg("chart.over", a=a.name, b=b.name),
        subtitle=subtitle + (" · " + overview_note([folded], msg) if folded else ""),
        panels=(Panel(phase, name, scene_nodes, edges, pairs),),
        nations=nation_order(nations),
        model_nations=tuple(sorted(nations)),
        legend=legend,
        lang=msg.lang,
        overview=folded.depth if folded else None,
    )


def _folded(nodes: list[Node], links: list[Link], depth: int | None) -> Folded | None:
    """The union of both models folded at ``depth``, else, above
    :data:`~c2graph.render.overview.FOLD_ABOVE` nodes, at the depth that fits a slide;
    None when every node is drawn."""
    if depth is None and len(nodes) <= FOLD_ABOVE:
        return None
    present = {n.id for n in nodes}
    inside = [link for link in links if link.from_node in present and link.to_node in present]
    ranks = command_ranks([n.id for n in nodes], inside)
    chosen = depth if depth is not None else fold_depth([ranks])
    if chosen is None:
        return None
    return fold(ranks, inside, chosen, nation={n.id: n.nation for n in nodes})


class _Chart:
    """How the nodes and links of B over A are drawn: each by the model that has it,
    folded into boxes and bundles when ``folded``."""

    def __init__(
        self,
        a: Model,
        b: Model,
        msg: Messages,
        lang: str | None,
        nodes: dict[str, Node],
        folded: Folded | None,
    ) -> None:
        self.a, self.b, self.msg, self.lang = a, b, msg, lang
        self.nodes, self.folded = nodes, folded
        self.kept = set(nodes) if folded is None else set(folded.boxes)

    def owner(self, node: str) -> Model:
        """The model a node is drawn from: B, or A for a node B does not have."""
        return self.b if node in self.b.nodes else self.a

    def node(
        self, node: Node, marks: dict[str, set[str]], members: dict[str, tuple[str, ...]]
    ) -> SceneNode:
        """A node, or an overview's box with the count of the units it holds."""
        drawn = _scene_node(
            self.owner(node.id), node, marks.get(node.id, set()), members, self.lang
        )
        held = self.folded.holds.get(node.id) if self.folded is not None else None
        if not held:
            return drawn
        kinds = [self.nodes[unit].kind for unit in held]
        return replace(
            drawn,
            title=f"{drawn.title}\n{holds_title(kinds, self.msg)}",
            holds=holds_text(len(kinds), self.msg),
        )

    def edges(self, drawn: list[tuple[Model, Link, dict[str, str]]]) -> tuple[SceneEdge, ...]:
        """The links drawn as they are, in file order (B's, then A's removed ones), then
        the bundles of those with a folded end."""
        folded = self.folded
        if folded is None:
            return tuple(_edge(model, link, marks, self.lang) for model, link, marks in drawn)
        direct, box = {id(link) for link in folded.links}, folded.box
        kept = tuple(
            _edge(model, link, marks, self.lang)
            for model, link, marks in drawn
            if id(link) in direct or link.from_node not in box or link.to_node not in box
        )
        marks_of = {id(link): marks.get(link.key) for _, link, marks in drawn}
        return kept + tuple(self.bundle(bundle, marks_of) for bundle in folded.bundles)

    def bundle(self, bundle: Bundle, marks_of: dict[int, str | None]) -> SceneEdge:
        """A bundle of links between boxes, drawn as one link of its relation, with the
        marks of its links (worded as :func:`~c2graph.render.overview.bundle_title`)."""
        marks = frozenset(m for m in (marks_of[id(link)] for link in bundle.links) if m)
        low = all(link.confidence == "low" for link in bundle.links)
        msg = self.msg
        title = msg(
            "chart.bundle",
            tail=msg.node(self.owner(bundle.tail), bundle.tail),
            head=msg.node(self.owner(bundle.head), bundle.head),
            count=f"{len(bundle.links):,}",
            relation=msg.relation(bundle.relation),
        )
        return SceneEdge(
            bundle.key,
            bundle.tail,
            bundle.head,
            bundle.relation,
            marks,
            "low" if low else None,
            title,
        )


def _edge(model: Model, link: Link, marks: dict[str, str], lang: str | None) -> SceneEdge:
    return SceneEdge(
        link.key,
        link.from_node,
        link.to_node,
        link.relation,
        _link_mark(marks, link.key),
        link.confidence,
        link_title(model, link, lang),
    )


def _link_mark(marks: dict[str, str], key: str) -> frozenset[str]:
    return frozenset({marks[key]}) if key in marks else frozenset()


def _scene_node(
    model: Model,
    node: Node,
    marks: set[str],
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
        frozenset(marks),
        members.get(node.id, ()),
        node_title(model, node, lang),
    )


def _members(
    a: Model, b: Model, phase: str, diff: StructuralDiff, msg: Messages, kept: set[str]
) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
    """The names each body lists (B's members, ``+`` for those that joined in B, then
    ``−`` for those that left, A's), and the ``(member, body)`` pairs, of the bodies and
    members ``kept`` (drawn, not folded)."""
    added = {(r.from_node, r.to_node) for r in diff.links_added if r.relation == "member"}
    left = [
        (r.from_node, r.to_node)
        for r in diff.links_removed
        if r.relation == "member" and r.from_node in kept and r.to_node in kept
    ]
    names: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for link in b.links_in(phase):
        if link.relation == "member" and link.from_node in kept and link.to_node in kept:
            mark = "+" if (link.from_node, link.to_node) in added else ""
            names.setdefault(link.to_node, []).append(mark + msg.node(b, link.from_node))
            pairs.append((link.from_node, link.to_node))
    for member, body in left:
        names.setdefault(body, []).append("−" + msg.node(a, member))
        pairs.append((member, body))
    lists = {body: tuple(dict.fromkeys(found)) for body, found in names.items()}
    return lists, tuple(dict.fromkeys(pairs))


def diff_dot(
    a: Model,
    b: Model,
    *,
    phase: str | None = None,
    lang: str | None = None,
    depth: int | None = None,
    all_units: bool = False,
) -> str:
    """Return the DOT text of B over A (deterministic: same models, same bytes), folded
    as :func:`diff_scene` folds it.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render.style import MARK_STYLES
    >>> a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    >>> MARK_STYLES["diff-added"].colour in diff_dot(a, b)
    True
    """
    from .dot import dot_source

    return dot_source(diff_scene(a, b, phase=phase, lang=lang, depth=depth, all_units=all_units))


def diff_bytes(
    a: Model,
    b: Model,
    fmt: Format,
    *,
    phase: str | None = None,
    lang: str | None = None,
    depth: int | None = None,
    all_units: bool = False,
) -> bytes:
    """Return the diff diagram of B over A as ``fmt``: DOT text, or svg, png or pdf drawn
    by Graphviz, SVG with its hover texts; folded as :func:`diff_scene` folds it.

    Raises
    ------
    QueryError
        Unknown format or phase, no phase both models have, or both ``depth`` and
        ``all_units``.
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

    scene = diff_scene(a, b, phase=phase, lang=lang, depth=depth, all_units=all_units)
    return scene_bytes(scene, checked_format(fmt), engine="graphviz")


def draw_diff(
    a: Model,
    b: Model,
    path: str | os.PathLike[str],
    *,
    phase: str | None = None,
    lang: str | None = None,
    depth: int | None = None,
    all_units: bool = False,
) -> None:
    """Draw B over A to ``path`` (``.dot`` text, or ``.svg``/``.png``/``.pdf`` by Graphviz),
    folded as :func:`diff_scene` folds it.

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
    fmt = picture_format(path)
    data = diff_bytes(a, b, fmt, phase=phase, lang=lang, depth=depth, all_units=all_units)
    write_atomic(path, data)
