"""Loading model files: good files, each validation rule with its exact message and line."""

from __future__ import annotations

import json

import pytest

from c2graph import InputFileError, ModelError, load_model, load_model_data
from c2graph.modelfile.fields import SECTIONS
from c2graph.vocabulary import NODE_KINDS, RELATIONS

RELATION_LIST = ", ".join(RELATIONS)
KIND_LIST = ", ".join(NODE_KINDS)
TOP_KEYS = ", ".join(SECTIONS["model"])  # the allowed list grows with the format


@pytest.fixture
def problems(write_model):
    """Write a model, load it, and return its problems as lines with the path as 'm.yaml'."""

    def run(text: str, name: str = "m.yaml") -> list[str]:
        path = write_model(text, name)
        with pytest.raises(ModelError) as err:
            load_model(path)
        return [str(p).replace(str(path), name, 1) for p in err.value.problems]

    return run


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# -- good files -----------------------------------------------------------------------------


def test_minimal_model_loads(write_model, minimal_text):
    model = load_model(write_model(minimal_text))
    assert list(model.nodes) == ["pm", "hq", "unit"]
    assert model.phase_ids == ("peacetime", "gray-zone", "armed-attack")
    assert [link.key for link in model.links] == ["pm->hq:command", "hq->unit:opcon"]
    assert model.name == "demo"
    assert model.as_of == "2025-03-24"


def test_dates_and_norway_stay_strings(write_model, minimal_text):
    text = edit(
        minimal_text, "{id: unit, name: Unit, nation: JP", "{id: unit, name: yes, nation: NO"
    )
    model = load_model(write_model(text))
    assert model.as_of == "2025-03-24"
    assert model.node("unit").nation == "NO"
    assert model.node("unit").name == "yes"


def test_optional_keys_and_names_in_other_languages(write_model, minimal_text):
    text = minimal_text + (
        "sources:\n  - {id: s1, title: Defense of Japan 2025, date: 2025-07}\n"
        "locations:\n  - {id: ichigaya, name: Ichigaya, lat: 35.69, lon: 139.73, utc_offset: 9}\n"
    )
    text = edit(
        text,
        "{id: hq, name: Joint HQ, nation: JP, kind: headquarters}",
        "{id: hq, name: Joint HQ, name_ja: 統合作戦司令部, nation: JP, kind: headquarters,"
        " location: ichigaya, source: s1, short: JJOC}",
    )
    model = load_model(write_model(text))
    hq = model.node("hq")
    assert hq.label("ja") == "統合作戦司令部"
    assert hq.label("ko") == "Joint HQ"
    assert (hq.location, hq.source, hq.short) == ("ichigaya", "s1", "JJOC")
    assert model.sources["s1"].date == "2025-07"
    assert model.locations["ichigaya"].utc_offset == 9


def test_byte_order_mark_is_accepted(tmp_path, minimal_text):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + minimal_text.encode("utf-8"))
    assert load_model(path).name == "demo"


def test_json_model_loads_like_yaml(tmp_path, write_model, minimal_text):
    yaml_model = load_model(write_model(minimal_text))
    path = tmp_path / "m.json"
    path.write_text(json.dumps(yaml_model.to_dict(), indent=2), encoding="utf-8")
    json_model = load_model(path)
    assert json_model.links == yaml_model.links
    assert dict(json_model.nodes) == dict(yaml_model.nodes)


def test_load_model_data_builds_in_memory():
    model = load_model_data(
        {
            "name": "x",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": [
                {"id": "a", "name": "A", "nation": "US", "kind": "unit"},
                {"id": "b", "name": "B", "nation": "US", "kind": "unit"},
            ],
            "links": [{"from": "a", "to": "b", "relation": "tacon"}],
        }
    )
    assert model.path == "<data>"
    assert [link.ends for link in model.links] == [("a", "b", "tacon")]


# -- structure: keys, types, enums, formats -------------------------------------------------

