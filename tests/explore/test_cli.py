"""``c2graph explore``: writes one page, refuses other names and never replaces an input."""

from __future__ import annotations

from c2graph.cli.main import main

from .conftest import TINY


def _write_tiny(write_model):
    import json

    return write_model(json.dumps(TINY, ensure_ascii=False), "tiny.json")


def test_writes_the_page(write_model, tmp_path, capsys):
    model = _write_tiny(write_model)
    out = tmp_path / "tiny.html"
    assert main(["explore", str(model), str(model), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: written (2 models; open it in a browser)\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="drawing"') == 2


def test_the_output_is_an_html_page(write_model, tmp_path, capsys):
    model = _write_tiny(write_model)
    assert main(["explore", str(model), "-o", str(tmp_path / "x.svg")]) == 2
    assert capsys.readouterr().err == (
        f"c2graph explore: error: {tmp_path / 'x.svg'}: the explorer is an HTML page; "
        "name it .html\n"
    )
    assert not (tmp_path / "x.svg").exists()


def test_an_input_is_never_replaced(write_model, tmp_path, capsys):
    model = _write_tiny(write_model)
    page = tmp_path / "page.html"
    page.write_text("mine", encoding="utf-8")
    assert main(["explore", str(model), str(page), "-o", str(page)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph explore: error: {page}: this is an input of the command; "
        "refusing to overwrite it\n"
    )
    assert page.read_text(encoding="utf-8") == "mine"


def test_a_missing_model_file(tmp_path, capsys):
    missing = tmp_path / "none.yaml"
    assert main(["explore", str(missing), "-o", str(tmp_path / "x.html")]) == 3
    assert "none.yaml" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_the_report_links_its_explorer_page(write_model, tmp_path):
    from ..report._models import BASE

    model = write_model(BASE, "base.yaml")
    out = tmp_path / "report"
    assert main(["report", str(model), "-o", str(out)]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="explore.html">Interactive explorer</a>' in index
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "[Interactive explorer](explore.html): open it in a browser." in markdown
    assert (out / "explore.html").read_text(encoding="utf-8").count('class="drawing"') == 1
