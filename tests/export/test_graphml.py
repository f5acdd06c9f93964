"""GraphML export: exact text, and a round trip through networkx with hostile names."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import RenderError, load_model_data
from c2graph.export._select import link_values, node_values
from c2graph.export.graphml import to_graphml

from .conftest import named, pair_data, xml_names

PAIR = """\
<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d13" for="edge" attr.name="phases" attr.type="string" />
  <key id="d12" for="edge" attr.name="authority" attr.type="boolean" />
  <key id="d11" for="edge" attr.name="layer" attr.type="string" />
  <key id="d10" for="edge" attr.name="class" attr.type="string" />
  <key id="d9" for="edge" attr.name="relation" attr.type="string" />
  <key id="d8" for="edge" attr.name="key" attr.type="string" />
  <key id="d7" for="node" attr.name="name_ja" attr.type="string" />
  <key id="d6" for="node" attr.name="phases" attr.type="string" />
  <key id="d5" for="node" attr.name="kind" attr.type="string" />
  <key id="d4" for="node" attr.name="nation" attr.type="string" />
  <key id="d3" for="node" attr.name="name" attr.type="string" />
  <key id="d2" for="graph" attr.name="phases" attr.type="string" />
  <key id="d1" for="graph" attr.name="as_of" attr.type="string" />
  <key id="d0" for="graph" attr.name="name" attr.type="string" />
  <graph edgedefault="directed">
    <node id="pm">
      <data key="d3">PM "A" &amp; &lt;B&gt;</data>
      <data key="d4">JP</data>
      <data key="d5">political-authority</data>
      <data key="d6">p,q</data>
      <data key="d7">総理</data>
    </node>
    <node id="acm">
      <data key="d3">ACM</data>
      <data key="d4">alliance</data>
      <data key="d5">coordination-body</data>
      <data key="d6">q</data>
    </node>
    <edge source="pm" target="acm" id="pm-&gt;acm:member">
      <data key="d8">pm-&gt;acm:member</data>
      <data key="d9">member</data>
      <data key="d10">coordination</data>
      <data key="d11">coordination</data>
      <data key="d12">false</data>
      <data key="d13">q</data>
    </edge>
    <data key="d0">pair</data>
    <data key="d1">2025</data>
    <data key="d2">p,q</data>
  </graph>
</graphml>
"""


def read_back(text: str) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)


def test_pair_exact_text(pair):
    assert to_graphml(pair) == PAIR


def assert_round_trip(model, phase=None):
    graph = read_back(to_graphml(model, phase=phase))
    nodes = [n for n in model.nodes.values() if phase is None or phase in n.phases]
    links = [lk for lk in model.links if phase is None or phase in lk.phases]
    assert list(graph.nodes(data=True)) == [(n.id, node_values(model, n)) for n in nodes]
    assert sorted(graph.edges(keys=True, data=True)) == sorted(
        (lk.from_node, lk.to_node, lk.key, link_values(model, lk)) for lk in links
    )


def test_round_trip_tiny_every_phase(tiny):
    assert_round_trip(tiny)
    for phase in tiny.phase_ids:
        assert_round_trip(tiny, phase)


def test_round_trip_graph_attributes(tiny):
    graph = read_back(to_graphml(tiny, phase="gray-zone"))
    assert {k: v for k, v in graph.graph.items() if not k.endswith("_default")} == {
        "name": "tiny",
        "as_of": "2025-03-24",
        "phases": "peacetime,gray-zone,armed-attack",
        "phase": "gray-zone",
    }


def test_authority_is_a_boolean(tiny):
    graph = read_back(to_graphml(tiny))
    assert graph.edges["pm", "jjoc", "pm->jjoc:command"]["authority"] is True
    assert graph.edges["jjoc", "indo", "jjoc->indo:counterpart"]["authority"] is False


def test_hostile_ids_and_japanese_round_trip():
    data = pair_data()
    data["nodes"][0]["id"] = 'HQ:Main"<a>&'
    data["nodes"][1]["id"] = "日本#1"
    data["links"][0].update({"from": 'HQ:Main"<a>&', "to": "日本#1", "note": "a\\"})
    assert_round_trip(load_model_data(data))


@settings(max_examples=100, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_round_trip(names):
    assert_round_trip(named(names))


def test_carriage_return_survives():
    data = pair_data()
    data["nodes"][0]["name"] = "two\r\nlines\r"
    text = to_graphml(load_model_data(data))
    assert "two&#13;\nlines&#13;</data>" in text
    assert_round_trip(load_model_data(data))


def test_control_character_is_a_clear_error():
    data = pair_data()
    data["nodes"][1]["name"] = "A\x01"
    with pytest.raises(RenderError) as err:
        to_graphml(load_model_data(data))
    assert str(err.value) == (
        "graphml: node 'acm' → name contains the character U+0001, which XML cannot carry; "
        "remove it from the model to export this format"
    )
