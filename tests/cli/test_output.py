"""The command line's output guard: never over a model or data file, never over an input."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2graph import OutputError
from c2graph.cli._output import guard_outputs


@pytest.mark.parametrize("name", ["m.yaml", "m.YML", "units.csv"])
def test_refuses_model_and_data_suffixes(tmp_path, name):
    with pytest.raises(OutputError) as err:
        guard_outputs([tmp_path / "fine.svg", tmp_path / name], inputs=[])
    assert str(err.value) == (
        f"{tmp_path / name}: refusing to write an output over a model "
        f"or data file ({Path(name).suffix}); choose another name"
    )
    assert err.value.exit_code == 4


def test_refuses_an_input_under_another_spelling(tmp_path):
    source = tmp_path / "model.json"
    with pytest.raises(OutputError) as err:
        guard_outputs([tmp_path / "." / "model.json"], inputs=[str(source)])
    assert str(err.value) == (
        f"{tmp_path / '.' / 'model.json'}: this is an input of the command; "
        "refusing to overwrite it"
    )


def test_other_outputs_pass(tmp_path):
    guard_outputs([tmp_path / "chart.svg", "report/index.html"], inputs=[tmp_path / "m.svg"])
