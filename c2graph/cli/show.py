"""``c2graph show FILE``: a readable summary of a model, or of one phase of it.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["show", "models/us-rok-cfc.yaml", "--phase", "wartime"])  # doctest: +ELLIPSIS
US–ROK Combined Forces Command (comparator) (as of 2019-01)
14 nodes and 20 links in phase 'wartime'
...
0
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from typing import Any, TypedDict

from ..model import Model
from ._common import Inputs, add_json, add_model, emit_json
from ._terminal import write_lines

HELP = "summarise a model: counts by nation, kind and relation; phases and their declarers"


class Summary(TypedDict):
    """What ``show`` prints: counts of the whole model or of one phase, the phases of every
    nation's set and the scenarios."""

    name: str
    as_of: str
    phase: str | None
    nodes: int
    links: int
    by_nation: dict[str, int]
    by_kind: dict[str, int]
    by_relation: dict[str, int]
    phases: list[dict[str, Any]]
    scenarios: list[dict[str, str]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--phase`` and ``--json``.

    Parameters
    ----------
    parser
        Where ``c2graph show`` takes its arguments from.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args(["m.yaml", "--phase", "war"]))
    {'model': 'm.yaml', 'allow_outside': [], 'phase': 'war', 'json': False}
    """
    add_model(parser)
    parser.add_argument("--phase", metavar="P", help="count only what holds in this phase")
    add_json(parser)


def summarise(model: Model, phase: str | None = None) -> Summary:
    """Return the counts ``show`` prints, for the whole model or one phase.

    Parameters
    ----------
    model
        The loaded model.
    phase
        Count only the nodes and links holding in this phase; None counts them all.

    Returns
    -------
    Summary
        The counts (sorted by name) and every phase with its declarer, approval, basis
        and number of links.

    Raises
    ------
    QueryError
        When ``phase`` is not a phase of the model.

    Examples
    --------
    >>> from c2graph import load_model
    >>> summary = summarise(load_model("models/us-rok-cfc.yaml"), "wartime")
    >>> summary["nodes"], summary["links"], summary["by_nation"]["KR"]
    (14, 20, 4)
    """
    if phase is not None:
        model.situation(phase)
    nodes = [n for n in model.nodes.values() if phase is None or phase in n.phases]
    links = [link for link in model.links if phase is None or phase in link.phases]
    return {
        "name": model.name,
        "as_of": model.as_of,
        "phase": phase,
        "nodes": len(nodes),
        "links": len(links),
        "by_nation": _counts(n.nation for n in nodes),
        "by_kind": _counts(n.kind for n in nodes),
        "by_relation": _counts(link.relation for link in links),
        "phases": [
            {
                "id": p.id,
                "name": p.name,
                "nation": p.nation,
                "declared_by": p.declared_by,
                "approval": list(p.approval),
                "requires": p.requires.text() if p.requires else None,
                "basis": p.basis,
                "links": sum(1 for link in model.links if p.id in link.phases),
            }
            for p in (*model.phases, *model.other_phases)
        ],
        "scenarios": [
            {"id": s.id, "name": s.name, "phases": model.situation(s.id).text()}
            for s in model.scenarios.values()
        ],
    }


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _table(title: str, counts: dict[str, int]) -> list[str]:
    width = max((len(k) for k in counts), default=0)
    return [f"{title}:"] + [f"  {key:<{width}}  {value:>5}" for key, value in counts.items()]


def run(args: argparse.Namespace) -> int:
    """Print the summary of the model named on the command line, as a table or JSON.

    Parameters
    ----------
    args
        ``model``, ``phase`` (None for the whole model) and ``json``.

    Returns
    -------
    int
        Always 0: a phase the model lacks raises, in :func:`summarise`.

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", phase=None, json=False)
    >>> run(args)  # doctest: +ELLIPSIS
    US–ROK Combined Forces Command (comparator) (as of 2019-01)
    14 nodes and 22 links
    ...
    phases (in order):
      armistice: Armistice
    ...
    0
    """
    model = Inputs(args).load(args.model)
    summary = summarise(model, args.phase)
    if args.json:
        emit_json(summary)
        return 0
    scope = f" in phase {args.phase!r}" if args.phase else ""
    lines = [
        f"{model.name} (as of {model.as_of})",
        f"{summary['nodes']} nodes and {summary['links']} links{scope}",
        "",
    ]
    for title, counts in (
        ("nations", summary["by_nation"]),
        ("kinds", summary["by_kind"]),
        ("relations", summary["by_relation"]),
    ):
        lines += [*_table(title, counts), ""]
    lines.append("phases (in order):")
    for p in summary["phases"]:
        nation = f" [{p['nation']}]" if len(model.phase_sets) > 1 else ""
        lines.append(f"  {p['id']}: {p['name']}{nation}")
        lines.append(f"      {_entered(model, p)}")
        if p["basis"]:
            lines.append(f"      basis: {p['basis']}")
    if summary["scenarios"]:
        lines += ["", "scenarios:"]
        lines += [f"  {s['id']}: {s['name']} ({s['phases']})" for s in summary["scenarios"]]
    write_lines(lines)
    return 0


def _entered(model: Model, phase: dict[str, Any]) -> str:
    """How a phase is entered: the decisions it requires, its declarer, or nothing."""
    parts = []
    if phase["requires"]:
        parts.append(f"requires: {phase['requires']}")
    if phase["declared_by"]:
        approval = ", ".join(model.nodes[a].name for a in phase["approval"]) or "none"
        parts.append(f"declared by: {model.nodes[phase['declared_by']].name}; approval: {approval}")
    return "; ".join(parts) or "standing (no decision required)"
