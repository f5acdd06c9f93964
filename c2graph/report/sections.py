"""The report's sections as blocks: one part per model, then the comparison of all models.

Main forces
    The chains of command shown are those of the *main forces*: in the first phase, the
    *top headquarters* are the force nodes (:data:`~c2graph.vocabulary.FORCE_KINDS`) with
    no force node above them on any authority link (e.g. INDOPACOM; the JJOC from 2025; in
    2022 the SDF major commands, since the Joint Staff above them is a staff), and the main
    forces are the force nodes directly under a top headquarters — or the top headquarters
    itself when no force node is under it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import networkx as nx

from ..analysis import authority_paths, considerations, placements
from ..analysis.approach import axis_level
from ..analysis.measures import phase_report
from ..analysis.switches import phase_switch
from ..compare import compare, compare_many
from ..compare.comparison import Comparison
from ..model import Model
from ..vocabulary import FORCE_KINDS, RELATIONS
from .document import Block, Bullets, Cell, Figure, Heading, Paragraph, SourceList, Table
from .names import diff_name, distinct_slugs, figure_name

__all__ = [
    "DiffMaker",
    "FigureMaker",
    "comparison_pairs",
    "comparison_section",
    "main_forces",
    "model_section",
]

#: Draws a diagram of a model: ``(model, file name, caption, phases) -> Figure``.
FigureMaker = Callable[[Model, str, str, tuple[str, ...]], Figure]
#: Draws the diff diagram of two models: ``(a, b, file name, caption, phase) -> Figure``.
DiffMaker = Callable[[Model, Model, str, str, str], Figure]

_SHOWN = 5


def main_forces(model: Model, *, phase: str) -> tuple[str, ...]:
    """Return the main forces of ``phase`` (defined in the module docstring), sorted.

    Examples
    --------
    >>> from c2graph import load_model
    >>> forces = main_forces(load_model("models/us-japan-2025.yaml"), phase="peacetime")
    >>> forces[:3], len(forces)
    (('jp-adc', 'jp-cyber', 'jp-gcc'), 12)
    """
    graph = model.authority_graph(phase)
    force = {n for n in graph if model.nodes[n].kind in FORCE_KINDS}
    found: set[str] = set()
    for top in force:
        if force.isdisjoint(nx.ancestors(graph, top)):
            below = {n for n in graph.successors(top) if n in force}
            found |= below or {top}
    return tuple(sorted(found))


def _name(model: Model, node: str | None) -> str:
    if node is None:
        return "-"
    item = model.nodes[node]
    return f"{item.short} ({item.name})" if item.short and item.short != item.name else item.name


def _short(model: Model, node: str) -> str:
    item = model.nodes[node]
    return item.short or item.name


def _chain(model: Model, chain: Sequence[str]) -> str:
    return " → ".join(_short(model, n) for n in chain)


def _phase_name(model: Model, phase: str) -> str:
    return model.phase(phase).name


def model_section(model: Model, stem: str, draw: FigureMaker) -> list[Block]:
    """Return the blocks of one model: schematic, phase panels, chains, bottlenecks, phase
    switches and sources.  ``stem`` names the model's diagram files and anchors.

    The schematic is the first phase; the phase panels are the last phase beside a table
    of every phase (declared by, approval, legal basis, links holding).  Each diagram is
    one phase: multi-phase panels cost Graphviz several times as much.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.report.document import Figure
    >>> def figure(model, name, caption, phases):
    ...     return Figure(name, caption)
    >>> blocks = model_section(load_model("models/us-rok-cfc.yaml"), "rok", figure)
    >>> [b.file for b in blocks if isinstance(b, Figure)]
    ['rok--armistice.svg', 'rok--wartime.svg']
    """
    first, last = model.phase_ids[0], model.phase_ids[-1]
    slugs = dict(zip(model.phase_ids, distinct_slugs(model.phase_ids), strict=True))
    blocks: list[Block] = [Heading(2, model.name, f"m-{stem}")]
    blocks.append(
        Paragraph(
            f"As of {model.as_of}. {len(model.nodes)} nodes, {len(model.links)} links, "
            f"{len(model.phases)} phases." + (f" {model.description}" if model.description else "")
        )
    )
    blocks += [
        Heading(3, "Schematic", f"m-{stem}-schematic"),
        draw(
            model,
            figure_name(stem, slugs[first]),
            f"{model.name}: {_phase_name(model, first)}",
            (first,),
        ),
    ]
    blocks.append(Heading(3, "Phase panels", f"m-{stem}-phases"))
    if last != first:
        blocks.append(
            draw(
                model,
                figure_name(stem, slugs[last]),
                f"{model.name}: {_phase_name(model, last)} (the last phase; the "
                "links that switch on the way are listed under Phase switches)",
                (last,),
            )
        )
    blocks.append(_phase_table(model))
    blocks += _chains(model, stem, first, last)
    blocks += _bottlenecks(model, stem)
    blocks += _switches(model, stem, slugs)
    blocks += [
        Heading(3, "Sources", f"m-{stem}-sources"),
        SourceList(
            tuple(
                (s.id, " · ".join(x for x in (s.title, s.publisher, s.date, s.note) if x), s.url)
                for s in sorted(model.sources.values(), key=lambda s: s.id)
            )
        ),
    ]
    return blocks


def _phase_table(model: Model) -> Table:
    """Every phase: who declares it, who approves, its legal basis, the links holding."""
    return Table(
        ("phase", "declared by", "approval", "legal basis", "links holding"),
        tuple(
            (
                p.name,
                _name(model, p.declared_by),
                ", ".join(_short(model, a) for a in p.approval) or "-",
                p.basis or "-",
                str(sum(1 for link in model.links if p.id in link.phases)),
            )
            for p in model.phases
        ),
    )


def _chains(model: Model, stem: str, first: str, last: str) -> list[Block]:
    units = main_forces(model, phase=first)
    phases = (first,) if first == last else (first, last)
    rows = []
    for unit in units:
        cells: list[Cell] = [_name(model, unit)]
        for phase in phases:
            present = phase in model.nodes[unit].phases
            paths = authority_paths(model, unit, phase=phase).paths if present else ()
            chains = sorted({(p.nodes, p.effective) for p in paths})
            cells.append(
                tuple(
                    f"{_chain(model, nodes)} ({RELATIONS[eff].label})"
                    if eff in RELATIONS
                    else f"{_chain(model, nodes)} (no authority)"
                    for nodes, eff in chains
                )
                or "none"
            )
        rows.append(tuple(cells))
    return [
        Heading(3, "Chains of command of the main forces", f"m-{stem}-chains"),
        Paragraph(
            "Main forces: the force nodes directly under a top headquarters (a force "
            "node with no force node above it) in the first phase, or the top "
            "headquarters itself when nothing is under it. Each chain is an operational "
            "chain from a top authority down to the force, with the authority that survives "
            "along it (JP 1: a chain passes on no more than each link holds); a chain stops "
            "at a combined body, which then tops it."
        ),
        Table(("force", *(_phase_name(model, p) for p in phases)), tuple(rows)),
    ]


def _bottlenecks(model: Model, stem: str) -> list[Block]:
    rows = []
    for phase in model.phase_ids:
        report = phase_report(model, phase=phase)
        dominators = sorted(report.dominators, key=lambda d: (-len(d.units), d.node))
        cuts = tuple(
            f"{c.nations[0]}–{c.nations[1]}: {c.connectivity} "
            f"({', '.join(_short(model, n) for n in c.node_cut) or '-'})"
            for c in report.nation_cuts
        )
        rows.append(
            (
                _phase_name(model, phase),
                tuple(f"{_short(model, d.node)}: {len(d.units)} units" for d in dominators[:_SHOWN])
                or "-",
                ", ".join(_short(model, n) for n in report.cut_nodes) or "-",
                cuts or "-",
                tuple(
                    f"{_short(model, m.a.node)} ({m.a.authority}) / {_short(model, m.b.node)} "
                    f"({m.b.authority})"
                    for m in report.mismatches
                )
                or "-",
                ", ".join(_short(model, n) for n in report.span.over) or "-",
            )
        )
    return [
        Heading(3, "Bottlenecks", f"m-{stem}-bottlenecks"),
        Paragraph(
            "Dominators: nodes every operational chain of one family (a nation's own chains, "
            f"or the combined chains) to those units passes through (largest {_SHOWN}). Cut "
            "nodes: nodes whose loss splits the structure. Nation cut: fewest nodes joining "
            "the nations' operational coordination channels (political forums aside), and "
            "which. Counterpart mismatches: cross-nation peers of which only one commands "
            "forces."
        ),
        Table(
            (
                "phase",
                "dominators",
                "cut nodes",
                "nation cut",
                "counterpart mismatches",
                "span over threshold",
            ),
            tuple(rows),
        ),
    ]


def _switches(model: Model, stem: str, slugs: dict[str, str]) -> list[Block]:
    first = model.phase_ids[0]
    blocks: list[Block] = [Heading(3, "Phase switches", f"m-{stem}-switches")]
    for phase in model.phase_ids[1:]:
        result = phase_switch(model, before=first, after=phase)
        blocks.append(
            Heading(
                4,
                f"{_phase_name(model, first)} → {_phase_name(model, phase)}",
                f"m-{stem}-switch-{slugs[phase]}",
            )
        )
        plan = result.decisions
        blocks.append(
            Table(
                ("decision", "decided by", "approval", "legal basis"),
                tuple(
                    (
                        d.name + (" (discretionary)" if d.discretionary else ""),
                        " and ".join(_name(model, n) for n in d.deciders),
                        "; ".join(
                            f"{_short(model, a.by)} ({a.timing or 'timing not given'})"
                            for a in d.approvals
                        )
                        or "-",
                        d.basis or "-",
                    )
                    for d in (*plan.required, *plan.discretionary)
                ),
            )
        )
        items = [
            f"activated: {_short(model, c.from_node)} → {_short(model, c.to_node)} "
            f"({c.relation})" + (f"; basis: {c.basis}" if c.basis else "")
            for c in result.activated
        ]
        items += [
            f"lapsed: {_short(model, c.from_node)} → {_short(model, c.to_node)} ({c.relation})"
            for c in result.lapsed
        ]
        items += [
            f"chain of {_short(model, c.unit)}: "
            f"{' | '.join(_chain(model, x) for x in c.before) or 'none'} ⇒ "
            f"{' | '.join(_chain(model, x) for x in c.after) or 'none'}"
            for c in result.chains_changed
        ]
        blocks.append(Bullets(tuple(items)) if items else Paragraph("No link changes."))
    if len(model.phase_ids) == 1:
        blocks.append(Paragraph("The model has one phase."))
    return blocks


def comparison_section(
    models: Sequence[Model], stems: Sequence[str], draw_diff: DiffMaker | None = None
) -> list[Block]:
    """Return the comparison of every model: variant to variant (with the diff diagram of
    the phase that changes most, when ``draw_diff`` is given), matrix, approach space,
    considerations.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.report.document import Heading
    >>> models = [load_model(f"models/us-japan-{year}.yaml") for year in (2022, 2025)]
    >>> [b.text for b in comparison_section(models, ["a", "b"]) if isinstance(b, Heading)]
    ['Comparison', 'a → b', 'Headline measures', 'C2 approach space', 'The six considerations']
    """
    blocks: list[Block] = [
        Heading(2, "Comparison", "c-comparison"),
        Paragraph(
            "Each variant against the model it extends when that model is given too, else "
            "against the one before it: nodes and links added and removed, and the forces whose "
            "operational chain of command (command, COCOM, OPCON or TACON surviving along it) "
            "gains or loses a node."
        ),
    ]
    for before, after in comparison_pairs(models):
        blocks += _pair(models[before], models[after], stems[before], stems[after], draw_diff)
    matrix = compare_many(models, names=stems)
    blocks += [
        Heading(3, "Headline measures", "c-matrix"),
        Table(
            ("phase", "measure", *matrix.columns),
            tuple((r.phase, r.measure, *(_value(v) for v in r.values)) for r in matrix.rows),
        ),
    ]
    blocks += _approach(models, stems)
    views = [considerations(m) for m in models]
    rows = []
    for index, key in enumerate(views[0].rows):
        cells: list[Cell] = [key.key]
        for view in views:
            row = view.rows[index]
            cells.append(
                ((row.text or "(not recorded)"), *(f"{f.label}: {f.value}" for f in row.facts))
            )
        rows.append(tuple(cells))
    blocks += [
        Heading(3, "The six considerations", "c-considerations"),
        Paragraph(
            "Purpose, locations, functions, agility, readiness and timeline "
            "(US–Japan Task Force on Command Relationships, Dialogue Summary #3, "
            "Dec 2022): what each model records, then the facts measured on it."
        ),
        Table(("consideration", *stems), tuple(rows)),
    ]
    return blocks


def comparison_pairs(models: Sequence[Model]) -> list[tuple[int, int]]:
    """Pair each model (by index) with its base: the model it extends when that is among
    ``models``, else the model before it.

    Examples
    --------
    >>> from c2graph import load_model
    >>> names = ["us-japan-2025", "us-japan-2022", "us-japan-jfhq"]  # jfhq extends 2025
    >>> comparison_pairs([load_model(f"models/{name}.yaml") for name in names])
    [(0, 1), (0, 2)]
    """
    where = {Path(m.path).resolve(): i for i, m in enumerate(models) if m.path}
    pairs = []
    for index, model in enumerate(models[1:], start=1):
        base = None
        if model.extends and model.path:
            base = where.get((Path(model.path).parent / model.extends).resolve())
        pairs.append((index - 1 if base is None else base, index))
    return pairs


def _value(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _pair(a: Model, b: Model, sa: str, sb: str, draw_diff: DiffMaker | None) -> list[Block]:
    blocks: list[Block] = [Heading(3, f"{sa} → {sb}", f"c-diff--{sa}--{sb}")]
    if not set(a.phase_ids) & set(b.phase_ids):
        return [*blocks, Paragraph("The two models share no phase.")]
    result = compare(a, b)
    diff = result.diff
    blocks.append(
        Bullets(
            (
                f"nodes added: {', '.join(_short(b, n) for n in diff.nodes_added) or '-'}",
                f"nodes removed: {', '.join(_short(a, n) for n in diff.nodes_removed) or '-'}",
                f"links added: {len(diff.links_added)}; removed: {len(diff.links_removed)}; "
                f"changed: {len(diff.links_changed)}",
                *(
                    f"relation {_short(b, c.from_node)} → {_short(b, c.to_node)}: "
                    f"{', '.join(c.before)} → {', '.join(c.after)}"
                    for c in diff.relations_changed
                ),
            )
        )
    )
    if draw_diff is not None and not diff.is_empty:
        phase = _most_changed_phase(a, result)
        caption = (
            f"{sb} over {sa} in the phase that changes most ({_phase_name(b, phase)}): "
            "green added, red removed, purple changed"
        )
        blocks.append(draw_diff(a, b, diff_name(sa, sb), caption, phase))
    return blocks + _chain_moves(a, b, result)


def _most_changed_phase(a: Model, result: Comparison) -> str:
    """The shared phase with the most nodes and links added, removed or changed (the
    earliest of those that tie)."""
    return max(
        result.phases,
        key=lambda p: (
            len(p.diff.nodes_added)
            + len(p.diff.nodes_removed)
            + len(p.diff.links_added)
            + len(p.diff.links_removed)
            + len(p.diff.links_changed),
            -a.phase_ids.index(p.phase),
        ),
    ).phase


def _chain_moves(a: Model, b: Model, result: Comparison) -> list[Block]:
    """The forces that join or leave nodes of their operational chain, with the phases."""
    grouped: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[str]] = {}
    shared = [p.phase for p in result.phases]
    for phase in result.phases:
        for change in phase.chains_changed:
            key = (change.unit, change.joined, change.left)
            grouped.setdefault(key, []).append(_phase_name(b, phase.phase))
    if not grouped:
        return []
    return [
        Table(
            ("force", "phases", "joins its operational chain", "leaves its operational chain"),
            tuple(
                (
                    _short(b, unit),
                    "all shared phases" if len(phases) == len(shared) > 1 else ", ".join(phases),
                    ", ".join(_short(b, n) for n in joined) or "-",
                    ", ".join(_short(a, n) for n in left) or "-",
                )
                for (unit, joined, left), phases in sorted(grouped.items())
            ),
        )
    ]


def _approach(models: Sequence[Model], stems: Sequence[str]) -> list[Block]:
    rows = []
    for model, stem in zip(models, stems, strict=True):
        for place in placements(model):
            rows.append(
                (
                    stem,
                    _phase_name(model, place.phase),
                    place.approach,
                    place.unity,
                    f"{place.decision_rights:.2f} ({axis_level(place.decision_rights)})",
                    f"{place.interaction:.2f} ({axis_level(place.interaction)})",
                    f"{place.information:.2f} ({axis_level(place.information)})",
                    ", ".join(_short(model, n) for n in place.shared_bodies) or "-",
                )
            )
    return [
        Heading(3, "C2 approach space", "c-approach"),
        Paragraph(
            "NATO SAS-050/SAS-065 (N2C2M2) axes, measured per phase on the coordination "
            "and information layers after Walker, Stanton et al. (2009): decision rights = "
            "share of cross-nation pairs of commanders sitting in a shared body; "
            "interaction = share of cross-nation pairs of military nodes in direct "
            "operational contact (a link or a shared operational body); information = "
            "share of cross-nation pairs within two links. Approach: conflicted (no "
            "contact), de-conflicted (no shared operational body), coordinated (a shared "
            "operational body), collaborative (also every axis at least significant); edge "
            "is never named from structure. Combined or foreign operational control is the "
            "separate unity-of-command dimension (docs/measures.md)."
        ),
        Table(
            (
                "model",
                "phase",
                "approach",
                "unity of command",
                "decision rights",
                "interaction",
                "information",
                "shared bodies",
            ),
            tuple(rows),
        ),
    ]
