"""Values computed once per model and phase, forgotten with the model.

Example
-------
>>> from c2graph import load_model_data
>>> calls = []
>>> def count(model, phase):
...     calls.append(phase)
...     return len(list(model.links_in(phase)))
>>> links = PhaseCache(count)
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}],
...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
>>> links(model, "p"), links(model, "p"), calls
(0, 0, ['p'])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from ..model import Model

__all__ = ["PhaseCache", "content_key"]

V = TypeVar("V")

#: What holds in a phase (see :func:`content_key`).
ContentKey = frozenset[frozenset[str]]

_SETS: WeakKeyDictionary[Model, frozenset[frozenset[str]]] = WeakKeyDictionary()


def content_key(model: Model, phase: str) -> ContentKey:
    """Return what holds in ``phase`` of ``model``: the distinct situation sets of its
    nodes and links that contain the phase.  Two situations have the same key exactly
    when the same nodes and links hold in them.  ``phase`` is checked
    (:meth:`~c2graph.model.Model.situation`).

    Example
    -------
    >>> from c2graph import load_model_data
    >>> model = load_model_data({"name": "x", "as_of": "2025",
    ...     "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"},
    ...                {"id": "r", "name": "R"}],
    ...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit",
    ...                "phases": ["p", "q"]}]})
    >>> content_key(model, "p") == content_key(model, "q") != content_key(model, "r")
    True
    """
    model.situation(phase)
    sets = _SETS.get(model)
    if sets is None:
        sets = frozenset(node.phases for node in model.nodes.values()) | frozenset(
            link.phases for link in model.links
        )
        _SETS[model] = sets
    return frozenset(held for held in sets if phase in held)


class PhaseCache(Generic[V]):
    """``compute(model, phase)``, remembered for each model and phase.

    Models are immutable, so a remembered value never goes stale.  Models are held weakly:
    the values of a model go when the model does, provided they do not refer to the model
    themselves (what the analyses store holds records and ids only).  ``compute`` checks
    the phase; a phase it rejects is not remembered.

    With ``by_content``, ``compute`` must read of a phase only what holds in it (its nodes
    and links, :func:`content_key`) and the phase id it prints: the value is then computed
    once for the situations in which the same nodes and links hold, and ``rephase(value,
    phase)`` (if given) gives it the id of each other one, say ``dataclasses.replace(value,
    phase=phase)``; without ``rephase`` they share the value itself.
    """

    def __init__(
        self,
        compute: Callable[[Model, str], V],
        *,
        by_content: bool = False,
        rephase: Callable[[V, str], V] | None = None,
    ) -> None:
        self._compute = compute
        self._by_content = by_content
        self._rephase = rephase
        self._values: WeakKeyDictionary[Model, dict[str, V]] = WeakKeyDictionary()
        self._shared: WeakKeyDictionary[Model, dict[ContentKey, tuple[str, V]]] = (
            WeakKeyDictionary()
        )

    def __call__(self, model: Model, phase: str) -> V:
        """Return the value for ``model`` and ``phase``, computing it on first use."""
        per_model = self._values.setdefault(model, {})
        if phase not in per_model:
            per_model[phase] = (
                self._of(model, phase) if self._by_content else self._compute(model, phase)
            )
        return per_model[phase]

    def _of(self, model: Model, phase: str) -> V:
        """The value of ``phase``, shared by the situations with its content."""
        shared = self._shared.setdefault(model, {})
        key = content_key(model, phase)
        if key not in shared:
            shared[key] = (phase, self._compute(model, phase))
        first, value = shared[key]
        if first == phase or self._rephase is None:
            return value
        return self._rephase(value, phase)

    def forget(self, model: Model, phase: str) -> V | None:
        """Forget the value of one model and phase, if there is one (computed afresh on
        next use); return the value forgotten, or None.

        A value shared with a later phase of the model's phases (:attr:`~c2graph.model.
        Model.phase_ids`) is kept for it (None is returned), so that a pass over the
        phases in order that forgets each one after use computes each content once."""
        value = self._values.get(model, {}).pop(phase, None)
        shared = self._shared.get(model)
        if not shared:
            return value
        key = content_key(model, phase)
        phases = model.phase_ids
        later = phases[phases.index(phase) + 1 :] if phase in phases else ()
        if any(content_key(model, other) == key for other in later):
            return None
        first = shared.pop(key, None)
        return first[1] if first is not None else value

    def clear(self) -> None:
        """Forget every remembered value (so that the next call computes afresh)."""
        self._values.clear()
        self._shared.clear()
