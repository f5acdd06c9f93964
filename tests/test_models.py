"""The shipped model files: they load, cite their sources, match the schema and the facts.

The fact checks follow the December 2026 model review (shared/reference/model-review-2026-12.md)
and the statutes it cites (SDF Law Art. 7-9, 80, 82-3, 95-2; Cabinet Act Art. 6; JCG Law
Art. 1, 10), the JJOC reform of March 2025, JP 1 command relationships and the US-ROK CFC
pattern, and use only the model API: authority views per phase and networkx ancestors.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

from c2graph import load_model
from c2graph.analysis import decision_plan
from c2graph.cli.main import main
from c2graph.model import Model
from c2graph.modelfile.fields import SECTIONS
from c2graph.modelfile.files import read_text
from c2graph.modelfile.lint import is_after
from c2graph.modelfile.parsing import parse_text
from c2graph.modelfile.schema import model_schema
from c2graph.vocabulary import (
    CONFIDENCE_LEVELS,
    NODE_KINDS,
    OPERATIONAL_RELATIONS,
    RELATIONS,
)

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
SHIPPED = sorted(MODELS_DIR.glob("*.yaml"))
US_JAPAN = (
    "us-japan-2022",
    "us-japan-2025",
    "us-japan-2026",
    "us-japan-jfhq",
    "us-japan-combined-staff",
    "us-japan-combined-command",
)
PARALLEL = ("us-japan-2022", "us-japan-2025", "us-japan-2026", "us-japan-jfhq")
VARIANTS = (
    "us-japan-2026",
    "us-japan-jfhq",
    "us-japan-combined-staff",
    "us-japan-combined-command",
)
JP_PHASES = (
    "peacetime",
    "gray-zone",
    "important-influence",
    "anticipated-attack",
    "survival-threatening",
    "armed-attack",
)
DEFENSE_OPERATION = frozenset({"survival-threatening", "armed-attack"})
COMMON_IDS = {
    "jp-pm",
    "jp-cabinet",
    "jp-diet",
    "jp-mod",
    "jp-jso",
    "jp-gcc",
    "jp-sdf-fleet",
    "jp-adc",
    "jp-cyber",
    "jp-jcg",
    "jp-mlit",
    "us-president",
    "us-secdef",
    "us-indopacom",
    "us-usfj",
    "us-pacflt",
    "us-7flt",
    "us-pacaf",
    "us-5af",
    "us-usarpac",
    "us-usarj",
    "us-marforpac",
    "us-3mef",
    "al-scc",
    "al-acm",
    "al-bocc",
    "al-bjocc",
}
US_FORCES_IN_JAPAN = ("us-7flt", "us-5af", "us-usarj", "us-3mef")


@cache
def model(name: str) -> Model:
    """Load a shipped model once per test session."""
    return load_model(MODELS_DIR / f"{name}.yaml")


def file_data(path: Path) -> dict:
    """The file's data as the loader reads it (dates stay text)."""
    return parse_text(read_text(path), str(path))


def authority_ancestors(m: Model, node: str, phase: str) -> set[str]:
    return nx.ancestors(m.authority_graph(phase), node)


def phases_of(m: Model, tail: str, head: str, relation: str) -> frozenset[str]:
    """Every phase of the model's first set in which a ``relation`` link runs from ``tail``
    to ``head`` (links hold in situations: phases of every set, and scenarios)."""
    held = frozenset().union(
        *(link.phases for link in m.links if link.ends == (tail, head, relation))
    )
    return held & frozenset(m.phase_ids)


def operational_parents(m: Model, node: str, phase: str) -> set[str]:
    view = m.authority_graph(phase)
    return {u for u, _, rel in view.in_edges(node, data="relation") if rel in OPERATIONAL_RELATIONS}


# --- every shipped file ------------------------------------------------------------------------


def test_the_eight_models_are_shipped():
    assert sorted(p.stem for p in SHIPPED) == sorted([*US_JAPAN, "us-rok-cfc", "us-rok-cfc-2026"])


