"""Clocks, clock offsets across the date line, and shared office hours (Appendix B of the
December 2026 review), with daylight saving from the zone database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from c2graph.analysis.timezones import clock, clock_offset, reference_instant, shared_hours
from tests.builders import HAWAII, TOKYO, build, node

WASHINGTON = {
    "id": "dc",
    "name": "Pentagon",
    "lat": 38.87,
    "lon": -77.06,
    "utc_offset": -5,
    "tz": "America/New_York",
    "office_hours": {"hours": ["Mon-Fri 08:30-17:30"]},
}


def trio(**extra):
    return build(
        [
            node("jjoc", "JP", "headquarters", location="tokyo"),
            node("pacom", "US", "headquarters", location="hawaii"),
            node("osd", "US", "political-authority", location="dc"),
            node("nowhere", "US", "unit"),
        ],
        [],
        locations=[TOKYO, HAWAII, WASHINGTON],
        **extra,
    )


def test_tokyo_to_honolulu_is_five_hours_ahead_on_the_clock_and_a_day_behind():
    # UTC+9 to UTC-10: -19 h, which is +5 h modulo 24 and one calendar day back:
    # Tuesday 08:30 in Tokyo is Monday 13:30 in Honolulu.
    offset = clock_offset(trio(), "jjoc", "pacom")
    assert (offset.hours, offset.day_shift, offset.raw, offset.date_line) == (5, -1, -19, True)
    back = clock_offset(trio(), "pacom", "jjoc")
    assert (back.hours, back.day_shift, back.raw) == (-5, 1, 19)
    assert back.text() == "5 h behind on the clock, one calendar day ahead (UTC+9 vs UTC-10)"


@pytest.mark.parametrize(
    ("at", "hours", "raw"),
    [
        # 15 Jan 2026: EST (UTC-5): -14 h is +10 h on the clock, one day back.
        (datetime(2026, 1, 15, 12, tzinfo=UTC), 10, -14),
        # 15 Jul 2026: EDT (UTC-4): -13 h is +11 h on the clock, one day back.
        (datetime(2026, 7, 15, 12, tzinfo=UTC), 11, -13),
    ],
)
def test_washington_offset_follows_daylight_saving(at, hours, raw):
    offset = clock_offset(trio(), "jjoc", "osd", at=at)
    assert (offset.hours, offset.day_shift, offset.raw) == (hours, -1, raw)


def test_a_node_without_location_keeps_utc_and_never_waits():
    model = trio()
    nowhere = clock(model, "nowhere")
    assert nowhere.always and nowhere.hours_from == "none"
    instant = datetime(2026, 5, 16, 17, tzinfo=UTC)
    assert nowhere.next_on_duty(instant) == instant
    assert clock_offset(model, "jjoc", "nowhere").raw == -9


def test_tokyo_and_honolulu_share_three_hours_a_day_tuesday_to_friday_in_tokyo():
    # JST 08:30-17:15 = UTC 23:30 (day before) - 08:15; HST 07:30-16:30 = UTC 17:30 -
    # 02:30 (next day). Overlap UTC 23:30-02:30 = Tokyo 08:30-11:30 = Honolulu 13:30-16:30
    # of the day before, so Tokyo's Monday meets Honolulu's Sunday: only Tue-Fri (12 h).
    shared = shared_hours(trio(), ["jjoc", "pacom"], week_of=date(2026, 5, 13))
    assert shared.week_of == date(2026, 5, 11)
    assert [w.text() for w in shared.windows] == [
        f"{day} 08:30-11:30 (jjoc) = {before} 13:30-16:30 (pacom)"
        for day, before in (("Tue", "Mon"), ("Wed", "Tue"), ("Thu", "Wed"), ("Fri", "Thu"))
    ]
    assert shared.weekly_hours == 12


@pytest.mark.parametrize("week_of", [date(2026, 1, 14), date(2026, 7, 15)])
def test_tokyo_and_washington_share_no_office_hours_in_winter_or_summer(week_of):
    # JST 08:30-17:15 = UTC 23:30-08:15; EST 08:30-17:30 = UTC 13:30-22:30 and EDT
    # UTC 12:30-21:30: neither meets Tokyo's day.
    assert shared_hours(trio(), ["jjoc", "osd"], week_of=week_of).windows == ()


@pytest.mark.parametrize(("week_of", "daily"), [(date(2026, 1, 14), 5), (date(2026, 7, 15), 4)])
def test_honolulu_and_washington_share_five_hours_in_winter_four_in_summer(week_of, daily):
    # HST 07:30-16:30 = UTC 17:30-02:30; EST 08:30-17:30 = UTC 13:30-22:30: 17:30-22:30
    # (5 h); EDT = UTC 12:30-21:30: 17:30-21:30 (4 h); Monday to Friday on both sides.
    shared = shared_hours(trio(), ["pacom", "osd"], week_of=week_of)
    assert [w.hours for w in shared.windows] == [daily] * 5


def test_a_chain_shares_only_what_every_node_shares():
    # Tokyo-Honolulu-Washington: Washington's day ends at 22:30 UTC (EST), Tokyo's starts
    # at 23:30 UTC: nothing is shared along the chain.
    assert shared_hours(trio(), ["jjoc", "pacom", "osd"], week_of=date(2026, 1, 14)).windows == ()


def test_daylight_saving_week_changes_the_shared_hours_on_its_monday():
    # DST starts Sunday 8 Mar 2026 in Washington: the week of 9 Mar is all EDT (4 h a day);
    # the week of 2 Mar all EST (5 h a day).
    model = trio()
    assert shared_hours(model, ["pacom", "osd"], week_of=date(2026, 3, 9)).weekly_hours == 20
    assert shared_hours(model, ["pacom", "osd"], week_of=date(2026, 3, 2)).weekly_hours == 25


def test_office_hours_come_from_node_then_location_then_model():
    model = build(
        [
            node("a", "JP", "unit", location="tokyo", office_hours={"hours": ["Sat 09:00-12:00"]}),
            node("b", "JP", "unit", location="base"),
            node("c", "JP", "unit", location="tokyo", watch={"hours": "24/7"}),
        ],
        [],
        locations=[TOKYO, {"id": "base", "name": "Base", "lat": 35, "lon": 139, "utc_offset": 9}],
        office_hours={"hours": ["Mon-Fri 09:00-17:00"], "note": "default"},
    )
    assert [clock(model, n).hours_from for n in "abc"] == ["node", "model", "location"]
    assert clock(model, "c", orders=True).hours_from == "watch"
    assert clock(model, "b").zone_name == "UTC+9 (fixed)"
    assert clock(model, "b").describe() == (
        "UTC+9 (fixed); Mon-Fri 09:00-17:00 (model office hours)"
    )


def test_reference_instant_is_noon_utc_on_as_of():
    assert reference_instant(build([node("a", "JP")], [])).isoformat() == (
        "2025-01-01T12:00:00+00:00"
    )
