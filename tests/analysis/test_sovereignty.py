"""Layers and sovereignty on tiny two-nation models with hand-checked answers.

``combined``: one head, one unit each, and a combined headquarters that the two heads
direct and that holds OPCON of both units in war (in peace each head commands its own
unit); one link of every other layer.  ``lead``: a foreign headquarters with an explicit
TACON of the other nation's unit.  ``conduit``: a staff that transmits its minister's
orders (the Chief of Staff, Joint Staff before 2025).
"""

from __future__ import annotations

import pytest

from c2graph.analysis import (
    approach_space,
    authority_paths,
    chain_of_command,
    commanders,
    counterpart_table,
    dominators,
    force_scopes,
    hierarchy_report,
    phase_switch,
    reach,
    removal_impact,
    span_of_control,
    top_authorities,
)
from c2graph.analysis.graphs import phase_graphs
from c2graph.analysis.sovereignty import consent, families, held_at_top, scope
from tests.builders import build, link


@pytest.fixture
def combined():
    return build(
        [
            ("jp-head", "JP", "political-authority"),
            ("us-head", "US", "political-authority"),
            ("chq", "alliance", "headquarters"),
            ("ju", "JP", "unit"),
            ("uu", "US", "unit"),
            ("jp-agency", "JP", "agency"),
            ("cop", "alliance", "coordination-body"),
        ],
        [
            link("jp-head", "chq", "command"),
            link("us-head", "chq", "command"),
            link("jp-head", "ju", "command", phases=["peace"]),
            link("us-head", "uu", "command", phases=["peace"]),
            link("chq", "ju", "opcon", phases=["war"]),
            link("chq", "uu", "opcon", phases=["war"]),
            link("jp-head", "ju", "adcon"),
            link("us-head", "uu", "adcon"),
            link("jp-head", "jp-agency", "civil-command"),
            link("uu", "ju", "support", phases=["war"]),
            link("ju", "uu", "liaison"),
            link("ju", "cop", "shares-picture"),
            link("uu", "cop", "shares-picture"),
        ],
    )


@pytest.fixture
def lead():
    return build(
        [
            ("jp-head", "JP", "political-authority"),
            ("us-head", "US", "political-authority"),
            ("uhq", "US", "headquarters"),
            ("ju", "JP", "unit"),
        ],
        [
            link("jp-head", "ju", "command"),
            link("us-head", "uhq", "command"),
            link("uhq", "ju", "tacon", phases=["war"]),
        ],
    )


@pytest.fixture
def conduit():
    return build(
        [
            ("dm", "JP", "political-authority"),
            ("cjs", "JP", "staff"),
            ("gso", "JP", "staff"),
            ("gcc", "JP", "component"),
            ("sf", "JP", "component"),
            ("cjcs", "US", "staff"),
        ],
        [
            link("dm", "cjs", "command"),
            link("dm", "gso", "command"),
            link("cjs", "gcc", "transmits"),
            link("cjs", "sf", "transmits"),
            link("gso", "gcc", "adcon"),
            link("cjs", "cjcs", "counterpart"),
        ],
    )


def _paths(model, target, phase, layer="operational"):
    result = authority_paths(model, target, phase=phase, layer=layer)
    return [(p.nodes, p.relations, p.effective, p.scope, p.consent) for p in result.paths]


# --- every layer of the combined model ---------------------------------------------------------


def test_combined_every_layer_in_war(combined):
    assert _paths(combined, "ju", "war") == [
        (("chq", "ju"), ("opcon",), "opcon", "combined", ("jp-head", "us-head"))
    ]
    assert _paths(combined, "ju", "war", "administrative") == [
        (("jp-head", "ju"), ("adcon",), "adcon", "national", ())
    ]
    assert _paths(combined, "jp-agency", "war", "civil") == [
        (("jp-head", "jp-agency"), ("civil-command",), "civil-command", "national", ())
    ]
    assert _paths(combined, "ju", "war", "support") == [
        (("uu", "ju"), ("support",), "none", None, ())
    ]
    assert _paths(combined, "ju", "war", "coordination") == [
        (("ju", "uu"), ("liaison",), "none", None, ())
    ]
    assert _paths(combined, "cop", "war", "information") == [
        (("ju", "cop"), ("shares-picture",), "none", None, ()),
        (("uu", "cop"), ("shares-picture",), "none", None, ()),
    ]


def test_combined_national_chains_in_peace(combined):
    assert _paths(combined, "ju", "peace") == [
        (("jp-head", "ju"), ("command",), "command", "national", ())
    ]
    assert _paths(combined, "uu", "peace", "support") == []
    assert top_authorities(combined, phase="peace") == ("jp-head", "us-head")


