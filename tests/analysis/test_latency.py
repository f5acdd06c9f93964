"""Latency: hand-checked times across a weekend, the date line and a daylight-saving change;
adding a decision never makes anything faster; a node on a 24/7 watch never waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import load_model_data
from c2graph.analysis.latency import latency
from tests.builders import node

TOKYO_TZ = ZoneInfo("Asia/Tokyo")
OFFICE = {
    "Asia/Tokyo": "Mon-Fri 08:30-17:15",
    "Pacific/Honolulu": "Mon-Fri 07:30-16:30",
    "America/New_York": "Mon-Fri 08:30-17:30",
}
PLACES = {
    "tokyo": ("Asia/Tokyo", 9, 35.69, 139.73),
    "hawaii": ("Pacific/Honolulu", -10, 21.39, -157.89),
    "dc": ("America/New_York", -5, 38.87, -77.06),
}


def locations():
    return [
        {
            "id": place,
            "name": place,
            "lat": lat,
            "lon": lon,
            "utc_offset": offset,
            "tz": zone,
            "office_hours": {"hours": [OFFICE[zone]]},
        }
        for place, (zone, offset, lat, lon) in PLACES.items()
    ]


def hours(low, high, unit="h"):
    return {"min": low, "max": high, "unit": unit, "assumption": "test"}


def make(phases, nodes, links, decisions, **extra):
    return load_model_data(
        {
            "name": "t",
            "as_of": "2026-05-15",
            "phases": phases,
            "nodes": nodes,
            "links": links,
            "decisions": decisions,
            "locations": locations(),
            **extra,
        }
    )


def japan():
    """Cabinet, PM and Diet in Tokyo on office hours; the PM commands HQ in an attack."""
    return make(
        [
            {"id": "peace", "name": "Peace"},
            {"id": "attack", "name": "Attack", "requires": ["plan"]},
        ],
        [
            node("cab", "JP", "political-authority", location="tokyo"),
            node("pm", "JP", "political-authority", location="tokyo"),
            node("diet", "JP", "legislature", location="tokyo"),
            node("hq", "JP", "headquarters", location="tokyo", watch={"hours": "24/7"}),
        ],
        [
            {
                "from": "pm",
                "to": "hq",
                "relation": "command",
                "phases": ["attack"],
                "requires": ["order"],
            }
        ],
        [
            {
                "id": "plan",
                "name": "Plan",
                "deciders": ["cab"],
                "kind": "cabinet-decision",
                "duration": hours(1, 6),
            },
            {
                "id": "order",
                "name": "Order",
                "deciders": ["pm"],
                "kind": "order",
                "prerequisites": ["plan"],
                "duration": hours(0.5, 3),
                "approvals": [
                    {"by": "diet", "timing": "prior-or-after", "duration": hours(1, 7, "d")}
                ],
            },
        ],
    )


def test_a_saturday_02_00_start_waits_for_monday_in_tokyo():
    # Start Sat 16 May 2026 02:00 JST. The Cabinet works Mon-Fri 08:30-17:15: the plan
    # begins Mon 18 May 08:30 = 48 h + 6.5 h = +54.5 h, and is in force 1-6 h later
    # (+55.5 .. +60.5 h), which enters the attack phase.
    start = datetime(2026, 5, 16, 2, tzinfo=TOKYO_TZ)
    result = latency(japan(), after="attack", start=start, target="hq")
    assert result.entered.hours() == (55.5, 60.5)
    # At best the order begins at once (Mon 09:30) and takes 0.5 h; the Diet's approval is
    # after the fact in an emergency: the link holds at +56 h (Mon 10:00).
    # At worst it begins Mon 14:30 and takes 3 h (Mon 17:30, after the Diet's 17:15): the
    # prior approval begins Tue 08:30 (+78.5 h) and takes 7 days: +246.5 h (Tue 26 May 08:30).
    (link,) = result.links
    assert (link.link, link.hours()) == ("pm->hq:command", (56.0, 246.5))
    # HQ keeps a 24/7 watch: the order reaches it as soon as the link holds.
    assert result.arrival.hours() == (56.0, 246.5)
    begins = {e.subject: (e.waited, e.local) for e in result.events if e.kind == "begins"}
    assert begins["plan"] == ((54.5, 54.5), ("Mon 08:30 JST", "Mon 08:30 JST"))
    assert [label for label, _ in result.critical[1]][-3:] == [
        "order approved by diet",
        "link pm->hq:command holds",
        "order received by hq",
    ]


def test_without_a_start_only_decision_time_counts():
    # Plan 1-6 h, order 0.5-3 h, prior Diet approval at worst 7 d: 1.5 .. 6 + 3 + 168 h.
    result = latency(japan(), after="attack")
    assert result.links[0].hours() == (1.5, 177.0)
    assert "no start given: office hours and watches not applied" in result.assumptions


def pacific():
    """INDOPACOM (Honolulu, office hours) delegates; the fleet in Tokyo is on office hours."""
    return make(
        [
            {"id": "steady", "name": "Steady", "nation": "US"},
            {"id": "combat", "name": "Combat", "nation": "US", "requires": ["delegate"]},
        ],
        [
            node("pacom", "US", "headquarters", location="hawaii"),
            node("fleet", "US", "component", location="tokyo"),
            node("local", "US", "component", location="hawaii"),
        ],
        [
            {"from": "pacom", "to": "fleet", "relation": "opcon", "phases": ["combat"]},
            {"from": "pacom", "to": "local", "relation": "opcon", "phases": ["combat"]},
        ],
        [
            {
                "id": "delegate",
                "name": "Delegate OPCON",
                "deciders": ["pacom"],
                "kind": "delegation",
                "duration": hours(1, 1),
            }
        ],
    )


def test_across_the_date_line_honolulus_friday_is_tokyos_saturday():
    # Start Fri 15 May 2026 18:00 JST = 09:00 UTC = Thu 14 May 23:00 HST. INDOPACOM's day
    # begins Fri 07:30 HST (17:30 UTC, +8.5 h); the delegation takes 1 h: +9.5 h, i.e.
    # Fri 08:30 HST = Sat 03:30 JST. The fleet in Tokyo is off duty until Mon 18 May 08:30
    # JST = Sun 23:30 UTC: +62.5 h. A unit in Honolulu gets the order at once (+9.5 h).
    start = datetime(2026, 5, 15, 18, tzinfo=TOKYO_TZ)
    model = pacific()
    assert latency(model, after="combat", start=start, target="fleet").arrival.hours() == (
        62.5,
        62.5,
    )
    assert latency(model, after="combat", start=start, target="local").arrival.hours() == (
        9.5,
        9.5,
    )
    event = next(
        e for e in latency(model, after="combat", start=start).events if e.kind == "in force"
    )
    assert event.local == ("Fri 08:30 HST", "Fri 08:30 HST")


def test_across_the_us_daylight_saving_change():
    # Start Fri 6 Mar 2026 18:00 EST = 23:00 UTC. Daylight saving starts Sun 8 Mar, so the
    # next office day opens Mon 9 Mar 08:30 EDT = 12:30 UTC: 61.5 h later (62.5 h had the
    # clock stayed on EST). The decision takes 2 h: in force at +63.5 h.
    model = make(
        [
            {"id": "steady", "name": "Steady", "nation": "US"},
            {"id": "combat", "name": "Combat", "nation": "US", "requires": ["execute"]},
        ],
        [node("osd", "US", "political-authority", location="dc")],
        [],
        [
            {
                "id": "execute",
                "name": "Execute",
                "deciders": ["osd"],
                "kind": "order",
                "duration": hours(2, 2),
            }
        ],
    )
    start = datetime(2026, 3, 6, 18, tzinfo=ZoneInfo("America/New_York"))
    result = latency(model, after="combat", start=start)
    begins = next(e for e in result.events if e.kind == "begins")
    assert begins.time.hours() == (61.5, 61.5)
    assert begins.local == ("Mon 08:30 EDT", "Mon 08:30 EDT")
    assert result.entered.hours() == (63.5, 63.5)


def test_a_joint_decision_waits_for_every_decider_and_may_never_start():
    # Tokyo and Washington share no office hours: within the 28-day horizon a joint
    # decision of the two never finds a common duty time.
    model = make(
        [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "requires": ["joint"]}],
        [
            node("kantei", "JP", "political-authority", location="tokyo"),
            node("white-house", "US", "political-authority", location="dc"),
        ],
        [],
        [
            {
                "id": "joint",
                "name": "Joint",
                "deciders": ["kantei", "white-house"],
                "kind": "consultation",
                "duration": hours(1, 1),
            }
        ],
    )
    start = datetime(2026, 5, 18, 9, tzinfo=TOKYO_TZ)
    assert latency(model, after="b", start=start).entered.hours() == (None, None)


# --- properties --------------------------------------------------------------------------------

ZONES = ("tokyo", "hawaii", "dc")


@st.composite
def schedules(draw):
    """A random model: deciders in three zones, some on 24/7 watches, and decisions whose
    prerequisites are earlier decisions; links require some of them."""
    count = draw(st.integers(1, 5))
    nodes = [
        node(
            f"n{i}",
            "JP",
            "political-authority",
            location=draw(st.sampled_from(ZONES)),
            **({"watch": {"hours": "24/7"}} if draw(st.booleans()) else {}),
        )
        for i in range(3)
    ] + [node("hq", "JP", "headquarters"), node("u", "JP", "unit")]
    decisions = []
    for i in range(count):
        low = draw(st.integers(0, 12))
        decisions.append(
            {
                "id": f"d{i}",
                "name": f"D{i}",
                "kind": "order",
                "deciders": draw(
                    st.lists(
                        st.sampled_from(["n0", "n1", "n2"]), min_size=1, max_size=2, unique=True
                    )
                ),
                "duration": hours(low, low + draw(st.integers(0, 24))),
                **(
                    {"prerequisites": pre}
                    if (
                        pre := draw(
                            st.lists(st.sampled_from([f"d{j}" for j in range(i)]), unique=True)
                            if i
                            else st.just([])
                        )
                    )
                    else {}
                ),
            }
        )
    ids = [d["id"] for d in decisions]
    needs = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    links = [{"from": "hq", "to": "u", "relation": "opcon", "phases": ["war"], "requires": needs}]
    start = datetime(2026, 5, 11, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 7 * 24 * 60)))
    return nodes, decisions, links, start


def times(nodes, decisions, links, start):
    model = make(
        [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}], nodes, links, decisions
    )
    result = latency(model, after="war", start=start)
    return [t for link in result.links for t in link.hours()], result


@settings(max_examples=40, deadline=None)
@given(schedules(), st.data())
def test_adding_a_decision_never_makes_anything_faster(drawn, data):
    nodes, decisions, links, start = drawn
    before, _ = times(nodes, decisions, links, start)
    extra = {
        "id": "extra",
        "name": "Extra",
        "kind": "order",
        "deciders": [data.draw(st.sampled_from(["n0", "n1", "n2"]))],
        "duration": hours(data.draw(st.integers(0, 6)), 6),
    }
    target = data.draw(st.sampled_from([*range(len(decisions)), "link"]))
    if target == "link":
        links = [links[0] | {"requires": [*links[0]["requires"], "extra"]}]
    else:
        decision = decisions[target]
        decisions = [
            *decisions[:target],
            decision | {"prerequisites": [*decision.get("prerequisites", []), "extra"]},
            *decisions[target + 1 :],
        ]
    after, _ = times(nodes, [extra, *decisions], links, start)
    for new, old in zip(after, before, strict=True):
        assert (old is None and new is None) or (old is not None and (new is None or new >= old))


@settings(max_examples=40, deadline=None)
@given(schedules())
def test_a_decider_on_a_24_7_watch_never_waits(drawn):
    nodes, decisions, links, start = drawn
    watched = [n | {"watch": {"hours": "24/7"}} for n in nodes]
    _, result = times(watched, decisions, links, start)
    assert [e.waited for e in result.events if e.kind == "begins"] == [(0.0, 0.0)] * len(
        [e for e in result.events if e.kind == "begins"]
    )
    assert all(t is not None for link in result.links for t in link.hours())
