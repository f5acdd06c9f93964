"""The trees of one nation's chart: each node under its strongest in-nation superior.

A commander sits over its subordinates (one echelon per row, each row as tall as the
tallest box on it: :class:`Rows`); subordinates with none of their own are stacked in an
indented column when there are ``stack_min`` or more of them; staffs sit in a column
beside their commander. Each placement records the *bus* its link is drawn along
(:func:`c2graph.render.routes.bus_route`): ``row``, ``stack`` or the side of a staff
column. Among siblings, subtrees with more links abroad
sit nearer the middle of the chart.

Example
-------
>>> from c2graph.render.scene import SceneNode
>>> nodes = [SceneNode(i, i, None, "JP", "unit") for i in ("hq", "a", "b")]
>>> forest = Forest(nodes, [("hq", "a", "command"), ("hq", "b", "command")], {})
>>> forest.roots(), forest.children["hq"]
(['hq'], ['a', 'b'])

References
----------
J. Q. Walker II, "A node-positioning algorithm for general trees", Software: Practice and
Experience 20(7), 1990 (subtrees side by side under their parent); Joint Publication 1
(order of command authorities).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..vocabulary import AUTHORITY_ORDER
from .scene import SceneNode

__all__ = ["ROW_GAP", "WRAP_MIN", "Block", "Forest", "Rows", "TreeBuilder"]

#: Vertical gap (points) between a commander's row and its subordinates' row.
ROW_GAP = 34.0
SIBLING_GAP = 16.0
STACK_GAP = 9.0
STACK_INDENT = 24.0
STAFF_GAP = 18.0
#: The fewest subtrees under one commander that a wrapping layout folds into two rows.
WRAP_MIN = 5
#: The most leaves a wrapping layout stacks in one column.
STACK_SPLIT = 4


@dataclass(frozen=True)
class Rows:
    """The chart's rows, one per echelon from the top: each as tall as the tallest tree box
    at that depth (``heights``; rows past the last are as tall as the last), :data:`ROW_GAP`
    apart.

    >>> rows = Rows((56.0, 28.0))
    >>> rows.top(1), rows.centre(1), rows.top(3), rows.below(30.0)
    (90.0, 104.0, 214.0, 104.0)
    """

    heights: tuple[float, ...]

    def height(self, row: int) -> float:
        """The height of the boxes' band of ``row``."""
        return self.heights[min(row, len(self.heights) - 1)]

    def top(self, row: int) -> float:
        """The top of ``row``'s band (each summed once, then remembered)."""
        tops = self._tops
        while len(tops) <= row:
            tops.append(sum(self.height(k) + ROW_GAP for k in range(len(tops))))
        return tops[row]

    @cached_property
    def _tops(self) -> list[float]:
        """The tops of the rows summed so far."""
        return []

    def centre(self, row: int) -> float:
        """The middle of ``row``'s band, where its boxes are centred."""
        return self.top(row) + self.height(row) / 2

    def below(self, y: float) -> float:
        """The centre of the first row whose band starts below height ``y``."""
        row = 0
        while self.top(row) <= y:
            row += 1
        return self.centre(row)

    def count(self, height: float) -> int:
        """How many rows start above ``height`` (at least one)."""
        row = 1
        while self.top(row) < height:
            row += 1
        return row


@dataclass
class Block:
    """A laid-out group: its size and the centres of its nodes from its top-left corner."""

    width: float = 0.0
    height: float = 0.0
    at: dict[str, tuple[float, float]] = field(default_factory=dict)

    def put(self, other: Block, dx: float, dy: float) -> None:
        """Place ``other`` with its top-left corner at ``(dx, dy)``.

        >>> block = Block(); block.put(Block(10.0, 5.0, {"a": (5.0, 2.5)}), 3.0, 0.0)
        >>> block.width, block.at
        (13.0, {'a': (8.0, 2.5)})
        """
        for node, (x, y) in other.at.items():
            self.at[node] = (x + dx, y + dy)
        self.width = max(self.width, dx + other.width)
        self.height = max(self.height, dy + other.height)


