"""The headline answers of every shipped model, read off the model files by hand.

Each expected value was worked out from the files' links, not from c2graph's output: the
single points of failure of each layer and phase (the nodes every chain of one family to a
force passes: Lengauer-Tarjan dominators per family, ``c2graph bottlenecks``), the operational
chains of the GSDF Ground Component Command and of 7th Fleet in an armed attack
(``c2graph path``) and who gains or loses what at the switches the December 2026 review
quotes (``c2graph switches``). Facts behind them: before 24 Mar 2025 the CJS executed the
Minister's orders to every SDF force (SDF Law Art. 9; review E6, E7), from then the JJOC
commands them; the ADC commander directs the BMD Aegis destroyers beside the Self-Defense
Fleet's own command (E13), so neither dominates them; the PM directs the JCG through the
Minister of MLIT (Cabinet Act Art. 6; JCG Law Art. 10; E4) and the Minister of Defense
controls it only with an Art. 76(1)(i) or 78(1) order (SDF Law Art. 80; E1-E3); every U.S.
force passes INDOPACOM (10 U.S.C. 162, 164); a combined head holds OPCON or TACON only with
both nations' consent, the United States keeping COCOM.
"""

from __future__ import annotations

import pytest

from c2graph import Model
from c2graph.analysis import authority_paths, dominators, phase_switch
from tests.builders import shipped

JP_PHASES = (
    "peacetime",
    "gray-zone",
    "important-influence",
    "anticipated-attack",
    "survival-threatening",
    "armed-attack",
)
KR_PHASES = ("armistice", "wartime")
ART_80 = ("gray-zone", "armed-attack")  # an Art. 78(1) or 76(1)(i) order may be in force
SDF = ("jp-adc", "jp-aegis-bmd", "jp-cyber", "jp-gcc", "jp-sdf-fleet", "jp-space-ops")
SDF_AND_JJOC = tuple(sorted((*SDF, "jp-jjoc")))
US_2022 = (
    "us-3mef",
    "us-5af",
    "us-7flt",
    "us-cnfj",
    "us-marforpac",
    "us-pacaf",
    "us-pacflt",
    "us-usarj",
    "us-usarpac",
    "us-usfj",
)
US_2025 = tuple(sorted((*US_2022, "us-spacefor-indopac", "us-spacefor-j")))
CONSENT = ("jp-pm", "us-president")

Spof = dict[str, tuple[str, tuple[str, ...]]]


def _family(chains: str, **units: tuple[str, ...]) -> Spof:
    return {node.replace("_", "-"): (chains, tuple(sorted(u))) for node, u in units.items()}


def _us(forces: tuple[str, ...]) -> Spof:
    with_hq = (*forces, "us-indopacom")
    return _family("US", us_president=with_hq, us_secdef=with_hq, us_indopacom=forces)


