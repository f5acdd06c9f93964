"""Span of control, counterpart mismatches and distance / clock-offset gaps."""

from __future__ import annotations

import math

import pytest

from c2graph.analysis import (
    counterpart_mismatches,
    counterpart_table,
    distance_gaps,
    span_of_control,
)
from c2graph.analysis.frictions import forces_commanded
from c2graph.analysis.graphs import phase_graphs
from tests.builders import build, link

LOCATIONS = [
    {"id": "ichigaya", "name": "Ichigaya, Tokyo", "lat": 35.6931, "lon": 139.7286, "utc_offset": 9},
    {"id": "yokota", "name": "Yokota AB", "lat": 35.7485, "lon": 139.3487, "utc_offset": 9},
    {
        "id": "camp-smith",
        "name": "Camp H. M. Smith, Hawaii",
        "lat": 21.3891,
        "lon": -157.8998,
        "utc_offset": -10,
    },
]


def test_span_of_control_with_ties_and_threshold(alliance):
    result = span_of_control(alliance, phase="war", threshold=1)
    assert [(s.node, s.span) for s in result.spans] == [
        ("indo", 2),
        ("jhq", 2),
        ("mod", 1),
        ("pm", 1),
        ("pres", 1),
        ("secdef", 1),
    ]
    assert result.average == pytest.approx(8 / 6)
    assert result.over == ("indo", "jhq")
    assert span_of_control(alliance, phase="war").over == ()
    assert result.to_dict()["average"] == 1.333333


def test_span_of_control_per_layer(alliance):
    every = span_of_control(alliance, phase="war", threshold=1, layer="all")
    assert [(s.node, s.span) for s in every.spans][:4] == [
        ("indo", 2),
        ("jhq", 2),
        ("mod", 2),
        ("pm", 2),
    ]
    civil = span_of_control(alliance, phase="war", layer="civil")
    assert [(s.node, s.span) for s in civil.spans] == [("pm", 1)]


def test_parallel_links_count_one_subordinate():
    model = build(
        [("a", "JP", "headquarters"), ("b", "JP", "unit")],
        [link("a", "b", "opcon"), link("a", "b", "adcon")],
    )
    result = span_of_control(model, phase="peace")
    assert [(s.node, s.span) for s in result.spans] == [("a", 1)]


def test_span_undefined_without_authority():
    model = build(
        [("a", "JP", "headquarters"), ("b", "US", "unit")], [link("a", "b", "coordination")]
    )
    result = span_of_control(model, phase="peace")
    assert math.isnan(result.average) and result.spans == ()


def test_counterpart_mismatch(alliance):
    (found,) = counterpart_mismatches(alliance, phase="peace")
    assert found.to_dict() == {
        "links": ["jhq->usfj:counterpart"],
        "relations": ["counterpart"],
        "a": {
            "node": "jhq",
            "authority": "opcon",
            "role": "commands",
            "forces": ["fleet", "gcc"],
            "location": None,
        },
        "b": {"node": "usfj", "authority": "none", "role": "none", "forces": [], "location": None},
        "mismatch": True,
        "layer": "operational",
    }
    assert counterpart_table(alliance, phase="peace") == (found,)


def test_a_pair_joined_twice_is_one_row():
    model = build(
        [("jjoc", "JP", "headquarters"), ("usfj", "US", "headquarters"), ("ju", "JP", "unit")],
        [
            link("jjoc", "ju", "command"),
            link("jjoc", "usfj", "counterpart"),
            link("usfj", "jjoc", "coordination"),
        ],
        node_extra={"jjoc": {"location": "ichigaya"}, "usfj": {"location": "yokota"}},
        locations=LOCATIONS,
    )
    (pair,) = counterpart_mismatches(model, phase="peace")
    assert (pair.links, pair.relations) == (
        ("usfj->jjoc:coordination", "jjoc->usfj:counterpart"),
        ("coordination", "counterpart"),
    )
    assert (pair.a.location, pair.b.location, pair.a.forces) == ("ichigaya", "yokota", ("ju",))


