"""Counterparts by situation: authority held (forces or none), conduits, clocks, shared hours."""

from __future__ import annotations

from c2graph.analysis.counterparts import counterparts
from tests.builders import HAWAII, TOKYO, build, link, node, shipped


def model():
    """A 2022-like Joint Staff that transmits the Minister's orders, INDOPACOM holding OPCON
    of a fleet in war only, and USFJ holding none."""
    return build(
        [
            node("dm", "JP", "political-authority", location="tokyo"),
            node("cjs", "JP", "staff", location="tokyo"),
            node("gcc", "JP", "component"),
            node("pacom", "US", "headquarters", location="hawaii"),
            node("fleet", "US", "component"),
            node("usfj", "US", "headquarters", location="tokyo"),
        ],
        [
            link("dm", "cjs", "command"),
            link("cjs", "gcc", "transmits"),
            link("pacom", "fleet", "opcon", phases=["war"]),
            link("cjs", "pacom", "counterpart"),
            link("cjs", "usfj", "counterpart"),
        ],
        locations=[TOKYO, HAWAII],
    )


def test_each_node_lists_its_counterparts_with_what_each_holds():
    found = counterparts(model(), phase="war")
    pairs = [(p.node.node, p.other.node, p.node.authority, p.other.authority) for p in found.pairs]
    assert pairs == [
        ("cjs", "pacom", "none", "opcon"),
        ("cjs", "usfj", "none", "none"),
        ("pacom", "cjs", "opcon", "none"),
        ("usfj", "cjs", "none", "none"),
    ]
    first = found.pairs[0]
    # a conduit holds no command of its own: the Minister's passes through it
    assert (first.node.conduit, first.node.forces, first.other.forces) == (True, (), ("fleet",))
    assert (first.offset.hours, first.offset.day_shift) == (5, -1)
    # Tokyo and Honolulu share 3 h a day, Tuesday to Friday in Tokyo (as_of 2025: the week
    # of Monday 30 Dec 2024)
    assert first.shared.weekly_hours == 12
    same_site = found.pairs[1]
    assert same_site.offset.text() == "same clock" and same_site.shared.weekly_hours == 43.75


def test_in_peace_the_combatant_command_holds_nothing_here():
    found = counterparts(model(), phase="peace")
    assert [(p.node.node, p.node.authority) for p in found.pairs][2] == ("pacom", "none")


def test_shipped_2025_jjoc_counterparts_and_their_clocks():
    found = counterparts(shipped("us-japan-2025.yaml"), phase="remote-island-attack")
    jjoc = {p.other.node: p for p in found.pairs if p.node.node == "jp-jjoc"}
    assert set(jjoc) == {"us-indopacom", "us-usfj"}
    assert (jjoc["us-indopacom"].node.authority, jjoc["us-indopacom"].other.authority) == (
        "command",
        "cocom",
    )
    assert jjoc["us-usfj"].other.authority == "none"
    assert jjoc["us-indopacom"].shared.weekly_hours == 12
    assert jjoc["us-usfj"].offset.text() == "same clock"
    pentagon = next(p for p in found.pairs if p.node.node == "jp-mod")
    assert (pentagon.other.node, pentagon.shared.weekly_hours) == ("us-secdef", 0)
