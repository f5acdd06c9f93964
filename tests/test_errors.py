"""The exception hierarchy: messages, ordering of problems and exit codes."""

from __future__ import annotations

import pytest

from c2graph.errors import (
    EXIT_CODES,
    C2GraphError,
    InputFileError,
    ModelError,
    OutputError,
    Problem,
    QueryError,
    RenderError,
)


def test_problem_text():
    assert str(Problem("m.yaml", 3, "nodes[0] → kind", "bad")) == "m.yaml:3: nodes[0] → kind: bad"
    assert str(Problem("m.yaml", None, "", "empty")) == "m.yaml: empty"
    assert str(Problem("m.yaml", 1, "", "YAML: x")) == "m.yaml:1: YAML: x"


def test_model_error_sorts_problems_by_file_then_line():
    err = ModelError(
        [
            Problem("b.yaml", 2, "", "z"),
            Problem("a.yaml", 9, "", "y"),
            Problem("b.yaml", None, "", "whole file"),
            Problem("a.yaml", 1, "x", "w"),
        ]
    )
    assert str(err) == "a.yaml:1: x: w\na.yaml:9: y\nb.yaml: whole file\nb.yaml:2: z"
    assert [p.line for p in err.problems] == [1, 9, None, 2]


@pytest.mark.parametrize(
    ("cls", "builtin", "code"),
    [
        (ModelError, ValueError, 1),
        (QueryError, LookupError, 2),
        (InputFileError, OSError, 3),
        (OutputError, OSError, 4),
        (RenderError, RuntimeError, 4),
    ],
)
def test_each_error_subclasses_a_builtin_and_has_a_documented_code(cls, builtin, code):
    assert issubclass(cls, C2GraphError)
    assert issubclass(cls, builtin)
    assert cls.exit_code == code
    assert code in EXIT_CODES


def test_exit_codes_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text()
    for code in EXIT_CODES:
        assert f"| {code} |" in doc
