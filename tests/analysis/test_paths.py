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


def test_top_authorities_per_layer(alliance):
    assert top_authorities(alliance, phase="war", layer="civil") == ("pm",)
    assert top_authorities(alliance, phase="peace", layer="administrative") == ("mod",)
    assert top_authorities(alliance, phase="war", layer="all") == ("pm", "pres")


def test_paths_default_to_the_operational_layer(alliance):
    result = authority_paths(alliance, "fleet", phase="peace")
    assert [(p.nodes, p.relations, p.effective) for p in result.paths] == [
        (("pm", "mod", "jhq", "fleet"), ("command", "command", "tacon"), "tacon"),
    ]
    assert result.layer == "operational"
    assert {(p.kind, p.layer, p.scope, p.consent) for p in result.paths} == {
        ("authority", "operational", "national", ())
    }


def test_each_layer_lists_only_its_own_chains(alliance):
    def chains(layer, target="fleet", phase="peace"):
        result = authority_paths(alliance, target, phase=phase, layer=layer)
        return [(p.nodes, p.relations, p.effective, p.kind) for p in result.paths]

    assert chains("administrative") == [(("mod", "fleet"), ("adcon",), "adcon", "authority")]
    assert chains("civil") == []
    assert chains("civil", target="jcg", phase="war") == [
        (("pm", "jcg"), ("control",), "control", "authority")
    ]
    assert chains("all") == [
        (("pm", "mod", "fleet"), ("command", "adcon"), "adcon", "authority"),
        (("pm", "mod", "jhq", "fleet"), ("command", "command", "tacon"), "tacon", "authority"),
    ]
    assert chains("coordination", target="usfj") == [
        (("acm", "usfj"), ("coordination",), "none", "link"),
        (("jhq", "usfj"), ("counterpart",), "none", "link"),
    ]
    assert chains("support") == [] and chains("information") == []


def test_unknown_layer_names_the_choices(alliance):
    with pytest.raises(QueryError, match=r"unknown layer 'operation' \(did you mean 'operational'"):
        authority_paths(alliance, "fleet", phase="peace", layer="operation")
    with pytest.raises(QueryError, match="the support layer carries no authority"):
        chain_of_command(alliance, "fleet", phase="peace", layer="support")


def test_path_to_dict(alliance):
    data = authority_paths(alliance, "gcc", phase="peace", source="mod").to_dict()
    assert data == {
        "target": "gcc",
        "phase": "peace",
        "layer": "operational",
        "source": "mod",
        "paths": [
            {
                "nodes": ["mod", "jhq", "gcc"],
                "relations": ["command", "opcon"],
                "links": ["mod->jhq:command", "jhq->gcc:opcon"],
                "effective": "opcon",
                "kind": "authority",
                "layer": "operational",
                "scope": "national",
                "consent": [],
            }
        ],
        "warnings": [],
    }


def test_no_path_is_empty_not_error(alliance):
    assert authority_paths(alliance, "gcc", phase="peace", source="pres").paths == ()
    assert authority_paths(alliance, "pm", phase="peace").paths == ()
    assert authority_paths(alliance, "gcc", phase="peace", source="gcc").paths == ()
    assert authority_paths(alliance, "acm", phase="peace").paths == ()


def test_phase_limits_links(alliance):
    assert authority_paths(alliance, "jcg", phase="peace", layer="civil").paths == ()
    (path,) = authority_paths(alliance, "jcg", phase="war", layer="civil").paths
    assert (path.nodes, path.effective) == (("pm", "jcg"), "control")
    assert authority_paths(alliance, "jcg", phase="war").paths == ()


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
    result = authority_paths(model, "u", phase="peace", layer="all")
    assert [(p.nodes, p.relations, p.effective) for p in result.paths] == [
        (("a", "h", "u"), ("command", "opcon"), "opcon"),
        (("a", "h", "u"), ("command", "adcon"), "adcon"),
        (("b", "h", "u"), ("opcon", "opcon"), "opcon"),
        (("b", "h", "u"), ("opcon", "adcon"), "none"),
    ]
    operational = authority_paths(model, "u", phase="peace")
    assert [(p.nodes, p.effective) for p in operational.paths] == [
        (("a", "h", "u"), "opcon"),
        (("b", "h", "u"), "opcon"),
    ]
    (administrative,) = authority_paths(model, "u", phase="peace", layer="administrative").paths
    assert (administrative.nodes, administrative.effective) == (("h", "u"), "adcon")
    assert chain_of_command(model, "u", phase="peace") == (("a", "h", "u"), ("b", "h", "u"))
    assert commanders(model, "h", phase="peace").warning == (
        "unity of command: h has 2 operational commanders in phase 'peace': a (command), b (opcon)"
    )


def test_commanders_single_and_to_dict(alliance):
    result = commanders(alliance, "fleet", phase="peace")
    assert result.to_dict() == {
        "unit": "fleet",
        "phase": "peace",
        "layer": "operational",
        "superiors": [
            {"node": "jhq", "relation": "tacon", "link": "jhq->fleet:tacon", "holders": ["jhq"]}
        ],
        "operational": [],
        "warning": None,
    }
    every = commanders(alliance, "fleet", phase="peace", layer="all")
    assert [(s.node, s.relation) for s in every.superiors] == [("jhq", "tacon"), ("mod", "adcon")]


def test_reach_lists_effective_per_node(alliance):
    result = reach(alliance, "mod", phase="peace")
    assert [(r.node, r.effective) for r in result.reached] == [
        ("fleet", ("tacon",)),
        ("gcc", ("opcon",)),
        ("jhq", ("command",)),
    ]
    assert [
        (r.node, r.effective) for r in reach(alliance, "mod", phase="peace", layer="all").reached
    ] == [
        ("fleet", ("tacon", "adcon")),
        ("gcc", ("opcon",)),
        ("jhq", ("command",)),
    ]
    assert reach(alliance, "gcc", phase="peace").reached == ()
    assert reach(alliance, "pm", phase="war", layer="civil").to_dict() == {
        "authority": "pm",
        "phase": "war",
        "layer": "civil",
        "reached": [{"node": "jcg", "effective": ["control"], "consent": []}],
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


def test_request_routes_land_where_a_commander_can_act(alliance):
    # usfj commands no force: a request to it over the counterpart link or the ACM lands
    # nowhere; it must reach indo, which holds OPCON of usfj.
    (route,) = request_routes(alliance, "usfj", phase="peace")
    assert (route.nodes, route.relations) == (
        ("pm", "mod", "jhq", "acm", "indo", "usfj"),
        ("command", "command", "member", "member", "opcon"),
    )
    assert request_routes(alliance, "usfj", phase="peace", source="jhq") == (
        request_routes(alliance, "usfj", phase="peace", source="jhq", max_links=6)
    )
    (direct,) = request_routes(alliance, "usfj", phase="peace", source="jhq")
    assert direct.nodes == ("jhq", "acm", "indo", "usfj")


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
            link("c", "d", "opcon"),
            link("d", "b", "liaison"),
        ],
    )
    # b —liaison— d lands on d, which commands nothing: the request must go through c.
    routes = request_routes(model, "d", phase="peace")
    assert [(r.nodes, r.relations) for r in routes] == [
        (("a", "b", "c", "d"), ("command", "coordination", "opcon"))
    ]
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
    assert effective_authority(("command", "transmits", "transmits")) == "command"
    assert effective_authority(("transmits",), held="transmits") == "transmits"
    assert effective_authority(("transmits", "opcon"), held="tacon") == "tacon"


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
