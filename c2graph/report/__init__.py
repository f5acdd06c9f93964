"""The analyst's report: a self-contained HTML page and a Markdown version with SVG diagrams.

For each model: the schematic, the phase panels, the chains of command of the main forces,
the bottlenecks, the phase switches with their decisions and legal bases, and the sources;
then the comparison of all the models (variant to variant, matrix of headline measures,
C2 approach space, the six considerations); beside it, the interactive explorer page of the
same models (:mod:`c2graph.explore`), which the report links to.  The explorer draws every
node; for models of more than :data:`EXPLORER_NODES` nodes the report leaves it out and
says so (``c2graph explore`` still makes it on request).

:func:`build_report` makes every file in memory (a :class:`Report`); :meth:`Report.write`
and :func:`write_report` write them.

Example
-------
>>> from c2graph import load_model
>>> report = build_report([load_model("models/us-rok-cfc.yaml")])
>>> list(report.files)
['index.html', 'report.md', 'explore.html', 'us-rok-cfc--armistice.svg', \
'us-rok-cfc--wartime.svg']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analysis.measures import phase_report
from ..compare import compare
from ..compare.briefing import briefing
from ..compare.pairs import model_pairs
from ..compare.summary import headline_findings
from ..errors import OutputError, QueryError, RenderError
from ..messages import Messages, messages
from ..model import Model
from ..modelfile.parsing import gc_paused
from ..outputs import ensure_folder, write_atomic
from ..render import Engine, choose_engine
from ..render.scene import SceneOptions
from ..render.svginline import inline_svg
from ._draw import DiffJob, Job, Outcome, draw_figures, focus_jobs, legible
from .document import Block, Figure, Paragraph
from .findings import ModelFindings, checked_forces, model_findings
from .html import MARK as HTML_MARK
from .html import render_html
from .markdown import MARK as MARKDOWN_MARK
from .markdown import render_markdown
from .names import distinct_slugs
from .sections import comparison_section, definitions_section, model_section
from .summary import Base, summary_blocks

__all__ = [
    "EXPLORER",
    "EXPLORER_NODES",
    "OWN_FILES",
    "Progress",
    "Report",
    "build_report",
    "report_stems",
    "write_report",
    "written_by_report",
]

#: The file name of the explorer page written beside the report.
EXPLORER = "explore.html"
#: The most nodes a model may have for the report to make its explorer page.  The page
#: draws every node: a generated 1,000-unit order of battle takes 4.5 s and 3 MB, 10,000
#: units 129 s and 37 MB, a picture of 10,000 boxes no one reads; the shipped models have
#: at most 60 nodes.
EXPLORER_NODES = 1_000


def report_stems(models: Sequence[Model]) -> tuple[str, ...]:
    """Return a distinct file-name stem per model: a slug of its file's stem, else of its
    name (:func:`~c2graph.report.names.slug`).

    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> report_stems([model, model])
    ('us-japan-2025', 'us-japan-2025-2')
    """
    return distinct_slugs(
        Path(model.path).stem if model.path and model.path != "<data>" else model.name
        for model in models
    )


#: The files of the report that people write too: replaced only if a report wrote them.
OWN_FILES = ("index.html", "report.md", EXPLORER)


@dataclass(frozen=True)
class Report:
    """The report's files by name, in order: ``index.html``, ``report.md``, the explorer
    page (:data:`EXPLORER`), the diagrams."""

    files: Mapping[str, bytes]

    def write(self, folder: str | os.PathLike[str], *, force: bool = False) -> list[Path]:
        """Write every file into ``folder`` (created if missing, never emptied), each
        atomically; return the paths written, in order.

        An ``index.html``, ``report.md`` or ``explore.html`` already in the folder is
        replaced only when c2graph wrote it (it carries :data:`~c2graph.report.html.MARK`,
        :data:`~c2graph.report.markdown.MARK` or :data:`~c2graph.explore.page.MARK`), or
        with ``force``.

        Raises :class:`~c2graph.errors.OutputError` when the folder or a file cannot be
        written, or before anything is written when such a file would be replaced.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> report = Report({"notes.md": b"# Notes\\n"})
        >>> [p.name for p in report.write(folder)]
        ['notes.md']
        >>> _ = (folder / "index.html").write_text("<p>my page</p>")
        >>> Report({"index.html": b""}).write(folder)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        c2graph.errors.OutputError: .../index.html: exists and was not written by a c2graph \
