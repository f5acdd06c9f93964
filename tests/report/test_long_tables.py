"""Long lists of the report: each nation's chains listed for the forces nearest the top,
single points of failure, other bottlenecks, a switch's changes, summary cells and cells of
names cut at the limits, each saying how many more there are and where they are found."""

from __future__ import annotations

import networkx as nx
import pytest

from c2graph import limits, load_model_data
from c2graph.analysis.graphs import phase_graphs
from c2graph.messages import messages
from c2graph.report import findings as findings_module
from c2graph.report.chains import chain_blocks
from c2graph.report.document import Details, Paragraph, Table
from c2graph.report.failures import failure_blocks, structure_blocks
from c2graph.report.findings import listed_forces, model_findings
from c2graph.report.summary import summary_blocks
from c2graph.report.switches import switch_blocks
from c2graph.synthetic import generate
from c2graph.vocabulary import FORCE_KINDS
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


@pytest.fixture
def short_lists(monkeypatch):
    """Lists of at most one item, cells of at most two names."""
    monkeypatch.setattr(limits, "LISTED", 1)
    monkeypatch.setattr(limits, "NAMED", 2)


def test_single_points_of_failure_listed_per_family_then_counted(wide, short_lists):
    rows = failure_blocks(model_findings(wide), "w", EN)[2].rows
    assert rows == (
        ("Japan chains", "PM (political)", "A, B … and 4 more", "all phases"),
        (
            "",
            "… and 2 more, each cutting off no more forces than those above; c2graph "
            "bottlenecks MODEL --phase PHASE lists them all",
            "",
            "",
        ),
        ("United States chains", "PRES (political)", "E, US-HQ", "all phases"),
        (
            "",
            "… and 1 more, each cutting off no more forces than those above; c2graph "
            "bottlenecks MODEL --phase PHASE lists them all",
            "",
            "",
        ),
    )


@pytest.fixture
def switching(wide):
    """``wide`` and, in war only, us-hq -tacon-> a and b."""
    data = wide.to_dict()
    data["links"] += [link("us-hq", n, "tacon", phases=["war"]) for n in ("a", "b")]
    return load_model_data(data)


def test_other_bottlenecks_listed_per_kind_then_counted(switching, short_lists):
    table = structure_blocks(model_findings(switching), "w", EN)[-1]
    assert table.rows == (
        ("cut node", "HQ", "all phases"),
        ("cut node", "… and 2 more; c2graph bottlenecks MODEL --phase PHASE lists them all", ""),
        ("channels between nations", "Japan–United States: 0 (cut: -)", "all phases"),
    )


def test_changes_of_a_switch_listed_then_counted(switching, short_lists):
    found = model_findings(switching)
    blocks = switch_blocks(found, "w", EN, {"peace": "peace", "war": "war"})
    assert blocks[-1].items == (
        "starts: US-HQ → A (TACON)",
        "… and 3 more changes; c2graph switches MODEL --from P1 --to P2 lists them all",
    )


def test_summary_cells_listed_then_counted(switching, short_lists, monkeypatch):
    monkeypatch.setattr(limits, "NAMED", 1)
    row = summary_blocks([model_findings(switching)], ["w"], {}, EN)[2].rows[0]
    assert row[1:4] == (
        ("HQ: A, B, C, D, SUB", "… and 2 more"),
        "none",
        ("War: chains change: A … and 1 more",),
    )


def _nearest_by_definition(model, units, limit):
    """Each nation's ``limit`` units nearest the top, from every node's depth in every
    phase (a full search of each phase), ties by id."""
    depth = {}
    for phase in model.phase_ids:
        graph = phase_graphs(model, phase).authority
        for top in (n for n in graph if not graph.in_degree(n)):
            for node, steps in nx.single_source_shortest_path_length(graph, top).items():
                depth[node] = min(depth.get(node, steps), steps)
    by_nation = {}
    for unit in units:
        by_nation.setdefault(model.nodes[unit].nation, []).append(unit)
    last = max(depth.values()) + 1
    return sorted(
        u
        for members in by_nation.values()
        for u in sorted(members, key=lambda u: (depth.get(u, last), u))[:limit]
    )


@pytest.mark.parametrize("limit", [1, 2, 5, 20, 60, 400])
def test_listed_forces_of_an_order_of_battle_are_the_nearest_by_definition(limit):
    model = load_model_data(generate(600, seed=3))
    units = sorted(n for n, node in model.nodes.items() if node.kind in FORCE_KINDS)
    assert listed_forces(model, units, limit) == _nearest_by_definition(model, units, limit)
