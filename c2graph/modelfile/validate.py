"""Structural checks of one model file's data: keys, types, enums and value formats.

Each problem is a :class:`Finding` with the data path of the offending item; the loader
turns findings into located :class:`~c2graph.errors.Problem` records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..hints import did_you_mean
from .fields import FORMATS, LANG_NAME_KEY, SECTIONS, SECTIONS_WITH_LANG_NAMES, Field
from .parsing import format_path

__all__ = [
    "Finding",
    "QuickCheck",
    "check_file_data",
    "check_item",
    "check_key",
    "check_phases",
    "check_value",
    "check_variant_keys",
    "describe_path",
    "quick_checks",
    "required",
]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem at a data path of one file, not yet located on a line.

    >>> Finding(("nodes", 0, "kind"), "expected one of ...").path
    ('nodes', 0, 'kind')
    """

    path: Path_
    message: str


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int | float):
        shown = _number(value)
        return shown if shown.startswith("a number") else f"number {shown}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unquoted(value: Any) -> str:
    """What a value is, without quoting it: the file may not be a model at all."""
    if isinstance(value, str):
        return f"text ({len(value):,} characters)"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _type_name(value)
    return "a number"


def describe_path(path: Sequence[str | int], data: Any) -> str:
    """Render a data path with the identity of each list item it passes through.

    Parameters
    ----------
    path
        Keys and list positions from the top of the file down.
    data
        The file's parsed data, where the identities (``id``, or ``from`` and ``to``) are
        read.

    Returns
    -------
    str
        The path as problems show it.

    Examples
    --------
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

    Keys, types, enums and value formats are checked; whether references exist is left
    to :func:`~c2graph.modelfile.semantics.check_semantics`, once ``extends`` is applied.

    Parameters
    ----------
    data
        The file's parsed data.

    Returns
    -------
    list of Finding
        Sorted by path, then message; empty when the structure is valid.

    Examples
    --------
    >>> [f.message for f in check_file_data({"name": "x"})]
    ["missing required key 'as_of'", "missing required key 'nodes'", \
"missing required key 'phases'"]
    """
    if data is None:
        return [
            Finding((), "the file is empty: a model needs at least name, as_of, phases and nodes")
        ]
    if not isinstance(data, dict):
        return [Finding((), f"expected a mapping of model keys at the top, got {_unquoted(data)}")]
    findings = check_item(data, "model", ()) + check_variant_keys(data)
    return sorted(findings, key=lambda f: (format_path(f.path), f.message))


def check_variant_keys(data: dict[str, Any]) -> list[Finding]:
    """What a model needs, or may not have, depending on whether it has ``extends``.

    >>> [f.message for f in check_variant_keys({"nodes": [], "remove": {}})]
    ["missing required key 'phases'", "'remove' is only allowed in a model that has 'extends'"]
    """
    if "extends" in data:
        if "phases" not in data:
            return []
        return [
            Finding(
                ("phases",),
                "a model that extends another keeps its phases: "
                "use 'change: phases' to modify them",
            )
        ]
    findings = [
        Finding((), f"missing required key {key!r}")
        for key in ("phases", "nodes")
        if key not in data and not (key == "nodes" and "units" in data)
    ]
    findings += [
        Finding((key,), f"{key!r} is only allowed in a model that has 'extends'")
        for key in ("remove", "change")
        if key in data
    ]
    return findings


def check_item(item: Any, section: str, path: Path_) -> list[Finding]:
    """Check one item of a section (a mapping): each key, the required keys, and the rules
    across its keys; ``path`` is the item's data path.

    >>> [f.message for f in check_item({"id": "a", "kind": "unit"}, "node", ("nodes", 0))]
    ["missing required key 'name'", "missing required key 'nation'"]
    """
    fields = SECTIONS[section]
    if not isinstance(item, dict):
        return [
            Finding(
                path, f"expected a mapping with keys {', '.join(fields)}, got {_type_name(item)}"
            )
        ]
    findings: list[Finding] = []
    quick = quick_checks(section)
    for key, value in item.items():
        check = quick.get(key)
        if check is not None and type(value) is str and (check is True or check(value)):
            continue
        findings.extend(check_key(key, value, section, path))
    for name in required(section):
        if name not in item:
            findings.append(Finding(path, f"missing required key {name!r}"))
    if (
        section in ("link_match", "link_change")
        and "id" not in item
        and not {"from", "to", "relation"} <= item.keys()
    ):
        findings.append(Finding(path, "give the link's 'id', or 'from', 'to' and 'relation'"))
    if section == "duration":
        from .kinds import check_duration

        findings += check_duration(item, path)
    return findings