report; refusing to replace it (give --force to replace it)
        """
        out = ensure_folder(folder)
        paths = [out / name for name in self.files]
        if not force:
            for path in paths:
                if path.name in OWN_FILES and not written_by_report(path):
                    raise OutputError(
                        f"{path}: exists and was not written by a c2graph report; refusing to "
                        "replace it (give --force to replace it)"
                    )
        for path, data in zip(paths, self.files.values(), strict=True):
            write_atomic(path, data)
        return paths


def written_by_report(path: Path) -> bool:
    """True when ``path`` is missing, or is a page, Markdown file or explorer page c2graph
    wrote.

    >>> written_by_report(Path("no-such-index.html"))
    True
    """
    from ..explore.page import MARK as EXPLORER_MARK

    mark = {"index.html": HTML_MARK, "report.md": MARKDOWN_MARK, EXPLORER: EXPLORER_MARK}.get(
        path.name
    )
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return mark is not None and mark.encode("utf-8") in head


#: Reports what a long run is doing: ``(what, done, total)``, called as each step ends.
Progress = Callable[[str, int, int], None]


@dataclass
class _Plan:
    """The diagrams the sections ask for, collected while the blocks are built."""

    lang: str | None = None
    jobs: list[Job] = field(default_factory=list)
    diff_jobs: list[DiffJob] = field(default_factory=list)

    def figure(self, model: Model, name: str, caption: str, phases: tuple[str, ...]) -> Figure:
        figure = Figure(name, caption)
        options: SceneOptions = {"phase": phases[0]} if len(phases) == 1 else {"phases": phases}
        options["lang"] = self.lang
        self.jobs.append((model, figure, options))
        return figure

    def diff(self, a: Model, b: Model, name: str, caption: str, phase: str) -> Figure:
        figure = Figure(name, caption)
        self.diff_jobs.append((a, b, figure, phase, self.lang))
        return figure


def build_report(
    models: Sequence[Model],
    *,
    engine: Engine = "auto",
    lang: str | None = None,
    forces: Collection[str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Make the report of ``models``: the page, the Markdown file and the SVG diagrams.

    The report opens with a summary of findings (:mod:`c2graph.report.summary`), then one
    part per model, the comparison of each variant with the model it extends and of each
    snapshot with the earlier one (a base not among ``models`` is loaded for it), every
    model side by side, and the definitions of what it prints.

    Parameters
    ----------
    models
        The models, in the order the report shows them.
    engine
        ``auto`` (Graphviz when ``dot`` is installed, else matplotlib), ``graphviz`` or
        ``matplotlib``.  With ``auto``, a diagram Graphviz fails on is drawn by matplotlib,
        and a diagram no engine can draw is named in the report with the reason.  With
        Graphviz, each compared pair gets its diff diagram.  The explorer page is drawn by
        Graphviz whatever the engine; if Graphviz fails, the report says why instead.  Same
        models, same bytes.
    lang
        ``en`` (default) or ``ja``: the language of every heading, table header, legend
        and verdict, and of the names where the model gives them (``name_ja``).
    forces
        Node ids: show the chains, single points of failure, counterpart mismatches and
        chain changes of these forces only.
    progress
        Called as each step ends: ``(what, done, total)``.

    Raises
    ------
    QueryError
        No model, an unknown engine or language, or a force no model has.
    ModelError
        The base of a variant, not among ``models``, does not load.

    Examples
    --------
    >>> from c2graph import load_model
    >>> report = build_report([load_model("models/us-rok-cfc.yaml")])
    >>> report.files["report.md"].splitlines()[1]
    b'# C2 structures: us-rok-cfc'
    >>> report.files["index.html"].startswith(b"<!DOCTYPE html>")
    True
    """
    if not models:
        raise QueryError("no model to report on")
    msg = messages(lang)
    focus = checked_forces(models, forces)
    with gc_paused():  # the analyses and sections allocate millions of acyclic objects
        return _build(models, engine, msg, focus, progress)


