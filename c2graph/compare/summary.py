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
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from ..analysis.considerations import ConsiderationRow, Fact
from ..analysis.sovereignty import COMBINED
from ..limits import kept, more, named
from ..messages import Messages
from ..model import Model
from .briefing import (
    AuthorityShift,
    Briefing,
    ChainShift,
    CutShift,
    DecisionShift,
    FailureShift,
    ForceShift,
    PeerShift,
    ValueShift,
)

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

#: A finding not yet worded: the sentence, made only when it is shown.
_Item = Callable[[], str]


class _Words:
    """Wording helpers over the two models and the catalogue; ``limit`` is the most names
    one sentence gives (None: all)."""

    def __init__(
        self, brief: Briefing, a: Model, b: Model, msg: Messages, limit: int | None = None
    ) -> None:
        self.brief, self.a, self.b, self.msg, self.limit = brief, a, b, msg, limit

    def node(self, node: str) -> str:
        model = self.b if node in self.b.nodes else self.a
        return self.msg.node(model, node)

    def nodes(self, nodes: Iterable[str]) -> str:
        """The names of the nodes in alphabetical order (beyond ``limit``, the first and
        how many more), or ``-``."""
        names = [self.node(n) for n in nodes]
        if self.limit is None:
            return self.msg.join(sorted(names)) or "-"
        return named(self.msg, names, limit=self.limit) or "-"

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


_Grant = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _authority(w: _Words) -> list[_Item]:
    grouped: dict[_Grant, list[str]] = {}
    for shift in w.brief.authority:
        grouped.setdefault((shift.tail, shift.before, shift.after, shift.phases), []).append(
            shift.head
        )
    order = sorted(grouped.items(), key=lambda item: (bool(item[0][1]), not item[0][2]))
    return [partial(_grant, w, grant, heads) for grant, heads in order]


def _grant(w: _Words, grant: _Grant, heads: list[str]) -> str:
    """``X takes OPCON of Y, Z`` (or gives it up, or one relation becomes another)."""
    tail, before, after, phases = grant
    if not before:
        wording, fields = "summary.takes", {"relations": w.relations(after)}
    elif not after:
        wording, fields = "summary.gives_up", {"relations": w.relations(before)}
    else:
        wording = "summary.becomes"
        fields = {"before": w.relations(before), "after": w.relations(after)}
    text = w.msg(wording, tail=w.node(tail), heads=w.nodes(heads), **fields)
    return text + w.when(phases)


def _explained(shifts: Iterable[AuthorityShift]) -> set[tuple[str, tuple[str, ...]]]:
    return {(s.head, s.phases) for s in shifts}


def _chains(w: _Words) -> list[_Item]:
    """Chains of command that change without a change of the force's own superiors, then
    the forces added and removed."""
    explained = _explained(w.brief.authority)
    items: list[_Item] = [
        partial(_chain, w, shift)
        for shift in w.brief.chains
        if (shift.unit, shift.phases) not in explained
    ]
    return items + [partial(_force, w, force) for force in w.brief.forces]


def _chain(w: _Words, shift: ChainShift) -> str:
    return w.msg(
        "summary.chain",
        unit=w.node(shift.unit),
        before=" | ".join(w.msg.chain(w.a, c) for c in shift.before) or "-",
        after=" | ".join(w.msg.chain(w.b, c) for c in shift.after) or "-",
    ) + w.when(shift.phases)


def _force(w: _Words, force: ForceShift) -> str:
    model = w.b if force.added else w.a
    chains = " | ".join(w.msg.chain(model, c) for c in force.chains) or w.msg("chains.no_chain")
    key = "summary.force_added" if force.added else "summary.force_removed"
    return w.msg(key, unit=w.node(force.unit), chains=chains) + w.when(force.phases)


def _decisions(w: _Words) -> list[_Item]:
    return [partial(_decision, w, shift) for shift in w.brief.decisions]


def _decision(w: _Words, shift: DecisionShift) -> str:
    model = w.b if shift.necessary else w.a
    record = model.decisions[shift.decision]
    key = "summary.decision_needed" if shift.necessary else "summary.decision_dropped"
    return w.msg(
        key,
        decision=w.msg.decision(model, shift.decision),
        deciders=w.msg("list.and").join(w.msg.node(model, n) for n in record.deciders),
    ) + w.when(shift.phases)


def _failure(w: _Words, shift: FailureShift) -> str:
    fields: dict[str, Any] = {"node": w.node(shift.node), "family": w.family(shift.chains)}
    if not shift.before:
        text = w.msg("summary.spof_new", units=w.nodes(shift.after), **fields)
    elif not shift.after:
        text = w.msg("summary.spof_gone", units=w.nodes(shift.before), **fields)
    else:
        text = w.msg(
            "summary.spof_changed",
            before=w.nodes(shift.before),
            after=w.nodes(shift.after),
            **fields,
        )
    return text + w.when(shift.phases)


