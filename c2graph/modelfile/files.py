"""The files one model reads: confined to its folder, regular files only, one byte budget.

A model file names other files (the base it ``extends``, its ``units`` CSV files). Model
files are passed around, so what they name is untrusted: :class:`ModelFiles` resolves each
name (following links) and refuses one outside the folder of the model asked for, unless
that place was allowed; it reads only regular files (a named pipe would block forever, a
device never end), and all the files of one model together at most ``max_bytes``.

Example
-------
>>> files = ModelFiles("models/us-japan-jfhq.yaml")
>>> text = files.read(files.top, "models/us-japan-jfhq.yaml")
>>> base = files.locate("us-japan-2025.yaml", beside=files.top.parent)
>>> base.name, len(files.read_paths)
('us-japan-2025.yaml', 1)
>>> files.locate("/etc/passwd", beside=files.top.parent)  # doctest: +ELLIPSIS
Traceback (most recent call last):
c2graph.errors.InputFileError: '/etc/passwd' is outside the model's folder .../models; ...
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputFileError

__all__ = ["MAX_MODEL_BYTES", "ModelFiles", "decode_text", "read_text"]

#: Most bytes c2graph reads for one model: the model file and every file it names together.
MAX_MODEL_BYTES = 256 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "a device, not a regular file"),
    (stat.S_ISBLK, "a device, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
)


class ModelFiles:
    """Every file one model reads: where it may read, what it has read, and how much.

    Parameters
    ----------
    top
        The model file asked for; its folder (resolved) is where the model may read.
    allow_outside
        More files or folders (and everything below them) the model may read.
    max_bytes
        The most bytes read for the model, all its files together.
    """

    def __init__(
        self,
        top: str | os.PathLike[str],
        *,
        allow_outside: Iterable[str | os.PathLike[str]] = (),
        max_bytes: int = MAX_MODEL_BYTES,
    ) -> None:
        self.top = Path(top)
        self.max_bytes = max_bytes
        self.used = 0
        #: The resolved path of every file read, in the order read.
        self.read_paths: list[Path] = []
        try:
            self.folder = self.top.absolute().parent.resolve()
            self.allowed = (self.folder, *(Path(p).resolve() for p in allow_outside))
        except (OSError, ValueError) as exc:
            raise InputFileError(f"{self.top}: cannot be read ({_reason(exc)})") from None

    def locate(self, name: str, *, beside: Path) -> Path:
        """Return the file ``name`` stands for, relative to the folder ``beside``, resolved.

        Raises
        ------
        InputFileError
            The name is outside every allowed folder, or cannot be a path at all; the
            message starts with the name as written.
        """
        try:
            path = (beside / name).resolve()
        except (OSError, ValueError) as exc:
            raise InputFileError(f"{name!r} cannot be read ({_reason(exc)})") from None
        if not any(path == place or place in path.parents for place in self.allowed):
            raise InputFileError(
                f"{name!r} is outside the model's folder {self.folder}; a model reads only "
                "files in its own folder and below (move the file there, or allow its "
                "folder with --allow-outside)"
            )
        return path

    def read(self, path: Path, display: str) -> str:
        """Read one file of the model as text, counting it against the byte budget.

        Raises
        ------
        InputFileError
            As :func:`read_text`, and when the model's files come to more than the budget.
        """
        return decode_text(self.read_bytes(path, display), display)[0]

    def read_bytes(self, path: Path, display: str) -> bytes:
        """Read one file of the model as bytes, counting it against the byte budget (the
        text is :func:`decode_text` of them).

        Raises
        ------
        InputFileError
            As :meth:`read`, but for text that is not UTF-8.

        Examples
        --------
        >>> files = ModelFiles("models/us-rok-cfc.yaml")
        >>> files.read_bytes(files.top, "models/us-rok-cfc.yaml")[:10]
        b'# c2graph '
        """
        raw = _read_bytes(path, display, self.max_bytes - self.used, self.max_bytes, self.used)
        self.used += len(raw)
        try:
            self.read_paths.append(path.resolve())
        except (OSError, ValueError):  # read, so it resolves; a race at worst
            self.read_paths.append(path)
        return raw


def read_text(path: Path, *, max_bytes: int = MAX_MODEL_BYTES) -> str:
    """Read a model file as UTF-8 text, refusing what is not one.

    A leading byte order mark is dropped, and line ends are made ``\\n`` (from ``\\r\\n``
    or a lone ``\\r``, as YAML and JSON read them), so that lines are counted as written.

    Parameters
    ----------
    path
        The file to read.
    max_bytes
        The largest file accepted.

    Returns
    -------
    str
        The file's text.

    Raises
    ------
    InputFileError
        When the file is missing, not a regular file, unreadable, too large or not UTF-8.

    Examples
    --------
    >>> read_text(Path("models/us-rok-cfc.yaml")).splitlines()[1]
    'name: US–ROK Combined Forces Command (comparator)'
    >>> read_text(Path("no-such-file.yaml"))
    Traceback (most recent call last):
    c2graph.errors.InputFileError: no-such-file.yaml: no such file
    >>> read_text(Path("/dev/zero"))
    Traceback (most recent call last):
    c2graph.errors.InputFileError: /dev/zero: is a device, not a regular file
    """
    return decode_text(_read_bytes(path, str(path), max_bytes, max_bytes, 0), str(path))[0]


def decode_text(raw: bytes, display: str) -> tuple[str, bytes | None]:
    """The text of a model file's bytes, and the bytes again when they are the text's UTF-8
    (None when a byte order mark was dropped or line ends were changed).

    A leading byte order mark is dropped, and line ends are made ``\\n``, as
    :func:`read_text` does.

    Raises
    ------
    InputFileError
        When the bytes are not UTF-8, saying on which line.

    Examples
    --------
    >>> decode_text(b"a\\r\\nb", "m.yaml"), decode_text(b"a\\nb", "m.yaml")
    (('a\\nb', None), ('a\\nb', b'a\\nb'))
    >>> decode_text(b"a\\n\\xff", "m.yaml")
    Traceback (most recent call last):
    c2graph.errors.InputFileError: m.yaml:2: not UTF-8 text (byte 0xff at offset 2); save \
