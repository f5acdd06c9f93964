"""``c2graph show``: the summary table and its JSON, for the whole model or one phase."""

from __future__ import annotations

import json

import pytest

from c2graph.cli.main import main


@pytest.fixture
def model_path(write_model, minimal_text):
    text = (
        minimal_text.replace(
            "{id: armed-attack, name: Armed attack}",
            "{id: armed-attack, name: Armed attack, declared_by: pm, approval: [hq], "
            "basis: Art. 76}",
        )
        + "  - {from: unit, to: pm, relation: liaison, phases: [armed-attack]}\n"
    )
    text = text.replace(
        "{id: unit, name: Unit, nation: JP,",
        "{id: unit, name: Unit, nation: US, phases: {from: gray-zone},",
    )
    return write_model(text)


TABLE = """\
demo (as of 2025-03-24)
3 nodes and 3 links

nations:
  JP      2
  US      1

kinds:
  headquarters             1
  political-authority      1
  unit                     1

relations:
  command      1
  liaison      1
  opcon        1

phases (in order):
  peacetime: Peacetime
      standing (no decision required)
  gray-zone: Gray zone
      standing (no decision required)
  armed-attack: Armed attack
      declared by: Prime Minister; approval: Joint HQ
      basis: Art. 76
"""


def test_table(model_path, capsys):
    assert main(["show", str(model_path)]) == 0
    assert capsys.readouterr().out == TABLE


def test_table_in_one_phase(model_path, capsys):
    assert main(["show", str(model_path), "--phase", "peacetime"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        "demo (as of 2025-03-24)",
        "2 nodes and 1 links in phase 'peacetime'",
        "",
        "nations:",
        "  JP      2",
        "",
    ]


def test_json(model_path, capsys):
    assert main(["show", str(model_path), "--json", "--phase", "gray-zone"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "name": "demo",
        "as_of": "2025-03-24",
        "phase": "gray-zone",
        "nodes": 3,
        "links": 2,
        "by_nation": {"JP": 2, "US": 1},
        "by_kind": {"headquarters": 1, "political-authority": 1, "unit": 1},
        "by_relation": {"command": 1, "opcon": 1},
        "phases": [
            {
                "id": "peacetime",
                "name": "Peacetime",
                "nation": None,
                "declared_by": None,
                "approval": [],
                "requires": None,
                "basis": None,
                "links": 1,
            },
            {
                "id": "gray-zone",
                "name": "Gray zone",
                "nation": None,
                "declared_by": None,
                "approval": [],
                "requires": None,
                "basis": None,
                "links": 2,
            },
            {
                "id": "armed-attack",
                "name": "Armed attack",
                "nation": None,
                "declared_by": "pm",
                "approval": ["hq"],
                "requires": None,
                "basis": "Art. 76",
                "links": 3,
            },
        ],
        "scenarios": [],
    }


def test_json_output_is_deterministic(model_path, capsys):
    main(["show", str(model_path), "--json"])
    first = capsys.readouterr().out
    main(["show", str(model_path), "--json"])
    assert capsys.readouterr().out == first


def test_unknown_phase_exits_2(model_path, capsys):
    assert main(["show", str(model_path), "--phase", "peace"]) == 2
    assert capsys.readouterr().err == (
        "c2graph show: error: unknown phase id 'peace' (did you mean 'peacetime'?)\n"
    )


def test_invalid_model_exits_1(write_model, capsys):
    path = write_model("name: x\n", "bad.yaml")
    assert main(["show", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"c2graph show: error: {path}:1: missing ")


def test_missing_file_exits_3(tmp_path, capsys):
    assert main(["show", str(tmp_path / "nope.yaml")]) == 3
    missing = tmp_path / "nope.yaml"
    assert capsys.readouterr().err == f"c2graph show: error: {missing}: no such file\n"
