"""The records of chains of authority: paths to a unit, its direct superiors, its scope.

Defined apart from the analyses that find them (:mod:`c2graph.analysis.paths`,
:mod:`c2graph.analysis.sovereignty`, and :mod:`c2graph.analysis.plainpaths` on plain
dicts), so that a record can be made and read without importing networkx.

Example
-------
>>> chain = AuthorityPath(("pm", "hq", "u"), ("command", "tacon"), ("k1", "k2"), "tacon")
>>> PathResult("u", "peace", None, (chain,)).to_dict()["paths"][0]["effective"]
'tacon'
>>> sorted([chain, AuthorityPath(("hq", "u"), ("tacon",), ("k2",), "tacon")], key=path_key)[0]
AuthorityPath(nodes=('hq', 'u'), relations=('tacon',), links=('k2',), effective='tacon', \
kind='authority', layer='operational', scope='national', consent=())
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..vocabulary import RELATIONS, Layer

__all__ = [
    "COMBINED",
    "DEFAULT_LAYER",
    "SCOPES",
    "AuthorityPath",
    "Commanders",
    "ForceScope",
    "PathResult",
    "ScopedChain",
    "Superior",
    "path_key",
]

#: The scopes of a chain, in the order they are listed.
SCOPES: tuple[str, ...] = ("national", "combined", "foreign")
#: The name of the family of combined chains.
COMBINED = "combined"

#: The layer of chains of command, single points of failure, spans and hierarchy measures
#: when none is asked for.
DEFAULT_LAYER: str = Layer.OPERATIONAL.value


@dataclass(frozen=True)
class AuthorityPath(Displayable):
    """One chain from a source to a target: its nodes, links and the surviving authority.

    ``kind`` is ``"authority"`` for a chain of authority links, ``"coordination"`` for a
    request route that uses at least one coordination link (its ``effective`` is then
    ``"none"``: no authority passes over coordination), and ``"link"`` for a link of a layer
    without authority (support, coordination, information) touching the target.  ``layer``
    is the layer the chain was found in.  For a chain of authority, ``scope`` is
    ``"national"``, ``"combined"`` or ``"foreign"``
    (:data:`SCOPES`) and ``consent`` the national heads whose
    consent a combined or foreign chain rests on (empty for a national one).
    """

    nodes: tuple[str, ...]
    relations: tuple[str, ...]
    links: tuple[str, ...]
    effective: str
    kind: str = "authority"
    layer: str = DEFAULT_LAYER
    scope: str | None = "national"
    consent: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the path as JSON-ready data."""
        return {
            "nodes": list(self.nodes),
            "relations": list(self.relations),
            "links": list(self.links),
            "effective": self.effective,
            "kind": self.kind,
            "layer": self.layer,
            "scope": self.scope,
            "consent": list(self.consent),
        }


@dataclass(frozen=True)
class PathResult(Displayable):
    """Every path to ``target`` in ``phase`` and ``layer`` (from ``source``, or from every
    top of the layer)."""

    target: str
    phase: str
    source: str | None
    paths: tuple[AuthorityPath, ...]
    layer: str = DEFAULT_LAYER

    @property
    def warnings(self) -> tuple[str, ...]:
        """One warning per foreign chain: "national force under a foreign-topped chain"."""
        return tuple(_foreign_warning(p) for p in self.paths if p.scope == "foreign")

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data (``paths`` is ``[]`` when there is none)."""
        return {
            "target": self.target,
            "phase": self.phase,
            "layer": self.layer,
            "source": self.source,
            "paths": [p.to_dict() for p in self.paths],
            "warnings": list(self.warnings),
        }


def _foreign_warning(path: AuthorityPath) -> str:
    heads = ", ".join(path.consent) or "no national head in this layer"
    return (
        f"national force under a foreign-topped chain: {path.nodes[-1]} under "
        f"{' → '.join(path.nodes[:-1])} ({path.layer} layer, {path.effective}); rests on "
        f"the consent of {heads}"
    )


@dataclass(frozen=True)
class Superior(Displayable):
    """A direct authority link into a unit: who holds it, which relation, which link.

    ``holders`` names, for a conduit (``transmits``), the nodes whose authority it passes
    on (found up through conduits to the first link of another relation); for any other
    relation it is the superior itself.
    """

    node: str
    relation: str
    link: str
    holders: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the superior as JSON-ready data."""
        return {
            "node": self.node,
            "relation": self.relation,
            "link": self.link,
            "holders": list(self.holders or (self.node,)),
        }


