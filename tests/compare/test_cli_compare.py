"""``c2graph compare``: text, JSON, matrix, diagram, long lists cut and errors."""

from __future__ import annotations

import json
import shutil

import pytest

from c2graph import limits
from c2graph.cli.main import main
from tests.builders import MODELS

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


def test_text_names_changes_once(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1])]) == 0
    assert capsys.readouterr().out == (
        "base → variant\n"
        "\n"
        "Structure (the whole models):\n"
        "  nodes added (1): JJOC <b>\n"
        "  links added (2):\n"
        "    JJOC <b> → GCC (OPCON)\n"
        "    PM → JJOC <b> (command)\n"
        "  links removed (1):\n"
        "    JSO → GCC (OPCON)\n"
        "\n"
        "In all phases:\n"
        "  Who commands whom:\n"
        "    - JJOC <b> takes OPCON of GCC\n"
        "    - PM takes command of JJOC <b>\n"
        "    - JSO no longer holds OPCON of GCC\n"
        "    - new force JJOC <b>: PM → JJOC <b>\n"
        "  Single points of failure:\n"
        "    - JJOC <b> becomes a single point of failure of the Japan chains: cuts off GCC\n"
        "    - PM now cuts off GCC, JJOC <b> from the Japan chains (was GCC)\n"
        "    - JSO is no longer a single point of failure of the Japan chains (cut off GCC)\n"
        "    - JJOC <b> becomes a cut node of the whole structure\n"
        "    - PM becomes a cut node of the whole structure\n"
        "  Counterparts:\n"
        "    - JSO ↔ USFJ: now matched (holds no forces / holds no forces; was commands "
        "forces / holds no forces)\n"
        "  Approach and measures:\n"
        "    - nodes: 4 → 5\n"
        "    - links: 3 → 4\n"
        "    - authority links: 2 → 3\n"
        "    - interaction: 0.5 → 0.333\n"
        "    - information: 0.333 → 0.25\n"
        "    - span of control: 1 → 1.5\n"
    )


