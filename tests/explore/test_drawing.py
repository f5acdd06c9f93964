"""The explorer's chart: every situation at once, in the layout ``draw --phases`` shares."""

from __future__ import annotations

import re

import pytest

from c2graph import load_model, load_model_data
from c2graph.explore.drawing import explorer_drawing
from c2graph.render import build_scene

from ..conftest import MODELS
from .conftest import VARYING

SHIPPED = sorted(MODELS.glob("*.yaml"))


@pytest.fixture(scope="module", params=SHIPPED, ids=lambda p: p.stem)
def drawn(request):
    model = load_model(request.param)
    return model, explorer_drawing(model)


def test_each_situation_shows_exactly_what_draw_draws_for_it(drawn):
    """What the page shows in a situation (a node that exists in it; a link that holds in
    it between two such nodes) is what ``c2graph draw --phase`` draws."""
    model, drawing = drawn
    for situation in model.situations:
        panel = build_scene(model, phase=situation).panels[0]
        nodes = {n for n in drawing.nodes if situation in model.node(n).phases}
        links = {
            key
            for key in drawing.links
            if situation in model.link(key).phases
            and {model.link(key).from_node, model.link(key).to_node} <= nodes
        }
        assert nodes == {node.id for node in panel.nodes}, situation
        assert links == {edge.key for edge in panel.edges}, situation


def test_every_element_is_mapped_in_model_order(drawn):
    model, drawing = drawn
    assert list(drawing.nodes) == [n for n in model.nodes if n in set(drawing.nodes)]
    order = [link.key for link in model.links]
    assert sorted(drawing.links, key=order.index) == list(drawing.links)
    nodes = re.findall(r'<g id="n(\d+)" class="node">', drawing.svg)
    edges = re.findall(r'<g id="e(\d+)" class="edge">', drawing.svg)
    assert sorted(map(int, nodes)) == list(range(len(drawing.nodes)))
    assert sorted(map(int, edges)) == list(range(len(drawing.links)))


def test_a_body_lists_the_members_it_has_in_each_situation():
    drawing = explorer_drawing(load_model_data(VARYING))
    assert list(drawing.member_lines) == ["body"]
    body = drawing.member_lines["body"]
    assert body.first == 1
    assert body.lines == {"peace": ("JHQ",), "war": ("JHQ · US HQ",)}
    assert ">JHQ · US HQ</text>" in drawing.svg  # drawn with every member it ever has


def test_no_marks_of_a_side_by_side_chart():
    drawing = explorer_drawing(load_model(MODELS / "us-japan-2025.yaml"))
    assert "phases: Peacetime |" not in drawing.svg and "switch" not in drawing.svg.lower()
    assert ">as of 2025&#45;10&#45;29</text>" in drawing.svg
