"""Load a model file (YAML or JSON, with ``extends``) into a validated :class:`Model`.

Loading reads the file and every base it extends, checks each file's structure, applies
the variant's additions, removals and changes, checks references, duplicates and
authority cycles, and reports every problem together with file, line and item.

Example
-------
>>> model = load_model("models/us-japan-2025.yaml")
>>> model.node("jp-jjoc").name
'Joint Operations Command'
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputFileError, ModelError
from ..model import Model
from .items import TOP_KEYS, Merged, ModelFile
from .parsing import MAX_MODEL_BYTES, gc_paused, is_json_path, parse_text, read_text
from .records import build_model
from .units_csv import add_units
from .validate import check_file_data
from .variants import apply_variant

__all__ = ["load_model", "load_model_data"]

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


def load_model(path: str | os.PathLike[str], *, max_bytes: int = MAX_MODEL_BYTES) -> Model:
    """Load and validate a model file, following ``extends`` to its bases.

    Parameters
    ----------
    path
        The model file: ``.json`` is read as JSON, anything else as YAML.
    max_bytes
        The largest file read (each base and units file counts on its own).

    Returns
    -------
    Model
        The validated model, with every base applied.

    Raises
    ------
    ModelError
        Listing every problem of the file, its bases and its units files.
    InputFileError
        When the file cannot be read at all (missing, a directory, too big, not UTF-8).

    Examples
    --------
    >>> model = load_model("models/us-japan-jfhq.yaml")
    >>> model.extends, len(model.phases)
    ('us-japan-2025.yaml', 6)
    """
    with gc_paused():  # loading allocates millions of acyclic objects
        merged = _load_chain(Path(path), str(path), chain=(), max_bytes=max_bytes)
        return build_model(merged, display=str(path))


def load_model_data(data: Any, *, name: str = "<data>") -> Model:
    """Validate model data already in memory (a dict as read from a model file).

    Parameters
    ----------
    data
        The parsed model, as :func:`load_model` would read it from a file (no ``extends``).
    name
        What problems name as the file.

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
    if isinstance(data, dict) and "extends" in data:
        raise ModelError([file.problem(("extends",), "'extends' needs a model file on disk")])
    _check_structure(file)
    return build_model(_as_merged(file), display=name)


def _check_structure(file: ModelFile) -> None:
    """Raise the structural problems of one file's data, if it has any."""
    findings = check_file_data(file.data)
    if findings:
        raise ModelError([file.problem(f.path, f.message) for f in findings])


def _load_chain(path: Path, display: str, *, chain: tuple[Path, ...], max_bytes: int) -> Merged:
    text = read_text(path, max_bytes=max_bytes)
    data = parse_text(text, display, as_json=is_json_path(path))
    file = ModelFile(display, text, data)
    _check_structure(file)
    if "extends" not in data:
        return _as_merged(file)
    base_path = (path.parent / data["extends"]).resolve()
    here = path.resolve()
    if base_path in (*chain, here):
        loop = " → ".join(p.name for p in (*chain, here, base_path))
        raise ModelError([file.problem(("extends",), f"'extends' makes a cycle: {loop}")])
    base_display = os.path.relpath(base_path) if not Path(display).is_absolute() else str(base_path)
    try:
        base = _load_chain(base_path, base_display, chain=(*chain, here), max_bytes=max_bytes)
    except InputFileError as exc:
        raise ModelError(
            [file.problem(("extends",), f"the base model cannot be read: {exc}")]
        ) from None
    return apply_variant(base, file)


def _as_merged(file: ModelFile) -> Merged:
    """The items of a model without ``extends``, with those of its units files."""
    data = file.data
    sections = {name: file.items(name) for name in _MERGED_SECTIONS}
    top = {k: data[k] for k in TOP_KEYS if k in data}
    problems = add_units(sections, file)
    if problems:
        raise ModelError(problems)
    return Merged(top, sections, dict(data.get("considerations", {})), file)
