"""The analyses' answers the explorer embeds, on the tiny model, checked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import load_model, load_model_data
from c2graph.analysis import authority_paths, reach
from c2graph.analysis.paths import authority_view
from c2graph.explore.answers import (
    CHAIN_LAYERS,
    Index,
    chain_table,
    chains_down,
    counterpart_table,
    diff_table,
    node_chains,
    switch_table,
)
from c2graph.messages import messages

from ..builders import build, forward_links, numbered_nodes
from ..conftest import MODELS
from .conftest import TINY

# Positions: nodes pm 0, mod 1, hq 2, u1 3, u2 4, potus 5, ushq 6, body 7; links
# pm->mod 0, mod->hq 1, hq->u1 2, u2-war 3, potus->ushq 4, ushq->u2 5, hq->body 6,
# ushq->body 7, hq->ushq counterpart 8, mod->u1 adcon 9; situations peace 0, war 1.


def test_index_positions_follow_the_file(tiny):
    index = Index(tiny)
    assert index.node_ids == ("pm", "mod", "hq", "u1", "u2", "potus", "ushq", "body")
    assert index.link_keys[3] == "u2-war" and index.link_keys[8] == "hq->ushq:counterpart"
    assert index.situation_ids == ("peace", "war")
    assert index.nodes(["hq", "pm", "hq"]) == [0, 2]


def test_chains_up_and_down_in_war(tiny):
    index = Index(tiny)
    assert node_chains(tiny, index, "u2", "war", "operational") == {
        "up": [[[0, 1, 2, 4], [0, 1, 3], "opcon", "national", []]],
        "down": [[], []],
        "superiors": [3],
        "subordinates": [],
    }
    assert node_chains(tiny, index, "hq", "war", "operational") == {
        "up": [[[0, 1, 2], [0, 1], "command", "national", []]],
        "down": [[2, 3, 4], [2, 3]],
        "superiors": [1],
        "subordinates": [2, 3],
    }
    assert node_chains(tiny, index, "pm", "war", "operational")["down"] == [
        [0, 1, 2, 3, 4],
        [0, 1, 2, 3],
    ]


def test_a_foreign_tacon_in_peace_rests_on_the_prime_ministers_consent(tiny):
    index = Index(tiny)
    up = node_chains(tiny, index, "u2", "peace", "operational")["up"]
    assert up == [[[5, 6, 4], [4, 5], "tacon", "foreign", [0]]]
    assert node_chains(tiny, index, "ushq", "peace", "operational")["down"] == [[4, 6], [5]]


def test_chains_of_another_layer(tiny):
    index = Index(tiny)
    assert node_chains(tiny, index, "u1", "war", "administrative") == {
        "up": [[[1, 3], [9], "adcon", "national", []]],
        "down": [[], []],
        "superiors": [9],
        "subordinates": [],
    }


def test_single_points_of_failure_on_a_nodes_chains(tiny):
    table = chain_table(tiny, Index(tiny))
    assert list(table) == list(CHAIN_LAYERS)
    war = table["operational"][1]
    assert war["spof"] == [[1, "JP", [2, 3, 4]], [0, "JP", [2, 3, 4]], [2, "JP", [3, 4]],
                           [5, "US", [6]]]  # fmt: skip
    assert war["nodes"]["4"]["spof"] == [0, 1, 2]  # MOD, PM, HQ above the second unit
    assert war["nodes"]["0"]["spof"] == [0, 1, 2]  # on the PM's chains down
    assert war["nodes"]["6"]["spof"] == [3]
    assert table["operational"][0]["nodes"]["4"]["spof"] == []  # no Japanese chain in peace
    assert "7" not in war["nodes"]  # the body has no chain
    assert "7" not in table["operational"][0]["nodes"]  # nor exists in peace


def test_switches_both_ways(tiny):
    assert switch_table(tiny, Index(tiny)) == {
        "0,1": {"activated": [6, 3, 7], "lapsed": [5], "rebased": [], "nodesOn": [7],
                "nodesOff": [],
                "required": [], "discretionary": []},
        "1,0": {"activated": [5], "lapsed": [6, 3, 7], "rebased": [], "nodesOn": [],
                "nodesOff": [7],
                "required": [], "discretionary": []},
    }  # fmt: skip


def test_switch_decisions_in_order_with_a_table_of_decisions():
    data = TINY | {
        "phases": [
            {"id": "peace", "name": "Peace"},
            {"id": "war", "name": "War", "declared_by": "pm", "basis": "Art. 76"},
        ]
    }
    model = load_model_data(data)
    index = Index(model)
    table = switch_table(model, index)
    assert table["0,1"]["required"] == [0] and table["1,0"]["required"] == []
    decision = index.decisions["war:declaration"]
    assert (decision["position"], decision["deciders"], decision["basis"]) == (0, ["pm"], "Art. 76")
    assert "needed_for" not in decision


def test_counterparts_with_clocks(tiny):
    table = counterpart_table(tiny, Index(tiny), messages("en"))
    offset = "5 h ahead on the clock, one calendar day behind (UTC-10 vs UTC+9)"
    assert [row[:5] for row in table[0]] == [[2, 6, 8, "tacon", [4]], [6, 2, 8, "command", [3]]]
    assert [row[:5] for row in table[1]] == [[2, 6, 8, "none", []], [6, 2, 8, "command", [3, 4]]]
    assert table[0][0][5] == offset
    assert table[0][0][6].startswith("168 h in the week of 2025-01-06 (")


def test_diff_against_the_base(tiny):
    links = [link for link in TINY["links"] if link.get("id") != "u2-war"]
    links[4] = links[4] | {"confidence": "medium"}  # the U.S. TACON, low in the base
    variant = load_model_data(
        TINY
        | {
            "nodes": [*TINY["nodes"], {"id": "cc", "name": "Combined Command",
                                       "nation": "alliance", "kind": "headquarters"}],
            "links": [*links, {"from": "cc", "to": "u2", "relation": "opcon"}],
        }
    )  # fmt: skip
    diff = diff_table(tiny, variant, Index(variant), messages("en"))
    assert diff == {
        "nodesAdded": [8],
        "nodesRemoved": [],
        "nodesChanged": [],
        "linksAdded": [9],
        "linksRemoved": [["u2-war", "hq —opcon→ u2"]],
        "linksChanged": [[4, [["confidence", "low", "medium"]]]],
        "relationsChanged": [],
    }


def _down_by_paths(model, node, phase, layer):
    """The chains down as the command line finds them: ``path OTHER --from NODE``."""
    found = [
        chain
        for reached in reach(model, node, phase=phase, layer=layer).reached
        for chain in authority_paths(
            model, reached.node, phase=phase, source=node, layer=layer
        ).paths
    ]
    return {n for c in found for n in c.nodes}, {k for c in found for k in c.links}


@settings(max_examples=60, deadline=None)
@given(
    forward_links(6, ["command", "opcon", "tacon", "transmits", "adcon", "control"], max_links=14,
                  phases=[["peace"], ["war"], "all"]),
    numbered_nodes(6, kinds=["unit", "ministry", "headquarters"],
                   nations=["JP", "US", "alliance"]),
    st.sampled_from(["peace", "war"]),
    st.sampled_from(list(CHAIN_LAYERS)),
)  # fmt: skip
def test_chains_down_are_those_of_every_path_from_the_node(links, nodes, phase, layer):
    model = build(nodes, links)
    view = authority_view(model, phase=phase, layer=layer)
    for node in model.nodes:
        assert chains_down(view, node) == _down_by_paths(model, node, phase, layer), node


@pytest.mark.parametrize("path", sorted(MODELS.glob("*.yaml")), ids=lambda p: p.stem)
def test_chains_down_on_the_shipped_models(path):
    model = load_model(path)
    for phase in (model.phase_ids[0], model.phase_ids[-1]):
        for layer in CHAIN_LAYERS:
            view = authority_view(model, phase=phase, layer=layer)
            for node in model.nodes:
                if phase in model.nodes[node].phases:
                    expected = _down_by_paths(model, node, phase, layer)
                    assert chains_down(view, node) == expected, (phase, layer, node)
