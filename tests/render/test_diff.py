"""Diff diagram: one mark, and so one colour, per kind of change; the same change always
coloured alike, a removed link always red (hand-built models and the shipped variants)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.render.diff import diff_dot, diff_scene
from c2graph.render.style import DIFF_MARKS, MARK_STYLES
from tests.compare.test_diff import AFTER, BEFORE

MODELS = Path(__file__).resolve().parents[2] / "models"


def _edge_marks(scene):
    return {(e.tail, e.head, e.relation): set(e.marks) for e in scene.panels[0].edges if e.marks}


def test_marks_of_nodes_and_links():
    scene = diff_scene(BEFORE, AFTER, phase="war")
    nodes = {n.id: set(n.marks) for n in scene.panels[0].nodes if n.marks}
    assert nodes == {"jjoc": {"diff-added"}, "jso": {"diff-removed"}, "usfj": {"diff-changed"}}
    assert _edge_marks(scene) == {
        ("pm", "jjoc", "command"): {"diff-added"},
        ("jjoc", "gcc", "opcon"): {"diff-added"},
        ("usfj", "gcc", "opcon"): {"diff-retyped"},  # was coordination between the same ends
        ("pm", "jso", "command"): {"diff-removed"},
        ("jso", "gcc", "opcon"): {"diff-removed"},
        ("usfj", "gcc", "coordination"): {"diff-removed"},
    }
    assert [e.label for e in scene.legend if e.group == "mark"] == [
        "added",
        "removed",
        "relation changed",
        "record changed (basis, source, confidence, phases, names)",
    ]


def test_dot_text_is_deterministic_and_has_a_legend_line_per_kind():
    text = diff_dot(BEFORE, AFTER, phase="war")
    assert text == diff_dot(BEFORE, AFTER, phase="war")
    for mark in DIFF_MARKS:
        assert MARK_STYLES[mark].colour in text


@pytest.mark.parametrize(
    "variant", ["us-japan-jfhq", "us-japan-combined-staff", "us-japan-combined-command"]
)
def test_shipped_variants_colour_each_change_by_its_kind(variant):
    base, model = load_model(MODELS / "us-japan-2025.yaml"), load_model(MODELS / f"{variant}.yaml")
    for phase in base.phase_ids:
        scene = diff_scene(base, model, phase=phase)
        dot = diff_dot(base, model, phase=phase)
        drawn = re.findall(r"^\s*(\w+) -> (\w+) \[id=(\w+), (.*)\];$", dot, re.M)
        edges = scene.panels[0].edges
        assert any(e.marks for e in edges)  # every phase of these variants changes
        colours = {m: MARK_STYLES[m].colour for m in DIFF_MARKS}
        by_id = {}
        for _tail, _head, element, attrs in drawn:
            colour = re.search(r'color="(#[0-9a-f]{6})', attrs)
            by_id[element] = colour[1] if colour else None
        for index, edge in enumerate(edges):
            (mark,) = edge.marks or {None}
            if mark is None:
                continue
            colour = by_id.get(f"e{index}")
            assert colour == colours[mark], (phase, edge.tail, edge.head, edge.relation, mark)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_the_svg_of_a_diff_is_titled_in_japanese():
    from c2graph.render.diff import diff_bytes

    base, model = (
        load_model(MODELS / "us-japan-2025.yaml"),
        load_model(MODELS / "us-japan-jfhq.yaml"),
    )
    svg = diff_bytes(base, model, "svg", lang="ja").decode("utf-8")
    assert "<title>凡例</title>" in svg and ">凡例<" in svg and "関係の種類が変化" in svg