def check_key(key: Any, value: Any, section: str, path: Path_) -> list[Finding]:
    """Check one key of a section item and its value (the full check, off the hot path);
    ``path`` is the item's data path.

    >>> [f.message for f in check_key("kind", 3, "node", ("nodes", 0))]
    ['expected text, got number 3; quote it']
    """
    if not isinstance(key, str):
        return [Finding(path, f"keys must be text, got {_type_name(key)}")]
    fields = SECTIONS[section]
    field = fields.get(key)
    if field is not None:
        return check_value(value, field, (*path, key))
    if section in SECTIONS_WITH_LANG_NAMES and LANG_NAME_KEY.match(key):
        if isinstance(value, str):
            return []
        return [Finding((*path, key), f"expected text, got {_type_name(value)}")]
    return [
        Finding(
            (*path, key),
            f"unknown key {key!r}{did_you_mean(key, list(fields))}; allowed: {', '.join(fields)}",
        )
    ]


def required(section: str) -> tuple[str, ...]:
    """The keys a section requires.

    >>> required("link")
    ('from', 'to', 'relation')
    """
    names = _REQUIRED.get(section)
    if names is None:
        names = _REQUIRED[section] = tuple(f.name for f in SECTIONS[section].values() if f.required)
    return names


_REQUIRED: dict[str, tuple[str, ...]] = {}

#: A cheap test that a text value is valid: ``True`` when any text is, else a callable
#: returning a true value for valid text.
QuickCheck = Literal[True] | Callable[[str], object]


def quick_checks(section: str) -> dict[str, QuickCheck]:
    """Return, per key of a section, a cheap test that a text value is valid (the hot path).

    Keys without a test, or values failing it, get the full check of :func:`check_value`,
    which then finds the problem, if any.

    Parameters
    ----------
    section
        A section of :data:`~c2graph.modelfile.fields.SECTIONS` (``node``, ``link``, ...).

    Returns
    -------
    dict
        Key name to ``True`` (any text is valid) or a test of the text.

    Examples
    --------
    >>> checks = quick_checks("node")
    >>> checks["name"], bool(checks["id"]("jp-gcc")), bool(checks["id"]("jp gcc"))
    (True, True, False)
    """
    found = _QUICK.get(section)
    if found is None:
        found = _QUICK[section] = {}
        for name, field in SECTIONS[section].items():
            check = _quick_check(field)
            if check is not None:
                found[name] = check
    return found


def _quick_check(field: Field) -> QuickCheck | None:
    if field.kind in _CHECKED_KINDS:
        return None
    if field.kind == "text":
        return True
    if field.kind in FORMATS:
        return FORMATS[field.kind].pattern.fullmatch
    if field.kind == "enum":
        return frozenset(field.choices).__contains__
    if field.kind == "phases":
        return "all".__eq__
    return None


_QUICK: dict[str, dict[str, QuickCheck]] = {}
#: Kinds checked by :mod:`.kinds` (imported on first use: it imports this module).
_CHECKED_KINDS = frozenset({"requirement", "hours", "vector", "boolean", "zone"})


def check_value(value: Any, field: Field, path: Path_) -> list[Finding]:
    """Check one value of a key against the key's field; return every problem found.

    Parameters
    ----------
    value
        The value as parsed.
    field
        The key's entry in :data:`~c2graph.modelfile.fields.SECTIONS`.
    path
        The data path of the value, given to each :class:`Finding`.

    Returns
    -------
    list of Finding
        Empty when the value is valid.

    Examples
    --------
    >>> [f.message for f in check_value("2025-13", SECTIONS["model"]["as_of"], ("as_of",))]
    ["expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2025-13'"]
    """
    kind = field.kind
    if kind in _CHECKED_KINDS:
        from .kinds import check_kind

        return check_kind(kind, value, path)
    if kind in ("section", "sections"):
        return _check_nested(value, field, path)
    if kind in ("refs", "strings"):
        if not isinstance(value, list):
            return [Finding(path, f"expected a list of ids, got {_type_name(value)}")]
        return [f for index, entry in enumerate(value) for f in _check_id(entry, (*path, index))]
    if kind == "phases":
        return check_phases(value, path)
    if kind in ("id", "ref"):
        return _check_id(value, path)
    if kind == "number":
        return _check_number(value, field, path)
    return _check_text(value, field, path)


def _check_nested(value: Any, field: Field, path: Path_) -> list[Finding]:
    """Check a ``section`` value (one mapping) or a ``sections`` value (a list of them)."""
    if field.kind == "section":
        return check_item(value, field.target, path)
    if not isinstance(value, list):
        return [Finding(path, f"expected a list, got {_type_name(value)}")]
    return [
        finding
        for index, entry in enumerate(value)
        for finding in check_item(entry, field.target, (*path, index))
    ]


