"""The report's first screen: one row of findings per model, before any table of detail.

For each model: its operational single points of failure (military nodes whose loss cuts
forces off a national or combined chain) with the forces they cut off, its counterpart
mismatches, what changes at each switch from a phase to the next (decisions needed, chains
that change), and, for a variant or a later snapshot, the first finding of each kind of
its comparison with its base.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.messages import messages
>>> from c2graph.report.findings import model_findings
>>> found = model_findings(load_model("models/us-rok-cfc.yaml"))
>>> row = summary_blocks([found], ["cfc"], {}, messages("en"))[2].rows[0]
>>> row[0], row[1][1]
('cfc (as of 2019-01)', 'MCM: CFC, ROK forces, U.S. forces (in Wartime (hostilities))')
>>> row[3]
('Wartime: 2 decisions; chains change: ROK forces, U.S. forces',)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import limits
from ..limits import joined, kept, more
from ..messages import Messages
from ..render.style import nation_order
from .document import Block, Cell, Heading, Paragraph, Table
from .failures import mismatch_text
from .findings import ModelFindings

__all__ = ["SHOWN_FORCES", "Base", "summary_blocks"]

#: A single point of failure cutting off more forces than this is summed up by the count.
SHOWN_FORCES = 5


@dataclass(frozen=True)
class Base:
    """What a model's summary row is read against: its base's stem and findings, and the
    first findings of each kind of their comparison."""

    stem: str
    findings: ModelFindings
    headlines: tuple[str, ...]


def summary_blocks(
    findings: Sequence[ModelFindings],
    stems: Sequence[str],
    bases: Mapping[int, Base],
    msg: Messages,
) -> list[Block]:
    """The summary: a heading, a reading note and one row per model.

    ``bases`` maps a model's index to its :class:`Base`; that model's single points of
    failure, mismatches and switches are then told as they differ from the base's.
    """
    rows: list[tuple[Cell, ...]] = []
    for index, (found, stem) in enumerate(zip(findings, stems, strict=True)):
        base = bases.get(index)
        rows.append(
            (
                msg.aside(stem, msg("report.as_of", date=found.model.as_of)),
                *(
                    _short(
                        _relative(
                            cell(found, msg), cell(base.findings, msg) if base else None, base, msg
                        ),
                        msg,
                    )
                    for cell in (_failures, _mismatches)
                ),
                _short(
                    _relative(
                        _switches(found, msg),
                        _switches(base.findings, msg) if base else None,
                        base,
                        msg,
                        phased=False,
                    ),
                    msg,
                ),
                (
                    msg("summary.against", base=base.stem),
                    *(base.headlines or (msg("summary.no_headline"),)),
                )
                if base
                else "-",
            )
        )
    header = (
        msg("header.model"),
        msg("header.operational_failures"),
        msg("header.mismatches"),
        msg("header.switches"),
        msg("header.against_base"),
    )
    return [
        Heading(2, msg("report.summary"), "summary"),
        Paragraph(msg("summary.intro")),
        Table(header, tuple(rows)),
    ]


#: A finding of a summary cell: what it is, and the phases it holds in (``None``: all) or,
#: for a switch, what it needs and changes.
_Item = tuple[str, str | None]


def _relative(
    items: tuple[_Item, ...],
    before: tuple[_Item, ...] | None,
    base: Base | None,
    msg: Messages,
    *,
    phased: bool = True,
) -> Cell:
    """A cell's findings, or (against a base) ``as in base`` with what is added and gone;
    a finding of both that holds in other phases (``phased``), or a switch of both that
    needs or changes something else, is told once, then and now."""
    if base is None or before is None:
        return tuple(_shown(item, msg, phased) for item in items) or msg("summary.none")
    then, now = dict(before), dict(items)
    added = [f"+ {_shown(item, msg, phased)}" for item in items if item[0] not in then]
    key = "summary.phases_changed" if phased else "summary.value_changed"
    moved = [
        "± "
        + msg(
            key,
            finding=what,
            after=value or msg("phases.all"),
            before=then[what] or msg("phases.all"),
        )
        for what, value in items
        if what in then and then[what] != value
    ]
    gone = [f"− {_shown(item, msg, phased)}" for item in before if item[0] not in now]
    if not added and not moved and not gone:
        return msg("summary.as_in", base=base.stem)
    return (msg("summary.as_in_but", base=base.stem), *added, *moved, *gone)


def _short(cell: Cell, msg: Messages) -> Cell:
    """A cell of findings with at most :data:`~c2graph.limits.LISTED` of them, and
    how many more."""
    if isinstance(cell, str):
        return cell
    shown, left = kept(cell)
    return (*shown, more(msg, left)) if left else cell


def _shown(item: _Item, msg: Messages, phased: bool) -> str:
    what, value = item
    if not phased:
        return msg.pair(what, value or "")
    return what + (msg("summary.in", phases=value) if value else "")


def _mismatches(found: ModelFindings, msg: Messages) -> tuple[_Item, ...]:
    return tuple(
        (mismatch_text(found, i, msg), _when(found, g.phases, msg))
        for i, g in enumerate(found.mismatches)
    )


def _when(found: ModelFindings, phases: tuple[str, ...], msg: Messages) -> str | None:
    """The phases a finding holds in, named; ``None`` when it holds in every phase."""
    if set(phases) >= set(found.model.phase_ids):
        return None
    return msg.phases(found.model, phases)


def _failures(found: ModelFindings, msg: Messages) -> tuple[_Item, ...]:
    model = found.model
    nations = {n: i for i, n in enumerate(nation_order(f.chains for f in found.failures))}
    items = []
    for failure in sorted(
        (f for f in found.failures if f.operational),
        key=lambda f: (nations.get(f.chains, len(nations)), -len(f.units), msg.node(model, f.node)),
    ):
        if len(failure.units) > SHOWN_FORCES:
            units = msg("count.forces", count=f"{len(failure.units):,}")
        else:
            units = msg.join(sorted(msg.node(model, u) for u in failure.units))
        items.append(
            (msg.pair(msg.node(model, failure.node), units), _when(found, failure.phases, msg))
        )
    return tuple(items)


def _switches(found: ModelFindings, msg: Messages) -> tuple[_Item, ...]:
    model = found.model
    forces = set(found.forces)
    items = []
    for switch in found.switches:
        parts = []
        count = len(switch.decisions.required)
        if count:
            parts.append(
                msg("count.decision") if count == 1 else msg("count.decisions", count=count)
            )
        units = [c.unit for c in switch.chains_changed]
        units += [c.unit for other in switch.other_layers for c in other.chains_changed]
        units = [u for u in dict.fromkeys(units) if u in forces]
        if units:
            first, left = kept(units, limits.NAMED)
            names = joined(msg, [msg.node(model, u) for u in first], left)
            parts.append(msg("summary.chains_change", units=names))
        if parts:
            name = msg.phase(model, switch.after).split(" (")[0]
            items.append((name, msg("list.groups").join(parts)))
    return tuple(items)
