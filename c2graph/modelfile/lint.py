"""Warnings: what a valid model holds that is odd but allowed, located like its problems.

Each check is a function of a :class:`Context` (the merged items, where each was
written, and the model built from them) returning the warnings it finds; :data:`CHECKS`
lists them, and :func:`find_warnings` runs them all. A new check is one more function in
that list.
``c2graph validate`` prints the warnings, and ``--strict`` makes them errors.

Example
-------
>>> from c2graph.modelfile.items import Merged, ModelFile
>>> from c2graph.modelfile.records import build_model
>>> file = ModelFile("m.yaml", "", {
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "a", "name": " ", "nation": "JP", "kind": "unit"}]})
>>> names = ("phases", "nodes", "links", "sources", "locations")
>>> merged = Merged({"name": "m", "as_of": "2025"}, {n: file.items(n) for n in names}, {}, file)
>>> for warning in find_warnings(merged, build_model(merged, display="m.yaml")):
...     print(warning)
m.yaml: warning: nodes[0] (id='a') → name: the name is blank; give the node a name
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import compress
from typing import Any

from ..errors import Problem
from ..model import Model
from ..vocabulary import AUTHORITY_RELATIONS
from .items import Item, Merged
from .semantics import resolve_phases

__all__ = [
    "CHECKS",
    "SOURCELESS_SHOWN",
    "Context",
    "WarningCheck",
    "find_warnings",
    "is_after",
    "warn",
]


@dataclass(frozen=True)
class Context:
    """What the checks read: the merged items (where each was written) and the model built
    from them (phases resolved), whose nodes and links are in the items' order."""

    merged: Merged
    model: Model


#: A check: the context in, the warnings it finds out.
WarningCheck = Callable[[Context], Iterable[Problem]]


def warn(item: Item, key: str | None, message: str) -> Problem:
    """Return a warning about ``item`` (or its ``key``), located where it was written.

    >>> from c2graph.modelfile.items import ModelFile
    >>> item = ModelFile("m.yaml", "", {"nodes": [{"id": "a"}]}).items("nodes")[0]
    >>> warn(item, "name", "odd").severity
    'warning'
    """
    return replace(item.problem(key, message), severity="warning")


_DATA = operator.attrgetter("data")
_PHASES = operator.attrgetter("phases")
_TAIL = operator.attrgetter("from_node")
_FILE = operator.attrgetter("file")


def _values(context: Context, section: str, key: str) -> list[Any]:
    """The value of ``key`` of every item of ``section`` (None where it has none), taken
    once for every check and builder: the checks look at every item of an order of
    battle, and find something in few."""
    return context.merged.columns(section)[key]


def _phase_list(phases: Iterable[str], order: tuple[str, ...]) -> str:
    named = sorted(phases, key=order.index)
    return ", ".join(repr(p) for p in named) if named else "no phase"


def _never_holding_links(context: Context) -> Iterator[Problem]:
    """A link holds where its own phases and both its ends' meet: warn when that is none."""
    model = context.model
    items = context.merged.sections["links"]
    empty = map(operator.not_, map(_PHASES, model.links))
    for item, link in compress(zip(items, model.links, strict=True), empty):
        order = model.phase_ids
        own = resolve_phases(item.data.get("phases", "all"), list(order))
        tail, head = model.nodes[link.from_node], model.nodes[link.to_node]
        yield warn(
            item,
            "phases",
            f"the link holds in no phase: it is given {_phase_list(own, order)}, "
            f"{tail.id!r} exists in {_phase_list(tail.phases, order)} and {head.id!r} in "
            f"{_phase_list(head.phases, order)}; check its phases or those of its ends",
        )


def _repeated_phases(context: Context) -> Iterator[Problem]:
    """A phase listed twice in one ``phases`` list (or ``approval`` node twice)."""
    for section, key in (("nodes", "phases"), ("links", "phases"), ("phases", "approval")):
        items = context.merged.sections[section]
        values = _values(context, section, key)
        for item, value in compress(zip(items, values, strict=True), values):
            if type(value) is list and len(set(value)) < len(value):
                twice = [entry for entry, count in Counter(value).items() if count > 1]
                named = ", ".join(repr(entry) for entry in twice)
                yield warn(item, key, f"{named} listed more than once; list each once")


def _absent_declarers(context: Context) -> Iterator[Problem]:
    """The node that declares (or approves) a phase should exist in that phase."""
    nodes = context.model.nodes
    for item in context.merged.sections["phases"]:
        phase = item.data["id"]
        declarer = item.data.get("declared_by")
        if declarer is not None and phase not in nodes[declarer].phases:
            yield warn(
                item,
                "declared_by",
                f"{declarer!r} does not exist in phase {phase!r}, which it declares; "
                "check the phases of the node",
            )
        for node in item.data.get("approval", []):
            if phase not in nodes[node].phases:
                yield warn(
                    item,
                    "approval",
                    f"{node!r} does not exist in phase {phase!r}, whose declaration it "
                    "approves; check the phases of the node",
                )


