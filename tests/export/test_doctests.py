"""The examples in the export modules' docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "c2graph.export",
        "c2graph.export.mermaid",
        "c2graph.export.graphml",
        "c2graph.export.gexf",
        "c2graph.export.dynetml",
        "c2graph.export.jsonfmt",
    ],
)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
