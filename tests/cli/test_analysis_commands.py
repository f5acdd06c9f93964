"""``c2graph path``, ``bottlenecks`` and ``switches``: tables, JSON and errors."""

from __future__ import annotations

import json

import pytest

from c2graph.analysis.frictions import DEFAULT_SPAN_THRESHOLD
from c2graph.cli import bottlenecks as bottlenecks_cli
from c2graph.cli.main import main

MODEL = """\
name: pair
as_of: 2025-03-24
phases:
  - {id: peacetime, name: Peacetime}
  - {id: armed-attack, name: Armed attack, declared_by: jp-pm, approval: [jp-diet],
     basis: SDF Law Art. 76}
locations:
  - {id: tokyo, name: Tokyo, lat: 35.69, lon: 139.69, utc_offset: 9}
  - {id: hawaii, name: Hawaii, lat: 21.39, lon: -157.9, utc_offset: -10}
nodes:
  - {id: jp-pm, name: Prime Minister, nation: JP, kind: political-authority}
  - {id: jp-diet, name: Diet, nation: JP, kind: legislature}
  - {id: jp-mod, name: Minister of Defense, nation: JP, kind: ministry}
  - {id: jp-jjoc, name: JJOC, nation: JP, kind: headquarters, location: tokyo}
  - {id: jp-gcc, name: Ground Component Command, nation: JP, kind: component}
  - {id: jp-jcg, name: Coast Guard, nation: JP, kind: agency}
  - {id: jp-mlit, name: MLIT, nation: JP, kind: ministry}
  - {id: us-indopacom, name: INDOPACOM, nation: US, kind: headquarters, location: hawaii}
  - {id: us-usfj, name: USFJ, nation: US, kind: headquarters, location: tokyo}
links:
  - {from: jp-pm, to: jp-mod, relation: command}
  - {from: jp-mod, to: jp-jjoc, relation: command}
  - {from: jp-jjoc, to: jp-gcc, relation: opcon}
  - {from: jp-mlit, to: jp-jcg, relation: command}
  - {from: jp-pm, to: jp-jcg, relation: control, phases: [armed-attack],
     basis: SDF Law Art. 80}
  - {from: us-indopacom, to: us-usfj, relation: adcon}
  - {from: jp-jjoc, to: us-usfj, relation: counterpart}
  - {from: jp-jjoc, to: us-indopacom, relation: coordination}
"""


@pytest.fixture
def model_path(write_model):
    return str(write_model(MODEL))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_path_table(model_path, capsys):
    code, out, err = run(capsys, "path", model_path, "jp-gcc")
    assert (code, err) == (0, "")
    assert out == (
        "chains of authority to jp-gcc (Ground Component Command) in phase 'peacetime':\n"
        "  jp-pm —command→ jp-mod —command→ jp-jjoc —opcon→ jp-gcc   effective: opcon\n"
        "\n"
        "direct superiors of jp-gcc:\n"
        "  jp-jjoc              opcon\n"
    )


def test_path_via_coordination_and_unity_warning(model_path, capsys):
    code, out, _ = run(
        capsys, "path", model_path, "jp-jcg", "--phase", "armed-attack", "--via-coordination"
    )
    assert code == 0
    assert "  jp-mlit —command→ jp-jcg   effective: command\n" in out
    assert "  jp-pm —control→ jp-jcg   effective: control\n" in out
    assert "request routes over coordination links (no authority passes):\n  none\n" in out
    assert "warning" not in out
    code, out, _ = run(capsys, "path", model_path, "jp-gcc", "--via-coordination")
    assert ("  us-indopacom —coordination— jp-jjoc —opcon→ jp-gcc\n") in out


def test_path_json(model_path, capsys):
    code, out, _ = run(capsys, "path", model_path, "jp-gcc", "--from", "jp-mod", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["paths"] == [
        {
            "nodes": ["jp-mod", "jp-jjoc", "jp-gcc"],
            "relations": ["command", "opcon"],
            "links": ["jp-mod->jp-jjoc:command", "jp-jjoc->jp-gcc:opcon"],
            "effective": "opcon",
            "kind": "authority",
        }
    ]
    assert data["commanders"]["operational"] == ["jp-jjoc"]
    assert (data["target"], data["source"], data["phase"]) == ("jp-gcc", "jp-mod", "peacetime")


def test_path_none_is_empty_list(model_path, capsys):
    code, out, _ = run(capsys, "path", model_path, "us-usfj", "--from", "jp-pm", "--json")
    assert code == 0 and json.loads(out)["paths"] == []
    code, out, _ = run(capsys, "path", model_path, "jp-jcg")
    assert "chains of authority to jp-jcg (Coast Guard) in phase 'peacetime':\n" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["path", "{m}", "jp-gc"],
            "c2graph path: error: unknown node id 'jp-gc' (did you mean 'jp-gcc' or 'jp-jcg' or "
            "'jp-jjoc'?)\n",
        ),
        (
            ["path", "{m}", "jp-gcc", "--from", "jp-pn"],
            "c2graph path: error: unknown node id 'jp-pn' (did you mean 'jp-pm'?)\n",
        ),
        (
            ["path", "{m}", "jp-gcc", "--phase", "peace-time"],
            "c2graph path: error: unknown phase id 'peace-time' (did you mean 'peacetime'?)\n",
        ),
        (
            ["bottlenecks", "{m}", "--remove", "jp-jjoc2"],
            "c2graph bottlenecks: error: unknown node id 'jp-jjoc2' (did you mean 'jp-jjoc' "
            "or 'jp-jcg'?)\n",
        ),
        (
            ["switches", "{m}", "--from", "peacetime", "--to", "armed-atack"],
            "c2graph switches: error: unknown phase id 'armed-atack' "
            "(did you mean 'armed-attack'?)\n",
        ),
    ],
)
def test_unknown_ids_exit_2(model_path, capsys, argv, message):
    code, out, err = run(capsys, *[a.format(m=model_path) for a in argv])
    assert (code, out, err) == (2, "", message)


