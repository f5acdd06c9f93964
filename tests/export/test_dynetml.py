"""DyNetML export: exact text, one meta-network per phase, ORA node classes, parsing back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.export.dynetml import node_class, to_dynetml

from .conftest import named, xml_names

PAIR = """\
<?xml version='1.0' encoding='utf-8'?>
<DynamicMetaNetwork id="pair">
  <properties>
    <property id="as_of" value="2025" />
  </properties>
  <MetaNetwork id="p">
    <properties>
      <property id="name" value="P" />
      <property id="index" value="0" />
    </properties>
    <nodes>
      <nodeclass type="agent" id="agent">
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
    <networks />
  </MetaNetwork>
  <MetaNetwork id="q">
    <properties>
      <property id="name" value="Q" />
      <property id="index" value="1" />
    </properties>
    <nodes>
      <nodeclass type="agent" id="agent">
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
      <nodeclass type="organization" id="organization">
        <propertyIdentities>
          <propertyIdentity id="nation" type="categoryText" singleValued="true" />
          <propertyIdentity id="kind" type="categoryText" singleValued="true" />
          <propertyIdentity id="phases" type="text" singleValued="true" />
        </propertyIdentities>
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
      <network sourceType="agent" source="agent" targetType="organization" \
target="organization" id="member (agent x organization)" isDirected="true">
        <link source="pm" target="acm" value="1" />
      </network>
    </networks>
  </MetaNetwork>
</DynamicMetaNetwork>
"""


def test_pair_exact_text(pair):
    assert to_dynetml(pair) == PAIR


def meta_networks(text: str) -> list[ET.Element]:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "DynamicMetaNetwork"
    return root.findall("MetaNetwork")


def test_one_meta_network_per_phase_in_order(tiny):
    assert [m.get("id") for m in meta_networks(to_dynetml(tiny))] == list(tiny.phase_ids)


def test_each_slice_holds_its_phase(tiny):
    for meta in meta_networks(to_dynetml(tiny)):
        phase = meta.get("id")
        nodes = {
            (c.get("type"), n.get("id"), n.get("title"))
            for c in meta.iter("nodeclass")
            for n in c.iter("node")
        }
        assert nodes == {
            (node_class(n), n.id, n.name) for n in tiny.nodes.values() if phase in n.phases
        }
        links = {
            (net.get("id"), link.get("source"), link.get("target"), link.get("value"))
            for net in meta.iter("network")
            for link in net.iter("link")
        }
        assert links == {
            (
                f"{lk.relation} ({node_class(tiny.nodes[lk.from_node])} x "
                f"{node_class(tiny.nodes[lk.to_node])})",
                lk.from_node,
                lk.to_node,
                "1",
            )
            for lk in tiny.links
            if phase in lk.phases
        }


def test_gray_zone_slice_exact_networks(tiny):
    gray = meta_networks(to_dynetml(tiny))[1]
    assert [
        (
            net.get("id"),
            net.get("sourceType"),
            net.get("targetType"),
            [(lk.get("source"), lk.get("target")) for lk in net],
        )
        for net in gray.find("networks")
    ] == [
        ("command (agent x organization)", "agent", "organization", [("pm", "jjoc")]),
        (
            "member (organization x organization)",
            "organization",
            "organization",
            [("jjoc", "acm"), ("indo", "acm")],
        ),
        (
            "counterpart (organization x organization)",
            "organization",
            "organization",
            [("jjoc", "indo")],
        ),
    ]


@pytest.mark.parametrize(
    ("kind", "cls"),
    [
        ("political-authority", "agent"),
        ("legislature", "organization"),
        ("ministry", "organization"),
        ("headquarters", "organization"),
        ("unit", "organization"),
        ("agency", "organization"),
        ("coordination-body", "organization"),
    ],
)
def test_kind_to_ora_class(tiny, kind, cls):
    assert node_class(replace(tiny.nodes["pm"], kind=kind)) == cls


def test_phase_option_gives_one_slice(tiny):
    metas = meta_networks(to_dynetml(tiny, phase="armed-attack"))
    assert [m.get("id") for m in metas] == ["armed-attack"]


def test_unknown_phase(tiny):
    with pytest.raises(QueryError, match="unknown phase id 'armed'"):
        to_dynetml(tiny, phase="armed")


def test_node_properties_parse_back(tiny):
    meta = meta_networks(to_dynetml(tiny))[0]
    pm = next(n for n in meta.iter("node") if n.get("id") == "pm")
    assert {p.get("id"): p.get("value") for p in pm.iter("property")} == {
        "nation": "JP",
        "kind": "political-authority",
        "phases": "peacetime,gray-zone,armed-attack",
        "name_ja": "内閣総理大臣",
    }


@settings(max_examples=100, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_parse_back_as_titles(names):
    (meta,) = meta_networks(to_dynetml(named(names)))
    assert [n.get("title") for n in meta.iter("node")] == names
