"""Writing outputs atomically: a complete new file replaces the old one, or nothing changes.

This module only writes. What may be written where (never over a model file or an input
of the command) is decided by the command line, :mod:`c2graph.cli._output`.

Example
-------
>>> import tempfile, pathlib
>>> folder = ensure_folder(pathlib.Path(tempfile.mkdtemp()) / "charts")
>>> write_atomic(folder / "chart.dot", "digraph {}\\n")
>>> (folder / "chart.dot").read_text()
'digraph {}\\n'
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["check_target", "ensure_folder", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it, then move it in place.

    Text is written as UTF-8 with the line ends it has. A replaced file keeps its
    permissions; a new one gets those the umask allows. If the write fails or is
    interrupted (Ctrl-C, or SIGTERM where the command line turns it into an exception), an
    existing ``path`` is left as it was and no temporary file remains. A device, named pipe
    or socket at ``path`` (or a link to one) is never replaced.

    Parameters
    ----------
    path
        The file to write; its folder must exist.
    content
        Text or bytes.

    Raises
    ------
    OutputError
        ``path`` is a folder or not a regular file, its folder is missing, or the file
        cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "chart.png"
    >>> write_atomic(target, b"\\x89PNG")
    >>> target.read_bytes()
    b'\\x89PNG'
    >>> write_atomic("/dev/null", b"")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    c2graph.errors.OutputError: /dev/null: is a device, not a regular file; refusing to ...
    """
    target = Path(path)
    check_target(target)
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {str(directory)!r} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=directory)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse an output path that cannot be a regular file written whole.

    Parameters
    ----------
    path
        Where an output is to be written.

    Raises
    ------
    OutputError
        The path is a folder, a device, a named pipe or a socket (or a link to one), or its
        name is longer than file names may be.

    Examples
    --------
    >>> check_target("chart.svg")
    >>> check_target("x" * 300 + ".svg")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    c2graph.errors.OutputError: xxx...x.svg: the name is 304 bytes long, over the 255 bytes a \
file name may have here; choose a shorter name
    """
    target = Path(path)
    size = len(os.fsencode(target.name))
    limit = _name_max(target.parent)
    if size > limit:
        raise OutputError(
            f"{target}: the name is {size} bytes long, over the {limit} bytes a file name may "
            "have here; choose a shorter name"
        )
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{target}: is a directory; give a file name for the output")
    for test, what in _SPECIAL:
        if test(mode):
            raise OutputError(f"{target}: is {what}, not a regular file; refusing to write over it")


_SPECIAL = (
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def _name_max(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system takes."""
    try:
        return os.pathconf(folder if folder.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _temporary_prefix(target: Path) -> str:
    """A hidden name beside the target, short enough for any file system: the target's
    name is cut to 64 bytes."""
    short = os.fsencode(target.name)[:64].decode("utf-8", "ignore")
    return f".{short}."


def ensure_folder(path: str | os.PathLike[str]) -> Path:
    """Create the folder ``path`` (and its parents) if it is missing; return it.

    Raises
    ------
    OutputError
        ``path`` exists and is not a folder, or it cannot be created.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> ensure_folder(pathlib.Path(tempfile.mkdtemp()) / "a" / "b").is_dir()
    True
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: the folder cannot be created ({exc.strerror})") from None
    return folder


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
