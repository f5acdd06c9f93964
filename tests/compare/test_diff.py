"""Structural diff: exact answers on tiny models, and its invariants as properties."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from c2graph import ModelError, QueryError, load_model_data
from c2graph.compare.diff import Diffs, structural_diff
from c2graph.compare.text import diff_lines
from c2graph.messages import messages
from tests.builders import build_peacetime_war as build
from tests.builders import link, node

BEFORE = build(
    [
        node("pm", "JP", "political-authority"),
        node("jso", "JP", "staff"),
        node("gcc", "JP", "component"),
        node("indo", "US", "headquarters"),
        node("usfj", "US", "headquarters", short="USFJ"),
    ],
    [
        link("pm", "jso", "command"),
        link("jso", "gcc", "opcon"),
        link("usfj", "gcc", "coordination", basis="Guidelines 2015"),
        link("indo", "usfj", "cocom", phases=["war"]),
    ],
)
AFTER = build(
    [
        node("pm", "JP", "political-authority"),
        node("jjoc", "JP", "headquarters"),
        node("gcc", "JP", "component"),
        node("indo", "US", "headquarters"),
        node("usfj", "US", "headquarters", short="USFJ JFHQ"),
    ],
    [
        link("pm", "jjoc", "command"),
        link("jjoc", "gcc", "opcon"),
        link("usfj", "gcc", "opcon", phases=["war"]),
        link("indo", "usfj", "cocom"),
    ],
)


def test_nodes_added_removed_changed():
    diff = structural_diff(BEFORE, AFTER)
    assert diff.nodes_added == ("jjoc",)
    assert diff.nodes_removed == ("jso",)
    assert [c.to_dict() for c in diff.nodes_changed] == [
        {"id": "usfj", "changes": [{"field": "short", "before": "USFJ", "after": "USFJ JFHQ"}]}
    ]


def test_links_added_removed_and_phase_change():
    diff = structural_diff(BEFORE, AFTER)
    assert [r.key for r in diff.links_added] == [
        "jjoc->gcc:opcon",
        "pm->jjoc:command",
        "usfj->gcc:opcon",
    ]
    assert [r.key for r in diff.links_removed] == [
        "jso->gcc:opcon",
        "pm->jso:command",
        "usfj->gcc:coordination",
    ]
    assert [c.to_dict() for c in diff.links_changed] == [
        {
            "from": "indo",
            "to": "usfj",
            "relation": "cocom",
            "key_before": "indo->usfj:cocom",
            "key_after": "indo->usfj:cocom",
            "changes": [{"field": "phases", "before": ["war"], "after": ["peacetime", "war"]}],
        }
    ]


def test_relation_change_between_same_endpoints():
    diff = structural_diff(BEFORE, AFTER)
    assert [c.to_dict() for c in diff.relations_changed] == [
        {"from": "usfj", "to": "gcc", "before": ["coordination"], "after": ["opcon"]}
    ]


def test_per_phase_ignores_phase_sets():
    peace = structural_diff(BEFORE, AFTER, phase="peacetime")
    assert [r.key for r in peace.links_added] == [
        "indo->usfj:cocom",
        "jjoc->gcc:opcon",
        "pm->jjoc:command",
    ]
    assert peace.relations_changed == ()
    war = structural_diff(BEFORE, AFTER, phase="war")
    assert war.links_changed == ()
    assert [c.to_dict()["before"] for c in war.relations_changed] == [["coordination"]]


def test_basis_change_is_reported():
    other = build(
        [node("usfj", "US", "headquarters"), node("gcc", "JP", "component")],
        [link("usfj", "gcc", "coordination", basis="ACM")],
    )
    base = build(
        [node("usfj", "US", "headquarters"), node("gcc", "JP", "component")],
        [link("usfj", "gcc", "coordination", basis="Guidelines 2015")],
    )
    diff = structural_diff(base, other)
    assert [c.to_dict() for c in diff.links_changed[0].changes] == [
        {"field": "basis", "before": "Guidelines 2015", "after": "ACM"}
    ]


def test_text_of_a_changed_link_says_what_it_was_and_is():
    base = build(
        [node("usfj", "US", "headquarters"), node("gcc", "JP", "component")],
        [link("usfj", "gcc", "coordination", basis="Guidelines 2015", phases=["war"])],
    )
    other = build(
        [node("usfj", "US", "headquarters"), node("gcc", "JP", "component")],
        [link("usfj", "gcc", "coordination", basis="ACM", phases=["peacetime"])],
    )
    assert diff_lines(structural_diff(base, other), base, other, messages("en")) == [
        "  link changed: USFJ → GCC (coordination): phases: no longer in War; now also in "
        "Peacetime; basis: Guidelines 2015 → ACM"
    ]
    assert diff_lines(structural_diff(base, other), base, other, messages("ja"))[0].endswith(
        "事態：Warでは成立しなくなる；Peacetimeでも成立する；法的根拠：Guidelines 2015 → ACM"
    )


def test_links_with_same_ends_matched_by_key_then_order():
    nodes = [node("a", "US", "headquarters"), node("b", "JP", "unit")]
    base = build(
        nodes,
        [
            link("a", "b", "liaison", id="l1", phases=["peacetime"]),
            link("a", "b", "liaison", id="l2", phases=["war"], confidence="low"),
        ],
    )
    variant = build(
        nodes,
        [
            link("a", "b", "liaison", id="l2", phases=["war"]),
            link("a", "b", "liaison", id="l3", phases=["peacetime"]),
        ],
    )
    diff = structural_diff(base, variant)
    assert [(c.key_before, c.key_after, c.changes[0].field) for c in diff.links_changed] == [
        ("l2", "l2", "confidence")
    ]
    assert diff.links_added == () and diff.links_removed == ()
    assert diff.relations_changed == ()


def test_unknown_phase_is_a_query_error():
    with pytest.raises(QueryError, match=r"unknown phase id 'wat' \(did you mean 'war'\?\)"):
        structural_diff(BEFORE, AFTER, phase="wat")


def test_json_keys():
    data = structural_diff(BEFORE, AFTER).to_dict()
    assert {"nodes_added", "nodes_removed", "links_added", "links_removed"} <= data.keys()


IDS = ["a", "b", "c", "d"]
RELATIONS = ["command", "opcon", "tacon", "coordination", "liaison"]


@st.composite
def models(draw):
    present = draw(st.lists(st.sampled_from(IDS), min_size=1, unique=True))
    nodes = [
        node(
            i,
            draw(st.sampled_from(["JP", "US"])),
            draw(st.sampled_from(["unit", "headquarters"])),
            confidence=draw(st.sampled_from(["high", "low"])),
            **draw(st.sampled_from([{}, {}, {"phases": ["war"]}])),
        )
        for i in present
    ]
    links, seen = [], set()
    for _ in range(draw(st.integers(0, 6))):
        tail, head = draw(st.sampled_from(present)), draw(st.sampled_from(present))
        relation = draw(st.sampled_from(RELATIONS))
        if tail == head or (tail, head, relation) in seen:
            continue
        seen.add((tail, head, relation))
        phases = draw(st.sampled_from([None, ["peacetime"], ["war"]]))
        extra = {"phases": phases} if phases else {}
        links.append(link(tail, head, relation, **extra))
    try:
        return build(nodes, links)
    except ModelError:  # an authority cycle: draw another
        assume(False)


@settings(max_examples=60, deadline=None)
@given(models())
def test_model_against_itself_has_no_differences(model):
    for phase in (None, "peacetime", "war"):
        diff = structural_diff(model, model, phase=phase)
        assert diff.is_empty and diff.relations_changed == ()


@settings(max_examples=60, deadline=None)
@given(models(), models())
def test_additions_one_way_are_removals_the_other(a, b):
    for phase in (None, "war"):
        forward = structural_diff(a, b, phase=phase)
        backward = structural_diff(b, a, phase=phase)
        assert forward.nodes_added == backward.nodes_removed
        assert forward.links_added == backward.links_removed
        assert forward.links_removed == backward.links_added
        assert [(c.from_node, c.to_node, c.after, c.before) for c in forward.relations_changed] == [
            (c.from_node, c.to_node, c.before, c.after) for c in backward.relations_changed
        ]
        assert [
            [(f.field, f.after, f.before) for f in c.changes] for c in forward.links_changed
        ] == [[(f.field, f.before, f.after) for f in c.changes] for c in backward.links_changed]


def _cut(model, phase):
    """The model of what holds in ``phase`` alone, every record holding in it only."""
    data = model.to_dict()
    data["nodes"] = [n for n in data["nodes"] if phase in model.nodes[n["id"]].phases]
    data["links"] = [
        link for link, record in zip(data["links"], model.links, strict=True)
        if phase in record.phases
    ]  # fmt: skip
    for record in [*data["nodes"], *data["links"]]:
        record["phases"] = [phase]
    return load_model_data(data)


@settings(max_examples=80, deadline=None)
@given(models(), models())
def test_the_diff_of_a_phase_is_the_diff_of_what_holds_in_it(a, b):
    diffs = Diffs(a, b)
    assert diffs.of(None) == structural_diff(a, b)
    for phase in ("peacetime", "war"):
        if not all(any(phase in n.phases for n in m.nodes.values()) for m in (a, b)):
            continue  # a model holding no node in the phase cannot be cut down to it
        whole = structural_diff(_cut(a, phase), _cut(b, phase))
        assert diffs.of(phase) == replace(whole, phase=phase)
