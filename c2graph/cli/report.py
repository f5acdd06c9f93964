"""``c2graph report MODEL... -o DIR``: the analyst's report as HTML and Markdown."""

from __future__ import annotations

import argparse
import sys

from ._output import add_engine, guard_outputs

HELP = (
    "write the analyst's report of one or more models: a self-contained index.html "
    "and report.md with diagrams, chains, bottlenecks, phase switches and comparison"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("models", metavar="MODEL", nargs="+", help="model files")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        required=True,
        help="folder to write into (created if missing, never emptied)",
    )
    add_engine(parser, "diagram engine (default: Graphviz if installed, else matplotlib)")


def run(args: argparse.Namespace) -> int:
    from ..outputs import ensure_folder
    from ..report import build_report
    from ._common import load

    models = [load(path) for path in args.models]
    folder = ensure_folder(args.output)
    report = build_report(models, engine=args.engine)
    guard_outputs([folder / name for name in report.files], inputs=args.models)
    written = report.write(folder)
    sys.stdout.write(
        f"wrote {len(written)} files to {args.output}: "
        f"{', '.join(p.name for p in written[:2])} and the diagrams\n"
    )
    return 0