class Forest:
    """The trees of one nation: each node under its strongest in-nation superior (a link
    closing a cycle is skipped); a staff with no superior sits beside its first partner."""

    def __init__(
        self,
        nodes: Sequence[SceneNode],
        authority: Sequence[tuple[str, str, str]],
        partners: Mapping[str, Sequence[str]],
    ) -> None:
        ids = {n.id for n in nodes}
        strength = {rel: i for i, rel in enumerate(AUTHORITY_ORDER)}
        best: dict[str, tuple[int, int, str]] = {}
        for order, (tail, head, relation) in enumerate(authority):
            if tail in ids and head in ids and tail != head:
                rank = (strength[relation], order, tail)
                best[head] = min(best.get(head, rank), rank)
        self.parent: dict[str, str] = {}
        for node in nodes:  # model order
            if node.id in best and not self._above(best[node.id][2], node.id):
                self.parent[node.id] = best[node.id][2]
        kinds = {n.id: n.kind for n in nodes}
        for node in nodes:
            if kinds[node.id] == "staff" and node.id not in self.parent:
                beside = [
                    p for p in partners.get(node.id, ()) if kinds.get(p) not in (None, "staff")
                ]
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
        """The nodes with no superior here, in model order."""
        return [n for n in self.children if n not in self.parent]


