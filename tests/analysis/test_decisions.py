"""The decisions a change of situation needs: no ladder, dependency order, alternatives,
discretionary decisions apart, both nations, and the shipped US–Japan answer."""

from __future__ import annotations

import pytest

from c2graph.analysis import decision_plan
from c2graph.analysis.decisions import closure, in_force
from tests.builders import build, link, node, shipped

PHASES = [
    {"id": "peace", "name": "Peace", "nation": "JP"},
    {"id": "gray", "name": "Gray", "nation": "JP", "requires": {"any": ["mso", "pso"]}},
    {"id": "attack", "name": "Attack", "nation": "JP", "requires": ["nsc", "brp"]},
    {"id": "steady", "name": "Steady", "nation": "US"},
    {"id": "combat", "name": "Combat", "nation": "US", "requires": ["execute"]},
]
DECISIONS = [
    {"id": "nsc", "name": "NSC", "deciders": ["nscnode"], "kind": "consultation"},
    {
        "id": "brp",
        "name": "BRP",
        "deciders": ["cab"],
        "kind": "cabinet-decision",
        "prerequisites": ["nsc"],
        "approvals": [{"by": "diet", "timing": "immediately-after"}],
    },
    {
        "id": "order",
        "name": "Order",
        "deciders": ["pm"],
        "kind": "order",
        "prerequisites": ["brp"],
        "approvals": [{"by": "diet", "timing": "prior-or-after"}],
    },
    {"id": "mso", "name": "MSO", "deciders": ["mod"], "kind": "order"},
    {
        "id": "pso",
        "name": "PSO",
        "deciders": ["pm"],
        "kind": "order",
        "approvals": [{"by": "diet", "timing": "after", "within": "20 d"}],
    },
    {
        "id": "jcg",
        "name": "JCG control",
        "deciders": ["cab"],
        "kind": "cabinet-decision",
        "discretionary": True,
        "prerequisites": {"any": ["order", "pso"]},
    },
    {"id": "execute", "name": "Execute", "deciders": ["potus", "secdef"], "kind": "order"},
    {
        "id": "consult",
        "name": "Prior consultation",
        "deciders": ["potus", "cab"],
        "kind": "consultation",
        "prerequisites": ["execute"],
    },
]


@pytest.fixture
def model():
    return build(
        [node(n, "JP", "political-authority") for n in ("pm", "cab", "mod", "nscnode")]
        + [
            node("diet", "JP", "legislature"),
            node("jcgnode", "JP", "agency"),
            node("potus", "US", "political-authority"),
            node("secdef", "US", "political-authority"),
            node("sdf", "JP", "headquarters"),
        ],
        [
            link("pm", "mod", "command", id="pm-dm-attack", phases=["attack"], requires=["order"]),
            link(
                "mod",
                "jcgnode",
                "control",
                id="jcg-attack",
                phases=["attack"],
                requires=["order", "jcg"],
            ),
            link(
                "mod", "jcgnode", "control", id="jcg-gray", phases=["gray"], requires=["pso", "jcg"]
            ),
            link("mod", "sdf", "command"),
        ],
        phases=PHASES,
        decisions=DECISIONS,
        scenarios=[
            {"id": "both", "name": "Both", "phases": {"JP": "attack", "US": "combat"}},
            {"id": "abroad", "name": "Abroad", "phases": {"US": "combat"}, "requires": ["consult"]},
        ],
    )


def ids(decisions):
    return [d.id for d in decisions]


def test_an_armed_attack_from_peacetime_needs_no_gray_zone_decision(model):
    plan = decision_plan(model, before="peace", after="attack")
    assert ids(plan.required) == ["nsc", "brp", "order"]
    assert ids(plan.discretionary) == ["jcg"]
    assert plan.choices == ()
    (jcg,) = plan.discretionary
    assert (jcg.prerequisites, jcg.needed_for) == ("order or pso", ("link jcg-attack",))
    order = plan.required[2]
    assert [(a.by, a.timing) for a in order.approvals] == [("diet", "prior-or-after")]
    assert order.to_dict()["approvals"][0]["meaning"] == (
        "before in principle; after the fact in an emergency"
    )


