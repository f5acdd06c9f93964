"""``c2graph bottlenecks --remove-each``: the sweep's text and JSON, workers giving the same
bytes, and refused selectors and options."""

from __future__ import annotations

import json

import pytest

from c2graph.analysis.whatif import removal_sweep, select_nodes
from tests.builders import MODELS, build, link, run_main, shipped

CFC = str(MODELS / "us-rok-cfc.yaml")
SWEEP_2022 = "kind:headquarters,kind:staff,kind:component,kind:ministry"


def test_one_block_per_removed_node_most_cut_off_first(capsys):
    code, out, err = run_main(
        capsys, "bottlenecks", CFC, "--phase", "wartime", "--remove-each", "kr-jcs,al-cfc"
    )
    assert (code, err) == (0, "")
    assert out == (
        "what-if removals of US–ROK Combined Forces Command (comparator) in phase 'wartime', "
        "operational layer: 2 nodes, each removed alone, most forces cut off first\n"
        "\n"
        "without al-cfc (headquarters):\n"
        "  cut off from combined chains: kr-forces, us-kr-forces\n"
        "  left without any chain of the layer: kr-forces\n"
        "  no longer a single point of failure (every force it held is cut off):\n"
        "    al-mcm               combined chains       3\n"
        "\n"
        "without kr-jcs (headquarters):\n"
        "  no force loses every chain of its family\n"
        "  no longer a single point of failure (every force it held is cut off):\n"
        "    kr-mnd               KR national chains    1\n"
        "    kr-president         KR national chains    1\n"
    )


def test_new_single_points_of_failure_are_listed_with_their_forces(capsys):
    code, out, _ = run_main(
        capsys,
        "bottlenecks",
        str(MODELS / "us-japan-2025.yaml"),
        "--phase",
        "armed-attack",
        "--remove-each",
        "jp-adc",
    )
    assert code == 0
    assert (
        "  new single points of failure (the forces that now depend on each):\n"
        "    jp-sdf-fleet         JP national chains    1  jp-aegis-bmd\n"
    ) in out


def test_json_lists_what_the_sweep_finds(capsys):
    code, out, _ = run_main(
        capsys,
        "bottlenecks",
        CFC,
        "--phase",
        "wartime",
        "--remove-each",
        "kind:headquarters",
        "--json",
    )
    model = shipped("us-rok-cfc.yaml")
    nodes = select_nodes(model, "kind:headquarters", phase="wartime")
    assert code == 0
    assert json.loads(out) == {
        "phase": "wartime",
        "layer": "operational",
        "nodes": list(nodes),
        "removals": [r.to_dict() for r in removal_sweep(model, nodes, phase="wartime")],
    }


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_workers_write_the_serial_bytes(capsys, json_flag):
    argv = ["bottlenecks", str(MODELS / "us-japan-2022.yaml"), "--phase", "armed-attack"]
    argv += ["--remove-each", SWEEP_2022, *json_flag]
    serial = run_main(capsys, *argv, "--jobs", "1")
    forked = run_main(capsys, *argv, "--jobs", "2")
    assert serial == forked
    nodes = select_nodes(shipped("us-japan-2022.yaml"), SWEEP_2022, phase="armed-attack")
    counted = serial[1].count('"kind": ') if json_flag else serial[1].count("\nwithout ")
    assert (serial[0], len(nodes), counted) == (0, 21, 21)


def test_long_lists_are_cut_with_a_count(tmp_path, capsys):
    units = [(f"u{i:02}", "JP", "unit") for i in range(23)]
    model = build(
        [("pm", "JP", "political-authority"), ("hq", "JP", "headquarters"), *units],
        [link("pm", "hq", "command"), *(link("hq", u, "opcon") for u, _, _ in units)],
    )
    (removal,) = removal_sweep(model, ["hq"], phase="peace")
    assert removal.lost == 23
    path = tmp_path / "m.yaml"
    path.write_text(
        "name: m\nas_of: '2025'\nphases:\n  - {id: peace, name: Peace}\nnodes:\n"
        "  - {id: pm, name: PM, nation: JP, kind: political-authority}\n"
        "  - {id: hq, name: HQ, nation: JP, kind: headquarters}\n"
        + "".join(f"  - {{id: {u}, name: U, nation: JP, kind: unit}}\n" for u, _, _ in units)
        + "links:\n  - {from: pm, to: hq, relation: command}\n"
        + "".join(f"  - {{from: hq, to: {u}, relation: opcon}}\n" for u, _, _ in units),
        encoding="utf-8",
    )
    code, out, _ = run_main(capsys, "bottlenecks", str(path), "--remove-each", "hq")
    assert code == 0
    assert (
        "  cut off from JP national chains: u00, u01, u02, u03, u04, u05, u06, u07, u08, u09, "
        "u10, u11, u12, u13, u14, u15, u16, u17, u18, u19, … and 3 more (--json lists them all)\n"
    ) in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--remove-each", "kr-mndd"],
            "unknown node id 'kr-mndd' (did you mean 'kr-mnd'?)",
        ),
        (
            ["--remove-each", "kind:headquarter"],
            "unknown node kind 'headquarter' in the node selector (did you mean 'headquarters'?)",
        ),
        (["--remove-each", "al-cfc,"], "empty item in the node selector 'al-cfc,'"),
        (
            ["--remove-each", "al-cfc", "--remove", "kr-jcs", "--betweenness"],
            "--remove-each replaces the report: give --remove and --betweenness in a run of "
            "its own",
        ),
    ],
)
def test_refused_sweeps_exit_2(capsys, extra, message):
    code, out, err = run_main(capsys, "bottlenecks", CFC, *extra)
    assert (code, out, err) == (2, "", f"c2graph bottlenecks: error: {message}\n")


def test_jobs_must_be_at_least_one(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_main(capsys, "bottlenecks", CFC, "--remove-each", "al-cfc", "--jobs", "0")
    assert exit_info.value.code == 2
    assert "--jobs: expected a whole number >= 1, got '0'" in capsys.readouterr().err
