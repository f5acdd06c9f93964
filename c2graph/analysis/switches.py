"""What changes when the phase flips: links, chains of command, authority, and who decides.

Chains of command and authority gained or lost are computed on one layer's sovereign chains
(:class:`~c2graph.analysis.graphs.LayerView`; the operational layer by default), and the
other authority layers' changes are listed apart; authority a combined body gains rests on
the consent of the heads directing it (:mod:`c2graph.analysis.sovereignty`).

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
>>> [(c.from_node, c.to_node, c.relation, c.layer) for c in result.activated]
[('pm', 'jcg', 'control', 'civil')]
>>> [(c.layer, [g.authority for g in c.gained]) for c in result.other_layers]
[('civil', ['pm'])]
>>> [(d.id, d.deciders, d.basis) for d in result.decisions.required]
[('war:declaration', ('pm',), 'Art. 76')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..model import Link, Model
from ..vocabulary import ALL_LAYERS, AUTHORITY_LAYERS, CONDUIT, RELATIONS, layer_relations
from .chains import CommandChains, chains_differ, closure, reach_effective
from .decisions import DecisionPlan, decision_plan
from .graphs import LayerView, PhaseGraphs, links_switched, phase_graphs, strength_key
from .paths import DEFAULT_LAYER, Reached, check_authority_layer, reach_consent
from .sovereignty import held_at_top

__all__ = [
    "AuthorityChange",
    "BasisChange",
    "ChainChange",
    "LayerSwitch",
    "LinkChange",
    "SwitchResult",
    "link_changes",
    "phase_switch",
]


@dataclass(frozen=True)
class LinkChange(Displayable):
    """A link that starts or stops holding at the switch, with its legal basis and source."""

    link: str
    from_node: str
    to_node: str
    relation: str
    basis: str | None
    source: str | None

    @property
    def layer(self) -> str:
        """The layer of the link's relation."""
        return RELATIONS[self.relation].layer.value

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "from": self.from_node,
            "to": self.to_node,
            "relation": self.relation,
            "layer": self.layer,
            "link": self.link,
            "basis": self.basis,
            "source": self.source,
        }


@dataclass(frozen=True)
class BasisChange(Displayable):
    """A link that holds both before and after the switch, with the same ends and
    relation, but under another record: its legal basis (or source) changes."""

    before: LinkChange
    after: LinkChange

    @property
    def from_node(self) -> str:
        """The link's superior (or first) end."""
        return self.after.from_node

    @property
    def to_node(self) -> str:
        """The link's subordinate (or second) end."""
        return self.after.to_node

    @property
    def relation(self) -> str:
        """The link's relation, the same on both sides."""
        return self.after.relation

    @property
    def layer(self) -> str:
        """The layer of the link's relation."""
        return self.after.layer

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data: the ends once, each side's record."""
        sides = {
            name: {"link": c.link, "basis": c.basis, "source": c.source}
            for name, c in (("before", self.before), ("after", self.after))
        }
        return {
            "from": self.from_node,
            "to": self.to_node,
            "relation": self.relation,
            "layer": self.layer,
        } | sides


def link_changes(
    activated: list[Link], lapsed: list[Link]
) -> tuple[tuple[LinkChange, ...], tuple[LinkChange, ...], tuple[BasisChange, ...]]:
    """Return the links activated and lapsed at a switch, and the links that only change
    record: a lapsed and an activated link with the same ends and relation are one link
    whose legal basis changes, told once, not as two (a phase holds at most one link of
    the same ends and relation, so they pair one to one).

    Each list is sorted by ends, relation and link key.

    Examples
    --------
    >>> from c2graph.model import Link
    >>> old = Link("pm-dm-a", "pm", "dm", "command", frozenset("a"), basis="SDF Law Art. 7")
    >>> new = Link("pm-dm-b", "pm", "dm", "command", frozenset("b"), basis="SDF Law Art. 76")
    >>> other = Link("dm-x", "dm", "x", "command", frozenset("b"))
    >>> up, down, changed = link_changes([new, other], [old])
    >>> [c.link for c in up], down, [(c.before.basis, c.after.basis) for c in changed]
    (['dm-x'], (), [('SDF Law Art. 7', 'SDF Law Art. 76')])
    """
    ended = {(link.from_node, link.to_node, link.relation): link for link in lapsed}
    pairs: list[tuple[Link, Link]] = []
    started: list[Link] = []
    for link in activated:
        if same := ended.get((link.from_node, link.to_node, link.relation)):
            pairs.append((same, link))
        else:
            started.append(link)
    paired = {id(old) for old, _ in pairs}
    changed = sorted(
        (BasisChange(_change(old), _change(new)) for old, new in pairs),
        key=lambda c: (c.from_node, c.to_node, c.relation, c.after.link),
    )
    return (
        _changes(started),
        _changes([link for link in lapsed if id(link) not in paired]),
        tuple(changed),
    )


