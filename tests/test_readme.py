"""The README's Python examples run as written, from a folder holding the shipped models."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_python_examples_run(tmp_path, monkeypatch, capsys):
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 2
    (tmp_path / "models").symlink_to(REPO / "models")
    monkeypatch.chdir(tmp_path)
    exec(compile("\n".join(blocks), "README.md", "exec"), {})
    assert "jp-pm → jp-mod → jp-jjoc → jp-gcc command" in capsys.readouterr().out
    assert (tmp_path / "gcc.svg").read_bytes().startswith(b"<?xml")
    written = sorted(p.name for p in (tmp_path / "report").iterdir())
    assert written[:3] == ["explore.html", "index.html", "report.md"]
