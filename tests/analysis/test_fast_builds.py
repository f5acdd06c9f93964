"""The fast builds of the analyses give the answers of the plain networkx ones.

Phase graphs fill networkx's adjacency directly and LUBness counts pairs by signature
group; both are checked here against the straightforward construction, on random
synthetic orders of battle and random digraphs.
"""

from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import load_model, load_model_data
from c2graph.analysis.graphs import PhaseGraphs, _frozen, phase_graphs, simple_digraph
from c2graph.analysis.hierarchy import (
    _among,
    _by_nation,
    _Measured,
    _pairs_with_lub,
    _row,
    _Simple,
    krackhardt,
)
from c2graph.analysis.sovereignty import force_scopes
from c2graph.synthetic import generate
from c2graph.vocabulary import (
    AUTHORITY_LAYERS,
    LAYER_CHOICES,
    NODE_KINDS,
    RELATIONS,
    SPECIAL_NATIONS,
    carries_authority,
    layer_relations,
)
from tests.builders import alliance_models


def plain(graph: nx.DiGraph) -> nx.DiGraph:
    """The same graph built with add_nodes_from and add_edges_from."""
    built = nx.DiGraph()
    built.add_nodes_from(graph)
    built.add_edges_from(graph.edges(data=True))
    return built


def same(fast: nx.DiGraph, slow: nx.DiGraph) -> bool:
    """Equal nodes, edges and data, in the same adjacency order."""
    return (
        list(fast.nodes(data=True)) == list(slow.nodes(data=True))
        and list(fast.edges(data=True)) == list(slow.edges(data=True))
        and list(fast.pred.items()) == list(slow.pred.items())
        and nx.is_frozen(fast)
    )


@settings(max_examples=15, deadline=None)
@given(size=st.integers(30, 300), seed=st.integers(0, 10_000))
def test_phase_and_layer_graphs_equal_the_networkx_builds(size: int, seed: int) -> None:
    model = load_model_data(generate(size, seed=seed))
    for phase in model.phase_ids:
        graphs: PhaseGraphs = phase_graphs(model, phase)
        assert same(graphs.authority, plain(graphs.authority))
        assert graphs.tops == tuple(
            sorted(
                n
                for n in graphs.authority
                if graphs.authority.out_degree(n) and not graphs.authority.in_degree(n)
            )
        )
        for layer in LAYER_CHOICES:
            view = graphs.layer(layer)
            assert same(view.chains, plain(view.chains))
            assert view.tops == tuple(
                sorted(
                    n
                    for n in view.chains
                    if view.chains.out_degree(n) and not view.chains.in_degree(n)
                )
            )


def test_an_edge_to_an_unlisted_node_adds_it_as_networkx_does() -> None:
    links = (("command", "k"),)
    fast = _frozen(("a",), [("b", "c", links), ("a", "b", links)])
    slow = nx.DiGraph()
    slow.add_nodes_from(["a"])
    slow.add_edges_from([("b", "c", {"links": links}), ("a", "b", {"links": links})])
    assert same(fast, slow)
    assert list(fast) == ["a", "b", "c"]


def naive_pairs(groups: Counter[int]) -> int:
    """Every pair of signature groups compared (the quadratic count)."""
    ordered = sorted(groups.items())
    found = 0
    for i, (sig, count) in enumerate(ordered):
        if sig.bit_count() == 1:
            found += count * (count - 1) // 2
        found += sum(count * n for s, n in ordered[i + 1 :] if (sig & s).bit_count() == 1)
    return found


@given(st.dictionaries(st.integers(1, 2**7 - 1), st.integers(1, 6), max_size=12))
def test_pairs_with_a_least_upper_bound_as_compared_pairwise(groups: dict[int, int]) -> None:
    assert _pairs_with_lub(Counter(groups)) == naive_pairs(Counter(groups))


def sna_lubness(graph: nx.DiGraph) -> float:
    """sna's definition, pair by pair: a pair violates when none of its common upper
    bounds (nodes reaching both) reaches every other one (small graphs only)."""
    simple = nx.DiGraph((u, v) for u, v in graph.edges if u != v)
    simple.add_nodes_from(graph)
    reach = {v: nx.ancestors(simple, v) | {v} for v in simple}
    violations = maximum = 0
    for component in nx.weakly_connected_components(simple):
        if len(component) <= 2:
            continue
        maximum += (len(component) - 1) * (len(component) - 2) // 2
        for u, v in itertools.combinations(sorted(component), 2):
            bounds = reach[u] & reach[v]
            if not any(all(b in reach[c] for c in bounds) for b in bounds):
                violations += 1
    return 1 - violations / maximum if maximum else float("nan")


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=25))
def test_lubness_is_sna_lubness(edges: list[tuple[int, int]]) -> None:
    graph = nx.DiGraph(edges)
    expected = sna_lubness(graph)
    found = krackhardt(graph).lubness
    assert (found != found and expected != expected) or found == expected


pairs = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=40)


@given(nodes=st.lists(st.integers(0, 12), unique=True, max_size=8), edges=pairs)
def test_simple_graph_is_add_nodes_then_add_edges(
    nodes: list[int], edges: list[tuple[int, int]]
) -> None:
    slow = nx.DiGraph()
    slow.add_nodes_from(nodes)
    slow.add_edges_from(edges)
    fast = simple_digraph(nodes, edges)
    assert list(fast.nodes) == list(slow.nodes)
    assert list(fast.edges(data=True)) == list(slow.edges(data=True))
    assert list(fast.pred.items()) == list(slow.pred.items())