def _commanding_coordination_bodies(context: Context) -> Iterator[Problem]:
    """A coordination body coordinates: it should not be the tail of an authority link."""
    model = context.model
    bodies = {node.id for node in model.nodes.values() if node.kind == "coordination-body"}
    if not bodies:
        return
    items = context.merged.sections["links"]
    tails = map(bodies.__contains__, map(_TAIL, model.links))
    for item, link in compress(zip(items, model.links, strict=True), tails):
        if link.relation in AUTHORITY_RELATIONS:
            yield warn(
                item,
                "relation",
                f"{link.from_node!r} is a coordination body, yet holds {link.relation} over "
                f"{link.to_node!r}: coordination bodies coordinate rather than command "
                "(use a coordination relation, or give the node another kind)",
            )


def _blank_names(context: Context) -> Iterator[Problem]:
    """Names (and source titles) that are empty or only spaces."""
    for section, key, what in (
        ("phases", "name", "phase"),
        ("nodes", "name", "node"),
        ("locations", "name", "location"),
        ("sources", "title", "source"),
    ):
        items = context.merged.sections[section]
        values = _values(context, section, key)
        if all(map(str.strip, values)):  # no name empty or only spaces
            continue
        for item, value in zip(items, values, strict=True):
            if not value or value.isspace():
                yield warn(item, key, f"the {key} is blank; give the {what} a {key}")


#: Links of one file without a source beyond which the file gets one warning, not one each.
SOURCELESS_SHOWN = 10


def _links_without_source(context: Context) -> Iterator[Problem]:
    """A link should name the source it rests on; a file with many such links gets one
    warning (a generated order of battle, a units file without a ``source`` column)."""
    links = context.merged.sections["links"]
    sourceless = list(compress(links, map(operator.not_, _values(context, "links", "source"))))
    origins = list(map(id, map(_FILE, sourceless)))
    by_origin: dict[int, list[Item]] = {}
    if len(set(origins)) == 1:  # the usual case: written in one file
        by_origin[origins[0]] = sourceless
    else:
        for item, origin in zip(sourceless, origins, strict=True):
            by_origin.setdefault(origin, []).append(item)
    for items in by_origin.values():
        if len(items) > SOURCELESS_SHOWN:
            yield warn(
                items[0],
                None,
                f"this link and {len(items) - 1:,} more of this file's links name no source; "
                "give each the id of the entry in `sources` it rests on",
            )
            continue
        for item in items:
            yield warn(
                item,
                None,
                "the link names no source; give it the id of the entry in `sources` it rests on",
            )


def _sources_without_publisher_or_date(context: Context) -> Iterator[Problem]:
    """A source should say who published it and when, so that a reader can judge it."""
    for item in context.merged.sections["sources"]:
        missing = [
            key for key in ("publisher", "date") if not str(item.data.get(key) or "").strip()
        ]
        if missing:
            keys = " and ".join(f"no {key}" for key in missing)
            yield warn(
                item,
                None,
                f"the source has {keys}; say who published it and when, so that a reader "
                "can judge it",
            )


def is_after(date: str, as_of: str) -> bool:
    """Whether ``date`` is surely later than ``as_of`` (both YYYY, YYYY-MM or YYYY-MM-DD):
    compared at the precision both give, so a month is not after a day within it.

    >>> is_after("2025-04-01", "2025-03"), is_after("2025-03-31", "2025-03")
    (True, False)
    >>> is_after("2025", "2024-12-31"), is_after("2025", "2025-01-01")
    (True, False)
    """
    size = min(len(date), len(as_of))
    return date[:size] > as_of[:size]


def _sources_after_as_of(context: Context) -> Iterator[Problem]:
    """A model as of a date should rest on what was published by then."""
    as_of = str(context.merged.top["as_of"])
    for item in context.merged.sections["sources"]:
        date = item.data.get("date")
        if date is not None and is_after(str(date), as_of):
            yield warn(
                item,
                "date",
                f"the source is dated {date}, after the model's as_of {as_of}; a model "
                "rests on what was published by its date (cite an earlier source, or move "
                "the as_of)",
            )


#: Every warning check, in the order their warnings are found.
CHECKS: tuple[WarningCheck, ...] = (
    _never_holding_links,
    _repeated_phases,
    _absent_declarers,
    _commanding_coordination_bodies,
    _blank_names,
    _links_without_source,
    _sources_without_publisher_or_date,
    _sources_after_as_of,
)


def find_warnings(
    merged: Merged, model: Model, checks: Iterable[WarningCheck] = CHECKS
) -> list[Problem]:
    """Run the checks on a valid merged model and return every warning, in file order.

    Parameters
    ----------
    merged
        The model's items, already checked across sections (every reference exists).
    model
        The model built from them.
    checks
        The checks to run (default: :data:`CHECKS`).

    Returns
    -------
    list of Problem
        The warnings (severity ``warning``), sorted by file and line.
    """
    context = Context(merged, model)
    found = [warning for check in checks for warning in check(context)]
    return sorted(found, key=lambda p: (p.file, p.line or 0, p.where, p.message))
