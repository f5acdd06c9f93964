"""The whole picture of a scene: title, panel grid, nation frames, legend and link routes.

Both renderers draw a :class:`Chart` and nothing else, so a Graphviz and a matplotlib
picture of the same scene have the same size and every box, frame, link and legend line in
the same place. :func:`build_chart` lays the scene out in the styles of
:func:`~c2graph.render.layout.layout_choices`, puts the legend where it costs the least
room (in an empty corner of the chart when one is large enough, else beside or below
it), keeps the style whose picture fits a 13.33 x 7.5 in slide with the largest text, and
routes the
links around the boxes, the captions and the legend (:mod:`c2graph.render.routes`).

Coordinates are points from the picture's top-left corner, y growing downwards.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.render.scene import build_scene
>>> chart = build_chart(build_scene(load_model("models/us-rok-cfc.yaml")))
>>> chart.width > chart.height, len(chart.panels), chart.legend is not None
(True, 1, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..messages import interface
from ..vocabulary import AUTHORITY_RELATIONS
from .boxes import Line, text_width, wrapped
from .layout import (
    CAPTION_PT,
    FRAME_PAD,
    FRAME_TOP,
    PANEL_GAP,
    LayoutMemo,
    LayoutStyle,
    SceneLayout,
    frame_width,
    layout_choices,
    panel_columns,
    scene_layout,
)
from .nudge import nudged
from .routes import NodeBox, Request, Route, route_links
from .scene import Panel, Scene
from .slots import Rect
from .style import KIND_STYLES, LegendEntry, nation_style

__all__ = [
    "CAPTION_PT",
    "FRAME_PAD",
    "FRAME_TOP",
    "LEGEND_PT",
    "LEGEND_TITLE_PT",
    "PAD",
    "ROUTED_NODES_LIMIT",
    "SLIDE",
    "SUBTITLE_PT",
    "TITLE_PT",
    "Chart",
    "Frame",
    "Legend",
    "LegendCell",
    "PanelView",
    "build_chart",
    "slide_scale",
    "title_lines",
]

#: A 16:9 slide, in points.
SLIDE = (13.33 * 72, 7.5 * 72)
PAD = 10.0  # around the picture
TITLE_PT, SUBTITLE_PT = 18.0, 12.0
_LEADING = 1.22
_TITLE_MIN_W = 480.0  # a title is wrapped to the chart's width, but never narrower
_CAPTION_H = 30.0  # a panel's caption line
LEGEND_PT, LEGEND_TITLE_PT = 9.0, 10.0
_CELL_H, _SAMPLE_W, _SAMPLE_GAP, _COLUMN_GAP = 16.0, 30.0, 6.0, 14.0
_LEGEND_PAD, _LEGEND_GAP = 8.0, 16.0
#: Above this many drawn nodes links are straight lines: routing around a 1,000-node
#: order of battle would take long, straight lines a fraction of a second
#: (``benchmarks/run.py``).
ROUTED_NODES_LIMIT = 300


@dataclass(frozen=True)
class Frame:
    """A nation's frame in one panel: its outline, colours and caption (text and the
    left end of its base line)."""

    nation: str
    rect: Rect
    fill: str
    line: str
    caption: str
    caption_at: tuple[float, float]

    @property
    def caption_rect(self) -> Rect:
        """The box the caption's text takes."""
        x, y = self.caption_at
        return (x, y - CAPTION_PT, x + text_width(self.caption, CAPTION_PT), y + 3)


@dataclass(frozen=True)
class PanelView:
    """One panel placed in the picture: its offset from the layout and its caption."""

    panel: Panel
    dx: float
    dy: float
    caption_at: tuple[float, float] | None
    frames: tuple[Frame, ...]


@dataclass(frozen=True)
class LegendCell:
    """One legend entry: its sample's box and the left end (middle height) of its text."""

    entry: LegendEntry
    sample: Rect
    text_at: tuple[float, float]


@dataclass(frozen=True)
class Legend:
    """The legend: its outline, the centre of its heading and its cells; its heading and
    the sample text of a member list, in the scene's language."""

    rect: Rect
    title_at: tuple[float, float]
    cells: tuple[LegendCell, ...]
    title: str = "Legend"
    members_sample: str = "A · B"


