"""Org-chart layout of a command chart: nations left | alliance | right, a row per echelon.

Each nation's nodes form trees along their strongest in-nation authority link (JP 1's
order: command, COCOM, OPCON, TACON, ADCON, control), laid out the way wiring diagrams of
headquarters are drawn: a commander sits over its subordinates (one echelon per row);
three or more subordinates with none of their own are stacked in an indented column;
staffs sit in a column beside their commander (a staff with no superior beside the node
it coordinates with). Nodes without an in-nation superior or subordinate (bodies, cabinet,
ministries without forces) sit in a column at the nation's outer side, or for alliance and
multinational bodies in the middle, each as close as it can get to the mean height of its
partners. Among siblings, subtrees with more links abroad sit nearer the middle.

Positions are box centres in points, y growing downwards; every box is
:func:`~c2graph.render.boxes.node_box`, so the layout is exact and boxes never overlap.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.render.scene import build_scene
>>> layout = scene_layout(build_scene(load_model("models/us-rok-cfc.yaml"), phase="wartime"))
>>> [layout.positions[n][1] < layout.positions["al-cfc"][1] for n in ("al-mcm", "kr-mnd")]
[True, True]

References
----------
J. Q. Walker II, "A node-positioning algorithm for general trees", Software: Practice and
Experience 20(7), 1990 (subtrees side by side under their parent); Joint Publication 1
(order of command authorities).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..vocabulary import AUTHORITY_ORDER, AUTHORITY_RELATIONS, SPECIAL_NATIONS
from .boxes import node_box
from .scene import Scene, SceneNode

__all__ = ["PANEL_GAP", "ROW_GAP", "TARGET_ASPECT", "SceneLayout", "panel_columns", "scene_layout"]

#: Vertical gap (points) between a commander's row and its subordinates' row.
ROW_GAP = 34.0
_SIBLING_GAP = 16.0
_STACK_GAP = 9.0
_STACK_INDENT = 22.0
_STAFF_GAP = 16.0
_NATION_GAP = 36.0
_STACK_MIN = 3
#: Points between two phase panels.
PANEL_GAP = 60.0
#: Width to height of the picture a slide shows best; panel grids and legends aim for it.
TARGET_ASPECT = 16 / 9


@dataclass(frozen=True)
class SceneLayout:
    """Box centre (points, y down) and box size of every node (the largest it has in any
    panel), the ports links leave and enter by (``(tail, head) -> (tailport, headport)``),
    and the extent of the chart."""

    positions: Mapping[str, tuple[float, float]]
    sizes: Mapping[str, tuple[float, float]]
    ports: Mapping[tuple[str, str], tuple[str, str]]
    width: float
    height: float


@dataclass
class _Block:
    """A laid-out group: its size and the centres of its nodes from its top-left corner."""

    width: float = 0.0
    height: float = 0.0
    at: dict[str, tuple[float, float]] = field(default_factory=dict)

    def put(self, other: _Block, dx: float, dy: float) -> None:
        for node, (x, y) in other.at.items():
            self.at[node] = (x + dx, y + dy)
        self.width = max(self.width, dx + other.width)
        self.height = max(self.height, dy + other.height)


class _Forest:
    """The trees of one nation: each node under its strongest in-nation superior."""

    def __init__(
        self,
        nodes: list[SceneNode],
        authority: list[tuple[str, str, str]],
        partners: Mapping[str, list[str]],
    ) -> None:
        ids = {n.id for n in nodes}
        strength = {rel: i for i, rel in enumerate(AUTHORITY_ORDER)}
        best: dict[str, tuple[int, int, str]] = {}
        for order, (tail, head, relation) in enumerate(authority):
            if tail in ids and head in ids and tail != head:
                rank = (strength[relation], order, tail)
                best[head] = min(best.get(head, rank), rank)
        self.parent: dict[str, str] = {}
        for node in nodes:  # model order; a link closing a cycle is skipped
            if node.id in best and not self._above(best[node.id][2], node.id):
                self.parent[node.id] = best[node.id][2]
        kinds = {n.id: n.kind for n in nodes}
        for node in nodes:  # a staff with no superior sits beside its first partner
            if kinds[node.id] == "staff" and node.id not in self.parent:
                beside = [p for p in partners[node.id] if kinds.get(p) not in (None, "staff")]
                if beside and not self._above(beside[0], node.id):
                    self.parent[node.id] = beside[0]
        self.children: dict[str, list[str]] = {n.id: [] for n in nodes}
        for node in nodes:
            if node.id in self.parent:
                self.children[self.parent[node.id]].append(node.id)
        self.kinds = kinds

    def _above(self, candidate: str, node: str) -> bool:
        """True when ``node`` already is ``candidate`` or one of its superiors."""
        while candidate != node:
            if candidate not in self.parent:
                return False
            candidate = self.parent[candidate]
        return True

    def roots(self) -> list[str]:
        return [n for n in self.children if n not in self.parent]


class _Builder:
    """Lays out the union of a scene's panels, nation by nation."""

    def __init__(self, scene: Scene) -> None:
        nodes: dict[str, SceneNode] = {}
        sizes: dict[str, tuple[float, float]] = {}
        for panel in scene.panels:
            for node in panel.nodes:
                nodes.setdefault(node.id, node)
                box = node_box(node)
                w, h = sizes.get(node.id, (0.0, 0.0))
                sizes[node.id] = (max(w, box.width), max(h, box.height))
        self.nodes, self.sizes = nodes, sizes
        edges = {e.key: (e.tail, e.head, e.relation) for p in scene.panels for e in p.edges}
        pairs = {pair for p in scene.panels for pair in p.memberships}
        self.authority = [e for e in edges.values() if e[2] in AUTHORITY_RELATIONS]
        self.partners: dict[str, list[str]] = {n: [] for n in nodes}
        for tail, head in [
            (t, h) for t, h, r in edges.values() if r not in AUTHORITY_RELATIONS
        ] + sorted(pairs):
            if tail != head:
                self.partners[tail].append(head)
                self.partners[head].append(tail)
        self.abroad = {
            n: sum(nodes[p].nation != nodes[n].nation for p in self.partners[n]) for n in nodes
        }
        for tail, head, _ in self.authority:
            if nodes[tail].nation != nodes[head].nation:
                self.abroad[tail] += 1
                self.abroad[head] += 1
        self.ports: dict[tuple[str, str], tuple[str, str]] = {}
        self.nations = scene.nations
        self.pitch = 0.0

    def layout(self) -> SceneLayout:
        """Trees of every nation, side by side, then the columns of free nodes; alliance
        and multinational bodies without trees share one middle column."""
        forests = {nation: self._forest(nation) for nation in self.nations}
        in_trees = [
            n for f in forests.values() for n in f.children if n in f.parent or f.children[n]
        ]
        self.pitch = max((self.sizes[n][1] for n in in_trees), default=28.0) + ROW_GAP
        middle = [n for n in self.nations if n in SPECIAL_NATIONS]
        placed: dict[str, tuple[float, float]] = {}
        columns: list[tuple[float, list[str]]] = []
        left, shared = 0.0, None
        for index, nation in enumerate(self.nations):
            outer = -1 if middle and index < self.nations.index(middle[0]) else 1
            forest = forests[nation]
            roots = forest.roots()
            trees = self._sorted([r for r in roots if forest.children[r]], forest, outer)
            free = [r for r in roots if not forest.children[r]]
            if nation in SPECIAL_NATIONS and not trees and shared is not None:
                columns[shared][1].extend(free)  # below the bodies of the nation before
                continue
            row = self._row([self._tree(r, forest, outer) for r in trees])
            free_w = self._column_width(nation, free, forests)
            gap = _SIBLING_GAP if free and trees else 0.0
            trees_x = left + (free_w + gap if outer < 0 else 0.0)
            free_x = left + (free_w / 2 if outer < 0 else row.width + gap + free_w / 2)
            for node, (x, y) in row.at.items():
                placed[node] = (trees_x + x, y)
            if free:
                columns.append((free_x, free))
            shared = len(columns) - 1 if nation in SPECIAL_NATIONS and not trees else None
            left += row.width + gap + free_w + _NATION_GAP
        for x, free in columns:
            placed |= self._column(x, free, placed)
        return self._finish(placed)

    def _forest(self, nation: str) -> _Forest:
        members = [n for n in self.nodes.values() if n.nation == nation]
        local = {
            n.id: [p for p in self.partners[n.id] if self.nodes[p].nation == nation]
            for n in members
        }
        return _Forest(members, self.authority, local)

    def _column_width(self, nation: str, free: list[str], forests: Mapping[str, _Forest]) -> float:
        """The width of a nation's free column; a shared middle column is as wide as the
        widest body of every nation in it."""
        nodes = list(free)
        if nation in SPECIAL_NATIONS:
            after = self.nations[self.nations.index(nation) + 1 :]
            for other in after:
                if other not in SPECIAL_NATIONS or any(forests[other].children.values()):
                    break
                nodes += forests[other].roots()
        return max((self.sizes[n][0] for n in nodes), default=0.0)

    def _sorted(self, nodes: list[str], forest: _Forest, outer: int) -> list[str]:
        """Subtrees with fewer links abroad on the nation's outer side."""

        def pull(node: str) -> int:
            return self.abroad[node] + sum(pull(c) for c in forest.children[node])

        return sorted(nodes, key=pull, reverse=outer > 0)

    def _row(self, blocks: Sequence[_Block]) -> _Block:
        row = _Block()
        for block in blocks:
            row.put(block, row.width + (_SIBLING_GAP if row.at else 0.0), 0.0)
        return row

    def _tree(self, node: str, forest: _Forest, outer: int) -> _Block:
        """A commander over its subordinates' row, its staffs in a column beside it."""
        kids = forest.children[node]
        staffs = [c for c in kids if forest.kinds[c] == "staff" and not forest.children[c]]
        leaves = [c for c in kids if c not in staffs and not forest.children[c]]
        if len(leaves) < _STACK_MIN:
            leaves = []
        others = self._sorted(
            [c for c in kids if c not in staffs and c not in leaves], forest, outer
        )
        blocks = [self._tree(c, forest, outer) for c in others]
        if leaves:
            alone = not others
            indent = self.sizes[node][0] / 2 + 18 if alone else _STACK_INDENT
            stack = self._stack(node, leaves, indent=indent)
            blocks = [stack, *blocks] if outer < 0 else [*blocks, stack]
        row = self._row(blocks)
        w = self.sizes[node][0]
        alone = len(blocks) == 1 and bool(leaves)
        centre = w / 2 if alone else max(row.width / 2, w / 2)
        tree = _Block(at={node: (centre, (self.pitch - ROW_GAP) / 2)})
        tree.width, tree.height = max(w, row.width), self.pitch - ROW_GAP
        if row.at:
            tree.put(row, max(0.0, centre - row.width / 2) if not alone else 0.0, self.pitch)
        if not staffs:
            return tree
        column = self._stack(node, staffs, indent=0.0, side=("w" if outer < 0 else "e"))
        block = _Block()
        level = tree.at[node][1] - self.sizes[staffs[0]][1] / 2  # first staff beside it
        if outer < 0:
            block.put(column, 0.0, level)
            block.put(tree, column.width + _STAFF_GAP, 0.0)
        else:
            block.put(tree, 0.0, 0.0)
            block.put(column, tree.width + _STAFF_GAP, level)
        return block

    def _stack(
        self, parent: str, nodes: list[str], *, indent: float = _STACK_INDENT, side: str = "s"
    ) -> _Block:
        """Nodes in a column, left-aligned ``indent`` points in; links from ``parent``
        leave by its ``side`` and enter each node by its facing side."""
        stack = _Block()
        y = 0.0
        enter = {"s": "w", "w": "e", "e": "w"}[side]
        for node in nodes:
            w, h = self.sizes[node]
            stack.at[node] = (indent + w / 2, y + h / 2)
            stack.width = max(stack.width, indent + w)
            y += h + _STACK_GAP
            self.ports[(parent, node)] = (side, enter)
            self.ports[(node, parent)] = (enter, side)
        stack.height = y - _STACK_GAP
        return stack

    def _column(
        self, x: float, free: list[str], placed: Mapping[str, tuple[float, float]]
    ) -> dict[str, tuple[float, float]]:
        """Free nodes in a column at ``x``, each as near the mean height of its placed
        partners as the nodes above it allow."""
        wanted = {}
        for node in free:
            above = [placed[t][1] for t, h, _ in self.authority if h == node and t in placed]
            ys = [placed[p][1] for p in self.partners[node] if p in placed]
            if above:  # under its superior abroad, a row lower
                wanted[node] = max(above) + self.pitch
            else:
                wanted[node] = sum(ys) / len(ys) if ys else 0.0
        group = {nation: i for i, nation in enumerate(self.nations)}
        order = sorted(free, key=lambda n: (group[self.nodes[n].nation], wanted[n]))
        column: dict[str, tuple[float, float]] = {}
        bottom = -_STACK_GAP
        for index, node in enumerate(order):
            h = self.sizes[node][1]
            gap = _STACK_GAP
            if index and self.nodes[order[index - 1]].nation != self.nodes[node].nation:
                gap = _NATION_GAP  # room for both nations' frames
            y = max(wanted[node], bottom + gap + h / 2, h / 2)
            column[node] = (x, y)
            bottom = y + h / 2
        return column

    def _finish(self, placed: dict[str, tuple[float, float]]) -> SceneLayout:
        sizes = {n: self.sizes[n] for n in placed}
        width = max((x + sizes[n][0] / 2 for n, (x, _) in placed.items()), default=0.0)
        height = max((y + sizes[n][1] / 2 for n, (_, y) in placed.items()), default=0.0)
        ports = {pair: p for pair, p in self.ports.items() if set(pair) <= set(placed)}
        return SceneLayout(placed, sizes, ports, width, height)


def scene_layout(scene: Scene) -> SceneLayout:
    """Lay out the union of a scene's panels, so a node keeps its place from panel to panel.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render import build_scene
    >>> layout = scene_layout(build_scene(load_model("models/us-rok-cfc.yaml")))
    >>> layout.positions["kr-president"]
    (65.0, 21.0)
    """
    return _Builder(scene).layout()


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
