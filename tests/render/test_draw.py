"""render_bytes() and draw(): formats, engine choice, atomic writes, deterministic files."""

from __future__ import annotations

import pytest

from c2graph import QueryError, RenderError
from c2graph.render import choose_engine, dot_text, draw, picture_format, render_bytes
from c2graph.render.engine import graphviz_engine

needs_dot = pytest.mark.skipif(graphviz_engine() is None, reason="Graphviz is not installed")


def _no_graphviz(monkeypatch):
    from c2graph.render import engine

    monkeypatch.setattr(engine, "graphviz_engine", lambda: None)


def test_dot_text_needs_no_graphviz_program(tiny, tmp_path, monkeypatch):
    _no_graphviz(monkeypatch)
    draw(tiny, tmp_path / "chart.dot", phase="armed-attack")
    assert (tmp_path / "chart.dot").read_text(encoding="utf-8") == dot_text(
        tiny, phase="armed-attack"
    )


def test_auto_engine_falls_back_to_matplotlib(monkeypatch):
    _no_graphviz(monkeypatch)
    assert choose_engine("auto", "svg") == "matplotlib"
    assert choose_engine("auto", "dot") == "graphviz"


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_matplotlib_writes_every_format(tiny, tmp_path, fmt):
    path = tmp_path / f"chart.{fmt}"
    draw(tiny, path, engine="matplotlib")
    head = path.read_bytes()[:8]
    assert head.startswith({"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}[fmt])


@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_graphviz_writes_every_format_deterministically(tiny, tmp_path, fmt):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    draw(tiny, first, engine="graphviz", phases=["peacetime", "armed-attack"])
    draw(tiny, second, engine="graphviz", phases=["peacetime", "armed-attack"])
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_matplotlib_files_are_identical_run_to_run(tiny, tmp_path, fmt):
    draw(tiny, tmp_path / f"a.{fmt}", engine="matplotlib", lang="ja")
    draw(tiny, tmp_path / f"b.{fmt}", engine="matplotlib", lang="ja")
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


@pytest.mark.parametrize(
    ("name", "engine", "message"),
    [
        ("chart.gif", "auto", r"unknown picture format '\.gif'; use one of \.svg, \.png"),
        ("chart", "auto", "unknown picture format ''"),
        ("chart.dot", "matplotlib", "DOT output is written by the graphviz engine"),
        ("chart.svg", "inkscape", "unknown engine 'inkscape'"),
    ],
)
def test_bad_format_or_engine(tiny, tmp_path, name, engine, message):
    with pytest.raises(QueryError, match=message):
        draw(tiny, tmp_path / name, engine=engine)
    assert list(tmp_path.iterdir()) == []


def test_failed_render_leaves_the_old_file_and_no_temporary(tiny, tmp_path, monkeypatch):
    from c2graph.render import dot

    target = tmp_path / "chart.svg"
    target.write_text("old picture")

    def fail(source, fmt, **_):
        raise RenderError("Graphviz 'dot' failed: boom")

    monkeypatch.setattr(dot, "render_dot", fail)
    with pytest.raises(RenderError, match="boom"):
        draw(tiny, target, engine="graphviz")
    assert target.read_text() == "old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_missing_graphviz_is_a_render_error(tiny, tmp_path, monkeypatch):
    _no_graphviz(monkeypatch)
    with pytest.raises(RenderError, match="Graphviz is not available: install pygraphviz"):
        draw(tiny, tmp_path / "chart.svg", engine="graphviz")


def test_draw_writes_what_render_bytes_returns(tiny, tmp_path):
    draw(tiny, tmp_path / "chart.svg", engine="matplotlib", phase="armed-attack")
    assert (tmp_path / "chart.svg").read_bytes() == render_bytes(
        tiny, "svg", engine="matplotlib", phase="armed-attack"
    )


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.svg", "svg"), ("b.PNG", "png"), ("c.d/e.pdf", "pdf"), ("f.dot", "dot")]
)
def test_picture_format_from_the_extension(name, fmt):
    assert picture_format(name) == fmt


def test_render_bytes_refuses_an_unknown_format(tiny):
    with pytest.raises(QueryError) as err:
        render_bytes(tiny, "gif")
    assert str(err.value) == "unknown picture format 'gif'; use one of svg, png, pdf, dot"
