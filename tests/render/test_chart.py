"""The placed chart: no box on a box, no link through a box, a legend clear of both."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2graph import load_model, load_model_data
from c2graph.render.boxes import text_width
from c2graph.render.chart import SLIDE, TITLE_PT, build_chart, slide_scale, title_lines
from c2graph.render.routes import Route
from c2graph.render.scene import build_scene

from .conftest import TINY

MODELS = sorted(Path("models").glob("*.yaml"))


def _meets(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _runs(route: Route, dx: float = 0.0, dy: float = 0.0):
    for (ax, ay), (bx, by) in zip(route.points, route.points[1:], strict=False):
        yield (min(ax, bx) + dx, min(ay, by) + dy, max(ax, bx) + dx, max(ay, by) + dy)


def _charts():
    for path in MODELS:
        model = load_model(path)
        for phase in dict.fromkeys((model.phase_ids[0], model.phase_ids[-1])):
            yield pytest.param(model, phase, id=f"{path.stem}-{phase}")


@pytest.mark.parametrize(("model", "phase"), list(_charts()))
def test_shipped_charts_have_no_box_on_a_box_and_no_link_through_a_box(model, phase):
    scene = build_scene(model, phase=phase)
    chart = build_chart(scene)
    layout = chart.layout
    rects = {n: layout.rect(n) for n in layout.positions}
    names = sorted(rects)
    assert not [
        (a, b) for i, a in enumerate(names) for b in names[i + 1 :] if _meets(rects[a], rects[b])
    ]
    for edge in scene.panels[0].edges:
        others = [r for n, r in rects.items() if n not in (edge.tail, edge.head)]
        through = [r for run in _runs(chart.routes[edge.key]) for r in others if _meets(run, r)]
        assert not through, edge.key


@pytest.mark.parametrize(("model", "phase"), list(_charts()))
def test_the_legend_covers_no_frame_and_no_link(model, phase):
    chart = build_chart(build_scene(model, phase=phase))
    assert chart.legend is not None
    (view,) = chart.panels
    assert not [f.nation for f in view.frames if _meets(f.rect, chart.legend.rect)]
    runs = [run for route in chart.routes.values() for run in _runs(route, view.dx, view.dy)]
    assert not [run for run in runs if _meets(run, chart.legend.rect)]


def _among_the_frames(chart) -> bool:
    """True when the legend is inside the frames' extent, not flush with its left or right
    side, or with frames both above and below it in its columns."""
    assert chart.legend is not None
    frames = [f.rect for view in chart.panels for f in view.frames]
    x0, y0, x1, y1 = chart.legend.rect
    left, right = min(f[0] for f in frames), max(f[2] for f in frames)
    if x0 >= right or y0 >= max(f[3] for f in frames):
        return False  # beside or below the chart
    columns = [f for f in frames if f[0] < x1 and x0 < f[2]]
    flush = abs(x0 - left) < 0.01 or abs(x1 - right) < 0.01
    above, below = any(f[3] <= y0 for f in columns), any(f[1] >= y1 for f in columns)
    return not flush or (above and below)


@pytest.mark.parametrize(("model", "phase"), list(_charts()))
def test_the_legend_sits_in_a_corner_or_outside_the_frames(model, phase):
    assert not _among_the_frames(build_chart(build_scene(model, phase=phase)))


def test_a_focused_legend_sits_in_a_corner_and_the_counterpart_link_runs_straight():
    model = load_model("models/us-japan-combined-staff.yaml")
    chart = build_chart(build_scene(model, phase="peacetime", focus="us-indopacom"))
    assert not _among_the_frames(chart)
    (view,) = chart.panels
    japan = next(f.rect for f in view.frames if f.nation == "JP")
    assert chart.legend is not None and chart.legend.rect[0] == japan[0]
    (key,) = [
        e.key
        for e in view.panel.edges
        if {e.tail, e.head} == {"jp-jjoc", "us-indopacom"} and e.relation == "counterpart"
    ]
    # out of JJOC's right side, straight across, one bend down into INDOPACOM's top
    assert chart.routes[key].points == ((44.0, 138.0), (667.0, 138.0), (667.0, 160.0))


def test_the_picture_holds_every_frame_the_legend_and_the_title(tiny):
    chart = build_chart(build_scene(tiny, phases=["peacetime", "armed-attack"]))
    parts = [f.rect for view in chart.panels for f in view.frames]
    assert chart.legend is not None
    parts.append(chart.legend.rect)
    assert all(
        x0 >= 0 and y0 >= 0 and x1 <= chart.width and y1 <= chart.height for x0, y0, x1, y1 in parts
    )
    assert chart.title_at[1] < min(y0 for _, y0, _, _ in parts)


def test_a_long_title_is_wrapped_to_the_charts_width():
    model = load_model_data(TINY | {"name": "A very long model name " * 6})
    scene = build_scene(model)
    chart = build_chart(scene)
    lines = [line for line in chart.title if line.size == TITLE_PT]
    assert len(lines) > 1
    assert max(text_width(line.text, line.size, bold=True) for line in lines) <= max(
        chart.width, 480
    )
    assert " ".join(line.text for line in lines) == scene.title.strip()


def test_title_lines_are_never_narrower_than_480_points(tiny):
    assert [line.text for line in title_lines(build_scene(tiny), 10.0)] == [
        "Tiny alliance",
        "as of 2025-03-24 · phase: Peacetime",
    ]


def test_slide_scale_is_the_fit_to_a_16_9_slide():
    assert slide_scale(*SLIDE) == 1.0
    assert slide_scale(SLIDE[0] * 2, SLIDE[1]) == 0.5
    assert slide_scale(SLIDE[0], SLIDE[1] * 4) == 0.25
