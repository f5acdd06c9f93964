"""``c2graph latency``, ``counterparts`` and ``timeline``: text, JSON, drawings and errors."""

from __future__ import annotations

import json

import pytest

from tests.builders import run_main as run

MODEL = """\
name: small
as_of: 2026-05-15
phases:
  - {id: peace, name: Peace}
  - {id: attack, name: Attack, requires: [plan]}
nodes:
  - {id: cab, name: Cabinet, nation: JP, kind: political-authority, location: tokyo}
  - {id: hq, name: HQ, nation: JP, kind: headquarters, location: tokyo}
  - {id: pacom, name: INDOPACOM, nation: US, kind: headquarters, location: hawaii}
links:
  - {from: cab, to: hq, relation: command, phases: [attack]}
  - {from: hq, to: pacom, relation: counterpart}
decisions:
  - {id: plan, name: Plan, deciders: [cab], kind: cabinet-decision,
     duration: {min: 1, max: 6, unit: h, assumption: none published}}
timelines:
  - id: t
    name: T
    steps:
      - {at: "2026-05-16T02:00+09:00", enter: attack}
      - {at: "2026-05-20T09:00+09:00", enter: peace}
locations:
  - {id: tokyo, name: Tokyo, lat: 35.69, lon: 139.73, utc_offset: 9, tz: Asia/Tokyo,
     office_hours: {hours: [Mon-Fri 08:30-17:15]}}
  - {id: hawaii, name: Camp Smith, lat: 21.39, lon: -157.89, utc_offset: -10,
     tz: Pacific/Honolulu, office_hours: {hours: [Mon-Fri 07:30-16:30]}}
"""


@pytest.fixture
def model_path(write_model):
    return str(write_model(MODEL))


def test_latency_text_from_a_saturday_night_in_tokyo(model_path, capsys):
    # Sat 02:00 JST; the Cabinet's day begins Mon 08:30 (+54.5 h); the plan takes 1-6 h.
    code, out, err = run(
        capsys,
        "latency",
        model_path,
        "--to",
        "attack",
        "--start",
        "2026-05-16T02:00[Asia/Tokyo]",
        "--target",
        "hq",
    )
    assert (code, err) == (0, "")
    assert out == (
        "latency from 'peace' to 'attack'\n"
        "start: Sat 2026-05-16 02:00 JST (2026-05-16T02:00:00+09:00)\n"
        "\n"
        "timeline (earliest .. latest, from the start; [local time of who acts]):\n"
        "  +54.5 h                plan begins (cab)   [Mon 08:30 JST]   waited 54.5 .. 54.5 h "
        "for duty hours\n"
        "  +55.5 h .. +60.5 h     plan in force (cab)   [Mon 09:30 JST .. Mon 14:30 JST]\n"
        "  +55.5 h .. +60.5 h     attack entered\n"
        "  +55.5 h .. +60.5 h     link cab->hq:command holds   [Mon 09:30 JST .. Mon 14:30 JST]\n"
        "\n"
        "links activated, when they can hold:\n"
        "  cab->hq:command: +55.5 h .. +60.5 h\n"
        "\n"
        "order to hq: +55.5 h .. +60.5 h along cab → hq\n"
        "\n"
        "critical path, at worst:\n"
        "  +54.5 h    plan begins [Mon 08:30]\n"
        "  +60.5 h    plan decided [Mon 14:30]\n"
        "  +60.5 h    attack entered [Mon 14:30]\n"
        "  +60.5 h    link cab->hq:command holds [Mon 14:30]\n"
        "  +60.5 h    order received by hq [Mon 14:30]\n"
        "\n"
        "critical path, at best:\n"
        "  +54.5 h    plan begins [Mon 08:30]\n"
        "  +55.5 h    plan decided [Mon 09:30]\n"
        "  +55.5 h    attack entered [Mon 09:30]\n"
        "  +55.5 h    link cab->hq:command holds [Mon 09:30]\n"
        "  +55.5 h    order received by hq [Mon 09:30]\n"
        "\n"
        "assumptions (all from the model):\n"
        "  plan takes 1–6 h (assumption: none published)\n"
        "  cab passes an order on at once (no relay time in the model)\n"
        "  cab: Asia/Tokyo; Mon-Fri 08:30-17:15 (location office hours)\n"
        "  hq: Asia/Tokyo; Mon-Fri 08:30-17:15 (location office hours)\n"
    )


