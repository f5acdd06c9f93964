"""``c2graph completion``: scripts that bash, zsh and fish accept, completing from the parser."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from c2graph.cli.completion import mark_paths
from c2graph.cli.main import COMMANDS, build_parser, main


def script(shell: str, capsys) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def shell_or_skip(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def bash_complete(text: str, words: list[str], cwd) -> list[str]:
    """Run bash's completion function on ``words`` (the last one being typed)."""
    quoted = " ".join(f"'{word}'" for word in words)
    program = (
        f"source {text}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; _shtab_c2graph; '
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        [shell_or_skip("bash"), "-c", program], capture_output=True, text=True, cwd=cwd, check=True
    )
    return done.stdout.split()


@pytest.fixture
def bash_script(tmp_path, capsys):
    path = tmp_path / "c2graph.bash"
    path.write_text(script("bash", capsys), encoding="utf-8")
    (tmp_path / "oob.yaml").write_text("", encoding="utf-8")
    (tmp_path / "out").mkdir()
    return path


def test_bash_completes_commands_options_choices_and_files(bash_script, tmp_path):
    assert bash_complete(bash_script, ["c2graph", "im"], tmp_path) == ["import-msdl"]
    assert bash_complete(bash_script, ["c2graph", ""], tmp_path) == [*COMMANDS]
    assert bash_complete(
        bash_script, ["c2graph", "export", "m.yaml", "--format", ""], tmp_path
    ) == [
        "dot",
        "mermaid",
        "graphml",
        "gexf",
        "dynetml",
        "json",
        "msdl",
    ]
    assert bash_complete(bash_script, ["c2graph", "validate", "--j"], tmp_path) == ["--json"]
    assert bash_complete(bash_script, ["c2graph", "validate", "oo"], tmp_path) == ["oob.yaml"]
    assert bash_complete(bash_script, ["c2graph", "completion", ""], tmp_path) == [
        "bash",
        "zsh",
        "fish",
    ]


def test_zsh_accepts_its_script(tmp_path, capsys):
    path = tmp_path / "_c2graph"
    path.write_text(script("zsh", capsys), encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("#compdef c2graph")
    subprocess.run([shell_or_skip("zsh"), "-n", str(path)], check=True)


def test_fish_accepts_and_completes_with_its_script(tmp_path, capsys):
    path = tmp_path / "c2graph.fish"
    path.write_text(script("fish", capsys), encoding="utf-8")
    fish = shell_or_skip("fish")
    subprocess.run([fish, "-n", str(path)], check=True)
    done = subprocess.run(
        [fish, "-c", f"source {path}; complete -C 'c2graph import'"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["import-msdl"]


def test_every_file_model_and_folder_argument_completes_as_a_path():
    parser = build_parser()
    assert mark_paths(parser, "file", "dir") == 23
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    marked = {
        name: [f"{a.metavar} {a.complete}" for a in sub._actions if hasattr(a, "complete")]
        for name, sub in commands.choices.items()
    }
    assert {name: found for name, found in marked.items() if found} == {
        "validate": ["FILE file"],
        "show": ["MODEL file"],
        "path": ["MODEL file"],
        "bottlenecks": ["MODEL file"],
        "switches": ["MODEL file"],
        "latency": ["MODEL file"],
        "counterparts": ["MODEL file"],
        "timeline": ["MODEL file", "FILE file", "FILE file"],
        "draw": ["MODEL file", "FILE file"],
        "generate": ["FILE file"],
        "export": ["MODEL file", "FILE file"],
        "import-msdl": ["FILE file", "MODEL file"],
        "compare": ["MODEL file", "FILE file"],
        "report": ["MODEL file", "DIR dir"],
        "explore": ["MODEL file", "FILE file"],
    }


def test_unknown_shell(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["completion", "tcsh"])
    assert exit_info.value.code == 2
    assert "argument shell: invalid choice: 'tcsh'" in capsys.readouterr().err
