"""The Markdown writer: the same blocks as the HTML page, diagrams as SVG files beside it.

Text from a model is escaped so that it shows literally, on one line: ``&``, ``<`` and
``>`` become entities, Markdown's own marks (``\\ ` * _ ~ [ ] | #``) are backslash-escaped,
and control and invisible characters are escapes (:mod:`c2graph.inert`). Since no
escaped text starts a line, nothing else can open a block; no ``<`` can open a tag, a
comment or an autolink. The file starts with :data:`MARK`, so that a later report may
replace it.

Example
-------
>>> from c2graph.messages import messages
>>> from c2graph.report.document import Table
>>> print(render_markdown("T", [Table(("a", "b"), (("x|y", ("1", "2")),))], messages()))
<!-- written by c2graph report -->
# T
<BLANKLINE>
| a | b |
| --- | --- |
| x\\|y | 1<br>2 |
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from ..inert import inert
from ..messages import Messages
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

__all__ = ["MARK", "escape_md", "render_markdown"]

#: What marks a Markdown file as written by a report (an HTML comment: it does not show).
MARK = "<!-- written by c2graph report -->"
_MARKS = re.compile(r"([\\`*_~\[\]|#])")


def escape_md(text: str) -> str:
    """Escape ``text`` so that Markdown shows it literally, on one line.

    Examples
    --------
    >>> print(escape_md("a_b  *c* <d>"))
    a\\_b \\*c\\* &lt;d&gt;
    """
    text = inert(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKS.sub(r"\\\1", text)


class _Markdown(BlockWriter):
    """Blocks as Markdown; figures link to the SVG files beside the report."""

    def __init__(self, msg: Messages) -> None:
        self.msg = msg

    def heading(self, block: Heading) -> str:
        return f"{'#' * block.level} {escape_md(block.text)}\n"

    def paragraph(self, block: Paragraph) -> str:
        return escape_md(block.text) + "\n"

    def bullets(self, block: Bullets) -> str:
        return "".join(f"- {escape_md(item)}\n" for item in block.items)

    def table(self, block: Table) -> str:
        lines = [
            "| " + " | ".join(escape_md(h) for h in block.header) + " |",
            "|" + " --- |" * len(block.header),
        ]
        lines += [
            "| " + " | ".join("<br>".join(map(escape_md, self.lines(c))) for c in row) + " |"
            for row in block.rows
        ]
        return "\n".join(lines) + "\n"

    def figure(self, block: Figure) -> str:
        """A diagram that links to its file at full size, then its focused views."""
        if block.missing is not None:
            text = self.msg("figure.missing", caption=block.caption, reason=block.missing)
            return f"*{escape_md(text)}*\n"
        link = quote(block.file)
        views = "".join(self.figure(view) for view in block.views)
        return f"[![{escape_md(block.caption)}]({link})]({link})\n" + views

    def sources(self, block: SourceList) -> str:
        lines = []
        for source_id, text, link, other in block.entries():
            line = f"- \\[{escape_md(source_id)}\\] {escape_md(text)}"
            if link:
                line += f" — <{_autolink(link)}>"
            elif other:
                line += f" — {escape_md(other)}"
            lines.append(line)
        if not lines:
            return escape_md(self.msg("sources.none")) + "\n"
        return "\n".join(lines) + "\n"

    def details(self, block: Details) -> str:
        return "\n".join([f"**{escape_md(block.summary)}**\n", *map(self.write, block.blocks)])


def _autolink(url: str) -> str:
    """A web address as the inside of a Markdown autolink: what would end or break it is
    percent-encoded (addresses are checked when the model loads; this holds for any)."""
    return quote(url, safe=":/?#@!$&'()*+,;=%-._~")


def render_markdown(
    title: str, blocks: Sequence[Block], msg: Messages, *, explorer: str | None = None
) -> str:
    """Return the Markdown report: a title, then every block separated by blank lines;
    ``explorer`` is the file name of the explorer page beside it, linked under the title.

    Examples
    --------
    >>> from c2graph.messages import messages
    >>> from c2graph.report.document import Figure
    >>> render_markdown("T", [Figure("a b.svg", "A chart")], messages()).splitlines()[1:]
    ['# T', '', '[![A chart](a%20b.svg)](a%20b.svg)']
    """
    head = [f"{MARK}\n# {escape_md(title)}\n"]
    if explorer is not None:
        link = f"[{escape_md(msg('report.explorer'))}]({quote(explorer)})"
        head.append(msg("report.explorer_open", link=link) + "\n")
    return "\n".join([*head, *map(_Markdown(msg).write, blocks)])
