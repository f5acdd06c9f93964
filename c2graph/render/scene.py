"""What a diagram shows: the nodes, links, overlay marks, title and legend of each phase panel.

A :class:`Scene` is computed once from a model and the drawing options; the Graphviz and
matplotlib renderers only turn it into pictures, so both draw the same thing.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "demo", "as_of": "2025", "phases": [
...     {"id": "p", "name": "Peacetime"}], "nodes": [
...     {"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...     {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command"}]})
>>> scene = build_scene(model)
>>> [(e.tail, e.head, e.relation) for e in scene.panels[0].edges]
[('pm', 'hq', 'command')]
>>> [entry.key for entry in scene.legend]
['command', 'political-authority', 'headquarters', 'JP']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypedDict, Unpack, get_args

from ..errors import QueryError
from ..messages import Messages, interface
from ..model import Link, Model, Node
from ..vocabulary import RELATIONS
from .overview import (
    FOLD_ABOVE,
    Bundle,
    Folded,
    bundle_title,
    command_ranks,
    fold,
    fold_depth,
    gathered_marks,
    holds_text,
    holds_title,
    overview_note,
)
from .style import MARK_STYLES, LegendEntry, legend_entries, nation_order
from .titles import link_title, node_title
from .views import View, focus_nodes, phase_links

__all__ = [
    "SIZES",
    "Panel",
    "Scene",
    "SceneEdge",
    "SceneNode",
    "SceneOptions",
    "Size",
    "build_scene",
]

#: A page the chart is made for: ``slide`` labels nodes with their short names (the full
#: name is in the hover text), ``a4`` and ``poster`` with short and full names.
Size = Literal["slide", "a4", "poster"]
#: Width and height (inches, landscape) of each :data:`Size`: a 16:9 slide, A4, A1.
SIZES: dict[Size, tuple[float, float]] = {
    "slide": (13.33, 7.5),
    "a4": (11.69, 8.27),
    "poster": (33.11, 23.39),
}


@dataclass(frozen=True)
class SceneNode:
    """A node as drawn: its label (in the chosen language), short name, overlay marks, the
    names of the members a body lists, its hover text and, for an overview's box, how
    many units it holds (:mod:`c2graph.render.overview`)."""

    id: str
    label: str
    short: str | None
    nation: str
    kind: str
    marks: frozenset[str] = frozenset()
    members: tuple[str, ...] = ()
    title: str = ""
    holds: str = ""


@dataclass(frozen=True)
class SceneEdge:
    """A link as drawn, identified by its link key, with its overlay marks, the model's
    confidence in it and its hover text."""

    key: str
    tail: str
    head: str
    relation: str
    marks: frozenset[str] = frozenset()
    confidence: str | None = None
    title: str = ""


@dataclass(frozen=True)
class Panel:
    """One phase of the diagram: the nodes and links that hold in it, and the
    ``(member, body)`` pairs of the bodies that list their members."""

    phase: str
    caption: str
    nodes: tuple[SceneNode, ...]
    edges: tuple[SceneEdge, ...]
    memberships: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scene:
    """Everything a renderer draws: title lines, phase panels, nation order and legend;
    ``lang`` is the language of its words (:func:`c2graph.messages.interface`);
    ``overview`` the depth its panels are folded at (``None``: every node drawn)."""

    title: str
    subtitle: str
    panels: tuple[Panel, ...]
    nations: tuple[str, ...]
    model_nations: tuple[str, ...]
    legend: tuple[LegendEntry, ...]
    size: Size = "slide"
    lang: str = "en"
    overview: int | None = None

    def nation_caption(self, nation: str) -> str:
        """The caption of a nation's group: its legend label (in the scene's language).

        >>> from c2graph import load_model
        >>> build_scene(load_model("models/us-rok-cfc.yaml"), lang="ja").nation_caption("US")
        '米国'
        """
        for entry in self.legend:
            if entry.group == "nation" and entry.key == nation:
                return entry.label
        from .style import nation_style

        return nation_style(nation, self.model_nations).caption

    def texts(self) -> tuple[str, ...]:
        """Every text the diagram shows (to pick a font able to draw all of them).

        Examples
        --------
        >>> from c2graph import load_model
        >>> build_scene(load_model("models/us-rok-cfc.yaml")).texts()[1]
        'as of 2019-01 · phase: Armistice'
        """
        labels = [n.label for p in self.panels for n in p.nodes]
        shorts = [n.short for p in self.panels for n in p.nodes if n.short]
        members = [m for p in self.panels for n in p.nodes for m in n.members]
        holds = [n.holds for p in self.panels for n in p.nodes if n.holds]
        return (
            self.title,
            self.subtitle,
            *(p.caption for p in self.panels),
            *labels,
            *shorts,
            *members,
            *holds,
            *(e.label for e in self.legend),
        )


class SceneOptions(TypedDict, total=False):
    """What a diagram shows: the keyword options of :func:`build_scene`, which
    :func:`c2graph.render.draw` and the other drawing functions pass on unchanged."""

    phase: str | None
    phases: Sequence[str] | None
    highlight_path: str | None
    bottlenecks: bool
    removed: str | None
    lang: str | None
    focus: str | None
    depth: int | None
    nations: Sequence[str] | None
    layer: str | None
    hide: Sequence[str]
    size: Size
    all_units: bool


def build_scene(model: Model, **options: Unpack[SceneOptions]) -> Scene:
    """Compute what to draw for one phase, or for several phases side by side.

    Parameters
    ----------
    model
        The loaded model.
    phase, phases
        One phase (default: the model's first), or several phases drawn as panels; links
        and nodes present in some but not all shown phases are marked ``switch``.
    highlight_path
        Node id whose chains of command (``c2graph.analysis.authority_paths``) are marked.
    bottlenecks
        Mark dominators and cut nodes (``c2graph.analysis.dominators`` / ``cut_nodes``).
    removed
        Node id drawn as removed, with the units it cuts off from every chain of command
        (``c2graph.analysis.removal_impact``).
    lang
        Language of the labels (``"ja"``); names the model lacks in it stay as they are.
    focus, depth
        Draw only ``focus``, its chains of command up to the top, its subordinates down
        to ``depth`` authority steps (default 2) and the nodes joined to it by any other
        link (:func:`~c2graph.render.views.focus_nodes`). Without ``focus``, ``depth``
        folds every panel at that depth (:mod:`c2graph.render.overview`).
    nations
        Draw only the nodes of these nations (``JP``, ``US``, ``alliance``...).
    layer
        Draw only the links of one layer (:class:`~c2graph.vocabulary.Layer`).
    hide
        ``membership`` (bodies do not list their members) and layer names whose links
        are not drawn.
    size
        The page the chart is made for (:data:`SIZES`); ``slide`` (the default) labels
        nodes with their short names, ``a4`` and ``poster`` add the full names.
    all_units
        Draw every node even where a panel has more than
        :data:`~c2graph.render.overview.FOLD_ABOVE`, which are otherwise folded into an
        overview at the depth that fits a slide.

    Raises
    ------
    QueryError
        Unknown phase, node, nation, layer, size or item to hide, or both ``phase`` and
        ``phases`` given.

    Examples
    --------
    >>> from c2graph import load_model
    >>> scene = build_scene(load_model("models/us-japan-2025.yaml"),
    ...                     phases=["peacetime", "armed-attack"], highlight_path="jp-gcc")
    >>> [panel.caption for panel in scene.panels]
    ['Peacetime', 'Armed attack situation']
    >>> acm = next(n for n in scene.panels[0].nodes if n.id == "al-acm")
    >>> acm.label, acm.members
    ('ACM', ('ACG', 'BOCC', 'CCCs'))
    """
    unknown = sorted(set(options) - set(SceneOptions.__annotations__))
    if unknown:
        raise TypeError(f"build_scene() got an unexpected keyword argument {unknown[0]!r}")
    lang = options.get("lang")
    msg = interface(lang)
    size = _checked_size(options.get("size", "slide"))
    target, removed = options.get("highlight_path"), options.get("removed")
    phase_ids = _shown_phases(model, options.get("phase"), options.get("phases"))
    overlays = _Overlays(model, target, options.get("bottlenecks", False), removed)
    view = _view(model, options)
    context = _Context(model, phase_ids, overlays, view, lang, size)
    chosen = [context.select(p) for p in phase_ids]
    folds = _folds(model, chosen, view, options)
    panels = tuple(context.panel(s, f) for s, f in zip(chosen, folds, strict=True))
    if not any(panel.nodes for panel in panels):
        raise QueryError(_nothing_drawn(model, phase_ids, view))
    drawn = [n for p in panels for n in p.nodes]
    edges = [e for p in panels for e in p.edges]
    marks = sorted({m for n in drawn for m in n.marks} | {m for e in edges for m in e.marks})
    subtitle = _subtitle(model, phase_ids, lang, msg)
    folded = [f for f in folds if f is not None]
    if folded:
        subtitle += " · " + overview_note(folded, msg)
    return Scene(
        title=model.name,
        subtitle=subtitle,
        panels=panels,
        nations=nation_order(n.nation for n in drawn),
        model_nations=tuple(sorted({n.nation for n in model.nodes.values()})),
        legend=legend_entries(
            kinds={n.kind for n in drawn},
            relations={e.relation for e in edges},
            nations={n.nation for n in drawn},
            marks=[(m, _mark_label(model, m, target, removed, lang, msg)) for m in marks],
            notes=_notes(drawn, edges),
            msg=msg,
        ),
        size=size,
        lang=msg.lang,
        overview=folded[0].depth if folded else None,
    )


def _folds(
    model: Model, chosen: Sequence[_Selection], view: View, options: SceneOptions
) -> list[Folded | None]:
    """Each panel folded at the depth asked for (without a focus), else, when a panel
    has more than :data:`~c2graph.render.overview.FOLD_ABOVE` nodes, at the depth that
    fits a slide; ``None`` for panels drawn whole."""
    asked = options.get("depth") if view.focus is None else None
    if options.get("all_units", False):
        if asked is not None:
            raise QueryError("give either a depth to fold at or every unit, not both")
        return [None] * len(chosen)
    if asked is None and all(len(s.present) <= FOLD_ABOVE for s in chosen):
        return [None] * len(chosen)
    order = list(model.nodes)
    ranks = [command_ranks([n for n in order if n in s.present], s.drawn) for s in chosen]
    depth = asked if asked is not None else fold_depth(ranks)
    if depth is None:
        return [None] * len(chosen)
    nation = {node.id: node.nation for node in model.nodes.values()}
    return [fold(r, s.drawn, depth, nation=nation) for r, s in zip(ranks, chosen, strict=True)]


def _checked_size(size: str) -> Size:
    for known in get_args(Size):
        if size == known:
            return known  # type: ignore[no-any-return]
    raise QueryError(f"unknown size {size!r}; use one of {', '.join(get_args(Size))}")


def _view(model: Model, options: SceneOptions) -> View:
    focus, nations = options.get("focus"), options.get("nations")
    if focus is not None:
        model.node(focus)  # checked: an unknown id raises QueryError
    if nations is not None:
        known = {n.nation for n in model.nodes.values()}
        for nation in nations:
            if nation not in known:
                raise QueryError(
                    f"the model has no nation {nation!r}; its nations are "
                    + ", ".join(nation_order(known))
                )
    return View.checked(
        focus=focus,
        depth=options.get("depth"),
        nations=nations,
        layer=options.get("layer"),
        hide=options.get("hide", ()),
    )


def _nothing_drawn(model: Model, phase_ids: tuple[str, ...], view: View) -> str:
    """Why a view draws no node: its focus is in none of the phases, or its filters."""
    names = ", ".join(phase_ids)
    if view.focus is not None and not model.node(view.focus).phases & set(phase_ids):
        held = ", ".join(p for p in model.phase_ids if p in model.node(view.focus).phases)
        return f"node {view.focus!r} is not in the phases drawn ({names}); it is in: {held}"
    given = [
        f"nations {', '.join(sorted(view.nations))}" if view.nations is not None else "",
        f"layer {view.layer.value}" if view.layer is not None else "",
        f"hide {', '.join(sorted(view.hide))}" if view.hide else "",
    ]
    return (
        f"nothing to draw in {names}: no node is left by "
        f"{'; '.join(g for g in given if g) or 'the view'}; drop or widen a filter"
    )


def _notes(nodes: Sequence[SceneNode], edges: Sequence[SceneEdge]) -> list[str]:
    """The legend notes a chart needs: member lists and low-confidence links."""
    notes = ["members"] if any(n.members for n in nodes) else []
    return notes + (["low-confidence"] if any(e.confidence == "low" for e in edges) else [])


def _shown_phases(model: Model, phase: str | None, phases: Sequence[str] | None) -> tuple[str, ...]:
    """The ids of the phases drawn, checked: ``phase``, ``phases`` or the model's first."""
    if phase is not None and phases is not None:
        raise QueryError("give either one phase or a list of phases, not both")
    if phases is not None and not phases:
        raise QueryError("the list of phases is empty")
    if phases is None:
        return (model.situation(phase).id if phase is not None else model.phases[0].id,)
    phase_ids = tuple(model.situation(p).id for p in phases)
    if len(set(phase_ids)) != len(phase_ids):
        raise QueryError(f"a phase is listed twice: {', '.join(phase_ids)}")
    return phase_ids


def _subtitle(model: Model, phase_ids: tuple[str, ...], lang: str | None, msg: Messages) -> str:
    if len(phase_ids) == 1:
        return msg(
            "chart.as_of_phase", date=model.as_of, phase=_phase_name(model, phase_ids[0], lang)
        )
    names = " | ".join(_phase_name(model, p, lang) for p in phase_ids)
    return msg("chart.as_of_phases", date=model.as_of, phases=names)


def _phase_name(model: Model, phase_id: str, lang: str | None) -> str:
    return model.situation(phase_id).label(lang)


def _mark_label(
    model: Model,
    mark: str,
    target: str | None,
    removed: str | None,
    lang: str | None,
    msg: Messages,
) -> str:
    if mark == "path" and target is not None:
        return msg("chart.path", node=model.node(target).label(lang))
    if mark == "removed" and removed is not None:
        return msg("chart.removed", node=model.node(removed).label(lang))
    return msg.word("mark", mark) if msg.has(f"mark.{mark}") else MARK_STYLES[mark].label


class _Overlays:
    """Overlay marks from the analyses, computed per phase (the analyses load lazily)."""

    def __init__(
        self, model: Model, target: str | None, bottlenecks: bool, removed: str | None
    ) -> None:
        for node_id in (target, removed):
            if node_id is not None:
                model.node(node_id)  # checked: an unknown id raises QueryError
        self.model = model
        self.target = target
        self.bottlenecks = bottlenecks
        self.removed = removed

    def marks(self, phase: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Return (node id → marks, link key → marks) for one phase."""
        node_marks: dict[str, set[str]] = {}
        link_marks: dict[str, set[str]] = {}
        if self.target is None and not self.bottlenecks and self.removed is None:
            return node_marks, link_marks
        from .. import analysis

        if self.target is not None:
            result = analysis.authority_paths(self.model, self.target, phase=phase)
            for path in result.paths:
                for node in path.nodes:
                    node_marks.setdefault(node, set()).add("path")
                for key in path.links:
                    link_marks.setdefault(key, set()).add("path")
        if self.bottlenecks:
            found = {d.node for d in analysis.dominators(self.model, phase=phase)}
            found |= set(analysis.cut_nodes(self.model, phase=phase))
            for node in found:
                node_marks.setdefault(node, set()).add("bottleneck")
        if self.removed is not None:
            node_marks.setdefault(self.removed, set()).add("removed")
            for cut in analysis.removal_impact(self.model, self.removed, phase=phase):
                for unit in cut.units:
                    node_marks.setdefault(unit, set()).add("cut-off")
            for link in self.model.links_in(phase):
                if self.removed in (link.from_node, link.to_node):
                    link_marks.setdefault(link.key, set()).add("removed")
        return node_marks, link_marks


@dataclass
class _Selection:
    """What a view keeps of one phase: its nodes, the phase's links among them (member
    links included) and those drawn as lines."""

    phase: str
    present: set[str]
    links: list[Link]
    drawn: list[Link]


class _Context:
    """What every panel of a scene shares: the model, the phases shown, the overlays, the
    view, the language and the page size."""

    def __init__(
        self,
        model: Model,
        shown: tuple[str, ...],
        overlays: _Overlays,
        view: View,
        lang: str | None,
        size: Size,
    ) -> None:
        self.model, self.shown, self.overlays = model, shown, overlays
        self.view, self.lang, self.size = view, lang, size

    def select(self, phase: str) -> _Selection:
        """What the view keeps of one phase: its nodes and the links drawn as lines."""
        model, view = self.model, self.view
        present = {
            n.id
            for n in model.nodes.values()
            if phase in n.phases and (view.nations is None or n.nation in view.nations)
        }
        links = phase_links(model, phase, present)
        lines = {r for r in RELATIONS if view.keeps(r)}
        listed = lines | ({"member"} if view.lists_members else set())
        kept = [link for link in links if link.relation in listed]
        if view.focus is not None:
            present &= focus_nodes(kept, view.focus, view.depth) if view.focus in present else set()
        if view.filters:
            present = _still_linked(present, links, kept, keep=view.focus)
        drawn = [
            link
            for link in kept
            if link.relation in lines and link.from_node in present and link.to_node in present
        ]
        return _Selection(phase, present, links, drawn)

    def panel(self, selection: _Selection, folded: Folded | None) -> Panel:
        """One phase: the nodes and links selected (folded into boxes when ``folded``),
        marked by the overlays."""
        model, phase = self.model, selection.phase
        node_marks, link_marks = self.overlays.marks(phase)
        present, drawn = selection.present, selection.drawn
        edges: list[SceneEdge] = []
        if folded is not None:
            present, drawn = set(folded.boxes), list(folded.links)
            node_marks = gathered_marks(node_marks, folded.box)
            edges = [self._bundle(b, link_marks) for b in folded.bundles]
        members = self._members(selection.links, present) if self.view.lists_members else {}
        pairs = tuple(
            (link.from_node, link.to_node)
            for link in selection.links
            if link.to_node in members and link.relation == "member" and link.from_node in present
        )
        held = folded.holds if folded is not None else {}
        nodes = tuple(
            self._node(node, node_marks.get(node.id, set()), members.get(node.id, ()))
            if node.id not in held
            else self._box(node, node_marks.get(node.id, set()), members.get(node.id, ()), held)
            for node in model.nodes.values()
            if node.id in present
        )
        edges[:0] = [self._edge(link, link_marks.get(link.key, set())) for link in drawn]
        return Panel(phase, _phase_name(model, phase, self.lang), nodes, tuple(edges), pairs)

    def _box(
        self,
        node: Node,
        marks: set[str],
        members: tuple[str, ...],
        held: dict[str, tuple[str, ...]],
    ) -> SceneNode:
        """An overview's box: the node, with the count of the units it holds."""
        nodes = self.model.nodes
        kinds = [nodes[unit].kind for unit in held[node.id]]
        plain = self._node(node, marks, members)
        msg = interface(self.lang)
        return replace(
            plain,
            title=f"{plain.title}\n{holds_title(kinds, msg)}",
            holds=holds_text(len(kinds), msg),
        )

    def _bundle(self, bundle: Bundle, link_marks: dict[str, set[str]]) -> SceneEdge:
        """A bundle of links between boxes, drawn as one link of its relation."""
        marks = {mark for link in bundle.links for mark in link_marks.get(link.key, ())}
        low = all(link.confidence == "low" for link in bundle.links)
        return SceneEdge(
            bundle.key,
            bundle.tail,
            bundle.head,
            bundle.relation,
            frozenset(marks),
            "low" if low else None,
            bundle_title(self.model, bundle, self.lang),
        )

    def _members(self, links: list[Link], present: set[str]) -> dict[str, tuple[str, ...]]:
        """The names each drawn body lists: its members in the phase, in file order."""
        members: dict[str, list[str]] = {}
        for link in links:
            if link.relation == "member" and link.to_node in present:
                member = self.model.node(link.from_node)
                named = dict(member.names).get(self.lang) if self.lang else None
                name = named or member.short or member.name
                members.setdefault(link.to_node, []).append(name)
        return {body: tuple(dict.fromkeys(names)) for body, names in members.items()}

    def _node(self, node: Node, marks: set[str], members: tuple[str, ...]) -> SceneNode:
        marks = set(marks)
        if len(self.shown) > 1 and not set(self.shown) <= node.phases:
            marks.add("switch")
        label = node.label(self.lang)
        if self.size == "slide" and node.short and label == node.name:
            label, short = node.short, None
        elif label != node.name:
            short = None  # named in the language asked for: no abbreviation in another
        else:
            short = node.short if node.short and node.short != label else None
        return SceneNode(
            node.id,
            label,
            short,
            node.nation,
            node.kind,
            frozenset(marks),
            members,
            node_title(self.model, node, self.lang),
        )

    def _edge(self, link: Link, marks: set[str]) -> SceneEdge:
        marks = set(marks)
        if len(self.shown) > 1 and not set(self.shown) <= link.phases:
            marks.add("switch")
        return SceneEdge(
            link.key,
            link.from_node,
            link.to_node,
            link.relation,
            frozenset(marks),
            link.confidence,
            link_title(self.model, link, self.lang),
        )


def _still_linked(
    present: set[str], links: list[Link], kept: list[Link], *, keep: str | None
) -> set[str]:
    """``present`` without the nodes a view's filters left with no link (nodes that had
    none in the phase stay, and so does the focus node)."""
    linked = {end for link in links for end in (link.from_node, link.to_node)}
    still = {
        end
        for link in kept
        if {link.from_node, link.to_node} <= present
        for end in (link.from_node, link.to_node)
    }
    return {n for n in present if n in still or n not in linked or n == keep}
