"""Diff diagrams of large models fold as overviews do: the units below a depth counted in
their formation's box, which carries the marks of the changes among them, and links with
a folded end drawn as bundles carrying the marks of their links."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from c2graph import Model, load_model, load_model_data
from c2graph.cli.main import main
from c2graph.errors import QueryError
from c2graph.render import diff
from c2graph.render.diff import diff_dot, diff_scene
from c2graph.synthetic import generate


def _changed(data: dict[str, Any]) -> dict[str, Any]:
    """The 40-unit order of battle less jp-9 (under jp-2), with jp-17 (under jp-4)
    renamed and jp-6's TACON of us-14 (under us-2) made OPCON."""
    after = copy.deepcopy(data)
    after["nodes"] = [n for n in after["nodes"] if n["id"] != "jp-9"]
    after["links"] = [k for k in after["links"] if "jp-9" not in (k["from"], k["to"])]
    for node in after["nodes"]:
        if node["id"] == "jp-17":
            node["name"] += " (renamed)"
    for link in after["links"]:
        if (link["from"], link["to"], link["relation"]) == ("jp-6", "us-14", "tacon"):
            link["relation"] = "opcon"
    return after


@pytest.fixture(scope="module")
def pair() -> tuple[Model, Model]:
    """A: the 40-unit order of battle of tests/render/test_overview.py (its hand-checked
    peacetime); B: :func:`_changed`."""
    data = json.loads(json.dumps(generate(40)))
    return load_model_data(data), load_model_data(_changed(data))


def test_a_diff_folded_at_depth_two_counts_each_box_and_marks_what_changed_inside(pair):
    drawn = diff_scene(*pair, depth=2)
    panel = drawn.panels[0]
    assert drawn.overview == 2
    assert drawn.subtitle.endswith(
        " · overview to depth 2: 20 units counted in their formation"
    )  # jp-9 is counted, from A
    assert len(panel.nodes) == 19
    assert {n.id: n.holds for n in panel.nodes if n.holds} == {
        "jp-2": "6 units",
        "jp-3": "3 units",
        "jp-4": "2 units",
        "us-2": "6 units",
        "us-3": "3 units",
    }
    assert {n.id: sorted(n.marks) for n in panel.nodes if n.marks} == {
        "jp-2": ["diff-removed"],
        "jp-4": ["diff-changed"],
    }
    bundles = {e.key: (sorted(e.marks), e.title) for e in panel.edges if "=>" in e.key}
    assert bundles == {
        "jp-6=>us-2:opcon": (
            ["diff-retyped"],
            "JP 5th Joint Force → US 1st Joint Force: OPCON × 1, from or to the units each holds",
        ),
        "jp-6=>us-2:tacon": (
            ["diff-removed"],
            "JP 5th Joint Force → US 1st Joint Force: TACON × 1, from or to the units each holds",
        ),
        "us-2=>jp-4:support": (
            [],
            "US 1st Joint Force → JP 3rd Joint Force: support × 1, from or to the units each holds",
        ),
    }
    assert not any(e.marks for e in panel.edges if "=>" not in e.key)
    assert all(member in {n.id for n in panel.nodes} for member, _ in panel.memberships)
    assert ("us-3", "al-bocc") in panel.memberships


def test_a_large_diff_folds_at_the_depth_within_the_budget_unless_every_unit_is_asked(
    pair, monkeypatch
):
    assert diff_scene(*pair).overview is None  # 39 nodes: drawn whole
    monkeypatch.setattr(diff, "FOLD_ABOVE", 30)
    monkeypatch.setattr("c2graph.render.overview.BOX_BUDGET", 20)
    automatic = diff_scene(*pair)
    assert automatic.overview == 2
    assert automatic.panels == diff_scene(*pair, depth=2).panels
    whole = diff_scene(*pair, all_units=True)
    assert whole.overview is None and len(whole.panels[0].nodes) == 39  # jp-9 from A
    with pytest.raises(QueryError, match=r"^give either a depth to fold at or every unit"):
        diff_scene(*pair, depth=2, all_units=True)


def test_the_shipped_models_diff_whole_as_before():
    a, b = (load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025))
    for phase in a.phase_ids:
        if phase in b.phase_ids:
            assert diff_scene(a, b, phase=phase).overview is None
    assert diff_dot(a, b) == diff_dot(a, b, all_units=True)


def test_compare_draws_the_folded_diff_and_refuses_depth_with_every_unit(pair, tmp_path, capsys):
    paths = []
    for name, model in zip("ab", pair, strict=True):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "diff.dot"
    argv = ["compare", *paths, "--diagram", str(out), "--quiet"]
    assert main([*argv, "--depth", "2"]) == 0
    assert out.read_text(encoding="utf-8") == diff_dot(*pair, depth=2)
    assert main([*argv, "--depth", "2", "--all-units"]) == 2
    assert capsys.readouterr().err.endswith(
        "c2graph compare: error: --depth folds units into their formations: "
        "drop it or --all-units\n"
    )
