"""Tests of c2graph.analysis.kernels: compiled and reference kernels give the same answers."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import bottleneck_report
from c2graph.analysis.graphs import phase_graphs
from c2graph.analysis.kernels import (
    KERNELS_VARIABLE,
    VIRTUAL_ROOT,
    IndexedDigraph,
    articulation_points,
    compiled,
    dag_order,
    dominators_in,
    immediate_dominators,
    numbered,
    reachable,
    reachable_in,
    topological_order,
    weak_components,
)
from c2graph.cli.main import main
from c2graph.vocabulary import AUTHORITY_LAYERS
from tests.builders import alliance_models, command_json


@contextlib.contextmanager
def reference() -> Iterator[None]:
    """Run the block with the reference (networkx) kernels."""
    with mock.patch.dict(os.environ, {KERNELS_VARIABLE: "networkx"}):
        yield


@pytest.fixture(params=["compiled", "networkx"])
def kernels(request):
    """Each test runs with the compiled kernels, then with the reference ones."""
    with mock.patch.dict(os.environ, {KERNELS_VARIABLE: request.param}):
        yield request.param


def test_the_variable_chooses_the_kernels(kernels):
    assert compiled() is (kernels == "compiled")


def test_immediate_dominators_with_virtual_root(kernels):
    graph = nx.DiGraph([("p", "a"), ("q", "a"), ("a", "b"), ("p", "c")])
    assert immediate_dominators(graph, ("p", "q")) == {
        "p": VIRTUAL_ROOT,
        "q": VIRTUAL_ROOT,
        "a": VIRTUAL_ROOT,
        "b": "a",
        "c": "p",
    }
    assert immediate_dominators(nx.DiGraph([("p", "a")]), ("p",)) == {"a": "p"}
    assert immediate_dominators(graph, ()) == {}


def test_unreachable_nodes_have_no_dominator(kernels):
    graph = nx.DiGraph([("p", "a"), ("x", "a"), ("x", "y")])
    assert immediate_dominators(graph, ("p",)) == {"a": "p"}


def test_articulation_points_of_a_bowtie(kernels):
    graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "c")])
    graph.add_edge("e", "e")
    graph.add_node("lone")
    assert articulation_points(graph, graph.edges) == {"c"}


def test_weak_components_and_orders(kernels):
    graph = nx.DiGraph([("a", "b"), ("c", "b"), ("d", "e")])
    graph.add_node("f")
    assert sorted(map(sorted, weak_components(graph))) == [["a", "b", "c"], ["d", "e"], ["f"]]
    assert topological_order(nx.DiGraph([("a", "b"), ("b", "a")])) is None
    with pytest.raises(nx.NetworkXUnfeasible):
        dag_order(nx.DiGraph([("a", "b"), ("b", "a")]))


@st.composite
def digraphs(draw, *, acyclic=False):
    """Random directed graphs of up to 12 nodes (with cycles and self-loops unless
    ``acyclic``), with isolated nodes."""
    size = draw(st.integers(1, 12))
    pairs = draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))))
    graph = nx.DiGraph()
    graph.add_nodes_from(f"n{i}" for i in draw(st.permutations(range(size))))
    graph.add_edges_from((f"n{u}", f"n{v}") for u, v in pairs if not acyclic or u < v)
    return graph


def _both(function, *args, **options):
    """The answer of a kernel with the compiled library, then with networkx."""
    found = function(*args, **options)
    with reference():
        return found, function(*args, **options)


@settings(max_examples=150, deadline=None)
@given(digraphs(), st.data())
def test_immediate_dominators_agree(graph, data):
    tops = tuple(data.draw(st.lists(st.sampled_from(list(graph)), unique=True, max_size=3)))
    found, expected = _both(immediate_dominators, graph, tops)
    assert found == expected


@settings(max_examples=150, deadline=None)
@given(digraphs(), st.data())
def test_dominators_without_nodes_are_those_of_the_graph_without_them(graph, data):
    nodes = list(graph)
    tops = tuple(data.draw(st.lists(st.sampled_from(nodes), unique=True, max_size=3)))
    without = data.draw(st.lists(st.sampled_from([n for n in nodes if n not in tops] or ["x"])))
    rest = nx.DiGraph(nx.restricted_view(graph, [n for n in without if n in graph], []))
    found, expected = _both(immediate_dominators, graph, tops, without=without)
    assert found == expected == immediate_dominators(rest, tops)


@settings(max_examples=100, deadline=None)
@given(digraphs(acyclic=True))
def test_immediate_dominators_match_networkx(graph):
    tops = tuple(n for n in graph if not graph.in_degree(n))
    rooted = nx.DiGraph(graph)
    rooted.add_edges_from((VIRTUAL_ROOT, top) for top in tops)
    expected = nx.immediate_dominators(rooted, VIRTUAL_ROOT)
    expected.pop(VIRTUAL_ROOT, None)
    if len(tops) == 1:  # the one top is the root itself
        expected = {n: d for n, d in expected.items() if n != tops[0]}
    found, reference_found = _both(immediate_dominators, graph, tops)
    assert found == reference_found == expected


@settings(max_examples=150, deadline=None)
@given(digraphs())
def test_articulation_points_agree(graph):
    found, expected = _both(articulation_points, list(graph), list(graph.edges))
    assert found == expected


@settings(max_examples=150, deadline=None)
@given(digraphs())
def test_weak_components_agree(graph):
    found, expected = _both(weak_components, graph)
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


@settings(max_examples=150, deadline=None)
@given(digraphs())
def test_topological_orders_are_orders_of_the_same_graph(graph):
    found, expected = _both(topological_order, graph)
    assert (found is None) == (expected is None)
    for order in (found, expected):
        if order is not None:
            place = {node: i for i, node in enumerate(order)}
            assert sorted(order) == sorted(graph)
            assert all(place[u] < place[v] for u, v in graph.edges)


_KINDS = ("political-authority", "ministry", "headquarters", "component", "unit", "forum")
MODELS = alliance_models(_KINDS, max_size=10, max_links=24)


def _report(model, phase, layer):
    phase_graphs(model, phase)  # the views are shared by both kernels; the answers are not
    return bottleneck_report(model, phase=phase, layer=layer, with_betweenness=True).to_dict()


@settings(max_examples=120, deadline=None)
@given(
    MODELS,
    st.sampled_from(["peace", "war"]),
    st.sampled_from([*(layer.value for layer in AUTHORITY_LAYERS), "all"]),
)
def test_bottleneck_report_agrees(case, phase, layer):
    model, _size = case
    found, expected = _both(_report, model, phase, layer)
    assert found == expected


@settings(max_examples=20, deadline=None)
@given(MODELS, st.sampled_from(["peace", "war"]))
def test_bottlenecks_and_path_commands_agree(case, phase):
    model, _size = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
        commands = [["bottlenecks", str(path), "--phase", phase]]
        commands += [["path", str(path), node, "--phase", phase] for node in model.nodes]
        for argv in commands:
            found, expected = _both(command_json, *argv)
            assert found == expected


def _printed(*argv: str) -> str:
    """What ``c2graph ARGV...`` prints (it must succeed), run in this process."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(list(argv)) == 0
    return out.getvalue()


