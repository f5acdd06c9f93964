"""Authority paths, request routes, direct commanders and reach on tiny models."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.analysis import (
    authority_paths,
    chain_of_command,
    commanders,
    effective_authority,
    reach,
    request_routes,
    top_authorities,
)
from tests.builders import build, forward_links, link, numbered_nodes


def test_top_authorities_per_phase(alliance):
    assert top_authorities(alliance, phase="peace") == ("pm", "pres")
    assert top_authorities(alliance, phase="war") == ("pm", "pres")


def test_paths_from_every_top_with_effective_authority(alliance):
    result = authority_paths(alliance, "fleet", phase="peace")
    assert [(p.nodes, p.relations, p.effective) for p in result.paths] == [
        (("pm", "mod", "fleet"), ("command", "adcon"), "adcon"),
        (("pm", "mod", "jhq", "fleet"), ("command", "command", "tacon"), "tacon"),
    ]
    assert result.paths[0].links == ("pm->mod:command", "mod->fleet:adcon")
    assert all(p.kind == "authority" for p in result.paths)


def test_path_to_dict(alliance):
    data = authority_paths(alliance, "gcc", phase="peace", source="mod").to_dict()
    assert data == {
        "target": "gcc",
        "phase": "peace",
        "source": "mod",
        "paths": [
            {
                "nodes": ["mod", "jhq", "gcc"],
                "relations": ["command", "opcon"],
                "links": ["mod->jhq:command", "jhq->gcc:opcon"],
                "effective": "opcon",
                "kind": "authority",
            }
        ],
    }


def test_no_path_is_empty_not_error(alliance):
    assert authority_paths(alliance, "gcc", phase="peace", source="pres").paths == ()
    assert authority_paths(alliance, "pm", phase="peace").paths == ()
    assert authority_paths(alliance, "gcc", phase="peace", source="gcc").paths == ()
    assert authority_paths(alliance, "acm", phase="peace").paths == ()


def test_phase_limits_links(alliance):
    assert authority_paths(alliance, "jcg", phase="peace").paths == ()
    (path,) = authority_paths(alliance, "jcg", phase="war").paths
    assert (path.nodes, path.effective) == (("pm", "jcg"), "control")


def test_coordination_never_in_authority_paths(alliance):
    result = authority_paths(alliance, "usfj", phase="peace")
    assert [p.nodes for p in result.paths] == [("pres", "secdef", "indo", "usfj")]
    assert result.paths[0].effective == "opcon"


def test_unknown_ids_name_the_closest():
    model = build(
        [("jp-pm", "JP", "political-authority"), ("jp-gcc", "JP", "component")],
        [link("jp-pm", "jp-gcc", "command")],
    )
    with pytest.raises(
        QueryError,
        match=r"unknown node id 'jp-gc' \(did you mean "
        r"'jp-gcc' or 'jp-pm'\?\)",
    ):
        authority_paths(model, "jp-gc", phase="peace")
    with pytest.raises(QueryError, match=r"unknown node id 'jp-pn' \(did you mean 'jp-pm'\?\)"):
        authority_paths(model, "jp-gcc", phase="peace", source="jp-pn")
    with pytest.raises(QueryError, match=r"unknown phase id 'peac' \(did you mean 'peace'\?\)"):
        authority_paths(model, "jp-gcc", phase="peac")


def test_parallel_links_and_two_tops_and_ties():
    model = build(
        [
            ("a", "JP", "political-authority"),
            ("b", "JP", "political-authority"),
            ("h", "JP", "headquarters"),
            ("u", "JP", "unit"),
        ],
        [
            link("a", "h", "command"),
            link("b", "h", "opcon"),
            link("h", "u", "opcon"),
            link("h", "u", "adcon"),
        ],
    )
    result = authority_paths(model, "u", phase="peace")
    assert [(p.nodes, p.relations, p.effective) for p in result.paths] == [
        (("a", "h", "u"), ("command", "opcon"), "opcon"),
        (("a", "h", "u"), ("command", "adcon"), "adcon"),
        (("b", "h", "u"), ("opcon", "opcon"), "opcon"),
        (("b", "h", "u"), ("opcon", "adcon"), "none"),
    ]
    assert chain_of_command(model, "u", phase="peace") == (("a", "h", "u"), ("b", "h", "u"))
    assert commanders(model, "h", phase="peace").warning == (
        "unity of command: h has 2 operational commanders in phase 'peace': a (command), b (opcon)"
    )


def test_commanders_single_and_to_dict(alliance):
    result = commanders(alliance, "fleet", phase="peace")
    assert result.to_dict() == {
        "unit": "fleet",
        "phase": "peace",
        "superiors": [
            {"node": "jhq", "relation": "tacon", "link": "jhq->fleet:tacon"},
            {"node": "mod", "relation": "adcon", "link": "mod->fleet:adcon"},
        ],
        "operational": [],
        "warning": None,
    }


def test_reach_lists_effective_per_node(alliance):
    result = reach(alliance, "mod", phase="peace")
    assert [(r.node, r.effective) for r in result.reached] == [
        ("fleet", ("tacon", "adcon")),
        ("gcc", ("opcon",)),
        ("jhq", ("command",)),
    ]
    assert reach(alliance, "gcc", phase="peace").reached == ()
    assert reach(alliance, "pm", phase="war").to_dict()["reached"][2] == {
        "node": "jcg",
        "effective": ["control"],
    }


def test_request_routes_cross_the_alliance(alliance):
    routes = request_routes(alliance, "gcc", phase="peace", source="pres")
    assert [(r.nodes, r.relations) for r in routes] == [
        (
            ("pres", "secdef", "indo", "acm", "jhq", "gcc"),
            ("command", "cocom", "member", "member", "opcon"),
        ),
        (
            ("pres", "secdef", "indo", "usfj", "jhq", "gcc"),
            ("command", "cocom", "opcon", "counterpart", "opcon"),
        ),
    ]
    assert routes == request_routes(alliance, "gcc", phase="peace")
    assert {(r.kind, r.effective) for r in routes} == {("coordination", "none")}
    assert request_routes(alliance, "gcc", phase="peace", max_links=4) == ()
    assert request_routes(alliance, "gcc", phase="peace", source="pm") == ()
    (route,) = request_routes(alliance, "usfj", phase="peace")
    assert route.nodes == ("pm", "mod", "jhq", "usfj")


def test_via_coordination_keeps_authority_first(alliance):
    result = authority_paths(alliance, "gcc", phase="peace", via_coordination=True)
    kinds = [p.kind for p in result.paths]
    assert kinds[0] == "authority" and set(kinds[1:]) == {"coordination"}
    assert result.paths[0].nodes == ("pm", "mod", "jhq", "gcc")


def test_coordination_cycles_terminate():
    model = build(
        [
            ("a", "JP", "political-authority"),
            ("b", "JP", "unit"),
            ("c", "US", "unit"),
            ("d", "US", "unit"),
        ],
        [
            link("a", "b", "command"),
            link("b", "c", "coordination"),
            link("c", "d", "coordination"),
            link("d", "b", "liaison"),
        ],
    )
    routes = request_routes(model, "d", phase="peace")
    assert [r.nodes for r in routes] == [("a", "b", "d")]
    assert [r.nodes for r in request_routes(model, "c", phase="peace")] == [("a", "b", "c")]


def test_empty_phase():
    model = build(
        [("a", "JP", "unit"), ("b", "JP", "unit")], [link("a", "b", "command", phases=["war"])]
    )
    assert top_authorities(model, phase="peace") == ()
    assert authority_paths(model, "b", phase="peace").paths == ()
    assert reach(model, "a", phase="peace").reached == ()


def test_effective_authority_follows_meet():
    assert effective_authority(()) == "command"
    assert effective_authority(("cocom", "opcon", "tacon")) == "tacon"
    assert effective_authority(("command", "control")) == "control"
    assert effective_authority(("tacon", "opcon")) == "tacon"


_RELATIONS = ("command", "cocom", "opcon", "tacon", "adcon", "control", "coordination")
_PHASES = (["peace"], ["war"], "all")


@st.composite
def dag_models(draw):
    size = draw(st.integers(2, 8))
    links = draw(forward_links(size, _RELATIONS, max_links=16, phases=_PHASES))
    return build(draw(numbered_nodes(size)), links), size


@settings(max_examples=60, deadline=None)
@given(dag_models(), st.sampled_from(["peace", "war"]))
def test_every_path_link_is_active_authority_in_phase(case, phase):
    model, size = case
    for i in range(size):
        for path in authority_paths(model, f"n{i}", phase=phase).paths:
            assert path.nodes[-1] == f"n{i}"
            assert path.nodes[0] in top_authorities(model, phase=phase)
            for key, (u, v) in zip(path.links, itertools.pairwise(path.nodes), strict=True):
                found = model.link(key)
                assert phase in found.phases and found.is_authority
                assert (found.from_node, found.to_node) == (u, v)
            assert path.effective == effective_authority(path.relations)
