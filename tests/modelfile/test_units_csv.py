"""Bulk units from CSV: loading, the parent link, phases cells, and located errors."""

from __future__ import annotations

import pytest

from c2graph import ModelError, load_model
from c2graph.modelfile.units_csv import parse_phases_cell
from c2graph.vocabulary import NODE_KINDS

KINDS = ", ".join(NODE_KINDS)

MODEL = """\
name: demo
as_of: '2025'
phases:
  - {id: peacetime, name: Peacetime}
  - {id: gray-zone, name: Gray zone}
  - {id: armed-attack, name: Armed attack}
nodes:
  - {id: pm, name: Prime Minister, nation: JP, kind: political-authority}
units:
  - {file: oob.csv}
links:
  - {from: hq, to: b, relation: tacon, phases: [armed-attack]}
"""

#: The model without its link to units of UNITS, for units files of other units.
BARE = MODEL.replace("links:\n  - {from: hq, to: b, relation: tacon, phases: [armed-attack]}\n", "")

HEADER = "id,name,nation,kind,parent,relation,echelon,name_ja,phases\n"
UNITS = HEADER + (
    "hq,Joint HQ,JP,headquarters,pm,,theater,統合司令部,\n"
    "a,Unit A,JP,unit,hq,opcon,brigade,,\n"
    "b,Unit B,JP,unit,a,adcon,,,gray-zone..\n"
    "c,Unit C,JP,unit,,,,,peacetime;armed-attack\n"
)


@pytest.fixture
def write_units(write_model):
    """Write the model file and its units CSV; return the model's path."""

    def write(units: str, model: str = MODEL):
        write_model(units, name="oob.csv")
        return write_model(model)

    return write


def _problems(path) -> list[str]:
    with pytest.raises(ModelError) as err:
        load_model(path)
    return [str(p).replace(f"{path.parent}/", "") for p in err.value.problems]


def test_units_become_nodes_and_parent_links(write_units):
    model = load_model(write_units(UNITS))
    assert list(model.nodes) == ["pm", "hq", "a", "b", "c"]
    assert model.node("hq").echelon == "theater"
    assert model.node("hq").label("ja") == "統合司令部"
    assert [(link.from_node, link.to_node, link.relation) for link in model.links] == [
        ("hq", "b", "tacon"),
        ("pm", "hq", "command"),
        ("hq", "a", "opcon"),
        ("a", "b", "adcon"),
    ]


def test_phases_cells_resolve_like_the_model_file(write_units):
    model = load_model(write_units(UNITS))
    assert model.node("b").phases == {"gray-zone", "armed-attack"}
    assert model.node("c").phases == {"peacetime", "armed-attack"}
    assert model.node("a").phases == {"peacetime", "gray-zone", "armed-attack"}
    assert model.link("a->b:adcon").phases == {"gray-zone", "armed-attack"}


def test_csv_and_yaml_give_the_same_model(write_units, write_model):
    from_csv = load_model(write_units(UNITS))
    inline = (
        MODEL.replace("units:\n  - {file: oob.csv}\n", "")
        .replace(
            "nodes:\n  - {id: pm",
            "nodes:\n"
            "  - {id: hq, name: Joint HQ, nation: JP, kind: headquarters, echelon: theater,"
            " name_ja: 統合司令部}\n"
            "  - {id: a, name: Unit A, nation: JP, kind: unit, echelon: brigade}\n"
            "  - {id: b, name: Unit B, nation: JP, kind: unit, phases: {from: gray-zone}}\n"
            "  - {id: c, name: Unit C, nation: JP, kind: unit, phases: [peacetime, armed-attack]}\n"
            "  - {id: pm",
        )
        .replace(
            "links:\n",
            "links:\n  - {from: pm, to: hq, relation: command}\n"
            "  - {from: hq, to: a, relation: opcon}\n  - {from: a, to: b, relation: adcon}\n",
        )
    )
    from_yaml = load_model(write_model(inline, name="inline.yaml"))
    assert from_csv.nodes == from_yaml.nodes
    assert sorted(from_csv.links, key=lambda x: x.key) == sorted(
        from_yaml.links, key=lambda x: x.key
    )


def test_model_without_nodes_key_takes_all_units(write_units):
    model_text = MODEL.replace(
        "nodes:\n  - {id: pm, name: Prime Minister, nation: JP, kind: political-authority}\n", ""
    ).replace("links:\n  - {from: hq, to: b, relation: tacon, phases: [armed-attack]}\n", "")
    model = load_model(write_units(HEADER + "x,X,JP,unit,,,,,\ny,Y,JP,unit,x,,,,\n", model_text))
    assert list(model.nodes) == ["x", "y"]
    assert [link.key for link in model.links] == ["x->y:command"]


