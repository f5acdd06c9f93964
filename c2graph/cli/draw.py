"""``c2graph draw MODEL -o FILE``: a command chart of one phase, or phase panels, with overlays.

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
from ._common import add_model, load
from ._output import add_engine, guard_outputs

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
    >>> args.phases, args.remove, args.engine, args.output
    ('a,b', 'hq', 'auto', 'x.svg')
    """
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
        help="label with names in this language where the model has them (e.g. ja)",
    )
    add_engine(parser, "renderer (default auto: Graphviz if 'dot' is installed, else matplotlib)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="output file: .svg, .png, .pdf or .dot",
    )


def run(args: argparse.Namespace) -> int:
    """Draw the chart into ``-o`` (the format from its extension) and say so.

    Parameters
    ----------
    args
        ``model``, ``phase``, ``phases`` (comma-separated ids), ``path``, ``bottlenecks``,
        ``remove``, ``lang``, ``engine`` and ``output``.

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
    ...     output=str(out)))  # doctest: +ELLIPSIS
    /.../jcs.dot: written
    0
    """
    from ..render import draw, picture_format

    model = load(args.model)
    phases = None
    if args.phases is not None:
        phases = [p.strip() for p in args.phases.split(",") if p.strip()]
        if not phases:
            raise QueryError("--phases needs at least one phase id")
    picture_format(args.output)
    guard_outputs([args.output], inputs=[args.model])
    draw(
        model,
        args.output,
        phase=args.phase,
        phases=phases,
        highlight_path=args.path,
        bottlenecks=args.bottlenecks,
        removed=args.remove,
        lang=args.lang,
        engine=args.engine,
    )
    sys.stdout.write(f"{args.output}: written\n")
    return 0
