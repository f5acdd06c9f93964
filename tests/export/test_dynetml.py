"""DyNetML export: exact text, dated slices, one chain-of-command network, link metadata."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from c2graph import QueryError, RenderError, load_model, load_model_data
from c2graph.export.dynetml import slice_date, to_dynetml

from .conftest import named, pair_data, xml_names

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("schemas") / "dynetml.rng")))
CHAIN = "Organization x Organization - chain of command"

PAIR = """\
<?xml version='1.0' encoding='utf-8'?>
<DynamicMetaNetwork id="pair">
  <MetaNetwork id="p" date="2025-01-01T00:00:00">
    <properties>
      <property id="name" value="P" />
      <property id="index" value="0" />
      <property id="situation" value="p" />
      <property id="scenario" value="false" />
      <property id="model" value="pair" />
      <property id="as_of" value="2025" />
    </properties>
    <nodes>
      <nodeclass type="Organization" id="Organization">
        <propertyIdentities>
          <propertyIdentity id="nation" type="categoryText" singleValued="true" />
          <propertyIdentity id="kind" type="categoryText" singleValued="true" />
          <propertyIdentity id="phases" type="text" singleValued="true" />
          <propertyIdentity id="name_ja" type="text" singleValued="true" />
        </propertyIdentities>
        <node id="pm" title="PM &quot;A&quot; &amp; &lt;B&gt;">
          <properties>
            <property id="nation" value="JP" />
            <property id="kind" value="political-authority" />
            <property id="phases" value="p,q" />
            <property id="name_ja" value="総理" />
          </properties>
        </node>
      </nodeclass>
    </nodes>
    <networks>
      <network sourceType="Organization" source="Organization" targetType="Organization" \
target="Organization" id="Organization x Organization - chain of command" isDirected="true" \
allowSelfLoops="false" isBinary="true" />
      <network sourceType="Organization" source="Organization" targetType="Organization" \
target="Organization" id="Organization x Organization - member" isDirected="true" \
allowSelfLoops="false" isBinary="true" />
    </networks>
  </MetaNetwork>
  <MetaNetwork id="q" date="2025-01-02T00:00:00">
    <properties>
      <property id="name" value="Q" />
      <property id="index" value="1" />
      <property id="situation" value="q" />
      <property id="scenario" value="false" />
      <property id="model" value="pair" />
      <property id="as_of" value="2025" />
    </properties>
    <nodes>
      <nodeclass type="Organization" id="Organization">
        <propertyIdentities>
          <propertyIdentity id="nation" type="categoryText" singleValued="true" />
          <propertyIdentity id="kind" type="categoryText" singleValued="true" />
          <propertyIdentity id="phases" type="text" singleValued="true" />
          <propertyIdentity id="name_ja" type="text" singleValued="true" />
        </propertyIdentities>
        <node id="pm" title="PM &quot;A&quot; &amp; &lt;B&gt;">
          <properties>
            <property id="nation" value="JP" />
            <property id="kind" value="political-authority" />
            <property id="phases" value="p,q" />
            <property id="name_ja" value="総理" />
          </properties>
        </node>
        <node id="acm" title="ACM">
          <properties>
            <property id="nation" value="alliance" />
            <property id="kind" value="coordination-body" />
            <property id="phases" value="q" />
          </properties>
        </node>
      </nodeclass>
    </nodes>
    <networks>
      <network sourceType="Organization" source="Organization" targetType="Organization" \
target="Organization" id="Organization x Organization - chain of command" isDirected="true" \
allowSelfLoops="false" isBinary="true" />
      <network sourceType="Organization" source="Organization" targetType="Organization" \
target="Organization" id="Organization x Organization - member" isDirected="true" \
allowSelfLoops="false" isBinary="true">
        <link source="pm" target="acm" value="1">
          <properties>
            <property id="relation" value="member" />
            <property id="layer" value="coordination" />
            <property id="key" value="pm-&gt;acm:member" />
          </properties>
        </link>
      </network>
    </networks>
  </MetaNetwork>