def test_entering_a_gray_zone_is_a_choice_of_actions(model):
    plan = decision_plan(model, before="peace", after="gray")
    assert ids(plan.required) == ["pso"]  # the Art. 80 link needs the Art. 78 order
    assert ids(plan.discretionary) == ["jcg"]
    # the phase's alternatives are met by the order the link needs anyway
    assert plan.choices == ()
    alone = decision_plan(
        build(
            [node("pm", "JP", "political-authority"), node("mod", "JP", "political-authority")],
            [],
            phases=PHASES[:2],
            decisions=[DECISIONS[3], {**DECISIONS[4], "approvals": []}],
        ),
        before="peace",
        after="gray",
    )
    assert [(c.requirement, c.needed_for) for c in alone.choices] == [
        ("mso or pso", ("phase gray",))
    ]
    assert alone.required == ()


def test_what_is_in_force_is_not_decided_again(model):
    assert sorted(in_force(model, "attack")) == ["brp", "nsc"]
    plan = decision_plan(model, before="gray", after="attack")
    # the gray zone's alternatives are not in force for sure, so the order's chain is needed
    assert ids(plan.required) == ["nsc", "brp", "order"]
    assert ids(plan.discretionary) == ["jcg"]
    assert plan.ending == ("pso",)


def test_both_nations_decide_in_a_scenario(model):
    plan = decision_plan(model, before="peace", after="both")
    assert ids(plan.required) == ["nsc", "brp", "order", "execute"]
    (execute,) = [d for d in plan.required if d.id == "execute"]
    assert (execute.nations, execute.deciders) == (("US",), ("potus", "secdef"))
    assert execute.needed_for == ("phase combat",)


def test_a_scenario_may_require_a_joint_decision_beyond_its_phases(model):
    plan = decision_plan(model, before="peace", after="abroad")
    assert ids(plan.required) == ["execute", "consult"]
    assert plan.required[1].needed_for == ("scenario abroad",)
    assert plan.required[1].nations == ("US", "JP")
    assert ids(decision_plan(model, before="combat", after="abroad").required) == ["consult"]


def test_de_escalation_ends_decisions_latest_first(model):
    plan = decision_plan(model, before="attack", after="peace")
    assert plan.required == () and plan.ending == ("jcg", "order", "brp", "nsc")


def test_closure_follows_prerequisites_but_not_alternatives(model):
    assert closure(model, ["jcg"]) == ("jcg",)
    assert closure(model, ["order"]) == ("order", "brp", "nsc")


def test_shipped_2025_peacetime_to_armed_attack():
    model = shipped("us-japan-2025.yaml")
    plan = decision_plan(model, before="peacetime", after="armed-attack")
    assert ids(plan.required) == [
        "jp-nsc-brp-armed-attack",
        "jp-brp-armed-attack",
        "jp-defense-op-order-armed-attack",
    ]
    assert [(d.kind, d.deciders) for d in plan.required] == [
        ("consultation", ("jp-nsc",)),
        ("cabinet-decision", ("jp-cabinet",)),
        ("order", ("jp-pm",)),
    ]
    order = plan.required[2]
    assert [(a.by, a.timing) for a in order.approvals] == [("jp-diet", "prior-or-after")]
    (jcg,) = plan.discretionary
    assert (jcg.id, jcg.kind, jcg.deciders) == (
        "jp-jcg-control-80",
        "cabinet-decision",
        ("jp-cabinet",),
    )
    assert "Art. 80" in jcg.basis
    # no intermediate situation is a prerequisite
    every = {d.id for d in (*plan.required, *plan.discretionary)}
    assert not any(
        name.startswith(("jp-iis", "jp-brp-anticipated", "jp-brp-survival")) for name in every
    )
    assert plan.choices == ()


def test_shipped_2022_places_the_jcg_by_the_pms_decision():
    plan = decision_plan(shipped("us-japan-2022.yaml"), before="peacetime", after="armed-attack")
    (jcg,) = plan.discretionary
    assert (jcg.kind, jcg.deciders) == ("order", ("jp-pm",))


def test_shipped_us_rok_wartime_is_a_joint_decision_of_both_presidents():
    plan = decision_plan(shipped("us-rok-cfc.yaml"), before="armistice", after="wartime")
    assert ids(plan.required) == ["rok-us-mc-recommendation", "rok-us-defcon3"]
    assert plan.required[1].deciders == ("kr-president", "us-president")
