"""How models and results show themselves: a short ``repr``, and HTML and SVG in Jupyter.

A :class:`~c2graph.model.Model` shows as a table of its phases and its chart (the first
phase, drawn by :func:`c2graph.render.render_bytes`); every result record of the analyses
and comparisons (a :class:`Displayable`) as an HTML table of its ``to_dict()``, the same
data ``--json`` prints. Nothing here writes a file or changes a model.

Example
-------
>>> from c2graph import load_model
>>> model = load_model("models/us-rok-cfc.yaml")
>>> model
<Model 'US–ROK Combined Forces Command (comparator)' as of 2019-01: 14 nodes, 22 links, 2 phases>
>>> from c2graph.analysis import authority_paths
>>> result = authority_paths(model, "kr-forces", phase="wartime")
>>> result._repr_html_().startswith("<div><strong>PathResult</strong>")
True
"""

from __future__ import annotations

import dataclasses
import html
import inspect
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from .model import Model

__all__ = ["Displayable", "html_table", "model_html", "model_repr", "model_svg", "short_repr"]

#: The longest ``repr`` a result keeps in full; longer ones list their fields briefly.
REPR_LIMIT = 200
_ROWS = 100  # rows of a list shown before "... more"
_SVG: WeakKeyDictionary[Model, str | None] = WeakKeyDictionary()


def short_repr(record: Any) -> str:
    """Return a dataclass record's usual ``repr`` when short, else its fields in brief.

    In brief, text and numbers are shown (text cut at 40 characters), collections by
    their length and other values by their type.

    >>> from c2graph.analysis import Span
    >>> short_repr(Span("hq", 3))
    "Span(node='hq', span=3)"
    >>> from c2graph.model import Source
    >>> short_repr(Source("s", "t" * 300))
    "Source(id='s', title='tttttttttttttttttttttttttttttttttttttttt…', url=None, publisher=None, \
date=None, note=None)"
    """
    fields = [f for f in dataclasses.fields(record) if f.repr]
    full = ", ".join(f"{f.name}={getattr(record, f.name)!r}" for f in fields)
    name = type(record).__name__
    if len(full) + len(name) + 2 <= REPR_LIMIT:
        return f"{name}({full})"
    return f"{name}({', '.join(f'{f.name}={_brief(getattr(record, f.name))}' for f in fields)})"


