"""What a model may read: its folder and below, regular files, one byte budget, any line end."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from c2graph import InputFileError, ModelError, load_model
from c2graph.modelfile import read_model
from c2graph.modelfile.files import ModelFiles, read_text
from c2graph.modelfile.loader import MAX_EXTENDS_DEPTH

HEAD = "name: variant\nas_of: '2026'\n"
UNITS = "id,name,nation,kind,parent\nhq2,HQ 2,JP,headquarters,pm\n"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail a test that blocks (on a named pipe) instead of hanging the suite."""

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path: Path, minimal_text: str) -> Path:
    """``tmp_path/models/base.yaml`` (the minimal model) and an ``outside/`` folder beside."""
    models = tmp_path / "models"
    models.mkdir()
    (models / "base.yaml").write_text(minimal_text, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "base.yaml").write_text(minimal_text, encoding="utf-8")
    return models


def problems(path: Path, **options: object) -> list[str]:
    with pytest.raises(ModelError) as err:
        load_model(path, **options)  # type: ignore[arg-type]
    return [str(p).replace(f"{path.parent}/", "") for p in err.value.problems]


def outside(name: str, folder: Path) -> str:
    return (
        f"{name!r} is outside the model's folder {folder}; a model reads only files in its own "
        "folder and below (move the file there, or allow its folder with --allow-outside)"
    )


# -- confinement ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../outside/base.yaml", "/etc/passwd", "/proc/self/environ"])
def test_extends_outside_the_folder_is_refused_unread(folder, name):
    child = folder / "child.yaml"
    child.write_text(f"extends: {name}\n" + HEAD)
    assert problems(child) == [f"child.yaml:1: extends: {outside(name, folder)}"]


def test_units_outside_the_folder_are_refused_unread(folder, minimal_text, monkeypatch):
    monkeypatch.setenv("C2GRAPH_TEST_TOKEN", "secret-value")
    model = folder / "m.yaml"
    model.write_text(minimal_text + "units:\n  - {file: /proc/self/environ}\n")
    found = problems(model)
    assert found == [f"m.yaml:15: units[0] → file: {outside('/proc/self/environ', folder)}"]
    assert "secret-value" not in "\n".join(found)


def test_a_link_inside_the_folder_to_a_file_outside_is_refused(folder):
    (folder / "link.yaml").symlink_to(folder.parent / "outside" / "base.yaml")
    child = folder / "child.yaml"
    child.write_text("extends: link.yaml\n" + HEAD)
    assert problems(child) == [f"child.yaml:1: extends: {outside('link.yaml', folder)}"]


def test_dot_dot_that_stays_inside_the_folder_is_allowed(folder):
    (folder / "sub").mkdir()
    (folder / "child.yaml").write_text("extends: sub/../base.yaml\n" + HEAD)
    assert load_model(folder / "child.yaml").name == "variant"


def test_the_folder_is_that_of_the_model_asked_for(folder):
    # a variant in a subfolder may not reach up to its parent folder
    (folder / "sub").mkdir()
    child = folder / "sub" / "child.yaml"
    child.write_text("extends: ../base.yaml\n" + HEAD)
    assert problems(child) == [f"child.yaml:1: extends: {outside('../base.yaml', folder / 'sub')}"]
    assert load_model(child, allow_outside=[folder]).name == "variant"


def test_a_base_may_read_beside_itself_in_a_subfolder(folder, minimal_text):
    (folder / "sub").mkdir()
    (folder / "sub" / "base.yaml").write_text(minimal_text + "units:\n  - {file: oob.csv}\n")
    (folder / "sub" / "oob.csv").write_text(UNITS)
    child = folder / "child.yaml"
    child.write_text("extends: sub/base.yaml\n" + HEAD)
    assert "hq2" in load_model(child).nodes


def test_allow_outside_lets_a_folder_be_read(folder):
    child = folder / "child.yaml"
    child.write_text("extends: ../outside/base.yaml\n" + HEAD)
    loaded = read_model(child, allow_outside=[folder.parent / "outside"])
    assert loaded.model.name == "variant"
    assert loaded.files == (child.resolve(), (folder.parent / "outside" / "base.yaml").resolve())


def test_allow_outside_a_single_file(folder):
    child = folder / "child.yaml"
    child.write_text("extends: ../outside/base.yaml\n" + HEAD)
    allowed = folder.parent / "outside" / "base.yaml"
    assert load_model(child, allow_outside=[allowed]).name == "variant"