def _build(
    models: Sequence[Model],
    engine: Engine,
    msg: Messages,
    focus: frozenset[str] | None,
    progress: Progress | None,
) -> Report:
    """:func:`build_report` of checked arguments."""
    with_diffs = choose_engine(engine, "svg") == "graphviz"
    stems = report_stems(models)
    pairs = model_pairs(models)
    steps = _Steps(progress, sum(len(m.phase_ids) + 1 for m in models) + len(pairs) + 4)
    findings = [
        _findings(model, stem, focus, steps, msg) for model, stem in zip(models, stems, strict=True)
    ]
    briefs = []
    for pairing in pairs:
        base_stem = (
            stems[pairing.base_index]
            if pairing.base_index is not None
            else report_stems([pairing.base])[0]
        )
        brief = briefing(compare(pairing.base, pairing.model), pairing.base, pairing.model)
        briefs.append((pairing, base_stem, brief))
        steps(msg("progress.compared", model=stems[pairing.index]))
    plan = _Plan(msg.names)
    bases = {
        pairing.index: Base(
            base_stem,
            findings[pairing.base_index]
            if pairing.base_index is not None
            else model_findings(pairing.base, forces=focus),
            headline_findings(brief, pairing.base, pairing.model, msg),
        )
        for pairing, base_stem, brief in briefs
    }
    blocks: list[Block] = summary_blocks(findings, stems, bases, msg)
    for found, stem in zip(findings, stems, strict=True):
        blocks += model_section(found, stem, plan.figure, msg)
    blocks += comparison_section(models, stems, briefs, msg, plan.diff if with_diffs else None)
    blocks += definitions_section(msg)
    steps(msg("progress.sections"))
    steps(msg("progress.drawing", count=len(plan.jobs) + len(plan.diff_jobs)))
    outcomes = draw_figures(plan.jobs, plan.diff_jobs, engine=engine)
    views = {job[1].file: focus_jobs(job) for job in plan.jobs if _too_wide(outcomes[job[1].file])}
    outcomes |= draw_figures([j for found in views.values() for j in found], [], engine=engine)
    steps(msg("progress.drawn"))
    shown = [_with_views(block, views) for block in blocks]
    explorer = _explorer(models, msg)
    if isinstance(explorer, str):
        shown.insert(0, Paragraph(explorer))
    title = msg("report.title", models=", ".join(stems))
    report = _assemble(title, shown, outcomes, explorer, msg)
    steps(msg("progress.assembled", count=len(report.files)))
    return report


class _Steps:
    """Counts the steps of a report as they end, telling ``progress`` of each."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def __call__(self, what: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(what, self.done, self.total)


def _findings(
    model: Model, stem: str, forces: frozenset[str] | None, steps: _Steps, msg: Messages
) -> ModelFindings:
    """The findings of one model, its phases' bottleneck reports first, one step each."""
    for phase in model.phase_ids:
        phase_report(model, phase=phase)
        steps(msg("progress.bottlenecks", model=stem, phase=phase))
    found = model_findings(model, forces=forces)
    steps(msg("progress.analysed", model=stem))
    return found


def _too_wide(outcome: Outcome) -> bool:
    """True for a drawn diagram whose names the page's width would make illegible."""
    return isinstance(outcome, bytes) and not legible(outcome)


