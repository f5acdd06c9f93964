"""What the command line prints: inert text, any encoding, and errors for an output it cannot write.

While a command runs, :func:`terminal` puts an :class:`InertStream` in place of standard
output and standard error: control and invisible characters from a model show as escapes
(:mod:`c2graph.inert`), characters the output's encoding lacks as ``\\uXXXX``, and a
closed, full or failing output becomes an :class:`~c2graph.errors.OutputError` (a
reader that stops reading, such as ``head``, stays a :class:`BrokenPipeError`).

Example
-------
>>> import io
>>> out = io.StringIO()
>>> InertStream(out, "standard output").write("HQ\\x1b[2J\\n")
12
>>> out.getvalue()
'HQ\\\\u001b[2J\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..errors import OutputError
from ..inert import inert

__all__ = ["InertStream", "release", "terminal", "write_lines", "write_utf8"]


class InertStream:
    """A text stream that writes inert text to ``stream`` and reports why it cannot.

    Parameters
    ----------
    stream
        The stream written to; None when it is closed.
    name
        What messages call it (``standard output``).
    """

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self.stream = stream
        self.name = name

    def write(self, text: str) -> int:
        """Write ``text`` with every unsafe character but newlines escaped."""
        if self.stream is None:
            raise OutputError(f"{self.name} is closed; nothing can be printed")
        with self._reported():
            return self.stream.write(inert(text, keep="\n"))

    def write_utf8(self, *parts: bytes) -> None:
        """Write the UTF-8 text ``parts``, inert already (newlines their own), as they
        are to the bytes under the stream when it writes UTF-8 and newlines unchanged
        (what its text layer would write), else decoded through :meth:`write`."""
        buffer = getattr(self.stream, "buffer", None)
        encoding = getattr(self.stream, "encoding", None)
        if buffer is None or not encoding or os.linesep != "\n" or not _utf8(encoding):
            self.write("".join(part.decode() for part in parts))
            return
        with self._reported():
            self.stream.flush()  # type: ignore[union-attr]  # what the text layer holds first
            for part in parts:
                buffer.write(part)

    @contextlib.contextmanager
    def _reported(self) -> Iterator[None]:
        """Raise an :class:`~c2graph.errors.OutputError` for a stream that cannot be
        written (a reader that stops reading stays a :class:`BrokenPipeError`)."""
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{self.name} cannot be written ({exc.strerror or exc})") from None

    def flush(self) -> None:
        """Flush the stream, raising as :meth:`write` does."""
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{self.name} cannot be written ({exc.strerror or exc})") from None

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


@contextlib.contextmanager
def terminal() -> Iterator[None]:
    """Print through :class:`InertStream` while the block runs, then restore the streams.

    Characters the output's encoding lacks are written as escapes rather than raising
    (``PYTHONIOENCODING=ascii``). Whatever is still buffered is flushed at the end, so
    that a full output is reported while the command can still say so.

    Yields
    ------
    None
        Once, with the streams in place.
    """
    saved = sys.stdout, sys.stderr
    settings = [_escape_unencodable(stream) for stream in saved]
    sys.stdout = InertStream(saved[0], "standard output")
    sys.stderr = InertStream(saved[1], "standard error")
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr = saved
        for stream, errors in zip(saved, settings, strict=True):
            if errors is not None:
                with contextlib.suppress(OSError, ValueError):  # flushes: may fail again
                    stream.reconfigure(errors=errors)  # type: ignore[union-attr]


def _escape_unencodable(stream: TextIO | None) -> str | None:
    """Make ``stream`` escape what its encoding lacks; return its former setting (None
    when it has none, or cannot be changed: then writing to it fails later, and says so)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if stream is None or reconfigure is None:
        return None
    errors = stream.errors
    try:
        reconfigure(errors="backslashreplace")  # flushes what is pending
    except (OSError, ValueError):
        return None
    return errors


def release(stream: TextIO | None) -> None:
    """Point a stream that failed at the null device, so that leaving Python does not try
    (and fail) to flush it again with a traceback."""
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # not a file (captured in tests)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def _utf8(encoding: str) -> bool:
    """Whether ``encoding`` names UTF-8 (without a byte order mark)."""
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def write_utf8(*parts: bytes) -> None:
    """Print the UTF-8 text ``parts``, inert already (their newlines their own): as they
    are, sparing a large text its decoding and encoding again, when standard output is
    an :class:`InertStream` writing UTF-8; else decoded.

    Parameters
    ----------
    parts
        UTF-8 text in which every unsafe character but newlines is escaped.

    Examples
    --------
    >>> write_utf8("平時".encode(), b"\\n")
    平時
    """
    if isinstance(sys.stdout, InertStream):
        sys.stdout.write_utf8(*parts)
    else:
        sys.stdout.write("".join(part.decode() for part in parts))


def write_lines(lines: Iterable[str]) -> None:
    """Print ``lines``, each on its own line: a newline inside one is escaped, not printed.

    Parameters
    ----------
    lines
        Lines of text, which may hold text from a model.

    Examples
    --------
    >>> write_lines(["name: A\\nAll models valid", "done"])
    name: A\\u000aAll models valid
    done
    """
    sys.stdout.write("".join(inert(line) + "\n" for line in lines))
