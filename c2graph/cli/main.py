"""Entry point of the ``c2graph`` command: parse arguments, dispatch, map errors to exit codes.

Example
-------
>>> main(["validate", "models/us-japan-2025.yaml"])  # doctest: +SKIP
models/us-japan-2025.yaml: valid (41 nodes, 62 links, 6 phases)
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
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
    "draw",
    "generate",
    "export",
    "compare",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
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
