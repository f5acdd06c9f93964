"""Headline measures per layer, and docs/measures.md defining every measure and verdict."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from c2graph import QueryError, load_model
from c2graph.analysis.approach import APPROACHES, UNITY
from c2graph.analysis.bottlenecks import bottleneck_report
from c2graph.analysis.measures import MEASURES, headline, phase_report
from c2graph.analysis.sovereignty import SCOPES
from c2graph.vocabulary import LAYER_CHOICES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "measures.md").read_text(encoding="utf-8")


def test_headline_per_layer(alliance):
    operational = dict(headline(alliance, phase="war"))
    every = dict(headline(alliance, phase="war", layer="all"))
    civil = dict(headline(alliance, phase="war", layer="civil"))
    # jcg is reached only by the PM's control: a civil chain, no operational one
    assert (operational["units without a chain"], civil["units without a chain"]) == (1, 6)
    # one extra link (mod -adcon-> fleet) over components of 6 and 5 nodes: 1 - 1/41
    assert (operational["efficiency"], every["efficiency"]) == (1.0, 0.9756)
    assert operational["single points of failure"] == 6
    assert operational["unity of command"] == "parallel"
    with pytest.raises(QueryError, match="the support layer carries no authority"):
        headline(alliance, phase="war", layer="support")


@pytest.mark.parametrize("name", list(MEASURES))
def test_every_headline_measure_is_defined(name):
    assert name in DOC


@pytest.mark.parametrize(
    "term",
    [
        *LAYER_CHOICES,
        *APPROACHES,
        *UNITY,
        *SCOPES,
        "national force under a foreign-topped chain",
        "has no national chain in this layer",
        "not informative",
        "dual-key",
        "commands",
        "conduit",
    ],
)
def test_every_verdict_is_defined(term):
    assert f"`{term}`" in DOC or f"**{term}**" in DOC or f'"{term}"' in DOC


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml")),
    ids=lambda p: p.stem,
)
def test_phase_report_is_the_bottleneck_report_but_what_no_measure_reads(path):
    model = load_model(path)
    for phase in model.phase_ids:
        for layer in ("operational", "all"):
            full = bottleneck_report(model, phase=phase, layer=layer)
            narrow = phase_report(model, phase=phase, layer=layer)
            assert (narrow.forces, narrow.sites) == ((), ())
            assert narrow.hierarchy.rows == full.hierarchy.rows[:1]
            assert narrow == replace(
                full,
                forces=(),
                sites=(),
                hierarchy=replace(full.hierarchy, rows=narrow.hierarchy.rows),
            )
