"""Builders of tiny hand-made models, shared by every test module."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from c2graph import Model, load_model_data

#: The two phases most hand-built models use.
PEACE_WAR = ("peace", "war")

NodeSpec = dict[str, Any] | tuple[str, str, str]


def node(node_id: str, nation: str, kind: str = "unit", **extra: Any) -> dict[str, Any]:
    """Return node data whose name is the id in capitals."""
    return {"id": node_id, "name": node_id.upper(), "nation": nation, "kind": kind, **extra}


def link(tail: str, head: str, relation: str, **extra: Any) -> dict[str, Any]:
    """Return link data."""
    return {"from": tail, "to": head, "relation": relation, **extra}


def build(
    nodes: Iterable[NodeSpec],
    links: Iterable[dict[str, Any]],
    *,
    phases: Sequence[str | dict[str, Any]] = PEACE_WAR,
    node_extra: dict[str, dict[str, Any]] | None = None,
    name: str = "test",
    **extra: Any,
) -> Model:
    """Build a model in memory.

    ``nodes`` are node dicts or ``(id, nation, kind)`` triples; ``phases`` are phase ids
    (named after themselves) or phase dicts; ``node_extra`` adds keys to nodes by id;
    ``extra`` gives more top-level sections (``sources``, ``locations``, ...).
    """
    node_data = [node(*spec) if isinstance(spec, tuple) else spec for spec in nodes]
    more = node_extra or {}
    return load_model_data(
        {
            "name": name,
            "as_of": "2025",
            "phases": [
                {"id": p, "name": p.capitalize()} if isinstance(p, str) else p for p in phases
            ],
            "nodes": [data | more.get(data["id"], {}) for data in node_data],
            "links": list(links),
            **extra,
        }
    )
