"""Plain YAML model files read by yaml-rs, five times faster than PyYAML's C loader.

c2graph's strict loader (:mod:`.parsing`) refuses tags, anchors, aliases, merge keys and
keys that are not text, reads numbers as YAML 1.1 writes them less what would change a
value unseen, and locates every error. yaml-rs reads YAML 1.2, keeps no marks and drops
tags silently. :func:`load_plain` therefore takes only text where the two cannot differ:
a scan of the text declines anything holding a character or construct on which they may
(tags, anchors, aliases, merge keys, block scalars, escapes, directives and document
markers, complex keys, numbers with underscores, exponents or octal prefixes, characters
that are not printable); yaml-rs then parses with aliases refused and dates kept as text,
and a walk of the result declines mapping keys that are not text and deep nesting. What
it declines, and every error, goes to the strict loader, so the data and the errors are
exactly that loader's.

Example
-------
>>> load_plain("name: demo\\nas_of: 2025-03-24\\nnodes: [{id: a, phases: [p]}]\\n")
{'name': 'demo', 'as_of': '2025-03-24', 'nodes': [{'id': 'a', 'phases': ['p']}]}
>>> load_plain("a: &x 1\\nb: *x\\n") is None
True
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

__all__ = ["MAX_DEPTH", "NUMBER_FORMS", "load_plain"]

#: Nesting deeper than this is left to the strict loader (which reads it, or says it is
#: nested too deeply).
MAX_DEPTH = 64

#: A character with a meaning at the start of a token (after a space, a line break or a
#: flow indicator): a tag, an anchor, an alias, a block scalar, a directive, a reserved
#: character, a complex key, a ``:`` with no key before it (or after a flow collection).
_TOKEN_START = re.compile(r"[ \n\[\]{},][!&*|>%@`?:]")
#: Anywhere: an escape, a merge key, a document marker.
_ANYWHERE = ("\\", "<<", "\n---", "\n...")
#: Numbers the two loaders read differently, looked for when the data holds a number:
#: an octal prefix (``0o17``: 15 in YAML 1.2, text here), an exponent (``1e5``: text here,
#: as it has no dot), a sign before a dot (``-.5``), an underscore by a digit or a dot
#: (yaml-rs reads ``_1`` as 1), a run of 19 digits or more (what is too long for the strict
#: loader is an error there).
NUMBER_FORMS = re.compile(r"0[oO]|[0-9.][eE][-+]?[0-9]|[-+]\.[0-9]|_[0-9.]|[0-9.]_|[0-9]{19}")

_CONTAINERS = (dict, list)

#: Every character but the flow indicators and the line break.
_NOT_FLOW = re.compile(r"[^{}\[\]\n]+")


def load_plain(text: str) -> Any | None:
    """Parse YAML text with yaml-rs when the strict loader would read it the same.

    Parameters
    ----------
    text
        A model file's text (line ends ``\\n``, no byte order mark).

    Returns
    -------
    Any or None
        The document as plain data, equal to what the strict loader reads; None when the
        text is declined or does not parse (the strict loader then reads it, and gives
        its error).

    Examples
    --------
    >>> load_plain("a: 1e5\\n") is None, load_plain("a: 1.5\\n")
    (True, {'a': 1.5})
    """
    if not _printable(text) or _declined(text):
        return None
    import yaml_rs  # only for YAML: JSON and the start-up do without it

    try:
        no_aliases = yaml_rs.AliasLimits(max_total_replayed_events=0)
        data = yaml_rs.loads(text, parse_datetime=False, alias_limits=no_aliases)
    except (ValueError, RecursionError, OverflowError):
        return None
    kinds = _scalar_kinds(data)
    if kinds is None or ((int in kinds or float in kinds) and NUMBER_FORMS.search(text)):
        return None
    return data


def _printable(text: str) -> bool:
    """Whether every character but the line break is printable (not a control, format,
    private, unassigned or separator character other than the space).

    >>> _printable("名前: 防衛\\n"), _printable("a:\\tb"), _printable("a\\u2028b")
    (True, False, False)
    """
    return text.isprintable() or text.replace("\n", "").isprintable()


def _declined(text: str) -> bool:
    """Whether the text holds a construct the two loaders may read differently.

    >>> _declined("a: b\\n"), _declined("a: !!str b\\n"), _declined("a: [b, *c]\\n")
    (False, True, True)
    """
    return (
        text.startswith(("---", "...", *"!&*|>%@`?:"))
        or any(part in text for part in _ANYWHERE)
        or _TOKEN_START.search(text) is not None
        or _flow_spans_lines(text)
    )


def _flow_spans_lines(text: str) -> bool:
    """Whether a flow collection (``{...}``, ``[...]``) is not closed on the line it opens
    on (or brackets do not pair up): the loaders differ on how such a continuation line
    may be indented.  Brackets inside quotes count too, which only declines more.

    >>> _flow_spans_lines("a: {b: [1], c: {d: 3}}\\n"), _flow_spans_lines("a: {b: 1,\\n c: 2}\\n")
    (False, True)
    """
    flow = _NOT_FLOW.sub("", text)
    while True:
        paired = flow.replace("{}", "").replace("[]", "")
        if paired == flow:
            return bool(paired.strip("\n"))
        flow = paired


def _scalar_kinds(data: Any) -> set[type] | None:
    """The types of the values that are not lists or mappings; None when a mapping key is
    not text or nesting is deeper than :data:`MAX_DEPTH`.

    >>> sorted(t.__name__ for t in _scalar_kinds({"a": [{"b": 1}, "c"]}))
    ['int', 'str']
    >>> _scalar_kinds({"a": {1: "b"}}) is None
    True
    """
    kinds: set[type] = set()
    level = [data]
    for _ in range(MAX_DEPTH + 1):
        maps = [value for value in level if type(value) is dict]
        if maps and not all(type(key) is str for key in set().union(*maps)):
            return None
        values = list(
            chain(
                chain.from_iterable(map(dict.values, maps)),
                chain.from_iterable(value for value in level if type(value) is list),
            )
        )
        found = set(map(type, values))
        kinds |= found - {dict, list}
        level = (
            [value for value in values if type(value) in _CONTAINERS]
            if found & {dict, list}
            else []
        )
        if not level:
            return kinds
    return None
