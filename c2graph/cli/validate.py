"""``c2graph validate FILE...``: check model files and list every problem.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["validate", "models/us-japan-2025.yaml", "models/us-rok-cfc.yaml"])
models/us-japan-2025.yaml: valid (50 nodes, 129 links, 6 phases; 3 US phases, 5 scenarios, \
29 decisions)
models/us-rok-cfc.yaml: valid (14 nodes, 22 links, 2 phases; 2 decisions)
0
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import InputFileError, ModelError, Problem
from ..model import Model
from ..modelfile import load_model
from ._common import add_json, emit_json

HELP = "check model files; exit 0 when all are valid, 1 with every problem listed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the FILE arguments, ``--quiet`` and ``--json``.

    Parameters
    ----------
    parser
        Takes one or more model files.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args(["a.yaml", "b.yaml", "-q"]))
    {'files': ['a.yaml', 'b.yaml'], 'quiet': True, 'json': False}
    """
    parser.add_argument("files", metavar="FILE", nargs="+", help="model files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    add_json(parser)


@dataclass(frozen=True)
class FileCheck:
    """What ``validate`` found in one model file."""

    file: str
    exit_code: int
    counts: dict[str, Any] | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None

    def lines(self) -> list[str]:
        """The text ``validate`` prints for the file."""
        if self.error is not None:
            return [self.error]
        if self.problems:
            return [str(problem) for problem in self.problems]
        return [f"{self.file}: valid ({_summary(self.counts or {})})"]

    def to_dict(self) -> dict[str, Any]:
        """Return ``file``, ``valid``, ``exit_code`` and the counts, problems or error.

        >>> FileCheck("m.yaml", 3, error="m.yaml: no such file").to_dict()
        {'file': 'm.yaml', 'valid': False, 'exit_code': 3, 'error': 'm.yaml: no such file'}
        """
        data: dict[str, Any] = {
            "file": self.file,
            "valid": self.exit_code == 0,
            "exit_code": self.exit_code,
        }
        if self.counts is not None:
            data.update(self.counts)
        if self.problems:
            data["problems"] = [asdict(problem) for problem in self.problems]
        if self.error is not None:
            data["error"] = self.error
        return data


def check_file(name: str) -> FileCheck:
    """Load one model file and return what ``validate`` reports of it.

    Parameters
    ----------
    name
        The model file.

    Returns
    -------
    FileCheck
        The exit code (0, 1 or 3) and either what a valid model holds (:func:`counts`),
        the problems of an invalid one or the error that kept the file from being read.

    Examples
    --------
    >>> check_file("models/us-rok-cfc.yaml").to_dict()
    {'file': 'models/us-rok-cfc.yaml', 'valid': True, 'exit_code': 0, 'nodes': 14, \
'links': 22, 'phases': 2, 'other_phases': {}, 'scenarios': 0, 'decisions': 2}
    >>> check_file("nope.yaml").lines()
    ['nope.yaml: no such file']
    """
    try:
        model = load_model(name)
    except ModelError as exc:
        return FileCheck(name, exc.exit_code, problems=tuple(exc.problems))
    except InputFileError as exc:
        return FileCheck(name, exc.exit_code, error=str(exc))
    return FileCheck(name, 0, counts(model))


def counts(model: Model) -> dict[str, Any]:
    """What a valid model holds: nodes, links, phases, the other nations' phases (by
    nation), scenarios and decisions (those a ``declared_by`` implies are not counted).

    >>> from c2graph import load_model
    >>> counts(load_model("models/us-japan-2025.yaml"))
    {'nodes': 50, 'links': 129, 'phases': 6, 'other_phases': {'US': 3}, 'scenarios': 5, \
'decisions': 29}
    """
    first = model.phases[0].nation
    return {
        "nodes": len(model.nodes),
        "links": len(model.links),
        "phases": len(model.phases),
        "other_phases": {
            str(nation): len(phases)
            for nation, phases in model.phase_sets.items()
            if phases[0].nation != first
        },
        "scenarios": len(model.scenarios),
        "decisions": sum(1 for d in model.decisions.values() if d.declares is None),
    }


def _summary(found: dict[str, Any]) -> str:
    """The counts as ``validate`` prints them: ``44 nodes, 104 links, 6 phases; 3 US
    phases, 5 scenarios, 24 decisions`` (what a model has none of left out)."""
    text = f"{found['nodes']} nodes, {found['links']} links, {found['phases']} phases"
    more = [f"{n} {nation} phases" for nation, n in found["other_phases"].items()]
    more += [f"{found['scenarios']} scenarios"] if found["scenarios"] else []
    more += [f"{found['decisions']} decisions"] if found["decisions"] else []
    return text + (f"; {', '.join(more)}" if more else "")


def run(args: argparse.Namespace) -> int:
    """Check every file; print its problems, or that it is valid unless ``--quiet``.

    With ``--json``, print ``{"valid": ..., "exit_code": ..., "files": [...]}``, one
    :meth:`FileCheck.to_dict` per file, whatever ``--quiet`` says.

    Parameters
    ----------
    args
        ``files`` to check, ``quiet`` to print only problems, ``json`` for JSON.

    Returns
    -------
    int
        The highest exit code met: 0 when every file is valid.

    Examples
    --------
    >>> run(argparse.Namespace(files=["nope.yaml", "models/us-rok-cfc.yaml"], quiet=True,
    ...     json=False))
    nope.yaml: no such file
    3
    """
    checks = [check_file(name) for name in args.files]
    worst = max(check.exit_code for check in checks)
    if args.json:
        files = [check.to_dict() for check in checks]
        emit_json({"valid": worst == 0, "exit_code": worst, "files": files})
        return worst
    for check in checks:
        if check.exit_code or not args.quiet:
            sys.stdout.write("".join(f"{line}\n" for line in check.lines()))
    return worst
