"""Comparison of structure variants: two models in full, or many as a matrix of measures.

:func:`compare` sets model ``b`` against model ``a``: the structural diff, then for each
phase both share the units whose chains of command change, the change of every headline
measure (:mod:`c2graph.analysis.measures`), how the link between the nations changes and
where each variant stands in the C2 approach space.  :func:`compare_many` gives one column
per variant of the headline measures of every phase.  Chains and measures are those of one
layer (``layer=``, the operational layer by default).

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"}]})
>>> compare(model, model).is_empty
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from ..analysis.approach import ApproachPlacement, approach_space
from ..analysis.considerations import ConsiderationsView, considerations
from ..analysis.measures import MEASURES, Value, headline
from ..analysis.nationlinks import NationLink, nation_link
from ..analysis.paths import DEFAULT_LAYER, authority_view, check_authority_layer
from ..display import Displayable
from ..errors import QueryError
from ..model import Model
from ..parallel import fork_map
from .chains import ChainChange, Chains, chains_between, moved_since
from .diff import Diffs, StructuralDiff
from .records import with_fields
from .twins import phase_twins

__all__ = [
    "Comparison",
    "Matrix",
    "MatrixRow",
    "MeasureChange",
    "PhaseComparison",
    "compare",
    "compare_many",
]


#: What a caller reads of one model's phase while it is measured: ``side(model, phase,
#: diff, after)`` (see :func:`compare`).
Side = Callable[[Model, str, StructuralDiff, bool], Any]


@dataclass(frozen=True)
class MeasureChange(Displayable):
    """One headline measure in both models."""

    measure: str
    before: Value
    after: Value

    @property
    def changed(self) -> bool:
        """True when the value differs."""
        return self.before != self.after

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {"measure": self.measure, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class PhaseComparison(Displayable):
    """What changes from ``a`` to ``b`` in one phase both models have."""

    phase: str
    diff: StructuralDiff
    chains_changed: tuple[ChainChange, ...]
    measures: tuple[MeasureChange, ...]
    nation_link_before: NationLink
    nation_link_after: NationLink
    approach_before: ApproachPlacement
    approach_after: ApproachPlacement

    def to_dict(self) -> dict[str, Any]:
        """Return the phase comparison as JSON-ready data."""
        return {
            "phase": self.phase,
            "diff": self.diff.to_dict(),
            "chains_changed": [c.to_dict() for c in self.chains_changed],
            "measures": [m.to_dict() for m in self.measures],
            "nation_link": {
                "before": self.nation_link_before.to_dict(),
                "after": self.nation_link_after.to_dict(),
            },
            "approach": {
                "before": self.approach_before.to_dict(),
                "after": self.approach_after.to_dict(),
            },
        }


@dataclass(frozen=True)
class Comparison(Displayable):
    """Model ``b`` (after) set against model ``a`` (before)."""

    before: str
    after: str
    diff: StructuralDiff
    phases: tuple[PhaseComparison, ...]
    phases_only_before: tuple[str, ...]
    phases_only_after: tuple[str, ...]
    considerations_before: ConsiderationsView
    considerations_after: ConsiderationsView
    layer: str = DEFAULT_LAYER

    @property
    def is_empty(self) -> bool:
        """True when nothing differs: structure, chains and every measure."""
        return (
            self.diff.is_empty
            and not self.phases_only_before
            and not self.phases_only_after
            and all(
                not p.chains_changed and not any(m.changed for m in p.measures) for p in self.phases
            )
        )

    @property
    def chains_changed(self) -> tuple[ChainChange, ...]:
        """Every chain change, phase by phase."""
        return tuple(c for p in self.phases for c in p.chains_changed)

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as JSON-ready data; the diff's keys are at the top level."""
        return {
            "before": self.before,
            "after": self.after,
            "layer": self.layer,
            **self.diff.to_dict(),
            "chains_changed": [c.to_dict() for c in self.chains_changed],
            "phases_only_before": list(self.phases_only_before),
            "phases_only_after": list(self.phases_only_after),
            "by_phase": [p.to_dict() for p in self.phases],
            "considerations": {
                "before": self.considerations_before.to_dict(),
                "after": self.considerations_after.to_dict(),
            },
        }


