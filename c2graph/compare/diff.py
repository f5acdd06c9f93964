"""Structural diff of two models: nodes and links added, removed and changed.

Links are matched across the two models by their ends ``(from, to, relation)``
(:attr:`c2graph.model.Link.ends`); when several links share the same ends they are matched
by key first, then in file order.  Two endpoints joined by different relations in the two
models are also reported as a relation change (e.g. ``coordination`` → ``opcon``).

Example
-------
>>> from c2graph import load_model_data
>>> def m(rel):
...     return load_model_data({"name": "x", "as_of": "2025",
...         "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "a", "name": "A", "nation": "US", "kind": "headquarters"},
...                   {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
...         "links": [{"from": "a", "to": "b", "relation": rel}]})
>>> d = structural_diff(m("coordination"), m("opcon"))
>>> [r.to_dict() for r in d.relations_changed]
[{'from': 'a', 'to': 'b', 'before': ['coordination'], 'after': ['opcon']}]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..model import Link, Model, Node

__all__ = [
    "LINK_FIELDS",
    "NODE_FIELDS",
    "Diffs",
    "FieldChange",
    "LinkChange",
    "LinkRef",
    "NodeChange",
    "RelationChange",
    "StructuralDiff",
    "structural_diff",
]

#: Node fields compared (``phases`` only when the whole model is compared).
NODE_FIELDS: tuple[str, ...] = (
    "name",
    "nation",
    "kind",
    "phases",
    "location",
    "echelon",
    "short",
    "source",
    "confidence",
    "names",
)
#: Link fields compared for links with the same ends (``phases`` only for the whole model).
LINK_FIELDS: tuple[str, ...] = ("phases", "basis", "source", "confidence")


@dataclass(frozen=True)
class FieldChange(Displayable):
    """One field whose value differs: before (first model) and after (second model)."""

    field: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {"field": self.field, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class NodeChange(Displayable):
    """A node present in both models with some fields changed."""

    id: str
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {"id": self.id, "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class LinkRef(Displayable):
    """A link named by its key and ends."""

    key: str
    from_node: str
    to_node: str
    relation: str

    @classmethod
    def of(cls, link: Link) -> LinkRef:
        """Return the reference of a model link."""
        return cls(link.key, link.from_node, link.to_node, link.relation)

    def to_dict(self) -> dict[str, str]:
        """Return the reference as JSON-ready data."""
        return {
            "key": self.key,
            "from": self.from_node,
            "to": self.to_node,
            "relation": self.relation,
        }


@dataclass(frozen=True)
class LinkChange(Displayable):
    """A link with the same ends in both models whose phases, basis, source or confidence
    differ; ``key_before``/``key_after`` are its keys in each model."""

    from_node: str
    to_node: str
    relation: str
    key_before: str
    key_after: str
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "from": self.from_node,
            "to": self.to_node,
            "relation": self.relation,
            "key_before": self.key_before,
            "key_after": self.key_after,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class RelationChange(Displayable):
    """Two endpoints joined in both models, but by different relations."""

    from_node: str
    to_node: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "from": self.from_node,
            "to": self.to_node,
            "before": list(self.before),
            "after": list(self.after),
        }


@dataclass(frozen=True)
class StructuralDiff(Displayable):
    """What differs between two models, in one phase (``phase``) or overall (``None``)."""

    phase: str | None
    nodes_added: tuple[str, ...]
    nodes_removed: tuple[str, ...]
    nodes_changed: tuple[NodeChange, ...]
    links_added: tuple[LinkRef, ...]
    links_removed: tuple[LinkRef, ...]
    links_changed: tuple[LinkChange, ...]
    relations_changed: tuple[RelationChange, ...]

    @property
    def is_empty(self) -> bool:
        """True when the two models do not differ."""
        return not (
            self.nodes_added
            or self.nodes_removed
            or self.nodes_changed
            or self.links_added
            or self.links_removed
            or self.links_changed
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the diff as JSON-ready data."""
        return {
            "phase": self.phase,
            "nodes_added": list(self.nodes_added),
            "nodes_removed": list(self.nodes_removed),
            "nodes_changed": [c.to_dict() for c in self.nodes_changed],
            "links_added": [r.to_dict() for r in self.links_added],
            "links_removed": [r.to_dict() for r in self.links_removed],
            "links_changed": [c.to_dict() for c in self.links_changed],
            "relations_changed": [c.to_dict() for c in self.relations_changed],
        }


