"""How long the lists of the report and of ``compare`` grow: the most rows, items and names
shown of one list, and the words for the rest.

An order of battle of tens of thousands of units has thousands of single points of
failure and cut nodes, and a node whose loss cuts off most of them; the report's page and
the text of ``compare`` name the first of each list and count the rest (the shipped models
stay well within the limits, so everything of theirs is shown; ``--json`` stays whole).

Example
-------
>>> from c2graph.messages import messages
>>> named(messages("en"), ["c", "a", "b"], limit=2)
'a, b … and 1 more'
>>> named(messages("ja"), ["c", "a", "b"])
'a、b、c'
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import TypeVar

from .messages import Messages

__all__ = ["LISTED", "NAMED", "joined", "kept", "more", "named"]

T = TypeVar("T")

#: The most rows of one group of a table, or items of one list, shown.
LISTED = 50
#: The most names given in one cell or sentence.
NAMED = 50


def kept(items: Sequence[T], limit: int | None = None) -> tuple[Sequence[T], int]:
    """Return the first ``limit`` (default :data:`LISTED`) items and how many are left out.

    >>> kept("abcde", 3)
    ('abc', 2)
    """
    most = LISTED if limit is None else limit
    return items[:most], max(len(items) - most, 0)


def more(msg: Messages, count: int) -> str:
    """``… and 1,234 more``, for the items of a list left out.

    >>> from c2graph.messages import messages
    >>> more(messages("en"), 1234)
    '… and 1,234 more'
    """
    return msg("more.items", count=f"{count:,}")


def named(msg: Messages, names: Iterable[str], *, limit: int | None = None) -> str:
    """The names sorted and joined as a list; beyond ``limit`` (default :data:`NAMED`),
    the first ``limit`` and how many more."""
    every = list(names)
    most = NAMED if limit is None else limit
    if len(every) <= most:
        return msg.join(sorted(every))
    return joined(msg, heapq.nsmallest(most, every), len(every) - most)


def joined(msg: Messages, names: Sequence[str], left: int = 0) -> str:
    """The names joined as a list, in their order, and ``left`` more when some are left out.

    >>> from c2graph.messages import messages
    >>> joined(messages("ja"), ["b", "a"], 3)
    'b、a…ほか3'
    """
    if not left:
        return msg.join(names)
    return msg("more.names", names=msg.join(names), count=f"{left:,}")