def test_cell_errors_name_file_line_column_and_unit(write_units):
    units = UNITS.replace("a,adcon", "a,opcom").replace("c,Unit C,JP,unit", "c,Unit C,JP,unt")
    assert _problems(write_units(units)) == [
        "oob.csv:4: column 6 (relation), unit 'b': expected an authority relation (command, "
        "cocom, opcon, tacon, transmits, adcon, civil-command, control), got 'opcom' "
        "(did you mean 'opcon' or 'cocom'?); give other links under 'links' in the model file",
        "oob.csv:5: column 4 (kind), unit 'c': expected one of political-authority, "
        "legislature, ministry, staff, headquarters, component, unit, agency, "
        "coordination-body, forum, got 'unt' (did you mean 'unit'?)",
    ]


def test_reference_errors_point_at_the_csv_cell(write_units):
    units = UNITS.replace("b,Unit B,JP,unit,a", "b,Unit B,JP,unit,zz").replace(
        "peacetime;armed", "peace;armed"
    )
    assert _problems(write_units(units)) == [
        "oob.csv:4: column 5 (parent), unit 'b': unknown node 'zz'; define it under 'nodes'",
        "oob.csv:5: column 9 (phases), unit 'c': unknown phase 'peace' (did you mean 'peacetime'?)"
        "; the model's phases: peacetime, gray-zone, armed-attack",
    ]


def test_duplicate_id_across_model_and_csv(write_units):
    assert _problems(write_units(UNITS + "pm,Again,JP,unit,,,,,\n")) == [
        "oob.csv:6: column 1 (id), unit 'pm': duplicate node id 'pm' (first at model.yaml:8): "
        "ids must be unique within 'nodes'",
    ]


def test_authority_cycle_through_parents_is_reported(write_units):
    units = UNITS.replace("a,Unit A,JP,unit,hq", "a,Unit A,JP,unit,b").replace("gray-zone..", "")
    problems = _problems(write_units(units))
    assert len(problems) == 1
    assert problems[0].startswith("oob.csv:")
    assert "authority cycle in phases 'peacetime', 'gray-zone', 'armed-attack'" in problems[0]


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        (HEADER + "x,X,JP,unit\n", "oob.csv:2: expected 9 cells as in the header, got 4"),
        (
            "id,name,nation,kind,parnt\n",
            "oob.csv:1: unknown column 'parnt' (did you mean 'parent'?); allowed: id, name, "
            "nation, kind, location, echelon, short, phases, source, confidence, note, parent, "
            "relation, name_xx",
        ),
        ("id,name,nation\n", "oob.csv:1: missing required column 'kind'"),
        ("id,name,nation,kind,id\n", "oob.csv:1: column 'id' appears twice"),
        ("", "oob.csv: the units file is empty: it needs a header row (id,name,nation,kind,...)"),
        (
            HEADER + "x,X,JP,unit,,opcon,,,\n",
            "oob.csv:2: column 6 (relation), unit 'x': a relation needs a parent: fill in the "
            "parent column or clear this cell",
        ),
        (HEADER + 'x,"X,JP,unit,,,,,\n', "oob.csv:2: CSV: unexpected end of data"),
        (HEADER + "x,,JP,unit,,,,,\n", "oob.csv:2: column 2 (name), unit 'x': the name is empty"),
        (
            HEADER + "x y,X,JP,unit,,,,,\n",
            "oob.csv:2: column 1 (id), unit 'x y': expected an id without spaces, control or "
            "invisible characters (1-200 characters), got 'x y'",
        ),
        (
            HEADER + "x,X,jp,unit,,,,,\n",
            "oob.csv:2: column 3 (nation), unit 'x': expected a country code in capitals (JP, US, "
            "KR, ...), 'alliance' or 'multinational', got 'jp'",
        ),
        ('id,"name"x,nation,kind\n', "oob.csv:1: CSV: ',' expected after '\"'"),
        (
            HEADER + "x,X,JP,unit,p m,,,,\n",
            "oob.csv:2: column 5 (parent), unit 'x': expected an id without spaces, control or "
            "invisible characters (1-200 characters), got 'p m'",
        ),
        (
            HEADER + "x,X,JP,unit,pm,support,,,\n",
            "oob.csv:2: column 6 (relation), unit 'x': expected an authority relation (command, "
            "cocom, opcon, tacon, transmits, adcon, civil-command, control), got 'support'; "
            "give other links under 'links' in the model file",
        ),
        (
            HEADER + "x,X,JP,unit,,,,,peacetime;;armed-attack\n",
            "oob.csv:2: column 9 (phases), unit 'x': expected an id without spaces, control or "
            "invisible characters (1-200 characters), got ''",
        ),
    ],
)
def test_malformed_csv(write_units, units, expected):
    # the model has no link, so that the CSV's problem is the only one
    assert _problems(write_units(units, BARE)) == [expected]


