"""Which models are compared: variants with their bases (loaded when not given), snapshots
with the earlier snapshot of the same structure, unrelated models with none."""

from __future__ import annotations

from c2graph import load_model
from c2graph.compare.pairs import model_pairs, same_structure
from tests.report._alliance import BASE, TRIO, VARIANT

LATER = BASE.replace('as_of: "2025-01-01"', 'as_of: "2026-01-01"').replace(
    "同盟の基本形", "後の時点"
)


def _pairs(models, **kwargs):
    return [(p.base_index, p.index, p.relation) for p in model_pairs(models, **kwargs)]


def test_a_variant_is_paired_with_its_base_given_or_loaded(write_model):
    base = load_model(write_model(BASE, "base.yaml"))
    variant = load_model(write_model(VARIANT, "variant.yaml"))
    assert _pairs([variant, base]) == [(1, 0, "variant")]
    loaded = []

    def load(path):
        loaded.append(path)
        return load_model(path)

    (pairing,) = model_pairs([variant, variant], load=load)[:1]
    assert pairing.base_index is None and pairing.base.name == "同盟の基本形"
    assert len(loaded) == 1  # a base is loaded once for all its variants


def test_snapshots_are_paired_with_the_latest_earlier_one_and_unrelated_models_never(write_model):
    base = load_model(write_model(BASE, "base.yaml"))
    later = load_model(write_model(LATER, "later.yaml"))
    trio = load_model(write_model(TRIO, "trio.yaml"))
    assert same_structure(base, later) and not same_structure(base, trio)
    assert _pairs([later, trio, base]) == [(2, 0, "snapshot")]
    assert _pairs([trio]) == []
