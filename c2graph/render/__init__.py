"""Diagrams of a model: :func:`render_bytes` returns a picture, :func:`draw` writes one.

Both take the options of :func:`~c2graph.render.scene.build_scene` (phase or phases,
overlays, language) and an engine: Graphviz (:mod:`c2graph.render.dot`) or matplotlib
(:mod:`c2graph.render.mpl`), which draw the same :class:`~c2graph.render.scene.Scene`.

Example
-------
>>> import tempfile, pathlib
>>> from c2graph import load_model
>>> model = load_model("models/us-rok-cfc.yaml")
>>> render_bytes(model, "dot", phase="wartime")[:12]
b'digraph c2 {'
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> draw(model, folder / "switch.svg", phases=["armistice", "wartime"])
>>> (folder / "switch.svg").read_bytes()[:5]
b'<?xml'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Unpack, get_args

from ..errors import QueryError, RenderError
from ..model import Model
from ..outputs import write_atomic

if TYPE_CHECKING:
    from .chart import Chart
    from .scene import Scene, SceneOptions, build_scene

__all__ = [
    "ENGINES",
    "FORMATS",
    "Engine",
    "Format",
    "build_scene",
    "checked_format",
    "choose_engine",
    "dot_text",
    "draw",
    "picture_format",
    "render_bytes",
    "scene_bytes",
]

#: A renderer: ``auto`` is Graphviz when there is one (a system ``dot`` or the library
#: bundled with pygraphviz, :mod:`c2graph.render.engine`), else matplotlib.
Engine = Literal["auto", "graphviz", "matplotlib"]
#: A picture format; ``dot`` is the Graphviz source text, which needs no Graphviz program.
Format = Literal["svg", "png", "pdf", "dot"]
ENGINES: tuple[Engine, ...] = get_args(Engine)
FORMATS: tuple[Format, ...] = get_args(Format)


def __getattr__(name: str) -> object:
    """Re-export :func:`~c2graph.render.scene.build_scene` on first use, so that importing
    this package (as the command line does at start-up, for :data:`ENGINES`) stays cheap."""
    if name == "build_scene":
        from .scene import build_scene

        return build_scene
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def choose_engine(engine: Engine, fmt: Format) -> Literal["graphviz", "matplotlib"]:
    """Return the engine that draws ``fmt``: ``auto`` resolved, and DOT text by Graphviz.

    Raises
    ------
    QueryError
        ``engine`` is not one of :data:`ENGINES`, or DOT text is asked of matplotlib.

    Examples
    --------
    >>> choose_engine("matplotlib", "svg"), choose_engine("auto", "dot")
    ('matplotlib', 'graphviz')
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if fmt == "dot":
        if engine == "matplotlib":
            raise QueryError("DOT output is written by the graphviz engine, not matplotlib")
        return "graphviz"
    if engine == "auto":
        from .engine import graphviz_engine

        return "graphviz" if graphviz_engine() is not None else "matplotlib"
    return engine


def picture_format(path: str | os.PathLike[str]) -> Format:
    """Return the picture format a file name asks for, from its extension.

    Raises
    ------
    QueryError
        The extension is not ``.svg``, ``.png``, ``.pdf`` or ``.dot``.

    Examples
    --------
    >>> picture_format("out/Chart.SVG")
    'svg'
    """
    suffix = Path(path).suffix.lower()
    try:
        return checked_format(suffix[1:])
    except QueryError:
        raise QueryError(
            f"{os.fspath(path)}: unknown picture format {suffix!r}"
            f"; use one of {', '.join('.' + f for f in FORMATS)}"
        ) from None


def checked_format(fmt: str) -> Format:
    """Return ``fmt`` if it is one of :data:`FORMATS`, else raise :class:`QueryError`.

    >>> checked_format("png")
    'png'
    """
    for known in FORMATS:
        if fmt == known:
            return known
    raise QueryError(f"unknown picture format {fmt!r}; use one of {', '.join(FORMATS)}")


def dot_text(model: Model, **options: Unpack[SceneOptions]) -> str:
    """Return the DOT text :func:`draw` writes for ``model`` with the same options.

    Examples
    --------
    >>> from c2graph import load_model
    >>> dot_text(load_model("models/us-japan-2025.yaml")).startswith("digraph c2 {")
    True
    """
    from .dot import dot_source
    from .scene import build_scene

    return dot_source(build_scene(model, **options))


