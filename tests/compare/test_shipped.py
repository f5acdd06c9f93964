"""Comparisons of the shipped US–Japan models: the changes the variants were built to show."""

from __future__ import annotations

from c2graph.compare import compare
from tests.builders import shipped


def test_2022_to_2025_adds_jjoc_and_takes_jso_out_of_the_operational_chain():
    result = compare(shipped("us-japan-2022.yaml"), shipped("us-japan-2025.yaml"))
    assert "jp-jjoc" in result.diff.nodes_added
    peacetime = next(p for p in result.phases if p.phase == "peacetime")
    left_jso = {c.unit for c in peacetime.chains_changed if "jp-jso" in c.left}
    assert {"jp-gcc", "jp-sdf-fleet", "jp-adc"} <= left_jso
    assert all("jp-jjoc" in c.joined for c in peacetime.chains_changed if c.unit in left_jso)


def test_2025_to_jfhq_gives_usfj_opcon_and_ends_the_jjoc_usfj_mismatch():
    result = compare(shipped("us-japan-2025.yaml"), shipped("us-japan-jfhq.yaml"))
    gained = {c.unit for p in result.phases for c in p.chains_changed if "us-usfj" in c.joined}
    assert gained and all(unit.startswith("us-") for unit in gained)
    assert any(r.from_node == "us-usfj" and r.relation == "opcon" for r in result.diff.links_added)
    for phase in result.phases:
        before = {(m.a.node, m.b.node) for m in phase.nation_link_before.mismatches}
        after = {(m.a.node, m.b.node) for m in phase.nation_link_after.mismatches}
        assert ("jp-jjoc", "us-usfj") not in after
        if phase.phase == "peacetime":
            assert ("jp-jjoc", "us-usfj") in before
