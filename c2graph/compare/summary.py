"""A briefing in words: the one-page, decision-level comparison of an option with its base,
as headed lists of sentences in the language of a message catalogue.

The report shows these lists as its comparison of each variant; ``compare --summary``
prints them.  Each finding of the :class:`~c2graph.compare.briefing.Briefing` is one
sentence, with the phases it holds in when it does not hold in all of them; a force's
change of chain is told once, with the authority link that causes it.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.compare import compare
>>> from c2graph.compare.briefing import briefing
>>> from c2graph.messages import messages
>>> a, b = load_model("models/us-japan-2025.yaml"), load_model("models/us-japan-jfhq.yaml")
>>> parts = summary_parts(briefing(compare(a, b), a, b), a, b, messages("en"))
>>> parts[0][0], parts[0][1][0].startswith("USFJ takes OPCON of")
('Who commands whom', True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ..analysis.considerations import ConsiderationRow, Fact
from ..analysis.sovereignty import COMBINED
from ..messages import Messages
from ..model import Model
from .briefing import AuthorityShift, Briefing, FailureShift, PeerShift, ValueShift

__all__ = [
    "Part",
    "consideration_rows",
    "fact_text",
    "headline_findings",
    "summary_parts",
    "summary_text",
    "unchanged_text",
]

#: A headed list of sentences.
Part = tuple[str, tuple[str, ...]]


class _Words:
    """Wording helpers over the two models and the catalogue."""

    def __init__(self, brief: Briefing, a: Model, b: Model, msg: Messages) -> None:
        self.brief, self.a, self.b, self.msg = brief, a, b, msg

    def node(self, node: str) -> str:
        model = self.b if node in self.b.nodes else self.a
        return self.msg.node(model, node)

    def nodes(self, nodes: Iterable[str]) -> str:
        return self.msg.join(self.node(n) for n in nodes) or "-"

    def when(self, phases: tuple[str, ...]) -> str:
        """`` (in P, Q)`` unless the finding holds in every phase compared."""
        if set(phases) >= set(self.brief.phases):
            return ""
        return self.msg("summary.in", phases=self.msg.phases(self.a, phases))

    def relations(self, relations: tuple[str, ...]) -> str:
        return self.msg("list.and").join(self.msg.relation(r) for r in relations)

    def family(self, chains: str) -> str:
        if chains == COMBINED:
            return self.msg("family.combined")
        return self.msg("family.national", nation=self.msg.nation(chains))


def _authority(w: _Words) -> list[str]:
    grouped: dict[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for shift in w.brief.authority:
        grouped.setdefault((shift.tail, shift.before, shift.after, shift.phases), []).append(
            shift.head
        )
    items = []
    order = sorted(grouped.items(), key=lambda item: (bool(item[0][1]), not item[0][2]))
    for (tail, before, after, phases), heads in order:
        if not before:
            wording, fields = "summary.takes", {"relations": w.relations(after)}
        elif not after:
            wording, fields = "summary.gives_up", {"relations": w.relations(before)}
        else:
            wording = "summary.becomes"
            fields = {"before": w.relations(before), "after": w.relations(after)}
        names = w.nodes(sorted(heads, key=w.node))
        text = w.msg(wording, tail=w.node(tail), heads=names, **fields)
        items.append(text + w.when(phases))
    return items


def _explained(shifts: Iterable[AuthorityShift]) -> set[tuple[str, tuple[str, ...]]]:
    return {(s.head, s.phases) for s in shifts}


def _chains(w: _Words) -> list[str]:
    """Chains of command that change without a change of the force's own superiors."""
    explained = _explained(w.brief.authority)
    items = []
    for shift in w.brief.chains:
        if (shift.unit, shift.phases) in explained:
            continue
        items.append(
            w.msg(
                "summary.chain",
                unit=w.node(shift.unit),
                before=" | ".join(w.msg.chain(w.a, c) for c in shift.before) or "-",
                after=" | ".join(w.msg.chain(w.b, c) for c in shift.after) or "-",
            )
            + w.when(shift.phases)
        )
    for force in w.brief.forces:
        model = w.b if force.added else w.a
        chains = " | ".join(w.msg.chain(model, c) for c in force.chains) or w.msg("chains.no_chain")
        key = "summary.force_added" if force.added else "summary.force_removed"
        items.append(w.msg(key, unit=w.node(force.unit), chains=chains) + w.when(force.phases))
    return items


