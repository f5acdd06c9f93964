"""Links kept apart: runs of different links on one line moved side by side.

The router makes a run another link takes dearer (:mod:`c2graph.render.routes`), but
where the free space leaves one line for several links (a gap between two boxes, the bus
of a commander) they may still share it, and in the picture one hides the other. Links of
one *kind* may share a run (a commander's bus for one relation); :func:`nudged` finds
every stretch where runs of links of different kinds lie on the same line and overlap,
and moves each kind's runs sideways, :data:`~c2graph.render.routes.LANE` points apart and
at most half the router's margin from the line, so they stay clear of the boxes. A run
that ends on a box moves its end along the box's side, as far as links may use it.

Example
-------
>>> from c2graph.render.routes import NodeBox, Route
>>> boxes = {"a": NodeBox(0, 0, 40, 20, "box"), "b": NodeBox(0, 100, 40, 20, "box")}
>>> routes = {"x": Route(((0, 10), (0, 90))), "y": Route(((0, 10), (0, 90)))}
>>> ends = {"x": ("a", "b"), "y": ("a", "b")}
>>> shared_runs(routes, {"x": "command", "y": "liaison"})
[('x', 'y')]
>>> [r.points for r in nudged(routes, {"x": "command", "y": "liaison"}, boxes, ends).values()]
[((-2.0, 10.0), (-2.0, 90.0)), ((2.0, 10.0), (2.0, 90.0))]

References
----------
M. Wybrow, K. Marriott and P. J. Stuckey, "Orthogonal connector routing", Graph Drawing
2009, LNCS 5849, pp. 219-231 (section 5: nudging shared path segments apart).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from .outlines import Point
from .routes import LANE, MARGIN, NodeBox, Route

__all__ = ["nudged", "shared_runs"]

_TOUCH = 1.0  # runs overlapping by less than this many points only touch
_PASSES = 3
#: The least distance (points) between a moved run and another kind's run beside it.
_APART = 2.0
_STEPS = round(_APART * 10) - 1  # lines are at tenths of a point (the layout rounds so)
#: The moves (points) a run may make, at most the router's margin either way.
_CHOICES = tuple(float(k) for k in range(-int(MARGIN), int(MARGIN) + 1))
#: A run: its start and end along its line, its link's key and its index in the route.
_Run = tuple[float, float, str, int]


def _lines(routes: Mapping[str, Route]) -> dict[tuple[int, float], list[_Run]]:
    """Every horizontal (axis 0) and vertical (axis 1) run, by its line."""
    lines: dict[tuple[int, float], list[_Run]] = {}
    for key, route in routes.items():
        for i, ((ax, ay), (bx, by)) in enumerate(itertools.pairwise(route.points)):
            if ay == by and ax != bx:
                lines.setdefault((0, round(ay, 2)), []).append((min(ax, bx), max(ax, bx), key, i))
            elif ax == bx and ay != by:
                lines.setdefault((1, round(ax, 2)), []).append((min(ay, by), max(ay, by), key, i))
    return lines


def _clusters(runs: list[_Run], kinds: Mapping[str, str]) -> list[list[_Run]]:
    """The groups of runs on one line that overlap one another, of two kinds or more."""
    clusters: list[list[_Run]] = []
    reach = float("-inf")
    for run in sorted(runs):
        if clusters and run[0] < reach - _TOUCH:
            clusters[-1].append(run)
            reach = max(reach, run[1])
        else:
            clusters.append([run])
            reach = run[1]
    return [c for c in clusters if len({kinds[r[2]] for r in c}) > 1]


def shared_runs(routes: Mapping[str, Route], kinds: Mapping[str, str]) -> list[tuple[str, str]]:
    """The pairs of links (keys, in order) of different kinds with runs on one line that
    overlap by a point or more: where one would hide the other.

    >>> from c2graph.render.routes import Route
    >>> shared_runs({"x": Route(((0, 0), (50, 0))), "y": Route(((40, 0), (90, 0)))},
    ...             {"x": "a", "y": "b"})
    [('x', 'y')]
    """
    pairs: set[tuple[str, str]] = set()
    for runs in _lines(routes).values():
        for a, b in itertools.combinations(runs, 2):
            if kinds[a[2]] != kinds[b[2]] and min(a[1], b[1]) - max(a[0], b[0]) >= _TOUCH:
                pairs.add((min(a[2], b[2]), max(a[2], b[2])))
    return sorted(pairs)


def _side(end: Point, inner: Point) -> str:
    """The side of a box a route leaves from ``end`` towards ``inner``."""
    if end[0] == inner[0]:
        return "s" if inner[1] > end[1] else "n"
    return "e" if inner[0] > end[0] else "w"


def _ends(route: Route, index: int) -> list[tuple[int, int]]:
    """The ends of run ``index`` that lie on a box: ``(point, box)`` indices, the box 0 for
    the tail's and 1 for the head's."""
    last = len(route.points) - 1
    return [(j, box) for j, box in ((0, 0), (last, 1)) if j in (index, index + 1)]


def _movable(route: Route, index: int, shift: float, ends: tuple[NodeBox, NodeBox]) -> bool:
    """True when run ``index`` of ``route`` may move by ``shift``: an end on a box stays
    within the part of the side links may use."""
    for j, box in _ends(route, index):
        end, inner = route.points[j], route.points[1 if j == 0 else -2]
        side = _side(end, inner)
        lo, hi = ends[box].usable(side)
        along = (end[0] if side in "ns" else end[1]) + shift
        if not lo - 0.01 <= along <= hi + 0.01:
            return False
    return True


def _moved(route: Route, shifts: Mapping[int, float], ends: tuple[NodeBox, NodeBox]) -> Route:
    """``route`` with each run ``i`` of ``shifts`` moved sideways by ``shifts[i]``, its
    ends back on the outlines."""
    points = [list(p) for p in route.points]
    for index, shift in shifts.items():
        (ax, _), (bx, _) = route.points[index], route.points[index + 1]
        axis = 0 if ax == bx else 1  # a vertical run moves in x
        for j in (index, index + 1):
            points[j][axis] = route.points[j][axis] + shift
    for index in shifts:
        for j, box in _ends(route, index):
            side = _side(route.points[j], route.points[1 if j == 0 else -2])
            points[j] = list(ends[box].port(side, points[j][0 if side in "ns" else 1]))
    return Route(tuple((round(x, 2), round(y, 2)) for x, y in points))


def _lean(route: Route, index: int) -> float:
    """Where the runs before and after run ``index`` go, across its line: -1 when both
    go towards smaller coordinates (left of a vertical run, above a horizontal one), 1
    when both go the other way."""
    points = route.points
    (ax, ay), (bx, _) = points[index], points[index + 1]
    axis, at = (0, ax) if ax == bx else (1, ay)
    far = [points[j][axis] - at for j in (index - 1, index + 2) if 0 <= j < len(points)]
    return sum((f > 0) - (f < 0) for f in far) / 2


def _free(lines: Mapping[tuple[int, float], list[_Run]], line: tuple[int, float], run: _Run,
          kinds: Mapping[str, str], steps: int) -> bool:  # fmt: skip
    """True when no run of another kind overlaps ``run`` on ``line`` or on a line less
    than ``steps`` tenths of a point from it."""
    axis, at = line
    near = [(axis, round(at + step / 10, 2)) for step in range(-steps, steps + 1)]
    return all(
        kinds[other[2]] == kinds[run[2]] or min(other[1], run[1]) - max(other[0], run[0]) < _TOUCH
        for key in near
        for other in lines.get(key, ())
    )


def _spread(
    lines: dict[tuple[int, float], list[_Run]],
    line: tuple[int, float],
    cluster: list[_Run],
    kinds: Mapping[str, str],
    routes: Mapping[str, Route],
    ends: Mapping[str, tuple[NodeBox, NodeBox]],
) -> dict[tuple[str, int], float]:
    """Move each kind of a cluster to the free line nearest its place side by side (the
    kinds :data:`~c2graph.render.routes.LANE` apart, centred on the line, in the order
    their runs turn to: :func:`_lean`), at most the router's margin away, and
    :data:`_APART` from any other kind's run if it can; a kind with no free line stays.
    Return the moves and record them in ``lines``."""
    by_kind: dict[str, list[_Run]] = {}
    for run in cluster:
        by_kind.setdefault(kinds[run[2]], []).append(run)
        lines[line].remove(run)
    lean = {k: sum(_lean(routes[r[2]], r[3]) for r in runs) for k, runs in by_kind.items()}
    order = sorted(by_kind, key=lambda kind: (lean[kind] / len(by_kind[kind]), kind))
    spacing = min(LANE, MARGIN / (len(order) - 1))
    moves: dict[tuple[str, int], float] = {}
    for k, kind in enumerate(order):
        aim = (k - (len(order) - 1) / 2) * spacing
        tries = sorted(_CHOICES, key=lambda c: (abs(c - aim), c))
        runs = by_kind[kind]
        shift = next(
            (c for steps in (_STEPS, 0) for c in tries
             if _fits(lines, line, runs, c, kinds, routes, ends, steps)), 0.0)  # fmt: skip
        to = (line[0], round(line[1] + shift, 2))
        for run in by_kind[kind]:
            lines.setdefault(to, []).append(run)
            if shift:
                moves[(run[2], run[3])] = shift
    return moves


def _fits(
    lines: Mapping[tuple[int, float], list[_Run]],
    line: tuple[int, float],
    runs: list[_Run],
    shift: float,
    kinds: Mapping[str, str],
    routes: Mapping[str, Route],
    ends: Mapping[str, tuple[NodeBox, NodeBox]],
    steps: int,
) -> bool:
    """True when ``runs`` may all move by ``shift`` onto a line free of other kinds
    (:func:`_free`)."""
    to = (line[0], round(line[1] + shift, 2))
    return all(
        _free(lines, to, run, kinds, steps)
        and _movable(routes[run[2]], run[3], shift, ends[run[2]])
        for run in runs
    )


def nudged(
    routes: Mapping[str, Route],
    kinds: Mapping[str, str],
    boxes: Mapping[str, NodeBox],
    ends: Mapping[str, tuple[str, str]],
) -> dict[str, Route]:
    """``routes`` with the runs of links of different ``kinds`` that share a line moved
    side by side; ``ends`` gives each link's tail and head (keys of ``boxes``). A move
    lengthens the runs beside it, which may then meet another link's: up to
    :data:`_PASSES` rounds are made while any run is shared."""
    pair = {key: (boxes[tail], boxes[head]) for key, (tail, head) in ends.items()}
    done = dict(routes)
    for _ in range(_PASSES):
        lines = _lines(done)
        shifts: dict[str, dict[int, float]] = {}
        for line in sorted(lines):
            for cluster in _clusters(list(lines[line]), kinds):
                for (key, index), shift in _spread(lines, line, cluster, kinds, done, pair).items():
                    shifts.setdefault(key, {})[index] = shift
        if not shifts:
            break
        done |= {key: _moved(done[key], moves, pair[key]) for key, moves in shifts.items()}
    return done
