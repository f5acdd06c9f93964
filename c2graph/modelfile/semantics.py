"""Checks across a whole (merged) model: ids, references, duplicates and authority cycles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..errors import Problem
from ..hints import did_you_mean
from ..vocabulary import AUTHORITY_RELATIONS
from .items import Item, ModelFile

__all__ = ["check_semantics", "resolve_phases"]


def resolve_phases(
    spec: Any, order: list[str], every: frozenset[str] | None = None
) -> frozenset[str]:
    """Return the phase ids a (checked) ``phases`` value stands for.

    ``every``, when given, is ``frozenset(order)``: returned as it is for ``all``.

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
    return frozenset(order) if every is None else every


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    known = list(known)
    hint = did_you_mean(value, known) or (
        f"; define it under '{what}s'" if what != "phase" else "; define it under 'phases'"
    )
    return f"unknown {what} {value!r}{hint}"


def check_semantics(sections: dict[str, list[Item]], *, top: ModelFile) -> list[Problem]:
    """Return every cross-reference problem of a merged model (empty when it is valid).

    ``top`` is the file that was asked for (the last variant): problems about the model as
    a whole are reported there.
    """
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    for section in ("phases", "nodes", "sources", "locations"):
        ids[section] = _check_unique(sections[section], section, problems)
    if not sections["nodes"]:
        problems.append(
            top.problem(("nodes",), "the model has no nodes: add at least one under 'nodes'")
        )
    if not sections["phases"]:
        problems.append(
            top.problem(("phases",), "the model has no phases: add at least one under 'phases'")
        )
    order = [item.data["id"] for item in sections["phases"]]

    def ref(item: Item, key: str, section: str, what: str) -> None:
        value = item.data.get(key)
        if isinstance(value, str) and value not in ids[section]:
            problems.append(item.problem(key, _unknown(what, value, ids[section])))

    for item in sections["phases"]:
        ref(item, "declared_by", "nodes", "node")
        ref(item, "source", "sources", "source")
        for value in item.data.get("approval", []):
            if value not in ids["nodes"]:
                problems.append(item.problem("approval", _unknown("node", value, ids["nodes"])))
    # The fast test of each item below passes exactly when the full checks find nothing.
    known_nodes, known_locations = ids["nodes"], ids["locations"] | {None}
    known_sources = ids["sources"] | {None}
    for item in sections["nodes"]:
        data = item.data
        if (
            data.get("location") in known_locations
            and data.get("source") in known_sources
            and data.get("phases", "all") == "all"
        ):
            continue
        ref(item, "location", "locations", "location")
        ref(item, "source", "sources", "source")
        _check_phase_spec(item, order, problems)
    for item in sections["locations"]:
        ref(item, "source", "sources", "source")
    for item in sections["links"]:
        data = item.data
        if (
            data["from"] in known_nodes
            and data["to"] in known_nodes
            and data["from"] != data["to"]
            and data.get("source") in known_sources
            and data.get("phases", "all") == "all"
        ):
            continue
        ref(item, "from", "nodes", "node")
        ref(item, "to", "nodes", "node")
        ref(item, "source", "sources", "source")
        _check_phase_spec(item, order, problems)
        if item.data["from"] == item.data["to"]:
            problems.append(
                item.problem(
                    "to", f"a link from {item.data['from']!r} to itself; link two different nodes"
                )
            )
    if problems:
        return problems
    _check_link_ids(sections["links"], problems)
    _check_overlaps(sections["links"], order, problems)
    node_phases = {
        it.data["id"]: resolve_phases(it.data.get("phases", "all"), order)
        for it in sections["nodes"]
    }
    _check_authority_cycles(sections["links"], order, node_phases, problems)
    return problems


