"""The one-pass measures of the approach placement against their definitions, on random
models: the authority each node holds over forces (:func:`forces_commanded`) against the
set-by-set composition, and the forces under combined or foreign chains
(:func:`shared_chains`) against the chains :func:`force_scopes` lists one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph.analysis.approach import shared_chains
from c2graph.analysis.frictions import forces_commanded
from c2graph.analysis.graphs import LayerView, phase_graphs, strength_key
from c2graph.analysis.kernels import dag_order
from c2graph.analysis.sovereignty import force_scopes
from c2graph.vocabulary import AUTHORITY_LAYERS, LAYER_RELATIONS, Layer, meet
from tests.builders import alliance_models, build, link, node

_KINDS = (
    "political-authority",
    "ministry",
    "headquarters",
    "component",
    "unit",
    "coordination-body",
)
MODELS = alliance_models(_KINDS, max_size=10, max_links=24)
LAYERS = st.sampled_from([*(layer.value for layer in AUTHORITY_LAYERS), "all"])
PHASES = st.sampled_from(["peace", "war"])


def _commanded_by_definition(view: LayerView) -> dict[str, str]:
    """Every authority each node holds, composed set by set up the chains (JP 1), then
    the strongest operational one."""
    held: dict[str, set[str]] = {}
    for upper in reversed(dag_order(view.chains)):
        values: set[str] = set()
        for lower, data in view.chains.succ[upper].items():
            for relation, _key in data["links"]:
                if lower in view.forces:
                    values.add(relation)
                if relation == "transmits":
                    if held[lower]:
                        values.add(relation)
                else:
                    values.update(meet(relation, value) for value in held[lower])
        held[upper] = values
    operational = LAYER_RELATIONS[Layer.OPERATIONAL]
    return {
        n: min(values & operational, key=strength_key, default="none") for n, values in held.items()
    }


def _shared_by_definition(model, phase: str, layer: str) -> dict[str, str]:
    """The forces with a combined or foreign chain among those :func:`force_scopes`
    lists, combined first."""
    found = {}
    for force in force_scopes(model, phase=phase, layer=layer):
        scopes = {c.scope for c in force.shared}
        if scopes:
            found[force.unit] = "combined" if "combined" in scopes else "foreign"
    return found


@settings(max_examples=150, deadline=None)
@given(MODELS, PHASES, LAYERS)
def test_forces_commanded_is_the_composition_of_every_chain(case, phase, layer):
    model, _size = case
    view = phase_graphs(model, phase).layer(layer)
    assert dict(forces_commanded(view)) == _commanded_by_definition(view)


@settings(max_examples=150, deadline=None)
@given(MODELS, PHASES, LAYERS)
def test_shared_chains_are_the_shared_chains_of_force_scopes(case, phase, layer):
    model, _size = case
    view = phase_graphs(model, phase).layer(layer)
    assert shared_chains(view) == _shared_by_definition(model, phase, layer)


def _view(links):
    model = build(
        [
            node("jp-pm", "JP", "political-authority"),
            node("us-president", "US", "political-authority"),
            node("al-hq", "alliance", "headquarters"),
            node("jp-hq", "JP", "headquarters"),
            node("jp-unit", "JP", "unit"),
            node("us-unit", "US", "unit"),
        ],
        links,
    )
    return phase_graphs(model, "peace").layer("operational")


def test_a_combined_chain_wins_over_a_foreign_one():
    view = _view(
        [
            link("jp-pm", "jp-hq", "command"),
            link("jp-hq", "jp-unit", "opcon"),
            link("us-president", "jp-hq", "tacon"),
            link("al-hq", "jp-unit", "tacon"),
            link("us-president", "us-unit", "command"),
        ]
    )
    assert shared_chains(view) == {"jp-unit": "combined", "jp-hq": "foreign"}


def test_national_chains_only_share_nothing():
    view = _view([link("jp-pm", "jp-hq", "command"), link("jp-hq", "jp-unit", "opcon")])
    assert shared_chains(view) == {}
    held = forces_commanded(view)
    assert (held["jp-pm"], held["jp-hq"], held["jp-unit"]) == ("command", "opcon", "none")
    assert forces_commanded(view) is forces_commanded(view)
