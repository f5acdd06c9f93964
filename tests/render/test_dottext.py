"""The DOT writer: pydot's quoting and statement layout, byte for byte, and plain ids only."""

from __future__ import annotations

import pydot
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c2graph.render.dottext import DotGraph, quote_value

#: Values like the renderer's and the edge cases of pydot's rules: numbers, words that
#: start with a digit, DOT keywords, quotes, line breaks, HTML-like labels, non-ASCII.
_VALUES = st.one_of(
    st.text(),
    st.text(alphabet="0123456789.-e", max_size=6),
    st.sampled_from(["graph", "Node", "EDGE", "strict", "digraph", "subgraph", '""', "<>"]),
    st.builds(lambda t: f"<{t}>", st.text()),
    st.builds(lambda t: f'"{t}"', st.text()),
    st.text(alphabet='ab1 "\n\r\\#<>日\0', max_size=8),
)


def _pydot_value(value: str) -> str:
    return pydot.Node("n", v=value).to_string()[len("n [v=") : -len("];")]


@given(_VALUES)
def test_values_are_quoted_as_pydot_quotes_them(value):
    assert quote_value(value) == _pydot_value(value)


@given(st.lists(st.dictionaries(st.sampled_from(["id", "pos", "label"]), _VALUES), max_size=4))
def test_a_graph_is_written_as_pydot_writes_it(nodes):
    ours = DotGraph("c2", layout="nop2")
    theirs = pydot.Dot("c2", graph_type="digraph", strict=False, layout="nop2")
    ours.set_defaults("node", fontname="DejaVu Sans", fixedsize="true")
    theirs.set_node_defaults(fontname="DejaVu Sans", fixedsize="true")
    for i, attrs in enumerate(nodes):
        ours.add_node(f"n{i}", **attrs)
        theirs.add_node(pydot.Node(f"n{i}", **attrs))
        ours.add_edge("n0", f"n{i}", **attrs)
        theirs.add_edge(pydot.Edge("n0", f"n{i}", **attrs))
    ours.set("_background", "S 5 -solid")
    theirs.set("_background", "S 5 -solid")
    assert ours.to_string() == theirs.to_string()


def test_the_text_lists_attributes_defaults_nodes_and_links_in_order():
    graph = DotGraph("c2", layout="nop2")
    graph.set_defaults("edge", arrowsize="0.7")
    graph.add_edge("n0", "n1")
    graph.add_node("n1", label="<x>", width="0.5000")
    graph.set("bgcolor", "white")
    assert graph.to_string() == (
        "digraph c2 {\nlayout=nop2;\nbgcolor=white;\nedge [arrowsize=0.7];\nn0 -> n1;\n"
        "n1 [label=<x>, width=0.5000];\n}\n"
    )
    assert graph.get("layout") == "nop2" and graph.get("pos") is None
    assert graph.nodes == {"n1": {"label": "<x>", "width": "0.5000"}}


@pytest.mark.parametrize("name", ["a b", "1n", "node", "n0:ne", "", "é"])
def test_only_plain_ids_are_written(name):
    graph = DotGraph("c2")
    with pytest.raises(ValueError, match="not a plain DOT id"):
        graph.add_node(name)


def test_defaults_are_for_graph_node_or_edge():
    with pytest.raises(ValueError, match="no defaults for 'cluster': graph, node or edge"):
        DotGraph("c2").set_defaults("cluster", color="red")
