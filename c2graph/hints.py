""" "Did you mean" hints: the ids or words closest to a mistyped one, worded one way everywhere.

A word that means a term of the vocabulary (:data:`~c2graph.vocabulary.SYNONYMS`), or is
one written in other capitals or with spaces, gets that term; others get the candidates
spelt most alike.

Example
-------
>>> did_you_mean("opcom", ["opcon", "tacon", "command"])
" (did you mean 'opcon'?)"
>>> did_you_mean("tactical-control", ["tacon", "control"])
" (did you mean 'tacon'?)"
>>> did_you_mean("xyz", ["opcon"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest", "did_you_mean", "meant"]


def meant(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate ``word`` means, if the vocabulary knows: a synonym, or the same
    word in other capitals or with spaces or ``_`` for ``-``.

    Parameters
    ----------
    word
        The word as given.
    candidates
        What it should have been one of.

    Returns
    -------
    str or None
        The candidate meant; None when the word is not known.

    Examples
    --------
    >>> meant("Tactical Control", ["tacon", "control"]), meant("OPCON", ["opcon"])
    ('tacon', 'opcon')
    >>> meant("opcom", ["opcon"]) is None
    True
    """
    from .vocabulary import SYNONYMS  # the vocabulary words its own hints with this module

    key = "-".join(str(word).replace("_", " ").lower().split())
    options = set(candidates)
    for term in (key, SYNONYMS.get(key)):
        if term is not None and term in options and term != word:
            return term
    return None


def closest(word: str, candidates: Iterable[str], *, n: int = 3) -> list[str]:
    """Return up to ``n`` candidates that look like ``word``, closest first.

    Similarity is :func:`difflib.get_close_matches` with its default cutoff of 0.6.

    Parameters
    ----------
    word
        The mistyped id or word.
    candidates
        The ids or words that exist.
    n
        How many to return at most.

    Returns
    -------
    list of str
        The close candidates, closest first; empty when none is close.

    Examples
    --------
    >>> closest("opcom", ["opcon", "tacon", "command"])
    ['opcon']
    """
    return difflib.get_close_matches(str(word), list(candidates), n=n, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'a' or 'b'?)`` for the closest candidates, or ``''``.

    Every "did you mean" of c2graph is worded by this function. A word the vocabulary
    knows (:func:`meant`) gets its term alone: meaning beats spelling.

    Parameters
    ----------
    word
        The id or word as given.
    candidates
        What it should have been one of.

    Returns
    -------
    str
        The hint, with a leading space, to append to a message; ``''`` when no candidate
        is close.

    Examples
    --------
    >>> did_you_mean("jp-gc", ["jp-gcc", "jp-jcg", "us-usfj"])
    " (did you mean 'jp-gcc' or 'jp-jcg'?)"
    """
    candidates = list(candidates)
    term = meant(word, candidates)
    near = [term] if term is not None else closest(word, candidates)
    return f" (did you mean {' or '.join(repr(c) for c in near)}?)" if near else ""
