"""Structural checks of one model file's data: keys, types, enums and value formats.

Each problem is a :class:`Finding` with the data path of the offending item; the loader
turns findings into located :class:`~c2graph.errors.Problem` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..hints import did_you_mean
from .fields import (
    DATE_PATTERN,
    ID_PATTERN,
    LANG_NAME_KEY,
    NATION_PATTERN,
    SECTIONS,
    SECTIONS_WITH_LANG_NAMES,
    Field,
)
from .parsing import format_path

__all__ = ["Finding", "check_file_data", "describe_path"]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem at a data path of one file, not yet located on a line."""

    path: Path_
    message: str


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def describe_path(path: Sequence[str | int], data: Any) -> str:
    """Render a data path with the identity of each list item it passes through.

    >>> describe_path(("links", 0, "relation"), {"links": [{"from": "a", "to": "b"}]})
    "links[0] (from='a', to='b') → relation"
    """
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            if isinstance(node, dict):
                ident = _identity(node)
                if ident:
                    out += f" ({ident})"
        else:
            out = f"{out} → {part}" if out else part
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _identity(item: dict[str, Any]) -> str:
    if "from" in item or "to" in item:
        parts = [f"{k}={item[k]!r}" for k in ("from", "to") if isinstance(item.get(k), str)]
        return ", ".join(parts)
    if isinstance(item.get("id"), str):
        return f"id={item['id']!r}"
    return ""


def check_file_data(data: Any) -> list[Finding]:
    """Check the structure of one model file's parsed data; return every problem found.

    >>> [f.message for f in check_file_data({"name": "x"})]
    ["missing required key 'as_of'", "missing required key 'nodes'", \
"missing required key 'phases'"]
    """
    if data is None:
        return [
            Finding((), "the file is empty: a model needs at least name, as_of, phases and nodes")
        ]
    if not isinstance(data, dict):
        return [Finding((), f"expected a mapping of model keys at the top, got {_type_name(data)}")]
    findings = _check_section(data, "model", ())
    extends = "extends" in data
    if not extends:
        for key in ("phases", "nodes"):
            if key not in data and not (key == "nodes" and "units" in data):
                findings.append(Finding((), f"missing required key {key!r}"))
        for key in ("remove", "change"):
            if key in data:
                findings.append(
                    Finding((key,), f"{key!r} is only allowed in a model that has 'extends'")
                )
    elif "phases" in data:
        findings.append(
            Finding(
                ("phases",),
                "a model that extends another keeps its phases: "
                "use 'change: phases' to modify them",
            )
        )
    return sorted(findings, key=lambda f: (format_path(f.path), f.message))


def _check_section(item: Any, section: str, path: Path_) -> list[Finding]:
    fields = SECTIONS[section]
    if not isinstance(item, dict):
        return [
            Finding(
                path, f"expected a mapping with keys {', '.join(fields)}, got {_type_name(item)}"
            )
        ]
    findings: list[Finding] = []
    quick = _quick_checks(section)
    for key, value in item.items():
        check = quick.get(key)
        if check is not None and type(value) is str and (check is True or check(value)):
            continue
        if not isinstance(key, str):
            findings.append(Finding(path, f"keys must be text, got {_type_name(key)}"))
            continue
        field = fields.get(key)
        if field is None:
            if section in SECTIONS_WITH_LANG_NAMES and LANG_NAME_KEY.match(str(key)):
                if not isinstance(value, str):
                    findings.append(
                        Finding((*path, key), f"expected text, got {_type_name(value)}")
                    )
                continue
            findings.append(
                Finding(
                    (*path, key),
                    f"unknown key {key!r}{did_you_mean(key, list(fields))}; allowed: "
                    f"{', '.join(fields)}",
                )
            )
            continue
        findings.extend(_check_value(value, field, (*path, key)))
    for name in _required(section):
        if name not in item:
            findings.append(Finding(path, f"missing required key {name!r}"))
    if (
        section in ("link_match", "link_change")
        and "id" not in item
        and not {"from", "to", "relation"} <= item.keys()
    ):
        findings.append(Finding(path, "give the link's 'id', or 'from', 'to' and 'relation'"))
    return findings


def _required(section: str) -> tuple[str, ...]:
    """The keys a section requires."""
    names = _REQUIRED.get(section)
    if names is None:
        names = _REQUIRED[section] = tuple(f.name for f in SECTIONS[section].values() if f.required)
    return names


