"""Where an item stands in YAML written one item a line, found without composing the text.

:class:`~c2graph.modelfile.parsing.LineIndex` locates a problem by composing the text with
marks, which takes seconds on an order of battle of 100,000 units, and a valid model's
warnings need lines too. YAML as ``c2graph generate`` writes it (:func:`c2graph.synthetic.to_yaml`)
puts each top-level key, and each list item as one flow mapping, on a line of its own, with
every value a JSON scalar (or a one-line list or mapping of them). :class:`ItemLines`
checks that the text is that, line by line, with one regular expression; in such text
every item, and every key below it, stands on the line of its ``- `` or of its top-level
key, as composing would find it. Text of any other form is left to composing.

Example
-------
>>> text = 'name: "m"\\nnodes:\\n  - {id: "a"}\\n  - {id: "b", kind: "unit"}\\n'
>>> text.count("\\n", 0, ItemLines(text).offset_of(("nodes", 1, "kind"))) + 1
4
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

__all__ = ["ItemLines"]

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
#: A JSON string without escapes, of characters YAML reads as they are written.
_TEXT = r'"[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"'
_SCALAR = rf"(?:{_TEXT}|-?[0-9]+(?:\.[0-9]+)?|true|false|null)"
_LIST = rf"\[(?:{_SCALAR}(?:, {_SCALAR})*)?\]"
_PAIRS = rf"(?:(?:{_KEY}|{_TEXT}): {_SCALAR}(?:, (?:{_KEY}|{_TEXT}): {_SCALAR})*)?"
_VALUE = rf"(?:{_SCALAR}|{_LIST}|\{{{_PAIRS}\}})"
_FLOW_MAP = rf"\{{(?:{_KEY}: {_VALUE}(?:, {_KEY}: {_VALUE})*)?\}}"
#: The lines of the form: a top-level key with a value or none, or a list item.
_LINES = rf"(?:(?:{_KEY}:(?: {_VALUE}| {_FLOW_MAP})?|  - (?:{_FLOW_MAP}|{_VALUE}))\n)*"
_ITEM = "  - "


@cache
def _lines() -> re.Pattern[str]:
    """The compiled :data:`_LINES` (compiled when first needed: it takes 0.1 s)."""
    return re.compile(_LINES)


class ItemLines:
    """Lines of the items of a text written one item a line (see the module).

    Parameters
    ----------
    text
        A model file's text, of any form: only its leading lines of the one-item-a-line
        form are used.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._end: int | None = None

    def _form_end(self) -> int:
        """The offset where the lines of the form end (the length of the text: all are)."""
        if self._end is None:
            found = _lines().match(self._text)
            self._end = found.end() if found else 0
        return self._end

    def offset_of(self, path: Sequence[str | int]) -> int | None:
        """Return the offset of the line of the deepest item of ``path`` present, as
        composing finds it; None when the lines needed are not all of the form.

        Examples
        --------
        >>> text = 'name: "m"\\nlinks:\\n  - {from: "a", to: "b"}\\n'
        >>> lines = ItemLines(text)
        >>> [lines.offset_of(path) for path in [("links", 0, "to"), ("links", 3), ()]]
        [17, 10, 0]
        >>> ItemLines("name: m\\n").offset_of(("name",)) is None
        True
        """
        text, end = self._text, self._form_end()
        if not end or text.startswith(_ITEM):  # none of the form, or the root is a list
            return None
        whole = end == len(text)
        key = f"{path[0]}:" if path and isinstance(path[0], str) else None
        at = -1 if key is None else 0 if text.startswith(key) else text.find(f"\n{key}", 0, end)
        if at < 0:  # the path leaves the text at the root mapping
            return 0 if whole else None
        at += 0 if at == 0 else 1
        if len(path) == 1 or not isinstance(path[1], int) or path[1] < 0:
            return at  # below a top-level key, everything is on its line
        return self._item_offset(at, path[1], whole)

    def _item_offset(self, at: int, index: int, whole: bool) -> int | None:
        """The offset of item ``index`` of the list under the key at ``at``: the key's
        when it has no such item, None when the lines needed leave the form."""
        text, end = self._text, self._form_end()
        below = text.index("\n", at) + 1
        for _ in range(index):
            if below >= end or not text.startswith(_ITEM, below):
                return at if whole or below < end else None
            below = text.index("\n", below) + 1
        if below >= end:
            return at if whole else None
        return below if text.startswith(_ITEM, below) else at
