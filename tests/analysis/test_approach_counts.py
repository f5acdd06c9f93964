"""Approach-space axes counted per node equal the pair-by-pair definitions."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import authority_paths, reach
from c2graph.analysis.approach import INTERACTION_LAYERS, approach_space
from c2graph.vocabulary import FORCE_KINDS, POLITICAL_KINDS, RELATIONS, SPECIAL_NATIONS
from tests.builders import build_peacetime_war as build
from tests.builders import forward_links, numbered_nodes

LINKS = ["command", "opcon", "tacon", "adcon", "support", "liaison", "member", "shares-picture"]
NATIONS = ["JP", "US", "AU", "alliance"]
KINDS = ["unit", "headquarters", "coordination-body", "forum", "ministry"]
COMMANDING = {"command", "cocom", "opcon", "tacon"}


@st.composite
def structures(draw: Any) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]]]:
    """Random structures; links run from lower to higher index (no authority cycle)."""
    size = draw(st.integers(2, 10))
    nodes = draw(numbered_nodes(size, kinds=KINDS, nations=NATIONS))
    return nodes, draw(forward_links(size, LINKS, max_links=4 * size))


def _cross(nodes, nation):
    return [(u, v) for u, v in combinations(sorted(nodes), 2) if nation[u] != nation[v]]


def _pairwise(model: Any) -> dict[str, Any]:
    """The axes by their definitions: every cross-nation pair, every node's reach."""
    phase = "peacetime"
    every = nx.Graph(model.phase_graph(phase))
    near = nx.Graph()
    near.add_edges_from(
        (link.from_node, link.to_node)
        for link in model.links_in(phase)
        if RELATIONS[link.relation].layer in INTERACTION_LAYERS
    )
    nation = {n: model.nodes[n].nation for n in every}
    kind = {n: model.nodes[n].kind for n in every}
    national = {n for n in every if every.degree(n) and nation[n] not in SPECIAL_NATIONS}
    bodies = {
        n
        for n in near
        if (kind[n] in ("coordination-body", "forum") or nation[n] in SPECIAL_NATIONS)
        and len({nation[m] for m in near[n]} - SPECIAL_NATIONS) >= 2
    }
    operational = {b for b in bodies if kind[b] != "forum"}

    def together(u, v, among):
        return u in near and v in near and bool(among & set(near[u]) & set(near[v]))

    deciders = {
        n
        for n in national
        if any(
            r.node in model.nodes
            and model.nodes[r.node].kind in FORCE_KINDS
            and set(r.effective) & COMMANDING
            for r in reach(model, n, phase=phase).reached
        )
    }
    military = {n for n in national if kind[n] not in POLITICAL_KINDS}
    informed = [
        (u, v)
        for u, v in _cross(national, nation)
        if u in near and v in nx.single_source_shortest_path_length(near, u, cutoff=2)
    ]
    shared = sorted(
        n
        for n in national
        if kind[n] in FORCE_KINDS
        and any(p.scope != "national" for p in authority_paths(model, n, phase=phase).paths)
    )
    return {
        "cross": len(_cross(national, nation)),
        "deciders": _cross(deciders, nation),
        "joint": [p for p in _cross(deciders, nation) if together(*p, bodies)],
        "military": _cross(military, nation),
        "contact": [
            (u, v)
            for u, v in _cross(military, nation)
            if near.has_edge(u, v) or together(u, v, operational)
        ],
        "informed": informed,
        "shared": tuple(shared),
        "bodies": tuple(sorted(operational)),
    }


def _share(found, total):
    return len(found) / len(total) if total else 0.0


@settings(max_examples=120, deadline=None)
@given(structures())
def test_axes_match_pairwise_definitions(structure):
    model = build(*structure)
    expected = _pairwise(model)
    place = approach_space(model, phase="peacetime")
    assert place.cross_pairs == expected["cross"]
    assert place.decider_pairs == len(expected["deciders"])
    assert place.decision_rights == _share(expected["joint"], expected["deciders"])
    assert place.interaction == _share(expected["contact"], expected["military"])
    assert place.information == (
        len(expected["informed"]) / expected["cross"] if expected["cross"] else 0.0
    )
    assert place.units_shared == expected["shared"]
    assert place.shared_bodies == expected["bodies"]
    assert place.approach != "edge"
