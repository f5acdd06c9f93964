"""The loaded model: immutability, phase views, lookups and the ``to_dict`` round trip."""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest

from c2graph import QueryError, load_model, load_model_data
from c2graph.model import PhaseRange


@pytest.fixture
def model(write_model, minimal_text):
    """The minimal model with a liaison in every phase and a TACON only from gray-zone on."""
    text = minimal_text + (
        "  - {from: unit, to: pm, relation: liaison}\n"
        "  - {id: reserve, from: pm, to: unit, relation: tacon, phases: {from: gray-zone}}\n"
    )
    text = text.replace(
        "{id: hq, name: Joint HQ, nation: JP, kind: headquarters}",
        "{id: hq, name: Joint HQ, nation: JP, kind: headquarters, phases: [peacetime, gray-zone]}",
    )
    return load_model(write_model(text))


def test_records_are_frozen(model):
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.name = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable type: 'Node'"):
        model.node("pm").name = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable type: 'Link'"):
        model.links[0].relation = "tacon"  # type: ignore[misc]
    with pytest.raises(TypeError):
        model.nodes["x"] = model.node("pm")  # type: ignore[index]
    with pytest.raises(AttributeError):
        model.node("pm").phases.add("x")  # type: ignore[attr-defined]


def test_graph_is_frozen_and_carries_the_attributes(model):
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        model.graph.add_node("x")
    assert model.graph.nodes["hq"] == {"name": "Joint HQ", "nation": "JP", "kind": "headquarters"}
    assert model.graph.edges["pm", "unit", "reserve"] == {
        "relation": "tacon",
        "authority": True,
        "phases": frozenset({"gray-zone", "armed-attack"}),
    }
    assert model.graph.edges["unit", "pm", "unit->pm:liaison"]["authority"] is False


def test_phase_graph_contents(model):
    peace = model.phase_graph("peacetime")
    assert sorted(peace.nodes) == ["hq", "pm", "unit"]
    assert sorted(peace.edges(keys=True)) == [
        ("hq", "unit", "hq->unit:opcon"),
        ("pm", "hq", "pm->hq:command"),
        ("unit", "pm", "unit->pm:liaison"),
    ]
    war = model.phase_graph("armed-attack")
    assert sorted(war.nodes) == ["pm", "unit"]  # hq exists only until gray-zone
    assert sorted(war.edges(keys=True)) == [
        ("pm", "unit", "reserve"),
        ("unit", "pm", "unit->pm:liaison"),
    ]


def test_authority_graph_contents(model):
    assert sorted(model.authority_graph("peacetime").edges()) == [("hq", "unit"), ("pm", "hq")]
    assert sorted(model.authority_graph("gray-zone").edges(keys=True)) == [
        ("hq", "unit", "hq->unit:opcon"),
        ("pm", "hq", "pm->hq:command"),
        ("pm", "unit", "reserve"),
    ]
    assert sorted(model.authority_graph("armed-attack").edges()) == [("pm", "unit")]


def test_views_are_read_only(model):
    with pytest.raises(nx.NetworkXError):
        model.phase_graph("peacetime").add_edge("pm", "unit")


def test_links_in(model):
    assert [link.key for link in model.links_in("armed-attack")] == ["unit->pm:liaison", "reserve"]
    assert [link.key for link in model.links_in("peacetime")] == [
        "pm->hq:command",
        "hq->unit:opcon",
        "unit->pm:liaison",
    ]


@pytest.mark.parametrize("call", ["phase_graph", "authority_graph", "links_in", "phase"])
def test_unknown_phase_names_closest(model, call):
    with pytest.raises(QueryError) as err:
        getattr(model, call)("armed_attack")
    assert str(err.value) == "unknown phase id 'armed_attack' (did you mean 'armed-attack'?)"
    assert err.value.exit_code == 2


def test_unknown_node_names_closest(model):
    with pytest.raises(QueryError) as err:
        model.node("unti")
    assert str(err.value) == "unknown node id 'unti' (did you mean 'unit'?)"
    with pytest.raises(QueryError, match=r"^unknown node id 'zzzz'$"):
        model.node("zzzz")


def test_link_lookup(model):
    assert model.link("reserve").ends == ("pm", "unit", "tacon")
    with pytest.raises(
        QueryError,
        match=r"^unknown link id 'reserv' "
        r"\(did you mean 'reserve'\?\)$",
    ):
        model.link("reserv")


def test_phases_order_and_specs(model):
    assert model.phase_ids == ("peacetime", "gray-zone", "armed-attack")
    assert [p.index for p in model.phases] == [0, 1, 2]
    assert model.link("reserve").phase_spec == PhaseRange("gray-zone")
    assert model.node("hq").phase_spec == ("peacetime", "gray-zone")
    assert model.node("pm").phase_spec == "all"
    assert model.link("reserve").is_authority
    assert not model.link("unit->pm:liaison").is_authority


def test_to_dict_round_trip(model):
    again = load_model_data(model.to_dict())
    assert again.phases == model.phases
    assert dict(again.nodes) == dict(model.nodes)
    assert again.links == model.links
    assert (again.name, again.as_of) == (model.name, model.as_of)


def test_to_dict_round_trip_with_every_optional_key(write_model, minimal_text):
    text = minimal_text.replace(
        "  - {id: armed-attack, name: Armed attack}",
        "  - {id: armed-attack, name: Armed attack, name_ja: 武力攻撃事態, nation: JP,\n"
        "     declared_by: pm, approval: [hq], basis: Art. 76, description: d, source: s,\n"
        "     confidence: high, note: n}",
    ) + (
        "  - {id: L, from: pm, to: unit, relation: adcon, phases: [peacetime], basis: b,\n"
        "     source: s, confidence: low, as_of: 2024-01, note: n}\n"
        "sources:\n  - {id: s, title: T, url: 'https://example.org', publisher: P, "
        "date: '2024', note: n}\n"
        "locations:\n  - {id: loc, name: Loc, lat: -1.5, lon: 2, utc_offset: 9, source: s, "
        "confidence: medium, note: n}\n"
        "considerations: {purpose: p, timeline: t}\n"
        "description: the whole thing\n"
    )
    model = load_model(write_model(text))
    data = model.to_dict()
    again = load_model_data(data)
    assert again.to_dict() == data
    assert again.phases == model.phases
    assert again.links == model.links
    assert dict(again.sources) == dict(model.sources)
    assert dict(again.locations) == dict(model.locations)
    assert again.considerations == model.considerations
    assert data["phases"][0] == {"id": "peacetime", "name": "Peacetime"}
    assert data["phases"][2]["approval"] == ["hq"]
    assert data["phases"][2]["name_ja"] == "武力攻撃事態"