@dataclass(frozen=True)
class Chart:
    """Everything drawn, placed: the layout, each link's route (layout coordinates), the
    panels with their offsets and frames, the legend, the title's lines and their centre,
    and the picture's size."""

    scene: Scene
    layout: SceneLayout
    routes: dict[str, Route]
    panels: tuple[PanelView, ...]
    legend: Legend | None
    title: tuple[Line, ...]
    title_at: tuple[float, float]
    width: float
    height: float


def slide_scale(width: float, height: float) -> float:
    """How much a picture of ``width`` x ``height`` points is scaled to fit :data:`SLIDE`.

    >>> round(slide_scale(1920.0, 540.0), 2)
    0.5
    """
    return min(SLIDE[0] / width, SLIDE[1] / height)


def _legend_entries(scene: Scene) -> list[LegendEntry]:
    return [e for e in scene.legend if e.group != "nation"]


def _legend(
    entries: Sequence[LegendEntry], columns: int, left: float, top: float, lang: str
) -> Legend:
    """The legend in ``columns`` columns with its top-left corner at ``(left, top)``, its
    words in ``lang`` (:func:`c2graph.messages.interface`)."""
    msg = interface(lang)
    title = msg("chart.legend")
    per = math.ceil(len(entries) / columns)
    columns = math.ceil(len(entries) / per)
    widths = [
        max(text_width(e.label, LEGEND_PT) for e in entries[c * per : (c + 1) * per])
        for c in range(columns)
    ]
    cells: list[LegendCell] = []
    x = left + _LEGEND_PAD
    y0 = top + _LEGEND_PAD + LEGEND_TITLE_PT + 8
    for column, width in enumerate(widths):
        for row, entry in enumerate(entries[column * per : (column + 1) * per]):
            y = y0 + row * _CELL_H
            sample = (x, y + 2, x + _SAMPLE_W, y + _CELL_H - 2)
            cells.append(LegendCell(entry, sample, (x + _SAMPLE_W + _SAMPLE_GAP, y + _CELL_H / 2)))
        x += _SAMPLE_W + _SAMPLE_GAP + width + _COLUMN_GAP
    right = x - _COLUMN_GAP + _LEGEND_PAD
    bottom = y0 + per * _CELL_H + _LEGEND_PAD - 4
    title_w = text_width(title, LEGEND_TITLE_PT, bold=True) + 2 * _LEGEND_PAD
    right = max(right, left + title_w)
    return Legend(
        (left, top, right, bottom),
        ((left + right) / 2, top + _LEGEND_PAD + LEGEND_TITLE_PT / 2),
        tuple(cells),
        title,
        msg("chart.members_sample"),
    )


def _legend_size(entries: Sequence[LegendEntry], columns: int, lang: str) -> tuple[float, float]:
    x0, y0, x1, y1 = _legend(entries, columns, 0.0, 0.0, lang).rect
    return (x1 - x0, y1 - y0)


@dataclass(frozen=True)
class _Grid:
    """The panels' grid: columns, cell size, top of the first row and whether captioned."""

    columns: int
    rows: int
    cell_w: float
    cell_h: float
    top: float
    captioned: bool

    @property
    def width(self) -> float:
        return self.columns * self.cell_w + (self.columns - 1) * PANEL_GAP

    @property
    def height(self) -> float:
        return self.rows * self.cell_h + (self.rows - 1) * PANEL_GAP

    def origin(self, index: int) -> tuple[float, float]:
        """The layout's origin in the picture for panel ``index``."""
        row, column = divmod(index, self.columns)
        heading = (_CAPTION_H if self.captioned else 0.0) + FRAME_TOP
        return (
            PAD + FRAME_PAD + column * (self.cell_w + PANEL_GAP),
            self.top + heading + row * (self.cell_h + PANEL_GAP),
        )