def test_the_model_asked_for_may_itself_be_a_link_to_elsewhere(folder, tmp_path):
    (tmp_path / "elsewhere.yaml").symlink_to(folder / "base.yaml")
    assert load_model(tmp_path / "elsewhere.yaml").name == "demo"


# -- what is not a regular file -------------------------------------------------------------


def test_a_named_pipe_is_refused_without_blocking(folder):
    os.mkfifo(folder / "pipe.yaml")
    child = folder / "child.yaml"
    child.write_text("extends: pipe.yaml\n" + HEAD)
    assert problems(child) == [
        "child.yaml:1: extends: the base model cannot be read: pipe.yaml: is a named pipe "
        "(FIFO), not a regular file"
    ]
    with pytest.raises(InputFileError) as err:
        load_model(folder / "pipe.yaml")
    assert str(err.value) == f"{folder}/pipe.yaml: is a named pipe (FIFO), not a regular file"


def test_a_units_file_that_is_a_pipe_or_a_folder(folder, minimal_text):
    os.mkfifo(folder / "pipe.csv")
    (folder / "dir.csv").mkdir()
    model = folder / "m.yaml"
    model.write_text(minimal_text + "units:\n  - {file: pipe.csv}\n  - {file: dir.csv}\n")
    assert problems(model) == [
        "m.yaml:15: units[0] → file: the units file 'pipe.csv' cannot be read: is a named pipe "
        "(FIFO), not a regular file",
        "m.yaml:16: units[1] → file: the units file 'dir.csv' cannot be read: is a directory, "
        "not a model file",
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device):
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(InputFileError) as err:
        read_text(Path(device))
    assert str(err.value) == f"{device}: is a device, not a regular file"


def test_a_device_named_by_a_model_is_outside_its_folder(folder):
    child = folder / "child.yaml"
    child.write_text("extends: /dev/zero\n" + HEAD)
    loaded = problems(child, allow_outside=["/dev"])
    assert loaded == [
        "child.yaml:1: extends: the base model cannot be read: /dev/zero: is a device, not a "
        "regular file"
    ]


