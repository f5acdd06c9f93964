"""``c2graph counterparts MODEL [--phase P]``: each node's opposite numbers in the other nation.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["counterparts", "models/us-japan-2025.yaml"])  # doctest: +ELLIPSIS
counterparts in 'peacetime'
...
0
"""

from __future__ import annotations

import argparse
from typing import Any

from ._common import Inputs, add_json, add_model, add_phase, emit_json, phase_or_first
from ._terminal import write_lines

HELP = (
    "list each node's counterparts in the other nation: the authority each holds, where it "
    "sits, the clock offset and the office hours they share"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--phase`` and ``--json``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> parser.parse_args(["m.yaml", "--phase", "armed-attack"]).phase
    'armed-attack'
    """
    add_model(parser)
    add_phase(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the counterparts of every node in the phase or scenario, or JSON.

    Examples
    --------
    >>> run(argparse.Namespace(model="models/us-rok-cfc.yaml", phase=None, json=False))
    counterparts in 'armistice'
      none: no counterpart links between two nations hold
    0
    """
    from ..analysis.counterparts import counterparts

    model = Inputs(args).load(args.model)
    data = counterparts(model, phase=phase_or_first(model, args.phase)).to_dict()
    if args.json:
        emit_json(data)
        return 0
    write_lines(_text(data))
    return 0


def _holds(holding: dict[str, Any]) -> str:
    if holding["forces"]:
        held = f"{holding['authority']} over {', '.join(holding['forces'])}"
    else:
        held = "no operational authority over forces"
    conduit = "; a conduit (transmits orders)" if holding["conduit"] else ""
    where = holding["location"] or "no location"
    zone = f", {holding['zone']}" if holding["zone"] else ""
    return f"{held}{conduit}; at {where}{zone}"


def _text(data: dict[str, Any]) -> list[str]:
    lines = [f"counterparts in {data['phase']!r}"]
    current = None
    for pair in data["pairs"]:
        node, other = pair["node"], pair["counterpart"]
        if node["node"] != current:
            current = node["node"]
            lines += ["", f"{current} ({node['nation']}): holds {_holds(node)}"]
        shared = pair["shared_office_hours"]
        windows = "; ".join(
            " = ".join(f"{text} ({n})" for n, text in w["local"].items()) for w in shared["windows"]
        )
        lines += [
            f"  counterpart {other['node']} ({other['nation']}): holds {_holds(other)}",
            f"    clock: {pair['clock_offset']['text']}",
            f"    shared office hours, week of {shared['week_of']}: {shared['weekly_hours']:g} h"
            + (f" ({windows})" if windows else ""),
        ]
    if not data["pairs"]:
        lines.append("  none: no counterpart links between two nations hold")
    return lines
