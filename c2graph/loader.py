"""Load a model file (YAML or JSON, with ``extends``) into a validated :class:`Model`.

Loading reads the file and every base it extends, checks each file's structure, applies
the variant's additions, removals and changes, checks references, duplicates and
authority cycles, and reports every problem together with file, line and item.

Example
-------
>>> model = load_model("models/us-japan-2025.yaml")  # doctest: +SKIP
>>> model.node("jp-jjoc").name                        # doctest: +SKIP
'Joint Operations Command (JJOC)'
"""

from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from ._fields import SECTIONS
from ._parsing import (
    MAX_MODEL_BYTES,
    LineIndex,
    _gc_paused,
    is_json_path,
    parse_text,
    read_text,
)
from ._semantics import check_semantics, resolve_phases
from ._units_csv import read_units
from ._validate import check_file_data, describe_path
from .errors import InputFileError, ModelError, Problem
from .model import Considerations, Link, Location, Model, Node, Phase, PhaseRange, Source

__all__ = ["load_model", "load_model_data"]

_MERGED_SECTIONS = ("phases", "nodes", "links", "sources", "locations")


@dataclass
class _File:
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
class _Item:
    """A section item of the merged model, remembering where each key was written."""

    data: dict[str, Any]
    file: _File
    path: tuple[str | int, ...]
    overrides: dict[str, tuple[_File, tuple[str | int, ...]]] = field(default_factory=dict)

    def problem(self, key: str | None, message: str) -> Problem:
        if key is not None and key in self.overrides:
            file, path = self.overrides[key]
            return file.problem(path, message)
        return self.file.problem(self.path + ((key,) if key is not None else ()), message)


@dataclass
class _Merged:
    """The model's data after every ``extends`` is applied, with each item's origin."""

    top: dict[str, Any]
    sections: dict[str, list[_Item]]
    considerations: dict[str, Any]
    first_file: _File
    extends: str | None = None


def load_model(path: str | os.PathLike[str], *, max_bytes: int = MAX_MODEL_BYTES) -> Model:
    """Load and validate a model file, following ``extends`` to its bases.

    Raises :class:`~c2graph.errors.ModelError` listing every problem, or
    :class:`~c2graph.errors.InputFileError` when a file cannot be read at all.
    """
    file_path = Path(path)
    with _gc_paused():  # loading allocates millions of acyclic objects
        merged = _load_chain(file_path, str(path), chain=(), max_bytes=max_bytes)
        return _build(merged, display=str(path))


def load_model_data(data: Any, *, name: str = "<data>") -> Model:
    """Validate model data already in memory (a dict as read from a model file).

    >>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
    ...     {"id": "p", "name": "P"}], "nodes": [
    ...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> list(model.nodes)
    ['a']
    """
    import json

    try:
        text = json.dumps(data, ensure_ascii=False, indent=1, default=repr)
    except (TypeError, ValueError, RecursionError):  # keys that are not text, or a loop
        text = ""
    file = _File(name, text, data)
    if isinstance(data, dict) and "extends" in data:
        raise ModelError([file.problem(("extends",), "'extends' needs a model file on disk")])
    findings = check_file_data(data)
    if findings:
        raise ModelError([file.problem(f.path, f.message) for f in findings])
    return _build(_as_merged(file), display=name)


def _load_chain(
    path: Path, display: str, *, chain: tuple[Path, ...], max_bytes: int
) -> _Merged:
    text = read_text(path, max_bytes=max_bytes)
    data = parse_text(text, display, as_json=is_json_path(path))
    file = _File(display, text, data)
    findings = check_file_data(data)
    if findings:
        raise ModelError([file.problem(f.path, f.message) for f in findings])
    if "extends" not in data:
        return _as_merged(file)
    base_path = (path.parent / data["extends"]).resolve()
    here = path.resolve()
    if base_path in (*chain, here):
        loop = " → ".join(p.name for p in (*chain, here, base_path))
        raise ModelError([file.problem(("extends",), f"'extends' makes a cycle: {loop}")])
    base_display = os.path.relpath(base_path) if not Path(display).is_absolute() else str(
        base_path
    )
    try:
        base = _load_chain(base_path, base_display, chain=(*chain, here), max_bytes=max_bytes)
    except InputFileError as exc:
        raise ModelError(
            [file.problem(("extends",), f"the base model cannot be read: {exc}")]
        ) from None
    return _apply_variant(base, file)


