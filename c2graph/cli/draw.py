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

from ..errors import QueryError
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
        help="with --focus: subordinates down to N authority steps (default 2)",
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
        ``remove``, ``lang``, ``focus``, ``depth``, ``nations`` and ``hide``
        (comma-separated), ``layer``, ``size``, ``engine`` and ``output``.

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
    ...     focus="kr-jcs", depth=1, nations=None, layer=None, hide=None, size="slide",
    ...     output=str(out), quiet=True))  # doctest: +ELLIPSIS
    /.../jcs.dot: written
    0
    """
    from ..messages import interface
    from ..render import draw, picture_format

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
    if args.depth is not None and args.focus is None:
        raise QueryError("--depth needs --focus NODE")
    picture_format(args.output)
    guard_outputs([args.output], inputs=inputs.files)
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
