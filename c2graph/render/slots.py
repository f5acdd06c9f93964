"""Free space in a strip of the chart: where a node outside the trees goes.

A node without an in-nation superior or subordinate (a body, the cabinet, a ministry
without forces) is placed at the free spot of its nation's strip nearest the height of its
partners, on the strip's preferred side: a spot of the rows' grid or just above or below
a box already placed, never on a box (with gaps left for links to pass) nor on the bus of
a tree. A spot outside the strip makes it wider and one below the chart makes it taller;
both cost as much as the distance they add.

Example
-------
>>> space = FreeSpace([(0.0, 0.0, 100.0, 30.0)], [], rows=[15.0, 80.0], bounds=(-500.0, 100.0))
>>> space.place(60.0, 30.0, target=15.0, prefer=0.0)
(-46.0, 15.0)
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

__all__ = ["H_GAP", "V_GAP", "FreeSpace", "Rect"]

Rect = tuple[float, float, float, float]
#: Gaps (points) kept between a placed node and its neighbours beside and above or below.
H_GAP, V_GAP = 16.0, 18.0
_W_Y, _W_X, _W_GROW = 1.0, 0.25, 1.5


class FreeSpace:
    """The placed boxes and the buses of one strip, and its bounds ``(left, right)``
    (a box may grow the strip outwards: ``-inf`` or ``inf`` on that side).

    ``rows`` are the centres of the chart's rows; ``height`` the chart's height so far
    (a spot below it costs the extra height); ``columns``, when given, are the only x a
    box may be centred on; ``grow`` is what a point of growth costs (default 1.5)."""

    def __init__(
        self,
        boxes: Iterable[Rect],
        corridors: Iterable[Rect],
        *,
        rows: Sequence[float],
        bounds: tuple[float, float],
        top: float = 0.0,
        height: float = 0.0,
        columns: Sequence[float] = (),
        grow: float | None = None,
    ) -> None:
        self.boxes = list(boxes)
        self.corridors = list(corridors)
        self.rows = list(rows)
        self.bounds = bounds
        self.top = top
        self.height = height
        self.columns = list(columns)
        self.grow = _W_GROW if grow is None else grow
        #: The placed box that last kept a spot from fitting (tried first), at first none.
        self._blocker: Rect = (math.inf, math.inf, -math.inf, -math.inf)

    def _extent(self) -> tuple[float, float]:
        if not self.boxes:
            return (0.0, 0.0)
        return (min(b[0] for b in self.boxes), max(b[2] for b in self.boxes))

    def _axes(
        self, w: float, h: float, target: float, tops: Sequence[float] | None
    ) -> tuple[list[float], list[float]]:
        """The x and y a box's centre may take: beside, above or below a placed box, on
        a row, at its target height, at the strip's edges (or only ``columns``/``tops``)."""
        lo, hi = self.bounds
        left, right = self._extent()
        xs = {left - H_GAP - w / 2, right + H_GAP + w / 2}
        if lo > float("-inf"):
            xs |= {lo + w / 2}
        if hi < float("inf"):
            xs |= {hi - w / 2}
        if lo > float("-inf") and hi < float("inf"):
            xs |= {(lo + hi) / 2}
        ys = {target, *self.rows}
        for x0, y0, x1, y1 in self.boxes:
            xs |= {x0 - H_GAP - w / 2, x1 + H_GAP + w / 2, (x0 + x1) / 2}
            ys |= {y1 + V_GAP + h / 2, y0 - V_GAP - h / 2}
        if tops is not None:
            ys = {top + h / 2 for top in tops}
        inside = [
            x for x in (self.columns or xs) if lo - 0.01 <= x - w / 2 and x + w / 2 <= hi + 0.01
        ]
        return inside, [y for y in ys if y - h / 2 >= self.top - 0.01]

    def _costs(
        self,
        w: float,
        h: float,
        target: float,
        prefer: float,
        tops: Sequence[float] | None,
        steady: float,
    ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
        """The x and the y a box's centre may take, each with its cost, cheapest first."""
        xs, ys = self._axes(w, h, target, tops)
        by_x = sorted((_W_X * abs(x - prefer), x) for x in xs)
        by_y = sorted((_W_Y * steady * abs(y - target), y) for y in ys)
        return by_x, by_y

    def fits(self, x: float, y: float, w: float, h: float) -> bool:
        """True when a ``w`` x ``h`` box at ``(x, y)`` keeps its gaps to every placed box
        and stays off every bus."""
        left, right = x - w / 2, x + w / 2
        top, bottom = y - h / 2, y + h / 2
        x0, x1 = left - H_GAP + 0.01, right + H_GAP - 0.01  # the box with its gaps
        y0, y1 = top - V_GAP + 0.01, bottom + V_GAP - 0.01
        a, b, c, d = self._blocker  # the spots tried one after another are near each other
        if x0 < c and a < x1 and y0 < d and b < y1:
            return False
        for box in self.boxes:
            a, b, c, d = box
            if x0 < c and a < x1 and y0 < d and b < y1:
                self._blocker = box
                return False
        for a, b, c, d in self.corridors:
            if left < c and a < right and top < d and b < bottom:
                return False
        return True

    def place(
        self,
        w: float,
        h: float,
        *,
        target: float,
        prefer: float,
        tops: Sequence[float] | None = None,
        steady: float = 1.0,
    ) -> tuple[float, float]:
        """Place a ``w`` x ``h`` box at the cheapest free spot and return its centre: near
        height ``target`` (``steady`` times as dear a point away from it) and x ``prefer``,
        growing the strip and the chart least; with ``tops``, only with its top at one of
        them."""
        left, right = self._extent()
        best: tuple[float, float, float] | None = None
        by_x, by_y = self._costs(w, h, target, prefer, tops, steady)
        # Every spot cheapest first, ``floor`` its cost before growth: the cheapest sums
        # of the separate x and y costs, merged lazily (most spots are never looked at).
        heap = [(fy + by_x[0][0], 0, j) for j, (fy, _) in enumerate(by_y)] if by_x else []
        heapq.heapify(heap)
        last = len(by_x) - 1
        while heap:
            floor, i, j = heap[0]
            if best is not None and floor >= best[0]:
                break
            if i < last:
                heapq.heapreplace(heap, (by_y[j][0] + by_x[i + 1][0], i + 1, j))
            else:
                heapq.heappop(heap)
            x, y = by_x[i][1], by_y[j][1]
            if not self.fits(x, y, w, h):
                continue
            grow = (
                max(0.0, left - (x - w / 2)) + max(0.0, (x + w / 2) - right) if self.boxes else 0.0
            )
            grow += max(0.0, y + h / 2 - self.height)
            cost = floor + self.grow * grow
            if best is None or cost < best[0] - 1e-9:
                best = (cost, x, y)
        if best is None:  # below everything: always free
            bottom = max((b[3] for b in self.boxes), default=self.top - V_GAP)
            best = (
                0.0,
                min(max(prefer, self.bounds[0] + w / 2), self.bounds[1] - w / 2),
                bottom + V_GAP + h / 2,
            )
        _, x, y = best
        self.boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
        return (round(x, 1), round(y, 1))
