"""The committed gallery is current: every diagram's DOT rebuilds byte for byte."""

from __future__ import annotations

import doctest
import shutil
import subprocess
from pathlib import Path

import pytest

import tools.gallery
from c2graph import load_model
from c2graph.report import build_report
from tools.gallery import build_gallery, gallery_views, view_dot, view_stem, write_sample_report

REPO = Path(__file__).resolve().parents[2]
MODELS = sorted((REPO / "models").glob("*.yaml"))
DIAGRAMS = REPO / "diagrams"
REGENERATE = "python tools/gallery.py"


@pytest.mark.skipif(not MODELS, reason="no shipped models")
@pytest.mark.parametrize("model_path", MODELS, ids=[p.stem for p in MODELS])
def test_committed_dot_is_up_to_date(model_path):
    model = load_model(model_path)
    for view in gallery_views(model):
        committed = DIAGRAMS / f"{view_stem(model_path, view)}.dot"
        assert committed.is_file(), f"{committed.name} is missing; run {REGENERATE}"
        assert committed.read_bytes() == view_dot(model, view).encode("utf-8"), (
            f"{committed.name} is out of date; run {REGENERATE}"
        )
        assert committed.with_suffix(".svg").is_file()


@pytest.mark.skipif(not MODELS, reason="no shipped models")
def test_readme_shows_every_diagram():
    readme = (DIAGRAMS / "README.md").read_text(encoding="utf-8")
    for model_path in MODELS:
        for view in gallery_views(load_model(model_path)):
            assert f"({view_stem(model_path, view)}.svg)" in readme


def test_views_are_peacetime_armed_attack_and_panels(tiny):
    assert [(v.name, v.phases) for v in gallery_views(tiny)] == [
        ("peacetime", ("peacetime",)),
        ("armed-attack", ("armed-attack",)),
        ("panels", ("peacetime", "armed-attack")),
    ]


@pytest.mark.skipif(
    not MODELS or shutil.which("dot") is None, reason="no shipped models or no Graphviz"
)
@pytest.mark.parametrize("model_path", MODELS, ids=[p.stem for p in MODELS])
def test_graphviz_draws_each_single_phase_view_without_a_warning(model_path):
    model = load_model(model_path)
    for view in gallery_views(model):
        if len(view.phases) == 1:
            done = subprocess.run(
                ["dot", "-Tplain"],
                input=view_dot(model, view).encode(),
                capture_output=True,
                timeout=120,
                check=False,
            )
            assert (done.returncode, done.stderr) == (0, b""), view.name


def test_docstring_examples_run(monkeypatch):
    monkeypatch.chdir(REPO)  # the examples name models/ from the project root
    result = doctest.testmod(tools.gallery)
    assert result.attempted > 0
    assert result.failed == 0


def test_build_gallery_writes_the_views_and_the_readme(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    model_path = models / "tiny.yaml"
    model_path.write_text((REPO / "models" / "us-rok-cfc.yaml").read_text("utf-8"))
    out = tmp_path / "gallery"
    out.mkdir()
    written = build_gallery(models, out)
    assert [p.relative_to(out).as_posix() for p in written] == [
        "tiny--armistice.dot",
        "tiny--armistice.svg",
        "tiny--wartime.dot",
        "tiny--wartime.svg",
        "tiny--panels.dot",
        "tiny--panels.svg",
        "README.md",
        "report/index.html",
        "report/report.md",
        "report/explore.html",
        "report/tiny--armistice.svg",
        "report/tiny--wartime.svg",
    ]
    model = load_model(model_path)
    assert (out / "tiny--panels.dot").read_text("utf-8") == view_dot(model, gallery_views(model)[2])
    assert "![" in (out / "README.md").read_text("utf-8")
    assert "(report/index.html)" in (out / "README.md").read_text("utf-8")


def test_the_sample_report_is_the_same_bytes_on_a_rerun(tmp_path):
    models = [load_model(REPO / "models" / "us-rok-cfc.yaml")]
    first = {p.name: p.read_bytes() for p in write_sample_report(models, tmp_path / "a")}
    again = {p.name: p.read_bytes() for p in write_sample_report(models, tmp_path / "b")}
    assert first == again and len(first) == 5
    assert (tmp_path / "a" / "index.html").read_bytes() == build_report(models).files["index.html"]


def test_the_sample_report_drops_diagrams_it_no_longer_has(tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "gone--peacetime.svg").write_text("<svg/>")
    (folder / "notes.txt").write_text("kept")
    write_sample_report([load_model(REPO / "models" / "us-rok-cfc.yaml")], folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "explore.html",
        "index.html",
        "notes.txt",
        "report.md",
        "us-rok-cfc--armistice.svg",
        "us-rok-cfc--wartime.svg",
    ]