def test_read_text_permission_denied(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text("name: x\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file modes")
        with pytest.raises(InputFileError, match=r"secret\.yaml: permission denied$"):
            read_text(path)
    finally:
        path.chmod(0o644)


def test_read_text_drops_the_bom(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: x\n")
    assert read_text(path) == "name: x\n"


# -- paths that cannot be paths ----------------------------------------------------------


def test_nul_in_a_path_is_a_structure_problem(folder):
    child = folder / "child.yaml"
    child.write_text('extends: "a\\0b.yaml"\n' + HEAD)
    assert problems(child) == [
        "child.yaml:1: extends: expected a file path (1-1024 characters, no control "
        "characters), got 'a\\x00b.yaml'"
    ]


def test_nul_in_a_json_units_path(folder):
    model = folder / "m.json"
    model.write_text(
        '{"name": "x", "as_of": "2025", "phases": [{"id": "p", "name": "P"}],\n'
        ' "units": [{"file": "a\\u0000.csv"}]}'
    )
    assert problems(model) == [
        "m.json:2: units[0] → file: expected a file path (1-1024 characters, no control "
        "characters), got 'a\\x00.csv'"
    ]


def test_an_over_long_path(folder):
    child = folder / "child.yaml"
    child.write_text("extends: " + "a" * 2000 + ".yaml\n" + HEAD)
    assert problems(child)[0].startswith(
        "child.yaml:1: extends: expected a file path (1-1024 characters, no control characters)"
    )


def test_a_file_name_too_long_for_the_system(folder, minimal_text):
    name = "a" * 300 + ".csv"
    model = folder / "m.yaml"
    model.write_text(minimal_text + f"units:\n  - {{file: {name}}}\n")
    assert problems(model) == [
        f"m.yaml:15: units[0] → file: the units file '{name}' cannot be read: cannot be read "
        "(File name too long)"
    ]


# -- the byte budget ------------------------------------------------------------------------


def test_the_budget_counts_every_file_of_the_model(folder, minimal_text):
    (folder / "oob.csv").write_text(UNITS)
    model = folder / "m.yaml"
    model.write_text(minimal_text + "units:\n  - {file: oob.csv}\n")
    size = model.stat().st_size
    csv_size = len(UNITS)
    assert load_model(model, max_bytes=size + csv_size).node("hq2").name == "HQ 2"
    assert problems(model, max_bytes=size + csv_size - 1) == [
        f"m.yaml:15: units[0] → file: the units file 'oob.csv' cannot be read: its {csv_size:,} "
        f"bytes would bring the model's files to {size + csv_size:,} bytes, over the "
        f"{size + csv_size - 1:,}-byte limit for a model (all the files it reads together)"
    ]


def test_a_units_file_listed_twice_is_read_once(folder, minimal_text):
    (folder / "oob.csv").write_text(UNITS)
    model = folder / "m.yaml"
    model.write_text(
        minimal_text + "units:\n  - {file: oob.csv}\n  - {file: ./oob.csv}\n  - {file: oob.csv}\n"
    )
    assert problems(model) == [
        "m.yaml:16: units[1] → file: the units file './oob.csv' is already listed (units[0]): "
        "list each file once",
        "m.yaml:17: units[2] → file: the units file 'oob.csv' is already listed (units[0]): "
        "list each file once",
    ]


def test_a_file_that_is_not_a_units_file_is_not_quoted(folder, minimal_text):
    (folder / "notes.csv").write_text("API_TOKEN=abc123,PASSWORD=hunter2\n")
    model = folder / "m.yaml"
    model.write_text(minimal_text + "units:\n  - {file: notes.csv}\n")
    found = problems(model)
    assert found == [
        "notes.csv:1: not a units file: its first row names none of the columns id, name, "
        "nation, kind (a units file starts with a header row such as "
        "id,name,nation,kind,parent,relation)"
    ]


def test_a_base_that_is_not_a_model_is_not_quoted(folder):
    (folder / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\nbin:x:1:1::/:/sbin/nologin\n")
    child = folder / "child.yaml"
    child.write_text("extends: passwd\n" + HEAD)
    found = problems(child)
    assert found == [
        "passwd:1: expected a mapping of model keys at the top, got text (58 characters)"
    ]


# -- extends chains -------------------------------------------------------------------------


def test_a_deep_extends_chain_stops_with_a_message(folder):
    for n in range(1, MAX_EXTENDS_DEPTH + 3):
        parent = "base.yaml" if n == 1 else f"m{n - 1}.yaml"
        (folder / f"m{n}.yaml").write_text(f"extends: {parent}\n" + HEAD)
    top = folder / f"m{MAX_EXTENDS_DEPTH + 2}.yaml"
    assert problems(top) == [
        f"m2.yaml:1: extends: 'extends' goes more than {MAX_EXTENDS_DEPTH} models deep: merge "
        "some of the bases"
    ]
    assert load_model(folder / f"m{MAX_EXTENDS_DEPTH}.yaml").name == "variant"


def test_a_thousand_deep_chain_gives_no_traceback(folder):
    for n in range(1, 1001):
        (folder / f"d{n}.yaml").write_text(f"extends: d{n + 1}.yaml\n" + HEAD)
    assert len(problems(folder / "d1.yaml")) == 1


# -- line ends ------------------------------------------------------------------------------


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_lines_are_counted_with_any_line_end(tmp_path, minimal_text, end):
    path = tmp_path / "m.yaml"
    path.write_bytes(minimal_text.replace("kind: unit}", "kind: unti}").replace("\n", end).encode())
    with pytest.raises(ModelError) as err:
        load_model(path)
    assert [p.line for p in err.value.problems] == [10]


def test_cr_only_json_lines(tmp_path):
    path = tmp_path / "m.json"
    path.write_bytes(b'{"name": "x",\r "as_of": 2025,\r "phases": [], "nodes": []}')
    assert problems(path)[0] == "m.json:2: as_of: expected text, got number 2025; quote it"


def test_a_not_utf8_byte_is_located_with_cr_line_ends(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"name: x\ras_of: caf\xe9\r")
    with pytest.raises(InputFileError) as err:
        load_model(path)
    assert str(err.value) == (
        f"{path}:2: not UTF-8 text (byte 0xe9 at offset 18); save the file as UTF-8"
    )


def test_model_files_record_what_was_read(folder, minimal_text):
    (folder / "oob.csv").write_text(UNITS)
    (folder / "m.yaml").write_text(minimal_text + "units:\n  - {file: oob.csv}\n")
    files = ModelFiles(folder / "m.yaml")
    files.read(folder / "m.yaml", "m.yaml")
    assert files.read_paths == [(folder / "m.yaml").resolve()]
    assert files.used == (folder / "m.yaml").stat().st_size