STRUCTURE_CASES = {
    "unknown top key with hint": (
        ("name: demo\n", "name: demo\nnodez: []\n"),
        [f"m.yaml:2: nodez: unknown key 'nodez' (did you mean 'nodes'?); allowed: {TOP_KEYS}"],
    ),
    "unknown node key with hint": (
        ("kind: unit}", "kind: unit, natoin: JP}"),
        [
            "m.yaml:10: nodes[2] (id='unit') → natoin: unknown key 'natoin' (did you mean "
            "'nation'?); allowed: id, name, nation, kind, location, echelon, short, phases, "
            "office_hours, watch, relay, source, confidence, note"
        ],
    ),
    "missing required node key": (
        ("{id: unit, name: Unit, nation: JP, kind: unit}", "{id: unit, nation: JP, kind: unit}"),
        ["m.yaml:10: nodes[2] (id='unit'): missing required key 'name'"],
    ),
    "missing required link keys": (
        ("{from: hq, to: unit, relation: opcon}", "{from: hq}"),
        [
            "m.yaml:13: links[1] (from='hq'): missing required key 'relation'",
            "m.yaml:13: links[1] (from='hq'): missing required key 'to'",
        ],
    ),
    "number where text is expected": (
        ("name: demo", "name: 12"),
        ["m.yaml:1: name: expected text, got number 12; quote it"],
    ),
    "boolean where text is expected": (
        ("{id: unit, name: Unit,", "{id: unit, name: true,"),
        ["m.yaml:10: nodes[2] (id='unit') → name: expected text, got boolean true; quote it"],
    ),
    "number as id": (
        ("{id: unit,", "{id: 7,"),
        [
            "m.yaml:10: nodes[2] → id: expected an id (text), got number 7; quote it",
            "m.yaml:13: links[1] (from='hq', to='unit') → to: unknown node 'unit'; define it under "
            "'nodes'",
        ],
    ),
    "mapping where a list is expected": (
        ("nodes:\n  - {id: pm", "nodes:\n  x: {id: pm"),
        None,  # YAML syntax: checked separately
    ),
    "list where a mapping is expected": (
        ("  - {id: unit, name: Unit, nation: JP, kind: unit}", "  - [unit, Unit, JP, unit]"),
        [
            "m.yaml:10: nodes[2]: expected a mapping with keys id, name, nation, kind, location, "
            "echelon, short, phases, office_hours, watch, relay, source, confidence, note, got "
            "a list",
            "m.yaml:13: links[1] (from='hq', to='unit') → to: unknown node 'unit'; define it under "
            "'nodes'",
        ],
    ),
    "text where a list is expected": (
        ("links:\n", "sources: none\nlinks:\n"),
        ["m.yaml:11: sources: expected a list, got text 'none'"],
    ),
    "bad relation with hint": (
        ("relation: opcon", "relation: opcom"),
        [
            f"m.yaml:13: links[1] (from='hq', to='unit') → relation: expected one of "
            f"{RELATION_LIST}, got 'opcom' (did you mean 'opcon' or 'cocom'?)"
        ],
    ),
    "bad kind without hint": (
        ("kind: unit}", "kind: battleship}"),
        [f"m.yaml:10: nodes[2] (id='unit') → kind: expected one of {KIND_LIST}, got 'battleship'"],
    ),
    "bad confidence": (
        ("relation: opcon}", "relation: opcon, confidence: certain}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → confidence: expected one of high, "
            "medium, low, got 'certain'"
        ],
    ),
    "bad date": (
        ("as_of: 2025-03-24", "as_of: 2025-13-01"),
        ["m.yaml:2: as_of: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2025-13-01'"],
    ),
    "unquoted year is a number": (
        ("as_of: 2025-03-24", "as_of: 2025"),
        ["m.yaml:2: as_of: expected text, got number 2025; quote it"],
    ),
    "bad nation": (
        ("{id: unit, name: Unit, nation: JP", "{id: unit, name: Unit, nation: Japan"),
        [
            "m.yaml:10: nodes[2] (id='unit') → nation: expected a country code in capitals (JP, "
            "US, KR, ...), 'alliance' or 'multinational', got 'Japan'"
        ],
    ),
    "id with a space": (
        ("{id: unit,", "{id: 'my unit',"),
        [
            "m.yaml:10: nodes[2] (id='my unit') → id: expected an id without spaces, control or "
            "invisible characters (1-200 characters), got 'my unit'",
            "m.yaml:13: links[1] (from='hq', to='unit') → to: unknown node 'unit' (did you mean "
            "'my unit'?)",
        ],
    ),
    "location out of range": (
        ("links:\n", "locations:\n  - {id: x, name: X, lat: 95, lon: 0, utc_offset: 9}\nlinks:\n"),
        ["m.yaml:12: locations[0] (id='x') → lat: expected a number from -90 to 90, got 95"],
    ),
    "name in another language must be text": (
        ("{id: unit, name: Unit,", "{id: unit, name: Unit, name_ja: 5,"),
        ["m.yaml:10: nodes[2] (id='unit') → name_ja: expected text, got number 5"],
    ),
    "empty phases list on a link": (
        ("relation: opcon}", "relation: opcon, phases: []}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: an empty list of phases means "
            "the item never holds: remove the item or name its phases"
        ],
    ),
    "phases as a bare id": (
        ("relation: opcon}", "relation: opcon, phases: peacetime}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: expected 'all', a list of "
            "phase ids or {from: PHASE}, got text 'peacetime'"
        ],
    ),
    "phase range without from": (
        ("relation: opcon}", "relation: opcon, phases: {to: gray-zone, until: x}}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: a phase range needs 'from' "
            "(the first phase)",
            "m.yaml:13: links[1] (from='hq', to='unit') → phases → until: unknown key 'until'; "
            "a phase range has 'from' and optionally 'to'",
        ],
    ),
    "text where a list of ids is expected": (
        (
            "{id: armed-attack, name: Armed attack}",
            "{id: armed-attack, name: Armed attack, approval: pm}",
        ),
        [
            "m.yaml:6: phases[2] (id='armed-attack') → approval: expected a list of ids, "
            "got text 'pm'"
        ],
    ),
    "text where a number is expected": (
        (
            "links:\n",
            "locations:\n  - {id: x, name: X, lat: '35', lon: 0, utc_offset: 9}\nlinks:\n",
        ),
        [
            "m.yaml:12: locations[0] (id='x') → lat: expected a number, got text '35'; write it "
            "without quotes"
        ],
    ),
    "remove without extends": (
        ("links:\n", "remove: {nodes: [pm]}\nlinks:\n"),
        ["m.yaml:11: remove: 'remove' is only allowed in a model that has 'extends'"],
    ),
}


