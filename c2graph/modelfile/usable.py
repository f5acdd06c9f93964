"""What the later checks may read of a file whose structure has problems.

So that one run lists every problem, references, duplicates and cycles are checked even
when some items are malformed: :func:`usable_part` cuts out what each structural problem
spoils (a key with a bad value, an item without the keys that identify it, a section that
is not a list), keeping every position, so that the rest is checked and located as usual.

Example
-------
>>> from c2graph.modelfile.validate import check_file_data
>>> data = {"name": "m", "as_of": "2025", "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "a", "kind": "unt"}, {"name": "no id"}], "links": 3}
>>> part = usable_part(data, check_file_data(data))
>>> part.data["nodes"], part.broken
([{'id': 'a'}, None], frozenset({'links'}))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .validate import Finding

__all__ = ["IDENTITY_KEYS", "UsablePart", "usable_part"]

#: The keys the cross-section checks need of an item of each section; an item whose
#: identity keys are missing or malformed is left out of them (ids that are at least text
#: stay, so that references to them are not reported twice).
IDENTITY_KEYS: dict[str, tuple[str, ...]] = {
    "phases": ("id",),
    "nodes": ("id",),
    "sources": ("id",),
    "locations": ("id",),
    "links": ("from", "to", "relation"),
    "decisions": ("id",),
    "scenarios": ("id",),
    "timelines": ("id",),
}
#: Sections merged into the model or used to build it: one that is not a list (or a
#: mapping) leaves the model without it, so the checks across sections are not run.
_STRUCTURAL = frozenset({*IDENTITY_KEYS, "units", "remove", "change", "extends"})


@dataclass(frozen=True)
class UsablePart:
    """A file's data with what its structural problems spoil cut out.

    ``data`` keeps every list position (an item left out is ``None``); ``broken`` names
    the top-level sections that are unusable as a whole, or missing though required.
    """

    data: Any
    broken: frozenset[str]


def usable_part(data: Any, findings: Sequence[Finding]) -> UsablePart:
    """Return the part of ``data`` that the checks across sections may read.

    Parameters
    ----------
    data
        A file's parsed data.
    findings
        Its structural problems (:func:`~c2graph.modelfile.validate.check_file_data`).

    Returns
    -------
    UsablePart
        ``data`` itself when there are no findings; else a copy without the spoiled parts
        (``data`` is left as it is). A ``phases`` value with a problem becomes ``[]``: the
        item holds in no phase, so no check that depends on its phases reports it again.

    Examples
    --------
    >>> from c2graph.modelfile.validate import check_file_data
    >>> data = {"links": [{"from": "a", "to": "b", "relation": "opcom"}]}
    >>> usable_part(data, check_file_data(data)).data["links"]
    [None]
    """
    if not findings:
        return UsablePart(data, frozenset())
    if not isinstance(data, dict):
        return UsablePart(None, _STRUCTURAL)
    cutter = _Cutter(data)
    for finding in findings:
        cutter.cut(finding)
    return UsablePart(cutter.data, frozenset(cutter.broken))


class _Cutter:
    """Cuts spoiled parts out of a copy of a file's data, copying each container once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = dict(data)
        self.broken: set[str] = set()
        self._copied: set[int] = {id(self.data)}

    def _own(self, container: Any) -> Any:
        """``container`` itself if it is already a copy, else a new copy of it."""
        if id(container) in self._copied:
            return container
        copy = type(container)(container)
        self._copied.add(id(copy))
        return copy

    def cut(self, finding: Finding) -> None:
        """Cut what one finding spoils."""
        path, data = finding.path, self.data
        if not path:
            missing = _missing_key(finding.message)
            if missing in _STRUCTURAL:
                self.broken.add(missing)
            return
        section = str(path[0])  # the top of a file is a mapping: its keys are text
        value = data.get(section)
        if len(path) == 1:
            data.pop(section, None)
            if section in _STRUCTURAL:
                self.broken.add(section)
        elif isinstance(value, list) and isinstance(path[1], int):
            data[section] = self._cut_item(value, section, path[1], path[2:], finding.message)
            if section == "units":  # a units file not read leaves its units out
                self.broken.add(section)
        elif isinstance(value, dict):  # considerations, remove, change
            data[section] = self._cut_entry(value, path[1:])

    def _cut_item(
        self, items: list[Any], section: str, index: int, rest: tuple[str | int, ...], why: str
    ) -> list[Any]:
        """Cut a spoiled key out of ``items[index]``, or the whole item when it must go."""
        item = items[index] if 0 <= index < len(items) else None
        identity = IDENTITY_KEYS.get(section)
        if not isinstance(item, dict) or identity is None:
            return self._without(items, index)
        if not rest:  # the item as a whole: a required key is missing
            return self._without(items, index) if _missing_key(why) in identity else items
        key = str(rest[0])
        if key in identity:
            if identity == ("id",) and isinstance(item.get("id"), str):
                return items  # an id in the wrong format is still an id to refer to
            return self._without(items, index)
        items = self._own(items)
        item = items[index] = self._own(item)
        if key == "phases":
            item["phases"] = []
        else:
            item.pop(key, None)
        return items

    def _cut_entry(self, entry: dict[str, Any], rest: tuple[str | int, ...]) -> dict[str, Any]:
        """Drop the key of a mapping section (or the list item under it) that is spoiled."""
        entry = self._own(entry)
        key = str(rest[0])
        value = entry.get(key)
        if len(rest) > 1 and isinstance(value, list) and isinstance(rest[1], int):
            entry[key] = self._without(value, rest[1])
        else:
            entry.pop(key, None)
        return entry

    def _without(self, items: list[Any], index: int) -> list[Any]:
        items = self._own(items)
        if 0 <= index < len(items):
            items[index] = None
        return items


def _missing_key(message: str) -> str:
    """The key a "missing required key 'K'" message names, else ``''``."""
    prefix = "missing required key '"
    return message[len(prefix) : -1] if message.startswith(prefix) else ""
