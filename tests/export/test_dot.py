"""DOT data export: exact text, quoting of ids and values, read back by Graphviz (the ``dot``
program and pygraphviz's bundled library) and pydot."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import warnings
from pathlib import Path

import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph import RenderError, load_model, load_model_data
from c2graph.export._select import link_values, node_values
from c2graph.export.dot import dot_id, escape_value, to_dot
from c2graph.modelfile.fields import ID_PATTERN

from .conftest import hostile_names, named, pair_data

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")

PAIR = """\
digraph c2graph {
  graph [model="pair", as_of="2025", phases="p,q"];
  "pm" [label="PM \\"A\\" & <B>", nation="JP", kind="political-authority", phases="p,q", \
name_ja="総理"];
  "acm" [label="ACM", nation="alliance", kind="coordination-body", phases="q"];
  "pm" -> "acm" [key="pm->acm:member", relation="member", class="coordination", \
layer="coordination", authority="false", phases="q"];
}
"""


def test_pair_exact_text(pair):
    assert to_dot(pair) == PAIR


def test_phase_keeps_its_nodes_and_links_and_names_it(pair):
    assert to_dot(pair, phase="p") == (
        "digraph c2graph {\n"
        '  graph [model="pair", as_of="2025", phases="p,q", phase="p"];\n'
        '  "pm" [label="PM \\"A\\" & <B>", nation="JP", kind="political-authority", '
        'phases="p,q", name_ja="総理"];\n'
        "}\n"
    )


@pytest.mark.parametrize(
    ("node_id", "written"),
    [
        ("a", '"a"'),
        ('a"b', '"a\\"b"'),
        ("C:\\x", '"C:\\x"'),
        ("a\\\\", '"a\\\\"'),
        ('a\\\\"b', '"a\\\\\\"b"'),
        ("node", '"node"'),
        ("a->b;c[x=1]{}", '"a->b;c[x=1]{}"'),
        ("<b>", '"<b>"'),
        ("-1.5", '"-1.5"'),
        ("日本#1", '"日本#1"'),
    ],
)
def test_dot_id(node_id, written):
    assert dot_id(node_id) == written


@pytest.mark.parametrize("node_id", ["a\\", 'a\\"b', "a\\\\\\", 'x\\\\\\"'])
def test_id_with_an_odd_run_of_backslashes_before_a_quote_or_the_end_is_refused(node_id):
    with pytest.raises(RenderError) as err:
        dot_id(node_id)
    assert str(err.value) == (
        f"dot: node id {node_id!r} has a backslash before a quote or at its end, which a "
        "DOT id cannot carry; rename the node to export this format"
    )


def test_id_starting_with_a_percent_sign_is_refused():
    with pytest.raises(RenderError) as err:
        dot_id("%3")
    assert str(err.value) == (
        "dot: node id '%3' starts with '%', which Graphviz reserves for anonymous objects; "
        "rename the node to export this format"
    )
    assert dot_id("a%3") == '"a%3"'


def test_a_link_key_is_an_id_too():
    data = pair_data()
    data["links"][0]["id"] = "%link"
    with pytest.raises(RenderError) as err:
        to_dot(load_model_data(data))
    assert str(err.value) == (
        "dot: link key '%link' starts with '%', which Graphviz reserves for anonymous objects; "
        "rename the link to export this format"
    )
    data["links"][0]["id"] = 'C:\\\\"x'  # two backslashes before the quote: an even run
    assert 'key="C:\\\\\\"x"' in to_dot(load_model_data(data))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("\\N", '"\\\\N"'),
        ("ends\\", '"ends\\\\"'),
        ("two\nlines", '"two\\nlines"'),
        ("cr\r\nlf", '"cr\\r\\nlf"'),
        ("tab\tx", '"tab\tx"'),
        ("<b>&amp;", '"<b>&amp;"'),
    ],
)
def test_escape_value(text, written):
    assert escape_value(text) == written


def test_nul_is_a_clear_error():
    data = pair_data()
    data["links"][0]["note"] = "a\x00b"
    with pytest.raises(RenderError) as err:
        to_dot(load_model_data(data))
    assert str(err.value) == (
        "dot: link 'pm->acm:member' → note contains the character U+0000, which DOT text "
        "cannot carry; remove it from the model to export this format"
    )


# ---------------------------------------------------------------- independent readers

_ESCAPE = re.compile(r"\\(.)", re.S)


def unescape(raw: str) -> str:
    """Read an escString value as Graphviz stores it: ``\\\\``, ``\\"``, ``\\n``, ``\\r``."""
    return _ESCAPE.sub(lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), raw)


