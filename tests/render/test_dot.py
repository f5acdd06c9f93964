"""The DOT text: nodes, clusters, edge styles, legend, title, placement and hostile names."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import warnings

import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c2graph import load_model_data
from c2graph.render import dot_text, render_bytes
from c2graph.render.boxes import fitted_lines
from c2graph.render.chart import build_chart
from c2graph.render.dot import ROUTED_EDGES_LIMIT, escape_html, render_dot
from c2graph.render.layout import scene_layout
from c2graph.render.scene import build_scene
from c2graph.render.style import KIND_STYLES, RELATION_STYLES, nation_style

from .conftest import named

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="no Graphviz 'dot' program")


def _shown(name: str) -> str:
    """What a unit's box shows of ``name`` (slide size, no short name)."""
    return "\n".join(fitted_lines(name, 20, 4))


def _parse(text: str) -> pydot.Dot:
    with warnings.catch_warnings():
        # pydot's parser uses pyparsing names that newer pyparsing deprecates.
        warnings.simplefilter("ignore", DeprecationWarning)
        (graph,) = pydot.graph_from_dot_data(text)
    return graph


def _nodes(graph: pydot.Dot) -> dict[str, pydot.Node]:
    found = {n.get_name(): n for n in graph.get_nodes()}
    for sub in graph.get_subgraphs():
        found |= _nodes(sub)
    return {k: v for k, v in found.items() if re.fullmatch(r"(p\d+)?n\d+", k)}


def _edges(graph: pydot.Dot) -> list[pydot.Edge]:
    return [e for e in graph.get_edges() if e.get_style() != "invis"]


def _pos(node: pydot.Node) -> tuple[float, float]:
    x, y = node.get("pos").strip('"!').split(",")
    return float(x), float(y)


def _text(label: str) -> str:
    """The text a node label shows (our only markup is <BR/>, <B> and <FONT>)."""
    body = re.sub(r"</?(B|FONT[^>]*)>", "", label[1:-1]).replace("<BR/>", "\n")
    return html.unescape(body.replace("\\\\", "\\"))


def _relations(graph: pydot.Dot, scene) -> dict[str, pydot.Edge]:
    """The DOT edges of a one-panel chart by the relation of the link each draws."""
    edges = {e.get("id"): e for e in _edges(graph)}
    return {edge.relation: edges[f"e{i}"] for i, edge in enumerate(scene.panels[0].edges)}


def test_one_synthetic_node_per_model_node_and_a_frame_per_nation(tiny):
    graph = _parse(dot_text(tiny, phase="peacetime"))
    assert sorted(_nodes(graph)) == [f"n{i}" for i in range(6)]
    captions = {n.get_name(): n for n in graph.get_nodes() if re.fullmatch(r"c\d+", n.get_name())}
    assert {k: _text(v.get("label")) for k, v in captions.items()} == {
        "c0": "Japan",
        "c1": "United States",
    }
    background = graph.get("_background")
    for nation in ("JP", "US"):
        assert background.count(f"-{nation_style(nation).cluster} ") == 1
    assert graph.get_subgraphs() == []  # no clusters: every box is pinned, every link routed
    assert graph.get("layout") == "nop2"


def test_japan_left_alliance_middle_us_right_and_authority_down(tiny):
    scene = build_scene(tiny, phase="armed-attack")
    graph = _parse(dot_text(tiny, phase="armed-attack"))
    nodes = _nodes(graph)
    x = {name: _pos(node)[0] for name, node in nodes.items()}
    # n0-n2: Japan, n3: the alliance body, n4-n6: United States (model order)
    assert max(x["n0"], x["n1"], x["n2"]) < x["n3"] < min(x["n4"], x["n5"], x["n6"])
    ids = {node.id: f"n{i}" for i, node in enumerate(scene.panels[0].nodes)}
    authority = [e for e in scene.panels[0].edges if e.relation in ("command", "opcon")]
    assert len(authority) == 4
    for edge in authority:  # DOT's y grows upwards: a superior is drawn higher
        assert _pos(nodes[ids[edge.tail]])[1] > _pos(nodes[ids[edge.head]])[1]


