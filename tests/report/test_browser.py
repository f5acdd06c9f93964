"""The report page opens in a real headless browser (Chromium), which draws a screenshot."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from c2graph import load_model
from c2graph.report import write_report

from ._models import BASE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_headless_chromium_screenshots_the_page(write_model, tmp_path):
    model = load_model(write_model(BASE, "base.yaml"))
    out = tmp_path / "report"
    write_report([model], out, engine="graphviz" if shutil.which("dot") else "matplotlib")
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            (out / "index.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
