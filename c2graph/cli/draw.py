"""``c2graph draw MODEL -o FILE``: a command chart of one phase, or phase panels, with overlays.

A model with more than :data:`~c2graph.render.overview.FOLD_ABOVE` units in a phase is
drawn as an overview: formations down to a depth (``--depth``, else the one that fits a
slide), each box saying how many units it holds; ``--all-units`` draws every unit, with
a warning of the size and time that takes.

Example
-------
>>> import tempfile, pathlib
>>> from c2graph.cli.main import main
>>> out = pathlib.Path(tempfile.mkdtemp()) / "cfc.dot"
>>> main(["draw", "models/us-rok-cfc.yaml", "--phases", "armistice,wartime", "-o", str(out)])
... # doctest: +ELLIPSIS
/.../cfc.dot: written
0
"""

from __future__ import annotations

import argparse
import sys

from ..errors import QueryError
from ..model import Model
from ._common import Inputs, add_model
from ._output import add_engine, guard_outputs
from ._progress import add_quiet, progress_for
from ._terminal import write_lines

HELP = "draw a command chart (SVG, PNG, PDF or DOT, from the file extension)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--phase`` or ``--phases``, the overlays, ``--lang``, ``--engine``, ``-o``.

    Parameters
    ----------
    parser
        The parser of ``c2graph draw``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--phases", "a,b", "--remove", "hq", "-o", "x.svg"])
    >>> args.phases, args.remove, args.engine, args.output, args.size
    ('a,b', 'hq', 'auto', 'x.svg', 'slide')
    """
    from ..render.scene import SIZES
    from ..render.views import HIDE_CHOICES, LAYERS

    add_model(parser)
    views = parser.add_mutually_exclusive_group()
    views.add_argument("--phase", metavar="P", help="phase id (default: the model's first)")
    views.add_argument(
        "--phases",
        metavar="P1,P2,...",
        help="draw these phases side by side, marking links that switch",
    )
    parser.add_argument(
        "--path", metavar="TARGET", help="highlight every chain of command to this node"
    )
    parser.add_argument(
        "--bottlenecks",
        action="store_true",
        help="mark dominators and cut nodes of the chains of command",
    )
    parser.add_argument(
        "--remove", metavar="NODE", help="draw NODE as removed and mark the units it cuts off"
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="label with names in this language where the model has them (name_ja, "
        "name_ko...); ja also puts the title, legend and group names in Japanese",
    )
    parser.add_argument(
        "--focus",
        metavar="NODE",
        help="draw only NODE, its chains of command up and down and its counterparts",
    )
    parser.add_argument(
        "--depth",
        metavar="N",
        type=int,
        help="with --focus: subordinates down to N authority steps (default 2); without: "
        "an overview keeping formations down to N steps below the top, the units below "
        "counted in their box (default for a large model: the depth that fits a slide)",
    )
    parser.add_argument(
        "--all-units",
        action="store_true",
        help="draw every unit of a large model instead of an overview (slow, and too "
        "large to read on a slide)",
    )
    parser.add_argument(
        "--nations", metavar="N1,N2,...", help="draw only these nations (e.g. JP,US,alliance)"
    )
    parser.add_argument("--layer", choices=LAYERS, help="draw only the links of this layer")
    parser.add_argument(
        "--hide",
        metavar="WHAT,...",
        help=f"hide member lists or layers: {', '.join(HIDE_CHOICES)}",
    )
    parser.add_argument(
        "--size",
        choices=tuple(SIZES),
        default="slide",
        help="page the chart is made for: slide (short names, the default), a4 or poster "
        "(short and full names)",
    )
    add_engine(
        parser,
        "renderer (default auto: Graphviz, a system 'dot' or the library bundled with "
        "pygraphviz, else matplotlib)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="output file: .svg, .png, .pdf or .dot",
    )
    add_quiet(parser)


def run(args: argparse.Namespace) -> int:
    """Draw the chart into ``-o`` (the format from its extension) and say so.

    Parameters
    ----------
    args
        ``model``, ``phase``, ``phases`` (comma-separated ids), ``path``, ``bottlenecks``,
        ``remove``, ``lang``, ``focus``, ``depth``, ``all_units``, ``nations`` and
        ``hide`` (comma-separated), ``layer``, ``size``, ``engine`` and ``output``.

    Returns
    -------
    int
        0. An unknown extension, phase or node raises :class:`~c2graph.errors.QueryError`;
        an output over a model file or over MODEL itself
        :class:`~c2graph.errors.OutputError`, before anything is drawn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "jcs.dot"
    >>> run(argparse.Namespace(model="models/us-rok-cfc.yaml", phase="wartime", phases=None,
    ...     path="kr-jcs", bottlenecks=False, remove=None, lang=None, engine="auto",
    ...     focus="kr-jcs", depth=1, all_units=False, nations=None, layer=None, hide=None,
    ...     size="slide", output=str(out), quiet=True))  # doctest: +ELLIPSIS
    /.../jcs.dot: written
    0
    """
    from ..messages import interface
    from ..render import draw, picture_format
    from ..render.engine import look_up_engine

    if args.engine != "matplotlib" and not str(args.output).lower().endswith(".dot"):
        look_up_engine()  # while the model loads and the chart is laid out
    msg = interface(args.lang)
    tell = progress_for(args)
    inputs = Inputs(args)
    model = inputs.load(args.model)
    tell(msg("progress.loaded", model=args.model), 1, 3)
    phases = None
    if args.phases is not None:
        phases = [p.strip() for p in args.phases.split(",") if p.strip()]
        if not phases:
            raise QueryError("--phases needs at least one phase id")
    if args.all_units and args.depth is not None and args.focus is None:
        raise QueryError("--depth folds units into their formations: drop it or --all-units")
    picture_format(args.output)
    guard_outputs([args.output], inputs=inputs.files)
    if args.all_units:
        warning = all_units_warning(model, phases or [args.phase or model.phases[0].id])
        if warning:
            sys.stderr.write(warning + "\n")
    tell(msg("progress.drawing_chart", count=len(model.nodes)), 2, 3)
    draw(
        model,
        args.output,
        focus=args.focus,
        depth=args.depth,
        nations=_items(args.nations, "--nations"),
        layer=args.layer,
        hide=_items(args.hide, "--hide") or (),
        size=args.size,
        all_units=args.all_units,
        phase=args.phase,
        phases=phases,
        highlight_path=args.path,
        bottlenecks=args.bottlenecks,
        removed=args.remove,
        lang=args.lang,
        engine=args.engine,
    )
    tell(msg("progress.drawn_chart"), 3, 3)
    write_lines([f"{args.output}: written"])
    return 0


def _items(text: str | None, option: str) -> list[str] | None:
    """The comma-separated items of an option, or ``None`` when it is not given."""
    if text is None:
        return None
    items = [item.strip() for item in text.split(",") if item.strip()]
    if not items:
        raise QueryError(f"{option} needs at least one item")
    return items


#: Seconds the whole ``draw --all-units`` takes per node of its largest phase, measured on
#: a 2-core machine with generated models (``benchmarks/run.py``, the draw rows).
_SECONDS_PER_UNIT = 0.0016


def all_units_warning(model: Model, phases: list[str]) -> str | None:
    """The warning ``--all-units`` gives for a phase of more nodes than an overview
    folds (:data:`~c2graph.render.overview.FOLD_ABOVE`), else ``None``.

    Examples
    --------
    >>> from c2graph import load_model_data
    >>> from c2graph.synthetic import generate
    >>> print(all_units_warning(load_model_data(generate(1000)), ["peacetime"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    warning: --all-units draws every one of the 999 nodes of phase peacetime as a box:
    the chart will be far larger than a slide (an overview folds more than 150), and
    drawing it may take about 2 s
    >>> all_units_warning(load_model_data(generate(100)), ["peacetime"]) is None
    True
    """
    from ..render.overview import FOLD_ABOVE

    counts = {p: sum(1 for n in model.nodes.values() if p in n.phases) for p in phases}
    phase = max(phases, key=lambda p: counts[p])
    if counts[phase] <= FOLD_ABOVE:
        return None
    seconds = counts[phase] * _SECONDS_PER_UNIT
    took = f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"
    return (
        f"warning: --all-units draws every one of the {counts[phase]:,} nodes of phase "
        f"{phase} as a box: the chart will be far larger than a slide (an overview folds "
        f"more than {FOLD_ABOVE}), and drawing it may take about {took}"
    )
