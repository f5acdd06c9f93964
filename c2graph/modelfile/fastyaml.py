"""Plain YAML model files read by yaml-rs, five times faster than PyYAML's C loader.

c2graph's strict loader (:mod:`.parsing`) refuses tags, anchors, aliases, merge keys and
keys that are not text, reads numbers as YAML 1.1 writes them less what would change a
value unseen, and locates every error. yaml-rs reads YAML 1.2, keeps no marks and drops
tags silently. :func:`load_plain` therefore takes only text where the two cannot differ:
a scan of the text, its comments cut out, declines anything holding a character or
construct on which they may (tags, anchors, aliases, merge keys, block scalars with an
indentation indicator, escapes other than ``\\"``, directives and document markers,
complex keys, a ``?`` or a ``:`` before a flow indicator in a flow collection, a flow
collection continued on a line not broken after a comma or not indented deeper, numbers
with underscores, exponents or octal prefixes, characters that are not printable);
yaml-rs then parses with aliases refused and dates kept as text (with the comments and
without: the two must be equal), and a walk of the result declines mapping keys that are
not text and deep nesting. What it declines, and every error, goes to the strict loader,
so the data and the errors are exactly that loader's.

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
#: flow indicator): a tag, an anchor (``& `` is text: no anchor is nameless), an alias,
#: a block scalar with an indentation
#: indicator or text after its header, a directive, a reserved character, a complex key,
#: a ``:`` with no key before it (or after a flow collection).  A block scalar's header
#: alone on its line, with a chomping indicator or none (``|``, ``>-``, ``|+``), is read
#: alike by the two loaders (tests/modelfile/test_fastpath.py draws them at random).
_TOKEN_START = re.compile(r"[ \n\[\]{},](?:[!*%@`?:]|&(?! )|[|>](?![-+]? *\n))")
#: What :data:`_TOKEN_START` needs, looked for first (the lookaheads cost twice as much).
_TOKEN_ANY = re.compile(r"[ \n\[\]{},][!&*|>%@`?:]")
#: A block scalar with no line of text at the end of the document (looked for at the end
#: of the text less its trailing spaces and line breaks): PyYAML reads ``''``, yaml-rs a
#: line break.
_EMPTY_LAST_BLOCK = re.compile(r"[ \n][|>][-+]?\Z")
#: Anywhere: an escape other than ``\\"``, a ``?`` after a flow collection opens on its
#: line (the strict loader ends a word there, yaml-rs does not); and a ``:`` before a
#: flow indicator (the strict loader refuses ``{a:}``, yaml-rs reads ``{'a': None}``).
_SUSPECT = re.compile(r'\\(?!")|[\[{][^\n]*\?')
_COLON_FLOW = re.compile(r":[,\[\]{}]")
#: Anywhere: a merge key, a document marker.
_ANYWHERE = ("<<", "\n---", "\n...")
#: Numbers the two loaders read differently, looked for when the data holds a number:
#: an octal prefix (``0o17``: 15 in YAML 1.2, text here), an exponent (``1e5``: text here,
#: as it has no dot), a sign before a dot (``-.5``), an underscore by a digit or a dot
#: (yaml-rs reads ``_1`` as 1), a run of 19 digits or more (what is too long for the strict
#: loader is an error there).
NUMBER_FORMS = re.compile(r"0[oO]|[0-9.][eE][-+]?[0-9]|[-+]\.[0-9]|_[0-9.]|[0-9.]_|[0-9]{19}")
#: :data:`NUMBER_FORMS` one by one, each led by its rarest character (one pattern of them
#: all takes ten times as long: no character leads every form); a match may start one
#: character later than the form's, in the same word.
_NUMBER_PARTS = tuple(
    re.compile(pattern)
    for pattern in (
        r"0[oO]",
        r"[eE](?<=[0-9.][eE])[-+]?[0-9]",
        r"\.(?<=[-+]\.)[0-9]",
        r"_(?<=[0-9.]_)|_(?=[0-9.])",
        r"[0-9]{19}",
    )
)
#: What a number starts with.
_NUMBER_START = frozenset("-+._0123456789")

_CONTAINERS = (dict, list)

#: A flow indicator that opens or closes a collection.
_BRACKET = re.compile(r"[\[\]{}]")
#: Every character but the flow indicators and the line break.
_NOT_FLOW = re.compile(r"[^{}\[\]\n]+")


def load_plain(text: str) -> Any | None:
    """Parse YAML text with yaml-rs when the strict loader would read it the same.

    Comments are cut out before the text is scanned; when there are any, yaml-rs reads
    the text both with them and without, and the two readings must be equal: what was cut
    was then comments indeed (text of a scalar that looked like one would change a value,
    or break the text).

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
    >>> load_plain("a: 1e5\\n") is None, load_plain("a: 1.5  # or 1e5\\n")
    (True, {'a': 1.5})
    >>> load_plain("a: >-\\n  two\\n  lines\\nb: |\\n  kept\\n")
    {'a': 'two lines', 'b': 'kept\\n'}
    """
    bare = _cut_comments(text) if "#" in text else text
    if not _printable(bare) or _declined(bare):
        return None
    data = _read(text)
    if data is None or (bare is not text and _read(bare) != data):
        return None
    kinds = _scalar_kinds(data)
    if kinds is None or ((int in kinds or float in kinds) and _number_forms(bare)):
        return None
    return data


def _cut_comments(text: str) -> str:
    """The text less its comments: from a ``#`` at the start of a line or after a space
    to the end of the line.

    >>> _cut_comments("# top\\na: b  # c\\nd: e#f\\n")
    '\\na: b  \\nd: e#f\\n'
    """
    parts: list[str] = []
    at = 0
    while (mark := text.find("#", at)) >= 0:
        if mark and text[mark - 1] not in " \n":
            parts.append(text[at : mark + 1])
            at = mark + 1
            continue
        parts.append(text[at:mark])
        end = text.find("\n", mark)
        at = len(text) if end < 0 else end
    parts.append(text[at:])
    return "".join(parts)


def _read(text: str) -> Any | None:
    """The document yaml-rs reads, aliases refused and dates kept as text; None when it
    does not parse (or is empty, which the strict loader reads too).

    >>> _read("a: 2025-03-24\\n"), _read("a: [\\n"), _read("a: &x 1\\nb: *x\\n")
    ({'a': '2025-03-24'}, None, None)
    """
    import yaml_rs  # only for YAML: JSON and the start-up do without it

    try:
        no_aliases = yaml_rs.AliasLimits(max_total_replayed_events=0)
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=no_aliases)
    except (ValueError, RecursionError, OverflowError):
        return None


def _number_forms(text: str) -> bool:
    """Whether a word where a scalar may start holds one of :data:`NUMBER_FORMS`: a run of
    characters other than spaces, line breaks, commas and brackets that starts, or has a
    ``:`` after which it goes on, with a sign, a dot, an underscore or a digit before
    the form (as every number does: the forms inside a web address or a name do not
    count).

    >>> _number_forms("a: 1e5\\n"), _number_forms("url: https://x.jp/a_1.html\\n")
    (True, False)
    >>> _number_forms("a: [x, -_1]\\n"), _number_forms("a: x:0o7\\n")
    (True, True)
    """
    for at in (found.start() for part in _NUMBER_PARTS for found in part.finditer(text)):
        line = text.rfind("\n", 0, at) + 1
        word = max(text.rfind(c, line, at) for c in " ,[]{}") + 1 or line
        starts = [word] + [word + i + 1 for i, c in enumerate(text[word:at]) if c == ":"]
        if any(text[k] in _NUMBER_START for k in starts if k <= at):
            return True
    return False


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
    >>> _declined("a: >-\\n  b\\n"), _declined("a: >2\\n  b\\n"), _declined("a: |\\n")
    (False, True, True)
    """
    return (
        text.startswith(("---", "...", *"!&*|>%@`?:"))
        or any(part in text for part in _ANYWHERE)
        or (("\\" in text or "?" in text) and _SUSPECT.search(text) is not None)
        or _COLON_FLOW.search(text) is not None
        or (_TOKEN_ANY.search(text) is not None and _TOKEN_START.search(text) is not None)
        or _EMPTY_LAST_BLOCK.search(text.rstrip(" \n")[-3:]) is not None
        or _flow_spans_lines(text)
    )


