"""Arguments and output helpers shared by the subcommands.

Example
-------
>>> parser = argparse.ArgumentParser()
>>> add_model(parser); add_phase(parser); add_json(parser)
>>> vars(parser.parse_args(["m.yaml", "--json"]))
{'model': 'm.yaml', 'allow_outside': [], 'phase': None, 'json': True}
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..model import Model
from ..modelfile import read_model
from ..vocabulary import ALL_LAYERS, AUTHORITY_LAYERS, LAYER_CHOICES, Layer

__all__ = [
    "DEFINITIONS_EPILOG",
    "Inputs",
    "add_allow_outside",
    "add_jobs",
    "add_json",
    "add_lang",
    "add_layer",
    "add_model",
    "add_phase",
    "emit_json",
    "jobs_of",
    "phase_or_first",
]


def add_model(parser: argparse.ArgumentParser) -> None:
    """Add the positional MODEL argument, and ``--allow-outside``.

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
    add_allow_outside(parser)


def add_allow_outside(parser: argparse.ArgumentParser) -> None:
    """Add ``--allow-outside PATH`` (repeatable): a file or folder outside the model's own
    folder that the model may read (as its base or a units file).

    Parameters
    ----------
    parser
        Gains the option, read as ``args.allow_outside`` (a list, empty by default).

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_allow_outside(parser)
    >>> parser.parse_args(["--allow-outside", "../shared"]).allow_outside
    ['../shared']
    """
    parser.add_argument(
        "--allow-outside",
        metavar="PATH",
        action="append",
        default=[],
        help="let the model read this file or folder outside its own folder (repeatable)",
    )


class Inputs:
    """The model files a command loads, and every file they read (bases, units files).

    The files read are what the command's outputs must never replace.

    Parameters
    ----------
    args
        The command's arguments: ``allow_outside`` (absent: none) applies to every model.

    Examples
    --------
    >>> inputs = Inputs(argparse.Namespace())
    >>> inputs.load("models/us-japan-jfhq.yaml").extends
    'us-japan-2025.yaml'
    >>> [path.name for path in inputs.files]
    ['us-japan-jfhq.yaml', 'us-japan-2025.yaml']
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.allow_outside: tuple[str, ...] = tuple(getattr(args, "allow_outside", None) or ())
        self.files: list[Path] = []

    def load(self, path: str) -> Model:
        """Load a model file named on the command line, remembering the files it read.

        Errors are the loader's, which :func:`~c2graph.cli.main.main` turns into a message
        and an exit code.
        """
        loaded = read_model(path, allow_outside=self.allow_outside)
        self.files.extend(loaded.files)
        return loaded.model


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


#: Where every measure and verdict a command prints is defined (shown under ``--help``).
DEFINITIONS_EPILOG = (
    "Every measure and verdict printed is defined, with its source, in docs/measures.md."
)


def add_lang(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang`` (``en``, the default, or ``ja``): the language of every word printed
    and of the names where the model gives them.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_lang(parser)
    >>> parser.parse_args(["--lang", "ja"]).lang, parser.parse_args([]).lang
    ('ja', None)
    """
    from ..messages import LANGUAGES

    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of titles, headers, legends and verdicts, and of the names where the "
        "model gives them (name_ja); default en",
    )


def add_jobs(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``--jobs N``: how many worker processes run the independent jobs of ``what``.

    Parameters
    ----------
    parser
        Gains ``--jobs`` (None when absent: :func:`jobs_of` reads it as the machine's cores).
    what
        What the workers run, as the help names it.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_jobs(parser, "the sweep")
    >>> parser.parse_args(["--jobs", "3"]).jobs, parser.parse_args([]).jobs
    (3, None)
    """
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=_positive,
        help=f"worker processes of {what} (default: the machine's cores; 1: no workers)",
    )


def jobs_of(args: argparse.Namespace) -> int:
    """The ``--jobs`` given, else the machine's cores.

    >>> jobs_of(argparse.Namespace(jobs=2)), jobs_of(argparse.Namespace(jobs=None)) >= 1
    (2, True)
    """
    import os

    given = getattr(args, "jobs", None)
    return int(given) if given is not None else os.cpu_count() or 1


def _positive(text: str) -> int:
    """Parse a whole number of at least 1, or refuse the argument.

    >>> _positive("3")
    3
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


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
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> phase_or_first(model, None), phase_or_first(model, "wartime")
    ('armistice', 'wartime')
    """
    return model.situation(phase).id if phase else model.phases[0].id


def emit_json(data: Any) -> None:
    """Print data as deterministic, readable JSON (UTF-8, indented by two).

    Control and invisible characters in strings are written as JSON escapes, so that the
    output is inert on a terminal and reads back the same.

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
    from ..jsontext import dumps_utf8  # msgspec: imported only by the commands that write JSON
    from ._terminal import write_utf8

    write_utf8(dumps_utf8(data), b"\n")
