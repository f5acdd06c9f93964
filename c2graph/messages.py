"""The words of every output in each language: one catalogue of the interface's strings.

Reports, comparisons, diagrams and exports take their titles, headings, table headers,
legends, group names and verdicts from here, in English or Japanese (``--lang ja``); names
come from the model (``name_ja``), and stay as written where the model has none.  The
Japanese terms are those of the Ministry of Defense (防衛白書, the Self-Defense Forces Law):
指揮, 作戦統制, 戦術統制, 統制, 事態, 単一障害点.

Example
-------
>>> msg = messages("ja")
>>> msg("report.summary"), msg.relation("opcon"), msg.nation("US")
('要旨', '作戦統制', '米国')
>>> messages(None)("report.summary")
'Summary'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ._messages_en import ENGLISH
from ._messages_ja import JAPANESE
from .decisions import AMOUNT_PATTERN
from .errors import QueryError
from .model import Model

__all__ = ["LANGUAGES", "Messages", "interface", "messages"]

#: The languages of the interface; ``en`` is the default.
LANGUAGES: tuple[str, ...] = ("en", "ja")

_CATALOGUES: dict[str, Mapping[str, str]] = {"en": ENGLISH, "ja": JAPANESE}


@dataclass(frozen=True)
class Messages:
    """The interface's strings in one language, and the names a model gives in it.

    Call it with a key (and the fields its text names) for a string; the other methods
    word the vocabulary (relations, kinds, nations, timings...) and a model's names.
    """

    lang: str
    texts: Mapping[str, str]

    def __call__(self, key: str, /, **fields: object) -> str:
        """Return the text of ``key`` with ``fields`` filled in.

        >>> messages("en")("report.as_of", date="2025")
        'as of 2025'
        """
        return self.texts[key].format(**fields)

    def has(self, key: str) -> bool:
        """True when the catalogue has ``key``.

        >>> messages("en").has("relation.opcon"), messages("en").has("relation.x")
        (True, False)
        """
        return key in self.texts

    @property
    def names(self) -> str | None:
        """The language of model names to show (``None``: the names as written).

        >>> messages("ja").names, messages("en").names
        ('ja', None)
        """
        return None if self.lang == "en" else self.lang

    def join(self, items: Iterable[str]) -> str:
        """Join items as a list: ``a, b`` in English, ``a、b`` in Japanese.

        >>> messages("ja").join(["統合作戦司令部", "陸上総隊"])
        '統合作戦司令部、陸上総隊'
        """
        return self("list.separator").join(items)

    def pair(self, label: str, value: str) -> str:
        """``label: value`` (``label：value`` in Japanese).

        >>> messages("en").pair("a", "b"), messages("ja").pair("a", "b")
        ('a: b', 'a：b')
        """
        return self("text.pair", label=label, value=value)

    def aside(self, text: str, note: str) -> str:
        """``text (note)``; full-width brackets in Japanese (``text（note）``).

        >>> messages("en").aside("JJOC", "command"), messages("ja").aside("統合作戦司令部", "指揮")
        ('JJOC (command)', '統合作戦司令部（指揮）')
        """
        return self("text.aside", text=text, note=note)

    def heading(self, label: str) -> str:
        """``label:`` (``label：`` in Japanese), before a list."""
        return self("text.heading", label=label)

    def word(self, group: str, key: str) -> str:
        """The word for ``key`` in a vocabulary ``group`` (``relation``, ``kind``...), or
        ``key`` itself when the catalogue has none.

        >>> messages("ja").word("approach", "coordinated")
        '調整型'
        """
        return self.texts.get(f"{group}.{key}", key)

    def relation(self, relation: str) -> str:
        """The short name of a relation (``OPCON``; 作戦統制)."""
        return self.word("relation", relation)

    def caption(self, relation: str) -> str:
        """The legend caption of a relation."""
        return self.word("caption", relation)

    def kind(self, kind: str) -> str:
        """The name of a node kind."""
        return self.word("kind", kind)

    def nation(self, nation: str) -> str:
        """The name of a nation or collective group (a country without an entry keeps its
        code)."""
        return self.word("nation", nation)

    def node(self, model: Model, node: str) -> str:
        """A node's short label: its name in this language, else its short name, else its
        name.

        >>> model = _example()
        >>> messages("en").node(model, "jjoc"), messages("ja").node(model, "jjoc")
        ('JJOC', '統合作戦司令部')
        >>> messages("ja").node(model, "gcc")
        'GCC'
        """
        item = model.nodes[node]
        named = dict(item.names).get(self.lang) if self.names else None
        return named or item.short or item.name

    def node_full(self, model: Model, node: str) -> str:
        """A node's full label: ``short (name)`` in English, the name in the language else.

        >>> messages("en").node_full(_example(), "jjoc")
        'JJOC (Joint Operations Command)'
        """
        item = model.nodes[node]
        if self.names and dict(item.names).get(self.lang):
            return dict(item.names)[self.lang]
        if item.short and item.short != item.name:
            return self.aside(item.short, item.name)
        return item.name

    def nodes(self, model: Model, nodes: Iterable[str]) -> str:
        """Short labels of nodes as a list, or a dash for none."""
        return self.join(self.node(model, n) for n in nodes) or "-"

    def phase(self, model: Model, phase: str) -> str:
        """A phase's (or scenario's) name in this language where the model has it."""
        return model.situation(phase).label(self.names)

    def phases(self, model: Model, phases: Iterable[str]) -> str:
        """Phase names as a list; ``all phases`` when they are every phase of the model.

        >>> model = _example()
        >>> messages("en").phases(model, ["p", "q"]), messages("ja").phases(model, ["p", "q"])
        ('all phases', '全ての事態')
        >>> messages("ja").phases(model, ["p"]), messages("ja").phases(model, ["q"])
        ('平時', 'War')
        """
        given = list(dict.fromkeys(phases))
        order = model.phase_ids
        if len(order) > 1 and set(given) >= set(order):
            return self("phases.all")
        missing = [p for p in order if p not in given]
        if len(order) > 2 and len(missing) == 1 and set(given) <= set(order):
            return self("phases.but", phase=self.phase(model, missing[0]))
        places = sorted(order.index(p) for p in given if p in order)
        if len(places) == len(given) >= 3 and places[-1] - places[0] == len(places) - 1:
            first, last = order[places[0]], order[places[-1]]
            return self(
                "phases.range", first=self.phase(model, first), last=self.phase(model, last)
            )
        return self.join(self.phase(model, p) for p in given)

    def chain(self, model: Model, nodes: Iterable[str]) -> str:
        """A chain of command as short labels joined by arrows."""
        return " → ".join(self.node(model, n) for n in nodes)

    def decision(self, model: Model, decision: str) -> str:
        """A decision's name in this language where the model has it."""
        record = model.decisions.get(decision)
        if record is None:
            return decision
        if record.declares is not None and not dict(record.names).get(self.lang):
            return self("decision.declaration", phase=self.phase(model, record.declares))
        return record.label(self.names)

    def amount(self, text: str) -> str:
        """A written time amount (``20 d``, ``48 h``, ``30 min``) in the catalogue's units.

        >>> messages("en").amount("20 d"), messages("ja").amount("48 h")
        ('20 d', '48時間')
        """
        match = AMOUNT_PATTERN.match(text)
        if match is None:
            return text
        return self(f"unit.{match[2]}", amount=match[1])

    def number(self, value: object) -> str:
        """A measured value as text: a float to three decimals (trailing zeros dropped),
        a dash for none, the catalogue's word for a known verdict (``coordinated``).

        >>> messages("en").number(2.0909), messages("en").number(11.0)
        ('2.091', '11')
        """
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.3f}".rstrip("0").rstrip(".")
        text = str(value)
        for group in ("approach", "unity", "level"):
            if self.has(f"{group}.{text}"):
                return self(f"{group}.{text}")
        return text


