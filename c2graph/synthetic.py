"""Deterministic synthetic orders of battle for tests, demonstrations and benchmarks.

:func:`generate` builds the data of a model file: two national hierarchies (JP and US)
of ``n`` nodes in all (head of government, minister, then commanders of 3 to 8
subordinates each, echelon by echelon down to section level), joined by three alliance
coordination bodies, with about 10% extra links (coordination, support, second
commanders holding TACON or ADCON) of which about half hold only in some phases. Every
authority link runs from a shallower to a strictly deeper echelon, so no phase can
contain an authority cycle. :func:`write_model_files` writes the data as YAML,
JSON, or YAML with the units in a CSV file.

Example
-------
>>> data = generate(100, seed=1)
>>> len(data["nodes"])
100
>>> generate(100, seed=1) == data
True
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from pathlib import Path
from typing import Any

from .errors import OutputError
from .outputs import write_atomic
from .vocabulary import AUTHORITY_RELATIONS

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "MIN_UNITS",
    "PHASES",
    "generate",
    "to_units_csv",
    "to_yaml",
    "write_model_files",
]

#: Output formats of :func:`write_model_files`.
FORMATS: tuple[str, ...] = ("yaml", "json", "csv")
#: Smallest order of battle :func:`generate` builds (two nations and the alliance bodies).
MIN_UNITS = 10

#: Phase ids and names of generated models (the project's JP legal phases, in order).
PHASES: tuple[tuple[str, str], ...] = (
    ("peacetime", "Peacetime"),
    ("gray-zone", "Gray-zone situation"),
    ("important-influence", "Important influence situation"),
    ("anticipated-attack", "Anticipated armed attack situation"),
    ("survival-threatening", "Survival-threatening situation"),
    ("armed-attack", "Armed attack situation"),
)

# Echelon, node kind and English/Japanese noun by depth below a nation's top authority.
_ECHELONS: tuple[tuple[str, str, str, str], ...] = (
    ("national", "political-authority", "", ""),
    ("ministry", "ministry", "", ""),
    ("theater", "headquarters", "Joint Force", "統合部隊"),
    ("component", "component", "Component", "構成部隊"),
    ("corps", "unit", "Corps", "方面隊"),
    ("division", "unit", "Division", "師団"),
    ("brigade", "unit", "Brigade", "旅団"),
    ("regiment", "unit", "Regiment", "連隊"),
    ("battalion", "unit", "Battalion", "大隊"),
    ("company", "unit", "Company", "中隊"),
    ("platoon", "unit", "Platoon", "小隊"),
    ("section", "unit", "Section", "班"),
)
_TOPS = {
    "JP": (("Prime Minister", "内閣総理大臣"), ("Minister of Defense", "防衛大臣")),
    "US": (("President", ""), ("Secretary of Defense", "")),
}
_BODIES = (
    ("al-acm", "Alliance Coordination Mechanism", "all"),
    ("al-bocc", "Bilateral Operations Coordination Center", "all"),
    ("al-bjocc", "Bilateral Joint Operations Coordination Center", {"from": "gray-zone"}),
)


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


class _Builder:
    """Grows the node and link lists; remembers depths and ends to keep links valid."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nodes: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.depth: dict[str, int] = {}
        self.nation: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.by_depth: dict[tuple[str, int], list[str]] = {}
        self.ends: set[tuple[str, str, str]] = set()

    def node(self, node: dict[str, Any], depth: int) -> str:
        self.nodes.append(node)
        self.depth[node["id"]] = depth
        self.nation[node["id"]] = node["nation"]
        self.by_depth.setdefault((node["nation"], depth), []).append(node["id"])
        return str(node["id"])

    def link(self, tail: str, head: str, relation: str, phases: Any = "all") -> bool:
        if tail == head or (tail, head, relation) in self.ends:
            return False
        self.ends.add((tail, head, relation))
        link: dict[str, Any] = {"from": tail, "to": head, "relation": relation}
        if phases != "all":
            link["phases"] = phases
        self.links.append(link)
        return True