@given(edges=pairs, chosen=st.sets(st.integers(0, 12)))
def test_a_nations_graph_is_its_subgraph(edges: list[tuple[int, int]], chosen: set[int]) -> None:
    graph = nx.DiGraph(edges)
    names = list(graph)
    index = {node: i for i, node in enumerate(names)}
    simple = _Simple(names, [(index[u], index[v]) for u, v in graph.edges])
    nodes = [n for n in graph if n in chosen]
    among = _among(simple, [index[n] for n in nodes]).networkx()
    reference = nx.DiGraph(graph.subgraph(nodes))
    assert list(among) == nodes
    assert set(among.edges) == set(reference.edges)


acyclic_edges = st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=40).map(
    lambda edges: [(min(u, v), max(u, v)) for u, v in edges if u != v]
)


@settings(max_examples=200, deadline=None)
@given(edges=acyclic_edges, nations=st.lists(st.sampled_from("ABC"), min_size=15, max_size=15))
def test_each_nations_row_read_from_the_whole_graph_is_its_own_graphs(
    edges: list[tuple[int, int]], nations: list[str]
) -> None:
    graph = nx.DiGraph(edges)
    names = list(graph)
    index = {node: i for i, node in enumerate(names)}
    simple = _Simple(names, [(index[u], index[v]) for u, v in graph.edges])
    nation = [nations[node] for node in names]
    chosen = [
        (own, picked)
        for own in "ABC"
        if len(picked := [i for i, mine in enumerate(nation) if mine == own]) > 1
    ]
    found = _by_nation(_Measured.of(simple), nation, chosen)
    expected = [(own, _row(own, _Measured.of(_among(simple, picked)))) for own, picked in chosen]
    assert [(own, repr(_row(own, m))) for own, m in found] == [
        (own, repr(row)) for own, row in expected
    ]


@pytest.mark.parametrize("name", ["us-rok-cfc", "us-japan-combined-command", "us-japan-2025"])
def test_force_scopes_of_one_unit_are_its_entry_of_all(name: str) -> None:
    model = load_model(f"models/{name}.yaml")
    for phase in model.phase_ids:
        for layer in ("operational", "administrative"):
            every = force_scopes(model, phase=phase, layer=layer)
            for unit in model.nodes:
                found = force_scopes(model, phase=phase, layer=layer, unit=unit)
                assert found == tuple(f for f in every if f.unit == unit)


def layer_reference(graphs: PhaseGraphs, relations: frozenset[str]) -> nx.DiGraph:
    """An authority layer built plainly: every node, each authority edge with the links of
    the layer's relations (strongest first, as in the authority graph), if any."""
    built = nx.DiGraph()
    built.add_nodes_from(graphs.authority)
    for u, v, links in graphs.authority.edges(data="links"):
        kept = tuple(pair for pair in links if pair[0] in relations)
        if kept:
            built.add_edge(u, v, links=kept)
    return built


def plain_layer(graphs: PhaseGraphs, relations: frozenset[str]) -> nx.DiGraph:
    """A layer without authority built plainly: every node, then each linked pair in
    sorted order with its links of the layer in vocabulary order."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for link in graphs.links:
        if link.relation in relations and not link.is_authority:
            pairs.setdefault((link.from_node, link.to_node), []).append((link.relation, link.key))
    built = nx.DiGraph()
    built.add_nodes_from(graphs.authority)
    for (u, v), links in sorted(pairs.items()):
        order = sorted(links, key=lambda pair: (list(RELATIONS).index(pair[0]), pair[1]))
        built.add_edge(u, v, links=tuple(order))
    return built


@settings(max_examples=40, deadline=None)
@given(alliance_models(tuple(NODE_KINDS), max_size=12, max_links=30))
def test_layers_without_authority_equal_the_plain_builds(case) -> None:
    model, _size = case
    for phase in model.phase_ids:
        graphs = phase_graphs(model, phase)
        for layer in LAYER_CHOICES:
            if not carries_authority(layer):
                view = graphs.layer(layer)
                assert same(view.graph, plain_layer(graphs, layer_relations(layer)))
                assert view.chains is view.graph and view.direction == ()
        for layer in LAYER_CHOICES:
            edges = list(graphs.layer(layer).graph.edges(data="links"))
            assert graphs.layer_links(layer) == edges


@settings(max_examples=40, deadline=None)
@given(alliance_models(tuple(NODE_KINDS), max_size=12, max_links=30))
def test_authority_layers_share_dicts_but_equal_the_plain_builds(case) -> None:
    model, _size = case
    for phase in model.phase_ids:
        graphs = phase_graphs(model, phase)
        for layer in [*(lay.value for lay in AUTHORITY_LAYERS), "all"]:
            view = graphs.layer(layer)
            expected = layer_reference(graphs, layer_relations(layer))
            assert same(view.graph, expected)
            chains = nx.DiGraph(expected)
            chains.remove_edges_from(view.direction)
            assert same(view.chains, chains)
            assert all(view.nation[v] in SPECIAL_NATIONS for _u, v in view.direction)


@pytest.mark.parametrize("seed", [0, 1])
def test_authority_layers_of_an_order_of_battle_equal_the_plain_builds(seed: int) -> None:
    # Most links are operational: the administrative and support layers are built from
    # the few edges they keep, the operational one from the authority graph less the others.
    model = load_model_data(generate(400, seed=seed))
    for phase in model.phase_ids:
        graphs = phase_graphs(model, phase)
        for layer in (lay.value for lay in AUTHORITY_LAYERS):
            expected = layer_reference(graphs, layer_relations(layer))
            assert same(graphs.layer(layer).graph, expected)
        few = sum(
            graphs.layer(lay).graph.number_of_edges() for lay in ("administrative", "support")
        )
        assert 0 < few < graphs.layer("operational").graph.number_of_edges() / 10
