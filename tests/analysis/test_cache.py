"""The per-model cache: computed once per model and phase (or content), cleared on demand."""

from __future__ import annotations

import gc
import weakref

import pytest

from c2graph import QueryError
from c2graph.analysis import approach_space, bottleneck_report, phase_switch
from c2graph.analysis._cache import PhaseCache, content_key
from c2graph.analysis.graphs import forget_phase, phase_graphs
from c2graph.analysis.measures import headline, phase_report
from c2graph.vocabulary import LAYER_CHOICES
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


def _three_phases():
    """Phases p and q hold the same nodes and links; r holds one link more."""
    return build(
        [("hq", "JP", "headquarters"), ("a", "JP", "unit"), ("b", "JP", "unit")],
        [link("hq", "a", "opcon"), link("hq", "b", "opcon", phases=["r"])],
        phases=("p", "q", "r"),
    )


def test_phases_with_the_same_content_share_their_values():
    model = _three_phases()
    assert phase_graphs(model, "p") is phase_graphs(model, "q")
    assert phase_graphs(model, "q") is not phase_graphs(model, "r")
    assert [len(phase_graphs(model, p).links) for p in ("p", "q", "r")] == [1, 1, 2]
    p, q, r = (phase_report(model, phase=phase) for phase in ("p", "q", "r"))
    assert (p.phase, p.hierarchy.phase, q.phase, q.hierarchy.phase) == ("p", "p", "q", "q")
    assert q.dominators is p.dominators and r.dominators is not p.dominators
    assert [d.units for d in q.dominators] == [("a",)]
    assert [d.units for d in r.dominators] == [("a", "b")]
    assert q is phase_report(model, phase="q")
    placements = [approach_space(model, phase=phase) for phase in ("p", "q", "r")]
    assert [place.phase for place in placements] == ["p", "q", "r"]
    assert placements[1].units_shared is placements[0].units_shared


def test_a_shared_value_is_the_value_computed_alone():
    shared = _three_phases()
    phase_report(shared, phase="p")
    alone = _three_phases()
    assert phase_report(shared, phase="q") == phase_report(alone, phase="q")
    assert approach_space(shared, phase="q") == approach_space(alone, phase="q")


def test_a_pass_forgetting_each_phase_keeps_what_a_later_phase_shares():
    model = _three_phases()
    first = phase_graphs(model, "p")
    forget_phase(model, "p")
    second = phase_graphs(model, "q")
    forget_phase(model, "q")
    assert second is first
    assert phase_graphs(model, "q") is not first
    last = phase_graphs(model, "r")
    forget_phase(model, "r")
    assert phase_graphs(model, "r") is not last


def test_the_content_key_checks_the_phase():
    model = _three_phases()
    with pytest.raises(QueryError, match="unknown phase id 'pp'"):
        content_key(model, "pp")
    assert content_key(model, "p") == content_key(model, "q") != content_key(model, "r")


def test_forgotten_graphs_go_without_a_garbage_collection():
    model = _three_phases()
    headline(model, phase="r")
    bottleneck_report(model, phase="r", with_betweenness=True)
    phase_switch(model, before="q", after="r")
    graphs = phase_graphs(model, "r")
    built = [graphs.authority, graphs.whole]
    for layer in LAYER_CHOICES:
        built += [graphs.layer(layer).graph, graphs.layer(layer).chains]
    for graph in built:  # views the analyses may or may not have made: each keeps its graph
        assert graph.degree is graph.__dict__["degree"] and graph.edges is graph.__dict__["edges"]
    gone = [weakref.ref(graph) for graph in [*built, graphs]]
    del graphs, built, graph
    gc.disable()
    try:
        forget_phase(model, "r")
        assert [ref() for ref in gone] == [None] * len(gone)
    finally:
        gc.enable()
