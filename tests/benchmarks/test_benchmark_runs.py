"""The benchmark command runs end to end at N = 1,000 (speed is reported, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_one_thousand_units(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "1000",
            "--repeat",
            "1",
            "--only",
            "startup,validate,path,memory",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    measures = {row["measure"] for row in result["rows"]}
    assert measures == {
        "start-up: c2graph path, shipped model",
        "validate JSON",
        "validate YAML",
        "validate YAML + units CSV",
        "path (deepest unit)",
        "memory of the loaded model (MB)",
        "memory after the bottleneck report (MB)",
    }
    for row in result["rows"]:
        assert row["seconds"] > 0 and row["baseline"] > 0
        assert row["ratio"] == row["seconds"] / row["baseline"]
    assert "validate JSON" in done.stdout
    assert f"results written to {out}" in done.stdout


def test_paired_runs_swap_their_order_and_stop_at_the_timeout():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run

    quick = [sys.executable, "-c", "pass"]
    slow = [sys.executable, "-c", "import time; time.sleep(5)"]
    mine, theirs = run.paired(slow, quick, 3, timeout=0.5)
    assert [r.seconds for r in mine] == [None]
    assert len(theirs) == 3 and all(r.seconds is not None for r in theirs)


def test_unknown_group_is_refused():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--only", "nothing"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown group(s) nothing" in done.stderr


def test_schematics_measures_a_gallery_picture_without_overlaps():
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "benchmarks"))
    import schematics

    from c2graph import load_model
    from c2graph.render.dot import dot_source
    from c2graph.render.engine import render_graphviz
    from c2graph.render.scene import build_scene

    model = load_model(ROOT / "models" / "us-rok-cfc.yaml")
    svg = render_graphviz(dot_source(build_scene(model, phase="wartime")), "svg").decode()
    picture = schematics.measure_svg(svg, "cfc wartime")
    assert picture.overlaps == 0
    assert 1.2 <= picture.aspect <= 2.0 and picture.fitted_pt >= 9.0
