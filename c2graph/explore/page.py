"""The explorer page: one HTML file holding the charts, the data and the script, no fetches.

The page is a header (model switcher, chain layer, search), the phase tabs, the chart and a
side panel.  Each model's chart is inlined as SVG (ids prefixed ``m0-``, ``m1-``, ...);
the data is one ``application/json`` script, in which ``<``, ``>`` and ``&`` are written as
JSON escapes, so no model text can close the script or open markup; the page's own script
and style follow.  Nothing is loaded from anywhere, so it works from ``file://``.

Example
-------
>>> page = render_page({"models": []}, [])
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


def _keys() -> str:
    rows = "".join(
        "<tr><td>"
        + " ".join(f"<kbd>{escape(key_label(key))}</kbd>" for key in shortcut.keys)
        + f"</td><td>{escape(shortcut.text)}</td></tr>"
        for shortcut in SHORTCUTS
    )
    return f'<section id="keys"><h2>Keyboard</h2><table>{rows}</table></section>'


def _drawings(drawings: Sequence[Drawing]) -> str:
    return "\n".join(
        f'<div class="drawing" id="drawing-{i}"{" hidden" if i else ""}>'
        f"{inline_svg(drawing.svg, f'm{i}')}</div>"
        for i, drawing in enumerate(drawings)
    )


def render_page(data: dict[str, Any], drawings: Sequence[Drawing]) -> str:
    """Return the page for ``data`` (:func:`~c2graph.explore.data.page_data`) and the
    models' charts, in the same order."""
    stems = ", ".join(entry["id"] for entry in data["models"])
    title = f"c2graph explorer: {stems}" if stems else "c2graph explorer"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{MARK}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_asset('explore.css')}</style>\n"
        "</head>\n<body>\n<header>\n"
        f'<h1 id="title">{escape(title)}</h1>\n'
        '<label>Model <select id="model"></select></label>\n'
        '<label>Chains in <select id="layer"></select> layer</label>\n'
        '<div id="finder"><input id="search" type="search" autocomplete="off" '
        'placeholder="Search id or name (English, 日本語)" aria-label="Search nodes">'
        '<ul id="results"></ul></div>\n</header>\n'
        '<nav id="phases" aria-label="Phases and scenarios"></nav>\n'
        '<main>\n<section id="chart">\n'
        "<noscript><p>The explorer needs JavaScript; the chart shows every phase at once."
        "</p></noscript>\n"
        f"{_drawings(drawings)}\n"
        '<div id="zoom"><button type="button" id="zoom-in" title="zoom in (+)">+</button>'
        '<button type="button" id="zoom-out" title="zoom out (-)">−</button>'
        '<button type="button" id="zoom-fit" title="fit (0)">⤢</button></div>\n'
        '</section>\n<aside id="panel">\n'
        '<section id="details"></section>\n<section id="change"></section>\n'
        '<section id="diff" hidden></section>\n<section id="filters"></section>\n'
        f"{_keys()}\n"
        f'<p class="note">Made by c2graph {escape(str(data.get("version", "")))}.</p>\n'
        "</aside>\n</main>\n"
        f'<script type="application/json" id="c2-data">{json_script(data)}</script>\n'
        f"<script>\n{_asset('explore.js')}</script>\n</body>\n</html>\n"
    )
