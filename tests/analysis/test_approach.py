"""C2 approach space: exact axis values and approaches on hand-built structures."""

from __future__ import annotations

import pytest

from c2graph import QueryError
from c2graph.analysis.approach import approach_space, axis_level, placements
from tests.builders import build_peacetime_war as build
from tests.builders import link, node

NATIONAL = [
    node("jhq", "JP", "headquarters"),
    node("ju", "JP"),
    node("uhq", "US", "headquarters"),
    node("uu", "US"),
]
CHAINS = [link("jhq", "ju", "opcon"), link("uhq", "uu", "opcon")]


def test_no_cross_links_is_conflicted():
    place = approach_space(build(NATIONAL, CHAINS), phase="peacetime")
    assert (place.approach, place.decision_rights, place.interaction, place.information) == (
        "conflicted",
        0.0,
        0.0,
        0.0,
    )
    assert (place.nations, place.units, place.cross_pairs) == (("JP", "US"), 4, 4)


def test_direct_liaison_only_is_deconflicted():
    place = approach_space(
        build(NATIONAL, [*CHAINS, link("jhq", "uhq", "liaison")]), phase="peacetime"
    )
    assert place.approach == "de-conflicted"
    assert (place.cross_links, place.shared_bodies, place.interaction) == (1, (), 0.25)
    # only the liaison counts: the authority links carry no information between nations
    assert place.information == 0.25
    # the two commanders are in contact but sit in no shared body: no joint decision
    assert (place.decider_pairs, place.decision_rights) == (1, 0.0)


def _with_body(*members):
    nodes = [*NATIONAL, node("ju2", "JP"), node("acm", "alliance", "coordination-body")]
    links = [*CHAINS, link("jhq", "ju2", "opcon")]
    return build(nodes, links + [link(m, "acm", "member") for m in members])


def test_coordination_body_of_the_headquarters_is_coordinated():
    place = approach_space(_with_body("jhq", "uhq"), phase="war")
    assert place.approach == "coordinated"
    assert place.shared_bodies == ("acm",)
    # 1 of 6 cross-nation pairs in contact: limited
    assert (place.decision_rights, place.interaction, place.information) == (
        1.0,
        pytest.approx(1 / 6),
        pytest.approx(1 / 6),
    )
    assert place.cross_links == 0
    assert place.rule == (
        "1 shared operational bodies; axes broad, limited, limited (collaborative needs "
        "every axis at least significant)"
    )


def test_every_axis_significant_is_collaborative_never_edge():
    place = approach_space(_with_body("jhq", "uhq", "ju", "uu"), phase="war")
    assert (place.decision_rights, place.interaction, place.information) == (
        1.0,
        pytest.approx(4 / 6),
        pytest.approx(4 / 6),
    )
    assert place.approach == "collaborative"
    assert place.rule.endswith("(broad, broad, broad); edge is not told from structure")


def test_a_forum_alone_is_deconflicted_but_counts_for_joint_decisions():
    model = build(
        [*NATIONAL, node("scc", "alliance", "forum")],
        [*CHAINS, link("jhq", "scc", "member"), link("uhq", "scc", "member")],
    )
    place = approach_space(model, phase="war")
    assert (place.approach, place.forums, place.shared_bodies) == ("de-conflicted", ("scc",), ())
    assert (place.decision_rights, place.interaction) == (1.0, 0.0)


def _combined(extra_units: bool):
    nodes = [*NATIONAL, node("cfc", "alliance", "headquarters")]
    links = [
        link("jhq", "cfc", "coordination"),
        link("uhq", "cfc", "coordination"),
        link("jhq", "ju", "opcon", phases=["peacetime"]),
        link("uhq", "uu", "opcon", phases=["peacetime"]),
        link("jhq", "ju", "adcon"),
        link("uhq", "uu", "adcon"),
        link("cfc", "ju", "opcon", phases=["war"]),
        link("cfc", "uu", "opcon", phases=["war"]),
    ]
    if extra_units:
        nodes += [node("ju2", "JP"), node("uu2", "US")]
        links += [link("jhq", "ju2", "opcon"), link("uhq", "uu2", "opcon")]
    return build(nodes, links)


def test_combined_command_is_a_unity_of_command_matter_not_decision_rights():
    peace, war = placements(_combined(extra_units=True))
    assert (peace.approach, peace.unity) == ("coordinated", "parallel")
    assert (war.approach, war.unity) == ("coordinated", "integrated")
    assert war.units_shared == ("ju", "uu") and war.units == 6
    assert war.shared_by_nation == (("JP", 1 / 3), ("US", 1 / 3))
    # jhq and uhq still command ju2 and uu2, and both sit with the combined headquarters
    assert (war.decision_rights, war.decider_pairs) == (1.0, 1)
    assert war.interaction == pytest.approx(1 / 9)
    assert war.information == pytest.approx(1 / 9)


def test_a_fully_combined_structure_is_integrated_not_edge():
    war = approach_space(_combined(extra_units=False), phase="war")
    assert (war.approach, war.unity, war.units_shared) == (
        "coordinated",
        "integrated",
        ("ju", "uu"),
    )
    # in war the national headquarters command nothing: there is no decider pair
    assert (war.decider_pairs, war.decision_rights) == (0, 0.0)


def test_foreign_operational_chain_is_lead_nation():
    model = build(NATIONAL, [*CHAINS, link("uhq", "ju", "tacon", phases=["war"])])
    war, peace = (approach_space(model, phase=p) for p in ("war", "peacetime"))
    assert (war.units_shared, war.unity) == (("ju",), "lead-nation")
    assert (peace.units_shared, peace.unity) == ((), "parallel")


def test_one_nation_has_no_approach():
    model = build(NATIONAL[:2], CHAINS[:1])
    place = approach_space(model, phase="war")
    assert (place.approach, place.rule) == ("none", "fewer than two countries take part")


def test_levels_and_json():
    assert [axis_level(v) for v in (0, 0.05, 0.1, 0.25, 0.49, 0.5, 1)] == [
        "none",
        "very limited",
        "limited",
        "significant",
        "significant",
        "broad",
        "broad",
    ]
    data = approach_space(_combined(extra_units=True), phase="war").to_dict()
    assert data["layers"] == ["coordination", "information"]
    assert data["interaction"] == 0.1111 and data["interaction_level"] == "limited"
    assert data["unity_of_command"] == {
        "structure": "integrated",
        "layer": "operational",
        "units": 6,
        "units_shared": ["ju", "uu"],
        "by_nation": {"JP": 0.3333, "US": 0.3333},
    }


def test_unknown_phase():
    with pytest.raises(QueryError, match="unknown phase id 'peace'"):
        approach_space(build(NATIONAL, CHAINS), phase="peace")
