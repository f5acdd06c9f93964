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

from .document import (
    Block,
    Bullets,
    Cell,
    Figure,
    Heading,
    Paragraph,
    SourceList,
    Table,
    source_lines,
)

__all__ = ["escape_md", "render_markdown"]

_MARKS = re.compile(r"([\\`*_\[\]|#])")


def escape_md(text: str) -> str:
    """Escape ``text`` so that Markdown shows it literally, on one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKS.sub(r"\\\1", " ".join(text.split()))


def _cell(cell: Cell) -> str:
    lines = (cell,) if isinstance(cell, str) else cell
    return "<br>".join(escape_md(line) for line in lines)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape_md(block.text)}\n"
    if isinstance(block, Paragraph):
        return escape_md(block.text) + "\n"
    if isinstance(block, Bullets):
        return "".join(f"- {escape_md(item)}\n" for item in block.items)
    if isinstance(block, Table):
        lines = [
            "| " + " | ".join(escape_md(h) for h in block.header) + " |",
            "|" + " --- |" * len(block.header),
        ]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return "\n".join(lines) + "\n"
    if isinstance(block, Figure):
        if block.missing is not None:
            return (
                f"*Diagram not available ({escape_md(block.caption)}): "
                f"{escape_md(block.missing)}*\n"
            )
        return f"![{escape_md(block.caption)}]({quote(block.file)})\n"
    if isinstance(block, SourceList):
        if not block.items:
            return "No sources recorded.\n"
        lines = []
        for source_id, text, link, other in source_lines(block):
            line = f"- \\[{escape_md(source_id)}\\] {escape_md(text)}"
            if link:
                line += f" — <{link.replace('>', '%3E').replace(' ', '%20')}>"
            elif other:
                line += f" — {escape_md(other)}"
            lines.append(line)
        return "\n".join(lines) + "\n"
    raise TypeError(f"not a report block: {block!r}")


def render_markdown(title: str, blocks: Sequence[Block]) -> str:
    """Return the Markdown report: a title, then every block separated by blank lines."""
    return "\n".join([f"# {escape_md(title)}\n", *(_block(b) for b in blocks)])
