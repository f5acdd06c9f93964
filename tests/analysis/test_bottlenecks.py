"""Dominators, cut nodes, nation cuts, what-if removal, betweenness and the whole report."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.analysis import (
    betweenness,
    bottleneck_report,
    co_location,
    cut_nodes,
    dominators,
    nation_cut,
    removal_impact,
)
from c2graph.analysis.bottlenecks import CutOff, Dominator, family_dominators, site_nodes
from c2graph.analysis.graphs import phase_graphs
from c2graph.analysis.kernels import VIRTUAL_ROOT, immediate_dominators
from c2graph.vocabulary import POLITICAL_KINDS, RELATIONS, Layer
from tests.builders import build, forward_links, link, numbered_nodes


def test_dominators_per_national_chain(alliance):
    assert dominators(alliance, phase="peace") == (
        Dominator("mod", ("fleet", "gcc", "jhq"), "JP"),
        Dominator("pm", ("fleet", "gcc", "jhq"), "JP"),
        Dominator("jhq", ("fleet", "gcc"), "JP"),
        Dominator("pres", ("fleet7", "indo", "usfj"), "US"),
        Dominator("secdef", ("fleet7", "indo", "usfj"), "US"),
        Dominator("indo", ("fleet7", "usfj"), "US"),
    )


def test_an_administrative_line_is_no_alternative_operational_chain(alliance):
    # mod -adcon-> fleet: on every authority relation mixed, jhq no longer dominates fleet.
    assert Dominator("jhq", ("gcc",), "JP") in dominators(alliance, phase="peace", layer="all")
    assert [d.to_dict() for d in dominators(alliance, phase="war", layer="civil")] == [
        {"node": "pm", "chains": "JP", "units": ["jcg"]}
    ]
    assert dominators(alliance, phase="war", layer="administrative") == (
        Dominator("mod", ("fleet",), "JP"),
    )


def test_dominators_ranked_by_units_then_id_within_a_family(alliance):
    result = dominators(alliance, phase="war")
    assert [(d.chains, d.node, len(d.units)) for d in result] == [
        ("JP", "mod", 3),
        ("JP", "pm", 3),
        ("JP", "jhq", 2),
        ("US", "pres", 3),
        ("US", "secdef", 3),
        ("US", "indo", 2),
    ]
    assert result[0].to_dict() == {"node": "mod", "chains": "JP", "units": ["fleet", "gcc", "jhq"]}


def test_second_parent_removes_a_dominator():
    model = build(
        [
            ("top", "JP", "political-authority"),
            ("a", "JP", "headquarters"),
            ("b", "JP", "headquarters"),
            ("u", "JP", "unit"),
        ],
        [
            link("top", "a", "command"),
            link("top", "b", "command"),
            link("a", "u", "opcon"),
            link("b", "u", "tacon"),
        ],
    )
    assert [(d.node, d.units) for d in dominators(model, phase="peace")] == [
        ("top", ("a", "b", "u"))
    ]
    assert removal_impact(model, "a", phase="peace") == ()
    assert removal_impact(model, "top", phase="peace") == (CutOff("JP", ("a", "b", "u")),)
    assert removal_impact(model, ["a", "b"], phase="peace") == (CutOff("JP", ("u",)),)


def test_empty_phase_has_no_bottlenecks():
    model = build(
        [("a", "JP", "unit"), ("b", "JP", "unit")], [link("a", "b", "command", phases=["war"])]
    )
    assert dominators(model, phase="peace") == ()
    assert cut_nodes(model, phase="peace") == ()
    assert removal_impact(model, "a", phase="peace") == ()
    assert nation_cut(model, phase="peace") == ()
    report = bottleneck_report(model, phase="peace").to_dict()
    assert report["dominators"] == [] and report["cut_nodes"] == []
    assert report["span_of_control"]["average"] is None


def test_cut_nodes_include_coordination(alliance):
    assert cut_nodes(alliance, phase="peace") == ("indo", "jhq", "mod", "secdef")
    assert cut_nodes(alliance, phase="war") == ("indo", "jhq", "mod", "pm", "secdef")


def test_coordination_cycle_is_not_a_cut():
    model = build(
        [
            ("a", "JP", "headquarters"),
            ("b", "US", "headquarters"),
            ("c", "alliance", "coordination-body"),
            ("d", "JP", "unit"),
        ],
        [
            link("a", "b", "counterpart"),
            link("b", "c", "member"),
            link("c", "a", "member"),
            link("a", "d", "opcon"),
        ],
    )
    assert cut_nodes(model, phase="peace") == ("a",)
    (cut,) = nation_cut(model, phase="peace")
    assert (cut.nations, cut.connectivity, cut.link_connectivity) == (("JP", "US"), 1, 2)
    _assert_separates(model, cut.node_cut, ["a", "d"], ["b"])
    assert [(b.node, b.connectivity_without) for b in cut.bridges] == [("c", 1)]


def test_nation_cut_through_coordination_bodies(alliance):
    (cut,) = nation_cut(alliance, phase="peace")
    assert cut.to_dict() == {
        "nations": ["JP", "US"],
        "layers": ["coordination", "information"],
        "connectivity": 1,
        "node_cut": ["jhq"],
        "link_connectivity": 2,
        "link_cut": ["jhq->acm:member", "jhq->usfj:counterpart"],
        "bridges": [{"node": "acm", "connectivity_without": 1}],
        "forums": [],
        "political_links": [],
    }


def test_political_channels_are_listed_not_counted():
    model = build(
        [
            ("jp-dm", "JP", "political-authority"),
            ("us-sd", "US", "political-authority"),
            ("jhq", "JP", "headquarters"),
            ("uhq", "US", "headquarters"),
            ("two-plus-two", "alliance", "forum"),
            ("bocc", "alliance", "coordination-body"),
            ("bjocc", "alliance", "coordination-body"),
        ],
        [
            link("jp-dm", "us-sd", "counterpart"),
            link("jp-dm", "two-plus-two", "member"),
            link("us-sd", "two-plus-two", "member"),
            link("jhq", "bocc", "member"),
            link("uhq", "bocc", "member"),
            link("jhq", "bjocc", "shares-picture"),
            link("uhq", "bjocc", "shares-picture"),
            link("jp-dm", "jhq", "command"),
        ],
    )
    (cut,) = nation_cut(model, phase="peace")
    assert (cut.connectivity, cut.node_cut, cut.link_connectivity) == (1, ("uhq",), 2)
    assert [(b.node, b.connectivity_without) for b in cut.bridges] == [("bjocc", 1), ("bocc", 1)]
    assert (cut.forums, cut.political_links) == (("two-plus-two",), ("jp-dm->us-sd:counterpart",))


def test_bridge_loss_separates_when_only_bridge():
    model = build(
        [
            ("j1", "JP", "headquarters"),
            ("j2", "JP", "unit"),
            ("u1", "US", "headquarters"),
            ("u2", "US", "unit"),
            ("acm", "alliance", "coordination-body"),
            ("x", "KR", "headquarters"),
        ],
        [
            link("j1", "j2", "opcon"),
            link("u1", "u2", "opcon"),
            link("j1", "acm", "member"),
            link("u1", "acm", "member"),
            link("j2", "acm", "member"),
        ],
    )
    cuts = {c.nations: c for c in nation_cut(model, phase="peace")}
    assert sorted(cuts) == [("JP", "KR"), ("JP", "US"), ("KR", "US")]
    jp_us = cuts[("JP", "US")]
    assert jp_us.connectivity == 1 and len(jp_us.node_cut) == 1
    _assert_separates(model, jp_us.node_cut, ["j1", "j2"], ["u1", "u2"])
    assert jp_us.link_connectivity == 1 and jp_us.link_cut == ("u1->acm:member",)
    assert [(b.node, b.connectivity_without) for b in jp_us.bridges] == [("acm", 0)]
    assert (cuts[("JP", "KR")].connectivity, cuts[("JP", "KR")].node_cut) == (0, ())


def test_removal_of_a_node_not_in_phase_or_a_leaf(alliance):
    assert removal_impact(alliance, "jcg", phase="peace") == ()
    assert removal_impact(alliance, "gcc", phase="peace") == ()
    assert removal_impact(alliance, "acm", phase="peace") == ()
    assert removal_impact(alliance, "jhq", phase="peace") == (CutOff("JP", ("fleet", "gcc")),)
    assert removal_impact(alliance, "jhq", phase="peace", layer="all") == (CutOff("JP", ("gcc",)),)


def _sited(alliance_sites=("hq", "hq", "hq", "far")):
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("mod", "JP", "ministry"),
            ("jhq", "JP", "headquarters"),
            ("gcc", "JP", "component"),
        ],
        [link("pm", "mod", "command"), link("mod", "jhq", "command"), link("jhq", "gcc", "opcon")],
        node_extra={
            n: {"location": site}
            for n, site in zip(("pm", "mod", "jhq", "gcc"), alliance_sites, strict=True)
        },
        locations=[
            {"id": "hq", "name": "Headquarters site", "lat": 35.69, "lon": 139.73, "utc_offset": 9},
            {"id": "far", "name": "Far site", "lat": 26.2, "lon": 127.7, "utc_offset": 9},
            {"id": "empty", "name": "Unused", "lat": 0, "lon": 0, "utc_offset": 0},
        ],
    )


def test_site_removal_and_co_location():
    model = _sited()
    assert site_nodes(model, "hq", phase="peace") == ("jhq", "mod", "pm")
    assert site_nodes(model, "empty", phase="peace") == ()
    assert [s.to_dict() for s in co_location(model, phase="peace")] == [
        {
            "site": "hq",
            "name": "Headquarters site",
            "nodes": ["jhq", "mod", "pm"],
            "cut_off": [{"chains": "JP", "units": ["gcc"]}],
        }
    ]
    report = bottleneck_report(model, phase="peace", remove_site="hq").to_dict()
    assert report["removal"] == {
        "site": "hq",
        "nodes": ["jhq", "mod", "pm"],
        "units": ["gcc"],
        "cut_off": [{"chains": "JP", "units": ["gcc"]}],
    }
    with pytest.raises(QueryError, match=r"unknown location id 'hqs' \(did you mean 'hq'\?\)"):
        bottleneck_report(model, phase="peace", remove_site="hqs")


def test_betweenness_is_on_request(alliance):
    assert bottleneck_report(alliance, phase="peace").betweenness is None
    scores = betweenness(alliance, phase="peace")
    assert scores[0].node == "jhq"
    assert all(a.score >= b.score for a, b in itertools.pairwise(scores))
    report = bottleneck_report(alliance, phase="peace", remove="mod", with_betweenness=True)
    assert report.to_dict()["removal"] == {
        "site": None,
        "nodes": ["mod"],
        "units": ["fleet", "gcc", "jhq"],
        "cut_off": [{"chains": "JP", "units": ["fleet", "gcc", "jhq"]}],
    }
    assert report.to_dict()["betweenness"][0]["node"] == "jhq"


def test_report_keys(alliance):
    data = bottleneck_report(alliance, phase="peace").to_dict()
    assert list(data) == [
        "phase",
        "layer",
        "tops",
        "dominators",
        "forces",
        "cut_nodes",
        "nation_cut",
        "span_of_control",
        "counterpart_mismatches",
        "distance_gaps",
        "hierarchy",
        "co_location",
        "removal",
        "betweenness",
    ]
    whole = data["hierarchy"]["rows"][0]
    assert (data["layer"], data["hierarchy"]["layer"], whole["nation"]) == (
        "operational",
        "operational",
        "all nations",
    )
    assert {k: whole[k] for k in ("connectedness", "hierarchy", "efficiency", "lubness")} == {
        "connectedness": 0.444444,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lubness": 1.0,
    }
    every = bottleneck_report(alliance, phase="peace", layer="all").to_dict()["hierarchy"]
    assert every["rows"][0]["efficiency"] == 0.96875


@st.composite
def dags(draw):
    size = draw(st.integers(2, 9))
    nodes = draw(numbered_nodes(size, kinds=["unit", "ministry", "headquarters"]))
    links = draw(forward_links(size, ["command", "opcon", "adcon"], max_links=18))
    return build(nodes, links), size


@settings(max_examples=80, deadline=None)
@given(dags())
def test_removing_a_dominator_cuts_exactly_its_units(case):
    model, size = case
    dominated = {d.node: d.units for d in dominators(model, phase="peace")}
    for i in range(size):
        node = f"n{i}"
        lost = removal_impact(model, node, phase="peace")
        assert [c.units for c in lost] == ([dominated[node]] if node in dominated else [])
        for cut in lost:
            for unit in cut.units:
                assert [p for p in _chains(model, unit) if node not in p] == []


def _chains(model, unit):
    from c2graph.analysis import chain_of_command

    return chain_of_command(model, unit, phase="peace")


def _assert_separates(model, cut, one, two):
    whole = phase_graphs(model, "peace").whole
    left = nx.restricted_view(whole, cut, [])
    for a, b in itertools.product(one, two):
        assert a in cut or b in cut or not nx.has_path(left, a, b)


@st.composite
def two_nation_models(draw):
    size = draw(st.integers(3, 10))
    kinds = {"alliance": ["coordination-body", "forum"], "JP": ["unit", "ministry"]}
    nodes = [
        (n, nation, draw(st.sampled_from(kinds.get(nation, ["unit"]))))
        for n, nation, _kind in draw(numbered_nodes(size, nations=["JP", "US", "alliance"]))
    ]
    relations = ["coordination", "member", "opcon", "shares-picture", "support"]
    return build(nodes, draw(forward_links(size, relations, max_links=20)))


def _channels(model):
    """The operational coordination channels by their definition: coordination and
    information links whose two ends are not political."""
    channels = nx.Graph()
    channels.add_nodes_from(phase_graphs(model, "peace").nodes)
    for link_ in model.links_in("peace"):
        ends = (link_.from_node, link_.to_node)
        if RELATIONS[link_.relation].layer in (Layer.COORDINATION, Layer.INFORMATION) and not any(
            model.nodes[n].kind in POLITICAL_KINDS for n in ends
        ):
            if channels.has_edge(*ends):
                channels.edges[ends]["links"].append(link_.key)
            else:
                channels.add_edge(*ends, links=[link_.key])
    return channels


@settings(max_examples=80, deadline=None)
@given(two_nation_models())
def test_nation_cut_sizes_match_flows_on_the_channels(model):
    whole = _channels(model)
    for cut in nation_cut(model, phase="peace"):
        one = [n for n in whole if model.nodes[n].nation == cut.nations[0]]
        two = [n for n in whole if model.nodes[n].nation == cut.nations[1]]
        joined = nx.Graph(whole)
        joined.add_edges_from(("S", n) for n in one)
        joined.add_edges_from((n, "T") for n in two)
        assert cut.connectivity == nx.connectivity.local_node_connectivity(joined, "S", "T")
        flow = nx.DiGraph()
        flow.add_nodes_from(joined)
        for u, v, data in whole.edges(data=True):
            flow.add_edge(u, v, capacity=len(data["links"]))
            flow.add_edge(v, u, capacity=len(data["links"]))
        flow.add_edges_from(("S", n) for n in one)
        flow.add_edges_from((n, "T") for n in two)
        assert cut.link_connectivity == nx.maximum_flow_value(flow, "S", "T")
        assert len(cut.link_cut) == cut.link_connectivity
        left = nx.restricted_view(whole, cut.node_cut, [])
        for a, b in itertools.product(one, two):
            assert a in cut.node_cut or b in cut.node_cut or not nx.has_path(left, a, b)
        assert {b.node for b in cut.bridges} == {
            n
            for n in model.nodes
            if model.nodes[n].nation == "alliance" and model.nodes[n].kind != "forum"
        }
        for bridge in cut.bridges:
            without = nx.restricted_view(joined, [bridge.node], [])
            assert bridge.connectivity_without == nx.connectivity.local_node_connectivity(
                without, "S", "T"
            )


def _walked(name, graph, tops, forces):
    """The dominators of each force found by walking up its immediate dominators."""
    idom = immediate_dominators(graph, tuple(tops))
    depending = {}
    for unit in sorted(forces):
        upper = idom.get(unit)
        while upper is not None and upper != VIRTUAL_ROOT:
            depending.setdefault(upper, []).append(unit)
            upper = idom.get(upper)
    ranked = sorted(depending.items(), key=lambda item: (-len(item[1]), item[0]))
    return [Dominator(node, tuple(units), name) for node, units in ranked]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_dominators_gathered_up_the_tree_are_those_walked_from_each_force(data):
    size = data.draw(st.integers(1, 14))
    pairs = data.draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))))
    graph = nx.DiGraph()
    graph.add_nodes_from(f"n{i}" for i in range(size))
    graph.add_edges_from((f"n{u}", f"n{v}") for u, v in pairs)
    nodes = list(graph)
    tops = data.draw(st.lists(st.sampled_from(nodes), unique=True, min_size=1, max_size=3))
    forces = set(data.draw(st.lists(st.sampled_from([*nodes, "absent"]))))
    assert family_dominators("JP", graph, tops, forces) == _walked("JP", graph, tops, forces)
