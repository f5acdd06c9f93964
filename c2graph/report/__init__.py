"""The analyst's report: a self-contained HTML page and a Markdown version with SVG diagrams.

For each model: the schematic, the phase panels, the chains of command of the main forces,
the bottlenecks, the phase switches with their decisions and legal bases, and the sources;
then the comparison of all the models (variant to variant, matrix of headline measures,
C2 approach space, the six considerations).

Example
-------
>>> from c2graph import load_model
>>> from c2graph.report import write_report
>>> models = [load_model("models/us-japan-2022.yaml"),
...           load_model("models/us-japan-2025.yaml")]     # doctest: +SKIP
>>> [p.name for p in write_report(models, "report")][:2]     # doctest: +SKIP
['index.html', 'report.md']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import OutputError, QueryError
from ..model import Model
from ..outputs import write_atomic
from ._draw import DiffJob, Job, draw_figures
from ._svg import inline_svg
from .document import Block, Figure
from .html import render_html
from .markdown import render_markdown
from .sections import comparison_section, model_section

__all__ = ["report_stems", "write_report"]


def report_stems(models: Sequence[Model]) -> tuple[str, ...]:
    """Return a distinct file-name stem per model: its file's stem, else a slug of its name.

    >>> from c2graph import load_model_data
    >>> m = load_model_data({"name": "US–Japan 2025", "as_of": "2025",
    ...     "phases": [{"id": "p", "name": "P"}],
    ...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> report_stems([m, m])
    ('us-japan-2025', 'us-japan-2025-2')
    """
    stems: list[str] = []
    for model in models:
        base = Path(model.path).stem if model.path and model.path != "<data>" else model.name
        stem = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "model"
        candidate, n = stem, 1
        while candidate in stems:
            n += 1
            candidate = f"{stem}-{n}"
        stems.append(candidate)
    return tuple(stems)


def write_report(
    models: Sequence[Model],
    out_dir: str | os.PathLike[str],
    *,
    engine: str = "auto",
    protect: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Write ``index.html``, ``report.md`` and the SVG diagrams into ``out_dir``.

    The folder is created if missing and never emptied; every file is written atomically
    and never over a model file or anything in ``protect``.  ``engine`` is ``auto``
    (Graphviz when ``dot`` is installed, else matplotlib), ``graphviz`` or ``matplotlib``;
    with ``auto``, a diagram Graphviz fails on is drawn by matplotlib, and a diagram no
    engine can draw is named in the report with the reason.  With Graphviz, each compared
    pair (a variant and the model it extends, else consecutive models) gets its diff
    diagram.  Same models, same bytes.

    Returns the paths written: the page, the Markdown file, then the diagrams.

    Raises :class:`~c2graph.errors.QueryError` for no model or an unknown engine and
    :class:`~c2graph.errors.OutputError` when the folder or a file cannot be written.
    """
    from ..render import ENGINES, choose_engine

    if not models:
        raise QueryError("no model to report on")
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: the folder cannot be created ({exc.strerror})") from None
    protected = [*protect, *(m.path for m in models if m.path)]
    jobs: list[Job] = []
    diff_jobs: list[DiffJob] = []

    def plan_figure(model: Model, name: str, caption: str, phases: tuple[str, ...]) -> Figure:
        figure = Figure(name, caption)
        jobs.append((model, figure, phases))
        return figure

    def plan_diff(a: Model, b: Model, name: str, caption: str, phase: str) -> Figure:
        figure = Figure(name, caption)
        diff_jobs.append((a, b, figure, phase))
        return figure

    stems = report_stems(models)
    blocks: list[Block] = []
    for model, stem in zip(models, stems, strict=True):
        blocks += model_section(model, stem, plan_figure)
    with_diffs = choose_engine(engine, "svg") == "graphviz"
    blocks += comparison_section(models, stems, plan_diff if with_diffs else None)
    drawn = draw_figures(jobs, out, engine=engine, protect=protected, diff_jobs=diff_jobs)
    blocks = [drawn.get(b.file, b) if isinstance(b, Figure) else b for b in blocks]
    svgs = {
        f.file: inline_svg((out / f.file).read_text(encoding="utf-8"), f"f{i}")
        for i, f in enumerate(drawn.values())
        if f.missing is None
    }
    title = "C2 structures: " + ", ".join(stems)
    page, markdown = out / "index.html", out / "report.md"
    write_atomic(page, render_html(title, blocks, svgs), protect=protected)
    write_atomic(markdown, render_markdown(title, blocks), protect=protected)
    return [page, markdown, *(out / f.file for f in drawn.values() if f.missing is None)]
