"""Org-chart layout of a command chart: nations left | alliance | right, a row per echelon.

Each nation's nodes form trees along their strongest in-nation authority link (JP 1's
order: command, COCOM, OPCON, TACON, ADCON, control), laid out the way wiring diagrams of
headquarters are drawn (:mod:`c2graph.render.trees`): a commander over its subordinates,
one echelon per row, many leaf subordinates stacked, staffs beside their commander. Nodes
outside the trees (bodies, the cabinet, ministries without forces) go to the free spot of
their nation's strip nearest the height of their partners (:mod:`c2graph.render.slots`);
alliance and multinational bodies share the middle strip, in one or more columns, each
body on the side of the nation most of its partners belong to.

How trees stack and how wide the middle strip is are a :class:`LayoutStyle`; the chart
tries every style of :func:`layout_choices` and keeps the one that fits a slide best
(:mod:`c2graph.render.chart`). Positions are box centres in points, y growing downwards;
every box is :func:`~c2graph.render.boxes.node_box`, so the layout is exact and boxes
never overlap.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.render.scene import build_scene
>>> layout = scene_layout(build_scene(load_model("models/us-rok-cfc.yaml"), phase="wartime"))
>>> [layout.positions[n][1] < layout.positions["al-cfc"][1] for n in ("al-mcm", "kr-mnd")]
[True, True]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..vocabulary import AUTHORITY_RELATIONS, SPECIAL_NATIONS
from .boxes import MEMBER_COLUMNS, node_box, text_width
from .routes import NodeBox, bus_route
from .scene import Scene, SceneNode
from .slots import H_GAP, FreeSpace, Rect
from .style import KIND_STYLES, nation_style
from .trees import ROW_GAP, STACK_INDENT, STAFF_GAP, Block, Forest, Rows, TreeBuilder

__all__ = [
    "CAPTION_PT",
    "FRAME_PAD",
    "FRAME_TOP",
    "NATION_GAP",
    "PANEL_GAP",
    "ROW_GAP",
    "TARGET_ASPECT",
    "LayoutMemo",
    "LayoutStyle",
    "SceneLayout",
    "frame_width",
    "layout_choices",
    "panel_columns",
    "scene_layout",
]

#: A nation frame's margin around its boxes: beside and below them, and above them (where
#: its caption goes).
FRAME_PAD, FRAME_TOP = 10.0, 27.0
#: The size (points) of a nation frame's caption.
CAPTION_PT = 12.0
#: Points between the boxes of two nations side by side (room for both frames).
NATION_GAP = 28.0
#: Points between the boxes of two nations one above the other (a frame's caption band).
_NATION_DROP = 56.0
#: Points between two phase panels.
PANEL_GAP = 60.0
#: Width to height of the picture a slide shows best; panel grids and legends aim for it.
TARGET_ASPECT = 16 / 9
_BUS_ROOM = 6.0  # clearance of a free node from a tree's bus
_COMPACT_GROW = 8.0  # what widening a strip costs in the compact style, per point
_TOP_KINDS = frozenset({"political-authority", "legislature", "ministry"})
_TOP_KEEP = 4.0  # how much dearer a point away from its height is for those kinds


@dataclass(frozen=True)
class LayoutStyle:
    """How a chart is laid out: from how many leaf subordinates a commander's are stacked,
    how many bodies sit side by side in the middle strip, whether multinational bodies go
    under the alliance's (instead of beside them), the columns of a member list, whether
    nodes outside the trees go lower down rather than widen their nation, whether the
    middle bodies are packed from the top (instead of each near its partners' height), and
    whether a wide row of subordinate subtrees is folded into two rows."""

    stack_min: int = 3
    middle: int = 1
    stacked: bool = False
    members: int = MEMBER_COLUMNS
    compact: bool = True
    packed: bool = False
    wrap: bool = False


def layout_choices(scene: Scene) -> list[dict[str, object]]:
    """The changes of :class:`LayoutStyle` worth trying for a scene, one group of fields
    after another: how leaves stack (from two of them, or only from six); the middle
    strip's columns with the multinational bodies beside or under the alliance's (when
    there are several middle nodes or nations); member-list widths (when a body lists
    members); compact strips.

    >>> from c2graph import load_model
    >>> from c2graph.render.scene import build_scene
    >>> changes = layout_choices(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> changes[:3]
    [{'stack_min': 6}, {'stack_min': 2}, {'wrap': True}]
    >>> changes[3:6]  # doctest: +NORMALIZE_WHITESPACE
    [{'middle': 1, 'stacked': True}, {'middle': 2, 'stacked': False},
     {'middle': 2, 'stacked': True}]
    >>> changes[-3:]
    [{'members': 26}, {'packed': True}, {'compact': False}]
    """
    nodes = {n.id: n for p in scene.panels for n in p.nodes}.values()
    middle = [n.nation for n in nodes if n.nation in SPECIAL_NATIONS]
    counts = [middle.count(nation) for nation in set(middle)]
    choices: list[dict[str, object]] = [{"stack_min": 6}, {"stack_min": 2}, {"wrap": True}]
    arrangements = [(1, True), (2, False), (2, True)]
    for columns, stacked in arrangements:
        if (columns == 1 or any(c > 1 for c in counts)) and (not stacked or len(counts) > 1):
            choices.append({"middle": columns, "stacked": stacked})
    if any(n.members for n in nodes):
        choices += [{"members": 14}, {"members": 26}]
    if counts:
        choices.append({"packed": True})
    return [*choices, {"compact": False}]


@dataclass(frozen=True)
class SceneLayout:
    """Box centre (points, y down) and box size of every node (the largest it has in any
    panel), the bus each tree link is drawn along (``(parent, child) -> (kind, x, y, y2)``,
    :func:`c2graph.render.routes.bus_route`), the extent of the chart and the columns of
    its member lists (:func:`~c2graph.render.boxes.node_box`)."""

    positions: Mapping[str, tuple[float, float]]
    sizes: Mapping[str, tuple[float, float]]
    buses: Mapping[tuple[str, str], tuple[str, float, float, float]]
    width: float
    height: float
    members: int = MEMBER_COLUMNS

    def rect(self, node: str) -> Rect:
        """The box of ``node``: ``(left, top, right, bottom)``."""
        (x, y), (w, h) = self.positions[node], self.sizes[node]
        return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


#: A tree link's bus as the trees record it (:attr:`c2graph.render.trees.TreeBuilder.buses`).
_Bus = tuple[str, float, float]


@dataclass
class _Strip:
    """One nation's part of the chart while it is laid out: node centres from its own
    left edge, the buses of its trees, its outer side and its trees still to place."""

    at: dict[str, tuple[float, float]] = field(default_factory=dict)
    buses: dict[tuple[str, str], _Bus] = field(default_factory=dict)
    outer: int = 1
    others: list[Block] = field(default_factory=list)

    def copy(self) -> _Strip:
        """A strip whose positions, buses and trees to place can change apart from this
        one's."""
        return _Strip(dict(self.at), dict(self.buses), self.outer, list(self.others))


@dataclass(frozen=True)
class _Nations:
    """A layout's forests, rows and strips once every nation's nodes are placed (the
    middle strips hold only their trees), with every placed node and the height so far."""

    forests: Mapping[str, Forest]
    rows: Rows
    strips: Mapping[str, _Strip]
    placed: Mapping[str, tuple[float, float]]
    height: float


@dataclass(frozen=True)
class _Links:
    """A scene's nodes (the union of its panels), its authority links ``(tail, head,
    relation)``, each node's partners (the other ends of its other links and
    memberships) and how many of its links cross to another nation."""

    nodes: Mapping[str, SceneNode]
    authority: list[tuple[str, str, str]]
    partners: Mapping[str, list[str]]
    abroad: Mapping[str, int]


def _links(scene: Scene) -> _Links:
    nodes: dict[str, SceneNode] = {}
    for panel in scene.panels:
        for node in panel.nodes:
            nodes.setdefault(node.id, node)
    edges = {e.key: (e.tail, e.head, e.relation) for p in scene.panels for e in p.edges}
    pairs = {pair for p in scene.panels for pair in p.memberships}
    authority = [e for e in edges.values() if e[2] in AUTHORITY_RELATIONS]
    partners: dict[str, list[str]] = {n: [] for n in nodes}
    others = [(t, h) for t, h, r in edges.values() if r not in AUTHORITY_RELATIONS]
    for tail, head in others + sorted(pairs):
        if tail != head:
            partners[tail].append(head)
            partners[head].append(tail)
    abroad = {n: sum(nodes[p].nation != nodes[n].nation for p in partners[n]) for n in nodes}
    for tail, head, _ in authority:
        if nodes[tail].nation != nodes[head].nation:
            abroad[tail] += 1
            abroad[head] += 1
    return _Links(nodes, authority, partners, abroad)


def _sizes(scene: Scene, members: int) -> dict[str, tuple[float, float]]:
    """Each node's box size with member lists of ``members`` columns: the largest it has
    in any panel."""
    sizes: dict[str, tuple[float, float]] = {}
    for panel in scene.panels:
        for node in panel.nodes:
            box = node_box(node, members)
            w, h = sizes.get(node.id, (0.0, 0.0))
            sizes[node.id] = (max(w, box.width), max(h, box.height))
    return sizes


@dataclass
class LayoutMemo:
    """What the layouts of one scene in several styles share (:func:`scene_layout`): its
    nodes and links, the box sizes by member-list columns and the nations' strips by
    the style fields they depend on (:meth:`_Builder.layout`)."""

    links: _Links | None = None
    sizes: dict[int, dict[str, tuple[float, float]]] = field(default_factory=dict)
    nations: dict[tuple[object, ...], _Nations] = field(default_factory=dict)


class _Builder:
    """Lays out the union of a scene's panels in one style, nation by nation."""

    def __init__(self, scene: Scene, style: LayoutStyle, memo: LayoutMemo | None = None) -> None:
        memo = LayoutMemo() if memo is None else memo
        if memo.links is None:
            memo.links = _links(scene)
        if style.members not in memo.sizes:
            memo.sizes[style.members] = _sizes(scene, style.members)
        links = memo.links
        self.nodes, self.sizes, self.style = links.nodes, memo.sizes[style.members], style
        self.authority, self.partners, self.abroad = links.authority, links.partners, links.abroad
        self.nations = scene.nations
        self.model_nations = scene.model_nations
        self.rows = Rows((28.0,))
        self.memo = memo

    def _outer(self, nation: str) -> int:
        """-1 for the nations left of the middle (or of the US without one), else 1."""
        special = [n for n in self.nations if n in SPECIAL_NATIONS]
        pivot = self.nations.index(special[0]) if special else 0
        if not special and "US" in self.nations:
            pivot = self.nations.index("US")
        return -1 if self.nations.index(nation) < pivot else 1

    def layout(self) -> SceneLayout:
        """Trees of every nation, then the free nodes of each strip, then the strips side
        by side (multinational under the alliance when the style stacks them).

        The memo keeps the strips of the nations (before the middle ones' bodies are
        placed) of the styles laid out so far, by the fields they depend on: styles that
        differ only in the middle strip reuse them."""
        key = (self.style.stack_min, self.style.wrap, self.style.members, self.style.compact)
        done = self.memo.nations.get(key)
        if done is None:
            done = self.memo.nations[key] = self._nations()
        forests, self.rows, height = done.forests, done.rows, done.height
        strips = {nation: strip.copy() for nation, strip in done.strips.items()}
        placed = dict(done.placed)
        top = 0.0
        for nation in self.nations:
            if nation in SPECIAL_NATIONS:
                bottom = self._middle(nation, forests[nation], strips[nation], placed, top, height)
                if self.style.stacked and bottom > top:
                    top = bottom + _NATION_DROP
        return self._finish(self._composed(strips))

    def _nations(self) -> _Nations:
        """Trees of every nation, then the free nodes of each nation's strip."""
        forests = {nation: self._forest(nation) for nation in self.nations}
        self.rows = self._row_heights(forests.values())
        strips = {nation: self._trees(nation, forests[nation]) for nation in self.nations}
        placed = {n: p for s in strips.values() for n, p in s.at.items()}
        height = max((y + self.sizes[n][1] / 2 for n, (_, y) in placed.items()), default=0.0)
        for nation in self.nations:
            if nation not in SPECIAL_NATIONS:
                self._free(nation, forests[nation], strips[nation], placed, height)
        return _Nations(forests, self.rows, strips, placed, height)

    def _row_heights(self, forests: Iterable[Forest]) -> Rows:
        """Each row as tall as the tallest box of a tree at its depth (a staff without
        subordinates sits on its commander's row)."""
        heights: dict[int, float] = {}
        for forest in forests:
            for node in forest.children:
                if node not in forest.parent and not forest.children[node]:
                    continue  # not in a tree
                depth, up = 0, node
                if forest.kinds[node] == "staff" and not forest.children[node]:
                    up = forest.parent[node]
                while up in forest.parent:
                    depth, up = depth + 1, forest.parent[up]
                heights[depth] = max(heights.get(depth, 0.0), self.sizes[node][1])
        rows = [heights.get(d, 28.0) for d in range(max(heights, default=0) + 1)]
        return Rows(tuple(rows))

    def _forest(self, nation: str) -> Forest:
        members = [n for n in self.nodes.values() if n.nation == nation]
        local = {
            n.id: [p for p in self.partners[n.id] if self.nodes[p].nation == nation]
            for n in members
        }
        return Forest(members, self.authority, local)

    def _trees(self, nation: str, forest: Forest) -> _Strip:
        """A nation's trees side by side, from x 0."""
        strip = _Strip(outer=self._outer(nation))
        builder = TreeBuilder(
            forest,
            self.sizes,
            rows=self.rows,
            pull=lambda node: self.abroad[node],
            outer=strip.outer,
            stack_min=self.style.stack_min,
            wrap=self.style.wrap,
        )
        roots = builder.ordered([r for r in forest.roots() if forest.children[r]])
        blocks = [builder.tree(r) for r in roots]
        strip.buses = dict(builder.buses)
        if nation in SPECIAL_NATIONS or len(blocks) < 2:
            strip.at = dict(builder.row(blocks).at)
            return strip
        main = max(blocks, key=lambda b: (len(b.at), -blocks.index(b)))
        strip.at = dict(main.at)
        strip.others = [b for b in blocks if b is not main]
        return strip

    def _rows(self, height: float) -> list[float]:
        """The centres of the rows down to one past ``height``."""
        return [self.rows.centre(k) for k in range(self.rows.count(height) + 1)]

    def _target(self, node: str, placed: Mapping[str, tuple[float, float]]) -> float:
        """The height a free node wants: a row under its superior abroad, else the mean
        height of its placed partners, else the top row."""
        above = [placed[t][1] for t, h, _ in self.authority if h == node and t in placed]
        if above:
            return self.rows.below(max(above))
        ys = [placed[p][1] for p in self.partners[node] if p in placed]
        return sum(ys) / len(ys) if ys else self.rows.centre(0)

    def _box(self, node: str, at: tuple[float, float]) -> NodeBox:
        style = KIND_STYLES[self.nodes[node].kind]
        w, h = self.sizes[node]
        return NodeBox(at[0], at[1], w, h, style.shape, style.rounded)

    def _corridors(self, strip: _Strip) -> list[Rect]:
        """The rectangles the buses of a strip's trees run through (free nodes stay off)."""
        rects: list[Rect] = []
        for (parent, child), bus in self._trunks(strip.at, strip.buses).items():
            route = bus_route(
                self._box(parent, strip.at[parent]), self._box(child, strip.at[child]), *bus
            )
            for (ax, ay), (bx, by) in zip(route.points, route.points[1:], strict=False):
                rects.append((min(ax, bx) - _BUS_ROOM, min(ay, by) - _BUS_ROOM,
                              max(ax, bx) + _BUS_ROOM, max(ay, by) + _BUS_ROOM))  # fmt: skip
        return rects

    def _free(
        self,
        nation: str,
        forest: Forest,
        strip: _Strip,
        placed: dict[str, tuple[float, float]],
        height: float,
    ) -> None:
        """A country's smaller trees (their rows kept on the chart's rows) and then its free
        nodes at the free spots nearest their partners' height, on the nation's outer side."""
        free = [r for r in forest.roots() if not forest.children[r]]
        boxes = [self._rect(n, p) for n, p in strip.at.items()]
        left = min((b[0] for b in boxes), default=0.0)
        right = max((b[2] for b in boxes), default=0.0)
        outer = strip.outer
        bounds = (-math.inf, right) if outer < 0 else (left, math.inf)
        space = FreeSpace(
            boxes,
            self._corridors(strip),
            rows=self._rows(height),
            bounds=bounds,
            height=height,
            grow=_COMPACT_GROW if self.style.compact else None,
        )
        prefer = left if outer < 0 else right
        tops = [self.rows.top(k) for k in range(len(self._rows(height)))]
        for block in strip.others:
            root = min(block.at, key=lambda n: block.at[n][1])
            x, y = space.place(block.width, block.height, target=block.height / 2,
                               prefer=prefer, tops=tops, steady=self._steady(root))  # fmt: skip
            dx, dy = x - block.width / 2, y - block.height / 2
            strip.at |= {n: (bx + dx, by + dy) for n, (bx, by) in block.at.items()}
            placed |= strip.at
            space.corridors = self._corridors(strip)
        for node in self._placing_order(free):
            w, h = self.sizes[node]
            target = self._target(node, placed)
            spot = space.place(w, h, target=target, prefer=prefer, steady=self._steady(node))
            strip.at[node] = spot
            placed[node] = spot

    def _steady(self, node: str) -> float:
        """How firmly a node keeps to its height: governments, legislatures and ministries
        belong on the top rows."""
        return _TOP_KEEP if self.nodes[node].kind in _TOP_KINDS else 1.0

    def _placing_order(self, free: list[str]) -> list[str]:
        """Free nodes with more partners first, then in model order."""
        order = {n: i for i, n in enumerate(free)}
        return sorted(free, key=lambda n: (-len(self.partners[n]), order[n]))

    def _middle(
        self,
        nation: str,
        forest: Forest,
        strip: _Strip,
        placed: dict[str, tuple[float, float]],
        top: float,
        height: float,
    ) -> float:
        """An alliance or multinational strip: its trees, then its free bodies in
        ``style.middle`` columns from height ``top``; return the strip's bottom."""
        free = [r for r in forest.roots() if not forest.children[r]]
        widest = max((self.sizes[n][0] for n in free), default=0.0)
        trees_w = max((self._rect(n, p)[2] for n, p in strip.at.items()), default=0.0)
        count = max(1, min(self.style.middle, len(free)))
        width = max(trees_w, count * widest + (count - 1) * H_GAP)
        first = (width - count * widest - (count - 1) * H_GAP) / 2 + widest / 2
        columns = [first + c * (widest + H_GAP) for c in range(count)]
        shift = (width - trees_w) / 2
        trees = list(strip.at)
        if count > 1 and trees_w <= widest:  # trees in the first column, bodies beside them
            shift = columns[0] - trees_w / 2
        strip.at = {n: (x + shift, y + top) for n, (x, y) in strip.at.items()}
        placed |= strip.at
        boxes = [self._rect(n, p) for n, p in strip.at.items()]
        space = FreeSpace(
            boxes,
            self._corridors(strip),
            rows=self._rows(height),
            bounds=(0.0, width),
            top=top,
            height=height,
            columns=columns if free else (),
        )
        for node in sorted(free, key=lambda n: (self._target(n, placed), free.index(n))):
            w, h = self.sizes[node]
            prefer = columns[round((self._lean(node) + 1) / 2 * (count - 1))]
            target = top if self.style.packed else max(top, self._target(node, placed))
            spot = space.place(w, h, target=target, prefer=prefer)
            strip.at[node] = spot
            placed[node] = spot
        if count > 1 and trees_w <= widest:
            self._narrowed(strip, columns, trees)
            placed |= strip.at
        return max((self._rect(n, p)[3] for n, p in strip.at.items()), default=top)

    def _narrowed(self, strip: _Strip, columns: list[float], trees: list[str]) -> None:
        """Middle columns moved together, each as wide as its widest box (the strip's trees
        in the first column, every body centred on its column's x)."""
        groups: list[list[str]] = [[] for _ in columns]
        for node, (x, _) in strip.at.items():
            at = 0 if node in trees else min(range(len(columns)), key=lambda c: abs(columns[c] - x))
            groups[at].append(node)
        left = 0.0
        for group in groups:
            if not group:
                continue
            rects = [self._rect(n, strip.at[n]) for n in group]
            lo, hi = min(r[0] for r in rects), max(r[2] for r in rects)
            strip.at |= {n: (strip.at[n][0] + left - lo, strip.at[n][1]) for n in group}
            left += hi - lo + H_GAP

    def _lean(self, node: str) -> float:
        """-1 when every partner of a body is in a nation on the left, 1 on the right."""
        sides = [self._outer(self.nodes[p].nation) for p in self.partners[node]]
        sides = [s for s, p in zip(sides, self.partners[node], strict=True)
                 if self.nodes[p].nation not in SPECIAL_NATIONS]  # fmt: skip
        return sum(sides) / len(sides) if sides else 0.0

    def _caption_room(self, nation: str) -> float:
        """The width a nation's boxes must span for its frame to hold its caption."""
        return frame_width(nation_style(nation, self.model_nations).caption) - 2 * FRAME_PAD

    def _rect(self, node: str, at: tuple[float, float]) -> Rect:
        w, h = self.sizes[node]
        return (at[0] - w / 2, at[1] - h / 2, at[0] + w / 2, at[1] + h / 2)

    def _composed(
        self, strips: Mapping[str, _Strip]
    ) -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], _Bus]]:
        """The strips side by side (a stacked multinational strip under the alliance's)."""
        positions: dict[str, tuple[float, float]] = {}
        buses: dict[tuple[str, str], _Bus] = {}
        left = 0.0
        shared: float | None = None
        for nation in self.nations:
            strip = strips[nation]
            if not strip.at:
                continue
            lo = min(self._rect(n, p)[0] for n, p in strip.at.items())
            hi = max(self._rect(n, p)[2] for n, p in strip.at.items())
            room = self._caption_room(nation) - (hi - lo)
            if room > 0:  # a frame as wide as its caption: the boxes centred in it
                lo, hi = lo - room / 2, hi + room / 2
            stacked = nation in SPECIAL_NATIONS and self.style.stacked and shared is not None
            start = shared if stacked and shared is not None else left
            dx = start - lo
            positions |= {n: (round(x + dx, 1), y) for n, (x, y) in strip.at.items()}
            buses |= strip.buses
            if nation in SPECIAL_NATIONS and shared is None:
                shared = left
            if not stacked:
                left = start + (hi - lo) + NATION_GAP
            else:
                left = max(left, start + (hi - lo) + NATION_GAP)
        return positions, buses

    def _finish(
        self,
        composed: tuple[dict[str, tuple[float, float]], dict[tuple[str, str], _Bus]],
    ) -> SceneLayout:
        placed, kinds = composed
        sizes = {n: self.sizes[n] for n in placed}
        top = min((y - sizes[n][1] / 2 for n, (_, y) in placed.items()), default=0.0)
        placed = {n: (x, round(y - top, 1)) for n, (x, y) in placed.items()}
        width = max((x + sizes[n][0] / 2 for n, (x, _) in placed.items()), default=0.0)
        height = max((y + sizes[n][1] / 2 for n, (_, y) in placed.items()), default=0.0)
        buses = self._trunks(placed, kinds)
        return SceneLayout(placed, sizes, buses, width, height, self.style.members)

    def _trunks(
        self,
        placed: Mapping[str, tuple[float, float]],
        kinds: Mapping[tuple[str, str], _Bus],
    ) -> dict[tuple[str, str], tuple[str, float, float, float]]:
        """Each tree link's bus ``(kind, x, y, y2)``: the height ``y`` of a row's bus (half-way
        down the gap over the subordinates' row), the ``x`` of a stack's trunk (half-way into
        its indent), of a staff column's (half-way across the gap to the column) or of a
        folded row's (beside the first row), and ``y2`` the folded row's own bus."""
        tops: dict[str, float] = {}
        inner: dict[tuple[str, str], float] = {}
        for (parent, child), (kind, _, _) in kinds.items():
            if parent not in placed or child not in placed:
                continue
            x, y = placed[child]
            w, h = self.sizes[child]
            if kind in ("row", "stack"):
                tops[parent] = min(tops.get(parent, y - h / 2), y - h / 2)
            elif kind == "w":
                inner[(parent, kind)] = max(inner.get((parent, kind), x + w / 2), x + w / 2)
            elif kind == "e":
                inner[(parent, kind)] = min(inner.get((parent, kind), x - w / 2), x - w / 2)
        buses: dict[tuple[str, str], tuple[str, float, float, float]] = {}
        for (parent, child), (kind, a, b) in kinds.items():
            if parent not in placed or child not in placed:
                continue
            (px, py), ph = placed[parent], self.sizes[parent][1]
            bus_y = round((py + ph / 2 + tops.get(parent, py + ph / 2)) / 2, 1)
            if kind in ("row", "wrap"):
                x, y2 = (round(px + a, 1), round(py + b, 1)) if kind == "wrap" else (0.0, 0.0)
                buses[(parent, child)] = (kind, x, bus_y, y2)
            elif kind == "stack":
                left = placed[child][0] - self.sizes[child][0] / 2
                buses[(parent, child)] = ("stack", round(left - STACK_INDENT / 2, 1), bus_y, 0.0)
            else:
                gap = STAFF_GAP / 2 if kind == "w" else -STAFF_GAP / 2
                buses[(parent, child)] = (kind, round(inner[(parent, kind)] + gap, 1), 0.0, 0.0)
        return buses


