"""Per-phase views: built once and on first use, links of a phase, cross-nation links."""

from __future__ import annotations

import pytest

from c2graph import QueryError
from c2graph.analysis.graphs import links_switched, phase_graphs, strength_key
from tests.builders import build, link


def _pair():
    return build(
        [("a", "JP", "headquarters"), ("b", "JP", "unit"), ("u", "US", "headquarters")],
        [
            link("a", "b", "opcon"),
            link("a", "b", "adcon", phases=["war"]),
            link("u", "a", "liaison", phases=["peace"]),
        ],
    )


def test_phase_graphs_built_on_first_use_only():
    model = build([("a", "JP", "headquarters"), ("b", "JP", "unit")], [link("a", "b", "opcon")])
    graphs = phase_graphs(model, "peace")
    assert "_parts" not in vars(graphs)
    assert graphs.tops == ("a",)
    assert "_parts" in vars(graphs)
    assert phase_graphs(model, "peace") is graphs


def test_phase_graphs_unknown_phase_names_the_closest():
    with pytest.raises(QueryError, match=r"unknown phase id 'paece' \(did you mean 'peace'\?\)"):
        phase_graphs(_pair(), "paece")


def test_links_edges_and_cross_nation_links_of_a_phase():
    model = _pair()
    peace, war = phase_graphs(model, "peace"), phase_graphs(model, "war")
    assert [link.key for link in peace.links] == ["a->b:opcon", "u->a:liaison"]
    assert peace.authority.edges["a", "b"]["links"] == (("opcon", "a->b:opcon"),)
    assert war.authority.edges["a", "b"]["links"] == (
        ("opcon", "a->b:opcon"),
        ("adcon", "a->b:adcon"),
    )
    assert [link.key for link in peace.cross_nation] == ["u->a:liaison"]
    assert war.cross_nation == ()
    assert peace.coordination == {
        "a": (("u", "liaison", "u->a:liaison"),),
        "u": (("a", "liaison", "u->a:liaison"),),
    }


def test_relation_view_keeps_edges_with_one_of_the_relations():
    war = phase_graphs(_pair(), "war")
    assert list(war.relation_view(frozenset({"adcon"})).edges) == [("a", "b")]
    assert list(war.relation_view(frozenset({"tacon"})).edges) == []
    assert set(war.relation_view(frozenset({"tacon"}))) == {"a", "b", "u"}


def test_links_switched_in_file_order():
    model = _pair()
    activated, lapsed = links_switched(phase_graphs(model, "peace"), phase_graphs(model, "war"))
    assert [link.key for link in activated] == ["a->b:adcon"]
    assert [link.key for link in lapsed] == ["u->a:liaison"]


def test_strength_key_orders_authorities_strongest_first():
    names = ["none", "control", "adcon", "tacon", "opcon", "cocom", "command"]
    assert sorted(names, key=strength_key) == names[::-1]