def _grow_nation(build: _Builder, nation: str, size: int) -> None:
    """Add ``size`` (at least 3) nodes of one nation: its top authority, its minister, and
    below the minister a tree grown breadth first, each parent with 3-8 children."""
    prefix = nation.lower()
    (top_en, top_ja), (min_en, min_ja) = _TOPS[nation]
    top = build.node(_unit(f"{prefix}-0", top_en, top_ja, nation, 0), 0)
    minister = build.node(_unit(f"{prefix}-1", min_en, min_ja, nation, 1), 1)
    build.link(top, minister, "command")
    queue = [minister]
    count = 2
    head = 0
    serial: dict[int, int] = {}
    while count < size:
        parent = queue[head]
        head += 1
        depth = build.depth[parent] + 1
        for _ in range(build.rng.randint(3, 8)):
            if count >= size:
                break
            serial[depth] = serial.get(depth, 0) + 1
            _, _, noun_en, noun_ja = _ECHELONS[min(depth, len(_ECHELONS) - 1)]
            name_en = f"{_ordinal(serial[depth])} {noun_en}"
            name_ja = f"第{serial[depth]}{noun_ja}" if nation == "JP" else ""
            child = build.node(_unit(f"{prefix}-{count}", name_en, name_ja, nation, depth), depth)
            build.parent[child] = parent
            build.link(parent, child, "command" if depth <= 3 else "opcon")
            queue.append(child)
            count += 1


def _unit(node_id: str, name: str, name_ja: str, nation: str, depth: int) -> dict[str, Any]:
    echelon, kind, _, _ = _ECHELONS[min(depth, len(_ECHELONS) - 1)]
    node: dict[str, Any] = {
        "id": node_id,
        "name": f"{nation} {name}",
        "nation": nation,
        "kind": kind,
        "echelon": echelon,
    }
    if name_ja:
        node["name_ja"] = name_ja
    return node


def _alliance(build: _Builder) -> None:
    """Add the coordination bodies, with the ministers and theater HQs as members."""
    members = [
        node_id
        for nation in ("JP", "US")
        for depth in (1, 2)
        for node_id in build.by_depth.get((nation, depth), [])[:2]
    ]
    for body_id, name, phases in _BODIES:
        body: dict[str, Any] = {
            "id": body_id,
            "name": name,
            "nation": "alliance",
            "kind": "coordination-body",
            "echelon": "alliance",
        }
        if phases != "all":
            body["phases"] = phases
        build.node(body, 1)
        for member in members:
            build.link(member, body_id, "member")


def _extra_links(build: _Builder, count: int) -> None:
    """Add ``count`` extra links; the odd-numbered ones hold only in some phases."""
    rng = build.rng
    units = [
        n["id"] for n in build.nodes if build.depth[n["id"]] >= 3 and n["nation"] != "alliance"
    ]
    if not units:
        return
    later = (
        {"from": "anticipated-attack"},
        {"from": "gray-zone", "to": "armed-attack"},
        ["survival-threatening", "armed-attack"],
        ["gray-zone"],
    )
    attempts = 0
    added = 0
    while added < count and attempts < count * 20:
        attempts += 1
        head = rng.choice(units)
        phases: Any = later[added % len(later)] if added % 2 else "all"
        choice = rng.random()
        if choice < 0.4:
            tail = _second_commander(build, head)
            if tail is None:
                continue
            relation = (
                "tacon"
                if build.nation[tail] != build.nation[head] or rng.random() < 0.5
                else "adcon"
            )
        elif choice < 0.7:
            peers = build.by_depth[(build.nation[head], build.depth[head])]
            tail = rng.choice(peers)
            relation = "coordination"
        else:
            tail = rng.choice(units)
            relation = "support"
        added += build.link(tail, head, relation, phases)


def _second_commander(build: _Builder, head: str) -> str | None:
    """A node of either nation strictly shallower than ``head``, other than its parent."""
    rng = build.rng
    nation = rng.choice(("JP", "US"))
    depth = rng.randint(2, build.depth[head] - 1)
    candidates = build.by_depth.get((nation, depth))
    if not candidates:
        return None
    tail = rng.choice(candidates)
    return None if tail == build.parent.get(head) else tail


