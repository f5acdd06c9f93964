"""``c2graph explore MODEL... -o FILE.html``: the interactive explorer page of the models.

Example
-------
>>> import tempfile, pathlib
>>> from c2graph.cli.main import main
>>> out = pathlib.Path(tempfile.mkdtemp()) / "cfc.html"
>>> main(["explore", "models/us-rok-cfc.yaml", "-o", str(out)])  # doctest: +ELLIPSIS
/.../cfc.html: written (1 model; open it in a browser)
0
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import QueryError
from ._common import Inputs, add_allow_outside
from ._output import guard_outputs
from ._terminal import write_lines

HELP = (
    "write the interactive explorer: one self-contained HTML page to walk the models "
    "phase by phase (chains, switches, links' sources, variants' diffs) in a browser"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the MODEL files, ``-o``, ``--lang`` and ``--allow-outside``.

    Parameters
    ----------
    parser
        The parser of ``c2graph explore``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["a.yaml", "b.yaml", "-o", "x.html"])
    >>> args.models, args.output, args.lang
    (['a.yaml', 'b.yaml'], 'x.html', None)
    """
    parser.add_argument("models", metavar="MODEL", nargs="+", help="model files")
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the page to write (.html)"
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="write the page in this language (ja), its charts and panel with the model's "
        "names in it where it has them",
    )
    add_allow_outside(parser)


def run(args: argparse.Namespace) -> int:
    """Write the explorer page of the MODEL files to ``-o`` and say so.

    Parameters
    ----------
    args
        ``models``, ``output``, ``lang`` and ``allow_outside``.

    Returns
    -------
    int
        0. An output that is not ``.html`` or ``.htm`` raises
        :class:`~c2graph.errors.QueryError`; one that would replace a MODEL file, or
        cannot be written, :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> run(argparse.Namespace(models=["models/us-rok-cfc.yaml"], output="cfc.svg",
    ...     lang=None))
    Traceback (most recent call last):
    c2graph.errors.QueryError: cfc.svg: the explorer is an HTML page; name it .html
    """
    from ..explore import write_explorer

    if Path(args.output).suffix.lower() not in (".html", ".htm"):
        raise QueryError(f"{args.output}: the explorer is an HTML page; name it .html")
    guard_outputs([args.output], inputs=args.models)
    inputs = Inputs(args)
    models = [inputs.load(path) for path in args.models]
    guard_outputs([args.output], inputs=inputs.files)
    write_explorer(models, args.output, lang=args.lang)
    count = f"{len(models)} model{'s' if len(models) > 1 else ''}"
    write_lines([f"{args.output}: written ({count}; open it in a browser)"])
    return 0
