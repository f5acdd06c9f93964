"""``c2graph validate``: exit codes, several files, problems listed."""

from __future__ import annotations

import pytest

from c2graph.cli.main import main


@pytest.fixture
def files(write_model, sourced_text, tmp_path):
    good = write_model(sourced_text, "good.yaml")
    bad = write_model(
        sourced_text.replace("relation: opcon", "relation: opcom").replace(
            "kind: unit}", "kind: unti}"
        ),
        "bad.yaml",
    )
    return good, bad, tmp_path / "missing.yaml"


def test_valid_file(files, capsys):
    good, _, _ = files
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: valid (3 nodes, 2 links, 3 phases)\n"


def test_quiet_valid_file_prints_nothing(files, capsys):
    assert main(["validate", "-q", str(files[0])]) == 0
    assert capsys.readouterr().out == ""


def test_invalid_file_lists_every_problem(files, capsys):
    _, bad, _ = files
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[0] for line in out] == [f"{bad}:10", f"{bad}:13"]


def test_several_files_worst_code_wins(files, capsys):
    good, bad, missing = files
    assert main(["validate", str(good), str(bad)]) == 1
    assert main(["validate", str(good), str(missing), str(bad)]) == 3
    out = capsys.readouterr().out.splitlines()
    assert out[-4:] == [
        f"{good}: valid (3 nodes, 2 links, 3 phases)",
        f"{missing}: no such file",
        *out[-2:],
    ]
    assert out[-2].startswith(f"{bad}:10: ")


def test_unreadable_inputs_exit_3(tmp_path, capsys):
    assert main(["validate", str(tmp_path)]) == 3
    assert capsys.readouterr().out == f"{tmp_path}: is a directory, not a model file\n"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"name: caf\xe9\n")
    assert main(["validate", str(latin)]) == 3
    assert capsys.readouterr().out == (
        f"{latin}:1: not UTF-8 text (byte 0xe9 at offset 9); save the file as UTF-8\n"
    )


def test_yaml_syntax_error_exits_1(write_model, capsys):
    path = write_model("name: [x\n", "broken.yaml")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:1: YAML: the list ('[') opened on this line is not closed: add ']', or a ',' "
        "between its items\n"
    )


def test_needs_a_file(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["validate"])
    assert exit_.value.code == 2
    assert "the following arguments are required: FILE" in capsys.readouterr().err


def test_json_carries_what_the_text_says(files, capsys):
    import json

    good, bad, missing = files
    assert main(["validate", "--json", str(good), str(missing), str(bad)]) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False and data["exit_code"] == 3
    assert data["files"][:2] == [
        {
            "file": str(good),
            "valid": True,
            "exit_code": 0,
            "nodes": 3,
            "links": 2,
            "phases": 3,
            "other_phases": {},
            "scenarios": 0,
            "decisions": 0,
        },
        {"file": str(missing), "valid": False, "exit_code": 3, "error": f"{missing}: no such file"},
    ]
    invalid = data["files"][2]
    assert (invalid["file"], invalid["valid"], invalid["exit_code"]) == (str(bad), False, 1)
    assert [(p["file"], p["line"]) for p in invalid["problems"]] == [(str(bad), 10), (str(bad), 13)]
    assert main(["validate", str(bad)]) == 1
    text = capsys.readouterr().out.splitlines()
    assert text == [
        f"{p['file']}:{p['line']}: {p['where']}: {p['message']}" for p in invalid["problems"]
    ]


def test_json_of_valid_files_ignores_quiet(files, capsys):
    import json

    assert main(["validate", "--json", "-q", str(files[0])]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "valid": True,
        "exit_code": 0,
        "files": [
            {
                "file": str(files[0]),
                "valid": True,
                "exit_code": 0,
                "nodes": 3,
                "links": 2,
                "phases": 3,
                "other_phases": {},
                "scenarios": 0,
                "decisions": 0,
            }
        ],
    }
