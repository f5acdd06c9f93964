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

__all__ = ["PhaseCache"]

V = TypeVar("V")


class PhaseCache(Generic[V]):
    """``compute(model, phase)``, remembered for each model and phase.

    Models are immutable, so a remembered value never goes stale.  Models are held weakly:
    the values of a model go when the model does, provided they do not refer to the model
    themselves (what the analyses store holds records and ids only).  ``compute`` checks
    the phase; a phase it rejects is not remembered.
    """

    def __init__(self, compute: Callable[[Model, str], V]) -> None:
        self._compute = compute
        self._values: WeakKeyDictionary[Model, dict[str, V]] = WeakKeyDictionary()

    def __call__(self, model: Model, phase: str) -> V:
        """Return the value for ``model`` and ``phase``, computing it on first use."""
        per_model = self._values.setdefault(model, {})
        if phase not in per_model:
            per_model[phase] = self._compute(model, phase)
        return per_model[phase]

    def forget(self, model: Model, phase: str) -> None:
        """Forget the value of one model and phase, if there is one (computed afresh on
        next use)."""
        self._values.get(model, {}).pop(phase, None)

    def clear(self) -> None:
        """Forget every remembered value (so that the next call computes afresh)."""
        self._values.clear()
