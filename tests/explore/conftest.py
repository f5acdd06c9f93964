"""A tiny two-nation model for the explorer's tests, small enough for exact answers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from c2graph import Model, Source, load_model_data

#: Japan: PM → MOD → joint HQ → two units (the second under OPCON only in war, under a U.S.
#: TACON only in peace); the U.S.: President → HQ; a body both HQs sit in during war.
TINY: dict[str, Any] = {
    "name": "tiny",
    "as_of": "2025-01-06",
    "phases": [{"id": "peace", "name": "Peace"}, {"id": "war", "name": "War", "name_ja": "戦時"}],
    "nodes": [
        {
            "id": "pm",
            "name": "Prime Minister",
            "nation": "JP",
            "kind": "political-authority",
            "name_ja": "内閣総理大臣",
            "location": "tokyo",
        },
        {
            "id": "mod",
            "name": "Ministry of Defense",
            "short": "MOD",
            "nation": "JP",
            "kind": "ministry",
            "location": "tokyo",
        },
        {
            "id": "hq",
            "name": "Joint HQ",
            "short": "JHQ",
            "nation": "JP",
            "kind": "headquarters",
            "location": "tokyo",
        },
        {"id": "u1", "name": "First Unit", "nation": "JP", "kind": "unit"},
        {"id": "u2", "name": "Second Unit", "nation": "JP", "kind": "unit"},
        {"id": "potus", "name": "President", "nation": "US", "kind": "political-authority"},
        {
            "id": "ushq",
            "name": "US HQ",
            "nation": "US",
            "kind": "headquarters",
            "location": "hawaii",
        },
        {
            "id": "body",
            "name": "Coordination Body",
            "nation": "alliance",
            "kind": "coordination-body",
            "phases": ["war"],
        },
    ],
    "links": [
        {"from": "pm", "to": "mod", "relation": "command"},
        {"from": "mod", "to": "hq", "relation": "command"},
        {"from": "hq", "to": "u1", "relation": "command"},
        {
            "id": "u2-war",
            "from": "hq",
            "to": "u2",
            "relation": "opcon",
            "phases": ["war"],
            "basis": "Art. 76",
            "source": "s1",
        },
        {"from": "potus", "to": "ushq", "relation": "command"},
        {
            "from": "ushq",
            "to": "u2",
            "relation": "tacon",
            "phases": ["peace"],
            "confidence": "low",
            "source": "s2",
        },
        {"from": "hq", "to": "body", "relation": "member", "phases": ["war"]},
        {"from": "ushq", "to": "body", "relation": "member", "phases": ["war"]},
        {"from": "hq", "to": "ushq", "relation": "counterpart"},
        {"from": "mod", "to": "u1", "relation": "adcon"},
    ],
    "locations": [
        {
            "id": "tokyo",
            "name": "Tokyo",
            "lat": 35.7,
            "lon": 139.7,
            "utc_offset": 9,
            "tz": "Asia/Tokyo",
        },
        {"id": "hawaii", "name": "Camp Smith", "lat": 21.4, "lon": -157.9, "utc_offset": -10},
    ],
    "sources": [
        {"id": "s1", "title": "Statute", "url": "https://laws.example.jp/76"},
        {"id": "s2", "title": "Rumour", "note": "[a](javascript:alert(1))"},
    ],
}


#: The tiny model with its body in both phases; the U.S. HQ joins it only in war.
VARYING: dict[str, Any] = TINY | {
    "nodes": [n if n["id"] != "body" else {k: v for k, v in n.items() if k != "phases"}
              for n in TINY["nodes"]],
    "links": [
        link if link["to"] != "body" or link["from"] == "ushq" else link | {"phases": "all"}
        for link in TINY["links"]
    ],
}  # fmt: skip


def with_source(model: Model, source: Source) -> Model:
    """``model`` with one more source, built in Python: the file loader refuses any address
    that is not http(s), a record made in code may hold one."""
    return replace(model, sources={**model.sources, source.id: source})


@pytest.fixture
def tiny() -> Model:
    """The tiny model of :data:`TINY`."""
    return load_model_data(TINY)
