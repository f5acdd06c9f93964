"""``c2graph validate FILE...``: check model files and list every problem.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["validate", "models/us-japan-2025.yaml", "models/us-rok-cfc.yaml"])
models/us-japan-2025.yaml: valid (44 nodes, 104 links, 6 phases; 3 US phases, 5 scenarios, \
24 decisions)
models/us-rok-cfc.yaml: valid (14 nodes, 21 links, 2 phases; 2 decisions)
0
"""

from __future__ import annotations

import argparse
import sys

from ..errors import InputFileError, ModelError
from ..model import Model
from ..modelfile import load_model

HELP = "check model files; exit 0 when all are valid, 1 with every problem listed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the FILE arguments and ``--quiet``.

    Parameters
    ----------
    parser
        Takes one or more model files.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args(["a.yaml", "b.yaml", "-q"]))
    {'files': ['a.yaml', 'b.yaml'], 'quiet': True}
    """
    parser.add_argument("files", metavar="FILE", nargs="+", help="model files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")


def run(args: argparse.Namespace) -> int:
    """Check every file; print its problems, or that it is valid unless ``--quiet``.

    Parameters
    ----------
    args
        ``files`` to check, and ``quiet`` to print only problems.

    Returns
    -------
    int
        The highest exit code met: 0 when every file is valid.

    Examples
    --------
    >>> run(argparse.Namespace(files=["nope.yaml", "models/us-rok-cfc.yaml"], quiet=True))
    nope.yaml: no such file
    3
    """
    worst = 0
    for name in args.files:
        try:
            model = load_model(name)
        except (ModelError, InputFileError) as exc:
            sys.stdout.write(f"{exc}\n")
            worst = max(worst, exc.exit_code)
            continue
        if not args.quiet:
            sys.stdout.write(f"{name}: valid ({_counts(model)})\n")
    return worst


def _counts(model: Model) -> str:
    """What a valid model holds: nodes, links, phases; other phase sets, scenarios and
    decisions when it has them.

    >>> from c2graph import load_model
    >>> _counts(load_model("models/us-japan-2025.yaml"))
    '44 nodes, 104 links, 6 phases; 3 US phases, 5 scenarios, 24 decisions'
    """
    counts = f"{len(model.nodes)} nodes, {len(model.links)} links, {len(model.phases)} phases"
    more = [
        f"{len(phases)} {nation} phases"
        for nation, phases in model.phase_sets.items()
        if phases[0].nation != model.phases[0].nation
    ]
    written = [d for d in model.decisions.values() if d.declares is None]
    more += [f"{len(model.scenarios)} scenarios"] if model.scenarios else []
    more += [f"{len(written)} decisions"] if written else []
    return counts + (f"; {', '.join(more)}" if more else "")