@settings(max_examples=25, deadline=None)
@given(
    MODELS,
    st.sampled_from(["peace", "war"]),
    st.sampled_from([*(layer.value for layer in AUTHORITY_LAYERS), "all"]),
)
def test_bottlenecks_prints_the_same_bytes_through_both_kernels(case, phase, layer):
    model, _size = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
        base = ["bottlenecks", str(path), "--phase", phase, "--layer", layer]
        for argv in (
            [*base, "--json"],
            base,
            [*base, "--json", "--remove-each", ",".join(sorted(model.nodes)), "--jobs", "1"],
        ):
            found, expected = _both(_printed, *argv)
            assert found == expected


@settings(max_examples=150, deadline=None)
@given(digraphs(), st.data())
def test_reachable_agrees_and_is_the_closure(graph, data):
    starts = data.draw(st.lists(st.sampled_from([*graph, "absent"]), max_size=4))
    found, expected = _both(reachable, graph, starts)
    present = [n for n in starts if n in graph]
    assert found == expected == set(present).union(*(nx.descendants(graph, n) for n in present))


def _indexed(graph, data):
    """The graph's links numbered over its nodes and some names it lacks, in a drawn order."""
    names = data.draw(st.permutations([*graph, "spare1", "spare2"]))
    index = {name: i for i, name in enumerate(names)}
    return IndexedDigraph(names, index, [(index[u], index[v]) for u, v in graph.edges])


@settings(max_examples=150, deadline=None)
@given(digraphs(), st.data())
def test_indexed_dominators_are_those_of_the_graph_of_names(graph, data):
    indexed = _indexed(graph, data)
    nodes = list(graph)
    tops = tuple(data.draw(st.lists(st.sampled_from(nodes), unique=True, max_size=3)))
    without = data.draw(st.lists(st.sampled_from([n for n in nodes if n not in tops] or ["x"])))
    found, expected = _both(dominators_in, indexed, tops, without=without)
    assert found == expected == immediate_dominators(graph, tops, without=without)


@settings(max_examples=150, deadline=None)
@given(digraphs(), st.data())
def test_indexed_reachable_is_that_of_the_graph_of_names(graph, data):
    indexed = _indexed(graph, data)
    starts = data.draw(st.lists(st.sampled_from([*graph, "absent"]), max_size=4))
    found, expected = _both(reachable_in, indexed, starts)
    assert found == expected == reachable(graph, starts)


@settings(max_examples=100, deadline=None)
@given(digraphs())
def test_numbered_links_are_the_edges_in_order_over_the_linked_nodes(graph):
    found = numbered(graph)
    assert [(found.names[u], found.names[v]) for u, v in found.edges] == list(graph.edges)
    assert sorted(found.names) == sorted(n for n in graph if graph.degree(n))
    assert all(found.index[name] == i for i, name in enumerate(found.names))
    assert numbered(graph) is found
