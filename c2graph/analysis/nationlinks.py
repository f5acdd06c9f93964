"""How the nations are joined in one phase: cross links, shared bodies, cuts, counterparts.

Parallel national chains joined by coordination bodies are the alliance's pattern (2015
Guidelines: each side acts "through their respective chains-of-command"); comparing two
variants asks which links and bodies join the nations, and whose counterparts match.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "jjoc", "name": "JJOC", "nation": "JP", "kind": "headquarters"},
...               {"id": "usfj", "name": "USFJ", "nation": "US", "kind": "headquarters"}],
...     "links": [{"from": "jjoc", "to": "usfj", "relation": "counterpart"}]})
>>> nation_link(model, phase="p").counterparts
(('jjoc', 'usfj'),)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..model import Model
from .approach import approach_space
from .channels import NationCut
from .frictions import Mismatch
from .graphs import phase_graphs
from .measures import phase_report

__all__ = ["NationLink", "nation_link"]


@dataclass(frozen=True)
class NationLink(Displayable):
    """What joins the nations in one phase.

    ``cross_links`` are ``(key, from, to, relation)`` of links between two countries;
    ``shared_bodies`` the operational bodies linked to two or more countries and
    ``forums`` the political forums (:func:`~c2graph.analysis.approach.approach_space`);
    ``counterparts`` the pairs joined by a ``counterpart`` link (sorted ends); ``cuts`` the
    smallest node and link cuts of the operational coordination channels between each pair
    of nations, with the connectivity left without each alliance body
    (:func:`c2graph.analysis.channels.nation_cut`); ``mismatches`` the cross-nation
    peers of which only one commands forces
    (:func:`c2graph.analysis.frictions.counterpart_mismatches`).
    """

    phase: str
    cross_links: tuple[tuple[str, str, str, str], ...]
    shared_bodies: tuple[str, ...]
    counterparts: tuple[tuple[str, str], ...]
    cuts: tuple[NationCut, ...]
    mismatches: tuple[Mismatch, ...]
    forums: tuple[str, ...] = ()

    @property
    def bridges(self) -> tuple[str, ...]:
        """Alliance or multinational nodes without which two nations lose a connection."""
        return tuple(
            sorted(
                {
                    b.node
                    for c in self.cuts
                    for b in c.bridges
                    if b.connectivity_without < c.connectivity
                }
            )
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready data."""
        return {
            "phase": self.phase,
            "cross_links": [
                {"key": k, "from": f, "to": t, "relation": r} for k, f, t, r in self.cross_links
            ],
            "shared_bodies": list(self.shared_bodies),
            "forums": list(self.forums),
            "counterparts": [list(pair) for pair in self.counterparts],
            "cuts": [c.to_dict() for c in self.cuts],
            "bridges": list(self.bridges),
            "mismatches": [m.to_dict() for m in self.mismatches],
        }


def nation_link(model: Model, *, phase: str) -> NationLink:
    """Return what joins the nations of ``model`` in ``phase``.

    Raises :class:`~c2graph.errors.QueryError` for an unknown phase.

    Example
    -------
    >>> from c2graph import load_model
    >>> link = nation_link(load_model("models/us-japan-2025.yaml"), phase="armed-attack")
    >>> link.counterparts[:2], link.bridges
    ((('jp-jjoc', 'us-indopacom'), ('jp-jjoc', 'us-usfj')), ('al-bjocc', 'al-bocc', 'al-ccc'))
    >>> link.forums
    ('al-acg', 'al-edd', 'al-jc', 'al-scc')

    References
    ----------
    Guidelines for U.S.-Japan Defense Cooperation (2015): parallel chains of command
    joined by the Alliance Coordination Mechanism.
    """
    graphs = phase_graphs(model, phase)
    cross = tuple(
        sorted(
            (link.key, link.from_node, link.to_node, link.relation) for link in graphs.cross_nation
        )
    )
    counterparts = tuple(
        sorted(
            {
                (min(link.from_node, link.to_node), max(link.from_node, link.to_node))
                for link in graphs.links
                if link.relation == "counterpart"
            }
        )
    )
    report = phase_report(model, phase=phase)
    place = approach_space(model, phase=phase)
    return NationLink(
        phase,
        cross,
        place.shared_bodies,
        counterparts,
        report.nation_cuts,
        report.mismatches,
        place.forums,
    )
