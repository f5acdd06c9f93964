"""The per-model cache: computed once per model and phase, cleared on demand."""

from __future__ import annotations

import gc
import weakref

import pytest

from c2graph import QueryError
from c2graph.analysis import approach_space
from c2graph.analysis._cache import PhaseCache
from c2graph.analysis.graphs import phase_graphs
from c2graph.analysis.measures import phase_report
from tests.builders import build, link


def _model():
    return build([("a", "JP", "headquarters"), ("b", "JP", "unit")], [link("a", "b", "opcon")])


def test_once_per_model_and_phase_until_cleared():
    calls = []

    def count(model, phase):
        calls.append((model.name, phase))
        return len(list(model.links_in(phase)))

    cache = PhaseCache(count)
    one, two = _model(), _model()
    values = [cache(one, "peace"), cache(one, "peace"), cache(one, "war"), cache(two, "peace")]
    assert values == [1, 1, 1, 1]
    assert calls == [("test", "peace"), ("test", "war"), ("test", "peace")]
    cache.clear()
    cache(one, "peace")
    assert len(calls) == 4


def test_a_rejected_phase_is_not_remembered():
    cache = PhaseCache(lambda model, phase: model.phase(phase).name)
    model = _model()
    with pytest.raises(QueryError, match="unknown phase id 'paece'"):
        cache(model, "paece")
    assert cache(model, "peace") == "Peace"


def test_caches_never_keep_a_model_alive():
    model = _model()
    graphs = phase_graphs(model, "peace")
    assert graphs.whole.number_of_nodes() == 2 and graphs.cross_nation == ()
    approach_space(model, phase="peace")
    phase_report(model, phase="war")
    gone = weakref.ref(model)
    del model
    gc.collect()
    assert gone() is None
    assert graphs.tops == ("a",)
