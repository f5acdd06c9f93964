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
            "--skip",
            "compare,dot",
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
    assert {
        "load_model from JSON",
        "load_model from YAML",
        "load_model from YAML+CSV",
        "memory of the loaded model (MB)",
    } <= measures
    assert any(m.startswith("start-up: c2graph ") for m in measures)
    for row in result["rows"]:
        assert row["baseline"] > 0
        assert row["ratio"] is None or row["ratio"] > 0
    assert "load_model from JSON" in done.stdout
    assert f"results written to {out}" in done.stdout


def test_unknown_group_is_refused():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--skip", "nothing"],
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