def test_a_chain_stops_at_the_combined_body(combined):
    view = phase_graphs(combined, "war").layer("operational")
    assert view.direction == (("jp-head", "chq"), ("us-head", "chq"))
    assert (view.tops, view.heads) == (("chq",), ("jp-head", "us-head"))
    assert consent(view, "chq") == ("jp-head", "us-head")
    assert held_at_top(view, "chq") == "command"
    assert scope(view, ("chq", "uu")) == "combined"
    # No head reaches a force through the combined headquarters, its own or the other's.
    assert reach(combined, "jp-head", phase="war").reached == ()
    assert reach(combined, "us-head", phase="war").reached == ()
    assert [r.to_dict() for r in reach(combined, "chq", phase="war").reached] == [
        {"node": "ju", "effective": ["opcon"], "consent": ["jp-head", "us-head"]},
        {"node": "uu", "effective": ["opcon"], "consent": ["jp-head", "us-head"]},
    ]
    assert chain_of_command(combined, "uu", phase="war") == (("chq", "uu"),)


def test_switch_gives_the_combined_headquarters_opcon_with_both_consents(combined):
    switch = phase_switch(combined, before="peace", after="war")
    assert [g.to_dict() for g in switch.gained] == [
        {
            "authority": "chq",
            "units": [
                {"node": "ju", "effective": ["opcon"], "consent": ["jp-head", "us-head"]},
                {"node": "uu", "effective": ["opcon"], "consent": ["jp-head", "us-head"]},
            ],
        }
    ]
    assert [(c.authority, [u.node for u in c.units]) for c in switch.lost] == [
        ("jp-head", ["ju"]),
        ("us-head", ["uu"]),
    ]
    assert [(c.unit, c.before, c.after) for c in switch.chains_changed] == [
        ("ju", (("jp-head", "ju"),), (("chq", "ju"),)),
        ("uu", (("us-head", "uu"),), (("chq", "uu"),)),
    ]
    assert switch.other_layers == ()


def test_single_points_of_failure_per_family(combined):
    assert [d.to_dict() for d in dominators(combined, phase="peace")] == [
        {"node": "jp-head", "chains": "JP", "units": ["ju"]},
        {"node": "us-head", "chains": "US", "units": ["uu"]},
    ]
    assert [d.to_dict() for d in dominators(combined, phase="war")] == [
        {"node": "chq", "chains": "combined", "units": ["ju", "uu"]}
    ]
    assert [f.name for f in families(phase_graphs(combined, "war").layer("operational"))] == [
        "combined"
    ]
    assert [c.to_dict() for c in removal_impact(combined, "chq", phase="war")] == [
        {"chains": "combined", "units": ["ju", "uu"]}
    ]
    assert [d.to_dict() for d in dominators(combined, phase="war", layer="administrative")] == [
        {"node": "jp-head", "chains": "JP", "units": ["ju"]},
        {"node": "us-head", "chains": "US", "units": ["uu"]},
    ]


def test_force_scopes_name_the_combined_chain_and_its_consent(combined):
    assert force_scopes(combined, phase="peace") == ()
    assert [f.to_dict() for f in force_scopes(combined, phase="war")] == [
        {
            "unit": "ju",
            "nation": "JP",
            "national": [],
            "shared": [
                {"nodes": ["chq", "ju"], "scope": "combined", "consent": ["jp-head", "us-head"]}
            ],
            "warnings": ["ju (JP) has no national chain in this layer"],
        },
        {
            "unit": "uu",
            "nation": "US",
            "national": [],
            "shared": [
                {"nodes": ["chq", "uu"], "scope": "combined", "consent": ["jp-head", "us-head"]}
            ],
            "warnings": ["uu (US) has no national chain in this layer"],
        },
    ]


def test_lubness_names_the_dual_key(combined):
    report = hierarchy_report(combined, phase="war")
    whole = report.whole
    assert (whole.scores.connectedness, whole.scores.efficiency) == (1.0, 1.0)
    assert whole.scores.lubness == pytest.approx(1 / 3)
    assert [d.to_dict() for d in whole.dual_keys] == [
        {"heads": ["jp-head", "us-head"], "nodes": ["chq", "ju", "uu"]}
    ]
    assert dict(whole.readings)["lubness"] == "dual-key: jp-head and us-head over chq, ju, uu"
    assert dict(whole.readings)["hierarchy"].startswith("not informative")
    peace = hierarchy_report(combined, phase="peace").whole
    assert peace.scores.lubness == pytest.approx(1 / 3)
    assert [r.nation for r in hierarchy_report(combined, phase="peace").rows] == [
        "all nations",
        "JP",
        "US",
    ]


