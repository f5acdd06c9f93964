"""Per-phase graphs and their shortcuts: chain comparison, memoised chains, dominators."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import authority_paths, chain_of_command
from c2graph.analysis.bottlenecks import _VIRTUAL_ROOT, _immediate_dominators
from c2graph.analysis.graphs import (
    chains_differ,
    phase_graphs,
    reach_effective,
    upward_chains,
)
from tests.builders import build, link

RELATIONS = ["command", "opcon", "tacon", "adcon", "control", "support"]


def _graph(edges: list[tuple[str, str]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_edges_from(edges)
    return graph


def test_chains_differ_same_superiors_above():
    one = _graph([("a", "b"), ("b", "c"), ("a", "d")])
    two = _graph([("a", "b"), ("b", "c"), ("b", "d")])
    assert chains_differ(one, two, ["c", "d", "b"]) == ["d"]


def test_chains_differ_when_a_superior_changes_higher_up():
    one = _graph([("a", "b"), ("b", "c")])
    two = _graph([("x", "b"), ("b", "c")])
    assert chains_differ(one, two, ["c", "b"]) == ["c", "b"]


def test_chains_differ_unit_without_superior_or_absent_has_no_chain():
    one = _graph([("a", "b")])
    one.add_node("c")
    two = _graph([("a", "b")])
    assert chains_differ(one, two, ["c", "b"]) == []
    two.add_edge("a", "c")
    assert chains_differ(one, two, ["c"]) == ["c"]


def test_phase_graphs_built_on_first_use_only():
    model = build([("a", "JP", "headquarters"), ("b", "JP", "unit")], [link("a", "b", "opcon")])
    graphs = phase_graphs(model, "peace")
    assert "_parts" not in vars(graphs)
    assert graphs.tops == ("a",)
    assert "_parts" in vars(graphs)
    assert phase_graphs(model, "peace") is graphs


def test_upward_chains_compose_authority():
    model = build(
        [
            ("pm", "JP", "political-authority"),
            ("hq", "JP", "headquarters"),
            ("mod", "JP", "ministry"),
            ("u", "JP", "unit"),
        ],
        [
            link("pm", "hq", "command"),
            link("pm", "mod", "command"),
            link("hq", "u", "opcon"),
            link("hq", "u", "adcon"),
            link("mod", "u", "tacon"),
        ],
    )
    graph = phase_graphs(model, "peace").authority
    assert upward_chains(graph, "u", {}) == {
        (("pm", "hq", "u"), "opcon"),
        (("pm", "hq", "u"), "adcon"),
        (("pm", "mod", "u"), "tacon"),
    }
    assert upward_chains(graph, "pm", {}) == {(("pm",), "command")}


def test_immediate_dominators_with_virtual_root():
    graph = _graph([("p", "a"), ("q", "a"), ("a", "b"), ("p", "c")])
    assert _immediate_dominators(graph, ("p", "q")) == {
        "p": _VIRTUAL_ROOT,
        "q": _VIRTUAL_ROOT,
        "a": _VIRTUAL_ROOT,
        "b": "a",
        "c": "p",
    }
    assert _immediate_dominators(_graph([("p", "a")]), ("p",)) == {"a": "p"}
    assert _immediate_dominators(graph, ()) == {}


@st.composite
def lattices(draw: Any) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]]]:
    """Random acyclic authority structures (links only from lower to higher index)."""
    size = draw(st.integers(2, 9))
    nodes = [
        (f"n{i}", "JP", draw(st.sampled_from(["headquarters", "unit", "ministry"])))
        for i in range(size)
    ]
    triples = draw(
        st.sets(
            st.tuples(
                st.integers(0, size - 1), st.integers(0, size - 1), st.sampled_from(RELATIONS)
            ),
            max_size=3 * size,
        )
    )
    links = [
        link(f"n{min(a, b)}", f"n{max(a, b)}", rel, phases=[phase])
        for a, b, rel in sorted(triples)
        if a != b
        for phase in (["peace"] if (a + b) % 3 else ["peace", "war"])
    ]
    return nodes, _merge_phases(links)


def _merge_phases(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in links:
        ends = (item["from"], item["to"], item["relation"])
        if ends in merged:
            merged[ends]["phases"] = sorted({*merged[ends]["phases"], *item["phases"]})
        else:
            merged[ends] = dict(item)
    return list(merged.values())


@settings(max_examples=80, deadline=None)
@given(lattices())
def test_chains_differ_matches_listing_chains(structure):
    model = build(*structure)
    one, two = phase_graphs(model, "peace"), phase_graphs(model, "war")
    expected = [
        n
        for n in one.nodes
        if chain_of_command(model, n, phase="peace") != chain_of_command(model, n, phase="war")
    ]
    assert chains_differ(one.authority, two.authority, one.nodes) == expected


@settings(max_examples=80, deadline=None)
@given(lattices())
def test_upward_chains_match_authority_paths(structure):
    model = build(*structure)
    graph = phase_graphs(model, "peace").authority
    memo: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}
    for node in graph:
        if graph.pred[node]:
            paths = authority_paths(model, node, phase="peace").paths
            assert upward_chains(graph, node, memo) == {(p.nodes, p.effective) for p in paths}


@settings(max_examples=80, deadline=None)
@given(lattices())
def test_immediate_dominators_match_networkx(structure):
    model = build(*structure)
    graphs = phase_graphs(model, "peace")
    rooted = nx.DiGraph(graphs.authority)
    rooted.add_edges_from((_VIRTUAL_ROOT, top) for top in graphs.tops)
    expected = nx.immediate_dominators(rooted, _VIRTUAL_ROOT) if graphs.tops else {}
    expected.pop(_VIRTUAL_ROOT, None)
    if len(graphs.tops) == 1:  # the one top is the root itself
        expected = {n: d for n, d in expected.items() if n != graphs.tops[0]}
    assert _immediate_dominators(graphs.authority, graphs.tops) == expected


@settings(max_examples=60, deadline=None)
@given(lattices())
def test_reach_effective_matches_chains(structure):
    model = build(*structure)
    graphs = phase_graphs(model, "peace")
    for top in graphs.tops:
        below = reach_effective(graphs, top)
        for node, values in below.items():
            paths = authority_paths(model, node, phase="peace", source=top).paths
            assert values == {p.effective for p in paths}