def test_latency_json_carries_the_same_information(model_path, capsys):
    code, out, _ = run(
        capsys,
        "latency",
        model_path,
        "--to",
        "attack",
        "--start",
        "2026-05-16T02:00+09:00",
        "--json",
    )
    data = json.loads(out)
    assert (code, data["start"], data["office_hours_applied"]) == (
        0,
        "2026-05-16T02:00:00+09:00",
        True,
    )
    assert data["links"] == [
        {
            "link": "cab->hq:command",
            "requires": None,
            "earliest_hours": 55.5,
            "latest_hours": 60.5,
            "earliest": "2026-05-18T00:30:00+00:00",
            "latest": "2026-05-18T05:30:00+00:00",
        }
    ]
    begins = data["events"][0]
    assert (begins["kind"], begins["local"], begins["waited_hours"]) == (
        "begins",
        ["Mon 08:30 JST", "Mon 08:30 JST"],
        [54.5, 54.5],
    )
    assert [s["step"] for s in data["critical_path"]["latest"]][-1] == "link cab->hq:command holds"
    assert data["assumptions"][0] == "plan takes 1–6 h (assumption: none published)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--to", "attack", "--start", "2026-05-16T02:00"],
            "c2graph latency: error: --start 2026-05-16T02:00: give the UTC offset "
            "(2026-05-16T02:00+09:00) or the zone (2026-05-16T02:00[Asia/Tokyo])\n",
        ),
        (
            ["--to", "attack", "--start", "2026-05-16T02:00[Asia/Tokio]"],
            "c2graph latency: error: --start 2026-05-16T02:00[Asia/Tokio]: unknown time zone "
            "'Asia/Tokio'\n",
        ),
        (
            ["--to", "atack"],
            "c2graph latency: error: unknown phase id 'atack' (did you mean 'attack'?)\n",
        ),
        (
            ["--to", "attack", "--target", "hqq"],
            "c2graph latency: error: unknown node id 'hqq' (did you mean 'hq'?)\n",
        ),
    ],
)
def test_latency_errors(model_path, capsys, argv, message):
    assert run(capsys, "latency", model_path, *argv) == (2, "", message)


def test_counterparts_text_and_json(model_path, capsys):
    code, out, _ = run(capsys, "counterparts", model_path)
    assert code == 0
    assert out.splitlines()[:5] == [
        "counterparts in 'peace'",
        "",
        "hq (JP): holds no operational authority over forces; at tokyo, Asia/Tokyo",
        "  counterpart pacom (US): holds no operational authority over forces; at hawaii, "
        "Pacific/Honolulu",
        "    clock: 5 h ahead on the clock, one calendar day behind (UTC-10 vs UTC+9)",
    ]
    assert out.splitlines()[5].startswith(
        "    shared office hours, week of 2026-05-11: 12 h (Tue 08:30-11:30 (hq) = "
        "Mon 13:30-16:30 (pacom); "
    )
    code, out, _ = run(capsys, "counterparts", model_path, "--json")
    pair = json.loads(out)["pairs"][0]
    assert pair["clock_offset"] == {
        "a": "hq",
        "b": "pacom",
        "hours": 5.0,
        "day_shift": -1,
        "date_line": True,
        "raw": -19.0,
        "text": "5 h ahead on the clock, one calendar day behind (UTC-10 vs UTC+9)",
    }
    assert pair["shared_office_hours"]["weekly_hours"] == 12


def test_timeline_text_json_and_drawings(model_path, capsys, tmp_path):
    code, out, _ = run(capsys, "timeline", model_path)
    assert code == 0
    assert out == (
        "timeline 't': T\n"
        "\n"
        "step 1 at 2026-05-16T02:00+09:00: enter attack\n"
        "  decisions:\n"
        "    JP plan: Plan\n"
        "        cabinet decision by cab\n"
        "        takes 1–6 h (assumption: none published)\n"
        "        for: phase attack\n"
        "  activates: cab —command→ hq\n"
        "  lapses: nothing\n"
        "\n"
        "step 2 at 2026-05-20T09:00+09:00: enter peace\n"
        "  decisions: none\n"
        "  activates: nothing\n"
        "  lapses: cab —command→ hq\n"
    )
    code, out, _ = run(capsys, "timeline", model_path, "--json")
    assert [s["decisions"]["ending"] for s in json.loads(out)["steps"]] == [[], ["plan"]]
    panels = tmp_path / "t.dot"
    code, _, err = run(capsys, "timeline", model_path, "-o", str(panels))
    assert (code, err) == (0, f"{panels}: written\n")
    assert "Attack" in panels.read_text() and "Peace" in panels.read_text()
    code, _, err = run(capsys, "timeline", model_path, "-o", str(panels), "--per-step")
    assert err == f"{tmp_path / 't-1.dot'}: written\n{tmp_path / 't-2.dot'}: written\n"


def test_timeline_from_a_separate_file(model_path, capsys, tmp_path):
    steps = tmp_path / "steps.yaml"
    steps.write_text(
        "timelines:\n  - id: only\n    name: Only\n    steps:\n"
        "      - {at: 2026-05-16T02:00+09:00, enter: attack}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "timeline", model_path, "--file", str(steps))
    assert (code, out.splitlines()[0]) == (0, "timeline 'only': Only")
    code, _, err = run(capsys, "timeline", model_path, "missing", "--file", str(steps))
    assert (code, err) == (2, f"c2graph timeline: error: {steps}: no timeline 'missing'\n")