def test_csv_cell_problems_come_with_the_model_s_problems(write_units):
    # one run lists the problem of a cell and those the rest of the model has
    units = UNITS.replace("a,Unit A,JP,unit,hq", "a,Unit A,JP,unt,hq")
    model = MODEL.replace("to: b, relation: tacon", "to: bb, relation: tacon")
    assert _problems(write_units(units, model)) == [
        "model.yaml:12: links[0] (from='hq', to='bb') → to: unknown node 'bb' (did you mean 'b'?)",
        "oob.csv:3: column 4 (kind), unit 'a': expected one of " + KINDS + ", got 'unt' (did you "
        "mean 'unit'?)",
    ]


def test_a_lost_csv_row_holds_the_checks_across_sections(write_units):
    # a row with the wrong number of cells loses its unit: what names it is not reported
    units = UNITS.replace("b,Unit B,JP,unit,a,adcon,,,gray-zone..", "b,Unit B")
    assert _problems(write_units(units)) == ["oob.csv:4: expected 9 cells as in the header, got 2"]


def test_missing_csv_is_reported_at_the_units_entry(write_model):
    path = write_model(MODEL)
    assert _problems(path) == [
        "model.yaml:10: units[0] → file: the units file 'oob.csv' cannot be read: no such file",
    ]


def test_units_path_is_relative_to_the_model_file(tmp_path, monkeypatch):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "oob.csv").write_text(UNITS.replace("pm,,", "zz,,"), encoding="utf-8")
    (folder / "m.yaml").write_text(MODEL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ModelError) as err:
        load_model("models/m.yaml")
    assert str(err.value) == (
        "models/oob.csv:2: column 5 (parent), unit 'hq': unknown node 'zz'; define it under 'nodes'"
    )


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("all", "all"),
        ("a", ["a"]),
        ("a; b", ["a", "b"]),
        ("a..", {"from": "a"}),
        ("a..b", {"from": "a", "to": "b"}),
    ],
)
def test_parse_phases_cell(cell, value):
    assert parse_phases_cell(cell) == value


def test_rows_without_a_cell_are_skipped_and_lines_still_count(write_units):
    units = HEADER + "\n,,,,,,,,\nx,X,JP,unit,pmm,,,,\n"
    assert _problems(write_units(units, BARE)) == [
        "oob.csv:4: column 5 (parent), unit 'x': unknown node 'pmm' (did you mean 'pm'?)",
    ]


def test_phases_all_and_a_source_cell(write_units):
    model_text = BARE + "sources:\n  - {id: s-oob, title: Order of battle}\n"
    header = "id,name,nation,kind,parent,phases,source\n"
    model = load_model(write_units(header + "x,X,JP,unit,pm,all,s-oob\n", model_text))
    assert model.node("x").phases == {"peacetime", "gray-zone", "armed-attack"}
    assert (model.node("x").source, model.link("pm->x:command").source) == ("s-oob", "s-oob")


def test_an_unknown_source_cell_is_one_problem_for_the_unit_and_its_link(write_units):
    header = "id,name,nation,kind,parent,source\n"
    assert _problems(write_units(header + "x,X,JP,unit,pm,s-x\n", BARE)) == [
        "oob.csv:2: column 6 (source), unit 'x': unknown source 's-x'; define it under 'sources'",
    ]


def test_a_parent_link_repeating_a_model_link_names_the_model_line(write_units):
    model_text = BARE + "links:\n  - {from: pm, to: x, relation: command}\n"
    path = write_units(HEADER + "x,X,JP,unit,pm,,,,\n", model_text)
    assert _problems(path) == [
        "oob.csv:2: unit 'x': duplicate link: the same from, to and relation already holds in "
        "phase 'peacetime' (model.yaml:12); merge them or give disjoint phases",
    ]


def test_a_cycle_without_a_relation_column_names_the_unit(write_units):
    header = "id,name,nation,kind,parent\n"
    assert _problems(write_units(header + "a,A,JP,unit,b\nb,B,JP,unit,a\n", BARE)) == [
        "oob.csv:3: unit 'b': authority cycle in phases 'peacetime', 'gray-zone', "
        "'armed-attack': b → a → b; authority must flow one way (make one of these links "
        "coordination or drop it)",
    ]


def test_a_unit_that_is_its_own_parent(write_units):
    assert _problems(write_units(HEADER + "x,X,JP,unit,x,,,,\n", BARE)) == [
        "oob.csv:2: column 1 (id), unit 'x': a link from 'x' to itself; link two different nodes",
    ]