_REQUIRED: dict[str, tuple[str, ...]] = {}


def _quick_checks(section: str) -> dict[str, Any]:
    """Per key of a section, a cheap test that a text value is valid (the hot path).

    ``True`` means any text is valid; a callable returns a true value when the text is
    valid. Keys without a test, or values failing it, get the full check of
    :func:`_check_value`, which then finds the problem, if any.
    """
    found = _QUICK.get(section)
    if found is None:
        found = _QUICK[section] = {}
        for name, field in SECTIONS[section].items():
            if field.kind == "text":
                found[name] = True
            elif field.kind in ("id", "ref"):
                found[name] = ID_PATTERN.match
            elif field.kind == "enum":
                found[name] = frozenset(field.choices).__contains__
            elif field.kind == "nation":
                found[name] = NATION_PATTERN.match
            elif field.kind == "date":
                found[name] = DATE_PATTERN.match
            elif field.kind == "phases":
                found[name] = "all".__eq__
    return found


_QUICK: dict[str, dict[str, Any]] = {}


def _check_value(value: Any, field: Field, path: Path_) -> list[Finding]:
    kind = field.kind
    if kind == "section":
        return _check_section(value, field.target, path)
    if kind == "sections":
        if not isinstance(value, list):
            return [Finding(path, f"expected a list, got {_type_name(value)}")]
        found: list[Finding] = []
        for index, entry in enumerate(value):
            found.extend(_check_section(entry, field.target, (*path, index)))
        return found
    if kind in ("refs", "strings"):
        if not isinstance(value, list):
            return [Finding(path, f"expected a list of ids, got {_type_name(value)}")]
        return [
            finding
            for index, entry in enumerate(value)
            for finding in _check_id(entry, (*path, index))
        ]
    if kind == "phases":
        return _check_phases(value, path)
    if kind in ("id", "ref"):
        return _check_id(value, path)
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return [Finding(path, f"expected a number, got {_type_name(value)}")]
        if (
            field.minimum is not None
            and field.maximum is not None
            and not (field.minimum <= value <= field.maximum)
        ):
            return [
                Finding(
                    path,
                    f"expected a number from {field.minimum:g} to {field.maximum:g}, got {value!r}",
                )
            ]
        return []
    if not isinstance(value, str):
        hint = "; quote it" if isinstance(value, int | float | bool) else ""
        return [Finding(path, f"expected text, got {_type_name(value)}{hint}")]
    if kind == "enum" and value not in field.choices:
        return [
            Finding(
                path,
                f"expected one of {', '.join(field.choices)}, got {value!r}"
                f"{did_you_mean(value, field.choices)}",
            )
        ]
    if kind == "date" and not DATE_PATTERN.match(value):
        return [Finding(path, f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")]
    if kind == "nation" and not NATION_PATTERN.match(value):
        return [
            Finding(
                path,
                f"expected a country code in capitals (JP, US, KR, ...), "
                f"'alliance' or 'multinational', got {value!r}",
            )
        ]
    return []


def _check_id(value: Any, path: Path_) -> list[Finding]:
    if not isinstance(value, str):
        hint = "; quote it" if isinstance(value, int | float | bool) else ""
        return [Finding(path, f"expected an id (text), got {_type_name(value)}{hint}")]
    if not ID_PATTERN.match(value):
        return [
            Finding(
                path,
                f"expected an id without spaces or control characters "
                f"(1-200 characters), got {value!r}",
            )
        ]
    return []


def _check_phases(value: Any, path: Path_) -> list[Finding]:
    if value == "all":
        return []
    if isinstance(value, list):
        if not value:
            return [
                Finding(
                    path,
                    "an empty list of phases means the item never holds: "
                    "remove the item or name its phases",
                )
            ]
        return [f for index, entry in enumerate(value) for f in _check_id(entry, (*path, index))]
    if isinstance(value, dict):
        findings = [
            Finding(
                (*path, key), f"unknown key {key!r}; a phase range has 'from' and optionally 'to'"
            )
            for key in value
            if key not in ("from", "to")
        ]
        if "from" not in value:
            findings.append(Finding(path, "a phase range needs 'from' (the first phase)"))
        for key in ("from", "to"):
            if key in value:
                findings.extend(_check_id(value[key], (*path, key)))
        return findings
    return [
        Finding(
            path, f"expected 'all', a list of phase ids or {{from: PHASE}}, got {_type_name(value)}"
        )
    ]
