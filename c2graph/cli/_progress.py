"""What a long command is doing, on standard error: a progress bar on a terminal, nothing
when standard error is not a terminal or with ``--quiet``.

Example
-------
>>> import io
>>> stream = io.StringIO()
>>> tell = Progress(stream, quiet=False, terminal=True)
>>> tell("drawing 2 diagrams", 1, 2); tell("done", 2, 2)
>>> stream.getvalue().replace("\\r", "|")
'|[##########..........]  1/2 drawing 2 diagrams\\x1b[K|[####################]  2/2 done\\x1b[K\\n'
>>> quiet = io.StringIO()
>>> Progress(quiet, quiet=False, terminal=False)("drawing", 1, 2); quiet.getvalue()
''
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ..inert import inert
from ._terminal import InertStream

__all__ = ["BAR_WIDTH", "Progress", "add_quiet", "progress_for"]

#: Characters of the bar.
BAR_WIDTH = 20


class Progress:
    """Report ``(what, done, total)`` as a bar redrawn on one line, ended at the last step.

    Silent unless ``terminal`` (default: whether ``stream`` is a terminal) and not
    ``quiet``.
    """

    def __init__(
        self, stream: TextIO | None = None, *, quiet: bool = False, terminal: bool | None = None
    ) -> None:
        given: Any = stream if stream is not None else sys.stderr
        # The bar's own controls (carriage return, erase to the end of the line) go to the
        # terminal itself, past the inert wrapper of the command line; the words are inert.
        self.stream: Any = given.stream if isinstance(given, InertStream) else given
        shown = (
            bool(self.stream is not None and self.stream.isatty()) if terminal is None else terminal
        )
        self.on = shown and not quiet

    def __call__(self, what: str, done: int, total: int) -> None:
        """Redraw the bar at ``done`` of ``total`` steps, saying ``what`` was just done."""
        if not self.on:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        width = len(str(total))
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done:>{width + 1}}/{total} {inert(what)}\x1b[K{end}")
        self.stream.flush()


def add_quiet(parser: argparse.ArgumentParser) -> None:
    """Add ``--quiet``: say nothing on standard error about progress.

    >>> parser = argparse.ArgumentParser()
    >>> add_quiet(parser)
    >>> parser.parse_args(["--quiet"]).quiet
    True
    """
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress on standard error (it is shown only on a terminal anyway)",
    )


def progress_for(args: argparse.Namespace) -> Progress:
    """The progress of a command: on standard error, unless ``--quiet``.

    >>> progress_for(argparse.Namespace(quiet=True)).on
    False
    """
    return Progress(quiet=bool(getattr(args, "quiet", False)))
