"""What the commands that write files share: the ``--engine`` option and the output guard.

The guard is the command line's policy, checked once before anything is written: an output
never replaces a model or data file, nor any file the command read (its model files, their
bases and units files), nor a device, named pipe or socket.

Example
-------
>>> guard_outputs(["chart.svg"], inputs=["model.yaml"])
>>> try:
...     guard_outputs(["m.yml"], inputs=[])
... except OutputError as exc:
...     print(exc)
m.yml: refusing to write an output over a model or data file (.yml); choose another name
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError
from ..outputs import check_target

__all__ = ["PROTECTED_SUFFIXES", "add_engine", "guard_outputs"]

#: Outputs never replace files with these suffixes: they are model or unit data.
PROTECTED_SUFFIXES = frozenset({".yaml", ".yml", ".csv"})


def guard_outputs(
    outputs: Iterable[str | os.PathLike[str]], *, inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse, before anything is written, outputs that would replace a model or an input.

    Parameters
    ----------
    outputs
        Every file the command is about to write.
    inputs
        The files the command read (as :class:`~c2graph.cli._common.Inputs` records them).

    Raises
    ------
    OutputError
        An output has a model or data suffix (:data:`PROTECTED_SUFFIXES`), is one of
        ``inputs`` (compared as resolved paths), or cannot be a regular file written whole
        (:func:`~c2graph.outputs.check_target`).
    """
    read = {Path(path).resolve() for path in inputs}
    for output in map(Path, outputs):
        check_target(output)
        if output.suffix.lower() in PROTECTED_SUFFIXES:
            raise OutputError(
                f"{output}: refusing to write an output over a model or data file "
                f"({output.suffix}); choose another name"
            )
        if output.resolve() in read:
            raise OutputError(
                f"{output}: this is an input of the command; refusing to overwrite it"
            )


def add_engine(parser: argparse.ArgumentParser, help_text: str) -> None:
    """Add ``--engine``: one of :data:`c2graph.render.ENGINES`, default ``auto``.

    Parameters
    ----------
    parser
        The parser of a drawing command.
    help_text
        The option's help line.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_engine(parser, "renderer")
    >>> parser.parse_args([]).engine, parser.parse_args(["--engine", "matplotlib"]).engine
    ('auto', 'matplotlib')
    """
    from ..render import ENGINES

    parser.add_argument("--engine", choices=ENGINES, default="auto", help=help_text)
