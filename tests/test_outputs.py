"""Atomic outputs: replaced only on success, never over an input, no temporary file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from c2graph import OutputError
from c2graph.outputs import write_atomic, write_atomic_with


def test_write_text_and_bytes(tmp_path):
    write_atomic(tmp_path / "a.dot", "digraph { a -> b }\n")
    write_atomic(tmp_path / "b.png", b"\x89PNG")
    assert (tmp_path / "a.dot").read_bytes() == b"digraph { a -> b }\n"
    assert (tmp_path / "b.png").read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.dot", "b.png"]


def test_text_is_utf8(tmp_path):
    write_atomic(tmp_path / "ja.md", "統合作戦司令部\n")
    assert (tmp_path / "ja.md").read_bytes() == "統合作戦司令部\n".encode()


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


def test_failed_producer_leaves_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "chart.svg"
    target.write_text("old")

    def produce(tmp: Path) -> None:
        tmp.write_text("half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_atomic_with(target, produce)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]


def test_producer_os_error_becomes_output_error(tmp_path):
    def produce(tmp: Path) -> None:
        raise PermissionError(13, "Permission denied")

    with pytest.raises(OutputError) as err:
        write_atomic_with(tmp_path / "x.svg", produce)
    assert str(err.value) == f"{tmp_path / 'x.svg'}: cannot be written (Permission denied)"
    assert err.value.exit_code == 4
    assert list(tmp_path.iterdir()) == []


def test_producer_writes_to_the_temporary_path(tmp_path):
    seen = []

    def produce(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_text("ok")

    write_atomic_with(tmp_path / "out.gexf", produce)
    assert seen[0].parent == tmp_path
    assert seen[0].name.startswith(".out.gexf.") and seen[0].name.endswith(".tmp")
    assert (tmp_path / "out.gexf").read_text() == "ok"


@pytest.mark.parametrize("name", ["m.yaml", "m.YML", "units.csv"])
def test_refuses_model_and_data_suffixes(tmp_path, name):
    with pytest.raises(OutputError) as err:
        write_atomic(tmp_path / name, "x")
    suffix = Path(name).suffix
    assert str(err.value) == (
        f"{tmp_path / name}: refusing to write an output over a model "
        f"or data file ({suffix}); choose another name"
    )
    assert list(tmp_path.iterdir()) == []


def test_refuses_an_explicit_input(tmp_path):
    source = tmp_path / "model.json"
    source.write_text("{}")
    with pytest.raises(OutputError) as err:
        write_atomic(tmp_path / "." / "model.json", "x", protect=[source])
    assert str(err.value) == (
        f"{tmp_path / '.' / 'model.json'}: this is an input of the "
        "command; refusing to overwrite it"
    )
    assert source.read_text() == "{}"


def test_missing_folder(tmp_path):
    with pytest.raises(OutputError) as err:
        write_atomic(tmp_path / "nope" / "x.dot", "x")
    assert str(err.value) == (
        f"{tmp_path / 'nope' / 'x.dot'}: the folder {str(tmp_path / 'nope')!r} does not exist"
    )


def test_directory_target(tmp_path):
    with pytest.raises(OutputError, match="is a directory; give a file name for the output"):
        write_atomic(tmp_path, "x")


def test_producer_c2graph_error_passes_unchanged(tmp_path):
    from c2graph import RenderError

    def produce(tmp: Path) -> None:
        raise OutputError("x.svg: Graphviz refused the file")

    with pytest.raises(OutputError, match=r"^x\.svg: Graphviz refused the file$"):
        write_atomic_with(tmp_path / "x.svg", produce)

    def render(tmp: Path) -> None:
        raise RenderError("dot failed")

    with pytest.raises(RenderError, match=r"^dot failed$"):
        write_atomic_with(tmp_path / "x.svg", render)
    assert list(tmp_path.iterdir()) == []