def _cut(w: _Words, cut: CutShift) -> str:
    key = "summary.cut_new" if cut.added else "summary.cut_gone"
    return w.msg(key, node=w.node(cut.node)) + w.when(cut.phases)


def _failures(w: _Words) -> list[_Item]:
    """New single points of failure first, then those that change, then those that go;
    then the cut nodes."""
    order = sorted(w.brief.failures, key=lambda s: (bool(s.before), not s.after))
    items: list[_Item] = [partial(_failure, w, s) for s in order]
    return items + [partial(_cut, w, c) for c in w.brief.cuts]


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
    ) + w.when(shift.phases)


def _peers(w: _Words) -> list[_Item]:
    return [partial(_peer, w, shift) for shift in w.brief.peers]


def _values(w: _Words) -> list[_Item]:
    grouped: dict[str, list[ValueShift]] = {}
    for shift in w.brief.values:
        grouped.setdefault(shift.measure, []).append(shift)
    return [partial(_value, w, measure, shifts) for measure, shifts in grouped.items()]


def _value(w: _Words, measure: str, shifts: list[ValueShift]) -> str:
    values = w.msg("list.groups").join(
        f"{w.msg.number(s.before)} → {w.msg.number(s.after)}{w.when(s.phases)}" for s in shifts
    )
    return w.msg.pair(w.msg.word("measure", measure), values)


def _records(w: _Words) -> list[_Item]:
    return [partial(_record, w, node, changes) for node, changes in w.brief.nodes_changed]


def _record(w: _Words, node: str, changes: tuple[tuple[str, Any, Any], ...]) -> str:
    fields = "; ".join(
        w.msg.pair(w.msg.word("field", name), f"{_plain(w, before)} → {_plain(w, after)}")
        for name, before, after in changes
    )
    return w.msg.pair(w.node(node), fields)


def _plain(w: _Words, value: Any) -> str:
    """A field value as text: lists joined, names by language, none as a dash."""
    if value is None or value == [] or value == {}:
        return "-"
    if isinstance(value, list):
        return w.msg.join(str(v) for v in value)
    if isinstance(value, dict):
        return w.msg.join(w.msg.pair(str(k), str(v)) for k, v in value.items())
    return str(value)


def summary_parts(
    brief: Briefing, a: Model, b: Model, msg: Messages, *, limit: int | None = None
) -> list[Part]:
    """Return the briefing as headed lists of sentences, the empty ones left out: who
    commands whom, decisions, single points of failure, counterparts, approach and
    measures, changed records (the phases in which nothing changes are
    :func:`unchanged_text`).

    With ``limit``, each list gives its first ``limit`` sentences and then ``… and N
    more``, and a sentence names at most ``limit`` units, then ``… and N more`` (the
    sentences left out are never worded); without, everything.

    >>> from c2graph import load_model
    >>> from c2graph.compare import compare
    >>> from c2graph.compare.briefing import briefing
    >>> from c2graph.messages import messages
    >>> a, b = load_model("models/us-japan-2025.yaml"), load_model("models/us-japan-jfhq.yaml")
    >>> title, items = summary_parts(briefing(compare(a, b), a, b), a, b, messages("en"),
    ...                              limit=1)[0]
    >>> items
    ('USFJ takes OPCON of 5AF … and 5 more', '… and 5 more')
    """
    w = _Words(brief, a, b, msg, limit)
    parts: list[tuple[str, list[_Item]]] = [
        (msg("summary.commands"), _authority(w) + _chains(w)),
        (msg("summary.decisions"), _decisions(w)),
        (msg("summary.failures"), _failures(w)),
        (msg("summary.peers"), _peers(w)),
        (msg("summary.values"), _values(w)),
        (msg("summary.records"), _records(w)),
    ]
    return [(title, _worded(items, msg, limit)) for title, items in parts if items]


def _worded(items: Sequence[_Item], msg: Messages, limit: int | None) -> tuple[str, ...]:
    """The sentences of the first ``limit`` items (None: all), and how many more."""
    if limit is None:
        return tuple(item() for item in items)
    shown, left = kept(items, limit)
    return (*(item() for item in shown), *((more(msg, left),) if left else ()))


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
    kinds = [_authority(w) + _chains(w), _decisions(w), _failures(w), _peers(w)]
    return tuple(items[0]() for items in kinds if items)


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


def summary_text(
    brief: Briefing, a: Model, b: Model, msg: Messages, *, limit: int | None = None
) -> str:
    """The briefing as plain text: a title line, then each part and its sentences (with
    ``limit``, cut as :func:`summary_parts` cuts them), then the six considerations
    (recorded by each model, then the measured facts that differ).

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
    for title, items in summary_parts(brief, a, b, msg, limit=limit):
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
