"""Every shipped model exports to every format and reads back with the same nodes and links."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from c2graph import load_model
from c2graph.export import export
from c2graph.export._select import link_values, node_values

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))


@pytest.fixture(scope="module", params=SHIPPED, ids=[p.name for p in SHIPPED])
def shipped(request):
    return load_model(request.param)


def test_graphml_reads_back(shipped):
    graph = nx.read_graphml(io.StringIO(export(shipped, "graphml")), force_multigraph=True)
    assert list(graph.nodes(data=True)) == [
        (n.id, node_values(shipped, n)) for n in shipped.nodes.values()
    ]
    assert sorted(graph.edges(keys=True, data=True)) == sorted(
        (lk.from_node, lk.to_node, lk.key, link_values(shipped, lk)) for lk in shipped.links
    )


def test_gexf_reads_back(shipped):
    graph = nx.read_gexf(io.StringIO(export(shipped, "gexf")))
    assert {n: d["name"] for n, d in graph.nodes(data=True)} == {
        n.id: n.name for n in shipped.nodes.values()
    }
    assert graph.number_of_edges() == len(shipped.links)


def test_dynetml_slices(shipped):
    root = ET.fromstring(export(shipped, "dynetml").encode("utf-8"))
    slices = root.findall("MetaNetwork")
    assert [m.get("id") for m in slices] == list(shipped.situations)
    for meta in slices:
        phase = meta.get("id")
        assert len(list(meta.iter("node"))) == sum(
            1 for n in shipped.nodes.values() if phase in n.phases
        )
        pairs = {
            (lk.from_node, lk.to_node, "authority" if lk.is_authority else lk.relation)
            for lk in shipped.links_in(phase)
        }
        assert len(list(meta.iter("link"))) == len(pairs)


def test_mermaid_one_line_per_node_and_arrow(shipped):
    """One arrow per link in a phase; over every phase, one per ends and relation."""
    for phase in (None, *shipped.phase_ids):
        lines = export(shipped, "mermaid", phase=phase).splitlines()
        nodes = [n for n in shipped.nodes.values() if phase is None or phase in n.phases]
        links = list(shipped.links if phase is None else shipped.links_in(phase))
        arrow = r'  n\d+ -\.?->\|"\w+( \w+)?( · [0-9–, ]+)?"\| n\d+'
        assert sum(1 for line in lines if re.fullmatch(r'    n\d+\["[^"]*"\]', line)) == len(nodes)
        assert sum(1 for line in lines if re.fullmatch(arrow, line)) == len(
            {lk.ends for lk in links}
        )