def _as_merged(file: _File) -> _Merged:
    data = file.data
    sections = {
        name: [_Item(item, file, (name, i)) for i, item in enumerate(data.get(name, []))]
        for name in _MERGED_SECTIONS
    }
    top = {k: data[k] for k in ("name", "as_of", "description") if k in data}
    problems = _add_units(sections, file)
    if problems:
        raise ModelError(problems)
    return _Merged(top, sections, dict(data.get("considerations", {})), file)


def _add_units(sections: dict[str, list[_Item]], file: _File) -> list[Problem]:
    """Append the nodes and parent links of the file's ``units`` CSV files."""
    if "units" not in file.data:
        return []
    folder = Path(file.display).parent
    rows, problems = read_units(file.data["units"], folder, str(folder),
                                lambda i, text: file.problem(("units", i, "file"), text))
    for section, data, units, path in rows:
        sections[section].append(_Item(data, units, path))  # type: ignore[arg-type]
    return problems


def _apply_variant(base: _Merged, file: _File) -> _Merged:
    data = file.data
    problems: list[Problem] = []
    sections = {name: list(items) for name, items in base.sections.items()}
    top = base.top | {k: data[k] for k in ("name", "as_of", "description") if k in data}
    if "description" not in data:
        top.pop("description", None)
    considerations = base.considerations | data.get("considerations", {})

    removed_nodes: set[str] = set()
    remove = data.get("remove", {})
    existing_nodes = {item.data.get("id") for item in sections["nodes"]}
    for i, node_id in enumerate(remove.get("nodes", [])):
        if node_id not in existing_nodes:
            problems.append(file.problem(("remove", "nodes", i),
                                         f"the base model has no node {node_id!r}"))
        removed_nodes.add(node_id)
    sections["nodes"] = [it for it in sections["nodes"] if it.data.get("id") not in removed_nodes]
    sections["links"] = [
        it for it in sections["links"]
        if it.data.get("from") not in removed_nodes and it.data.get("to") not in removed_nodes
    ]
    for i, match in enumerate(remove.get("links", [])):
        found = _match_link(sections["links"], match, file, ("remove", "links", i), problems)
        if found is not None:
            sections["links"].remove(found)

    change = data.get("change", {})
    for section, key_path in (("nodes", "nodes"), ("phases", "phases")):
        by_id = {item.data.get("id"): item for item in sections[section]}
        for i, entry in enumerate(change.get(key_path, [])):
            path = ("change", key_path, i)
            target = by_id.get(entry["id"])
            if target is None:
                problems.append(file.problem((*path, "id"), f"the base model has no "
                                             f"{section[:-1]} {entry['id']!r}"))
                continue
            _set_keys(target, {k: v for k, v in entry.items() if k != "id"}, file, path)
    for i, entry in enumerate(change.get("links", [])):
        path = ("change", "links", i)
        found = _match_link(sections["links"], entry, file, path, problems)
        if found is not None:
            _set_keys(found, entry["set"], file, (*path, "set"))

    for name in ("nodes", "links", "sources", "locations"):
        sections[name].extend(
            _Item(item, file, (name, i)) for i, item in enumerate(data.get(name, []))
        )
    problems.extend(_add_units(sections, file))
    if problems:
        raise ModelError(problems)
    return _Merged(top, sections, considerations, file, extends=data["extends"])


def _set_keys(item: _Item, values: dict[str, Any], file: _File,
              path: tuple[str | int, ...]) -> None:
    item.data = dict(item.data) | values
    for key in values:
        item.overrides[key] = (file, (*path, key))


def _match_link(links: list[_Item], match: dict[str, Any], file: _File,
                path: tuple[str | int, ...], problems: list[Problem]) -> _Item | None:
    if "id" in match:
        found = [it for it in links if it.data.get("id") == match["id"]]
        described = f"id {match['id']!r}"
    else:
        ends = (match.get("from"), match.get("to"), match.get("relation"))
        found = [it for it in links
                 if (it.data.get("from"), it.data.get("to"), it.data.get("relation")) == ends]
        described = f"from={ends[0]!r}, to={ends[1]!r}, relation={ends[2]!r}"
    if len(found) == 1:
        return found[0]
    if not found:
        problems.append(file.problem(path, f"the base model has no link with {described}"))
    else:
        problems.append(file.problem(path, f"{len(found)} links of the base model match "
                                           f"{described}: give the link's 'id'"))
    return None


