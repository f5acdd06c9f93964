"""Mermaid flowchart text of a model, for Markdown pages (GitHub, GitLab, wikis).

Every node gets a synthetic id (``n0``, ``n1``, ...) and a quoted label in which every
character that Mermaid or HTML could read as syntax is written as a Mermaid entity code
(``#quot;``, ``#lt;``, ``#35;``, ...), so no name can add a node, a link, a directive or
markup. Nations become subgraphs; authority links are solid arrows labelled with the
relation, coordination-class links dotted arrows.

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
  linkStyle 0 stroke:#444444,stroke-width:1.3px,stroke-dasharray:6 3

References
----------
Mermaid flowchart syntax and entity codes: https://mermaid.js.org/syntax/flowchart.html
"""

from __future__ import annotations

import unicodedata

from ..model import Model
from ..render.style import RELATION_STYLES, nation_order, nation_style
from ..vocabulary import RELATIONS
from ._select import select

__all__ = ["escape_label", "to_mermaid"]

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


def to_mermaid(model: Model, *, phase: str | None = None) -> str:
    """Return a Mermaid ``flowchart TB`` of the model, or of the part holding in ``phase``.

    One node line per model node (ids ``n0``, ``n1``, ... in the order written), inside a
    ``subgraph`` per nation (ordered, captioned and coloured as in the Graphviz diagrams:
    :mod:`c2graph.render.style`); one link line per link in model order; then a
    ``classDef`` per nation and a ``linkStyle`` per relation drawn (colour and width from
    the style table; dashed or dotted authority relations such as TACON keep their dash
    pattern). The same model always gives the same text.

    Examples
    --------
    >>> from c2graph import load_model
    >>> to_mermaid(load_model("models/us-rok-cfc.yaml")).splitlines()[:2]
    ['flowchart TB', '  subgraph g0["Republic of Korea"]']
    """
    selection = select(model, phase)
    nations = nation_order(node.nation for node in selection.nodes)
    written = [n for nation in nations for n in selection.nodes if n.nation == nation]
    ids = {node.id: f"n{index}" for index, node in enumerate(written)}
    every_nation = {node.nation for node in model.nodes.values()}
    lines = ["flowchart TB"]
    for group, nation in enumerate(nations):
        caption = nation_style(nation, every_nation).caption
        lines.append(f'  subgraph g{group}["{escape_label(caption)}"]')
        lines += [
            f'    {ids[n.id]}["{escape_label(n.name)}"]'
            for n in selection.nodes
            if n.nation == nation
        ]
        lines.append("  end")
    by_relation: dict[str, list[str]] = {}
    for index, link in enumerate(selection.links):
        arrow = "-->" if link.is_authority else "-.->"
        label = escape_label(RELATIONS[link.relation].label)
        lines.append(f'  {ids[link.from_node]} {arrow}|"{label}"| {ids[link.to_node]}')
        by_relation.setdefault(link.relation, []).append(str(index))
    for group, nation in enumerate(nations):
        style = nation_style(nation, every_nation)
        members = ",".join(ids[n.id] for n in selection.nodes if n.nation == nation)
        lines.append(
            f"  classDef nation{group} fill:{style.fill},stroke:{style.line},color:#000000"
        )
        lines.append(f"  class {members} nation{group}")
    for relation in RELATIONS:
        if relation in by_relation:
            lines.append(f"  linkStyle {','.join(by_relation[relation])} {_link_style(relation)}")
    return "\n".join(lines) + "\n"


def _link_style(relation: str) -> str:
    style = RELATION_STYLES[relation]
    css = f"stroke:{style.colour},stroke-width:{style.penwidth:g}px"
    if RELATIONS[relation].is_authority and style.line in _DASHES:
        css += f",stroke-dasharray:{_DASHES[style.line]}"
    return css
