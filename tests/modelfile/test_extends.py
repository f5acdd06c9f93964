"""Variants written with ``extends``: additions, removals, changes and where errors point."""

from __future__ import annotations

import pytest

from c2graph import ModelError, load_model

HEAD = "extends: base.yaml\nname: variant\nas_of: '2026'\n"


@pytest.fixture
def base(write_model, minimal_text):
    """The minimal model plus a liaison back from the unit to the PM, as ``base.yaml``."""
    return write_model(minimal_text + "  - {from: unit, to: pm, relation: liaison}\n", "base.yaml")


@pytest.fixture
def variant(write_model, base):
    """Write a variant of ``base.yaml`` (its head is added) and load it."""

    def load(body: str, name: str = "child.yaml"):
        return load_model(write_model(HEAD + body, name))

    return load


@pytest.fixture
def variant_problems(write_model, base, tmp_path):
    """Write a variant, load it, and return its problems with paths relative to tmp_path."""

    def run(body: str, *, head: str = HEAD, name: str = "child.yaml") -> list[str]:
        with pytest.raises(ModelError) as err:
            load_model(write_model(head + body, name))
        return [str(p).replace(f"{tmp_path}/", "") for p in err.value.problems]

    return run


def test_variant_without_changes_equals_its_base(variant, base):
    model = variant("")
    original = load_model(base)
    assert (model.name, model.as_of, model.extends) == ("variant", "2026", "base.yaml")
    assert dict(model.nodes) == dict(original.nodes)
    assert model.links == original.links
    assert model.phases == original.phases


def test_add_nodes_and_links(variant):
    model = variant(
        "nodes:\n  - {id: jtf, name: Joint Task Force, nation: US, kind: "
        "headquarters}\nlinks:\n  - {from: hq, to: jtf, relation: coordination}\n"
    )
    assert list(model.nodes) == ["pm", "hq", "unit", "jtf"]
    assert model.links[-1].ends == ("hq", "jtf", "coordination")


def test_remove_node_removes_its_links(variant):
    model = variant("remove:\n  nodes: [unit]\n")
    assert list(model.nodes) == ["pm", "hq"]
    assert [link.ends for link in model.links] == [("pm", "hq", "command")]


def test_remove_link_by_ends(variant):
    model = variant("remove:\n  links:\n    - {from: unit, to: pm, relation: liaison}\n")
    assert [link.relation for link in model.links] == ["command", "opcon"]


def test_change_node_and_phase(variant):
    model = variant(
        "change:\n  nodes:\n    - {id: hq, name: JJOC, name_ja: 統合作戦司令部}\n"
        "  phases:\n    - {id: armed-attack, declared_by: pm, basis: Art. 76}\n"
    )
    assert model.node("hq").name == "JJOC"
    assert model.node("hq").label("ja") == "統合作戦司令部"
    assert model.node("hq").kind == "headquarters"
    assert (model.phase("armed-attack").declared_by, model.phase("armed-attack").basis) == (
        "pm",
        "Art. 76",
    )


def test_change_link_relation_and_phases(variant):
    model = variant(
        "change:\n  links:\n    - {from: hq, to: unit, relation: opcon, set: "
        "{relation: tacon, phases: {from: gray-zone}}}\n"
    )
    link = model.links[1]
    assert link.ends == ("hq", "unit", "tacon")
    assert link.phases == {"gray-zone", "armed-attack"}


def test_change_node_phases_restricts_its_links(variant):
    model = variant("change:\n  nodes:\n    - {id: unit, phases: [armed-attack]}\n")
    assert model.links[1].phases == {"armed-attack"}


def test_removing_every_node_is_an_empty_model(variant_problems):
    assert variant_problems("remove:\n  nodes: [pm, hq, unit]\n") == [
        "child.yaml:1: nodes: the model has no nodes: add at least one under 'nodes'"
    ]


