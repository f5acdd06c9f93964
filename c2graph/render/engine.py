"""The Graphviz engine: a recent system ``dot`` program, else the library bundled with pygraphviz.

pygraphviz 2.x wheels ship Graphviz 14 as a library (no ``dot`` program), so a bare
``pip install`` draws with Graphviz. A system ``dot`` is preferred when it is at least
:data:`MIN_SYSTEM_VERSION`; an older one (Debian 12 ships 2.43, whose ``dot`` ranking aborts
on clusters with cross-links, Graphviz issue #121: ``class2.c merge_chain`` assertion) is used
only when pygraphviz is missing: the charts are placed and routed before Graphviz sees them
(``layout=nop2``), which 2.43 draws. Every output is deterministic: PDF creation dates are
pinned to 1970-01-01 in UTC, whatever the time zone.

Example
-------
>>> engine = graphviz_engine()
>>> engine.kind in ("system", "bundled")
True
>>> render_graphviz("digraph { a -> b }", "svg")[:5]
b'<?xml'
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import Literal

from ..errors import RenderError

__all__ = [
    "DOT_FORMATS",
    "MIN_SYSTEM_VERSION",
    "GraphvizEngine",
    "graphviz_engine",
    "look_up_engine",
    "render_graphviz",
]

#: Output formats Graphviz renders for us.
DOT_FORMATS = ("svg", "png", "pdf")
#: The oldest system ``dot`` preferred to the bundled library: Graphviz 14 draws clusters
#: with cross-links (the issue #121 graph) that 2.43 aborts on; versions in between are
#: not verified, so they give way to the bundled 14.
MIN_SYSTEM_VERSION = (14, 0)
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) )\(D:\d{14}(?:Z|[+-]\d\d'\d\d)\)")
_VERSION = re.compile(r"graphviz version (\d+)\.(\d+)")
_LOCK = threading.Lock()
_LOOKING = threading.Lock()
#: The lookups started ahead of need (:func:`look_up_engine`), by ``PATH``.
_LOOKUPS: dict[str | None, threading.Thread] = {}


@dataclass(frozen=True)
class GraphvizEngine:
    """The Graphviz that draws: ``system`` (a ``dot`` program) or ``bundled`` (pygraphviz),
    its version, and the program's path for ``system``."""

    kind: Literal["system", "bundled"]
    version: tuple[int, ...]
    program: str | None = None

    def describe(self) -> str:
        """A short text naming the engine, for messages and benchmarks.

        >>> GraphvizEngine("bundled", (14, 1, 5)).describe()
        'Graphviz 14.1.5 (bundled with pygraphviz)'
        """
        where = f"system {self.program}" if self.program else "bundled with pygraphviz"
        return f"Graphviz {'.'.join(map(str, self.version))} ({where})"


