"""File names and anchors of the report: slugs that stay in the folder and never collide.

Phase ids and model names come from model files: written into a file name as they are,
``q/../../x`` would write outside the report's folder, and a model ``x`` with phase
``a-p`` would share a file with a model ``x-a`` with phase ``p``. A :func:`slug` holds
only letters, digits and single hyphens, so ``--`` can join a model's stem to a phase's
slug unambiguously; a long slug is cut and keeps a hash of the whole, so that the names
stay short and distinct.

Example
-------
>>> slug("q/../../x"), slug("Gray Zone (2025)"), slug("平時")
('q-x', 'gray-zone-2025', '平時')
>>> figure_name("x", "a-p") != figure_name("x-a", "p")
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

__all__ = ["MAX_SLUG_BYTES", "diff_name", "distinct_slugs", "figure_name", "slug"]

#: Longest slug in bytes (UTF-8): a figure name stays far below a file name's 255 bytes.
MAX_SLUG_BYTES = 60
_NOT_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """Return ``text`` as letters, digits (of any script) and single hyphens, lower case.

    Parameters
    ----------
    text
        A phase id, a model's file stem or name.

    Returns
    -------
    str
        The slug: ``x`` when nothing is left; cut to :data:`MAX_SLUG_BYTES` with an
        8-digit hash of ``text`` when longer.

    Examples
    --------
    >>> slug("../.."), len(slug("q" * 200)), slug("q" * 200)[-9:]
    ('x', 60, '-ff550476')
    """
    found = _NOT_WORD.sub("-", text.lower()).strip("-") or "x"
    if len(found.encode("utf-8")) <= MAX_SLUG_BYTES:
        return found
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    room = MAX_SLUG_BYTES - len(digest) - 1
    cut = found.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip("-")
    return f"{cut}-{digest}"


def distinct_slugs(texts: Iterable[str]) -> tuple[str, ...]:
    """Return a slug per text, made distinct in order by ``-2``, ``-3``... where they meet.

    Examples
    --------
    >>> distinct_slugs(["a/b", "a.b", "a-b-2", "A-B"])
    ('a-b', 'a-b-2', 'a-b-2-2', 'a-b-3')
    """
    taken: list[str] = []
    for text in texts:
        base = slug(text)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.append(candidate)
    return tuple(taken)


def figure_name(stem: str, phase: str) -> str:
    """The file of a model's diagram of one phase: its stem and the phase's slug.

    >>> figure_name("us-rok-cfc", "wartime")
    'us-rok-cfc--wartime.svg'
    """
    return f"{stem}--{phase}.svg"


def diff_name(before: str, after: str) -> str:
    """The file of the diff diagram of two models, by their stems.

    >>> diff_name("base", "variant")
    'diff--base--variant.svg'
    """
    return f"diff--{before}--{after}.svg"
