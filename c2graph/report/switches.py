"""The report's "what changes" at each switch from one phase to the next: the decisions the
law requires, the authority links that start, end or hold on another basis, the bodies
activated with their members, and the chains of command that change.

Phases are not a ladder (:mod:`c2graph.analysis.decisions`): each switch is read from the
phase listed before it, and needs only what is not already in force there.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.messages import messages
>>> from c2graph.report.findings import model_findings
>>> found = model_findings(load_model("models/us-rok-cfc.yaml"))
>>> slugs = {"armistice": "armistice", "wartime": "wartime"}
>>> blocks = switch_blocks(found, "cfc", messages("en"), slugs)
>>> blocks[2].text
'Armistice → Wartime (hostilities)'
>>> print(*blocks[4].items[:2], sep="\\n")
starts: CFC → ROK forces (OPCON)
starts: CFC → U.S. forces (OPCON)
>>> blocks[4].items[-2]
'chain of ROK forces: ROK President → MND → ROK JCS → ROK forces ⇒ MCM → CFC → ROK forces'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..analysis.decisions import NeededDecision
from ..analysis.switches import BasisChange, LinkChange, SwitchResult
from ..decisions import Approval
from ..limits import kept
from ..messages import Messages
from ..model import Model
from ..vocabulary import AUTHORITY_RELATIONS, Layer
from .document import Block, Bullets, Heading, Paragraph, Table
from .findings import ModelFindings

__all__ = [
    "BODY_KINDS",
    "approval_text",
    "approval_when",
    "decision_rows",
    "switch_blocks",
    "switch_items",
]

#: The kinds of node whose activation a switch names, with the members that join them.
BODY_KINDS = frozenset({"coordination-body", "forum"})


def approval_text(model: Model, approval: Approval, msg: Messages) -> str:
    """An approval as ``Diet (prior in principle, after the fact in an emergency)``, its
    deadline in the catalogue's units (``within 20 d``, 20日以内)."""
    return msg.aside(msg.node(model, approval.by), approval_when(approval, msg))


def approval_when(approval: Approval, msg: Messages) -> str:
    """When an approval is given, with its deadline (``after the fact, within 20 d``).

    >>> from c2graph.messages import messages
    >>> approval_when(Approval("diet", "after", "20 d"), messages("ja"))
    '事後承認（20日以内）'
    """
    timing = approval.timing or "none"
    when = msg.word("timing", timing)
    if approval.within:
        within = msg.amount(approval.within)
        key = f"timing.{timing}_within"
        when = (
            msg(key, within=within)
            if msg.has(key)
            else msg("timing.within", timing=when, within=within)
        )
    return when


def decision_rows(
    model: Model, decisions: tuple[NeededDecision, ...], msg: Messages
) -> tuple[tuple[str, ...], ...]:
    """One row per decision: name (discretionary marked), deciders, approvals, basis."""
    return tuple(
        (
            msg.decision(model, d.id)
            if not d.discretionary
            else msg.aside(msg.decision(model, d.id), msg("decision.discretionary")),
            msg("list.and").join(msg.node_full(model, n) for n in d.deciders),
            "; ".join(approval_text(model, a, msg) for a in d.approvals) or "-",
            d.basis or "-",
        )
        for d in decisions
    )


def switch_blocks(
    found: ModelFindings,
    stem: str,
    msg: Messages,
    slugs: Mapping[str, str],
    *,
    forces: Collection[str] | None = None,
) -> list[Block]:
    """The section: one sub-section per switch from a phase to the next; ``slugs`` name
    the phases in anchors (:func:`c2graph.report.names.distinct_slugs`)."""
    model = found.model
    blocks: list[Block] = [Heading(3, msg("switches.heading"), f"m-{stem}-switches")]
    if not found.switches:
        return [*blocks, Paragraph(msg("switches.one_phase"))]
    blocks.append(Paragraph(msg("switches.note")))
    for switch in found.switches:
        title = f"{msg.phase(model, switch.before)} → {msg.phase(model, switch.after)}"
        blocks.append(Heading(4, title, f"m-{stem}-switch-{slugs[switch.after]}"))
        plan = switch.decisions
        needed = (*plan.required, *plan.discretionary)
        if needed:
            header = (
                msg("header.decision"),
                msg("header.decided_by"),
                msg("header.approval"),
                msg("header.basis"),
            )
            blocks.append(Table(header, decision_rows(model, needed, msg)))
        items, left = kept(switch_items(model, switch, msg, forces=forces))
        if left:
            items = [*items, msg("switches.more", count=f"{left:,}")]
        if not needed and not items:
            blocks.append(Paragraph(msg("switches.nothing")))
        elif not items:
            blocks.append(Paragraph(msg("switches.no_structure")))
        else:
            blocks.append(Bullets(tuple(items)))
    return blocks


