"""Link routes: every link drawn as horizontal and vertical runs that go around the boxes.

A commander's links to the subordinates the layout placed under it are drawn as an org
chart draws them (:func:`bus_route`): down from the commander to a bus in the gap above
its subordinates' row and down into each, or down a trunk beside a stacked column with a
short tick into each box, or sideways into the staffs beside it. Every other link is
routed on the orthogonal visibility grid of the boxes (:class:`Router`): the lines along
each box's sides (kept :data:`MARGIN` points away) and through its centre, with a
shortest path that pays for length, bends, crossings and running along another link.
So no link passes through a box it does not join, and both renderers draw the same
routes. Links between the same two nodes run side by side, a few points apart.

Positions are points with y growing downwards; a route's first point is on the tail's
outline and its last on the head's (:func:`~c2graph.render.outlines.hit`).

Example
-------
>>> boxes = {"a": NodeBox(0, 0, 40, 20, "box"), "b": NodeBox(200, 0, 40, 20, "box"),
...          "c": NodeBox(100, 0, 40, 60, "box")}
>>> route_links(boxes, [Request("a->b", "a", "b", "g")])["a->b"].points  # over c
((0.0, -10.0), (0.0, -38.0), (200.0, -38.0), (200.0, -10.0))

References
----------
M. Wybrow, K. Marriott and P. J. Stuckey, "Orthogonal connector routing", Graph Drawing
2009, LNCS 5849, pp. 219-231 (the orthogonal visibility graph; shortest paths that
trade length against bends; keeping connectors apart).
"""

from __future__ import annotations

import heapq
import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .outlines import ROUNDING, Point, hit

__all__ = [
    "CORNER",
    "LANE",
    "MARGIN",
    "NodeBox",
    "Request",
    "Route",
    "Router",
    "bus_route",
    "curve",
    "route_links",
    "straight_route",
]

#: Clearance (points) a routed link keeps from every box it does not join.
MARGIN = 8.0
#: Points between two links joining the same two nodes.
LANE = 4.0
#: Radius (points) of a route's rounded corners.
CORNER = 6.0
_BEND = 28.0  # a bend costs as much as this many points of length
_CROSS = 16.0  # crossing another link
_OVERLAP = 4.0  # extra cost per point run along another link
_PORT_TAKEN = 24.0  # leaving or entering where another link does
_OFFSET = 0.4  # per point a port is off the middle of its side
_CLEAR = 3.0  # clearance a bus keeps from the boxes it passes
_GREED = 1.5  # weight of the estimate (weighted A*: faster, within 1.5 times the cheapest)
#: The part of each side links may use, as a fraction of the side (from its middle):
#: (top and bottom, left and right).
_USABLE: dict[str, tuple[float, float]] = {
    "box": (0.85, 0.6),
    "house": (0.8, 0.4),
    "invtrapezium": (0.5, 0.3),
    "octagon": (0.4, 0.4),
    "hexagon": (0.45, 0.2),
    "parallelogram": (0.55, 0.3),
    "ellipse": (0.5, 0.4),
}
_T = TypeVar("_T")
_STEP = ((1, 0), (0, 1), (-1, 0), (0, -1))  # east, south, west, north
#: A way a search goes on from a point (:meth:`_Grid._move`).
_Move = tuple[int, float, bytes | bytearray, list[float], int, int, int, int]
_EXIT = {"e": 0, "s": 1, "w": 2, "n": 3}  # the direction leaving a box by each side