def _with_views(block: Block, views: Mapping[str, list[Job]]) -> Block:
    """A figure too wide to read at the page's width, with its focused views."""
    if isinstance(block, Figure) and views.get(block.file):
        return replace(block, views=tuple(job[1] for job in views[block.file]))
    return block


def _explorer(models: Sequence[Model], msg: Messages) -> bytes | str:
    """The explorer page of the models, or the sentence saying why there is none: a model
    of more than :data:`EXPLORER_NODES` nodes, or a drawing that failed."""
    from ..explore import explorer_page

    largest = max(models, key=lambda model: len(model.nodes))
    if len(largest.nodes) > EXPLORER_NODES:
        return msg(
            "report.explorer_left_out",
            model=largest.name,
            nodes=f"{len(largest.nodes):,}",
            limit=f"{EXPLORER_NODES:,}",
        )
    try:
        return explorer_page(models, lang=msg.names).encode("utf-8")
    except RenderError as exc:
        return msg("report.explorer_failed", reason=str(exc))


def _assemble(
    title: str,
    blocks: list[Block],
    outcomes: Mapping[str, Outcome],
    explorer: bytes | str,
    msg: Messages,
) -> Report:
    """The page and the Markdown file over the drawn figures (linking the explorer page
    when there is one), then the explorer page and the diagrams' files."""
    svgs = {
        name: inline_svg(outcome.decode("utf-8"), f"f{i}")
        for i, (name, outcome) in enumerate(outcomes.items())
        if isinstance(outcome, bytes)
    }
    shown = [_with_outcome(block, outcomes) for block in blocks]
    link = EXPLORER if isinstance(explorer, bytes) else None
    files = {
        "index.html": render_html(title, shown, svgs, msg, explorer=link).encode("utf-8"),
        "report.md": render_markdown(title, shown, msg, explorer=link).encode("utf-8"),
    }
    if isinstance(explorer, bytes):
        files[EXPLORER] = explorer
    return Report(files | {n: o for n, o in outcomes.items() if isinstance(o, bytes)})


def _with_outcome(block: Block, outcomes: Mapping[str, Outcome]) -> Block:
    """A figure no engine could draw says why; every other block stays as it is."""
    return _figure_outcome(block, outcomes) if isinstance(block, Figure) else block


def _figure_outcome(figure: Figure, outcomes: Mapping[str, Outcome]) -> Figure:
    """A figure (and each of its focused views) with why it is missing, if it is."""
    views = tuple(_figure_outcome(view, outcomes) for view in figure.views)
    outcome = outcomes[figure.file]
    missing = outcome if isinstance(outcome, str) else figure.missing
    return replace(figure, missing=missing, views=views)


def write_report(
    models: Sequence[Model],
    out_dir: str | os.PathLike[str],
    *,
    engine: Engine = "auto",
    lang: str | None = None,
    forces: Collection[str] | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the report of ``models`` (:func:`build_report`) into the folder ``out_dir``.

    The folder is created if missing and never emptied; every file is written atomically;
    an ``index.html`` or ``report.md`` a report did not write is replaced only with
    ``force`` (:meth:`Report.write`). Returns the paths written: the page, the Markdown
    file, then the diagrams.

    Raises
    ------
    QueryError
        No model, an unknown engine or language, or a force no model has.
    OutputError
        The folder or a file cannot be written, or would be replaced without ``force``.

    Examples
    --------
    >>> import tempfile
    >>> from c2graph import load_model
    >>> written = write_report([load_model("models/us-rok-cfc.yaml")], tempfile.mkdtemp())
    >>> [p.name for p in written]  # doctest: +NORMALIZE_WHITESPACE
    ['index.html', 'report.md', 'explore.html', 'us-rok-cfc--armistice.svg',
     'us-rok-cfc--wartime.svg']
    """
    report = build_report(models, engine=engine, lang=lang, forces=forces)
    return report.write(out_dir, force=force)