def test_summary_is_one_page_with_the_considerations(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--summary", "--phase", "war"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("variant against base\n\nWho commands whom:\n  - JJOC <b> takes OPCON")
    assert out.count("JSO ↔ USFJ") == 1
    assert (
        "The six considerations:\n  purpose\n    measured: nodes: 4 → 5\n"
        "    measured: links: 3 → 4\n  locations\n"
    ) in out
    assert out.endswith("Every measure and verdict is defined in docs/measures.md.\n")
    assert "[" not in out and "'" not in out  # phase and node lists are words, not Python lists


def test_summary_in_japanese(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--summary", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("variant（baseとの比較）\n\n誰が誰を指揮するか：\n")
    assert "単一障害点：\n" in out and "6つの考慮事項：\n" in out


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
    findings = data["briefing"]
    assert [(f["node"], f["before"], f["after"]) for f in findings["single_points_of_failure"]] == [
        ("jjoc", [], ["gcc"]),
        ("jso", ["gcc"], []),
        ("pm", ["gcc"], ["gcc", "jjoc"]),
    ]
    assert [(c["node"], c["added"]) for c in findings["cut_nodes"]] == [
        ("jjoc", True),
        ("pm", True),
    ]


def test_summary_json_is_the_briefing(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), "--summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["before"] == "base" and data["after"] == "variant"
    assert [c["a"] for c in data["counterparts"]] == ["jso"]


def test_three_models_give_a_matrix(pair, capsys):
    assert main(["compare", str(pair[0]), str(pair[1]), str(pair[0]), "--phase", "peacetime"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["phase", "measure", "base", "variant", "base"]
    assert lines[1].split() == ["Peacetime", "nodes", "4", "5", "4"]


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_matrix_workers_write_the_serial_bytes(capsys, json_flag):
    shipped = [str(MODELS / f"{n}.yaml") for n in ("us-japan-2022", "us-japan-2025", "us-rok-cfc")]
    outputs = []
    for jobs in ("1", "3"):
        assert main(["compare", *shipped, "--jobs", jobs, *json_flag]) == 0
        outputs.append(capsys.readouterr())
    assert outputs[0] == outputs[1]
    assert outputs[0].out.count("us-rok-cfc") == 1


def test_diagram_dot_is_escaped_and_coloured(pair, tmp_path, capsys):
    out = tmp_path / "diff.dot"
    assert main(["compare", str(pair[0]), str(pair[1]), "--diagram", str(out)]) == 0
    text = out.read_text()
    assert "JJOC &lt;b&gt;" in text and "<b>" not in text
    assert "#1a9850" in text and "#d73027" in text  # green added, red removed
    assert ">added<" in text and ">removed<" in text


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


WIDE = """\
name: wide
as_of: "2022"
phases:
  - {id: peacetime, name: Peacetime}
nodes:
  - {id: pm, name: PM, nation: JP, kind: political-authority}
  - {id: hq, name: HQ, nation: JP, kind: headquarters}
  - {id: u1, name: U1, nation: JP, kind: unit}
  - {id: u2, name: U2, nation: JP, kind: unit}
  - {id: u3, name: U3, nation: JP, kind: unit}
  - {id: u4, name: U4, nation: JP, kind: unit}
links:
  - {from: pm, to: hq, relation: command}
  - {from: hq, to: u1, relation: opcon}
  - {from: hq, to: u2, relation: opcon}
  - {from: hq, to: u3, relation: opcon}
  - {from: hq, to: u4, relation: opcon}
"""
REGROUPED = """\
name: regrouped
as_of: "2025"
extends: wide.yaml
nodes:
  - {id: jtf, name: JTF, nation: JP, kind: headquarters}
remove:
  links:
    - {from: hq, to: u1, relation: opcon}
    - {from: hq, to: u2, relation: opcon}
    - {from: hq, to: u3, relation: opcon}
    - {from: hq, to: u4, relation: opcon}
links:
  - {from: pm, to: jtf, relation: command}
  - {from: jtf, to: u1, relation: opcon}
  - {from: jtf, to: u2, relation: opcon}
  - {from: jtf, to: u3, relation: opcon}
  - {from: jtf, to: u4, relation: opcon}
"""


@pytest.fixture
def regrouped(write_model, monkeypatch):
    """Lists of up to six changes, cut at three."""
    monkeypatch.setattr(limits, "LISTED", 3)
    return write_model(WIDE, "wide.yaml"), write_model(REGROUPED, "regrouped.yaml")


def test_text_lists_are_cut_and_counted(regrouped, capsys):
    assert main(["compare", *map(str, regrouped)]) == 0
    assert capsys.readouterr().out == (
        "wide → regrouped\n"
        "\n"
        "Structure (the whole models):\n"
        "  nodes added (1): JTF\n"
        "  links added (5):\n"
        "    JTF → U1 (OPCON)\n"
        "    JTF → U2 (OPCON)\n"
        "    JTF → U3 (OPCON)\n"
        "    … and 2 more\n"
        "  links removed (4):\n"
        "    HQ → U1 (OPCON)\n"
        "    HQ → U2 (OPCON)\n"
        "    HQ → U3 (OPCON)\n"
        "    … and 1 more\n"
        "\n"
        "In Peacetime:\n"
        "  Who commands whom:\n"
        "    - JTF takes OPCON of U1, U2, U3 … and 1 more\n"
        "    - PM takes command of JTF\n"
        "    - HQ no longer holds OPCON of U1, U2, U3 … and 1 more\n"
        "    - … and 1 more\n"
        "  Single points of failure:\n"
        "    - JTF becomes a single point of failure of the Japan chains: cuts off U1, U2, U3 "
        "… and 1 more\n"
        "    - PM now cuts off HQ, JTF, U1 … and 3 more from the Japan chains (was HQ, U1, U2 "
        "… and 2 more)\n"
        "    - HQ is no longer a single point of failure of the Japan chains (cut off U1, U2, "
        "U3 … and 1 more)\n"
        "    - … and 3 more\n"
        "  Approach and measures:\n"
        "    - nodes: 6 → 7\n"
        "    - links: 5 → 6\n"
        "    - authority links: 5 → 6\n"
        "    - … and 1 more\n"
    )


def test_summary_lists_are_cut_and_json_is_whole(regrouped, capsys):
    assert main(["compare", *map(str, regrouped), "--summary"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("Who commands whom:")
    assert lines[start : start + 6] == [
        "Who commands whom:",
        "  - JTF takes OPCON of U1, U2, U3 … and 1 more",
        "  - PM takes command of JTF",
        "  - HQ no longer holds OPCON of U1, U2, U3 … and 1 more",
        "  - … and 1 more",
        "",
    ]
    assert main(["compare", *map(str, regrouped), "--summary", "--lang", "ja"]) == 0
    assert "  - …ほか1件" in capsys.readouterr().out.splitlines()
    assert main(["compare", *map(str, regrouped), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["links_added"]) == 5
    assert [s["to"] for s in data["briefing"]["authority"] if s["from"] == "jtf"] == [
        "u1",
        "u2",
        "u3",
        "u4",
    ]