COMPONENTS_2022 = _family(
    "US",
    us_pacflt=("us-7flt", "us-cnfj"),
    us_marforpac=("us-3mef",),
    us_pacaf=("us-5af",),
    us_usarpac=("us-usarj",),
)
COMPONENTS_2025 = {**COMPONENTS_2022, **_family("US", us_spacefor_indopac=("us-spacefor-j",))}
JSO_2022 = _family("JP", jp_pm=SDF, jp_mod=SDF, jp_jso=SDF)
JJOC = _family("JP", jp_pm=SDF_AND_JJOC, jp_mod=SDF_AND_JJOC, jp_jjoc=SDF)
OPERATIONAL_2022 = {**JSO_2022, **_us(US_2022), **COMPONENTS_2022}
OPERATIONAL_2025 = {**JJOC, **_us(US_2025), **COMPONENTS_2025}
JFHQ = _family(
    "US", us_usfj=("us-3mef", "us-5af", "us-7flt", "us-cnfj", "us-spacefor-j", "us-usarj")
)
COMBINED_STAFF = _family(
    "combined", al_combined_staff=("jp-adc", "jp-aegis-bmd", "jp-sdf-fleet", "us-5af", "us-7flt")
)
DESIGNATED = ("jp-adc", "jp-aegis-bmd", "jp-gcc", "jp-sdf-fleet", "us-3mef", "us-5af", "us-7flt")
DESIGNATED += ("us-usarj",)
COMBINED_COMMAND_WAR = {
    **_family("JP", jp_pm=SDF_AND_JJOC, jp_mod=SDF_AND_JJOC, jp_jjoc=("jp-cyber", "jp-space-ops")),
    **_us(US_2025),
    **_family("US", us_pacflt=("us-cnfj",), us_spacefor_indopac=("us-spacefor-j",)),
    **_family(
        "combined",
        al_bmc=(*DESIGNATED, "al-combined-command"),
        al_combined_command=DESIGNATED,
    ),
}
KR_ARMISTICE = {
    **_family(
        "KR",
        kr_mnd=("kr-forces", "kr-jcs"),
        kr_president=("kr-forces", "kr-jcs"),
        kr_jcs=("kr-forces",),
    ),
    **_family(
        "US",
        us_president=("us-indopacom", "us-kr-forces", "us-usfk"),
        us_secdef=("us-indopacom", "us-kr-forces", "us-usfk"),
        us_indopacom=("us-kr-forces", "us-usfk"),
        us_usfk=("us-kr-forces",),
    ),
    **_family("combined", al_mcm=("al-cfc",)),
}
# In wartime ROK forces leave every national operational chain; U.S. forces keep COCOM.
KR_WARTIME = {
    **_family("KR", kr_mnd=("kr-jcs",), kr_president=("kr-jcs",)),
    **{node: KR_ARMISTICE[node] for node in ("us-president", "us-secdef", "us-indopacom")},
    **_family(
        "combined",
        al_mcm=("al-cfc", "kr-forces", "us-kr-forces"),
        al_cfc=("kr-forces", "us-kr-forces"),
    ),
}
JP_SERVICES = _family(
    "JP", jp_aso=("jp-adc", "jp-space-ops"), jp_gso=("jp-gcc",), jp_mso=("jp-sdf-fleet",)
)
US_SERVICES = _family(
    "US", us_marforpac=("us-3mef",), us_pacaf=("us-5af",), us_pacflt=("us-7flt",)
) | _family("US", us_usarpac=("us-usarj",))
JFHQ_SERVICES = {
    **US_SERVICES,
    **_family("US", us_pacflt=("us-7flt", "us-cnfj"), us_spacefor_indopac=("us-spacefor-j",)),
}


def _spof(model: Model, phase: str, layer: str) -> Spof:
    return {d.node: (d.chains, d.units) for d in dominators(model, phase=phase, layer=layer)}


def _same(spof: Spof, phases: tuple[str, ...] = JP_PHASES) -> dict[str, Spof]:
    """``spof`` in every one of ``phases``."""
    return {phase: spof for phase in phases}


def _by_phase(before: Spof, after: Spof, turn: tuple[str, ...]) -> dict[str, Spof]:
    """``before`` in the phases ahead of the first of ``turn``, ``after`` in ``turn``."""
    return {phase: after if phase in turn else before for phase in JP_PHASES}


OPERATIONAL = {
    "us-japan-2022.yaml": _same(OPERATIONAL_2022),
    "us-japan-2025.yaml": _same(OPERATIONAL_2025),
    "us-japan-2026.yaml": _same(OPERATIONAL_2025),
    "us-japan-jfhq.yaml": _same({**JJOC, **_us(US_2025), **JFHQ}),
    "us-japan-combined-staff.yaml": _by_phase(
        OPERATIONAL_2025,
        {**OPERATIONAL_2025, **COMBINED_STAFF},
        ("survival-threatening", "armed-attack"),
    ),
    "us-japan-combined-command.yaml": _by_phase(
        {**OPERATIONAL_2025, **_family("combined", al_bmc=("al-combined-command",))},
        COMBINED_COMMAND_WAR,
        ("armed-attack",),
    ),
    "us-rok-cfc.yaml": {"armistice": KR_ARMISTICE, "wartime": KR_WARTIME},
    "us-rok-cfc-2026.yaml": {"armistice": KR_ARMISTICE, "wartime": KR_WARTIME},
}
ADMINISTRATIVE = {
    "us-japan-2022.yaml": _same(JP_SERVICES),
    "us-japan-2025.yaml": _same(JP_SERVICES),
    "us-japan-2026.yaml": _same(JP_SERVICES),
    "us-japan-jfhq.yaml": _same({**JP_SERVICES, **JFHQ_SERVICES}),
    "us-japan-combined-staff.yaml": _same(JP_SERVICES),
    "us-japan-combined-command.yaml": _by_phase(
        JP_SERVICES, {**JP_SERVICES, **US_SERVICES}, ("armed-attack",)
    ),
    "us-rok-cfc.yaml": _same(_family("KR", kr_mnd=("kr-forces",)), KR_PHASES),
    "us-rok-cfc-2026.yaml": _same(_family("KR", kr_mnd=("kr-forces",)), KR_PHASES),
}
# The JCG: MLIT is a single point of failure except where Art. 80 control may hold.
JCG = {
    phase: _family("JP", jp_pm=("jp-jcg",))
    if phase in ART_80
    else _family("JP", jp_mlit=("jp-jcg",), jp_pm=("jp-jcg",))
    for phase in JP_PHASES
}
CIVIL = {name: JCG for name in OPERATIONAL if name.startswith("us-japan")}
CIVIL |= {name: _same({}, KR_PHASES) for name in OPERATIONAL if "rok" in name}


