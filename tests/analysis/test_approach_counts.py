"""Approach-space axes counted per node equal the pair-by-pair definitions."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis.approach import DECISION_RELATIONS, approach_space
from c2graph.vocabulary import FORCE_KINDS, SPECIAL_NATIONS
from tests.builders import build_peacetime_war as build
from tests.builders import forward_links, numbered_nodes

RELATIONS = ["command", "opcon", "tacon", "adcon", "support", "liaison", "member"]
NATIONS = ["JP", "US", "AU", "alliance"]
KINDS = ["unit", "headquarters", "coordination-body", "ministry"]


@st.composite
def structures(draw: Any) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]]]:
    """Random structures; links run from lower to higher index (no authority cycle)."""
    size = draw(st.integers(2, 10))
    nodes = draw(numbered_nodes(size, kinds=KINDS, nations=NATIONS))
    return nodes, draw(forward_links(size, RELATIONS, max_links=4 * size))


def _pairwise(model: Any) -> tuple[int, int, int, tuple[str, ...]]:
    """The axes by their definitions: every cross-nation pair, every unit's ancestors."""
    graph = model.phase_graph("peacetime")
    nation = {n: model.nodes[n].nation for n in graph}
    simple = nx.Graph(graph)
    active = [n for n in simple if simple.degree(n) > 0]
    national = sorted(n for n in active if nation[n] not in SPECIAL_NATIONS)
    shared = {
        n
        for n in active
        if (model.nodes[n].kind == "coordination-body" or nation[n] in SPECIAL_NATIONS)
        and len({nation[m] for m in simple[n]} - SPECIAL_NATIONS) >= 2
    }
    cross = [(u, v) for u, v in combinations(national, 2) if nation[u] != nation[v]]
    contact = sum(
        1 for u, v in cross if simple.has_edge(u, v) or shared & set(simple[u]) & set(simple[v])
    )
    informed = sum(
        1 for u, v in cross if v in nx.single_source_shortest_path_length(simple, u, cutoff=2)
    )
    operational = nx.DiGraph()
    operational.add_nodes_from(graph)
    operational.add_edges_from(
        (u, v) for u, v, rel in graph.edges(data="relation") if rel in DECISION_RELATIONS
    )
    units_shared = tuple(
        sorted(
            n
            for n in graph
            if model.nodes[n].kind in FORCE_KINDS
            and nation[n] not in SPECIAL_NATIONS
            and any(nation[a] != nation[n] for a in nx.ancestors(operational, n))
        )
    )
    return len(cross), contact, informed, units_shared


@settings(max_examples=120, deadline=None)
@given(structures())
def test_axes_match_pairwise_definitions(structure):
    model = build(*structure)
    cross, contact, informed, units_shared = _pairwise(model)
    place = approach_space(model, phase="peacetime")
    assert place.cross_pairs == cross
    assert place.interaction == (contact / cross if cross else 0.0)
    assert place.information == (informed / cross if cross else 0.0)
    assert place.units_shared == units_shared