def test_the_2026_snapshot_has_the_new_jjoc_commander_and_no_usfj_opcon():
    m = model("us-japan-2026")
    assert m.as_of == "2026-03-24"
    assert "俵千城" in m.node("jp-jjoc").note and "retired on 23 Mar 2026" in m.node("jp-jjoc").note
    assert "no public" in m.node("us-usfj").note
    for phase in JP_PHASES:
        assert set(m.authority_graph(phase).successors("us-usfj")) <= {"us-jct"}
    # The FY2026 reorganisation is recorded, not drawn.
    assert set(m.nodes) == set(model("us-japan-2025").nodes)


@pytest.mark.parametrize("phase", ("armistice", "wartime"))
def test_the_2026_comparator_keeps_the_cfc_and_adds_a_future_cfc_without_forces(phase):
    m = model("us-rok-cfc-2026")
    assert operational_parents(m, "kr-forces", phase) == operational_parents(
        model("us-rok-cfc"), "kr-forces", phase
    )
    assert set(m.authority_graph(phase).successors("al-future-cfc")) == set()
    assert m.node("al-cfc").location == "camp-humphreys"
    assert m.decision("rok-us-opcon-transition").prerequisites.text() == "rok-us-fmc-verification"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_model_loads_with_nodes_links_and_phases(path):
    m = model(path.stem)
    assert m.nodes and m.links and m.phases


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_link_has_a_source_and_a_confidence(path):
    m = model(path.stem)
    missing = [
        link.key for link in m.links if not link.source or link.confidence not in CONFIDENCE_LEVELS
    ]
    assert missing == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_source_is_defined_and_used(path):
    m = model(path.stem)
    items = [
        *m.links,
        *m.nodes.values(),
        *m.phases,
        *m.other_phases,
        *m.locations.values(),
        *m.decisions.values(),
        *m.scenarios.values(),
    ]
    durations = [d.duration for d in m.decisions.values()]
    durations += [a.duration for d in m.decisions.values() for a in d.approvals]
    durations += [n.relay for n in m.nodes.values()]
    hours = [n.office_hours for n in m.nodes.values()] + [n.watch for n in m.nodes.values()]
    hours += [loc.office_hours for loc in m.locations.values()] + [m.office_hours]
    items += [item for item in (*durations, *hours) if item is not None]
    used = {item.source for item in items if item.source}
    # A variant keeps its base's sources; the ones its own file adds must be cited.
    own = {s["id"] for s in file_data(path).get("sources", [])}
    assert used <= set(m.sources)
    assert own - used == set()
    if not m.extends:
        assert set(m.sources) == used
    assert all(source.title for source in m.sources.values())


