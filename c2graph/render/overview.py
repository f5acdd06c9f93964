"""Overviews of large orders of battle: the units below a depth folded into their formation.

A chart of thousands of units cannot be read on a slide (nor laid out in seconds). Above
:data:`FOLD_ABOVE` drawn nodes, a panel keeps the headquarters, authorities, bodies and
formations down to a depth below the top of their chain of command, and folds every unit
further down into the box of its formation at that depth, which says how many units it
holds. The depth is the deepest at which a panel keeps at most :data:`BOX_BUDGET` boxes
(what a 13.33 x 7.5 in slide holds with names of 7 pt or more: ``benchmarks/schematics.py``),
unless one is asked for.

A unit's formation is its superior by the strongest authority it holds from one
(:data:`c2graph.vocabulary.AUTHORITY_ORDER`, the first such link in file order on a tie):
the command tree of FM 6-0's task organisation, in which every unit has one parent. A
node with no superior is a top (depth 0); a cycle of authority is cut at the node where
it is found. Links between two kept nodes are drawn as they are; links with a folded end
become bundles, one per pair of boxes and relation, counting their links; links inside one
box are not drawn. The bundles drawn are the :data:`BUNDLE_BUDGET` largest, those across
nations or of the coordination class first.

References
----------
Department of the Army, FM 6-0 *Commander and Staff Organization and Operations* (2022),
ch. 4 (task organisation: each unit under one commander).

Example
-------
>>> from c2graph import load_model_data
>>> from c2graph.synthetic import generate
>>> model = load_model_data(generate(40))
>>> links = list(model.links_in("peacetime"))
>>> ranks = command_ranks(list(model.nodes), links)
>>> folded = fold(ranks, links, 2)
>>> sorted(folded.boxes)[:4], folded.units
(['al-acm', 'al-bjocc', 'al-bocc', 'jp-0'], 20)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..messages import Messages, interface
from ..model import Link, Model
from ..vocabulary import AUTHORITY_ORDER, AUTHORITY_RELATIONS, NODE_KINDS

__all__ = [
    "BOX_BUDGET",
    "BUNDLE_BUDGET",
    "FOLD_ABOVE",
    "Bundle",
    "Folded",
    "Ranks",
    "bundle_title",
    "command_ranks",
    "fold",
    "fold_depth",
    "gathered_marks",
    "holds_text",
    "holds_title",
    "overview_note",
]

#: A panel of more drawn nodes than this is folded unless every unit is asked for: the
#: shipped models (at most 52 nodes) are drawn whole, a generated 1,000-unit order of
#: battle is not (laid out whole it is 20,749 pt wide: 21 slides).
FOLD_ABOVE = 150
#: The most boxes an overview keeps when it chooses its depth. Generated models folded
#: at the depth this gives fit a slide with names of 7 pt or more (10,000 and 100,000
#: units: 17 boxes, 9.8 pt); one nation of 10,000 units at depth 3 keeps 41 boxes and
#: would fit at 6.9 pt only, so the budget is 40 (``benchmarks/schematics.py`` measures).
BOX_BUDGET = 40
#: The most link bundles (between boxes, with a folded end) one panel draws.
BUNDLE_BUDGET = 20

_RANK = {relation: rank for rank, relation in enumerate(AUTHORITY_ORDER)}


@dataclass(frozen=True)
class Ranks:
    """Each node's formation (the superior it folds into), its depth below its top, and
    the nodes in an order that puts every formation before the units under it."""

    parent: dict[str, str]
    depth: dict[str, int]
    order: tuple[str, ...]

    def boxes_at(self, depth: int) -> int:
        """How many nodes a fold at ``depth`` keeps.

        >>> Ranks({"b": "a"}, {"a": 0, "b": 1}, ("a", "b")).boxes_at(0)
        1
        """
        return sum(1 for d in self.depth.values() if d <= depth)


def command_ranks(nodes: Sequence[str], links: Sequence[Link]) -> Ranks:
    """The formation and depth of each of ``nodes`` by the authority ``links`` among them.

    Parameters
    ----------
    nodes
        The node ids, in file order (the order ties and cycles are resolved in).
    links
        The panel's links; only authority links between two of ``nodes`` count.

    Examples
    --------
    >>> from c2graph.model import Link
    >>> links = [Link("a->b", "a", "b", "adcon", frozenset()),
    ...          Link("c->b", "c", "b", "opcon", frozenset()),
    ...          Link("a->c", "a", "c", "command", frozenset())]
    >>> ranks = command_ranks(["a", "b", "c"], links)
    >>> ranks.parent, ranks.depth, ranks.order
    ({'b': 'c', 'c': 'a'}, {'a': 0, 'c': 1, 'b': 2}, ('a', 'c', 'b'))
    """
    known = set(nodes)
    best: dict[str, int] = {}
    parent: dict[str, str] = {}
    rank_of = _RANK.get
    for link in links:
        rank = rank_of(link.relation)
        if rank is None:
            continue
        tail, head = link.from_node, link.to_node
        if rank < best.get(head, len(_RANK)) and tail != head and tail in known and head in known:
            best[head] = rank
            parent[head] = tail
    depth: dict[str, int] = {}
    order: list[str] = []
    for node in nodes:
        if node in depth:
            continue
        up = parent.get(node)
        if up is None or up in depth:  # a top, or its formation already placed
            depth[node] = 0 if up is None else depth[up] + 1
            order.append(node)
            continue
        chain: list[str] = []
        on_chain: set[str] = set()
        current = node
        while current not in depth and current not in on_chain:
            chain.append(current)
            on_chain.add(current)
            if current not in parent:
                break
            current = parent[current]
        if current in depth:
            base = depth[current]
        else:  # a top, or a cycle: cut at the last node reached
            parent.pop(chain[-1], None)
            base = -1
        for member in reversed(chain):
            base += 1
            depth[member] = base
            order.append(member)
    return Ranks(parent, depth, tuple(order))


def fold_depth(ranks: Sequence[Ranks], budget: int | None = None) -> int | None:
    """The deepest depth at which every panel keeps at most ``budget`` boxes
    (:data:`BOX_BUDGET` unless given; 0 when even the tops are more), or ``None`` when
    every panel keeps all its nodes at that depth (there is nothing to fold).

    >>> ranks = Ranks({"b": "a", "c": "a"}, {"a": 0, "b": 1, "c": 1}, ("a", "b", "c"))
    >>> fold_depth([ranks], budget=2), fold_depth([ranks], budget=3)
    (0, None)
    """
    budget = BOX_BUDGET if budget is None else budget
    deepest = max((d for r in ranks for d in r.depth.values()), default=0)
    counts = [[0] * (deepest + 1) for _ in ranks]
    for count, rank in zip(counts, ranks, strict=True):
        for d in rank.depth.values():
            count[d] += 1
    chosen = 0
    for depth in range(deepest + 1):
        if all(sum(count[: depth + 1]) <= budget for count in counts):
            chosen = depth
    return None if chosen == deepest else chosen


@dataclass(frozen=True)
class Bundle:
    """The links of one relation from the units of box ``tail`` to those of box ``head``
    (either end may be the box's own node), drawn as one line."""

    tail: str
    head: str
    relation: str
    links: tuple[Link, ...]

    @property
    def key(self) -> str:
        """The bundle's id among the chart's links (no link key has ``=>``)."""
        return f"{self.tail}=>{self.head}:{self.relation}"


@dataclass(frozen=True)
class Folded:
    """One panel folded at ``depth``: the box of every node (itself when kept), the
    nodes each box holds, the links drawn as they are, the bundles drawn and how many
    were left out."""

    depth: int
    box: dict[str, str]
    holds: dict[str, tuple[str, ...]]
    links: tuple[Link, ...]
    bundles: tuple[Bundle, ...]
    left_out: int

    @property
    def boxes(self) -> frozenset[str]:
        """The nodes kept as boxes."""
        return frozenset(node for node, box in self.box.items() if node == box)

    @property
    def units(self) -> int:
        """How many nodes are folded into a box."""
        return sum(len(held) for held in self.holds.values())


def fold(
    ranks: Ranks,
    links: Sequence[Link],
    depth: int,
    *,
    nation: Mapping[str, str] | None = None,
    budget: int = BUNDLE_BUDGET,
) -> Folded:
    """Fold the nodes deeper than ``depth`` into their formation at ``depth``.

    Parameters
    ----------
    ranks
        The panel's :func:`command_ranks`.
    links
        The panel's drawn links, in file order.
    depth
        The deepest nodes kept as boxes (0: only the tops).
    nation
        Each node's nation: bundles across nations are drawn before the others of
        their class (none is across nations without it).
    budget
        The most bundles drawn (:data:`BUNDLE_BUDGET`).

    Examples
    --------
    >>> from c2graph.model import Link
    >>> links = [Link("a->b", "a", "b", "command", frozenset()),
    ...          Link("b->c", "b", "c", "command", frozenset()),
    ...          Link("x->c", "x", "c", "support", frozenset())]
    >>> folded = fold(command_ranks(["a", "b", "c", "x"], links), links, 1)
    >>> folded.holds, [link.key for link in folded.links], [b.key for b in folded.bundles]
    ({'b': ('c',)}, ['a->b'], ['x=>b:support'])
    """
    box: dict[str, str] = {}
    holds: dict[str, list[str]] = {}
    levels, parent = ranks.depth, ranks.parent
    for node in ranks.order:
        if levels[node] <= depth:
            box[node] = node
        else:
            held = box[node] = box[parent[node]]
            holds.setdefault(held, []).append(node)
    direct: list[Link] = []
    groups: dict[tuple[str, str, str], list[Link]] = {}
    for link in links:
        tail, head = box[link.from_node], box[link.to_node]
        if tail == link.from_node and head == link.to_node:
            direct.append(link)
        elif tail != head:
            groups.setdefault((tail, head, link.relation), []).append(link)
    nations = nation or {}

    def weight(bundle: Bundle) -> tuple[bool, int, str]:
        across = nations.get(bundle.tail) != nations.get(bundle.head)
        usual = bundle.relation in AUTHORITY_RELATIONS and not across
        return (usual, -len(bundle.links), bundle.key)

    bundles = sorted(
        (Bundle(t, h, r, tuple(found)) for (t, h, r), found in groups.items()), key=weight
    )
    return Folded(
        depth,
        box,
        {node: tuple(held) for node, held in holds.items()},
        tuple(direct),
        tuple(bundles[:budget]),
        max(0, len(bundles) - budget),
    )


def gathered_marks(marks: Mapping[str, set[str]], box: Mapping[str, str]) -> dict[str, set[str]]:
    """The overlay marks of each box: its own and those of every unit it holds.

    >>> gathered_marks({"c": {"path"}, "a": {"bottleneck"}}, {"a": "a", "b": "b", "c": "b"})
    {'b': {'path'}, 'a': {'bottleneck'}}
    """
    gathered: dict[str, set[str]] = {}
    for node, found in marks.items():
        if node in box:
            gathered.setdefault(box[node], set()).update(found)
    return gathered


def holds_text(count: int, msg: Messages) -> str:
    """The line of a box that says how many units it holds.

    >>> holds_text(1234, interface(None)), holds_text(1, interface("ja"))
    ('1,234 units', '1部隊')
    """
    return msg("chart.holds" if count != 1 else "chart.holds_one", count=f"{count:,}")


def holds_title(kinds: Sequence[str], msg: Messages) -> str:
    """The hover line of a box: how many units it holds, of each kind.

    >>> holds_title(["unit", "component", "unit"], interface(None))
    'holds 3 units: component × 1, unit × 2'
    """
    counts = {kind: kinds.count(kind) for kind in NODE_KINDS if kind in kinds}
    each = msg.join(f"{msg.kind(kind)} × {n:,}" for kind, n in counts.items())
    return msg("chart.holds_kinds", count=f"{len(kinds):,}", kinds=each)


def bundle_title(model: Model, bundle: Bundle, lang: str | None) -> str:
    """The hover text of a bundle: its boxes, relation and how many links it holds.

    >>> from c2graph.model import Link
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> links = (Link("x", "kr-jcs", "al-cfc", "coordination", frozenset()),) * 2
    >>> bundle_title(model, Bundle("kr-jcs", "al-cfc", "coordination", links), None)
    'ROK JCS → CFC: coordination × 2, from or to the units each holds'
    """
    msg = interface(lang)
    return msg(
        "chart.bundle",
        tail=msg.node(model, bundle.tail),
        head=msg.node(model, bundle.head),
        count=f"{len(bundle.links):,}",
        relation=msg.relation(bundle.relation),
    )


def overview_note(folds: Sequence[Folded], msg: Messages) -> str:
    """The subtitle's note of an overview: its depth, the units folded (of one panel),
    and the bundles left out.

    >>> folded = Folded(2, {}, {"a": ("b", "c")}, (), (), 12)
    >>> overview_note([folded], interface(None))
    'overview to depth 2: 2 units counted in their formation; 12 link bundles not drawn'
    """
    if len(folds) == 1:
        note = msg("chart.overview", depth=folds[0].depth, units=f"{folds[0].units:,}")
    else:
        note = msg("chart.overview_panels", depth=folds[0].depth)
    left = sum(f.left_out for f in folds)
    return note + (msg("chart.bundles_left", count=f"{left:,}") if left else "")
