"""The explorer page: one HTML file holding the charts, the data and the script, no fetches.

The page is a header (model switcher, chain layer, search), the phase tabs, the chart and a
side panel.  Each model's chart is inlined as SVG (ids prefixed ``m0-``, ``m1-``, ...);
the data is one ``application/json`` script, in which ``<``, ``>`` and ``&`` are written as
JSON escapes, so no model text can close the script or open markup; the page's own script
and style follow.  Nothing is loaded from anywhere, so it works from ``file://``.

Example
-------
>>> from c2graph.explore.data import page_data
>>> page = render_page(page_data([], []), [])
>>> page.startswith("<!DOCTYPE html>"), page.count("<script")
(True, 2)
>>> json_script({"name": "</script><b>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from importlib.resources import files
from typing import Any

from ..render.svginline import inline_svg
from .drawing import Drawing
from .keys import SHORTCUTS, key_label

__all__ = ["MARK", "json_script", "render_page"]

#: What the page's head says it was written by, so that a later report may replace it.
MARK = '<meta name="generator" content="c2graph explore">'

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_script(data: Any) -> str:
    """Return ``data`` as JSON text safe inside a ``<script>`` element: compact, UTF-8,
    with ``<``, ``>``, ``&`` and the JavaScript line separators as escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_ESCAPES.get(char, char) for char in text)


def _asset(name: str) -> str:
    text = files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"the page asset {name} would close its element")
    return text


def _keys(ui: dict[str, str]) -> str:
    rows = "".join(
        "<tr><td>"
        + " ".join(f"<kbd>{escape(key_label(key))}</kbd>" for key in shortcut.keys)
        + f"</td><td>{escape(ui[f'key.{shortcut.action}'])}</td></tr>"
        for shortcut in SHORTCUTS
    )
    return f'<section id="keys"><h2>{escape(ui["keyboard"])}</h2><table>{rows}</table></section>'


def _drawings(drawings: Sequence[Drawing]) -> str:
    return "\n".join(
        f'<div class="drawing" id="drawing-{i}"{" hidden" if i else ""}>'
        f"{inline_svg(drawing.svg, f'm{i}')}</div>"
        for i, drawing in enumerate(drawings)
    )


def _text(ui: dict[str, str], key: str, **fields: str) -> str:
    """The page's string ``key`` with ``fields`` filled in, escaped for HTML text."""
    return escape(ui[key].format(**fields), quote=True)


def _header(ui: dict[str, str], title: str) -> str:
    before, _, after = ui["chains_in"].partition("{layer}")
    return (
        "<header>\n"
        f'<h1 id="title">{escape(title)}</h1>\n'
        f'<label>{_text(ui, "model")} <select id="model"></select></label>\n'
        f'<label>{escape(before)}<select id="layer"></select>{escape(after)}</label>\n'
        '<div id="finder"><input id="search" type="search" autocomplete="off" '
        f'placeholder="{_text(ui, "search")}" aria-label="{_text(ui, "search.label")}">'
        '<ul id="results"></ul></div>\n</header>\n'
        f'<nav id="phases" aria-label="{_text(ui, "phases.label")}"></nav>\n'
    )


def _chart(ui: dict[str, str], drawings: Sequence[Drawing]) -> str:
    return (
        '<section id="chart">\n'
        f"<noscript><p>{_text(ui, 'noscript')}</p></noscript>\n"
        f"{_drawings(drawings)}\n"
        f'<div id="zoom"><button type="button" id="zoom-in" title="{_text(ui, "zoom.in")}">'
        "+</button>"
        f'<button type="button" id="zoom-out" title="{_text(ui, "zoom.out")}">−</button>'
        f'<button type="button" id="zoom-fit" title="{_text(ui, "zoom.fit")}">⤢</button>'
        "</div>\n</section>\n"
    )


def render_page(data: dict[str, Any], drawings: Sequence[Drawing]) -> str:
    """Return the page for ``data`` (:func:`~c2graph.explore.data.page_data`) and the
    models' charts, in the same order; its frame speaks the language of ``data["ui"]``
    (``<html lang>`` is ``data["lang"]``)."""
    ui = data["ui"]
    stems = ", ".join(entry["id"] for entry in data["models"])
    title = ui["title"].format(models=stems) if stems else ui["title.none"]
    version = str(data.get("version", ""))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(data["lang"])}">\n<head>\n<meta charset="utf-8">\n'
        f"{MARK}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_asset('explore.css')}</style>\n"
        "</head>\n<body>\n"
        f"{_header(ui, title)}"
        "<main>\n"
        f"{_chart(ui, drawings)}"
        '<aside id="panel">\n'
        '<section id="details"></section>\n<section id="change"></section>\n'
        '<section id="diff" hidden></section>\n<section id="filters"></section>\n'
        f"{_keys(ui)}\n"
        f'<p class="note">{_text(ui, "made_by", version=version)}</p>\n'
        "</aside>\n</main>\n"
        f'<script type="application/json" id="c2-data">{json_script(data)}</script>\n'
        f"<script>\n{_asset('explore.js')}</script>\n</body>\n</html>\n"
    )
