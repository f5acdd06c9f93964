"""Arguments and output helpers shared by the subcommands.

Example
-------
>>> parser = argparse.ArgumentParser()
>>> add_model(parser); add_phase(parser); add_json(parser)
>>> vars(parser.parse_args(["m.yaml", "--json"]))
{'model': 'm.yaml', 'phase': None, 'json': True}
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..model import Model
from ..modelfile import load_model
from ..vocabulary import ALL_LAYERS, AUTHORITY_LAYERS, LAYER_CHOICES, Layer

__all__ = [
    "add_json",
    "add_layer",
    "add_model",
    "add_phase",
    "emit_json",
    "load",
    "phase_or_first",
]


def add_model(parser: argparse.ArgumentParser) -> None:
    """Add the positional MODEL argument.

    Parameters
    ----------
    parser
        The subcommand's parser; the file named becomes ``args.model``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_model(parser)
    >>> parser.parse_args(["models/us-rok-cfc.yaml"]).model
    'models/us-rok-cfc.yaml'
    """
    parser.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml or .json)")


def add_phase(parser: argparse.ArgumentParser) -> None:
    """Add ``--phase`` (default: the first phase of the model).

    Parameters
    ----------
    parser
        Gains ``--phase P``, read as ``args.phase`` (None when not given).

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_phase(parser)
    >>> parser.parse_args(["--phase", "wartime"]).phase
    'wartime'
    """
    parser.add_argument(
        "--phase", metavar="P", help="phase or scenario id (default: the model's first phase)"
    )


def add_layer(parser: argparse.ArgumentParser, *, authority_only: bool = False) -> None:
    """Add ``--layer`` (default: the operational layer).

    Parameters
    ----------
    parser
        Gains ``--layer L``, read as ``args.layer``.
    authority_only
        Offer only the layers chains of command run in (and ``all``).

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_layer(parser, authority_only=True)
    >>> parser.parse_args([]).layer, parser.parse_args(["--layer", "civil"]).layer
    ('operational', 'civil')
    """
    choices = (
        [*(layer.value for layer in AUTHORITY_LAYERS), ALL_LAYERS]
        if authority_only
        else list(LAYER_CHOICES)
    )
    parser.add_argument(
        "--layer",
        metavar="L",
        choices=choices,
        default=Layer.OPERATIONAL.value,
        help=f"layer of relations: {', '.join(choices)} (default operational; all mixes "
        "every authority relation)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    """Add ``--json`` for machine-readable output.

    Parameters
    ----------
    parser
        Gains the ``--json`` flag.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_json(parser)
    >>> parser.parse_args([]).json
    False
    """
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def load(path: str) -> Model:
    """Load a model file named on the command line.

    Parameters
    ----------
    path
        The MODEL argument.

    Returns
    -------
    Model
        The loaded model; errors are the loader's, which :func:`~c2graph.cli.main.main`
        turns into a message and an exit code.

    Examples
    --------
    >>> load("models/us-rok-cfc.yaml").name
    'US–ROK Combined Forces Command (comparator)'
    """
    return load_model(path)


def phase_or_first(model: Model, phase: str | None) -> str:
    """Return the phase or scenario asked for (checked), or the model's first phase.

    Parameters
    ----------
    model
        The loaded model.
    phase
        The ``--phase`` argument, None when it was not given.

    Returns
    -------
    str
        A phase or scenario id of the model.

    Raises
    ------
    QueryError
        When the model has no such phase or scenario.

    Examples
    --------
    >>> model = load("models/us-rok-cfc.yaml")
    >>> phase_or_first(model, None), phase_or_first(model, "wartime")
    ('armistice', 'wartime')
    """
    return model.situation(phase).id if phase else model.phases[0].id


def emit_json(data: Any) -> None:
    """Print data as deterministic, readable JSON (UTF-8, indented by two).

    Parameters
    ----------
    data
        Plain data: the ``to_dict()`` of a result.

    Examples
    --------
    >>> emit_json({"phase": "平時", "nodes": [1, 2]})
    {
      "phase": "平時",
      "nodes": [
        1,
        2
      ]
    }
    """
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
