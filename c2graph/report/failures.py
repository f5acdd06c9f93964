"""The report's bottlenecks: every single point of failure per national chain with the
forces it cuts off, the counterpart mismatches, and the cut nodes, channels between the
nations and spans of control, each with the phases it holds in; each list and each cell
of names only up to :mod:`c2graph.limits`, the rest counted.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.messages import messages
>>> from c2graph.report.findings import model_findings
>>> found = model_findings(load_model("models/us-rok-cfc.yaml"))
>>> for row in failure_blocks(found, "cfc", messages("en"))[2].rows[-3:]:
...     print(" | ".join(row))
combined chains | MCM | CFC | Armistice
 | MCM | CFC, ROK forces, U.S. forces | Wartime (hostilities)
 | CFC | ROK forces, U.S. forces | Wartime (hostilities)
>>> for row in structure_blocks(found, "cfc", messages("en"))[-1].rows[-2:]:
...     print(" | ".join(row))
cut node | USFK | Armistice
channels between nations | Republic of Korea–United States: 1 (cut: CJCS) | all phases
"""

from __future__ import annotations

from ..analysis.channels import NationCut
from ..analysis.measures import phase_report
from ..analysis.sovereignty import COMBINED
from ..limits import kept, named
from ..messages import Messages
from ..model import Model
from ..render.style import nation_order
from .document import Block, Cell, Heading, Paragraph, Table
from .findings import ModelFindings, merge_phases

__all__ = ["failure_blocks", "family_name", "mismatch_text", "structure_blocks"]


def family_name(msg: Messages, chains: str) -> str:
    """The name of a family of chains: a nation's own chains, or the combined chains."""
    if chains == COMBINED:
        return msg("family.combined")
    return msg("family.national", nation=msg.nation(chains))


def failure_blocks(found: ModelFindings, stem: str, msg: Messages) -> list[Block]:
    """Every single point of failure, family by family (countries left to right, then the
    combined chains), most forces cut off first; military nodes marked."""
    model = found.model
    blocks: list[Block] = [
        Heading(3, msg("failures.heading"), f"m-{stem}-failures"),
        Paragraph(msg("failures.note")),
    ]
    if not found.failures:
        return [*blocks, Paragraph(msg("failures.none"))]
    families = nation_order(f.chains for f in found.failures if f.chains != COMBINED)
    if any(f.chains == COMBINED for f in found.failures):
        families = (*families, COMBINED)
    rows: list[tuple[Cell, ...]] = []
    order = {phase: i for i, phase in enumerate(model.phase_ids)}
    for family in families:
        chosen = [f for f in found.failures if f.chains == family]
        most = {f.node: 0 for f in chosen}
        for f in chosen:
            most[f.node] = max(most[f.node], len(f.units))
        chosen.sort(key=lambda f: (-most[f.node], msg.node(model, f.node), order[f.phases[0]]))
        shown, left = kept(chosen)
        for index, failure in enumerate(shown):
            rows.append(
                (
                    family_name(msg, family) if index == 0 else "",
                    msg.node(model, failure.node)
                    if failure.operational
                    else msg.aside(msg.node(model, failure.node), msg("failures.political")),
                    named(msg, (msg.node(model, u) for u in failure.units)),
                    msg.phases(model, failure.phases),
                )
            )
        if left:
            rows.append(("", msg("failures.more", count=f"{left:,}"), "", ""))
    header = (
        msg("header.chains"),
        msg("header.failure"),
        msg("header.cut_off"),
        msg("header.phases"),
    )
    return [*blocks, Table(header, tuple(rows))]


def mismatch_text(found: ModelFindings, index: int, msg: Messages) -> str:
    """One counterpart mismatch as ``A (commands 5 forces) ↔ B (holds no forces)``."""
    model, gap = found.model, found.mismatches[index]
    sides = [
        msg.aside(msg.node(model, node), _role(msg, role, len(forces)))
        for node, role, forces in zip((gap.a, gap.b), gap.roles, gap.forces, strict=True)
    ]
    return " ↔ ".join(sides)


def _role(msg: Messages, role: str, forces: int) -> str:
    if role == "commands":
        return msg("role.commands_one") if forces == 1 else msg("role.commands", count=forces)
    return msg(f"role.{role}")


def structure_blocks(found: ModelFindings, stem: str, msg: Messages) -> list[Block]:
    """Counterpart mismatches, then cut nodes, the channels between nations and the spans
    over the threshold, phase groups merged."""
    model = found.model
    blocks: list[Block] = [Heading(3, msg("structure.heading"), f"m-{stem}-structure")]
    mismatches = [
        (mismatch_text(found, i, msg), msg.phases(model, g.phases))
        for i, g in enumerate(kept(found.mismatches)[0])
    ]
    rows = _kind_rows(msg, "structure.mismatches", mismatches, len(found.mismatches))
    cuts = sorted(found.cuts, key=lambda cut: msg.node(model, cut[0]))
    shown = [(msg.node(model, node), msg.phases(model, phases)) for node, phases in kept(cuts)[0]]
    rows += _kind_rows(msg, "structure.cut_nodes", shown, len(cuts))
    channels = merge_phases(
        (phase, [_channel(model, cut, msg) for cut in phase_report(model, phase=phase).nation_cuts])
        for phase in model.phase_ids
    )
    shown = [(text, msg.phases(model, p)) for text, p in kept(channels)[0]]
    rows += _kind_rows(msg, "structure.channels", shown, len(channels))
    spans = merge_phases(
        (phase, phase_report(model, phase=phase).span.over) for phase in model.phase_ids
    )
    shown = [(msg.node(model, node), msg.phases(model, p)) for node, p in kept(spans)[0]]
    rows += _kind_rows(msg, "structure.spans", shown, len(spans))
    if not rows:
        return [*blocks, Paragraph(msg("structure.none"))]
    blocks.append(Paragraph(msg("structure.note")))
    header = (msg("header.finding"), msg("header.what"), msg("header.phases"))
    return [*blocks, Table(header, tuple(rows))]


def _kind_rows(
    msg: Messages, kind: str, shown: list[tuple[str, str]], total: int
) -> list[tuple[Cell, ...]]:
    """The rows of one kind of finding, and how many more there are when not all are shown."""
    rows: list[tuple[Cell, ...]] = [(msg(kind), what, phases) for what, phases in shown]
    if total > len(shown):
        rows.append((msg(kind), msg("structure.more", count=f"{total - len(shown):,}"), ""))
    return rows


def _channel(model: Model, cut: NationCut, msg: Messages) -> str:
    """The channels between two nations: how many node-disjoint ones, and a smallest cut."""
    return msg(
        "structure.channel",
        a=msg.nation(cut.nations[0]),
        b=msg.nation(cut.nations[1]),
        count=cut.connectivity,
        nodes=msg.nodes(model, cut.node_cut),
    )
