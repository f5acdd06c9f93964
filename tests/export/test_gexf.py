"""GEXF export: exact text, phase spells, and a round trip through networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import RenderError, load_model_data
from c2graph.export._select import link_values, node_values
from c2graph.export.gexf import to_gexf

from .conftest import named, pair_data, xml_names

PAIR = """\
<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" \
version="1.2">
  <meta>
    <creator>c2graph</creator>
    <description>pair (as of 2025)</description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" name="pair" timeformat="double">
    <attributes mode="static" class="edge">
      <attribute id="5" title="networkx_key" type="string" />
      <attribute id="6" title="relation" type="string" />
      <attribute id="7" title="class" type="string" />
      <attribute id="8" title="authority" type="boolean" />
      <attribute id="9" title="phases" type="string" />
    </attributes>
    <attributes mode="static" class="node">
      <attribute id="0" title="name" type="string" />
      <attribute id="1" title="nation" type="string" />
      <attribute id="2" title="kind" type="string" />
      <attribute id="3" title="phases" type="string" />
      <attribute id="4" title="name_ja" type="string" />
    </attributes>
    <nodes>
      <node id="pm" label="PM &quot;A&quot; &amp; &lt;B&gt;">
        <attvalues>
          <attvalue for="0" value="PM &quot;A&quot; &amp; &lt;B&gt;" />
          <attvalue for="1" value="JP" />
          <attvalue for="2" value="political-authority" />
          <attvalue for="3" value="p,q" />
          <attvalue for="4" value="総理" />
        </attvalues>
      </node>
      <node id="acm" label="ACM">
        <spells>
          <spell start="1.0" end="1.0" />
        </spells>
        <attvalues>
          <attvalue for="0" value="ACM" />
          <attvalue for="1" value="alliance" />
          <attvalue for="2" value="coordination-body" />
          <attvalue for="3" value="q" />
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge source="pm" target="acm" id="pm-&gt;acm:member" label="member">
        <spells>
          <spell start="1.0" end="1.0" />
        </spells>
        <attvalues>
          <attvalue for="5" value="pm-&gt;acm:member" />
          <attvalue for="6" value="member" />
          <attvalue for="7" value="coordination" />
          <attvalue for="8" value="false" />
          <attvalue for="9" value="q" />
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
"""


def read_back(text: str) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


def test_pair_exact_text(pair):
    assert to_gexf(pair) == PAIR


def assert_round_trip(model, phase=None):
    graph = read_back(to_gexf(model, phase=phase))
    nodes = [n for n in model.nodes.values() if phase is None or phase in n.phases]
    links = [lk for lk in model.links if phase is None or phase in lk.phases]
    read_nodes = {
        n: {k: v for k, v in d.items() if k not in ("label", "spells")}
        for n, d in graph.nodes(data=True)
    }
    assert read_nodes == {n.id: node_values(model, n) for n in nodes}
    assert {n: d["label"] for n, d in graph.nodes(data=True)} == {n.id: n.name for n in nodes}
    read_links = sorted(
        (u, v, d["id"], {k: val for k, val in d.items() if k not in ("id", "label", "spells")})
        for u, v, d in graph.edges(data=True)
    )
    expected = sorted(
        (
            lk.from_node,
            lk.to_node,
            lk.key,
            {k: val for k, val in link_values(model, lk).items() if k != "key"},
        )
        for lk in links
    )
    assert read_links == expected


def test_round_trip_tiny(tiny):
    assert_round_trip(tiny)
    assert_round_trip(tiny, "peacetime")


def test_spells_follow_phase_indexes(tiny):
    graph = read_back(to_gexf(tiny))
    assert graph.nodes["acm"]["spells"] == [(1.0, 2.0)]
    assert "spells" not in graph.nodes["pm"]
    assert graph.edges["jjoc", "acm"]["spells"] == [(1.0, 2.0)]
    assert "spells" not in graph.edges["pm", "jjoc"]


def test_spells_split_on_gaps():
    data = pair_data()
    data["phases"].append({"id": "r", "name": "R"})
    data["nodes"][1]["phases"] = ["p", "r"]
    data["links"][0]["phases"] = ["p", "r"]
    graph = read_back(to_gexf(load_model_data(data)))
    assert graph.nodes["acm"]["spells"] == [(0.0, 0.0), (2.0, 2.0)]


def test_one_phase_is_static(tiny):
    text = to_gexf(tiny, phase="gray-zone")
    assert 'mode="static"' in text
    assert "<spell" not in text


@settings(max_examples=100, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_round_trip(names):
    assert_round_trip(named(names))


def test_carriage_return_survives():
    data = pair_data()
    data["nodes"][0]["name"] = "two\r\nlines"
    assert_round_trip(load_model_data(data))


def test_lone_surrogate_is_a_clear_error():
    data = pair_data()
    data["nodes"][0]["name"] = "bad\ud800"
    with pytest.raises(
        RenderError,
        match=r"^gexf: node 'pm' → name contains the character "
        r"U\+D800, which XML cannot carry",
    ):
        to_gexf(load_model_data(data))