def _decisions(w: _Words) -> list[str]:
    items = []
    for shift in w.brief.decisions:
        model = w.b if shift.necessary else w.a
        record = model.decisions[shift.decision]
        key = "summary.decision_needed" if shift.necessary else "summary.decision_dropped"
        items.append(
            w.msg(
                key,
                decision=w.msg.decision(model, shift.decision),
                deciders=w.msg("list.and").join(w.msg.node(model, n) for n in record.deciders),
            )
            + w.when(shift.phases)
        )
    return items


def _failure(w: _Words, shift: FailureShift) -> str:
    fields: dict[str, Any] = {"node": w.node(shift.node), "family": w.family(shift.chains)}
    if not shift.before:
        return w.msg("summary.spof_new", units=w.nodes(sorted(shift.after, key=w.node)), **fields)
    if not shift.after:
        return w.msg("summary.spof_gone", units=w.nodes(sorted(shift.before, key=w.node)), **fields)
    return w.msg(
        "summary.spof_changed",
        before=w.nodes(sorted(shift.before, key=w.node)),
        after=w.nodes(sorted(shift.after, key=w.node)),
        **fields,
    )


def _failures(w: _Words) -> list[str]:
    """New single points of failure first, then those that change, then those that go;
    then the cut nodes."""
    order = sorted(w.brief.failures, key=lambda s: (bool(s.before), not s.after))
    items = [_failure(w, s) + w.when(s.phases) for s in order]
    items += [
        w.msg("summary.cut_new" if c.added else "summary.cut_gone", node=w.node(c.node))
        + w.when(c.phases)
        for c in w.brief.cuts
    ]
    return items


def _roles(w: _Words, roles: tuple[str, str] | None) -> str:
    if roles is None:
        return "-"
    return " / ".join(w.msg(f"peer_role.{role}") for role in roles)


def _peer(w: _Words, shift: PeerShift) -> str:
    return w.msg(
        f"summary.peer_{shift.before}_{shift.after}",
        a=w.node(shift.a),
        b=w.node(shift.b),
        before=_roles(w, shift.roles_before),
        after=_roles(w, shift.roles_after),
    )


def _values(w: _Words) -> list[str]:
    grouped: dict[str, list[ValueShift]] = {}
    for shift in w.brief.values:
        grouped.setdefault(shift.measure, []).append(shift)
    items = []
    for measure, shifts in grouped.items():
        values = w.msg("list.groups").join(
            f"{w.msg.number(s.before)} → {w.msg.number(s.after)}{w.when(s.phases)}" for s in shifts
        )
        items.append(w.msg.pair(w.msg.word("measure", measure), values))
    return items


def _records(w: _Words) -> list[str]:
    items = []
    for node, changes in w.brief.nodes_changed:
        fields = "; ".join(
            w.msg.pair(w.msg.word("field", name), f"{_plain(w, before)} → {_plain(w, after)}")
            for name, before, after in changes
        )
        items.append(w.msg.pair(w.node(node), fields))
    return items


def _plain(w: _Words, value: Any) -> str:
    """A field value as text: lists joined, names by language, none as a dash."""
    if value is None or value == [] or value == {}:
        return "-"
    if isinstance(value, list):
        return w.msg.join(str(v) for v in value)
    if isinstance(value, dict):
        return w.msg.join(w.msg.pair(str(k), str(v)) for k, v in value.items())
    return str(value)


