"""``c2graph report MODEL... -o DIR``: the analyst's report as HTML and Markdown (and PDF).

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
from pathlib import Path

from ._common import DEFINITIONS_EPILOG, add_allow_outside, add_lang
from ._output import add_engine, guard_outputs
from ._progress import add_quiet, progress_for

HELP = (
    "write the analyst's report of one or more models: a self-contained index.html and "
    "report.md with a summary of findings first, then each model's chains of command, "
    "single points of failure and switches, each variant against the model it extends, and "
    "every model side by side, and the explorer page explore.html"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the MODEL files, ``-o``, ``--forces``, ``--lang``, ``--pdf``, ``--paper``,
    ``--engine`` and ``--quiet``.

    Parameters
    ----------
    parser
        The parser of ``c2graph report``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["a.yaml", "b.yaml", "-o", "out", "--forces", "x,y", "--pdf"])
    >>> args.models, args.output, args.engine, args.forces, args.pdf, args.paper
    (['a.yaml', 'b.yaml'], 'out', 'auto', 'x,y', True, 'a4')
    """
    from ..report.pdf import PAPERS

    parser.epilog = DEFINITIONS_EPILOG
    parser.add_argument("models", metavar="MODEL", nargs="+", help="model files")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        required=True,
        help="folder to write into (created if missing, never emptied)",
    )
    parser.add_argument(
        "--forces",
        metavar="ID,...",
        help="report the chains, single points of failure and mismatches of these forces only",
    )
    add_lang(parser)
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="also print report.pdf with headless Chromium (chromium on the path, or "
        "$C2GRAPH_CHROMIUM)",
    )
    parser.add_argument(
        "--paper", choices=tuple(PAPERS), default="a4", help="paper of the PDF (default a4)"
    )
    add_engine(parser, "diagram engine (default: Graphviz if installed, else matplotlib)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an index.html, report.md or explore.html that c2graph did not write",
    )
    add_allow_outside(parser)
    add_quiet(parser)


def run(args: argparse.Namespace) -> int:
    """Write the report of the MODEL files into the folder ``-o`` and say what was written.

    The folder is made first; the report is then built in memory, and written only when
    none of its files would replace a MODEL file; with ``--pdf`` the page is then printed.
    Progress goes to standard error on a terminal: each model loaded, then each step of
    the report (:func:`~c2graph.report.build_report`).

    Parameters
    ----------
    args
        ``models``, ``output``, ``forces`` (comma-separated ids, or None), ``lang``,
        ``pdf``, ``paper``, ``engine`` and ``quiet``.

    Returns
    -------
    int
        0. A folder that cannot be made, a report file that would replace a MODEL file, or
        ``--pdf`` without Chromium raises :class:`~c2graph.errors.OutputError`; an unknown
        force :class:`~c2graph.errors.QueryError`.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> run(argparse.Namespace(models=["models/us-rok-cfc.yaml"], output=folder, forces=None,
    ...     lang=None, pdf=False, paper="a4", engine="auto", quiet=True))  # doctest: +ELLIPSIS
    wrote 5 files to /...: index.html, report.md, explore.html and the diagrams
    0
    """
    from ..messages import messages
    from ..outputs import ensure_folder
    from ..report import build_report
    from ._common import Inputs

    msg = messages(args.lang)
    tell = progress_for(args)
    inputs = Inputs(args)
    models = []
    for index, path in enumerate(args.models, start=1):
        models.append(inputs.load(path))
        tell(msg("progress.loaded", model=Path(path).stem), index, len(args.models))
    forces = [f for f in args.forces.split(",") if f] if args.forces else None
    folder = ensure_folder(args.output)
    report = build_report(models, engine=args.engine, lang=args.lang, forces=forces, progress=tell)
    outputs = [folder / name for name in report.files]
    pdf = [folder / "report.pdf"] if args.pdf else []
    guard_outputs([*outputs, *pdf], inputs=inputs.files)
    written = report.write(folder, force=getattr(args, "force", False))
    if args.pdf:
        from ..report.pdf import print_pdf

        tell(msg("progress.printing"), 0, 1)
        written.append(
            print_pdf(
                report.files["index.html"].decode("utf-8"), folder / "report.pdf", paper=args.paper
            )
        )
        tell(msg("progress.printed"), 1, 1)
    sys.stdout.write(
        f"wrote {len(written)} files to {args.output}: "
        f"{', '.join(p.name for p in written if p.suffix not in ('.svg', '.pdf'))} "
        "and the diagrams" + (", report.pdf" if args.pdf else "") + "\n"
    )
    return 0
