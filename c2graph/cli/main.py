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
import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence

from .. import __version__
from ..errors import EXIT_CODES, C2GraphError, ModelError
from ..inert import inert
from ._terminal import release, terminal

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
    "explore",
    "completion",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand, or with the one that is invoked.

    Each subcommand's module is imported here; the analyses and renderers it needs are
    imported only when it runs, so that start-up stays light.

    Parameters
    ----------
    only
        The one subcommand to add (the command line names it first), whose arguments
        parse and whose errors read exactly as in the whole parser; None: all of them.

    Returns
    -------
    argparse.ArgumentParser
        The parser; each subcommand sets ``run`` to its module's ``run``.

    Examples
    --------
    >>> args = build_parser().parse_args(["show", "m.yaml"])
    >>> args.command, args.model, args.run.__module__
    ('show', 'm.yaml', 'c2graph.cli.show')
    >>> build_parser("path").parse_args(["path", "m.yaml", "hq"]).target
    'hq'
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
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f".{name.replace('-', '_')}", __package__)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Every failure becomes a one-line message on standard error and a documented exit
    code, never a traceback: errors of c2graph their own code, a wrong command line 2
    (through :mod:`argparse`, as ``--help`` and ``--version`` exit with 0), an output that
    cannot be written 4, lack of memory 5, an interruption 130, a termination (SIGTERM)
    143, and anything unforeseen 70. What is printed is inert
    (:mod:`~c2graph.cli._terminal`).

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
    arguments = sys.argv[1:] if argv is None else list(argv)
    invoked = arguments[0] if arguments and arguments[0] in COMMANDS else None
    parser = build_parser(invoked)  # a command named first: only its module is imported
    with terminal():  # argparse's own messages quote the arguments
        args = parser.parse_args(arguments)
    with _terminated_on_sigterm():
        code, message = _run(args)
    if message is not None:
        _report(f"c2graph {args.command}: {message}")
    return code


def _run(args: argparse.Namespace) -> tuple[int, str | None]:
    """Run the command; return its exit code and, if it failed, the message to print."""
    try:
        with terminal():
            return int(args.run(args)), None
    except C2GraphError as exc:
        text = str(exc) if isinstance(exc, ModelError) else inert(str(exc))
        return exc.exit_code, f"error: {text}"
    except KeyboardInterrupt:
        return 130, "interrupted"
    except Terminated:
        return 143, "terminated"
    except BrokenPipeError:  # the reader stopped reading (``| head``): nothing to say
        release(sys.stdout)
        return 0, None
    except MemoryError:
        return 5, "error: not enough memory; the model is too large for this machine"
    except Exception as exc:  # a failure c2graph did not foresee
        return 70, inert(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _report(message: str) -> None:
    """Print the one-line message of a failure, if standard error can take it."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        release(sys.stderr)
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            release(sys.stdout)


class Terminated(BaseException):
    """SIGTERM arrived: raised where the command is, so that its clean-ups run."""


@contextlib.contextmanager
def _terminated_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
