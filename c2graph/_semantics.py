"""Checks across a whole (merged) model: ids, references, duplicates and authority cycles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ._validate import closest
from .errors import Problem
from .vocabulary import AUTHORITY_RELATIONS

if TYPE_CHECKING:
    from .loader import _Item

__all__ = ["check_semantics", "resolve_phases"]


def resolve_phases(spec: Any, order: list[str]) -> frozenset[str]:
    """Return the phase ids a (checked) ``phases`` value stands for.

    >>> sorted(resolve_phases({"from": "b"}, ["a", "b", "c"]))
    ['b', 'c']
    >>> sorted(resolve_phases("all", ["a", "b"]))
    ['a', 'b']
    """
    if isinstance(spec, list):
        return frozenset(spec)
    if isinstance(spec, dict):
        start = order.index(spec["from"])
        end = order.index(spec["to"]) if "to" in spec else len(order) - 1
        return frozenset(order[start : end + 1])
    return frozenset(order)


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    known = list(known)
    near = closest(value, known)
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else (
        f"; define it under '{what}s'" if what != "phase" else "; define it under 'phases'"
    )
    return f"unknown {what} {value!r}{hint}"


def check_semantics(sections: dict[str, list[_Item]]) -> list[Problem]:
    """Return every cross-reference problem of a merged model (empty when it is valid)."""
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    for section in ("phases", "nodes", "sources", "locations"):
        ids[section] = _check_unique(sections[section], section, problems)
    if not sections["nodes"]:
        problems.append(_first(sections).problem("nodes", "the model has no nodes: add at "
                                                          "least one under 'nodes'"))
    if not sections["phases"]:
        problems.append(_first(sections).problem("phases", "the model has no phases: add at "
                                                           "least one under 'phases'"))
    order = [item.data["id"] for item in sections["phases"]]

    def ref(item: _Item, key: str, section: str, what: str) -> None:
        value = item.data.get(key)
        if isinstance(value, str) and value not in ids[section]:
            problems.append(item.problem(key, _unknown(what, value, ids[section])))

    for item in sections["phases"]:
        ref(item, "declared_by", "nodes", "node")
        ref(item, "source", "sources", "source")
        for value in item.data.get("approval", []):
            if value not in ids["nodes"]:
                problems.append(item.problem("approval", _unknown("node", value, ids["nodes"])))
    for item in sections["nodes"]:
        ref(item, "location", "locations", "location")
        ref(item, "source", "sources", "source")
        _check_phase_spec(item, order, problems)
    for item in sections["locations"]:
        ref(item, "source", "sources", "source")
    for item in sections["links"]:
        ref(item, "from", "nodes", "node")
        ref(item, "to", "nodes", "node")
        ref(item, "source", "sources", "source")
        _check_phase_spec(item, order, problems)
        if item.data["from"] == item.data["to"]:
            problems.append(item.problem("to", f"a link from {item.data['from']!r} to itself; "
                                               "link two different nodes"))
    if problems:
        return problems
    _check_link_ids(sections["links"], problems)
    _check_overlaps(sections["links"], order, problems)
    _check_authority_cycles(sections["links"], order, problems)
    return problems


def _first(sections: dict[str, list[_Item]]) -> _Item:
    """A stand-in item at the top of the first file, for problems about the whole model."""
    from .loader import _Item

    for items in sections.values():
        if items:
            return _Item({}, items[0].file, ())
    raise LookupError("no items")  # pragma: no cover - the loader always passes a file


def _check_unique(items: list[_Item], section: str, problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for item in items:
        value = item.data["id"]
        if value in seen:
            problems.append(item.problem("id", f"duplicate {section[:-1]} id {value!r}: ids "
                                               f"must be unique within '{section}'"))
        seen.add(value)
    return seen


def _check_phase_spec(item: _Item, order: list[str], problems: list[Problem]) -> None:
    spec = item.data.get("phases", "all")
    known = set(order)
    if isinstance(spec, list):
        for value in spec:
            if value not in known:
                problems.append(item.problem("phases", _unknown("phase", value, order)))
    elif isinstance(spec, dict):
        for key in ("from", "to"):
            if key in spec and spec[key] not in known:
                problems.append(item.problem("phases", _unknown("phase", spec[key], order)))
        if (spec.get("from") in known and spec.get("to") in known
                and order.index(spec["to"]) < order.index(spec["from"])):
            problems.append(item.problem("phases", f"phase range runs backwards: "
                                                   f"{spec['to']!r} comes before "
                                                   f"{spec['from']!r}"))


def _check_link_ids(links: list[_Item], problems: list[Problem]) -> None:
    seen: set[str] = set()
    for item in links:
        link_id = item.data.get("id")
        if link_id is None:
            continue
        if link_id in seen:
            problems.append(item.problem("id", f"duplicate link id {link_id!r}"))
        seen.add(link_id)


def _check_overlaps(links: list[_Item], order: list[str], problems: list[Problem]) -> None:
    by_ends: dict[tuple[str, str, str], list[tuple[_Item, frozenset[str]]]] = defaultdict(list)
    for item in links:
        data = item.data
        phases = resolve_phases(data.get("phases", "all"), order)
        ends = (data["from"], data["to"], data["relation"])
        for other, other_phases in by_ends[ends]:
            shared = phases & other_phases
            if shared:
                first = sorted(shared, key=order.index)[0]
                line = other.problem(None, "").line
                problems.append(item.problem(
                    None,
                    f"duplicate link: the same from, to and relation already holds in phase "
                    f"{first!r} (line {line}); merge them or give disjoint phases",
                ))
                break
        by_ends[ends].append((item, phases))


def _check_authority_cycles(links: list[_Item], order: list[str],
                            problems: list[Problem]) -> None:
    authority = [(it, resolve_phases(it.data.get("phases", "all"), order)) for it in links
                 if it.data["relation"] in AUTHORITY_RELATIONS]
    union = nx.DiGraph((it.data["from"], it.data["to"]) for it, _ in authority)
    if nx.is_directed_acyclic_graph(union):
        return
    for phase in order:
        edges: dict[tuple[str, str], _Item] = {}
        for item, phases in authority:
            if phase in phases:
                edges.setdefault((item.data["from"], item.data["to"]), item)
        graph = nx.DiGraph(list(edges))
        try:
            cycle = nx.find_cycle(graph)
        except nx.NetworkXNoCycle:
            continue
        path = " → ".join([u for u, _ in cycle] + [cycle[0][0]])
        closing = min((edges[(u, v)] for u, v in cycle), key=lambda it: it.path)
        problems.append(closing.problem(
            "relation", f"authority cycle in phase {phase!r}: {path}; authority must flow "
                        "one way (make one of these links coordination or drop it)",
        ))