def render_bytes(
    model: Model, fmt: Format, *, engine: Engine = "auto", **options: Unpack[SceneOptions]
) -> bytes:
    """Return a model's command chart as a picture in ``fmt``; nothing is written.

    Parameters
    ----------
    model
        The loaded model.
    fmt
        ``svg``, ``png``, ``pdf`` or ``dot`` (the DOT text, UTF-8; needs no Graphviz).
    engine
        ``auto`` (Graphviz if there is one: :mod:`c2graph.render.engine`, else
        matplotlib), ``graphviz`` or ``matplotlib``.
    **options
        What to show; see :func:`~c2graph.render.scene.build_scene`.

    Raises
    ------
    QueryError
        Unknown format, engine, phase or node.
    RenderError
        The renderer failed (Graphviz missing or failing).

    Examples
    --------
    >>> from c2graph import load_model
    >>> png = render_bytes(load_model("models/us-rok-cfc.yaml"), "png", engine="matplotlib")
    >>> png[:4]
    b'\\x89PNG'
    """
    from .scene import build_scene

    checked_format(fmt)
    if engine != "auto":  # a wrong engine is refused before anything is drawn
        choose_engine(engine, fmt)
    return scene_bytes(build_scene(model, **options), fmt, engine=engine)


def scene_bytes(scene: Scene, fmt: Format, *, engine: Engine = "auto") -> bytes:
    """Return a scene (:func:`~c2graph.render.scene.build_scene`, or a diff's) drawn as
    ``fmt`` by ``engine``, SVG with its hover texts; nothing is written.

    Raises
    ------
    QueryError
        Unknown format or engine.
    RenderError
        The renderer failed.

    Examples
    --------
    >>> from c2graph import load_model
    >>> from c2graph.render.scene import build_scene
    >>> scene_bytes(build_scene(load_model("models/us-rok-cfc.yaml")), "dot")[:12]
    b'digraph c2 {'
    """
    from .chart import build_chart

    fixed = engine != "auto" or checked_format(fmt) == "dot"
    chosen = choose_engine(engine, checked_format(fmt)) if fixed else None
    chart = build_chart(scene)  # what either engine draws; an engine lookup runs meanwhile
    if chosen is None:
        chosen = choose_engine(engine, fmt)
    if fmt == "dot" or chosen == "graphviz":
        from .dot import chart_dot, dot_bytes, svg_titles

        picture = dot_bytes(chart_dot(chart).to_string(), fmt)
        return _titled(picture, svg_titles(scene)) if fmt == "svg" else picture
    picture = _matplotlib_bytes(chart, fmt)
    if fmt == "svg":
        from .mpl import svg_titles as mpl_titles

        return _titled(picture, mpl_titles(scene))
    return picture


def _titled(svg: bytes, titles: dict[str, str]) -> bytes:
    from .svgtitle import retitle

    return retitle(svg, titles)


def _matplotlib_bytes(chart: Chart, fmt: Literal["svg", "png", "pdf"]) -> bytes:
    from .mpl import figure_bytes, plot_chart

    try:
        return figure_bytes(plot_chart(chart), fmt)
    except (ValueError, RuntimeError) as exc:
        raise RenderError(f"matplotlib could not draw the chart: {exc}") from None


def draw(
    model: Model,
    path: str | os.PathLike[str],
    *,
    engine: Engine = "auto",
    **options: Unpack[SceneOptions],
) -> None:
    """Draw a model's command chart to ``path``; the format comes from the extension.

    The picture is :func:`render_bytes`'s, written atomically
    (:func:`c2graph.outputs.write_atomic`): a failed render leaves an existing file as it
    was. Which files may be replaced is the caller's decision (the command line never
    writes over a model file or an input).

    Parameters
    ----------
    model
        The loaded model.
    path
        Output file: ``.svg``, ``.png``, ``.pdf`` or ``.dot``.
    engine, **options
        As for :func:`render_bytes`.

    Raises
    ------
    QueryError
        Unknown phase, node, engine or file extension.
    RenderError
        The renderer failed (Graphviz missing or failing).
    OutputError
        The file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from c2graph import load_model
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "gcc.dot"
    >>> draw(load_model("models/us-japan-2025.yaml"), target, highlight_path="jp-gcc")
    >>> "chain of command to" in target.read_text(encoding="utf-8")
    True
    """
    write_atomic(path, render_bytes(model, picture_format(path), engine=engine, **options))
