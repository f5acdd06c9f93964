"""The report's sections as blocks: one part per model, the comparison of each model with
its base, the models side by side, and the definitions of what the report prints.

A model's part: its schematics (first and last phase), its phases, the chains of command
of every force with a superior (:mod:`c2graph.report.chains`), its single points of
failure and other bottlenecks (:mod:`c2graph.report.failures`), what changes at each
switch (:mod:`c2graph.report.switches`) and its sources.  The comparison: each variant
against the model it extends and each snapshot against the earlier one
(:func:`c2graph.compare.pairs.model_pairs`), told as a one-page briefing
(:mod:`c2graph.compare.summary`) with its diff diagram; then every model side by side
(headline measures, C2 approach space, the six considerations), never diffed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..analysis import considerations, placements
from ..analysis.approach import axis_level
from ..analysis.decisions import in_force
from ..compare import compare_many
from ..compare.briefing import Briefing
from ..compare.pairs import Pairing
from ..compare.summary import consideration_rows, fact_text, summary_parts, unchanged_text
from ..messages import Messages
from ..model import Model
from .chains import chain_blocks
from .document import (
    Block,
    Bullets,
    Cell,
    Details,
    Figure,
    Heading,
    Paragraph,
    SourceList,
    Table,
)
from .failures import failure_blocks, structure_blocks
from .findings import ModelFindings, merge_phases
from .names import diff_name, distinct_slugs, figure_name
from .switches import switch_blocks

__all__ = [
    "DEFINITIONS",
    "DiffMaker",
    "FigureMaker",
    "comparison_section",
    "definitions_section",
    "model_section",
]

#: Draws a diagram of a model: ``(model, file name, caption, phases) -> Figure``.
FigureMaker = Callable[[Model, str, str, tuple[str, ...]], Figure]
#: Draws the diff diagram of two models: ``(a, b, file name, caption, phase) -> Figure``.
DiffMaker = Callable[[Model, Model, str, str, str], Figure]

#: The terms the report prints, defined in the Definitions section (keys of the message
#: catalogue ``define.<term>`` and ``source.<term>``); ``docs/measures.md`` has them all.
DEFINITIONS: tuple[str, ...] = (
    "chain",
    "effective",
    "failure",
    "operational_failure",
    "cut_node",
    "mismatch",
    "channels",
    "span",
    "switch",
    "decisions",
    "approach",
    "unity",
    "considerations",
)


def model_section(found: ModelFindings, stem: str, draw: FigureMaker, msg: Messages) -> list[Block]:
    """Return the blocks of one model (see the module docstring); ``stem`` names its
    diagram files and anchors.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.messages import messages
    >>> from c2graph.report.findings import model_findings
    >>> def figure(model, name, caption, phases):
    ...     return Figure(name, caption)
    >>> found = model_findings(load_model("models/us-rok-cfc.yaml"))
    >>> blocks = model_section(found, "rok", figure, messages("en"))
    >>> [b.file for b in blocks if isinstance(b, Figure)]
    ['rok--armistice.svg', 'rok--wartime.svg']
    """
    model = found.model
    first, last = model.phase_ids[0], model.phase_ids[-1]
    slugs = dict(zip(model.phase_ids, distinct_slugs(model.phase_ids), strict=True))
    about = msg(
        "model.about",
        date=model.as_of,
        nodes=len(model.nodes),
        links=len(model.links),
        phases=len(model.phases),
    )
    blocks: list[Block] = [
        Heading(2, model.name, f"m-{stem}"),
        Paragraph(about + (f" {model.description}" if model.description else "")),
        Heading(3, msg("model.schematics"), f"m-{stem}-schematics"),
    ]
    for phase in dict.fromkeys((first, last)):
        caption = msg.pair(model.name, msg.phase(model, phase))
        blocks.append(draw(model, figure_name(stem, slugs[phase]), caption, (phase,)))
    blocks += [Heading(3, msg("model.phases"), f"m-{stem}-phases"), _phase_table(model, msg)]
    blocks += chain_blocks(found, stem, msg)
    blocks += failure_blocks(found, stem, msg)
    blocks += structure_blocks(found, stem, msg)
    blocks += switch_blocks(found, stem, msg, slugs, forces=frozenset(found.forces))
    sources = SourceList(
        tuple(
            (s.id, " · ".join(x for x in (s.title, s.publisher, s.date, s.note) if x), s.url)
            for s in sorted(model.sources.values(), key=lambda s: s.id)
        )
    )
    count = msg("count.sources", count=len(model.sources))
    blocks += [Heading(3, msg("model.sources"), f"m-{stem}-sources"), Details(count, (sources,))]
    return blocks


def _phase_table(model: Model, msg: Messages) -> Table:
    """Every phase: the decisions that put it in force (:func:`c2graph.analysis.decisions.
    in_force`, in the model's order), its legal basis, the links holding in it."""
    order = {d: i for i, d in enumerate(model.decisions)}
    rows = []
    for phase in model.phases:
        needed = sorted(in_force(model, phase.id), key=order.__getitem__)
        rows.append(
            (
                msg.phase(model, phase.id),
                tuple(msg.decision(model, d) for d in needed) or "-",
                phase.basis or "-",
                str(sum(1 for link in model.links if phase.id in link.phases)),
            )
        )
    header = (
        msg("header.phase"),
        msg("header.in_force"),
        msg("header.basis"),
        msg("header.links"),
    )
    return Table(header, tuple(rows))


def comparison_section(
    models: Sequence[Model],
    stems: Sequence[str],
    briefs: Sequence[tuple[Pairing, str, Briefing]],
    msg: Messages,
    draw_diff: DiffMaker | None = None,
) -> list[Block]:
    """Return the comparison: each pairing's briefing (with its diff diagram of the phase
    that changes most, when ``draw_diff`` is given), then every model side by side.

    ``briefs`` are ``(pairing, base stem, briefing)``, in the order of the pairings.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.messages import messages
    >>> models = [load_model(f"models/{name}.yaml") for name in ("us-japan-2025", "us-rok-cfc")]
    >>> [b.text for b in comparison_section(models, ["a", "b"], [], messages("en"))
    ...  if isinstance(b, Heading)]
    ['Comparison', 'Headline measures', 'C2 approach space', 'The six considerations']
    """
    blocks: list[Block] = [
        Heading(2, msg("report.comparison"), "c-comparison"),
        Paragraph(msg("comparison.note")),
    ]
    paired = {p.index for p, _stem, _brief in briefs}
    paired |= {p.base_index for p, _stem, _brief in briefs if p.base_index is not None}
    for pairing, base_stem, brief in briefs:
        blocks += _briefing(pairing, stems[pairing.index], base_stem, brief, msg, draw_diff)
    alone = [stems[i] for i in range(len(models)) if i not in paired]
    if len(models) > 1 and alone:
        blocks.append(Paragraph(msg("comparison.alone", models=msg.join(alone))))
    blocks += _matrix(models, stems, msg)
    blocks += _approach(models, stems, msg)
    blocks += _considerations(models, stems, msg)
    return blocks


def _briefing(
    pairing: Pairing,
    stem: str,
    base_stem: str,
    brief: Briefing,
    msg: Messages,
    draw_diff: DiffMaker | None,
) -> list[Block]:
    a, b = pairing.base, pairing.model
    key = "comparison.variant" if pairing.relation == "variant" else "comparison.snapshot"
    anchor = f"c-diff--{base_stem}--{stem}"
    blocks: list[Block] = [Heading(3, msg(key, model=stem, base=base_stem), anchor)]
    if pairing.base_index is None:
        blocks.append(Paragraph(msg("comparison.loaded", base=base_stem)))
    unchanged = unchanged_text(brief, a, msg)
    if unchanged:
        blocks.append(Paragraph(unchanged))
    parts = summary_parts(brief, a, b, msg)
    folded = {msg("summary.values"), msg("summary.records")}
    for title, items in parts:
        if title in folded:
            blocks.append(Details(title, (Bullets(items),)))
        else:
            blocks += [Heading(4, title, f"{anchor}--{len(blocks)}"), Bullets(items)]
    if draw_diff is not None and not brief.is_empty:
        phase = _most_changed_phase(brief)
        caption = msg(
            "comparison.diff_caption", model=stem, base=base_stem, phase=msg.phase(b, phase)
        )
        blocks.append(draw_diff(a, b, diff_name(base_stem, stem), caption, phase))
    rows = tuple(
        consideration_rows(old, new, a, b, msg)
        for old, new in zip(
            brief.considerations_before.rows, brief.considerations_after.rows, strict=True
        )
    )
    header = (
        msg("header.consideration"),
        base_stem,
        stem,
        msg("header.measured"),
    )
    blocks.append(Details(msg("summary.considerations"), (Table(header, rows),)))
    return blocks


def _most_changed_phase(brief: Briefing) -> str:
    """The phase with the most findings (the earliest of those that tie)."""
    counts = {phase: 0 for phase in brief.phases}
    for records in (brief.authority, brief.chains, brief.forces, brief.failures, brief.peers):
        for record in records:
            for phase in record.phases:
                counts[phase] += 1
    return max(brief.phases, key=lambda p: (counts[p], -brief.phases.index(p)))


def _matrix(models: Sequence[Model], stems: Sequence[str], msg: Messages) -> list[Block]:
    """Headline measures side by side; the phases in which every value is the same merged."""
    matrix = compare_many(models, names=stems)
    per_measure: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for row in matrix.rows:
        values = tuple(msg.number(v) for v in row.values)
        per_measure.setdefault(row.measure, []).append((row.phase, values))
    named = {p: m for m in reversed(models) for p in m.phase_ids}
    rows: list[tuple[Cell, ...]] = []
    for measure, per_phase in per_measure.items():
        for values, phases in merge_phases((phase, [values]) for phase, values in per_phase):
            every = set(phases) >= {phase for phase, _values in per_phase}
            where = msg("phases.all") if every else msg.join(msg.phase(named[p], p) for p in phases)
            rows.append((msg.word("measure", measure), where, *values))
    header = (msg("header.measure"), msg("header.phases"), *matrix.columns)
    table = Table(header, tuple(rows))
    return [
        Heading(3, msg("comparison.matrix"), "c-matrix"),
        Paragraph(msg("comparison.matrix_note")),
        Details(msg("comparison.matrix_fold", count=len(rows)), (table,)),
    ]


def _approach(models: Sequence[Model], stems: Sequence[str], msg: Messages) -> list[Block]:
    rows: list[tuple[Cell, ...]] = []
    for model, stem in zip(models, stems, strict=True):
        cells = [
            (
                place.phase,
                (
                    msg.number(place.approach),
                    msg.number(place.unity),
                    _axis(place.decision_rights, msg),
                    _axis(place.interaction, msg),
                    _axis(place.information, msg),
                    msg.nodes(model, place.shared_bodies),
                ),
            )
            for place in placements(model)
        ]
        for values, phases in merge_phases((phase, [values]) for phase, values in cells):
            rows.append((stem, msg.phases(model, phases), *values))
    header = (
        msg("header.model"),
        msg("header.phases"),
        msg("header.approach"),
        msg("header.unity"),
        msg("header.decision_rights"),
        msg("header.interaction"),
        msg("header.information"),
        msg("header.shared_bodies"),
    )
    return [
        Heading(3, msg("comparison.approach"), "c-approach"),
        Paragraph(msg("comparison.approach_note")),
        Table(header, tuple(rows)),
    ]


def _axis(value: float, msg: Messages) -> str:
    return msg.aside(f"{value:.2f}", msg.word("level", axis_level(value)))


def _considerations(models: Sequence[Model], stems: Sequence[str], msg: Messages) -> list[Block]:
    views = [considerations(m) for m in models]
    rows = []
    for index, row in enumerate(views[0].rows):
        cells: list[Cell] = [msg.word("consideration", row.key)]
        for model, view in zip(models, views, strict=True):
            given = view.rows[index]
            cells.append(
                (
                    given.text or msg("considerations.not_recorded"),
                    *(fact_text(model, f, msg) for f in given.facts),
                )
            )
        rows.append(tuple(cells))
    return [
        Heading(3, msg("comparison.considerations"), "c-considerations"),
        Paragraph(msg("comparison.considerations_note")),
        Details(
            msg("comparison.considerations_fold"),
            (Table((msg("header.consideration"), *stems), tuple(rows)),),
        ),
    ]


def definitions_section(msg: Messages) -> list[Block]:
    """Return the definitions of every term the report prints, each with its source, and
    where the full definitions are (``docs/measures.md``).

    >>> from c2graph.messages import messages
    >>> blocks = definitions_section(messages("en"))
    >>> blocks[0].text, blocks[2].rows[0][0]
    ('Definitions', 'chain of command')
    """
    rows = tuple(
        (msg(f"term.{term}"), msg(f"define.{term}"), msg(f"source.{term}")) for term in DEFINITIONS
    )
    header = (msg("header.term"), msg("header.meaning"), msg("header.source"))
    return [
        Heading(2, msg("report.definitions"), "definitions"),
        Paragraph(msg("definitions.note")),
        Table(header, rows),
    ]
