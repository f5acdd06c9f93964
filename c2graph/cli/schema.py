"""``c2graph schema``: print the JSON Schema of model files."""

from __future__ import annotations

import argparse

from ..modelfile.schema import model_schema
from ._common import emit_json

HELP = "print the JSON Schema of model files (for editor completion and checks)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    del args
    emit_json(model_schema())
    return 0
