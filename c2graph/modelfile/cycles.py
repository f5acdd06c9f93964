"""Cycles of a small directed graph given as successor lists, without networkx.

The decisions' prerequisites are a handful of edges; importing networkx for them cost every
command about 0.1 s of start-up. :func:`cycles` gives, for each strongly connected component
that holds a cycle, the first cycle a depth-first search finds from the component's first
node in file order: the components in the order of networkx's
``strongly_connected_components`` (Tarjan's algorithm, R. Tarjan, "Depth-first search and
linear graph algorithms", SIAM J. Comput. 1(2), 1972, in networkx's non-recursive form) and
each cycle as ``networkx.find_cycle`` walks it (a property test holds both to networkx).

Example
-------
>>> cycles({"a": ["b"], "b": ["a"], "c": ["c"], "d": ["a"]}, ["a", "b", "c", "d"])
[['a', 'b'], ['c']]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

__all__ = ["cycles"]


def cycles(successors: Mapping[str, Sequence[str]], order: Sequence[str]) -> list[list[str]]:
    """Return one cycle per strongly connected component of ``successors`` that has one.

    Parameters
    ----------
    successors
        Each node's successors, in the order their edges were written; the mapping's order
        is the nodes' order (as a networkx graph built edge by edge would hold them).
    order
        The nodes in file order: a cycle starts at its component's earliest node.

    Returns
    -------
    list of list of str
        Each cycle's nodes, from its start when the cycle passes through it, the edge back
        to the first node implied.

    Examples
    --------
    >>> cycles({"x": ["y"], "y": ["z"], "z": ["x", "y"]}, ["z", "x", "y"])
    [['z', 'x', 'y']]
    >>> cycles({"x": ["y"], "y": []}, ["x", "y"])
    []
    """
    position = {name: i for i, name in enumerate(order)}
    found = []
    for component in _components(successors):
        if len(component) < 2 and next(iter(component)) not in successors[next(iter(component))]:
            continue
        start = min(component, key=position.__getitem__)
        cycle = _first_cycle(successors, component, start)
        turn = cycle.index(start) if start in cycle else 0
        found.append(cycle[turn:] + cycle[:turn])
    return found


def _components(successors: Mapping[str, Sequence[str]]) -> Iterator[set[str]]:
    """Strongly connected components, in networkx's order (its non-recursive Tarjan)."""
    preorder: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    found: set[str] = set()
    waiting: list[str] = []
    neighbours = {v: iter(successors[v]) for v in successors}
    for source in successors:
        if source in found:
            continue
        queue = [source]
        while queue:
            v = queue[-1]
            if v not in preorder:
                preorder[v] = len(preorder) + 1
            if any(_descend(w, preorder, queue) for w in neighbours[v]):
                continue
            low = preorder[v]
            for w in successors[v]:
                if w not in found:
                    low = min(low, lowlink[w] if preorder[w] > preorder[v] else preorder[w])
            lowlink[v] = low
            queue.pop()
            if low != preorder[v]:
                waiting.append(v)
                continue
            component = {v}
            while waiting and preorder[waiting[-1]] > preorder[v]:
                component.add(waiting.pop())
            found.update(component)
            yield component


def _descend(w: str, preorder: dict[str, int], queue: list[str]) -> bool:
    """Push ``w`` on the search queue if the search has not reached it yet."""
    if w in preorder:
        return False
    queue.append(w)
    return True


def _first_cycle(
    successors: Mapping[str, Sequence[str]], component: set[str], start: str
) -> list[str]:
    """The first cycle a depth-first search from ``start`` closes inside ``component``."""
    path = [start]
    on_path = {start}
    seen = {start}
    walks = [iter(successors[start])]
    while walks:
        for w in walks[-1]:
            if w not in component:
                continue
            if w in on_path:
                return path[path.index(w) :]
            if w not in seen:
                seen.add(w)
                path.append(w)
                on_path.add(w)
                walks.append(iter(successors[w]))
                break
        else:
            walks.pop()
            on_path.discard(path.pop())
    raise ValueError(f"no cycle through {start!r} in its component")
