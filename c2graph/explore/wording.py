"""The explorer data's own words in the page's language: nations, situations, decisions, clocks.

In English the page shows the words of the command line (``c2graph show``, ``switches``,
``counterparts``), as the analyses write them; in another language of the catalogue
(:mod:`c2graph.messages`) this module words the same facts in it: nation and phase names,
decision names, kinds and approvals, clocks, clock offsets and shared office hours, with
the model's names where it has them (``name_ja``) and its ids elsewhere.  Clocks, offsets
and shared hours are worded from the catalogue in every language (the English words are
those of :mod:`c2graph.analysis.timezones`).

Example
-------
>>> from c2graph.messages import messages
>>> days("Mon-Fri 08:30-17:15", messages("ja")), days("Mon", messages("en"))
('月-金 08:30-17:15', 'Mon')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..analysis.sovereignty import COMBINED
from ..analysis.timezones import Clock, ClockOffset, SharedHours
from ..decisions import Duration, Requirement
from ..hours import DAY_NAMES
from ..messages import Messages
from ..model import Model
from ..report.switches import approval_when
from ..vocabulary import SPECIAL_NATIONS

__all__ = [
    "DiffWords",
    "clock_text",
    "days",
    "decision_words",
    "duration_text",
    "families",
    "hours_text",
    "nation_caption",
    "offset_text",
    "requirement_text",
    "situation_group",
    "situation_text",
]

_DAYS = re.compile(r"\b(" + "|".join(DAY_NAMES) + r")\b")
_DAYS_JA = dict(zip(DAY_NAMES, "月火水木金土日", strict=True))


def _english(msg: Messages) -> bool:
    return msg.names is None


def days(text: str, msg: Messages) -> str:
    """``text`` with its day names (``Mon`` ... ``Sun``) in the page's language."""
    return text if _english(msg) else _DAYS.sub(lambda m: _DAYS_JA[m[1]], text)


def nation_caption(nation: str, caption: str, msg: Messages) -> str:
    """A nation's name: the catalogue's where it has one, else the chart's ``caption``."""
    if _english(msg) or not msg.has(f"nation.{nation}"):
        return caption
    return msg.nation(nation)


def families(nations: Sequence[str], msg: Messages) -> dict[str, str]:
    """The names of the families of chains a single point of failure stands on: each
    nation's own (by its code in English, its name else) and the combined ones.

    >>> from c2graph.messages import messages
    >>> families(["JP", "XX"], messages("ja")), families(["JP"], messages("en"))
    ({'JP': '日本', 'XX': 'XX', 'combined': '連合'}, {'JP': 'JP', 'combined': 'combined'})
    """
    named = {
        n: n if _english(msg) or not msg.has(f"nation.{n}") else msg.nation(n) for n in nations
    }
    return named | {COMBINED: msg("explore.family.combined")}


def situation_group(model: Model, situation_id: str, caption: str, msg: Messages) -> str:
    """The tab row a situation goes in: the scenarios, the phases, or its nation's phases
    (``caption``: the nation's name on the chart)."""
    situation = model.situation(situation_id)
    nation = None if situation.scenario else model.phase(situation_id).nation
    if situation.scenario:
        return msg("explore.group.scenarios")
    if nation is None:
        return msg("explore.group.phases")
    if nation in SPECIAL_NATIONS and _english(msg):
        return nation.capitalize()
    return nation_caption(nation, caption, msg)


def situation_text(model: Model, situation_id: str, msg: Messages) -> str:
    """The phase of each nation in a situation (``JP: armed-attack``; 日本：武力攻撃事態)."""
    situation = model.situation(situation_id)
    if _english(msg):
        return situation.text()
    return msg.join(
        msg.pair(msg.nation(n), msg.phase(model, p)) if n else msg.phase(model, p)
        for n, p in situation.phases
    )


def requirement_text(model: Model, need: Requirement, msg: Messages) -> str:
    """Decisions a link or decision needs, as words: by id joined by ``and`` and ``or`` in
    English (as :meth:`~c2graph.decisions.Requirement.text`), by name else."""
    return need.text() if _english(msg) else _requirement(model, need, msg)


def _requirement(model: Model, need: Requirement | str, msg: Messages) -> str:
    if isinstance(need, str):
        return msg.decision(model, need)
    words = msg("list.and" if need.op == "all" else "list.or")
    parts = [
        _requirement(model, i, msg) if isinstance(i, str) else f"({_requirement(model, i, msg)})"
        for i in need.items
    ]
    return words.join(parts)


def decision_words(model: Model, data: dict[str, Any], msg: Messages) -> dict[str, Any]:
    """A needed decision's data (:class:`~c2graph.analysis.decisions.NeededDecision`) with
    its name, prerequisites and approvals worded in the page's language."""
    if _english(msg):
        return data
    record = model.decisions[data["id"]]
    approvals = [
        a | {"meaning": approval_when(approval, msg)}
        for a, approval in zip(data["approvals"], record.approvals, strict=True)
    ]
    words = data | {"name": msg.decision(model, data["id"]), "approvals": approvals}
    if record.prerequisites is not None:
        words["prerequisites"] = _requirement(model, record.prerequisites, msg)
    if record.duration is not None:
        words["duration"] = duration_text(record.duration, msg)
    return words


def duration_text(duration: Duration, msg: Messages) -> str:
    """How long a decision takes, with where the range comes from (the words of
    :meth:`~c2graph.decisions.Duration.text` in English).

    >>> from c2graph.messages import messages
    >>> duration_text(Duration(0.5, 6, "h", assumption="none published"), messages("ja"))
    '0.5–6時間（仮定：none published）'
    """
    span = f"{duration.min:g}"
    if duration.max != duration.min:
        span += f"–{duration.max:g}"
    unit = f"unit.{duration.unit}"
    amount = msg(unit, amount=span) if msg.has(unit) else f"{span} {duration.unit}"
    why = (
        msg("explore.duration.source", source=duration.source)
        if duration.source
        else msg("explore.duration.assumption", assumption=duration.assumption)
    )
    return msg.aside(amount, why)


