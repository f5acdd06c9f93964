"""What changes when the phase flips: links, chains of command, authority, and who decides.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "peace", "name": "Peace"},
...     {"id": "war", "name": "War", "declared_by": "pm", "basis": "Art. 76"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "jcg", "name": "JCG", "nation": "JP", "kind": "agency"}],
...     "links": [{"from": "pm", "to": "jcg", "relation": "control", "phases": ["war"]}]})
>>> result = phase_switch(model, before="peace", after="war")
>>> [(c.from_node, c.to_node, c.relation) for c in result.activated]
[('pm', 'jcg', 'control')]
>>> [(d.phase, d.declared_by, d.basis) for d in result.decisions]
[('war', 'pm', 'Art. 76')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Link, Model
from .chains import CommandChains, chains_differ, closure, reach_effective
from .graphs import PhaseGraphs, links_switched, phase_graphs, strength_key
from .paths import Reached

__all__ = [
    "AuthorityChange",
    "ChainChange",
    "Decision",
    "LinkChange",
    "SwitchResult",
    "phase_switch",
]


@dataclass(frozen=True)
class LinkChange:
    """A link that starts or stops holding at the switch, with its legal basis and source."""

    link: str
    from_node: str
    to_node: str
    relation: str
    basis: str | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "from": self.from_node,
            "to": self.to_node,
            "relation": self.relation,
            "link": self.link,
            "basis": self.basis,
            "source": self.source,
        }


@dataclass(frozen=True)
class ChainChange:
    """A force whose chains of command (node tuples, see ``chain_of_command``) change."""

    unit: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "unit": self.unit,
            "before": [list(c) for c in self.before],
            "after": [list(c) for c in self.after],
        }


@dataclass(frozen=True)
class AuthorityChange:
    """Forces over which ``authority`` gains (or loses) effective authority at the switch."""

    authority: str
    units: tuple[Reached, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {"authority": self.authority, "units": [u.to_dict() for u in self.units]}


@dataclass(frozen=True)
class Decision:
    """The decision to enter (escalation) or lift (de-escalation) one phase."""

    phase: str
    name: str
    direction: str
    declared_by: str | None
    approval: tuple[str, ...]
    basis: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as JSON-ready data."""
        return {
            "phase": self.phase,
            "name": self.name,
            "direction": self.direction,
            "declared_by": self.declared_by,
            "approval": list(self.approval),
            "basis": self.basis,
        }


