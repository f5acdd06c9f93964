"""``c2graph path MODEL TARGET``: the chains of authority to a node in one phase."""

from __future__ import annotations

import argparse
import sys

from ._common import add_json, add_model, add_phase, emit_json, load, phase_or_first

HELP = "show every chain of authority to a node, its effective authority and direct commanders"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_model(parser)
    parser.add_argument("target", metavar="TARGET", help="node id the chains lead to")
    parser.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE",
        help="start chains at this node (default: every top authority)",
    )
    add_phase(parser)
    parser.add_argument(
        "--via-coordination",
        action="store_true",
        help="also show request routes over coordination links (no authority)",
    )
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis import authority_paths, commanders

    model = load(args.model)
    phase = phase_or_first(model, args.phase)
    result = authority_paths(
        model, args.target, phase=phase, source=args.source, via_coordination=args.via_coordination
    )
    direct = commanders(model, args.target, phase=phase)
    if args.json:
        emit_json(result.to_dict() | {"commanders": direct.to_dict()})
        return 0
    target = model.nodes[args.target]
    origin = f" from {args.source}" if args.source else ""
    lines = [f"chains of authority to {target.id} ({target.name}){origin} in phase {phase!r}:"]
    chains = [p for p in result.paths if p.kind == "authority"]
    routes = [p for p in result.paths if p.kind == "coordination"]
    lines += [f"  {_chain(p.nodes, p.relations)}   effective: {p.effective}" for p in chains]
    if not chains:
        lines.append("  none")
    if args.via_coordination:
        lines += ["", "request routes over coordination links (no authority passes):"]
        lines += [f"  {_chain(p.nodes, p.relations, arrows=False)}" for p in routes] or ["  none"]
    lines += ["", f"direct superiors of {target.id}:"]
    lines += [f"  {s.node:<20} {s.relation}" for s in direct.superiors] or ["  none"]
    if direct.warning:
        lines += ["", f"warning: {direct.warning}"]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _chain(nodes: tuple[str, ...], relations: tuple[str, ...], *, arrows: bool = True) -> str:
    from ..vocabulary import AUTHORITY_RELATIONS

    parts = [nodes[0]]
    for relation, node in zip(relations, nodes[1:], strict=True):
        link = f"—{relation}→" if arrows or relation in AUTHORITY_RELATIONS else f"—{relation}—"
        parts += [link, node]
    return " ".join(parts)
