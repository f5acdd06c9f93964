"""The shipped models give the answers the fact sheet and the December 2026 review imply.

Facts (shared/reference/model-review-2026-12.md §2.1 and §3b, the statutes it cites): before
March 2025 the Minister of Defense commanded the operations of every SDF unit through the
Chief of Staff, Joint Staff (JSO), a conduit (SDF Law Art. 9; WP2021), so on the operational
layer the JSO dominates the GCC, Self-Defense Fleet, Air Defense Command, Cyber Defense
Command, Space Operations Group and the Aegis destroyers of the BMD joint task force (E6,
E7, E13); from 24 March 2025 the JJOC commands them; the two nations keep parallel chains of
command, and no head of one nation gains authority over the other's forces in any model (the
CFC commander holds wartime OPCON with both nations' consent, the U.S. keeping COCOM); the
PM directs the JCG through the Minister of MLIT in every phase (Cabinet Act Art. 6, JCG Law
Art. 10), and the JCG comes under control (SDF Law Art. 80) only with an Art. 80 basis; JJOC
and USFJ are counterparts although only JJOC commands forces.
"""

from __future__ import annotations

import pytest

from c2graph import Model
from c2graph.analysis import (
    authority_paths,
    commanders,
    counterpart_mismatches,
    dominators,
    force_scopes,
    phase_switch,
    reach,
    removal_impact,
)
from c2graph.vocabulary import FORCE_KINDS, LAYER_RELATIONS, SPECIAL_NATIONS, Layer
from tests.builders import MODELS, shipped

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
    assert _bypassing(model, "jp-jso") == set()
    assert "jp-jjoc" not in model.nodes


SDF_FORCES = ("jp-adc", "jp-aegis-bmd", "jp-cyber", "jp-gcc", "jp-sdf-fleet", "jp-space-ops")


@pytest.mark.parametrize("phase", ["peacetime", "armed-attack"])
def test_2022_the_joint_staff_is_an_operational_single_point_of_failure(phase):
    model = shipped("us-japan-2022.yaml")
    japanese = {d.node: d.units for d in dominators(model, phase=phase) if d.chains == "JP"}
    assert japanese == dict.fromkeys(("jp-pm", "jp-mod", "jp-jso"), SDF_FORCES)
    assert [c.to_dict() for c in removal_impact(model, "jp-jso", phase=phase)] == [
        {"chains": "JP", "units": list(SDF_FORCES)}
    ]
    # With ADCON mixed in, the service staffs' lines hide it (the answer the review faults).
    mixed = {d.node: d.units for d in dominators(model, phase=phase, layer="all")}
    assert mixed["jp-jso"] == ("jp-cyber",)


@pytest.mark.parametrize("phase", ["peacetime", "armed-attack"])
def test_2025_the_jjoc_is_an_operational_single_point_of_failure(phase):
    model = shipped("us-japan-2025.yaml")
    japanese = {d.node: d.units for d in dominators(model, phase=phase) if d.chains == "JP"}
    with_jjoc = tuple(sorted((*SDF_FORCES, "jp-jjoc")))
    assert japanese == {"jp-pm": with_jjoc, "jp-mod": with_jjoc, "jp-jjoc": SDF_FORCES}


def test_2025_every_sdf_operational_chain_passes_jjoc():
    model = shipped("us-japan-2025.yaml")
    assert _bypassing(model, "jp-jjoc") == set()
    for phase in model.phase_ids:
        assert all(
            authority_paths(model, force, phase=phase).paths for force in _sdf_forces(model)
        ), phase


SHIPPED = sorted(p.name for p in MODELS.glob("*.yaml"))


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("layer", ["operational", "administrative", "civil", "all"])
def test_no_national_authority_reaches_another_nations_force(name, layer):
    model = shipped(name)
    for phase in model.phase_ids:
        for node in model.nodes.values():
            if node.nation in SPECIAL_NATIONS:
                continue
            reached = reach(model, node.id, phase=phase, layer=layer).reached
            foreign = [
                r.node
                for r in reached
                if model.nodes[r.node].nation not in (node.nation, *SPECIAL_NATIONS)
            ]
            assert foreign == [], (phase, node.id)
        foreign = [
            chain.nodes
            for force in force_scopes(model, phase=phase, layer=layer)
            for chain in force.shared
            if chain.scope == "foreign"
        ]
        assert foreign == [], phase


@pytest.mark.parametrize("name", SHIPPED)
def test_no_switch_gives_a_head_authority_over_the_other_nations_forces(name):
    model = shipped(name)
    for before in model.phase_ids:
        for after in model.phase_ids:
            switch = phase_switch(model, before=before, after=after)
            for layer in (switch, *switch.other_layers):
                for change in layer.gained:
                    nation = model.nodes[change.authority].nation
                    for unit in change.units:
                        own = model.nodes[unit.node].nation
                        assert nation in SPECIAL_NATIONS or own == nation, (before, after)
                        assert (nation in SPECIAL_NATIONS) == bool(unit.consent)


