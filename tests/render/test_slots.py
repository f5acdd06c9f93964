"""Free space in a strip: the nearest free spot, gaps, buses, rows, columns and growth."""

from __future__ import annotations

import math

from c2graph.render.slots import H_GAP, V_GAP, FreeSpace


def _space(boxes, **options):
    options.setdefault("rows", [15.0, 80.0, 145.0])
    options.setdefault("bounds", (-math.inf, 200.0))
    options.setdefault("height", 160.0)
    return FreeSpace(boxes, options.pop("corridors", []), **options)


def test_a_box_goes_beside_the_placed_ones_at_its_height_on_the_preferred_side():
    space = _space([(0.0, 0.0, 100.0, 30.0)], height=30.0)
    assert space.place(60.0, 30.0, target=15.0, prefer=0.0) == (-H_GAP - 30.0, 15.0)


def test_an_empty_row_inside_the_strip_is_taken_before_widening_it():
    space = _space([(0.0, 0.0, 200.0, 30.0), (0.0, 130.0, 200.0, 160.0)], grow=8.0)
    # under the top box, in the free space between the two: not beside the top box
    assert space.place(60.0, 30.0, target=15.0, prefer=0.0) == (100.0, 30.0 + V_GAP + 15.0)


def test_gaps_are_kept_to_every_placed_box():
    space = _space([(0.0, 0.0, 100.0, 30.0)], bounds=(0.0, 200.0))
    x, y = space.place(60.0, 30.0, target=15.0, prefer=0.0)
    assert x - 30.0 >= 100.0 + H_GAP or y - 15.0 >= 30.0 + V_GAP


def test_a_bus_is_never_covered():
    corridor = (90.0, 0.0, 110.0, 200.0)
    space = _space([], corridors=[corridor], bounds=(0.0, 200.0))
    x, _ = space.place(60.0, 30.0, target=15.0, prefer=100.0)
    assert x + 30.0 <= 90.0 or x - 30.0 >= 110.0


def test_tops_and_columns_restrict_the_spots():
    space = _space([], bounds=(0.0, 300.0), columns=[50.0, 250.0])
    assert space.place(60.0, 20.0, target=70.0, prefer=240.0, tops=[0.0, 62.0]) == (250.0, 72.0)


def test_a_spot_below_the_chart_costs_the_height_it_adds():
    space = _space([], bounds=(0.0, 300.0), height=0.0)
    assert space.place(60.0, 20.0, target=70.0, prefer=0.0, tops=[0.0, 62.0]) == (30.0, 10.0)


def test_a_node_that_keeps_to_its_height_grows_the_strip_instead_of_dropping():
    boxes = [(0.0, 0.0, 200.0, 30.0)]
    dropped = _space(list(boxes), grow=8.0).place(60.0, 30.0, target=15.0, prefer=0.0)
    kept = _space(list(boxes), grow=8.0).place(60.0, 30.0, target=15.0, prefer=0.0, steady=30.0)
    assert dropped[1] > 15.0 and kept == (-H_GAP - 30.0, 15.0)
