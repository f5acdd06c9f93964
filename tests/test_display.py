"""Jupyter display: short reprs, HTML tables of results, the model's phases and chart."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import c2graph.analysis
import c2graph.compare
from c2graph import RenderError, load_model, load_model_data
from c2graph.analysis import (
    authority_paths,
    bottleneck_report,
    commanders,
    hierarchy_scores,
    phase_switch,
    reach,
    span_of_control,
)
from c2graph.compare import compare, compare_many, structural_diff
from c2graph.display import REPR_LIMIT, Displayable, html_table, model_html, short_repr

MODELS = Path(__file__).resolve().parent.parent / "models"


@pytest.fixture(scope="module")
def japan():
    return load_model(MODELS / "us-japan-2025.yaml")


def test_model_repr_is_short(japan):
    assert repr(japan) == (
        "<Model 'US–Japan alliance C2, October 2025 (after the JJOC, USFJ JFHQ phase one)' "
        "as of 2025-10-29: 50 nodes, 129 links, 6 phases>"
    )
    for path in MODELS.glob("*.yaml"):
        assert len(repr(load_model(path))) < 200


def test_model_svg_is_the_chart_of_the_first_phase_drawn_once(japan):
    svg = japan._repr_svg_()
    assert svg.lstrip().startswith("<")
    assert ET.fromstring(svg.encode()).tag == "{http://www.w3.org/2000/svg}svg"
    assert japan._repr_svg_() is svg


def test_model_html_lists_phases_and_inlines_the_chart():
    model = load_model(MODELS / "us-rok-cfc.yaml")
    text = model._repr_html_()
    root = ET.fromstring(text.encode())
    assert root.find("strong").text == "US–ROK Combined Forces Command (comparator) (as of 2019-01)"
    rows = [[cell.text for cell in row] for row in root.find("table")]
    assert rows == [
        ["phase", "name", "nodes", "links"],
        ["armistice", "Armistice", "14", "19"],
        ["wartime", "Wartime (hostilities)", "14", "20"],
    ]
    assert root.find("{http://www.w3.org/2000/svg}svg") is not None
    assert "<?xml" not in text


def test_model_html_escapes_the_name_and_survives_a_failed_drawing(monkeypatch):
    model = load_model_data(
        {
            "name": "<b>HQ</b> & co",
            "as_of": "2025",
            "phases": [{"id": "p", "name": 'P "1"'}],
            "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}],
        }
    )

    def fail(*args, **kwargs):
        raise RenderError("no renderer")

    monkeypatch.setattr("c2graph.render.render_bytes", fail)
    assert model._repr_svg_() is None
    assert model_html(model) == (
        "<div><strong>&lt;b&gt;HQ&lt;/b&gt; &amp; co (as of 2025)</strong><table>"
        "<tr><th>phase</th><th>name</th><th>nodes</th><th>links</th></tr>"
        "<tr><td>p</td><td>P &quot;1&quot;</td><td>1</td><td>0</td></tr></table>"
        "<p>(no chart could be drawn)</p></div>"
    )


def _results(japan):
    jfhq = load_model(MODELS / "us-japan-jfhq.yaml")
    cfc = load_model(MODELS / "us-rok-cfc.yaml")
    return [
        authority_paths(japan, "jp-gcc", phase="armed-attack"),
        bottleneck_report(japan, phase="armed-attack"),
        phase_switch(japan, before="peacetime", after="armed-attack"),
        hierarchy_scores(japan, phase="peacetime"),
        span_of_control(japan, phase="peacetime"),
        commanders(japan, "jp-gcc", phase="peacetime"),
        reach(japan, "jp-pm", phase="peacetime"),
        compare(japan, jfhq),
        compare_many([japan, jfhq, cfc]),
        structural_diff(japan, jfhq),
    ]


def test_every_result_has_a_short_repr_and_an_html_table_of_its_data(japan):
    for result in _results(japan):
        assert isinstance(result, Displayable)
        assert len(repr(result)) <= 2 * REPR_LIMIT
        text = result._repr_html_()
        root = ET.fromstring(text.encode())  # well-formed: every text escaped
        assert root.find("strong").text == type(result).__name__


def test_a_long_repr_lists_fields_briefly(japan):
    result = authority_paths(japan, "jp-gcc", phase="armed-attack")
    assert repr(result) == (
        "PathResult(target='jp-gcc', phase='armed-attack', source=None, paths=<1 items>, "
        "layer='operational')"
    )
    report = bottleneck_report(japan, phase="armed-attack")
    assert repr(report).startswith(
        "BottleneckReport(phase='armed-attack', tops=<2 items>, dominators=<11 items>, "
        "cut_nodes=<2 items>, nation_cuts=<1 items>, span=<SpanOfControl>,"
    )


def test_short_records_keep_their_dataclass_repr():
    from c2graph.analysis import Span

    assert repr(Span("hq", 3)) == "Span(node='hq', span=3)"


def test_every_record_with_to_dict_in_the_analyses_and_comparisons_is_displayable():
    missing = []
    for package in (c2graph.analysis, c2graph.compare):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if (
                    cls.__module__ == module.__name__
                    and dataclasses.is_dataclass(cls)
                    and hasattr(cls, "to_dict")
                    and not issubclass(cls, Displayable)
                ):
                    missing.append(f"{module.__name__}.{name}")
    assert missing == []


def test_html_table_shows_lists_of_records_and_cuts_long_lists():
    rows = [{"n": i} for i in range(150)]
    text = html_table("T", rows)
    assert text.count("<tr>") == 101
    assert text.endswith("<p>… 50 more</p></div>")
    assert html_table("T", {"a": [1, None, "<x>"]}) == (
        "<div><strong>T</strong><table><tr><th>a</th><td>1, , &lt;x&gt;</td></tr></table></div>"
    )


def test_short_repr_of_collections_and_objects():
    @dataclasses.dataclass(frozen=True)
    class Big:
        name: str
        items: tuple[int, ...]
        other: object

    big = Big("x" * 50, tuple(range(100)), object())
    assert short_repr(big) == f"Big(name='{'x' * 40}…', items=<100 items>, other=<object>)"
