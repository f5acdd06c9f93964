"""Mermaid's own parser (mermaid 11 under Node, tests/export/mermaid/) reads every export.

Needs ``node`` and ``npm ci --prefix tests/export/mermaid`` (CI does both); the tests are
skipped without them unless ``C2GRAPH_REQUIRE_MERMAID`` is set, which makes them fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.export.mermaid import to_mermaid

from .conftest import HOSTILE_PIECES, named

CHECKER = Path(__file__).with_name("mermaid")
SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))


@pytest.fixture(scope="module")
def parse():
    """Run Mermaid's parser on texts; return each text's verdict line."""
    node = shutil.which("node")
    if node is None or not (CHECKER / "node_modules" / "mermaid").is_dir():
        message = "Mermaid's parser is not installed (node, npm ci --prefix tests/export/mermaid)"
        if os.environ.get("C2GRAPH_REQUIRE_MERMAID"):
            pytest.fail(message)
        pytest.skip(message)

    def run(texts: dict[str, str], folder: Path) -> dict[str, str]:
        files = []
        for name, text in texts.items():
            path = folder / f"{name}.mmd"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        done = subprocess.run(
            [node, str(CHECKER / "check.mjs"), *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        verdicts = dict(line.split(": ", 1) for line in done.stdout.splitlines())
        return {Path(file).stem: verdicts[file] for file in files}

    return run


def test_the_parser_reports_syntax_errors(parse, tmp_path):
    verdicts = parse(
        {"good": "flowchart TB\n  a --> b\n", "bad": "flowchart TB\n  a -->> b\n"}, tmp_path
    )
    assert verdicts["good"] == "ok (flowchart-v2)"
    assert verdicts["bad"].startswith("error Parse error on line 2:")


def test_every_shipped_model_and_phase_parses(parse, tmp_path):
    texts = {}
    for path in SHIPPED:
        model = load_model(path)
        texts[path.stem] = to_mermaid(model)
        for phase in model.phase_ids:
            texts[f"{path.stem}-{phase}"] = to_mermaid(model, phase=phase)
    assert parse(texts, tmp_path) == {name: "ok (flowchart-v2)" for name in texts}


def test_hostile_names_parse(parse, tmp_path):
    names = [*HOSTILE_PIECES, "".join(HOSTILE_PIECES), 'a"]; b --> c["x', "end\nsubgraph"]
    texts = {
        f"piece{i}": to_mermaid(named([name, "end", name + "x"])) for i, name in enumerate(names)
    }
    texts["all"] = to_mermaid(named(names))
    assert parse(texts, tmp_path) == {name: "ok (flowchart-v2)" for name in texts}