@dataclass(frozen=True)
class ChainChange(Displayable):
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
class AuthorityChange(Displayable):
    """Forces over which ``authority`` gains (or loses) effective authority at the switch."""

    authority: str
    units: tuple[Reached, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {"authority": self.authority, "units": [u.to_dict() for u in self.units]}


@dataclass(frozen=True)
class LayerSwitch(Displayable):
    """The chains of command and the authority that change in one layer at the switch."""

    layer: str
    chains_changed: tuple[ChainChange, ...]
    gained: tuple[AuthorityChange, ...]
    lost: tuple[AuthorityChange, ...]

    @property
    def is_empty(self) -> bool:
        """True when nothing changes in the layer."""
        return not (self.chains_changed or self.gained or self.lost)

    def to_dict(self) -> dict[str, Any]:
        """Return the layer's changes as JSON-ready data."""
        return {
            "layer": self.layer,
            "chains_changed": [c.to_dict() for c in self.chains_changed],
            "gained": [c.to_dict() for c in self.gained],
            "lost": [c.to_dict() for c in self.lost],
        }


@dataclass(frozen=True)
class SwitchResult(Displayable):
    """Everything that changes from phase ``before`` to phase ``after``.

    ``chains_changed``, ``gained`` and ``lost`` are those of ``layer``; ``other_layers``
    the other authority layers in which something changes (none for ``"all"``).
    """

    before: str
    after: str
    activated: tuple[LinkChange, ...]
    lapsed: tuple[LinkChange, ...]
    changed: tuple[BasisChange, ...]
    nodes_activated: tuple[str, ...]
    nodes_deactivated: tuple[str, ...]
    chains_changed: tuple[ChainChange, ...]
    gained: tuple[AuthorityChange, ...]
    lost: tuple[AuthorityChange, ...]
    decisions: DecisionPlan
    layer: str = DEFAULT_LAYER
    other_layers: tuple[LayerSwitch, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the switch as JSON-ready data."""
        return {
            "before": self.before,
            "after": self.after,
            "layer": self.layer,
            "activated": [c.to_dict() for c in self.activated],
            "lapsed": [c.to_dict() for c in self.lapsed],
            "changed": [c.to_dict() for c in self.changed],
            "nodes_activated": list(self.nodes_activated),
            "nodes_deactivated": list(self.nodes_deactivated),
            "chains_changed": [c.to_dict() for c in self.chains_changed],
            "gained": [c.to_dict() for c in self.gained],
            "lost": [c.to_dict() for c in self.lost],
            "other_layers": [c.to_dict() for c in self.other_layers],
            "decisions": self.decisions.to_dict(),
        }


def phase_switch(
    model: Model, *, before: str, after: str, layer: str = DEFAULT_LAYER
) -> SwitchResult:
    """Return what changes when the structure passes from phase ``before`` to ``after``.

    - ``activated`` / ``lapsed``: links holding only after / only before the switch, with
      their legal basis, source and layer;
    - ``changed``: links holding on both sides with the same ends and relation under
      another record (another legal basis), each told once, before → after
      (:func:`link_changes`);
    - ``nodes_activated`` / ``nodes_deactivated``: nodes that appear or disappear;
    - ``chains_changed``: forces whose chains of command in ``layer`` differ, before →
      after;
    - ``gained`` / ``lost``: per authority, the forces over which it holds an effective
      authority in ``layer`` (composed along its sovereign chains as in JP 1) only after /
      only before the switch, each with the national heads whose consent it rests on
      (e.g. a combined commander gaining wartime OPCON with both nations' consent); no
      national head gains authority through a combined body;
    - ``other_layers``: the same for the other authority layers where something changes
      (e.g. the Minister of Defense gaining control of the Coast Guard, SDF Law Art. 80,
      in the civil layer);
    - ``decisions``: only the decisions the law requires for the change, in dependency
      order, for every nation, with their approvals and timing; the discretionary ones
      apart; the alternatives; what ends (:func:`~c2graph.analysis.decisions.decision_plan`).
      No phase in between is stepped through: phases are not a ladder.

    Only what a changed link can affect is re-examined: the forces below a changed link and
    the authorities above one, each authority over the part of the graph leading to those
    forces; the cost grows with that region, not with the whole model.  Whether a force's
    chains differ is decided without listing them (memoised over superiors); chains are
    listed only for the forces that change.

    Unknown phase or layer ids, and a layer without authority, raise
    :class:`~c2graph.errors.QueryError` naming the choices.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> switch = phase_switch(model, before="armistice", after="wartime")
    >>> [(g.authority, [u.to_dict() for u in g.units]) for g in switch.gained][0]
    ... # doctest: +NORMALIZE_WHITESPACE
    ('al-cfc', [{'node': 'kr-forces', 'effective': ['opcon'],
                 'consent': ['kr-president', 'us-president']},
                {'node': 'us-kr-forces', 'effective': ['opcon'],
                 'consent': ['kr-president', 'us-president']}])
    >>> [(d.id, d.deciders) for d in switch.decisions.required]  # doctest: +NORMALIZE_WHITESPACE
    [('rok-us-mc-recommendation', ('al-mcm',)),
     ('rok-us-defcon3', ('kr-president', 'us-president'))]

    References
    ----------
    Joint Publication 1 (command relationships); Joint Publication 3-16 (multinational
    command); SDF Law Art. 76, 78, 80; Armed Attack Situations Response Act Art. 9.
    """
    check_authority_layer(layer)
    one, two = phase_graphs(model, before), phase_graphs(model, after)
    activated, lapsed = links_switched(one, two)
    nodes_before, nodes_after = set(one.nodes), set(two.nodes)
    changes = [
        _layer_switch(one, two, name, activated + lapsed, nodes_before ^ nodes_after)
        for name in _layers_from(layer)
    ]
    main, others = changes[0], tuple(c for c in changes[1:] if not c.is_empty)
    started, ended, changed = link_changes(activated, lapsed)
    return SwitchResult(
        before=before,
        after=after,
        activated=started,
        lapsed=ended,
        changed=changed,
        nodes_activated=tuple(sorted(nodes_after - nodes_before)),
        nodes_deactivated=tuple(sorted(nodes_before - nodes_after)),
        chains_changed=main.chains_changed,
        gained=main.gained,
        lost=main.lost,
        decisions=decision_plan(model, before=before, after=after),
        layer=str(layer),
        other_layers=others,
    )


def _layers_from(layer: str) -> list[str]:
    """``layer`` first, then (for a single layer) the other authority layers in order."""
    if layer == ALL_LAYERS:
        return [layer]
    return [str(layer)] + [a.value for a in AUTHORITY_LAYERS if a.value != layer]


def _layer_switch(
    before: PhaseGraphs, after: PhaseGraphs, layer: str, switched: list[Link], nodes: set[str]
) -> LayerSwitch:
    """What changes in one layer, given the links switched and the nodes (de)activated."""
    relations = layer_relations(layer)
    changed = [link for link in switched if link.is_authority and link.relation in relations]
    if not changed:
        # A chain changes only with a link of its layer (a node's loss lapses its links).
        return LayerSwitch(layer, (), (), ())
    one, two = before.layer(layer), after.layer(layer)
    heads = {link.to_node for link in changed} | nodes
    region = _either(one, two, heads, upward=False)
    bodies = _bodies_affected(one, two, region | heads)
    region |= _either(one, two, bodies, upward=False)
    # Above a changed link; its head (which may become or stop being a top, and so hold
    # its own authority or pass on its superior's); every combined body whose directors'
    # authority can change.
    tails = {link.from_node for link in changed} | heads | bodies
    gained, lost = _authority_changes(one, two, tails, region)
    return LayerSwitch(layer, _chain_changes(one, two, region), gained, lost)


def _bodies_affected(one: LayerView, two: LayerView, region: set[str]) -> set[str]:
    """The combined bodies in ``region`` or directed, in either phase, from inside it (or
    from a body found so far): what such a body holds comes from its directors, so it can
    change."""
    direction = set(one.direction) | set(two.direction)
    bodies: set[str] = set()
    reached = set(region)
    while (
        found := {body for director, body in direction if director in reached or body in reached}
        - bodies
    ):
        bodies |= found
        reached |= _either(one, two, found, upward=False)
    return bodies


def _either(one: LayerView, two: LayerView, nodes: set[str], *, upward: bool) -> set[str]:
    """``nodes`` with every node below (or above) them in either phase's chains."""
    return closure(one.chains, nodes, upward=upward) | closure(two.chains, nodes, upward=upward)


def _chain_changes(one: LayerView, two: LayerView, region: set[str]) -> tuple[ChainChange, ...]:
    """The forces of ``region`` whose chains of command differ, with both chain lists."""
    chains_one, chains_two = CommandChains(one.chains), CommandChains(two.chains)
    units = sorted(region & (one.forces | two.forces))
    return tuple(
        ChainChange(unit, chains_one.nodes(unit), chains_two.nodes(unit))
        for unit in chains_differ(one.chains, two.chains, units)
    )


def _authority_changes(
    one: LayerView, two: LayerView, tails: set[str], region: set[str]
) -> tuple[tuple[AuthorityChange, ...], tuple[AuthorityChange, ...]]:
    """Per authority above a changed link (``tails``), the forces of ``region`` over which
    it gains, and over which it loses, an effective authority."""
    within_one = closure(one.chains, region, upward=True)
    within_two = closure(two.chains, region, upward=True)
    gained, lost = [], []
    for authority in sorted(_either(one, two, tails, upward=True)):
        held_one = _force_reach(one, authority, within_one, region)
        held_two = _force_reach(two, authority, within_two, region)
        if more := _difference(two, authority, held_two, held_one):
            gained.append(AuthorityChange(authority, more))
        if less := _difference(one, authority, held_one, held_two):
            lost.append(AuthorityChange(authority, less))
    return tuple(gained), tuple(lost)


def _change(link: Link) -> LinkChange:
    return LinkChange(
        link.key, link.from_node, link.to_node, link.relation, link.basis, link.source
    )


def _changes(links: list[Link]) -> tuple[LinkChange, ...]:
    return tuple(
        sorted(map(_change, links), key=lambda c: (c.from_node, c.to_node, c.relation, c.link))
    )


def _force_reach(
    view: LayerView, authority: str, within: set[str], region: set[str]
) -> dict[str, frozenset[str]]:
    """Effective authority over the forces of ``region`` (where a switch can change it)."""
    if authority not in view.chains:
        return {}
    held = held_at_top(view, authority) if authority in view.tops else CONDUIT
    return {
        node: values
        for node, values in reach_effective(view.chains, authority, within, held=held).items()
        if node in view.forces and node in region
    }


def _difference(
    view: LayerView,
    authority: str,
    these: dict[str, frozenset[str]],
    those: dict[str, frozenset[str]],
) -> tuple[Reached, ...]:
    """The forces of ``these`` with an authority ``those`` lacks, and whose consent
    ``authority``'s hold on them rests on in ``view``."""
    found = []
    for node in sorted(these):
        extra = these[node] - those.get(node, frozenset())
        if extra:
            found.append(
                Reached(
                    node,
                    tuple(sorted(extra, key=strength_key)),
                    reach_consent(view, authority, node),
                )
            )
    return tuple(found)
