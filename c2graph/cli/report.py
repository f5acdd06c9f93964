"""``c2graph report MODEL... -o DIR``: the analyst's report as HTML and Markdown.

Example
-------
>>> import tempfile
>>> from c2graph.cli.main import main
>>> main(["report", "models/us-rok-cfc.yaml", "-o", tempfile.mkdtemp()])  # doctest: +ELLIPSIS
wrote 5 files to /...: index.html, report.md, explore.html and the diagrams
0
"""

from __future__ import annotations

import argparse
import sys

from ._common import add_allow_outside
from ._output import add_engine, guard_outputs

HELP = (
    "write the analyst's report of one or more models: a self-contained index.html "
    "and report.md with diagrams, chains, bottlenecks, phase switches and comparison, "
    "and the explorer page explore.html"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the MODEL files, ``-o`` and ``--engine``.

    Parameters
    ----------
    parser
        The parser of ``c2graph report``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["a.yaml", "b.yaml", "-o", "out"])
    >>> args.models, args.output, args.engine
    (['a.yaml', 'b.yaml'], 'out', 'auto')
    """
    parser.add_argument("models", metavar="MODEL", nargs="+", help="model files")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        required=True,
        help="folder to write into (created if missing, never emptied)",
    )
    add_engine(parser, "diagram engine (default: Graphviz if installed, else matplotlib)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an index.html, report.md or explore.html that c2graph did not write",
    )
    add_allow_outside(parser)


def run(args: argparse.Namespace) -> int:
    """Write the report of the MODEL files into the folder ``-o`` and say what was written.

    The folder is made first; the report is then built in memory, and written only when
    none of its files would replace a MODEL file.

    Parameters
    ----------
    args
        ``models``, ``output`` and ``engine``.

    Returns
    -------
    int
        0. A folder that cannot be made, or a report file that would replace a MODEL file,
        raises :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> run(argparse.Namespace(models=["models/us-rok-cfc.yaml"], output=folder,
    ...     engine="auto"))  # doctest: +ELLIPSIS
    wrote 5 files to /...: index.html, report.md, explore.html and the diagrams
    0
    """
    from ..outputs import ensure_folder
    from ..report import build_report
    from ._common import Inputs

    inputs = Inputs(args)
    models = [inputs.load(path) for path in args.models]
    folder = ensure_folder(args.output)
    report = build_report(models, engine=args.engine)
    guard_outputs([folder / name for name in report.files], inputs=inputs.files)
    written = report.write(folder, force=getattr(args, "force", False))
    sys.stdout.write(
        f"wrote {len(written)} files to {args.output}: "
        f"{', '.join(p.name for p in written if p.suffix != '.svg')} and the diagrams\n"
    )
    return 0
