"""Diagrams of a model: one entry point, :func:`draw`, over the Graphviz and matplotlib renderers.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.render import draw
>>> model = load_model("models/us-japan-2025.yaml")                  # doctest: +SKIP
>>> draw(model, "peacetime.svg", phase="peacetime")                   # doctest: +SKIP
>>> draw(model, "switch.svg", phases=["peacetime", "armed-attack"])   # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import QueryError, RenderError
from ..model import Model
from ..outputs import write_atomic, write_atomic_with
from .scene import Scene, build_scene

__all__ = ["ENGINES", "FORMATS", "build_scene", "choose_engine", "dot_text", "draw"]

#: File extensions :func:`draw` writes, and the engines it can use.
FORMATS = ("svg", "png", "pdf", "dot")
ENGINES = ("auto", "graphviz", "matplotlib")


def choose_engine(engine: str, fmt: str) -> str:
    """Resolve ``auto``: Graphviz when ``dot`` is installed (or for DOT text), else matplotlib."""
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if fmt == "dot":
        if engine == "matplotlib":
            raise QueryError("DOT output is written by the graphviz engine, not matplotlib")
        return "graphviz"
    if engine == "auto":
        return "graphviz" if shutil.which("dot") else "matplotlib"
    return engine


def dot_text(model: Model, **options: object) -> str:
    """Return the DOT text :func:`draw` would write for ``model`` with the same options."""
    from .dot import dot_source

    return dot_source(build_scene(model, **options))  # type: ignore[arg-type]


def draw(
    model: Model,
    path: str | os.PathLike[str],
    *,
    phase: str | None = None,
    phases: Sequence[str] | None = None,
    highlight_path: str | None = None,
    bottlenecks: bool = False,
    removed: str | None = None,
    lang: str | None = None,
    engine: str = "auto",
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Draw a model's command chart to ``path``; the format comes from the extension.

    Parameters
    ----------
    model
        The loaded model.
    path
        Output file: ``.svg``, ``.png``, ``.pdf`` or ``.dot`` (DOT text needs no Graphviz).
        Written atomically: a failed render leaves an existing file as it was.
    phase, phases, highlight_path, bottlenecks, removed, lang
        What to show; see :func:`c2graph.render.scene.build_scene`.
    engine
        ``auto`` (Graphviz if its ``dot`` program is installed, else matplotlib),
        ``graphviz`` or ``matplotlib``.
    protect
        Input files the output must never replace (e.g. the model file).

    Raises
    ------
    QueryError
        Unknown phase, node, engine or file extension.
    RenderError
        The renderer failed (Graphviz missing or failing).
    OutputError
        The file cannot be written, or would replace a model or an input.
    """
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise QueryError(
            f"{os.fspath(path)}: unknown picture format {('.' + fmt) if fmt else ''!r}"
            f"; use one of {', '.join('.' + f for f in FORMATS)}"
        )
    chosen = choose_engine(engine, fmt)
    scene = build_scene(
        model,
        phase=phase,
        phases=phases,
        highlight_path=highlight_path,
        bottlenecks=bottlenecks,
        removed=removed,
        lang=lang,
    )
    protect = (*protect, *([model.path] if model.path else []))
    if chosen == "graphviz":
        _draw_graphviz(scene, path, fmt, protect)
    else:
        _draw_matplotlib(scene, path, fmt, protect)


def _draw_graphviz(
    scene: Scene, path: str | os.PathLike[str], fmt: str, protect: Sequence[str | os.PathLike[str]]
) -> None:
    from .dot import dot_source, render_dot

    source = dot_source(scene)
    if fmt == "dot":
        write_atomic(path, source, protect=protect)
    else:
        write_atomic(path, render_dot(source, fmt), protect=protect)


def _draw_matplotlib(
    scene: Scene, path: str | os.PathLike[str], fmt: str, protect: Sequence[str | os.PathLike[str]]
) -> None:
    from .mpl import plot_scene, save_figure

    fig = plot_scene(scene)
    try:
        write_atomic_with(path, lambda tmp: save_figure(fig, tmp, fmt), protect=protect)
    except (ValueError, RuntimeError) as exc:
        raise RenderError(f"matplotlib could not draw the chart: {exc}") from None
