"""Node outlines: Graphviz's polygons and where a link coming straight in meets them."""

from __future__ import annotations

import re

import pytest

from c2graph.render.engine import render_graphviz
from c2graph.render.outlines import cut_corners, hit, outline

BOX = (0.0, 0.0, 100.0, 50.0)  # centre x, centre y, width, height


@pytest.mark.parametrize(
    ("shape", "side", "along", "point"),
    [
        ("box", "n", 30.0, (30.0, -25.0)),
        ("house", "n", 0.0, (0.0, -25.0)),  # the roof's ridge
        ("house", "s", 0.0, (0.0, 20.23)),  # Graphviz's house stops short of its box
        ("hexagon", "w", 0.0, (-50.0, 0.0)),
        ("hexagon", "e", 12.5, (37.5, 12.5)),  # on a slanted side
        ("invtrapezium", "s", 0.0, (0.0, 25.0)),
        ("octagon", "e", 0.0, (50.0, 0.0)),
        ("parallelogram", "n", 0.0, (0.0, -25.0)),
        ("ellipse", "n", 0.0, (0.0, -25.0)),
        ("ellipse", "e", 0.0, (50.0, 0.0)),
    ],
)
def test_a_link_meets_the_outline_it_comes_to(shape, side, along, point):
    assert hit(shape, BOX, side, along) == point


@pytest.mark.parametrize("shape", ["house", "invtrapezium", "octagon", "hexagon", "parallelogram"])
def test_outlines_are_the_polygons_graphviz_draws(shape):
    svg = render_graphviz(
        "digraph { graph [layout=nop2]; "
        f"n [shape={shape}, style=filled, fixedsize=true, width=1.3889, height=0.6944, "
        'label="", pos="50,25"] }',
        "svg",
    ).decode()
    drawn = re.search(r'<polygon fill="lightgrey" stroke="black" points="([^"]+)"', svg)
    assert drawn is not None
    points = [tuple(map(float, p.split(","))) for p in drawn[1].split()]
    # the node's centre: half-way across the polygon, 25 points up (the SVG's y grows down)
    cx = (min(x for x, _ in points) + max(x for x, _ in points)) / 2
    corners = {(round((x - cx) / 50, 2), round((y + 25) / 25, 2)) for x, y in points}
    assert corners == {(round(x / 50, 2), round(y / 25, 2)) for x, y in outline(shape, *BOX)}


def test_a_frame_has_its_corners_cut():
    assert cut_corners((0.0, 0.0, 30.0, 20.0), 5.0) == (
        (5.0, 0.0), (25.0, 0.0), (30.0, 5.0), (30.0, 15.0),
        (25.0, 20.0), (5.0, 20.0), (0.0, 15.0), (0.0, 5.0),
    )  # fmt: skip
