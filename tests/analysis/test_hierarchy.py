"""Krackhardt's measures: hand-checked graphs, sna's edge cases, and a literal sna check."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import HierarchyScores, hierarchy_report, hierarchy_scores, krackhardt
from tests.builders import build, link

NAN = math.nan


def scores(edges, nodes=()):
    graph = nx.DiGraph(edges)
    graph.add_nodes_from(nodes)
    return krackhardt(graph)


def same(a: HierarchyScores, b: tuple[float, float, float, float]) -> bool:
    values = (a.connectedness, a.hierarchy, a.efficiency, a.lubness)
    return all(
        (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y)
        for x, y in zip(values, b, strict=True)
    )


@pytest.mark.parametrize(
    ("edges", "nodes", "expected"),
    [
        pytest.param([("pm", "hq"), ("hq", "a"), ("hq", "b")], (), (1, 1, 1, 1), id="out-tree"),
        pytest.param([("a", "c"), ("b", "c")], (), (1, 1, 1, 0), id="two-bosses"),
        pytest.param([("a", "b"), ("b", "c"), ("c", "a")], (), (1, 0, 0.75, 1), id="cycle"),
        pytest.param(
            [("a", "b"), ("d", "e"), ("e", "f")],
            ("c",),
            (8 / 30, 1, 1, 1),
            id="disconnected-with-isolate",
        ),
        pytest.param(
            [("r", "a"), ("r", "b"), ("a", "c"), ("b", "c")], (), (1, 1, 8 / 9, 1), id="diamond"
        ),
        pytest.param([("a", "d"), ("b", "d"), ("c", "d")], (), (1, 1, 1, 0), id="in-star"),
        pytest.param([("a", "b")], (), (1, 1, 1, NAN), id="two-node-chain-lub-undefined"),
        pytest.param([("a", "b"), ("b", "a")], (), (1, 0, 0, NAN), id="mutual-pair"),
        pytest.param([], ("a",), (NAN, NAN, NAN, NAN), id="single-node"),
        pytest.param([], ("a", "b"), (0, NAN, NAN, NAN), id="two-isolates"),
        pytest.param([], (), (NAN, NAN, NAN, NAN), id="empty"),
        pytest.param(
            [("a", "a"), ("a", "b"), ("b", "c")], (), (1, 1, 1, 1), id="self-loop-ignored"
        ),
    ],
)
def test_hand_checked(edges, nodes, expected):
    assert same(scores(edges, nodes), expected)


def test_to_dict_rounds_and_writes_undefined_as_null():
    assert scores([("a", "b"), ("d", "e"), ("e", "f")], ("c",)).to_dict() == {
        "connectedness": 0.266667,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lubness": 1.0,
    }
    assert scores([], ("a",)).to_dict() == {
        "connectedness": None,
        "hierarchy": None,
        "efficiency": None,
        "lubness": None,
    }


def test_multigraph_links_count_once():
    graph = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    assert same(krackhardt(graph), (1, 1, 1, 1))


def test_hierarchy_scores_of_a_phase(alliance):
    result = hierarchy_scores(alliance, phase="peace", layer="all")
    # Two national trees of 5 (JP, with a second parent for the fleet) and 5 (US) nodes.
    assert result.connectedness == pytest.approx(40 / 90)
    assert result.hierarchy == 1.0
    assert result.efficiency == pytest.approx(1 - 1 / 32)
    assert result.lubness == 1.0
    war = hierarchy_scores(alliance, phase="war", layer="all")
    assert war.connectedness == pytest.approx(50 / 110)


def test_the_operational_layer_drops_the_second_parent(alliance):
    # mod -adcon-> fleet is administrative: the operational JP tree is clean.
    operational = hierarchy_scores(alliance, phase="peace")
    assert (operational.connectedness, operational.efficiency) == (pytest.approx(40 / 90), 1.0)
    report = hierarchy_report(alliance, phase="war", layer="all")
    jp = next(row for row in report.rows if row.nation == "JP")
    assert (jp.extra_links, jp.multiple_superiors) == (1, ("fleet",))
    assert dict(jp.readings)["efficiency"] == (
        "1 link(s) beyond the fewest that join each structure: nodes with more than one "
        "superior: fleet (sna's definition)"
    )
    assert hierarchy_scores(alliance, phase="war", layer="civil").to_dict() == {
        "connectedness": 1.0,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lubness": None,
    }


def test_readings_of_two_separate_national_chains(alliance):
    whole = hierarchy_report(alliance, phase="peace").whole
    assert whole.components == 2
    assert dict(whole.readings) == {
        "connectedness": "44% of node pairs are joined; the 2 separate structures (e.g. one "
        "chain per nation, by design) share no link",
        "hierarchy": "not informative: authority cycles are refused when a model is loaded, "
        "so it is 1 by construction",
        "efficiency": "no link beyond the fewest that join each structure (sna's definition)",
        "lubness": "every pair has one least common superior",
    }


def test_empty_phase_is_undefined():
    model = build(
        [("a", "JP", "unit"), ("b", "JP", "unit")], [link("a", "b", "command", phases=["war"])]
    )
    assert hierarchy_scores(model, phase="peace").to_dict() == {
        "connectedness": None,
        "hierarchy": None,
        "efficiency": None,
        "lubness": None,
    }


def sna_reference(graph: nx.DiGraph) -> tuple[float, float, float, float]:
    """A literal transcription of sna's R and C code over a reachability matrix."""
    nodes = list(graph)
    n = len(nodes)
    reach = {(a, b): a == b or b in nx.descendants(graph, a) for a in nodes for b in nodes}
    member = {}
    for i, comp in enumerate(nx.weakly_connected_components(graph)):
        member.update(dict.fromkeys(comp, i))
    con = (
        sum(member[a] == member[b] for a, b in itertools.permutations(nodes, 2)) / (n * (n - 1))
        if n > 1
        else NAN
    )
    pairs = list(itertools.combinations(nodes, 2))
    mut = sum(reach[a, b] and reach[b, a] for a, b in pairs)
    asym = sum(reach[a, b] != reach[b, a] for a, b in pairs)
    hie = 1 - mut / (mut + asym) if mut + asym else NAN
    sizes = [list(member.values()).count(i) for i in set(member.values())]
    edges = sum(1 for u, v in graph.edges if u != v)
    maxv = sum(c * (c - 1) - (c - 1) for c in sizes)
    eff = 1 - (edges - sum(c - 1 for c in sizes)) / maxv if maxv else NAN
    nolub = maxnolub = 0
    for i in set(member.values()):
        vi = [v for v in nodes if member[v] == i]
        if len(vi) > 2:
            for a, b in itertools.combinations(vi, 2):
                ub = [k for k in vi if reach[k, a] and reach[k, b]]
                if not any(all(reach[k, x] for x in ub) for k in ub):
                    nolub += 1
            maxnolub += (len(vi) - 1) * (len(vi) - 2) / 2
    lub = 1 - nolub / maxnolub if maxnolub else NAN
    return (con, hie, eff, lub)


graphs = st.integers(1, 8).flatmap(
    lambda n: st.lists(
        st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
        max_size=14,
    ).map(lambda edges, n=n: (n, edges))
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_matches_literal_sna(case):
    n, edges = case
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    assert same(krackhardt(graph), sna_reference(graph))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=2, max_size=20))
def test_out_tree_scores_one_and_any_change_lowers_one(choices):
    graph = nx.DiGraph()
    graph.add_node(0)
    for child, pick in enumerate(choices, start=1):
        graph.add_edge(pick % child, child)
    assert same(krackhardt(graph), (1, 1, 1, 1))
    size = graph.number_of_nodes()
    extra = choices[0] % size, choices[-1] % size
    other = graph.copy()
    if extra[0] != extra[1] and not other.has_edge(*extra):
        other.add_edge(*extra)
    else:
        other.add_node(size)
    result = krackhardt(other)
    assert (
        min(
            result.connectedness,
            result.hierarchy,
            result.efficiency,
            result.lubness if not math.isnan(result.lubness) else 1,
        )
        < 1
    )