def _system_version(program: str) -> tuple[int, ...] | None:
    """The version ``program -V`` says, asked with no plugin folder (``GVBINDIR``): the
    version is the library's own, and loading every plugin for it took half the time."""
    try:
        done = subprocess.run(
            [program, "-V"],
            capture_output=True,
            timeout=20,
            check=False,
            stdin=subprocess.DEVNULL,
            env=os.environ | {"GVBINDIR": os.devnull},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = _VERSION.search(done.stderr.decode("utf-8", "replace"))
    return (int(found[1]), int(found[2])) if found else None


def _bundled_version() -> tuple[int, ...] | None:
    try:
        import pygraphviz
    except ImportError:
        return None
    return tuple(int(part) for part in str(pygraphviz.__graphviz_version__).split(".")[:3])


@functools.cache
def _cached_engine(path: str | None) -> GraphvizEngine | None:
    program = shutil.which("dot", path=path)
    system = _system_version(program) if program else None
    if program and system and system >= MIN_SYSTEM_VERSION:
        return GraphvizEngine("system", system, program)
    bundled = _bundled_version()
    if bundled is not None:
        return GraphvizEngine("bundled", bundled)
    if program and system:
        return GraphvizEngine("system", system, program)
    return None


def look_up_engine() -> None:
    """Start looking up :func:`graphviz_engine` in a thread, so that asking a system
    ``dot`` its version (a process that loads every Graphviz plugin: 20 to 40 ms) runs
    while the caller reads the model and lays the chart out; :func:`graphviz_engine`
    waits for it. Once per ``PATH``; the answer is the same as without it.

    Examples
    --------
    >>> look_up_engine()
    >>> graphviz_engine() is not None
    True
    """
    path = os.environ.get("PATH")
    with _LOOKING:
        if path in _LOOKUPS:
            return
        _LOOKUPS[path] = thread = threading.Thread(target=_cached_engine, args=(path,))
        thread.start()


def graphviz_engine() -> GraphvizEngine | None:
    """Return the Graphviz that draws here, or ``None`` when there is none.

    A system ``dot`` of at least :data:`MIN_SYSTEM_VERSION` comes first, then the library
    bundled with pygraphviz, then an older system ``dot``. Looked up once per ``PATH``
    (or ahead of need by :func:`look_up_engine`).

    Examples
    --------
    >>> graphviz_engine() is not None
    True
    """
    path = os.environ.get("PATH")
    with _LOOKING:
        started = _LOOKUPS.get(path)
    if started is not None:
        started.join()
    return _cached_engine(path)


def render_graphviz(source: str, fmt: str, *, timeout: float = 120.0) -> bytes:
    """Render DOT text as ``fmt`` (svg, png, pdf) with :func:`graphviz_engine`.

    PNG is drawn at 144 dpi. Raises :class:`~c2graph.errors.RenderError` when there is
    no Graphviz, when it fails or (for a system ``dot``) when it takes over ``timeout``
    seconds.

    Examples
    --------
    >>> render_graphviz("digraph { a -> b }", "gif")
    Traceback (most recent call last):
    ...
    c2graph.errors.RenderError: Graphviz cannot render 'gif' here; use one of svg, png, pdf
    """
    if fmt not in DOT_FORMATS:
        raise RenderError(
            f"Graphviz cannot render {fmt!r} here; use one of {', '.join(DOT_FORMATS)}"
        )
    engine = graphviz_engine()
    if engine is None:
        raise RenderError(
            "Graphviz is not available: install pygraphviz (pip) or the Graphviz 'dot' "
            "program, or use the matplotlib engine"
        )
    if engine.program is not None:
        picture = _run_program(engine.program, source, fmt, timeout)
    else:
        picture = _run_bundled(source, fmt)
    if fmt == "pdf":
        # cairo ignores SOURCE_DATE_EPOCH; pin the date in place (same length, so the
        # cross-reference offsets stay right).
        return _PDF_DATE.sub(rb"\1(D:19700101000000Z)", picture)
    return picture


def _run_program(program: str, source: str, fmt: str, timeout: float) -> bytes:
    args = [program, f"-T{fmt}"] + (["-Gdpi=144"] if fmt == "png" else [])
    try:
        done = subprocess.run(
            args,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            env=os.environ | {"TZ": "UTC"},
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz 'dot' did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"Graphviz 'dot' could not be run: {exc}") from None
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        raise RenderError(f"Graphviz 'dot' failed: {message or f'exit {done.returncode}'}")
    return done.stdout


def _run_bundled(source: str, fmt: str) -> bytes:
    """Render in this process, one graph at a time (libgvc is not thread-safe), with the
    library's messages captured from the C ``stderr`` instead of printed."""
    import pygraphviz

    with _LOCK, _captured_stderr() as messages:
        _warm_up()
        try:
            graph = pygraphviz.AGraph(string=source)
            prog = graph.graph_attr.get("layout") or "dot"
            picture = graph.draw(format=fmt, prog=prog, args="-Gdpi=144" if fmt == "png" else "")
        except (pygraphviz.DotError, ValueError, TypeError, OSError) as exc:
            picture, failure = b"", str(exc)
        else:
            failure = ""
    if not picture:
        detail = _errors(messages.text) or failure or "no output"
        raise RenderError(f"Graphviz failed: {detail}")
    return bytes(picture)


def _errors(text: str) -> str:
    """Graphviz's own messages, without the bundled fontconfig's warning about the
    system's newer configuration."""
    lines = [line for line in text.splitlines() if line and "Fontconfig warning" not in line]
    return "; ".join(lines)


@functools.cache
def _warm_up() -> None:
    """Render once before any graph is parsed: the first DOT text a process parses loses
    its nodes' default labels otherwise (a graph whose nodes have no ``label`` draws blank
    boxes on its first render; pygraphviz 2.0.4 with Graphviz 14.1.5)."""
    import pygraphviz

    pygraphviz.AGraph(string="digraph{x}").layout(prog="dot")


class _captured_stderr:
    """Redirect file descriptor 2 into a temporary file for the ``with`` block (the C
    library writes there, past Python's ``sys.stderr``), in the UTC time zone; ``text``
    is what came."""

    text = ""

    def __enter__(self) -> _captured_stderr:
        self._file = tempfile.TemporaryFile()
        self._saved = os.dup(2)
        os.dup2(self._file.fileno(), 2)
        self._tz = os.environ.get("TZ")
        os.environ["TZ"] = "UTC"
        time.tzset()
        return self

    def __exit__(self, *exc: object) -> None:
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", "replace")
        self._file.close()
        if self._tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = self._tz
        time.tzset()