@pytest.mark.parametrize("case", [c for c, (_, exp) in STRUCTURE_CASES.items() if exp])
def test_structure_problem_message_and_line(problems, minimal_text, case):
    (old, new), expected = STRUCTURE_CASES[case]
    assert problems(edit(minimal_text, old, new)) == expected


def test_missing_top_level_keys(problems):
    assert problems("description: nothing else\n") == [
        "m.yaml:1: missing required key 'as_of'",
        "m.yaml:1: missing required key 'name'",
        "m.yaml:1: missing required key 'nodes'",
        "m.yaml:1: missing required key 'phases'",
    ]


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file(problems, text):
    assert problems(text) == [
        "m.yaml: the file is empty: a model needs at least name, as_of, phases and nodes"
    ]


@pytest.mark.parametrize(
    ("text", "got"), [("- a\n- b\n", "a list"), ("hello\n", "text (5 characters)")]
)
def test_top_level_must_be_a_mapping(problems, text, got):
    assert problems(text) == [f"m.yaml:1: expected a mapping of model keys at the top, got {got}"]


def test_three_problems_reported_together_sorted_by_line(problems, minimal_text):
    text = edit(minimal_text, "relation: opcon", "relation: opcom")
    text = edit(text, "kind: unit}", "kind: unti}")
    text = edit(text, "name: demo", "name: demo\nfoo: 1")
    found = problems(text)
    assert [line.split(":")[1] for line in found] == ["2", "11", "14"]
    assert found[0] == f"m.yaml:2: foo: unknown key 'foo'; allowed: {TOP_KEYS}"
    assert found[1].startswith("m.yaml:11: nodes[2] (id='unit') → kind: expected one of")
    assert found[1].endswith("got 'unti' (did you mean 'unit'?)")
    assert found[2].startswith("m.yaml:14: links[1] (from='hq', to='unit') → relation:")