the file as UTF-8
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _lines_before(raw[: exc.start]) + 1
        raise InputFileError(
            f"{display}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    whole = text
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, raw if text is whole else None


def _lines_before(raw: bytes) -> int:
    """Line breaks in ``raw``: ``\\n``, ``\\r\\n`` and a lone ``\\r`` count one each."""
    return raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")


def _read_bytes(path: Path, display: str, room: int, limit: int, used: int) -> bytes:
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        _refuse_special(os.stat(path).st_mode, display)
        fd = os.open(path, flags)  # never blocks: a pipe opened since is refused below
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            _refuse_special(info.st_mode, display)
            if info.st_size > room:
                raise _too_big(display, info.st_size, limit, used)
            raw = stream.read(room + 1)
    except FileNotFoundError:
        raise InputFileError(f"{display}: no such file") from None
    except PermissionError:
        raise InputFileError(f"{display}: permission denied") from None
    except IsADirectoryError:
        raise InputFileError(f"{display}: is a directory, not a model file") from None
    except (OSError, ValueError) as exc:
        if isinstance(exc, InputFileError):
            raise
        raise InputFileError(f"{display}: cannot be read ({_reason(exc)})") from None
    if len(raw) > room:  # the file grew while it was read
        raise _too_big(display, len(raw), limit, used)
    return raw


def _refuse_special(mode: int, display: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputFileError(f"{display}: is a directory, not a model file")
    for test, what in _KINDS:
        if test(mode):
            raise InputFileError(f"{display}: is {what}")


def _too_big(display: str, size: int, limit: int, used: int) -> InputFileError:
    if not used:
        return InputFileError(
            f"{display}: {size:,} bytes is over the {limit:,}-byte limit for a model "
            "(all the files it reads together)"
        )
    return InputFileError(
        f"{display}: its {size:,} bytes would bring the model's files to {used + size:,} "
        f"bytes, over the {limit:,}-byte limit for a model (all the files it reads together)"
    )


def _reason(exc: BaseException) -> str:
    """The reason an operating-system call gave, in words."""
    if isinstance(exc, ValueError):  # "embedded null byte"
        return "the path holds a NUL character"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
