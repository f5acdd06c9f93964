"""A large order of battle's figures are overviews, legible at the page's width."""

from __future__ import annotations

import shutil

from c2graph import load_model_data
from c2graph.report import draw_figures, legible
from c2graph.report.document import Figure
from c2graph.synthetic import generate

ENGINE = "graphviz" if shutil.which("dot") else "matplotlib"


def test_a_thousand_unit_model_is_drawn_as_an_overview_with_no_focused_views():
    model = load_model_data(generate(1000))
    job = (model, Figure("oob--peacetime.svg", "Peacetime"), {"phase": "peacetime"})
    drawn = draw_figures([job], [], engine=ENGINE)
    svg = drawn["oob--peacetime.svg"]
    assert isinstance(svg, bytes)
    assert b"981 units counted in their formation" in svg
    assert b">224 units</text>" in svg  # JP 1st Joint Force's box
    assert legible(svg)  # so the report adds no focused views of it