def test_cfc_commander_gains_wartime_opcon_with_both_nations_consent():
    model = shipped("us-rok-cfc.yaml")
    switch = phase_switch(model, before="armistice", after="wartime")
    cfc = next(change for change in switch.gained if change.authority == "al-cfc")
    assert [u.to_dict() for u in cfc.units] == [
        {"node": "kr-forces", "effective": ["opcon"], "consent": ["kr-president", "us-president"]},
        {
            "node": "us-kr-forces",
            "effective": ["opcon"],
            "consent": ["kr-president", "us-president"],
        },
    ]
    # The U.S. chain keeps COCOM of its forces (10 U.S.C. 164), needing no one's consent.
    us = {
        c.authority: [u.to_dict() for u in c.units]
        for c in switch.gained
        if c.authority[:3] == "us-"
    }
    cocom = [{"node": "us-kr-forces", "effective": ["cocom"], "consent": []}]
    assert us == dict.fromkeys(("us-indopacom", "us-president", "us-secdef"), cocom)
    assert {c.authority for c in switch.gained} - set(us) == {"al-cfc", "al-mcm"}


@pytest.mark.parametrize(
    ("name", "phase", "units"),
    [
        ("us-rok-cfc.yaml", "wartime", ["kr-forces", "us-kr-forces"]),
        (
            "us-japan-combined-command.yaml",
            "armed-attack",
            [
                "jp-adc",
                "jp-aegis-bmd",
                "jp-gcc",
                "jp-sdf-fleet",
                "us-3mef",
                "us-5af",
                "us-7flt",
                "us-usarj",
            ],
        ),
        (
            "us-japan-combined-staff.yaml",
            "armed-attack",
            ["jp-adc", "jp-aegis-bmd", "jp-sdf-fleet", "us-5af", "us-7flt"],
        ),
    ],
)
def test_combined_chains_rest_on_both_nations_consent(name, phase, units):
    model = shipped(name)
    scopes = force_scopes(model, phase=phase)
    assert [f.unit for f in scopes] == units
    heads = {"us-rok-cfc.yaml": ["kr-president", "us-president"]}.get(
        name, ["jp-pm", "us-president"]
    )
    for force in scopes:
        assert [c.scope for c in force.shared] == ["combined"] * len(force.shared)
        assert all(list(c.consent) == heads for c in force.shared)


@pytest.mark.parametrize("name", ["us-japan-2022.yaml", "us-japan-2025.yaml"])
def test_coast_guard_under_the_minister_of_defense_only_on_an_art_76_1_i_or_78_1_order(name):
    model = shipped(name)
    controlled = set()
    for phase in model.phase_ids:
        found = authority_paths(model, "jp-jcg", phase=phase, source="jp-mod", layer="civil")
        for path in found.paths:
            assert path.effective == "control"
            (last,) = path.links[-1:]
            assert "Art. 80(1)" in model.link(last).basis
            assert "jp-jcg-control-80" in model.link(last).requires.decisions()
            controlled.add(phase)
    assert controlled == {"gray-zone", "armed-attack"}


@pytest.mark.parametrize("name", ["us-japan-2022.yaml", "us-japan-2025.yaml"])
def test_the_pm_directs_the_coast_guard_through_mlit_in_every_phase(name):
    model = shipped(name)
    for phase in model.phase_ids:
        found = authority_paths(model, "jp-jcg", phase=phase, source="jp-pm", layer="civil")
        paths = {path.nodes: path.effective for path in found.paths}
        assert paths[("jp-pm", "jp-mlit", "jp-jcg")] == "civil-command", phase
        # Under Art. 80 the Minister of Defense's control reaches the PM only as a minister.
        controlled = {nodes for nodes, effective in paths.items() if effective == "control"}
        expected = (
            {("jp-pm", "jp-mod", "jp-jcg")} if phase in {"gray-zone", "armed-attack"} else set()
        )
        assert controlled == expected, phase


def test_2025_jjoc_usfj_counterpart_mismatch_in_every_phase():
    model = shipped("us-japan-2025.yaml")
    for phase in model.phase_ids:
        pairs = {
            (m.a.node, m.b.node, m.a.authority, m.b.authority, m.relations)
            for m in counterpart_mismatches(model, phase=phase)
        }
        assert ("jp-jjoc", "us-usfj", "command", "none", ("coordination", "counterpart")) in (
            pairs
        ), phase


def test_2022_joint_staff_as_a_conduit_stays_the_bottleneck_but_commands_nothing():
    # The review's E6: the CJS executed the Minister's orders; typed as transmits, the JSO
    # stays on every operational chain but the Minister is the commander.
    model = shipped("us-japan-2022.yaml")
    japanese = {d.node: d.units for d in dominators(model, phase="armed-attack")}
    assert japanese["jp-jso"] == SDF_FORCES
    (chain,) = authority_paths(model, "jp-gcc", phase="armed-attack").paths
    assert (chain.relations, chain.effective) == (("command", "command", "transmits"), "command")
    direct = commanders(model, "jp-gcc", phase="armed-attack")
    assert direct.operational == ("jp-mod",)


def test_2022_joint_staff_is_a_conduit_in_the_counterpart_table():
    model = shipped("us-japan-2022.yaml")
    roles = {
        (m.a.node, m.b.node): (m.a.role, m.b.role)
        for m in counterpart_mismatches(model, phase="armed-attack")
    }
    assert roles[("jp-jso", "us-indopacom")] == ("conduit", "commands")
    assert roles[("jp-jso", "us-cjcs")] == ("conduit", "none")
