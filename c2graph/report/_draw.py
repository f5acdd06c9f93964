"""Drawing the report's diagrams as SVG, in parallel where the engine allows it; no file I/O."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from ..errors import RenderError
from ..model import Model
from ..render import Engine, choose_engine
from ..render.scene import SceneOptions
from .document import Figure

__all__ = ["DiffJob", "Job", "Outcome", "draw_figures"]

#: A diagram to draw: the model, its figure (file name and caption) and the phases shown.
Job = tuple[Model, Figure, tuple[str, ...]]
#: A diff diagram to draw: model A, model B, the figure and the phase shown.
DiffJob = tuple[Model, Model, Figure, str]
#: What drawing a figure gave: its SVG, or the renderer's reason why it could not be drawn.
Outcome = bytes | str
_MAX_WORKERS = 8


def _attempt(model: Model, phases: tuple[str, ...], engine: Engine) -> Outcome:
    from ..render import render_bytes

    options: SceneOptions = {"phase": phases[0]} if len(phases) == 1 else {"phases": phases}
    try:
        return render_bytes(model, "svg", engine=engine, **options)
    except RenderError as exc:
        return str(exc).splitlines()[0]


def _attempt_from_file(path: str, phases: tuple[str, ...]) -> Outcome:
    """Draw with matplotlib in a worker process, which loads the model file again."""
    from ..modelfile import load_model

    return _attempt(load_model(path), phases, "matplotlib")


def _diff(job: DiffJob) -> Outcome:
    from ..render.diff import diff_bytes

    a, b, _, phase = job
    try:
        return diff_bytes(a, b, "svg", phase=phase)
    except RenderError as exc:
        return str(exc).splitlines()[0]


def _workers(count: int) -> int:
    return max(1, min(_MAX_WORKERS, os.cpu_count() or 1, count))


def _matplotlib(jobs: Sequence[Job]) -> list[Outcome]:
    """Draw with matplotlib: in worker processes (each loads its model file again) when
    there are several cores, else one after the other; models built in memory are drawn
    here."""
    from_file = [
        i for i, (model, _, _) in enumerate(jobs) if model.path and Path(model.path).is_file()
    ]
    outcomes: dict[int, Outcome] = {}
    if _workers(len(from_file)) > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(_workers(len(from_file)), mp_context=context) as pool:
            futures = {
                i: pool.submit(_attempt_from_file, str(jobs[i][0].path), jobs[i][2])
                for i in from_file
            }
            outcomes = {i: future.result() for i, future in futures.items()}
    return [
        outcomes[i] if i in outcomes else _attempt(model, phases, "matplotlib")
        for i, (model, _, phases) in enumerate(jobs)
    ]


def _graphviz(
    jobs: Sequence[Job], diff_jobs: Sequence[DiffJob]
) -> tuple[list[Outcome], list[Outcome]]:
    """Draw with Graphviz in parallel threads (each diagram is a ``dot`` process)."""
    with ThreadPoolExecutor(_workers(len(jobs) + len(diff_jobs))) as pool:
        diff_futures = [pool.submit(_diff, job) for job in diff_jobs]
        outcomes = list(pool.map(lambda job: _attempt(job[0], job[2], "graphviz"), jobs))
        return outcomes, [future.result() for future in diff_futures]


def draw_figures(
    jobs: Sequence[Job], diff_jobs: Sequence[DiffJob], *, engine: Engine
) -> dict[str, Outcome]:
    """Draw every job; return each figure's outcome by file name, the diagrams first, then
    the diff diagrams.

    With Graphviz, diagrams run in parallel threads; with matplotlib, in parallel
    processes.  With ``engine="auto"``, what Graphviz fails on is redrawn by matplotlib.
    Diff diagrams are Graphviz charts only (:mod:`c2graph.render.diff`).
    """
    if choose_engine(engine, "svg") == "graphviz":
        outcomes, diff_outcomes = _graphviz(jobs, diff_jobs)
        if engine == "auto":
            failed = [(i, reason) for i, reason in enumerate(outcomes) if isinstance(reason, str)]
            retried = _matplotlib([jobs[i] for i, _ in failed])
            for (i, reason), second in zip(failed, retried, strict=True):
                outcomes[i] = second if isinstance(second, bytes) else f"{reason}; {second}"
    else:
        outcomes = _matplotlib(jobs)
        diff_outcomes = ["diff diagrams are drawn by Graphviz, which is not in use"] * len(
            diff_jobs
        )
    drawn = {job[1].file: outcome for job, outcome in zip(jobs, outcomes, strict=True)}
    return drawn | {job[2].file: out for job, out in zip(diff_jobs, diff_outcomes, strict=True)}
