"""Structural checks of the value kinds that decisions and time add to a model file:
requirements, office hours, per-nation phases, booleans, time zones and durations.

Example
-------
>>> [f.message for f in check_kind("requirement", "jp-brp", ("requires",))]
["expected a list of decision ids, or {any: [...]} / {all: [...]}, got text 'jp-brp'; \
write [jp-brp]"]
>>> [f.message for f in check_kind("zone", "Asia/Tokio", ("tz",))]
["unknown time zone 'Asia/Tokio' (did you mean 'Asia/Tokyo' or 'Asia/Tomsk' or \
'Asia/Thimbu'?); use an IANA zone id"]
"""

from __future__ import annotations

import functools
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..hints import did_you_mean
from ..hours import ALWAYS, entry_problem, week_problem
from .fields import FORMATS, NATION_PATTERN
from .validate import Finding, Path_, _type_name

__all__ = ["check_duration", "check_kind", "check_nation_phases", "is_nation_mapping"]

_REQUIREMENT = "a list of decision ids, or {any: [...]} / {all: [...]}"


def check_kind(kind: str, value: Any, path: Path_) -> list[Finding]:
    """Check a value of kind requirement, hours, vector, boolean or zone; return every
    problem found.

    Parameters
    ----------
    kind
        The field's kind.
    value
        The value as parsed.
    path
        Its data path.

    Returns
    -------
    list of Finding
        Empty when the value is valid.

    Examples
    --------
    >>> [f.message for f in check_kind("hours", ["Mon-Fri 8:30-17:15", "Fri 17:00-19:00"],
    ...                                ("office_hours", "hours"))]
    ["'Fri 17:00-19:00' overlaps 'Mon-Fri 8:30-17:15' on Fri 17:00-17:15: merge them"]
    """
    return _CHECKS[kind](value, path)


def _requirement(value: Any, path: Path_) -> list[Finding]:
    if isinstance(value, list):
        if not value:
            return [Finding(path, "an empty list of decisions requires nothing: remove the key")]
        return [f for i, item in enumerate(value) for f in _requirement_item(item, (*path, i))]
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in ("any", "all"):
            keys = ", ".join(repr(k) for k in value) or "none"
            return [Finding(path, f"a requirement has one key, 'any' or 'all'; got {keys}")]
        ((op, items),) = value.items()
        if not isinstance(items, list) or not items:
            return [Finding((*path, op), f"expected a non-empty list, got {_type_name(items)}")]
        return [f for i, item in enumerate(items) for f in _requirement_item(item, (*path, op, i))]
    hint = f"; write [{value}]" if isinstance(value, str) else ""
    return [Finding(path, f"expected {_REQUIREMENT}, got {_type_name(value)}{hint}")]


def _requirement_item(item: Any, path: Path_) -> list[Finding]:
    if isinstance(item, dict):
        return _requirement(item, path)
    if not isinstance(item, str):
        return [Finding(path, f"expected a decision id (text), got {_type_name(item)}")]
    text_format = FORMATS["id"]
    if text_format.pattern.match(item):
        return []
    return [Finding(path, f"expected {text_format.expected}, got {item!r}")]


def _hours(value: Any, path: Path_) -> list[Finding]:
    if value == ALWAYS:
        return []
    if not isinstance(value, list) or not value:
        return [
            Finding(
                path,
                f"expected '{ALWAYS}' or a list such as [Mon-Fri 08:30-17:15], "
                f"got {_type_name(value)}",
            )
        ]
    findings = []
    for i, entry in enumerate(value):
        problem = entry_problem(entry) if isinstance(entry, str) else None
        if not isinstance(entry, str):
            problem = f"expected text such as 'Mon-Fri 08:30-17:15', got {_type_name(entry)}"
        if problem:
            findings.append(Finding((*path, i), problem))
    if findings:
        return findings
    overlap = week_problem(value)
    return [Finding(path, overlap)] if overlap else []


