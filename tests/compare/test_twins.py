"""Twin phases: found exactly, and a comparison that computes each pair of twins once
gives every answer a comparison computing every phase afresh gives."""

from __future__ import annotations

import importlib
import json

import pytest
from hypothesis import given, settings

from c2graph import load_model_data
from c2graph.compare import briefing, compare
from c2graph.compare.twins import phase_twins
from c2graph.synthetic import generate
from tests.builders import build, forward_links, link, node, numbered_nodes

PHASES = ["p", "q", "r"]


def test_a_link_held_in_one_phase_only_parts_the_phases():
    model = build(
        [node("a", "JP", "headquarters"), node("b", "JP"), node("c", "JP")],
        [link("a", "b", "opcon"), link("a", "c", "opcon", phases=["q", "r"])],
        phases=PHASES,
    )
    assert phase_twins(model) == {"p": "p", "q": "q", "r": "q"}


def test_every_phase_of_a_model_holding_everything_everywhere_is_a_twin_of_the_first():
    model = build([node("a", "JP")], [], phases=PHASES)
    assert phase_twins(model) == {"p": "p", "q": "p", "r": "p"}


def test_the_synthetic_order_of_battle_has_four_twin_crisis_phases():
    model = load_model_data(generate(60))
    assert phase_twins(model) == {
        "peacetime": "peacetime",
        "gray-zone": "gray-zone",
        "important-influence": "important-influence",
        "anticipated-attack": "important-influence",
        "survival-threatening": "important-influence",
        "armed-attack": "important-influence",
    }


def _every_phase_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    def alone(model):
        return {p: p for p in model.phase_ids}

    for name in ("comparison", "briefing"):
        module = importlib.import_module(f"c2graph.compare.{name}")
        monkeypatch.setattr(module, "phase_twins", alone)


def _answers(a_data, b_data) -> str:
    a, b = load_model_data(a_data), load_model_data(b_data)  # fresh models: no cache shared
    result = compare(a, b)
    return json.dumps(result.to_dict() | {"briefing": briefing(result, a, b).to_dict()})


def test_synthetic_variants_are_compared_alike_with_and_without_twins():
    a_data, b_data = generate(80, seed=0), generate(80, seed=1)
    once = _answers(a_data, b_data)
    with pytest.MonkeyPatch.context() as patch:
        _every_phase_afresh(patch)
        afresh = _answers(a_data, b_data)
    assert once == afresh


def _data(nodes, links):
    return {
        "name": "m",
        "as_of": "2025",
        "phases": [{"id": p, "name": p.upper()} for p in PHASES],
        "nodes": [{"id": i, "name": i, "nation": n, "kind": k} for i, n, k in nodes],
        "links": links,
    }


HOLDS = [["p"], ["q", "r"], ["p", "q", "r"], ["r"]]
RELATIONS = ["command", "opcon", "tacon", "coordination", "counterpart"]
KINDS = ["headquarters", "unit", "coordination-body"]


@settings(max_examples=25, deadline=None)
@given(
    numbered_nodes(7, kinds=KINDS, nations=["JP", "US", "AL"]),
    forward_links(7, RELATIONS, max_links=14, phases=HOLDS),
    forward_links(7, RELATIONS, max_links=14, phases=HOLDS),
)
def test_random_models_are_compared_alike_with_and_without_twins(nodes, links_a, links_b):
    a_data, b_data = _data(nodes, links_a), _data(nodes, links_b)
    once = _answers(a_data, b_data)
    with pytest.MonkeyPatch.context() as patch:
        _every_phase_afresh(patch)
        afresh = _answers(a_data, b_data)
    assert once == afresh
