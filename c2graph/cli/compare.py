"""``c2graph compare A B [C ...]``: what changes between structure variants.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["compare", "models/us-rok-cfc.yaml", "models/us-rok-cfc.yaml"])
US–ROK Combined Forces Command (comparator) → US–ROK Combined Forces Command (comparator)
<BLANKLINE>
no differences
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..inert import inert
from ._common import Inputs, add_allow_outside, add_json, add_layer, emit_json
from ._output import guard_outputs

if TYPE_CHECKING:
    from ..analysis.nationlinks import NationLink
    from ..compare.comparison import Comparison, Matrix, PhaseComparison
    from ..compare.diff import StructuralDiff

HELP = (
    "compare structure variants: two give the full diff (nodes, links, chains of "
    "command, measures, approach space); more give a matrix of headline measures"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the MODEL files, ``--phase``, ``--layer``, ``--diagram`` and ``--json``.

    Parameters
    ----------
    parser
        The parser of ``c2graph compare``; the first MODEL is the baseline.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["a.yaml", "b.yaml", "--diagram", "diff.svg"])
    >>> args.models, args.phase, args.layer, args.diagram, args.json
    (['a.yaml', 'b.yaml'], None, 'operational', 'diff.svg', False)
    """
    parser.add_argument(
        "models", metavar="MODEL", nargs="+", help="model files; the first is the baseline"
    )
    parser.add_argument(
        "--phase", metavar="P", help="compare one phase (default: every phase the models share)"
    )
    add_layer(parser, authority_only=True)
    parser.add_argument(
        "--diagram",
        metavar="FILE",
        help="with two models: draw B over A in --phase (default: the "
        "first phase both have) as .svg, .png, .pdf (Graphviz) or .dot",
    )
    add_allow_outside(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the comparison of two models (and draw their diff diagram), or the matrix of
    headline measures of more, as text or JSON.

    Parameters
    ----------
    args
        ``models``, ``phase``, ``layer`` (of chains and measures), ``diagram`` (a file, or
        None) and ``json``.

    Returns
    -------
    int
        0. Fewer than two models, ``--diagram`` with more than two, an unknown phase or
        diagram extension raise :class:`~c2graph.errors.QueryError`; a diagram over a
        model file or over a MODEL :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> names = ["models/us-japan-2022.yaml", "models/us-japan-2025.yaml", "models/us-rok-cfc.yaml"]
    >>> run(argparse.Namespace(models=names, phase=None, layer="operational", diagram=None,
    ...     json=True))  # doctest: +ELLIPSIS
    {
      "layer": "operational",
      "columns": [
        "us-japan-2022",
    ...
    0
    """
    from ..compare import compare, compare_many
    from ..errors import QueryError

    if len(args.models) < 2:
        raise QueryError("give at least two model files to compare")
    inputs = Inputs(args)
    models = [inputs.load(path) for path in args.models]
    if len(models) > 2:
        if args.diagram:
            raise QueryError("--diagram draws two models; give exactly two")
        matrix = compare_many(
            models,
            phase=args.phase,
            names=[Path(path).stem for path in args.models],
            layer=args.layer,
        )
        if args.json:
            emit_json(matrix.to_dict())
        else:
            sys.stdout.write(format_matrix(matrix))
        return 0
    result = compare(models[0], models[1], phase=args.phase, layer=args.layer)
    if args.diagram:
        from ..render import picture_format
        from ..render.diff import draw_diff

        picture_format(args.diagram)
        guard_outputs([args.diagram], inputs=inputs.files)
        draw_diff(models[0], models[1], args.diagram, phase=args.phase)
    if args.json:
        emit_json(result.to_dict())
    else:
        sys.stdout.write(format_comparison(result))
    return 0


def _value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_matrix(matrix: Matrix) -> str:
    """Return the matrix as a text table: one column per variant.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.compare import compare_many
    >>> models = [load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025)]
    >>> table = format_matrix(compare_many(models, phase="peacetime", names=["a", "b"]))
    >>> print(*table.splitlines()[:2], sep="\\n")
    phase      measure                                  a            b
    peacetime  nodes                                    46           50
    """
    header = ["phase", "measure", *matrix.columns]
    body = [[r.phase, r.measure, *(_value(v) for v in r.values)] for r in matrix.rows]
    return _table(header, body)


def _table(header: list[str], body: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    return _text(lines)


def _text(lines: list[str]) -> str:
    """The lines as text, each inert (a newline inside one is escaped, not printed)."""
    return "".join(inert(line) + "\n" for line in lines)


def _diff_lines(diff: StructuralDiff, indent: str) -> list[str]:
    lines = []
    for title, items in (("nodes added", diff.nodes_added), ("nodes removed", diff.nodes_removed)):
        lines.append(f"{indent}{title} ({len(items)}): {', '.join(items) or '-'}")
    for change in diff.nodes_changed:
        fields = ", ".join(
            f"{c.field} {_value(c.before)} → {_value(c.after)}" for c in change.changes
        )
        lines.append(f"{indent}node changed: {change.id}: {fields}")
    for title, refs in (("links added", diff.links_added), ("links removed", diff.links_removed)):
        lines.append(f"{indent}{title} ({len(refs)})" + (":" if refs else ""))
        lines += [f"{indent}  {r.from_node} → {r.to_node} ({r.relation})" for r in refs]
    for link in diff.links_changed:
        fields = "; ".join(
            f"{c.field} {_value(c.before)} → {_value(c.after)}" for c in link.changes
        )
        lines.append(
            f"{indent}link changed: {link.from_node} → {link.to_node} ({link.relation}): {fields}"
        )
    for rel in diff.relations_changed:
        lines.append(
            f"{indent}relation changed: {rel.from_node} → {rel.to_node}: "
            f"{', '.join(rel.before)} → {', '.join(rel.after)}"
        )
    return lines


def _phase_lines(phase: PhaseComparison) -> list[str]:
    lines = [f"phase {phase.phase}:", *_diff_lines(phase.diff, "  ")]
    layer = phase.chains_changed[0].layer if phase.chains_changed else None
    lines.append(
        f"  chains of command changed ({len(phase.chains_changed)}"
        + (f", {layer} layer" if layer else "")
        + ")"
        + (":" if phase.chains_changed else "")
    )
    for change in phase.chains_changed:
        chains_before = " | ".join(" > ".join(c) for c in change.before) or "none"
        chains_after = " | ".join(" > ".join(c) for c in change.after) or "none"
        lines.append(f"    {change.unit}: {chains_before}")
        lines.append(f"    {' ' * len(change.unit)}  → {chains_after}")
        moves = [f"joined {', '.join(change.joined)}"] if change.joined else []
        moves += [f"left {', '.join(change.left)}"] if change.left else []
        if moves:
            lines.append(f"    {' ' * len(change.unit)}  ({'; '.join(moves)})")
    changed = [m for m in phase.measures if m.changed]
    lines.append(f"  measures changed ({len(changed)})" + (":" if changed else ""))
    lines += [f"    {m.measure}: {_value(m.before)} → {_value(m.after)}" for m in changed]
    before, after = phase.nation_link_before, phase.nation_link_after
    lines.append(
        f"  between the nations: cross-nation links {len(before.cross_links)} → "
        f"{len(after.cross_links)}; shared bodies "
        f"{', '.join(before.shared_bodies) or '-'} → "
        f"{', '.join(after.shared_bodies) or '-'}"
    )
    lines.append(
        f"  bridges: {', '.join(before.bridges) or '-'} → {', '.join(after.bridges) or '-'}"
    )
    lines.append(f"  counterpart mismatches: {_mismatches(before)} → {_mismatches(after)}")
    lines.append(f"  approach: {phase.approach_before.approach} → {phase.approach_after.approach}")
    lines.append(
        f"  unity of command: {phase.approach_before.unity} → {phase.approach_after.unity}"
    )
    return lines


def _mismatches(link: NationLink) -> str:
    return (
        ", ".join(
            f"{m.a.node} ({m.a.authority}) / {m.b.node} ({m.b.authority})" for m in link.mismatches
        )
        or "-"
    )


def format_comparison(result: Comparison) -> str:
    """Return a two-model comparison as readable text.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> print(format_comparison(compare(model, model)), end="")
    US–ROK Combined Forces Command (comparator) → US–ROK Combined Forces Command (comparator)
    <BLANKLINE>
    no differences
    """
    lines = [f"{result.before} → {result.after}"]
    if result.is_empty:
        return _text([*lines, "", "no differences"])
    if result.diff.phase is None:
        lines += ["", "whole model:", *_diff_lines(result.diff, "  ")]
    if result.phases_only_before or result.phases_only_after:
        lines.append(
            f"  phases only before: {', '.join(result.phases_only_before) or '-'}; "
            f"only after: {', '.join(result.phases_only_after) or '-'}"
        )
    for phase in result.phases:
        lines += ["", *_phase_lines(phase)]
    given = [
        (old, new)
        for old, new in zip(
            result.considerations_before.rows, result.considerations_after.rows, strict=True
        )
        if old.text or new.text
    ]
    if given:
        lines += ["", "considerations (before | after):"]
        lines += [f"  {old.key}: {old.text or '-'} | {new.text or '-'}" for old, new in given]
    return _text(lines)
