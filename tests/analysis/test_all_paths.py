"""Tests of c2graph.analysis.paths.all_authority_paths: the chains of many targets in one
pass, the same answers as authority_paths target by target."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph.analysis import all_authority_paths, authority_paths
from c2graph.errors import QueryError
from c2graph.vocabulary import LAYER_CHOICES
from tests.builders import alliance_models, build, link, shipped


@pytest.fixture
def lattice():
    """Two chains into ``u`` (one a foreign one), parallel links, a combined body that cuts
    the national chain into it, and OPCON then TACON met along a chain.

    JP: pm -command-> hq -opcon-> u, hq -opcon/tacon-> v; pm -command-> cs (direction).
    US: pres -command-> us-hq -tacon-> u.  Alliance: cs -opcon-> w.
    """
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("hq", "JP", "headquarters"),
            ("u", "JP", "unit"),
            ("v", "JP", "unit"),
            ("w", "JP", "unit"),
            ("cs", "alliance", "headquarters"),
            ("pres", "US", "political-authority"),
            ("us-hq", "US", "headquarters"),
        ],
        [
            link("pm", "hq", "command"),
            link("hq", "u", "opcon"),
            link("hq", "v", "opcon"),
            link("hq", "v", "tacon"),
            link("pm", "cs", "command"),
            link("cs", "w", "opcon"),
            link("pres", "us-hq", "command"),
            link("us-hq", "u", "tacon"),
        ],
    )


def _chains(result):
    return [(p.nodes, p.relations, p.effective, p.scope, p.consent) for p in result.paths]


def test_every_chain_of_each_target_with_its_scope_and_consent(lattice):
    found = all_authority_paths(lattice, ["u", "v", "w", "pm"], phase="peace")
    assert list(found) == ["u", "v", "w", "pm"]
    assert _chains(found["u"]) == [
        (("pm", "hq", "u"), ("command", "opcon"), "opcon", "national", ()),
        (("pres", "us-hq", "u"), ("command", "tacon"), "tacon", "foreign", ("pm",)),
    ]
    assert _chains(found["v"]) == [
        (("pm", "hq", "v"), ("command", "opcon"), "opcon", "national", ()),
        (("pm", "hq", "v"), ("command", "tacon"), "tacon", "national", ()),
    ]
    assert _chains(found["w"]) == [
        (("cs", "w"), ("opcon",), "opcon", "combined", ("pm",)),
    ]
    assert found["pm"].paths == ()
    assert found["u"].warnings == (
        "national force under a foreign-topped chain: u under pres → us-hq (operational "
        "layer, tacon); rests on the consent of pm",
    )


def test_same_answers_as_one_target_at_a_time_in_every_layer(lattice):
    for layer in LAYER_CHOICES:
        found = all_authority_paths(lattice, lattice.nodes, phase="peace", layer=layer)
        for unit in lattice.nodes:
            assert found[unit] == authority_paths(lattice, unit, phase="peace", layer=layer)


def test_a_target_given_twice_is_answered_once(lattice):
    assert list(all_authority_paths(lattice, ["u", "v", "u"], phase="peace")) == ["u", "v"]


def test_unknown_ids_raise_naming_the_closest(lattice):
    with pytest.raises(QueryError, match=r"unknown node id 'uu' \(did you mean 'u'\?\)"):
        all_authority_paths(lattice, ["u", "uu"], phase="peace")
    with pytest.raises(QueryError, match=r"unknown phase id 'peac'"):
        all_authority_paths(lattice, ["u"], phase="peac")


def test_the_shipped_models_answer_as_one_target_at_a_time():
    for name in ("us-japan-2025.yaml", "us-rok-cfc.yaml", "us-japan-combined-staff.yaml"):
        model = shipped(name)
        for phase in model.phase_ids:
            for layer in ("operational", "civil", "administrative", "all"):
                found = all_authority_paths(model, model.nodes, phase=phase, layer=layer)
                for unit in model.nodes:
                    expected = authority_paths(model, unit, phase=phase, layer=layer)
                    assert found[unit] == expected, (name, phase, layer, unit)


_KINDS = ("political-authority", "headquarters", "component", "unit", "coordination-body")
MODELS = alliance_models(_KINDS, max_size=10, max_links=24)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MODELS, st.sampled_from(["peace", "war"]), st.sampled_from(LAYER_CHOICES))
def test_random_models_answer_as_one_target_at_a_time(case, phase, layer):
    model, size = case
    units = [f"n{i}" for i in range(size)]
    found = all_authority_paths(model, units, phase=phase, layer=layer)
    for unit in units:
        expected = authority_paths(model, unit, phase=phase, layer=layer)
        assert found[unit] == expected
        assert found[unit].warnings == expected.warnings
