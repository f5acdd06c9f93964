"""Tiny hand-built models shared by the comparison tests."""

from __future__ import annotations

from typing import Any

from c2graph import Model, load_model_data

PHASES = [{"id": "peacetime", "name": "Peacetime"}, {"id": "war", "name": "War"}]


def node(node_id: str, nation: str, kind: str = "unit", **extra: Any) -> dict[str, Any]:
    """Return node data with the name equal to the id."""
    return {"id": node_id, "name": node_id.upper(), "nation": nation, "kind": kind, **extra}


def link(tail: str, head: str, relation: str, **extra: Any) -> dict[str, Any]:
    """Return link data."""
    return {"from": tail, "to": head, "relation": relation, **extra}


def build(nodes: list[dict[str, Any]], links: list[dict[str, Any]], **extra: Any) -> Model:
    """Build a two-phase model in memory."""
    return load_model_data({"name": extra.pop("name", "m"), "as_of": "2025",
                            "phases": PHASES, "nodes": nodes, "links": links, **extra})