# -- references, duplicates, cycles ---------------------------------------------------------

SEMANTIC_CASES = {
    "unknown node with hint": (
        ("{from: pm, to: hq,", "{from: pmm, to: hq,"),
        [
            "m.yaml:12: links[0] (from='pmm', to='hq') → from: unknown node 'pmm' (did you "
            "mean 'pm'?)"
        ],
    ),
    "unknown node without hint": (
        ("{from: hq, to: unit,", "{from: hq, to: zzz,"),
        [
            "m.yaml:13: links[1] (from='hq', to='zzz') → to: unknown node 'zzz'; define it under "
            "'nodes'"
        ],
    ),
    "unknown source": (
        ("{from: pm, to: hq,", "{from: pm, to: hq, source: s1,"),
        [
            "m.yaml:12: links[0] (from='pm', to='hq') → source: unknown source 's1'; define it "
            "under 'sources'"
        ],
    ),
    "unknown location": (
        ("kind: unit}", "kind: unit, location: base}"),
        [
            "m.yaml:10: nodes[2] (id='unit') → location: unknown location 'base'; define it under "
            "'locations'"
        ],
    ),
    "unknown phase in a list": (
        ("relation: opcon}", "relation: opcon, phases: [peace]}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: unknown phase 'peace' (did you "
            "mean 'peacetime'?); the model's phases: peacetime, gray-zone, armed-attack"
        ],
    ),
    "unknown phase in a range": (
        ("relation: opcon}", "relation: opcon, phases: {from: war}}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: unknown phase 'war'; the "
            "model's phases: peacetime, gray-zone, armed-attack"
        ],
    ),
    "unknown declaring node": (
        (
            "{id: gray-zone, name: Gray zone}",
            "{id: gray-zone, name: Gray zone, declared_by: pmm, approval: [diet]}",
        ),
        [
            "m.yaml:5: phases[1] (id='gray-zone') → approval: unknown node 'diet'; define it "
            "under 'nodes'",
            "m.yaml:5: phases[1] (id='gray-zone') → declared_by: unknown node 'pmm' (did you "
            "mean 'pm'?)",
        ],
    ),
    "duplicate node id": (
        ("{id: unit, name: Unit", "{id: hq, name: Unit"),
        [
            "m.yaml:10: nodes[2] (id='hq') → id: duplicate node id 'hq' (first on line 9): ids "
            "must be unique within 'nodes'",
            "m.yaml:13: links[1] (from='hq', to='unit') → to: unknown node 'unit'; define it "
            "under 'nodes'",
        ],
    ),
    "duplicate phase id": (
        ("{id: armed-attack,", "{id: peacetime,"),
        [
            "m.yaml:6: phases[2] (id='peacetime') → id: duplicate phase id 'peacetime' (first on "
            "line 4): ids must be unique within 'phases'"
        ],
    ),
    "self-link": (
        ("{from: hq, to: unit,", "{from: unit, to: unit,"),
        [
            "m.yaml:13: links[1] (from='unit', to='unit') → to: a link from 'unit' to itself; "
            "link two different nodes"
        ],
    ),
    "backwards phase range": (
        ("relation: opcon}", "relation: opcon, phases: {from: armed-attack, to: peacetime}}"),
        [
            "m.yaml:13: links[1] (from='hq', to='unit') → phases: phase range runs backwards: "
            "'peacetime' comes before 'armed-attack'"
        ],
    ),
    "duplicate link id": (
        ("{from: pm, to: hq,", "{id: L1, from: pm, to: hq,"),
        None,
    ),
}


@pytest.mark.parametrize("case", [c for c, (_, exp) in SEMANTIC_CASES.items() if exp])
def test_reference_problem_message_and_line(problems, minimal_text, case):
    (old, new), expected = SEMANTIC_CASES[case]
    assert problems(edit(minimal_text, old, new)) == expected


