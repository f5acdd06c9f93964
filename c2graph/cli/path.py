"""``c2graph path MODEL TARGET``: the chains of authority to a node in one phase.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["path", "models/us-rok-cfc.yaml", "kr-forces", "--phase", "wartime"])
... # doctest: +NORMALIZE_WHITESPACE
chains of authority to kr-forces (Designated ROK forces) in phase 'wartime':
  kr-president —command→ kr-mnd —adcon→ kr-forces   effective: adcon
  kr-president —command→ kr-mnd —command→ al-mcm —command→ al-cfc —opcon→ kr-forces
    effective: opcon
  us-president —command→ us-secdef —command→ al-mcm —command→ al-cfc —opcon→ kr-forces
    effective: opcon
<BLANKLINE>
direct superiors of kr-forces:
  al-cfc               opcon
  kr-mnd               adcon
0
"""

from __future__ import annotations

import argparse
import sys

from ..vocabulary import AUTHORITY_RELATIONS
from ._common import add_json, add_model, add_phase, emit_json, load, phase_or_first

HELP = "show every chain of authority to a node, its effective authority and direct commanders"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, TARGET, ``--from``, ``--phase``, ``--via-coordination`` and ``--json``.

    Parameters
    ----------
    parser
        The parser of ``c2graph path``; TARGET and ``--from`` are node ids.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "jp-gcc", "--from", "jp-pm"])
    >>> args.target, args.source, args.via_coordination
    ('jp-gcc', 'jp-pm', False)
    """
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
    """Print the chains of authority to TARGET and its direct superiors, or their JSON.

    Parameters
    ----------
    args
        ``model``, ``target``, ``source`` (from ``--from``), ``phase``,
        ``via_coordination`` and ``json``.

    Returns
    -------
    int
        0. An unknown TARGET, ``--from`` node or phase raises
        :class:`~c2graph.errors.QueryError`, which :func:`~c2graph.cli.main.main` reports.

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", target="kr-jcs",
    ...     source=None, phase=None, via_coordination=False, json=False)
    >>> run(args)
    chains of authority to kr-jcs (ROK Joint Chiefs of Staff) in phase 'armistice':
      kr-president —command→ kr-mnd —command→ kr-jcs   effective: command
    <BLANKLINE>
    direct superiors of kr-jcs:
      kr-mnd               command
    0
    """
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
    parts = [nodes[0]]
    for relation, node in zip(relations, nodes[1:], strict=True):
        link = f"—{relation}→" if arrows or relation in AUTHORITY_RELATIONS else f"—{relation}—"
        parts += [link, node]
    return " ".join(parts)
