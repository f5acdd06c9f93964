"""The report as plain blocks (headings, paragraphs, tables, figures, links) for both writers.

The HTML and Markdown writers render the same blocks, so both versions say the same thing;
every text in a block is plain text, escaped by the writer.

Example
-------
>>> Table(("a", "b"), (("1", ("x", "y")),)).rows[0][1]
('x', 'y')
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

__all__ = [
    "Block",
    "BlockWriter",
    "Bullets",
    "Cell",
    "Details",
    "Figure",
    "Heading",
    "Paragraph",
    "SourceList",
    "Table",
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
    """A diagram: the SVG file written beside the report, its caption, or why it is
    missing; and the focused views shown with a diagram too wide to read on the page."""

    file: str
    caption: str
    missing: str | None = None
    views: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class SourceList:
    """Sources: ``(id, title and details, url or None)``; only these URLs become links."""

    items: tuple[tuple[str, str, str | None], ...]

    def entries(self) -> list[tuple[str, str, str | None, str | None]]:
        """Return each source as ``(id, text, web link, other location)``: only an
        ``http``/``https`` URL becomes a link; any other URL is shown as text.

        >>> SourceList((("s1", "Paper", "https://x.org"), ("s2", "Note", "file:a"))).entries()
        [('s1', 'Paper', 'https://x.org', None), ('s2', 'Note', None, 'file:a')]
        """
        entries: list[tuple[str, str, str | None, str | None]] = []
        for source_id, text, url in self.items:
            web = url is not None and url.lower().startswith(("http://", "https://"))
            entries.append((source_id, text, url if web else None, None if web else url))
        return entries


@dataclass(frozen=True)
class Details:
    """A group of blocks under a one-line summary: folded in the HTML page (a
    ``<details>`` element, open when ``open``), a bold line in Markdown."""

    summary: str
    blocks: tuple[Block, ...]
    open: bool = False


Block = Heading | Paragraph | Bullets | Table | Figure | SourceList | Details


class BlockWriter(ABC):
    """Turns report blocks into text, one method per kind of block; the HTML and Markdown
    writers are its two subclasses."""

    @staticmethod
    def lines(cell: Cell) -> tuple[str, ...]:
        """Return the lines of a table cell.

        >>> BlockWriter.lines("x"), BlockWriter.lines(("x", "y"))
        (('x',), ('x', 'y'))
        """
        return (cell,) if isinstance(cell, str) else cell

    def write(self, block: Block) -> str:
        """Return the text of ``block``; raise ``TypeError`` for anything else."""
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, SourceList):
            return self.sources(block)
        if isinstance(block, Details):
            return self.details(block)
        raise TypeError(f"not a report block: {block!r}")

    @abstractmethod
    def heading(self, block: Heading) -> str:
        """The text of a heading."""

    @abstractmethod
    def paragraph(self, block: Paragraph) -> str:
        """The text of a paragraph."""

    @abstractmethod
    def bullets(self, block: Bullets) -> str:
        """The text of a bulleted list."""

    @abstractmethod
    def table(self, block: Table) -> str:
        """The text of a table."""

    @abstractmethod
    def figure(self, block: Figure) -> str:
        """The text of a figure, or of the note saying why it is missing."""

    @abstractmethod
    def sources(self, block: SourceList) -> str:
        """The text of a list of sources."""

    @abstractmethod
    def details(self, block: Details) -> str:
        """The text of a folded group of blocks."""
