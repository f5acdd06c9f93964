"""Decisions, phase sets, scenarios, timelines, zones and office hours in model files: what
loads, and the one-line error (file, line, item) each mistake gets."""

from __future__ import annotations

import pytest

from c2graph import ModelError, load_model
from c2graph.decisions import Requirement
from c2graph.modelfile.timelines import load_timelines

GOOD = """\
name: decisions
as_of: 2025-10-29
phases:
  - {id: peace, name: Peace, nation: JP}
  - {id: attack, name: Attack, nation: JP, requires: [plan]}
  - {id: steady, name: Steady, nation: US}
  - {id: combat, name: Combat, nation: US, requires: [execute]}
scenarios:
  - {id: both, name: Both, phases: {JP: attack, US: combat}}
nodes:
  - {id: cab, name: Cabinet, nation: JP, kind: political-authority, location: tokyo}
  - {id: pm, name: PM, nation: JP, kind: political-authority, location: tokyo,
     watch: {hours: 24/7, confidence: medium}}
  - {id: potus, name: President, nation: US, kind: political-authority}
  - {id: sdf, name: SDF, nation: JP, kind: headquarters, phases: {from: attack}}
links:
  - {from: pm, to: sdf, relation: command, phases: {JP: [attack], US: [combat]},
     requires: {all: [order, {any: [plan, execute]}]}}
decisions:
  - id: plan
    name: Plan
    deciders: [cab]
    kind: cabinet-decision
    duration: {min: 1, max: 6, unit: h, assumption: no published timing}
  - id: order
    name: Order
    deciders: [pm]
    kind: order
    prerequisites: [plan]
    approvals: [{by: cab, timing: after, within: 20 d}]
  - {id: execute, name: Execute, deciders: [potus], kind: order, discretionary: true}
timelines:
  - id: t
    name: T
    steps:
      - {at: "2026-05-16T02:00+09:00", enter: attack}
      - {at: "2026-05-17T02:00+09:00", enter: both}
locations:
  - id: tokyo
    name: Tokyo
    lat: 35.69
    lon: 139.73
    utc_offset: 9
    tz: Asia/Tokyo
    office_hours: {hours: [Mon-Fri 08:30-17:15]}
"""


@pytest.fixture
def problems(write_model):
    def run(text: str) -> list[str]:
        path = write_model(text, "m.yaml")
        with pytest.raises(ModelError) as err:
            load_model(path)
        return [str(p).replace(str(path), "m.yaml", 1) for p in err.value.problems]

    return run


def edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def test_the_format_loads(write_model):
    model = load_model(write_model(GOOD))
    assert [p.id for p in model.phases] == ["peace", "attack"]
    assert [p.id for p in model.other_phases] == ["steady", "combat"]
    assert [(p.id, p.index) for p in model.phase_sets["US"]] == [("steady", 0), ("combat", 1)]
    (only,) = model.links
    assert only.phases == {"both"}
    assert only.requires == Requirement("all", ("order", Requirement("any", ("plan", "execute"))))
    assert sorted(model.node("sdf").phases) == ["attack", "both"]
    assert model.situation("combat").text() == "JP: peace, US: combat"
    assert model.decision("order").approvals[0].within == "20 d"
    assert model.decision("execute").discretionary
    assert model.node("pm").watch.always and model.locations["tokyo"].tz == "Asia/Tokyo"
    assert [s.enter for s in model.timelines["t"].steps] == ["attack", "both"]


def test_the_written_form_round_trips(write_model):
    from c2graph import load_model_data

    model = load_model(write_model(GOOD))
    again = load_model_data(model.to_dict())
    assert again.links == model.links
    assert again.decisions == model.decisions
    assert again.scenarios == model.scenarios
    assert again.timelines == model.timelines
    assert again.locations == model.locations
    assert again.nodes == model.nodes


