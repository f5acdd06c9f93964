"""Diff diagram: which nodes and links are marked added, removed or changed."""

from __future__ import annotations

from c2graph.render.diff import DIFF_STYLES, diff_dot, diff_scene
from tests.compare.test_diff import AFTER, BEFORE


def test_marks_of_nodes_and_links():
    scene, node_marks, edge_marks = diff_scene(BEFORE, AFTER, phase="war")
    assert node_marks == {"jjoc": "added", "jso": "removed", "usfj": "changed"}
    edges = scene.panels[0].edges
    marked = {
        (edges[i].tail, edges[i].head, edges[i].relation): mark for i, mark in edge_marks.items()
    }
    assert marked == {
        ("pm", "jjoc", "command"): "added",
        ("jjoc", "gcc", "opcon"): "added",
        ("usfj", "gcc", "opcon"): "changed",  # was coordination between the same ends
        ("pm", "jso", "command"): "removed",
        ("jso", "gcc", "opcon"): "removed",
        ("usfj", "gcc", "coordination"): "removed",
    }
    assert [n.id for n in scene.panels[0].nodes if "dropped" in n.marks] == ["jso"]


def test_dot_text_is_deterministic_and_has_the_legend():
    text = diff_dot(BEFORE, AFTER, phase="war")
    assert text == diff_dot(BEFORE, AFTER, phase="war")
    for style in DIFF_STYLES.values():
        assert style.colour in text and style.label in text
