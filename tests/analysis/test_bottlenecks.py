"""Dominators, cut nodes, nation cuts, what-if removal, betweenness and the whole report."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import (
    betweenness,
    bottleneck_report,
    cut_nodes,
    dominators,
    nation_cut,
    removal_impact,
)
from c2graph.analysis.bottlenecks import _VIRTUAL_ROOT, Dominator, _immediate_dominators
from c2graph.analysis.graphs import phase_graphs
from tests.builders import build, forward_links, link, numbered_nodes


def test_dominators_with_two_tops_use_a_virtual_root(alliance):
    assert dominators(alliance, phase="peace") == (
        Dominator("mod", ("fleet", "gcc", "jhq")),
        Dominator("pm", ("fleet", "gcc", "jhq")),
        Dominator("pres", ("fleet7", "indo", "usfj")),
        Dominator("secdef", ("fleet7", "indo", "usfj")),
        Dominator("indo", ("fleet7", "usfj")),
        Dominator("jhq", ("gcc",)),
    )


def test_dominators_ranked_by_units_then_id(alliance):
    result = dominators(alliance, phase="war")
    assert [(d.node, len(d.units)) for d in result] == [
        ("pm", 4),
        ("mod", 3),
        ("pres", 3),
        ("secdef", 3),
        ("indo", 2),
        ("jhq", 1),
    ]
    assert result[0].to_dict() == {"node": "pm", "units": ["fleet", "gcc", "jcg", "jhq"]}


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
    assert removal_impact(model, "top", phase="peace") == ("a", "b", "u")


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
        "connectivity": 1,
        "node_cut": ["jhq"],
        "link_connectivity": 2,
        "link_cut": ["jhq->acm:member", "jhq->usfj:counterpart"],
        "bridges": [{"node": "acm", "connectivity_without": 1}],
    }


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
    assert removal_impact(alliance, "jhq", phase="peace") == ("gcc",)


def test_betweenness_is_on_request(alliance):
    assert bottleneck_report(alliance, phase="peace").betweenness is None
    scores = betweenness(alliance, phase="peace")
    assert scores[0].node == "jhq"
    assert all(a.score >= b.score for a, b in itertools.pairwise(scores))
    report = bottleneck_report(alliance, phase="peace", remove="mod", with_betweenness=True)
    assert report.to_dict()["removal"] == {"node": "mod", "units": ["fleet", "gcc", "jhq"]}
    assert report.to_dict()["betweenness"][0]["node"] == "jhq"


def test_report_keys(alliance):
    data = bottleneck_report(alliance, phase="peace").to_dict()
    assert list(data) == [
        "phase",
        "tops",
        "dominators",
        "cut_nodes",
        "nation_cut",
        "span_of_control",
        "counterpart_mismatches",
        "distance_gaps",
        "hierarchy",
        "removal",
        "betweenness",
    ]
    assert data["hierarchy"] == {
        "connectedness": 0.444444,
        "hierarchy": 1.0,
        "efficiency": 0.96875,
        "lubness": 1.0,
    }


@st.composite
def dags(draw):
    size = draw(st.integers(2, 9))
    nodes = draw(numbered_nodes(size, kinds=["unit", "ministry", "headquarters"]))
    links = draw(forward_links(size, ["command", "opcon", "adcon"], max_links=18))
    return build(nodes, links), size


def test_immediate_dominators_with_virtual_root():
    graph = nx.DiGraph([("p", "a"), ("q", "a"), ("a", "b"), ("p", "c")])
    assert _immediate_dominators(graph, ("p", "q")) == {
        "p": _VIRTUAL_ROOT,
        "q": _VIRTUAL_ROOT,
        "a": _VIRTUAL_ROOT,
        "b": "a",
        "c": "p",
    }
    assert _immediate_dominators(nx.DiGraph([("p", "a")]), ("p",)) == {"a": "p"}
    assert _immediate_dominators(graph, ()) == {}


@settings(max_examples=80, deadline=None)
@given(dags())
def test_immediate_dominators_match_networkx(case):
    graphs = phase_graphs(case[0], "peace")
    rooted = nx.DiGraph(graphs.authority)
    rooted.add_edges_from((_VIRTUAL_ROOT, top) for top in graphs.tops)
    expected = nx.immediate_dominators(rooted, _VIRTUAL_ROOT) if graphs.tops else {}
    expected.pop(_VIRTUAL_ROOT, None)
    if len(graphs.tops) == 1:  # the one top is the root itself
        expected = {n: d for n, d in expected.items() if n != graphs.tops[0]}
    assert _immediate_dominators(graphs.authority, graphs.tops) == expected


@settings(max_examples=80, deadline=None)
@given(dags())
def test_removing_a_dominator_cuts_exactly_its_units(case):
    model, size = case
    dominated = {d.node: d.units for d in dominators(model, phase="peace")}
    for i in range(size):
        node = f"n{i}"
        lost = removal_impact(model, node, phase="peace")
        assert lost == dominated.get(node, ())
        for unit in lost:
            paths = [p for p in _chains(model, unit) if node not in p]
            assert paths == []


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
    nodes = [
        (n, nation, "coordination-body" if nation == "alliance" else "unit")
        for n, nation, _kind in draw(numbered_nodes(size, nations=["JP", "US", "alliance"]))
    ]
    links = draw(forward_links(size, ["coordination", "member", "opcon"], max_links=20))
    return build(nodes, links)


@settings(max_examples=80, deadline=None)
@given(two_nation_models())
def test_nation_cut_sizes_match_flows_on_the_whole_graph(model):
    whole = phase_graphs(model, "peace").whole
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
        _assert_separates(model, cut.node_cut, one, two)
        for bridge in cut.bridges:
            without = nx.restricted_view(joined, [bridge.node], [])
            assert bridge.connectivity_without == nx.connectivity.local_node_connectivity(
                without, "S", "T"
            )
