"""The matplotlib figure's artists, its legend and title, and byte-identical SVG output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.render.chart import build_chart
from c2graph.render.mpl import figure_bytes, plot, plot_scene
from c2graph.render.scene import build_scene

from .conftest import named


def _gids(fig, prefix):
    return sorted(
        p.get_gid() for ax in fig.axes for p in ax.patches if (p.get_gid() or "").startswith(prefix)
    )


def _texts(fig):
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def test_one_patch_per_node_and_one_arrow_per_link(tiny):
    fig = plot_scene(build_scene(tiny, phase="armed-attack"))
    assert len(_gids(fig, "node-")) == 7
    edges = _gids(fig, "edge-")
    assert sorted(g.rsplit("-", 1)[1] for g in edges) == [
        "command",
        "command",
        "command",
        "counterpart",
        "opcon",
        "support",
    ]


def test_legend_labels_and_title(tiny):
    scene = build_scene(tiny, phase="peacetime")
    fig = plot_scene(scene)
    # nations are named by their frames, not in the legend
    labels = [e.label for e in scene.legend if e.group != "nation"]
    texts = _texts(fig)
    start = texts.index("Legend") + 1
    assert texts[start : start + len(labels)] == labels
    assert "Tiny alliance" in texts
    assert "as of 2025-03-24 · phase: Peacetime" in texts


def test_link_line_styles_follow_the_style_table(tiny):
    fig = plot_scene(build_scene(tiny, phase="armed-attack"))
    styles = {
        p.get_gid().rsplit("-", 1)[1]: p.get_linestyle()
        for ax in fig.axes
        for p in ax.patches
        if (p.get_gid() or "").startswith("edge-")
    }
    assert styles["command"] == "solid" and styles["counterpart"] == "solid"
    assert styles["support"] == (0, (1 / 1.6, 5 / 1.6))  # Graphviz's dots, at its width


def test_figure_is_the_charts_size_in_points(tiny):
    scene = build_scene(tiny, phase="armed-attack")
    chart = build_chart(scene)
    width, height = plot_scene(scene).get_size_inches()
    assert (round(width * 72, 1), round(height * 72, 1)) == (
        round(chart.width, 1),
        round(chart.height, 1),
    )


def test_panels_are_drawn_in_one_grid_with_captions(tiny):
    fig = plot_scene(build_scene(tiny, phases=["peacetime", "armed-attack"]))
    captions = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "caption"]
    assert captions == ["Peacetime", "Armed attack"]
    assert len(_gids(fig, "node-p0")) == 6 and len(_gids(fig, "node-p1")) == 7


def test_plot_draws_on_a_given_axes(tiny):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    got_fig, got_ax = plot(build_scene(tiny), ax=ax)
    assert (got_fig, got_ax) == (fig, ax)
    assert len(_gids(fig, "node-")) == 6
    with pytest.raises(QueryError, match="panel 3 does not exist"):
        plot(build_scene(tiny), panel=3)


def test_japanese_labels_with_lang_ja(tiny):
    fig = plot_scene(build_scene(tiny, phase="armed-attack", lang="ja"))
    texts = "\n".join(_texts(fig))
    assert "内閣総理大臣" in texts and "統合作戦司令部" in texts


def _svg(scene) -> bytes:
    return figure_bytes(plot_scene(scene), "svg")


def test_svg_bytes_are_identical_run_to_run(tiny):
    scene = build_scene(tiny, phases=["peacetime", "armed-attack"], lang="ja")
    first = _svg(scene)
    assert first == _svg(scene)
    assert b"<dc:date>" not in first


@settings(max_examples=10, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=20), min_size=1, max_size=3))
def test_any_names_draw_without_mathtext_or_errors(names):
    fig = plot_scene(build_scene(named(*names, "$x^2$ \\frac")))
    assert any("$x^2$" in t for t in _texts(fig))
    assert figure_bytes(fig, "svg").startswith(b"<?xml")


def test_long_names_are_cut_to_four_lines_with_an_ellipsis():
    fig = plot_scene(build_scene(named("word " * 40)))
    lines = [t for t in _texts(fig) if t.startswith("word")]
    assert len(lines) == 4 and lines[-1].endswith(" …")


def test_svg_titles_name_every_node_and_link(tiny):
    from c2graph.render import render_bytes

    svg = render_bytes(tiny, "svg", engine="matplotlib", phase="armed-attack").decode()
    assert svg.count("<title>") == 7 + 6
    assert "<title>Joint HQ (JJOC)\nheadquarters · Japan\nphases: all</title>" in svg
    assert "<title>Air Force → Fleet: support\nphases: Armed attack</title>" in svg