def test_error_in_child_points_at_child_line(variant_problems):
    assert variant_problems("links:\n  - {from: hq, to: nobody, relation: support}\n") == [
        "child.yaml:5: links[0] (from='hq', to='nobody') → to: unknown node 'nobody'; define "
        "it under 'nodes'"
    ]


def test_error_in_base_points_at_base_line(write_model, minimal_text, variant_problems):
    write_model(minimal_text.replace("kind: unit}", "kind: unti}"), "base.yaml")
    [problem] = variant_problems("")
    assert problem.startswith("base.yaml:10: nodes[2] (id='unit') → kind: expected one of ")


def test_changed_key_error_points_at_the_change(variant_problems):
    assert variant_problems("change:\n  nodes:\n    - {id: hq, location: nowhere}\n") == [
        "child.yaml:6: change → nodes[0] (id='hq') → location: unknown location 'nowhere'; "
        "define it under 'locations'"
    ]


def test_unchanged_key_error_still_points_at_base(write_model, minimal_text, variant_problems):
    # the base's link names a node that the variant removes: the link goes with it, but a
    # base phase declared by that node is reported where the base wrote it
    text = minimal_text.replace(
        "{id: gray-zone, name: Gray zone}", "{id: gray-zone, name: Gray zone, declared_by: unit}"
    )
    write_model(text, "base.yaml")
    assert variant_problems("remove:\n  nodes: [unit]\n") == [
        "base.yaml:5: phases[1] (id='gray-zone') → declared_by: unknown node 'unit'; define "
        "it under 'nodes'"
    ]


def test_duplicate_of_a_base_link_names_the_base_line(variant_problems):
    assert variant_problems("links:\n  - {from: hq, to: unit, relation: opcon}\n") == [
        "child.yaml:5: links[0] (from='hq', to='unit'): duplicate link: the same from, to and "
        "relation already holds in phase 'peacetime' (base.yaml:13); merge them or give "
        "disjoint phases"
    ]


def test_added_link_closing_an_authority_cycle_is_reported_in_child(variant_problems):
    assert variant_problems("links:\n  - {from: unit, to: pm, relation: tacon}\n") == [
        "child.yaml:5: links[0] (from='unit', to='pm') → relation: authority cycle in phases "
        "'peacetime', 'gray-zone', 'armed-attack': pm → hq → unit → pm; authority must flow "
        "one way (make one of these links coordination or drop it)"
    ]


def test_changed_relation_closing_an_authority_cycle_is_reported_at_the_change(variant_problems):
    body = (
        "change:\n  links:\n    - {from: unit, to: pm, relation: liaison,\n"
        "       set: {relation: adcon}}\n"
    )
    assert variant_problems(body) == [
        "child.yaml:7: change → links[0] (from='unit', to='pm') → set → relation: authority "
        "cycle in phases 'peacetime', 'gray-zone', 'armed-attack': pm → hq → unit → pm; "
        "authority must flow one way (make one of these links coordination or drop it)"
    ]


def test_missing_base_is_reported_on_the_extends_line(variant_problems):
    head = "name: variant\nas_of: '2026'\nextends: nope.yaml\n"
    assert variant_problems("", head=head) == [
        "child.yaml:3: extends: the base model cannot be read: nope.yaml: no such file"
    ]


def test_extends_cycle(write_model, variant_problems):
    write_model("extends: b.yaml\nname: a\nas_of: '2026'\n", "a.yaml")
    head = "extends: a.yaml\nname: b\nas_of: '2026'\n"
    assert variant_problems("", head=head, name="b.yaml") == [
        "a.yaml:1: extends: 'extends' makes a cycle: b.yaml → a.yaml → b.yaml"
    ]


def test_extends_itself(variant_problems):
    head = "extends: self.yaml\nname: s\nas_of: '2026'\n"
    assert variant_problems("", head=head, name="self.yaml") == [
        "self.yaml:1: extends: 'extends' makes a cycle: self.yaml → self.yaml"
    ]