@dataclass(frozen=True)
class MatrixRow(Displayable):
    """One measure in one phase, with one value per variant (``None`` where the variant
    lacks the phase)."""

    phase: str
    measure: str
    values: tuple[Value, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the row as JSON-ready data."""
        return {"phase": self.phase, "measure": self.measure, "values": list(self.values)}


@dataclass(frozen=True)
class Matrix(Displayable):
    """Headline measures of several variants: one column per variant, one row per measure
    and phase (phases in order of first appearance across the variants)."""

    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    layer: str = DEFAULT_LAYER

    def to_dict(self) -> dict[str, Any]:
        """Return the matrix as JSON-ready data."""
        return {
            "layer": self.layer,
            "columns": list(self.columns),
            "rows": [r.to_dict() for r in self.rows],
        }


def compare(
    a: Model,
    b: Model,
    *,
    phase: str | None = None,
    layer: str = DEFAULT_LAYER,
    each: Callable[[PhaseComparison, Any, Any], None] | None = None,
    side: Side | None = None,
) -> Comparison:
    """Set model ``b`` against model ``a``, in one phase or in every phase both have.

    Chains of command and the layer-dependent measures are those of ``layer``.  A phase
    is measured in ``a``, then in ``b``; ``side(model, phase, diff, after)`` is called
    with each model (``after`` False for ``a``) as soon as its measures of the phase are
    made, and before the other model's are, so that a caller can read more of it and
    forget its graphs (:func:`~c2graph.compare.briefing.compared_briefing` does: two
    large models then never hold their graphs of a phase at once).  ``each`` is called
    with each phase's comparison as soon as it is made and with what ``side`` returned
    for ``a`` and ``b`` (None without it), once per group of twin phases (:mod:`.twins`).
    Raises
    :class:`~c2graph.errors.QueryError` when ``phase`` is not a phase of both models, when
    the two models share no phase, or for a layer without authority.

    Example
    -------
    >>> from c2graph import load_model_data
    >>> def m(rel):
    ...     return load_model_data({"name": rel, "as_of": "2025",
    ...         "phases": [{"id": "p", "name": "P"}],
    ...         "nodes": [{"id": "a", "name": "A", "nation": "US", "kind": "headquarters"},
    ...                   {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
    ...         "links": [{"from": "a", "to": "b", "relation": rel}]})
    >>> result = compare(m("liaison"), m("opcon"))
    >>> [c.unit for c in result.chains_changed]
    ['b']
    >>> result.phases[0].approach_after.unity
    'lead-nation'
    """
    if phase is not None:
        shared: tuple[str, ...] = (phase,)  # structural_diff checks that both models have it
    else:
        shared = tuple(p for p in a.phase_ids if p in set(b.phase_ids))
        if not shared:
            raise QueryError(
                f"the models {a.name!r} and {b.name!r} share no phase id; "
                f"{a.name!r} has {', '.join(a.phase_ids)}; {b.name!r} has "
                f"{', '.join(b.phase_ids)}"
            )
    check_authority_layer(layer)
    diffs = Diffs(a, b)
    diff = diffs.of(phase)
    return Comparison(
        before=a.name,
        after=b.name,
        diff=diff,
        phases=_phases(a, b, shared, diffs, layer, each, side),
        phases_only_before=() if phase else tuple(p for p in a.phase_ids if p not in b.phase_ids),
        phases_only_after=() if phase else tuple(p for p in b.phase_ids if p not in a.phase_ids),
        considerations_before=considerations(a),
        considerations_after=considerations(b),
        layer=str(layer),
    )


def compare_many(
    models: Sequence[Model],
    *,
    phase: str | None = None,
    names: Sequence[str] | None = None,
    layer: str = DEFAULT_LAYER,
    jobs: int = 1,
) -> Matrix:
    """Return the headline measures of every model on ``layer``, one column per model.

    Columns are headed by ``names`` (default: the models' names).  ``jobs`` above 1
    measures the models in that many worker processes (:func:`~c2graph.parallel.fork_map`),
    with the same answer.

    Rows run phase by phase (in order of first appearance), measure by measure in the
    order of :data:`~c2graph.analysis.measures.MEASURES`.  With ``phase``, only that phase
    (it must be a phase of every model).

    Example
    -------
    >>> from c2graph import load_model_data
    >>> m = load_model_data({"name": "x", "as_of": "2025", "phases": [{"id": "p",
    ...     "name": "P"}], "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> compare_many([m, m]).rows[0].to_dict()
    {'phase': 'p', 'measure': 'nodes', 'values': [1, 1]}
    """
    if not models:
        raise QueryError("no model to compare")
    check_authority_layer(layer)
    if names is not None and len(names) != len(models):
        raise QueryError(f"{len(names)} column names for {len(models)} models")
    if phase is not None:
        for model in models:
            model.phase(phase)
        phases: list[str] = [phase]
    else:
        phases = []
        for model in models:
            phases += [p for p in model.phase_ids if p not in phases]
    per_model = fork_map(
        lambda m: {p: dict(headline(m, phase=p, layer=layer)) for p in phases if p in m.phase_ids},
        models,
        jobs=jobs,
    )
    rows = tuple(
        MatrixRow(p, name, tuple(values[p][name] if p in values else None for values in per_model))
        for p in phases
        for name in MEASURES
    )
    columns = tuple(names) if names is not None else tuple(m.name for m in models)
    return Matrix(columns, rows, str(layer))


def _phases(
    a: Model,
    b: Model,
    shared: tuple[str, ...],
    diffs: Diffs,
    layer: str,
    each: Callable[[PhaseComparison, Any, Any], None] | None,
    side: Side | None,
) -> tuple[PhaseComparison, ...]:
    """Each shared phase compared, once per pair of twin phases (:mod:`.twins`), each new
    comparison given to ``each`` with what ``side`` read of each model."""
    twins_a, twins_b = phase_twins(a), phase_twins(b)
    done: dict[tuple[str, str], PhaseComparison] = {}
    compared = []
    earlier: PhaseComparison | None = None
    for phase in shared:
        twins = (twins_a[phase], twins_b[phase])
        if twins in done:
            compared.append(_rephased(done[twins], phase))
        else:
            done[twins], read_a, read_b = _phase(a, b, phase, diffs, layer, side, earlier)
            earlier = done[twins]
            if each is not None:
                each(done[twins], read_a, read_b)
            compared.append(done[twins])
    return tuple(compared)


def _rephased(compared: PhaseComparison, phase: str) -> PhaseComparison:
    """The comparison of a twin phase: the same answers, carrying ``phase``."""
    return replace(
        compared,
        phase=phase,
        diff=replace(compared.diff, phase=phase),
        chains_changed=tuple(with_fields(c, phase=phase) for c in compared.chains_changed),
        nation_link_before=replace(compared.nation_link_before, phase=phase),
        nation_link_after=replace(compared.nation_link_after, phase=phase),
        approach_before=replace(compared.approach_before, phase=phase),
        approach_after=replace(compared.approach_after, phase=phase),
    )


class _Measured(NamedTuple):
    """One model's analyses of one phase that its comparison reads, and what ``side``
    read of it."""

    chains: Chains
    values: dict[str, Value]
    link: NationLink
    place: ApproachPlacement
    read: Any


def _measured(
    model: Model, phase: str, layer: str, diff: StructuralDiff, after: bool, side: Side | None
) -> _Measured:
    """The measures of one model's phase, given to ``side`` once made."""
    chains = Chains.of(authority_view(model, phase=phase, layer=layer))
    values = dict(headline(model, phase=phase, layer=layer))
    link, place = nation_link(model, phase=phase), approach_space(model, phase=phase)
    read = side(model, phase, diff, after) if side is not None else None
    return _Measured(chains, values, link, place, read)


def _phase(
    a: Model,
    b: Model,
    phase: str,
    diffs: Diffs,
    layer: str,
    side: Side | None,
    earlier: PhaseComparison | None,
) -> tuple[PhaseComparison, Any, Any]:
    """One phase compared, with what ``side`` read of ``a`` and of ``b``: each model
    measured (and given to ``side``) before the other, its chains kept for the
    comparison of chains, which takes the changes of the ``earlier`` phase compared for
    the units whose chains are the same in both (:func:`~.chains.moved_since`)."""
    diff = diffs.of(phase)
    one = _measured(a, phase, layer, diff, False, side)
    two = _measured(b, phase, layer, diff, True, side)
    known = None
    if earlier is not None:
        moved = moved_since(a, earlier.phase, phase, one.chains.graph)
        moved |= moved_since(b, earlier.phase, phase, two.chains.graph)
        known = {c.unit: c for c in earlier.chains_changed if c.unit not in moved}
    compared = PhaseComparison(
        phase=phase,
        diff=diff,
        chains_changed=chains_between(
            one.chains, two.chains, phase=phase, layer=layer, known=known
        ),
        measures=tuple(
            MeasureChange(name, one.values[name], two.values[name]) for name in MEASURES
        ),
        nation_link_before=one.link,
        nation_link_after=two.link,
        approach_before=one.place,
        approach_after=two.place,
    )
    return compared, one.read, two.read
