"""Checks across a whole (merged) model: ids, references, duplicates and authority cycles."""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Callable, Collection, Iterable
from itertools import compress, count
from typing import Any

from ..errors import Problem
from ..hints import did_you_mean
from ..vocabulary import AUTHORITY_RELATIONS
from .items import Columns, Item, ModelFile
from .situations import PhaseSets, resolve_phases

__all__ = ["check_semantics", "ends_distinct", "link_ends", "resolve_phases"]


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    hint = did_you_mean(value, known) or f"; define it under '{what}s'"
    return f"unknown {what} {value!r}{hint}"


def check_semantics(
    sections: dict[str, list[Item]],
    *,
    top: ModelFile,
    columns: Callable[[str], Columns] | None = None,
) -> list[Problem]:
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
    columns
        Each section's :class:`~c2graph.modelfile.items.Columns`, when the caller shares
        them (:meth:`~c2graph.modelfile.items.Merged.columns`); else made here.

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
    if columns is None:
        made = {name: Columns.of_items(items) for name, items in sections.items()}
        columns = made.__getitem__
    problems: list[Problem] = []
    numbers = {
        section: _check_unique(sections[section], columns(section), section, problems)
        for section in ("phases", "nodes", "sources", "locations")
    }
    ids = {section: set(number) for section, number in numbers.items()}
    problems += [
        top.problem((section,), f"the model has no {section}: add at least one under '{section}'")
        for section in ("nodes", "phases")
        if not sections[section]
    ]
    sets = PhaseSets(
        [item.data for item in sections["phases"]],
        [item.data for item in sections.get("scenarios", [])],
    )
    nodes, links = columns("nodes"), columns("links")
    references = _References(ids, sets, problems)
    references.check_phases(sections["phases"])
    references.check_nodes(sections["nodes"], nodes)
    references.check_locations(sections["locations"])
    references.check_links(sections["links"], links)
    from .timechecks import check_time_and_decisions

    if problems:
        return problems + check_time_and_decisions(sections, ids, sets, None)
    _check_link_ids(sections["links"], links, problems)
    _check_overlaps(sections["links"], links, sets, problems)
    node_phases = _node_phases(sections["nodes"], nodes, sets)
    _check_authority_cycles(sections["links"], links, sets, node_phases, numbers["nodes"], problems)
    return problems + check_time_and_decisions(sections, ids, sets, node_phases)


# The column tests: where one passes, the item-by-item check it stands for would find
# nothing. (Tests replace both by ``False`` to run every item-by-item check.)
def _all_in(known: set[Any], values: list[Any]) -> bool:
    """Whether every value is known."""
    return known.issuperset(values)


def _all_distinct(values: list[Any], distinct: Collection[Any]) -> bool:
    """Whether no value is repeated, given the distinct ones."""
    return len(distinct) == len(values)


def _node_phases(items: list[Item], nodes: Columns, sets: PhaseSets) -> dict[str, frozenset[str]]:
    """The situations each node exists in, by id: every one but where ``phases`` is given."""
    found = dict.fromkeys(nodes["id"], sets.every)
    for i in nodes.having("phases"):
        found[nodes["id"][i]] = sets.resolve(items[i].data["phases"])
    return found


def _check_unique(
    items: list[Item], columns: Columns, section: str, problems: list[Problem]
) -> dict[str, int]:
    """Report ids used twice in a section, and ids that differ only in how they look;
    return each id's position (its first, for an id used twice): the numbering of the
    section's items that the authority-cycle test reads."""
    values = columns["id"]
    number = dict(zip(values, count()))
    if _all_distinct(values, number):  # no id twice
        _check_look_alikes(values, lambda value: items[number[value]], section, problems)
        return number
    number = {}
    for i, item in enumerate(items):
        value = item.data["id"]
        first = number.setdefault(value, i)
        if first != i:
            problems.append(item.problem("id", _duplicate(section, value, item, items[first])))
    _check_look_alikes(list(number), lambda value: items[number[value]], section, problems)
    return number


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


