"""Atomic outputs: replaced only on success, no temporary file left, folders made on demand."""

from __future__ import annotations

import os

import pytest

from c2graph import OutputError
from c2graph.outputs import ensure_folder, write_atomic


def test_write_text_and_bytes(tmp_path):
    write_atomic(tmp_path / "a.dot", "digraph { a -> b }\n")
    write_atomic(tmp_path / "b.png", b"\x89PNG")
    assert (tmp_path / "a.dot").read_bytes() == b"digraph { a -> b }\n"
    assert (tmp_path / "b.png").read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.dot", "b.png"]


def test_text_is_utf8_with_its_own_line_ends(tmp_path):
    write_atomic(tmp_path / "ja.md", "統合作戦司令部\r\n")
    assert (tmp_path / "ja.md").read_bytes() == "統合作戦司令部\r\n".encode()


def test_model_suffixes_are_the_command_lines_business(tmp_path):
    write_atomic(tmp_path / "generated.yaml", "name: x\n")
    assert (tmp_path / "generated.yaml").read_text() == "name: x\n"


def test_existing_output_is_replaced_and_keeps_its_mode(tmp_path):
    target = tmp_path / "chart.svg"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_output_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "x.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "chart.svg"
    target.write_text("old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError) as err:
        write_atomic(target, "new")
    assert str(err.value) == f"{target}: cannot be written (Permission denied)"
    assert err.value.exit_code == 4
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]


def test_temporary_file_sits_beside_the_target(tmp_path, monkeypatch):
    seen = []
    replace = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(src), os.path.basename(src)))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "out.gexf", "ok")
    ((folder, name),) = seen
    assert folder == str(tmp_path)
    assert name.startswith(".out.gexf.") and name.endswith(".tmp")
    assert (tmp_path / "out.gexf").read_text() == "ok"


def test_missing_folder(tmp_path):
    with pytest.raises(OutputError) as err:
        write_atomic(tmp_path / "nope" / "x.dot", "x")
    assert str(err.value) == (
        f"{tmp_path / 'nope' / 'x.dot'}: the folder {str(tmp_path / 'nope')!r} does not exist"
    )


def test_directory_target(tmp_path):
    with pytest.raises(OutputError) as err:
        write_atomic(tmp_path, "x")
    assert str(err.value) == f"{tmp_path}: is a directory; give a file name for the output"


def test_ensure_folder_creates_parents_and_keeps_what_is_there(tmp_path):
    folder = tmp_path / "a" / "b"
    assert ensure_folder(folder) == folder and folder.is_dir()
    (folder / "notes.txt").write_text("mine")
    assert ensure_folder(str(folder)) == folder
    assert (folder / "notes.txt").read_text() == "mine"


def test_ensure_folder_refuses_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError) as err:
        ensure_folder(tmp_path / "f")
    assert str(err.value) == f"{tmp_path / 'f'}: exists and is not a folder"
