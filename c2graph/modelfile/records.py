"""Turn the merged, checked items of a model into the immutable records of :class:`Model`.

Example
-------
>>> from c2graph.modelfile.items import Merged, ModelFile
>>> file = ModelFile("m.yaml", "", {
...     "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War"}],
...     "nodes": [{"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
...               {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}],
...     "links": [{"from": "pm", "to": "hq", "relation": "command", "phases": ["war"]}]})
>>> names = ("phases", "nodes", "links", "sources", "locations")
>>> merged = Merged({"name": "m", "as_of": "2025"}, {n: file.items(n) for n in names}, {}, file)
>>> build_model(merged, display="m.yaml").link("pm->hq:command").phases
frozenset({'war'})
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import compress, repeat
from typing import Any

from ..decisions import Approval, Decision, Duration, Requirement, declaration_id
from ..errors import ModelError
from ..hours import OfficeHours
from ..model import (
    Considerations,
    Link,
    Location,
    Model,
    Node,
    Phase,
    PhaseRange,
    PhaseSpec,
    SetSpec,
    Source,
)
from ..scenarios import Scenario, Timeline
from .fields import SECTIONS
from .items import Columns, Merged
from .semantics import check_semantics, ends_distinct, link_ends
from .situations import PhaseSets

__all__ = ["build_model"]


def build_model(merged: Merged, *, display: str) -> Model:
    """Check a merged model across its sections, then build its :class:`Model`.

    Parameters
    ----------
    merged
        The model's items, structure checked, with every ``extends`` applied.
    display
        The model's path as messages and :attr:`Model.path` show it.

    Returns
    -------
    Model
        The loaded model (see the module example).

    Raises
    ------
    ModelError
        Listing every problem :func:`~c2graph.modelfile.semantics.check_semantics` finds.
    """
    problems = check_semantics(merged.sections, top=merged.first_file, columns=merged.columns)
    if problems:
        raise ModelError(problems)
    sections = merged.sections
    sets = PhaseSets(
        [it.data for it in sections["phases"]], [it.data for it in sections.get("scenarios", [])]
    )
    phases = _phases([item.data for item in sections["phases"]], sets)
    nodes = _nodes(merged.columns("nodes"), sets)
    links = _links(merged.columns("links"), nodes, sets)
    hours = merged.top.get("office_hours")
    first = phases[0].nation
    return Model(
        name=merged.top["name"],
        as_of=merged.top["as_of"],
        description=merged.top.get("description"),
        path=display,
        extends=merged.extends,
        phases=tuple(p for p in phases if p.nation == first),
        other_phases=tuple(p for p in phases if p.nation != first),
        nodes=nodes,
        links=links,
        sources={it.data["id"]: Source(**it.data) for it in sections["sources"]},
        locations={it.data["id"]: _location(it.data) for it in sections["locations"]},
        considerations=Considerations(**merged.considerations),
        decisions=_decisions([it.data for it in sections.get("decisions", [])], phases),
        scenarios={it.data["id"]: _scenario(it.data) for it in sections.get("scenarios", [])},
        timelines={
            it.data["id"]: Timeline.from_data(it.data) for it in sections.get("timelines", [])
        },
        office_hours=OfficeHours.from_data(hours) if hours else None,
    )


def _names(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k[5:], v) for k, v in data.items() if k.startswith("name_")))


def _plain(data: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("name_") and k not in skip}


def _set_spec(value: Any) -> SetSpec:
    """The written form of one phase set's ``phases`` value."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return PhaseRange(value["from"], value.get("to"))
    return str(value)


def _spec(value: Any) -> PhaseSpec:
    """The written form of a ``phases`` value other than ``all``."""
    if isinstance(value, dict) and "from" not in value:
        return tuple((nation, _set_spec(part)) for nation, part in value.items())
    return _set_spec(value)


def _phases(items: list[dict[str, Any]], sets: PhaseSets) -> list[Phase]:
    """Every phase, in file order, each indexed within its nation's set."""
    found = []
    for data in items:
        values = _plain(data, "approval", "requires")
        index = sets.sets[data.get("nation")].index(data["id"])
        requires = Requirement.from_data(data["requires"]) if "requires" in data else None
        found.append(
            Phase(
                index=index,
                approval=tuple(data.get("approval", ())),
                requires=requires,
                names=_names(data),
                **values,
            )
        )
    return found


