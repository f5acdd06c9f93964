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
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import InputFileError, ModelError, Problem, shown_lines
from ..model import Model
from ..modelfile import read_model
from ._common import add_allow_outside, add_json, emit_json
from ._terminal import write_lines

HELP = (
    "check model files; exit 0 when all are valid, 1 with every problem listed; "
    "warnings say what is odd but allowed"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the FILE arguments, ``--quiet``, ``--strict``, ``--allow-outside`` and ``--json``.

    Parameters
    ----------
    parser
        Takes one or more model files.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args(["a.yaml", "b.yaml", "-q"]))
    {'files': ['a.yaml', 'b.yaml'], 'quiet': True, 'strict': False, 'allow_outside': [], \
'json': False}
    """
    parser.add_argument("files", metavar="FILE", nargs="+", help="model files to check")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print problems and warnings only"
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    add_allow_outside(parser)
    add_json(parser)


@dataclass(frozen=True)
class FileCheck:
    """What ``validate`` found in one model file: its problems, or what it holds and its
    warnings (what is odd but allowed)."""

    file: str
    exit_code: int
    counts: dict[str, Any] | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    warnings: tuple[Problem, ...] = ()

    def lines(self, *, quiet: bool = False) -> list[str]:
        """The text ``validate`` prints for the file (``quiet``: no line saying it is valid).

        >>> warning = Problem("m.yaml", 4, "nodes[0] (id='a') → name", "blank", "warning")
        >>> FileCheck("m.yaml", 0, {"nodes": 1, "links": 0, "phases": 1, "other_phases": {},
        ...     "scenarios": 0, "decisions": 0}, warnings=(warning,)).lines()
        ['m.yaml: valid (1 nodes, 0 links, 1 phases), 1 warning', \
"m.yaml:4: warning: nodes[0] (id='a') → name: blank"]
        """
        if self.error is not None:
            return [self.error]
        if self.problems:
            return shown_lines(self.problems)
        warned = [str(warning) for warning in self.warnings]
        if quiet:
            return warned
        count = len(self.warnings)
        noted = f", {count} warning{'s' if count > 1 else ''}" if count else ""
        return [f"{self.file}: valid ({_summary(self.counts or {})}){noted}", *warned]

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
        if self.warnings:
            data["warnings"] = [asdict(warning) for warning in self.warnings]
        return data


def check_file(
    name: str, *, allow_outside: tuple[str, ...] = (), strict: bool = False
) -> FileCheck:
    """Load one model file and return what ``validate`` reports of it.

    Parameters
    ----------
    name
        The model file.
    allow_outside
        Files or folders outside the model's folder that it may read.
    strict
        Make warnings problems.

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
        loaded = read_model(name, allow_outside=allow_outside, strict=strict)
    except ModelError as exc:
        return FileCheck(name, exc.exit_code, problems=tuple(exc.problems))
    except InputFileError as exc:
        return FileCheck(name, exc.exit_code, error=str(exc))
    return FileCheck(name, 0, counts(loaded.model), warnings=loaded.warnings)


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
    """Check every file; print its problems, or that it is valid unless ``--quiet``, and its
    warnings.

    With ``--json``, print ``{"valid": ..., "exit_code": ..., "files": [...]}``, one
    :meth:`FileCheck.to_dict` per file, whatever ``--quiet`` says.

    Parameters
    ----------
    args
        ``files`` to check, ``quiet`` to print only problems and warnings, ``strict`` to make
        warnings problems, ``allow_outside``, and ``json`` for JSON.

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
    allowed = tuple(getattr(args, "allow_outside", None) or ())
    strict = getattr(args, "strict", False)
    checks = [check_file(name, allow_outside=allowed, strict=strict) for name in args.files]
    worst = max(check.exit_code for check in checks)
    if args.json:
        files = [check.to_dict() for check in checks]
        emit_json({"valid": worst == 0, "exit_code": worst, "files": files})
        return worst
    for check in checks:
        write_lines(check.lines(quiet=args.quiet))
    return worst