def unquote_id(raw: str) -> str:
    """A quoted DOT id as the DOT grammar reads it: only ``\\"`` is an escape."""
    assert raw.startswith('"') and raw.endswith('"'), raw
    return re.sub(r'\\(["\\])', lambda m: '"' if m.group(1) == '"' else "\\\\", raw[1:-1])


def in_order(edges) -> list:
    """Edges ``(tail, head, values)`` in a fixed order (parallel edges differ in values)."""
    return sorted(edges, key=lambda e: (e[0], e[1], sorted(e[2].items())))


def expected_nodes(model, phase=None):
    return {
        n.id: {("label" if k == "name" else k): v for k, v in node_values(model, n).items()}
        for n in model.nodes.values()
        if phase is None or phase in n.phases
    }


def expected_links(model, phase=None):
    return in_order(
        (
            lk.from_node,
            lk.to_node,
            {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in vals.items()},
        )
        for lk in model.links
        if phase is None or phase in lk.phases
        for vals in [link_values(model, lk)]
    )


def graphviz_read(text: str) -> tuple[dict[str, dict[str, str]], list]:
    """Nodes and edges as Graphviz itself parses the DOT text (``dot -Tjson0``)."""
    done = subprocess.run(
        ["dot", "-Tjson0"], input=text.encode(), capture_output=True, timeout=60, check=True
    )
    assert done.stderr == b""
    data = json.loads(done.stdout.decode(), strict=False)
    objects = data.get("objects", [])
    layout = {"_gvid", "pos", "width", "height", "lp", "bb", "_draw_", "_ldraw_"}
    nodes = {
        o["name"]: {k: unescape(v) for k, v in o.items() if k not in layout and k != "name"}
        for o in objects
    }
    names = [o["name"] for o in objects]
    edges = in_order(
        (
            names[e["tail"]],
            names[e["head"]],
            {k: unescape(v) for k, v in e.items() if k not in layout | {"tail", "head"}},
        )
        for e in data.get("edges", [])
    )
    return nodes, edges


def pydot_graph(text: str) -> pydot.Dot:
    with warnings.catch_warnings():
        # pydot's parser uses pyparsing names that newer pyparsing deprecates.
        warnings.simplefilter("ignore", DeprecationWarning)
        (graph,) = pydot.graph_from_dot_data(text)
    return graph


def model_nodes(graph: pydot.Dot) -> list[pydot.Node]:
    """The node statements (pydot also lists the unquoted ``graph [...]`` statement)."""
    return [n for n in graph.get_nodes() if n.get_name().startswith('"')]


def pydot_read(text: str) -> tuple[dict[str, dict[str, str]], list]:
    """Nodes and edges as pydot parses the DOT text, ids and values unquoted."""
    graph = pydot_graph(text)

    def values(item) -> dict[str, str]:
        return {
            k: unquote_id(v) if k == "key" else unescape(v[1:-1])
            for k, v in item.get_attributes().items()
        }

    nodes = {unquote_id(n.get_name()): values(n) for n in model_nodes(graph)}
    edges = in_order(
        (unquote_id(e.get_source()), unquote_id(e.get_destination()), values(e))
        for e in graph.get_edges()
    )
    return nodes, edges


def pygraphviz_read(text: str) -> tuple[dict[str, dict[str, str]], list, dict[str, str]]:
    """Nodes, edges (with their keys) and graph attributes as pygraphviz (cgraph) reads them."""
    import pygraphviz

    graph = pygraphviz.AGraph(string=text)
    nodes = {str(n): {k: unescape(v) for k, v in n.attr.items()} for n in graph.nodes()}
    edges = in_order(
        (u, v, {"key": key} | {k: unescape(x) for k, x in graph.get_edge(u, v, key).attr.items()})
        for u, v, key in graph.edges(keys=True)
    )
    return nodes, edges, {k: unescape(v) for k, v in graph.graph_attr.items()}


def assert_pygraphviz_reads_back(model, phase=None):
    nodes, edges, graph = pygraphviz_read(to_dot(model, phase=phase))
    assert (nodes, edges) == (expected_nodes(model, phase), expected_links(model, phase))
    assert graph == {
        "model": model.name,
        "as_of": model.as_of,
        "phases": ",".join(model.phase_ids),
    } | ({"phase": phase} if phase else {})


