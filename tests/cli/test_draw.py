"""``c2graph draw``: files written by extension, overlays, and errors as exit codes."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from c2graph.cli.main import main

needs_analysis = pytest.mark.skipif(
    importlib.util.find_spec("c2graph.analysis") is None, reason="the analyses are not installed"
)


@pytest.fixture
def model_path(write_model, minimal_text):
    return write_model(
        minimal_text.replace("nation: JP, kind: unit", "nation: JP, kind: unit, name_ja: 部隊")
    )


def test_draw_writes_dot_and_reports(model_path, tmp_path, capsys):
    out = tmp_path / "chart.dot"
    assert main(["draw", str(model_path), "--phase", "armed-attack", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: written\n"
    assert out.read_text(encoding="utf-8").startswith("digraph c2 {")


def test_draw_matplotlib_svg_in_japanese(model_path, tmp_path):
    out = tmp_path / "chart.svg"
    assert (
        main(["draw", str(model_path), "--lang", "ja", "--engine", "matplotlib", "-o", str(out)])
        == 0
    )
    assert out.read_bytes().startswith(b"<?xml")


def test_draw_phase_panels(model_path, tmp_path):
    out = tmp_path / "panels.dot"
    assert (
        main(["draw", str(model_path), "--phases", "peacetime, armed-attack", "-o", str(out)]) == 0
    )
    assert "p1n0" in out.read_text(encoding="utf-8")


@needs_analysis
def test_draw_overlays(model_path, tmp_path):
    out = tmp_path / "overlay.dot"
    assert (
        main(
            [
                "draw",
                str(model_path),
                "--path",
                "unit",
                "--bottlenecks",
                "--remove",
                "hq",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "removed: Joint HQ" in text and "chain of command to Unit" in text


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (
            ["--phase", "war"],
            2,
            "c2graph draw: error: unknown phase id 'war'; "
            "the model has: peacetime, gray-zone, armed-attack",
        ),
        (["--phases", ","], 2, "c2graph draw: error: --phases needs at least one phase id"),
        (
            ["--path", "unti"],
            2,
            "c2graph draw: error: unknown node id 'unti' (did you mean 'unit'?)",
        ),
    ],
)
def test_draw_errors_are_one_line_and_an_exit_code(
    model_path, tmp_path, capsys, argv, code, message
):
    out = tmp_path / "chart.dot"
    assert main(["draw", str(model_path), *argv, "-o", str(out)]) == code
    assert capsys.readouterr().err == message + "\n"
    assert not out.exists()


def test_draw_never_writes_over_the_model(model_path, capsys):
    before = model_path.read_bytes()
    assert main(["draw", str(model_path), "-o", str(model_path)]) == 2
    assert "unknown picture format '.yaml'" in capsys.readouterr().err
    assert model_path.read_bytes() == before


def test_draw_never_writes_over_its_input(write_model, minimal_text, capsys):
    model_path = write_model(minimal_text, name="model.svg")
    before = model_path.read_bytes()
    assert main(["draw", str(model_path), "--engine", "matplotlib", "-o", str(model_path)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph draw: error: {model_path}: this is an input of the command; "
        "refusing to overwrite it\n"
    )
    assert model_path.read_bytes() == before


def test_phase_and_phases_exclude_each_other(model_path, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "draw",
                str(model_path),
                "--phase",
                "peacetime",
                "--phases",
                "peacetime",
                "-o",
                str(tmp_path / "x.dot"),
            ]
        )
    assert exit_info.value.code == 2


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_draw_graphviz_png(model_path, tmp_path):
    out = tmp_path / "chart.png"
    assert main(["draw", str(model_path), "--engine", "graphviz", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.fixture
def alliance_path(write_model):
    return write_model(
        """\
        name: demo
        as_of: 2025-03-24
        phases:
          - {id: peacetime, name: Peacetime}
          - {id: war, name: War}
        nodes:
          - {id: pm, name: Prime Minister, nation: JP, kind: political-authority}
          - {id: hq, name: Joint HQ, nation: JP, kind: headquarters}
          - {id: unit, name: Unit, nation: JP, kind: unit}
          - {id: body, name: Body, nation: alliance, kind: coordination-body, phases: [war]}
          - {id: cmd, name: Command, nation: US, kind: headquarters}
        links:
          - {from: pm, to: hq, relation: command}
          - {from: hq, to: unit, relation: opcon}
          - {from: hq, to: cmd, relation: counterpart}
          - {from: hq, to: body, relation: member, phases: [war]}
          - {from: cmd, to: body, relation: member, phases: [war]}
        """
    )


def _dot(path, tmp_path, *argv):
    out = tmp_path / "view.dot"
    assert main(["draw", str(path), *argv, "-o", str(out)]) == 0
    from c2graph import load_model
    from c2graph.render.scene import build_scene

    return out.read_text(encoding="utf-8"), load_model(path), build_scene


def test_draw_focus_keeps_the_chain_and_the_counterparts(alliance_path, tmp_path):
    text, model, build_scene = _dot(alliance_path, tmp_path, "--focus", "hq", "--depth", "0")
    assert "Joint HQ" in text and ">Unit<" not in text
    (panel,) = build_scene(model, focus="hq", depth=0).panels
    assert [n.id for n in panel.nodes] == ["pm", "hq", "cmd"]


def test_draw_nations_layer_and_hide_select_what_is_drawn(alliance_path, tmp_path):
    text, *_ = _dot(alliance_path, tmp_path, "--phase", "war", "--nations", "JP,alliance")
    assert "Command" not in text and "Body" in text
    text, *_ = _dot(alliance_path, tmp_path, "--phase", "war")
    assert "Joint HQ · Command" in text  # the body lists its members
    text, *_ = _dot(alliance_path, tmp_path, "--phase", "war", "--hide", "membership")
    assert "Body" not in text  # a body left with no link is not drawn
    text, *_ = _dot(alliance_path, tmp_path, "--layer", "operational")
    assert "counterparts" not in text and "command (full national command)" in text


@pytest.mark.parametrize("size", ["slide", "a4", "poster"])
def test_draw_size_names_the_page(alliance_path, tmp_path, size):
    text, *_ = _dot(alliance_path, tmp_path, "--size", size)
    assert text.startswith("digraph c2 {")


VIEW_ERRORS = [
    (
        ["--depth", "1", "--all-units"],
        "c2graph draw: error: --depth folds units into their formations: drop it or --all-units",
    ),
    (["--depth", "-1"], "c2graph draw: error: the depth must be 0 or more, not -1"),
    (
        ["--focus", "hq", "--depth", "-1"],
        "c2graph draw: error: the depth must be 0 or more, not -1",
    ),
    (
        ["--focus", "hqq"],
        "c2graph draw: error: unknown node id 'hqq' (did you mean 'hq'?)",
    ),
    (
        ["--phase", "peacetime", "--focus", "body"],
        "c2graph draw: error: node 'body' is not in the phases drawn (peacetime); it is in: war",
    ),
    (
        ["--nations", "FR"],
        "c2graph draw: error: the model has no nation 'FR'; its nations are JP, alliance, US",
    ),
    (["--nations", " , "], "c2graph draw: error: --nations needs at least one item"),
    (
        ["--hide", "links"],
        "c2graph draw: error: cannot hide 'links'; use one or more of membership, "
        "operational, administrative, civil, support, coordination, information",
    ),
    (["--hide", ","], "c2graph draw: error: --hide needs at least one item"),
    (
        ["--phase", "peacetime", "--nations", "alliance", "--layer", "coordination"],
        "c2graph draw: error: nothing to draw in peacetime: no node is left by nations "
        "alliance; layer coordination; drop or widen a filter",
    ),
]


@pytest.mark.parametrize(("argv", "message"), VIEW_ERRORS)
def test_draw_view_errors_are_one_line_and_exit_2(alliance_path, tmp_path, capsys, argv, message):
    out = tmp_path / "chart.dot"
    assert main(["draw", str(alliance_path), *argv, "-o", str(out)]) == 2
    assert capsys.readouterr().err == message + "\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--layer", "ops"], "argument --layer: invalid choice: 'ops'"),
        (["--size", "a3"], "argument --size: invalid choice: 'a3'"),
        (["--depth", "two"], "argument --depth: invalid int value: 'two'"),
    ],
)
def test_draw_bad_option_values_are_usage_errors(alliance_path, tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["draw", str(alliance_path), *argv, "-o", str(tmp_path / "x.dot")])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_every_view_error_is_listed_in_the_errors_document():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "errors.md").read_text(encoding="utf-8")
    for _, message in VIEW_ERRORS:
        assert f"`{message}`" in doc


@pytest.fixture(scope="module")
def generated_path(tmp_path_factory):
    import json

    from c2graph.synthetic import generate

    path = tmp_path_factory.mktemp("oob") / "oob.json"
    path.write_text(json.dumps(generate(1000)), encoding="utf-8")
    return path


def test_draw_of_a_large_model_is_an_overview_without_a_warning(generated_path, tmp_path, capsys):
    out = tmp_path / "oob.dot"
    assert main(["draw", str(generated_path), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    text = out.read_text(encoding="utf-8")
    assert "overview to depth 2: 981 units counted in their formation" in text
    assert main(["draw", str(generated_path), "--depth", "1", "-o", str(out)]) == 0
    assert "overview to depth 1: 993 units counted" in out.read_text(encoding="utf-8")


def test_draw_all_units_warns_of_the_size_and_time(generated_path, tmp_path, capsys):
    out = tmp_path / "oob.dot"
    assert main(["draw", str(generated_path), "--all-units", "-o", str(out)]) == 0
    assert capsys.readouterr().err == (
        "warning: --all-units draws every one of the 999 nodes of phase peacetime as a box: "
        "the chart will be far larger than a slide (an overview folds more than 150), and "
        "drawing it may take about 2 s\n"
    )
    assert "units counted" not in out.read_text(encoding="utf-8")


def test_draw_all_units_of_a_small_model_says_nothing(model_path, tmp_path, capsys):
    out = tmp_path / "chart.dot"
    assert main(["draw", str(model_path), "--all-units", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