def _location(data: dict[str, Any]) -> Location:
    values = dict(data)
    if "office_hours" in values:
        values["office_hours"] = OfficeHours.from_data(values["office_hours"])
    return Location(**values)


def _nodes(columns: Columns, sets: PhaseSets) -> dict[str, Node]:
    """Every node by id, in file order, built column by column (each key's values taken for
    every node at once, in C loops): a node with a nested value (``office_hours``,
    ``watch``, ``relay``) is built alone by :func:`_node`, and a node's names in other
    languages are gathered key by key, in the order of their languages."""
    items = columns.datas
    count = len(items)
    extra = set().union(*items) - _PLAIN_NODE_KEYS
    nested = _having(items, extra & _NESTED_NODE_KEYS)
    names: list[tuple[tuple[str, str], ...]] = [()] * count
    for key in sorted(extra - _NESTED_NODE_KEYS, key=lambda name: name[5:]):
        entry = key[5:]
        for i in _having(items, {key}):
            names[i] += ((entry, items[i][key]),)
    specs = columns["phases"]
    phases = [sets.every] * count
    written: list[PhaseSpec] = ["all"] * count
    for i in compress(range(count), map(operator.is_not, specs, repeat(None))):
        if specs[i] != "all":
            phases[i], written[i] = sets.resolve(specs[i]), _spec(specs[i])
    ids = columns["id"]
    built = list(
        map(
            Node,
            ids,
            *(columns[key] for key in ("name", "nation", "kind")),
            phases,
            written,
            *(columns[key] for key in _NODE_COLUMNS),
            names,
        )
    )
    for i in nested:
        built[i] = _node(items[i], sets)
    return dict(zip(ids, built, strict=True))


def _having(items: list[dict[str, Any]], keys: set[str]) -> list[int]:
    """The positions of the items that have one of ``keys``, in order."""
    found: set[int] = set()
    for key in keys:
        found.update(compress(range(len(items)), map(operator.contains, items, repeat(key))))
    return sorted(found)


#: The fields of :class:`Node` between its written phases and its names, as model-file keys.
_NODE_COLUMNS = (
    "location",
    "echelon",
    "short",
    "office_hours",
    "watch",
    "relay",
    "source",
    "confidence",
    "note",
)


def _node(data: dict[str, Any], sets: PhaseSets) -> Node:
    spec = data.get("phases", "all")
    extra = data.keys() - _PLAIN_NODE_KEYS  # names in other languages, nested values
    if not extra:  # the values as written
        values: dict[str, Any] = data
        names: tuple[tuple[str, str], ...] = ()
    elif extra.isdisjoint(_NESTED_NODE_KEYS):  # only names (name_xx): the rest as written
        values, names = data, _lang_names(data, extra)
    else:
        values = _plain(data, "phases")
        names = _names(data)
        for key in ("office_hours", "watch"):
            if key in values:
                values[key] = OfficeHours.from_data(values[key])
        if "relay" in values:
            values["relay"] = Duration(**values["relay"])
    if spec == "all":
        return _new_node(values, sets.every, "all", names)
    return _new_node(values, sets.resolve(spec), _spec(spec), names)