def assert_pydot_reads_back(model, phase=None):
    text = to_dot(model, phase=phase)
    assert pydot_read(text) == (expected_nodes(model, phase), expected_links(model, phase))


def assert_graphviz_reads_back(model, phase=None):
    """Graphviz keeps ``key`` as the edge's name, not as an attribute.

    That no two links collapse into one edge shows every key was read as a distinct name.
    """
    keyless = [
        (u, v, {k: x for k, x in d.items() if k != "key"})
        for u, v, d in expected_links(model, phase)
    ]
    nodes, edges = graphviz_read(to_dot(model, phase=phase))
    assert (nodes, edges) == (expected_nodes(model, phase), in_order(keyless))


@pytest.fixture(scope="module", params=SHIPPED, ids=[p.name for p in SHIPPED])
def shipped(request):
    return load_model(request.param)


@pytest.mark.parametrize("name", ["us-japan-2025.yaml", "us-rok-cfc.yaml"])
def test_shipped_models_read_back_by_pydot(name):
    """(pydot's parser is slow: two models here; the others through Graphviz and pygraphviz.)"""
    assert_pydot_reads_back(load_model(SHIPPED[0].with_name(name)))


def test_shipped_models_read_back_by_pygraphviz(shipped):
    assert_pygraphviz_reads_back(shipped)
    assert_pygraphviz_reads_back(shipped, shipped.phase_ids[-1])


@needs_dot
def test_shipped_models_read_back_by_graphviz(shipped):
    assert_graphviz_reads_back(shipped)
    assert_graphviz_reads_back(shipped, shipped.phase_ids[-1])


def test_networkx_reads_the_links_by_key(tiny):
    graph = nx.nx_pydot.from_pydot(pydot_graph(to_dot(tiny)))
    assert sorted((u, v, unquote_id(k)) for u, v, k in graph.edges(keys=True)) == sorted(
        (lk.from_node, lk.to_node, lk.key) for lk in tiny.links
    )


def test_no_legend_positions_or_styles(tiny):
    text = to_dot(tiny)
    assert len(model_nodes(pydot_graph(text))) == len(tiny.nodes)
    for word in ("pos=", "cluster", "legend", "style=", "layout="):
        assert word not in text


_ID_PIECES = ['"', "\\\\", "%", "->", "--", ";", "[", "]", "{", "}", "=", ",", "<", ">", "node"]
hostile_ids = (
    st.lists(
        st.one_of(
            st.sampled_from(_ID_PIECES),
            st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), max_size=4),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda s: ID_PATTERN.fullmatch(s) is not None)  # ids the loader accepts
)


def _look(node_id: str) -> str:
    """What an id looks like: the loader refuses two that look the same."""
    return unicodedata.normalize("NFKC", node_id).casefold()


def _model_with_ids(ids: list[str], names: list[str]):
    nodes = [
        {"id": node_id, "name": name, "nation": "JP", "kind": "unit"}
        for node_id, name in zip(ids, names, strict=True)
    ]
    links = [
        {"from": ids[i], "to": ids[i + 1], "relation": "opcon", "note": names[i]}
        for i in range(len(ids) - 1)
    ]
    return load_model_data(
        {"name": "ids", "as_of": "2025", "phases": [{"id": "p", "name": "P"}], "nodes": nodes}
        | {"links": links}
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_ids, min_size=1, max_size=4, unique_by=_look), st.data())
def test_hostile_ids_and_names_read_back_exactly_or_are_refused(ids, data):
    names = data.draw(st.lists(hostile_names, min_size=len(ids), max_size=len(ids)))
    model = _model_with_ids(ids, names)
    if any(
        re.search(r'(?<!\\)(\\\\)*\\(?="|$)', node_id) or node_id.startswith("%") for node_id in ids
    ):
        with pytest.raises(RenderError, match="rename the node to export this format"):
            to_dot(model)
        return
    assert_pydot_reads_back(model)
    assert_pygraphviz_reads_back(model)
    if shutil.which("dot"):
        assert_graphviz_reads_back(model)


@settings(max_examples=60, deadline=None)
@given(st.lists(hostile_names, min_size=1, max_size=4))
def test_hostile_names_add_no_node_or_edge(names):
    model = named(names)
    graph = pydot_graph(to_dot(model))
    assert len(model_nodes(graph)) == len(names)
    assert len(graph.get_edges()) == len(model.links)
