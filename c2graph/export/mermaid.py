"""Mermaid flowchart text of a model, for Markdown pages (GitHub, GitLab, wikis).

Every node gets a synthetic id (``n0``, ``n1``, ...) and a quoted label in which every
character that Mermaid or HTML could read as syntax is written as a Mermaid entity code
(``#quot;``, ``#lt;``, ``#35;``, ...), so no name can add a node, a link, a directive or
markup. Nations become subgraphs in the nation's colours; authority links are solid arrows
labelled with the relation, coordination-class links dotted arrows; over every phase, an
arrow that holds in only some phases names them by number (``OPCON · 5–6``) and a
``Phases`` node says which phase each number is.

Mermaid renderers refuse, by default, diagrams of more than 50,000 characters or 500
links (``maxTextSize``, ``maxEdges``): for large models export one phase at a time.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "a", "name": 'HQ "A"', "nation": "JP", "kind": "headquarters"},
...     {"id": "b", "name": "end", "nation": "JP", "kind": "unit"}], "links": [
...     {"from": "a", "to": "b", "relation": "tacon"}]})
>>> print(to_mermaid(model), end="")
flowchart TB
  subgraph g0["Japan"]
    n0["HQ #quot;A#quot;"]
    n1["end"]
  end
  n0 -->|"TACON"| n1
  classDef nation0 fill:#fbe4e4,stroke:#a3121b,color:#000000
  class n0,n1 nation0
  style g0 fill:#fdf4f4,stroke:#a3121b,color:#a3121b
  linkStyle 0 stroke:#444444,stroke-width:1.3px,stroke-dasharray:6 3

References
----------
Mermaid flowchart syntax and entity codes: https://mermaid.js.org/syntax/flowchart.html
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..messages import interface
from ..model import Link, Model, Node
from ..render.style import RELATION_STYLES, nation_order, nation_style
from ..vocabulary import AUTHORITY_RELATIONS, RELATIONS
from ._select import select

__all__ = ["escape_label", "phase_mark", "to_mermaid"]

# ASCII characters written as they are; every other ASCII character becomes an entity.
_PLAIN_ASCII = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_()/'+?!"
)
_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
# Dash patterns of authority lines that are not solid (coordination arrows are dotted).
_DASHES = {"dashed": "6 3", "dotted": "2 3"}
# Unicode categories written as numeric entities: controls, format characters (such as
# bidirectional overrides), surrogates, private use, unassigned, line/paragraph separators.
_ENTITY_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def escape_label(text: str) -> str:
    """Return ``text`` as the inside of a quoted Mermaid label that shows it literally.

    Line breaks become ``<br>``; quotes, ``<``, ``>`` and ``&`` become named entity codes;
    other ASCII punctuation (``#``, ``%``, ``:``, ``;``, ``$``, ``@``, brackets, braces,
    pipes, backslash, backtick) and invisible or control characters become numeric entity
    codes. Letters, digits and non-ASCII text such as Japanese stay as written.

    >>> escape_label('<script>alert("x")</script>')
    '#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt;'
    >>> escape_label("A|B] end%%{init}")
    'A#124;B#93; end#37;#37;#123;init#125;'
    """
    out: list[str] = []
    for line_index, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if line_index:
            out.append("<br>")
        for char in line:
            if char in _PLAIN_ASCII:
                out.append(char)
            elif char in _NAMED:
                out.append(_NAMED[char])
            elif char.isascii() or unicodedata.category(char) in _ENTITY_CATEGORIES:
                out.append(f"#{ord(char)};")
            else:
                out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class _Arrow:
    """One arrow of the chart: every link with the same ends and relation."""

    tail: str
    head: str
    relation: str
    phases: frozenset[str]


def _arrows(links: tuple[Link, ...]) -> list[_Arrow]:
    """Merge links with the same ends and relation (a relation whose legal basis changes
    from phase to phase is one link per phase) into one arrow, in model order."""
    merged: dict[tuple[str, str, str], frozenset[str]] = {}
    for link in links:
        merged[link.ends] = merged.get(link.ends, frozenset()) | link.phases
    return [
        _Arrow(tail, head, relation, phases) for (tail, head, relation), phases in merged.items()
    ]


def phase_mark(model: Model, phases: frozenset[str]) -> str:
    """Return the numbers of a set of situations as runs: ``2–4``, ``1, 3``.

    Situation *n* is the model's *n*-th: its phases in order (1 = the first phase), then the
    other nations' phases, then its scenarios.

    >>> from c2graph import load_model
    >>> model = load_model("models/us-japan-2025.yaml")
    >>> phase_mark(model, frozenset({"gray-zone", "important-influence", "armed-attack"}))
    '2–3, 6'
    >>> phase_mark(model, frozenset({"armed-attack", "remote-island-attack"}))
    '6, 11'
    """
    runs: list[list[int]] = []
    numbers = (n for n, situation in enumerate(model.situations, 1) if situation in phases)
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def to_mermaid(model: Model, *, phase: str | None = None, lang: str | None = None) -> str:
    """Return a Mermaid ``flowchart TB`` of the model, or of the part holding in ``phase``.

    One node line per model node (ids ``n0``, ``n1``, ... in the order written), inside a
    ``subgraph`` per nation (ordered, captioned and coloured as in the Graphviz diagrams:
    :mod:`c2graph.render.style`, the cluster filled and outlined in the nation's colours);
    then one arrow per pair of ends and relation, labelled with the relation. Without
    ``phase``, links that differ only in their phases share one arrow, and an arrow that
    does not hold in every situation names those it holds in by number (``OPCON · 5–6``,
    see :func:`phase_mark`), with a ``Phases`` node giving each number's phase or
    scenario. Then a ``classDef`` per nation and a ``linkStyle`` per relation drawn
    (colour and width from the style table; dashed or dotted authority relations such as
    TACON keep their dash pattern). The same model always gives the same text. With
    ``lang`` (``ja``), names are those the model gives in it and every caption and label is
    in that language (:func:`c2graph.messages.interface`).

    Examples
    --------
    >>> from c2graph import load_model
    >>> to_mermaid(load_model("models/us-rok-cfc.yaml")).splitlines()[:2]
    ['flowchart TB', '  subgraph g0["Republic of Korea"]']
    >>> to_mermaid(load_model("models/us-rok-cfc.yaml"), lang="ja").splitlines()[1]
    '  subgraph g0["韓国"]'
    """
    msg = interface(lang)
    selection = select(model, phase)
    nations = nation_order(node.nation for node in selection.nodes)
    written = [n for nation in nations for n in selection.nodes if n.nation == nation]
    ids = {node.id: f"n{index}" for index, node in enumerate(written)}
    every_nation = {node.nation for node in model.nodes.values()}
    lines = ["flowchart TB"]
    for group, nation in enumerate(nations):
        caption = (
            msg.nation(nation)
            if msg.has(f"nation.{nation}")
            else (nation_style(nation, every_nation).caption)
        )
        lines.append(f'  subgraph g{group}["{escape_label(caption)}"]')
        lines += [
            f'    {ids[n.id]}["{escape_label(n.label(lang))}"]'
            for n in written
            if n.nation == nation
        ]
        lines.append("  end")
    arrows = _arrows(selection.links)
    every = frozenset(model.situations)
    by_relation: dict[str, list[str]] = {}
    for index, arrow in enumerate(arrows):
        label = msg.relation(arrow.relation)
        if phase is None and arrow.phases != every:
            label += f" · {phase_mark(model, arrow.phases)}"
        line = "-->" if arrow.relation in AUTHORITY_RELATIONS else "-.->"
        lines.append(f'  {ids[arrow.tail]} {line}|"{escape_label(label)}"| {ids[arrow.head]}')
        by_relation.setdefault(arrow.relation, []).append(str(index))
    if phase is None and any(arrow.phases != every for arrow in arrows):
        lines += _legend(model, lang)
    lines += _styles(nations, every_nation, ids, written)
    for relation in RELATIONS:
        if relation in by_relation:
            lines.append(f"  linkStyle {','.join(by_relation[relation])} {_link_style(relation)}")
    return "\n".join(lines) + "\n"


def _legend(model: Model, lang: str | None) -> list[str]:
    """The ``Phases`` node naming the situation of each number used in the arrows' marks."""
    entries = "<br>".join(
        escape_label(f"{number} {situation.label(lang)}")
        for number, situation in enumerate(model.situations.values(), 1)
    )
    title = interface(lang)("export.phases")
    return [
        f'  phases["{escape_label(title)}<br>{entries}"]',
        "  classDef legend fill:#ffffff,stroke:#999999,color:#000000",
        "  class phases legend",
    ]


def _styles(
    nations: Sequence[str], every_nation: set[str], ids: dict[str, str], written: list[Node]
) -> list[str]:
    """A node class per nation and the colours of its subgraph (not Mermaid's yellow)."""
    lines = []
    for group, nation in enumerate(nations):
        style = nation_style(nation, every_nation)
        members = ",".join(ids[n.id] for n in written if n.nation == nation)
        lines.append(
            f"  classDef nation{group} fill:{style.fill},stroke:{style.line},color:#000000"
        )
        lines.append(f"  class {members} nation{group}")
        lines.append(
            f"  style g{group} fill:{style.cluster},stroke:{style.line},color:{style.line}"
        )
    return lines


def _link_style(relation: str) -> str:
    style = RELATION_STYLES[relation]
    css = f"stroke:{style.colour},stroke-width:{style.penwidth:g}px"
    if RELATIONS[relation].is_authority and style.line in _DASHES:
        css += f",stroke-dasharray:{_DASHES[style.line]}"
    return css