@dataclass(frozen=True)
class NodeBox:
    """A node's box: centre, width and height (points), its shape and whether rounded."""

    cx: float
    cy: float
    w: float
    h: float
    shape: str
    rounded: bool = False

    @property
    def rect(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)``."""
        return (
            self.cx - self.w / 2,
            self.cy - self.h / 2,
            self.cx + self.w / 2,
            self.cy + self.h / 2,
        )

    def usable(self, side: str) -> tuple[float, float]:
        """The stretch of ``side`` (x for ``n``/``s``, y for ``e``/``w``) links may use."""
        ns, ew = _USABLE[self.shape]
        if side in "ns":
            half = self.w / 2 * ns
            if self.rounded:
                half = min(half, max(0.0, self.w / 2 - min(ROUNDING, self.h / 4) - 2))
            return (self.cx - half, self.cx + half)
        half = self.h / 2 * ew
        return (self.cy - half, self.cy + half)

    def port(self, side: str, along: float) -> Point:
        """The point of the outline a link reaches coming straight in from ``side``."""
        return hit(self.shape, (self.cx, self.cy, self.w, self.h), side, along)


@dataclass(frozen=True)
class Request:
    """A link to route: its key, ends, the group whose links may share runs, and the sides
    of the tail and the head it may use (the first is preferred)."""

    key: str
    tail: str
    head: str
    group: str
    tail_sides: str = "nesw"
    head_sides: str = "nesw"


@dataclass(frozen=True)
class Route:
    """A drawn link: the corner points of its path, from the tail's outline to the head's."""

    points: tuple[Point, ...]

    def label_point(self) -> Point:
        """Where a mark on the link goes: the middle of its longest run.

        >>> Route(((0, 0), (0, 10), (40, 10))).label_point()
        (20.0, 10.0)
        """
        pairs = list(zip(self.points, self.points[1:], strict=False))
        (x1, y1), (x2, y2) = max(
            pairs, key=lambda p: abs(p[1][0] - p[0][0]) + abs(p[1][1] - p[0][1])
        )
        return ((x1 + x2) / 2, (y1 + y2) / 2)

    def reversed(self) -> Route:
        """The same path walked from the head to the tail."""
        return Route(self.points[::-1])


def _simplified(points: Iterable[Point]) -> tuple[Point, ...]:
    """The corners of a path: repeated points and points in the middle of a run dropped."""
    kept: list[Point] = []
    for point in points:
        point = (round(float(point[0]), 2), round(float(point[1]), 2))
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)


def straight_route(tail: NodeBox, head: NodeBox) -> Route:
    """A straight line from box to box, clipped to the two boxes (for charts too big to
    route).

    >>> straight_route(NodeBox(0, 0, 20, 20, "box"), NodeBox(100, 0, 20, 20, "box")).points
    ((10.0, 0.0), (90.0, 0.0))
    """

    def clip(box: NodeBox, towards: NodeBox) -> Point:
        dx, dy = towards.cx - box.cx, towards.cy - box.cy
        scale = min(
            (box.w / 2) / abs(dx) if dx else float("inf"),
            (box.h / 2) / abs(dy) if dy else float("inf"),
        )
        scale = min(scale, 1.0)
        return (round(box.cx + dx * scale, 2), round(box.cy + dy * scale, 2))

    return Route((clip(tail, head), clip(head, tail)))


def bus_route(
    parent: NodeBox, child: NodeBox, kind: str, x: float, y: float, y2: float = 0.0
) -> Route:
    """The org-chart route of a commander to a subordinate the layout placed for it.

    ``kind`` is ``row`` (the subordinate in the row below: down to the bus at height
    ``y``, across, down into it), ``stack`` (in a stacked column: down the trunk at ``x``,
    reached along the bus at ``y`` when ``x`` is not under the commander, then into the
    box's side), ``e``/``w`` (a staff column on that side: out to the trunk at ``x``,
    down, and in) or ``wrap`` (in a second row: along the first bus at ``y`` to the trunk
    at ``x`` beside the first row, down to the second row's bus at ``y2``, across, down).

    >>> parent, child = NodeBox(0, 0, 40, 20, "box"), NodeBox(60, 60, 40, 20, "box")
    >>> bus_route(parent, child, "row", 0, 30).points
    ((0.0, 10.0), (0.0, 30.0), (60.0, 30.0), (60.0, 50.0))
    """
    if kind in ("row", "wrap"):
        top = child.port("n", child.cx)
        points = [parent.port("s", parent.cx), (parent.cx, y)]
        if kind == "wrap":
            points += [(x, y), (x, y2), (child.cx, y2)]
        points += [(child.cx, y2 if kind == "wrap" else y), top]
    elif kind == "stack":
        side = "w" if x < child.cx else "e"
        lo, hi = parent.usable("s")
        if lo <= x <= hi:
            points = [parent.port("s", x)]
        else:
            points = [parent.port("s", parent.cx), (parent.cx, y), (x, y)]
        points += [(x, child.cy), child.port(side, child.cy)]
    else:
        enter = "w" if kind == "e" else "e"
        start = parent.port(kind, parent.cy)
        points = [start, (x, parent.cy), (x, child.cy), child.port(enter, child.cy)]
    return Route(_simplified(points))


class _Grid:
    """The orthogonal visibility grid: the lines along every inflated box side, through
    every box centre and along the buses; for each point its free neighbours."""

    def __init__(
        self,
        rects: Sequence[tuple[float, float, float, float]],
        xs: Iterable[float],
        ys: Iterable[float],
    ) -> None:
        self.xs = sorted({round(x, 2) for x in xs})
        self.ys = sorted({round(y, 2) for y in ys})
        self.x_at = {x: i for i, x in enumerate(self.xs)}
        self.y_at = {y: j for j, y in enumerate(self.ys)}
        nx, ny = len(self.xs), len(self.ys)
        self.nx = nx
        size = nx * ny
        self.free = bytearray(b"\x01") * size
        free_h = bytearray(b"\x01") * size  # the run from a point to the next east
        free_v = bytearray(b"\x01") * size  # the run from a point to the next south
        for rect in rects:
            self._block(free_h, free_v, *(round(v, 2) for v in rect))
        #: The column and the row of each point.
        self.col = list(range(nx)) * ny
        self.row = _repeated(range(ny), nx)
        self.px = self.xs * ny
        self.py = _repeated(self.ys, nx)
        east_ok = _both(free_h, self.free[1:] + b"\x00")
        if nx:
            east_ok[nx - 1 :: nx] = bytes(ny)  # the last column has nothing east
        south_ok = _both(free_v, self.free[nx:] + bytes(nx))
        west_ok = b"\x00" + _both(east_ok, self.free)[:-1]
        north_ok = bytes(nx) + _both(south_ok, self.free)[:-nx]
        #: In each direction (east, south, west, north): a byte per point, 1 where the
        #: next point that way is free and the run to it too, and what to add to a
        #: point's index to reach that point.
        self.open = (east_ok, south_ok, west_ok, north_ok)
        self.delta = (1, nx, -1, -nx)
        #: The length of the run to the next point in each direction (where it is open).
        xs, ys = self.xs, self.ys
        gaps_x = ([xs[i + 1] - xs[i] for i in range(nx - 1)] + [0.0])[:nx]
        gaps_y = ([ys[j + 1] - ys[j] for j in range(ny - 1)] + [0.0])[:ny]
        col_s = _repeated(gaps_y, nx)
        self.step = (gaps_x * ny, col_s, [0.0, *gaps_x][:nx] * ny, [0.0] * nx + col_s[:-nx])
        #: From each heading, each way a search may go on (:data:`_TURNS`), by :meth:`_move`.
        self.moves = tuple(tuple(self._move(*turn) for turn in by_d) for by_d in _TURNS)

    def _move(self, heading: int, bend: float, axis: int, forward: bool) -> _Move:
        """A way on: the heading, the bend's cost, that direction's open bytes and run
        lengths, the step to the next point's index, and what to add to twice a point's
        index for the key of the run taken and of the run crossed at the next point, and
        to four times it for the next state."""
        delta = self.delta[heading]
        run = axis if forward else 2 * delta + axis
        return (heading, bend, self.open[heading], self.step[heading], delta, run,
                2 * delta + 1 - axis, 4 * delta + heading)  # fmt: skip

    def _block(
        self, free_h: bytearray, free_v: bytearray, x0: float, y0: float, x1: float, y1: float
    ) -> None:
        xs, ys, nx = self.xs, self.ys, self.nx
        ia, ib = bisect_right(xs, x0), bisect_left(xs, x1)  # strictly inside
        ja, jb = bisect_right(ys, y0), bisect_left(ys, y1)
        ha, hb = bisect_left(xs, x0), bisect_left(xs, x1)  # runs with their middle inside
        va, vb = bisect_left(ys, y0), bisect_left(ys, y1)
        for j in range(ja, jb):
            row = j * nx
            self.free[row + ia : row + ib] = bytes(max(0, ib - ia))
            free_h[row + ha : row + hb] = bytes(max(0, hb - ha))
        for j in range(va, vb):
            free_v[j * nx + ia : j * nx + ib] = bytes(max(0, ib - ia))

    def index(self, point: Point) -> int | None:
        """The grid index of a point on the grid, or ``None``."""
        i = self.x_at.get(round(point[0], 2))
        j = self.y_at.get(round(point[1], 2))
        return None if i is None or j is None else j * self.nx + i

    def point(self, index: int) -> Point:
        return (self.px[index], self.py[index])

    def run_keys(self, a: Point, b: Point) -> range:
        """The keys ``index * 2 + axis`` (axis 0 east-west, 1 north-south) of the unit runs
        of the straight run from ``a`` to ``b``; empty when it is not on the grid.

        >>> grid = _Grid([], [0.0, 10.0, 20.0], [0.0, 10.0])
        >>> list(grid.run_keys((20.0, 10.0), (0.0, 10.0))), list(grid.run_keys((0, 0), (0, 10)))
        ([6, 8], [1])
        """
        ia, ib = self.index(a), self.index(b)
        if ia is None or ib is None or ia == ib:
            return range(0)
        lo, hi = min(ia, ib), max(ia, ib)
        if a[1] == b[1]:
            return range(lo * 2, hi * 2, 2)
        return range(lo * 2 + 1, hi * 2 + 1, self.nx * 2)


class _Taken:
    """Which groups use each key (``index * 2 + axis`` of a unit run or a point): a byte
    per key, 1 where any group does, and for each group the keys it alone uses."""

    def __init__(self, size: int) -> None:
        self.users: dict[int, set[str]] = {}
        self.any = bytearray(size)
        self.alone: dict[str, set[int]] = {}

    def add(self, keys: Iterable[int], group: str) -> None:
        """Record that ``group`` uses ``keys``."""
        users_of, alone = self.users, self.alone
        for key in keys:
            users = users_of.get(key)
            if users is None:
                users_of[key] = {group}
                self.any[key] = 1
                alone.setdefault(group, set()).add(key)
            elif group not in users:
                if len(users) == 1:
                    alone[next(iter(users))].discard(key)
                users.add(group)

    def others(self, group: str) -> bytearray:
        """A byte per key, 1 where a group other than ``group`` uses it.

        >>> taken = _Taken(4)
        >>> taken.add([1, 3], "a"); taken.add([2, 3], "b")
        >>> list(taken.others("a"))
        [0, 0, 1, 1]
        """
        found = self.any.copy()
        for key in self.alone.get(group, ()):
            found[key] = 0
        return found


class _Usage:
    """The unit runs links run along and the points they pass (:class:`_Taken`, for a
    grid of ``points``), and which port points each group takes."""

    def __init__(self, points: int) -> None:
        self.runs = _Taken(points * 2)
        self.passes = _Taken(points * 2)
        self.ports: dict[Point, set[str]] = {}

    def port(self, point: Point, group: str) -> float:
        users = self.ports.get(point)
        return _PORT_TAKEN if users and users - {group} else 0.0


class Router:
    """Routes links around the boxes one after the other; each route makes the runs it
    takes dearer for the links routed after it.

    Parameters
    ----------
    boxes
        Every node's box, by node id.
    obstacles
        Other rectangles ``(left, top, right, bottom)`` links keep clear of (captions,
        the legend).
    lines
        Extra grid lines ``(xs, ys)``, e.g. the buses of the org chart.
    """

    def __init__(
        self,
        boxes: Mapping[str, NodeBox],
        *,
        obstacles: Sequence[tuple[float, float, float, float]] = (),
        lines: tuple[Iterable[float], Iterable[float]] = ((), ()),
    ) -> None:
        self.boxes = boxes
        rects = [_inflated(b.rect, MARGIN) for b in boxes.values()]
        rects += [_inflated(o, MARGIN) for o in obstacles]
        xs, ys = list(lines[0]), list(lines[1])
        for box in boxes.values():
            xs.append(box.cx)
            ys.append(box.cy)
        for x0, y0, x1, y1 in rects:
            xs += [x0, x1]
            ys += [y0, y1]
        if rects:
            xs += [min(r[0] for r in rects) - MARGIN, max(r[2] for r in rects) + MARGIN]
            ys += [min(r[1] for r in rects) - MARGIN, max(r[3] for r in rects) + MARGIN]
        self.grid = _Grid(rects, xs, ys)
        self.usage = _Usage(len(self.grid.px))

    def claim(self, route: Route, group: str) -> None:
        """Record a route drawn by other means (a bus), so later links keep off it."""
        points = route.points
        for a, b in itertools.pairwise(points):
            keys = self.grid.run_keys(a, b)
            if keys:  # the points passed: each run's start, and the last one's end
                self.usage.runs.add(keys, group)
                self.usage.passes.add([*keys, keys[-1] + keys.step], group)
        if len(points) >= 2:
            for point in (points[1], points[-2]):
                self.usage.ports.setdefault(point, set()).add(group)

    def route(self, request: Request) -> Route | None:
        """The cheapest route of ``request`` (and claim it), or ``None`` when there is none."""
        tail, head = self.boxes[request.tail], self.boxes[request.head]
        starts = self._ports(tail, request.tail_sides, request.group, leaving=True)
        ends = self._ports(head, request.head_sides, request.group, leaving=False)
        found = self._search(starts, ends, head, request.group)
        if found is None:
            return None
        route = Route(_simplified(found))
        self.claim(route, request.group)
        return route

    def _ports(
        self, box: NodeBox, sides: str, group: str, *, leaving: bool
    ) -> dict[int, tuple[float, Point]]:
        """Search states at the end of each port's stub: state -> (cost, outline point)."""
        states: dict[int, tuple[float, Point]] = {}
        grid = self.grid
        x0, y0, x1, y1 = _inflated(box.rect, MARGIN)
        for rank, side in enumerate(sides):
            lo, hi = box.usable(side)
            across = side in "ns"
            axis = grid.xs if across else grid.ys
            middle = box.cx if across else box.cy
            edge = (y0 if side == "n" else y1) if across else (x0 if side == "w" else x1)
            line = (grid.y_at if across else grid.x_at).get(round(edge, 2))
            if line is None:  # the stubs' line is not on the grid
                continue
            first = bisect_left(axis, lo - 0.01)
            for k, along in enumerate(axis[first : bisect_right(axis, hi + 0.01)], first):
                index = line * grid.nx + k if across else k * grid.nx + line
                if not grid.free[index]:
                    continue
                stub = (along, edge) if across else (edge, along)
                outline = box.port(side, along)
                cost = abs(stub[0] - outline[0]) + abs(stub[1] - outline[1])
                cost += _OFFSET * abs(along - middle) + (_BEND * 2 if rank else 0.0)
                cost += self.usage.port(stub, group)
                direction = _EXIT[side] if leaving else (_EXIT[side] + 2) % 4
                state = index * 4 + direction
                if state not in states or cost < states[state][0]:
                    states[state] = (cost, outline)
        return states

    def _search(
        self,
        starts: Mapping[int, tuple[float, Point]],
        ends: Mapping[int, tuple[float, Point]],
        head: NodeBox,
        group: str,
    ) -> list[Point] | None:
        """A* over (point, direction) states from the start stubs to an end stub; the
        estimate (:func:`_estimates`) is the length and the fewest bends left to reach the
        head's margin, times :data:`_GREED`; ties go to the state nearer the head."""
        grid = self.grid
        shared = self.usage.runs.others(group)
        crossed = self.usage.passes.others(group)
        far_x, far_y, need_y, bends = _estimates(_inflated(head.rect, MARGIN), grid)
        col, row = grid.col, grid.row
        moves = grid.moves
        finish = {state: cost for state, (cost, _) in ends.items()}
        best = [math.inf] * (len(grid.px) * 4)
        back: dict[int, int] = {}
        heap: list[tuple[float, float, float, int]] = []
        for state, (cost, _) in starts.items():
            best[state] = cost
            heapq.heappush(heap, (cost, 0.0, cost, state))
        done, done_cost = -1, math.inf
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            f, _, g, state = pop(heap)
            if f >= done_cost:
                break
            if g > best[state]:
                continue
            if state in finish and g + finish[state] < done_cost:
                done, done_cost = state, g + finish[state]
            index = state >> 2
            keys, states = index * 2, state & -4
            for heading, bend, free, step, delta, run, cross, ahead in moves[state & 3]:
                if not free[index]:
                    continue
                length = step[index]
                cost = g + bend + length
                if shared[keys + run]:
                    cost += _OVERLAP * length
                if crossed[keys + cross]:
                    cost += _CROSS
                nstate = states + ahead
                if cost < best[nstate]:
                    best[nstate] = cost
                    back[nstate] = state
                    nxt = index + delta
                    i, j = col[nxt], row[nxt]
                    h = (far_x[i] + far_y[j] + bends[i][need_y[j]][heading]) * _GREED
                    push(heap, (cost + h, h, cost, nstate))
        return None if done < 0 else self._path(starts, ends, back, done)

    def _path(
        self,
        starts: Mapping[int, tuple[float, Point]],
        ends: Mapping[int, tuple[float, Point]],
        back: Mapping[int, int],
        done: int,
    ) -> list[Point]:
        """The points of the search's path to state ``done``, from outline to outline."""
        grid = self.grid
        path = [grid.point(done >> 2)]
        state = done
        while state in back:
            state = back[state]
            path.append(grid.point(state >> 2))
        path.reverse()
        return [starts[state][1], *path, ends[done][1]]


#: The headings a search may take from each heading (straight on, right and left; no
#: turning back), each with what turning costs, its axis (0 east-west, 1 north-south) and
#: whether it goes east or south (so the unit run starts at the point it leaves).
_TURNS = tuple(
    tuple(
        (h, bend, h & 1, h < 2)
        for h, bend in ((d, 0.0), ((d + 1) & 3, _BEND), ((d + 3) & 3, _BEND))
    )
    for d in range(4)
)


def _bends(need_x: int, need_y: int, heading: int) -> int:
    """The fewest bends of a path heading ``heading`` that must still move the way
    ``need_x`` and ``need_y`` say (-1 west or north, 1 east or south, 0 not at all)."""
    step_x, step_y = _STEP[heading]
    if not need_x and not need_y:
        return 0
    if not need_x or not need_y:
        along = step_x if need_x else step_y
        wanted = need_x or need_y
        return 0 if along == wanted else (2 if along == -wanted else 1)
    return 1 if step_x == need_x or step_y == need_y else 2


#: :func:`_bends` for every case, indexed ``[need_x + 1][need_y + 1][heading]``.
_BENDS = tuple(
    tuple(tuple(_bends(nx, ny, h) for h in range(4)) for ny in (-1, 0, 1)) for nx in (-1, 0, 1)
)
#: What those bends cost.
_BEND_COSTS = tuple(tuple(tuple(b * _BEND for b in by_h) for by_h in by_y) for by_y in _BENDS)


def _estimates(
    rect: tuple[float, float, float, float], grid: _Grid
) -> tuple[list[float], list[float], list[int], list[tuple[tuple[float, ...], ...]]]:
    """The tables of the least cost left from a grid point heading one way to a rectangle
    (the distance to it plus :data:`_BEND` for each bend no path can avoid): for each
    column and each row the distance to it, for each row which way a point must still go
    (0 north, 1 not, 2 south) and for each column what the bends cost, by that and by the
    heading.

    >>> grid = _Grid([], [0.0, 10.0, 50.0], [0.0, 10.0])
    >>> far_x, far_y, need_y, bends = _estimates((20.0, 0.0, 40.0, 10.0), grid)
    >>> far_x, far_y, need_y, bends[0][need_y[0]]
    ([20.0, 10.0, 10.0], [0.0, 0.0], [1, 1], (0.0, 28.0, 56.0, 28.0))
    """
    x0, y0, x1, y1 = rect
    far_x = [max(0.0, x0 - x, x - x1) for x in grid.xs]
    far_y = [max(0.0, y0 - y, y - y1) for y in grid.ys]
    need_x = [2 if x < x0 else (0 if x > x1 else 1) for x in grid.xs]
    need_y = [2 if y < y0 else (0 if y > y1 else 1) for y in grid.ys]
    return far_x, far_y, need_y, [_BEND_COSTS[need] for need in need_x]


def _both(a: bytes | bytearray, b: bytes | bytearray) -> bytearray:
    """The bytes that are 1 in both ``a`` and ``b`` (of the same length, every byte 0 or 1).

    >>> _both(b"\\x01\\x01\\x00", b"\\x01\\x00\\x01")
    bytearray(b'\\x01\\x00\\x00')
    """
    both = int.from_bytes(a, "little") & int.from_bytes(b, "little")
    return bytearray(both.to_bytes(len(a), "little"))


def _repeated(values: Iterable[_T], times: int) -> list[_T]:
    """Each of ``values`` ``times`` times over, in order.

    >>> _repeated([1.0, 2.0], 3)
    [1.0, 1.0, 1.0, 2.0, 2.0, 2.0]
    """
    return list(itertools.chain.from_iterable(itertools.repeat(v, times) for v in values))


def _inflated(
    rect: tuple[float, float, float, float], margin: float
) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = rect
    return (x0 - margin, y0 - margin, x1 + margin, y1 + margin)


def _blocked(route: Route, rooms: Iterable[tuple[float, float, float, float]]) -> bool:
    """True when a run of ``route`` passes through one of ``rooms`` (boxes with a little
    room around them, :data:`_CLEAR`)."""
    for (ax, ay), (bx, by) in zip(route.points, route.points[1:], strict=False):
        lo_x, hi_x, lo_y, hi_y = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        for x0, y0, x1, y1 in rooms:
            if hi_x > x0 and lo_x < x1 and hi_y > y0 and lo_y < y1:
                return True
    return False


def _lanes(route: Route, count: int) -> list[Route]:
    """``count`` copies of an orthogonal route side by side, :data:`LANE` points apart (or
    closer, so that the outer ones stay half the margin clear of the boxes)."""
    routes = []
    points = route.points
    spacing = min(LANE, MARGIN / max(1, count - 1))
    for lane in range(count):
        shift = (lane - (count - 1) / 2) * spacing
        moved: list[Point] = []
        for k, (x, y) in enumerate(points):
            before = points[k - 1] if k else None
            after = points[k + 1] if k + 1 < len(points) else None
            dx = dy = 0.0
            for a, b in ((before, (x, y)), ((x, y), after)):
                if a is None or b is None:
                    continue
                if a[1] == b[1]:  # an east-west run moves north-south
                    dy = shift if b[0] > a[0] else -shift
                else:
                    dx = -shift if b[1] > a[1] else shift
            moved.append((x + dx, y + dy))
        routes.append(Route(_simplified(moved)))
    return routes


def route_links(
    boxes: Mapping[str, NodeBox],
    requests: Sequence[Request],
    *,
    buses: Mapping[tuple[str, str], tuple[str, float, float, float]] | None = None,
    obstacles: Sequence[tuple[float, float, float, float]] = (),
) -> dict[str, Route]:
    """Route every requested link; return each link's route by key.

    ``buses`` maps ``(parent, child)`` to the bus kind and trunk position ``(x, y, y2)`` of
    the org chart (:func:`bus_route`); those links are drawn so when no other box is in the
    way.
    Links between the same two nodes are routed once and drawn side by side. A link that
    no path can take (its box walled in) is drawn straight.
    """
    buses = buses or {}
    lines = (
        [x for k, x, _, _ in buses.values() if k != "row"],
        [y for k, _, y, _ in buses.values() if k in ("row", "stack", "wrap")]
        + [y2 for k, _, _, y2 in buses.values() if k == "wrap"],
    )
    router = Router(boxes, obstacles=obstacles, lines=lines)
    routes: dict[str, Route] = {}
    pairs: dict[frozenset[str], list[Request]] = {}
    for request in requests:
        pairs.setdefault(frozenset((request.tail, request.head)), []).append(request)
    pending: list[list[Request]] = []
    rooms = {n: _inflated(b.rect, _CLEAR) for n, b in boxes.items()}
    for group in pairs.values():
        first = group[0]
        bus = buses.get((first.tail, first.head))
        if bus is not None and len(group) == 1:
            route = bus_route(boxes[first.tail], boxes[first.head], *bus)
            others = [r for n, r in rooms.items() if n not in (first.tail, first.head)]
            if not _blocked(route, others):
                routes[first.key] = route
                router.claim(route, first.group)
                continue
        pending.append(group)
    pending.sort(key=lambda g: _distance(boxes[g[0].tail], boxes[g[0].head]))
    for group in pending:
        routes |= _route_pair(router, group)
    return routes


def _distance(a: NodeBox, b: NodeBox) -> float:
    return abs(a.cx - b.cx) + abs(a.cy - b.cy)


def _route_pair(router: Router, group: Sequence[Request]) -> dict[str, Route]:
    """Route the links between one pair of nodes: once, then side by side."""
    first = group[0]
    route = router.route(first)
    if route is None:
        route = router.route(Request(first.key, first.tail, first.head, first.group))
    if route is None:
        route = straight_route(router.boxes[first.tail], router.boxes[first.head])
    if len(group) == 1:
        return {first.key: route}
    lanes = _lanes(route, len(group))
    return {
        request.key: lane if request.tail == first.tail else lane.reversed()
        for request, lane in zip(group, lanes, strict=True)
    }


def _towards(a: Point, b: Point, distance: float) -> Point:
    """The point ``distance`` points from ``a`` towards ``b``."""
    length = math.dist(a, b) or 1.0
    t = distance / length
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def curve(points: Sequence[Point], *, start_cut: float = 0.0, end_cut: float = 0.0) -> list[Point]:
    """The cubic Bézier control points (3n + 1 of them) of a route drawn with rounded
    corners, its ends pulled back by ``start_cut`` and ``end_cut`` points (the room its
    arrowheads take).

    >>> curve([(0, 0), (30, 0)], end_cut=6)
    [(0.0, 0.0), (8.0, 0.0), (16.0, 0.0), (24.0, 0.0)]
    >>> len(curve([(0, 0), (30, 0), (30, 30)]))
    10
    """
    pts = list(points)
    if start_cut:
        pts[0] = _towards(pts[0], pts[1], start_cut)
    if end_cut:
        pts[-1] = _towards(pts[-1], pts[-2], end_cut)
    out: list[Point] = [pts[0]]

    def line_to(target: Point) -> None:
        start = out[-1]
        out.extend([_towards(start, target, math.dist(start, target) * k / 3) for k in (1, 2)])
        out.append(target)

    for before, corner, after in zip(pts, pts[1:], pts[2:], strict=False):
        radius = min(CORNER, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
        enter, leave = _towards(corner, before, radius), _towards(corner, after, radius)
        line_to(enter)
        out.extend([_towards(enter, corner, radius * 0.55), _towards(leave, corner, radius * 0.55)])
        out.append(leave)
    line_to(pts[-1])
    return [(round(float(x), 2), round(float(y), 2)) for x, y in out]
