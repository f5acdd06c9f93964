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
import operator
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputFileError, Problem
from ..hints import did_you_mean
from ..vocabulary import AUTHORITY_ORDER, AUTHORITY_RELATIONS
from .fields import FORMATS, LANG_NAME_KEY, SECTIONS
from .files import ModelFiles
from .items import Item, ModelFile
from .validate import check_phases, check_value, quick_checks

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

__all__ = [
    "MAX_PROBLEMS_PER_FILE",
    "REQUIRED_COLUMNS",
    "Row",
    "UnitsFile",
    "parse_phases_cell",
    "read_unit_items",
    "read_units",
]

#: A units file is read no further once this many problems are found in it.
MAX_PROBLEMS_PER_FILE = 1000
#: Columns every units file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "name", "nation", "kind")
_LINK_COLUMNS = ("parent", "relation")
#: Node keys a cell can hold: nested ones (office hours, relay time) need the model file.
_NODE_FIELDS = {k: f for k, f in SECTIONS["node"].items() if f.kind != "section"}
_ALLOWED_COLUMNS = (*_NODE_FIELDS, *_LINK_COLUMNS)
# Which column holds each key of the items a row makes.
_COLUMN_OF: dict[str, dict[str, str]] = {"nodes": {}, "links": {"from": "parent", "to": "id"}}

#: One item a units file gives: its section, its data, the file, and its path there.
Row = tuple[str, dict[str, Any], "UnitsFile", tuple[str, int]]


class UnitsFile:
    """One units CSV as read: its columns and the line and id of each row, to locate problems.

    >>> units = UnitsFile("oob.csv", ["id", "name", "nation", "kind"])
    >>> units.add_row("jp-1d", 2)
    0
    >>> print(units.problem(("nodes", 0, "kind"), "expected one of ..., got 'unt'"))
    oob.csv:2: column 4 (kind), unit 'jp-1d': expected one of ..., got 'unt'
    """

    def __init__(self, display: str, columns: list[str]) -> None:
        self.display = display
        self.columns = columns
        self.lines: list[int] = []
        self.ids: list[str] = []

    def add_row(self, unit: str, line: int) -> int:
        """Record the unit id and first line of the next row; return the row's number."""
        self.ids.append(unit)
        self.lines.append(line)
        return len(self.ids) - 1

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """Locate a problem of the item at ``(section, row[, key])`` by line and column."""
        section, row = str(path[0]), int(path[1])
        key = path[2] if len(path) > 2 else None
        where = f"unit {self.ids[row]!r}"
        if isinstance(key, str):
            column = _COLUMN_OF[section].get(key, key)
            if column in self.columns:
                where = f"column {self.columns.index(column) + 1} ({column}), {where}"
        return Problem(self.display, self.lines[row], where, message)

    def cell_problem(self, line: int, column: str, unit: str, message: str) -> Problem:
        """Locate a problem found while reading a cell of the row of ``unit`` (its id)."""
        where = f"column {self.columns.index(column) + 1} ({column})"
        return Problem(self.display, line, f"{where}, unit {unit!r}" if unit else where, message)

    def header_problem(self, message: str) -> Problem:
        """Locate a problem of the header row."""
        return Problem(self.display, 1, "", message)


def parse_phases_cell(cell: str) -> Any:
    """Turn a ``phases`` cell into the phases value of a model file.

    Parameters
    ----------
    cell
        ``all``, ``a;b`` (a list), ``a..`` (``a`` and every later phase) or ``a..b``.

    Returns
    -------
    str, list or dict
        The value as a model file writes it, checked afterwards like one.

    Examples
    --------
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


def _check_header(units: UnitsFile) -> list[Problem]:
    if not set(units.columns) & set(REQUIRED_COLUMNS):
        # Not a units file at all: say so without quoting what it holds.
        return [
            units.header_problem(
                "not a units file: its first row names none of the columns "
                f"{', '.join(REQUIRED_COLUMNS)} (a units file starts with a header row "
                "such as id,name,nation,kind,parent,relation)"
            )
        ]
    problems = []
    seen: set[str] = set()
    for column in units.columns:
        if column in seen:
            problems.append(units.header_problem(f"column {column!r} appears twice"))
        seen.add(column)
        if column not in _ALLOWED_COLUMNS and not LANG_NAME_KEY.match(column):
            problems.append(
                units.header_problem(
                    f"unknown column {column!r}{did_you_mean(column, _ALLOWED_COLUMNS)}; "
                    f"allowed: {', '.join(_ALLOWED_COLUMNS)}, name_xx"
                )
            )
    problems += [
        units.header_problem(f"missing required column {column!r}")
        for column in REQUIRED_COLUMNS
        if column not in seen
    ]
    return problems


def _cell_of(header: list[str], column: str) -> Callable[[list[str]], str]:
    """Read a column's cell of a row: always ``''`` when the file has no such column."""
    if column in header:
        return operator.itemgetter(header.index(column))
    return lambda cells: ""


