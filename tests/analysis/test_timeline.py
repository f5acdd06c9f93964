"""Scenario timelines: changes at each step, decisions carried forward, shipped timelines."""

from __future__ import annotations

import pytest

from c2graph import QueryError
from c2graph.analysis.timeline import timeline
from c2graph.scenarios import Step, Timeline
from tests.builders import build, link, node, shipped

PHASES = [
    {"id": "peace", "name": "Peace", "nation": "JP"},
    {"id": "gray", "name": "Gray", "nation": "JP", "requires": ["pso"]},
    {"id": "attack", "name": "Attack", "nation": "JP", "requires": ["brp"]},
]


def model():
    return build(
        [node("pm", "JP", "political-authority"), node("jcg", "JP", "agency")],
        [
            link("pm", "jcg", "control", id="gray-control", phases=["gray"], requires=["jcg80"]),
            link(
                "pm", "jcg", "control", id="attack-control", phases=["attack"], requires=["jcg80"]
            ),
        ],
        phases=PHASES,
        decisions=[
            {"id": "pso", "name": "PSO", "deciders": ["pm"], "kind": "order"},
            {"id": "brp", "name": "BRP", "deciders": ["pm"], "kind": "cabinet-decision"},
            {
                "id": "jcg80",
                "name": "JCG",
                "deciders": ["pm"],
                "kind": "order",
                "discretionary": True,
                "prerequisites": {"any": ["pso", "brp"]},
            },
        ],
        timelines=[
            {
                "id": "t",
                "name": "T",
                "steps": [
                    {"at": "2026-05-16T02:00+09:00", "enter": "gray", "note": "landing"},
                    {"at": "2026-05-17T02:00+09:00", "enter": "attack"},
                ],
            }
        ],
    )


def test_each_step_against_the_one_before():
    result = timeline(model())
    first, second = result.steps
    assert (first.enter, first.note, [c.link for c in first.activated]) == (
        "gray",
        "landing",
        ["gray-control"],
    )
    assert [d.id for d in first.decisions.required] == ["pso"]
    assert [d.id for d in first.decisions.discretionary] == ["jcg80"]
    # the same control link on another record: changed once, neither activated nor lapsed
    assert (second.activated, second.lapsed) == ((), ())
    assert [(c.before.link, c.after.link) for c in second.changed] == [
        ("gray-control", "attack-control")
    ]
    # the Art. 80 decision taken at the first step stays in force
    assert [d.id for d in second.decisions.required] == ["brp"]
    assert second.decisions.discretionary == ()
    assert second.decisions.ending == ("pso",)


def test_a_timeline_given_from_elsewhere_and_unknown_ids():
    given = Timeline("x", "X", (Step("2026-05-16T02:00+09:00", "attack"),))
    (step,) = timeline(model(), given=given).steps
    assert [d.id for d in step.decisions.required] == ["brp"]
    with pytest.raises(QueryError, match="unknown timeline id 'u'"):
        timeline(model(), "u")
    with pytest.raises(QueryError, match="the model has no timelines"):
        timeline(build([node("a", "JP")], []))


def test_shipped_remote_island_timeline():
    result = timeline(shipped("us-japan-2025.yaml"), "remote-island")
    first, second = result.steps
    assert [d.id for d in first.decisions.required] == [
        "jp-public-security-order-78",
        "us-posture-crisis",
    ]
    assert [c.requirement for c in first.decisions.choices] == [
        "jp-cabinet-approval-gz or jp-telephone-cabinet-gz"
    ]
    assert [d.id for d in second.decisions.required] == [
        "jp-nsc-brp-armed-attack",
        "jp-brp-armed-attack",
        "jp-defense-op-order-armed-attack",
        "us-execute-order",
    ]
    assert second.situation == "JP: armed-attack, US: us-contingency"
