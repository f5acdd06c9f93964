"""Walks over plain adjacency dicts, shared by the analyses on networkx graphs (whose
``_pred`` is such a dict) and those on plain dicts (:mod:`c2graph.analysis.plainpaths`).

Example
-------
>>> pred = {"pm": {}, "hq": {"pm": {}}, "u": {"hq": {}}}
>>> chains: dict[str, tuple[str, ...]] = {}
>>> composed_upward(pred, "u", chains, lambda n, ups: (*[c for u in ups for c in chains[u]], n))
('pm', 'hq', 'u')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

__all__ = ["composed_upward"]

_Value = TypeVar("_Value")


def composed_upward(
    pred: Mapping[str, Mapping[str, Any]],
    node: str,
    memo: dict[str, _Value],
    compose: Callable[[str, Mapping[str, Any]], _Value],
) -> _Value:
    """Return ``memo[node]``, filling ``memo`` for ``node`` and every node above it: each
    node's value is ``compose(node, its superiors)``, called once its superiors' values are
    in ``memo`` (a post-order walk over an acyclic graph, without recursion, so a chain
    of any depth is fine).

    Example
    -------
    >>> pred = {"pm": {}, "hq": {"pm": {}}, "u": {"hq": {}, "pm": {}}}
    >>> depth: dict[str, int] = {}
    >>> composed_upward(pred, "u", depth, lambda n, ups: max([depth[u] + 1 for u in ups] or [0]))
    2
    >>> depth
    {'pm': 0, 'hq': 1, 'u': 2}
    """
    stack = [node]
    while stack:
        current = stack[-1]
        if current in memo:
            stack.pop()
            continue
        uppers = pred[current]
        pending = [upper for upper in uppers if upper not in memo]
        if pending:
            stack.extend(pending)
            continue
        memo[current] = compose(current, uppers)
        stack.pop()
    return memo[node]