@pytest.mark.parametrize(
    ("layer", "expected"),
    [("operational", OPERATIONAL), ("administrative", ADMINISTRATIVE), ("civil", CIVIL)],
    ids=["operational", "administrative", "civil"],
)
@pytest.mark.parametrize("name", sorted(OPERATIONAL))
def test_single_points_of_failure_of_each_layer_and_phase(name, layer, expected):
    model = shipped(name)
    assert {phase: _spof(model, phase, layer) for phase in model.phase_ids} == expected[name]


def _chains(model: Model, target: str) -> list[tuple]:
    found = authority_paths(model, target, phase="armed-attack").paths
    return [(p.nodes, p.relations, p.effective, p.scope, p.consent) for p in found]


JJOC_TO_GCC = (("jp-pm", "jp-mod", "jp-jjoc", "jp-gcc"), ("command",) * 3, "command")
PACFLT_TO_7FLT = (
    ("us-president", "us-secdef", "us-indopacom", "us-pacflt", "us-7flt"),
    ("command", "command", "cocom", "opcon"),
    "opcon",
)
NATIONAL = ("national", ())


@pytest.mark.parametrize(
    ("name", "gcc", "seventh_fleet"),
    [
        (
            "us-japan-2022.yaml",
            [
                (
                    ("jp-pm", "jp-mod", "jp-jso", "jp-gcc"),
                    ("command", "command", "transmits"),
                    "command",
                    *NATIONAL,
                )
            ],
            [(*PACFLT_TO_7FLT, *NATIONAL)],
        ),
        ("us-japan-2025.yaml", [(*JJOC_TO_GCC, *NATIONAL)], [(*PACFLT_TO_7FLT, *NATIONAL)]),
        ("us-japan-2026.yaml", [(*JJOC_TO_GCC, *NATIONAL)], [(*PACFLT_TO_7FLT, *NATIONAL)]),
        (
            "us-japan-jfhq.yaml",
            [(*JJOC_TO_GCC, *NATIONAL)],
            [
                (
                    ("us-president", "us-secdef", "us-indopacom", "us-usfj", "us-7flt"),
                    ("command", "command", "cocom", "opcon"),
                    "opcon",
                    *NATIONAL,
                )
            ],
        ),
        (
            "us-japan-combined-staff.yaml",
            [(*JJOC_TO_GCC, *NATIONAL)],
            [
                (*PACFLT_TO_7FLT, *NATIONAL),
                (("al-combined-staff", "us-7flt"), ("tacon",), "tacon", "combined", CONSENT),
            ],
        ),
        (
            "us-japan-combined-command.yaml",
            [
                (("jp-pm", "jp-mod", "jp-gcc"), ("command", "command"), "command", *NATIONAL),
                (
                    ("al-bmc", "al-combined-command", "jp-gcc"),
                    ("command", "opcon"),
                    "opcon",
                    "combined",
                    CONSENT,
                ),
            ],
            [
                (
                    ("us-president", "us-secdef", "us-indopacom", "us-7flt"),
                    ("command", "command", "cocom"),
                    "cocom",
                    *NATIONAL,
                ),
                (
                    ("al-bmc", "al-combined-command", "us-7flt"),
                    ("command", "opcon"),
                    "opcon",
                    "combined",
                    CONSENT,
                ),
            ],
        ),
    ],
)
def test_operational_chains_of_the_gcc_and_7th_fleet_in_an_armed_attack(name, gcc, seventh_fleet):
    model = shipped(name)
    assert _chains(model, "jp-gcc") == gcc
    assert _chains(model, "us-7flt") == seventh_fleet


def _changes(model: Model, before: str, after: str) -> dict[str, tuple[dict, dict]]:
    """Per layer: who gains and who loses which forces, with the effective relation."""
    switch = phase_switch(model, before=before, after=after)
    layers = (switch, *switch.other_layers)
    return {
        layer.layer: tuple(
            {c.authority: tuple((u.node, u.effective, u.consent) for u in c.units) for c in changes}
            for changes in (layer.gained, layer.lost)
        )
        for layer in layers
        if layer.gained or layer.lost
    }


