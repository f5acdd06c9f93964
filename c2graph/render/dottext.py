"""DOT text of a drawn chart, written directly: a digraph's attributes, its defaults, then
its nodes and links in the order they were added.

Every value is quoted only where DOT needs it, by the rules pydot 2 and later use
(``pydot.core.quote_attr_if_necessary``), so the text is the one ``pydot.Dot.to_string``
writes for the same graph, at a fraction of the time and without importing pydot. Ids
must be plain DOT ids (a letter or ``_``, then letters, digits and ``_``): the renderer's
ids are synthetic (``n0``, ``p1e3``...), never a name from a model.

Example
-------
>>> graph = DotGraph("c2", layout="nop2")
>>> graph.set_defaults("node", fontname="DejaVu Sans", fontsize="11")
>>> graph.add_node("n0", label="<<B>HQ</B>>", pos="10.00,20.00")
>>> graph.add_edge("n0", "n1", color="#111111", style="")
>>> print(graph.to_string(), end="")
digraph c2 {
layout=nop2;
node [fontname="DejaVu Sans", fontsize=11];
n0 [label=<<B>HQ</B>>, pos="10.00,20.00"];
n0 -> n1 [color="#111111", style=""];
}

References
----------
pydot, ``pydot/core.py``: ``quote_attr_if_necessary``, ``any_needs_quotes`` and
``make_quoted`` (https://github.com/pydot/pydot); the DOT language
(https://graphviz.org/doc/info/lang.html).
"""

from __future__ import annotations

import re

__all__ = ["DotGraph", "quote_value"]

_KEYWORDS = frozenset({"graph", "subgraph", "digraph", "node", "edge", "strict"})
_NUMERIC = re.compile(r"^([0-9]+\.?[0-9]*|[0-9]*\.[0-9]+)$")
_QUOTED = re.compile(r'^".*"$', re.S)
_HTML = re.compile(r"^<.*>$", re.S)
_ID = re.compile(r"[_a-zA-Z][a-zA-Z0-9_]*")
_ESCAPES = str.maketrans({'"': r"\"", "\n": r"\n", "\r": r"\r"})


def quote_value(value: str) -> str:
    """An attribute value as DOT text: bare when DOT reads it so (a number, a plain word,
    an HTML-like label, a quoted string), else in double quotes with ``"`` and line
    breaks escaped.

    Examples
    --------
    >>> [quote_value(v) for v in ("0.7", "solid", "#111111", "", "<<B>x</B>>", "node")]
    ['0.7', 'solid', '"#111111"', '""', '<<B>x</B>>', '"node"']
    >>> quote_value('say "hi"'), quote_value("2x"), quote_value("12"), quote_value("日本")
    ('"say \\\\"hi\\\\""', '"2x"', '12', '日本')
    """
    if value == "":
        return '""'
    if value.lower() in _KEYWORDS:
        return _quoted(value)
    if value.isdigit():
        return value
    if value.isalnum():
        return _quoted(value) if value[0].isdigit() else value
    if _QUOTED.match(value) or _HTML.match(value):
        return value
    if not value.isascii() or "\0" in value or not _NUMERIC.match(value):
        return _quoted(value)
    return value


def _quoted(value: str) -> str:
    return f'"{value.translate(_ESCAPES)}"'


def _statement(head: str, attrs: dict[str, str]) -> str:
    if not attrs:
        return f"{head};"
    return f"{head} [{', '.join(f'{k}={quote_value(v)}' for k, v in attrs.items())}];"


def _plain_id(name: str) -> str:
    if not _ID.fullmatch(name) or name.lower() in _KEYWORDS:
        raise ValueError(f"not a plain DOT id: {name!r}")
    return name


class DotGraph:
    """A directed graph to be written as DOT text: its name and attributes, then its
    default, node and link statements in order."""

    def __init__(self, name: str, **attrs: str) -> None:
        self.name = _plain_id(name)
        self.attrs = dict(attrs)
        self.statements: list[str] = []
        self.nodes: dict[str, dict[str, str]] = {}

    def set(self, key: str, value: str) -> None:
        """Set a graph attribute (written before every statement)."""
        self.attrs[key] = value

    def get(self, key: str) -> str | None:
        """A graph attribute, or ``None``."""
        return self.attrs.get(key)

    def set_defaults(self, kind: str, **attrs: str) -> None:
        """Add a default statement for ``kind``: ``graph``, ``node`` or ``edge``."""
        if kind not in ("graph", "node", "edge"):
            raise ValueError(f"no defaults for {kind!r}: graph, node or edge")
        self.statements.append(_statement(kind, attrs))

    def add_node(self, name: str, **attrs: str) -> None:
        """Add a node statement."""
        self.nodes[name] = attrs
        self.statements.append(_statement(_plain_id(name), attrs))

    def add_edge(self, tail: str, head: str, **attrs: str) -> None:
        """Add a link statement from ``tail`` to ``head``."""
        self.statements.append(_statement(f"{_plain_id(tail)} -> {_plain_id(head)}", attrs))

    def to_string(self) -> str:
        """The DOT text, ending with a newline."""
        lines = [f"digraph {self.name} {{"]
        lines += [f"{k}={quote_value(v)};" for k, v in self.attrs.items()]
        lines += self.statements
        return "\n".join(lines) + "\n}\n"
