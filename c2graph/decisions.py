"""Decisions as data: who decides, with whose approval and when, how long it takes, and
what must be decided first; and the requirements that phases and links put on decisions.

Example
-------
>>> need = Requirement.from_data(["brp", {"any": ["order-76", "order-78"]}])
>>> need.text()
'brp and (order-76 or order-78)'
>>> need.decisions()
('brp', 'order-76', 'order-78')
>>> Duration(1, 6, "h", assumption="no published timing").text()
'1–6 h (assumption: no published timing)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Union

from .vocabulary import TIME_UNITS

__all__ = [
    "AMOUNT_PATTERN",
    "Approval",
    "Decision",
    "Duration",
    "Requirement",
    "amount_hours",
    "declaration_id",
]

#: A time amount as written for deadlines: ``20 d``, ``48 h``, ``30 min``.
AMOUNT_PATTERN = re.compile(r"^(\d+(?:\.\d+)?) ?(min|h|d)$")

RequirementItem = Union[str, "Requirement"]


def amount_hours(text: str) -> float:
    """Return a written time amount in hours.

    >>> amount_hours("20 d"), amount_hours("48 h"), amount_hours("30 min")
    (480.0, 48.0, 0.5)
    """
    match = AMOUNT_PATTERN.match(text)
    if match is None:
        raise ValueError(f"not a time amount: {text!r}")
    return float(match[1]) * TIME_UNITS[match[2]]


def declaration_id(phase_id: str) -> str:
    """The id of the decision a phase's ``declared_by`` implies.

    >>> declaration_id("gray-zone")
    'gray-zone:declaration'
    """
    return f"{phase_id}:declaration"


def _number(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Requirement:
    """Decisions that must all (``op="all"``) or any one (``op="any"``) be in force.

    Items are decision ids or nested requirements.  Written as a list (all of them),
    ``{all: [...]}`` or ``{any: [...]}``, nested as needed.
    """

    op: str
    items: tuple[RequirementItem, ...]

    @classmethod
    def from_data(cls, value: Any) -> Requirement:
        """Build a requirement from its checked written form.

        >>> Requirement.from_data({"any": ["a", "b"]})
        Requirement(op='any', items=('a', 'b'))
        """
        if isinstance(value, list):
            return cls("all", tuple(_item(v) for v in value))
        ((op, entries),) = value.items()
        return cls(op, tuple(_item(v) for v in entries))

    def to_data(self, *, top: bool = True) -> Any:
        """Return the written form (a plain list for a top-level all-of).

        >>> Requirement("all", ("a", Requirement("any", ("b", "c")))).to_data()
        ['a', {'any': ['b', 'c']}]
        """
        items = [i if isinstance(i, str) else i.to_data(top=False) for i in self.items]
        return items if top and self.op == "all" else {self.op: items}

    def decisions(self) -> tuple[str, ...]:
        """Every decision id named, in written order, each once."""
        found: dict[str, None] = {}
        for item in self.items:
            for name in (item,) if isinstance(item, str) else item.decisions():
                found[name] = None
        return tuple(found)

    def text(self) -> str:
        """The requirement as words: ``a and (b or c)``."""
        words = " and " if self.op == "all" else " or "
        parts = [i if isinstance(i, str) else f"({i.text()})" for i in self.items]
        return words.join(parts)


def _item(value: Any) -> RequirementItem:
    return value if isinstance(value, str) else Requirement.from_data(value)


@dataclass(frozen=True)
class Duration:
    """How long a decision (or an approval, or passing an order on) takes: a range.

    ``source`` names where the range comes from; ``assumption`` says why it is assumed
    when no source gives it.  Analyses show both as they are.
    """

    min: float
    max: float
    unit: str
    source: str | None = None
    assumption: str | None = None
    note: str | None = None

    @property
    def hours(self) -> tuple[float, float]:
        """``(min, max)`` in hours.

        >>> Duration(1, 7, "d", assumption="x").hours
        (24.0, 168.0)
        """
        factor = TIME_UNITS[self.unit]
        return self.min * factor, self.max * factor

    def text(self) -> str:
        """The range with where it comes from."""
        span = _number(self.min)
        if self.max != self.min:
            span += f"–{_number(self.max)}"
        why = f"source: {self.source}" if self.source else f"assumption: {self.assumption}"
        return f"{span} {self.unit} ({why})"

    def to_dict(self) -> dict[str, Any]:
        """Return the duration as written in a model file."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Approval:
    """An approval (or report) a decision needs, by whom, and when relative to it.

    ``timing`` is one of :data:`~c2graph.vocabulary.APPROVAL_TIMINGS`, or None when the
    model does not say (a phase's ``approval`` shorthand); ``within`` is the deadline of an
    after-the-fact approval or report (``"20 d"``).
    """

    by: str
    timing: str | None = None
    within: str | None = None
    duration: Duration | None = None
    note: str | None = None

    @property
    def waits(self) -> tuple[bool, bool]:
        """Whether the decision waits for the approval: ``(at best, at worst)``.

        Prior approvals hold a decision back; after-the-fact ones and reports do not;
        prior in principle but after the fact in an emergency holds it back only at worst,
        as does an approval whose timing the model does not give.

        >>> Approval("diet", "prior-or-after").waits, Approval("diet", "after", "20 d").waits
        ((False, True), (False, False))
        """
        if self.timing in ("prior", "prior-no-exception"):
            return True, True
        if self.timing in ("prior-or-after", None):
            return False, True
        return False, False

    def text(self) -> str:
        """The approval in words.

        >>> Approval("jp-diet", "after", "20 d").text()
        'jp-diet: after the fact, within 20 d'
        """
        from .vocabulary import APPROVAL_TIMINGS

        when = APPROVAL_TIMINGS[self.timing] if self.timing else "timing not given"
        if self.within:
            when = when.replace(", within the time given", "") + f", within {self.within}"
        return f"{self.by}: {when}"

    def to_dict(self) -> dict[str, Any]:
        """Return the approval as written in a model file."""
        data: dict[str, Any] = {"by": self.by}
        for key in ("timing", "within", "note"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.duration is not None:
            data["duration"] = self.duration.to_dict()
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Approval:
        """Build the record from checked model-file data."""
        values = dict(data)
        if "duration" in values:
            values["duration"] = Duration(**values["duration"])
        return cls(**values)


@dataclass(frozen=True)
class Decision:
    """A decision: who takes it (one node, or several jointly), what kind it is, whose
    approval it needs and when, how long it takes and what must be decided before it.

    ``discretionary`` marks a decision the law allows but does not require for a phase
    (links that need it hold only if it is taken).  ``declares`` is set on the decisions
    implied by a phase's ``declared_by`` shorthand, to the phase declared.
    """

    id: str
    name: str
    deciders: tuple[str, ...]
    kind: str
    discretionary: bool = False
    approvals: tuple[Approval, ...] = ()
    basis: str | None = None
    duration: Duration | None = None
    prerequisites: Requirement | None = None
    source: str | None = None
    confidence: str | None = None
    note: str | None = None
    names: tuple[tuple[str, str], ...] = ()
    declares: str | None = None

    def label(self, lang: str | None = None) -> str:
        """The name to show: in ``lang`` where the model has it, else the name."""
        return dict(self.names).get(lang, self.name) if lang else self.name

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as written in a model file.

        >>> Decision("d1", "Order", ("pm",), "order", approvals=(Approval("diet", "prior"),)
        ...          ).to_dict()
        {'id': 'd1', 'name': 'Order', 'deciders': ['pm'], 'kind': 'order', \
'approvals': [{'by': 'diet', 'timing': 'prior'}]}
        """
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "deciders": list(self.deciders),
            "kind": self.kind,
        }
        if self.discretionary:
            data["discretionary"] = True
        if self.approvals:
            data["approvals"] = [a.to_dict() for a in self.approvals]
        for key in ("basis", "source", "confidence", "note"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.duration is not None:
            data["duration"] = self.duration.to_dict()
        if self.prerequisites is not None:
            data["prerequisites"] = self.prerequisites.to_data()
        return data | {f"name_{lang}": text for lang, text in self.names}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Decision:
        """Build the record from checked model-file data (``name_xx`` keys become names)."""
        values = {k: v for k, v in data.items() if not k.startswith("name_")}
        values["deciders"] = tuple(data["deciders"])
        values["approvals"] = tuple(Approval.from_data(a) for a in data.get("approvals", ()))
        if "duration" in data:
            values["duration"] = Duration(**data["duration"])
        if "prerequisites" in data:
            values["prerequisites"] = Requirement.from_data(data["prerequisites"])
        names = tuple(sorted((k[5:], v) for k, v in data.items() if k.startswith("name_")))
        return cls(**values, names=names)