def generate(n: int, *, seed: int = 0) -> dict[str, Any]:
    """Return the data of a model file holding a synthetic order of battle of ``n`` nodes.

    The same ``n`` and ``seed`` always give the same data.

    Parameters
    ----------
    n
        Number of nodes (at least :data:`MIN_UNITS`): two national hierarchies of about
        equal size plus three alliance coordination bodies.
    seed
        Seed of the random choices (branching, extra links).

    Example
    -------
    >>> data = generate(20)
    >>> data["nodes"][0]["id"], data["links"][0]["relation"]
    ('jp-0', 'command')
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < MIN_UNITS:
        raise ValueError(f"a synthetic order of battle needs at least {MIN_UNITS} units, got {n!r}")
    build = _Builder(random.Random(seed))
    national = n - len(_BODIES)
    _grow_nation(build, "JP", (national + 1) // 2)
    _grow_nation(build, "US", national // 2)
    _alliance(build)
    _extra_links(build, n // 10)
    return {
        "name": f"Synthetic order of battle ({n:,} units, seed {seed})",
        "as_of": "2025",
        "description": "Generated by c2graph.synthetic: two national hierarchies joined by "
        "alliance coordination bodies.",
        "phases": [{"id": pid, "name": name, "nation": "JP"} for pid, name in PHASES],
        "nodes": build.nodes,
        "links": build.links,
    }


# ---------------------------------------------------------------- writing


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _flow(item: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in item.items()) + "}"


def to_yaml(data: dict[str, Any]) -> str:
    """Write model data as block YAML with one flow mapping per item (JSON-quoted values).

    Examples
    --------
    >>> print(to_yaml({"name": "x", "phases": [{"id": "p", "name": "P"}]}), end="")
    name: "x"
    phases:
      - {id: "p", name: "P"}
    """
    out = io.StringIO()
    for key, value in data.items():
        if isinstance(value, list):
            out.write(f"{key}:\n")
            for item in value:
                out.write(f"  - {_flow(item) if isinstance(item, dict) else _scalar(item)}\n")
        elif isinstance(value, dict):
            out.write(f"{key}: {_flow(value)}\n")
        else:
            out.write(f"{key}: {_scalar(value)}\n")
    return out.getvalue()


#: Columns of the units CSV written by :func:`write_model_files`.
CSV_COLUMNS = ("id", "name", "nation", "kind", "parent", "relation", "echelon", "name_ja", "phases")


def _phases_cell(spec: Any) -> str:
    if isinstance(spec, list):
        return ";".join(spec)
    if isinstance(spec, dict):
        return f"{spec['from']}..{spec.get('to', '')}"
    return ""


def to_units_csv(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """Split model data into a units CSV (nodes with their parent link) and remaining links.

    A link becomes a unit's ``parent`` when it is the first authority link into the unit
    that holds in every phase; every other link stays in the model file.

    Examples
    --------
    >>> units, links = to_units_csv(generate(10))
    >>> units.splitlines()[1], len(links)
    ('jp-0,JP Prime Minister,JP,political-authority,,,national,内閣総理大臣,', 15)
    """
    parents: dict[str, dict[str, Any]] = {}
    rest = []
    for link in data["links"]:
        if (
            link["relation"] in AUTHORITY_RELATIONS
            and "phases" not in link
            and link["to"] not in parents
        ):
            parents[link["to"]] = link
        else:
            rest.append(link)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for node in data["nodes"]:
        link = parents.get(node["id"], {})
        row = {
            **node,
            "parent": link.get("from", ""),
            "relation": link.get("relation", ""),
            "phases": _phases_cell(node.get("phases")),
        }
        writer.writerow([row.get(column, "") for column in CSV_COLUMNS])
    return out.getvalue(), rest


def write_model_files(
    data: dict[str, Any],
    path: str | os.PathLike[str],
    *,
    fmt: str = "yaml",
    overwrite: bool = False,
) -> list[Path]:
    """Write model data to ``path`` as ``yaml``, ``json`` or ``csv``; return the files written.

    ``csv`` writes the model file ``path`` (YAML) naming a units file ``<stem>.units.csv``
    beside it, which holds every node and its parent link. Files are replaced atomically;
    existing files are kept (and :class:`~c2graph.errors.OutputError` raised) unless
    ``overwrite`` is true.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_model_files(generate(10), folder / "oob.yaml", fmt="csv")]
    ['oob.units.csv', 'oob.yaml']
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(path)
    if (fmt == "json") != (target.suffix.lower() == ".json"):
        raise OutputError(
            f"{target}: c2graph reads a model file as JSON exactly when its "
            f"name ends in .json; name the {fmt} output accordingly"
        )
    if fmt == "json":
        files = {target: json.dumps(data, ensure_ascii=False, indent=1) + "\n"}
    elif fmt == "yaml":
        files = {target: to_yaml(data)}
    else:
        units_path = target.with_name(f"{target.stem}.units.csv")
        units_text, links = to_units_csv(data)
        head = {k: v for k, v in data.items() if k not in ("nodes", "links")}
        model = head | {"units": [{"file": units_path.name}], "links": links}
        files = {units_path: units_text, target: to_yaml(model)}
    if not overwrite:
        for file in files:
            if file.exists():
                raise OutputError(f"{file}: already exists; remove it or allow overwriting")
    for file, text in files.items():
        write_atomic(file, text)
    return list(files)
