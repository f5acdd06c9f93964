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
from dataclasses import dataclass
from typing import TypedDict, Unpack

from ..errors import QueryError
from ..model import Model
from .style import MARK_STYLES, LegendEntry, legend_entries, nation_order

__all__ = ["Panel", "Scene", "SceneEdge", "SceneNode", "SceneOptions", "build_scene"]


@dataclass(frozen=True)
class SceneNode:
    """A node as drawn: its label (in the chosen language), short name and overlay marks."""

    id: str
    label: str
    short: str | None
    nation: str
    kind: str
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SceneEdge:
    """A link as drawn, identified by its link key, with its overlay marks."""

    key: str
    tail: str
    head: str
    relation: str
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Panel:
    """One phase of the diagram: the nodes and links that hold in it."""

    phase: str
    caption: str
    nodes: tuple[SceneNode, ...]
    edges: tuple[SceneEdge, ...]


@dataclass(frozen=True)
class Scene:
    """Everything a renderer draws: title lines, phase panels, nation order and legend."""

    title: str
    subtitle: str
    panels: tuple[Panel, ...]
    nations: tuple[str, ...]
    model_nations: tuple[str, ...]
    legend: tuple[LegendEntry, ...]

    def texts(self) -> tuple[str, ...]:
        """Every text the diagram shows (to pick a font able to draw all of them).

        Examples
        --------
        >>> from c2graph import load_model
        >>> build_scene(load_model("models/us-rok-cfc.yaml")).texts()[1]
        'as of 2018-10 · phase: Armistice'
        """
        labels = [n.label for p in self.panels for n in p.nodes]
        shorts = [n.short for p in self.panels for n in p.nodes if n.short]
        return (
            self.title,
            self.subtitle,
            *(p.caption for p in self.panels),
            *labels,
            *shorts,
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

    Raises
    ------
    QueryError
        Unknown phase or node ids, or both ``phase`` and ``phases`` given.

    Examples
    --------
    >>> from c2graph import load_model
    >>> scene = build_scene(load_model("models/us-japan-2025.yaml"),
    ...                     phases=["peacetime", "armed-attack"], highlight_path="jp-gcc")
    >>> [panel.caption for panel in scene.panels]
    ['Peacetime', 'Armed attack situation']
    """
    unknown = sorted(set(options) - set(SceneOptions.__annotations__))
    if unknown:
        raise TypeError(f"build_scene() got an unexpected keyword argument {unknown[0]!r}")
    lang = options.get("lang")
    target, removed = options.get("highlight_path"), options.get("removed")
    phase_ids = _shown_phases(model, options.get("phase"), options.get("phases"))
    overlays = _Overlays(model, target, options.get("bottlenecks", False), removed)
    panels = tuple(_panel(model, p, phase_ids, overlays, lang) for p in phase_ids)
    drawn = [n for p in panels for n in p.nodes]
    edges = [e for p in panels for e in p.edges]
    marks = sorted({m for n in drawn for m in n.marks} | {m for e in edges for m in e.marks})
    return Scene(
        title=model.name,
        subtitle=_subtitle(model, phase_ids, lang),
        panels=panels,
        nations=nation_order(n.nation for n in drawn),
        model_nations=tuple(sorted({n.nation for n in model.nodes.values()})),
        legend=legend_entries(
            kinds={n.kind for n in drawn},
            relations={e.relation for e in edges},
            nations={n.nation for n in drawn},
            marks=[(m, _mark_label(model, m, target, removed, lang)) for m in marks],
        ),
    )


def _shown_phases(model: Model, phase: str | None, phases: Sequence[str] | None) -> tuple[str, ...]:
    """The ids of the phases drawn, checked: ``phase``, ``phases`` or the model's first."""
    if phase is not None and phases is not None:
        raise QueryError("give either one phase or a list of phases, not both")
    if phases is not None and not phases:
        raise QueryError("the list of phases is empty")
    if phases is None:
        return (model.phase(phase).id if phase is not None else model.phases[0].id,)
    phase_ids = tuple(model.phase(p).id for p in phases)
    if len(set(phase_ids)) != len(phase_ids):
        raise QueryError(f"a phase is listed twice: {', '.join(phase_ids)}")
    return phase_ids


def _subtitle(model: Model, phase_ids: tuple[str, ...], lang: str | None) -> str:
    if len(phase_ids) == 1:
        return f"as of {model.as_of} · phase: {_phase_name(model, phase_ids[0], lang)}"
    names = " | ".join(_phase_name(model, p, lang) for p in phase_ids)
    return f"as of {model.as_of} · phases: {names}"


def _phase_name(model: Model, phase_id: str, lang: str | None) -> str:
    phase = model.phase(phase_id)
    return dict(phase.names).get(lang, phase.name) if lang else phase.name


def _mark_label(
    model: Model, mark: str, target: str | None, removed: str | None, lang: str | None
) -> str:
    if mark == "path" and target is not None:
        return f"chain of command to {model.node(target).label(lang)}"
    if mark == "removed" and removed is not None:
        return f"removed: {model.node(removed).label(lang)}"
    return MARK_STYLES[mark].label


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
            for unit in analysis.removal_impact(self.model, self.removed, phase=phase):
                node_marks.setdefault(unit, set()).add("cut-off")
            for link in self.model.links_in(phase):
                if self.removed in (link.from_node, link.to_node):
                    link_marks.setdefault(link.key, set()).add("removed")
        return node_marks, link_marks


def _panel(
    model: Model, phase: str, shown: tuple[str, ...], overlays: _Overlays, lang: str | None
) -> Panel:
    node_marks, link_marks = overlays.marks(phase)
    shown_set = frozenset(shown)
    nodes = []
    for node in model.nodes.values():
        if phase not in node.phases:
            continue
        marks = set(node_marks.get(node.id, ()))
        if len(shown) > 1 and not shown_set <= node.phases:
            marks.add("switch")
        short = node.short if node.short and node.short != node.label(lang) else None
        nodes.append(
            SceneNode(node.id, node.label(lang), short, node.nation, node.kind, frozenset(marks))
        )
    present = {n.id for n in nodes}
    edges = []
    for link in model.links_in(phase):
        if link.from_node not in present or link.to_node not in present:
            continue
        marks = set(link_marks.get(link.key, ()))
        if len(shown) > 1 and not shown_set <= link.phases:
            marks.add("switch")
        edges.append(
            SceneEdge(link.key, link.from_node, link.to_node, link.relation, frozenset(marks))
        )
    return Panel(phase, _phase_name(model, phase, lang), tuple(nodes), tuple(edges))