def test_edge_styles_follow_the_relation(tiny):
    scene = build_scene(tiny, phase="armed-attack")
    graph = _parse(dot_text(tiny, phase="armed-attack"))
    drawn = _relations(graph, scene)
    assert sorted(drawn) == ["command", "counterpart", "opcon", "support"]
    assert (drawn["opcon"].get("style"), drawn["opcon"].get("color").strip('"')) == (
        "solid",
        RELATION_STYLES["opcon"].colour,
    )
    assert drawn["support"].get("style") == "dotted"
    assert drawn["counterpart"].get("dir") == "both"
    assert not [e for e in _edges(graph) if e.get("arrowhead") == "odot"]  # members are listed
    assert len(_edges(graph)) == 6
    for edge in _edges(graph):  # every link carries its route; Graphviz routes nothing
        assert edge.get("pos")


def test_legend_holds_exactly_the_relations_and_kinds_drawn(tiny):
    graph = _parse(dot_text(tiny, phase="peacetime"))
    texts = [
        _text(_cell(n.get("label")))
        for n in sorted(
            graph.get_nodes(),
            key=lambda n: int(n.get_name()[1:]) if n.get_name()[1:].isdigit() else -1,
        )
        if re.fullmatch(r"g\d+", n.get_name())
    ]
    assert texts == [
        RELATION_STYLES["command"].caption,
        RELATION_STYLES["opcon"].caption,
        RELATION_STYLES["counterpart"].caption,
        "political authority",
        "headquarters",
        "component",
        "unit",
    ]  # nations are named by their frames, not in the legend


def _cell(label: str) -> str:
    """The text of a legend cell (a one-cell table around the text)."""
    found = re.search(r'ALIGN="LEFT">(.*)</TD>', label)
    assert found is not None
    return f"<{found[1]}>"


def test_title_names_model_date_and_phase(tiny):
    graph = _parse(dot_text(tiny, phase="armed-attack", lang="ja"))
    (title,) = [n for n in graph.get_nodes() if n.get_name() == "title"]
    assert _text(title.get("label")) == "Tiny alliance\n2025-03-24時点・事態：武力攻撃事態"
    assert "統合作戦司令部" in dot_text(tiny, phase="armed-attack", lang="ja")
    (defaults,) = graph.get_node("graph")
    assert defaults.get("fontname").strip('"') == "Noto Sans CJK JP"


def test_panels_have_prefixed_nodes_and_highlight_switches(tiny):
    graph = _parse(dot_text(tiny, phases=["peacetime", "armed-attack"]))
    nodes = _nodes(graph)
    assert len([n for n in nodes if n.startswith("p0")]) == 6
    assert len([n for n in nodes if n.startswith("p1")]) == 7
    switched = [e for e in _edges(graph) if e.get("color").strip('"') == "#e6007e"]
    assert len(switched) == 1  # the support link; the body's memberships are listed in it


def test_dot_text_is_deterministic(tiny):
    assert dot_text(tiny, phase="armed-attack") == dot_text(tiny, phase="armed-attack")


HOSTILE = [
    'say "hi"',
    "back\\",
    "trail \\",
    "<b>bold</b>",
    "<<TABLE>>",
    "{a|b}",
    "x\\Ny\\G",
    "line\nbreak",
    "HQ:Main",
    "HQ:Rear",
    "javascript:alert(1)",
    "]; evil [label=x",
    "a\x00b",
    "&amp;",
    "統合幕僚監部",
    "'single'",
    "\\\\",
    "n1 -> n0",
    "]",
    "]]",
    "[",
]


def test_hostile_names_are_drawn_literally_and_add_nothing():
    model = named(*HOSTILE)
    text = dot_text(model)
    assert "URL" not in text and "href" not in text.lower()
    nodes = _nodes(_parse(text))
    assert len(nodes) == len(HOSTILE)
    for i, name in enumerate(HOSTILE):
        assert _text(nodes[f"n{i}"].get("label")) == _shown(name)


