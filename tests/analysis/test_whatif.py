"""What-if sweeps: each node removed alone, its cut-off forces and changed single points of
failure, node selectors, and workers giving the serial answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import QueryError
from c2graph.analysis.bottlenecks import CutOff, Dominator, removal_impact
from c2graph.analysis.paths import authority_view
from c2graph.analysis.sovereignty import families
from c2graph.analysis.whatif import Removal, removal_sweep, select_nodes
from tests.analysis.test_kernels import reference
from tests.builders import alliance_models, build, link, node, shipped


@pytest.fixture
def twin() -> object:
    """top commands a and b; u is under both (opcon, tacon), v under a alone."""
    return build(
        [
            ("top", "JP", "political-authority"),
            ("a", "JP", "headquarters"),
            ("b", "JP", "headquarters"),
            ("u", "JP", "unit"),
            ("v", "JP", "unit"),
            node("late", "JP", "headquarters", phases=["war"]),
        ],
        [
            link("top", "a", "command"),
            link("top", "b", "command"),
            link("a", "u", "opcon"),
            link("b", "u", "tacon"),
            link("a", "v", "opcon"),
        ],
    )


def test_removing_a_national_hq_cuts_its_forces_off(alliance):
    (jhq,) = removal_sweep(alliance, ["jhq"], phase="peace")
    assert jhq == Removal(
        node="jhq",
        kind="headquarters",
        cut_off=(CutOff("JP", ("fleet", "gcc")),),
        stranded=("fleet", "gcc"),
        appeared=(),
        disappeared=(
            Dominator("mod", ("fleet", "gcc", "jhq"), "JP"),
            Dominator("pm", ("fleet", "gcc", "jhq"), "JP"),
        ),
    )


def test_a_lost_second_parent_makes_a_new_single_point_of_failure(twin):
    found = removal_sweep(twin, ["b", "a"], phase="peace")
    assert [(r.node, r.cut_off, r.stranded, r.appeared, r.disappeared) for r in found] == [
        ("a", (CutOff("JP", ("v",)),), ("v",), (Dominator("b", ("u",), "JP"),), ()),
        ("b", (), (), (Dominator("a", ("u",), "JP"),), ()),
    ]


def test_a_force_keeping_its_national_chain_is_not_stranded():
    # Without the CFC, both forces lose the combined chain; only the ROK forces, with no
    # national chain in wartime, are left without any.
    (cfc,) = removal_sweep(shipped("us-rok-cfc.yaml"), ["al-cfc"], phase="wartime")
    assert cfc.cut_off == (CutOff("combined", ("kr-forces", "us-kr-forces")),)
    assert cfc.stranded == ("kr-forces",)


def test_most_forces_cut_off_first_then_id(alliance):
    nodes = select_nodes(alliance, "kind:headquarters,kind:political-authority", phase="peace")
    assert nodes == ("indo", "jhq", "pm", "pres", "usfj")
    assert [(r.node, r.lost) for r in removal_sweep(alliance, nodes, phase="peace")] == [
        ("pm", 3),
        ("pres", 3),
        ("indo", 2),
        ("jhq", 2),
        ("usfj", 0),
    ]


def test_workers_give_the_serial_answer_and_progress_in_order():
    model = shipped("us-japan-2022.yaml")
    nodes = select_nodes(model, "kind:headquarters,kind:staff,kind:component", phase="armed-attack")
    told: list[tuple[str, int, int]] = []
    serial = removal_sweep(model, nodes, phase="armed-attack")
    forked = removal_sweep(
        model, nodes, phase="armed-attack", jobs=2, progress=lambda *t: told.append(t)
    )
    assert forked == serial
    assert told == [(f"without {n}", i, len(nodes)) for i, n in enumerate(nodes, 1)]


def test_a_selector_item_selects_a_kind_in_the_phase(twin):
    assert select_nodes(twin, "kind:headquarters", phase="peace") == ("a", "b")
    assert select_nodes(twin, "kind:headquarters", phase="war") == ("a", "b", "late")
    assert select_nodes(twin, " v , a,kind:unit", phase="peace") == ("a", "u", "v")


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("aa", "unknown node id 'aa' (did you mean 'a'?)"),
        ("a,,b", "empty item in the node selector 'a,,b'"),
        ("kind:hq", "unknown node kind 'hq' in the node selector (did you mean 'headquarters'?)"),
        ("late", "node 'late' is not active in phase 'peace'"),
        ("kind:forum", "no node of kind 'forum' is active in phase 'peace'"),
    ],
)
def test_bad_selectors_are_refused(twin, selector, message):
    with pytest.raises(QueryError) as error:
        select_nodes(twin, selector, phase="peace")
    assert str(error.value) == message


def test_an_unknown_node_is_refused_before_the_sweep(twin):
    with pytest.raises(QueryError) as error:
        removal_sweep(twin, ["a", "lat"], phase="peace")
    assert str(error.value) == "unknown node id 'lat' (did you mean 'late'?)"


_KINDS = ("political-authority", "ministry", "headquarters", "component", "unit", "forum")


@settings(max_examples=80, deadline=None)
@given(
    alliance_models(_KINDS, max_size=10, max_links=24),
    st.sampled_from(["peace", "war"]),
    st.sampled_from(["operational", "administrative", "all"]),
)
def test_the_sweep_cut_off_is_the_search_of_each_removal_through_both_kernels(case, phase, layer):
    model, _size = case
    nodes = [n for n in sorted(model.nodes) if phase in model.nodes[n].phases]
    found = removal_sweep(model, nodes, phase=phase, layer=layer)
    every = families(authority_view(model, phase=phase, layer=layer))
    for removal in found:
        assert removal.cut_off == removal_impact(model, removal.node, phase=phase, layer=layer)
        lost = {c.chains: set(c.units) for c in removal.cut_off}
        kept = {u for f in every for u in f.forces - lost.get(f.name, set())}
        assert set(removal.stranded) == {u for c in removal.cut_off for u in c.units} - kept
    with reference():
        assert removal_sweep(model, nodes, phase=phase, layer=layer) == found
