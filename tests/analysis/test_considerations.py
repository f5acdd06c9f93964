"""The six considerations with measured facts, on a hand-built model."""

from __future__ import annotations

from hypothesis import given, settings

from c2graph.analysis.considerations import considerations
from tests.builders import alliance_models, link, node
from tests.builders import build_peacetime_war as build

LOCATIONS = [
    {"id": "ichigaya", "name": "Ichigaya", "lat": 35.6927, "lon": 139.7287, "utc_offset": 9},
    {"id": "smith", "name": "Camp Smith", "lat": 21.3858, "lon": -157.9064, "utc_offset": -10},
    {"id": "yokota", "name": "Yokota", "lat": 35.7486, "lon": 139.3486, "utc_offset": 9},
]
MODEL = build(
    [
        node("jjoc", "JP", "headquarters", location="ichigaya", short="JJOC"),
        node("indo", "US", "headquarters", location="smith", short="INDOPACOM"),
        node("usfj", "US", "headquarters", location="yokota", short="USFJ"),
        node("ju", "JP"),
        node("bocc", "alliance", "coordination-body", short="BOCC", phases=["war"]),
        node("cell", "alliance", "headquarters"),
    ],
    [
        link("jjoc", "indo", "counterpart"),
        link("indo", "usfj", "cocom"),
        link("jjoc", "ju", "opcon"),
        link("cell", "ju", "tacon", phases=["peacetime"]),
        link("jjoc", "bocc", "member"),
        link("usfj", "bocc", "member"),
    ],
    locations=LOCATIONS,
    considerations={"purpose": "defence of Japan", "readiness": "no forces assigned"},
    sources=[
        {"id": "s1", "title": "A", "date": "2024-07"},
        {"id": "s2", "title": "B", "date": "2025-03"},
    ],
)


def facts(key):
    return {f.label: f.value for f in considerations(MODEL).row(key).facts}


def test_texts_side_by_side_with_keys_in_order():
    view = considerations(MODEL)
    assert [(r.key, r.text) for r in view.rows] == [
        ("purpose", "defence of Japan"),
        ("locations", None),
        ("functions", None),
        ("agility", None),
        ("readiness", "no forces assigned"),
        ("timeline", None),
    ]


def test_locations_distance_and_time_zone_gaps():
    got = facts("locations")
    far, farther = 6194, 6228  # Ichigaya and Yokota to Camp Smith
    assert got == {
        "locations used": 3,
        "links whose ends sit apart": 2,
        "largest link distance (km)": farther,
        "farthest link": "INDOPACOM → USFJ",
        "largest clock offset (h)": 5,  # UTC-10 vs UTC+9: 19 h apart is 5 h on the clock
        "largest cross-nation link distance (km)": far,
        "farthest cross-nation link": "JJOC → INDOPACOM",
        "largest cross-nation clock offset (h)": 5,
    }


def test_functions_agility_readiness_timeline():
    assert facts("functions") == {
        "coordination bodies active in peacetime": "0",
        "coordination bodies active in war": "1: BOCC",
    }
    assert facts("agility") == {
        "links that switch between phases": 3,
        "peacetime → war": "2 activated, 1 lapsed",
    }
    assert facts("readiness") == {
        "forces assigned to collective nodes in peacetime": 1,
        "assigned forces": "JU",
    }
    assert facts("timeline") == {"as of": "2025", "newest source": "2025-03"}


def test_functions_list_forums_apart():
    model = build(
        [
            node("jm", "JP", "ministry"),
            node("um", "US", "ministry"),
            node("scc", "alliance", "forum", short="2+2"),
        ],
        [link("jm", "scc", "member"), link("um", "scc", "member", phases=["war"])],
    )
    found = {f.label: f.value for f in considerations(model).row("functions").facts}
    assert found == {
        "coordination bodies active in peacetime": "0",
        "coordination bodies active in war": "0",
        "forums active in peacetime": "1: 2+2",
        "forums active in war": "1: 2+2",
    }


def _facts_from_phase_graphs(model):
    """The facts of functions, agility and readiness read off each phase's graphs."""
    from c2graph.analysis.graphs import links_switched, phase_graphs
    from c2graph.analysis.switches import link_changes
    from c2graph.vocabulary import SPECIAL_NATIONS

    found = []
    for kind in ("coordination-body", "forum"):
        for phase in model.phase_ids:
            whole = phase_graphs(model, phase).whole
            found.append(
                sorted(n for n in whole if model.nodes[n].kind == kind and whole.degree(n) > 0)
            )
    for before, after in zip(model.phase_ids, model.phase_ids[1:], strict=False):
        switched = links_switched(phase_graphs(model, before), phase_graphs(model, after))
        found.append([len(part) for part in link_changes(*switched)])
    graphs = phase_graphs(model, model.phase_ids[0])
    found.append(
        sorted(
            {
                lower
                for upper, lower in graphs.authority.edges()
                if model.nodes[upper].nation in SPECIAL_NATIONS
                and lower in graphs.forces
                and model.nodes[lower].nation not in SPECIAL_NATIONS
            }
        )
    )
    return found


def _facts(model):
    view = considerations(model)
    functions = {f.label: list(f.nodes) for f in view.row("functions").facts}
    found = [
        functions.get(f"{label} active in {phase}", [])
        for label in ("coordination bodies", "forums")
        for phase in model.phase_ids
    ]
    for fact in view.row("agility").facts[1:]:
        counts = [int(word) for word in fact.value.replace(",", "").split() if word.isdigit()]
        found.append(counts + [0] * (3 - len(counts)))
    found.append(list(view.row("readiness").facts[1].nodes))
    return found


_KINDS = ("political-authority", "headquarters", "unit", "coordination-body", "forum")


@settings(max_examples=80, deadline=None)
@given(alliance_models(_KINDS, max_size=9, max_links=20))
def test_facts_are_those_of_the_phase_graphs(case):
    model, _size = case
    assert _facts(model) == _facts_from_phase_graphs(model)