def _lang_names(data: dict[str, Any], keys: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The names in other languages of a node, from its ``name_xx`` keys."""
    return tuple(sorted((key[5:], data[key]) for key in keys))


# Nodes are built by the hundred thousand: positionally, in the order of their fields
# (msgspec's constructor, in C, reads positions 2.5 times faster than keywords), every
# field given, so that a record built here equals the one built from the same values by name.


def _new_node(
    values: dict[str, Any],
    phases: frozenset[str],
    spec: PhaseSpec,
    names: tuple[tuple[str, str], ...],
) -> Node:
    """A :class:`Node` of checked values (model-file keys), its phases and names."""
    get = values.get
    return Node(
        values["id"],
        values["name"],
        values["nation"],
        values["kind"],
        phases,
        spec,
        get("location"),
        get("echelon"),
        get("short"),
        get("office_hours"),
        get("watch"),
        get("relay"),
        get("source"),
        get("confidence"),
        get("note"),
        names,
    )


_NESTED_NODE_KEYS = frozenset({"office_hours", "watch", "relay"})
_PLAIN_NODE_KEYS = frozenset(SECTIONS["node"]) - _NESTED_NODE_KEYS


def _link_keys(links: Columns) -> list[str]:
    """The key of every link: its id, else ``from->to:relation``, numbered ``#2``, ``#3``…
    after the first when that is taken (by an id or an earlier link's key)."""
    ids = links["id"]
    keys: list[str] = links.made("ends", link_ends)
    if ids.count(None) == len(ids):  # no id: the keys are the ends, distinct or not
        if links.made("ends distinct", ends_distinct):
            return keys
    else:
        keys = [key if given is None else given for key, given in zip(keys, ids, strict=True)]
        if len(set(keys)) == len(keys):  # no key taken twice: none numbered
            return keys
    keys = list(keys)  # a copy: numbered below
    taken = {key for key in ids if key is not None}
    for i, key in enumerate(ids):
        if key is None:
            key = base = keys[i]
            count = 1
            while key in taken:
                count += 1
                key = f"{base}#{count}"
            taken.add(key)
            keys[i] = key
    return keys


def _links(columns: Columns, nodes: dict[str, Node], sets: PhaseSets) -> tuple[Link, ...]:
    """Every link, in file order; each holds where its own phases and both its ends' meet.

    Built column by column (each key's values taken for every link at once, in C loops):
    only a link that gives ``phases``, or whose end exists in some phases only, has its
    phases worked out one by one; the others hold in every situation.
    """
    every = sets.every
    count = len(columns.datas)
    tails, heads, specs = (columns[key] for key in ("from", "to", "phases"))
    bounded = {node_id for node_id, node in nodes.items() if node.phases is not every}
    phases = [every] * count
    written: list[PhaseSpec] = ["all"] * count
    for i in _positions(specs, tails, heads, bounded):
        spec = specs[i]
        held = every if spec is None or spec == "all" else sets.resolve(spec)
        tail, head = nodes[tails[i]].phases, nodes[heads[i]].phases
        if tail is not every:
            held &= tail
        if head is not every:
            held &= head
        phases[i] = held
        written[i] = "all" if spec is None or spec == "all" else _spec(spec)
    requires: list[Requirement | None] = list(columns["requires"])  # a copy: changed below
    for i in compress(range(count), map(operator.is_not, requires, repeat(None))):
        requires[i] = Requirement.from_data(requires[i])
    relations, ids = columns["relation"], columns["id"]
    return tuple(
        map(
            Link,
            _link_keys(columns),
            tails,
            heads,
            relations,
            phases,
            written,
            ids,
            requires,
            *(columns[key] for key in ("basis", "source", "confidence", "as_of", "note")),
        )
    )


def _positions(
    specs: list[Any], tails: list[str], heads: list[str], bounded: set[str]
) -> list[int]:
    """The positions of the links that give ``phases`` or have an end in ``bounded``."""
    found = set(compress(range(len(specs)), map(operator.is_not, specs, repeat(None))))
    if bounded:
        found.update(compress(range(len(tails)), map(bounded.__contains__, tails)))
        found.update(compress(range(len(heads)), map(bounded.__contains__, heads)))
    return sorted(found)


def _decisions(items: list[dict[str, Any]], phases: list[Phase]) -> dict[str, Decision]:
    """The decisions written, then one per phase declared with ``declared_by``."""
    found = {data["id"]: Decision.from_data(data) for data in items}
    for phase in phases:
        if phase.declared_by is not None:
            implied = declaration_id(phase.id)
            found[implied] = Decision(
                implied,
                f"Declaration: {phase.name}",
                (phase.declared_by,),
                "declaration",
                approvals=tuple(Approval(by) for by in phase.approval),
                basis=phase.basis,
                source=phase.source,
                confidence=phase.confidence,
                declares=phase.id,
            )
    return found


def _scenario(data: dict[str, Any]) -> Scenario:
    values = _plain(data, "phases", "requires")
    requires = Requirement.from_data(data["requires"]) if "requires" in data else None
    return Scenario(
        phases=tuple(data["phases"].items()), requires=requires, names=_names(data), **values
    )
