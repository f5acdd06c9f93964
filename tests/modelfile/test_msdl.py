"""Reading MSDL: units, command relations, nations, what is left out, bad files, round trips.

The small MSDL files here are written for the tests from the structure SISO-STD-007-2008
gives (MilitaryScenario, ForceSides, Organizations/Units, Relations); public scenarios are
read when ``C2GRAPH_SCHEMAS`` names a folder holding them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from c2graph import ModelError, load_model, load_model_data
from c2graph.export.msdl import msdl_export, msdl_text
from c2graph.modelfile.msdl import EXAMPLE, parse_msdl, read_msdl
from c2graph.vocabulary import MSDL_COMMAND_RELATIONSHIPS, MSDL_RELATIONS

from ..export.conftest import sample_files

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
JP_SIDE = "00000000-0000-0000-0000-000000000001"


def handle(n: int) -> str:
    return f"00000000-0000-0000-0000-{n:012x}"


def scenario(units: str, sides: str | None = None, extra: str = "") -> str:
    """An MSDL document with the given Unit elements (and force sides)."""
    if sides is None:
        sides = (
            f"<ForceSide><ObjectHandle>{JP_SIDE}</ObjectHandle>"
            "<ForceSideName>Japan (JP)</ForceSideName></ForceSide>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<MilitaryScenario xmlns="urn:sisostds:scenario:military:data:draft:msdl:1"\n'
        '    xmlns:modelID="http://www.sisostds.org/schemas/modelID">\n'
        "  <ScenarioID><modelID:name>T</modelID:name>"
        "<modelID:modificationDate>2024-05-06-05:00</modelID:modificationDate></ScenarioID>\n"
        "  <Options><MSDLVersion>x</MSDLVersion></Options>\n"
        f"  <ForceSides>{sides}</ForceSides>\n"
        f"  <Organizations><Units>\n{units}  </Units>{extra}</Organizations>\n"
        "</MilitaryScenario>\n"
    )


def unit_xml(
    n: int,
    name: str,
    *,
    superior: int | None = None,
    relationship: str = "ORGANIC",
    organic: int | None = None,
    supports: tuple[tuple[int, str], ...] = (),
    symbol: str = "S-G-UCI----F--G",
    modifiers: str = "",
    side: str = JP_SIDE,
) -> str:
    if superior is None:
        force = (
            "<ForceRelationChoice>FORCE_SIDE</ForceRelationChoice><ForceRelationData>"
            f"<ForceSideHandle>{side}</ForceSideHandle></ForceRelationData>"
        )
    else:
        force = (
            "<ForceRelationChoice>UNIT</ForceRelationChoice><ForceRelationData>"
            f"<CommandRelation><CommandingSuperiorHandle>{handle(superior)}"
            "</CommandingSuperiorHandle>"
            f"<CommandRelationshipType>{relationship}</CommandRelationshipType>"
            "</CommandRelation></ForceRelationData>"
        )
    relations = f"<ForceRelation>{force}</ForceRelation>"
    if supports:
        relations += (
            "<SupportRelations>"
            + "".join(
                f"<SupportRelation><SupportedUnitHandle>{handle(s)}</SupportedUnitHandle>"
                f"<SupportType>{kind}</SupportType></SupportRelation>"
                for s, kind in supports
            )
            + "</SupportRelations>"
        )
    if organic is not None:
        relations += (
            "<OrganicRelation><OrganicRelationChoice>UNIT</OrganicRelationChoice>"
            f"<OrganicRelationData><OrganicSuperiorHandle>{handle(organic)}"
            "</OrganicSuperiorHandle></OrganicRelationData></OrganicRelation>"
        )
    return (
        f"    <Unit><ObjectHandle>{handle(n)}</ObjectHandle>"
        f"<SymbolIdentifier>{symbol}</SymbolIdentifier><Name>{name}</Name>"
        f"{modifiers}<Relations>{relations}</Relations></Unit>\n"
    )


def links(text: str) -> list[tuple]:
    return [
        (lk["from"], lk["to"], lk["relation"], lk.get("confidence"), lk.get("note"))
        for lk in parse_msdl(text, "t.xml").data["links"]
    ]


def test_example_reads_exactly():
    assert parse_msdl(EXAMPLE, "oob.xml").data == {
        "name": "Example",
        "as_of": "2025-03-24",
        "description": "Read from the MSDL file oob.xml.",
        "phases": [{"id": "scenario", "name": "MSDL scenario"}],
        "nodes": [
            {
                "id": "1st-Division",
                "name": "1st Division",
                "nation": "JP",
                "kind": "headquarters",
                "source": "s-msdl",
            },
            {
                "id": "2nd-Regiment",
                "name": "2nd Regiment",
                "nation": "JP",
                "kind": "unit",
                "source": "s-msdl",
            },
        ],
        "links": [
            {"from": "1st-Division", "to": "2nd-Regiment", "relation": "opcon", "source": "s-msdl"}
        ],
        "sources": [{"id": "s-msdl", "title": "MSDL scenario Example (oob.xml)"}],
    }
    assert parse_msdl(EXAMPLE, "oob.xml").notes == ()


@pytest.mark.parametrize(
    ("relationship", "relation", "confidence", "note"),
    [
        ("ORGANIC", "command", None, None),
        (
            "ATTACHED",
            "command",
            None,
            "MSDL ATTACHED: under the command of the gaining unit (FM 3-0).",
        ),
        ("OPCON", "opcon", None, None),
        ("TACON", "tacon", None, None),
        ("ADCON", "adcon", None, None),
        (
            "NONE",
            "command",
            "low",
            "MSDL gives no command relationship type (NONE); read as command.",
        ),
    ],
)
def test_command_relationship_types(relationship, relation, confidence, note):
    text = scenario(unit_xml(1, "HQ") + unit_xml(2, "Bn", superior=1, relationship=relationship))
    assert links(text) == [("HQ", "Bn", relation, confidence, note)]
    assert MSDL_RELATIONS[relationship] == relation


def test_organic_superior_is_adcon_unless_it_is_the_commanding_one():
    text = scenario(
        unit_xml(1, "Div")
        + unit_xml(2, "CC")
        + unit_xml(3, "Bde", superior=2, relationship="OPCON", organic=1)
        + unit_xml(4, "Bn", superior=1, organic=1)
    )
    organic_note = (
        "MSDL organic superior: the authority an organic parent keeps while its unit serves "
        "under another (JP 1, FM 3-0)."
    )
    assert links(text) == [
        ("CC", "Bde", "opcon", None, None),
        ("Div", "Bde", "adcon", None, organic_note),
        ("Div", "Bn", "command", None, None),
    ]


def test_support_relations():
    text = scenario(
        unit_xml(1, "HQ")
        + unit_xml(2, "Arty", superior=1, supports=((3, "DS"), (1, "NONE"), (9, "GS")))
        + unit_xml(3, "Inf", superior=1)
    )
    result = parse_msdl(text, "t.xml")
    assert links(text) == [
        ("HQ", "Arty", "command", None, None),
        ("HQ", "Inf", "command", None, None),
        ("Arty", "Inf", "support", None, "MSDL support type DS."),
        ("Arty", "HQ", "support", None, None),
    ]
    assert result.notes == (f"unit 'Arty': the unit it supports, {handle(9)}, is not in the file",)


def test_nations_from_country_code_name_allegiance_or_none():
    sides = (
        f"<ForceSide><ObjectHandle>{handle(100)}</ObjectHandle><ForceSideName>Blue</ForceSideName>"
        "<CountryCode>USA</CountryCode></ForceSide>"
        f"<ForceSide><ObjectHandle>{handle(101)}</ObjectHandle>"
        "<ForceSideName>Alliance bodies (alliance)</ForceSideName></ForceSide>"
        f"<ForceSide><ObjectHandle>{handle(102)}</ObjectHandle><ForceSideName>Army</ForceSideName>"
        f"<AllegianceHandle>{handle(100)}</AllegianceHandle></ForceSide>"
        f"<ForceSide><ObjectHandle>{handle(103)}</ObjectHandle><ForceSideName>Red</ForceSideName>"
        f"<AllegianceHandle>{handle(103)}</AllegianceHandle></ForceSide>"
    )
    text = scenario(
        unit_xml(1, "A", side=handle(100))
        + unit_xml(2, "B", side=handle(101))
        + unit_xml(3, "C", side=handle(102))
        + unit_xml(4, "D", side=handle(103))
        + unit_xml(5, "E", superior=4),
        sides,
    )
    result = parse_msdl(text, "t.xml")
    assert [(n["id"], n["nation"], n.get("note")) for n in result.data["nodes"]] == [
        ("A", "USA", None),
        ("B", "alliance", None),
        ("C", "USA", None),
        ("D", "multinational", "MSDL force side: Red."),
        ("E", "multinational", "MSDL force side: Red."),
    ]
    assert result.notes == (
        "force side 'Red' has no country code: its units are 'multinational' and their notes "
        "name the side",
    )


def test_kinds_ids_names_and_modifiers():
    text = scenario(
        unit_xml(
            1,
            "Prime Minister",
            symbol="S-G-U----------",
            modifiers="<UnitSymbolModifiers><AdditionalInfo>political-authority"
            "</AdditionalInfo><UniqueDesignation>PM</UniqueDesignation>"
            "</UnitSymbolModifiers>",
        )
        + unit_xml(2, "1st  Bn", superior=1, symbol="S-G-UCI---AH--G")
        + unit_xml(
            3,
            "1st Bn",
            superior=1,
            modifiers="<UnitSymbolModifiers><Echelon>BATTALION</Echelon>"
            "<UniqueDesignation/></UnitSymbolModifiers>",
        )
    )
    nodes = parse_msdl(text, "t.xml").data["nodes"]
    assert [(n["id"], n["name"], n["kind"], n.get("short"), n.get("echelon")) for n in nodes] == [
        ("PM", "Prime Minister", "political-authority", "PM", None),
        ("1st-Bn", "1st  Bn", "headquarters", None, None),
        ("1st-Bn-2", "1st Bn", "unit", None, "battalion"),
    ]


def test_handles_with_whitespace_and_files_without_namespaces():
    text = scenario(unit_xml(1, "HQ") + unit_xml(2, "Bn", superior=1))
    text = text.replace(
        f"<CommandingSuperiorHandle>{handle(1)}", f"<CommandingSuperiorHandle>\n   {handle(1)}\n  "
    )
    text = text.replace(' xmlns="urn:sisostds:scenario:military:data:draft:msdl:1"', "")
    assert links(text) == [("HQ", "Bn", "command", None, None)]


def test_what_is_left_out_is_noted():
    equipment = (
        "<Equipment><EquipmentItem><ObjectHandle>x</ObjectHandle></EquipmentItem>"
        "<EquipmentItem><ObjectHandle>y</ObjectHandle></EquipmentItem></Equipment>"
    )
    text = scenario(unit_xml(1, "HQ") + unit_xml(2, "Bn", superior=7), extra=equipment)
    text = text.replace(
        "</MilitaryScenario>", "<Installations><Installation/></Installations></MilitaryScenario>"
    )
    result = parse_msdl(text, "t.xml")
    assert result.notes == (
        "units in no force side are 'multinational'",
        f"unit 'Bn': its commanding superior {handle(7)} is not a unit of the file; read as a "
        "unit of its force side",
        "2 equipment items are not read: c2graph models the command relationships between units",
        "Installations are not read",
    )
    assert result.data["links"] == []


def bad(text: str) -> str:
    with pytest.raises(ModelError) as err:
        parse_msdl(text, "t.xml")
    return str(err.value)


def test_not_msdl():
    assert bad("<?xml version='1.0'?>\n<graphml/>") == (
        "t.xml:2: not an MSDL file: the root element is graphml, expected MilitaryScenario"
    )


def test_xml_syntax_error_has_its_line_and_column():
    assert bad("<MilitaryScenario>\n  <ForceSides>\n</MilitaryScenario>\n") == (
        "t.xml:3: XML: mismatched tag (column 3)"
    )


def test_a_document_type_declaration_is_refused():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n<MilitaryScenario>&lol2;</MilitaryScenario>'
    )
    assert bad(bomb) == "t.xml:2: a document type declaration is not allowed in an MSDL file"


def test_no_units_and_no_date():
    text = scenario("").replace(
        "<modelID:modificationDate>2024-05-06-05:00</modelID:modificationDate>", ""
    )
    assert bad(text) == (
        "t.xml:4: ScenarioID → modificationDate: no date (YYYY-MM-DD) in "
        "ScenarioID/modificationDate or Environment/ScenarioTime; the model needs one as its "
        "as_of\n"
        "t.xml:7: Organizations → Units: the file has no units: c2graph reads an order of "
        "battle's units as nodes"
    )


def test_unit_problems_are_all_listed_with_their_lines():
    units = (
        unit_xml(1, "HQ")
        + unit_xml(1, "Again")
        + "    <Unit><Name>Nameless</Name></Unit>\n"
        + unit_xml(2, "Bn", superior=1, relationship="OPCN")
    )
    assert bad(scenario(units)) == (
        f"t.xml:9: Units[1] (Again): a second unit with the ObjectHandle {handle(1)}; give each "
        "unit its own\n"
        "t.xml:10: Units[2]: a unit without an ObjectHandle\n"
        "t.xml:11: Units[3] (Bn) → CommandRelationshipType: expected one of ORGANIC, ATTACHED, "
        "OPCON, TACON, ADCON, NONE, got 'OPCN'"
    )


def test_a_command_cycle_is_an_error_of_the_file():
    text = scenario(unit_xml(1, "A", superior=2) + unit_xml(2, "B", superior=1))
    assert bad(text) == (
        "t.xml: links[1] (from='A', to='B') → relation: in the model read from it: authority "
        "cycle in phase 'scenario': B → A → B; authority must flow one way (make one of these "
        "links coordination or drop it)"
    )


def test_read_msdl_reads_a_file(tmp_path):
    path = tmp_path / "oob.xml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.encode("utf-8"))
    assert read_msdl(path).data["nodes"][0]["id"] == "1st-Division"


# ------------------------------------------------------------------ round trips


def _round_trip(model, phase):
    exported = msdl_export(model, phase=phase)
    imported = load_model_data(parse_msdl(exported.text, "x.xml").data)
    return exported, imported


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_phase_of_every_shipped_model_comes_back(path):
    """Each unit comes back in order with its MSDL name and kind; each link is a model link
    of the phase, read as MSDL gives it; only the omitted superiors are missing."""
    model = load_model(path)
    for phase in model.phase_ids:
        exported, imported = _round_trip(model, phase)
        dropped = {o.item for o in exported.omissions if not o.changed}
        force = {o.item: o.written for o in exported.omissions if o.reason.startswith("nation")}
        kept = [n for n in model.nodes.values() if phase in n.phases and n.id not in dropped]
        back = list(imported.nodes.values())
        assert [(n.name, n.kind, n.nation) for n in back] == [
            (msdl_text(n.name, 255), n.kind, force.get(n.id, n.nation)) for n in kept
        ]
        to_model = {b.id: k.id for b, k in zip(back, kept, strict=True)}
        model_links = {
            (lk.from_node, lk.to_node): lk for lk in model.links_in(phase) if lk.key not in dropped
        }
        changed = {o.item for o in exported.omissions if o.changed}
        for link in imported.links:
            original = model_links[(to_model[link.from_node], to_model[link.to_node])]
            if original.relation == "support":
                assert link.relation == "support"
            elif link.relation != "adcon" or link.note is None:  # commanding superior
                assert (
                    link.relation == MSDL_RELATIONS[MSDL_COMMAND_RELATIONSHIPS[original.relation]]
                )
                assert (link.confidence == "low") == (original.key in changed)
        written = [
            lk
            for lk in model.links_in(phase)
            if lk.key not in dropped and (lk.is_authority or lk.relation == "support")
        ]
        assert len(imported.links) == len(written)


# -------------------------------------------- public MSDL scenarios (C2GRAPH_SCHEMAS)

#: What each public scenario of orbat-mapper/msdllib (src/test/data) holds, counted by hand:
#: units, command links (all ATTACHED), equipment items under Organizations (the NETN file's
#: Deployment section names two more, which are references); the two files without units
#: are refused.
PUBLIC = {
    "SimpleScenario.xml": (6, 4, 3),
    "SimpleScenarioNETN.xml": (6, 4, 2),
    "TestScenario2.xml": (6, 4, 4),
}


def test_public_msdl_scenarios():
    files = sample_files("msdl-samples")
    read = {}
    for path in files:
        if path.name in ("minimal.xml", "ForceSideMinimal.xml"):
            with pytest.raises(ModelError, match="the file has no units"):
                read_msdl(path)
            continue
        result = read_msdl(path)
        model = load_model_data(result.data)
        equipment = next(n for n in result.notes if "equipment" in n)
        read[path.name] = (len(model.nodes), len(model.links), int(equipment.split()[0]))
        assert {lk.relation for lk in model.links} == {"command"}
        assert {lk.note for lk in model.links} == {
            "MSDL ATTACHED: under the command of the gaining unit (FM 3-0)."
        }
    assert read == {name: PUBLIC[name] for name in read}
    assert set(read) == set(PUBLIC)
