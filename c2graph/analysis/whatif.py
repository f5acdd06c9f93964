"""What-if sweeps: remove each of many nodes in turn and say what each loss changes.

For every node of a selection, :func:`removal_sweep` removes that node alone from one
layer's chains of a phase and compares with the intact phase: the forces that lose every
chain of a family (:func:`~c2graph.analysis.bottlenecks.removal_impact`, e.g. cut off
from their national command), those left without any chain of the layer, and the single
points of failure (:func:`~c2graph.analysis.bottlenecks.dominators`) that appear or
disappear.  The removals are independent: with ``jobs`` above 1 they run in worker
processes, with the same answers in the same order as a serial run.

Example
-------
>>> from c2graph import load_model_data
>>> def node(id, kind):
...     return {"id": id, "name": id.upper(), "nation": "JP", "kind": kind}
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [node("pm", "political-authority"), node("a", "headquarters"),
...               node("b", "headquarters"), node("u", "unit"), node("v", "unit")],
...     "links": [{"from": "pm", "to": "a", "relation": "command"},
...               {"from": "pm", "to": "b", "relation": "command"},
...               {"from": "a", "to": "u", "relation": "opcon"},
...               {"from": "b", "to": "u", "relation": "tacon"},
...               {"from": "a", "to": "v", "relation": "opcon"}]})
>>> nodes = select_nodes(model, "kind:headquarters", phase="p")
>>> for removal in removal_sweep(model, nodes, phase="p"):
...     print(removal.node, [c.to_dict() for c in removal.cut_off],
...           [(d.node, d.units) for d in removal.appeared])
a [{'chains': 'JP', 'units': ['v']}] [('b', ('u',))]
b [] [('a', ('u',))]

References
----------
Joint Publication 1, *Doctrine for the Armed Forces of the United States* (unity of
command: every force under one responsible commander); Albert, Jeong & Barabási (2000),
"Error and attack tolerance of complex networks", Nature 406 (removing nodes one by one to
find those whose loss breaks the network); Carley et al., ORA user's guide (CMU CASOS),
"immediate impact" of removing a node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..errors import QueryError
from ..hints import did_you_mean
from ..model import Model
from ..parallel import fork_map
from ..vocabulary import NODE_KINDS
from .bottlenecks import CutOff, Dominator, family_dominators
from .graphs import phase_graphs
from .paths import DEFAULT_LAYER, authority_view
from .sovereignty import Family, families

__all__ = ["KIND_PREFIX", "Removal", "removal_sweep", "select_nodes"]

#: A selector item ``kind:KIND`` stands for every node of that kind active in the phase.
KIND_PREFIX = "kind:"

#: Reports ``(what, done, total)`` after each removal (e.g. a progress bar).
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Removal(Displayable):
    """What removing ``node`` alone changes in one layer of a phase.

    ``cut_off`` the forces that lose every chain of a family; ``stranded`` those left
    without any chain of the layer (cut off in every family that reached them);
    ``appeared`` the single points of failure that appear, each with the forces that
    depend on it only without the node (their other chains ran through the node: the
    redundancy lost); ``disappeared`` the intact phase's single points of failure that no
    longer dominate any force, with the forces they held, the node itself aside.  A removal
    only takes chains away, so a force that keeps a chain keeps every dominator it had: a
    single point of failure disappears only when every force it held is cut off.
    """

    node: str
    kind: str
    cut_off: tuple[CutOff, ...]
    stranded: tuple[str, ...]
    appeared: tuple[Dominator, ...]
    disappeared: tuple[Dominator, ...]

    @property
    def lost(self) -> int:
        """The number of forces cut off in some family."""
        return len({u for c in self.cut_off for u in c.units})

    def to_dict(self) -> dict[str, Any]:
        """Return the removal as JSON-ready data."""
        return {
            "node": self.node,
            "kind": self.kind,
            "cut_off": [c.to_dict() for c in self.cut_off],
            "stranded": list(self.stranded),
            "appeared": [d.to_dict() for d in self.appeared],
            "disappeared": [d.to_dict() for d in self.disappeared],
        }


def select_nodes(model: Model, selector: str, *, phase: str) -> tuple[str, ...]:
    """Return the nodes a selector names, sorted by id.

    The selector is a comma-separated list of node ids and ``kind:KIND`` items (every node
    of that kind active in ``phase``, e.g. ``kind:headquarters``).  Raises
    :class:`~c2graph.errors.QueryError` for an empty item, an unknown id or kind (naming
    the closest), a node not active in the phase, or a kind with no node active in it.

    Example
    -------
    >>> from c2graph import load_model
    >>> select_nodes(load_model("models/us-rok-cfc.yaml"), "kind:headquarters,kr-jcs",
    ...              phase="wartime")
    ('al-cfc', 'kr-jcs', 'un-unc', 'us-indopacom', 'us-usfk')
    """
    active = phase_graphs(model, phase).nodes
    chosen: set[str] = set()
    for item in (part.strip() for part in selector.split(",")):
        if not item:
            raise QueryError(f"empty item in the node selector {selector!r}")
        if item.startswith(KIND_PREFIX):
            chosen |= _of_kind(model, item.removeprefix(KIND_PREFIX), active, phase)
            continue
        model.node(item)
        if item not in active:
            raise QueryError(f"node {item!r} is not active in phase {phase!r}")
        chosen.add(item)
    return tuple(sorted(chosen))


def _of_kind(model: Model, kind: str, active: Any, phase: str) -> set[str]:
    """The nodes of ``kind`` active in ``phase``, or a QueryError."""
    if kind not in NODE_KINDS:
        hint = did_you_mean(kind, NODE_KINDS)
        raise QueryError(f"unknown node kind {kind!r} in the node selector{hint}")
    found = {n for n in active if model.nodes[n].kind == kind}
    if not found:
        raise QueryError(f"no node of kind {kind!r} is active in phase {phase!r}")
    return found


def removal_sweep(
    model: Model,
    nodes: Sequence[str],
    *,
    phase: str,
    layer: str = DEFAULT_LAYER,
    jobs: int = 1,
    progress: ProgressFn | None = None,
) -> tuple[Removal, ...]:
    """Return what removing each of ``nodes`` alone changes, most forces cut off first,
    ties by id.

    ``jobs`` above 1 runs the removals in that many worker processes
    (:func:`~c2graph.parallel.fork_map`: forked, so that the model and its phase views are
    not copied); the answer is the same as a serial run's.  ``progress`` is told after each
    removal.  Cost: per node, linear per family (reachability and dominators without the
    node).

    Example
    -------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> (jjoc,) = removal_sweep(model, ["jp-jjoc"], phase="peacetime")
    >>> [c.to_dict() for c in jjoc.cut_off], jjoc.appeared  # doctest: +NORMALIZE_WHITESPACE
    ([{'chains': 'JP', 'units': ['jp-adc', 'jp-aegis-bmd', 'jp-cyber', 'jp-gcc',
                                 'jp-sdf-fleet', 'jp-space-ops']}], ())

    References
    ----------
    Albert, Jeong & Barabási (2000), "Error and attack tolerance of complex networks";
    Joint Publication 1 (unity of command).
    """
    for node in nodes:
        model.node(node)
    intact = _intact(model, phase, layer)

    def told(removal: Removal, done: int) -> None:
        if progress is not None:
            progress(f"without {removal.node}", done, len(nodes))

    found = fork_map(
        lambda node: _remove(model, node, phase, layer, intact), nodes, jobs=jobs, told=told
    )
    return tuple(sorted(found, key=lambda r: (-r.lost, r.node)))


def _intact(model: Model, phase: str, layer: str) -> dict[tuple[str, str], Dominator]:
    """The single points of failure of the intact phase, by family and node."""
    found = {}
    for family in families(authority_view(model, phase=phase, layer=layer)):
        for dom in family_dominators(family.name, family.graph, family.tops, family.forces):
            found[family.name, dom.node] = dom
    return found


def _remove(
    model: Model, node: str, phase: str, layer: str, intact: dict[tuple[str, str], Dominator]
) -> Removal:
    """What removing ``node`` changes (see :class:`Removal`)."""
    every = families(authority_view(model, phase=phase, layer=layer))
    cut_off = _cut_off(node, every, intact)
    lost = {c.chains: set(c.units) for c in cut_off}
    stranded = sorted(
        {
            u
            for units in lost.values()
            for u in units
            if not any(u in f.forces and u not in lost.get(f.name, ()) for f in every)
        }
    )
    after = dict(intact)
    for family in every:
        if node in family.graph:
            for key in [k for k in after if k[0] == family.name]:
                del after[key]
            tops = [t for t in family.tops if t != node]
            forces = family.forces - {node}
            for dom in family_dominators(family.name, family.graph, tops, forces, without=[node]):
                after[family.name, dom.node] = dom
    return Removal(
        node=node,
        kind=model.nodes[node].kind,
        cut_off=cut_off,
        stranded=tuple(stranded),
        appeared=_appeared(after, intact),
        disappeared=_ranked([d for k, d in intact.items() if k not in after and d.node != node]),
    )


def _cut_off(
    node: str, every: tuple[Family, ...], intact: dict[tuple[str, str], Dominator]
) -> tuple[CutOff, ...]:
    """The forces that lose every chain of a family without ``node``, per family: those
    ``node`` dominates there in the intact phase.

    This is :func:`~c2graph.analysis.bottlenecks.removal_impact` of the one node, read
    from the dominator tree instead of searched again: a force reached from the family's
    tops loses every chain exactly when each of them passes the node (the definition of
    dominance, with the virtual root above several tops), a top's own forces included;
    forces the tops do not reach are neither dominated nor cut off (property-tested).
    """
    return tuple(
        CutOff(family.name, intact[family.name, node].units)
        for family in every
        if (family.name, node) in intact
    )


def _appeared(
    after: dict[tuple[str, str], Dominator], intact: dict[tuple[str, str], Dominator]
) -> tuple[Dominator, ...]:
    """The dominators of ``after`` with the forces that depend on them only there."""
    found = []
    for key, dom in after.items():
        before = set(intact[key].units) if key in intact else set()
        new = tuple(u for u in dom.units if u not in before)
        if new:
            found.append(Dominator(dom.node, new, dom.chains))
    return _ranked(found)


def _ranked(found: list[Dominator]) -> tuple[Dominator, ...]:
    """By family, then most depended-on first, ties by id."""
    return tuple(sorted(found, key=lambda d: (d.chains, -len(d.units), d.node)))
