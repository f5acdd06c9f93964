"""Scenario timelines: at each timed step, what activates and lapses, and the decisions the
step needs.

Each step is compared with the one before it; the first with the model's first phase.
Decisions an earlier step needed count as in force until a step ends them.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "sdf", "name": "SDF", "nation": "JP", "kind": "headquarters"}],
...     "links": [{"from": "pm", "to": "sdf", "relation": "command", "phases": ["war"]}],
...     "timelines": [{"id": "t", "name": "T", "steps": [
...         {"at": "2026-05-16T02:00+09:00", "enter": "war"},
...         {"at": "2026-05-20T09:00+09:00", "enter": "peace"}]}]})
>>> [(s.enter, [c.link for c in s.activated], [c.link for c in s.lapsed])
...  for s in timeline(model, "t").steps]
[('war', ['pm->sdf:command'], []), ('peace', [], ['pm->sdf:command'])]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..errors import QueryError
from ..hints import did_you_mean
from ..model import Model
from ..scenarios import Timeline
from .decisions import DecisionPlan, decision_plan
from .graphs import links_switched, phase_graphs
from .switches import BasisChange, LinkChange, link_changes

__all__ = ["StepResult", "TimelineResult", "timeline"]


@dataclass(frozen=True)
class StepResult(Displayable):
    """One step: when, the situation entered, what changes from the step before."""

    at: str
    enter: str
    situation: str
    note: str | None
    activated: tuple[LinkChange, ...]
    lapsed: tuple[LinkChange, ...]
    changed: tuple[BasisChange, ...]
    nodes_activated: tuple[str, ...]
    nodes_deactivated: tuple[str, ...]
    decisions: DecisionPlan

    def to_dict(self) -> dict[str, Any]:
        """Return the step as JSON-ready data."""
        return {
            "at": self.at,
            "enter": self.enter,
            "situation": self.situation,
            "note": self.note,
            "activated": [c.to_dict() for c in self.activated],
            "lapsed": [c.to_dict() for c in self.lapsed],
            "changed": [c.to_dict() for c in self.changed],
            "nodes_activated": list(self.nodes_activated),
            "nodes_deactivated": list(self.nodes_deactivated),
            "decisions": self.decisions.to_dict(),
        }


@dataclass(frozen=True)
class TimelineResult(Displayable):
    """A timeline's steps, each with what it changes."""

    id: str
    name: str
    steps: tuple[StepResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the timeline as JSON-ready data."""
        return {"id": self.id, "name": self.name, "steps": [s.to_dict() for s in self.steps]}


def timeline(
    model: Model, timeline_id: str | None = None, *, given: Timeline | None = None
) -> TimelineResult:
    """Return what activates and lapses at each step of a timeline.

    Parameters
    ----------
    model
        The model.
    timeline_id
        One of the model's timelines; default its first.
    given
        A timeline read from elsewhere (a separate timeline file), used instead.

    Returns
    -------
    TimelineResult
        The steps in order.

    Raises
    ------
    QueryError
        When the model has no such timeline (or none at all), or a step names an unknown
        phase or scenario.

    Examples
    --------
    See the module example.
    """
    chosen = given or _timeline(model, timeline_id)
    steps = []
    before = model.phases[0].id
    taken: frozenset[str] = frozenset()
    for step in chosen.steps:
        plan = decision_plan(model, before=before, after=step.enter, held=taken)
        situation = model.situation(step.enter)
        one, two = phase_graphs(model, before), phase_graphs(model, step.enter)
        started, ended, changed = link_changes(*links_switched(one, two))
        steps.append(
            StepResult(
                at=step.at,
                enter=step.enter,
                situation=situation.text(),
                note=step.note,
                activated=started,
                lapsed=ended,
                changed=changed,
                nodes_activated=tuple(sorted(set(two.nodes) - set(one.nodes))),
                nodes_deactivated=tuple(sorted(set(one.nodes) - set(two.nodes))),
                decisions=plan,
            )
        )
        decided = {d.id for d in (*plan.required, *plan.discretionary)}
        taken = frozenset((taken | decided) - set(plan.ending))
        before = step.enter
    return TimelineResult(chosen.id, chosen.name, tuple(steps))


def _timeline(model: Model, timeline_id: str | None) -> Timeline:
    if not model.timelines:
        raise QueryError("the model has no timelines: give one with --file or add 'timelines'")
    if timeline_id is None:
        return next(iter(model.timelines.values()))
    if timeline_id not in model.timelines:
        hint = did_you_mean(timeline_id, model.timelines)
        raise QueryError(f"unknown timeline id {timeline_id!r}{hint}")
    return model.timelines[timeline_id]
