"""``c2graph schema``: print the JSON Schema of model files.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["schema"])  # doctest: +ELLIPSIS
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
...
0
"""

from __future__ import annotations

import argparse

from ..modelfile import model_schema
from ._common import emit_json

HELP = "print the JSON Schema of model files (for editor completion and checks)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add nothing: the command takes no arguments.

    Parameters
    ----------
    parser
        Left as it is.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> vars(parser.parse_args([]))
    {}
    """
    del parser


def run(args: argparse.Namespace) -> int:
    """Print the schema as JSON.

    Parameters
    ----------
    args
        Unused: the schema depends on nothing.

    Returns
    -------
    int
        0.

    Examples
    --------
    >>> run(argparse.Namespace())  # doctest: +ELLIPSIS
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
    """
    del args
    emit_json(model_schema())
    return 0
