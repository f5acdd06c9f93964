"""Readers other tools use, run under Node (tests/export/readers/): Mermaid's own parser
(mermaid 11) reads every Mermaid export; ORBAT Mapper's MSDL library (@orbat-mapper/msdllib)
reads every MSDL export.

They need ``node`` and ``npm ci --prefix tests/export/readers`` (CI does both); the tests
are skipped without them unless ``C2GRAPH_REQUIRE_NODE_READERS`` is set, which makes them
fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.export.mermaid import to_mermaid
from c2graph.export.msdl import COMMANDING, msdl_export, msdl_handle, msdl_text

from .conftest import HOSTILE_PIECES, named

READERS = Path(__file__).with_name("readers")
SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))
Run = Callable[[str, dict[str, str]], list[str]]


@pytest.fixture(scope="module")
def node(tmp_path_factory) -> Run:
    """Run a reader script on texts written to files; return its output lines."""
    program = shutil.which("node")
    if program is None or not (READERS / "node_modules" / "mermaid").is_dir():
        message = "the Node readers are not installed (node; npm ci --prefix tests/export/readers)"
        if os.environ.get("C2GRAPH_REQUIRE_NODE_READERS"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("node-readers")

    def run(script: str, texts: dict[str, str]) -> list[str]:
        files = []
        for name, text in texts.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        done = subprocess.run(
            [program, str(READERS / script), *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.stderr == ""
        return done.stdout.splitlines()

    return run


def _mermaid_texts() -> dict[str, str]:
    """Every text the Mermaid tests check: two probes, every shipped model and phase, and
    models named with hostile pieces."""
    texts = {"good": "flowchart TB\n  a --> b\n", "bad": "flowchart TB\n  a -->> b\n"}
    for path in SHIPPED:
        model = load_model(path)
        texts[path.stem] = to_mermaid(model)
        for phase in model.phase_ids:
            texts[f"{path.stem}-{phase}"] = to_mermaid(model, phase=phase)
    names = [*HOSTILE_PIECES, "".join(HOSTILE_PIECES), 'a"]; b --> c["x', "end\nsubgraph"]
    for i, name in enumerate(names):
        texts[f"hostile{i}"] = to_mermaid(named([name, "end", name + "x"]))
    texts["hostile-all"] = to_mermaid(named(names))
    return texts


@pytest.fixture(scope="module")
def mermaid(node) -> dict[str, str]:
    """Mermaid's verdict on each text of :func:`_mermaid_texts`, in one run of Node."""
    lines = node("check-mermaid.mjs", {f"{k}.mmd": v for k, v in _mermaid_texts().items()})
    verdicts = dict(line.split(": ", 1) for line in lines)
    return {Path(file).stem: verdict for file, verdict in verdicts.items()}


def test_mermaid_parser_reports_syntax_errors(mermaid):
    assert mermaid["good"] == "ok (flowchart-v2)"
    assert mermaid["bad"].startswith("error Parse error on line 2:")


def test_mermaid_parses_every_shipped_model_and_phase(mermaid):
    shipped = {k: v for k, v in mermaid.items() if k.startswith("us-")}
    assert len(shipped) == sum(1 + len(load_model(p).phases) for p in SHIPPED)
    assert set(shipped.values()) == {"ok (flowchart-v2)"}


def test_mermaid_parses_hostile_names(mermaid):
    hostile = {k: v for k, v in mermaid.items() if k.startswith("hostile")}
    assert len(hostile) == len(HOSTILE_PIECES) + 4
    assert set(hostile.values()) == {"ok (flowchart-v2)"}


def read_msdl_files(node: Run, texts: dict[str, str]) -> dict[str, dict]:
    lines = node("read-msdl.mjs", {f"{name}.xml": text for name, text in texts.items()})
    read = [json.loads(line) for line in lines]
    return {Path(item["file"]).stem: item for item in read}


def test_orbat_mapper_reads_every_shipped_model_and_phase(node):
    """Each unit with its name, its superior (the commanding one, else its force), its
    designation and kind; each force side with its top units."""
    expected, texts = {}, {}
    for path in SHIPPED:
        model = load_model(path)
        for phase in model.phase_ids:
            result = msdl_export(model, phase=phase)
            texts[f"{path.stem}-{phase}"] = result.text
            expected[f"{path.stem}-{phase}"] = _expected(model, phase, result)
    read = read_msdl_files(node, texts)
    for name, want in expected.items():
        assert "error" not in read[name], read[name]
        got = {
            u["handle"]: (u["name"], u["superior"], u["designation"], u["info"])
            for u in read[name]["units"]
        }
        assert got == want, name


def _expected(model, phase, result) -> dict[str, tuple]:
    dropped = {o.item for o in result.omissions if not o.changed}
    superiors = {}
    for link in model.links_in(phase):
        if link.is_authority and link.key not in dropped:
            superiors.setdefault(link.to_node, []).append(link)
    want = {}
    for node in model.nodes.values():
        if phase not in node.phases or node.id in dropped:
            continue
        ordered = sorted(
            superiors.get(node.id, []),
            key=lambda lk: COMMANDING.index(lk.relation),
        )
        superior = (
            msdl_handle("unit", ordered[0].from_node)
            if ordered
            else msdl_handle("force-side", node.nation)
        )
        want[msdl_handle("unit", node.id)] = (
            msdl_text(node.name, 255) or node.id,
            superior,
            msdl_text(node.short or node.name, 21),
            node.kind,
        )
    return want
