"""The explorer's keyboard shortcuts: one table, listed on the page and bound by its script.

Each shortcut names the keys (``KeyboardEvent.key`` values), the action the page's script
runs and what it does; the page lists exactly this table and binds nothing else.

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
    """Keys, the page action they run, and what it does."""

    keys: tuple[str, ...]
    action: str
    text: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(("/",), "search", "search nodes by id or name (English or Japanese)"),
    Shortcut(("Escape",), "clear", "clear the selection and the search"),
    Shortcut(("]",), "next-phase", "next phase or scenario"),
    Shortcut(("[",), "previous-phase", "previous phase or scenario"),
    Shortcut(("l",), "next-layer", "next layer of chains: operational, administrative, civil, all"),
    Shortcut(("m",), "next-model", "next model (variants)"),
    Shortcut(("d",), "diff", "show or hide the diff against the base model"),
    Shortcut(("+", "="), "zoom-in", "zoom in"),
    Shortcut(("-",), "zoom-out", "zoom out"),
    Shortcut(("0",), "fit", "fit the chart to the window"),
    Shortcut(("c",), "centre", "centre on the selected node"),
    Shortcut(("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"), "pan", "pan the chart"),
)

_LABELS = {"Escape": "Esc", "ArrowLeft": "←", "ArrowRight": "→", "ArrowUp": "↑", "ArrowDown": "↓"}


def key_label(key: str) -> str:
    """The label of a key as the page lists it."""
    return _LABELS.get(key, key)