class TreeBuilder:
    """Lays out the trees of a forest as blocks; ``buses`` collects each tree link's bus.

    ``sizes`` gives every box, ``rows`` the chart's rows (:class:`Rows`), ``pull`` the
    links abroad of a node (to order siblings), ``outer`` the side of the chart the nation
    sits on (-1 left, 1 right), and ``wrap`` whether a row of :data:`WRAP_MIN` or more
    subtrees is folded into two rows and a stack of more than :data:`STACK_SPLIT` leaves
    split into two columns."""

    def __init__(
        self,
        forest: Forest,
        sizes: Mapping[str, tuple[float, float]],
        *,
        rows: Rows,
        pull: Callable[[str], int],
        outer: int,
        stack_min: int,
        wrap: bool = False,
    ) -> None:
        self.forest, self.sizes, self.rows = forest, sizes, rows
        self.pull, self.outer, self.stack_min, self.wrap = pull, outer, stack_min, wrap
        #: Each tree link's bus: ``(kind, a, b)``; ``a`` is a stack's or staff column's
        #: indent, or (``wrap``) the trunk's x and ``b`` the second bus's y from the
        #: commander's centre.
        self.buses: dict[tuple[str, str], tuple[str, float, float]] = {}

    def _weight(self, node: str) -> int:
        return self.pull(node) + sum(self._weight(c) for c in self.forest.children[node])

    def ordered(self, nodes: list[str]) -> list[str]:
        """Subtrees with fewer links abroad on the nation's outer side."""
        return sorted(nodes, key=self._weight, reverse=self.outer > 0)

    def row(self, blocks: Sequence[Block]) -> Block:
        """Blocks side by side, :data:`SIBLING_GAP` apart, tops aligned."""
        row = Block()
        for block in blocks:
            row.put(block, row.width + (SIBLING_GAP if row.at else 0.0), 0.0)
        return row

    def tree(self, node: str, depth: int = 0) -> Block:
        """A commander on row ``depth`` over its subordinates' row, its staffs in a column
        beside it (the block's top is the top of the commander's row)."""
        forest = self.forest
        kids = forest.children[node]
        staffs = [c for c in kids if forest.kinds[c] == "staff" and not forest.children[c]]
        leaves = [c for c in kids if c not in staffs and not forest.children[c]]
        if len(leaves) < self.stack_min:
            leaves = []
        others = self.ordered([c for c in kids if c not in staffs and c not in leaves])
        blocks = [self.tree(c, depth + 1) for c in others]
        w = self.sizes[node][0]
        if leaves:
            indent = w / 2 + STACK_INDENT / 2 if not others else STACK_INDENT
            half = (
                (len(leaves) + 1) // 2 if self.wrap and len(leaves) > STACK_SPLIT else len(leaves)
            )
            stacks = [self.stack(node, leaves[:half], indent=indent, kind="stack")]
            if half < len(leaves):  # a long stack in two columns, each with its trunk
                stacks.append(self.stack(node, leaves[half:], indent=STACK_INDENT, kind="stack"))
            blocks = [*stacks, *blocks] if self.outer < 0 else [*blocks, *stacks]
        row, second = self._rows(blocks)
        alone = not others and bool(leaves)
        centre = w / 2 if alone else max(row.width / 2, w / 2)
        band, step = self.rows.height(depth), self.rows.top(depth + 1) - self.rows.top(depth)
        tree = Block(at={node: (centre, band / 2)})
        tree.width, tree.height = max(w, row.width), band
        left = max(0.0, centre - row.width / 2) if not alone else 0.0
        if row.at:
            tree.put(row, left, step)
        for child in others:
            self.buses[(node, child)] = ("row", 0.0, 0.0)
        if second is not None:  # the second row's bus, relative to the commander
            trunk, top = second
            for child in others:
                if child in row.at and row.at[child][1] >= top:
                    dy = step + top - ROW_GAP / 2 - tree.at[node][1]
                    self.buses[(node, child)] = ("wrap", left + trunk - centre, dy)
        if not staffs:
            return tree
        return self._with_staffs(tree, node, staffs, band if row.at else None)

    def _rows(self, blocks: list[Block]) -> tuple[Block, tuple[float, float] | None]:
        """The subordinates' row, or (with ``wrap`` and :data:`WRAP_MIN` blocks or more)
        two rows, the second under the first and reached by a trunk down the first's outer
        side; then the trunk's x and the second row's top, or ``None``."""
        if not self.wrap or len(blocks) < WRAP_MIN:
            return self.row(blocks), None
        total = sum(b.width for b in blocks)
        cut, width = 1, blocks[0].width
        while cut < len(blocks) - 1 and width + blocks[cut].width <= total / 2 + 1:
            width += blocks[cut].width
            cut += 1
        first, rest = self.row(blocks[:cut]), self.row(blocks[cut:])
        top = first.height + ROW_GAP
        row = Block()
        room = SIBLING_GAP  # the trunk runs in this gap beside the first row
        if self.outer > 0:
            row.put(first, 0.0, 0.0)
            row.put(rest, 0.0, top)
            row.width = max(row.width, first.width + room)
            return row, (first.width + room / 2, top)
        row.put(first, room, 0.0)
        row.put(rest, room, top)
        return row, (room / 2, top)

    def _with_staffs(self, tree: Block, node: str, staffs: list[str], band: float | None) -> Block:
        """A commander's tree with its staffs in a column beside the commander, or beside
        the whole tree when the column reaches down to the subordinates' row (``band``:
        the height of the commander's row when it has subordinates below it)."""
        side = "w" if self.outer < 0 else "e"
        column = self.stack(node, staffs, indent=0.0, kind=side)
        block = Block()
        level = tree.at[node][1] - self.sizes[staffs[0]][1] / 2  # first staff beside it
        if band is None or level + column.height <= band + ROW_GAP / 2:
            return self._beside(tree, node, column, level)
        if self.outer < 0:
            block.put(column, 0.0, level)
            block.put(tree, column.width + STAFF_GAP, 0.0)
        else:
            block.put(tree, 0.0, 0.0)
            block.put(column, tree.width + STAFF_GAP, level)
        return block

    def _beside(self, tree: Block, node: str, column: Block, level: float) -> Block:
        """``tree`` with its commander's staff ``column`` right beside the commander (the
        column ends above the subordinates' bus, or there are none)."""
        x, _ = tree.at[node]
        w = self.sizes[node][0]
        if self.outer > 0:
            tree.put(column, x + w / 2 + STAFF_GAP, level)
            return tree
        left = x - w / 2 - STAFF_GAP - column.width
        block = Block()
        block.put(tree, max(0.0, -left), 0.0)
        block.put(column, max(0.0, left), level)
        return block

    def stack(self, parent: str, nodes: list[str], *, indent: float, kind: str) -> Block:
        """Nodes in a column, left-aligned ``indent`` points in, each on the bus ``kind``
        of ``parent`` (its trunk is placed when the chart is finished)."""
        stack = Block()
        y = 0.0
        for node in nodes:
            w, h = self.sizes[node]
            stack.at[node] = (indent + w / 2, y + h / 2)
            stack.width = max(stack.width, indent + w)
            y += h + STACK_GAP
            self.buses[(parent, node)] = (kind, indent, 0.0)
        stack.height = y - STACK_GAP
        return stack
