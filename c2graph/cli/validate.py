"""``c2graph validate FILE...``: check model files and list every problem."""

from __future__ import annotations

import argparse
import sys

from ..errors import InputFileError, ModelError
from ..modelfile import load_model

HELP = "check model files; exit 0 when all are valid, 1 with every problem listed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FILE", nargs="+", help="model files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")


def run(args: argparse.Namespace) -> int:
    worst = 0
    for name in args.files:
        try:
            model = load_model(name)
        except ModelError as exc:
            sys.stdout.write(f"{exc}\n")
            worst = max(worst, exc.exit_code)
            continue
        except InputFileError as exc:
            sys.stdout.write(f"{exc}\n")
            worst = max(worst, exc.exit_code)
            continue
        if not args.quiet:
            sys.stdout.write(
                f"{name}: valid ({len(model.nodes)} nodes, {len(model.links)} links, "
                f"{len(model.phases)} phases)\n"
            )
    return worst
