"""A tiny two-nation model with an alliance body, shared by the renderer tests."""

from __future__ import annotations

from typing import Any

import pytest

from c2graph import Model, load_model_data

TINY: dict[str, Any] = {
    "name": "Tiny alliance",
    "as_of": "2025-03-24",
    "phases": [
        {"id": "peacetime", "name": "Peacetime", "name_ja": "平時"},
        {"id": "armed-attack", "name": "Armed attack", "name_ja": "武力攻撃事態"},
    ],
    "nodes": [
        {
            "id": "jp-pm",
            "name": "Prime Minister",
            "name_ja": "内閣総理大臣",
            "nation": "JP",
            "kind": "political-authority",
        },
        {
            "id": "jp-hq",
            "name": "Joint HQ",
            "short": "JJOC",
            "name_ja": "統合作戦司令部",
            "nation": "JP",
            "kind": "headquarters",
        },
        {"id": "jp-unit", "name": "Fleet", "nation": "JP", "kind": "component"},
        {
            "id": "al-body",
            "name": "Coordination body",
            "nation": "alliance",
            "kind": "coordination-body",
            "phases": ["armed-attack"],
        },
        {"id": "us-pres", "name": "President", "nation": "US", "kind": "political-authority"},
        {"id": "us-cmd", "name": "Indo-Pacific Command", "nation": "US", "kind": "headquarters"},
        {"id": "us-unit", "name": "Air Force", "nation": "US", "kind": "unit"},
    ],
    "links": [
        {"from": "jp-pm", "to": "jp-hq", "relation": "command"},
        {"from": "jp-hq", "to": "jp-unit", "relation": "command"},
        {"from": "us-pres", "to": "us-cmd", "relation": "command"},
        {"from": "us-cmd", "to": "us-unit", "relation": "opcon"},
        {"from": "jp-hq", "to": "us-cmd", "relation": "counterpart"},
        {"from": "jp-hq", "to": "al-body", "relation": "member", "phases": ["armed-attack"]},
        {"from": "us-cmd", "to": "al-body", "relation": "member", "phases": ["armed-attack"]},
        {"from": "us-unit", "to": "jp-unit", "relation": "support", "phases": ["armed-attack"]},
    ],
}


def tiny_with(**changes: Any) -> Model:
    """The tiny model with top-level keys replaced."""
    return load_model_data(TINY | changes)


def named(*names: str) -> Model:
    """A JP chain pm -> a -> b ... whose node names are ``names`` (hostile names tests)."""
    nodes = [
        {"id": f"x{i}", "name": name, "nation": "JP", "kind": "unit"}
        for i, name in enumerate(names)
    ]
    links = [
        {"from": f"x{i}", "to": f"x{i + 1}", "relation": "opcon"} for i in range(len(names) - 1)
    ]
    return load_model_data(
        {
            "name": "hostile",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": nodes,
            "links": links,
        }
    )


@pytest.fixture
def tiny() -> Model:
    """The tiny alliance model."""
    return load_model_data(TINY)
