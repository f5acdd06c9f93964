"""Placement of a model, per phase, in the NATO C2 approach space and the approach it names.

The approach space of NATO SAS-050, refined by SAS-065 into the N2C2M2 maturity model, has
three axes: allocation of decision rights to the collective, patterns of interaction among
the entities, and distribution of information among them.  Walker, Stanton et al. (2009)
gave each axis a social-network measure so that real organisations could be plotted.  Here
the entities are the nations of the model, and each axis is measured on the structure in
one phase:

decision rights
    Share of the national force units (nodes of :data:`~c2graph.vocabulary.FORCE_KINDS`
    with a country as nation) whose operational chain — the links of ``command``,
    ``cocom``, ``opcon`` or ``tacon`` above them — passes a collective node (nation
    ``alliance`` or ``multinational``) or a node of another country.
patterns of interaction
    Share of cross-nation node pairs (two linked national nodes of different countries) in
    direct contact: joined by a link, or both linked to the same *shared body* (a
    coordination body, or an alliance/multinational node, linked to at least two countries).
distribution of information
    Share of cross-nation node pairs within two links of each other (links taken in either
    direction, of any relation), i.e. that can pass information with at most one relay.

Only nodes with at least one link in the phase take part in the pair measures.

The approach is named by these rules, applied in order (each quotes SAS-065's description):

1. ``none`` — fewer than two countries take part: there is nothing to place.
2. ``conflicted`` ("no interaction across entities"): no cross-nation pair is in contact.
3. ``de-conflicted`` ("only enough to partition the battlespace"): the nations are in
   contact only through direct links, no shared body is active, and no force is under a
   collective or foreign operational chain.
4. ``coordinated`` ("common intent, linked plans"): at least one shared body is active, and
   still no force is under a collective or foreign operational chain.
5. ``edge`` ("self-synchronising, broad interaction and information"): decision rights
   of every country (the share of its own force units), interaction and information all
   reach :data:`EDGE_THRESHOLD` (0.5).
6. ``collaborative`` ("shared plans and decisions"): otherwise, when some force is under a
   collective or foreign operational chain (decision rights > 0).

Each axis value is also given a level word of the N2C2M2 tables by :func:`axis_level`.

References
----------
NATO SAS-050, *Exploring New Command and Control Concepts and Capabilities* (2006).
NATO SAS-065, *NATO NEC C2 Maturity Model* (CCRP, 2010).
G. H. Walker, N. A. Stanton, P. M. Salmon, D. P. Jenkins, K. Revell, L. Rafferty,
"Measuring Dimensions of Command and Control Using Social Network Analysis: Extending the
NATO SAS-050 Model", *International C2 Journal* 3(2), 2009, pp. 1-47.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jp", "name": "JP HQ", "nation": "JP", "kind": "headquarters"},
...               {"id": "us", "name": "US HQ", "nation": "US", "kind": "headquarters"}],
...     "links": [{"from": "jp", "to": "us", "relation": "liaison"}]})
>>> approach_space(model, phase="p").approach
'de-conflicted'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..model import Model
from ..vocabulary import LAYER_RELATIONS, SPECIAL_NATIONS, Layer
from ._cache import PhaseCache
from .chains import closure
from .graphs import PhaseGraphs, phase_graphs

__all__ = [
    "APPROACHES",
    "AXIS_LEVELS",
    "DECISION_RELATIONS",
    "EDGE_THRESHOLD",
    "ApproachPlacement",
    "approach_space",
    "axis_level",
    "placements",
]

#: The five approaches of the C2 approach space, least to most collective.
APPROACHES: tuple[str, ...] = (
    "conflicted",
    "de-conflicted",
    "coordinated",
    "collaborative",
    "edge",
)
#: Every axis must reach this value for ``edge``.
EDGE_THRESHOLD = 0.5
#: Level words of the N2C2M2 tables with the lowest axis value each needs.
AXIS_LEVELS: tuple[tuple[float, str], ...] = (
    (0.5, "broad"),
    (0.25, "significant"),
    (0.1, "limited"),
    (0.0, "very limited"),
)

#: Relations that carry decision rights over a force's employment.
DECISION_RELATIONS: frozenset[str] = LAYER_RELATIONS[Layer.OPERATIONAL]


@dataclass(frozen=True)
class ApproachPlacement:
    """Where one phase of a model stands on the three axes, and the approach it names."""

    phase: str
    nations: tuple[str, ...]
    decision_rights: float
    units: int
    units_shared: tuple[str, ...]
    decision_by_nation: tuple[tuple[str, float], ...]
    interaction: float
    cross_pairs: int
    cross_links: int
    shared_bodies: tuple[str, ...]
    information: float
    approach: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """Return the placement as JSON-ready data (axis values rounded to 4 places)."""
        return {
            "phase": self.phase,
            "nations": list(self.nations),
            "decision_rights": round(self.decision_rights, 4),
            "decision_rights_level": axis_level(self.decision_rights),
            "units": self.units,
            "units_shared": list(self.units_shared),
            "decision_by_nation": {n: round(v, 4) for n, v in self.decision_by_nation},
            "interaction": round(self.interaction, 4),
            "interaction_level": axis_level(self.interaction),
            "cross_pairs": self.cross_pairs,
            "cross_links": self.cross_links,
            "shared_bodies": list(self.shared_bodies),
            "information": round(self.information, 4),
            "information_level": axis_level(self.information),
            "approach": self.approach,
            "rule": self.rule,
        }


def axis_level(value: float) -> str:
    """Return the N2C2M2 level word for an axis value in [0, 1].

    ``none`` at 0, ``very limited`` below 0.1, ``limited`` below 0.25, ``significant``
    below 0.5, ``broad`` from 0.5.

    Example
    -------
    >>> axis_level(0.0), axis_level(0.3), axis_level(0.5)
    ('none', 'significant', 'broad')

    References
    ----------
    NATO SAS-065, *NATO NEC C2 Maturity Model* (CCRP, 2010), the levels of each axis.
    """
    if value <= 0:
        return "none"
    return next(word for low, word in AXIS_LEVELS if value >= low)


def approach_space(model: Model, *, phase: str) -> ApproachPlacement:
    """Place one phase of ``model`` in the C2 approach space (rules in the module docstring).

    Computed once per model and phase (models are immutable).  Cost: pairs are counted
    from each node's neighbourhood, never listed, so about the sum over nodes of their
    squared degree (the links within two steps), plus one downward search per country
    for decision rights; near-linear for command structures, whose degrees stay small.

    Raises :class:`~c2graph.errors.QueryError` for an unknown phase.

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-combined-command.yaml")
    >>> place = approach_space(model, phase="armed-attack")
    >>> place.approach, place.units, place.units_shared[:3]
    ('collaborative', 17, ('jp-adc', 'jp-gcc', 'jp-sdf-fleet'))

    References
    ----------
    NATO SAS-050 (2006); NATO SAS-065 (2010); Walker, Stanton et al. (2009).
    """
    return _PLACEMENTS(model, phase)


def placements(model: Model) -> tuple[ApproachPlacement, ...]:
    """Place every phase of ``model`` in the C2 approach space, in phase order.

    Example
    -------
    >>> from c2graph import load_model
    >>> [(p.phase, p.approach) for p in placements(load_model("models/us-rok-cfc.yaml"))]
    [('armistice', 'coordinated'), ('wartime', 'collaborative')]

    References
    ----------
    NATO SAS-050 (2006); NATO SAS-065 (2010); see :func:`approach_space`.
    """
    return tuple(approach_space(model, phase=p) for p in model.phase_ids)


def _place(model: Model, phase: str) -> ApproachPlacement:
    graphs = phase_graphs(model, phase)
    nation = {n: model.nodes[n].nation for n in graphs.nodes}
    near = _neighbours(graphs)
    national = {n for n in near if nation[n] not in SPECIAL_NATIONS}
    nations = tuple(sorted({nation[n] for n in national}))
    shared = _shared_bodies(model, near, nation)
    per_nation = Counter(nation[n] for n in national)
    cross = (len(national) ** 2 - sum(c * c for c in per_nation.values())) // 2
    in_contact, informed = _pairs_near(near, national, set(shared), nation)
    units, units_shared = _decision_rights(model, graphs, nation)
    decision = len(units_shared) / len(units) if units else 0.0
    by_nation = _decision_by_nation(units, units_shared, nation)
    interaction = in_contact / cross if cross else 0.0
    information = informed / cross if cross else 0.0
    least = min(share for _, share in by_nation) if len(by_nation) >= 2 else 0.0
    approach, rule = _name(
        len(nations), in_contact, shared, decision, least, interaction, information
    )
    return ApproachPlacement(
        phase=phase,
        nations=nations,
        decision_rights=decision,
        units=len(units),
        units_shared=units_shared,
        decision_by_nation=by_nation,
        interaction=interaction,
        cross_pairs=cross,
        cross_links=len(graphs.cross_nation),
        shared_bodies=shared,
        information=information,
        approach=approach,
        rule=rule,
    )


_PLACEMENTS = PhaseCache(_place)


def _neighbours(graphs: PhaseGraphs) -> dict[str, set[str]]:
    """Each node with a link in the phase, and the nodes it is linked to."""
    near: dict[str, set[str]] = defaultdict(set)
    for u, v, _keys in graphs.pairs:
        near[u].add(v)
        near[v].add(u)
    return near


def _shared_bodies(
    model: Model, near: dict[str, set[str]], nation: dict[str, str]
) -> tuple[str, ...]:
    """Coordination bodies and collective nodes linked to two or more countries, sorted."""
    return tuple(
        sorted(
            n
            for n in near
            if (model.nodes[n].kind == "coordination-body" or nation[n] in SPECIAL_NATIONS)
            and len({nation[m] for m in near[n]} - SPECIAL_NATIONS) >= 2
        )
    )


def _pairs_near(
    near: dict[str, set[str]], national: set[str], shared: set[str], nation: dict[str, str]
) -> tuple[int, int]:
    """Count the cross-nation pairs in contact and those within two links of each other.

    Pairs are counted from each national node's neighbourhood, never enumerated: the cost
    is the sum of squared degrees (links within two steps), not the number of pairs.
    """
    contacts = informed = 0
    for u in national:
        in_contact = set(near[u])
        within_two = set(near[u])
        for w in near[u]:
            within_two |= near[w]
            if w in shared:
                in_contact |= near[w]
        contacts += _foreign(in_contact, national, nation, nation[u])
        informed += _foreign(within_two, national, nation, nation[u])
    # Each unordered pair was counted from both of its ends.
    return contacts // 2, informed // 2


def _foreign(found: set[str], national: set[str], nation: dict[str, str], own: str) -> int:
    """Count the national nodes of ``found`` that belong to another country than ``own``."""
    return sum(1 for v in found if v in national and nation[v] != own)


def _decision_rights(
    model: Model, graphs: PhaseGraphs, nation: dict[str, str]
) -> tuple[list[str], tuple[str, ...]]:
    """Count national force units; list those under a collective or foreign chain.

    A unit is under a foreign chain when a node of another nation is above it over
    decision links: for each country, one search downward from every node of another
    nation finds them all (linear per country).
    """
    decision = graphs.relation_view(DECISION_RELATIONS)
    units = [n for n in graphs.nodes if n in graphs.forces and nation[n] not in SPECIAL_NATIONS]
    found: list[str] = []
    for country in sorted({nation[u] for u in units}):
        others = {n for n in graphs.nodes if nation[n] != country}
        below = closure(decision, others, upward=False)
        found += (u for u in units if nation[u] == country and u in below)
    return units, tuple(sorted(found))


def _decision_by_nation(
    units: list[str], units_shared: tuple[str, ...], nation: dict[str, str]
) -> tuple[tuple[str, float], ...]:
    """Per country, the share of its force units under a collective or foreign chain."""
    return tuple(
        (
            country,
            sum(1 for u in units_shared if nation[u] == country)
            / sum(1 for u in units if nation[u] == country),
        )
        for country in sorted({nation[u] for u in units})
    )


def _name(
    countries: int,
    in_contact: int,
    shared: tuple[str, ...],
    decision: float,
    least: float,
    interaction: float,
    information: float,
) -> tuple[str, str]:
    if countries < 2:
        return "none", "fewer than two countries take part"
    if in_contact == 0:
        return "conflicted", "no cross-nation pair is in contact"
    if decision == 0 and not shared:
        return (
            "de-conflicted",
            "contact through direct links only; no shared body; "
            "no force under a collective or foreign operational chain",
        )
    if decision == 0:
        return (
            "coordinated",
            f"{len(shared)} shared bodies active; no force under a "
            "collective or foreign operational chain",
        )
    if min(least, interaction, information) >= EDGE_THRESHOLD:
        return "edge", f"every axis at least {EDGE_THRESHOLD}, for every country's forces too"
    return (
        "collaborative",
        "some forces under a collective or foreign operational chain "
        f"(decision rights {decision:.2f})",
    )
