"""``c2graph report MODEL... -o DIR``: the analyst's report as HTML and Markdown."""

from __future__ import annotations

import argparse
import sys

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
    parser.add_argument(
        "--engine",
        choices=("auto", "graphviz", "matplotlib"),
        default="auto",
        help="diagram engine (default: Graphviz if installed, else matplotlib)",
    )


def run(args: argparse.Namespace) -> int:
    from ..report import write_report
    from ._common import load

    models = [load(path) for path in args.models]
    written = write_report(models, args.output, engine=args.engine, protect=args.models)
    sys.stdout.write(
        f"wrote {len(written)} files to {args.output}: "
        f"{', '.join(p.name for p in written[:2])} and the diagrams\n"
    )
    return 0
