"""Builders of tiny hand-made models, shared by every test module.

``build`` makes a model from node and link data; ``node`` and ``link`` make that data;
``numbered_nodes`` and ``forward_links`` are Hypothesis strategies for random acyclic
structures; ``shipped`` loads a model of ``models/``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from c2graph import Model, load_model, load_model_data
from c2graph.cli.main import main
from c2graph.vocabulary import RELATIONS

#: The two phases most hand-built models use.
PEACE_WAR = ("peace", "war")
#: The two phases of the models that follow the shipped ones' naming.
PEACETIME_WAR = ("peacetime", "war")

MODELS = Path(__file__).resolve().parent.parent / "models"

#: Two locations with their zones and office hours (the JJOC's and INDOPACOM's).
TOKYO = {
    "id": "tokyo",
    "name": "Tokyo",
    "lat": 35.69,
    "lon": 139.73,
    "utc_offset": 9,
    "tz": "Asia/Tokyo",
    "office_hours": {"hours": ["Mon-Fri 08:30-17:15"]},
}
HAWAII = {
    "id": "hawaii",
    "name": "Camp Smith",
    "lat": 21.39,
    "lon": -157.89,
    "utc_offset": -10,
    "tz": "Pacific/Honolulu",
    "office_hours": {"hours": ["Mon-Fri 07:30-16:30"]},
}

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


#: :func:`build` with the phases ``peacetime`` and ``war``.
build_peacetime_war = functools.partial(build, phases=PEACETIME_WAR)


def shipped(name: str) -> Model:
    """Load ``models/<name>``, skipping the test when this tree does not have it."""
    path = MODELS / name
    if not path.exists():
        pytest.skip(f"models/{name} is not in this tree")
    return load_model(path)


@st.composite
def numbered_nodes(
    draw: st.DrawFn,
    size: int,
    *,
    kinds: Sequence[str] = ("unit",),
    nations: Sequence[str] = ("JP",),
) -> list[tuple[str, str, str]]:
    """Draw nodes ``n0`` ... ``n<size-1>`` as ``(id, nation, kind)``, each of a drawn
    nation and kind."""
    return [
        (f"n{i}", draw(st.sampled_from(nations)), draw(st.sampled_from(kinds))) for i in range(size)
    ]


@st.composite
def forward_links(
    draw: st.DrawFn,
    size: int,
    relations: Sequence[str],
    *,
    max_links: int,
    phases: Sequence[Any] | None = None,
) -> list[dict[str, Any]]:
    """Draw links among ``n0`` ... ``n<size-1>``, each from a lower to a higher index (so
    authority never cycles), at most one per ends and relation.

    ``phases`` are the values a link's ``phases`` is drawn from; without it every link
    holds in every phase.
    """
    ends = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    drawn = draw(
        st.lists(
            st.tuples(ends, st.sampled_from(relations), st.sampled_from(phases or [None])),
            max_size=max_links,
        )
    )
    links: dict[tuple[int, int, str], dict[str, Any]] = {}
    for (u, v), relation, holds in drawn:
        if u < v and (u, v, relation) not in links:
            extra = {} if holds is None else {"phases": holds}
            links[u, v, relation] = link(f"n{u}", f"n{v}", relation, **extra)
    return list(links.values())


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``c2graph ARGV...`` in this process: its exit code, standard output and error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


#: The nations of :func:`alliance_models`: two and the alliance.
ALLIANCE_NATIONS = ("JP", "US", "alliance")


@st.composite
def alliance_models(
    draw: st.DrawFn, kinds: Sequence[str], *, max_size: int, max_links: int
) -> tuple[Model, int]:
    """Draw a random acyclic model of two nations and alliance bodies, every relation
    drawn, each link in peace, war or all phases: the model and its number of nodes
    (``n0`` ...)."""
    size = draw(st.integers(2, max_size))
    nodes = draw(numbered_nodes(size, kinds=kinds, nations=ALLIANCE_NATIONS))
    phases = (["peace"], ["war"], "all")
    links = draw(forward_links(size, tuple(RELATIONS), max_links=max_links, phases=phases))
    return build(nodes, links), size


def command_json(*argv: str) -> Any:
    """Run ``c2graph ARGV... --json`` in this process (it must succeed): its parsed output."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main([*argv, "--json"]) == 0
    return json.loads(out.getvalue())
