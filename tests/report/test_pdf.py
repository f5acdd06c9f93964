"""``report --pdf``: the page printed by headless Chromium, every fold open; a clear error
without Chromium."""

from __future__ import annotations

import shutil

import pytest

from c2graph import OutputError, RenderError
from c2graph.cli.main import main
from c2graph.report.pdf import find_browser, print_pdf, print_ready

from ._alliance import BASE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_print_ready_opens_folds_and_sets_the_paper():
    page = "<html><head><title>t</title></head><body><details><p>x</p></details></body></html>"
    ready = print_ready(page, "letter")
    assert "<details open><p>x</p></details>" in ready
    assert "<style>@page { size: letter; }</style>\n</head>" in ready


def test_no_browser_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.delenv("C2GRAPH_CHROMIUM", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert find_browser() is None
    with pytest.raises(OutputError, match=r"^--pdf needs Chromium to print the page"):
        print_pdf("<html></html>", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_a_browser_that_prints_nothing_is_a_render_error(monkeypatch, tmp_path):
    monkeypatch.setenv("C2GRAPH_CHROMIUM", "/bin/true")
    with pytest.raises(RenderError, match=r"^Chromium printed no PDF \(exit 0\)"):
        print_pdf("<html></html>", tmp_path / "r.pdf")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_report_pdf_is_printed(write_model, tmp_path, capsys):
    model = write_model(BASE, "base.yaml")
    out = tmp_path / "out"
    engine = "graphviz" if shutil.which("dot") else "matplotlib"
    assert main(["report", str(model), "-o", str(out), "--pdf", "--engine", engine, "--quiet"]) == 0
    assert capsys.readouterr().out.endswith("and the diagrams, report.pdf\n")
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page") >= 2
