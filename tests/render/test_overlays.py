"""Overlays from the analyses: chain of command, bottlenecks, a removed node's cut-off units."""

from __future__ import annotations

import shutil

import pytest

from c2graph.render import dot_text
from c2graph.render.dot import render_dot
from c2graph.render.scene import build_scene

from .conftest import named

pytest.importorskip("c2graph.analysis")


def _marked(panel, mark):
    return (
        {n.id for n in panel.nodes if mark in n.marks},
        {e.key for e in panel.edges if mark in e.marks},
    )


def test_path_marks_the_chain_of_command_to_the_target(tiny):
    scene = build_scene(tiny, phase="peacetime", highlight_path="us-unit")
    assert _marked(scene.panels[0], "path") == (
        {"us-pres", "us-cmd", "us-unit"},
        {"us-pres->us-cmd:command", "us-cmd->us-unit:opcon"},
    )
    assert [e.label for e in scene.legend if e.group == "mark"] == ["chain of command to Air Force"]


def test_bottlenecks_mark_dominators_and_cut_nodes(tiny):
    nodes, links = _marked(
        build_scene(tiny, phase="peacetime", bottlenecks=True).panels[0], "bottleneck"
    )
    assert {"jp-hq", "us-cmd"} <= nodes
    assert "jp-unit" not in nodes and not links


def test_removal_marks_the_node_its_links_and_the_units_cut_off(tiny):
    panel = build_scene(tiny, phase="armed-attack", removed="jp-hq").panels[0]
    assert _marked(panel, "removed") == (
        {"jp-hq"},
        {
            "jp-pm->jp-hq:command",
            "jp-hq->jp-unit:command",
            "jp-hq->us-cmd:counterpart",
        },
    )
    assert _marked(panel, "cut-off")[0] == {"jp-unit"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_hostile_target_name_in_the_legend_is_drawn_literally():
    model = named("Top", "]<b>\\N</b>")
    svg = render_dot(dot_text(model, highlight_path="x1", removed="x0"), "svg").decode()
    assert "chain of command to ]&lt;b&gt;\\N&lt;/b&gt;" in svg
    assert "<b>" not in svg
