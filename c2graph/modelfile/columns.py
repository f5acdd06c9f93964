"""A quick, column-wise proof that a model file's structure has no problem.

:func:`~c2graph.modelfile.validate.check_file_data` looks at every key of every item, one
at a time, to say exactly what is wrong where. Most files have nothing wrong, and most of
their items are alike: :func:`is_clean` tests each key of a section for all its items at
once (its values' types, then its format, in C loops), and gives each item or key that a
column test does not clear the very check :func:`check_file_data` runs. It answers True
only when that check would find nothing; the loader then skips it, and runs it in full
(for its exact findings) whenever the answer is False.

Example
-------
>>> data = {"name": "m", "as_of": "2025", "phases": [{"id": "p", "name": "P"}],
...         "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]}
>>> is_clean(data), is_clean({**data, "nodes": [{"id": "a b"}]})
(True, False)
"""

from __future__ import annotations

import operator
from itertools import repeat
from typing import Any

from .fields import LANG_NAME_KEY, SECTIONS, SECTIONS_WITH_LANG_NAMES
from .shapes import TYPED_SECTIONS, all_pass, typed_sections_clean
from .validate import QuickCheck, check_item, check_key, check_variant_keys, quick_checks, required

__all__ = ["is_clean"]

#: Sections whose items :func:`check_item` checks as a whole (a rule across their keys).
_WHOLE_ITEM_SECTIONS = frozenset({"link_match", "link_change", "duration"})


def is_clean(data: Any) -> bool:
    """Return True only when the structure of ``data`` has no problem at all.

    Parameters
    ----------
    data
        One model file's parsed data.

    Returns
    -------
    bool
        True when :func:`~c2graph.modelfile.validate.check_file_data` finds nothing; False
        when it may find something (then run it for the findings).

    Examples
    --------
    >>> is_clean({"name": "m", "as_of": "2025", "phases": [], "nodes": []})
    True
    >>> is_clean({"name": "m", "as_of": "2025", "nodes": []})
    False
    """
    if type(data) is not dict or check_variant_keys(data):
        return False
    if not all(name in data for name in required("model")):
        return False
    fields = SECTIONS["model"]
    quick = quick_checks("model")
    typed = typed_sections_clean(data)  # phases, nodes and links tested in C
    for key, value in data.items():
        if typed and key in TYPED_SECTIONS:
            continue
        field = fields.get(key) if type(key) is str else None
        if field is not None and field.kind == "sections":
            if not _clean_items(value, field.target, (key,)):
                return False
        elif not _passes(quick.get(key), value) and check_key(key, value, "model", ()):
            return False
    return True


def _passes(check: QuickCheck | None, value: Any) -> bool:
    """The quick test :func:`check_item` applies before it checks a key in full."""
    return check is not None and type(value) is str and (check is True or bool(check(value)))


def _clean_items(items: Any, section: str, path: tuple[str | int, ...]) -> bool:
    """Whether the list under a ``sections`` key has no problem, tested key by key."""
    if type(items) is not list:
        return False
    if not items:
        return True
    if section in _WHOLE_ITEM_SECTIONS or any(type(item) is not dict for item in items):
        return not any(check_item(item, section, (*path, i)) for i, item in enumerate(items))
    if not all(all(map(operator.contains, items, repeat(name))) for name in required(section)):
        return False
    quick = quick_checks(section)
    lang_names = section in SECTIONS_WITH_LANG_NAMES
    for key in set().union(*items):
        check = quick.get(key)
        if check is None and lang_names and type(key) is str and key not in SECTIONS[section]:
            check = True if LANG_NAME_KEY.match(key) else None
        if not _clean_column(items, key, check, section, path):
            return False
    return True


def _clean_column(
    items: list[dict[Any, Any]],
    key: Any,
    check: QuickCheck | None,
    section: str,
    path: tuple[str | int, ...],
) -> bool:
    """Whether one key has no problem in any item: its text values pass the quick test
    together, and every other value passes :func:`check_key`."""
    if check is not None:
        column = [item[key] for item in items if key in item]
        if set(map(type, column)) == {str} and (check is True or all_pass(check, column)):
            return True
    return not any(
        check_key(key, item[key], section, (*path, i))
        for i, item in enumerate(items)
        if key in item and not _passes(check, item[key])
    )
