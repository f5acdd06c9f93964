"""Drawing the report's diagrams as SVG, in parallel where the engine allows it; no file I/O.

A diagram too wide to read at the page's width (:func:`legible`) gets focused views of its
headquarters beside it (:func:`focus_jobs`), each its own diagram. The figures of a large
order of battle, and its focused views, are overviews (:mod:`c2graph.render.overview`):
the units below a depth are counted in their formation's box, so a report never lays out
every unit of a 100,000-unit model.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from ..errors import RenderError
from ..model import Model
from ..render import Engine, choose_engine
from ..render.scene import SceneOptions
from .document import Figure
from .names import slug

__all__ = [
    "LEGIBLE_PT",
    "PAGE_PT",
    "DiffJob",
    "Job",
    "Outcome",
    "draw_figures",
    "focus_jobs",
    "legible",
    "svg_width",
]

#: A diagram to draw: the model, its figure (file name and caption) and what it shows.
Job = tuple[Model, Figure, SceneOptions]
#: A diff diagram to draw: model A, model B, the figure and the phase shown.
DiffJob = tuple[Model, Model, Figure, str, str | None]
#: What drawing a figure gave: its SVG, or the renderer's reason why it could not be drawn.
Outcome = bytes | str
_MAX_WORKERS = 8
#: Matplotlib figures a worker process must have to draw before starting it pays: a spawned
#: worker imports matplotlib and loads its model again (about a second), while one figure
#: takes a few tenths of a second in this process.
_FIGURES_PER_WORKER = 6
#: The width (points) of the page's text column: 1,500 CSS pixels less its margins.
PAGE_PT = 1077.0
#: The smallest text a figure may show at the page's width, and the smallest node text
#: of a chart (:data:`c2graph.render.boxes.MEMBER_PT`).
LEGIBLE_PT, _NODE_PT = 7.0, 10.0
_FOCUS_MAX = 4
_WIDTH = re.compile(rb'<svg[^>]*\bwidth="([0-9.]+)(pt|px)?"')


def svg_width(svg: bytes) -> float | None:
    """The width of an SVG picture in points, from its ``width`` attribute.

    >>> svg_width(b'<svg width="1200pt" height="50pt">'), svg_width(b"<svg>")
    (1200.0, None)
    """
    found = _WIDTH.search(svg)
    if found is None:
        return None
    return float(found[1]) * (0.75 if found[2] == b"px" else 1.0)


def legible(svg: bytes) -> bool:
    """True when a chart shown at most as wide as the page (:data:`PAGE_PT`) keeps its
    node names at :data:`LEGIBLE_PT` or more.

    >>> legible(b'<svg width="1500pt">'), legible(b'<svg width="2000pt">')
    (True, False)
    """
    width = svg_width(svg)
    return width is None or min(1.0, PAGE_PT / width) * _NODE_PT >= LEGIBLE_PT


def focus_jobs(job: Job) -> list[Job]:
    """Focused views (``focus`` on a headquarters) of a job's chart: its top headquarters
    first (those under no other headquarters), at most four, each its own figure, named
    after the chart's file and the headquarters' slug
    (``us-japan-2025--peacetime--jp-jjoc.svg``).

    >>> from c2graph import load_model
    >>> from c2graph.report.document import Figure
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> job = (model, Figure("m--p.svg", "M"), {"phase": "peacetime"})
    >>> [j[1].file for j in focus_jobs(job)]
    ['m--p--jp-jjoc.svg', 'm--p--us-indopacom.svg', 'm--p--us-usfj.svg']
    """
    model, figure, options = job
    shown = [options["phase"]] if options.get("phase") else list(options.get("phases") or ())
    phases = set(shown or model.phase_ids[:1])
    heads = [n for n in model.nodes.values() if n.kind == "headquarters" and n.phases & phases]
    ids = {n.id for n in heads}
    under = {link.to_node for link in model.links if link.from_node in ids and link.is_authority}
    heads.sort(key=lambda n: n.id in under)
    stem = figure.file.removesuffix(".svg")
    return [
        (
            model,
            Figure(f"{stem}--{slug(head.id)}.svg", f"{figure.caption} — {head.label(None)}"),
            options | {"focus": head.id},
        )
        for head in heads[:_FOCUS_MAX]
    ]


def _attempt(model: Model, options: SceneOptions, engine: Engine) -> Outcome:
    from ..render import render_bytes

    try:
        return render_bytes(model, "svg", engine=engine, **options)
    except RenderError as exc:
        return str(exc).splitlines()[0]


def _attempt_from_file(path: str, options: SceneOptions) -> Outcome:
    """Draw with matplotlib in a worker process, which loads the model file again."""
    from ..modelfile import load_model

    return _attempt(load_model(path), options, "matplotlib")


def _diff(job: DiffJob) -> Outcome:
    from ..render.diff import diff_bytes

    a, b, _, phase, lang = job
    try:
        return diff_bytes(a, b, "svg", phase=phase, lang=lang)
    except RenderError as exc:
        return str(exc).splitlines()[0]


def _workers(count: int) -> int:
    return max(1, min(_MAX_WORKERS, os.cpu_count() or 1, count))


def _matplotlib(jobs: Sequence[Job]) -> list[Outcome]:
    """Draw with matplotlib: in worker processes (each loads its model file again) when
    there are several cores and enough figures to pay for starting them, else one after
    the other; models built in memory are drawn here."""
    from_file = [
        i for i, (model, _, _) in enumerate(jobs) if model.path and Path(model.path).is_file()
    ]
    outcomes: dict[int, Outcome] = {}
    workers = _workers(len(from_file) // _FIGURES_PER_WORKER)
    if workers > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {
                i: pool.submit(_attempt_from_file, str(jobs[i][0].path), jobs[i][2])
                for i in from_file
            }
            outcomes = {i: future.result() for i, future in futures.items()}
    return [
        outcomes[i] if i in outcomes else _attempt(model, options, "matplotlib")
        for i, (model, _, options) in enumerate(jobs)
    ]


def _graphviz(
    jobs: Sequence[Job], diff_jobs: Sequence[DiffJob]
) -> tuple[list[Outcome], list[Outcome]]:
    """Draw with Graphviz in parallel threads (a system ``dot`` runs as a process each)."""
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