@dataclass(frozen=True)
class Commanders(Displayable):
    """Who holds authority directly over ``unit`` in ``phase`` and ``layer``.

    ``operational`` lists the distinct holders of an operational relation (command, COCOM,
    OPCON), a conduit counting as the holders above it; more than one breaks unity of
    command and ``warning`` says so.
    """

    unit: str
    phase: str
    superiors: tuple[Superior, ...]
    operational: tuple[str, ...]
    warning: str | None
    layer: str = DEFAULT_LAYER

    @classmethod
    def held(
        cls,
        unit: str,
        phase: str,
        superiors: tuple[Superior, ...],
        held: list[tuple[str, Superior]],
        layer: str,
    ) -> Commanders:
        """The commanders of ``unit`` from the (holder, superior) pairs that command it.

        >>> a, b = Superior("a", "OPCON", "l1", ("a",)), Superior("b", "TACON", "l2", ("b",))
        >>> Commanders.held("u", "p", (a, b), [("a", a), ("b", b)], "operational").warning
        "unity of command: u has 2 operational commanders in phase 'p': a (OPCON), b (TACON)"
        """
        operational = tuple(sorted({h for h, _s in held}))
        warning = None
        if len(operational) > 1:
            holders = ", ".join(
                f"{h} ({s.relation})" if h == s.node else f"{h} (through {s.node})" for h, s in held
            )
            warning = (
                f"unity of command: {unit} has {len(operational)} operational commanders "
                f"in phase {phase!r}: {holders}"
            )
        return cls(unit, phase, superiors, operational, warning, layer)

    def to_dict(self) -> dict[str, Any]:
        """Return the commanders as JSON-ready data."""
        return {
            "unit": self.unit,
            "phase": self.phase,
            "layer": self.layer,
            "superiors": [s.to_dict() for s in self.superiors],
            "operational": list(self.operational),
            "warning": self.warning,
        }


@dataclass(frozen=True)
class ScopedChain(Displayable):
    """A combined or foreign chain above a force (its nodes, top first), with whose consent
    it rests on."""

    nodes: tuple[str, ...]
    scope: str
    consent: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the chain as JSON-ready data."""
        return {"nodes": list(self.nodes), "scope": self.scope, "consent": list(self.consent)}


@dataclass(frozen=True)
class ForceScope(Displayable):
    """A national force's chains in one layer: its ``national`` chains (node tuples) and the
    combined or foreign chains it is under (``shared``)."""

    unit: str
    nation: str
    national: tuple[tuple[str, ...], ...]
    shared: tuple[ScopedChain, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """ "national force under a foreign-topped chain", once per foreign chain, and a
        note when the force has no national chain at all."""
        found = [
            f"national force under a foreign-topped chain: {self.unit} ({self.nation}) under "
            f"{' → '.join(c.nodes[:-1])}; rests on the consent of "
            f"{', '.join(c.consent) or 'no national head in this layer'}"
            for c in self.shared
            if c.scope == "foreign"
        ]
        if not self.national:
            found.append(f"{self.unit} ({self.nation}) has no national chain in this layer")
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """Return the force's chains as JSON-ready data."""
        return {
            "unit": self.unit,
            "nation": self.nation,
            "national": [list(c) for c in self.national],
            "shared": [c.to_dict() for c in self.shared],
            "warnings": list(self.warnings),
        }


_RELATION_ORDER = {relation: i for i, relation in enumerate(RELATIONS)}
_KIND_ORDER = {"authority": 0, "link": 1, "coordination": 2}
_SCOPE_ORDER = {name: i for i, name in enumerate((*SCOPES, None))}


def path_key(path: AuthorityPath) -> tuple[Any, ...]:
    """The order paths are listed in: authority chains, then links, then request routes;
    national, combined, foreign; shorter first; then by nodes, relations (vocabulary order)
    and links.

    Example
    -------
    >>> short = AuthorityPath(("a", "b"), ("opcon",), ("k",), "opcon")
    >>> route = AuthorityPath(("a", "b"), ("liaison",), ("l",), "none", "coordination")
    >>> sorted([route, short], key=path_key) == [short, route]
    True
    """
    ranks = tuple(_RELATION_ORDER[relation] for relation in path.relations)
    return (
        _KIND_ORDER[path.kind],
        _SCOPE_ORDER[path.scope],
        len(path.nodes),
        path.nodes,
        ranks,
        path.links,
    )
