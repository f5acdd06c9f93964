"""``c2graph path``, ``bottlenecks`` and ``switches``: tables, JSON and errors."""

from __future__ import annotations

import json

import pytest

from c2graph.analysis.frictions import DEFAULT_SPAN_THRESHOLD
from c2graph.cli import bottlenecks as bottlenecks_cli
from c2graph.cli.main import main
from tests.builders import run_main as run

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
  - {from: jp-mod, to: jp-gcc, relation: adcon}
  - {from: jp-mlit, to: jp-jcg, relation: civil-command}
  - {from: jp-pm, to: jp-jcg, relation: control, phases: [armed-attack],
     basis: SDF Law Art. 80}
  - {from: us-indopacom, to: us-usfj, relation: opcon}
  - {from: jp-jjoc, to: us-usfj, relation: counterpart}
  - {from: jp-jjoc, to: us-indopacom, relation: coordination}
"""


@pytest.fixture
def model_path(write_model):
    return str(write_model(MODEL))


def test_path_table(model_path, capsys):
    code, out, err = run(capsys, "path", model_path, "jp-gcc")
    assert (code, err) == (0, "")
    assert out == (
        "operational chains to jp-gcc (Ground Component Command) in phase 'peacetime':\n"
        "  jp-pm —command→ jp-mod —command→ jp-jjoc —opcon→ jp-gcc   effective: opcon\n"
        "\n"
        "other layers:\n"
        "  administrative chain: jp-mod —adcon→ jp-gcc   effective: adcon\n"
        "\n"
        "direct superiors of jp-gcc (operational layer):\n"
        "  jp-jjoc              opcon\n"
    )


def test_path_of_another_layer(model_path, capsys):
    code, out, _ = run(capsys, "path", model_path, "jp-gcc", "--layer", "administrative")
    assert code == 0
    assert out == (
        "administrative chains to jp-gcc (Ground Component Command) in phase 'peacetime':\n"
        "  jp-mod —adcon→ jp-gcc   effective: adcon\n"
        "\n"
        "other layers:\n"
        "  operational chain: jp-pm —command→ jp-mod —command→ jp-jjoc —opcon→ jp-gcc   "
        "effective: opcon\n"
        "\n"
        "direct superiors of jp-gcc (administrative layer):\n"
        "  jp-mod               adcon\n"
    )
    code, out, _ = run(capsys, "path", model_path, "us-usfj", "--layer", "coordination")
    assert out.startswith(
        "coordination links of us-usfj (USFJ) in phase 'peacetime':\n"
        "  jp-jjoc —counterpart— us-usfj\n"
    )
    assert "direct superiors" not in out


def test_path_via_coordination_and_unity_warning(model_path, capsys):
    code, out, _ = run(
        capsys, "path", model_path, "jp-jcg", "--phase", "armed-attack", "--via-coordination"
    )
    assert code == 0
    assert "  civil chain: jp-mlit —civil-command→ jp-jcg   effective: civil-command\n" in out
    assert "  civil chain: jp-pm —control→ jp-jcg   effective: control\n" in out
    assert "request routes over coordination links (no authority passes):\n  none\n" in out
    assert "warning" not in out
    code, out, _ = run(capsys, "path", model_path, "jp-gcc", "--via-coordination")
    assert ("  us-indopacom —coordination— jp-jjoc —opcon→ jp-gcc\n") in out
    # USFJ commands nothing: no request lands there.
    code, out, _ = run(capsys, "path", model_path, "us-usfj", "--via-coordination")
    assert (
        "request routes over coordination links (no authority passes):\n"
        "  jp-pm —command→ jp-mod —command→ jp-jjoc —coordination— us-indopacom —opcon→ us-usfj\n"
    ) in out


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
            "layer": "operational",
            "scope": "national",
            "consent": [],
        }
    ]
    assert data["other_layers"] == [
        {
            "target": "jp-gcc",
            "phase": "peacetime",
            "layer": "administrative",
            "source": "jp-mod",
            "paths": [
                {
                    "nodes": ["jp-mod", "jp-gcc"],
                    "relations": ["adcon"],
                    "links": ["jp-mod->jp-gcc:adcon"],
                    "effective": "adcon",
                    "kind": "authority",
                    "layer": "administrative",
                    "scope": "national",
                    "consent": [],
                }
            ],
            "warnings": [],
        }
    ]
    assert data["commanders"]["operational"] == ["jp-jjoc"]
    assert (data["target"], data["source"], data["phase"], data["layer"]) == (
        "jp-gcc",
        "jp-mod",
        "peacetime",
        "operational",
    )


def test_path_none_is_empty_list(model_path, capsys):
    code, out, _ = run(capsys, "path", model_path, "us-usfj", "--from", "jp-pm", "--json")
    assert code == 0 and json.loads(out)["paths"] == []
    code, out, _ = run(capsys, "path", model_path, "jp-jcg")
    assert "operational chains to jp-jcg (Coast Guard) in phase 'peacetime':\n  none\n" in out


def test_bad_layer_is_a_usage_error(model_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["bottlenecks", model_path, "--layer", "support"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'support'" in capsys.readouterr().err


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
        "bottlenecks of pair in phase 'peacetime', operational layer\n"
        "top authorities: jp-pm, us-indopacom\n"
        "\n"
        "single points of failure per family of chains (forces whose every chain of that "
        "family passes the node):\n"
        "  JP national chains:\n"
        "    jp-mod                  2  jp-gcc, jp-jjoc\n"
        "    jp-pm                   2  jp-gcc, jp-jjoc\n"
        "    jp-jjoc                 1  jp-gcc\n"
        "  US national chains:\n"
        "    us-indopacom            1  us-usfj\n"
    )
    assert (
        "operational coordination channels between JP and US (coordination and information "
        "layers, political nodes aside): 1 node(s) [jp-jjoc], 2 link(s) "
        "[jp-jjoc->us-indopacom:coordination, jp-jjoc->us-usfj:counterpart]\n"
        "  political forums (listed, not counted): none; political links: none\n"
    ) in out
    assert (
        "co-location (sites whose loss cuts forces elsewhere off):\n"
        "  hawaii (1 node: us-indopacom)\n"
        "    cuts off US chains: us-usfj\n"
        "  tokyo (2 nodes: jp-jjoc, us-usfj)\n"
        "    cuts off JP chains: jp-gcc\n"
    ) in out
    assert (
        "  jp-jjoc (opcon, 1 force, tokyo) —counterpart— us-usfj (none, 0 forces, tokyo)\n" in out
    )
    assert (
        "  jp-jjoc —coordination— us-indopacom: 6198 km, clock +5 h across the date line\n" in out
    )
    assert "    hierarchy: not informative: authority cycles are refused" in out
    assert out.endswith(
        "without jp-mod, these forces lose every chain of their family: JP chains: jp-gcc, "
        "jp-jjoc\n"
    )
    code, out, _ = run(capsys, "bottlenecks", model_path, "--remove-site", "tokyo")
    assert out.endswith(
        "without site tokyo (jp-jjoc, us-usfj), these forces lose every chain of their family: "
        "JP chains: jp-gcc\n"
    )


def test_bottlenecks_json(model_path, capsys):
    code, out, _ = run(
        capsys,
        "bottlenecks",
        model_path,
        "--phase",
        "armed-attack",
        "--json",
        "--span-threshold",
        "0",
        "--betweenness",
    )
    assert code == 0
    data = json.loads(out)
    assert data["layer"] == "operational"
    assert data["dominators"][:2] == [
        {"node": "jp-mod", "chains": "JP", "units": ["jp-gcc", "jp-jjoc"]},
        {"node": "jp-pm", "chains": "JP", "units": ["jp-gcc", "jp-jjoc"]},
    ]
    assert data["cut_nodes"] == ["jp-jcg", "jp-jjoc", "jp-mod", "jp-pm"]
    assert [row["nation"] for row in data["hierarchy"]["rows"]] == ["all nations", "JP", "US"]
    assert data["span_of_control"]["over"] == ["jp-jjoc", "jp-mod", "jp-pm", "us-indopacom"]
    assert data["betweenness"][0]["node"] == "jp-mod"
    assert data["nation_cut"][0]["node_cut"] == ["jp-jjoc"]
    civil = json.loads(
        run(
            capsys,
            "bottlenecks",
            model_path,
            "--phase",
            "armed-attack",
            "--layer",
            "civil",
            "--json",
        )[1]
    )
    assert (civil["layer"], civil["tops"]) == ("civil", ["jp-mlit", "jp-pm"])
    assert civil["hierarchy"]["rows"][0]["lubness"] == 0.0


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
        "switch from 'peacetime' to 'armed-attack', operational layer\n"
        "\n"
        "decisions required by law, in dependency order:\n"
        "  JP armed-attack:declaration: Declaration: Armed attack\n"
        "      declaration by jp-pm\n"
        "      approval by jp-diet: timing not given\n"
        "      basis: SDF Law Art. 76; for: phase armed-attack\n"
        "\n"
        "links activated:\n"
        "  jp-pm —control→ jp-jcg   [civil]   (SDF Law Art. 80)\n"
        "\n"
        "links lapsed:\n"
        "  none\n"
        "\n"
        "operational layer: chains of command changed:\n"
        "  none\n"
        "\n"
        "operational layer: authority gained:\n"
        "  none\n"
        "\n"
        "operational layer: authority lost:\n"
        "  none\n"
        "\n"
        "civil layer: chains of command changed:\n"
        "  jp-jcg:\n"
        "    before: jp-mlit → jp-jcg\n"
        "    after:  jp-mlit → jp-jcg; jp-pm → jp-jcg\n"
        "\n"
        "civil layer: authority gained:\n"
        "  jp-pm: jp-jcg (control)\n"
        "\n"
        "civil layer: authority lost:\n"
        "  none\n"
    )
    code, out, _ = run(
        capsys, "switches", model_path, "--from", "armed-attack", "--to", "peacetime"
    )
    assert (
        "decisions required by law, in dependency order:\n  none\n\n"
        "decisions ending: armed-attack:declaration\n"
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
            "layer": "civil",
            "link": "jp-pm->jp-jcg:control",
            "basis": "SDF Law Art. 80",
            "source": None,
        }
    ]
    assert data["activated"] == []
    assert data["decisions"] == {
        "before": "armed-attack",
        "after": "peacetime",
        "required": [],
        "discretionary": [],
        "choices": [],
        "ending": ["armed-attack:declaration"],
    }
    assert [(o["layer"], o["lost"][0]["authority"]) for o in data["other_layers"]] == [
        ("civil", "jp-pm")
    ]
    code, out, _ = run(
        capsys,
        "switches",
        model_path,
        "--from",
        "peacetime",
        "--to",
        "armed-attack",
        "--layer",
        "civil",
    )
    assert "civil layer: authority gained:\n  jp-pm: jp-jcg (control)\n" in out
    assert "operational layer" not in out


def test_switches_tells_a_link_on_another_basis_once(write_model, capsys):
    path = write_model(
        'name: m\nas_of: "2025"\nphases:\n  - {id: p, name: P}\n  - {id: q, name: Q}\n'
        "nodes:\n  - {id: pm, name: PM, nation: JP, kind: political-authority}\n"
        "  - {id: mod, name: MOD, nation: JP, kind: ministry}\n"
        "links:\n  - {id: a, from: pm, to: mod, relation: command, phases: [p], basis: Art. 7}\n"
        "  - {id: b, from: pm, to: mod, relation: command, phases: [q]}\n",
        "rebased.yaml",
    )
    code, out, _ = run(capsys, "switches", str(path), "--from", "p", "--to", "q")
    assert code == 0
    assert (
        "links activated:\n  none\n\nlinks lapsed:\n  none\n\n"
        "links changed (legal basis before → after):\n"
        "  pm —command→ mod   [operational]   (Art. 7 → no basis)\n\n"
    ) in out
    code, out, _ = run(capsys, "switches", str(path), "--from", "p", "--to", "q", "--json")
    data = json.loads(out)
    assert (data["activated"], data["lapsed"]) == ([], [])
    assert [(c["before"]["link"], c["after"]["link"]) for c in data["changed"]] == [("a", "b")]


def test_switches_needs_both_phases(model_path, capsys):
    with pytest.raises(SystemExit):
        main(["switches", model_path, "--from", "peacetime"])
    assert "--to" in capsys.readouterr().err
