"""Links kept apart: shared runs found, moved side by side, ends kept on their boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.render.chart import _requests, build_chart
from c2graph.render.nudge import nudged, shared_runs
from c2graph.render.routes import NodeBox, Route
from c2graph.render.scene import build_scene

MODELS = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
BOXES = {"a": NodeBox(0, 0, 40, 20, "box"), "b": NodeBox(0, 100, 40, 20, "box")}
DOWN = Route(((0.0, 10.0), (0.0, 90.0)))


def _nudged(routes, kinds, boxes=BOXES):
    return nudged(routes, kinds, boxes, {key: ("a", "b") for key in routes})


def test_runs_of_one_kind_share_their_line():
    routes = {"x": DOWN, "y": DOWN}
    assert shared_runs(routes, {"x": "bus", "y": "bus"}) == []
    assert _nudged(routes, {"x": "bus", "y": "bus"}) == routes


def test_runs_that_only_touch_are_not_shared():
    routes = {"x": Route(((0, 0), (50, 0))), "y": Route(((50.5, 0), (90, 0)))}
    assert shared_runs(routes, {"x": "a", "y": "b"}) == []


def test_two_kinds_on_one_line_move_apart_and_end_on_their_boxes():
    moved = _nudged({"x": DOWN, "y": DOWN}, {"x": "command", "y": "liaison"})
    assert moved["x"].points == ((-2.0, 10.0), (-2.0, 90.0))
    assert moved["y"].points == ((2.0, 10.0), (2.0, 90.0))
    assert shared_runs(moved, {"x": "command", "y": "liaison"}) == []


def test_a_run_keeps_its_end_on_the_part_of_a_side_links_may_use():
    boxes = {"a": NodeBox(0, 0, 8, 20, "hexagon"), "b": NodeBox(0, 100, 40, 20, "box")}
    moved = _nudged({"x": DOWN, "y": DOWN}, {"x": "command", "y": "liaison"}, boxes)
    assert boxes["a"].usable("s") == (-1.8, 1.8)
    assert moved["x"].points[0] == (-1.0, 10.0) and moved["y"].points[0] == (1.0, 10.0)


def test_a_moved_run_keeps_two_points_from_other_links():
    beside = Route(((2.0, 10.0), (2.0, 90.0)))
    moved = _nudged({"x": DOWN, "y": DOWN, "z": beside}, {"x": "p", "y": "q", "z": "r"})
    assert [moved[k].points[0][0] for k in "xyz"] == [-2.0, 0.0, 2.0]


def test_a_turning_run_moves_towards_the_side_it_turns_to():
    left = Route(((0.0, 10.0), (0.0, 50.0), (-60.0, 50.0)))
    right = Route(((0.0, 10.0), (0.0, 50.0), (60.0, 50.0)))
    moved = _nudged({"l": left, "r": right}, {"l": "b", "r": "a"})
    assert moved["l"].points[:2] == ((-2.0, 10.0), (-2.0, 50.0))
    assert moved["r"].points[:2] == ((2.0, 10.0), (2.0, 50.0))


@pytest.mark.skipif(not MODELS, reason="no shipped models")
@pytest.mark.parametrize("path", MODELS, ids=[p.stem for p in MODELS])
def test_no_two_links_of_a_shipped_chart_share_a_run(path):
    model = load_model(path)
    scene = build_scene(model, phases=list(model.situations))  # every link of every phase
    routes = build_chart(scene).routes
    assert shared_runs(routes, {r.key: r.group for r in _requests(scene)}) == []
