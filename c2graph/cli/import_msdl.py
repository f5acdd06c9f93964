"""``c2graph import-msdl FILE -o MODEL``: an MSDL order of battle as a c2graph model file.

Example
-------
>>> import tempfile, pathlib
>>> from c2graph.cli.main import main
>>> from c2graph.modelfile.msdl import EXAMPLE
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "oob.xml").write_text(EXAMPLE, encoding="utf-8")
>>> main(["import-msdl", str(folder / "oob.xml"), "-o", str(folder / "oob.yaml")])
... # doctest: +ELLIPSIS
wrote /.../oob.yaml (2 nodes, 1 links) from /.../oob.xml
0
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import OutputError
from ._terminal import write_lines

HELP = "read an MSDL order of battle (SISO-STD-007) and write it as a model file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add FILE, ``-o`` and ``--force``.

    Parameters
    ----------
    parser
        The parser of ``c2graph import-msdl``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args(["oob.xml", "-o", "oob.yaml"]))
    {'file': 'oob.xml', 'output': 'oob.yaml', 'force': False}
    """
    parser.add_argument("file", metavar="FILE", help="MSDL file (.xml)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="MODEL",
        required=True,
        help="model file to write: JSON for a .json name, else YAML",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing MODEL")


def run(args: argparse.Namespace) -> int:
    """Read the MSDL file, check the model it gives, write it and print what was left out.

    Parameters
    ----------
    args
        ``file``, ``output`` and ``force``.

    Returns
    -------
    int
        0. An unreadable or invalid MSDL file raises
        :class:`~c2graph.errors.InputFileError` or :class:`~c2graph.errors.ModelError`;
        an output that exists (without ``force``) or is the MSDL file itself,
        :class:`~c2graph.errors.OutputError`.

    Examples
    --------
    >>> run(argparse.Namespace(file="oob.xml", output="oob.xml", force=True))
    Traceback (most recent call last):
    c2graph.errors.OutputError: oob.xml: this is the MSDL file read; refusing to overwrite it
    """
    from ..modelfile.msdl import read_msdl
    from ..synthetic import write_model_files

    target = Path(args.output)
    if target.resolve() == Path(args.file).resolve():
        raise OutputError(f"{target}: this is the MSDL file read; refusing to overwrite it")
    result = read_msdl(args.file)
    fmt = "json" if target.suffix.lower() == ".json" else "yaml"
    (written,) = write_model_files(result.data, target, fmt=fmt, overwrite=args.force)
    data = result.data
    write_lines(
        [
            f"wrote {written} ({len(data['nodes'])} nodes, {len(data['links'])} links) "
            f"from {args.file}",
            *(f"note: {note}" for note in result.notes),
        ]
    )
    return 0
