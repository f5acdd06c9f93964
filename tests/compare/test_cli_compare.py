"""``c2graph compare``: text, JSON, matrix, diagram and errors."""

from __future__ import annotations

import json
import shutil

import pytest

from c2graph.cli.main import main

BASE = """\
name: base
as_of: "2022"
phases:
  - {id: peacetime, name: Peacetime}
  - {id: war, name: War}
nodes:
  - {id: pm, name: PM, nation: JP, kind: political-authority}
  - {id: jso, name: JSO, nation: JP, kind: staff}
  - {id: gcc, name: GCC, nation: JP, kind: component}
  - {id: usfj, name: USFJ, nation: US, kind: headquarters}
links:
  - {from: pm, to: jso, relation: command}
  - {from: jso, to: gcc, relation: opcon}
  - {from: usfj, to: jso, relation: counterpart}
"""
VARIANT = """\
name: variant
as_of: "2025"
extends: base.yaml
nodes:
  - {id: jjoc, name: "JJOC <b>", nation: JP, kind: headquarters}
remove:
  links:
    - {from: jso, to: gcc, relation: opcon}
links:
  - {from: pm, to: jjoc, relation: command}
  - {from: jjoc, to: gcc, relation: opcon}
"""


@pytest.fixture
def pair(write_model):
    return write_model(BASE, "base.yaml"), write_model(VARIANT, "variant.yaml")


def test_text_names_changes(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--phase", "war"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("base → variant\n\nphase war:\n  nodes added (1): jjoc\n")
    assert "    gcc: pm > jso > gcc\n         → pm > jjoc > gcc\n" in out
    assert "(joined jjoc; left jso)" in out
    assert "considerations" not in out


def test_same_model_has_no_differences(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[0])]) == 0
    assert capsys.readouterr().out == "base → base\n\nno differences\n"


def test_json_has_the_diff_keys_and_chains(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["nodes_added"] == ["jjoc"] and data["nodes_removed"] == []
    assert [r["key"] for r in data["links_removed"]] == ["jso->gcc:opcon"]
    assert [(c["unit"], c["phase"]) for c in data["chains_changed"]] == [
        ("gcc", "peacetime"),
        ("gcc", "war"),
    ]


def test_three_models_give_a_matrix(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), str(pair[0]), "--phase", "peacetime"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["phase", "measure", "base", "variant", "base"]
    assert lines[1].split() == ["peacetime", "nodes", "4", "5", "4"]


def test_diagram_dot_is_escaped_and_coloured(pair, tmp_path, capsys):
    out = tmp_path / "diff.dot"
    assert main(["compare", str(pair[0]), str(pair[1]), "--diagram", str(out)]) == 0
    text = out.read_text()
    assert "JJOC &lt;b&gt;" in text and "<b>" not in text
    assert "#1a9850" in text and "#d73027" in text
    assert "added in B" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_diagram_svg(pair, tmp_path):
    out = tmp_path / "diff.svg"
    assert main(["compare", str(pair[0]), str(pair[1]), "--diagram", str(out)]) == 0
    assert out.read_text().lstrip().startswith("<?xml")


def test_errors(pair, capsys):
    assert main(["compare", str(pair[0])]) == 2
    assert "give at least two model files" in capsys.readouterr().err
    assert main(["compare", str(pair[0]), str(pair[1]), str(pair[0]), "--diagram", "x.svg"]) == 2
    assert main(["compare", str(pair[0]), str(pair[1]), "--phase", "peace"]) == 2
    assert "unknown phase id 'peace'" in capsys.readouterr().err
    assert main(["compare", str(pair[0]), str(pair[1]), "--diagram", str(pair[0])]) == 2
    assert (
        main(
            [
                "compare",
                str(pair[0]),
                str(pair[1]),
                "--diagram",
                str(pair[0].with_suffix(".svg")),
                "--phase",
                "war",
            ]
        )
        == 0
    )