def _check_number(value: Any, field: Field, path: Path_) -> list[Finding]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [Finding(path, f"expected a number, got {_type_name(value)}{_number_hint(value)}")]
    if isinstance(value, float) and not math.isfinite(value):
        return [Finding(path, f"expected a finite number, got {value!r}")]
    if field.bounds is None:
        return []
    low, high = field.bounds
    if low <= value <= high:
        return []
    return [Finding(path, f"expected a number from {low:g} to {high:g}, got {_number(value)}")]


def _number(value: int | float) -> str:
    """A number as messages show it: a long one by its number of digits.

    >>> _number(95), _number(10**50)
    ('95', 'a number of 51 digits')
    """
    shown = repr(value)
    return shown if len(shown) <= 40 else f"a number of {len(str(abs(value))):,} digits"


#: Text that looks like a number in a form c2graph does not read as one.
_NUMBER_LIKE = re.compile(r"[-+]?[0-9.][0-9_.:eExXoObB+-]*")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_SEXAGESIMAL = re.compile(r"([-+]?[0-9]+):([0-5]?[0-9])")


def _number_hint(value: Any) -> str:
    """Advice for text written where a number belongs, when it looks like one.

    >>> _number_hint("35"), _number_hint("x")
    ('; write it without quotes', '')
    >>> _number_hint("1:30")
    '; write it as a decimal number (1:30 meaning 1 and 30/60 is 1.5)'
    """
    if not isinstance(value, str) or not _NUMBER_LIKE.fullmatch(value):
        return ""
    if _PLAIN_NUMBER.fullmatch(value):
        return "; write it without quotes"
    minutes = _SEXAGESIMAL.fullmatch(value)
    if minutes:
        whole, part = int(minutes.group(1)), int(minutes.group(2))
        decimal = whole + (part if whole >= 0 else -part) / 60
        return (
            f"; write it as a decimal number ({value} meaning {abs(whole)} and {part}/60 is "
            f"{decimal:g})"
        )
    return "; write it as a plain decimal number"


def _check_text(value: Any, field: Field, path: Path_) -> list[Finding]:
    if not isinstance(value, str):
        return [Finding(path, f"expected text, got {_type_name(value)}{_quote_hint(value)}")]
    if field.kind == "enum" and value not in field.choices:
        return [
            Finding(
                path,
                f"expected one of {', '.join(field.choices)}, got {value!r}"
                f"{did_you_mean(value, field.choices)}",
            )
        ]
    return _check_format(value, field.kind, path)


def _check_id(value: Any, path: Path_) -> list[Finding]:
    if not isinstance(value, str):
        return [
            Finding(path, f"expected an id (text), got {_type_name(value)}{_quote_hint(value)}")
        ]
    return _check_format(value, "id", path)


def _check_format(text: str, kind: str, path: Path_) -> list[Finding]:
    """Check text against the format of its kind, if the kind has one."""
    text_format = FORMATS.get(kind)
    if text_format is None or text_format.pattern.fullmatch(text):
        return []
    return [Finding(path, f"expected {text_format.expected}, got {text!r}")]


def _quote_hint(value: Any) -> str:
    """Advice for a number or boolean written where text belongs."""
    return "; quote it" if isinstance(value, int | float | bool) else ""


def check_phases(value: Any, path: Path_) -> list[Finding]:
    """Check the structure of a ``phases`` value; whether its phases exist is checked later.

    Parameters
    ----------
    value
        ``all``, a list of phase ids, a range ``{from: P}`` / ``{from: P, to: Q}``, or one
        of these per nation (``{JP: [...], US: all}``).
    path
        The data path of the value, given to each :class:`Finding`.

    Returns
    -------
    list of Finding
        Empty when the value is well formed.

    Examples
    --------
    >>> [f.message for f in check_phases({"to": "war"}, ("phases",))]
    ["a phase range needs 'from' (the first phase)"]
    """
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
        from .kinds import check_nation_phases, is_nation_mapping

        if is_nation_mapping(value):
            return check_nation_phases(value, path)
        return _check_phase_range(value, path)
    return [
        Finding(
            path, f"expected 'all', a list of phase ids or {{from: PHASE}}, got {_type_name(value)}"
        )
    ]


def _check_phase_range(value: dict[str, Any], path: Path_) -> list[Finding]:
    findings = [
        Finding((*path, key), f"unknown key {key!r}; a phase range has 'from' and optionally 'to'")
        for key in value
        if key not in ("from", "to")
    ]
    if "from" not in value:
        findings.append(Finding(path, "a phase range needs 'from' (the first phase)"))
    for key in ("from", "to"):
        if key in value:
            findings.extend(_check_id(value[key], (*path, key)))
    return findings