def test_ambiguous_link_match(write_model, minimal_text, variant_problems):
    text = minimal_text.replace("relation: opcon}", "relation: opcon, phases: [peacetime]}")
    write_model(
        text + "  - {from: hq, to: unit, relation: opcon, phases: [armed-attack]}\n", "base.yaml"
    )
    assert variant_problems("remove:\n  links:\n    - {from: hq, to: unit, relation: opcon}\n") == [
        "child.yaml:6: remove → links[0] (from='hq', to='unit'): 2 links of the base model "
        "match from='hq', to='unit', relation='opcon': give the link's 'id'"
    ]


def test_unmatched_removals_and_changes(variant_problems):
    body = (
        "remove:\n  nodes: [zz]\n  links:\n    - {id: nope}\n"
        "change:\n  nodes:\n    - {id: qq, name: Q}\n  links:\n"
        "    - {from: pm, to: hq, relation: opcon, set: {note: x}}\n"
    )
    assert variant_problems(body) == [
        "child.yaml:5: remove → nodes[0]: the base model has no node 'zz'",
        "child.yaml:7: remove → links[0] (id='nope'): the base model has no link with id 'nope'",
        "child.yaml:10: change → nodes[0] (id='qq') → id: the base model has no node 'qq'",
        "child.yaml:12: change → links[0] (from='pm', to='hq'): the base model has no link "
        "with from='pm', to='hq', relation='opcon'",
    ]


def test_variant_keeps_base_phases(variant_problems):
    assert variant_problems("phases: []\n") == [
        "child.yaml:4: phases: a model that extends another keeps its phases: use 'change: "
        "phases' to modify them"
    ]


def test_change_link_needs_set_and_a_match(variant_problems):
    assert variant_problems("change:\n  links:\n    - {from: pm}\n") == [
        "child.yaml:6: change → links[0] (from='pm'): give the link's 'id', or 'from', 'to' "
        "and 'relation'",
        "child.yaml:6: change → links[0] (from='pm'): missing required key 'set'",
    ]


def test_two_levels_of_variants(write_model, variant):
    variant("nodes:\n  - {id: jtf, name: JTF, nation: US, kind: headquarters}\n", "mid.yaml")
    model = load_model(
        write_model(
            "extends: mid.yaml\nname: top\nas_of: '2027'\nremove:\n  nodes: [jtf]\n", "top.yaml"
        )
    )
    assert list(model.nodes) == ["pm", "hq", "unit"]
    assert model.extends == "mid.yaml"


def test_a_variant_adding_a_node_its_base_has_is_told_to_change_it(variant_problems):
    body = "nodes:\n  - {id: hq, name: New HQ, nation: JP, kind: headquarters}\n"
    assert variant_problems(body) == [
        "child.yaml:5: nodes[0] (id='hq') → id: duplicate node id 'hq': the base model has it "
        "(base.yaml:9); to modify it, give its id and the keys to set under 'change: nodes' "
        "instead"
    ]


def test_a_variant_adding_a_source_its_base_has(write_model, minimal_text, variant_problems):
    write_model(minimal_text + "sources:\n  - {id: s1, title: Old}\n", "base.yaml")
    assert variant_problems("sources:\n  - {id: s1, title: New}\n") == [
        "child.yaml:5: sources[0] (id='s1') → id: duplicate source id 's1': the base model has "
        "it (base.yaml:15); remove this one, or give it another id"
    ]


def test_variant_problems_of_every_stage_in_one_run(variant_problems):
    body = (
        "nodes:\n  - {id: new, name: New, nation: jp, kind: unit}\n"
        "links:\n  - {from: new, to: nope, relation: opcon}\n"
        "remove:\n  nodes: [zz]\n"
    )
    assert variant_problems(body) == [
        "child.yaml:5: nodes[0] (id='new') → nation: expected a country code in capitals (JP, "
        "US, KR, ...), 'alliance' or 'multinational', got 'jp'",
        "child.yaml:7: links[0] (from='new', to='nope') → to: unknown node 'nope'; define it "
        "under 'nodes'",
        "child.yaml:9: remove → nodes[0]: the base model has no node 'zz'",
    ]