def _build(merged: _Merged, *, display: str) -> Model:
    problems = check_semantics(merged.sections, top=merged.first_file)
    if problems:
        raise ModelError(problems)
    phase_items = merged.sections["phases"]
    order = [item.data["id"] for item in phase_items]
    phases = tuple(_phase(item.data, index) for index, item in enumerate(phase_items))
    nodes: dict[str, Node] = {}
    every = frozenset(order)
    for item in merged.sections["nodes"]:
        nodes[item.data["id"]] = _node(item.data, order, every)
    links = _links([item.data for item in merged.sections["links"]], nodes, order, every)
    return Model(
        name=merged.top["name"],
        as_of=merged.top["as_of"],
        description=merged.top.get("description"),
        path=display,
        extends=merged.extends,
        phases=phases,
        nodes=nodes,
        links=links,
        sources={it.data["id"]: Source(**it.data) for it in merged.sections["sources"]},
        locations={it.data["id"]: Location(**it.data) for it in merged.sections["locations"]},
        considerations=Considerations(**merged.considerations),
    )


def _names(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k[5:], v) for k, v in data.items() if k.startswith("name_")))


def _plain(data: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("name_") and k not in skip}


def _spec(value: Any) -> str | tuple[str, ...] | PhaseRange:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return PhaseRange(value["from"], value.get("to"))
    return "all"


def _phase(data: dict[str, Any], index: int) -> Phase:
    values = _plain(data, "approval")
    return Phase(index=index, approval=tuple(data.get("approval", ())), names=_names(data),
                 **values)


def _node(data: dict[str, Any], order: list[str], every: frozenset[str]) -> Node:
    spec = data.get("phases", "all")
    if data.keys() <= _NODE_KEYS:  # no name_xx keys: copy in C
        values = dict(data)
        values.pop("phases", None)
        names: tuple[tuple[str, str], ...] = ()
    else:
        values = _plain(data, "phases")
        names = _names(data)
    if spec == "all":
        return _record(Node, values, phases=every, phase_spec="all", names=names)
    return _record(Node, values, phases=resolve_phases(spec, order, every),
                   phase_spec=_spec(spec), names=names)


def _record(cls: type[_R], values: dict[str, Any], /, **more: Any) -> _R:
    """Build a frozen record from checked values, 3x faster than its ``__init__``.

    The records of :mod:`c2graph.model` have no ``__post_init__``; fields not given take
    their defaults and attributes keep the order of the fields, exactly as
    ``cls(**values, **more)`` would (the loader always gives the required fields).
    """
    record = object.__new__(cls)
    attributes = record.__dict__
    attributes.update(_template(cls))
    attributes.update(values)
    attributes.update(more)
    return record


def _template(cls: type) -> dict[str, Any]:
    """Every field of a record class, in order, with its default (None when it has none)."""
    found = _TEMPLATES.get(cls)
    if found is None:
        found = _TEMPLATES[cls] = {
            f.name: None if f.default is MISSING else f.default for f in fields(cls)
        }
    return found


_TEMPLATES: dict[type, dict[str, Any]] = {}
_NODE_KEYS = frozenset(SECTIONS["node"])
_R = TypeVar("_R")


def _links(items: list[dict[str, Any]], nodes: dict[str, Node],
           order: list[str], every: frozenset[str]) -> tuple[Link, ...]:
    used = {data["id"] for data in items if "id" in data}
    links = []
    for data in items:
        spec = data.get("phases", "all")
        phases = every if spec == "all" else resolve_phases(spec, order, every)
        for end in (nodes[data["from"]].phases, nodes[data["to"]].phases):
            if end is not every:
                phases &= end
        key = data.get("id")
        if key is None:
            key = base = f"{data['from']}->{data['to']}:{data['relation']}"
            count = 1
            while key in used:
                count += 1
                key = f"{base}#{count}"
            used.add(key)
        values = dict(data)  # checked link keys: no name_xx among them
        values.pop("phases", None)
        del values["from"], values["to"]
        links.append(_record(Link, values, key=key, from_node=data["from"],
                             to_node=data["to"], phases=phases,
                             phase_spec="all" if spec == "all" else _spec(spec)))
    return tuple(links)

