"""Long tables of the report: each nation's chains listed for the forces nearest the top,
with how many more there are and where their chains are found."""

from __future__ import annotations

import pytest

from c2graph.messages import messages
from c2graph.report import findings as findings_module
from c2graph.report.chains import chain_blocks
from c2graph.report.document import Details, Paragraph, Table
from c2graph.report.findings import listed_forces, model_findings
from tests.builders import build, link

EN = messages("en")


@pytest.fixture
def wide():
    """JP: pm -command-> hq -opcon-> a, b, c; hq -opcon-> sub -opcon-> d.
    US: pres -command-> us-hq -opcon-> e."""
    nodes = [("pm", "JP", "political-authority"), ("hq", "JP", "headquarters")]
    nodes += [(n, "JP", "unit") for n in ("a", "b", "c", "sub", "d")]
    nodes += [("pres", "US", "political-authority"), ("us-hq", "US", "headquarters")]
    nodes += [("e", "US", "unit")]
    links = [link("pm", "hq", "command"), link("pres", "us-hq", "command")]
    links += [link("hq", n, "opcon") for n in ("a", "b", "c", "sub")]
    links += [link("sub", "d", "opcon"), link("us-hq", "e", "opcon")]
    return build(nodes, links)


def test_listed_forces_are_the_nearest_the_top_per_nation(wide):
    units = ["a", "b", "c", "d", "e", "hq", "sub", "us-hq"]
    assert listed_forces(wide, units, 3) == ["a", "b", "e", "hq", "us-hq"]
    assert listed_forces(wide, units, 6) == units


def test_a_nation_with_more_forces_says_how_many_more(wide, monkeypatch):
    monkeypatch.setattr(findings_module, "LISTED_FORCES", 3)
    found = model_findings(wide)
    assert found.forces == ("a", "b", "c", "d", "e", "hq", "sub", "us-hq")
    assert found.chained == (("JP", 6), ("US", 2))
    assert sorted({row.unit for row in found.chains}) == ["a", "b", "e", "hq", "us-hq"]
    japan = chain_blocks(found, "w", EN)[2]
    assert isinstance(japan, Details)
    assert japan.summary == "Japan (6 forces)"
    table, more = japan.blocks
    assert isinstance(table, Table) and isinstance(more, Paragraph)
    assert [row[0] for row in table.rows] == ["A", "B", "HQ"]
    assert more.text == (
        "… and 3 more forces, not listed: those listed are the 3 nearest the top; "
        "c2graph path MODEL FORCE gives the chains of any force."
    )
    united_states = chain_blocks(found, "w", EN)[3]
    assert [type(b) for b in united_states.blocks] == [Table]


def test_forces_asked_for_are_all_listed(wide, monkeypatch):
    monkeypatch.setattr(findings_module, "LISTED_FORCES", 1)
    found = model_findings(wide, forces=["a", "b", "c", "d"])
    assert sorted({row.unit for row in found.chains}) == ["a", "b", "c", "d"]
    assert found.chained == (("JP", 4),)