@dataclass(frozen=True)
class SwitchResult:
    """Everything that changes from phase ``before`` to phase ``after``."""

    before: str
    after: str
    activated: tuple[LinkChange, ...]
    lapsed: tuple[LinkChange, ...]
    nodes_activated: tuple[str, ...]
    nodes_deactivated: tuple[str, ...]
    chains_changed: tuple[ChainChange, ...]
    gained: tuple[AuthorityChange, ...]
    lost: tuple[AuthorityChange, ...]
    decisions: tuple[Decision, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the switch as JSON-ready data."""
        return {
            "before": self.before,
            "after": self.after,
            "activated": [c.to_dict() for c in self.activated],
            "lapsed": [c.to_dict() for c in self.lapsed],
            "nodes_activated": list(self.nodes_activated),
            "nodes_deactivated": list(self.nodes_deactivated),
            "chains_changed": [c.to_dict() for c in self.chains_changed],
            "gained": [c.to_dict() for c in self.gained],
            "lost": [c.to_dict() for c in self.lost],
            "decisions": [d.to_dict() for d in self.decisions],
        }


def phase_switch(model: Model, *, before: str, after: str) -> SwitchResult:
    """Return what changes when the structure passes from phase ``before`` to ``after``.

    - ``activated`` / ``lapsed``: links holding only after / only before the switch, with
      their legal basis and source;
    - ``nodes_activated`` / ``nodes_deactivated``: nodes that appear or disappear;
    - ``chains_changed``: forces whose chains of command differ, before → after;
    - ``gained`` / ``lost``: per authority, the forces over which it holds an effective
      authority (composed along chains as in JP 1) only after / only before the switch,
      e.g. the Prime Minister gaining control of the Coast Guard under SDF Law Art. 80;
    - ``decisions``: every phase stepped through, in order, with who declares it (or lifts
      it, when de-escalating), whose approval it needs and its legal basis.

    Only what a changed link can affect is re-examined: the forces below a changed link and
    the authorities above one, each authority over the part of the graph leading to those
    forces; the cost grows with that region, not with the whole model.  Whether a force's
    chains differ is decided without listing them (memoised over superiors); chains are
    listed only for the forces that change.

    Unknown phase ids raise :class:`~c2graph.errors.QueryError` naming the closest ids.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> switch = phase_switch(model, before="anticipated-attack", after="survival-threatening")
    >>> [(c.from_node, c.to_node) for c in switch.activated if c.relation == "control"]
    [('jp-mod', 'jp-jcg'), ('jp-pm', 'jp-jcg')]
    >>> [(g.authority, [u.to_dict() for u in g.units]) for g in switch.gained][1]
    ('jp-pm', [{'node': 'jp-jcg', 'effective': ['control']}])
    >>> [(d.phase, d.direction, d.declared_by, d.approval) for d in switch.decisions]
    [('survival-threatening', 'escalation', 'jp-cabinet', ('jp-diet',))]

    References
    ----------
    Joint Publication 1 (command relationships); SDF Law Art. 76, 78, 80; Armed Attack
    Situations Response Act Art. 9.
    """
    one, two = phase_graphs(model, before), phase_graphs(model, after)
    activated, lapsed = links_switched(one, two)
    changed = [link for link in activated + lapsed if link.is_authority]
    nodes_before, nodes_after = set(one.nodes), set(two.nodes)
    heads = {link.to_node for link in changed} | (nodes_before ^ nodes_after)
    region = _either(one, two, heads, upward=False)
    gained, lost = _authority_changes(one, two, {link.from_node for link in changed}, region)
    return SwitchResult(
        before=before,
        after=after,
        activated=_changes(activated),
        lapsed=_changes(lapsed),
        nodes_activated=tuple(sorted(nodes_after - nodes_before)),
        nodes_deactivated=tuple(sorted(nodes_before - nodes_after)),
        chains_changed=_chain_changes(one, two, region),
        gained=gained,
        lost=lost,
        decisions=_decisions(model, model.phase(before).index, model.phase(after).index),
    )


def _either(one: PhaseGraphs, two: PhaseGraphs, nodes: set[str], *, upward: bool) -> set[str]:
    """``nodes`` with every node below (or above) them in either phase's authority graph."""
    return closure(one.authority, nodes, upward=upward) | closure(
        two.authority, nodes, upward=upward
    )


def _chain_changes(one: PhaseGraphs, two: PhaseGraphs, region: set[str]) -> tuple[ChainChange, ...]:
    """The forces of ``region`` whose chains of command differ, with both chain lists."""
    chains_one, chains_two = CommandChains(one.authority), CommandChains(two.authority)
    units = sorted(region & (one.forces | two.forces))
    return tuple(
        ChainChange(unit, chains_one.nodes(unit), chains_two.nodes(unit))
        for unit in chains_differ(one.authority, two.authority, units)
    )


def _authority_changes(
    one: PhaseGraphs, two: PhaseGraphs, tails: set[str], region: set[str]
) -> tuple[tuple[AuthorityChange, ...], tuple[AuthorityChange, ...]]:
    """Per authority above a changed link (``tails``), the forces of ``region`` over which
    it gains, and over which it loses, an effective authority."""
    within_one = closure(one.authority, region, upward=True)
    within_two = closure(two.authority, region, upward=True)
    gained, lost = [], []
    for authority in sorted(_either(one, two, tails, upward=True)):
        held_one = _force_reach(one, authority, within_one, region)
        held_two = _force_reach(two, authority, within_two, region)
        if more := _difference(held_two, held_one):
            gained.append(AuthorityChange(authority, more))
        if less := _difference(held_one, held_two):
            lost.append(AuthorityChange(authority, less))
    return tuple(gained), tuple(lost)


def _changes(links: list[Link]) -> tuple[LinkChange, ...]:
    return tuple(
        sorted(
            (
                LinkChange(
                    link.key, link.from_node, link.to_node, link.relation, link.basis, link.source
                )
                for link in links
            ),
            key=lambda c: (c.from_node, c.to_node, c.relation, c.link),
        )
    )


def _force_reach(
    graphs: PhaseGraphs, authority: str, within: set[str], region: set[str]
) -> dict[str, frozenset[str]]:
    """Effective authority over the forces of ``region`` (where a switch can change it)."""
    return {
        node: values
        for node, values in reach_effective(graphs.authority, authority, within).items()
        if node in graphs.forces and node in region
    }


def _difference(
    these: dict[str, frozenset[str]], those: dict[str, frozenset[str]]
) -> tuple[Reached, ...]:
    found = []
    for node in sorted(these):
        extra = these[node] - those.get(node, frozenset())
        if extra:
            found.append(Reached(node, tuple(sorted(extra, key=strength_key))))
    return tuple(found)


def _decisions(model: Model, start: int, end: int) -> tuple[Decision, ...]:
    if end > start:
        steps = [(model.phases[i], "escalation") for i in range(start + 1, end + 1)]
    else:
        steps = [(model.phases[i], "de-escalation") for i in range(start, end, -1)]
    return tuple(
        Decision(p.id, p.name, direction, p.declared_by, p.approval, p.basis)
        for p, direction in steps
    )
