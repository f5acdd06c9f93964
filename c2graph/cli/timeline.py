"""``c2graph timeline MODEL [ID] [--file FILE] [-o OUT [--per-step]]``: a scenario timeline.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["timeline", "models/us-japan-2025.yaml"])  # doctest: +ELLIPSIS
timeline ...
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import QueryError
from ..vocabulary import AUTHORITY_RELATIONS
from ._common import Inputs, add_json, add_model, emit_json
from ._output import add_engine, guard_outputs
from ._terminal import write_lines
from .switches import basis_text, decision_lines

HELP = (
    "step through a timeline of phases and scenarios: what activates and lapses at each "
    "step, the decisions each needs; draw it as panels or one figure per step"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ID, ``--file``, ``-o``, ``--per-step``, ``--engine`` and ``--json``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "remote-island", "-o", "t.svg", "--per-step"])
    >>> args.timeline, args.output, args.per_step
    ('remote-island', 't.svg', True)
    """
    add_model(parser)
    parser.add_argument(
        "timeline", metavar="ID", nargs="?", help="timeline id (default: the first one)"
    )
    parser.add_argument(
        "--file", metavar="FILE", help="a timeline file (key 'timelines') instead of the model's"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="also draw the steps: one figure with a panel per step (.svg, .png, .pdf, .dot)",
    )
    parser.add_argument(
        "--per-step",
        action="store_true",
        help="with -o: one figure per step, FILE's name numbered (t-1.svg, t-2.svg, ...)",
    )
    add_engine(parser, "renderer for -o (default auto)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print each step's changes and decisions (or JSON); draw them when ``-o`` is given.

    Examples
    --------
    >>> run(argparse.Namespace(model="models/us-rok-cfc.yaml", timeline=None, file=None,
    ...     output=None, per_step=False, engine="auto", json=False))
    Traceback (most recent call last):
    c2graph.errors.QueryError: the model has no timelines: give one with --file or add 'timelines'
    """
    from ..analysis.timeline import timeline
    from ..modelfile.timelines import load_timelines

    inputs = Inputs(args)
    model = inputs.load(args.model)
    given = None
    if args.file:
        found = {t.id: t for t in load_timelines(args.file, model)}
        given = found.get(args.timeline) if args.timeline else next(iter(found.values()), None)
        if given is None:
            raise QueryError(f"{args.file}: no timeline {args.timeline!r}")
    result = timeline(model, None if given else args.timeline, given=given)
    if args.output:
        read = [*inputs.files, *([args.file] if args.file else [])]
        _draw(model, args, [step.enter for step in result.steps], read)
    if args.json:
        emit_json(result.to_dict())
        return 0
    write_lines(_text(result.to_dict()))
    return 0


def _draw(model: Any, args: argparse.Namespace, entered: list[str], read: list[Any]) -> None:
    from ..render import draw, picture_format

    picture_format(args.output)
    if args.per_step:
        out = Path(args.output)
        outputs = [
            str(out.with_name(f"{out.stem}-{i}{out.suffix}")) for i in range(1, len(entered) + 1)
        ]
        guard_outputs(outputs, inputs=read)
        for output, situation in zip(outputs, entered, strict=True):
            draw(model, output, phase=situation, engine=args.engine)
            sys.stderr.write(f"{output}: written\n")
        return
    guard_outputs([args.output], inputs=read)
    draw(model, args.output, phases=list(dict.fromkeys(entered)), engine=args.engine)
    sys.stderr.write(f"{args.output}: written\n")


def _text(data: dict[str, Any]) -> list[str]:
    lines = [f"timeline {data['id']!r}: {data['name']}"]
    for number, step in enumerate(data["steps"], start=1):
        where = f" ({step['situation']})" if step["situation"] != step["enter"] else ""
        lines += ["", f"step {number} at {step['at']}: enter {step['enter']}{where}"]
        if step["note"]:
            lines.append(f"  {step['note']}")
        plan = step["decisions"]
        needed = plan["required"] + plan["discretionary"]
        lines.append("  decisions:" if needed or plan["choices"] else "  decisions: none")
        lines += ["  " + line for d in needed for line in decision_lines(d)]
        lines += [f"    one of: {c['requirement']}" for c in plan["choices"]]
        for title, key in (("activates", "activated"), ("lapses", "lapsed")):
            changes = [_change(c) for c in step[key]]
            lines.append(f"  {title}: {'; '.join(changes) or 'nothing'}")
        if step["changed"]:
            changed = [f"{_change(c)} ({basis_text(c)})" for c in step["changed"]]
            lines.append(f"  changes basis: {'; '.join(changed)}")
        for title, key in (("nodes appear", "nodes_activated"), ("nodes go", "nodes_deactivated")):
            if step[key]:
                lines.append(f"  {title}: {', '.join(step[key])}")
    return lines


def _change(change: dict[str, Any]) -> str:
    """A link that activates or lapses: ``a —opcon→ b`` (authority) or ``a —member— b``."""
    end = "→" if change["relation"] in AUTHORITY_RELATIONS else "—"
    return f"{change['from']} —{change['relation']}{end} {change['to']}"
