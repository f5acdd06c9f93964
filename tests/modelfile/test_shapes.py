"""The typed test of the large sections clears only what the key-by-key check clears."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import event, given

from c2graph.modelfile import shapes
from c2graph.modelfile.validate import check_file_data
from c2graph.synthetic import generate
from tests.fuzz.test_fuzz_inputs import FUZZ, mutated_data, valid_models


def _findings_in_typed_sections(data: Any) -> list[Any]:
    return [f for f in check_file_data(data) if f.path and f.path[0] in shapes.TYPED_SECTIONS]


@FUZZ
@given(data=mutated_data())
def test_what_the_typed_test_clears_has_no_problem_in_its_sections(data):
    cleared = isinstance(data, dict) and shapes.typed_sections_clean(data)
    event(f"cleared: {cleared}")
    if cleared:
        assert _findings_in_typed_sections(data) == []


@FUZZ
@given(data=valid_models())
def test_valid_models_are_cleared(data):
    assert shapes.typed_sections_clean(data)


def test_a_generated_order_of_battle_is_cleared():
    assert shapes.typed_sections_clean(generate(300))


_NODE = {"id": "a", "name": "A", "nation": "JP", "kind": "unit"}
_LINK = {"from": "a", "to": "b", "relation": "opcon"}


@pytest.mark.parametrize(
    ("section", "item"),
    [
        ("nodes", {**_NODE, "id": "a b"}),
        ("nodes", {**_NODE, "id": ""}),
        ("nodes", {**_NODE, "id": "x" * 201}),
        ("nodes", {**_NODE, "id": "a\n"}),
        ("nodes", {**_NODE, "name": 3}),
        ("nodes", {**_NODE, "name": None}),
        ("nodes", {**_NODE, "nation": "jp"}),
        ("nodes", {**_NODE, "kind": "unitt"}),
        ("nodes", {**_NODE, "colour": "red"}),
        ("nodes", {**_NODE, "name_JA": "x"}),
        ("nodes", {**_NODE, "name_ja": 3}),
        ("nodes", {**_NODE, 1: "x"}),
        ("nodes", {**_NODE, "phases": None}),
        ("nodes", {**_NODE, "phases": []}),
        ("nodes", {**_NODE, "phases": "war"}),
        ("nodes", {**_NODE, "location": "a b"}),
        ("nodes", {**_NODE, "office_hours": {"hours": "always"}}),
        ("nodes", {"id": "a", "name": "A", "nation": "JP"}),
        ("nodes", None),
        ("links", {**_LINK, "relation": "opcom"}),
        ("links", {**_LINK, "from": ["a"]}),
        ("links", {**_LINK, "as_of": "2025-13"}),
        ("links", {**_LINK, "requires": []}),
        ("links", {**_LINK, "name_ja": "x"}),
        ("phases", {"id": "p", "name": "P", "approval": ["a b"]}),
        ("phases", {"id": "p", "name": "P", "nation": "Japan"}),
    ],
)
def test_each_kind_of_problem_is_refused(section, item):
    data = {section: [item]}
    assert _findings_in_typed_sections(data) != []
    assert not shapes.typed_sections_clean(data)


def test_names_in_any_language_and_nested_values_are_cleared():
    nodes = [
        {**_NODE, "name_ja": "甲", "phases": {"from": "p"}},
        {**_NODE, "id": "b", "name_ko": "을", "office_hours": {"hours": "24/7"}},
    ]
    data = {"nodes": nodes, "links": [{**_LINK, "phases": ["p"], "requires": ["d"]}]}
    assert _findings_in_typed_sections(data) == []
    assert shapes.typed_sections_clean(data)
