"""What a diagram shows: nodes and links per phase, switches, labels, errors."""

from __future__ import annotations

import re

import pytest

from c2graph import QueryError
from c2graph.render.scene import build_scene


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
    assert {e.key for e in war.edges if "switch" in e.marks} == {
        "jp-hq->al-body:member",
        "us-cmd->al-body:member",
        "us-unit->jp-unit:support",
    }
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


def test_japanese_labels_where_the_model_has_them(tiny):
    scene = build_scene(tiny, phase="armed-attack", lang="ja")
    labels = {n.id: n.label for n in scene.panels[0].nodes}
    assert labels["jp-pm"] == "内閣総理大臣"
    assert labels["us-pres"] == "President"
    assert scene.panels[0].caption == "武力攻撃事態"


def test_short_name_is_kept_beside_the_label(tiny):
    hq = next(n for n in build_scene(tiny).panels[0].nodes if n.id == "jp-hq")
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
    ],
)
def test_bad_options_raise_query_error(tiny, options, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        build_scene(tiny, **options)
