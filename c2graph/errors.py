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

from dataclasses import dataclass

__all__ = [
    "EXIT_CODES",
    "C2GraphError",
    "InputFileError",
    "ModelError",
    "OutputError",
    "Problem",
    "QueryError",
    "RenderError",
]

#: Documented exit codes of the ``c2graph`` command.
EXIT_CODES: dict[int, str] = {
    0: "success (for validate: every model is valid)",
    1: "a model file is invalid (every problem is listed)",
    2: "the command line is wrong: unknown option, node id or phase id",
    3: "an input file cannot be read: missing, a directory, too large, not UTF-8",
    4: "an output cannot be written or rendered; nothing was left half-written",
    130: "interrupted",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a model file: where it is and what is wrong.

    ``line`` is None when the problem has no line (the file as a whole, or text that
    cannot be composed); ``where`` is the path to the item, or ``''``.

    >>> str(Problem("m.yaml", None, "", "the file is empty"))
    'm.yaml: the file is empty'
    """

    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line is not None else self.file
        where = f"{self.where}: " if self.where else ""
        return f"{location}: {where}{self.message}"


class C2GraphError(Exception):
    """Base class of every error c2graph reports to a user."""

    exit_code = 1


class ModelError(C2GraphError, ValueError):
    """A model file is invalid; ``problems`` lists every problem found, in file order.

    A problem found twice (a units CSV cell read for both a node and its parent link) is
    listed once.

    >>> same = Problem("oob.csv", 2, "column 8 (source), unit 'x'", "unknown source 's-x'")
    >>> len(ModelError([same, same]).problems)
    1
    """

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            set(problems), key=lambda p: (p.file, p.line or 0, p.where, p.message)
        )
        super().__init__("\n".join(str(p) for p in self.problems))


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
