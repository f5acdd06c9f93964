"""Progress on standard error: a bar on a terminal, nothing when not a terminal or with
``--quiet``."""

from __future__ import annotations

import io

from c2graph.cli._progress import Progress
from c2graph.cli.main import main


def test_a_bar_on_a_terminal_ending_with_a_new_line():
    stream = io.StringIO()
    tell = Progress(stream, terminal=True)
    for step in range(1, 4):
        tell(f"step {step}", step, 3)
    assert stream.getvalue() == (
        "\r[######..............]  1/3 step 1\x1b[K"
        "\r[#############.......]  2/3 step 2\x1b[K"
        "\r[####################]  3/3 step 3\x1b[K\n"
    )


def test_quiet_when_not_a_terminal_or_asked():
    not_a_terminal, asked = io.StringIO(), io.StringIO()
    Progress(not_a_terminal)("x", 1, 1)  # a StringIO is no terminal
    Progress(asked, quiet=True, terminal=True)("x", 1, 1)
    assert not_a_terminal.getvalue() == asked.getvalue() == ""


def test_commands_say_nothing_on_stderr_when_it_is_not_a_terminal(tmp_path, capsys):
    assert main(["compare", "models/us-rok-cfc.yaml", "models/us-rok-cfc.yaml"]) == 0
    assert capsys.readouterr().err == ""
    out = tmp_path / "chart.dot"
    assert main(["draw", "models/us-rok-cfc.yaml", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def test_report_tells_each_model_loaded_then_each_step(tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(
        "c2graph.cli.report.progress_for", lambda args: lambda *step: told.append(step)
    )
    assert main(["report", "models/us-rok-cfc.yaml", "-o", str(tmp_path), "--quiet"]) == 0
    assert told == [
        ("loaded us-rok-cfc", 1, 1),
        ("bottlenecks of us-rok-cfc: armistice", 1, 7),
        ("bottlenecks of us-rok-cfc: wartime", 2, 7),
        ("analysed us-rok-cfc", 3, 7),
        ("sections laid out", 4, 7),
        ("drawing 2 diagrams", 5, 7),
        ("diagrams drawn", 6, 7),
        ("page and Markdown assembled (5 files)", 7, 7),
    ]
