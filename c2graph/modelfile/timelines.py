"""Timeline files: timed steps kept apart from the model they step through.

A timeline file has one key, ``timelines``, a list written as in a model file; its steps
may enter any phase or scenario of the model.  Problems are reported with file and line,
as for model files.

Example
-------
>>> import pathlib, tempfile
>>> from c2graph import load_model
>>> path = pathlib.Path(tempfile.mkdtemp()) / "steps.yaml"
>>> _ = path.write_text("timelines:\\n  - id: t\\n    name: T\\n    steps:\\n"
...     "      - {at: 2026-05-16T02:00+09:00, enter: wartme}\\n")
>>> load_timelines(path, load_model("models/us-rok-cfc.yaml"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
c2graph.errors.ModelError: .../steps.yaml:5: timelines[0] (id='t') → steps[0] → enter: \
unknown phase or scenario 'wartme' (did you mean 'wartime'?)
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ModelError
from ..model import Model
from ..scenarios import Timeline
from .fields import Field
from .files import read_text
from .items import ModelFile
from .parsing import is_json_path, parse_text
from .timechecks import check_timelines
from .validate import check_value

__all__ = ["load_timelines"]

_TIMELINES = Field("timelines", "sections", "Timed steps.", required=True, target="timeline")


def load_timelines(path: str | os.PathLike[str], model: Model) -> tuple[Timeline, ...]:
    """Read and check a timeline file against the model its steps step through.

    Parameters
    ----------
    path
        The file (``.json`` as JSON, anything else as YAML).
    model
        The model whose phases and scenarios the steps enter.

    Returns
    -------
    tuple of Timeline
        The file's timelines, in order.

    Raises
    ------
    ModelError
        Listing every problem of the file, with file and line.
    InputFileError
        When the file cannot be read.
    """
    display = str(path)
    text = read_text(Path(path))
    data = parse_text(text, display, as_json=is_json_path(Path(path)))
    file = ModelFile(display, text, data)
    if not isinstance(data, dict) or set(data) != {"timelines"}:
        raise ModelError([file.problem((), "a timeline file has one key, 'timelines'")])
    findings = check_value(data["timelines"], _TIMELINES, ("timelines",))
    if findings:
        raise ModelError([file.problem(f.path, f.message) for f in findings])
    problems = check_timelines(file.items("timelines"), list(model.situations))
    if problems:
        raise ModelError(problems)
    return tuple(Timeline.from_data(entry) for entry in data["timelines"])
