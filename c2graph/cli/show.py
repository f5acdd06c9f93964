"""``c2graph show FILE``: a readable summary of a model, or of one phase of it."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from ..model import Model
from ._common import add_json, add_model, emit_json, load

HELP = "summarise a model: counts by nation, kind and relation; phases and their declarers"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_model(parser)
    parser.add_argument("--phase", metavar="P", help="count only what holds in this phase")
    add_json(parser)


def summarise(model: Model, phase: str | None = None) -> dict[str, object]:
    """Return the counts ``show`` prints, for the whole model or one phase.

    Nodes and links are counted in the phase when one is given, else all of them.
    """
    if phase is not None:
        model.phase(phase)
    nodes = [n for n in model.nodes.values() if phase is None or phase in n.phases]
    links = [link for link in model.links if phase is None or phase in link.phases]
    return {
        "name": model.name,
        "as_of": model.as_of,
        "phase": phase,
        "nodes": len(nodes),
        "links": len(links),
        "by_nation": dict(sorted(Counter(n.nation for n in nodes).items())),
        "by_kind": dict(sorted(Counter(n.kind for n in nodes).items())),
        "by_relation": dict(sorted(Counter(link.relation for link in links).items())),
        "phases": [
            {
                "id": p.id,
                "name": p.name,
                "declared_by": p.declared_by,
                "approval": list(p.approval),
                "basis": p.basis,
                "links": sum(1 for link in model.links if p.id in link.phases),
            }
            for p in model.phases
        ],
    }


def _table(title: str, counts: dict[str, int]) -> list[str]:
    width = max((len(k) for k in counts), default=0)
    return [f"{title}:"] + [f"  {key:<{width}}  {value:>5}" for key, value in counts.items()]


def run(args: argparse.Namespace) -> int:
    model = load(args.model)
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
    for title, key in (
        ("nations", "by_nation"),
        ("kinds", "by_kind"),
        ("relations", "by_relation"),
    ):
        lines += [*_table(title, summary[key]), ""]  # type: ignore[arg-type]
    lines.append("phases (in order):")
    for p in model.phases:
        declared = model.nodes[p.declared_by].name if p.declared_by else "standing"
        approval = ", ".join(model.nodes[a].name for a in p.approval) or "none"
        lines.append(f"  {p.id}: {p.name}")
        lines.append(f"      declared by: {declared}; approval: {approval}")
        if p.basis:
            lines.append(f"      basis: {p.basis}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