def _grid(scene: Scene, layout: SceneLayout) -> _Grid:
    """The panels' grid under the title (whose lines depend on the grid's width)."""
    count = len(scene.panels)
    captioned = count > 1
    cell_w = layout.width + 2 * FRAME_PAD
    cell_h = layout.height + FRAME_TOP + FRAME_PAD + (_CAPTION_H if captioned else 0.0)
    columns = panel_columns(count, cell_w, cell_h)
    grid = _Grid(columns, math.ceil(count / columns), cell_w, cell_h, 0.0, captioned)
    height = sum(line.size * _LEADING for line in title_lines(scene, grid.width))
    return replace(grid, top=PAD + height + 6)


def title_lines(scene: Scene, width: float) -> tuple[Line, ...]:
    """The title and subtitle of a scene, each wrapped to ``width`` points (at least
    :data:`_TITLE_MIN_W`).

    >>> from c2graph import load_model_data
    >>> from c2graph.render.scene import build_scene
    >>> model = load_model_data({"name": "Combined forces command of two nations (comparator)",
    ...     "as_of": "2019", "phases": [{"id": "p", "name": "Peace"}],
    ...     "nodes": [{"id": "hq", "name": "HQ", "nation": "KR", "kind": "headquarters"}]})
    >>> [line.text for line in title_lines(build_scene(model), 400)]
    ['Combined forces command of two', 'nations (comparator)', 'as of 2019 · phase: Peace']
    """
    width = max(width, _TITLE_MIN_W)
    title = [Line(t, TITLE_PT, True) for t in wrapped(scene.title, TITLE_PT, width, bold=True)]
    subtitle = [Line(t, SUBTITLE_PT) for t in wrapped(scene.subtitle, SUBTITLE_PT, width)]
    return (*title, *subtitle)


def _frames(scene: Scene, panel: Panel, layout: SceneLayout, dx: float, dy: float) -> list[Frame]:
    frames = []
    for nation in scene.nations:
        members = [n.id for n in panel.nodes if n.nation == nation]
        if not members:
            continue
        rects = [layout.rect(n) for n in members]
        x0 = min(r[0] for r in rects) + dx - FRAME_PAD
        x1 = max(r[2] for r in rects) + dx + FRAME_PAD
        y0 = min(r[1] for r in rects) + dy - FRAME_TOP
        y1 = max(r[3] for r in rects) + dy + FRAME_PAD
        colours = nation_style(nation, scene.model_nations)
        caption = scene.nation_caption(nation)
        room = frame_width(caption) - (x1 - x0)
        if room > 0:
            x0, x1 = x0 - room / 2, x1 + room / 2
        frames.append(
            Frame(
                nation,
                (x0, y0, x1, y1),
                colours.cluster,
                colours.line,
                caption,
                (x0 + 7, y0 + 17),
            )
        )
    return frames


def _legend_spots(
    size: tuple[float, float], taken: Sequence[Rect], bounds: Rect
) -> list[tuple[float, float]]:
    """Top-left corners where a legend of ``size`` may go, clear of every frame in
    ``taken``: in an empty corner of the chart (flush with its left or right side, with no
    frame between it and the top or the bottom: never among the boxes, where the links
    between them run) or just beside or below the chart."""
    w, h = size
    x0, y0, x1, y1 = bounds
    xs = {x0, x1 - w, x1 + _LEGEND_GAP} | {r[2] + _LEGEND_GAP for r in taken}
    xs |= {r[0] - _LEGEND_GAP - w for r in taken}
    ys = {y0, y1 - h, y1 + _LEGEND_GAP} | {r[3] + _LEGEND_GAP for r in taken}
    ys |= {r[1] - _LEGEND_GAP - h for r in taken}
    spots = []
    rows = sorted(ys)
    for x in sorted(xs):
        if x < x0 - 0.01:
            continue
        left, right = x - _LEGEND_GAP / 2, x + w + _LEGEND_GAP / 2
        near = [r for r in taken if left < r[2] and r[0] < right]  # frames it meets in x
        flush = abs(x - x0) <= 0.01 or abs(x + w - x1) <= 0.01
        columns = [r for r in taken if r[0] < x + w and x < r[2]]
        for y in rows:
            if y < y0 - 0.01:
                continue
            top, bottom = y - _LEGEND_GAP / 2, y + h + _LEGEND_GAP / 2
            if x < x1 and y < y1 and not (flush and _open(columns, y, y + h)):
                continue  # inside the chart and not in a corner
            if not any(top < r[3] and r[1] < bottom for r in near):
                spots.append((x, y))
    return spots


