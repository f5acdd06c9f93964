"""Load a model file (YAML or JSON, with ``extends``) into a validated :class:`Model`.

Loading reads the file, every base it extends and their units files, checks each file's
structure, applies the variants' additions, removals and changes, checks references,
duplicates and authority cycles, and reports every problem of every stage together, with
file, line and item. A valid model may still get warnings (what is odd but allowed).

Example
-------
>>> model = load_model("models/us-japan-2025.yaml")
>>> model.node("jp-jjoc").name
'Joint Operations Command'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputFileError, ModelError, Problem
from ..model import Model
from .columns import is_clean
from .files import MAX_MODEL_BYTES, ModelFiles, decode_text
from .items import TOP_KEYS, Merged, ModelFile
from .lint import find_warnings
from .parsing import NOT_PLAIN, decode_plain_json, gc_paused, is_json_path, parse_text
from .records import build_model
from .semantics import check_semantics
from .units_csv import read_unit_items
from .usable import usable_part
from .validate import check_file_data
from .variants import apply_variant

__all__ = ["MAX_EXTENDS_DEPTH", "LoadedModel", "load_model", "load_model_data", "read_model"]

_MERGED_SECTIONS = (
    "phases",
    "nodes",
    "links",
    "sources",
    "locations",
    "decisions",
    "scenarios",
    "timelines",
)
#: Longest chain of ``extends`` followed: a model and at most this many bases.
MAX_EXTENDS_DEPTH = 32


@dataclass(frozen=True)
class LoadedModel:
    """A model as loaded, with what loading found odd but allowed, and the files it read.

    ``warnings`` are :class:`~c2graph.errors.Problem` records of severity ``warning``;
    ``files`` are the resolved paths of the model file, its bases and units files.
    """

    model: Model
    warnings: tuple[Problem, ...]
    files: tuple[Path, ...]


def load_model(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_MODEL_BYTES,
    allow_outside: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
) -> Model:
    """Load and validate a model file, following ``extends`` to its bases.

    Parameters
    ----------
    path
        The model file: ``.json`` is read as JSON, anything else as YAML.
    max_bytes
        The most bytes read for the model: the file, its bases and units files together.
    allow_outside
        Files or folders outside the model's folder that it may read (its bases and units
        files must otherwise be in its folder or below).
    strict
        Treat warnings (what is odd but allowed) as problems.

    Returns
    -------
    Model
        The validated model, with every base applied.

    Raises
    ------
    ModelError
        Listing every problem of the file, its bases and its units files.
    InputFileError
        When the file cannot be read at all (missing, not a regular file, too big, not
        UTF-8).

    Examples
    --------
    >>> model = load_model("models/us-japan-jfhq.yaml")
    >>> model.extends, len(model.phases)
    ('us-japan-2025.yaml', 6)
    """
    return read_model(path, max_bytes=max_bytes, allow_outside=allow_outside, strict=strict).model


def read_model(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_MODEL_BYTES,
    allow_outside: Iterable[str | os.PathLike[str]] = (),
    strict: bool = False,
) -> LoadedModel:
    """Load a model file as :func:`load_model` does, and say what loading found.

    Parameters
    ----------
    path, max_bytes, allow_outside, strict
        As for :func:`load_model`.

    Returns
    -------
    LoadedModel
        The model, its warnings and the files read.

    Raises
    ------
    ModelError, InputFileError
        As :func:`load_model`; with ``strict``, warnings are problems.

    Examples
    --------
    >>> loaded = read_model("models/us-japan-jfhq.yaml")
    >>> [path.name for path in loaded.files]
    ['us-japan-jfhq.yaml', 'us-japan-2025.yaml']
    """
    files = ModelFiles(path, allow_outside=allow_outside, max_bytes=max_bytes)
    with gc_paused():  # loading allocates millions of acyclic objects
        chain, problems, complete = _read_chain(files, str(path))
        model, warnings = _build(chain, problems, complete, display=str(path), strict=strict)
    return LoadedModel(model, warnings, tuple(files.read_paths))


def load_model_data(data: Any, *, name: str = "<data>", strict: bool = False) -> Model:
    """Validate model data already in memory (a dict as read from a model file).

    Parameters
    ----------
    data
        The parsed model, as :func:`load_model` would read it from a file (no ``extends``,
        no ``units``).
    name
        What problems name as the file.
    strict
        Treat warnings as problems.

    Returns
    -------
    Model
        The validated model.

    Raises
    ------
    ModelError
        Listing every problem; lines are those of the data written out as JSON.

    Examples
    --------
    >>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
    ...     {"id": "p", "name": "P"}], "nodes": [
    ...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> list(model.nodes)
    ['a']
    >>> load_model_data({"name": "x"}, name="mine")
    Traceback (most recent call last):
    c2graph.errors.ModelError: mine:1: missing required key 'as_of'
    mine:1: missing required key 'nodes'
    mine:1: missing required key 'phases'
    """
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1, default=repr)
    except (TypeError, ValueError, RecursionError):  # keys that are not text, or a loop
        text = ""
    file = ModelFile(name, text, data)
    for key in ("extends", "units"):
        if isinstance(data, dict) and key in data:
            raise ModelError([file.problem((key,), f"{key!r} needs a model file on disk")])
    problems = _check_structure(file)
    complete = file.part is None or not file.part.broken
    model, _ = _build([file], problems, complete, display=name, strict=strict)
    return model


def _check_structure(file: ModelFile) -> list[Problem]:
    """The structural problems of one file; cut what they spoil out of its usable part."""
    findings = [] if is_clean(file.data) else check_file_data(file.data)
    if findings:
        file.part = usable_part(file.data, findings)
    return [file.problem(f.path, f.message) for f in findings]


def _read_chain(files: ModelFiles, display: str) -> tuple[list[ModelFile], list[Problem], bool]:
    """Read the model file and its chain of bases, each base after the file extending it.

    Returns the files read (the model file first), the problems found reading, parsing
    and checking their structure, and whether the chain is complete (it ends in a model
    without ``extends``, and every file in it could be read and is usable as a whole).
    """
    chain: list[ModelFile] = []
    resolved: list[Path] = []
    problems: list[Problem] = []
    path = files.top
    while True:
        try:
            file = _read_one(files, path, display)
            resolved.append(files.read_paths[-1])
        except ModelError as exc:  # the file does not parse: its base is unknown
            return chain, problems + exc.problems, False
        except InputFileError as exc:
            if not chain:
                raise
            message = f"the base model cannot be read: {exc}"
            return chain, [*problems, chain[-1].problem(("extends",), message)], False
        chain.append(file)
        problems += _check_structure(file)
        trouble, units_complete = read_unit_items(file, files)
        problems += trouble
        if not units_complete or (file.part is not None and file.part.broken):
            return chain, problems, False
        if "extends" not in file.data:
            return chain, problems, True
        try:
            path, display = _base_of(file, files, resolved)
        except ModelError as exc:
            return chain, problems + exc.problems, False


def _read_one(files: ModelFiles, path: Path, display: str) -> ModelFile:
    raw = files.read_bytes(path, display)
    as_json = is_json_path(path)
    if as_json:
        data = decode_plain_json(raw)
        if data is not NOT_PLAIN:  # UTF-8: the text is decoded only to locate a problem
            return ModelFile(display, None, data, utf8=raw)
    text, utf8 = decode_text(raw, display)
    data = parse_text(text, display, as_json=as_json, utf8=utf8)
    return ModelFile(display, text, data, utf8=utf8)


def _base_of(file: ModelFile, files: ModelFiles, chain: list[Path]) -> tuple[Path, str]:
    """The path of the base ``file`` extends, and how messages name it; ``chain`` holds
    the resolved paths of the files read so far, ``file`` last."""
    if len(chain) > MAX_EXTENDS_DEPTH:
        raise ModelError(
            [
                file.problem(
                    ("extends",),
                    f"'extends' goes more than {MAX_EXTENDS_DEPTH} models deep: "
                    "merge some of the bases",
                )
            ]
        )
    try:
        base = files.locate(file.data["extends"], beside=Path(file.display).parent)
    except InputFileError as exc:
        raise ModelError([file.problem(("extends",), str(exc))]) from None
    if base in chain:
        loop = " → ".join(p.name for p in (*chain, base))
        raise ModelError([file.problem(("extends",), f"'extends' makes a cycle: {loop}")])
    return base, os.path.relpath(base) if not Path(file.display).is_absolute() else str(base)


def _build(
    chain: list[ModelFile], problems: list[Problem], complete: bool, *, display: str, strict: bool
) -> tuple[Model, tuple[Problem, ...]]:
    """Merge the chain (its deepest base first), check it across sections and build it."""
    if not complete:
        raise ModelError(problems)
    merged = _as_merged(chain[-1])
    for file in reversed(chain[:-1]):
        merged, more = apply_variant(merged, file)
        problems += more
    if problems:
        raise ModelError(problems + check_semantics(merged.sections, top=merged.first_file))
    model = build_model(merged, display=display)
    warnings = tuple(find_warnings(merged, model))
    if strict and warnings:
        raise ModelError([w.as_error() for w in warnings])
    return model, warnings


def _as_merged(file: ModelFile) -> Merged:
    """The items of a model without ``extends``, with those of its units files."""
    data = file.usable
    sections = {name: file.items(name) for name in _MERGED_SECTIONS}
    for name, items in file.units.items():
        sections[name].extend(items)
    top = {k: data[k] for k in TOP_KEYS if k in data}
    return Merged(top, sections, dict(data.get("considerations", {})), file)
