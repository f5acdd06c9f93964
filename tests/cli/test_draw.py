"""``c2graph draw``: files written by extension, overlays, and errors as exit codes."""

from __future__ import annotations

import importlib.util
import shutil

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
        (["--phase", "war"], 2, "c2graph draw: error: unknown phase id 'war'"),
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
