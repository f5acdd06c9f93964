"""Situations: one phase of each nation's phase set at once; scenarios name them, timelines
step through them in time.

A model whose phases belong to several nations (Japan's legal situations, U.S. postures)
is in one phase of each set at a time: a *situation*.  Every phase id stands for the
situation in which its nation is in that phase and every other nation in its first phase;
a *scenario* names any other combination.  Analyses that take a phase take any situation.

Example
-------
>>> here = Situation("taiwan", "Taiwan", (("JP", "important-influence"), ("US", "combat")))
>>> here.phase_of("US"), here.text()
('combat', 'JP: important-influence, US: combat')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .decisions import Requirement

if TYPE_CHECKING:
    from .model import Phase

__all__ = ["Scenario", "Situation", "Step", "Timeline", "situations_of"]


def _with_names(data: dict[str, Any], names: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    kept = {k: v for k, v in data.items() if v is not None}
    return kept | {f"name_{lang}": text for lang, text in names}


@dataclass(frozen=True)
class Situation:
    """One phase of every phase set: what a phase id or a scenario id stands for.

    ``phases`` pairs each nation (None for phases that name no nation) with its phase, in
    the order the model declares its phase sets.
    """

    id: str
    name: str
    phases: tuple[tuple[str | None, str], ...]
    names: tuple[tuple[str, str], ...] = ()
    scenario: bool = False

    def phase_of(self, nation: str | None) -> str:
        """Return the phase a nation is in (a nation without phases raises KeyError)."""
        return dict(self.phases)[nation]

    def label(self, lang: str | None = None) -> str:
        """The name to show: in ``lang`` where the model has it, else the name."""
        return dict(self.names).get(lang, self.name) if lang else self.name

    def text(self) -> str:
        """The phase of each nation, as ``JP: armed-attack, US: us-contingency``."""
        return ", ".join(f"{n}: {p}" if n else p for n, p in self.phases)

    def to_dict(self) -> dict[str, Any]:
        """Return the situation as JSON-ready data."""
        return {
            "id": self.id,
            "name": self.name,
            "scenario": self.scenario,
            "phases": {n or "": p for n, p in self.phases},
        }


@dataclass(frozen=True)
class Scenario:
    """A named combination of one phase per nation (``phases`` maps nation to phase id);
    nations it does not name stay in their first phase.  ``requires`` are decisions the
    combination needs beyond those of its phases."""

    id: str
    name: str
    phases: tuple[tuple[str, str], ...]
    requires: Requirement | None = None
    description: str | None = None
    source: str | None = None
    confidence: str | None = None
    note: str | None = None
    names: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the scenario as written in a model file.

        >>> Scenario("s", "S", (("JP", "armed-attack"),)).to_dict()
        {'id': 's', 'name': 'S', 'phases': {'JP': 'armed-attack'}}
        """
        data = {k: v for k, v in self.__dict__.items() if k != "names"}
        data["phases"] = dict(self.phases)
        data["requires"] = self.requires.to_data() if self.requires else None
        return _with_names(data, self.names)


@dataclass(frozen=True)
class Step:
    """A step of a timeline: at ``at`` the situation ``enter`` (phase or scenario id)
    begins."""

    at: str
    enter: str
    note: str | None = None

    @property
    def instant(self) -> datetime:
        """``at`` as an aware datetime.

        >>> Step("2026-05-16T02:00+09:00", "gray-zone").instant.utcoffset()
        datetime.timedelta(seconds=32400)
        """
        return datetime.fromisoformat(self.at)

    def to_dict(self) -> dict[str, Any]:
        """Return the step as written in a model file."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Timeline:
    """Timed steps through situations, e.g. a gray-zone landing followed by an armed
    attack."""

    id: str
    name: str
    steps: tuple[Step, ...]
    description: str | None = None
    source: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the timeline as written in a model file."""
        data = {k: v for k, v in self.__dict__.items() if v is not None and k != "steps"}
        return data | {"steps": [s.to_dict() for s in self.steps]}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Timeline:
        """Build the record from checked data."""
        steps = tuple(Step(**step) for step in data["steps"])
        return cls(**{k: v for k, v in data.items() if k != "steps"}, steps=steps)


def situations_of(
    phase_sets: Mapping[str | None, tuple[Phase, ...]], scenarios: Iterable[Scenario]
) -> dict[str, Situation]:
    """Return every situation of a model by id: each phase's, then each scenario's.

    A phase stands for its nation in that phase and every other nation in its first phase;
    a scenario for the phases it names and the first phase of every other nation.

    Parameters
    ----------
    phase_sets
        Each nation's phases (None: phases naming no nation), the model's first set first.
    scenarios
        The model's scenarios.

    Returns
    -------
    dict
        Situation id to situation, phases first (in set order), then scenarios.

    Examples
    --------
    >>> from c2graph.model import Phase
    >>> sets = {"JP": (Phase("peace", "Peace", 0, "JP"), Phase("war", "War", 1, "JP")),
    ...         "US": (Phase("steady", "Steady", 0, "US"), Phase("combat", "Combat", 1, "US"))}
    >>> found = situations_of(sets, [Scenario("both", "Both", (("JP", "war"), ("US", "combat")))])
    >>> [(sid, s.text()) for sid, s in found.items()][1:4:2]
    [('war', 'JP: war, US: steady'), ('combat', 'JP: peace, US: combat')]
    >>> found["both"].text()
    'JP: war, US: combat'
    """
    first = {nation: phases[0].id for nation, phases in phase_sets.items()}
    found: dict[str, Situation] = {}
    for nation, phases in phase_sets.items():
        for phase in phases:
            vector = tuple((n, phase.id if n == nation else p) for n, p in first.items())
            found[phase.id] = Situation(phase.id, phase.name, vector, phase.names)
    for scenario in scenarios:
        named = dict(scenario.phases)
        vector = tuple((n, named.get(n or "", p)) for n, p in first.items())
        found[scenario.id] = Situation(
            scenario.id, scenario.name, vector, scenario.names, scenario=True
        )
    return found