def summary_parts(brief: Briefing, a: Model, b: Model, msg: Messages) -> list[Part]:
    """Return the briefing as headed lists of sentences, the empty ones left out: who
    commands whom, decisions, single points of failure, counterparts, approach and
    measures, changed records (the phases in which nothing changes are
    :func:`unchanged_text`)."""
    w = _Words(brief, a, b, msg)
    parts: list[Part] = [
        (msg("summary.commands"), tuple(_authority(w) + _chains(w))),
        (msg("summary.decisions"), tuple(_decisions(w))),
        (msg("summary.failures"), tuple(_failures(w))),
        (msg("summary.peers"), tuple(_peer(w, s) + w.when(s.phases) for s in brief.peers)),
        (msg("summary.values"), tuple(_values(w))),
        (msg("summary.records"), tuple(_records(w))),
    ]
    return [(title, items) for title, items in parts if items]


def headline_findings(brief: Briefing, a: Model, b: Model, msg: Messages) -> tuple[str, ...]:
    """The first finding of each kind that matters most: who commands whom, decisions,
    single points of failure, counterparts (measures and records left to the full
    briefing).

    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> from c2graph.compare.briefing import briefing
    >>> from c2graph.messages import messages
    >>> a, b = load_model("models/us-japan-2025.yaml"), load_model("models/us-japan-jfhq.yaml")
    >>> found = headline_findings(briefing(compare(a, b), a, b), a, b, messages("en"))
    >>> found[2].startswith("USFJ becomes a single point of failure")
    True
    """
    w = _Words(brief, a, b, msg)
    kinds = [
        _authority(w) + _chains(w),
        _decisions(w),
        _failures(w),
        [_peer(w, s) + w.when(s.phases) for s in brief.peers],
    ]
    return tuple(items[0] for items in kinds if items)


def unchanged_text(brief: Briefing, a: Model, msg: Messages) -> str | None:
    """``No change in: P, Q`` for the phases in which nothing changes, or None."""
    if not brief.unchanged_phases:
        return None
    return msg("summary.no_change", phases=msg.phases(a, brief.unchanged_phases))


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(coordination bodies|forums) active in (\S+)$"), "fact.active"),
    (re.compile(r"^forces assigned to collective nodes in (\S+)$"), "fact.assigned_in"),
    (re.compile(r"^(\S+) → (\S+)$"), "fact.step"),
)


def fact_text(model: Model, fact: Fact, msg: Messages) -> str:
    """A measured fact of a consideration as ``label: value`` in the catalogue's language:
    phase ids in the label named, the nodes and nations of the value named.

    >>> from c2graph import load_model_data
    >>> from c2graph.analysis import considerations
    >>> from c2graph.messages import messages
    >>> model = load_model_data({"name": "x", "as_of": "2025",
    ...     "phases": [{"id": "p", "name": "Peace", "name_ja": "平時"},
    ...                {"id": "q", "name": "War", "name_ja": "有事"}],
    ...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "headquarters"},
    ...               {"id": "b", "name": "B", "nation": "JP", "kind": "unit"}],
    ...     "links": [{"from": "a", "to": "b", "relation": "opcon", "phases": ["q"]}]})
    >>> fact = considerations(model).row("agility").facts[1]
    >>> fact_text(model, fact, messages("en")), fact_text(model, fact, messages("ja"))
    ('Peace → War: 1 activated, 0 lapsed', '平時 → 有事：開始1、終了0')
    """
    label = msg.word("fact", fact.label)
    for pattern, key in _PATTERNS:
        match = pattern.match(fact.label)
        if match is None or match.groups()[-1] not in model.situations:
            continue
        groups = match.groups()
        if key == "fact.step":
            label = f"{msg.phase(model, groups[0])} → {msg.phase(model, groups[1])}"
        elif key == "fact.active":
            label = msg(key, what=msg.word("fact", groups[0]), phase=msg.phase(model, groups[1]))
        else:
            label = msg(key, phase=msg.phase(model, groups[0]))
        break
    return msg.pair(label, _fact_value(model, fact, msg))