def _cell_check(column: str) -> Callable[[str], object] | None:
    """The cheap test of a node column's cells, or None when any text is valid."""
    check = quick_checks("node").get(column, True)  # name_xx columns take any text
    return None if check is True else check


class _RowReader:
    """Turns the rows of one units file into node and parent-link data, collecting problems.

    The column positions and the cheap test of each node column are worked out once from
    the header; a cell failing its test gets the validator's full check, which words the
    problem exactly as for the same key in a model file.
    """

    def __init__(self, units: UnitsFile) -> None:
        header = units.columns
        self.units = units
        self.problems: list[Problem] = []
        #: False once a row is lost as a whole (the checks across sections then wait).
        self.complete = True
        self._spoiled: set[str] = set()  # the columns of the current row with problems
        self._checks = [
            (index, column, _cell_check(column))
            for index, column in enumerate(header)
            if column not in _LINK_COLUMNS and column != "phases"
        ]
        self._id_at = header.index("id")
        self._parent, self._relation, self._phases, self._source = (
            _cell_of(header, column) for column in ("parent", "relation", "phases", "source")
        )

    def read_all(self, reader: CsvReader) -> list[Row]:
        """Read every row after the header; a CSV syntax error ends the file, and so do
        :data:`MAX_PROBLEMS_PER_FILE` problems."""
        rows: list[Row] = []
        line = reader.line_num
        while len(self.problems) < MAX_PROBLEMS_PER_FILE:
            try:
                cells = next(reader, None)
            except csv.Error as exc:
                self.problems.append(
                    Problem(self.units.display, reader.line_num, "", f"CSV: {exc}")
                )
                self.complete = False
                return rows
            if cells is None:
                return rows
            start, line = line + 1, reader.line_num
            if any(cells):  # a row with no cell filled in is skipped
                rows += self.read(cells, start)
        self.problems.append(
            Problem(
                self.units.display,
                line,
                "",
                f"stopped reading after {len(self.problems):,} problems; fix these first",
            )
        )
        self.complete = False
        return rows

    def read(self, cells: list[str], line: int) -> list[Row]:
        """Return the node of one row and, when it names a parent, its authority link."""
        if len(cells) != len(self.units.columns):
            self.problems.append(
                Problem(
                    self.units.display,
                    line,
                    "",
                    f"expected {len(self.units.columns)} cells as in the header, got {len(cells)}",
                )
            )
            self.complete = False
            return []
        unit = cells[self._id_at]
        self._spoiled.clear()
        node = self._node(cells, line, unit)
        link = self._parent_link(cells, line, unit)
        if self._spoiled:
            node, link = self._usable(node, link)
        row = self.units.add_row(node.get("id", ""), line)
        rows: list[Row] = [("nodes", node, self.units, ("nodes", row))]
        if link is not None:
            rows.append(("links", link, self.units, ("links", row)))
        return rows

    def _usable(
        self, node: dict[str, Any], link: dict[str, Any] | None
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """What the checks across sections may read of a row with problems: its cells with
        problems left out (an id stays: it is text), a parent link only if sound."""
        spoiled = self._spoiled
        node = {k: v for k, v in node.items() if k == "id" or k not in spoiled}
        if "phases" in spoiled:
            node["phases"] = []  # holds in no phase: nothing phase-dependent is reported
        if link is not None and spoiled & {"id", "parent", "relation"}:
            link = None
        elif link is not None and "source" in spoiled:
            link.pop("source", None)
        return node, link

    def _report(self, line: int, column: str, unit: str, message: str) -> None:
        self._spoiled.add(column)
        self.problems.append(self.units.cell_problem(line, column, unit, message))

    def _node(self, cells: list[str], line: int, unit: str) -> dict[str, Any]:
        node: dict[str, Any] = {}
        for index, column, ok in self._checks:
            value = cells[index]
            if value:
                if ok is not None and not ok(value):
                    for finding in check_value(value, _NODE_FIELDS[column], ()):
                        self._report(line, column, unit, finding.message)
                node[column] = value
        for column in REQUIRED_COLUMNS:
            if column not in node:
                self._report(line, column, unit, f"the {column} is empty")
        phases = self._phases(cells)
        if phases:
            spec = parse_phases_cell(phases)
            for finding in check_phases(spec, ()):
                self._report(line, "phases", unit, finding.message)
            node["phases"] = spec
        return node

    def _parent_link(self, cells: list[str], line: int, unit: str) -> dict[str, Any] | None:
        parent = self._parent(cells)
        relation = self._relation(cells)
        if not parent:
            if relation:
                self._report(
                    line,
                    "relation",
                    unit,
                    "a relation needs a parent: fill in the parent column or clear this cell",
                )
            return None
        parent_format = FORMATS["ref"]
        if not parent_format.pattern.fullmatch(parent):
            self._report(line, "parent", unit, f"expected {parent_format.expected}, got {parent!r}")
        if relation and relation not in AUTHORITY_RELATIONS:
            self._report(
                line,
                "relation",
                unit,
                f"expected an authority relation ({', '.join(AUTHORITY_ORDER)}), got "
                f"{relation!r}{did_you_mean(relation, AUTHORITY_ORDER)}; "
                "give other links under 'links' in the model file",
            )
        link = {"from": parent, "to": unit, "relation": relation or "command"}
        source = self._source(cells)
        if source:
            link["source"] = source
        return link


def _read_one(text: str, display: str) -> tuple[list[Row], list[Problem], bool]:
    """Read one units file's text: its rows, every problem of its header or cells, and
    whether every row could be read (cells with problems aside)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as exc:
        return [], [Problem(display, 1, "", f"CSV: {exc}")], False
    if not header:
        message = "the units file is empty: it needs a header row (id,name,nation,kind,...)"
        return [], [Problem(display, None, "", message)], False
    units = UnitsFile(display, header)
    problems = _check_header(units)
    if problems:
        return [], problems, False
    rows_of = _RowReader(units)
    return rows_of.read_all(reader), rows_of.problems, rows_of.complete


def read_units(
    entries: list[dict[str, Any] | None],
    beside: Path,
    files: ModelFiles,
    where: Callable[[int, str], Problem],
) -> tuple[list[Row], list[Problem], bool]:
    """Read the units files of one model file's ``units`` entries.

    Parameters
    ----------
    entries
        The model file's usable ``units`` entries (each with ``file``; None for an entry
        with a structural problem, skipped).
    beside
        The model file's folder, as given: the files are named relative to it.
    files
        The model's files: where it may read, and its byte budget.
    where
        ``where(i, message)`` locates a problem at the model file's ``units[i]`` entry
        (a units file that cannot be read, or is named twice).

    Returns
    -------
    rows : list of Row
        ``(section, data, units_file, path)`` for each node and parent link, in file order.
    problems : list of Problem
        Every problem found, in any of the files.
    complete : bool
        Whether every file and row could be read (cells with problems aside): if not,
        the model's checks across sections would report what is lost, and wait.

    Examples
    --------
    >>> from c2graph.errors import Problem
    >>> from c2graph.modelfile.files import ModelFiles
    >>> rows, problems, complete = read_units(
    ...     [{"file": "nope.csv"}], Path("models"), ModelFiles("models/m.yaml"),
    ...     lambda i, message: Problem("m.yaml", 3, f"units[{i}]", message))
    >>> rows, [str(p) for p in problems], complete
    ([], ["m.yaml:3: units[0]: the units file 'nope.csv' cannot be read: no such file"], False)
    """
    rows: list[Row] = []
    problems: list[Problem] = []
    complete = True
    first: dict[Path, int] = {}
    for i, entry in enumerate(entries):
        if entry is None:
            continue
        name = entry["file"]
        display = os.path.normpath(os.path.join(beside, name))
        try:
            path = files.locate(name, beside=beside)
        except InputFileError as exc:
            problems.append(where(i, str(exc)))
            complete = False
            continue
        if path in first:
            problems.append(
                where(
                    i,
                    f"the units file {name!r} is already listed (units[{first[path]}]): "
                    "list each file once",
                )
            )
            continue
        first[path] = i
        try:
            text = files.read(path, display)
        except InputFileError as exc:
            message = str(exc).removeprefix(f"{display}: ")
            problems.append(where(i, f"the units file {name!r} cannot be read: {message}"))
            complete = False
            continue
        found, trouble, whole = _read_one(text, display)
        rows.extend(found)
        problems.extend(trouble)
        complete = complete and whole
    return rows, problems, complete


def read_unit_items(file: ModelFile, files: ModelFiles) -> tuple[list[Problem], bool]:
    """Read the units CSV files the model file names; keep their items in ``file.units``.

    Parameters
    ----------
    file
        The model file, whose ``units`` paths are read relative to its folder.
    files
        The model's files: where it may read, and its byte budget.

    Returns
    -------
    problems : list of Problem
        Every problem of the units files; empty when they are valid (or there are none).
    complete : bool
        Whether every file and row could be read (cells with problems aside).

    Examples
    --------
    >>> import shutil, tempfile
    >>> from c2graph.modelfile.files import ModelFiles
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "oob.csv").write_text("id,name,nation,kind,parent\\n1d,1D,JP,unit,gcc\\n")
    >>> file = ModelFile(str(folder / "m.yaml"), "", {"units": [{"file": "oob.csv"}]})
    >>> read_unit_items(file, ModelFiles(folder / "m.yaml"))
    ([], True)
    >>> [item.data for item in file.units["links"]]
    [{'from': 'gcc', 'to': '1d', 'relation': 'command'}]
    >>> shutil.rmtree(folder)
    """
    usable = file.usable
    if not isinstance(usable, dict) or "units" not in usable:
        return [], True
    rows, problems, complete = read_units(
        usable["units"],
        Path(file.display).parent,
        files,
        lambda i, text: file.problem(("units", i, "file"), text),
    )
    file.units = {"nodes": [], "links": []}
    for section, data, units, path in rows:
        file.units[section].append(Item(data, units, path))
    return problems, complete
