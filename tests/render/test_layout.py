"""Layered layout: ranks from authority links, cycles broken, nations side by side."""

from __future__ import annotations

from c2graph.render.layout import authority_ranks, layered_layout, scene_layout
from c2graph.render.scene import build_scene


def test_rank_is_longest_authority_path_from_the_top():
    edges = [("a", "b", True), ("b", "c", True), ("a", "c", True)]
    assert authority_ranks(["a", "b", "c"], edges) == {"a": 0, "b": 1, "c": 2}


def test_coordination_links_do_not_set_ranks():
    edges = [("a", "b", True), ("b", "a", False), ("c", "a", False)]
    assert authority_ranks(["a", "b", "c"], edges) == {"a": 0, "b": 1, "c": 0}


def test_body_with_only_coordination_links_sits_at_its_partners_mean_rank():
    edges = [
        ("a", "b", True),
        ("b", "c", True),
        ("x", "y", True),
        ("y", "z", True),
        ("c", "body", False),
        ("y", "body", False),
    ]
    assert authority_ranks(["a", "b", "c", "x", "y", "z", "body"], edges)["body"] == 2


def test_source_sits_just_above_its_highest_subordinate():
    edges = [("a", "b", True), ("b", "c", True), ("side", "c", True)]
    assert authority_ranks(["a", "b", "c", "side"], edges)["side"] == 1


def test_authority_cycle_is_broken_not_fatal():
    edges = [("a", "b", True), ("b", "c", True), ("c", "a", True)]
    assert authority_ranks(["a", "b", "c"], edges) == {"a": 0, "b": 1, "c": 2}


def test_nations_are_columns_in_the_given_order():
    nodes = [("u1", "US"), ("j1", "JP"), ("body", "alliance"), ("j2", "JP"), ("u2", "US")]
    edges = [("j1", "j2", True), ("u1", "u2", True), ("j2", "body", False), ("u2", "body", False)]
    pos = layered_layout(nodes, edges, ["JP", "alliance", "US"])
    assert max(pos["j1"][0], pos["j2"][0]) < pos["body"][0] < min(pos["u1"][0], pos["u2"][0])
    assert [pos[n][1] for n in ("j1", "j2", "u1", "u2")] == [0, 1, 0, 1]


def test_barycenter_sweeps_remove_a_crossing():
    nodes = [("a", "JP"), ("b", "JP"), ("a1", "JP"), ("b1", "JP")]
    edges = [("a", "b1", True), ("b", "a1", True)]
    pos = layered_layout(nodes, edges, ["JP"])
    assert (pos["a"][0] < pos["b"][0]) == (pos["b1"][0] < pos["a1"][0])


def test_panels_share_one_layout(tiny):
    layout = scene_layout(build_scene(tiny, phases=["peacetime", "armed-attack"]))
    assert set(layout.positions) == set(tiny.nodes)
    assert layout.max_rank == 2
