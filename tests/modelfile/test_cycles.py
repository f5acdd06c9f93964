"""The decisions' cycle search against networkx's components and find_cycle."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.modelfile.cycles import cycles

NAMES = [f"d{i}" for i in range(7)]


def _reference(edges: list[tuple[str, str]], order: list[str]) -> list[list[str]]:
    """What the check computed with networkx before: one cycle per cyclic component."""
    graph = nx.DiGraph(edges)
    found = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2 and not graph.has_edge(*[*component] * 2):
            continue
        start = min(component, key=order.index)
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), start)]
        turn = cycle.index(start) if start in cycle else 0
        found.append(cycle[turn:] + cycle[:turn])
    return found


def _successors(edges: list[tuple[str, str]]) -> dict[str, list[str]]:
    successors: dict[str, list[str]] = {}
    for tail, head in edges:
        successors.setdefault(tail, []).append(head)
        successors.setdefault(head, [])
    return successors


def test_two_cycles_and_a_self_loop() -> None:
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "d"), ("e", "a")]
    assert cycles(_successors(edges), ["e", "d", "c", "b", "a"]) == [["c", "a", "b"], ["d"]]


def test_no_cycle() -> None:
    assert cycles(_successors([("a", "b"), ("a", "c"), ("b", "c")]), ["a", "b", "c"]) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=16),
    st.permutations(NAMES),
)
def test_same_cycles_as_networkx(edges: list[tuple[str, str]], order: list[str]) -> None:
    assert cycles(_successors(edges), order) == _reference(edges, order)