def structural_diff(a: Model, b: Model, *, phase: str | None = None) -> StructuralDiff:
    """Return what changes from model ``a`` to model ``b``.

    With ``phase``, only the nodes and links holding in that phase of each model are
    compared, and a link's or node's phase set is not compared (it holds in the phase in
    both).  Without it, every node and link is compared, phase sets included.

    Raises :class:`~c2graph.errors.QueryError` when ``phase`` is not a phase of both models.

    Example
    -------
    >>> from c2graph import load_model_data
    >>> m = load_model_data({"name": "x", "as_of": "2025", "phases": [{"id": "p",
    ...     "name": "P"}], "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> structural_diff(m, m).is_empty
    True
    """
    return Diffs(a, b).of(phase)


class Diffs:
    """The structural diffs of two models, overall and phase by phase, from one pass.

    The links of both models are grouped by ends and the ends sorted once, and every
    node's changed fields found once; the diff of a phase keeps what holds in it (a
    field change of a node is the same in every phase, its phase set aside).  Each
    :meth:`of` gives what :func:`structural_diff` gives.

    Example
    -------
    >>> from c2graph import load_model
    >>> diffs = Diffs(load_model("models/us-japan-2022.yaml"),
    ...               load_model("models/us-japan-2025.yaml"))
    >>> diffs.of("peacetime").nodes_added == diffs.of(None).nodes_added
    True
    >>> len(diffs.of(None).links_changed), len(diffs.of("peacetime").links_changed)
    (42, 38)
    """

    def __init__(self, a: Model, b: Model) -> None:
        self.a, self.b = a, b
        self._links = (_links(a.links), _links(b.links))
        self._ends = sorted(self._links[0].keys() | self._links[1].keys())
        self._node_changes = _node_changes(dict(a.nodes), dict(b.nodes), NODE_FIELDS)
        self._refs: dict[int, LinkRef] = {}

    def _ref(self, link: Link) -> LinkRef:
        """The reference to a link of either model, made once and shared by every diff
        that adds or removes it (the models hold their links, so an id stays theirs)."""
        found = self._refs.get(id(link))
        if found is None:
            found = self._refs[id(link)] = LinkRef.of(link)
        return found

    def of(self, phase: str | None) -> StructuralDiff:
        """The diff of the whole models (``None``) or of one phase (checked in ``a``,
        then in ``b``)."""
        nodes_a: AbstractSet[str]
        nodes_b: AbstractSet[str]
        if phase is None:
            nodes_a, nodes_b = self.a.nodes.keys(), self.b.nodes.keys()
            links_a, links_b = self._links
            ends: list[tuple[str, str, str]] = self._ends
            node_changes = self._node_changes
        else:
            self.a.situation(phase)
            self.b.situation(phase)
            nodes_a, nodes_b = _holding(self.a, phase), _holding(self.b, phase)
            links_a, links_b = (_in_phase(links, phase) for links in self._links)
            ends = [e for e in self._ends if e in links_a or e in links_b]
            node_changes = _phase_changes(self._node_changes, nodes_a & nodes_b)
        fields = _compared(LINK_FIELDS, phase)
        added, removed, changed = _link_changes(links_a, links_b, ends, fields, self._ref)
        return StructuralDiff(
            phase=phase,
            nodes_added=tuple(sorted(nodes_b - nodes_a)),
            nodes_removed=tuple(sorted(nodes_a - nodes_b)),
            nodes_changed=node_changes,
            links_added=added,
            links_removed=removed,
            links_changed=changed,
            relations_changed=_relation_changes(links_a, links_b),
        )


def _compared(fields: tuple[str, ...], phase: str | None) -> tuple[str, ...]:
    """The fields to compare: phase sets only when the whole models are compared."""
    return fields if phase is None else tuple(f for f in fields if f != "phases")


def _holding(model: Model, phase: str) -> set[str]:
    """The ids of the nodes of the model holding in ``phase``."""
    return {node_id for node_id, node in model.nodes.items() if phase in node.phases}


def _links(links: Iterable[Link]) -> dict[tuple[str, str, str], list[Link]]:
    """Links grouped by ends, in file order."""
    grouped: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    for link in links:
        grouped[link.ends].append(link)
    return grouped


def _in_phase(
    grouped: dict[tuple[str, str, str], list[Link]], phase: str
) -> dict[tuple[str, str, str], list[Link]]:
    """The groups of links holding in ``phase``, each in file order (empty ones left out)."""
    kept: dict[tuple[str, str, str], list[Link]] = {}
    for ends, links in grouped.items():
        held = [link for link in links if phase in link.phases]
        if held:
            kept[ends] = held
    return kept


