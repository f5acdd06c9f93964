"""The ``c2graph`` entry point: argument errors without tracebacks, version, ``-m``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from c2graph import __version__
from c2graph.cli.main import COMMANDS, build_parser, main
from c2graph.errors import EXIT_CODES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "c2graph", *args], capture_output=True, text=True, check=False
    )


def test_version():
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"c2graph {__version__}\n")


@pytest.mark.parametrize("args", [(), ("bogus",), ("show",), ("show", "m.yaml", "--nope")])
def test_bad_command_line_exits_2_without_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: c2graph")
    assert "Traceback" not in result.stderr


def test_error_of_a_subcommand_is_one_line(tmp_path):
    result = run("show", str(tmp_path / "nope.yaml"))
    assert result.returncode == 3
    assert result.stderr == f"c2graph show: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_main_raises_system_exit_for_argument_errors(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["bogus"])
    assert exit_.value.code == 2
    assert "invalid choice: 'bogus'" in capsys.readouterr().err


def test_help_lists_commands_and_exit_codes():
    text = build_parser().format_help()
    for name in COMMANDS:
        assert name in text
    for code, meaning in EXIT_CODES.items():
        assert f"{code:>3}  {meaning}" in text


def test_cli_start_up_stays_light():
    code = (
        "import sys; import c2graph.cli.main as m; m.build_parser(); "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


@pytest.mark.parametrize("name", COMMANDS)
def test_parser_of_the_invoked_command_reads_as_the_whole_one(name, capsys):
    """Only the command named first is built; its help and its errors are unchanged."""
    texts = []
    for parser in (build_parser(), build_parser(name)):
        for argv in ([name, "--help"], [name, "--no-such-option"]):
            with pytest.raises(SystemExit):
                parser.parse_args(argv)
            texts.append(capsys.readouterr())
    assert texts[:2] == texts[2:]
    assert texts[1].err.startswith("usage: c2graph")


def test_a_command_imports_neither_networkx_nor_every_other_command(tmp_path):
    model = tmp_path / "m.json"
    assert main(["generate", "50", "-o", str(model)]) == 0
    code = (
        "import sys, contextlib, io; from c2graph.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['validate', {str(model)!r}])\n"
        "print(sorted(m for m in ('networkx', 'c2graph.cli.draw', 'c2graph.analysis.paths')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_path_on_a_shipped_model_reads_it_without_pyyaml():
    code = (
        "import sys, contextlib, io; from c2graph.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['path', 'models/us-japan-2025.yaml', 'jp-gcc'])\n"
        "print(sorted(m for m in ('yaml', 'c2graph.modelfile.strictyaml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
