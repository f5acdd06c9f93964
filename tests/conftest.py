"""Shared fixtures: writing small model files for tests."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured in benchmarks, not asserted in tests: hypothesis's default deadline of
# 200 ms per example would make a property test fail on a busy machine, not a wrong answer.
settings.register_profile("c2graph", deadline=None)
settings.load_profile("c2graph")

MINIMAL = """\
name: demo
as_of: 2025-03-24
phases:
  - {id: peacetime, name: Peacetime}
  - {id: gray-zone, name: Gray zone}
  - {id: armed-attack, name: Armed attack}
nodes:
  - {id: pm, name: Prime Minister, nation: JP, kind: political-authority}
  - {id: hq, name: Joint HQ, nation: JP, kind: headquarters}
  - {id: unit, name: Unit, nation: JP, kind: unit}
links:
  - {from: pm, to: hq, relation: command}
  - {from: hq, to: unit, relation: opcon}
"""


#: The small model with its sources: every link names one, dated and published, so that
#: it loads without warnings (MINIMAL's links name no source).
SOURCED = (
    MINIMAL.replace("to: hq, relation", "to: hq, source: s-demo, relation").replace(
        "to: unit, relation", "to: unit, source: s-demo, relation"
    )
    + "sources:\n"
    + "  - {id: s-demo, title: Demo order of battle, publisher: Demo ministry, date: 2025-03}\n"
)


@pytest.fixture
def sourced_text() -> str:
    """The small valid model with a dated, published source for each link: no warnings."""
    return SOURCED


@pytest.fixture
def write_model(tmp_path: Path) -> Callable[..., Path]:
    """Write model text (dedented) to a file in ``tmp_path`` and return its path."""

    def write(text: str, name: str = "model.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def minimal_text() -> str:
    """A small valid model: PM commands a joint HQ, which has OPCON of one unit."""
    return MINIMAL


REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "models"
