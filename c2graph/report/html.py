"""The HTML writer: one self-contained page (inline CSS and SVG, no script, no fetches).

Every text from a model is escaped (``html.escape``), its control and invisible characters
shown as escapes (:mod:`c2graph.inert`: no raw NUL or ESC reaches the page); the only
links are the sources' ``http``/``https`` URLs, the page's own anchors, the diagrams' SVG
files beside it (a click on a diagram opens it at full size) and the explorer page beside
it. The page says it was written by a report (:data:`MARK`), so that a later report may
replace it.  Folded groups
are ``<details>`` elements; the print stylesheet (:data:`PRINT_CSS`) keeps tables and
figures whole on A4 or Letter pages and drops the screen's colours.

Example
-------
>>> from c2graph.messages import messages
>>> from c2graph.report.document import Heading, Paragraph
>>> page = render_html("T", [Heading(2, "A <b>", "a"), Paragraph("x & y")], {}, messages())
>>> "<h2 id=\\"a\\">A &lt;b&gt;</h2>" in page and "<p>x &amp; y</p>" in page
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape as _html_escape
from urllib.parse import quote as _quote

from ..inert import inert
from ..messages import Messages
from ._draw import LEGIBLE_PT, svg_width
from .document import (
    Block,
    BlockWriter,
    Bullets,
    Details,
    Figure,
    Heading,
    Paragraph,
    SourceList,
    Table,
)

__all__ = ["CSS", "MARK", "PRINT_CSS", "escape", "render_html"]

#: What marks a page as written by a report.
MARK = '<meta name="generator" content="c2graph report">'


def escape(text: str, quote: bool = True) -> str:
    """Escape ``text`` for HTML, with its control and invisible characters as escapes.

    >>> escape("<b>\\x00 & \\x1b[2J")
    '&lt;b&gt;\\\\u0000 &amp; \\\\u001b[2J'
    """
    return _html_escape(inert(text, keep="\n\t"), quote=quote)


CSS = """
body { font-family: "DejaVu Sans", "Noto Sans CJK JP", Arial, sans-serif; margin: 0;
       color: #1d1d1d; background: #fafafa; line-height: 1.45; }
header { background: #1f3f6f; color: white; padding: .8em 2em; }
header h1 { margin: 0 0 .2em 0; font-size: 1.35em; }
nav ul { margin: .3em 0 0 0; padding-left: 1.2em; columns: 3; font-size: .85em; }
nav a { color: #dfe8f6; }
main { padding: 1em 2em 3em 2em; max-width: 1500px; }
h2 { border-bottom: 2px solid #1f3f6f; padding-bottom: .2em; margin-top: 2em; }
h2#summary { margin-top: .6em; }
h3 { color: #1f3f6f; margin-top: 1.6em; }
h4 { margin-bottom: .3em; }
div.table { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .6em 0 1em 0; font-size: .86em; background: white; }
th, td { border: 1px solid #c8c8c8; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #e8edf5; }
tr:nth-child(even) td { background: #f6f8fb; }
figure { margin: 1em 0; background: white; border: 1px solid #ddd; padding: .6em; }
figure .svg { overflow-x: auto; }
figure .svg a { display: block; }
figure .svg svg { max-width: 100%; min-width: var(--legible, 0); height: auto; display: block; }
figure .views { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr));
                gap: .6em; margin-top: .6em; }
figure .views figure { margin: 0; }
figcaption { font-size: .85em; color: #555; margin-top: .4em; }
.missing { color: #a3121b; }
ul.sources li { margin-bottom: .2em; overflow-wrap: anywhere; }
main p, main li { overflow-wrap: break-word; }
.note { color: #555; font-size: .9em; }
details { margin: .5em 0; }
details > summary { cursor: pointer; font-weight: bold; color: #1f3f6f; padding: .2em 0; }
details[open] > summary { margin-bottom: .3em; }
"""

#: Printing: A4 or Letter (the browser's paper), every fold open, no page break inside a
#: table row or a figure, links and colours kept legible in black and white.
PRINT_CSS = """
@page { margin: 14mm 12mm; }
@media print {
  body { background: white; font-size: 9.5pt; line-height: 1.3; }
  header { background: none; color: black; padding: 0 0 .5em 0;
           border-bottom: 2px solid black; }
  header nav { display: none; }
  main { padding: 0; max-width: none; }
  h2 { break-before: page; border-bottom-color: black; }
  h2#summary, h2:first-child { break-before: avoid; }
  h2, h3, h4 { break-after: avoid; color: black; }
  div.table { overflow: visible; }
  table { font-size: 8pt; width: 100%; }
  tr, figure, li { break-inside: avoid; }
  th { background: #eee; }
  tr:nth-child(even) td { background: none; }
  figure { border: none; padding: 0; break-inside: avoid; }
  figure .svg { overflow: visible; }
  figure .svg svg { min-width: 0; max-height: 240mm; }
  details > summary { color: black; list-style: none; }
  details > summary::-webkit-details-marker { display: none; }
  a { color: black; text-decoration: none; }
}
"""


class _Html(BlockWriter):
    """Blocks as HTML; ``svgs`` maps a figure's file name to its SVG text, ready to inline."""

    def __init__(self, svgs: Mapping[str, str], msg: Messages) -> None:
        self.svgs = svgs
        self.msg = msg

    def heading(self, block: Heading) -> str:
        return f'<h{block.level} id="{escape(block.anchor)}">{escape(block.text)}</h{block.level}>'

    def paragraph(self, block: Paragraph) -> str:
        return f"<p>{escape(block.text)}</p>"

    def bullets(self, block: Bullets) -> str:
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"

    def table(self, block: Table) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{'<br>'.join(map(escape, self.lines(c)))}</td>" for c in row)
            + "</tr>"
            for row in block.rows
        )
        return (
            f'<div class="table"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )

    def figure(self, block: Figure) -> str:
        """A diagram no narrower than keeps its names legible (wider ones scroll), a click
        away from its file at full size, with its focused views under it."""
        if block.missing is not None or block.file not in self.svgs:
            reason = block.missing or self.msg("figure.not_drawn")
            text = self.msg("figure.missing", caption=block.caption, reason=reason)
            return f'<p class="missing">{escape(text)}</p>'
        svg = self.svgs[block.file]
        width = svg_width(svg.encode("utf-8"))
        least = f' style="--legible: {width * LEGIBLE_PT / 10:.0f}pt"' if width else ""
        href = escape(_quote(block.file), quote=True)
        views = "".join(self.figure(view) for view in block.views)
        return (
            f'<figure><div class="svg"{least}><a href="{href}" '
            f'title="{escape(self.msg("figure.open"))}">{svg}</a></div>'
            f"<figcaption>{escape(block.caption)} · "
            f'<a href="{href}">{escape(self.msg("figure.full_size"))}</a></figcaption>'
            + (f'<div class="views">{views}</div>' if views else "")
            + "</figure>"
        )

    def sources(self, block: SourceList) -> str:
        items = []
        for source_id, text, link, other in block.entries():
            label = f"[{escape(source_id)}] {escape(text)}"
            if link:
                label += (
                    f' — <a href="{escape(link, quote=True)}" rel="noreferrer">{escape(link)}</a>'
                )
            elif other:
                label += f" — {escape(other)}"
            items.append(f"<li>{label}</li>")
        if not items:
            return f'<p class="note">{escape(self.msg("sources.none"))}</p>'
        return '<ul class="sources">' + "".join(items) + "</ul>"

    def details(self, block: Details) -> str:
        inside = "\n".join(map(self.write, block.blocks))
        opened = " open" if block.open else ""
        return f"<details{opened}><summary>{escape(block.summary)}</summary>\n{inside}\n</details>"


def render_html(
    title: str,
    blocks: Sequence[Block],
    svgs: Mapping[str, str],
    msg: Messages,
    *,
    explorer: str | None = None,
) -> str:
    """Return the page: a header with the contents (level-2 headings), then every block,
    in the language of ``msg`` (the page's ``lang``).

    ``svgs`` maps a figure's file name to its SVG text, ready to inline; ``explorer`` is
    the file name of the explorer page beside the report, linked from the header.

    Examples
    --------
    >>> from c2graph.messages import messages
    >>> from c2graph.report.document import Figure
    >>> page = render_html("T", [Figure("a.svg", "A chart")], {"a.svg": "<svg/>"}, messages())
    >>> '<div class="svg"><a href="a.svg" title="open the diagram at full size"><svg/></a>' in page
    True
    """
    toc = "".join(
        f'<li><a href="#{escape(b.anchor)}">{escape(b.text)}</a></li>'
        for b in blocks
        if isinstance(b, Heading) and b.level == 2
    )
    body = "\n".join(map(_Html(svgs, msg).write, blocks))
    if explorer is not None:
        toc += (
            f'<li><a href="{escape(explorer, quote=True)}">{escape(msg("report.explorer"))}</a>'
            f" {escape(msg('report.explorer_what'))}</li>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{msg.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"{MARK}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}{PRINT_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1><nav><ul>{toc}</ul></nav></header>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
