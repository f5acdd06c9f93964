"""The Graphviz engine lookup: a system ``dot`` by its version, looked up ahead of need."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess

import pytest

from c2graph.render import engine
from c2graph.render.engine import GraphvizEngine, graphviz_engine, look_up_engine


def _fake_dot(folder, version: str):
    """A ``dot`` program that only says its version, as Graphviz does (on stderr)."""
    program = folder / "dot"
    program.write_text(f"#!/bin/sh\necho 'dot - graphviz version {version} (0)' >&2\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def test_a_recent_system_dot_is_found_by_a_lookup_started_ahead(tmp_path, monkeypatch):
    program = _fake_dot(tmp_path, "99.1.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    look_up_engine()
    look_up_engine()  # once per PATH
    started = engine._LOOKUPS[str(tmp_path)]
    assert graphviz_engine() == GraphvizEngine("system", (99, 1), str(program))
    assert not started.is_alive()
    assert engine._LOOKUPS[str(tmp_path)] is started


def test_an_old_system_dot_gives_way_to_the_bundled_library(tmp_path, monkeypatch):
    _fake_dot(tmp_path, "2.43.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    look_up_engine()
    bundled = engine._bundled_version()  # pygraphviz is a dependency
    assert bundled is not None and bundled >= (14, 0)
    assert graphviz_engine() == GraphvizEngine("bundled", bundled)


def test_without_a_lookup_ahead_the_answer_is_the_same(tmp_path, monkeypatch):
    program = _fake_dot(tmp_path, "14.0.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert graphviz_engine() == GraphvizEngine("system", (14, 0), str(program))
    assert str(tmp_path) not in engine._LOOKUPS


def test_the_version_is_asked_without_loading_plugins(tmp_path, monkeypatch):
    program = tmp_path / "dot"
    program.write_text(
        f'#!/bin/sh\nprintf %s "$GVBINDIR" > {tmp_path / "asked"}\n'
        "echo 'dot - graphviz version 14.1.0 (0)' >&2\n"
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("GVBINDIR", str(tmp_path))
    assert engine._system_version(str(program)) == (14, 1)
    assert (tmp_path / "asked").read_text() == os.devnull


@pytest.mark.skipif(shutil.which("dot") is None, reason="no system dot")
def test_a_system_dot_says_the_same_version_without_its_plugins():
    program = shutil.which("dot")
    said = subprocess.run([program, "-V"], capture_output=True, check=False).stderr.decode()
    found = re.search(r"graphviz version (\d+)\.(\d+)", said)
    assert found is not None
    assert engine._system_version(program) == (int(found[1]), int(found[2]))