JCG_CONTROL = (("jp-jcg", ("control",), ()),)
JCG_GAINED = {"civil": ({"jp-mod": JCG_CONTROL, "jp-pm": JCG_CONTROL}, {})}
PARALLEL = ("us-japan-2022.yaml", "us-japan-2025.yaml", "us-japan-2026.yaml", "us-japan-jfhq.yaml")


@pytest.mark.parametrize("name", PARALLEL)
@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # Nothing operational changes: the PM's defense-operation order commands the same forces.
        ("peacetime", "armed-attack", JCG_GAINED),
        ("survival-threatening", "armed-attack", JCG_GAINED),
        # Art. 80 is not available in a survival-threatening situation (review E1).
        ("anticipated-attack", "survival-threatening", {}),
        ("armed-attack", "peacetime", {"civil": ({}, JCG_GAINED["civil"][0])}),
    ],
)
def test_who_gains_what_at_each_switch_of_the_parallel_models(name, before, after, expected):
    assert _changes(shipped(name), before, after) == expected


def _consented(*units: str, effective: str) -> tuple:
    return tuple((unit, (effective,), CONSENT) for unit in units)


def test_the_combined_staff_gains_tacon_with_both_nations_consent_and_nobody_loses():
    expected = {
        "operational": (
            {
                "al-combined-staff": _consented(
                    "jp-adc", "jp-aegis-bmd", "jp-sdf-fleet", "us-5af", "us-7flt", effective="tacon"
                )
            },
            {},
        ),
        **JCG_GAINED,
    }
    assert _changes(shipped("us-japan-combined-staff.yaml"), "peacetime", "armed-attack") == (
        expected
    )


def test_the_combined_command_takes_opcon_and_the_us_keeps_cocom_in_an_armed_attack():
    gained, lost = _changes(shipped("us-japan-combined-command.yaml"), "peacetime", "armed-attack")[
        "operational"
    ]
    combined = _consented(*DESIGNATED, effective="opcon")
    us_forces = ("us-3mef", "us-5af", "us-7flt", "us-usarj")
    cocom = tuple((unit, ("cocom",), ()) for unit in us_forces)
    assert gained == {
        "al-bmc": combined,
        "al-combined-command": combined,
        **dict.fromkeys(("us-indopacom", "us-president", "us-secdef"), cocom),
    }
    opcon = tuple((unit, ("opcon",), ()) for unit in us_forces)
    jjoc = tuple(
        (unit, effective, ())
        for unit, effective in (
            ("jp-adc", ("command",)),
            ("jp-aegis-bmd", ("command", "opcon")),
            ("jp-gcc", ("command",)),
            ("jp-sdf-fleet", ("command",)),
        )
    )
    assert lost == {
        "jp-jjoc": jjoc,
        **dict.fromkeys(("us-indopacom", "us-president", "us-secdef"), opcon),
        "us-marforpac": (("us-3mef", ("opcon",), ()),),
        "us-pacaf": (("us-5af", ("opcon",), ()),),
        "us-pacflt": (("us-7flt", ("opcon",), ()),),
        "us-usarpac": (("us-usarj", ("opcon",), ()),),
    }


@pytest.mark.parametrize("name", ["us-rok-cfc.yaml", "us-rok-cfc-2026.yaml"])
def test_the_cfc_takes_wartime_opcon_in_both_us_rok_snapshots(name):
    cfc = (
        ("kr-forces", ("opcon",), ("kr-president", "us-president")),
        ("us-kr-forces", ("opcon",), ("kr-president", "us-president")),
    )
    us_cocom = (("us-kr-forces", ("cocom",), ()),)
    lost_kr = (("kr-forces", ("opcon",), ()),)
    lost_us = (("us-kr-forces", ("opcon",), ()),)
    assert _changes(shipped(name), "armistice", "wartime") == {
        "operational": (
            {
                "al-cfc": cfc,
                "al-mcm": cfc,
                **dict.fromkeys(("us-indopacom", "us-president", "us-secdef"), us_cocom),
            },
            {
                **dict.fromkeys(("kr-jcs", "kr-mnd", "kr-president"), lost_kr),
                **dict.fromkeys(("us-indopacom", "us-president", "us-secdef", "us-usfk"), lost_us),
            },
        )
    }
