"""Every failure of a command is one line and a documented exit code; what it prints is inert."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from c2graph import load_model
from c2graph.cli import main as cli_main
from c2graph.cli.main import main
from c2graph.errors import EXIT_CODES

CFC = str(Path(__file__).resolve().parents[2] / "models" / "us-rok-cfc.yaml")
HOSTILE = """\
name: "Model \\e]0;pwned\\a\\e[2J"
as_of: "2025"
phases:
  - {id: p, name: "P \\u202eevil"}
nodes:
  - {id: a, name: "A\\nAll models valid", nation: JP, kind: headquarters}
  - {id: b, name: B, nation: JP, kind: unit}
links:
  - {from: a, to: b, relation: opcon}
"""


def run(*args: str, env: dict[str, str] | None = None, **options) -> subprocess.CompletedProcess:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE} | options
    return subprocess.run(
        [sys.executable, "-m", "c2graph", *args],
        check=False,
        env=(os.environ | env) if env else None,
        **streams,
    )


# -- what is printed is inert ---------------------------------------------------------------


def test_terminal_escapes_in_names_are_shown_not_run(write_model, capsys):
    path = write_model(HOSTILE)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert out.splitlines()[0] == "Model \\u001b]0;pwned\\u0007\\u001b[2J (as of 2025)"
    assert "  p: P \\u202eevil" in out.splitlines()


def test_a_newline_in_a_name_does_not_forge_a_line(write_model, capsys):
    path = write_model(HOSTILE)
    assert main(["path", str(path), "b"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "All models valid" not in lines
    assert lines[0] == "operational chains to b (B) in phase 'p':"
    assert main(["bottlenecks", str(path)]) == 0
    assert "All models valid" not in capsys.readouterr().out.splitlines()


def test_json_output_escapes_and_reads_back(write_model, capsys):
    path = write_model(HOSTILE)
    assert main(["show", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)["name"] == "Model \x1b]0;pwned\x07\x1b[2J"
    assert json.loads(out)["phases"][0]["name"] == "P \u202eevil"


def test_a_newline_in_an_extends_path_forges_nothing(write_model, capsys):
    path = write_model('extends: "nope.yaml\\nm.yaml: valid (3 nodes)"\nname: x\nas_of: "2025"\n')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out == (
        f"{path}:1: extends: expected a file path (1-1024 characters, no control characters), "
        "got 'nope.yaml\\nm.yaml: valid (3 nodes)'\n"
    )


def test_a_newline_in_a_file_name_forges_nothing(tmp_path, capsys):
    name = tmp_path / "x\nAll models valid"
    assert main(["validate", str(name)]) == 3
    assert capsys.readouterr().out == f"{tmp_path}/x\\u000aAll models valid: no such file\n"
    assert main(["show", str(name)]) == 3
    assert capsys.readouterr().err == (
        f"c2graph show: error: {tmp_path}/x\\u000aAll models valid: no such file\n"
    )


# -- standard output that cannot take it ----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_standard_output(tmp_path):
    with open("/dev/full", "w") as full:
        result = run("show", CFC, stdout=full)
    assert result.returncode == 4
    assert result.stderr.decode() == (
        "c2graph show: error: standard output cannot be written (No space left on device)\n"
    )


def test_a_closed_standard_output():
    # closed before the command starts (``>&-``), and closed under it
    started_closed = run("show", CFC, preexec_fn=lambda: os.close(1))
    assert started_closed.returncode == 4
    assert started_closed.stderr.decode() == (
        "c2graph show: error: standard output is closed; nothing can be printed\n"
    )
    script = (
        "import os, sys; from c2graph.cli.main import main; os.close(1); "
        f"sys.exit(main(['show', {CFC!r}]))"
    )
    closed = subprocess.run([sys.executable, "-c", script], stderr=subprocess.PIPE, check=False)
    assert closed.returncode == 4
    assert closed.stderr.decode() == (
        "c2graph show: error: standard output cannot be written (Bad file descriptor)\n"
    )


def test_an_ascii_standard_output():
    result = run("show", CFC, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    model = load_model(CFC)
    assert "\u2013" in model.name  # an en dash, which ASCII lacks
    first = f"{model.name} (as of {model.as_of})".encode("ascii", "backslashreplace").decode()
    assert result.stdout.decode("ascii").splitlines()[0] == first


def test_a_reader_that_stops_early():
    shown = subprocess.run(
        f"{sys.executable} -m c2graph export {CFC} --format json | head -c 1",
        shell=True,
        capture_output=True,
        check=False,
    )
    assert shown.stdout == b"{" and shown.stderr == b""


# -- failures without a traceback -----------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (MemoryError(), 5, "error: not enough memory; the model is too large for this machine"),
        (KeyboardInterrupt(), 130, "interrupted"),
        (cli_main.Terminated(), 143, "terminated"),
        (
            ZeroDivisionError("x\ny"),
            70,
            "internal error (ZeroDivisionError: x\\u000ay); please report it",
        ),
    ],
)
def test_every_failure_is_one_line_and_a_code(monkeypatch, capsys, raised, code, message):
    from c2graph.cli import show

    def fail(args):
        raise raised

    monkeypatch.setattr(show, "run", fail)
    assert main(["show", CFC]) == code
    assert capsys.readouterr().err == f"c2graph show: {message}\n"
    assert code in EXIT_CODES


def test_sigterm_during_a_save_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "cfc.json"
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from c2graph.cli.main import main

        real = os.replace
        def replace(src, dst):
            os.kill(os.getpid(), signal.SIGTERM)
            real(src, dst)
        os.replace = replace
        sys.exit(main(["export", {CFC!r}, "--format", "json", "-o", {str(out)!r}]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 143
    assert result.stderr == "c2graph export: terminated\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_exits_4(tmp_path, monkeypatch, capsys):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "cfc.json"
    assert main(["export", CFC, "--format", "json", "-o", str(out)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph export: error: {out}: cannot be written (Permission denied)\n"
    )
    assert main(["report", CFC, "-o", str(tmp_path / "r"), "--engine", "matplotlib"]) == 4
    assert capsys.readouterr().err == (
        f"c2graph report: error: {tmp_path / 'r' / 'index.html'}: cannot be written "
        "(Permission denied)\n"
    )


# -- outputs that must not be written -------------------------------------------------------


@pytest.mark.parametrize("kind", ["link to a device", "named pipe"])
def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path, capsys, kind):
    # (a device itself is tested on check_target, which writes nothing: a test run as root
    # must never risk /dev/null; a link to it, if replaced, is only the link)
    target = tmp_path / "out.json"
    if kind == "named pipe":
        os.mkfifo(target)
        what = "a named pipe (FIFO)"
    else:
        if not Path("/dev/null").exists():
            pytest.skip("no /dev/null")
        target.symlink_to("/dev/null")
        what = "a device"
    assert main(["export", CFC, "--format", "json", "-o", str(target)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph export: error: {target}: is {what}, not a regular file; refusing to write "
        "over it\n"
    )
    assert Path("/dev/null").is_char_device()


def test_output_names_up_to_the_longest_a_file_may_have(tmp_path, capsys):
    for size in (242, 250, 255):
        out = tmp_path / ("a" * (size - 5) + ".json")
        assert main(["export", CFC, "--format", "json", "-o", str(out)]) == 0, size
        assert out.is_file()
    too_long = tmp_path / ("a" * 251 + ".json")
    assert main(["export", CFC, "--format", "json", "-o", str(too_long)]) == 4
    assert capsys.readouterr().err.endswith(
        ": the name is 256 bytes long, over the 255 bytes a file name may have here; choose a "
        "shorter name\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_json_base_of_a_variant_is_never_replaced(tmp_path, capsys, minimal_text):
    import yaml

    base = tmp_path / "base.json"
    base.write_text(json.dumps(yaml.safe_load(minimal_text.replace("2025-03-24", "'2025'"))))
    (tmp_path / "variant.json").write_text('{"extends": "base.json", "name": "v", "as_of": "2026"}')
    before = base.read_bytes()
    code = main(["export", str(tmp_path / "variant.json"), "--format", "json", "-o", str(base)])
    assert code == 4
    assert capsys.readouterr().err == (
        f"c2graph export: error: {base}: this is an input of the command; refusing to "
        "overwrite it\n"
    )
    assert base.read_bytes() == before


def test_a_units_file_is_never_replaced_even_under_another_name(tmp_path, capsys, minimal_text):
    (tmp_path / "oob.txt").write_text("id,name,nation,kind,parent\nx,X,JP,unit,hq\n")
    model = tmp_path / "m.yaml"
    model.write_text(minimal_text + "units:\n  - {file: oob.txt}\n")
    code = main(["export", str(model), "--format", "mermaid", "-o", str(tmp_path / "oob.txt")])
    assert code == 4
    assert "this is an input of the command" in capsys.readouterr().err


def test_allow_outside_on_the_command_line(tmp_path, capsys, minimal_text):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.yaml").write_text(minimal_text)
    (tmp_path / "mine").mkdir()
    child = tmp_path / "mine" / "child.yaml"
    child.write_text("extends: ../shared/base.yaml\nname: c\nas_of: '2026'\n")
    assert main(["validate", str(child)]) == 1
    assert "is outside the model's folder" in capsys.readouterr().out
    shared = str(tmp_path / "shared")
    assert main(["validate", str(child), "--allow-outside", shared]) == 0
    assert main(["show", str(child), "--allow-outside", shared]) == 0


def test_pdf_has_no_local_time(tmp_path):
    out = tmp_path / "cfc.pdf"
    result = run("draw", CFC, "-o", str(out), env={"TZ": "Asia/Tokyo"})
    if result.returncode != 0:
        pytest.skip(f"Graphviz cannot draw PDF here: {result.stderr.decode()}")
    data = out.read_bytes()
    assert b"+09'00" not in data
    assert b"/CreationDate (D:19700101000000Z)" in data


# -- validate: warnings and --strict --------------------------------------------------------


def test_validate_prints_warnings_and_strict_makes_them_errors(write_model, capsys, sourced_text):
    path = write_model(sourced_text.replace("name: Unit,", "name: ' ',"))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}: valid (3 nodes, 2 links, 3 phases), 1 warning\n"
        f"{path}:10: warning: nodes[2] (id='unit') → name: the name is blank; give the node a "
        "name\n"
    )
    assert main(["validate", "--strict", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:10: nodes[2] (id='unit') → name: the name is blank; give the node a name\n"
    )


def test_validate_shows_at_most_200_problems(write_model, capsys, minimal_text):
    bad = "".join(f"  - {{id: n{i}, name: N, nation: jp, kind: unit}}\n" for i in range(250))
    path = write_model(minimal_text.replace("links:\n", bad + "links:\n"))
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 201
    assert lines[-1] == "... and 50 more problems"
    assert main(["validate", "--json", str(path)]) == 1
    assert len(json.loads(capsys.readouterr().out)["files"][0]["problems"]) == 250


def test_argument_errors_are_inert_too(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["show", CFC, "--x\x1b[2J"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "c2graph: error: unrecognized arguments: --x\\u001b[2J"
    )