def _check_look_alikes(
    values: list[str], item_of: Callable[[str], Item], section: str, problems: list[Problem]
) -> None:
    """Report ids of a section that differ only in case or in Unicode form; ``values`` are
    its distinct ids in order, ``item_of`` gives the item of each."""
    if _distinct_looks(values) == len(values):
        return
    looks: dict[str, str] = {}
    for value in values:
        item = item_of(value)
        other = looks.setdefault(_look(value), value)
        if other != value:
            there = item_of(other).problem(None, "")
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

    def check_nodes(self, items: list[Item], nodes: Columns) -> None:
        locations = self.ids["locations"] | {None}
        if _all_in(locations, nodes["location"]) and _all_in(self._sources, nodes["source"]):
            for i in nodes.having("phases"):  # the only check left that may find something
                self._phase_spec(items[i])
            return
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

    def check_links(self, items: list[Item], links: Columns) -> None:
        nodes = self.ids["nodes"]
        tails, heads = links["from"], links["to"]
        if (
            _all_in(nodes, tails)
            and _all_in(nodes, heads)
            and not any(map(operator.eq, tails, heads))
            and _all_in(self._sources, links["source"])
        ):  # every link's ends and source defined, none to itself
            for i in links.having("phases"):  # the only check left that may find something
                self._phase_spec(items[i])
            return
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


def _check_link_ids(links: list[Item], columns: Columns, problems: list[Problem]) -> None:
    if not columns.having("id"):
        return
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
    _check_look_alikes(list(seen), seen.__getitem__, "links", problems)


def _check_overlaps(
    links: list[Item], columns: Columns, sets: PhaseSets, problems: list[Problem]
) -> None:
    """Report a link whose from, to and relation another holds in a shared situation."""
    if columns.made("ends distinct", ends_distinct):  # no two links share their ends
        return
    ends = list(zip(columns["from"], columns["to"], columns["relation"], strict=True))
    if _all_distinct(ends, set(ends)):
        return
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


def link_ends(links: Columns) -> list[str]:
    """Each link's ends and relation as text, ``from->to:relation`` (the key of a link
    without an id): made once, for the overlap test and the links' keys.

    >>> link_ends(Columns.of([{"from": "a", "to": "b", "relation": "opcon"}]))
    ['a->b:opcon']
    """
    ends = zip(links["from"], links["to"], links["relation"], strict=True)
    return [f"{tail}->{head}:{relation}" for tail, head, relation in ends]


def ends_distinct(links: Columns) -> bool:
    """Whether no two links have the same text of their ends (then no two have the same
    from, to and relation, which make the same text).

    >>> ends_distinct(Columns.of([{"from": "a", "to": "b", "relation": "opcon"}] * 2))
    False
    """
    ends = links.made("ends", link_ends)
    return _all_distinct(ends, set(ends))


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


def _acyclic(number: dict[str, int], tails: list[str], heads: list[str]) -> bool:
    """True when the directed graph of the edges ``tails[i] → heads[i]`` between the nodes
    numbered by ``number`` has no cycle.

    The same answer as ``networkx.is_directed_acyclic_graph``, without building a networkx
    graph: every model is checked, so this is on the loading path. The test runs in
    rustworkx (Rust) on the numbers the id check gave the nodes.

    >>> _acyclic({"a": 0, "b": 1, "c": 2}, ["a", "b"], ["b", "c"])
    True
    >>> _acyclic({"a": 0, "b": 1, "c": 2}, ["a", "b"], ["b", "a"])
    False
    """
    import rustworkx as rx

    graph = rx.PyDiGraph()  # a node no edge touches cannot be on a cycle: none is added
    ends = zip(map(number.__getitem__, tails), map(number.__getitem__, heads), strict=True)
    graph.extend_from_edge_list(list(ends))
    return bool(rx.is_directed_acyclic_graph(graph))


def _check_authority_cycles(
    links: list[Item],
    columns: Columns,
    sets: PhaseSets,
    node_phases: dict[str, frozenset[str]],
    number: dict[str, int],
    problems: list[Problem],
) -> None:
    """Report each authority cycle once, at the link written last that closes it.

    The closing link is one whose relation a variant changed, else the latest in the merged
    order (a variant's additions follow its base's links), so the problem points at the edit
    that made the cycle. A cycle holding in several phases is one problem naming them all.
    A link holds only in the phases where both its ends exist, as in the loaded model.
    """
    tails, heads = columns["from"], columns["to"]
    held_by = list(map(AUTHORITY_RELATIONS.__contains__, columns["relation"]))
    if _acyclic(number, list(compress(tails, held_by)), list(compress(heads, held_by))):
        return
    authority = [(rank, item) for rank, item in enumerate(links) if held_by[rank]]
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