def test_duplicate_link_id(problems, minimal_text):
    text = edit(minimal_text, "{from: pm,", "{id: L1, from: pm,")
    text = edit(text, "{from: hq,", "{id: L1, from: hq,")
    assert problems(text) == [
        "m.yaml:13: links[1] (from='hq', to='unit') → id: duplicate link id 'L1' (first at line 12)"
    ]


def test_duplicate_link_with_overlapping_phases(problems, minimal_text):
    text = minimal_text + "  - {from: hq, to: unit, relation: opcon, phases: {from: gray-zone}}\n"
    assert problems(text) == [
        "m.yaml:14: links[2] (from='hq', to='unit'): duplicate link: the same from, to and "
        "relation already holds in phase 'gray-zone' (line 13); merge them or give disjoint "
        "phases"
    ]


def test_same_ends_in_disjoint_phases_are_two_links(write_model, minimal_text):
    text = edit(minimal_text, "relation: opcon}", "relation: opcon, phases: [peacetime]}")
    text += "  - {from: hq, to: unit, relation: opcon, phases: {from: gray-zone}}\n"
    model = load_model(write_model(text))
    assert [(link.key, sorted(link.phases)) for link in model.links[1:]] == [
        ("hq->unit:opcon", ["peacetime"]),
        ("hq->unit:opcon#2", ["armed-attack", "gray-zone"]),
    ]


def test_generated_link_key_avoids_explicit_ids(write_model, minimal_text):
    text = edit(
        minimal_text,
        "{from: hq, to: unit, relation: opcon}",
        "{id: 'pm->hq:command', from: hq, to: unit, relation: opcon}",
    )
    model = load_model(write_model(text))
    assert [link.key for link in model.links] == ["pm->hq:command#2", "pm->hq:command"]
    assert model.link("pm->hq:command").ends == ("hq", "unit", "opcon")


def test_authority_cycle_in_every_phase_is_one_problem_at_the_closing_link(problems, minimal_text):
    text = minimal_text + "  - {from: unit, to: pm, relation: tacon}\n"
    assert problems(text) == [
        "m.yaml:14: links[2] (from='unit', to='pm') → relation: authority cycle in phases "
        "'peacetime', 'gray-zone', 'armed-attack': pm → hq → unit → pm; authority must flow "
        "one way (make one of these links coordination or drop it)"
    ]


def test_authority_cycle_in_one_phase(problems, minimal_text):
    text = minimal_text + "  - {from: unit, to: pm, relation: adcon, phases: [gray-zone]}\n"
    assert problems(text) == [
        "m.yaml:14: links[2] (from='unit', to='pm') → relation: authority cycle in phase "
        "'gray-zone': pm → hq → unit → pm; authority must flow one way (make one of these "
        "links coordination or drop it)"
    ]


def test_cycle_only_across_different_phases_is_allowed(write_model, minimal_text):
    text = edit(minimal_text, "relation: opcon}", "relation: opcon, phases: [peacetime]}")
    text += "  - {from: unit, to: pm, relation: tacon, phases: {from: gray-zone}}\n"
    assert len(load_model(write_model(text)).links) == 3


def test_cycle_through_coordination_is_allowed(write_model, minimal_text):
    text = minimal_text + "  - {from: unit, to: pm, relation: liaison}\n"
    assert len(load_model(write_model(text)).links) == 3


def test_conduit_civil_command_and_shared_picture_links_load(write_model, minimal_text):
    text = edit(minimal_text, "relation: opcon}", "relation: transmits}")
    text += (
        "  - {from: pm, to: unit, relation: civil-command}\n"
        "  - {from: hq, to: pm, relation: shares-picture}\n"
    )
    model = load_model(write_model(text))
    assert [(link.key, link.is_authority) for link in model.links] == [
        ("pm->hq:command", True),
        ("hq->unit:transmits", True),
        ("pm->unit:civil-command", True),
        ("hq->pm:shares-picture", False),
    ]


