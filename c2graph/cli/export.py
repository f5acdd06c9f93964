"""``c2graph export MODEL --format F``: the model as DOT, Mermaid, GraphML, GEXF, DyNetML, JSON."""

from __future__ import annotations

import argparse
import sys

from ..export import FORMATS
from ._common import add_model, load
from ._output import guard_outputs

HELP = (
    "export a model for other tools: DOT, Mermaid (Markdown), GraphML and GEXF "
    "(yEd, Gephi), DyNetML (ORA, one meta-network per phase) or JSON"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_model(parser)
    parser.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        metavar="FORMAT",
        help=f"output format: {', '.join(FORMATS)}",
    )
    parser.add_argument(
        "--phase",
        metavar="P",
        help="export only the nodes and links of this phase (default: every "
        "phase; for dot, the first)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output",
    )


def run(args: argparse.Namespace) -> int:
    from ..export import export
    from ..outputs import write_atomic

    model = load(args.model)
    text = export(model, args.format, phase=args.phase)
    if args.output:
        guard_outputs([args.output], inputs=[args.model])
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