def _flow_spans_lines(text: str) -> bool:
    """Whether a flow collection (``{...}``, ``[...]``) is left open at the end of a line
    other than after a ``,`` or on a line not indented more deeply than the one it opened
    on (the loaders differ on how such a continuation may be written), or brackets do
    not pair up.  Brackets inside quotes count too, which only declines more.

    >>> _flow_spans_lines("a: {b: [1], c: {d: 3}}\\n"), _flow_spans_lines("a: {b: 1,\\n c: 2}\\n")
    (False, False)
    >>> _flow_spans_lines("a: {b: 1\\n c: 2}\\n"), _flow_spans_lines(" - {b: 1,\\n c: 2}\\n")
    (True, True)
    """
    flow = _NOT_FLOW.sub("", text)
    while True:
        paired = flow.replace("{}", "").replace("[]", "")
        if paired == flow:
            return bool(paired.strip("\n")) and _open_at_line_end(text)
        flow = paired


def _open_at_line_end(text: str) -> bool:
    """The check of :func:`_flow_spans_lines` of each outermost flow collection, for text
    whose flow collections do not all close on the line they open on."""
    depth = opened = 0
    for bracket in _BRACKET.finditer(text):
        if bracket.group() in "[{":
            depth += 1
            if depth == 1:
                opened = bracket.start()
            continue
        depth -= 1
        if depth < 0:
            return True
        if depth == 0 and _badly_continued(text, opened, bracket.end()):
            return True
    return depth != 0


def _badly_continued(text: str, start: int, end: int) -> bool:
    """Whether the flow collection ``text[start:end]`` goes on over lines other than after
    a ``,`` onto a line indented more deeply than its first, or holds a ``?`` there.

    >>> for text in ["  - {a: 1,\\n     b: 2}\\n", "  - {a: 1\\n     b: 2}\\n"]:
    ...     print(_badly_continued(text, 4, text.index("}") + 1))
    False
    True
    """
    if "\n" not in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    first, *rest = text[line_start:end].split("\n")
    opened_at = len(first) - len(first.lstrip(" "))
    return (
        "?" in text[start:end]
        or not all(line.rstrip(" ").endswith(",") for line in (first, *rest[:-1]))
        or any(len(line) - len(line.lstrip(" ")) <= opened_at for line in rest)
    )


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