def _brief(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if value is None or isinstance(value, int | float | bool):
        return repr(value)
    if isinstance(value, tuple | list | set | frozenset | Mapping):
        return f"<{len(value)} items>"
    return f"<{type(value).__name__}>"


def html_table(title: str, data: Any) -> str:
    """Return ``data`` (plain dicts, lists and values) as an HTML block headed ``title``.

    A mapping becomes a two-column table, a list of mappings with the same keys a table
    with one row each (the first 100), other lists comma-separated values; every text is
    escaped.

    >>> html_table("Span", {"node": "<hq>"})
    '<div><strong>Span</strong><table><tr><th>node</th><td>&lt;hq&gt;</td></tr></table></div>'
    >>> print(html_table("P", [{"to": "a", "via": ["b", "c"]}]).replace("<tr>", "\\n<tr>"))
    <div><strong>P</strong><table>
    <tr><th>to</th><th>via</th></tr>
    <tr><td>a</td><td>b, c</td></tr></table></div>
    """
    return f"<div><strong>{html.escape(title)}</strong>{_html(data)}</div>"


def _html(data: Any) -> str:
    if isinstance(data, Mapping):
        rows = "".join(
            f"<tr><th>{html.escape(str(key))}</th><td>{_html(value)}</td></tr>"
            for key, value in data.items()
        )
        return f"<table>{rows}</table>"
    if isinstance(data, list | tuple):
        return _html_list(list(data))
    return html.escape("" if data is None else str(data))


def _html_list(items: list[Any]) -> str:
    more = f"<p>… {len(items) - _ROWS} more</p>" if len(items) > _ROWS else ""
    shown = items[:_ROWS]
    keys = list(shown[0]) if shown and isinstance(shown[0], Mapping) else None
    if keys and all(isinstance(item, Mapping) and list(item) == keys for item in shown):
        head = "".join(f"<th>{html.escape(str(key))}</th>" for key in keys)
        body = "".join(
            "<tr>" + "".join(f"<td>{_html(item[key])}</td>" for key in keys) + "</tr>"
            for item in shown
        )
        return f"<table><tr>{head}</tr>{body}</table>{more}"
    if all(not isinstance(item, Mapping | list | tuple) for item in shown):
        return html.escape(", ".join("" if item is None else str(item) for item in shown)) + more
    return "".join(_html(item) for item in shown) + more


class Displayable:
    """Base of the result records: a short ``repr`` and an HTML table in Jupyter.

    Subclasses are frozen dataclasses with ``to_dict()``. The short ``repr``
    (:func:`short_repr`) is set on each subclass as it is created, so that ``@dataclass``,
    which keeps a ``__repr__`` the class already has, does not write its own.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__repr__ = short_repr  # type: ignore[method-assign]

    if TYPE_CHECKING:
        to_dict: Callable[..., dict[str, Any]]

    def display_data(self) -> Any:
        """The data the HTML shows: ``to_dict()``, or, when ``to_dict`` needs arguments
        (a latency span needs to know if its start is a real instant), the record's fields.

        >>> from c2graph.analysis import Span
        >>> Span("hq", 3).display_data()
        {'node': 'hq', 'span': 3}
        """
        needed = [
            p for p in inspect.signature(self.to_dict).parameters.values() if p.default is p.empty
        ]
        if not needed:
            return self.to_dict()
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return html_table(type(self).__name__, self.display_data())


def _plain(value: Any) -> Any:
    if isinstance(value, Displayable):
        return value.display_data()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def model_repr(model: Model) -> str:
    """Return ``<Model 'name' as of date: N nodes, M links, P phases>``.

    >>> from c2graph import load_model
    >>> model_repr(load_model("models/us-japan-2025.yaml")).endswith(
    ...     "as of 2025-10-29: 50 nodes, 129 links, 6 phases>")
    True
    """
    return (
        f"<Model {model.name!r} as of {model.as_of}: {len(model.nodes)} nodes, "
        f"{len(model.links)} links, {len(model.phases)} phases>"
    )


def model_svg(model: Model) -> str | None:
    """Return the model's chart (its first phase) as SVG text, drawn once per model.

    None when it cannot be drawn (the renderer's error then shows in :func:`model_html`).

    >>> from c2graph import load_model
    >>> model_svg(load_model("models/us-rok-cfc.yaml")).lstrip().startswith("<")
    True
    """
    if model not in _SVG:
        from .errors import C2GraphError
        from .render import render_bytes

        try:
            _SVG[model] = render_bytes(model, "svg").decode("utf-8")
        except C2GraphError:
            _SVG[model] = None
    return _SVG[model]


def model_html(model: Model) -> str:
    """Return the model as HTML: its name and date, its phases with what holds in each,
    and its chart.

    >>> from c2graph import load_model
    >>> text = model_html(load_model("models/us-rok-cfc.yaml"))
    >>> "<td>wartime</td><td>Wartime (hostilities)</td><td>14</td><td>20</td>" in text
    True
    """
    from .render.svginline import inline_svg

    rows = [
        {
            "phase": phase.id,
            "name": phase.name,
            "nodes": sum(1 for n in model.nodes.values() if phase.id in n.phases),
            "links": sum(1 for _ in model.links_in(phase.id)),
        }
        for phase in model.phases
    ]
    title = html.escape(f"{model.name} (as of {model.as_of})")
    svg = model_svg(model)
    chart = inline_svg(svg, f"c2m{id(model):x}") if svg else "<p>(no chart could be drawn)</p>"
    return f"<div><strong>{title}</strong>{_html(rows)}{chart}</div>"