def test_no_mismatch_when_both_or_neither_command_forces():
    model = build(
        [
            ("jp", "JP", "headquarters"),
            ("us", "US", "headquarters"),
            ("ju", "JP", "unit"),
            ("uu", "US", "unit"),
            ("jm", "JP", "ministry"),
            ("um", "US", "ministry"),
            ("acm", "alliance", "coordination-body"),
        ],
        [
            link("jp", "ju", "tacon"),
            link("us", "uu", "opcon"),
            link("jp", "us", "counterpart"),
            link("jm", "um", "coordination"),
            link("jm", "jp", "adcon"),
            link("acm", "us", "coordination"),
            link("jp", "us", "liaison"),
        ],
    )
    assert counterpart_mismatches(model, phase="peace") == ()


def test_mismatch_through_a_chain_and_adcon_only():
    model = build(
        [
            ("jm", "JP", "ministry"),
            ("jhq", "JP", "headquarters"),
            ("ju", "JP", "unit"),
            ("um", "US", "ministry"),
            ("uhq", "US", "staff"),
            ("uu", "US", "unit"),
        ],
        [
            link("jm", "jhq", "command"),
            link("jhq", "ju", "opcon"),
            link("um", "uhq", "command"),
            link("uhq", "uu", "adcon"),
            link("jm", "um", "counterpart"),
        ],
    )
    (found,) = counterpart_mismatches(model, phase="peace")
    assert (found.a.node, found.a.authority, found.b.node, found.b.authority) == (
        "jm",
        "command",
        "um",
        "none",
    )
    assert (found.a.forces, found.b.forces) == (("jhq", "ju"), ())


def test_distance_and_time_zone_gaps():
    model = build(
        [
            ("jjoc", "JP", "headquarters"),
            ("usfj", "US", "headquarters"),
            ("indo", "US", "headquarters"),
            ("x", "US", "unit"),
        ],
        [
            link("jjoc", "usfj", "counterpart"),
            link("indo", "usfj", "opcon"),
            link("indo", "jjoc", "coordination"),
            link("indo", "x", "opcon"),
        ],
        node_extra={
            "jjoc": {"location": "ichigaya"},
            "usfj": {"location": "yokota"},
            "indo": {"location": "camp-smith"},
        },
        locations=LOCATIONS,
    )
    gaps = distance_gaps(model, phase="peace")
    # Hawaii UTC-10 to Tokyo UTC+9: +19 h, which is -5 h on the clock and a calendar day
    # ahead (across the date line); no office hours in the model, so none shared.
    assert [(g.a, g.b, g.clock_offset, g.date_line, g.shared_hours) for g in gaps] == [
        ("indo", "usfj", -5, True, None),
        ("indo", "jjoc", -5, True, None),
        ("jjoc", "usfj", 0, False, None),
    ]
    assert gaps[0].km == pytest.approx(6200, abs=60)
    assert gaps[2].km == pytest.approx(34.6, abs=1)
    assert gaps[2].to_dict() == {
        "link": "jjoc->usfj:counterpart",
        "relation": "counterpart",
        "a": "jjoc",
        "b": "usfj",
        "km": gaps[2].km,
        "clock_offset": 0.0,
        "date_line": False,
        "shared_hours": None,
    }


def test_a_conduit_holds_only_transmits_over_forces_below_a_commander():
    model = build(
        [
            ("mod", "JP", "ministry"),
            ("jso", "JP", "staff"),
            ("fleet", "JP", "component"),
            ("ship", "JP", "unit"),
        ],
        [
            link("mod", "jso", "command"),
            link("jso", "fleet", "transmits"),
            link("fleet", "ship", "command"),
        ],
    )
    held = forces_commanded(phase_graphs(model, "peace").layer("operational"))
    assert held == {"mod": "command", "jso": "transmits", "fleet": "command", "ship": "none"}