def switch_items(
    model: Model, switch: SwitchResult, msg: Messages, *, forces: Collection[str] | None = None
) -> list[str]:
    """The changes of one switch as sentences, each once: choices and decisions that end,
    authority links (a link replaced by one with the same ends holds on another basis),
    bodies activated or stood down with their members, other links, chains of command."""
    plan = switch.decisions
    items = [
        msg(
            "switches.choice",
            options=msg("list.or").join(msg.decision(model, o) for o in c.options),
        )
        for c in plan.choices
    ]
    if plan.ending:
        items.append(
            msg("switches.ending", decisions=msg.join(msg.decision(model, d) for d in plan.ending))
        )
    items += _authority_items(model, switch, msg)
    items += _body_items(model, switch, msg)
    items += _chain_items(model, switch, msg, forces)
    return items


def _link(model: Model, change: LinkChange, msg: Messages) -> str:
    text = _bare_link(model, change, msg)
    return text + (msg("switches.basis", basis=change.basis) if change.basis else "")


def _bare_link(model: Model, change: LinkChange | BasisChange, msg: Messages) -> str:
    return msg(
        "switches.link",
        tail=msg.node(model, change.from_node),
        head=msg.node(model, change.to_node),
        relation=msg.relation(change.relation),
    )


def _bases(change: BasisChange, msg: Messages) -> dict[str, str]:
    """The legal basis before and after a link that changes record."""
    return {
        side: getattr(change, side).basis or msg("switches.no_basis")
        for side in ("before", "after")
    }


def _authority_items(model: Model, switch: SwitchResult, msg: Messages) -> list[str]:
    """Authority links that start, end, or hold on another basis (basis before → after)."""
    groups = (("switches.starts", switch.activated), ("switches.ends", switch.lapsed))
    items = [
        msg(key, link=_link(model, c, msg))
        for key, changes in groups
        for c in changes
        if c.relation in AUTHORITY_RELATIONS
    ]
    items += [
        msg("switches.rebased", link=_bare_link(model, c, msg), **_bases(c, msg))
        for c in switch.changed
        if c.relation in AUTHORITY_RELATIONS
    ]
    return items


def _body_items(model: Model, switch: SwitchResult, msg: Messages) -> list[str]:
    """Bodies activated or stood down with their members; then the other links that start
    or end (coordination, support, information), listed once."""
    items = []
    told: set[str] = set()
    for bodies, changes, key in (
        (switch.nodes_activated, switch.activated, "switches.body_up"),
        (switch.nodes_deactivated, switch.lapsed, "switches.body_down"),
    ):
        for body in bodies:
            if model.nodes[body].kind not in BODY_KINDS:
                continue  # a force or an authority: its links and chain say what changes
            members = [c for c in changes if c.to_node == body and c.relation == "member"]
            told |= {c.link for c in members}
            names = msg.nodes(model, [c.from_node for c in members])
            wording = key if members else f"{key}_alone"
            items.append(msg(wording, body=msg.node(model, body), members=names))
    groups = (("switches.other_up", switch.activated), ("switches.other_down", switch.lapsed))
    for key, changes in groups:
        by_relation: dict[str, list[LinkChange]] = {}
        for change in changes:
            if change.relation not in AUTHORITY_RELATIONS and change.link not in told:
                by_relation.setdefault(change.relation, []).append(change)
        items += [
            msg(key, relation=msg.relation(relation), links=_pairs(model, links, msg))
            for relation, links in by_relation.items()
        ]
    items += [
        msg(
            "switches.other_rebased",
            relation=msg.relation(c.relation),
            tail=msg.node(model, c.from_node),
            head=msg.node(model, c.to_node),
            **_bases(c, msg),
        )
        for c in switch.changed
        if c.relation not in AUTHORITY_RELATIONS
    ]
    return items


def _pairs(model: Model, links: list[LinkChange], msg: Messages) -> str:
    return msg.join(f"{msg.node(model, c.from_node)} — {msg.node(model, c.to_node)}" for c in links)


def _chain_items(
    model: Model, switch: SwitchResult, msg: Messages, forces: Collection[str] | None
) -> list[str]:
    layers = [(switch.layer, switch.chains_changed)]
    layers += [(other.layer, other.chains_changed) for other in switch.other_layers]
    items = []
    for layer, changes in layers:
        named = "" if layer == Layer.OPERATIONAL.value else f" — {msg('layer.' + layer)}"
        for change in changes:
            if forces is not None and change.unit not in forces:
                continue
            items.append(
                msg(
                    "switches.chain",
                    unit=msg.node(model, change.unit),
                    before=" | ".join(msg.chain(model, c) for c in change.before)
                    or msg("chains.no_chain"),
                    after=" | ".join(msg.chain(model, c) for c in change.after)
                    or msg("chains.no_chain"),
                )
                + named
            )
    return items
