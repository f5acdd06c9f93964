"""``export()``: format dispatch, errors, determinism and phase restriction for every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from c2graph import QueryError
from c2graph.export import FORMATS, export
from c2graph.export.dot import to_dot
from c2graph.render import dot_text

from .conftest import tiny_data

TEXT_FORMATS = list(FORMATS)


def test_formats():
    assert FORMATS == ("dot", "mermaid", "graphml", "gexf", "dynetml", "json", "msdl")


def test_unknown_format(tiny):
    with pytest.raises(QueryError) as err:
        export(tiny, "svg")
    assert str(err.value) == (
        "unknown export format 'svg'; choose one of dot, mermaid, graphml, gexf, dynetml, "
        "json, msdl"
    )


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_unknown_phase(tiny, fmt):
    with pytest.raises(
        QueryError,
        match=r"^unknown phase id 'peace' \(did you mean "
        r"'peacetime'\?\)",
    ):
        export(tiny, fmt, phase="peace")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_same_model_same_text(tiny, fmt):
    assert export(tiny, fmt) == export(tiny, fmt)
    assert export(tiny, fmt).endswith("\n")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "msdl"])
def test_phase_restricts_every_format(tiny, fmt):
    """(MSDL writes one phase's units, never a coordination body: see test_msdl.py.)"""
    assert "Alliance Coordination Mechanism" in export(tiny, fmt)
    assert "Alliance Coordination Mechanism" in export(tiny, fmt, phase="gray-zone")
    assert "Alliance Coordination Mechanism" not in export(tiny, fmt, phase="peacetime")
    assert "INDOPACOM" in export(tiny, fmt, phase="peacetime")


def test_dot_export_is_the_data_graph_not_the_drawing(tiny):
    """``export --format dot`` writes model ids and values; ``draw -o x.dot`` the chart."""
    data = export(tiny, "dot")
    assert data == to_dot(tiny)
    assert '"pm" -> "jjoc" [key="pm->jjoc:command"' in data
    drawing = dot_text(tiny, phase="peacetime")
    assert "pos=" in drawing and "pos=" not in data


def test_same_bytes_across_processes(tmp_path):
    """Set and dict orders must not leak into the output (hash seeds differ per process)."""
    script = (
        "import hashlib, json, sys\n"
        "from c2graph import load_model_data\n"
        "from c2graph.export import FORMATS, export\n"
        "model = load_model_data(json.load(open(sys.argv[1], encoding='utf-8')))\n"
        "print([hashlib.sha256(export(model, f).encode()).hexdigest() for f in FORMATS])\n"
    )
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(tiny_data()), encoding="utf-8")
    runs = {
        subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_scenario_is_a_phase_to_every_format(fmt):
    """``--phase`` takes any situation; a link of one scenario only is in it (and in no
    other slice: see the GEXF spells and Mermaid marks below)."""
    from pathlib import Path

    from c2graph import load_model

    model = load_model(Path(__file__).resolve().parents[2] / "models" / "us-japan-2025.yaml")
    assert model.link("us-supports-sdf").phases == frozenset({"remote-island-attack"})
    in_scenario = export(model, fmt, phase="remote-island-attack")
    in_phase = export(model, fmt, phase="armed-attack")
    if fmt == "msdl":  # support of the JJOC by INDOPACOM between two units
        assert in_scenario.count("<SupportRelation>") == in_phase.count("<SupportRelation>") + 1
    elif fmt != "mermaid":
        assert "us-supports-sdf" in in_scenario and "us-supports-sdf" not in in_phase


def test_scenario_only_links_have_their_time_and_mark():
    import io
    from pathlib import Path

    import networkx as nx

    from c2graph import load_model

    model = load_model(Path(__file__).resolve().parents[2] / "models" / "us-japan-2025.yaml")
    graph = nx.read_gexf(io.BytesIO(export(model, "gexf").encode()))
    (spells,) = [d["spells"] for _, _, d in graph.edges(data=True) if d["id"] == "us-supports-sdf"]
    assert spells == [(10, 10)] and list(model.situations)[10] == "remote-island-attack"
    lines = export(model, "mermaid").splitlines()
    assert '  phases["Phases<br>1 Peacetime' in "\n".join(lines)
    # Merged with INDOPACOM's cooperation short of armed attack (situations 2-4 and 10-13).
    assert any(line.endswith('-.->|"support · 2–4, 10–13"| n10') for line in lines)