def messages(lang: str | None = None) -> Messages:
    """Return the catalogue of ``lang`` (``en``, the default, or ``ja``).

    Raises :class:`~c2graph.errors.QueryError` naming the languages for any other.

    >>> messages("fr")
    Traceback (most recent call last):
    c2graph.errors.QueryError: unknown language 'fr'; use one of en, ja
    """
    key = lang or "en"
    if key not in _CATALOGUES:
        raise QueryError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return Messages(key, _CATALOGUES[key])


def interface(lang: str | None) -> Messages:
    """Return the catalogue for names in ``lang``: that language's when the interface has
    it, else English (a chart may show Korean names, ``name_ko``, with English words).

    >>> interface("ja").lang, interface("ko").lang, interface(None).lang
    ('ja', 'en', 'en')
    """
    return messages(lang if lang in _CATALOGUES else None)


def _example() -> Model:
    """A two-node model for the examples."""
    from .modelfile import load_model_data

    return load_model_data(
        {
            "name": "x",
            "as_of": "2025",
            "phases": [
                {"id": "p", "name": "Peacetime", "name_ja": "平時"},
                {"id": "q", "name": "War"},
            ],
            "nodes": [
                {
                    "id": "jjoc",
                    "name": "Joint Operations Command",
                    "short": "JJOC",
                    "name_ja": "統合作戦司令部",
                    "nation": "JP",
                    "kind": "headquarters",
                },
                {
                    "id": "gcc",
                    "name": "Ground Component Command",
                    "short": "GCC",
                    "nation": "JP",
                    "kind": "component",
                },
            ],
        }
    )