CASES = {
    "unknown decision in requires": (
        ("requires: [plan]}", "requires: [plam]}"),
        [
            "m.yaml:5: phases[1] (id='attack') → requires: unknown decision 'plam' "
            "(did you mean 'plan'?)"
        ],
    ),
    "unknown prerequisite": (
        ("prerequisites: [plan]", "prerequisites: [plan, lunch]"),
        [
            "m.yaml:29: decisions[1] (id='order') → prerequisites: unknown decision 'lunch'; "
            "define it under 'decisions'"
        ],
    ),
    "cycle in prerequisites": (
        (
            "    kind: cabinet-decision\n    duration",
            "    kind: cabinet-decision\n    prerequisites: [order]\n    duration",
        ),
        [
            "m.yaml:30: decisions[1] (id='order') → prerequisites: decision prerequisites make a "
            "cycle: plan → order → plan; drop one of them"
        ],
    ),
    "decider absent in the phase": (
        (
            "  - {id: cab, name: Cabinet, nation: JP, kind: political-authority, location: tokyo}",
            "  - {id: cab, name: Cabinet, nation: JP, kind: political-authority, location: tokyo,\n"
            "     phases: [peace]}",
        ),
        [
            "m.yaml:5: phases[1] (id='attack') → requires: decision 'plan' is taken by 'cab', "
            "which is not active in phase 'attack'",
            "m.yaml:19: links[0] (from='pm', to='sdf') → requires: decision 'order' is approved by "
            "'cab', which is not active in phase 'both', where the link holds",
            "m.yaml:19: links[0] (from='pm', to='sdf') → requires: decision 'plan' is taken by "
            "'cab', which is not active in phase 'both', where the link holds",
        ],
    ),
    "unknown zone": (
        ("tz: Asia/Tokyo", "tz: Asia/Tokio"),
        [
            "m.yaml:44: locations[0] (id='tokyo') → tz: unknown time zone 'Asia/Tokio' (did you "
            "mean 'Asia/Tokyo' or 'Asia/Tomsk' or 'Asia/Thimbu'?); use an IANA zone id"
        ],
    ),
    "zone and offset disagree": (
        ("utc_offset: 9", "utc_offset: 8"),
        [
            "m.yaml:43: locations[0] (id='tokyo') → utc_offset: utc_offset 8 does not match tz "
            "'Asia/Tokyo' (standard offset +9): fix one of them"
        ],
    ),
    "overlapping office hours": (
        ("[Mon-Fri 08:30-17:15]", "[Mon-Fri 08:30-17:15, Fri 17:00-19:00]"),
        [
            "m.yaml:45: locations[0] (id='tokyo') → office_hours → hours: 'Fri 17:00-19:00' "
            "overlaps 'Mon-Fri 08:30-17:15' on Fri 17:00-17:15: merge them"
        ],
    ),
    "bad office hours entry": (
        ("[Mon-Fri 08:30-17:15]", "[Mon-Fry 08:30-17:15]"),
        [
            "m.yaml:45: locations[0] (id='tokyo') → office_hours → hours[0]: unknown days "
            "'Mon-Fry' in 'Mon-Fry 08:30-17:15': use Mon, Tue, ..., Sun, ranges or daily"
        ],
    ),
    "duration max below min": (
        ("{min: 1, max: 6, unit: h,", "{min: 6, max: 1, unit: h,"),
        [
            "m.yaml:24: decisions[0] (id='plan') → duration → max: max 1 is less than min 6: give "
            "the range as min to max"
        ],
    ),
    "duration without source or assumption": (
        ("unit: h, assumption: no published timing}", "unit: h}"),
        [
            "m.yaml:24: decisions[0] (id='plan') → duration: a duration needs 'source' (where the "
            "range comes from) or 'assumption' (why it is assumed)"
        ],
    ),
    "requirement written as text": (
        ("requires: [plan]}", "requires: plan}"),
        [
            "m.yaml:5: phases[1] (id='attack') → requires: expected a list of decision ids, or "
            "{any: [...]} / {all: [...]}, got text 'plan'; write [plan]"
        ],
    ),
    "phases of two nations in one list": (
        ("phases: {JP: [attack], US: [combat]}", "phases: [attack, combat]"),
        [
            "m.yaml:17: links[0] (from='pm', to='sdf') → phases: a list of phases names one "
            "nation's phases; 'attack' is JP's, 'combat' US's: write {JP: [...], US: [...]}"
        ],
    ),
    "a phase of the wrong nation": (
        ("phases: {JP: [attack], US: [combat]}", "phases: {JP: [combat]}"),
        [
            "m.yaml:17: links[0] (from='pm', to='sdf') → phases: phase 'combat' is not one of "
            "JP's phases (peace, attack)"
        ],
    ),
    "scenario of an unknown nation": (
        ("phases: {JP: attack, US: combat}", "phases: {JP: attack, KR: combat}"),
        ["m.yaml:9: scenarios[0] (id='both') → phases: unknown nation 'KR': no phases name it"],
    ),
    "timeline out of order and unknown step": (
        (
            '{at: "2026-05-17T02:00+09:00", enter: both}',
            '{at: "2026-05-15T02:00+09:00", enter: bath}',
        ),
        [
            "m.yaml:37: timelines[0] (id='t') → steps[1] → at: 2026-05-15T02:00+09:00 is earlier "
            "than the step before it",
            "m.yaml:37: timelines[0] (id='t') → steps[1] → enter: unknown phase or scenario "
            "'bath' (did you mean 'both' or 'combat'?)",
        ],
    ),
    "approval timing unknown": (
        ("timing: after,", "timing: later,"),
        [
            "m.yaml:30: decisions[1] (id='order') → approvals[0] → timing: expected one of prior, "
            "prior-no-exception, prior-or-after, immediately-after, after, report, got 'later' "
            "(did you mean 'after'?)"
        ],
    ),
    "office hours without a clock": (
        (
            "  - {id: potus, name: President, nation: US, kind: political-authority}",
            "  - {id: potus, name: President, nation: US, kind: political-authority,\n"
            "     office_hours: {hours: [Mon-Fri 09:00-17:00]}}",
        ),
        [
            "m.yaml:15: nodes[2] (id='potus') → office_hours: office hours need a clock: give the "
            "node a location (with 'tz')"
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_one_line_error_with_file_and_line(problems, case):
    (old, new), expected = CASES[case]
    assert problems(edit(old, new)) == expected


def test_a_timeline_file_is_checked_against_the_model(write_model, tmp_path):
    model = load_model(write_model(GOOD))
    steps = tmp_path / "steps.yaml"
    steps.write_text(
        "timelines:\n  - id: x\n    name: X\n    steps:\n"
        "      - {at: 2026-05-16T02:00+09:00, enter: combat}\n",
        encoding="utf-8",
    )
    (timeline,) = load_timelines(steps, model)
    assert [s.enter for s in timeline.steps] == ["combat"]
    steps.write_text("steps: []\n", encoding="utf-8")
    with pytest.raises(ModelError, match="a timeline file has one key, 'timelines'"):
        load_timelines(steps, model)
