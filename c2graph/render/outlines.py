"""Node outlines: the polygon of every shape as Graphviz draws it, and where a link meets it.

Graphviz scales each polygon shape to the node's box (``fixedsize``); the corners below are
the ones Graphviz 2.43 and 14 draw, measured from their SVG and divided by half the width
and half the height. matplotlib draws the same polygons, and the link router ends each
link exactly on the outline, so a link never stops short of a slanted side or runs into it.

Positions are in points with y growing downwards (the layout's coordinates).

Example
-------
>>> outline("hexagon", 0.0, 0.0, 100.0, 50.0)[:2]
((50.0, 0.0), (25.0, -25.0))
>>> hit("hexagon", (0.0, 0.0, 100.0, 50.0), "w", 0.0)
(-50.0, 0.0)
"""

from __future__ import annotations

import functools
import math

__all__ = ["ROUNDING", "Point", "cut_corners", "hit", "outline"]

Point = tuple[float, float]

#: Corners of each polygon shape, as fractions of half the width and half the height.
_POLYGONS: dict[str, tuple[Point, ...]] = {
    "house": ((1.0, -0.309), (0.0, -1.0), (-1.0, -0.309), (-0.999, 0.809), (0.999, 0.809)),
    "invtrapezium": ((-0.584, 1.0), (0.584, 1.0), (1.0, -1.0), (-1.0, -1.0)),
    "octagon": (
        (1.0, 0.414),
        (1.0, -0.414),
        (0.414, -1.0),
        (-0.414, -1.0),
        (-1.0, -0.414),
        (-1.0, 0.414),
        (-0.414, 1.0),
        (0.414, 1.0),
    ),
    "hexagon": ((1.0, 0.0), (0.5, -1.0), (-0.5, -1.0), (-1.0, 0.0), (-0.5, 1.0), (0.5, 1.0)),
    "parallelogram": ((1.037, -1.0), (-0.612, -1.0), (-1.037, 1.0), (0.612, 1.0)),
    "box": ((1.0, -1.0), (-1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)),
}
#: The corner radius (points) of a rounded box, at most a quarter of its smaller side.
ROUNDING = 12.0


@functools.lru_cache(maxsize=4096)
def outline(
    shape: str, cx: float, cy: float, w: float, h: float, *, rounded: bool = False
) -> tuple[Point, ...]:
    """The corners of ``shape`` drawn in a ``w`` x ``h`` box centred on ``(cx, cy)``; an
    ellipse as 48 points, a rounded box with 7 points a corner.

    >>> outline("box", 10.0, 10.0, 20.0, 10.0)
    ((20.0, 5.0), (0.0, 5.0), (0.0, 15.0), (20.0, 15.0))
    >>> len(outline("box", 0.0, 0.0, 60.0, 30.0, rounded=True))
    28
    """
    if shape == "box" and rounded:
        return _rounded_box(cx, cy, w, h)
    if shape == "ellipse":
        steps = [2 * math.pi * i / 48 for i in range(48)]
        return tuple(
            (round(cx + w / 2 * math.cos(a), 2), round(cy + h / 2 * math.sin(a), 2)) for a in steps
        )
    return tuple((cx + u * w / 2, cy + v * h / 2) for u, v in _POLYGONS[shape])


def _rounded_box(cx: float, cy: float, w: float, h: float) -> tuple[Point, ...]:
    r = min(ROUNDING, min(w, h) / 4)
    x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    corners = (
        (x1 - r, y0 + r, -90),
        (x1 - r, y1 - r, 0),
        (x0 + r, y1 - r, 90),
        (x0 + r, y0 + r, 180),
    )
    return tuple(
        (
            round(x + r * math.cos(math.radians(a + k * 15)), 2),
            round(y + r * math.sin(math.radians(a + k * 15)), 2),
        )
        for x, y, a in corners
        for k in range(7)
    )


@functools.lru_cache(maxsize=8192)
def hit(shape: str, box: tuple[float, float, float, float], side: str, along: float) -> Point:
    """Where a link coming straight in from ``side`` (``n``, ``e``, ``s`` or ``w``) meets
    the outline of a node; ``box`` is ``(cx, cy, w, h)`` and ``along`` the link's x (for
    ``n``/``s``) or y (for ``e``/``w``), which must lie within the box.

    >>> hit("house", (0.0, 0.0, 100.0, 50.0), "n", 0.0)
    (0.0, -25.0)
    >>> hit("ellipse", (0.0, 0.0, 100.0, 50.0), "e", 0.0)
    (50.0, 0.0)
    """
    cx, cy, w, h = box
    if shape == "ellipse":
        if side in "ns":
            u = max(-1.0, min(1.0, (along - cx) / (w / 2)))
            dy = h / 2 * math.sqrt(1 - u * u)
            return (along, round(cy - dy if side == "n" else cy + dy, 2))
        v = max(-1.0, min(1.0, (along - cy) / (h / 2)))
        dx = w / 2 * math.sqrt(1 - v * v)
        return (round(cx - dx if side == "w" else cx + dx, 2), along)
    corners = outline(shape, cx, cy, w, h)
    vertical = side in "ns"
    found: list[float] = []
    for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True):
        a1, a2, b1, b2 = (x1, x2, y1, y2) if vertical else (y1, y2, x1, x2)
        if min(a1, a2) <= along <= max(a1, a2) and a1 != a2:
            found.append(b1 + (along - a1) * (b2 - b1) / (a2 - a1))
    if not found:  # outside the outline: the side of the box
        found = [cy - h / 2, cy + h / 2] if vertical else [cx - w / 2, cx + w / 2]
    far = min(found) if side in "nw" else max(found)
    return (along, round(far, 2)) if vertical else (round(far, 2), along)


def cut_corners(rect: tuple[float, float, float, float], cut: float = 6.0) -> tuple[Point, ...]:
    """The outline of a frame: ``rect`` (left, top, right, bottom) with its corners cut
    ``cut`` points in.

    >>> cut_corners((0.0, 0.0, 20.0, 10.0), 2.0)[:3]
    ((2.0, 0.0), (18.0, 0.0), (20.0, 2.0))
    """
    x0, y0, x1, y1 = rect
    return (
        (x0 + cut, y0), (x1 - cut, y0), (x1, y0 + cut), (x1, y1 - cut),
        (x1 - cut, y1), (x0 + cut, y1), (x0, y1 - cut), (x0, y0 + cut),
    )  # fmt: skip
