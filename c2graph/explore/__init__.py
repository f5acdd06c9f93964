"""The explorer: one self-contained HTML page to walk a structure, phase by phase, in a browser.

The page holds each model's chart (:mod:`c2graph.explore.drawing`: the Graphviz drawing of
``c2graph draw``, every situation at once), the analyses' answers as embedded JSON
(:mod:`c2graph.explore.data`, :mod:`c2graph.explore.answers`) and a small script of its
own (:mod:`c2graph.explore.page`); it loads nothing from the network and works from
``file://``.  :func:`explorer_page` returns it, :func:`write_explorer` writes it.

Example
-------
>>> from c2graph import load_model
>>> page = explorer_page([load_model("models/us-rok-cfc.yaml")])
>>> page.startswith("<!DOCTYPE html>"), 'id="drawing-0"' in page
(True, True)
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..errors import QueryError
from ..model import Model
from ..outputs import write_atomic
from .data import page_data
from .drawing import explorer_drawing
from .page import render_page

__all__ = ["explorer_page", "write_explorer"]


def explorer_page(models: Sequence[Model], *, lang: str | None = None) -> str:
    """Return the explorer page of ``models``; nothing is written.

    Parameters
    ----------
    models
        The models, in the order the page's switcher lists them; a variant whose base
        model is among them gets its diff against it.
    lang
        Language of the charts' labels (``"ja"``), and of the page's interface where the
        message catalogue has it (:func:`~c2graph.messages.interface`); the side panel
        shows every name.

    Returns
    -------
    str
        The HTML page (same models, same text).

    Raises
    ------
    QueryError
        No model.
    RenderError
        Graphviz failed to draw a chart.

    Examples
    --------
    >>> explorer_page([])
    Traceback (most recent call last):
    c2graph.errors.QueryError: no model to explore
    """
    if not models:
        raise QueryError("no model to explore")
    drawings = [explorer_drawing(model, lang=lang) for model in models]
    return render_page(page_data(models, drawings, lang=lang), drawings)


def write_explorer(
    models: Sequence[Model], path: str | os.PathLike[str], *, lang: str | None = None
) -> None:
    """Write the explorer page of ``models`` (:func:`explorer_page`) to ``path``, atomically.

    Raises
    ------
    QueryError
        No model.
    RenderError
        Graphviz failed to draw a chart.
    OutputError
        The file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from c2graph import load_model
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "explore.html"
    >>> write_explorer([load_model("models/us-rok-cfc.yaml")], target)
    >>> target.read_text(encoding="utf-8").count('class="drawing"')
    1
    """
    write_atomic(path, explorer_page(models, lang=lang))