</DynamicMetaNetwork>
"""


def test_pair_exact_text(pair):
    assert to_dynetml(pair) == PAIR


def slices(text: str) -> list[ET.Element]:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "DynamicMetaNetwork"
    return root.findall("MetaNetwork")


def properties(element: ET.Element) -> dict[str, str]:
    found = element.find("properties")
    assert found is not None
    return {p.get("id"): p.get("value") for p in found.findall("property")}


def networks(meta: ET.Element) -> dict[str, list[tuple[str, str, dict[str, str]]]]:
    return {
        net.get("id"): [(lk.get("source"), lk.get("target"), properties(lk)) for lk in net]
        for net in meta.find("networks")
    }


def test_one_dated_slice_per_phase_in_order(tiny):
    found = slices(to_dynetml(tiny))
    assert [(m.get("id"), m.get("date")) for m in found] == [
        ("peacetime", "2025-03-24T00:00:00"),
        ("gray-zone", "2025-03-25T00:00:00"),
        ("armed-attack", "2025-03-26T00:00:00"),
    ]
    assert properties(found[1]) == {
        "name": "Gray zone",
        "index": "1",
        "situation": "gray-zone",
        "scenario": "false",
        "basis": "SDF Law Art. 82",
        "model": "tiny",
        "as_of": "2025-03-24",
    }


@pytest.mark.parametrize(
    ("as_of", "index", "date"),
    [
        ("2025", 0, "2025-01-01T00:00:00"),
        ("2018-10", 1, "2018-10-02T00:00:00"),
        ("2024-12-31", 1, "2025-01-01T00:00:00"),
    ],
)
def test_slice_date(tiny, as_of, index, date):
    data = tiny.to_dict() | {"as_of": as_of}
    assert slice_date(load_model_data(data), index) == date


def test_every_slice_has_the_same_networks_and_one_chain_of_command(tiny):
    for meta in slices(to_dynetml(tiny)):
        assert list(networks(meta)) == [
            CHAIN,
            "Organization x Organization - counterpart",
            "Organization x Organization - member",
        ]
    gray = networks(slices(to_dynetml(tiny))[1])
    assert gray == {
        CHAIN: [
            (
                "pm",
                "jjoc",
                {
                    "relation": "command",
                    "layer": "operational",
                    "key": "pm->jjoc:command",
                    "basis": "SDF Law Art. 7",
                },
            )
        ],
        "Organization x Organization - counterpart": [
            (
                "jjoc",
                "indo",
                {
                    "relation": "counterpart",
                    "layer": "coordination",
                    "key": "jjoc->indo:counterpart",
                    "confidence": "medium",
                },
            )
        ],
        "Organization x Organization - member": [
            (
                "jjoc",
                "acm",
                {"relation": "member", "layer": "coordination", "key": "jjoc->acm:member"},
            ),
            (
                "indo",
                "acm",
                {"relation": "member", "layer": "coordination", "key": "indo->acm:member"},
            ),
        ],
    }


def test_network_attributes_ora_needs(tiny):
    for net in slices(to_dynetml(tiny))[0].find("networks"):
        assert {k: net.get(k) for k in ("isDirected", "allowSelfLoops", "isBinary")} == {
            "isDirected": "true",
            "allowSelfLoops": "false",
            "isBinary": "true",
        }
        assert {lk.get("value") for lk in net} <= {"1"}


def test_two_authority_links_on_one_pair_become_one_link(tiny):
    data = tiny.to_dict()
    data["links"].append(
        {"from": "pm", "to": "jjoc", "relation": "adcon", "basis": "Art. 8", "note": "n"}
    )
    chain = networks(slices(to_dynetml(load_model_data(data)))[0])[CHAIN]
    assert chain == [
        (
            "pm",
            "jjoc",
            {
                "relation": "command: command | adcon: adcon",
                "layer": "command: operational | adcon: administrative",
                "key": "command: pm->jjoc:command | adcon: pm->jjoc:adcon",
                "basis": "command: SDF Law Art. 7 | adcon: Art. 8",
                "note": "adcon: n",
            },
        )
    ]


def test_the_chain_of_command_holds_every_authority_link(shipped_model):
    model = shipped_model
    for meta in slices(to_dynetml(model)):
        phase = meta.get("id")
        pairs = {(lk.from_node, lk.to_node) for lk in model.links_in(phase) if lk.is_authority}
        assert {(u, v) for u, v, _ in networks(meta)[CHAIN]} == pairs


@pytest.fixture(params=SHIPPED, ids=[p.name for p in SHIPPED])
def shipped_model(request):
    return load_model(request.param)


def test_each_slice_holds_its_phase(tiny):
    for meta in slices(to_dynetml(tiny)):
        phase = meta.get("id")
        (nodeclass,) = meta.find("nodes")
        assert (nodeclass.get("type"), nodeclass.get("id")) == ("Organization", "Organization")
        assert [(n.get("id"), n.get("title")) for n in nodeclass.findall("node")] == [
            (n.id, n.name) for n in tiny.nodes.values() if phase in n.phases
        ]
        assert sorted(lk[2]["key"] for net in networks(meta).values() for lk in net) == sorted(
            lk.key for lk in tiny.links_in(phase)
        )


def test_every_situation_is_a_slice_scenarios_last(shipped_model):
    model = shipped_model
    found = slices(to_dynetml(model))
    assert [m.get("id") for m in found] == list(model.situations)
    for index, (meta, situation) in enumerate(zip(found, model.situations.values(), strict=True)):
        props = properties(meta)
        assert (props["index"], props["situation"], props["scenario"]) == (
            str(index),
            situation.text(),
            "true" if situation.scenario else "false",
        )


def test_a_scenario_slice_names_each_nations_phase():
    model = load_model(SHIPPED[0].with_name("us-japan-2025.yaml"))
    (meta,) = slices(to_dynetml(model, phase="remote-island-attack"))
    assert meta.get("date") == "2025-11-08T00:00:00"
    assert properties(meta) == {
        "name": "Armed attack on Japan, U.S. forces in combat under Treaty Art. V",
        "index": "10",
        "situation": "JP: armed-attack, US: us-contingency",
        "scenario": "true",
        "model": model.name,
        "as_of": "2025-10-29",
    }


def test_phase_option_gives_one_slice(tiny):
    found = slices(to_dynetml(tiny, phase="armed-attack"))
    assert [(m.get("id"), m.get("date")) for m in found] == [
        ("armed-attack", "2025-03-26T00:00:00")
    ]


def test_unknown_phase(tiny):
    with pytest.raises(QueryError, match="unknown phase id 'armed'"):
        to_dynetml(tiny, phase="armed")


def test_node_properties_are_declared_and_parse_back(tiny):
    (nodeclass,) = slices(to_dynetml(tiny))[0].find("nodes")
    declared = {p.get("id"): p.get("type") for p in nodeclass.find("propertyIdentities")}
    assert declared == {
        "nation": "categoryText",
        "kind": "categoryText",
        "short": "text",
        "echelon": "categoryText",
        "phases": "text",
        "name_ja": "text",
    }
    pm = nodeclass.find("node")
    assert properties(pm) == {
        "nation": "JP",
        "kind": "political-authority",
        "phases": "peacetime,gray-zone,armed-attack",
        "name_ja": "内閣総理大臣",
    }


def test_control_character_is_a_clear_error(tiny):
    data = tiny.to_dict()
    data["links"][0]["basis"] = "Art.\x0b7"
    with pytest.raises(RenderError) as err:
        to_dynetml(load_model_data(data))
    assert str(err.value) == (
        "dynetml: link 'pm->jjoc:command' → basis contains the character U+000B, which XML "
        "cannot carry; remove it from the model to export this format"
    )


# ------------------------------------------- structure and references, as ORA reads them


def assert_readable(text: str) -> None:
    """The document matches the DyNetML structure (schemas/dynetml.rng); in every slice node
    ids are unique, properties declared, and links join nodes of the slice, without loops."""
    document = etree.fromstring(text.encode("utf-8"))
    assert SCHEMA.validate(document), SCHEMA.error_log
    for meta in document.iter("MetaNetwork"):
        (nodeclass,) = meta.find("nodes")
        declared = {p.get("id") for p in nodeclass.find("propertyIdentities")}
        ids = [n.get("id") for n in nodeclass.iter("node")]
        assert len(ids) == len(set(ids))
        for node in nodeclass.iter("node"):
            assert {p.get("id") for p in node.find("properties")} <= declared
        for link in meta.iter("link"):
            assert link.get("source") in ids and link.get("target") in ids
            assert link.get("source") != link.get("target")


def test_shipped_models_are_readable(shipped_model):
    assert_readable(to_dynetml(shipped_model))


def test_pair_and_tiny_are_readable(pair, tiny):
    assert_readable(to_dynetml(pair))
    assert_readable(to_dynetml(tiny, phase="peacetime"))


@settings(max_examples=100, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_parse_back_as_titles(names):
    text = to_dynetml(named(names))
    assert_readable(text)
    (meta,) = slices(text)
    assert [n.get("title") for n in meta.iter("node")] == names


def test_hostile_ids_are_readable():
    data = pair_data()
    data["nodes"][0]["id"] = 'HQ:Main"<a>&'
    data["links"][0]["from"] = 'HQ:Main"<a>&'
    text = to_dynetml(load_model_data(data))
    assert_readable(text)
    assert [n.get("id") for n in slices(text)[1].iter("node")] == ['HQ:Main"<a>&', "acm"]
