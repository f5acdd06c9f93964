"""The six considerations of a C2 arrangement, side by side, with the facts measured on each.

The US–Japan Task Force on Command Relationships (Sasakawa USA, Dialogue Summary #3, Dec
2022) asks of any arrangement: purpose, location(s), functions, agility, readiness and
timeline.  A model may record its answers (:class:`~c2graph.model.Considerations`); this
module sets them beside facts measured on the structure:

purpose
    Nations taking part, phases modelled, size of the structure.
locations
    Great-circle distance and clock offset (modulo 24 h) between the two ends of each link
    whose ends sit at different sites, in any phase
    (:func:`c2graph.analysis.frictions.distance_gaps`): the largest of each, overall and
    across nations.
functions
    Coordination bodies (kind ``coordination-body``) active in each phase, and the
    political forums (kind ``forum``) active in each phase when the model has any.
agility
    Links that switch between phases (hold in some phases but not all), and the links that
    activate or lapse at each step from one phase to the next.
readiness
    Force units assigned in the first phase (peacetime) to a collective node (nation
    ``alliance`` or ``multinational``) by an authority link.
timeline
    Date the model describes, the model it extends, the newest dated source.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "considerations": {"purpose": "defence of Japan"},
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
>>> row = considerations(model).rows[0]
>>> row.key, row.text
('purpose', 'defence of Japan')
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..display import Displayable
from ..model import Link, Model
from ..vocabulary import FORCE_KINDS, SPECIAL_NATIONS

if TYPE_CHECKING:  # each measure imports what it reads: c2graph.analysis imports this
    from .frictions import DistanceGap  # module at once, and should stay light to import

__all__ = [
    "CONSIDERATION_KEYS",
    "ConsiderationRow",
    "ConsiderationsView",
    "Fact",
    "considerations",
]

#: The six considerations, in the Task Force's order.
CONSIDERATION_KEYS: tuple[str, ...] = (
    "purpose",
    "locations",
    "functions",
    "agility",
    "readiness",
    "timeline",
)


@dataclass(frozen=True)
class Fact(Displayable):
    """One measured fact: a short label and its value; ``nodes`` are the ids of the nodes
    the value names, in order, so that a report can name them in another language."""

    label: str
    value: str | int | float
    nodes: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the fact as JSON-ready data."""
        return {"label": self.label, "value": self.value}


