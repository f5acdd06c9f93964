"""The merged model's items as the loader and the semantic checks share them.

A :class:`ModelFile` is one file as read; an :class:`Item` is one entry of a section after
``extends`` is applied, remembering the file and data path of each of its keys, so that a
problem found in the merged model is reported where it was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from .parsing import LineIndex
from .validate import describe_path

__all__ = ["Item", "Merged", "ModelFile"]


@dataclass
class ModelFile:
    """One model file as read: its text, parsed data and (on demand) line index."""

    display: str
    text: str
    data: Any
    _lines: LineIndex | None = None

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        where = describe_path(path, self.data) if path else ""
        return Problem(self.display, self._lines.line_of(path), where, message)


@dataclass
class Item:
    """A section item of the merged model, remembering where each key was written."""

    data: dict[str, Any]
    file: ModelFile
    path: tuple[str | int, ...]
    overrides: dict[str, tuple[ModelFile, tuple[str | int, ...]]] = field(default_factory=dict)

    def problem(self, key: str | None, message: str) -> Problem:
        if key is not None and key in self.overrides:
            file, path = self.overrides[key]
            return file.problem(path, message)
        return self.file.problem(self.path + ((key,) if key is not None else ()), message)


@dataclass
class Merged:
    """The model's data after every ``extends`` is applied, with each item's origin."""

    top: dict[str, Any]
    sections: dict[str, list[Item]]
    considerations: dict[str, Any]
    first_file: ModelFile
    extends: str | None = None
