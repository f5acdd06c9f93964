"""The explorer's keyboard shortcuts: one table, listed on the page and bound by its script.

Each shortcut names the keys (``KeyboardEvent.key`` values) and the action the page's
script runs; what it does is worded in the message catalogue (``explore.key.<action>``,
:mod:`c2graph.messages`).  The page lists exactly this table and binds nothing else.

Example
-------
>>> [s.action for s in SHORTCUTS][:3]
['search', 'clear', 'next-phase']
>>> key_label("ArrowLeft"), key_label("Escape"), key_label("d")
('←', 'Esc', 'd')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SHORTCUTS", "Shortcut", "key_label"]


@dataclass(frozen=True)
class Shortcut:
    """Keys and the page action they run (what it does is the catalogue's
    ``explore.key.<action>``, :mod:`c2graph.messages`)."""

    keys: tuple[str, ...]
    action: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(("/",), "search"),
    Shortcut(("Escape",), "clear"),
    Shortcut(("]",), "next-phase"),
    Shortcut(("[",), "previous-phase"),
    Shortcut(("l",), "next-layer"),
    Shortcut(("m",), "next-model"),
    Shortcut(("d",), "diff"),
    Shortcut(("+", "="), "zoom-in"),
    Shortcut(("-",), "zoom-out"),
    Shortcut(("0",), "fit"),
    Shortcut(("c",), "centre"),
    Shortcut(("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"), "pan"),
)

_LABELS = {"Escape": "Esc", "ArrowLeft": "←", "ArrowRight": "→", "ArrowUp": "↑", "ArrowDown": "↓"}


def key_label(key: str) -> str:
    """The label of a key as the page lists it."""
    return _LABELS.get(key, key)