def test_a_conduit_closing_a_cycle_is_an_authority_cycle(problems, minimal_text):
    text = minimal_text + "  - {from: unit, to: pm, relation: transmits}\n"
    assert problems(text) == [
        "m.yaml:14: links[2] (from='unit', to='pm') → relation: authority cycle in phases "
        "'peacetime', 'gray-zone', 'armed-attack': pm → hq → unit → pm; authority must flow "
        "one way (make one of these links coordination or drop it)"
    ]


def test_node_phases_make_a_cycle_vanish(write_model, minimal_text):
    # the closing link is written for every phase, but its tail exists only in peacetime
    text = edit(minimal_text, "kind: unit}", "kind: unit, phases: [peacetime]}")
    text += "  - {from: unit, to: pm, relation: tacon, phases: {from: gray-zone}}\n"
    model = load_model(write_model(text))
    assert model.links[2].phases == frozenset()


def test_empty_model(problems):
    assert problems("name: x\nas_of: '2025'\nphases: []\nnodes: []\n") == [
        "m.yaml:3: phases: the model has no phases: add at least one under 'phases'",
        "m.yaml:4: nodes: the model has no nodes: add at least one under 'nodes'",
    ]


def test_structure_and_reference_problems_in_one_run(problems, minimal_text):
    # a problem of structure does not hide those of references, duplicates or cycles
    text = edit(minimal_text, "kind: unit}", "kind: unti}")
    text = edit(text, "{from: pm, to: hq,", "{from: pmm, to: hq,")
    text = edit(text, "{id: hq, name: Joint HQ", "{id: hq, name: 12")
    text += "  - {from: unit, to: unit, relation: liaison}\n"
    assert problems(text) == [
        "m.yaml:9: nodes[1] (id='hq') → name: expected text, got number 12; quote it",
        f"m.yaml:10: nodes[2] (id='unit') → kind: expected one of {KIND_LIST}, got 'unti' "
        "(did you mean 'unit'?)",
        "m.yaml:12: links[0] (from='pmm', to='hq') → from: unknown node 'pmm' (did you mean 'pm'?)",
        "m.yaml:14: links[2] (from='unit', to='unit') → to: a link from 'unit' to itself; link "
        "two different nodes",
    ]


def test_a_section_that_is_not_a_list_holds_the_checks_across_sections(problems, minimal_text):
    text = edit(minimal_text, "{from: pm, to: hq, relation: command}", "{from: pmm, to: hq}")
    text = edit(text, "nodes:\n", "sources: 12\nnodes:\n")
    assert problems(text) == [
        "m.yaml:7: sources: expected a list, got number 12",
        "m.yaml:13: links[0] (from='pmm', to='hq'): missing required key 'relation'",
    ]


# -- phases ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("all", ["peacetime", "gray-zone", "armed-attack"]),
        ("[armed-attack, peacetime]", ["peacetime", "armed-attack"]),
        ("{from: gray-zone}", ["gray-zone", "armed-attack"]),
        ("{from: peacetime, to: gray-zone}", ["peacetime", "gray-zone"]),
        ("{from: gray-zone, to: gray-zone}", ["gray-zone"]),
    ],
)
def test_phase_specs(write_model, minimal_text, spec, expected):
    model = load_model(
        write_model(edit(minimal_text, "relation: opcon}", f"relation: opcon, phases: {spec}}}"))
    )
    link = model.links[1]
    assert sorted(link.phases, key=model.phase_ids.index) == expected


def test_node_phases_restrict_link_phases(write_model, minimal_text):
    text = edit(minimal_text, "kind: unit}", "kind: unit, phases: {from: gray-zone}}")
    text = edit(text, "relation: opcon}", "relation: opcon, phases: [peacetime, armed-attack]}")
    model = load_model(write_model(text))
    assert model.node("unit").phases == {"gray-zone", "armed-attack"}
    assert model.links[1].phases == {"armed-attack"}
    assert model.links[0].phases == {"peacetime", "gray-zone", "armed-attack"}


# -- unreadable files -----------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError, match=r"nope\.yaml: no such file$") as err:
        load_model(tmp_path / "nope.yaml")
    assert err.value.exit_code == 3


