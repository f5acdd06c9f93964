"""Arguments and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..model import Model
from ..modelfile import load_model

__all__ = ["add_json", "add_model", "add_phase", "emit_json", "load", "phase_or_first"]


def add_model(parser: argparse.ArgumentParser) -> None:
    """Add the positional MODEL argument."""
    parser.add_argument("model", metavar="MODEL", help="model file (.yaml, .yml or .json)")


def add_phase(parser: argparse.ArgumentParser) -> None:
    """Add ``--phase`` (default: the first phase of the model)."""
    parser.add_argument("--phase", metavar="P", help="phase id (default: the model's first)")


def add_json(parser: argparse.ArgumentParser) -> None:
    """Add ``--json`` for machine-readable output."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def load(path: str) -> Model:
    """Load a model file named on the command line."""
    return load_model(path)


def phase_or_first(model: Model, phase: str | None) -> str:
    """Return the phase asked for (checked), or the model's first phase."""
    return model.phase(phase).id if phase else model.phases[0].id


def emit_json(data: Any) -> None:
    """Print data as deterministic, readable JSON."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