def clock_text(found: Clock, msg: Messages) -> str:
    """A node's clock: its zone and office hours, and where the hours come from."""
    zone = found.zone_name or msg("explore.clock.none")
    if found.hours is None:
        return msg("explore.clock.always", zone=zone)
    origin = msg(f"explore.clock.from.{found.hours_from}")
    return msg("explore.clock.hours", zone=zone, hours=days(found.hours.text(), msg), origin=origin)


def offset_text(offset: ClockOffset, msg: Messages) -> str:
    """How far a counterpart's clock is from a node's."""
    if not offset.hours and not offset.day_shift:
        return msg("explore.offset.same")
    side = "ahead" if offset.hours >= 0 else "behind"
    words = msg(f"explore.offset.{side}", hours=f"{abs(offset.hours):g}")
    if offset.day_shift:
        words += msg(f"explore.offset.day_{'ahead' if offset.day_shift > 0 else 'behind'}")
    return msg("explore.offset.utc", words=words, b=f"{offset.b_utc:+g}", a=f"{offset.a_utc:+g}")


def hours_text(model: Model, shared: SharedHours, msg: Messages) -> str:
    """The office hours two counterparts share in a week, and its windows on each clock."""
    hours = f"{shared.weekly_hours:g}"
    week = shared.week_of.isoformat()
    text = msg("explore.shared", hours=hours, week=week)
    windows = msg("list.groups").join(
        " = ".join(
            msg.aside(_span(c, window.start, window.end, msg), _name(model, c.node, msg))
            for c in (window.clocks[0], window.clocks[-1])
        )
        for window in shared.windows
    )
    return msg.aside(text, windows) if windows else text


def _name(model: Model, node: str, msg: Messages) -> str:
    """A node as a window names it: by id in English (as ``c2graph counterparts``)."""
    return node if _english(msg) else msg.node(model, node)


def _span(found: Clock, start: Any, end: Any, msg: Messages) -> str:
    low, high = found.local(start), found.local(end)
    return days(f"{DAY_NAMES[low.weekday()]} {low:%H:%M}-{high:%H:%M}", msg)


class DiffWords:
    """The words of a variant's diff against its base: nodes and phases by id and
    relations by their ids in English (as ``c2graph compare --json``), by name in the
    page's language else (a node or phase gone from the variant named by the base).

    >>> from c2graph import load_model
    >>> from c2graph.messages import messages
    >>> base = load_model("models/us-rok-cfc.yaml")
    >>> words = DiffWords(base, base, messages("ja"))
    >>> words.field("phases", frozenset({"armistice"}), frozenset({"wartime"}))
    ['事態', 'もはや成立しない事態：停戦時（平時）', '新たに成立する事態：戦時']
    >>> DiffWords(base, base, messages("en")).link("al-cfc", "opcon", "kr-forces")
    'al-cfc —opcon→ kr-forces'
    """

    def __init__(self, base: Model, variant: Model, msg: Messages) -> None:
        self.base, self.variant, self.msg = base, variant, msg

    def _model(self, node: str) -> Model:
        return self.variant if node in self.variant.nodes else self.base

    def node(self, node: str) -> str:
        """A removed node: its name in the base."""
        model = self._model(node)
        return model.node(node).name if _english(self.msg) else self.msg.node(model, node)

    def _label(self, node: str) -> str:
        return node if _english(self.msg) else self.msg.node(self._model(node), node)

    def _relation(self, relation: str) -> str:
        return relation if _english(self.msg) else self.msg.relation(relation)

    def link(self, from_node: str, relation: str, to_node: str) -> str:
        """A removed link: ``from —relation→ to``."""
        return f"{self._label(from_node)} —{self._relation(relation)}→ {self._label(to_node)}"

    def relations(self, from_node: str, to_node: str, before: Any, after: Any) -> str:
        """A pair whose relations changed: ``from → to: before → after``."""
        sep = self.msg("list.separator")
        was = sep.join(self._relation(r) for r in before)
        now = sep.join(self._relation(r) for r in after)
        pair = self.msg(
            "explore.arrow", **{"from": self._label(from_node), "to": self._label(to_node)}
        )
        return self.msg.pair(pair, self.msg("explore.arrow", **{"from": was, "to": now}))

    def _phase(self, phase: str) -> str:
        if _english(self.msg):
            return phase
        model = self.variant if phase in self.variant.situations else self.base
        return self.msg.phase(model, phase) if phase in model.situations else phase

    def field(self, name: str, before: Any, after: Any) -> list[str]:
        """``[field, before, after]`` as text; a phase set as what it loses and gains."""
        label = self.msg.word("field", name)
        if name == "phases":
            lost = self.msg.join(self._phase(p) for p in sorted(set(before) - set(after)))
            gained = self.msg.join(self._phase(p) for p in sorted(set(after) - set(before)))
            return [
                label,
                self.msg("explore.diff.lost", phases=lost or "-"),
                self.msg("explore.diff.gained", phases=gained or "-"),
            ]
        return [label, _value(before, self.msg), _value(after, self.msg)]


def _value(value: Any, msg: Messages) -> str:
    if value is None:
        return "-"
    if isinstance(value, frozenset | set):
        return msg.join(sorted(map(str, value)))
    if isinstance(value, tuple | list):
        return msg.join(_value(v, msg) for v in value)
    return str(value)
