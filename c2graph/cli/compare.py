"""``c2graph compare A B [C ...]``: what changes between structure variants.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["compare", "models/us-rok-cfc.yaml", "models/us-rok-cfc.yaml"])
... # doctest: +ELLIPSIS
US–ROK Combined Forces Command ... → US–ROK Combined Forces Command ...
<BLANKLINE>
no differences
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import (
    DEFINITIONS_EPILOG,
    Inputs,
    add_allow_outside,
    add_jobs,
    add_json,
    add_lang,
    add_layer,
    emit_json,
    jobs_of,
)
from ._output import guard_outputs
from ._progress import add_quiet, progress_for

if TYPE_CHECKING:
    from ..messages import Messages
    from ..model import Model

HELP = (
    "compare structure variants: two give every change once (structure, then the findings "
    "of the phases that change alike), --summary the one-page decision-level comparison; "
    "more give a matrix of headline measures, or with --summary each against the first"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the MODEL files, ``--phase``, ``--layer``, ``--summary``, ``--diagram``,
    ``--lang``, ``--quiet`` and ``--json``.

    Parameters
    ----------
    parser
        The parser of ``c2graph compare``; the first MODEL is the baseline.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["a.yaml", "b.yaml", "--summary", "--lang", "ja"])
    >>> args.models, args.phase, args.layer, args.summary, args.lang, args.json
    (['a.yaml', 'b.yaml'], None, 'operational', True, 'ja', False)
    """
    parser.epilog = DEFINITIONS_EPILOG
    parser.add_argument(
        "models", metavar="MODEL", nargs="+", help="model files; the first is the baseline"
    )
    parser.add_argument(
        "--phase", metavar="P", help="compare one phase (default: every phase the models share)"
    )
    add_layer(parser, authority_only=True)
    parser.add_argument(
        "--summary",
        action="store_true",
        help="one page of decisions: who commands whom, decisions that become necessary or "
        "unnecessary, single points of failure gained and lost, counterpart matches and the "
        "six considerations beside the measured facts",
    )
    parser.add_argument(
        "--diagram",
        metavar="FILE",
        help="with two models: draw B over A in --phase (default: the "
        "first phase both have) as .svg, .png, .pdf (Graphviz) or .dot",
    )
    parser.add_argument(
        "--depth",
        metavar="N",
        type=int,
        help="--diagram as an overview keeping formations down to N steps below the top, "
        "the units below counted in their box (default for a large diff: the depth that "
        "fits a slide)",
    )
    parser.add_argument(
        "--all-units",
        action="store_true",
        help="--diagram with every unit of a large diff instead of an overview (slow, and "
        "too large to read on a slide)",
    )
    add_lang(parser)
    add_jobs(parser, "the matrix of three or more models, one model each")
    add_quiet(parser)
    add_allow_outside(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the comparison of two models (and draw their diff diagram), the matrix of
    headline measures of more, or with ``--summary`` the briefing of each against the
    first, as text or JSON.

    Parameters
    ----------
    args
        ``models``, ``phase``, ``layer`` (of chains and measures), ``summary``,
        ``diagram`` (a file, or None), ``depth`` and ``all_units`` (how the diagram
        folds), ``lang``, ``jobs`` (workers of a matrix; None: the machine's cores),
        ``quiet`` and ``json``.

    Returns
    -------
    int
        0. Fewer than two models, ``--diagram`` with more than two, ``--depth`` with
        ``--all-units``, an unknown phase, language or diagram extension raise
        :class:`~c2graph.errors.QueryError`; a
        diagram over a model file or over a MODEL :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> names = ["models/us-japan-2022.yaml", "models/us-japan-2025.yaml", "models/us-rok-cfc.yaml"]
    >>> run(argparse.Namespace(models=names, phase=None, layer="operational", diagram=None,
    ...     depth=None, all_units=False, summary=False, lang=None, quiet=True, json=True))
    ... # doctest: +ELLIPSIS
    {
      "layer": "operational",
      "columns": [
        "us-japan-2022",
    ...
    0
    """
    import gc

    from ..modelfile.parsing import gc_paused

    with gc_paused():  # no collection while the measures allocate millions of objects
        code = _compared(args)
        # Output is written; what is left is kept until the process ends: frozen, the
        # collector never scans it again (as the bottlenecks command does).
        gc.freeze()
    return code


def _compared(args: argparse.Namespace) -> int:
    """Load the models and print what :func:`run` prints."""
    import gc

    from ..errors import QueryError
    from ..messages import messages

    if len(args.models) < 2:
        raise QueryError("give at least two model files to compare")
    if args.diagram and len(args.models) > 2:
        raise QueryError("--diagram draws two models; give exactly two")
    if args.all_units and args.depth is not None:
        raise QueryError("--depth folds units into their formations: drop it or --all-units")
    msg = messages(args.lang)
    tell = progress_for(args)
    inputs = Inputs(args)
    models = []
    for index, path in enumerate(args.models, start=1):
        models.append(inputs.load(path))
        tell(msg("progress.loaded", model=Path(path).stem), index, len(args.models))
    gc.freeze()  # the models live to the end: collections of each phase's graphs skip them
    if args.summary:
        return _summaries(args, models, msg, inputs.files)
    if len(models) > 2:
        return _matrix(args, models, msg)
    return _pair(args, models, msg, inputs.files)


def _pair(args: argparse.Namespace, models: list[Model], msg: Messages, read: list[Path]) -> int:
    from ..compare.briefing import compared_briefing
    from ..compare.text import comparison_text
    from ..limits import LISTED

    a, b = models
    result, brief = compared_briefing(a, b, phase=args.phase, layer=args.layer)
    if args.diagram:
        _diagram(args, a, b, msg, read)
    if args.json:
        emit_json(result.to_dict() | {"briefing": brief.to_dict()})
    else:
        sys.stdout.write(comparison_text(result, brief, a, b, msg, limit=LISTED))
    return 0


def _summaries(
    args: argparse.Namespace, models: list[Model], msg: Messages, read: list[Path]
) -> int:
    from ..compare.briefing import compared_briefing
    from ..compare.summary import summary_text
    from ..limits import LISTED

    base, options = models[0], models[1:]
    briefs = [compared_briefing(base, m, phase=args.phase, layer=args.layer)[1] for m in options]
    if args.diagram:
        _diagram(args, base, options[0], msg, read)
    if args.json:
        data = [b.to_dict() for b in briefs]
        emit_json(data[0] if len(data) == 1 else data)
    else:
        pairs = zip(briefs, options, strict=True)
        texts = [summary_text(b, base, m, msg, limit=LISTED) for b, m in pairs]
        sys.stdout.write("\n".join(texts))
    return 0


def _matrix(args: argparse.Namespace, models: list[Model], msg: Messages) -> int:
    from ..compare import compare_many
    from ..compare.text import matrix_text

    names = [Path(path).stem for path in args.models]
    matrix = compare_many(
        models, phase=args.phase, names=names, layer=args.layer, jobs=jobs_of(args)
    )
    if args.json:
        emit_json(matrix.to_dict())
    else:
        phases = {p: msg.phase(m, p) for m in reversed(models) for p in m.phase_ids}
        sys.stdout.write(matrix_text(matrix, phases, msg))
    return 0


def _diagram(args: argparse.Namespace, a: Model, b: Model, msg: Messages, read: list[Path]) -> None:
    """Draw B over A to ``--diagram``, folded as ``--depth`` and ``--all-units`` say (with
    ``--all-units``, the warning ``draw`` gives for a large phase)."""
    from ..render import picture_format
    from ..render.diff import draw_diff

    picture_format(args.diagram)
    guard_outputs([args.diagram], inputs=read)
    if args.all_units:
        from .draw import all_units_warning

        shared = [p for p in b.phase_ids if p in a.phase_ids]
        warning = all_units_warning(b, [args.phase or (shared or b.phase_ids)[0]])
        if warning:
            sys.stderr.write(warning + "\n")
    draw_diff(
        a,
        b,
        args.diagram,
        phase=args.phase,
        lang=msg.names,
        depth=args.depth,
        all_units=args.all_units,
    )
