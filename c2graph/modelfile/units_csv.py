"""Bulk units from CSV files named by a model file's ``units`` key.

A units file has a header row naming its columns: ``id``, ``name``, ``nation`` and
``kind`` are required; ``parent`` and ``relation`` give the authority link from the
parent to the unit (``relation`` defaults to ``command``); any other key of a node may be
a column (``echelon``, ``location``, ``short``, ``source``, ``confidence``, ``note``,
``name_ja``...), and ``phases`` is ``a;b`` for a list of phases, ``a..`` for phase ``a``
and every later one, or ``a..b`` for a range. Empty cells mean the key is not given.
Each problem names the CSV file, the line and the column.

Example (``oob.csv`` beside the model file, which says ``units: [{file: oob.csv}]``)::

    id,name,nation,kind,parent,relation,echelon
    jp-gcc,Ground Component Command,JP,component,jp-jjoc,opcon,corps
    jp-1d,1st Division,JP,unit,jp-gcc,,division
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputFileError, Problem
from ..hints import did_you_mean
from ..vocabulary import AUTHORITY_ORDER, AUTHORITY_RELATIONS
from .fields import DATE_PATTERN, ID_PATTERN, LANG_NAME_KEY, NATION_PATTERN, SECTIONS
from .items import Item, ModelFile
from .parsing import read_text
from .validate import _check_phases, _check_value

__all__ = ["REQUIRED_COLUMNS", "UnitsFile", "add_units", "parse_phases_cell", "read_units"]

#: Columns every units file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "name", "nation", "kind")
_LINK_COLUMNS = ("parent", "relation")
_NODE_FIELDS = SECTIONS["node"]
# Which column holds each key of the items a row makes.
_COLUMN_OF = {"nodes": {}, "links": {"from": "parent", "to": "id"}}

Row = tuple[str, dict[str, Any], "UnitsFile", tuple[str | int, ...]]


class UnitsFile:
    """One units CSV as read: the line and id of each row, to locate problems."""

    def __init__(self, display: str, columns: list[str]) -> None:
        self.display = display
        self.columns = columns
        self.lines: list[int] = []
        self.ids: list[str] = []

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """Locate a problem of the item at ``(section, row[, key])`` by line and column."""
        if len(path) < 2:
            return Problem(self.display, 1 if path else None, "", message)
        section, row = str(path[0]), int(path[1])
        key = path[2] if len(path) > 2 else None
        where = f"unit {self.ids[row]!r}"
        if isinstance(key, str):
            column = _COLUMN_OF.get(section, {}).get(key, key)
            if column in self.columns:
                where = f"column {self.columns.index(column) + 1} ({column}), {where}"
        return Problem(self.display, self.lines[row], where, message)

    def cell_problem(self, line: int, column: str, unit: str, message: str) -> Problem:
        """Locate a problem found while reading a cell of the row of ``unit`` (its id)."""
        where = f"column {self.columns.index(column) + 1} ({column})"
        return Problem(self.display, line, f"{where}, unit {unit!r}" if unit else where, message)


def parse_phases_cell(cell: str) -> Any:
    """Turn a ``phases`` cell into the phases value of a model file.

    >>> parse_phases_cell("gray-zone;armed-attack")
    ['gray-zone', 'armed-attack']
    >>> parse_phases_cell("gray-zone..")
    {'from': 'gray-zone'}
    >>> parse_phases_cell("all")
    'all'
    """
    cell = cell.strip()
    if cell == "all":
        return "all"
    if ".." in cell:
        start, _, end = cell.partition("..")
        return {"from": start.strip()} | ({"to": end.strip()} if end.strip() else {})
    return [part.strip() for part in cell.split(";")]


def _fast_check(column: str) -> Callable[[str], Any] | None:
    """A cheap C-level test that a cell is valid (None: any text is); the full check runs
    only when it fails, to word the problem."""
    field = _NODE_FIELDS.get(column)
    if field is None or field.kind == "text":
        return None
    if field.kind in ("id", "ref"):
        return ID_PATTERN.match
    if field.kind == "enum":
        return frozenset(field.choices).__contains__
    if field.kind == "nation":
        return NATION_PATTERN.match
    return DATE_PATTERN.match


def _check_header(header: list[str], units: UnitsFile) -> list[Problem]:
    problems = []
    allowed = [*_NODE_FIELDS, *_LINK_COLUMNS]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(units.display, 1, "", f"column {column!r} appears twice"))
        seen.add(column)
        if column not in allowed and not LANG_NAME_KEY.match(column):
            hint = did_you_mean(column, allowed)
            problems.append(
                Problem(
                    units.display,
                    1,
                    "",
                    f"unknown column {column!r}{hint}; allowed: {', '.join(allowed)}, name_xx",
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in seen:
            problems.append(Problem(units.display, 1, "", f"missing required column {column!r}"))
    return problems


def _read_one(text: str, display: str) -> tuple[list[Row], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as exc:
        return [], [Problem(display, 1, "", f"CSV: {exc}")]
    units = UnitsFile(display, header)
    if not header:
        return [], [
            Problem(
                display,
                None,
                "",
                "the units file is empty: it needs a header row (id,name,nation,kind,...)",
            )
        ]
    problems = _check_header(header, units)
    if problems:
        return [], problems
    checks = [
        (index, column, _fast_check(column))
        for index, column in enumerate(header)
        if column not in _LINK_COLUMNS and column != "phases"
    ]
    parent_at = header.index("parent") if "parent" in header else None
    relation_at = header.index("relation") if "relation" in header else None
    phases_at = header.index("phases") if "phases" in header else None
    source_at = header.index("source") if "source" in header else None
    width = len(header)
    id_at = header.index("id")
    rows: list[Row] = []
    line = 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            problems.append(Problem(display, reader.line_num, "", f"CSV: {exc}"))
            break
        if cells is None:
            break
        start, line = line + 1, reader.line_num
        if not any(cells):
            continue
        if len(cells) != width:
            problems.append(
                Problem(
                    display, start, "", f"expected {width} cells as in the header, got {len(cells)}"
                )
            )
            continue
        node: dict[str, Any] = {}
        unit = cells[id_at]
        for index, column, ok in checks:
            value = cells[index]
            if value:
                if ok is not None and not ok(value):
                    for finding in _check_value(value, _NODE_FIELDS[column], ()):
                        problems.append(units.cell_problem(start, column, unit, finding.message))
                node[column] = value
        for column in REQUIRED_COLUMNS:
            if column not in node:
                problems.append(units.cell_problem(start, column, unit, f"the {column} is empty"))
        if phases_at is not None and cells[phases_at]:
            spec = parse_phases_cell(cells[phases_at])
            for finding in _check_phases(spec, ()):
                problems.append(units.cell_problem(start, "phases", unit, finding.message))
            node["phases"] = spec
        row = len(units.ids)
        units.ids.append(node.get("id", ""))
        units.lines.append(start)
        rows.append(("nodes", node, units, ("nodes", row)))
        parent = cells[parent_at] if parent_at is not None else ""
        relation = cells[relation_at] if relation_at is not None else ""
        if relation and not parent:
            problems.append(
                units.cell_problem(
                    start,
                    "relation",
                    unit,
                    "a relation needs a parent: fill in the parent column or clear this cell",
                )
            )
        if not parent:
            continue
        if not ID_PATTERN.match(parent):
            problems.append(
                units.cell_problem(
                    start,
                    "parent",
                    unit,
                    f"expected an id without spaces or control characters, got {parent!r}",
                )
            )
        if relation and relation not in AUTHORITY_RELATIONS:
            hint = did_you_mean(relation, AUTHORITY_ORDER)
            problems.append(
                units.cell_problem(
                    start,
                    "relation",
                    unit,
                    f"expected an authority relation ({', '.join(AUTHORITY_ORDER)}), got "
                    f"{relation!r}{hint}; give other links under 'links' in the model file",
                )
            )
        link = {"from": parent, "to": node.get("id", ""), "relation": relation or "command"}
        if source_at is not None and cells[source_at]:
            link["source"] = cells[source_at]
        rows.append(("links", link, units, ("links", row)))
    return rows, problems


def read_units(
    entries: list[dict[str, Any]],
    base: Path,
    display_base: str,
    where: Callable[[int, str], Problem],
) -> tuple[list[Row], list[Problem]]:
    """Read the units files of one model file's ``units`` entries.

    ``base`` is the model file's folder on disk and ``display_base`` the same folder as
    messages show it; ``where(i, message)`` locates a problem at the model file's
    ``units[i]`` entry. Returns ``(section, data, units_file, path)`` for each node and
    parent link, in file order, and every problem found.
    """
    rows: list[Row] = []
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        name = entry["file"]
        display = os.path.normpath(os.path.join(display_base, name))
        try:
            text = read_text(base / name)
        except InputFileError as exc:
            message = str(exc).removeprefix(f"{base / name}: ")
            problems.append(where(i, f"the units file {name!r} cannot be read: {message}"))
            continue
        found, trouble = _read_one(text, display)
        rows.extend(found)
        problems.extend(trouble)
    return rows, problems


def add_units(sections: dict[str, list[Item]], file: ModelFile) -> list[Problem]:
    """Append the nodes and parent links of the file's ``units`` CSV files."""
    if "units" not in file.data:
        return []
    folder = Path(file.display).parent
    rows, problems = read_units(
        file.data["units"],
        folder,
        str(folder),
        lambda i, text: file.problem(("units", i, "file"), text),
    )
    for section, data, units, path in rows:
        sections[section].append(Item(data, units, path))  # type: ignore[arg-type]
    return problems
