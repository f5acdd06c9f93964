"""Drawing the report's diagrams, in parallel where the engine allows it."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from ..errors import RenderError
from ..model import Model
from .document import Figure

__all__ = ["DiffJob", "Job", "draw_figures"]

#: A diagram to draw: the model, its figure (file name and caption) and the phases shown.
Job = tuple[Model, Figure, tuple[str, ...]]
#: A diff diagram to draw: model A, model B, the figure and the phase shown.
DiffJob = tuple[Model, Model, Figure, str]
_MAX_WORKERS = 8


def _attempt(
    model: Model,
    target: Path,
    phases: tuple[str, ...],
    engine: str,
    protect: Sequence[str | os.PathLike[str]],
) -> str | None:
    from ..render import draw

    options = {"phase": phases[0]} if len(phases) == 1 else {"phases": list(phases)}
    try:
        draw(model, target, engine=engine, protect=protect, **options)  # type: ignore[arg-type]
    except RenderError as exc:
        return str(exc).splitlines()[0]
    return None


def _attempt_from_file(
    path: str,
    target: Path,
    phases: tuple[str, ...],
    engine: str,
    protect: Sequence[str | os.PathLike[str]],
) -> str | None:
    from ..modelfile import load_model

    return _attempt(load_model(path), target, phases, engine, protect)


def _workers(count: int) -> int:
    return max(1, min(_MAX_WORKERS, os.cpu_count() or 1, count))


def _matplotlib(
    jobs: Sequence[Job], out: Path, protect: Sequence[str | os.PathLike[str]]
) -> list[str | None]:
    """Draw with matplotlib: in worker processes (each loads its model file again) when
    there are several cores, else one after the other; models built in memory are drawn
    here."""
    from_file = [
        i for i, (model, _, _) in enumerate(jobs) if model.path and Path(model.path).is_file()
    ]
    errors: list[str | None] = [None] * len(jobs)
    if _workers(len(from_file)) > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(_workers(len(from_file)), mp_context=context) as pool:
            futures = {
                i: pool.submit(
                    _attempt_from_file,
                    str(jobs[i][0].path),
                    out / jobs[i][1].file,
                    jobs[i][2],
                    "matplotlib",
                    list(protect),
                )
                for i in from_file
            }
            for i, future in futures.items():
                errors[i] = future.result()
        done = set(from_file)
    else:
        done = set()
    for i, (model, figure, phases) in enumerate(jobs):
        if i not in done:
            errors[i] = _attempt(model, out / figure.file, phases, "matplotlib", protect)
    return errors


def _diff(job: DiffJob, out: Path, protect: Sequence[str | os.PathLike[str]]) -> str | None:
    from ..render.diff import draw_diff

    a, b, figure, phase = job
    try:
        draw_diff(a, b, out / figure.file, phase=phase, protect=protect)
    except RenderError as exc:
        return str(exc).splitlines()[0]
    return None


def draw_figures(
    jobs: Sequence[Job],
    out: Path,
    *,
    engine: str,
    protect: Sequence[str | os.PathLike[str]],
    diff_jobs: Sequence[DiffJob] = (),
) -> dict[str, Figure]:
    """Draw every job into ``out``; return each figure by file name, with ``missing`` set
    (the renderer's message) where no engine could draw it.

    Graphviz diagrams run in parallel threads (each is a ``dot`` process); matplotlib ones
    in parallel processes.  With ``engine="auto"``, what Graphviz fails on is redrawn by
    matplotlib.  Diff diagrams are Graphviz charts only (:mod:`c2graph.render.diff`).
    """
    from ..render import choose_engine

    first = choose_engine(engine, "svg")
    errors: list[str | None]
    diff_errors: list[str | None]
    if first == "graphviz":
        with ThreadPoolExecutor(_workers(len(jobs) + len(diff_jobs))) as pool:
            diff_futures = [pool.submit(_diff, job, out, protect) for job in diff_jobs]
            errors = list(
                pool.map(
                    lambda job: _attempt(job[0], out / job[1].file, job[2], "graphviz", protect),
                    jobs,
                )
            )
            diff_errors = [future.result() for future in diff_futures]
        if engine == "auto":
            failed = [i for i, error in enumerate(errors) if error is not None]
            retried = _matplotlib([jobs[i] for i in failed], out, protect)
            for i, second in zip(failed, retried, strict=True):
                errors[i] = None if second is None else f"{errors[i]}; {second}"
    else:
        errors = _matplotlib(jobs, out, protect)
        diff_errors = ["diff diagrams are drawn by Graphviz, which is not in use"] * len(diff_jobs)
    drawn = {
        job[1].file: replace(job[1], missing=error) for job, error in zip(jobs, errors, strict=True)
    }
    return drawn | {
        job[2].file: replace(job[2], missing=error)
        for job, error in zip(diff_jobs, diff_errors, strict=True)
    }
