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
    # jhq–uhq directly; ju–uhq and jhq–uu through one relay
    assert place.information == 0.75


def test_coordination_body_only_is_coordinated():
    model = build(
        [*NATIONAL, node("acm", "alliance", "coordination-body")],
        [*CHAINS, link("jhq", "acm", "member"), link("uhq", "acm", "member")],
    )
    place = approach_space(model, phase="war")
    assert place.approach == "coordinated"
    assert place.shared_bodies == ("acm",)
    assert (place.decision_rights, place.interaction, place.information) == (0.0, 0.25, 0.25)
    assert place.cross_links == 0


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


def test_combined_command_with_forces_is_collaborative():
    model = _combined(extra_units=True)
    peace, war = placements(model)
    assert peace.approach == "coordinated"
    assert war.approach == "collaborative"
    assert war.units_shared == ("ju", "uu")
    assert war.decision_rights == pytest.approx(1 / 3)
    assert war.interaction == pytest.approx(4 / 9)
    assert war.information == pytest.approx(4 / 9)


def test_fully_combined_structure_reaches_edge():
    war = approach_space(_combined(extra_units=False), phase="war")
    assert (war.approach, war.decision_rights, war.interaction, war.information) == (
        "edge",
        0.5,
        1.0,
        1.0,
    )


def test_foreign_operational_chain_counts_as_collective():
    model = build(NATIONAL, [*CHAINS, link("uhq", "ju", "tacon", phases=["war"])])
    assert approach_space(model, phase="war").units_shared == ("ju",)
    assert approach_space(model, phase="peacetime").units_shared == ()


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
    assert data["decision_rights"] == 0.3333 and data["decision_rights_level"] == "significant"


def test_unknown_phase():
    with pytest.raises(QueryError, match="unknown phase id 'peace'"):
        approach_space(build(NATIONAL, CHAINS), phase="peace")
