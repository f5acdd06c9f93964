"""A proof in C that the large sections of a model file have no problem of structure.

:func:`~c2graph.modelfile.columns.is_clean` tests a section's keys column by column, and
most of its time goes to the types of the values. :func:`typed_sections_clean` has msgspec
convert the items of ``phases``, ``nodes`` and ``links`` to typed records (each key of
its type, enumerations as literals, required keys required, unknown keys refused), which
tests every type, enumeration and key of an order of battle in C; what msgspec does not
test (the formats of ids, nations and dates, and the values of keys it takes as they
are, such as ``phases``) is then tested as :func:`~c2graph.modelfile.validate.check_key`
tests it. True means that :func:`~c2graph.modelfile.validate.check_file_data` finds
nothing in those sections; False says nothing, and the caller tests them as before.

Example
-------
>>> node = {"id": "a", "name": "A", "nation": "JP", "kind": "unit", "name_ja": "甲"}
>>> typed_sections_clean({"nodes": [node]}), typed_sections_clean({"nodes": [{"id": "a"}]})
(True, False)
>>> typed_sections_clean({"nodes": [{**node, "id": "a b"}]})
False
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from itertools import compress, repeat
from typing import Any, Literal

import msgspec

from .fields import FORMATS, LANG_NAME_KEY, SECTIONS, SECTIONS_WITH_LANG_NAMES, Field
from .validate import check_key, quick_checks

__all__ = ["TYPED_SECTIONS", "all_pass", "typed_sections_clean"]

#: The model's sections tested here, and the section of their items.
TYPED_SECTIONS = {"phases": "phase", "nodes": "node", "links": "link"}
_FIELD = Any  # a field of msgspec.defstruct: (name, type) or (name, type, default)


def typed_sections_clean(data: dict[Any, Any]) -> bool:
    """Return True only when the ``phases``, ``nodes`` and ``links`` of ``data`` (those it
    has) have no problem of structure.

    Parameters
    ----------
    data
        One model file's parsed data (a mapping).

    Returns
    -------
    bool
        True when :func:`~c2graph.modelfile.validate.check_file_data` finds nothing in
        those sections; False when it may find something.

    Examples
    --------
    >>> typed_sections_clean({"links": [{"from": "a", "to": "b", "relation": "opcom"}]})
    False
    >>> typed_sections_clean({"name": 3})  # the other keys are not looked at
    True
    """
    present = [key for key in TYPED_SECTIONS if key in data]
    languages = _languages(data, present)
    if languages is None:
        return False
    try:
        records = msgspec.convert({key: data[key] for key in present}, _record(languages))
    except msgspec.ValidationError:
        return False
    return all(_untested_pass(getattr(records, key), TYPED_SECTIONS[key], key) for key in present)


def _languages(data: dict[Any, Any], present: list[str]) -> frozenset[str] | None:
    """The ``name_xx`` keys the items of sections with names in other languages give;
    None when some item is not a mapping (msgspec refuses it)."""
    found: set[Any] = set()
    for key in present:
        items = data[key]
        if TYPED_SECTIONS[key] not in SECTIONS_WITH_LANG_NAMES or type(items) is not list:
            continue
        if not all(map(operator.is_, map(type, items), repeat(dict))):
            return None
        found |= set().union(*items)
    return frozenset(key for key in found if type(key) is str and LANG_NAME_KEY.match(key))


@cache
def _record(languages: frozenset[str]) -> type[msgspec.Struct]:
    """The record type of the tested sections, their items giving names in ``languages``."""
    fields = [
        (key, list[_item_record(section, languages)], msgspec.UNSET)  # type: ignore[misc]
        for key, section in TYPED_SECTIONS.items()
    ]
    return msgspec.defstruct("Sections", fields, gc=False)


@cache
def _item_record(section: str, languages: frozenset[str]) -> type[msgspec.Struct]:
    """The record type of one item of ``section`` that may name ``languages``: a key not
    given is None (no type here takes None: a null written is refused, as it is a
    problem)."""
    fields: list[_FIELD] = [
        (_attribute(name), _type(field))
        if field.required
        else (_attribute(name), _type(field), None)
        for name, field in SECTIONS[section].items()
    ]
    if section in SECTIONS_WITH_LANG_NAMES:
        fields += [(name, str, None) for name in sorted(languages)]
    fields.sort(key=lambda entry: len(entry) == 3)  # required first, as Python needs
    return msgspec.defstruct(
        f"{section.title()}Item",
        fields,
        rename={_attribute(name): name for name in SECTIONS[section]},
        forbid_unknown_fields=True,
        gc=False,
    )


def _attribute(name: str) -> str:
    """The record's attribute of a key (``from`` is a word of Python)."""
    return f"{name}_" if name == "from" else name


#: Any value but null, for a key whose value is tested afterwards.
_GIVEN = bool | int | float | str | list | dict  # type: ignore[type-arg]


def _type(field: Field) -> Any:
    """What msgspec tests of a key's value: text, one of an enumeration, or any value
    but null (tested afterwards)."""
    if field.kind == "enum":
        return Literal[field.choices]
    return str if field.kind == "text" or field.kind in FORMATS else _GIVEN


def _untested_pass(records: list[msgspec.Struct], section: str, key: str) -> bool:
    """Whether the records of one section pass what msgspec did not test: the format of
    each text that has one, and each value taken as it is."""
    quick = quick_checks(section)
    count = len(records)
    for name, field in SECTIONS[section].items():
        if field.kind == "text" or field.kind == "enum":
            continue
        column = list(map(operator.attrgetter(_attribute(name)), records))
        missing = column.count(None)
        if missing == count:
            continue
        given = range(count) if not missing else _given(column)
        if field.kind in FORMATS:
            texts = column if not missing else [column[i] for i in given]
            if not all_pass(FORMATS[field.kind].pattern.fullmatch, texts):
                return False
            continue
        check = quick.get(name)
        for i in given:
            value = column[i]
            if not _quick(check, value) and check_key(name, value, section, (key, i)):
                return False
    return True


def _given(column: list[Any]) -> list[int]:
    """The positions of a column's values that are not None."""
    return list(compress(range(len(column)), map(operator.is_not, column, repeat(None))))


def _quick(check: Any, value: Any) -> bool:
    """The quick test :func:`~c2graph.modelfile.validate.check_item` applies first."""
    return check is not None and type(value) is str and (check is True or bool(check(value)))


def all_pass(check: Callable[[str], object], column: list[str]) -> bool:
    """Whether every text of a column passes a quick test (each distinct text tested once;
    ids tested in a few passes over the joined texts).

    >>> all_pass(FORMATS["id"].pattern.fullmatch, ["jp-gcc", "jp gcc"])
    False
    """
    if check == _ID_CHECK and _plain_ids(column):
        return True
    return all(map(check, set(column)))


_ID_CHECK = FORMATS["id"].pattern.fullmatch


def _plain_ids(column: list[str]) -> bool:
    """Whether every text is 1-200 printable ASCII characters other than the space: enough
    for :data:`~c2graph.modelfile.fields.ID_PATTERN` (no space, control or invisible
    character), tested in a few passes over the joined texts rather than one regex a text.

    >>> _plain_ids(["jp-gcc", "us-7flt"]), _plain_ids(["jp gcc"]), _plain_ids(["x" * 201])
    (True, False, False)
    """
    joined = "".join(column)
    return (
        joined.isascii()
        and joined.isprintable()
        and " " not in joined
        and min(map(len, column)) >= 1
        and max(map(len, column)) <= 200
    )