@dataclass(frozen=True)
class ConsiderationRow(Displayable):
    """One consideration: what the model says (``text``) and the facts that bear on it."""

    key: str
    text: str | None
    facts: tuple[Fact, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the row as JSON-ready data."""
        return {"key": self.key, "text": self.text, "facts": [f.to_dict() for f in self.facts]}


@dataclass(frozen=True)
class ConsiderationsView(Displayable):
    """The six considerations of one model."""

    model: str
    rows: tuple[ConsiderationRow, ...]

    def row(self, key: str) -> ConsiderationRow:
        """Return the row of one consideration."""
        return next(r for r in self.rows if r.key == key)

    def to_dict(self) -> dict[str, Any]:
        """Return the view as JSON-ready data."""
        return {"model": self.model, "rows": [r.to_dict() for r in self.rows]}


def considerations(model: Model) -> ConsiderationsView:
    """Return the six considerations of ``model`` with the facts measured on each.

    See the module docstring for what is measured for each consideration.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> considerations(model).row("agility").facts[1]
    Fact(label='peacetime → gray-zone', value='2 activated, 0 lapsed, 1 on another basis')

    References
    ----------
    US–Japan Task Force on Command Relationships, Sasakawa USA, Dialogue Summary #3
    (December 2022).
    """
    given = model.considerations.to_dict()
    measured = {
        "purpose": _purpose(model),
        "locations": _locations(model),
        "functions": _functions(model),
        "agility": _agility(model),
        "readiness": _readiness(model),
        "timeline": _timeline(model),
    }
    return ConsiderationsView(
        model=model.name,
        rows=tuple(
            ConsiderationRow(key, given.get(key), measured[key]) for key in CONSIDERATION_KEYS
        ),
    )


def _names(model: Model, ids: list[str] | tuple[str, ...]) -> str:
    return ", ".join(model.nodes[i].short or model.nodes[i].name for i in ids) or "none"


def _purpose(model: Model) -> tuple[Fact, ...]:
    nations = sorted({n.nation for n in model.nodes.values()})
    return (
        Fact("nations", ", ".join(nations)),
        Fact("phases", len(model.phases)),
        Fact("nodes", len(model.nodes)),
        Fact("links", len(model.links)),
    )


def _locations(model: Model) -> tuple[Fact, ...]:
    from .frictions import distance_gaps

    used = sorted({n.location for n in model.nodes.values() if n.location})
    gaps: dict[str, DistanceGap] = {}
    for phase in model.phase_ids:
        gaps |= {g.link: g for g in distance_gaps(model, phase=phase)}
    facts = [Fact("locations used", len(used)), Fact("links whose ends sit apart", len(gaps))]
    nation = {n.id: n.nation for n in model.nodes.values()}
    cross = [g for g in gaps.values() if nation[g.a] != nation[g.b]]
    for label, items in (("", list(gaps.values())), ("cross-nation ", cross)):
        if not items:
            continue
        far = max(items, key=lambda g: (g.km, g.link))
        facts += [
            Fact(f"largest {label}link distance (km)", round(far.km)),
            Fact(
                f"farthest {label}link",
                f"{_names(model, [far.a])} → {_names(model, [far.b])}",
                (far.a, far.b),
            ),
            Fact(f"largest {label}clock offset (h)", max(abs(g.clock_offset) for g in items)),
        ]
    return tuple(facts)


def _functions(model: Model) -> tuple[Fact, ...]:
    kinds = [("coordination-body", "coordination bodies")]
    if any(n.kind == "forum" for n in model.nodes.values()):
        kinds.append(("forum", "forums"))
    ends = {phase: _linked(model, phase) for phase in model.phase_ids}
    facts = []
    for kind, label in kinds:
        for phase in model.phase_ids:
            bodies = sorted(n for n in ends[phase] if model.nodes[n].kind == kind)
            facts.append(
                Fact(
                    f"{label} active in {phase}",
                    f"{len(bodies)}: {_names(model, bodies)}" if bodies else "0",
                    tuple(bodies),
                )
            )
    return tuple(facts)


def _linked(model: Model, phase: str) -> set[str]:
    """The nodes with a link holding in ``phase`` (active there, with some link)."""
    return {end for link in model.links_in(phase) for end in (link.from_node, link.to_node)}


def _agility(model: Model) -> tuple[Fact, ...]:
    from .switches import link_changes

    every = frozenset(model.phase_ids)
    switching = [link for link in model.links if link.phases and link.phases != every]
    facts = [Fact("links that switch between phases", len(switching))]
    for before, after in itertools.pairwise(model.phase_ids):
        activated, lapsed, changed = link_changes(*_switched(model, before, after))
        counts = f"{len(activated)} activated, {len(lapsed)} lapsed"
        rebased = f", {len(changed)} on another basis" if changed else ""
        facts.append(Fact(f"{before} → {after}", counts + rebased))
    return tuple(facts)


def _switched(model: Model, before: str, after: str) -> tuple[list[Link], list[Link]]:
    """The links holding only in ``after`` and those holding only in ``before``, in file
    order, told apart by key (as :func:`c2graph.analysis.graphs.links_switched`)."""
    then, now = list(model.links_in(before)), list(model.links_in(after))
    keys_then = {link.key for link in then}
    keys_now = {link.key for link in now}
    return (
        [link for link in now if link.key not in keys_then],
        [link for link in then if link.key not in keys_now],
    )


def _readiness(model: Model) -> tuple[Fact, ...]:
    first = model.phase_ids[0]
    nodes = model.nodes
    assigned = sorted(
        {
            link.to_node
            for link in model.links_in(first)
            if link.is_authority
            and nodes[link.from_node].nation in SPECIAL_NATIONS
            and nodes[link.to_node].kind in FORCE_KINDS
            and first in nodes[link.to_node].phases
            and nodes[link.to_node].nation not in SPECIAL_NATIONS
        }
    )
    return (
        Fact(f"forces assigned to collective nodes in {first}", len(assigned)),
        Fact("assigned forces", _names(model, assigned), tuple(assigned)),
    )


def _timeline(model: Model) -> tuple[Fact, ...]:
    dates = sorted(s.date for s in model.sources.values() if s.date)
    facts = [Fact("as of", model.as_of)]
    if model.extends:
        facts.append(Fact("extends", model.extends))
    if dates:
        facts.append(Fact("newest source", dates[-1]))
    return tuple(facts)