def _open(columns: Sequence[Rect], top: float, bottom: float) -> bool:
    """True when no rectangle of ``columns`` is above ``top`` or none is below ``bottom``.

    >>> _open([(0, 0, 10, 40)], 50, 60), _open([(0, 0, 10, 40), (0, 70, 10, 90)], 50, 60)
    (True, False)
    """
    return not any(r[3] <= top for r in columns) or not any(r[1] >= bottom for r in columns)


@dataclass(frozen=True)
class _Plan:
    """A candidate picture: its layout, grid, legend and size, before routing."""

    layout: SceneLayout
    grid: _Grid
    legend: Legend | None
    width: float
    height: float

    @property
    def score(self) -> tuple[float, float]:
        """Larger is better (:func:`_score`)."""
        return _score(self.width, self.height)


def _score(width: float, height: float) -> tuple[float, float]:
    """The score of a ``width`` x ``height`` picture, larger is better: the text size on a
    slide (with a penalty outside the aimed aspect ratios), then the smaller picture.

    >>> _score(1600.0, 900.0), _score(1600.0, 400.0)  # 16:9, then 4:1
    ((0.5998, -1440000.0), (0.5399, -640000.0))
    """
    scale = slide_scale(width, height)
    aspect = width / height
    if not 1.2 <= aspect <= 2.0:
        scale *= 0.9
    return (round(scale, 4), -width * height)


#: The legend's size in each number of columns, for the layout styles of one scene.
_LegendSizes = dict[int, tuple[float, float]]


def _plan(scene: Scene, layout: SceneLayout, sizes: _LegendSizes) -> _Plan:
    """Place the panels and the legend where the picture fits a slide best (``sizes``
    keeps the legend's sizes, which every layout of the scene shares)."""
    grid = _grid(scene, layout)
    title_w = max(
        text_width(line.text, line.size, bold=line.bold) for line in title_lines(scene, grid.width)
    )
    chart = (PAD, grid.top, PAD + grid.width, grid.top + grid.height)
    taken = [
        frame.rect
        for index, panel in enumerate(scene.panels)
        for frame in _frames(scene, panel, layout, *grid.origin(index))
    ]
    entries = _legend_entries(scene)
    best: tuple[tuple[float, float], int, float, float] | None = None
    for columns in range(1, min(4, len(entries)) + 1) if entries else [0]:
        if columns and columns not in sizes:
            sizes[columns] = _legend_size(entries, columns, scene.lang)
        w, h = sizes[columns] if columns else (0.0, 0.0)
        spots = _legend_spots((w, h), taken, chart) if columns else [(PAD, grid.top)]
        for x, y in spots:
            right = max(chart[2], x + w, PAD + title_w)
            bottom = max(chart[3], y + h)
            score = _score(right + PAD, bottom + PAD)
            if best is None or score > best[0]:
                best = (score, columns, x, y)
    assert best is not None  # at least one spot: below the chart is always free
    _, columns, x, y = best
    legend = _legend(entries, columns, x, y, scene.lang) if columns else None
    right = max(chart[2], legend.rect[2] if legend else 0.0, PAD + title_w)
    bottom = max(chart[3], legend.rect[3] if legend else 0.0)
    return _Plan(layout, grid, legend, right + PAD, bottom + PAD)


def _requests(scene: Scene) -> list[Request]:
    """Every link of every panel once: tree links grouped by commander and relation (a
    bus shared by one kind of link), others alone; authority links leave their tail
    downwards and enter their head from above first."""
    seen: dict[str, Request] = {}
    for panel in scene.panels:
        for edge in panel.edges:
            if edge.key in seen:
                continue
            if edge.relation in AUTHORITY_RELATIONS:
                bus = f"{edge.tail}>{edge.relation}"
                seen[edge.key] = Request(edge.key, edge.tail, edge.head, bus, "sewn", "nwes")
            else:
                seen[edge.key] = Request(edge.key, edge.tail, edge.head, edge.key)
    return list(seen.values())