def test_directory(tmp_path):
    with pytest.raises(InputFileError) as err:
        load_model(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a model file"


def test_size_limit(write_model, minimal_text):
    path = write_model(minimal_text)
    size = len(minimal_text.encode())
    with pytest.raises(InputFileError) as err:
        load_model(path, max_bytes=100)
    assert str(err.value) == (
        f"{path}: {size:,} bytes is over the 100-byte limit for a model (all the files it "
        "reads together)"
    )
    assert load_model(path, max_bytes=size).name == "demo"


def test_not_utf8(tmp_path, minimal_text):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(
        minimal_text.encode() + b"  - {from: pm, to: unit, relation: liaison, note: caf\xe9}\n"
    )
    with pytest.raises(InputFileError) as err:
        load_model(path)
    offset = path.read_bytes().index(b"\xe9")
    assert str(err.value) == (
        f"{path}:14: not UTF-8 text (byte 0xe9 at offset {offset}); save the file as UTF-8"
    )


# -- load_model_data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            None,
            ["<data>:1: the file is empty: a model needs at least name, as_of, phases and nodes"],
        ),
        (
            {
                None: 1,
                "name": "x",
                "as_of": "2025",
                "phases": [{"id": "p", "name": "P"}],
                "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}],
            },
            ["<data>:1: keys must be text, got nothing (null)"],
        ),
    ],
)
def test_load_model_data_problems(data, expected):
    with pytest.raises(ModelError) as err:
        load_model_data(data)
    assert [str(p) for p in err.value.problems] == expected


def test_load_model_data_reports_objects_that_are_not_text():
    import datetime

    with pytest.raises(ModelError) as err:
        load_model_data(
            {
                "name": "x",
                "as_of": datetime.date(2025, 3, 24),
                "phases": [{"id": "p", "name": "P"}],
                "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}],
            }
        )
    assert [p.message for p in err.value.problems] == ["expected text, got date"]


def test_load_model_data_refuses_extends():
    with pytest.raises(ModelError, match="'extends' needs a model file on disk"):
        load_model_data({"extends": "base.yaml"})


# -- JSON files -----------------------------------------------------------------------------


def test_json_syntax_error_has_file_and_line(problems):
    assert problems('{"name": "x",\n "as_of": "2025",\n "phases": [,]}\n', "m.json") == [
        "m.json:3: JSON: Expecting value"
    ]


def test_json_duplicate_key_has_file_and_line(problems):
    assert problems('{"name": "x",\n "as_of": "2025",\n "name": "y"}\n', "m.json") == [
        "m.json:3: JSON: duplicate key 'name': keep one of them"
    ]


def test_json_problems_are_located_like_yaml(problems, minimal_text):
    import yaml

    data = yaml.safe_load(minimal_text)
    data["as_of"] = "2025-03-24"
    data["links"][1]["relation"] = "opcom"
    text = json.dumps(data, indent="\t")
    [problem] = problems(text, "m.json")
    line = text.splitlines().index('\t\t\t"relation": "opcom"') + 1
    assert problem.startswith(f"m.json:{line}: links[1] (from='hq', to='unit') → relation: ")


# -- ids and numbers mean one thing ---------------------------------------------------------

ID_EXPECTED = "expected an id without spaces, control or invisible characters (1-200 characters)"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ('"hq\\n"', "'hq\\n'"),
        ('"h\\u200bq"', "'h\\u200bq'"),
        ('"hq\\u202e"', "'hq\\u202e'"),
        ('"h\\xadq"', "'h\\xadq'"),
        ('"\\ufeffhq"', "'\\ufeffhq'"),
        ('"h\\x85q"', "'h\\x85q'"),
    ],
)
def test_ids_with_invisible_characters_are_refused(problems, minimal_text, written, shown):
    text = edit(minimal_text, "{id: hq, name: Joint HQ", f"{{id: {written}, name: Joint HQ")
    found = problems(text)
    assert found[0] == f"m.yaml:9: nodes[1] (id={shown}) → id: {ID_EXPECTED}, got {shown}"