def test_bottlenecks_table(model_path, capsys):
    code, out, _ = run(capsys, "bottlenecks", model_path, "--remove", "jp-mod")
    assert code == 0
    assert out.startswith(
        "bottlenecks of pair in phase 'peacetime'\ntop authorities: jp-mlit, jp-pm, us-indopacom\n"
    )
    assert "  jp-jjoc                 1  jp-gcc\n" in out
    assert "  jp-jjoc (opcon) —counterpart— us-usfj (none)\n" in out
    assert "  jp-jjoc —coordination— us-indopacom: " in out and "km, 19 h\n" in out
    assert "without jp-mod, these forces lose every chain of command: jp-gcc, jp-jjoc\n" in out


def test_bottlenecks_json(model_path, capsys):
    code, out, _ = run(
        capsys,
        "bottlenecks",
        model_path,
        "--phase",
        "armed-attack",
        "--json",
        "--span-threshold",
        "1",
        "--betweenness",
    )
    assert code == 0
    data = json.loads(out)
    assert data["dominators"][:2] == [
        {"node": "jp-mod", "units": ["jp-gcc", "jp-jjoc"]},
        {"node": "jp-pm", "units": ["jp-gcc", "jp-jjoc"]},
    ]
    assert data["cut_nodes"] == ["jp-jcg", "jp-jjoc", "jp-mod", "jp-pm"]
    assert set(data["hierarchy"]) == {"connectedness", "hierarchy", "efficiency", "lubness"}
    assert data["span_of_control"]["over"] == ["jp-pm"]
    assert data["betweenness"][0]["node"] == "jp-jjoc"
    assert data["nation_cut"][0]["node_cut"] == ["jp-jjoc"]


def test_bottlenecks_bad_threshold(model_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["bottlenecks", model_path, "--span-threshold", "-2"])
    assert exit_info.value.code == 2
    assert "expected a whole number >= 0, got '-2'" in capsys.readouterr().err


def test_help_default_matches_library():
    assert bottlenecks_cli._DEFAULT_SPAN == DEFAULT_SPAN_THRESHOLD


def test_switches_table_and_json(model_path, capsys):
    code, out, _ = run(
        capsys, "switches", model_path, "--from", "peacetime", "--to", "armed-attack"
    )
    assert code == 0
    assert out == (
        "switch from 'peacetime' to 'armed-attack'\n"
        "\n"
        "decisions, in order:\n"
        "  escalation armed-attack (Armed attack): declared by jp-pm; approval: jp-diet; "
        "basis: SDF Law Art. 76\n"
        "\n"
        "links activated:\n"
        "  jp-pm —control→ jp-jcg   (SDF Law Art. 80)\n"
        "\n"
        "links lapsed:\n"
        "  none\n"
        "\n"
        "chains of command changed:\n"
        "  jp-jcg:\n"
        "    before: jp-mlit → jp-jcg\n"
        "    after:  jp-mlit → jp-jcg; jp-pm → jp-jcg\n"
        "\n"
        "authority gained:\n"
        "  jp-pm: jp-jcg (control)\n"
        "\n"
        "authority lost:\n"
        "  none\n"
    )
    code, out, _ = run(
        capsys, "switches", model_path, "--from", "armed-attack", "--to", "peacetime"
    )
    assert (
        "  de-escalation armed-attack (Armed attack): lifted by jp-pm (entered with "
        "approval: jp-diet); basis: SDF Law Art. 76\n"
    ) in out
    code, out, _ = run(
        capsys, "switches", model_path, "--from", "armed-attack", "--to", "peacetime", "--json"
    )
    data = json.loads(out)
    assert data["lapsed"] == [
        {
            "from": "jp-pm",
            "to": "jp-jcg",
            "relation": "control",
            "link": "jp-pm->jp-jcg:control",
            "basis": "SDF Law Art. 80",
            "source": None,
        }
    ]
    assert data["activated"] == []
    assert [d["direction"] for d in data["decisions"]] == ["de-escalation"]


def test_switches_needs_both_phases(model_path, capsys):
    with pytest.raises(SystemExit):
        main(["switches", model_path, "--from", "peacetime"])
    assert "--to" in capsys.readouterr().err
