"""``c2graph export MODEL --format F``: the model as DOT, Mermaid, GraphML, GEXF, DyNetML,
JSON or MSDL.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["export", "models/us-rok-cfc.yaml", "--format", "mermaid", "--phase", "wartime"])
... # doctest: +ELLIPSIS
flowchart TB
  subgraph g0["Republic of Korea"]
...
0
"""

from __future__ import annotations

import argparse
import sys

from ..export import FORMATS
from ..model import Model
from ._common import Inputs, add_model
from ._output import guard_outputs

HELP = (
    "export a model for other tools: DOT, Mermaid (Markdown), GraphML and GEXF "
    "(yEd, Gephi), DyNetML (ORA, one meta-network per phase), JSON, or MSDL (one phase's "
    "order of battle)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--format``, ``--phase`` and ``-o``.

    Parameters
    ----------
    parser
        The parser of ``c2graph export``; ``--format`` is one of
        :data:`c2graph.export.FORMATS`.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--format", "gexf"])
    >>> args.format, args.phase, args.output
    ('gexf', None, None)
    """
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
        help="export only the nodes and links of this phase or scenario (default: every "
        "phase; for msdl, the first)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="labels of dot, mermaid and gexf in this language (names where the model gives "
        "them, e.g. name_ja; ja also words relations and nations in Japanese); the other "
        "formats carry every name_xx as data",
    )


def run(args: argparse.Namespace) -> int:
    """Write the export to ``-o`` (atomically), or to standard output.

    Parameters
    ----------
    args
        ``model``, ``format``, ``phase`` and ``output`` (None for standard output).

    Returns
    -------
    int
        0. An unknown phase raises :class:`~c2graph.errors.QueryError`; an output over a
        model file or over MODEL itself :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "cfc.json"
    >>> run(argparse.Namespace(model="models/us-rok-cfc.yaml", format="json", phase=None,
    ...     output=str(out)))
    0
    >>> out.read_text(encoding="utf-8").startswith("{")
    True
    """
    from ..export import export
    from ..outputs import write_atomic

    inputs = Inputs(args)
    model = inputs.load(args.model)
    if args.format == "msdl":
        text = _msdl(model, args.phase)
    else:
        text = export(model, args.format, phase=args.phase, lang=getattr(args, "lang", None))
    if args.output:
        guard_outputs([args.output], inputs=inputs.files)
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _msdl(model: Model, phase: str | None) -> str:
    """The MSDL document; what it leaves out goes to standard error."""
    from ..export.msdl import msdl_export

    result = msdl_export(model, phase=phase)
    if result.omissions:
        sys.stderr.write(f"c2graph export: msdl, phase {result.phase}: {result.summary()}\n")
    return result.text
