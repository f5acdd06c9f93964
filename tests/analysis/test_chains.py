"""Walks over an authority graph: chains above a node, chain comparison, closures, reach."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import authority_paths, chain_of_command
from c2graph.analysis.chains import (
    CommandChains,
    chains_differ,
    closure,
    reach_effective,
    upward_chains,
)
from c2graph.analysis.graphs import phase_graphs
from tests.builders import build, forward_links, link, numbered_nodes

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


def _composing_model():
    return build(
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


def test_upward_chains_compose_authority():
    graph = phase_graphs(_composing_model(), "peace").authority
    assert upward_chains(graph, "u", {}) == {
        (("pm", "hq", "u"), "opcon"),
        (("pm", "hq", "u"), "adcon"),
        (("pm", "mod", "u"), "tacon"),
    }
    assert upward_chains(graph, "pm", {}) == {(("pm",), "command")}


def test_command_chains_of_a_unit_a_top_and_an_absent_node():
    chains = CommandChains(phase_graphs(_composing_model(), "peace").authority)
    assert chains.nodes("u") == (("pm", "hq", "u"), ("pm", "mod", "u"))
    assert chains.composed("hq") == {(("pm", "hq"), "command")}
    assert chains.nodes("pm") == ()
    assert chains.composed("elsewhere") == frozenset()


def test_closure_down_and_up_keeps_nodes_outside_the_graph():
    graph = _graph([("pm", "hq"), ("hq", "u"), ("x", "u")])
    assert closure(graph, {"hq", "gone"}, upward=False) == {"hq", "u", "gone"}
    assert closure(graph, {"u"}, upward=True) == {"u", "hq", "pm", "x"}


def test_reach_effective_within_a_set_and_from_an_absent_node():
    graph = phase_graphs(_composing_model(), "peace").authority
    assert reach_effective(graph, "pm") == {
        "hq": {"command"},
        "mod": {"command"},
        "u": {"opcon", "adcon", "tacon"},
    }
    assert reach_effective(graph, "pm", within={"pm", "mod", "u"}) == {
        "mod": {"command"},
        "u": {"tacon"},
    }
    assert reach_effective(graph, "nowhere") == {}


@st.composite
def lattices(draw: Any) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]]]:
    """Random acyclic authority structures; every link holds in peace, some in war too."""
    size = draw(st.integers(2, 9))
    nodes = draw(numbered_nodes(size, kinds=["headquarters", "unit", "ministry"]))
    phases = [["peace"], ["peace", "war"]]
    return nodes, draw(forward_links(size, RELATIONS, max_links=3 * size, phases=phases))


def _listed(model, unit, phase):
    """The unit's chains of command, listed from every authority path to it."""
    found = authority_paths(model, unit, phase=phase, layer="all").paths
    return tuple(sorted({p.nodes for p in found}))


@settings(max_examples=80, deadline=None)
@given(lattices())
def test_chains_differ_and_command_chains_match_listing_paths(structure):
    model = build(*structure)
    one, two = phase_graphs(model, "peace"), phase_graphs(model, "war")
    expected = [n for n in one.nodes if _listed(model, n, "peace") != _listed(model, n, "war")]
    assert chains_differ(one.authority, two.authority, one.nodes) == expected
    chains = CommandChains(one.authority)
    for n in one.nodes:
        assert chains.nodes(n) == _listed(model, n, "peace")
        assert chain_of_command(model, n, phase="peace", layer="all") == _listed(model, n, "peace")


@settings(max_examples=80, deadline=None)
@given(lattices())
def test_upward_chains_match_authority_paths(structure):
    model = build(*structure)
    graph = phase_graphs(model, "peace").authority
    memo: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}
    for node in graph:
        if graph.pred[node]:
            paths = authority_paths(model, node, phase="peace", layer="all").paths
            assert upward_chains(graph, node, memo) == {(p.nodes, p.effective) for p in paths}


@settings(max_examples=60, deadline=None)
@given(lattices())
def test_reach_effective_matches_chains(structure):
    model = build(*structure)
    graphs = phase_graphs(model, "peace")
    for top in graphs.tops:
        below = reach_effective(graphs.authority, top)
        for node, values in below.items():
            paths = authority_paths(model, node, phase="peace", source=top, layer="all").paths
            assert values == {p.effective for p in paths}
