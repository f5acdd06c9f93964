"""The decision-level comparison: each finding once, with the phases it holds in, on the
hand-built alliance and its USFJ variant (answers worked in ``tests/report/_alliance.py``)."""

from __future__ import annotations

import gc
import weakref

import pytest
from hypothesis import given, settings

from c2graph import load_model, load_model_data
from c2graph.analysis.graphs import forget_phase, phase_graphs
from c2graph.analysis.paths import authority_view
from c2graph.compare import briefing, compare
from c2graph.compare.briefing import (
    AuthorityShift,
    CutShift,
    DecisionShift,
    FailureShift,
    PeerShift,
    compared_briefing,
    decisions_in_force,
)
from tests.builders import alliance_models
from tests.report._alliance import BASE, VARIANT

ALL = ("peace", "crisis", "war")


@pytest.fixture
def pair(write_model):
    base = load_model(write_model(BASE, "base.yaml"))
    return base, load_model(write_model(VARIANT, "variant.yaml"))


@pytest.fixture
def brief(pair):
    a, b = pair
    return briefing(compare(a, b), a, b)


def test_who_commands_whom(brief):
    assert brief.authority == (
        AuthorityShift("fleet", "c7f", ("opcon",), ("adcon",), ALL),
        AuthorityShift("usfj", "c7f", (), ("opcon",), ALL),
    )
    (chain,) = brief.chains
    assert (chain.unit, chain.joined, chain.left, chain.phases) == (
        "c7f",
        ("usfj",),
        ("fleet",),
        ALL,
    )
    assert chain.after == (("potus", "indo", "usfj", "c7f"),)
    assert brief.forces == ()


def test_decisions_failures_cuts_and_counterparts(brief):
    assert brief.decisions == (DecisionShift("delegate", True, ALL),)
    assert brief.failures == (
        FailureShift("fleet", "US", ("c7f",), (), ALL),
        FailureShift("usfj", "US", (), ("c7f",), ALL),
    )
    assert brief.cuts == (CutShift("fleet", False, ("peace", "crisis")),)
    assert brief.peers == (
        PeerShift(
            "jjoc", "usfj", "mismatch", "match", ("commands", "none"), ("commands", "commands"), ALL
        ),
    )
    assert brief.unchanged_phases == ()
    assert not brief.is_empty


def test_measures_that_change_once_each_with_their_phases(brief):
    assert [(v.measure, v.before, v.after, v.phases) for v in brief.values] == [
        ("links", 9, 10, ("peace",)),
        ("authority links", 8, 9, ALL),
        ("links", 11, 12, ("crisis",)),
        ("decision rights", 0.0, 0.1111, ("crisis", "war")),
        ("links", 12, 13, ("war",)),
    ]


def test_identical_models_have_no_finding(pair):
    a, _ = pair
    brief = briefing(compare(a, a), a, a)
    assert brief.is_empty and brief.unchanged_phases == ALL
    assert brief.to_dict()["unchanged_phases"] == list(ALL)


def test_a_new_force_comes_with_its_chain():
    def model(extra):
        nodes = [
            {"id": "hq", "name": "HQ", "nation": "US", "kind": "headquarters"},
            {"id": "u", "name": "U", "nation": "US", "kind": "unit"},
        ]
        links = [{"from": "hq", "to": "u", "relation": "opcon"}]
        if extra:
            nodes.append({"id": "v", "name": "V", "nation": "US", "kind": "unit"})
            links.append({"from": "hq", "to": "v", "relation": "tacon"})
        return load_model_data(
            {
                "name": "x",
                "as_of": "2025",
                "phases": [{"id": "p", "name": "P"}],
                "nodes": nodes,
                "links": links,
            }
        )

    a, b = model(False), model(True)
    (force,) = briefing(compare(a, b), a, b).forces
    assert (force.unit, force.added, force.chains, force.phases) == (
        "v",
        True,
        (("hq", "v"),),
        ("p",),
    )


def test_decisions_in_force_are_the_phase_s_and_its_links(pair):
    a, b = pair
    assert decisions_in_force(a, phase="war") == ("order", "plan")
    assert decisions_in_force(b, phase="peace") == ("delegate",)


_KINDS = ("political-authority", "headquarters", "component", "unit", "coordination-body")
MODELS = alliance_models(_KINDS, max_size=8, max_links=16)


@settings(max_examples=40, deadline=None)
@given(MODELS, MODELS)
def test_one_pass_gives_the_comparison_and_its_briefing(first, second):
    (a, _), (b, _) = first, second
    found = compared_briefing(a, b)
    result = compare(a, b)
    assert found == (result, briefing(result, a, b))


def test_one_pass_forgets_each_phase_s_graphs(pair):
    base, variant = pair
    graphs = phase_graphs(base, "peace")
    compared_briefing(base, variant)
    assert phase_graphs(base, "peace") is not graphs


def test_each_model_is_measured_and_read_before_the_other(pair):
    base, variant = pair
    calls = []

    def side(model, phase, diff, after):
        calls.append((model.name, phase, after, diff.phase))
        return model.name

    def each(compared, read_a, read_b):
        calls.append(("each", compared.phase, read_a, read_b))

    compare(base, variant, phase="war", side=side, each=each)
    assert calls == [
        (base.name, "war", False, "war"),
        (variant.name, "war", True, "war"),
        ("each", "war", base.name, variant.name),
    ]


def test_a_model_s_view_goes_before_the_other_model_is_measured(pair):
    base, variant = pair

    def side(model, phase, _diff, _after):
        view = authority_view(model, phase=phase)
        refs = [weakref.ref(view), weakref.ref(view.chains), weakref.ref(view.graph)]
        del view
        forget_phase(model, phase)
        gc.collect()
        return [ref() for ref in refs] == [None] * 3  # the chains kept hold no graph of it

    seen = []
    compare(base, variant, phase="war", side=side, each=lambda _c, *read: seen.append(read))
    assert seen == [(True, True)]