def _check_unique(items: list[Item], section: str, problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for item in items:
        value = item.data["id"]
        if value in seen:
            problems.append(
                item.problem(
                    "id",
                    f"duplicate {section[:-1]} id {value!r}: ids must be unique within '{section}'",
                )
            )
        seen.add(value)
    return seen


def _check_phase_spec(item: Item, order: list[str], problems: list[Problem]) -> None:
    spec = item.data.get("phases", "all")
    if spec == "all":
        return
    known = set(order)
    if isinstance(spec, list):
        for value in spec:
            if value not in known:
                problems.append(item.problem("phases", _unknown("phase", value, order)))
    elif isinstance(spec, dict):
        for key in ("from", "to"):
            if key in spec and spec[key] not in known:
                problems.append(item.problem("phases", _unknown("phase", spec[key], order)))
        if (
            spec.get("from") in known
            and spec.get("to") in known
            and order.index(spec["to"]) < order.index(spec["from"])
        ):
            problems.append(
                item.problem(
                    "phases",
                    f"phase range runs backwards: {spec['to']!r} comes before {spec['from']!r}",
                )
            )


def _check_link_ids(links: list[Item], problems: list[Problem]) -> None:
    seen: set[str] = set()
    for item in links:
        link_id = item.data.get("id")
        if link_id is None:
            continue
        if link_id in seen:
            problems.append(item.problem("id", f"duplicate link id {link_id!r}"))
        seen.add(link_id)


def _check_overlaps(links: list[Item], order: list[str], problems: list[Problem]) -> None:
    by_ends: dict[tuple[str, str, str], list[Item]] = {}
    every = frozenset(order)
    for item in links:
        data = item.data
        earlier = by_ends.setdefault((data["from"], data["to"], data["relation"]), [])
        if earlier:  # phases are resolved only for links that share their ends
            phases = resolve_phases(data.get("phases", "all"), order, every)
        for other in earlier:
            shared = phases & resolve_phases(other.data.get("phases", "all"), order, every)
            if shared:
                first = sorted(shared, key=order.index)[0]
                where = other.problem(None, "")
                at = (
                    f"line {where.line}"
                    if where.file == item.problem(None, "").file
                    else (f"{where.file}:{where.line}")
                )
                problems.append(
                    item.problem(
                        None,
                        f"duplicate link: the same from, to and relation already holds in phase "
                        f"{first!r} ({at}); merge them or give disjoint phases",
                    )
                )
                break
        earlier.append(item)


def _acyclic(edges: list[tuple[str, str]]) -> bool:
    """True when the directed graph of ``edges`` has no cycle (Kahn's topological sort).

    The same answer as ``networkx.is_directed_acyclic_graph``, without building a graph:
    every model is checked, so this is on the loading path.
    """
    successors: dict[str, list[str]] = defaultdict(list)
    indegree: dict[str, int] = defaultdict(int)
    for tail, head in edges:
        successors[tail].append(head)
        indegree[head] += 1
    ready = [node for node in successors if node not in indegree]
    done = 0
    while ready:
        node = ready.pop()
        done += 1
        for head in successors.get(node, ()):
            indegree[head] -= 1
            if not indegree[head]:
                ready.append(head)
    return done == len(successors.keys() | indegree.keys())


def _check_authority_cycles(
    links: list[Item],
    order: list[str],
    node_phases: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    """Report each authority cycle once, at the link written last that closes it.

    The closing link is one whose relation a variant changed, else the latest in the merged
    order (a variant's additions follow its base's links), so the problem points at the edit
    that made the cycle. A cycle holding in several phases is one problem naming them all.
    A link holds only in the phases where both its ends exist, as in the loaded model.
    """
    if _acyclic(
        [
            (it.data["from"], it.data["to"])
            for it in links
            if it.data["relation"] in AUTHORITY_RELATIONS
        ]
    ):
        return
    authority = [
        (
            rank,
            it,
            resolve_phases(it.data.get("phases", "all"), order)
            & node_phases[it.data["from"]]
            & node_phases[it.data["to"]],
        )
        for rank, it in enumerate(links)
        if it.data["relation"] in AUTHORITY_RELATIONS
    ]
    found: dict[tuple[int, str], list[str]] = {}
    closers: dict[int, Item] = {}
    for phase in order:
        edges: dict[tuple[str, str], tuple[int, Item]] = {}
        for rank, item, phases in authority:
            if phase in phases:
                edges.setdefault((item.data["from"], item.data["to"]), (rank, item))
        try:
            cycle = nx.find_cycle(nx.DiGraph(list(edges)))
        except nx.NetworkXNoCycle:
            continue
        path = " → ".join([u for u, _ in cycle] + [cycle[0][0]])
        rank, closing = max(
            (edges[(u, v)] for u, v in cycle),
            key=lambda entry: ("relation" in entry[1].overrides, entry[0]),
        )
        closers[rank] = closing
        found.setdefault((rank, path), []).append(phase)
    for (rank, path), phases in found.items():
        named = ", ".join(repr(p) for p in phases)
        problems.append(
            closers[rank].problem(
                "relation",
                f"authority cycle in phase{'s' if len(phases) > 1 else ''} {named}: "
                f"{path}; authority must flow one way (make one of these links "
                "coordination or drop it)",
            )
        )
