"""UTF-8 text written as it is under an inert standard output, or decoded where the
stream would write other bytes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.cli._terminal import InertStream
from c2graph.errors import OutputError

CFC = str(Path(__file__).resolve().parents[2] / "models" / "us-rok-cfc.yaml")


def _stream(encoding: str) -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace")


def test_utf8_bytes_follow_the_text_written_before_them_unchanged():
    raw, text = _stream("utf-8")
    out = InertStream(text, "standard output")
    out.write("before\x1b\n")  # held by the text layer until the bytes are written
    out.write_utf8("平時 ".encode(), b"\\u001b\n")
    assert raw.getvalue() == "before\\u001b\n平時 \\u001b\n".encode()


def test_another_encoding_takes_the_text_layer():
    raw, text = _stream("ascii")
    InertStream(text, "standard output").write_utf8("平時".encode(), b"\n")
    text.flush()
    assert raw.getvalue() == b"\\u5e73\\u6642\n"


def test_a_closed_stream_is_reported_as_for_text():
    out = InertStream(None, "standard output")
    with pytest.raises(OutputError, match="standard output is closed; nothing can be printed"):
        out.write_utf8(b"{}")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_json_to_a_full_standard_output():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "c2graph", "show", CFC, "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 4
    assert result.stderr.decode() == (
        "c2graph show: error: standard output cannot be written (No space left on device)\n"
    )


def test_json_of_a_command_reads_back_whole():
    result = subprocess.run(
        [sys.executable, "-m", "c2graph", "compare", CFC, CFC, "--json"],
        capture_output=True,
        check=True,
    )
    assert result.stdout.endswith(b"\n}\n")
    name = load_model(CFC).name
    assert "\u2013" in name  # outside ASCII: written as UTF-8
    assert json.loads(result.stdout.decode("utf-8"))["before"] == name
