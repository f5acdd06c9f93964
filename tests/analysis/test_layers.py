"""Property tests: every chain printed for a layer uses only that layer's relations, and no
chain composes a nation's authority through a combined body."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis import authority_paths, effective_authority, reach, top_authorities
from c2graph.analysis.graphs import phase_graphs
from c2graph.analysis.sovereignty import held_at_top
from c2graph.cli.main import main
from c2graph.vocabulary import (
    ALL_LAYERS,
    AUTHORITY_RELATIONS,
    LAYER_CHOICES,
    RELATIONS,
    SPECIAL_NATIONS,
    carries_authority,
    layer_relations,
)
from tests.builders import PEACE_WAR, build, forward_links, numbered_nodes

KINDS = ["political-authority", "staff", "headquarters", "unit", "coordination-body"]
NATIONS = ["JP", "US", "alliance"]


@st.composite
def layered_models(draw: Any) -> tuple[dict[str, Any], int]:
    """Random two-nation structures with a combined body and links of every relation."""
    size = draw(st.integers(2, 8))
    nodes = draw(numbered_nodes(size, kinds=KINDS, nations=NATIONS))
    links = draw(forward_links(size, list(RELATIONS), max_links=18, phases=[["war"], "all"]))
    data = {
        "name": "random",
        "as_of": "2025",
        "phases": [{"id": p, "name": p} for p in PEACE_WAR],
        "nodes": [{"id": n, "name": n, "nation": nation, "kind": k} for n, nation, k in nodes],
        "links": links,
    }
    return data, size


def _allowed(layer: str) -> frozenset[str]:
    relations = layer_relations(layer)
    return relations & AUTHORITY_RELATIONS if layer == ALL_LAYERS else relations


@settings(max_examples=80, deadline=None)
@given(layered_models(), st.sampled_from(PEACE_WAR))
def test_every_chain_of_a_layer_uses_only_that_layers_relations(case, phase):
    data, size = case
    model = build(data["nodes"], data["links"])
    collective = {n for n, node in model.nodes.items() if node.nation in SPECIAL_NATIONS}
    for layer, i in itertools.product(LAYER_CHOICES, range(size)):
        result = authority_paths(model, f"n{i}", phase=phase, layer=layer)
        for path in result.paths:
            assert path.layer == layer
            assert set(path.relations) <= _allowed(layer)
            for key, (u, v) in zip(path.links, itertools.pairwise(path.nodes), strict=True):
                found = model.link(key)
                assert phase in found.phases and (found.from_node, found.to_node) == (u, v)
            if not carries_authority(layer):
                assert path.kind == "link" and f"n{i}" in path.nodes
                continue
            view = phase_graphs(model, phase).layer(layer)
            assert path.nodes[-1] == f"n{i}"
            assert path.nodes[0] in top_authorities(model, phase=phase, layer=layer)
            assert path.effective == effective_authority(
                path.relations, held=held_at_top(view, path.nodes[0])
            )
            assert (path.scope == "combined") == (path.nodes[0] in collective)
            # Sovereignty: once a chain has left the collective bodies it never re-enters one.
            national = [n not in collective for n in path.nodes]
            assert all(not a or b for a, b in itertools.pairwise(national))


@settings(max_examples=60, deadline=None)
@given(layered_models(), st.sampled_from(PEACE_WAR))
def test_no_national_node_reaches_through_a_combined_body(case, phase):
    data, _size = case
    model = build(data["nodes"], data["links"])
    for layer in ("operational", "administrative", "civil", "all"):
        for node, record in model.nodes.items():
            if record.nation in SPECIAL_NATIONS:
                continue
            reached = reach(model, node, phase=phase, layer=layer).reached
            assert all(model.nodes[r.node].nation not in SPECIAL_NATIONS for r in reached)
            for r in reached:
                nation = model.nodes[r.node].nation
                # A reach into another nation's force rests on that nation's own heads.
                assert all(model.nodes[h].nation == nation != record.nation for h in r.consent)
                assert nation != record.nation or r.consent == ()


@settings(max_examples=40, deadline=None)
@given(layered_models(), st.sampled_from(PEACE_WAR), st.sampled_from(LAYER_CHOICES))
def test_the_path_command_prints_each_layers_chains_apart(case, phase, layer):
    data, size = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        for i in range(size):
            out = io.StringIO()
            argv = ["path", str(path), f"n{i}", "--phase", phase, "--layer", layer, "--json"]
            with contextlib.redirect_stdout(out):
                assert main(argv) == 0
            printed = json.loads(out.getvalue())
            assert printed["layer"] == layer
            assert all(other["paths"] for other in printed["other_layers"])
            for result in [printed, *printed["other_layers"]]:
                for chain in result["paths"]:
                    assert chain["layer"] == result["layer"]
                    assert set(chain["relations"]) <= _allowed(result["layer"])
            assert layer not in {other["layer"] for other in printed["other_layers"]}
