"""What a diagram shows: nodes and links per phase, switches, labels, errors."""

from __future__ import annotations

import re

import pytest

from c2graph import QueryError
from c2graph.render.scene import build_scene

from .conftest import TINY, tiny_with


def test_one_phase_shows_its_nodes_and_links(tiny):
    scene = build_scene(tiny, phase="peacetime")
    (panel,) = scene.panels
    assert [n.id for n in panel.nodes] == [
        "jp-pm",
        "jp-hq",
        "jp-unit",
        "us-pres",
        "us-cmd",
        "us-unit",
    ]
    assert [e.relation for e in panel.edges] == [
        "command",
        "command",
        "command",
        "opcon",
        "counterpart",
    ]
    assert scene.nations == ("JP", "US")
    assert scene.subtitle == "as of 2025-03-24 · phase: Peacetime"


def test_default_phase_is_the_first(tiny):
    assert build_scene(tiny).panels[0].phase == "peacetime"


def test_panels_mark_what_switches_between_the_shown_phases(tiny):
    scene = build_scene(tiny, phases=["peacetime", "armed-attack"])
    peace, war = scene.panels
    assert not any(n.marks for n in peace.nodes)
    assert {n.id for n in war.nodes if "switch" in n.marks} == {"al-body"}
    assert {e.key for e in war.edges if "switch" in e.marks} == {"us-unit->jp-unit:support"}
    assert scene.subtitle == "as of 2025-03-24 · phases: Peacetime | Armed attack"
    assert [e.key for e in scene.legend if e.group == "mark"] == ["switch"]


def test_legend_follows_what_the_panels_draw(tiny):
    keys = [(e.group, e.key) for e in build_scene(tiny, phase="peacetime").legend]
    assert keys == [
        ("relation", "command"),
        ("relation", "opcon"),
        ("relation", "counterpart"),
        ("kind", "political-authority"),
        ("kind", "headquarters"),
        ("kind", "component"),
        ("kind", "unit"),
        ("nation", "JP"),
        ("nation", "US"),
    ]


def test_bodies_list_their_members_instead_of_member_lines(tiny):
    (panel,) = build_scene(tiny, phase="armed-attack").panels
    body = next(n for n in panel.nodes if n.id == "al-body")
    assert body.members == ("JJOC", "Indo-Pacific Command")
    assert panel.memberships == (("jp-hq", "al-body"), ("us-cmd", "al-body"))
    assert all(e.relation != "member" for e in panel.edges)
    notes = [e.key for e in build_scene(tiny, phase="armed-attack").legend if e.group == "note"]
    assert notes == ["members"]
    hidden = build_scene(tiny, phase="armed-attack", hide=["membership"]).panels[0]
    assert "al-body" not in {n.id for n in hidden.nodes}


def test_low_confidence_links_carry_it_and_the_legend_says_so():
    links = [dict(link) for link in TINY["links"]]
    links[3] |= {"confidence": "low"}
    scene = build_scene(tiny_with(links=links), phase="peacetime")
    assert [e.confidence for e in scene.panels[0].edges if e.relation == "opcon"] == ["low"]
    assert ("note", "low-confidence") in [(e.group, e.key) for e in scene.legend]


def test_focus_keeps_the_chains_up_and_down_and_the_counterparts(tiny):
    (panel,) = build_scene(tiny, phase="armed-attack", focus="jp-hq", depth=0).panels
    assert [n.id for n in panel.nodes] == ["jp-pm", "jp-hq", "al-body", "us-cmd"]
    assert [e.key for e in panel.edges] == ["jp-pm->jp-hq:command", "jp-hq->us-cmd:counterpart"]
    (deeper,) = build_scene(tiny, phase="armed-attack", focus="jp-hq").panels
    assert "jp-unit" in {n.id for n in deeper.nodes}


def test_nations_and_layer_select_nodes_and_links(tiny):
    (panel,) = build_scene(tiny, phase="armed-attack", nations=["JP"]).panels
    assert {n.nation for n in panel.nodes} == {"JP"}
    (ops,) = build_scene(tiny, phase="armed-attack", layer="operational").panels
    assert {e.relation for e in ops.edges} == {"command", "opcon"}
    assert "al-body" not in {n.id for n in ops.nodes}
    (no_coord,) = build_scene(tiny, phase="armed-attack", hide=["coordination"]).panels
    assert "counterpart" not in {e.relation for e in no_coord.edges}


def test_hover_titles_use_real_names_never_ids(tiny):
    (panel,) = build_scene(tiny, phase="armed-attack").panels
    support = next(e for e in panel.edges if e.relation == "support")
    assert support.title == "Air Force → Fleet: support\nphases: Armed attack"
    assert panel.nodes[1].title == "Joint HQ (JJOC)\nheadquarters · Japan\nphases: all"


def test_japanese_labels_where_the_model_has_them(tiny):
    scene = build_scene(tiny, phase="armed-attack", lang="ja")
    labels = {n.id: n.label for n in scene.panels[0].nodes}
    assert labels["jp-pm"] == "内閣総理大臣"
    assert labels["us-pres"] == "President"
    assert scene.panels[0].caption == "武力攻撃事態"


def test_slide_labels_with_the_short_name_a4_adds_the_full_name(tiny):
    hq = next(n for n in build_scene(tiny).panels[0].nodes if n.id == "jp-hq")
    assert (hq.short, hq.label) == (None, "JJOC")
    hq = next(n for n in build_scene(tiny, size="a4").panels[0].nodes if n.id == "jp-hq")
    assert (hq.short, hq.label) == ("JJOC", "Joint HQ")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"phase": "peacetime", "phases": ["peacetime"]},
            "give either one phase or a list of phases, not both",
        ),
        ({"phases": []}, "the list of phases is empty"),
        ({"phases": ["peacetime", "peacetime"]}, "a phase is listed twice: peacetime, peacetime"),
        ({"phase": "peace"}, "unknown phase id 'peace'"),
        ({"highlight_path": "jp-hqq"}, "unknown node id 'jp-hqq' (did you mean 'jp-hq'?)"),
        ({"removed": "nobody"}, "unknown node id 'nobody'"),
        ({"focus": "jp-hqq"}, "unknown node id 'jp-hqq' (did you mean 'jp-hq'?)"),
        ({"nations": ["FR"]}, "the model has no nation 'FR'; its nations are JP, alliance, US"),
        ({"layer": "ops"}, "unknown layer 'ops'; use one of operational, administrative"),
        ({"hide": ["links"]}, "cannot hide 'links'; use one or more of membership, operational"),
        ({"size": "a3"}, "unknown size 'a3'; use one of slide, a4, poster"),
        ({"focus": "jp-hq", "depth": -1}, "the depth must be 0 or more, not -1"),
    ],
)
def test_bad_options_raise_query_error(tiny, options, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        build_scene(tiny, **options)
