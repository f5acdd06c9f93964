"""YAML syntax errors in plain words, on the line that is wrong.

PyYAML reports where its parser gave up, in the parser's words ("did not find expected '-'
indicator"), which is often the line after a mistake of indentation, or the end of the
file for a bracket or quote left open. :func:`explain` rewords the common errors and,
for indentation, works out from the lines above which line does not line up.

Example
-------
>>> import yaml
>>> text = "nodes:\\n  - id: a\\n  name: A\\n"
>>> try:
...     yaml.safe_load(text)
... except yaml.MarkedYAMLError as exc:
...     print(explain(exc, text))
(3, "this key is indented like the '-' of the list above it (2 spaces): indent it 4 \
spaces, like the keys of its item, or start a new item with '- '")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

__all__ = ["explain"]

#: What the parser says when a line does not fit the block structure around it.
_BLOCK_ERRORS = (
    "did not find expected '-' indicator",
    "did not find expected key",
    "mapping values are not allowed",
    "could not find expected ':'",
    "expected <block end>",
)
_BLOCK_SCALAR = re.compile(r"(?:^|:\s|-\s)\s*[|>][-+0-9]*\s*(?:#.*)?$")
_KEY = re.compile(r"""^(?:[^\s'"#\-\[\]{}][^#]*?|'[^']*'|"[^"]*")\s*:(?:\s|$)""")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str] | None:
    """Return the line and plain-words message of a YAML syntax error, if it is a known one.

    Parameters
    ----------
    exc
        The error PyYAML raised.
    text
        The text it was reading (lines ended by ``\\n``).

    Returns
    -------
    tuple or None
        The 1-based line that is wrong and what to do about it; None for other errors.
    """
    problem = exc.problem or ""
    mark = exc.problem_mark
    if mark is None:
        return None
    line = text.count("\n", 0, mark.index) + 1  # lines end at \n alone, as editors count
    if "tab" in problem or _char_at(text, mark.index) == "\t":
        return line, "a tab indents this line: indent with spaces only"
    context = exc.context or ""
    start = exc.context_mark
    opened = text.count("\n", 0, start.index) + 1 if start is not None else line
    if context.startswith("while parsing a flow") and opened < line:
        bracket = "list ('[')" if "sequence" in context else "mapping ('{')"
        closing = "]" if "sequence" in context else "}"
        return opened, (
            f"the {bracket} opened on this line is not closed: add '{closing}', or a ',' "
            "between its items"
        )
    if context.startswith("while scanning a quoted scalar") and opened < line:
        return opened, "the text quoted on this line is not closed: add the closing quote"
    if any(words in problem for words in _BLOCK_ERRORS):
        glued = _glued_key(text, line)
        if glued is not None:
            return glued, "a ':' after a key needs a space after it ('name: x', not 'name:x')"
        return _Lines(text, line).explain("mapping values" in problem)
    return None


#: A line starting with a key glued to its value (``name:x``), not a URL or a time.
_GLUED = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s/:]")


def _glued_key(text: str, line: int) -> int | None:
    """The first line up to ``line`` whose key has no space after its ':', if any."""
    for number, content in enumerate(text.split("\n")[:line], start=1):
        if _GLUED.match(content) and not _KEY.match(content.lstrip(" -")):
            return number
    return None


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


@dataclass
class _Level:
    """An open block: its indentation and whether it holds '-' items or keys."""

    indent: int
    items: bool


