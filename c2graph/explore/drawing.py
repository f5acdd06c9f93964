"""The explorer's chart: one Graphviz drawing of every node and link of every situation.

The page shows one situation at a time by hiding what does not hold in it, so every node
keeps its place from phase to phase. The chart is the scene
:func:`~c2graph.render.build_scene` makes for all the model's situations side by side
(``c2graph draw --phases ...``: one layout shared by every panel), with the panels laid
over one another: each node and link once, without the overlay marks of a side-by-side
chart (the page highlights what changes itself). A body lists every member it has in
some situation; :attr:`Drawing.member_lines` gives, per situation, the lines the renderer
would write for the members it has there, which the page writes in instead.

Element ids in the SVG are the renderer's (``n0``, ``e0``, ...): :attr:`Drawing.nodes`
and :attr:`Drawing.links` say which node and link each one draws.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}],
...     "nodes": [{"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "cc", "name": "CC", "nation": "US", "kind": "headquarters"},
...               {"id": "b", "name": "Body", "nation": "alliance", "kind": "forum"}],
...     "links": [{"from": "hq", "to": "b", "relation": "member"},
...               {"from": "cc", "to": "b", "relation": "member", "phases": ["war"]}]})
>>> drawing = explorer_drawing(model)
>>> drawing.svg.startswith("<?xml"), drawing.nodes, drawing.links
(True, ('hq', 'cc', 'b'), ())
>>> drawing.member_lines["b"].lines
{'peace': ('HQ',), 'war': ('HQ · CC',)}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..messages import interface
from ..model import Model
from ..render import build_scene
from ..render.boxes import node_lines
from ..render.dot import dot_source, render_dot, svg_titles
from ..render.scene import Panel, Scene, SceneEdge, SceneNode
from ..render.svgtitle import retitle

__all__ = ["Drawing", "MemberLines", "explorer_drawing"]


@dataclass(frozen=True)
class MemberLines:
    """The member lines of a body whose members change with the situation: where they
    start among the node's text lines, and the lines of each situation it exists in."""

    first: int
    lines: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Drawing:
    """The SVG of the chart and what its elements draw: ``nodes[i]`` is the node id drawn
    as ``n{i}``, ``links[i]`` the link key drawn as ``e{i}``."""

    svg: str
    nodes: tuple[str, ...]
    links: tuple[str, ...]
    member_lines: Mapping[str, MemberLines]


def explorer_drawing(model: Model, *, lang: str | None = None) -> Drawing:
    """Draw every situation of ``model`` at once, in the shared layout of its panels.

    Parameters
    ----------
    model
        The loaded model.
    lang
        Language of the labels (``"ja"``), as for ``c2graph draw --lang``.

    Returns
    -------
    Drawing
        The Graphviz SVG and the node and link of each of its elements.

    Raises
    ------
    RenderError
        Graphviz failed.

    Examples
    --------
    >>> from c2graph import load_model
    >>> drawing = explorer_drawing(load_model("models/us-rok-cfc.yaml"))
    >>> len(drawing.nodes), len(drawing.links), drawing.member_lines
    (14, 18, {})
    """
    scene = build_scene(model, phases=list(model.situations), lang=lang)
    union = _union_scene(model, scene, interface(lang)("report.as_of", date=model.as_of))
    panel = union.panels[0]
    source = dot_source(union)
    svg = retitle(render_dot(source, "svg"), svg_titles(union)).decode("utf-8")
    return Drawing(
        svg,
        tuple(node.id for node in panel.nodes),
        tuple(edge.key for edge in panel.edges),
        _member_lines(scene, panel),
    )


def _union_scene(model: Model, scene: Scene, subtitle: str) -> Scene:
    """One panel holding every panel's nodes and links (in model order), unmarked; a
    body lists every member it has in some panel; ``subtitle`` the chart's date line."""
    nodes: dict[str, SceneNode] = {}
    members: dict[str, dict[str, None]] = {}
    edges: dict[str, SceneEdge] = {}
    pairs: dict[tuple[str, str], None] = {}
    for panel in scene.panels:
        for node in panel.nodes:
            nodes.setdefault(node.id, node)
            members.setdefault(node.id, {}).update(dict.fromkeys(node.members))
        for edge in panel.edges:
            edges.setdefault(edge.key, replace(edge, marks=frozenset()))
        pairs.update(dict.fromkeys(panel.memberships))
    drawn = tuple(
        replace(nodes[n], marks=frozenset(), members=tuple(members[n]))
        for n in model.nodes
        if n in nodes
    )
    panel = Panel(
        "all",
        "every situation",
        drawn,
        tuple(edges[link.key] for link in model.links if link.key in edges),
        tuple(pairs),
    )
    return replace(
        scene,
        subtitle=subtitle,
        panels=(panel,),
        legend=tuple(entry for entry in scene.legend if entry.group != "mark"),
    )


def _member_lines(scene: Scene, union: Panel) -> dict[str, MemberLines]:
    """The member lines of each body whose lines differ between situations."""
    panels = [(panel.phase, {node.id: node for node in panel.nodes}) for panel in scene.panels]
    found: dict[str, MemberLines] = {}
    for body in (node for node in union.nodes if node.members):
        first = len(node_lines(replace(body, members=())))
        shown = tuple(line.text for line in node_lines(body)[first:])
        per = {
            phase: tuple(line.text for line in node_lines(nodes[body.id])[first:])
            for phase, nodes in panels
            if body.id in nodes
        }
        if any(lines != shown for lines in per.values()):
            found[body.id] = MemberLines(first, per)
    return found
