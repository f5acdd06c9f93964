"""The report as plain blocks (headings, paragraphs, tables, figures, links) for both writers.

The HTML and Markdown writers render the same blocks, so both versions say the same thing;
every text in a block is plain text, escaped by the writer.

Example
-------
>>> Table(("a", "b"), (("1", ("x", "y")),)).rows[0][1]
('x', 'y')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Block",
    "Bullets",
    "Cell",
    "Figure",
    "Heading",
    "Paragraph",
    "SourceList",
    "Table",
    "source_lines",
]

#: A table cell: one line of text, or several lines.
Cell = str | tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    """A section heading; ``anchor`` is the id other parts link to."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list of plain-text items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table: header cells and rows of cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A diagram: the SVG file written beside the report, its caption, or why it is missing."""

    file: str
    caption: str
    missing: str | None = None


@dataclass(frozen=True)
class SourceList:
    """Sources: ``(id, title and details, url or None)``; only these URLs become links."""

    items: tuple[tuple[str, str, str | None], ...]


Block = Heading | Paragraph | Bullets | Table | Figure | SourceList


def source_lines(sources: SourceList) -> list[tuple[str, str, str | None, str | None]]:
    """Return each source as ``(id, text, web link, other location)``: only an
    ``http``/``https`` URL becomes a link; any other URL is shown as text.

    >>> source_lines(SourceList((("s1", "Paper", "https://x.org"), ("s2", "Note", "file:a"))))
    [('s1', 'Paper', 'https://x.org', None), ('s2', 'Note', None, 'file:a')]
    """
    lines: list[tuple[str, str, str | None, str | None]] = []
    for source_id, text, url in sources.items:
        web = url is not None and url.lower().startswith(("http://", "https://"))
        lines.append((source_id, text, url if web else None, None if web else url))
    return lines