@pytest.mark.parametrize(
    ("first", "second"),
    [("hq", "HQ"), ("caf\u00e9", "cafe\u0301"), ("hq", "\uff28\uff31"), ("Stra\u00dfe", "strasse")],
)
def test_ids_that_look_the_same_are_refused_naming_both(problems, minimal_text, first, second):
    text = minimal_text.replace("{id: hq,", f"{{id: '{first}',").replace(
        "to: hq,", f"to: '{first}',"
    )
    text = text.replace("{from: hq,", f"{{from: '{first}',")
    text += f"  - {{from: pm, to: '{second}', relation: liaison}}\n"
    text = edit(
        text, "links:", f"  - {{id: '{second}', name: Other, nation: JP, kind: unit}}\nlinks:"
    )
    assert problems(text) == [
        f"m.yaml:11: nodes[3] (id={second!r}) → id: node id {second!r} looks the same as "
        f"{first!r} (line 9): they differ only in case or Unicode form; rename one"
    ]


def test_link_ids_that_look_the_same(problems, minimal_text):
    text = edit(minimal_text, "relation: command}", "relation: command, id: Reserve}")
    text = edit(text, "relation: opcon}", "relation: opcon, id: reserve}")
    assert problems(text) == [
        "m.yaml:13: links[1] (from='hq', to='unit') → id: link id 'reserve' looks the same as "
        "'Reserve' (line 12): they differ only in case or Unicode form; rename one"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "1:30",
            "expected a number, got text '1:30'; write it as a decimal number (1:30 meaning "
            "1 and 30/60 is 1.5)",
        ),
        ("'35'", "expected a number, got text '35'; write it without quotes"),
        ("1e3", "expected a number, got text '1e3'; write it as a plain decimal number"),
        (".nan", "expected a finite number, got nan"),
        (".inf", "expected a finite number, got inf"),
    ],
)
def test_numbers_in_other_forms_are_refused_with_advice(problems, minimal_text, written, message):
    text = edit(
        minimal_text,
        "links:\n",
        f"locations:\n  - {{id: x, name: X, lat: 35, lon: {written}, utc_offset: 9}}\nlinks:\n",
    )
    assert problems(text) == [f"m.yaml:12: locations[0] (id='x') → lon: {message}"]


def test_leading_zeros_are_decimal(write_model, minimal_text):
    text = edit(
        minimal_text,
        "links:\n",
        "locations:\n  - {id: x, name: X, lat: 035, lon: 0139, utc_offset: 09}\nlinks:\n",
    )
    location = load_model(write_model(text)).locations["x"]
    assert (location.lat, location.lon, location.utc_offset) == (35, 139, 9)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://x.org/a b",
        "https://x.org/\\n![i](https://e.vil/i.png)",
        "//x.org",
    ],
)
def test_source_urls_must_be_web_addresses(problems, minimal_text, url):
    text = minimal_text + f'sources:\n  - {{id: s, title: T, url: "{url}"}}\n'
    found = problems(text)
    assert len(found) == 1
    assert found[0].startswith(
        "m.yaml:15: sources[0] (id='s') → url: expected an http:// or https:// address without "
        "spaces, got "
    )


def test_a_web_address_is_accepted(write_model, minimal_text):
    text = minimal_text + 'sources:\n  - {id: s, title: T, url: "HTTPS://x.org/a?b=c#d"}\n'
    assert load_model(write_model(text)).sources["s"].url == "HTTPS://x.org/a?b=c#d"


def test_long_numbers_are_described_not_quoted(problems, minimal_text):
    text = edit(
        minimal_text,
        "links:\n",
        "locations:\n  - {id: x, name: X, lat: " + "9" * 500 + ", lon: 0, utc_offset: 9}\nlinks:\n",
    )
    text = edit(text, "name: demo", "name: " + "1" * 300)
    assert problems(text) == [
        "m.yaml:1: name: expected text, got a number of 300 digits; quote it",
        "m.yaml:12: locations[0] (id='x') → lat: expected a number from -90 to 90, got a "
        "number of 500 digits",
    ]
