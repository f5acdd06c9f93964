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
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["ensure_folder", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it, then move it in place.

    Text is written as UTF-8 with the line ends it has. A replaced file keeps its
    permissions; a new one gets those the umask allows. If the write fails, an existing
    ``path`` is left as it was and no temporary file remains.

    Parameters
    ----------
    path
        The file to write; its folder must exist.
    content
        Text or bytes.

    Raises
    ------
    OutputError
        ``path`` is a folder, its folder is missing, or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "chart.png"
    >>> write_atomic(target, b"\\x89PNG")
    >>> target.read_bytes()
    b'\\x89PNG'
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name for the output")
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {str(directory)!r} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)


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