MIRROR_HOSTS = (
    "wikipedia.org",
    "wikimili.com",
    "askwikinow.com",
    "osmarks.net",
    "iwiki.icu",
    "the-uncensored-wiki.com",
    "fandom.com",
    "blogspot.com",
    "wordpress.com",
    "hatenadiary.jp",
    "exblog.jp",
    "studylib.net",
    "einpresswire.com",
    "gunrangeday.com",
    "nikkansports24.com",
    "daily8.com",
    "powershow.com",
    "globalsecurity.org",
    "boctac.net",
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_no_source_is_a_mirror_or_wikipedia_copy_unless_its_note_says_why(path):
    m = model(path.stem)
    copies = [
        s.id for s in m.sources.values() if s.url and any(host in s.url for host in MIRROR_HOSTS)
    ]
    unexplained = [sid for sid in copies if "copy" not in (m.sources[sid].note or "")]
    assert unexplained == []
    # A fact resting only on a secondary copy keeps low confidence (issue 13's sources rule).
    cited = [item for item in (*m.links, *m.nodes.values()) if item.source in copies]
    assert {item.confidence for item in cited} <= {"low"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_source_has_a_publisher_and_a_date_not_after_the_model(path):
    m = model(path.stem)
    assert [s.id for s in m.sources.values() if not (s.publisher and s.date)] == []
    assert [s.id for s in m.sources.values() if is_after(s.date, m.as_of)] == []


def test_validate_strict_passes_on_every_shipped_model(capsys):
    # Every link names a source, every source a publisher and a date not after the model's.
    assert main(["validate", "--strict", *map(str, SHIPPED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(SHIPPED) and all(": valid (" in line for line in out)
    assert not any("warning" in line for line in out)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_link_holds_in_some_phase(path):
    m = model(path.stem)
    assert [link.key for link in m.links if not link.phases] == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_json_schema_accepts_the_file(path):
    jsonschema.Draft202012Validator(model_schema()).validate(file_data(path))


def test_json_schema_rejects_a_shipped_file_with_a_wrong_relation():
    data = copy.deepcopy(file_data(MODELS_DIR / "us-japan-2022.yaml"))
    data["links"][0]["relation"] = "opcom"
    with pytest.raises(jsonschema.ValidationError, match="'opcom' is not one of"):
        jsonschema.Draft202012Validator(model_schema()).validate(data)


@pytest.mark.parametrize("name", US_JAPAN)
def test_us_japan_models_have_the_fixed_ids_and_phases(name):
    m = model(name)
    assert set(m.nodes) >= COMMON_IDS
    assert m.phase_ids == JP_PHASES
    assert ("jp-jjoc" in m.nodes) is (name != "us-japan-2022")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_node_and_phase_has_a_japanese_name(path):
    m = model(path.stem)
    unnamed = [n.id for n in m.nodes.values() if n.label("ja") == n.name]
    unnamed += [p.id for p in m.phases if "ja" not in dict(p.names)]
    assert unnamed == []


@pytest.mark.parametrize("name", ("us-japan-2022", "us-japan-2025", "us-japan-2026"))
def test_the_standard_japanese_terms_of_the_ministry_of_defense(name):
    m = model(name)
    terms = {
        "us-indopacom": "米インド太平洋軍",
        "us-usfj": "在日米軍",
        "us-7flt": "第7艦隊",
        "us-5af": "第5空軍",
        "us-usarj": "在日米陸軍",
        "us-3mef": "第3海兵機動展開部隊",
        "al-ccc": "各自衛隊及び米軍各軍間の調整所",
        "al-biac": "日米共同情報分析組織",
    }
    assert {node: m.node(node).label("ja") for node in terms} == terms


def test_korean_and_us_nodes_of_the_cfc_model_have_korean_names():
    m = model("us-rok-cfc")
    unnamed = [
        n.id for n in m.nodes.values() if n.nation in {"KR", "US"} and "ko" not in dict(n.names)
    ]
    assert unnamed == []
    assert m.node("kr-president").label("ko") == "대한민국 대통령"


@pytest.mark.parametrize("name", US_JAPAN)
def test_phases_require_their_own_decisions_and_nobody_declares_a_gray_zone(name):
    m = model(name)
    required = {p.id: p.requires.text() if p.requires else None for p in m.phases}
    assert required == {
        "peacetime": None,
        "gray-zone": "jp-mso-82 or jp-public-security-order-78 or jp-public-security-request-81",
        "important-influence": "jp-iis-basic-plan",
        "anticipated-attack": "jp-nsc-brp-anticipated and jp-brp-anticipated",
        "survival-threatening": "jp-nsc-brp-survival and jp-brp-survival",
        "armed-attack": "jp-nsc-brp-armed-attack and jp-brp-armed-attack",
    }
    assert [p.id for p in m.phases if p.declared_by or p.approval] == []


@pytest.mark.parametrize("name", US_JAPAN)
def test_diet_approval_timing_is_per_decision(name):
    m = model(name)
    timing = {
        d.id: a.timing for d in m.decisions.values() for a in d.approvals if a.by == "jp-diet"
    }
    assert timing == {
        "jp-public-security-order-78": "after",
        "jp-iis-response-measures": "prior-or-after",
        "jp-brp-anticipated": "immediately-after",
        "jp-brp-survival": "immediately-after",
        "jp-brp-armed-attack": "immediately-after",
        "jp-defense-op-order-survival": "prior-no-exception",
        "jp-defense-op-order-armed-attack": "prior-or-after",
        "jp-bmd-82-3": "report",
    }
    assert m.decision("jp-public-security-order-78").approvals[0].within == "20 d"


@pytest.mark.parametrize("name", US_JAPAN)
def test_us_postures_are_a_phase_set_of_their_own(name):
    m = model(name)
    assert [p.id for p in m.phase_sets["US"]] == ["us-steady-state", "us-crisis", "us-contingency"]
    assert m.situation("remote-island-attack").text() == ("JP: armed-attack, US: us-contingency")
    assert m.scenarios["taiwan-iis-combat"].requires.text() == "al-prior-consultation"
    assert m.decision("al-prior-consultation").deciders == ("us-president", "jp-cabinet")


@pytest.mark.parametrize("name", VARIANTS)
def test_variants_extend_the_2025_model(name):
    assert model(name).extends == "us-japan-2025.yaml"


# --- Japan's chain of command ------------------------------------------------------------------


SDF_2022 = ("jp-gcc", "jp-sdf-fleet", "jp-adc", "jp-cyber", "jp-space-ops")


@pytest.mark.parametrize("phase", JP_PHASES)
def test_2022_the_joint_staff_transmits_the_ministers_orders_to_every_force(phase):
    m = model("us-japan-2022")
    for force in (*SDF_2022, "jp-aegis-bmd"):
        assert {"jp-jso", "jp-mod", "jp-pm"} <= authority_ancestors(m, force, phase), force
    # A conduit (SDF Law Art. 9, WP2021): every line from the JSO to a force transmits.
    view = m.authority_graph(phase)
    assert {v: rel for _, v, rel in view.out_edges("jp-jso", data="relation")} == dict.fromkeys(
        SDF_2022, "transmits"
    )
    # The Space Operations Group: operations through the CJS, service matters through the ASO.
    assert {u: r for u, _, r in view.in_edges("jp-space-ops", data="relation")} == {
        "jp-jso": "transmits",
        "jp-aso": "adcon",
    }


def test_2025_the_jjoc_commands_where_the_2022_joint_staff_transmitted():
    before, after = model("us-japan-2022"), model("us-japan-2025")
    for force in SDF_2022:
        assert phases_of(before, "jp-jso", force, "transmits") == set(JP_PHASES)
        assert phases_of(after, "jp-jjoc", force, "command") == set(JP_PHASES)
        assert phases_of(after, "jp-jso", force, "transmits") == frozenset()


@pytest.mark.parametrize("name", US_JAPAN)
@pytest.mark.parametrize("phase", JP_PHASES)
def test_the_adc_commander_directs_the_aegis_destroyers_for_bmd_in_every_phase(name, phase):
    m = model(name)
    parents = {
        u: r for u, _, r in m.authority_graph(phase).in_edges("jp-aegis-bmd", data="relation")
    }
    assert parents == {"jp-sdf-fleet": "command", "jp-adc": "opcon"}
    assert "82-3" in m.link("bmd-jtf-adc-aegis").basis


@pytest.mark.parametrize("name", US_JAPAN)
@pytest.mark.parametrize("phase", JP_PHASES)
def test_the_pm_directs_every_ministry_so_mlit_is_no_top_authority(name, phase):
    m = model(name)
    view = m.authority_graph(phase)
    tops = {n for n in view if view.in_degree(n) == 0 and view.out_degree(n) > 0}
    assert tops == {"jp-pm", "us-president"}
    for ministry in ("jp-mlit", "jp-mofa", "jp-mod", "jp-ccs"):
        assert phases_of(m, "jp-pm", ministry, "civil-command") == set(JP_PHASES), ministry
    assert phases_of(m, "jp-mlit", "jp-jcg", "civil-command") == set(JP_PHASES)
    assert phases_of(m, "jp-mlit", "jp-jcg", "adcon") == frozenset()


@pytest.mark.parametrize("name", US_JAPAN)
def test_the_chief_cabinet_secretary_sits_in_the_four_minister_meeting(name):
    m = model(name)
    members = {link.from_node for link in m.links if link.ends[1:] == ("jp-nsc", "member")}
    assert {"jp-pm", "jp-mofa", "jp-mod", "jp-ccs"} <= members
    assert "5(1)(ii)" in m.link("jp-ccs->jp-nsc:member").basis


@pytest.mark.parametrize("phase", JP_PHASES)
def test_2025_sdf_forces_are_commanded_through_the_jjoc_not_the_joint_staff(phase):
    m = model("us-japan-2025")
    for force in ("jp-gcc", "jp-sdf-fleet", "jp-adc", "jp-cyber", "jp-space-ops"):
        ancestors = authority_ancestors(m, force, phase)
        assert "jp-jjoc" in ancestors and "jp-jso" not in ancestors, force
    assert set(m.authority_graph(phase).successors("jp-jso")) == set()


@pytest.mark.parametrize("name", PARALLEL)
@pytest.mark.parametrize("phase", JP_PHASES)
def test_no_us_or_alliance_authority_over_japanese_nodes_in_parallel_models(name, phase):
    m = model(name)
    for node in (n for n in m.nodes.values() if n.nation == "JP" and phase in n.phases):
        nations = {m.nodes[a].nation for a in authority_ancestors(m, node.id, phase)}
        assert nations <= {"JP"}, node.id


@pytest.mark.parametrize("name", US_JAPAN)
def test_coast_guard_control_is_the_ministers_on_an_art_76_1_i_or_78_1_order(name):
    m = model(name)
    assert phases_of(m, "jp-pm", "jp-jcg", "control") == frozenset()
    assert phases_of(m, "jp-mod", "jp-jcg", "control") == {"gray-zone", "armed-attack"}
    needs = {
        link.key: link.requires.text()
        for link in m.links
        if link.ends == ("jp-mod", "jp-jcg", "control")
    }
    assert needs == {
        "dm-jcg-control-armed-attack": "jp-defense-op-order-armed-attack and jp-jcg-control-80",
        "dm-jcg-control-public-security": "jp-public-security-order-78 and jp-jcg-control-80",
    }
    assert m.decision("jp-jcg-control-80").discretionary
    assert authority_ancestors(m, "jp-jcg", "anticipated-attack") == {"jp-mlit", "jp-pm"}
    assert authority_ancestors(m, "jp-jcg", "survival-threatening") == {"jp-mlit", "jp-pm"}


def test_the_pm_commands_the_minister_under_a_different_law_in_every_phase():
    m = model("us-japan-2022")
    links = [link for link in m.links if link.ends == ("jp-pm", "jp-mod", "command")]
    held = [link.phases & set(JP_PHASES) for link in links]
    assert sorted(len(phases) for phases in held) == [1] * 6
    assert {next(iter(phases)) for phases in held} == set(JP_PHASES)
    assert "Art. 76(1)(i)" in m.link("pm-dm-armed-attack").basis
    assert "Art. 82" in m.link("pm-dm-gray-zone").basis


@pytest.mark.parametrize("name", US_JAPAN)
def test_acm_bocc_and_cccs_are_standing_frameworks_drawn_in_every_phase(name):
    m = model(name)
    for body in ("al-acm", "al-bocc", "al-ccc"):
        assert m.node(body).phases == set(m.situations), body
    # Peacetime activations (WP2019, WP2024): the 2016 Kumamoto earthquake in every model.
    assert "Kumamoto" in m.node("al-bocc").note
    assert ("Noto" in m.node("al-bocc").note) is (m.as_of >= "2024")


SUPPORT_BASES = {
    "peacetime": "Art. 95-2",
    "gray-zone": "Art. 95-2",
    "important-influence": "Important Influence Situations Act",
    "anticipated-attack": "U.S. Military Actions Related Measures Act",
    "survival-threatening": "Art. 76(1)(ii)",
    "armed-attack": "U.S. Military Actions Related Measures Act",
}


@pytest.mark.parametrize("name", US_JAPAN)
@pytest.mark.parametrize("pair", [("jp-sdf-fleet", "us-7flt"), ("jp-adc", "us-5af")])
def test_sdf_support_to_us_forces_has_the_legal_basis_of_each_phase(name, pair):
    m = model(name)
    links = [link for link in m.links if link.ends == (*pair, "support")]
    by_phase = {phase: link for link in links for phase in link.phases & set(JP_PHASES)}
    assert sorted(len(link.phases & set(JP_PHASES)) for link in links) == [1, 1, 1, 1, 2]
    assert {phase: SUPPORT_BASES[phase] in by_phase[phase].basis for phase in JP_PHASES} == (
        dict.fromkeys(JP_PHASES, True)
    )
    assert all(link.note.startswith("[Illustrative pairing]") for link in links)
    assert "IV.D" in by_phase["survival-threatening"].basis
    # Each rests on the decision the law gives it (Art. 95-2 order, IISA measures, ...).
    needs = {phase: by_phase[phase].requires.text() for phase in JP_PHASES[1:]}
    assert needs == {
        "gray-zone": "jp-asset-protection-95-2",
        "important-influence": "jp-iis-response-measures",
        "anticipated-attack": "jp-mam-goods-10-1 or jp-mam-services-10-3",
        "survival-threatening": "jp-defense-op-order-survival",
        "armed-attack": "jp-defense-op-order-armed-attack",
    }


@pytest.mark.parametrize("name", US_JAPAN)
def test_us_forces_support_and_supplement_in_the_defense_of_japan(name):
    m = model(name)
    support = m.link("us-supports-sdf")
    assert support.phase_spec == (("JP", ("armed-attack",)), ("US", ("us-contingency",)))
    assert "IV.C" in support.basis
    assert m.link("us-coop-emerging-threats").phases & set(JP_PHASES) == set(JP_PHASES[1:4])


@pytest.mark.parametrize("name", US_JAPAN)
def test_the_bilateral_intelligence_analysis_cell_shares_both_nations_picture(name):
    m = model(name)
    sharing = {link.from_node for link in m.links if link.ends[1:] == ("al-biac", "shares-picture")}
    assert sharing == {"jp-jso", "us-usfj"}
    assert m.node("al-biac").location == "yokota"
    # INDOPACOM leads the U.S. part of the ECC but commands no partner's forces.
    assert phases_of(m, "us-indopacom", "al-ecc", "command") == frozenset()


@pytest.mark.parametrize("name", ("us-japan-2025", "us-japan-jfhq"))
def test_both_claimed_jjoc_counterparts_are_drawn_with_the_dispute_noted(name):
    m = model(name)
    for other in ("us-indopacom", "us-usfj"):
        (link,) = [link for link in m.links if link.ends == ("jp-jjoc", other, "counterpart")]
        assert link.confidence == "medium" and "Japanese reporting" in link.note


# --- the U.S. side --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ("us-japan-2022", "us-japan-2025"))
@pytest.mark.parametrize("phase", JP_PHASES)
def test_usfj_commands_no_forces_before_the_jfhq(name, phase):
    m = model(name)
    for force in US_FORCES_IN_JAPAN:
        assert "us-usfj" not in authority_ancestors(m, force, phase), force
        assert "us-indopacom" in authority_ancestors(m, force, phase), force
    heads = m.authority_graph(phase).successors("us-usfj")
    assert {m.nodes[h].kind for h in heads} <= {"staff"}


@pytest.mark.parametrize("phase", JP_PHASES)
def test_jfhq_usfj_has_opcon_of_us_forces_in_japan_in_every_phase(phase):
    m = model("us-japan-jfhq")
    for force in US_FORCES_IN_JAPAN:
        assert operational_parents(m, force, phase) == {"us-usfj"}, force
        assert phases_of(m, "us-usfj", force, "opcon") == frozenset(JP_PHASES)
    assert m.node("us-usfj").confidence == "low"


# --- the variants -------------------------------------------------------------------------------


def test_combined_staff_commands_nothing_before_a_defense_operation():
    m = model("us-japan-combined-staff")
    for phase in JP_PHASES:
        heads = set(m.authority_graph(phase).successors("al-combined-staff"))
        if phase in DEFENSE_OPERATION:
            assert heads == {"jp-adc", "jp-sdf-fleet", "us-5af", "us-7flt"}, phase
        else:
            assert heads == set(), phase


@pytest.mark.parametrize("phase", JP_PHASES)
def test_combined_command_takes_opcon_of_designated_forces_only_in_an_armed_attack(phase):
    m = model("us-japan-combined-command")
    national = {"JP": "jp-mod", "US": "us-indopacom"}
    for force in ("jp-gcc", "jp-sdf-fleet", "jp-adc", *US_FORCES_IN_JAPAN):
        parents = operational_parents(m, force, phase)
        if phase == "armed-attack":
            # Combined OPCON beside the nation's own command (JP) or COCOM (US, 10 U.S.C. 164).
            assert parents == {"al-combined-command", national[m.nodes[force].nation]}, force
            assert {"jp-mod", "us-secdef"} <= authority_ancestors(m, force, phase)
        else:
            assert len(parents) == 1 and m.nodes[parents.pop()].nation != "alliance", force


@pytest.mark.parametrize("phase", ("armistice", "wartime"))
def test_cfc_holds_opcon_of_designated_forces_only_in_wartime(phase):
    m = model("us-rok-cfc")
    expected = {
        "armistice": ({"kr-jcs"}, {"us-usfk"}),
        "wartime": ({"al-cfc"}, {"al-cfc", "us-indopacom"}),
    }
    assert operational_parents(m, "kr-forces", phase) == expected[phase][0]
    assert operational_parents(m, "us-kr-forces", phase) == expected[phase][1]
    assert {"kr-mnd", "us-secdef"} <= authority_ancestors(m, "al-cfc", phase)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_coordination_bodies_forums_and_legislatures_hold_no_authority(path):
    m = model(path.stem)
    wrong = [
        link.key
        for link in m.links
        if link.is_authority
        and m.nodes[link.from_node].kind in {"coordination-body", "forum", "legislature"}
    ]
    assert wrong == []
    assert {n.kind for n in m.nodes.values()} <= set(NODE_KINDS)


# --- the format documentation -------------------------------------------------------------------

README_SECTIONS = {
    "model": "Top-level keys",
    "phase": "`phases`",
    "node": "`nodes`",
    "link": "`links`",
    "source": "`sources`",
    "location": "`locations`",
    "considerations": "`considerations`",
    "remove": "`remove`",
    "change": "`change`",
    "decision": "`decisions`",
    "approval": "`decisions`",
    "duration": "`decisions`",
    "scenario": "`scenarios`",
    "timeline": "`timelines`",
    "step": "`timelines`",
    "office_hours": "Time zones and office hours",
}


@pytest.mark.parametrize("section", sorted(README_SECTIONS))
def test_readme_documents_every_key_of_the_format(section):
    text = (MODELS_DIR / "README.md").read_text(encoding="utf-8")
    chunks = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^### (.+?)\n(.*?)(?=^### |^## |\Z)", text, re.M | re.S)
    }
    heading = next(h for h in chunks if h.startswith(README_SECTIONS[section]))
    missing = [key for key in SECTIONS[section] if f"`{key}`" not in chunks[heading]]
    assert missing == []


def readme_text() -> str:
    return (MODELS_DIR / "README.md").read_text(encoding="utf-8")


def test_readme_examples_load(tmp_path):
    examples = re.findall(
        r"<!-- example: (\S+) -->\n```(?:yaml|csv)\n(.*?)```", readme_text(), re.S
    )
    assert [name for name, _ in examples] == [
        "decisions.yaml",
        "with-units.yaml",
        "oob.csv",
        "variant.yaml",
        "example.yaml",
    ]
    for name, text in examples:
        (tmp_path / name).write_text(text, encoding="utf-8")
    decided = load_model(tmp_path / "decisions.yaml")
    plan = decision_plan(decided, before="peacetime", after="defense-of-japan")
    assert [d.id for d in plan.required] == ["nsc-brp", "brp", "defense-op-order", "us-execute"]
    base = load_model(tmp_path / "example.yaml")
    variant = load_model(tmp_path / "variant.yaml")
    assert len(base.nodes) == 8 and "al-bocc" not in variant.nodes
    assert operational_parents(variant, "us-5af", "peacetime") == {"us-usfj"}
    assert base.link("jp-adc->us-5af:support").phases == {"peacetime", "gray-zone"}
    with_units = load_model(tmp_path / "with-units.yaml")
    assert list(with_units.nodes)[8:] == ["jp-nadf", "jp-2aw", "us-35fw"]
    assert with_units.node("jp-2aw").label("ja") == "第2航空団"
    assert [link.key for link in with_units.links[len(base.links) :]] == [
        "jp-adc->jp-nadf:command",
        "jp-nadf->jp-2aw:command",
        "us-5af->us-35fw:command",
    ]


def test_readme_table_of_shipped_models_is_current():
    rows = re.findall(
        r"^\| `([\w-]+)\.yaml` \| ([\d-]+) \| (\d+) \| (\d+) \| (\d+) \|", readme_text(), re.M
    )
    assert sorted(row[0] for row in rows) == sorted(p.stem for p in SHIPPED)
    for name, as_of, nodes, links, phases in rows:
        m = model(name)
        assert (m.as_of, len(m.nodes), len(m.links), len(m.phases)) == (
            as_of,
            int(nodes),
            int(links),
            int(phases),
        ), name


def test_readme_lists_every_relation_and_node_kind():
    text = readme_text()
    assert [r for r in RELATIONS if f"| `{r}` |" not in text] == []
    assert [k for k in NODE_KINDS if f"| `{k}` |" not in text] == []