def _vector(value: Any, path: Path_) -> list[Finding]:
    if not isinstance(value, dict) or not value:
        return [
            Finding(
                path,
                "expected the phase of each nation, such as {JP: armed-attack, US: "
                f"us-contingency}}, got {_type_name(value)}",
            )
        ]
    findings = []
    for nation, phase in value.items():
        if not NATION_PATTERN.match(nation):
            findings.append(
                Finding((*path, nation), f"expected {FORMATS['nation'].expected}, got {nation!r}")
            )
        elif not isinstance(phase, str):
            findings.append(
                Finding((*path, nation), f"expected one phase id, got {_type_name(phase)}")
            )
    return findings


def _boolean(value: Any, path: Path_) -> list[Finding]:
    if isinstance(value, bool):
        return []
    return [Finding(path, f"expected true or false, got {_type_name(value)}")]


@functools.cache
def _zone_exists(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _zone(value: Any, path: Path_) -> list[Finding]:
    if not isinstance(value, str):
        return [Finding(path, f"expected an IANA time-zone id (text), got {_type_name(value)}")]
    if FORMATS["zone"].pattern.match(value) and _zone_exists(value):
        return []
    hint = did_you_mean(value, available_timezones())
    return [Finding(path, f"unknown time zone {value!r}{hint}; use an IANA zone id")]


_CHECKS = {
    "requirement": _requirement,
    "hours": _hours,
    "vector": _vector,
    "boolean": _boolean,
    "zone": _zone,
}


def check_duration(item: dict[str, Any], path: Path_) -> list[Finding]:
    """Check what a duration needs beyond its keys: ``max`` not below ``min``, and where
    the range comes from.

    Parameters
    ----------
    item
        The duration mapping, its keys already checked.
    path
        Its data path.

    Returns
    -------
    list of Finding
        Empty when the duration is valid.

    Examples
    --------
    >>> [f.message for f in check_duration({"min": 6, "max": 1, "unit": "h", "source": "s"},
    ...                                    ("duration",))]
    ['max 1 is less than min 6: give the range as min to max']
    """
    findings = []
    low, high = item.get("min"), item.get("max")
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high))
    if numbers and high < low:  # type: ignore[operator]
        findings.append(
            Finding(
                (*path, "max"),
                f"max {high:g} is less than min {low:g}: give the range as min to max",
            )
        )
    if "source" not in item and "assumption" not in item:
        findings.append(
            Finding(
                path,
                "a duration needs 'source' (where the range comes from) or 'assumption' "
                "(why it is assumed)",
            )
        )
    return findings


def is_nation_mapping(value: dict[str, Any]) -> bool:
    """True when a ``phases`` mapping is per nation (``{JP: [...]}``), not a range.

    >>> is_nation_mapping({"JP": ["war"]}), is_nation_mapping({"from": "war"})
    (True, False)
    """
    return bool(value) and not value.keys() & {"from", "to"}


def check_nation_phases(value: dict[str, Any], path: Path_) -> list[Finding]:
    """Check a per-nation ``phases`` value: each key a nation, each value a phases value
    of one set (``all``, a list or a range).

    Parameters
    ----------
    value
        The mapping.
    path
        Its data path.

    Returns
    -------
    list of Finding
        Empty when the value is well formed.

    Examples
    --------
    >>> [f.message for f in check_nation_phases({"jp": ["war"]}, ("phases",))]
    ["expected a country code in capitals (JP, US, KR, ...), 'alliance' or 'multinational', \
got 'jp'"]
    """
    from .validate import check_phases

    findings: list[Finding] = []
    for nation, part in value.items():
        where = (*path, nation)
        if not isinstance(nation, str) or not NATION_PATTERN.match(nation):
            findings.append(
                Finding(where, f"expected {FORMATS['nation'].expected}, got {nation!r}")
            )
        elif isinstance(part, dict) and is_nation_mapping(part):
            findings.append(Finding(where, "phases of one nation cannot be split by nation again"))
        else:
            findings += check_phases(part, where)
    return findings
