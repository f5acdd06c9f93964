"""MSDL export: one phase's order of battle, the superior kept, what is left out, the schema."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph import load_model, load_model_data
from c2graph.export import export
from c2graph.export.msdl import Omission, msdl_export, msdl_handle, msdl_text, to_msdl
from c2graph.vocabulary import AUTHORITY_RELATIONS, MSDL_COMMAND_RELATIONSHIPS, RELATIONS

from ..msdl_schema import msdl_schema
from .conftest import named, schema_file, xml_names

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
NS = {"m": "urn:sisostds:scenario:military:data:draft:msdl:1"}
# The MSDL 1.0 patterns (MsdlSimpleTypes_1.0.0.xsd), written out here for CI.
HANDLE = re.compile(r"[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}")
SYMBOL = re.compile(r"S-[PAGMOSTUFVXLIZ-]-[A-Z-]{6}[A-Z*-][A-Z*-]--[AECGNSX*-]")
TEXT = re.compile(r"[ -z]*")


def oob_data():
    """PM → JJOC → GCC (ADCON from the GSO); in war a combined command takes OPCON of the
    GCC; INDOPACOM → 7th Fleet, which supports the GCC; JJOC is a member of the ACM."""
    return {
        "name": "OOB – test",
        "as_of": "2025-03",
        "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}],
        "locations": [
            {"id": "ichigaya", "name": "Ichigaya", "lat": 35.69, "lon": 139.73, "utc_offset": 9}
        ],
        "nodes": [
            {"id": "pm", "name": "Prime Minister", "nation": "JP", "kind": "political-authority"},
            {
                "id": "jjoc",
                "name": "Joint Operations Command",
                "nation": "JP",
                "kind": "headquarters",
                "short": "JJOC",
                "location": "ichigaya",
            },
            {"id": "gso", "name": "Ground Staff Office", "nation": "JP", "kind": "staff"},
            {
                "id": "gcc",
                "name": "Ground Component Command",
                "nation": "JP",
                "kind": "component",
                "echelon": "army",
            },
            {
                "id": "cc",
                "name": "Combined Command",
                "nation": "alliance",
                "kind": "headquarters",
                "phases": ["war"],
            },
            {"id": "acm", "name": "ACM", "nation": "alliance", "kind": "coordination-body"},
            {"id": "indo", "name": "INDOPACOM", "nation": "US", "kind": "headquarters"},
            {"id": "7flt", "name": "U.S. 7th Fleet", "nation": "US", "kind": "unit"},
        ],
        "links": [
            {"from": "pm", "to": "jjoc", "relation": "command"},
            {"from": "pm", "to": "gso", "relation": "command"},
            {"from": "jjoc", "to": "gcc", "relation": "command"},
            {"from": "gso", "to": "gcc", "relation": "adcon"},
            {"from": "cc", "to": "gcc", "relation": "opcon", "phases": ["war"]},
            {"from": "jjoc", "to": "acm", "relation": "member"},
            {"from": "indo", "to": "7flt", "relation": "cocom"},
            {"from": "7flt", "to": "gcc", "relation": "support"},
        ],
    }


@pytest.fixture
def oob():
    return load_model_data(oob_data())


def units(text: str) -> dict[str, dict]:
    """Each unit by name: its handle, symbol, modifiers, superiors and support."""
    root = ET.fromstring(text.encode("utf-8"))
    found = {}
    for unit in root.iterfind("m:Organizations/m:Units/m:Unit", NS):
        force = unit.find("m:Relations/m:ForceRelation", NS)
        command = force.find("m:ForceRelationData/m:CommandRelation", NS)
        organic = unit.find("m:Relations/m:OrganicRelation/m:OrganicRelationData", NS)
        found[unit.findtext("m:Name", namespaces=NS)] = {
            "handle": unit.findtext("m:ObjectHandle", namespaces=NS),
            "symbol": unit.findtext("m:SymbolIdentifier", namespaces=NS),
            "modifiers": {
                m.tag.split("}")[1]: m.text for m in unit.find("m:UnitSymbolModifiers", NS)
            },
            "force": (
                force.findtext("m:ForceRelationChoice", namespaces=NS),
                force.findtext("m:ForceRelationData/m:ForceSideHandle", namespaces=NS)
                or command.findtext("m:CommandingSuperiorHandle", namespaces=NS),
                None
                if command is None
                else command.findtext("m:CommandRelationshipType", namespaces=NS),
            ),
            "organic": None
            if organic is None
            else organic.findtext("m:OrganicSuperiorHandle", namespaces=NS),
            "supports": [
                (
                    s.findtext("m:SupportedUnitHandle", namespaces=NS),
                    s.findtext("m:SupportType", namespaces=NS),
                )
                for s in unit.iterfind("m:Relations/m:SupportRelations/m:SupportRelation", NS)
            ],
            "position": [
                c.text
                for c in unit.iterfind("m:Disposition/m:Location/m:CoordinateData/m:GDC/*", NS)
            ],
        }
    return found


def unit(node_id: str) -> str:
    return msdl_handle("unit", node_id)


def side(nation: str) -> str:
    return msdl_handle("force-side", nation)


def test_peace_units_and_their_superiors(oob):
    found = units(to_msdl(oob, phase="peace"))
    assert list(found) == [
        "Prime Minister",
        "Joint Operations Command",
        "Ground Staff Office",
        "Ground Component Command",
        "INDOPACOM",
        "U.S. 7th Fleet",
    ]
    assert found["Prime Minister"]["force"] == ("FORCE_SIDE", side("JP"), None)
    assert found["Joint Operations Command"]["force"] == ("UNIT", unit("pm"), "ORGANIC")
    assert found["Ground Component Command"]["force"] == ("UNIT", unit("jjoc"), "ORGANIC")
    assert found["Ground Component Command"]["organic"] == unit("gso")
    assert found["U.S. 7th Fleet"]["force"] == ("UNIT", unit("indo"), "ORGANIC")
    assert found["U.S. 7th Fleet"]["supports"] == [(unit("gcc"), "NONE")]
    assert found["INDOPACOM"]["force"] == ("FORCE_SIDE", side("US"), None)


def test_war_keeps_the_operational_superior_and_says_what_it_dropped(oob):
    result = msdl_export(oob, phase="war")
    gcc = units(result.text)["Ground Component Command"]
    assert gcc["force"] == ("UNIT", unit("cc"), "OPCON")
    assert gcc["organic"] == unit("jjoc")
    assert units(result.text)["Combined Command"]["force"] == ("FORCE_SIDE", side("alliance"), None)
    assert result.omissions == (
        Omission("acm", "a node with no authority link in the phase"),
        Omission(
            "gso->gcc:adcon",
            "a further superior (MSDL gives a unit one commanding and one organic superior)",
        ),
        Omission("jjoc->acm:member", "not a command relationship (member)"),
    )
    assert result.units == 7
    description = ET.fromstring(result.text.encode()).findtext(
        "m:ScenarioID/{http://www.sisostds.org/schemas/modelID}description", namespaces=NS
    )
    assert description == (
        "OOB – test (as of 2025-03): the command structure in the phase War (war), written "
        "by c2graph from a model that names each link's legal basis and source. Not carried "
        "as the model has it: a node with no authority link in the phase: 1 (acm). a further "
        "superior (MSDL gives a unit one commanding and one organic superior): 1 "
        "(gso->gcc:adcon). not a command relationship (member): 1 (jjoc->acm:member)."
    )


def test_without_a_phase_the_first_is_written(oob):
    assert to_msdl(oob) == to_msdl(oob, phase="peace") == export(oob, "msdl")
    assert msdl_export(oob).phase == "peace"


def test_modifiers_symbols_and_positions(oob):
    found = units(to_msdl(oob, phase="war"))
    assert found["Joint Operations Command"]["modifiers"] == {
        "AdditionalInfo": "headquarters",
        "UniqueDesignation": "JJOC",
    }
    assert found["Ground Component Command"]["modifiers"] == {
        "Echelon": "ARMY",
        "AdditionalInfo": "component",
        "UniqueDesignation": "Ground Component Comm",
    }
    assert found["Joint Operations Command"]["symbol"] == "S-G-U-----A----"
    assert found["Ground Staff Office"]["symbol"] == "S-G-U----------"
    assert found["Joint Operations Command"]["position"] == ["35.69", "139.73", "0"]
    assert found["Prime Minister"]["position"] == []
    assert all(
        SYMBOL.fullmatch(u["symbol"]) and HANDLE.fullmatch(u["handle"]) for u in found.values()
    )


def test_force_sides(oob):
    root = ET.fromstring(to_msdl(oob, phase="war").encode())
    sides = [
        (
            s.findtext("m:ObjectHandle", namespaces=NS),
            s.findtext("m:ForceSideName", namespaces=NS),
            s.findtext("m:AllegianceHandle", namespaces=NS),
        )
        for s in root.iterfind("m:ForceSides/m:ForceSide", NS)
    ]
    top = msdl_handle("allegiance", "model")
    assert sides == [
        (top, "OOB - test", top),
        (side("JP"), "Japan (JP)", top),
        (side("alliance"), "Alliance bodies (alliance)", top),
        (side("US"), "United States (US)", top),
    ]


@pytest.mark.parametrize(("relation", "written"), sorted(MSDL_COMMAND_RELATIONSHIPS.items()))
def test_each_authority_relation_is_written_as_its_msdl_type(relation, written):
    data = {
        "name": "x",
        "as_of": "2025",
        "phases": [{"id": "p", "name": "P"}],
        "nodes": [
            {"id": "a", "name": "A", "nation": "JP", "kind": "headquarters"},
            {"id": "b", "name": "B", "nation": "JP", "kind": "unit"},
        ],
        "links": [{"from": "a", "to": "b", "relation": relation}],
    }
    result = msdl_export(load_model_data(data))
    assert units(result.text)["B"]["force"] == ("UNIT", unit("a"), written)
    changed = [o for o in result.omissions if o.changed]
    label = RELATIONS[relation].label
    assert changed == (
        [Omission(f"a->b:{relation}", f"{label} has no MSDL type", True, "NONE")]
        if written == "NONE"
        else []
    )


def test_every_authority_relation_has_an_msdl_type():
    assert set(MSDL_COMMAND_RELATIONSHIPS) == AUTHORITY_RELATIONS
    assert not set(MSDL_COMMAND_RELATIONSHIPS) & {
        r for r, i in RELATIONS.items() if not i.is_authority
    }


@pytest.mark.parametrize(
    ("superiors", "commanding", "organic"),
    [
        (["adcon", "opcon"], ("s1", "OPCON"), "s0"),
        (["tacon", "opcon"], ("s1", "OPCON"), None),
        (["command", "tacon"], ("s1", "TACON"), "s0"),
        (["adcon", "control"], ("s1", "NONE"), "s0"),
        (["civil-command", "control"], ("s1", "NONE"), "s0"),
        (["adcon", "transmits"], ("s1", "NONE"), "s0"),
        (["transmits", "tacon"], ("s1", "TACON"), None),
        (["cocom", "command"], ("s1", "ORGANIC"), "s0"),
        (["command", "command"], ("s0", "ORGANIC"), "s1"),
    ],
)
def test_which_superior_is_kept(superiors, commanding, organic):
    nodes = [
        {"id": f"s{i}", "name": f"S{i}", "nation": "JP", "kind": "headquarters"}
        for i in range(len(superiors))
    ]
    nodes.append({"id": "u", "name": "U", "nation": "JP", "kind": "unit"})
    links = [{"from": f"s{i}", "to": "u", "relation": r} for i, r in enumerate(superiors)]
    model = load_model_data(
        {
            "name": "x",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": nodes,
            "links": links,
        }
    )
    found = units(to_msdl(model))["U"]
    assert found["force"] == ("UNIT", unit(commanding[0]), commanding[1])
    assert found["organic"] == (None if organic is None else unit(organic))


@pytest.mark.parametrize(
    ("text", "limit", "written"),
    [
        ("Prime Minister", 255, "Prime Minister"),
        ("US–ROK “Combined” Command", 255, 'US-ROK "Combined" Command'),
        ("Défense {Nationale} | ~x", 255, "Defense (Nationale) / -x"),
        ("統合作戦司令部", 255, ""),
        ("ＪＪＯＣ (統合作戦司令部)", 255, "JJOC ()"),
        ("two\nlines\tand\r\nmore", 255, "two lines and more"),
        ("A" * 300, 255, "A" * 255),
        ("Ground Component Command", 21, "Ground Component Comm"),
    ],
)
def test_msdl_text(text, limit, written):
    assert msdl_text(text, limit) == written
    assert TEXT.fullmatch(written)


def test_a_name_msdl_cannot_carry_is_simplified_and_said(oob):
    data = oob_data()
    data["nodes"][0]["name"] = "内閣総理大臣"
    result = msdl_export(load_model_data(data))
    assert "pm" in units(result.text)
    assert result.omissions[-1] == Omission(
        "pm", "name simplified to MSDL's text (ASCII up to 'z', 255 characters)", True, "pm"
    )


def test_a_long_chain_of_command_is_written_and_read_back():
    depth = 2500  # deeper than Python's recursion limit
    nodes = [{"id": f"u{i}", "name": f"U{i}", "nation": "JP", "kind": "unit"} for i in range(depth)]
    nodes[-1]["nation"] = "US"
    links = [{"from": f"u{i}", "to": f"u{i + 1}", "relation": "opcon"} for i in range(depth - 1)]
    model = load_model_data(
        {
            "name": "deep",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": nodes,
            "links": links,
        }
    )
    result = msdl_export(model)
    assert result.units == depth and result.omissions == ()
    from c2graph.modelfile.msdl import parse_msdl

    back = parse_msdl(result.text, "deep.xml").data
    assert [n["nation"] for n in back["nodes"][-2:]] == ["JP", "US"]
    assert len(back["links"]) == depth - 1


def test_same_model_same_bytes_and_handles_follow_ids(oob):
    assert to_msdl(oob) == to_msdl(load_model_data(oob_data()))
    assert units(to_msdl(oob))["Prime Minister"]["handle"] == unit("pm")


@settings(max_examples=60, deadline=None)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_give_msdl_text_and_parse(names):
    root = ET.fromstring(to_msdl(named(names)).encode("utf-8"))
    written = [u.findtext("m:Name", namespaces=NS) for u in root.iterfind(".//m:Unit", NS)]
    assert len(written) == (len(names) if len(names) > 1 else 0)  # an OPCON chain
    assert all(TEXT.fullmatch(name) and 0 < len(name) <= 255 for name in written)


def test_a_phase_without_authority_links_has_no_organizations():
    root = ET.fromstring(to_msdl(named(["alone"])).encode("utf-8"))
    assert root.find("m:Organizations", NS) is None
    assert len(root.findall("m:ForceSides/m:ForceSide", NS)) == 1


# -------------------------------------------- the official MSDL schema (C2GRAPH_SCHEMAS)


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    source = schema_file("msdl-1.0.0", "MilitaryScenario_1.0.0.xsd")
    return msdl_schema(source, tmp_path_factory.mktemp("msdl-schema"))


def assert_valid(schema, text: str) -> None:
    from lxml import etree

    assert schema.validate(etree.fromstring(text.encode("utf-8"))), schema.error_log


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_models_are_valid_msdl_in_every_phase(schema, path):
    model = load_model(path)
    for phase in model.phase_ids:
        assert_valid(schema, to_msdl(model, phase=phase))


def test_the_schema_rejects_what_msdl_forbids(schema, oob):
    from lxml import etree

    text = to_msdl(oob)
    for bad in (
        text.replace("S-G-U-----A----", "S-G-U-----A---", 1),  # a 14-character symbol
        text.replace("<Name>Prime Minister</Name>", "<Name>首相</Name>", 1),  # not MSDL text
        text.replace("<MSDLVersion>", "<Version>", 1).replace("</MSDLVersion>", "</Version>", 1),
    ):
        assert not schema.validate(etree.fromstring(bad.encode("utf-8")))


def test_the_test_model_is_valid_msdl(schema, oob):
    for phase in oob.phase_ids:
        assert_valid(schema, to_msdl(oob, phase=phase))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(xml_names, min_size=1, max_size=4))
def test_hostile_names_give_valid_msdl(schema, names):
    assert_valid(schema, to_msdl(named(names)))