def _boxes(scene: Scene, layout: SceneLayout) -> dict[str, NodeBox]:
    kinds = {n.id: n.kind for p in scene.panels for n in p.nodes}
    boxes = {}
    for node, (x, y) in layout.positions.items():
        style = KIND_STYLES[kinds[node]]
        w, h = layout.sizes[node]
        boxes[node] = NodeBox(x, y, w, h, style.shape, style.rounded)
    return boxes


def _routes(scene: Scene, plan: _Plan, views: Sequence[PanelView]) -> dict[str, Route]:
    """Route every link in the layout's coordinates, clear of the frames' captions and
    (for a one-panel chart) of the legend; links of different groups that would share a
    run are moved side by side (:func:`~c2graph.render.nudge.nudged`)."""
    boxes = _boxes(scene, plan.layout)
    requests = _requests(scene)
    if len(boxes) > ROUTED_NODES_LIMIT:
        from .routes import straight_route

        return {r.key: straight_route(boxes[r.tail], boxes[r.head]) for r in requests}
    obstacles: list[Rect] = []
    for view in views:
        for frame in view.frames:
            x0, y0, x1, y1 = frame.caption_rect
            obstacles.append((x0 - view.dx, y0 - view.dy, x1 - view.dx, y1 - view.dy))
    if plan.legend is not None and len(views) == 1:
        x0, y0, x1, y1 = plan.legend.rect
        obstacles.append((x0 - views[0].dx, y0 - views[0].dy, x1 - views[0].dx, y1 - views[0].dy))
    routes = route_links(boxes, requests, buses=plan.layout.buses, obstacles=obstacles)
    kinds = {r.key: r.group for r in requests}
    return nudged(routes, kinds, boxes, {r.key: (r.tail, r.head) for r in requests})


def _best_plan(scene: Scene) -> _Plan:
    """The best plan of the layout styles tried one change at a time, each change made to
    the best style so far (:func:`~c2graph.render.layout.layout_choices`); changes of
    the same fields are alternatives to each other. A second round starts from the best
    of the first, unless the first changed nothing."""
    style = LayoutStyle()
    nations = LayoutMemo()
    sizes: _LegendSizes = {}
    best = _plan(scene, scene_layout(scene, style, nations), sizes)
    tried = {style}
    for _ in range(2):
        start = style
        base, fields = style, frozenset[str]()
        for change in layout_choices(scene):
            if frozenset(change) != fields:  # a new group: build on the best so far
                base, fields = style, frozenset(change)
            candidate = replace(base, **change)  # type: ignore[arg-type]
            if candidate in tried:
                continue
            tried.add(candidate)
            plan = _plan(scene, scene_layout(scene, candidate, nations), sizes)
            if plan.score > best.score:
                best, style = plan, candidate
        if style == start:
            break
    return best


def build_chart(scene: Scene) -> Chart:
    """Lay out, place and route a scene: the picture both renderers draw.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render.scene import build_scene
    >>> chart = build_chart(build_scene(load_model("models/us-rok-cfc.yaml"),
    ...                                 phases=["armistice", "wartime"]))
    >>> [view.panel.caption for view in chart.panels]
    ['Armistice', 'Wartime (hostilities)']
    """
    plan = _best_plan(scene)
    views = []
    for index, panel in enumerate(scene.panels):
        dx, dy = plan.grid.origin(index)
        caption = None
        if plan.grid.captioned:
            caption = (dx + plan.layout.width / 2, dy - FRAME_TOP - _CAPTION_H / 2)
        views.append(
            PanelView(panel, dx, dy, caption, tuple(_frames(scene, panel, plan.layout, dx, dy)))
        )
    routes = _routes(scene, plan, views)
    return Chart(
        scene,
        plan.layout,
        routes,
        tuple(views),
        plan.legend,
        title_lines(scene, plan.grid.width),
        (plan.width / 2, (PAD + plan.grid.top - 6) / 2),
        plan.width,
        plan.height,
    )