class _Lines:
    """The block structure of the lines before an error, and what is wrong with the line."""

    def __init__(self, text: str, line: int) -> None:
        self.lines = text.split("\n")
        self.line = line  # the line the parser stopped at, 1-based
        self.levels: list[_Level] = [_Level(0, False)]
        self.opens: int | None = None  # the indentation of a line that opens a block
        self.scalar: int | None = None  # the indentation of a block scalar's key

    def explain(self, colon: bool) -> tuple[int, str]:
        """The wrong line (the parser's, or the one before it) and why; ``colon`` says the
        parser met a ':' it did not expect."""
        content = [n for n in range(1, self.line) if self._content(n) is not None]
        before: list[_Level] = []
        for number in content:
            before = [_Level(level.indent, level.items) for level in self.levels]
            self._take(number)
        found = self._judge(self.line)
        if found is None and colon:
            return self.line, (
                "a ':' followed by a space where a value is read: put the value in quotes "
                '(note: "a: b")'
            )
        if found is None:
            return self.line, self._generic()
        previous = content[-1] if content else None
        if previous is not None and self._lone_dedent(previous, before):
            return previous, self._dedent_message(previous, before)
        return self.line, found

    def _content(self, number: int) -> str | None:
        """The text of a line that holds structure, or None (blank, comment, marker)."""
        if number > len(self.lines):
            return None
        text = self.lines[number - 1]
        stripped = text.strip()
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            return None
        return text

    def _indent(self, number: int) -> int:
        text = self.lines[number - 1]
        return len(text) - len(text.lstrip(" "))

    def _take(self, number: int) -> None:
        """Update the open blocks with one line that parsed."""
        text = self.lines[number - 1]
        indent = self._indent(number)
        if self.scalar is not None and indent > self.scalar:
            return  # inside a block scalar
        self.scalar = None
        if self.opens is not None and indent > self.opens:
            self.levels.append(_Level(indent, False))
        while len(self.levels) > 1 and self.levels[-1].indent > indent:
            self.levels.pop()
        body = text.strip()
        is_item = body == "-" or body.startswith("- ")
        if self.levels[-1].indent < indent or (
            is_item and self.levels[-1].indent == indent and not self.levels[-1].items
        ):
            self.levels.append(_Level(indent, is_item))
        else:
            self.levels[-1].items = is_item
        key_at = indent
        if is_item:
            rest = body[1:].lstrip(" ")
            key_at = indent + len(body) - len(rest)
            if rest:
                self.levels.append(_Level(key_at, False))
            body = rest
        self.opens = key_at if (not body or body.endswith(":")) else None
        if _BLOCK_SCALAR.search(body):
            self.scalar, self.opens = key_at, None

    def _judge(self, number: int) -> str | None:
        """Why the line at ``number`` does not fit the blocks open above it, if it does not."""
        if self._content(number) is None:
            return None
        indent = self._indent(number)
        body = self.lines[number - 1].strip()
        is_item = body == "-" or body.startswith("- ")
        if self.opens is not None and indent > self.opens:
            return None
        if self.opens is None and indent > self.levels[-1].indent:
            above = self.levels[-1].indent
            return (
                f"this line is indented more than the line above it ({_n_spaces(indent)}, "
                f"not {above}), which opens no block: indent it {_n_spaces(above)}, or put "
                "text holding ': ' in quotes"
            )
        levels = [level for level in self.levels if level.indent <= indent]
        level = levels[-1]
        if level.indent != indent:
            return (
                f"this line is indented {_n_spaces(indent)}, which lines up with no line "
                f"above it (they use {_spaces(self.levels)}): indent it like the keys or '-' "
                "items it belongs with"
            )
        if is_item and not level.items:
            items = [lv.indent for lv in self.levels if lv.items]
            where = f"indent it {_n_spaces(items[-1])}, like" if items else "line it up with"
            return (
                f"this '-' item is indented like the keys above it ({_n_spaces(indent)}): "
                f"{where} the other items of its list"
            )
        if not is_item and level.items and _KEY.match(body):
            keys = [lv.indent for lv in self.levels if lv.indent > indent and not lv.items]
            width = keys[0] if keys else indent + 2
            return (
                f"this key is indented like the '-' of the list above it ({_n_spaces(indent)}):"
                f" indent it {_n_spaces(width)}, like the keys of its item, or start a new "
                "item with '- '"
            )
        return None

    def _lone_dedent(self, number: int, before: list[_Level]) -> bool:
        """True when the line at ``number`` stepped back, and the next steps in again to a
        block open before it: that one line is out of place."""
        indent, after = self._indent(number), self._indent(self.line)
        deepest = before[-1].indent if before else 0
        return indent < deepest and indent < after and any(lv.indent == after for lv in before)

    def _dedent_message(self, number: int, before: list[_Level]) -> str:
        keys = [lv.indent for lv in before if not lv.items]
        return (
            f"this line is indented less ({_n_spaces(self._indent(number))}) than the lines "
            f"around it: indent it {_n_spaces(keys[-1])}, like the keys of its item"
        )

    def _generic(self) -> str:
        return (
            "this line does not line up with the lines above it: indent each key like the "
            "other keys of its item, and each '-' item like the other items of its list"
        )


def _spaces(levels: list[_Level]) -> str:
    """The indentations of the open blocks, as words: ``0, 2 or 4 spaces``."""
    shown = [str(w) for w in sorted({level.indent for level in levels})]
    words = ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else shown[0]
    return f"{words} space{'' if words == '1' else 's'}"


def _n_spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"