def _fact_value(model: Model, fact: Fact, msg: Messages) -> str:
    """The value of a fact: node names in the language (``A → B`` for a link, ``N: A, B``
    for a count of bodies), nations named, counts of links worded."""
    if fact.label == "nations" and isinstance(fact.value, str):
        return msg.join(msg.nation(n) for n in fact.value.split(", "))
    if fact.nodes:
        names = [msg.node(model, n) for n in fact.nodes]
        if fact.label.startswith("farthest"):
            return " → ".join(names)
        counted = isinstance(fact.value, str) and re.match(r"^\d+: ", fact.value)
        return msg.pair(str(len(names)), msg.join(names)) if counted else msg.join(names)
    value = fact.value
    text = msg.number(int(value) if isinstance(value, float) and value.is_integer() else value)
    for english, key in (
        ("activated", "activated"),
        ("lapsed", "lapsed"),
        ("on another basis", "rebased"),
    ):
        text = re.sub(rf"(\d+) {english}", _counted(msg, f"fact.{key}"), text)
    return msg("fact.none") if text == "none" else text.replace(", ", msg("list.separator"))


def _counted(msg: Messages, key: str) -> Callable[[re.Match[str]], str]:
    """A replacement that words ``N activated`` with the catalogue's ``key``."""

    def word(match: re.Match[str]) -> str:
        return msg(key, count=match[1])

    return word


def consideration_rows(
    before: ConsiderationRow,
    after: ConsiderationRow,
    a: Model,
    b: Model,
    msg: Messages,
    *,
    changed_only: bool = False,
) -> tuple[str, str, str, tuple[str, ...]]:
    """One consideration of a comparison: its name, what each model records, and the
    measured facts (``before → after`` where they differ; with ``changed_only``, only
    those)."""
    facts_a = {f.label: f for f in before.facts}
    facts_b = {f.label: f for f in after.facts}
    lines = []
    for label in dict.fromkeys([*facts_a, *facts_b]):
        old, new = facts_a.get(label), facts_b.get(label)
        if old is not None and new is not None and old.value != new.value:
            lines.append(f"{fact_text(a, old, msg)} → {_fact_value(b, new, msg)}")
        elif changed_only and old is not None and new is not None:
            continue
        elif new is not None:
            lines.append(fact_text(b, new, msg))
        elif old is not None:
            lines.append(fact_text(a, old, msg))
    return (
        msg.word("consideration", before.key),
        before.text or msg("considerations.not_recorded"),
        after.text or msg("considerations.not_recorded"),
        tuple(lines),
    )


def summary_text(brief: Briefing, a: Model, b: Model, msg: Messages) -> str:
    """The briefing as plain text: a title line, then each part and its sentences, then
    the six considerations (recorded by each model, then the measured facts that differ).

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> from c2graph.compare.briefing import briefing
    >>> from c2graph.messages import messages
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> print(summary_text(briefing(compare(model, model), model, model), model, model,
    ...                    messages("en")).splitlines()[2])
    No change in: all phases
    """
    lines = [msg("summary.title", option=b.name, base=a.name)]
    unchanged = unchanged_text(brief, a, msg)
    if unchanged:
        lines += ["", unchanged]
    for title, items in summary_parts(brief, a, b, msg):
        lines += ["", msg.heading(title), *(f"  - {item}" for item in items)]
    lines += ["", msg.heading(msg("summary.considerations"))]
    for old, new in zip(
        brief.considerations_before.rows, brief.considerations_after.rows, strict=True
    ):
        name, text_a, text_b, facts = consideration_rows(old, new, a, b, msg, changed_only=True)
        lines.append(f"  {name}")
        if old.text == new.text and old.text:
            lines.append("    " + msg.pair(msg("summary.both"), text_a))
        elif old.text or new.text:
            lines.append("    " + msg.pair(msg("summary.base"), text_a))
            lines.append("    " + msg.pair(msg("summary.option"), text_b))
        lines += ["    " + msg.pair(msg("summary.measured"), fact) for fact in facts]
    lines += ["", msg("summary.facts_note"), msg("text.definitions")]
    return "\n".join(lines) + "\n"