def test_approach_and_unity_of_command(combined):
    peace, war = (approach_space(combined, phase=p) for p in ("peace", "war"))
    assert (peace.approach, peace.unity, war.approach, war.unity) == (
        "coordinated",
        "parallel",
        "coordinated",
        "integrated",
    )
    assert war.shared_bodies == ("cop",) and war.units_shared == ("ju", "uu")
    assert (war.cross_pairs, war.information) == (6, pytest.approx(1 / 6))
    assert war.interaction == 0.5
    # In war the heads hold no operational authority of their own: no decider pair.
    assert (war.decider_pairs, war.decision_rights) == (0, 0.0)
    assert (peace.decider_pairs, peace.decision_rights) == (1, 0.0)


# --- a foreign TACON ---------------------------------------------------------------------------


def test_explicit_foreign_tacon_is_a_foreign_chain_with_a_warning(lead):
    result = authority_paths(lead, "ju", phase="war")
    assert [(p.nodes, p.effective, p.scope, p.consent) for p in result.paths] == [
        (("jp-head", "ju"), "command", "national", ()),
        (("us-head", "uhq", "ju"), "tacon", "foreign", ("jp-head",)),
    ]
    assert result.warnings == (
        "national force under a foreign-topped chain: ju under us-head → uhq (operational "
        "layer, tacon); rests on the consent of jp-head",
    )
    (force,) = force_scopes(lead, phase="war")
    assert force.warnings == (
        "national force under a foreign-topped chain: ju (JP) under us-head → uhq; rests on "
        "the consent of jp-head",
    )
    assert [r.to_dict() for r in reach(lead, "uhq", phase="war").reached] == [
        {"node": "ju", "effective": ["tacon"], "consent": ["jp-head"]}
    ]
    assert approach_space(lead, phase="war").unity == "lead-nation"


def test_a_foreign_tacon_never_hides_a_national_bottleneck(lead):
    assert [d.to_dict() for d in dominators(lead, phase="war")] == [
        {"node": "jp-head", "chains": "JP", "units": ["ju"]},
        {"node": "us-head", "chains": "US", "units": ["uhq"]},
    ]
    # Families hold with every authority relation mixed too: us-head's chain into ju is a
    # foreign line, not an alternative JP chain.
    assert [d.node for d in dominators(lead, phase="war", layer="all")] == ["jp-head", "us-head"]
    assert [c.to_dict() for c in removal_impact(lead, "jp-head", phase="war")] == [
        {"chains": "JP", "units": ["ju"]}
    ]


# --- a conduit -------------------------------------------------------------------------------


def test_a_conduit_passes_its_ministers_command(conduit):
    assert _paths(conduit, "gcc", "peace") == [
        (("dm", "cjs", "gcc"), ("command", "transmits"), "command", "national", ())
    ]
    result = commanders(conduit, "gcc", phase="peace")
    assert [s.to_dict() for s in result.superiors] == [
        {"node": "cjs", "relation": "transmits", "link": "cjs->gcc:transmits", "holders": ["dm"]}
    ]
    assert (result.operational, result.warning) == (("dm",), None)
    assert [(r.node, r.effective) for r in reach(conduit, "cjs", phase="peace").reached] == [
        ("gcc", ("transmits",)),
        ("sf", ("transmits",)),
    ]


def test_a_conduit_is_a_single_point_of_failure_but_not_a_commander(conduit):
    assert [(d.node, d.units) for d in dominators(conduit, phase="peace")] == [
        ("cjs", ("gcc", "sf")),
        ("dm", ("gcc", "sf")),
    ]
    assert [c.units for c in removal_impact(conduit, "cjs", phase="peace")] == [("gcc", "sf")]
    (pair,) = counterpart_table(conduit, phase="peace")
    assert (pair.a.node, pair.a.authority, pair.a.role, pair.a.forces) == (
        "cjcs",
        "none",
        "none",
        (),
    )
    assert (pair.b.node, pair.b.authority, pair.b.role, pair.b.forces) == (
        "cjs",
        "transmits",
        "conduit",
        ("gcc", "sf"),
    )
    assert pair.mismatch
    assert span_of_control(conduit, phase="peace").spans[0].to_dict() == {"node": "cjs", "span": 2}


def test_a_chain_of_conduits_names_the_holder_above_them():
    model = build(
        [
            ("dm", "JP", "political-authority"),
            ("cjs", "JP", "staff"),
            ("jtf", "JP", "headquarters"),
            ("u", "JP", "unit"),
            ("other", "JP", "headquarters"),
        ],
        [
            link("dm", "cjs", "command"),
            link("cjs", "jtf", "transmits"),
            link("jtf", "u", "transmits"),
            link("dm", "other", "command"),
            link("other", "u", "opcon"),
        ],
    )
    result = commanders(model, "u", phase="peace")
    assert [(s.node, s.holders) for s in result.superiors] == [
        ("jtf", ("dm",)),
        ("other", ("other",)),
    ]
    assert result.warning == (
        "unity of command: u has 2 operational commanders in phase 'peace': dm (through jtf), "
        "other (opcon)"
    )
