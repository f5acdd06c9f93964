"""Safe writing of outputs: atomic replacement, and never over a model file.

Example
-------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "chart.dot"
>>> write_atomic(target, "digraph {}\\n")
>>> target.read_text()
'digraph {}\\n'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import C2GraphError, OutputError

__all__ = ["PROTECTED_SUFFIXES", "write_atomic", "write_atomic_with"]

#: Outputs never replace files with these suffixes: they are model or unit data.
PROTECTED_SUFFIXES = frozenset({".yaml", ".yml", ".csv"})


def _check_target(path: Path, protect: Iterable[str | os.PathLike[str]]) -> None:
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for the output")
    if path.suffix.lower() in PROTECTED_SUFFIXES:
        raise OutputError(
            f"{path}: refusing to write an output over a model or data file "
            f"({path.suffix}); choose another name"
        )
    resolved = path.resolve()
    for protected in protect:
        if Path(protected).resolve() == resolved:
            raise OutputError(f"{path}: this is an input of the command; refusing to overwrite it")


def write_atomic_with(
    path: str | os.PathLike[str],
    produce: Callable[[Path], None],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Let ``produce`` write a temporary file beside ``path``, then move it into place.

    If ``produce`` raises, the temporary file is removed and an existing ``path`` is left
    as it was.
    """
    target = Path(path)
    _check_target(target, protect)
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {str(directory)!r} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except C2GraphError:
        raise
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(
    path: str | os.PathLike[str],
    content: str | bytes,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``content`` to ``path`` atomically (UTF-8 for text, ``\\n`` line ends)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic_with(path, lambda tmp: tmp.write_bytes(data), protect=protect)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
