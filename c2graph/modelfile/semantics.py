"""Checks across a whole (merged) model: ids, references, duplicates and authority cycles."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from ..errors import Problem
from ..hints import did_you_mean
from ..vocabulary import AUTHORITY_RELATIONS
from .items import Item, ModelFile
from .situations import PhaseSets, resolve_phases

__all__ = ["check_semantics", "resolve_phases"]


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    hint = did_you_mean(value, known) or f"; define it under '{what}s'"
    return f"unknown {what} {value!r}{hint}"


def check_semantics(sections: dict[str, list[Item]], *, top: ModelFile) -> list[Problem]:
    """Return every cross-reference problem of a merged model (empty when it is valid).

    Ids must be unique and every reference defined; only then are duplicate links and
    authority cycles looked for, since both need the phases the references name.  The
    checks of decisions, scenarios, timelines and time (:mod:`.timechecks`) run alongside.

    Parameters
    ----------
    sections
        The merged items of each section (``phases``, ``nodes``, ``links``, ``sources``,
        ``locations``), their structure already checked.
    top
        The file that was asked for (the last variant): problems about the model as a
        whole are reported there.

    Returns
    -------
    list of Problem
        Empty when the model is valid.

    Examples
    --------
    >>> file = ModelFile("m.yaml", "", {
    ...     "phases": [{"id": "peace", "name": "Peace"}],
    ...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "unit"}],
    ...     "links": [{"from": "pm", "to": "pmm", "relation": "command"}]})
    >>> names = ("phases", "nodes", "links", "sources", "locations")
    >>> for problem in check_semantics({n: file.items(n) for n in names}, top=file):
    ...     print(problem)
    m.yaml: links[0] (from='pm', to='pmm') → to: unknown node 'pmm' (did you mean 'pm'?)
    """
    problems: list[Problem] = []
    ids = {
        section: _check_unique(sections[section], section, problems)
        for section in ("phases", "nodes", "sources", "locations")
    }
    problems += [
        top.problem((section,), f"the model has no {section}: add at least one under '{section}'")
        for section in ("nodes", "phases")
        if not sections[section]
    ]
    sets = PhaseSets(
        [item.data for item in sections["phases"]],
        [item.data for item in sections.get("scenarios", [])],
    )
    references = _References(ids, sets, problems)
    references.check_phases(sections["phases"])
    references.check_nodes(sections["nodes"])
    references.check_locations(sections["locations"])
    references.check_links(sections["links"])
    from .timechecks import check_time_and_decisions

    if problems:
        return problems + check_time_and_decisions(sections, ids, sets, None)
    _check_link_ids(sections["links"], problems)
    _check_overlaps(sections["links"], sets, problems)
    node_phases = {
        item.data["id"]: sets.resolve(item.data.get("phases", "all")) for item in sections["nodes"]
    }
    _check_authority_cycles(sections["links"], sets, node_phases, problems)
    return problems + check_time_and_decisions(sections, ids, sets, node_phases)


def _check_unique(items: list[Item], section: str, problems: list[Problem]) -> set[str]:
    """Report ids used twice in a section, and ids that differ only in how they look."""
    seen: dict[str, Item] = {}
    for item in items:
        value = item.data["id"]
        first = seen.get(value)
        if first is None:
            seen[value] = item
        else:
            problems.append(item.problem("id", _duplicate(section, value, item, first)))
    _check_look_alikes(seen, section, problems)
    return set(seen)


def _duplicate(section: str, value: str, item: Item, first: Item) -> str:
    """The message of an id used a second time, saying where it was first."""
    what = section[:-1]
    there = first.problem(None, "")
    if there.file == item.problem(None, "").file:
        return (
            f"duplicate {what} id {value!r} (first on line {there.line}): ids must be unique "
            f"within '{section}'"
        )
    at = f"{there.file}:{there.line}"
    if isinstance(first.file, ModelFile) and _is_variant(item):
        fix = (
            f"to modify it, give its id and the keys to set under 'change: {section}' instead"
            if section in ("nodes", "phases")
            else "remove this one, or give it another id"
        )
        return f"duplicate {what} id {value!r}: the base model has it ({at}); {fix}"
    return f"duplicate {what} id {value!r} (first at {at}): ids must be unique within '{section}'"


def _is_variant(item: Item) -> bool:
    """True when ``item`` is written in a model file that extends another."""
    origin = item.file
    return (
        isinstance(origin, ModelFile)
        and isinstance(origin.data, dict)
        and ("extends" in origin.data)
    )


def _look(value: str) -> str:
    """What an id looks like: case, Unicode form and compatibility forms folded away."""
    return value.lower() if value.isascii() else unicodedata.normalize("NFKC", value).casefold()


def _distinct_looks(values: list[str]) -> int:
    """How many different looks (:func:`_look`) the ids have; ASCII ids, the usual ones,
    are folded together in one pass.

    >>> _distinct_looks(["HQ", "hq", "ｈｑ", "unit"])
    2
    """
    if "".join(values).isascii():
        return len(set(map(str.lower, values)))
    return len({_look(value) for value in values})


def _check_look_alikes(seen: dict[str, Item], section: str, problems: list[Problem]) -> None:
    """Report ids of a section that differ only in case or in Unicode form."""
    if _distinct_looks(list(seen)) == len(seen):
        return
    looks: dict[str, str] = {}
    for value, item in seen.items():
        other = looks.setdefault(_look(value), value)
        if other != value:
            there = seen[other].problem(None, "")
            at = (
                f"line {there.line}"
                if there.file == item.problem(None, "").file
                else (f"{there.file}:{there.line}")
            )
            problems.append(
                item.problem(
                    "id",
                    f"{section[:-1]} id {value!r} looks the same as {other!r} ({at}): they "
                    "differ only in case or Unicode form; rename one",
                )
            )


class _References:
    """Checks that every id an item names is defined, collecting the problems.

    Nodes and links come by the hundred thousand: each gets a fast test first, which
    passes exactly when the full checks would find nothing.
    """

    def __init__(self, ids: dict[str, set[str]], sets: PhaseSets, problems: list[Problem]) -> None:
        self.ids = ids
        self.sets = sets
        self.problems = problems
        self._sources = ids["sources"] | {None}

    def check_phases(self, items: list[Item]) -> None:
        for item in items:
            self._ref(item, "declared_by", "nodes", "node")
            self._ref(item, "source", "sources", "source")
            for value in item.data.get("approval", []):
                if value not in self.ids["nodes"]:
                    self.problems.append(
                        item.problem("approval", _unknown("node", value, self.ids["nodes"]))
                    )

    def check_nodes(self, items: list[Item]) -> None:
        locations = self.ids["locations"] | {None}
        for item in items:
            data = item.data
            if (
                data.get("location") in locations
                and data.get("source") in self._sources
                and data.get("phases", "all") == "all"
            ):
                continue
            self._ref(item, "location", "locations", "location")
            self._ref(item, "source", "sources", "source")
            self._phase_spec(item)

    def check_locations(self, items: list[Item]) -> None:
        for item in items:
            self._ref(item, "source", "sources", "source")

    def check_links(self, items: list[Item]) -> None:
        nodes = self.ids["nodes"]
        for item in items:
            data = item.data
            tail, head = data["from"], data["to"]
            if (
                tail in nodes
                and head in nodes
                and tail != head
                and data.get("source") in self._sources
                and data.get("phases", "all") == "all"
            ):
                continue
            self._ref(item, "from", "nodes", "node")
            self._ref(item, "to", "nodes", "node")
            self._ref(item, "source", "sources", "source")
            self._phase_spec(item)
            if tail == head:
                self.problems.append(
                    item.problem("to", f"a link from {tail!r} to itself; link two different nodes")
                )

    def _ref(self, item: Item, key: str, section: str, what: str) -> None:
        value = item.data.get(key)
        if value is not None and value not in self.ids[section]:
            self.problems.append(item.problem(key, _unknown(what, value, self.ids[section])))

    def _phase_spec(self, item: Item) -> None:
        """Check that the phases an item names exist, each in its nation's set, and that a
        range runs forwards."""
        for message in self.sets.spec_problems(item.data.get("phases", "all")):
            self.problems.append(item.problem("phases", message))


def _check_link_ids(links: list[Item], problems: list[Problem]) -> None:
    seen: dict[str, Item] = {}
    for item in links:
        link_id = item.data.get("id")
        if link_id is None:
            continue
        first = seen.get(link_id)
        if first is None:
            seen[link_id] = item
            continue
        there = first.problem(None, "")
        at = (
            f"line {there.line}"
            if there.file == item.problem(None, "").file
            else (f"{there.file}:{there.line}")
        )
        problems.append(item.problem("id", f"duplicate link id {link_id!r} (first at {at})"))
    _check_look_alikes(seen, "links", problems)


def _check_overlaps(links: list[Item], sets: PhaseSets, problems: list[Problem]) -> None:
    """Report a link whose from, to and relation another holds in a shared situation."""
    by_ends: dict[tuple[str, str, str], list[Item]] = {}
    rank = {sid: i for i, (sid, _) in enumerate(sets.situations)}
    for item in links:
        data = item.data
        earlier = by_ends.setdefault((data["from"], data["to"], data["relation"]), [])
        if earlier:  # phases are resolved only for links that share their ends
            phases = sets.resolve(data.get("phases", "all"))
            for other in earlier:
                shared = phases & sets.resolve(other.data.get("phases", "all"))
                if shared:
                    problems.append(_duplicate_link(item, other, min(shared, key=rank.__getitem__)))
                    break
        earlier.append(item)


def _duplicate_link(item: Item, other: Item, phase: str) -> Problem:
    """The problem of ``item`` repeating ``other`` in ``phase``, naming where ``other`` is."""
    there = other.problem(None, "")
    at = (
        f"line {there.line}"
        if there.file == item.problem(None, "").file
        else f"{there.file}:{there.line}"
    )
    return item.problem(
        None,
        f"duplicate link: the same from, to and relation already holds in phase "
        f"{phase!r} ({at}); merge them or give disjoint phases",
    )


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
    sets: PhaseSets,
    node_phases: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    """Report each authority cycle once, at the link written last that closes it.

    The closing link is one whose relation a variant changed, else the latest in the merged
    order (a variant's additions follow its base's links), so the problem points at the edit
    that made the cycle. A cycle holding in several phases is one problem naming them all.
    A link holds only in the phases where both its ends exist, as in the loaded model.
    """
    authority = [
        (rank, item)
        for rank, item in enumerate(links)
        if item.data["relation"] in AUTHORITY_RELATIONS
    ]
    if _acyclic([(item.data["from"], item.data["to"]) for _, item in authority]):
        return
    held = [
        (
            rank,
            item,
            sets.resolve(item.data.get("phases", "all"))
            & node_phases[item.data["from"]]
            & node_phases[item.data["to"]],
        )
        for rank, item in authority
    ]
    found: dict[tuple[int, str], list[str]] = {}
    closers: dict[int, Item] = {}
    for phase, _ in sets.situations:
        cycle = _cycle_in_phase(held, phase)
        if cycle is not None:
            rank, closers[rank], path = cycle
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


def _cycle_in_phase(
    held: list[tuple[int, Item, frozenset[str]]], phase: str
) -> tuple[int, Item, str] | None:
    """Find one authority cycle of a phase: the rank and item of its closing link, its path."""
    edges: dict[tuple[str, str], tuple[int, Item]] = {}
    for rank, item, phases in held:
        if phase in phases:
            edges.setdefault((item.data["from"], item.data["to"]), (rank, item))
    import networkx as nx  # only when the fast check has found a cycle

    try:
        cycle = nx.find_cycle(nx.DiGraph(list(edges)))
    except nx.NetworkXNoCycle:
        return None
    rank, closing = max(
        (edges[(u, v)] for u, v in cycle),
        key=lambda entry: ("relation" in entry[1].overrides, entry[0]),
    )
    return rank, closing, " → ".join([u for u, _ in cycle] + [cycle[0][0]])
