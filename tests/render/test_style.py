"""The style table: line styles by relation, nation order, legends for exactly what is drawn."""

from __future__ import annotations

import pytest

from c2graph.render.style import (
    CJK_FONT,
    FONT,
    KIND_STYLES,
    RELATION_STYLES,
    font_for,
    label_lines,
    legend_entries,
    nation_order,
    nation_style,
    printable,
)
from c2graph.vocabulary import NODE_KINDS, RELATIONS


def test_every_relation_and_kind_has_a_style():
    assert set(RELATION_STYLES) == set(RELATIONS)
    assert set(KIND_STYLES) == set(NODE_KINDS)


def test_command_lines_are_solid_and_lesser_authorities_dashed_or_dotted():
    assert {r: RELATION_STYLES[r].line for r in ("command", "cocom", "opcon")} == {
        "command": "solid",
        "cocom": "solid",
        "opcon": "solid",
    }
    assert {r: RELATION_STYLES[r].line for r in ("tacon", "adcon", "control", "support")} == {
        "tacon": "dashed",
        "adcon": "dotted",
        "control": "dashed",
        "support": "dotted",
    }


def test_coordination_class_shares_one_colour_distinct_from_authority():
    coordination = {
        RELATION_STYLES[r].colour for r in ("coordination", "liaison", "counterpart", "member")
    }
    authority = {
        RELATION_STYLES[r].colour
        for r in ("command", "cocom", "opcon", "tacon", "adcon", "control")
    }
    assert len(coordination) == 1
    assert not coordination & authority


def test_relations_are_told_apart_by_line_colour_or_arrowhead():
    looks = {
        (s.line, s.colour, s.arrowhead, s.both_ends, s.penwidth) for s in RELATION_STYLES.values()
    }
    assert len(looks) == len(RELATION_STYLES)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["US", "alliance", "JP"], ("JP", "alliance", "US")),
        (["US", "multinational", "KR", "alliance"], ("KR", "alliance", "multinational", "US")),
        (["US"], ("US",)),
    ],
)
def test_nation_order_puts_partner_left_alliance_middle_us_right(given, expected):
    assert nation_order(given) == expected


def test_unknown_countries_keep_their_colour_within_a_model():
    nations = ["AU", "JP", "PH", "US"]
    assert nation_style("PH", nations) == nation_style("PH", nations)
    assert nation_style("AU", nations).fill != nation_style("PH", nations).fill
    assert nation_style("JP").caption == "Japan"


def test_legend_lists_exactly_what_is_drawn_in_vocabulary_order():
    entries = legend_entries(
        kinds={"unit", "headquarters"},
        relations={"member", "tacon"},
        nations={"US", "JP"},
        marks=[("path", "chain of command to X")],
    )
    assert [(e.group, e.key, e.label) for e in entries] == [
        ("relation", "tacon", "TACON (tactical control)"),
        ("relation", "member", "member of a body"),
        ("kind", "headquarters", "headquarters"),
        ("kind", "unit", "unit"),
        ("nation", "JP", "Japan"),
        ("nation", "US", "United States"),
        ("mark", "path", "chain of command to X"),
    ]


def test_font_switches_to_cjk_for_japanese_text():
    assert font_for(["Joint Staff"]) == FONT
    assert font_for(["Joint Staff", "統合幕僚監部"]) == CJK_FONT


def test_label_lines_wrap_and_keep_newlines():
    assert label_lines("Japan Joint Operations Command") == ["Japan Joint Operations", "Command"]
    assert label_lines("a\nb") == ["a", "b"]
    assert label_lines("自衛隊統合作戦司令部の長い名前です", 22) == [
        "自衛隊統合作戦司令部の",
        "長い名前です",
    ]


def test_printable_replaces_what_svg_cannot_carry():
    assert printable("a\x00b\ud800c\r\nd\te") == "a\ufffdb\ufffdc\nd e"
