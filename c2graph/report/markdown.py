"""The Markdown writer: the same blocks as the HTML page, diagrams as SVG files beside it.

Text from a model is escaped so that it shows literally: ``&``, ``<`` and ``>`` become
entities and Markdown's own marks (``\\ ` * _ [ ] | #``) are backslash-escaped.

Example
-------
>>> from c2graph.report.document import Table
>>> print(render_markdown("T", [Table(("a", "b"), (("x|y", ("1", "2")),))]))
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

from .document import Block, BlockWriter, Bullets, Figure, Heading, Paragraph, SourceList, Table

__all__ = ["escape_md", "render_markdown"]

_MARKS = re.compile(r"([\\`*_\[\]|#])")


def escape_md(text: str) -> str:
    """Escape ``text`` so that Markdown shows it literally, on one line.

    Examples
    --------
    >>> print(escape_md("a_b  *c* <d>"))
    a\\_b \\*c\\* &lt;d&gt;
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKS.sub(r"\\\1", " ".join(text.split()))


class _Markdown(BlockWriter):
    """Blocks as Markdown; figures link to the SVG files beside the report."""

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
        if block.missing is not None:
            return (
                f"*Diagram not available ({escape_md(block.caption)}): "
                f"{escape_md(block.missing)}*\n"
            )
        return f"![{escape_md(block.caption)}]({quote(block.file)})\n"

    def sources(self, block: SourceList) -> str:
        lines = []
        for source_id, text, link, other in block.entries():
            line = f"- \\[{escape_md(source_id)}\\] {escape_md(text)}"
            if link:
                line += f" — <{link.replace('>', '%3E').replace(' ', '%20')}>"
            elif other:
                line += f" — {escape_md(other)}"
            lines.append(line)
        if not lines:
            return "No sources recorded.\n"
        return "\n".join(lines) + "\n"


def render_markdown(title: str, blocks: Sequence[Block]) -> str:
    """Return the Markdown report: a title, then every block separated by blank lines.

    Examples
    --------
    >>> from c2graph.report.document import Figure
    >>> render_markdown("T", [Figure("a b.svg", "A chart")])
    '# T\\n\\n![A chart](a%20b.svg)\\n'
    """
    return "\n".join([f"# {escape_md(title)}\n", *map(_Markdown().write, blocks)])