def frame_width(caption: str) -> float:
    """The least width of a nation frame captioned ``caption``.

    >>> frame_width("Japan")
    51.2
    """
    return round(text_width(caption, CAPTION_PT) + 14, 1)


def scene_layout(
    scene: Scene,
    style: LayoutStyle | None = None,
    nations: LayoutMemo | None = None,
) -> SceneLayout:
    """Lay out the union of a scene's panels, so a node keeps its place from panel to panel.

    ``nations``, an empty :class:`LayoutMemo` at first, lets the layouts of one scene in
    several styles share the work they have in common (:meth:`_Builder.layout`).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> layout = scene_layout(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> layout.positions["kr-president"]
    (65.0, 21.0)
    """
    return _Builder(scene, style or LayoutStyle(), nations).layout()


def panel_columns(count: int, width: float, height: float) -> int:
    """Columns of the grid of ``count`` panels of ``width`` x ``height`` points whose
    shape comes nearest a slide's (:data:`TARGET_ASPECT`).

    >>> panel_columns(3, 1200.0, 700.0), panel_columns(2, 500.0, 800.0)
    (2, 2)
    """

    def miss(columns: int) -> float:
        rows = math.ceil(count / columns)
        shape = (columns * width + (columns - 1) * PANEL_GAP) / (
            rows * height + (rows - 1) * PANEL_GAP
        )
        return abs(math.log(shape / TARGET_ASPECT))

    return min(range(1, count + 1), key=lambda c: (miss(c), c))
