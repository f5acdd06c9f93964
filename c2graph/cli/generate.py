"""``c2graph generate N -o FILE``: write a synthetic order of battle of N units.

Example
-------
>>> import tempfile, pathlib
>>> from c2graph.cli.main import main
>>> out = pathlib.Path(tempfile.mkdtemp()) / "oob.json"
>>> main(["generate", "1,000", "--seed", "3", "-o", str(out)])  # doctest: +ELLIPSIS
wrote /.../oob.json (1,000 nodes, ... links, seed 3)
0
"""

from __future__ import annotations

import argparse
import sys

HELP = "write a synthetic order of battle (JP and US hierarchies joined by alliance bodies)"


def _count(text: str) -> int:
    from ..synthetic import MIN_UNITS

    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < MIN_UNITS:
        raise argparse.ArgumentTypeError(f"expected at least {MIN_UNITS} units, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add N, ``--seed``, ``--format``, ``-o`` and ``--force``.

    Parameters
    ----------
    parser
        The parser of ``c2graph generate``; N accepts ``_`` and ``,`` as digit separators.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["10_000", "-o", "oob.yaml"])
    >>> args.units, args.seed, args.format, args.force
    (10000, 0, None, False)
    """
    parser.add_argument("units", metavar="N", type=_count, help="number of nodes (at least 10)")
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="S",
        help="seed of the random choices (default: 0); same N and S, same file",
    )
    parser.add_argument(
        "--format",
        choices=("yaml", "json", "csv"),
        default=None,
        help="yaml, json, or csv (a YAML model naming FILE's stem.units.csv); "
        "default: json for a .json FILE, else yaml",
    )
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="model file to write")
    parser.add_argument("--force", action="store_true", help="replace existing files")


def run(args: argparse.Namespace) -> int:
    """Write the synthetic model file (and its units CSV) and say what was written.

    Parameters
    ----------
    args
        ``units``, ``seed``, ``format`` (None: JSON for a ``.json`` output, else YAML),
        ``output`` and ``force``.

    Returns
    -------
    int
        0. An existing file without ``force``, or a format the file name contradicts,
        raises :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "oob.yaml"
    >>> run(argparse.Namespace(units=20, seed=0, format="csv", output=str(out), force=False))
    ... # doctest: +ELLIPSIS
    wrote /.../oob.units.csv, /.../oob.yaml (20 nodes, ... links, seed 0)
    0
    """
    from ..synthetic import generate, write_model_files

    fmt = args.format or ("json" if args.output.lower().endswith(".json") else "yaml")
    data = generate(args.units, seed=args.seed)
    written = write_model_files(data, args.output, fmt=fmt, overwrite=args.force)
    sys.stdout.write(
        f"wrote {', '.join(str(path) for path in written)} ({len(data['nodes']):,} nodes, "
        f"{len(data['links']):,} links, seed {args.seed})\n"
    )
    return 0
