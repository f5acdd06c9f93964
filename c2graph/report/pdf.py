"""The report as a PDF, printed by headless Chromium from the page's print stylesheet.

The page is printed as written, every fold opened and the paper set (A4 or Letter), from a
copy in a private temporary folder; the PDF is then written atomically.  Chromium is found
as ``$C2GRAPH_CHROMIUM``, else ``chromium``, ``chromium-browser``, ``google-chrome`` on the
path; without one, the error says how to get it.

Example
-------
>>> print_ready("<details><summary>x</summary><p>y</p></details>", "letter")[:60]
'<details open><summary>x</summary><p>y</p></details>'
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import OutputError, RenderError
from ..outputs import write_atomic

__all__ = ["BROWSERS", "PAPERS", "QUIET_FLAGS", "find_browser", "print_pdf", "print_ready"]

#: Browsers tried, in order, when ``$C2GRAPH_CHROMIUM`` is not set.
BROWSERS: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
#: Flags for a headless Chromium that runs as root in a container and calls no service of
#: its own (updates, sync, first-run pages): the printer, the explorer's picture and its
#: browser tests start it alike.
QUIET_FLAGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
#: Paper sizes, as CSS ``@page`` sizes.
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}
_TIMEOUT = 300


def find_browser() -> str | None:
    """Return the Chromium to print with, or None when there is none.

    >>> import os
    >>> os.environ["C2GRAPH_CHROMIUM"] = "/bin/true"
    >>> find_browser()
    '/bin/true'
    >>> del os.environ["C2GRAPH_CHROMIUM"]
    """
    given = os.environ.get("C2GRAPH_CHROMIUM")
    if given:
        return given
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_ready(page: str, paper: str) -> str:
    """Return the page with every fold open and the paper size set for printing."""
    size = f"<style>@page {{ size: {PAPERS[paper]}; }}</style>"
    opened = page.replace("<details>", "<details open>")
    return opened.replace("</head>", f"{size}\n</head>", 1)


def print_pdf(page: str, target: str | os.PathLike[str], *, paper: str = "a4") -> Path:
    """Print the HTML ``page`` (the report's ``index.html`` text) to the PDF ``target``.

    Raises
    ------
    OutputError
        No Chromium is found, or the PDF cannot be written.
    RenderError
        Chromium fails or writes no PDF.
    """
    if paper not in PAPERS:
        raise OutputError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    browser = find_browser()
    if browser is None:
        raise OutputError(
            "--pdf needs Chromium to print the page: install it (Debian: apt install "
            "chromium) or set C2GRAPH_CHROMIUM to its path; the HTML report was written and "
            "prints from any browser"
        )
    with tempfile.TemporaryDirectory(prefix="c2graph-pdf-") as work:
        folder = Path(work)
        source, printed = folder / "print.html", folder / "report.pdf"
        source.write_text(print_ready(page, paper), encoding="utf-8")
        command = [
            browser,
            "--headless",
            *QUIET_FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={printed}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RenderError(f"Chromium could not print the report: {exc}") from None
        if not printed.is_file() or printed.read_bytes()[:5] != b"%PDF-":
            tail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:]
            said = " ".join(tail) or "no message"
            raise RenderError(f"Chromium printed no PDF (exit {done.returncode}): {said}")
        write_atomic(target, printed.read_bytes())
    return Path(target)
