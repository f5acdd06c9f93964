"""GEXF 1.3 export: exact text, phases as spells, networkx and the official schema read it."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from c2graph import RenderError, load_model, load_model_data
from c2graph.export._select import link_values, node_values
from c2graph.export.gexf import to_gexf

from .conftest import named, pair_data, schema_file, xml_names

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))

PAIR = """\
<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta>
    <creator>c2graph</creator>
    <description>pair (as of 2025); phases as times: 0 p, 1 q</description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="integer" \
timerepresentation="interval">
    <attributes class="node" mode="static">
      <attribute id="name" title="name" type="string" />
      <attribute id="nation" title="nation" type="string" />
      <attribute id="kind" title="kind" type="string" />
      <attribute id="phases" title="phases" type="string" />
      <attribute id="name_ja" title="name_ja" type="string" />
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="relation" title="relation" type="string" />
      <attribute id="class" title="class" type="string" />
      <attribute id="layer" title="layer" type="string" />
      <attribute id="authority" title="authority" type="boolean" />
      <attribute id="phases" title="phases" type="string" />
    </attributes>
    <nodes>
      <node id="pm" label="PM &quot;A&quot; &amp; &lt;B&gt;">
        <attvalues>
          <attvalue for="name" value="PM &quot;A&quot; &amp; &lt;B&gt;" />
          <attvalue for="nation" value="JP" />
          <attvalue for="kind" value="political-authority" />
          <attvalue for="phases" value="p,q" />
          <attvalue for="name_ja" value="総理" />
        </attvalues>
      </node>
      <node id="acm" label="ACM">
        <attvalues>
          <attvalue for="name" value="ACM" />
          <attvalue for="nation" value="alliance" />
          <attvalue for="kind" value="coordination-body" />
          <attvalue for="phases" value="q" />
        </attvalues>
        <spells>
          <spell start="1" end="1" />
        </spells>
      </node>
    </nodes>
    <edges>
      <edge id="pm-&gt;acm:member" source="pm" target="acm" kind="member" label="member">
        <attvalues>
          <attvalue for="relation" value="member" />
          <attvalue for="class" value="coordination" />
          <attvalue for="layer" value="coordination" />
          <attvalue for="authority" value="false" />
          <attvalue for="phases" value="q" />
        </attvalues>
        <spells>
          <spell start="1" end="1" />
        </spells>
      </edge>
    </edges>
  </graph>
</gexf>
"""


def read_back(text: str) -> nx.MultiDiGraph:
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


def test_pair_exact_text(pair):
    assert to_gexf(pair) == PAIR


def test_no_networkx_bookkeeping_and_no_graph_name(pair):
    text = to_gexf(pair)
    assert "networkx_key" not in text
    assert "<graph " in text and " name=" not in text.split("<graph ")[1].split(">")[0]


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
    read_links = {
        d["id"]: (u, v, {name: x for name, x in d.items() if name not in ("id", "label", "spells")})
        for u, v, d in graph.edges(data=True)
    }
    expected = {lk.key: (lk.from_node, lk.to_node, link_values(model, lk)) for lk in links}
    for _, _, values in expected.values():
        del values["key"]
    assert read_links == expected


def test_round_trip_tiny(tiny):
    assert_round_trip(tiny)
    assert_round_trip(tiny, "peacetime")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_models_round_trip(path):
    assert_round_trip(load_model(path))


def test_spells_are_phase_indexes(tiny):
    graph = read_back(to_gexf(tiny))
    assert graph.nodes["acm"]["spells"] == [(1, 2)]
    assert "spells" not in graph.nodes["pm"]
    assert graph.edges["jjoc", "acm"]["spells"] == [(1, 2)]
    assert "spells" not in graph.edges["pm", "jjoc"]


def test_spells_split_on_gaps():
    data = pair_data()
    data["phases"].append({"id": "r", "name": "R"})
    data["nodes"][1]["phases"] = ["p", "r"]
    data["links"][0]["phases"] = ["p", "r"]
    graph = read_back(to_gexf(load_model_data(data)))
    assert graph.nodes["acm"]["spells"] == [(0, 0), (2, 2)]


def test_one_phase_is_static(tiny):
    text = to_gexf(tiny, phase="gray-zone")
    assert '<graph defaultedgetype="directed" mode="static">' in text
    assert "<spell" not in text
    assert "<description>tiny (as of 2025-03-24); phase gray-zone</description>" in text


def test_parallel_links_of_two_relations_stay_apart(tiny):
    data = tiny.to_dict()
    data["links"].append({"from": "jjoc", "to": "indo", "relation": "liaison"})
    graph = read_back(to_gexf(load_model_data(data)))
    assert sorted(graph["jjoc"]["indo"]) == ["jjoc->indo:counterpart", "jjoc->indo:liaison"]
    assert sorted(d["relation"] for d in graph["jjoc"]["indo"].values()) == [
        "counterpart",
        "liaison",
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_round_trip(names):
    assert_round_trip(named(names))


def test_hostile_ids_round_trip():
    data = pair_data()
    data["nodes"][0]["id"] = 'HQ:Main"<a>&'
    data["nodes"][1]["id"] = "日本#1"
    data["links"][0].update({"from": 'HQ:Main"<a>&', "to": "日本#1", "note": "a\\"})
    assert_round_trip(load_model_data(data))


def test_carriage_return_survives():
    data = pair_data()
    data["nodes"][0]["name"] = "two\r\nlines"
    assert_round_trip(load_model_data(data))


def test_lone_surrogate_is_a_clear_error():
    data = pair_data()
    data["nodes"][0]["name"] = "bad\ud800"
    with pytest.raises(RenderError) as err:
        to_gexf(load_model_data(data))
    assert str(err.value) == (
        "gexf: node 'pm' → name contains the character U+D800, which XML cannot carry; "
        "remove it from the model to export this format"
    )


# ------------------------------------------- the official GEXF 1.3 schema (C2GRAPH_SCHEMAS)


@pytest.fixture(scope="module")
def schemas():
    """The official GEXF 1.3 RelaxNG and XML Schema (the XSD is correct for what we write)."""
    rng = etree.RelaxNG(etree.parse(str(schema_file("gexf-1.3", "gexf.rng"))))
    xsd = etree.XMLSchema(etree.parse(str(schema_file("gexf-1.3", "gexf.xsd"))))
    return rng, xsd


def assert_valid(text: str, schemas) -> None:
    document = etree.fromstring(text.encode("utf-8"))
    for schema in schemas:
        assert schema.validate(document), schema.error_log


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_models_are_valid_gexf_1_3(path, schemas):
    model = load_model(path)
    assert_valid(to_gexf(model), schemas)
    assert_valid(to_gexf(model, phase=model.phase_ids[-1]), schemas)


def test_the_schema_rejects_a_name_on_the_graph(schemas):
    bad = PAIR.replace("<graph ", '<graph name="pair" ')
    for schema in schemas:
        assert not schema.validate(etree.fromstring(bad.encode()))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_give_valid_gexf(schemas, names):
    assert_valid(to_gexf(named(names)), schemas)
