"""The shipped US-Japan models give the answers the fact sheet implies.

Facts (shared/reference/us-japan-c2-facts.md): before March 2025 the Minister of Defense
commanded SDF operations through the Chief of Staff, Joint Staff (JSO), except the Space
Operations Group, a unit directly under the Minister; from 24 March 2025 the JJOC commands
the domain forces; the two nations keep parallel chains of command; the Prime Minister
controls the Coast Guard (SDF Law Art. 80) only under a defense-operation order
(Art. 76(1)); JJOC and USFJ are counterparts although only JJOC commands forces.
"""

from __future__ import annotations

import pytest

from c2graph import Model
from c2graph.analysis import authority_paths, counterpart_mismatches, reach
from c2graph.vocabulary import FORCE_KINDS, LAYER_RELATIONS, Layer
from tests.builders import shipped

OPERATIONAL = LAYER_RELATIONS[Layer.OPERATIONAL]


def _sdf_forces(model: Model) -> list[str]:
    return [
        n.id
        for n in model.nodes.values()
        if n.nation == "JP" and n.kind in FORCE_KINDS and n.kind != "agency"
    ]


def _bypassing(model: Model, hub: str) -> set[tuple[str, str]]:
    """(phase, force) pairs with an operational chain to an SDF force that avoids ``hub``."""
    found = set()
    for phase in model.phase_ids:
        for force in _sdf_forces(model):
            for path in authority_paths(model, force, phase=phase).paths:
                if path.effective in OPERATIONAL and hub not in path.nodes and force != hub:
                    found.add((phase, force))
    return found


def test_2022_every_sdf_operational_chain_passes_the_joint_staff():
    model = shipped("us-japan-2022.yaml")
    assert {force for _phase, force in _bypassing(model, "jp-jso")} == {"jp-space-ops"}
    assert "jp-jjoc" not in model.nodes


def test_2025_every_sdf_operational_chain_passes_jjoc():
    model = shipped("us-japan-2025.yaml")
    assert _bypassing(model, "jp-jjoc") == set()
    for phase in model.phase_ids:
        assert all(
            authority_paths(model, force, phase=phase).paths for force in _sdf_forces(model)
        ), phase


@pytest.mark.parametrize("name", ["us-japan-2022.yaml", "us-japan-2025.yaml", "us-japan-jfhq.yaml"])
def test_parallel_models_no_us_authority_reaches_an_sdf_force(name):
    model = shipped(name)
    sdf = set(_sdf_forces(model))
    for phase in model.phase_ids:
        for node in model.nodes.values():
            if node.nation == "US":
                reached = {r.node for r in reach(model, node.id, phase=phase).reached}
                assert not reached & sdf, (phase, node.id)


@pytest.mark.parametrize("name", ["us-japan-2022.yaml", "us-japan-2025.yaml"])
def test_coast_guard_under_the_prime_minister_only_under_a_defense_operation_order(name):
    model = shipped(name)
    controlled = set()
    for phase in model.phase_ids:
        for path in authority_paths(model, "jp-jcg", phase=phase, source="jp-pm").paths:
            assert path.effective == "control"
            assert any("Art. 80" in (model.link(key).basis or "") for key in path.links)
            controlled.add(phase)
    ordered = {p.id for p in model.phases if "76(1)" in (p.basis or "")}
    assert controlled == ordered
    assert {"peacetime", "gray-zone"}.isdisjoint(controlled)


def test_2025_jjoc_usfj_counterpart_mismatch_in_every_phase():
    model = shipped("us-japan-2025.yaml")
    for phase in model.phase_ids:
        pairs = {
            (m.a, m.b, m.a_authority, m.b_authority)
            for m in counterpart_mismatches(model, phase=phase)
        }
        assert ("jp-jjoc", "us-usfj", "command", "none") in pairs, phase
