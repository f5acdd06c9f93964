"""Tests of c2graph.analysis.plainpaths: the answers found on plain dicts are the networkx ones."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph import load_model
from c2graph.analysis import authority_paths, commanders, force_scopes
from c2graph.analysis.kernelchoice import KERNELS_VARIABLE
from c2graph.analysis.plainpaths import unit_commanders, unit_force_scope, unit_paths
from c2graph.analysis.upward import upward_model
from c2graph.cli.main import main
from c2graph.errors import QueryError
from c2graph.vocabulary import AUTHORITY_LAYERS, LAYER_CHOICES, carries_authority
from tests.builders import MODELS as MODEL_FILES
from tests.builders import alliance_models, build, link

_NATIONAL_LAYERS = {layer.value for layer in AUTHORITY_LAYERS}


def _reference(model, unit, phase, layer, source=None):
    """What ``path`` tells of ``unit``, found by the networkx analyses."""
    found = [authority_paths(model, unit, phase=phase, layer=layer, source=source)]
    if carries_authority(layer):
        found.append(commanders(model, unit, phase=phase, layer=layer))
    if layer in _NATIONAL_LAYERS:
        found.append(force_scopes(model, phase=phase, layer=layer, unit=unit))
    return found


def _plain(model, unit, phase, layer, source=None):
    """The same, found on plain dicts."""
    found = [unit_paths(model, unit, phase=phase, layer=layer, source=source)]
    if carries_authority(layer):
        found.append(unit_commanders(model, unit, phase=phase, layer=layer))
    if layer in _NATIONAL_LAYERS:
        found.append(unit_force_scope(model, unit, phase=phase, layer=layer))
    return found


@pytest.fixture
def conduits():
    """Two commanders over one unit through a conduit, a combined body directed by both
    nations, and a unit absent from peacetime.

    JP: pm -command-> mod -transmits-> cos -transmits-> unit; pm -opcon-> unit (war only).
    US: pres -command-> hq; hq -opcon-> unit.  Both heads -command-> cc (alliance),
    cc -tacon-> late (a JP unit of war only).
    """
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("mod", "JP", "ministry"),
            ("cos", "JP", "headquarters"),
            ("unit", "JP", "unit"),
            ("pres", "US", "political-authority"),
            ("hq", "US", "headquarters"),
            ("cc", "alliance", "headquarters"),
            {"id": "late", "name": "LATE", "nation": "JP", "kind": "unit", "phases": ["war"]},
        ],
        [
            link("pm", "mod", "command"),
            link("mod", "cos", "transmits"),
            link("cos", "unit", "transmits"),
            link("pm", "unit", "opcon", phases=["war"]),
            link("pres", "hq", "command"),
            link("hq", "unit", "opcon"),
            link("pm", "cc", "command"),
            link("pres", "cc", "opcon"),
            link("cc", "late", "tacon"),
        ],
    )


def test_conduits_and_two_commanders(conduits):
    found = unit_commanders(conduits, "unit", phase="war")
    assert [(s.node, s.relation, s.holders) for s in found.superiors] == [
        ("cos", "transmits", ("pm",)),
        ("hq", "opcon", ("hq",)),
        ("pm", "opcon", ("pm",)),
    ]
    assert found.operational == ("hq", "pm")
    assert found.warning == (
        "unity of command: unit has 2 operational commanders in phase 'war': "
        "pm (through cos), hq (opcon), pm (opcon)"
    )
    assert found == commanders(conduits, "unit", phase="war")


def test_combined_chain_holds_what_every_nation_gives(conduits):
    (path,) = unit_paths(conduits, "late", phase="war").paths
    assert (path.nodes, path.effective, path.scope, path.consent) == (
        ("cc", "late"),
        "tacon",
        "combined",
        ("pm", "pres"),
    )
    (scope,) = unit_force_scope(conduits, "late", phase="war")
    assert scope.warnings == ("late (JP) has no national chain in this layer",)


@pytest.mark.parametrize("phase", ["peace", "war"])
@pytest.mark.parametrize("layer", LAYER_CHOICES)
def test_every_answer_of_the_fixture_is_the_networkx_one(conduits, phase, layer):
    for unit in conduits.nodes:
        for source in (None, *conduits.nodes):
            expected = _reference(conduits, unit, phase, layer, source)
            assert _plain(conduits, unit, phase, layer, source) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "peace", "all", "nope"), "unknown node id 'nope'"),
        (("unit", "peace", "all", "nope"), "unknown node id 'nope'"),
        (("unit", "peac", "nope", None), "unknown phase id 'peac'"),
        (("unit", "peace", "nope", None), "unknown layer 'nope'"),
    ],
)
def test_ids_are_checked_in_the_same_order(conduits, args, message):
    unit, phase, layer, source = args
    for find in (authority_paths, unit_paths):
        with pytest.raises(QueryError, match=message) as raised:
            find(conduits, unit, phase=phase, layer=layer, source=source)
        assert message in str(raised.value)
    for find in (commanders, unit_commanders):
        with pytest.raises(QueryError, match="carries no authority"):
            find(conduits, "unit", phase="peac", layer="support")


_KINDS = ("political-authority", "headquarters", "component", "unit", "coordination-body")
RANDOM_MODELS = alliance_models(_KINDS, max_size=9, max_links=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM_MODELS, st.sampled_from(["peace", "war"]), st.sampled_from(LAYER_CHOICES))
def test_plain_answers_on_the_part_are_the_networkx_ones_on_the_whole(case, phase, layer):
    model, size = case
    for i in range(size):
        unit = f"n{i}"
        expected = _reference(model, unit, phase, layer)
        assert _plain(upward_model(model, phase, [unit]), unit, phase, layer) == expected
        assert _plain(model, unit, phase, layer) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM_MODELS, st.sampled_from(["peace", "war"]), st.sampled_from(LAYER_CHOICES))
def test_plain_answers_from_a_source_are_the_networkx_ones(case, phase, layer):
    model, size = case
    for i in range(size):
        for j in range(size):
            unit, source = f"n{i}", f"n{j}"
            part = upward_model(model, phase, [unit, source])
            expected = _reference(model, unit, phase, layer, source)
            assert _plain(part, unit, phase, layer, source) == expected


SHIPPED = sorted(MODEL_FILES.glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_node_phase_and_layer_of_a_shipped_model(path):
    model = load_model(path)
    situations = [*(p.id for p in (*model.phases, *model.other_phases)), *model.scenarios]
    for phase in situations:
        for unit in model.nodes:
            part = upward_model(model, phase, [unit])
            for layer in LAYER_CHOICES:
                assert _plain(part, unit, phase, layer) == _reference(model, unit, phase, layer)


def _path_output(*argv: str) -> tuple[int, str]:
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["path", *argv])
    return code, out.getvalue()


@pytest.mark.parametrize("json", [(), ("--json",)])
@pytest.mark.parametrize(
    "argv",
    [
        ("models/us-japan-2025.yaml", "jp-gcc"),
        ("models/us-japan-2025.yaml", "jp-gcc", "--layer", "all", "--from", "jp-mod"),
        ("models/us-rok-cfc.yaml", "kr-forces", "--phase", "wartime"),
        ("models/us-japan-combined-command.yaml", "jp-gcc", "--phase", "armed-attack"),
        ("models/us-japan-2022.yaml", "jp-gcc", "--layer", "support"),
    ],
)
def test_path_command_prints_the_same_bytes_with_the_reference_kernels(argv, json):
    found = _path_output(*argv, *json)
    with mock.patch.dict(os.environ, {KERNELS_VARIABLE: "networkx"}):
        assert _path_output(*argv, *json) == found


def test_path_command_imports_no_networkx():
    code = (
        "import sys, contextlib, io; from c2graph.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['path', 'models/us-japan-2025.yaml', 'jp-gcc', '--layer', 'all'])\n"
        "print('networkx' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout == "False\n"
