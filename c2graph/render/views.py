"""Views of a chart: which links and nodes one phase panel keeps (focus, nations, layer, hide).

A view never changes the model: it selects. Links are kept by layer
(:data:`c2graph.vocabulary.LAYER_RELATIONS`) and by what is hidden; ``member`` links are
never drawn as lines but listed in the body they belong to (unless ``membership`` is
hidden). With a focus node, a panel keeps the node's chains of command up to the top, its
subordinates down to ``depth`` authority steps, and the nodes joined to it by a
coordination-class link (counterparts, coordination, liaison, support, the bodies it sits
in). Nodes that lose every link to a view's filters are dropped with them.

Example
-------
>>> view = View.checked(layer="operational", hide=("membership",))
>>> view.keeps("opcon"), view.keeps("adcon"), view.lists_members
(True, False, False)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import QueryError
from ..model import Link, Model
from ..vocabulary import AUTHORITY_RELATIONS, RELATIONS, Layer

__all__ = ["HIDE_CHOICES", "LAYERS", "View", "focus_nodes", "phase_links"]

#: What ``hide`` accepts: the member lists, or every relation of a layer.
HIDE_CHOICES: tuple[str, ...] = ("membership", *(layer.value for layer in Layer))
#: The layer names ``layer`` accepts.
LAYERS: tuple[str, ...] = tuple(layer.value for layer in Layer)
_DEFAULT_DEPTH = 2


@dataclass(frozen=True)
class View:
    """What a chart keeps: a focus node and depth, nations, one layer, and what is hidden."""

    focus: str | None = None
    depth: int = _DEFAULT_DEPTH
    nations: frozenset[str] | None = None
    layer: Layer | None = None
    hide: frozenset[str] = frozenset()

    @classmethod
    def checked(
        cls,
        *,
        focus: str | None = None,
        depth: int | None = None,
        nations: Iterable[str] | None = None,
        layer: str | None = None,
        hide: Iterable[str] = (),
    ) -> View:
        """Return the view, each option checked (raises :class:`QueryError` naming the
        accepted values).

        Examples
        --------
        >>> View.checked(hide=["coordination"]).hide
        frozenset({'coordination'})
        >>> View.checked(layer="ops")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        c2graph.errors.QueryError: unknown layer 'ops'; use one of operational, administrative, ...
        """
        if depth is not None and depth < 0:
            raise QueryError(f"the depth must be 0 or more, not {depth}")
        if layer is not None and layer not in LAYERS:
            raise QueryError(f"unknown layer {layer!r}; use one of {', '.join(LAYERS)}")
        hidden = frozenset(hide)
        for item in sorted(hidden - set(HIDE_CHOICES)):
            raise QueryError(f"cannot hide {item!r}; use one or more of {', '.join(HIDE_CHOICES)}")
        chosen = None if nations is None else frozenset(nations)
        if chosen is not None and not chosen:
            raise QueryError("the list of nations is empty")
        return cls(
            focus,
            _DEFAULT_DEPTH if depth is None else depth,
            chosen,
            Layer(layer) if layer else None,
            hidden,
        )

    @property
    def filters(self) -> bool:
        """True when the view drops links by layer, by what is hidden or by a focus."""
        return self.layer is not None or bool(self.hide) or self.focus is not None

    @property
    def lists_members(self) -> bool:
        """True when bodies list their members (membership is neither hidden nor outside
        the chosen layer)."""
        return "membership" not in self.hide and self._shows(RELATIONS["member"].layer)

    def _shows(self, layer: Layer) -> bool:
        return self.layer is None or layer is self.layer

    def keeps(self, relation: str) -> bool:
        """True when links of ``relation`` are drawn as lines in this view (``member``
        links never are: bodies list their members).

        >>> View().keeps("member"), View(hide=frozenset({"coordination"})).keeps("liaison")
        (False, False)
        """
        layer = RELATIONS[relation].layer
        return relation != "member" and self._shows(layer) and layer.value not in self.hide


def focus_nodes(links: Sequence[Link], focus: str, depth: int) -> set[str]:
    """The nodes a focused panel keeps: ``focus``, every authority superior up to the top,
    its subordinates down to ``depth`` steps, and the nodes joined to it by any other link.

    Examples
    --------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> sorted(focus_nodes(list(model.links_in("wartime")), "kr-jcs", 1))
    ['al-mcm', 'kr-jcs', 'kr-mnd', 'kr-president']
    """
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for link in links:
        if link.relation in AUTHORITY_RELATIONS:
            up.setdefault(link.to_node, []).append(link.from_node)
            down.setdefault(link.from_node, []).append(link.to_node)
    kept = _within(up, focus, None) | _within(down, focus, depth)
    for link in links:
        if link.relation not in AUTHORITY_RELATIONS and focus in (link.from_node, link.to_node):
            kept |= {link.from_node, link.to_node}
    return kept


def _within(steps: dict[str, list[str]], start: str, depth: int | None) -> set[str]:
    """``start`` and the nodes ``steps`` reach from it in at most ``depth`` steps (any
    number when ``None``), breadth first.

    >>> sorted(_within({"a": ["b"], "b": ["c"]}, "a", 1))
    ['a', 'b']
    """
    found = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if depth is not None and found[node] >= depth:
            continue
        for nxt in steps.get(node, ()):
            if nxt not in found:
                found[nxt] = found[node] + 1
                queue.append(nxt)
    return set(found)


def phase_links(model: Model, phase: str, present: set[str]) -> list[Link]:
    """The links of ``phase`` whose both ends are in ``present``, in file order."""
    return [
        link
        for link in model.links_in(phase)
        if link.from_node in present and link.to_node in present
    ]
