"""The README's picture of the explorer: the 2025 model's page in headless Chromium.

Regenerate it with one command from the project root::

    python tools/explorer_shot.py            # -> docs/explorer.png

The page is ``c2graph explore models/us-japan-2025.yaml``'s, shown as an analyst leaves it:
peacetime first, then the armed attack situation, the Joint Operations Command selected
(its chain up, its chains down, the links the switch activates). It needs Debian's
``chromium`` and the ``playwright`` package of the test extras; every request that would
leave the page is refused, and the picture is not written if one is attempted.

Example
-------
>>> SHOT.fragment
'#model=us-japan-2025&phase=peacetime'
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from c2graph import load_model
from c2graph.explore import write_explorer
from c2graph.report.pdf import QUIET_FLAGS, find_browser

__all__ = ["SHOT", "Shot", "main", "shoot"]


@dataclass(frozen=True)
class Shot:
    """What the picture shows: the model, the URL fragment the page opens with, the
    elements clicked in turn, and the window size (CSS pixels)."""

    model: str
    fragment: str
    clicks: tuple[str, ...]
    size: tuple[int, int] = (1600, 900)


SHOT = Shot(
    "models/us-japan-2025.yaml",
    "#model=us-japan-2025&phase=peacetime",
    (
        'g.node[data-node="jp-jjoc"]',
        '#phases button[data-situation="armed-attack"]',
    ),
)


def shoot(shot: Shot, png: Path, *, chromium: str) -> None:
    """Write the explorer page of ``shot.model``, open it, click, and save the picture.

    Raises ``RuntimeError`` if the page tries to reach the network or its script fails;
    nothing is written then.
    """
    from playwright.sync_api import Route, sync_playwright

    refused: list[str] = []

    def route(request: Route) -> None:
        if request.request.url.startswith("file://"):
            request.continue_()
        else:
            refused.append(request.request.url)
            request.abort()

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "explore.html"
        write_explorer([load_model(shot.model)], page_file)
        browser = playwright.chromium.launch(executable_path=chromium, args=list(QUIET_FLAGS))
        width, height = shot.size
        page = browser.new_page(viewport={"width": width, "height": height})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route("**/*", route)
        page.goto(page_file.as_uri() + shot.fragment, wait_until="load")
        page.wait_for_selector("html[data-ready]")
        for selector in shot.clicks:
            page.click(selector)
        picture = page.screenshot()
        browser.close()
    if refused or errors:
        raise RuntimeError(f"the page reached for {refused} or failed: {errors}")
    png.write_bytes(picture)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``docs/explorer.png`` (or ``-o FILE``); 1 if Chromium is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="docs/explorer.png", help="PNG to write")
    args = parser.parse_args(argv)
    chromium = find_browser()
    if chromium is None:
        sys.stderr.write("explorer_shot: chromium is not installed\n")
        return 1
    shoot(SHOT, Path(args.output), chromium=chromium)
    sys.stdout.write(f"{args.output}: written\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
