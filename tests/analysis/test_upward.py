"""Tests of c2graph.analysis.upward: the part of a model above a node answers as the whole."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph.analysis import authority_paths, commanders, force_scopes
from c2graph.analysis.upward import upward_model
from c2graph.errors import QueryError
from c2graph.vocabulary import AUTHORITY_LAYERS, LAYER_CHOICES
from tests.builders import alliance_models, build, command_json, link


def _answers(model, unit, phase, layer, source=None):
    """Everything ``path`` tells of ``unit``: chains, superiors and force scope."""
    found = [authority_paths(model, unit, phase=phase, layer=layer, source=source).to_dict()]
    if layer in {*(lay.value for lay in AUTHORITY_LAYERS), "all"}:
        found.append(commanders(model, unit, phase=phase, layer=layer).to_dict())
    if layer in {lay.value for lay in AUTHORITY_LAYERS}:
        found += [f.to_dict() for f in force_scopes(model, phase=phase, layer=layer, unit=unit)]
    return found


@pytest.fixture
def foreign():
    """A JP unit whose only operational chain is a US one; JP has two heads, one of which
    commands nothing above the unit.

    JP: pm -command-> mod -adcon-> unit; cab -command-> agency.
    US: pres -command-> hq -opcon-> unit.  A US unit elsewhere: pres -command-> other.
    """
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("mod", "JP", "ministry"),
            ("cab", "JP", "political-authority"),
            ("agency", "JP", "agency"),
            ("unit", "JP", "unit"),
            ("pres", "US", "political-authority"),
            ("hq", "US", "headquarters"),
            ("other", "US", "unit"),
        ],
        [
            link("pm", "mod", "command"),
            link("mod", "unit", "adcon"),
            link("cab", "agency", "command"),
            link("pres", "hq", "command"),
            link("hq", "unit", "opcon"),
            link("pres", "other", "command"),
        ],
    )


def test_part_keeps_the_chains_above_and_the_nations_heads(foreign):
    part = upward_model(foreign, "peace", ["unit"])
    assert sorted(part.nodes) == ["agency", "cab", "hq", "mod", "pm", "pres", "unit"]
    assert [link.key for link in part.links] == [
        "pm->mod:command",
        "mod->unit:adcon",
        "cab->agency:command",
        "pres->hq:command",
        "hq->unit:opcon",
    ]


def test_foreign_chain_rests_on_every_head_of_the_unit_nation(foreign):
    part = upward_model(foreign, "peace", ["unit"])
    (path,) = authority_paths(part, "unit", phase="peace").paths
    assert (path.nodes, path.scope, path.consent) == (
        ("pres", "hq", "unit"),
        "foreign",
        ("cab", "pm"),
    )
    assert _answers(part, "unit", "peace", "operational") == _answers(
        foreign, "unit", "peace", "operational"
    )


def test_unknown_ids_are_checked_phase_first(foreign):
    with pytest.raises(QueryError, match=r"unknown phase id 'peac' \(did you mean 'peace'\?\)"):
        upward_model(foreign, "peac", ["unitt"])
    with pytest.raises(QueryError, match=r"unknown node id 'unitt' \(did you mean 'unit'\?\)"):
        upward_model(foreign, "peace", ["unitt"])


_KINDS = ("political-authority", "headquarters", "component", "unit", "coordination-body")
MODELS = alliance_models(_KINDS, max_size=9, max_links=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MODELS, st.sampled_from(["peace", "war"]), st.sampled_from(LAYER_CHOICES))
def test_part_answers_as_the_whole_model(case, phase, layer):
    model, size = case
    for i in range(size):
        part = upward_model(model, phase, [f"n{i}"])
        assert _answers(part, f"n{i}", phase, layer) == _answers(model, f"n{i}", phase, layer)


@settings(max_examples=40, deadline=None)
@given(MODELS, st.sampled_from(["peace", "war"]), st.data())
def test_part_with_a_source_answers_as_the_whole_model(case, phase, data):
    model, size = case
    unit, source = (f"n{data.draw(st.integers(0, size - 1))}" for _ in range(2))
    part = upward_model(model, phase, [unit, source])
    for layer in ("operational", "all", "support"):
        expected = authority_paths(model, unit, phase=phase, layer=layer, source=source)
        assert authority_paths(part, unit, phase=phase, layer=layer, source=source) == expected


@settings(max_examples=25, deadline=None)
@given(MODELS, st.sampled_from(["peace", "war"]), st.sampled_from(LAYER_CHOICES))
def test_path_command_answers_as_on_the_whole_model(case, phase, layer):
    model, size = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
        for i in range(size):
            options = ("--phase", phase, "--layer", layer)
            found = command_json("path", str(path), f"n{i}", *options)
            whole = command_json("path", str(path), f"n{i}", *options, "--via-coordination")
            routes = [p for p in whole["paths"] if p["kind"] == "coordination"]
            whole["paths"] = [p for p in whole["paths"] if p["kind"] != "coordination"]
            assert found == whole, routes
