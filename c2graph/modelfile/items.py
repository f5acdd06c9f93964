"""The merged model's items as the loader and the semantic checks share them.

A :class:`ModelFile` is one file as read; an :class:`Item` is one entry of a section after
``extends`` is applied, remembering the file and data path of each of its keys, so that a
problem found in the merged model is reported where it was written.

Example
-------
>>> file = ModelFile("m.yaml", "nodes:\\n  - {id: a}\\n", {"nodes": [{"id": "a"}]})
>>> [item.data for item in file.items("nodes")]
[{'id': 'a'}]
>>> print(file.items("nodes")[0].problem("id", "duplicate node id 'a'"))
m.yaml:2: nodes[0] (id='a') → id: duplicate node id 'a'
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from types import MappingProxyType
from typing import Any, Protocol

import msgspec

from ..errors import Problem
from .parsing import LineIndex
from .usable import UsablePart
from .validate import describe_path

__all__ = ["TOP_KEYS", "Columns", "Item", "Merged", "ModelFile", "Origin"]

#: Top-level keys that describe the model as a whole; a variant's replace its base's.
TOP_KEYS = ("name", "as_of", "description", "office_hours")


class Origin(Protocol):
    """Where items were written (a model file or a units CSV): locates their problems."""

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """Return the problem of the item at ``path`` of this origin."""
        ...


@dataclass
class ModelFile:
    """One model file as read: its text, parsed data and (on demand) line index.

    ``part`` is what the checks across sections may read when the file's structure has
    problems (None: all of ``data``); ``units`` holds the items of its units CSV files,
    by section, once they are read; ``utf8`` is the file's bytes when they are the text's
    UTF-8 (what locates problems in JSON reads them rather than encode the text again).
    ``text`` is None when only the bytes were kept (a JSON file read from them alone): it
    is decoded from them only if a problem cannot be located in them.
    """

    display: str
    text: str | None
    data: Any
    part: UsablePart | None = None
    units: dict[str, list[Item]] = field(default_factory=dict)
    utf8: bytes | None = field(default=None, repr=False)
    _lines: LineIndex | None = None

    @property
    def usable(self) -> Any:
        """The data the checks across sections and the variant steps read."""
        return self.data if self.part is None else self.part.data

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """Return a problem at a data path of this file, located on its line.

        >>> print(ModelFile("m.yaml", "name: 12\\n", {"name": 12}).problem(("name",), "bad"))
        m.yaml:1: name: bad
        """
        if self._lines is None:
            self._lines = LineIndex(self.text, utf8=self.utf8)
        where = describe_path(path, self.data) if path else ""
        return Problem(self.display, self._lines.line_of(path), where, message)

    def items(self, section: str) -> list[Item]:
        """Return the usable items this file writes under ``section`` (none when it has no
        such key); each keeps its position in the file."""
        return [
            Item(data, self, (section, i))
            for i, data in enumerate(self.usable.get(section, []))
            if data is not None
        ]


#: Where the keys a variant set were written: none, until a variant sets one.
_NO_OVERRIDES: Mapping[str, tuple[ModelFile, tuple[str | int, ...]]] = MappingProxyType({})


class Item(msgspec.Struct):
    """A section item of the merged model, remembering where each key was written.

    ``overrides`` maps each key a variant set to where it was written. (A msgspec struct:
    the items of an order of battle are made by the hundred thousand, in C.)
    """

    data: dict[str, Any]
    file: Origin
    path: tuple[str | int, ...]
    overrides: Mapping[str, tuple[ModelFile, tuple[str | int, ...]]] = _NO_OVERRIDES

    def problem(self, key: str | None, message: str) -> Problem:
        """Return a problem of this item, or of one of its keys, where it was written."""
        if key is not None and key in self.overrides:
            file, path = self.overrides[key]
            return file.problem(path, message)
        return self.file.problem(self.path + ((key,) if key is not None else ()), message)


_DATA = operator.attrgetter("data")


class Columns:
    """A section's items key by key: the values of one key across all of them, each column
    taken once, in a C loop, and shared by every check and builder that reads it (the
    items of an order of battle come by the hundred thousand). A column is read, never
    changed.

    >>> columns = Columns.of([{"id": "a", "name": "A"}, {"id": "b"}])
    >>> columns["name"], columns.having("name")
    (['A', None], [0])
    """

    def __init__(self, datas: list[dict[str, Any]]) -> None:
        self.datas = datas
        self._found: dict[str, list[Any]] = {}
        self._made: dict[str, Any] = {}

    @classmethod
    def of(cls, datas: list[dict[str, Any]]) -> Columns:
        """The columns of the items' data."""
        return cls(datas)

    @classmethod
    def of_items(cls, items: list[Item]) -> Columns:
        """The columns of the items' data."""
        return cls(list(map(_DATA, items)))

    def __getitem__(self, key: str) -> list[Any]:
        """The value of ``key`` of every item, None where it has none."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = list(map(dict.get, self.datas, repeat(key)))
        return found

    def made(self, name: str, make: Callable[[Columns], Any]) -> Any:
        """What ``make`` works out from the columns, under ``name``: worked out once, and
        read, never changed.

        >>> Columns.of([{"id": "a"}]).made("ids", lambda columns: set(columns["id"]))
        {'a'}
        """
        if name not in self._made:
            self._made[name] = make(self)
        return self._made[name]

    def having(self, key: str) -> list[int]:
        """The positions of the items that have ``key``."""
        return [i for i, has in enumerate(map(operator.contains, self.datas, repeat(key))) if has]


@dataclass
class Merged:
    """The model's data after every ``extends`` is applied, with each item's origin.

    :meth:`columns` gives each section's :class:`Columns`, made once: the sections are
    complete when the model is merged, and are not changed after.
    """

    top: dict[str, Any]
    sections: dict[str, list[Item]]
    considerations: dict[str, Any]
    first_file: ModelFile
    extends: str | None = None
    _columns: dict[str, Columns] = field(default_factory=dict, repr=False)

    def columns(self, section: str) -> Columns:
        """The columns of one section's items (none when it has none)."""
        found = self._columns.get(section)
        if found is None:
            found = self._columns[section] = Columns.of_items(self.sections.get(section, []))
        return found
