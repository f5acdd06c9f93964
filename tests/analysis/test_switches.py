"""Phase switches: links, nodes, chains, authority gained and lost, decisions in order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.analysis import authority_paths, phase_switch, reach
from c2graph.vocabulary import FORCE_KINDS
from tests.builders import build, forward_links, link, numbered_nodes

PHASES = [
    {"id": "peace", "name": "Peacetime"},
    {
        "id": "gray",
        "name": "Gray zone",
        "declared_by": "cab",
        "approval": ["diet"],
        "basis": "SDF Law Art. 78",
    },
    {
        "id": "attack",
        "name": "Armed attack",
        "declared_by": "pm",
        "approval": ["cab", "diet"],
        "basis": "SDF Law Art. 76(1)(i)",
    },
]


@pytest.fixture
def phased():
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("cab", "JP", "political-authority"),
            ("diet", "JP", "legislature"),
            ("mod", "JP", "ministry"),
            ("hq", "JP", "headquarters"),
            ("gcc", "JP", "component"),
            ("jcg", "JP", "agency"),
            ("mlit", "JP", "ministry"),
            ("jtf", "JP", "headquarters"),
        ],
        [
            link("pm", "mod", "command"),
            link("mod", "hq", "command"),
            link("hq", "gcc", "opcon", phases=["peace", "gray"]),
            link("hq", "jtf", "opcon", phases={"from": "gray"}),
            link("jtf", "gcc", "opcon", phases=["attack"], basis="order", source="s1"),
            link("mlit", "jcg", "civil-command"),
            link("pm", "jcg", "control", phases=["attack"], basis="SDF Law Art. 80"),
            link("cab", "pm", "coordination"),
        ],
        phases=PHASES,
        node_extra={"jtf": {"phases": {"from": "gray"}}},
        sources=[{"id": "s1", "title": "Order"}],
    )


def test_escalation_two_steps(phased):
    result = phase_switch(phased, before="peace", after="attack")
    data = result.to_dict()
    assert data["activated"] == [
        {
            "from": "hq",
            "to": "jtf",
            "relation": "opcon",
            "layer": "operational",
            "link": "hq->jtf:opcon",
            "basis": None,
            "source": None,
        },
        {
            "from": "jtf",
            "to": "gcc",
            "relation": "opcon",
            "layer": "operational",
            "link": "jtf->gcc:opcon",
            "basis": "order",
            "source": "s1",
        },
        {
            "from": "pm",
            "to": "jcg",
            "relation": "control",
            "layer": "civil",
            "link": "pm->jcg:control",
            "basis": "SDF Law Art. 80",
            "source": None,
        },
    ]
    assert [(c["from"], c["to"]) for c in data["lapsed"]] == [("hq", "gcc")]
    assert data["nodes_activated"] == ["jtf"] and data["nodes_deactivated"] == []
    assert data["layer"] == "operational"
    assert data["chains_changed"] == [
        {
            "unit": "gcc",
            "before": [["pm", "mod", "hq", "gcc"]],
            "after": [["pm", "mod", "hq", "jtf", "gcc"]],
        },
        {"unit": "jtf", "before": [], "after": [["pm", "mod", "hq", "jtf"]]},
    ]
    assert data["gained"] == [
        {"authority": "hq", "units": [{"node": "jtf", "effective": ["opcon"], "consent": []}]},
        {"authority": "jtf", "units": [{"node": "gcc", "effective": ["opcon"], "consent": []}]},
        {"authority": "mod", "units": [{"node": "jtf", "effective": ["opcon"], "consent": []}]},
        {"authority": "pm", "units": [{"node": "jtf", "effective": ["opcon"], "consent": []}]},
    ]
    assert data["other_layers"] == [
        {
            "layer": "civil",
            "chains_changed": [
                {
                    "unit": "jcg",
                    "before": [["mlit", "jcg"]],
                    "after": [["mlit", "jcg"], ["pm", "jcg"]],
                }
            ],
            "gained": [
                {
                    "authority": "pm",
                    "units": [{"node": "jcg", "effective": ["control"], "consent": []}],
                }
            ],
            "lost": [],
        }
    ]
    every = phase_switch(phased, before="peace", after="attack", layer="all")
    assert [c.unit for c in every.chains_changed] == ["gcc", "jcg", "jtf"]
    assert every.other_layers == ()
    assert data["lost"] == []
    # No ladder: entering the armed attack needs its own declaration, not the gray zone's.
    assert [(d["id"], d["deciders"], d["basis"]) for d in data["decisions"]["required"]] == [
        ("attack:declaration", ["pm"], "SDF Law Art. 76(1)(i)")
    ]
    assert [a["by"] for a in data["decisions"]["required"][0]["approvals"]] == ["cab", "diet"]


def test_de_escalation_ends_the_decisions_in_force(phased):
    result = phase_switch(phased, before="attack", after="peace")
    assert result.decisions.required == ()
    assert result.decisions.ending == ("attack:declaration",)
    assert [(c.authority, [u.node for u in c.units]) for c in result.lost] == [
        ("hq", ["jtf"]),
        ("jtf", ["gcc"]),
        ("mod", ["jtf"]),
        ("pm", ["jtf"]),
    ]
    (civil,) = result.other_layers
    assert [(c.authority, [u.node for u in c.units]) for c in civil.lost] == [("pm", ["jcg"])]
    assert result.gained == ()
    assert result.nodes_deactivated == ("jtf",)


def test_same_phase_changes_nothing(phased):
    data = phase_switch(phased, before="gray", after="gray").to_dict()
    assert all(data[k] == [] for k in ("activated", "lapsed", "chains_changed", "gained", "lost"))
    plan = data["decisions"]
    assert (plan["required"], plan["discretionary"], plan["choices"], plan["ending"]) == (
        [],
        [],
        [],
        [],
    )


def test_one_step_only_changes_what_changed(phased):
    result = phase_switch(phased, before="peace", after="gray")
    assert [c.unit for c in result.chains_changed] == ["jtf"]
    assert [d.id for d in result.decisions.required] == ["gray:declaration"]


def test_effective_authority_downgrade_is_loss_and_gain():
    model = build(
        [("a", "JP", "headquarters"), ("u", "JP", "unit")],
        [link("a", "u", "opcon", phases=["peace"]), link("a", "u", "tacon", phases=["war"])],
    )
    result = phase_switch(model, before="peace", after="war")
    assert [(c.authority, c.units[0].effective) for c in result.gained] == [("a", ("tacon",))]
    assert [(c.authority, c.units[0].effective) for c in result.lost] == [("a", ("opcon",))]
    assert result.chains_changed == ()


def test_unknown_phase_names_closest(phased):
    with pytest.raises(QueryError, match=r"unknown phase id 'atack' \(did you mean 'attack'\?\)"):
        phase_switch(phased, before="peace", after="atack")


def test_a_combined_body_gains_when_a_link_above_its_director_lapses():
    # hq holds only OPCON from pm in peace, so the combined body it directs holds OPCON of
    # the unit; in war pm's link lapses, hq is a national top holding command, and so does
    # the body: the body gains command although none of its own links changed.
    model = build(
        [
            ("pm", "JP", "political-authority"),
            ("hq", "JP", "headquarters"),
            ("chq", "alliance", "headquarters"),
            ("unit", "JP", "unit"),
        ],
        [
            link("pm", "hq", "opcon", phases=["peace"]),
            link("hq", "chq", "command"),
            link("chq", "unit", "command"),
        ],
    )
    result = phase_switch(model, before="peace", after="war")
    assert [(c.authority, [(u.node, u.effective) for u in c.units]) for c in result.gained] == [
        ("chq", [("unit", ("command",))])
    ]
    assert [(c.authority, [(u.node, u.effective) for u in c.units]) for c in result.lost] == [
        ("chq", [("unit", ("opcon",))]),
        ("pm", [("hq", ("opcon",))]),
    ]


@st.composite
def two_phase_models(draw):
    size = draw(st.integers(2, 8))
    relations = [
        "command",
        "opcon",
        "tacon",
        "transmits",
        "adcon",
        "control",
        "civil-command",
        "coordination",
    ]
    links = draw(forward_links(size, relations, max_links=16, phases=[["peace"], ["war"], "all"]))
    nodes = draw(
        numbered_nodes(
            size, kinds=["unit", "ministry", "headquarters"], nations=["JP", "US", "alliance"]
        )
    )
    return build(nodes, links)


@settings(max_examples=400, deadline=None)
@given(two_phase_models(), st.booleans(), st.sampled_from(["operational", "civil", "all"]))
def test_switch_matches_brute_force(model, forward, layer):
    before, after = ("peace", "war") if forward else ("war", "peace")
    result = phase_switch(model, before=before, after=after, layer=layer)
    forces = {n for n, node in model.nodes.items() if node.kind in FORCE_KINDS}
    expected_chains = {
        unit: (_listed(model, unit, before, layer), _listed(model, unit, after, layer))
        for unit in forces
    }
    assert {c.unit: (c.before, c.after) for c in result.chains_changed} == {
        unit: chains for unit, chains in expected_chains.items() if chains[0] != chains[1]
    }
    gained, lost = {}, {}
    for node in model.nodes:
        one = {
            r.node: set(r.effective)
            for r in reach(model, node, phase=before, layer=layer).reached
            if r.node in forces
        }
        two = {
            r.node: set(r.effective)
            for r in reach(model, node, phase=after, layer=layer).reached
            if r.node in forces
        }
        more = {(u, e) for u, values in two.items() for e in values - one.get(u, set())}
        less = {(u, e) for u, values in one.items() for e in values - two.get(u, set())}
        if more:
            gained[node] = more
        if less:
            lost[node] = less
    assert {
        c.authority: {(u.node, e) for u in c.units for e in u.effective} for c in result.gained
    } == gained
    assert {
        c.authority: {(u.node, e) for u in c.units for e in u.effective} for c in result.lost
    } == lost


def _listed(model, unit, phase, layer="operational"):
    """The unit's chains of command, listed from every authority path to it."""
    found = authority_paths(model, unit, phase=phase, layer=layer).paths
    return tuple(sorted({p.nodes for p in found}))


def test_a_link_on_another_basis_is_changed_once():
    model = build(
        [("pm", "JP", "political-authority"), ("mod", "JP", "ministry"), ("u", "JP", "unit")],
        [
            link("pm", "mod", "command", id="pm-mod-peace", phases=["peace"], basis="Art. 7"),
            link("pm", "mod", "command", id="pm-mod-war", phases=["war"], basis="Art. 76"),
            link("mod", "u", "opcon", phases=["war"]),
        ],
    )
    result = phase_switch(model, before="peace", after="war")
    assert [c.link for c in result.activated] == ["mod->u:opcon"]
    assert result.lapsed == ()
    assert [c.to_dict() for c in result.changed] == [
        {
            "from": "pm",
            "to": "mod",
            "relation": "command",
            "layer": "operational",
            "before": {"link": "pm-mod-peace", "basis": "Art. 7", "source": None},
            "after": {"link": "pm-mod-war", "basis": "Art. 76", "source": None},
        }
    ]
    back = phase_switch(model, before="war", after="peace")
    assert (back.activated, [c.link for c in back.lapsed]) == ((), ["mod->u:opcon"])
    assert [(c.before.basis, c.after.basis) for c in back.changed] == [("Art. 76", "Art. 7")]
