r"""DOT text of a model as data, for Graphviz, pydot, networkx and any other DOT reader.

This is the model's graph, not a drawing (``c2graph draw -o chart.dot`` writes the drawing:
synthetic ids, pinned positions, nation clusters, a legend). One DOT node per model node,
named by its model id; one edge per link, named by its key (``key``, quoted as an id,
which Graphviz and networkx read as the edge key); every value of the model as an
attribute: a node's name as ``label`` and its ``nation``, ``kind``, ``phases`` and the
optional ``short``, ``echelon``, ``location``, ``source``, ``confidence``, ``note`` and
``name_xx``; a link's ``relation``, ``class``, ``layer``, ``authority``, ``phases`` and the
optional ``link_id``, ``basis``, ``source``, ``confidence``, ``as_of``, ``note``; the
model's ``model``, ``as_of``, ``phases`` (and ``phase``) as graph attributes. No styling,
no legend, no positions: ``dot -Tsvg`` lays it out plainly.

Quoting. Every id and value is a double-quoted DOT string, so no keyword, operator or
bracket in it is read as syntax. In an id only ``"`` is escaped (``\"``), which is all the
DOT grammar unescapes, so Graphviz reads the id back exactly; an id whose backslashes DOT
cannot carry (an odd run of them before a ``"`` or at the end, which the grammar would read
as an escaped quote), or that starts with ``%`` (Graphviz's mark of an anonymous node,
whose name it drops), is refused. Values are written in Graphviz's escString form: a
backslash is doubled, ``"`` is ``\"``, a line feed ``\n`` and a carriage return ``\r``;
``dot`` draws the label as written (``\N`` stays two characters) and a reader that
unescapes these four gets the model's text back. NUL and lone surrogates cannot be written.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": 'hq"1', "name": "HQ \\N", "nation": "JP", "kind": "headquarters"}]})
>>> print(to_dot(model), end="")
digraph c2graph {
  graph [model="x", as_of="2025", phases="p"];
  "hq\"1" [label="HQ \\N", nation="JP", kind="headquarters", phases="p"];
}

References
----------
The DOT language (quoted strings; the edge attribute ``key``) and escString:
https://graphviz.org/doc/info/lang.html, https://graphviz.org/docs/attr-types/escString/
"""

from __future__ import annotations

import re

from ..errors import RenderError
from ..model import Model
from ._select import check_dot_text, link_values, node_values, select

__all__ = ["dot_id", "escape_value", "to_dot"]

# A run of backslashes followed by a double quote or by the end of the id.
_BACKSLASHES_BEFORE_QUOTE = re.compile(r'(\\+)(?="|$)')
_VALUE_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def dot_id(node_id: str, what: str = "node id", item: str = "node") -> str:
    r"""Return a node id (or an edge key) as a quoted DOT id that Graphviz reads back as
    exactly ``node_id``.

    Raises
    ------
    RenderError
        The id has an odd run of backslashes before a ``"`` or at its end, which no DOT
        quoted string can carry, or it starts with ``%``, which Graphviz reserves for
        anonymous objects (it would not keep the name); ``what`` and ``item`` name it in
        the message.

    Examples
    --------
    >>> print(dot_id('a"b'), dot_id("C:\\x"), dot_id("node"))
    "a\"b" "C:\x" "node"
    >>> dot_id("x\\")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    c2graph.errors.RenderError: dot: node id 'x\\' has a backslash before a quote or at its end, ...
    """
    check_dot_text(f"a {what}", node_id)
    if node_id.startswith("%"):
        raise RenderError(
            f"dot: {what} {node_id!r} starts with '%', which Graphviz reserves for "
            f"anonymous objects; rename the {item} to export this format"
        )
    for run in _BACKSLASHES_BEFORE_QUOTE.finditer(node_id):
        if len(run.group(1)) % 2:
            raise RenderError(
                f"dot: {what} {node_id!r} has a backslash before a quote or at its end, "
                f"which a DOT id cannot carry; rename the {item} to export this format"
            )
    return '"' + node_id.replace('"', '\\"') + '"'


def escape_value(text: str) -> str:
    r"""Return ``text`` as a quoted DOT string in escString form (see the module docstring).

    Examples
    --------
    >>> print(escape_value('say "hi"\\n\nnext'))
    "say \"hi\"\\n\nnext"
    """
    return '"' + text.translate(_VALUE_ESCAPES) + '"'


def _attributes(where: str, values: dict[str, str | bool]) -> str:
    """``name="value", ...``; the edge ``key``, which Graphviz reads as the edge's name, is
    quoted as an id, every other value in escString form."""
    parts = []
    for key, value in values.items():
        text = ("true" if value else "false") if isinstance(value, bool) else value
        if key == "key":
            parts.append(f"key={dot_id(text, 'link key', 'link')}")
        else:
            parts.append(f"{key}={escape_value(check_dot_text(f'{where} → {key}', text))}")
    return ", ".join(parts)


def to_dot(model: Model, *, phase: str | None = None, lang: str | None = None) -> str:
    """Return the model (or the part holding in ``phase``) as a DOT data graph.

    Nodes and edges are written in model order, attributes in a fixed order, so the same
    model always gives the same text.

    Raises
    ------
    QueryError
        ``phase`` is not a phase of the model.
    RenderError
        An id or a value DOT cannot carry (see :func:`dot_id`).

    Examples
    --------
    >>> from c2graph import load_model
    >>> text = to_dot(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> '"al-cfc" -> "kr-forces" [key="wartime-opcon-rok", relation="opcon",' in text
    True
    """
    selection = select(model, phase)
    graph: dict[str, str | bool] = {
        "model": model.name,
        "as_of": model.as_of,
        "phases": ",".join(model.phase_ids),
    }
    if phase is not None:
        graph["phase"] = phase
    lines = ["digraph c2graph {", f"  graph [{_attributes('the model', graph)}];"]
    for node in selection.nodes:
        values: dict[str, str | bool] = dict(node_values(model, node))
        values = {"label": node.label(lang), **values}
        del values["name"]
        attributes = _attributes(f"node {node.id!r}", values)
        lines.append(f"  {dot_id(node.id)} [{attributes}];")
    for link in selection.links:
        attributes = _attributes(f"link {link.key!r}", link_values(model, link))
        lines.append(f"  {dot_id(link.from_node)} -> {dot_id(link.to_node)} [{attributes}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
