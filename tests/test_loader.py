"""Loading model files: good files, each validation rule with its exact message and line."""

from __future__ import annotations

import pytest

from c2graph import ModelError, load_model


def test_minimal_model_loads(write_model, minimal_text):
    model = load_model(write_model(minimal_text))
    assert list(model.nodes) == ["pm", "hq", "unit"]
    assert model.phase_ids == ("peacetime", "gray-zone", "armed-attack")
    assert [link.key for link in model.links] == ["pm->hq:command", "hq->unit:opcon"]


def test_wrong_relation_reports_line_item_and_hint(write_model, minimal_text):
    path = write_model(minimal_text.replace("relation: opcon", "relation: opcom"))
    with pytest.raises(ModelError) as err:
        load_model(path)
    assert str(err.value) == (
        f"{path}:13: links[1] (from='hq', to='unit') → relation: expected one of command, "
        "cocom, opcon, tacon, adcon, control, support, coordination, liaison, counterpart, "
        "member, got 'opcom' (did you mean 'opcon' or 'cocom'?)"
    )