def test_graphviz_renders_hostile_names_and_titles_without_links_or_markup():
    svg = render_bytes(named(*HOSTILE), "svg", engine="graphviz").decode()
    assert "<a " not in svg and "href" not in svg and "javascript" not in svg.split("<title>")[0]
    assert "&lt;b&gt;bold&lt;/b&gt;" in svg
    assert "x\\Ny\\G" in svg
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert "&lt;b&gt;bold&lt;/b&gt;\nunit · Japan\nphases: all" in titles
    assert "&lt;b&gt;bold&lt;/b&gt; → &lt;&lt;TABLE&gt;&gt;: OPCON\nphases: all" in titles
    assert not [t for t in titles if re.fullmatch(r"(p\d+)?[nec]\d+(&#45;&gt;n\d+)?", t)]


@needs_dot
def test_system_dot_draws_hostile_names_without_a_warning():
    done = subprocess.run(
        ["dot", "-Tplain"],
        input=dot_text(named(*HOSTILE)).encode(),
        capture_output=True,
        check=True,
    )
    assert done.stderr == b""


def test_escape_html_covers_markup_quotes_and_backslashes():
    assert escape_html('<a href="x">\\N</a>\n') == (
        "&lt;a href=&quot;x&quot;&gt;\\\\N&lt;/a&gt;<BR/>"
    )


_names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_names, min_size=1, max_size=4))
def test_any_names_give_dot_that_graphviz_draws_with_exactly_the_model_nodes(names):
    text = dot_text(named(*names))
    svg = render_dot(text, "svg").decode()
    drawn = re.findall(r'<g id="(n\d+)" class="node">', svg)
    assert sorted(drawn) == sorted(f"n{i}" for i in range(len(names)))
    nodes = _nodes(_parse(text))
    for i, name in enumerate(names):
        assert _text(nodes[f"n{i}"].get("label")) == _shown(name)


_kinds = st.sampled_from(sorted(KIND_STYLES))
# Scripts the fonts we install draw (DejaVu Sans, Noto Sans CJK): Latin, Greek, Cyrillic,
# kana, CJK and Hangul, plus every ASCII control and punctuation character.
_drawn = st.text(
    st.one_of(
        st.characters(max_codepoint=0x04FF, blacklist_categories=("Cs",)),
        st.characters(min_codepoint=0x3040, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    ),
    max_size=40,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_drawn, st.one_of(st.none(), _drawn.filter(bool)), _kinds), min_size=2, max_size=5
    )
)
def test_side_by_side_nodes_never_overlap_whatever_their_names(specs):
    nodes = [{"id": "top", "name": "Top", "nation": "JP", "kind": "political-authority"}]
    nodes += [
        {"id": f"x{i}", "name": name, "nation": "JP", "kind": kind}
        | ({"short": short} if short else {})
        for i, (name, short, kind) in enumerate(specs)
    ]
    links = [{"from": "top", "to": f"x{i}", "relation": "command"} for i in range(len(specs))]
    model = load_model_data(
        {
            "name": "w",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": nodes,
            "links": links,
        }
    )
    layout = scene_layout(build_scene(model))
    boxes = [(layout.positions[n], layout.sizes[n]) for n in layout.positions]
    for i, ((xa, ya), (wa, ha)) in enumerate(boxes):
        for (xb, yb), (wb, hb) in boxes[i + 1 :]:
            assert abs(xa - xb) * 2 >= wa + wb or abs(ya - yb) * 2 >= ha + hb
    assert render_dot(dot_text(model), "svg").startswith(b"<?xml")


def test_links_are_routed_in_small_charts_and_straight_in_large_ones(tiny):
    routes = build_chart(build_scene(tiny, phase="armed-attack")).routes
    assert max(len(r.points) for r in routes.values()) > 2  # bends around the boxes
    units = [
        {"id": f"u{i}", "name": f"Unit {i}", "nation": "JP", "kind": "unit"}
        for i in range(ROUTED_EDGES_LIMIT + 1)
    ]
    large = load_model_data(
        {
            "name": "large",
            "as_of": "2026",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": [{"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}, *units],
            "links": [{"from": "hq", "to": u["id"], "relation": "opcon"} for u in units],
        }
    )
    routes = build_chart(build_scene(large, all_units=True)).routes
    assert {len(r.points) for r in routes.values()} == {2}  # straight from box to box
