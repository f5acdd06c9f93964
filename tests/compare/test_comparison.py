"""``compare`` and ``compare_many``: chains, measures, the link between nations, matrix."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import Model, QueryError, load_model_data
from c2graph.analysis import headline, nation_link
from c2graph.compare import compare, compare_many
from c2graph.compare.chains import chains_changed
from c2graph.vocabulary import ALL_LAYERS, AUTHORITY_LAYERS
from tests.builders import alliance_models, link, node
from tests.builders import build_peacetime_war as build

NODES = [
    node("pm", "JP", "political-authority"),
    node("jso", "JP", "staff"),
    node("gcc", "JP", "component"),
    node("indo", "US", "headquarters"),
    node("usfj", "US", "headquarters"),
    node("fleet", "US"),
]
BEFORE = build(
    NODES,
    [
        link("pm", "jso", "command"),
        link("jso", "gcc", "opcon"),
        link("indo", "usfj", "cocom"),
        link("indo", "fleet", "opcon"),
        link("jso", "usfj", "counterpart"),
    ],
    name="before",
)
AFTER = build(
    [*NODES, node("jjoc", "JP", "headquarters")],
    [
        link("pm", "jso", "command"),
        link("pm", "jjoc", "command"),
        link("jjoc", "gcc", "opcon"),
        link("jso", "gcc", "adcon"),
        link("indo", "usfj", "cocom"),
        link("usfj", "fleet", "opcon"),
        link("indo", "usfj", "adcon"),
        link("jjoc", "usfj", "counterpart"),
    ],
    name="after",
)


def test_chains_changed_names_who_joins_and_leaves():
    changes = {c.unit: c for c in chains_changed(BEFORE, AFTER, phase="peacetime")}
    assert sorted(changes) == ["fleet", "gcc"]
    gcc = changes["gcc"]
    assert (gcc.before, gcc.after, gcc.layer) == (
        (("pm", "jso", "gcc"),),
        (("pm", "jjoc", "gcc"),),
        "operational",
    )
    assert (gcc.joined, gcc.left) == (("jjoc",), ("jso",))
    assert (changes["fleet"].joined, changes["fleet"].left) == (("usfj",), ())


def test_chains_changed_on_every_authority_relation_mixed():
    changes = {c.unit: c for c in chains_changed(BEFORE, AFTER, phase="peacetime", layer="all")}
    gcc = changes["gcc"]
    assert gcc.after == (("pm", "jjoc", "gcc"), ("pm", "jso", "gcc"))
    # the JSO keeps an ADCON chain, which is not operational: it leaves the operational chain
    assert (gcc.joined, gcc.left) == (("jjoc",), ("jso",))
    administrative = chains_changed(BEFORE, AFTER, phase="peacetime", layer="administrative")
    assert [(c.unit, c.before, c.after, c.joined) for c in administrative] == [
        ("gcc", (), (("jso", "gcc"),), ("jso",)),
        ("usfj", (), (("indo", "usfj"),), ("indo",)),
    ]


def test_counterpart_mismatch_and_cross_links():
    before = nation_link(BEFORE, phase="peacetime")
    after = nation_link(AFTER, phase="peacetime")
    assert [(m.a.node, m.a.authority, m.b.node, m.b.authority) for m in before.mismatches] == [
        ("jso", "opcon", "usfj", "none")
    ]
    assert after.mismatches == ()
    assert before.counterparts == (("jso", "usfj"),)
    assert after.counterparts == (("jjoc", "usfj"),)
    assert [c[0] for c in after.cross_links] == ["jjoc->usfj:counterpart"]


def test_compare_measures_and_json():
    result = compare(BEFORE, AFTER, phase="war")
    (phase,) = result.phases
    changed = {m.measure: (m.before, m.after) for m in phase.measures if m.changed}
    assert changed["nodes"] == (6, 7)
    assert changed["counterpart mismatches"] == (1, 0)
    assert changed["authority links"] == (4, 7)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["nodes_added"] == ["jjoc"]
    assert [c["unit"] for c in data["chains_changed"]] == ["fleet", "gcc"]
    assert not result.is_empty


def test_compare_with_itself_is_empty():
    assert compare(AFTER, AFTER).is_empty


def test_compare_needs_a_shared_phase():
    other = build([node("a", "JP")], [])
    other_phases = build([node("a", "JP")], [], phases=[{"id": "x", "name": "X"}])
    assert compare(other, other).phases[0].phase == "peacetime"
    with pytest.raises(QueryError, match="share no phase id"):
        compare(other, other_phases)


def test_matrix_rows_and_missing_phases():
    odd = build(
        [node("a", "JP")], [], phases=[{"id": "war", "name": "War"}, {"id": "x", "name": "X"}]
    )
    matrix = compare_many([BEFORE, odd], names=["b", "o"])
    assert matrix.columns == ("b", "o")
    assert [r.phase for r in matrix.rows[:: len(dict(headline(BEFORE, phase="war")))]] == [
        "peacetime",
        "war",
        "x",
    ]
    nodes = {r.phase: r.values for r in matrix.rows if r.measure == "nodes"}
    assert nodes == {"peacetime": (6, None), "war": (6, 1), "x": (None, 1)}
    with pytest.raises(QueryError, match="2 column names for 1 models"):
        compare_many([BEFORE], names=["a", "b"])


_KINDS = ("political-authority", "headquarters", "component", "unit", "coordination-body")
_MODELS = alliance_models(_KINDS, max_size=9, max_links=18)


@settings(max_examples=60, deadline=None)
@given(_MODELS, _MODELS, st.sampled_from([*(str(layer) for layer in AUTHORITY_LAYERS), ALL_LAYERS]))
def test_chains_taken_from_an_earlier_phase_are_those_listed_afresh(first, second, layer):
    (a, _), (b, _) = first, second
    for compared in compare(a, b, layer=layer).phases:
        assert compared.chains_changed == chains_changed(a, b, phase=compared.phase, layer=layer)


def _staged(upper: str) -> Model:
    """A unit under ``upper`` in every phase, and in war under a node of war alone."""
    return load_model_data(
        {
            "name": upper,
            "as_of": "2025",
            "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}],
            "nodes": [
                {"id": upper, "name": upper, "nation": "JP", "kind": "headquarters"},
                {"id": "w", "name": "W", "nation": "JP", "kind": "headquarters",
                 "phases": ["war"]},
                {"id": "c", "name": "C", "nation": "JP", "kind": "component"},
                {"id": "u", "name": "U", "nation": "JP", "kind": "unit"},
            ],
            "links": [
                {"from": upper, "to": "c", "relation": "command"},
                {"from": "c", "to": "u", "relation": "opcon"},
                {"from": "w", "to": "c", "relation": "tacon", "phases": ["war"]},
            ],
        }
    )  # fmt: skip


def test_a_node_of_one_phase_above_a_unit_moves_its_chains():
    a, b = _staged("hq"), _staged("hq2")
    peace, war = compare(a, b).phases
    assert [(c.unit, c.before) for c in peace.chains_changed] == [
        ("c", (("hq", "c"),)),
        ("u", (("hq", "c", "u"),)),
    ]
    assert [(c.unit, c.before) for c in war.chains_changed] == [
        ("c", (("hq", "c"), ("w", "c"))),
        ("u", (("hq", "c", "u"), ("w", "c", "u"))),
    ]
    assert war.chains_changed == chains_changed(a, b, phase="war")
