"""Link routes: org-chart buses, routes around boxes, links side by side, rounded curves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.render.routes import (
    LANE,
    MARGIN,
    NodeBox,
    Request,
    Route,
    bus_route,
    curve,
    route_links,
    straight_route,
)


def _box(x, y, w=40.0, h=20.0, shape="box"):
    return NodeBox(float(x), float(y), w, h, shape)


def _crosses(route: Route, box: NodeBox, room: float = 0.0) -> bool:
    """True when a run of the route enters ``box`` (grown by ``room``)."""
    x0, y0, x1, y1 = box.rect
    x0, y0, x1, y1 = x0 - room, y0 - room, x1 + room, y1 + room
    for (ax, ay), (bx, by) in zip(route.points, route.points[1:], strict=False):
        if max(ax, bx) > x0 and min(ax, bx) < x1 and max(ay, by) > y0 and min(ay, by) < y1:
            return True
    return False


def _orthogonal(route: Route) -> bool:
    pairs = zip(route.points, route.points[1:], strict=False)
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairs)


def test_a_row_bus_runs_down_across_and_down():
    route = bus_route(_box(0, 0), _box(100, 80), "row", 0.0, 40.0)
    assert route.points == ((0.0, 10.0), (0.0, 40.0), (100.0, 40.0), (100.0, 70.0))


def test_a_stack_trunk_under_its_commander_runs_straight_down_and_in():
    route = bus_route(_box(0, 0, w=80), _box(52, 100), "stack", 12.0, 30.0)
    assert route.points == ((12.0, 10.0), (12.0, 100.0), (32.0, 100.0))


def test_a_stack_trunk_beside_its_commander_is_reached_along_the_bus():
    route = bus_route(_box(0, 0), _box(150, 100), "stack", 118.0, 30.0)
    assert route.points == ((0.0, 10.0), (0.0, 30.0), (118.0, 30.0), (118.0, 100.0), (130.0, 100.0))


def test_a_staff_column_is_reached_from_the_commanders_side():
    route = bus_route(_box(0, 0), _box(60, 40), "e", 29.0, 0.0)
    assert route.points == ((20.0, 0.0), (29.0, 0.0), (29.0, 40.0), (40.0, 40.0))


def test_a_link_goes_around_the_box_in_its_way():
    boxes = {"a": _box(0, 0), "b": _box(200, 0), "c": _box(100, 0, h=60)}
    route = route_links(boxes, [Request("k", "a", "b", "k")])["k"]
    assert route.points == ((0.0, -10.0), (0.0, -38.0), (200.0, -38.0), (200.0, -10.0))
    assert not _crosses(route, boxes["c"], MARGIN - 0.01)


def test_a_clear_line_is_straight():
    boxes = {"a": _box(0, 0), "b": _box(200, 0)}
    assert route_links(boxes, [Request("k", "a", "b", "k")])["k"].points == (
        (20.0, 0.0),
        (180.0, 0.0),
    )


def test_links_between_the_same_nodes_run_side_by_side_and_keep_their_direction():
    boxes = {"a": _box(0, 0), "b": _box(200, 0)}
    requests = [Request("ab", "a", "b", "ab"), Request("ba", "b", "a", "ba")]
    routes = route_links(boxes, requests)
    assert routes["ab"].points == ((20.0, -LANE / 2), (180.0, -LANE / 2))
    assert routes["ba"].points == ((180.0, LANE / 2), (20.0, LANE / 2))


def test_a_bus_blocked_by_another_box_is_routed_instead():
    boxes = {"p": _box(0, 0), "c": _box(100, 80), "x": _box(50, 40, w=30, h=10)}
    routes = route_links(
        boxes, [Request("pc", "p", "c", "p>")], buses={("p", "c"): ("row", 0.0, 40.0, 0.0)}
    )
    assert routes["pc"].points != bus_route(boxes["p"], boxes["c"], "row", 0.0, 40.0).points
    assert not _crosses(routes["pc"], boxes["x"])


def test_a_walled_in_box_is_joined_by_a_straight_line():
    around = [(x, y) for x in (-32, 0, 32) for y in (-32, 0, 32) if (x, y) != (0, 0)]
    wall = {f"w{i}": _box(x, y, 30, 30) for i, (x, y) in enumerate(around)}
    boxes = {"in": _box(0, 0, 30, 30), "out": _box(300, 0), **wall}
    route = route_links(boxes, [Request("k", "out", "in", "k")])["k"]
    assert route == straight_route(boxes["out"], boxes["in"])


def test_links_end_on_the_outline_of_slanted_shapes():
    boxes = {"a": _box(0, 0, 100, 50, "hexagon"), "b": _box(0, 150, 100, 50, "ellipse")}
    route = route_links(boxes, [Request("k", "a", "b", "k", "s", "n")])["k"]
    assert route.points == ((0.0, 25.0), (0.0, 125.0))


def test_curves_round_the_corners_and_leave_room_for_arrowheads():
    points = curve([(0, 0), (0, 30), (40, 30)], end_cut=7)
    assert len(points) == 10 and points[0] == (0.0, 0.0) and points[-1] == (33.0, 30.0)
    assert (0.0, 30.0) not in points  # the corner is cut by an arc
    assert points[3] == (0.0, 24.0) and points[6] == (6.0, 30.0)


_cells = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 4), st.sampled_from(["box", "hexagon", "house"])),
    min_size=2,
    max_size=12,
    unique_by=lambda c: c[:2],
)


@settings(max_examples=40, deadline=None)
@given(_cells, st.data())
def test_no_route_passes_through_a_box_it_does_not_join(cells, data):
    boxes = {f"n{i}": _box(x * 90, y * 70, 50, 28, shape) for i, (x, y, shape) in enumerate(cells)}
    names = sorted(boxes)
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), min_size=1, max_size=10)
    )
    requests = [Request(f"{a}-{b}-{i}", a, b, f"g{i}") for i, (a, b) in enumerate(pairs) if a != b]
    routes = route_links(boxes, requests)
    assert set(routes) == {r.key for r in requests}
    for request in requests:
        route = routes[request.key]
        assert _orthogonal(route)
        for name, box in boxes.items():
            if name not in (request.tail, request.head):
                assert not _crosses(route, box, MARGIN - LANE - 0.01), (request.key, name)
