"""Entry point of the ``c2graph`` command: parse arguments, dispatch, map errors to exit codes.

Example
-------
>>> main(["validate", "models/us-japan-2025.yaml"])
models/us-japan-2025.yaml: valid (50 nodes, 129 links, 6 phases; 3 US phases, 5 scenarios, \
29 decisions)
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import EXIT_CODES, C2GraphError

__all__ = ["COMMANDS", "build_parser", "main"]

#: Subcommands, in the order ``c2graph --help`` lists them; each is a module of this package
#: with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: tuple[str, ...] = (
    "validate",
    "show",
    "schema",
    "path",
    "bottlenecks",
    "switches",
    "latency",
    "counterparts",
    "timeline",
    "draw",
    "generate",
    "export",
    "import-msdl",
    "compare",
    "report",
    "completion",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand.

    Each subcommand's module is imported here; the analyses and renderers it needs are
    imported only when it runs, so that start-up stays light.

    Returns
    -------
    argparse.ArgumentParser
        The parser; each subcommand sets ``run`` to its module's ``run``.

    Examples
    --------
    >>> args = build_parser().parse_args(["show", "m.yaml"])
    >>> args.command, args.model, args.run.__module__
    ('show', 'm.yaml', 'c2graph.cli.show')
    """
    epilog = "exit codes:\n" + "\n".join(
        f"  {code:>3}  {text}" for code, text in EXIT_CODES.items()
    )
    parser = argparse.ArgumentParser(
        prog="c2graph",
        description="Model, analyse and draw command-and-control structures.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"c2graph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f".{name.replace('-', '_')}", __package__)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Errors of c2graph become a one-line message and their exit code; a wrong command line
    exits with code 2 through :mod:`argparse`, as ``--help`` and ``--version`` exit with 0.

    Parameters
    ----------
    argv
        The arguments after the program name; None reads :data:`sys.argv`.

    Returns
    -------
    int
        The exit code (see :data:`~c2graph.errors.EXIT_CODES`).

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     code = main(["show", "models/us-rok-cfc.yaml", "--phase", "wartme"])
    >>> code, err.getvalue()
    (2, "c2graph show: error: unknown phase id 'wartme' (did you mean 'wartime'?)\\n")
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except C2GraphError as exc:
        sys.stderr.write(f"c2graph {args.command}: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("c2graph: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
