"""The public exception hierarchy of c2graph and the exit code each error maps to.

Every error a user can cause derives from :class:`C2GraphError`; the command line turns it
into a message and its ``exit_code`` without a traceback.

Example
-------
>>> err = ModelError([Problem("m.yaml", 3, "nodes[0] → kind", "expected one of ..., got 'x'")])
>>> print(err)
m.yaml:3: nodes[0] → kind: expected one of ..., got 'x'
>>> err.exit_code
1
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .inert import inert

__all__ = [
    "EXIT_CODES",
    "MAX_SHOWN_PROBLEMS",
    "C2GraphError",
    "InputFileError",
    "ModelError",
    "OutputError",
    "Problem",
    "QueryError",
    "RenderError",
    "WorkerError",
    "shown_lines",
]

#: Most problems a :class:`ModelError` message shows (all are in ``problems``).
MAX_SHOWN_PROBLEMS = 200

#: Documented exit codes of the ``c2graph`` command.
EXIT_CODES: dict[int, str] = {
    0: "success (for validate: every model is valid)",
    1: "a model file is invalid (every problem is listed)",
    2: "the command line is wrong: unknown option, node id or phase id",
    3: "an input file cannot be read: missing, a directory, too large, not UTF-8",
    4: "an output cannot be written or rendered; nothing was left half-written",
    5: "not enough memory for the model (or a worker process was killed)",
    70: "an internal error of c2graph (please report it)",
    130: "interrupted",
    143: "terminated (SIGTERM); nothing was left half-written",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a model file: where it is and what is wrong.

    ``line`` is None when the problem has no line (the file as a whole, or text that
    cannot be composed); ``where`` is the path to the item, or ``''``. ``severity`` is
    ``error`` (the model cannot be loaded) or ``warning`` (odd, but allowed).

    >>> str(Problem("m.yaml", None, "", "the file is empty"))
    'm.yaml: the file is empty'
    >>> print(Problem("m.yaml", 4, "nodes[0] (id='a') → name", "the name is blank", "warning"))
    m.yaml:4: warning: nodes[0] (id='a') → name: the name is blank
    """

    file: str
    line: int | None
    where: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        """One line: control and invisible characters in it are escapes (:mod:`c2graph.inert`)."""
        location = f"{self.file}:{self.line}" if self.line is not None else self.file
        label = "warning: " if self.severity == "warning" else ""
        where = f"{self.where}: " if self.where else ""
        return inert(f"{location}: {label}{where}{self.message}")

    def as_error(self) -> Problem:
        """Return this problem as an error (for warnings made errors by ``strict``).

        >>> Problem("m.yaml", 1, "", "odd", "warning").as_error().severity
        'error'
        """
        return replace(self, severity="error")


class C2GraphError(Exception):
    """Base class of every error c2graph reports to a user."""

    exit_code = 1


class ModelError(C2GraphError, ValueError):
    """A model file is invalid; ``problems`` lists every problem found, in file order.

    A problem found twice (a units CSV cell read for both a node and its parent link) is
    listed once. The message shows the first :data:`MAX_SHOWN_PROBLEMS` problems, one per
    line, and then how many more there are.

    >>> same = Problem("oob.csv", 2, "column 8 (source), unit 'x'", "unknown source 's-x'")
    >>> len(ModelError([same, same]).problems)
    1
    >>> many = [Problem("m.yaml", n, "", "bad") for n in range(1, MAX_SHOWN_PROBLEMS + 3)]
    >>> str(ModelError(many)).splitlines()[-1]
    '... and 2 more problems'
    """

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            set(problems), key=lambda p: (p.file, p.line or 0, p.where, p.message)
        )
        super().__init__("\n".join(shown_lines(self.problems)))


def shown_lines(problems: Sequence[Problem]) -> list[str]:
    """The lines that show ``problems``: the first :data:`MAX_SHOWN_PROBLEMS`, one each,
    then how many more there are.

    >>> shown_lines([Problem("m.yaml", 1, "", "bad")])
    ['m.yaml:1: bad']
    """
    shown = [str(p) for p in problems[:MAX_SHOWN_PROBLEMS]]
    more = len(problems) - len(shown)
    if more:
        shown.append(f"... and {more:,} more problem{'s' if more > 1 else ''}")
    return shown


class QueryError(C2GraphError, LookupError):
    """A query names a node, phase or option that the model does not have."""

    exit_code = 2


class InputFileError(C2GraphError, OSError):
    """An input file cannot be read as a model (missing, a directory, too big, bad bytes)."""

    exit_code = 3


class OutputError(C2GraphError, OSError):
    """An output file cannot be written (or would overwrite an input)."""

    exit_code = 4


class RenderError(C2GraphError, RuntimeError):
    """A renderer failed (e.g. Graphviz missing or rejecting its input)."""

    exit_code = 4


class WorkerError(C2GraphError, RuntimeError):
    """A worker process of a parallel run died before it answered: killed, most often by
    the system for lack of memory (its pages were the model's, and each answer's own)."""

    exit_code = 5