def _phase_changes(changes: tuple[NodeChange, ...], held: set[str]) -> tuple[NodeChange, ...]:
    """The node changes of a phase: of nodes holding in it in both models, their phase
    sets aside."""
    found = []
    for change in changes:
        if change.id in held:
            kept = tuple(c for c in change.changes if c.field != "phases")
            if len(kept) == len(change.changes):
                found.append(change)
            elif kept:
                found.append(NodeChange(change.id, kept))
    return tuple(found)


def _node_changes(
    nodes_a: dict[str, Node], nodes_b: dict[str, Node], fields: tuple[str, ...]
) -> tuple[NodeChange, ...]:
    """The nodes of both models whose ``fields`` differ, by id."""
    found = []
    for node_id in sorted(nodes_a.keys() & nodes_b.keys()):
        changes = _field_changes(nodes_a[node_id], nodes_b[node_id], fields)
        if changes:
            found.append(NodeChange(node_id, changes))
    return tuple(found)


def _link_changes(
    links_a: dict[tuple[str, str, str], list[Link]],
    links_b: dict[tuple[str, str, str], list[Link]],
    ends: Iterable[tuple[str, str, str]],
    fields: tuple[str, ...],
    ref: Callable[[Link], LinkRef],
) -> tuple[tuple[LinkRef, ...], tuple[LinkRef, ...], tuple[LinkChange, ...]]:
    """The links added, removed and changed (in ``fields``), matched by ``ends`` (sorted:
    those of both), each link added or removed told by ``ref``."""
    added: list[LinkRef] = []
    removed: list[LinkRef] = []
    changed: list[LinkChange] = []
    for group in ends:
        old_links, new_links = links_a.get(group), links_b.get(group)
        if old_links is None or new_links is None:  # ends in one model only: nothing pairs
            removed += map(ref, old_links or ())
            added += map(ref, new_links or ())
            continue
        pairs, only_a, only_b = _match(old_links, new_links)
        removed += map(ref, only_a)
        added += map(ref, only_b)
        for old, new in pairs:
            changes = _field_changes(old, new, fields)
            if changes:
                changed.append(LinkChange(*group, old.key, new.key, changes))
    return (
        tuple(sorted(added, key=_ref_order)),
        tuple(sorted(removed, key=_ref_order)),
        tuple(changed),
    )


def _ref_order(ref: LinkRef) -> tuple[str, str, str, str]:
    return (ref.from_node, ref.to_node, ref.relation, ref.key)


def _match(
    old: list[Link], new: list[Link]
) -> tuple[list[tuple[Link, Link]], list[Link], list[Link]]:
    """Pair links with the same ends: equal keys first, then the rest in file order."""
    if len(old) == 1 and len(new) == 1:  # the usual case: whatever the keys, they pair
        return [(old[0], new[0])], [], []
    new_by_key = {link.key: link for link in new}
    pairs = [(link, new_by_key[link.key]) for link in old if link.key in new_by_key]
    paired_old = {id(o) for o, _ in pairs}
    paired_new = {id(n) for _, n in pairs}
    rest_old = [link for link in old if id(link) not in paired_old]
    rest_new = [link for link in new if id(link) not in paired_new]
    count = min(len(rest_old), len(rest_new))
    pairs += zip(rest_old[:count], rest_new[:count], strict=True)
    return pairs, rest_old[count:], rest_new[count:]


def _value(record: Node | Link, name: str) -> Any:
    value = getattr(record, name)
    if isinstance(value, frozenset):
        return sorted(value)
    if name == "names":
        return dict(value)
    return value


def _field_changes(
    old: Node | Link, new: Node | Link, fields: tuple[str, ...]
) -> tuple[FieldChange, ...]:
    # Equal raw values are equal as JSON-ready values too: convert only those that differ.
    return tuple(
        FieldChange(name, _value(old, name), _value(new, name))
        for name in fields
        if getattr(old, name) != getattr(new, name) and _value(old, name) != _value(new, name)
    )


def _relation_changes(
    links_a: dict[tuple[str, str, str], list[Link]],
    links_b: dict[tuple[str, str, str], list[Link]],
) -> tuple[RelationChange, ...]:
    def by_pair(links: dict[tuple[str, str, str], list[Link]]) -> dict[tuple[str, str], set[str]]:
        pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for tail, head, relation in links:
            pairs[tail, head].add(relation)
        return pairs

    before = by_pair(links_a)
    after = by_pair(links_b)
    return tuple(
        RelationChange(
            tail, head, tuple(sorted(before[tail, head])), tuple(sorted(after[tail, head]))
        )
        for tail, head in sorted(before.keys() & after.keys())
        if before[tail, head] != after[tail, head]
    )
