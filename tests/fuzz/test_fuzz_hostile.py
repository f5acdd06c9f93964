"""Fuzzing with hostile input: unquoted values, tags, huge numbers, paths, chains, escapes.

Each class here was once a traceback or a leak. Whatever the file holds, loading gives a
model or exactly :class:`~c2graph.ModelError` / :class:`~c2graph.InputFileError`; every
problem names a line inside its file, prints as one line with no raw control, bidi or
invisible character, and never quotes a file outside the model's folder. The same
settings as ``test_fuzz_inputs`` (``HYPOTHESIS_PROFILE=long`` runs many more examples).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from c2graph import InputFileError, ModelError, load_model
from c2graph.cli.main import main
from c2graph.inert import UNSAFE
from tests.fuzz.test_fuzz_inputs import FUZZ, _lines_in, dump, valid_models

#: What a secret outside the model's folder holds; no message may ever show it.
SECRET = "TOKEN=s3cr3t-value"

# -- values written without quotes, as a person would type them -----------------------------

unquoted = st.sampled_from(
    [
        "035",
        "010",
        "09",
        "0o17",
        "0x1F",
        "0b101",
        "1_000",
        "1:30",
        "-1:30:00",
        "190:20:30",
        "1e3",
        "1e999",
        "-.inf",
        ".nan",
        ".NaN",
        "+12",
        "-0",
        "~",
        "null",
        "NULL",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "NO",
        "True",
        "2025-03-24",
        "2025-03-24T10:00:00Z",
        "=",
        "@home",
        "`cmd`",
        "%x",
        "!x",
        "!!float x",
        "!!str 12",
        "&a x",
        "*a",
        "|",
        ">",
        "-",
        "? x",
        "[a",
        "{a",
        "a: b",
        "a #b",
        "'",
        '"',
        "\\x00",
        "9" * 5000,
        "-" + "1" * 4400,
        "1." + "0" * 5000,
    ]
)
scalar_keys = st.sampled_from(
    ["name", "as_of", "lat", "lon", "utc_offset", "id", "nation", "kind", "relation", "note"]
)


def _unquoted_model(value: str, key: str) -> str:
    """The minimal model with one value written raw, at a key where it matters."""
    location = "lat: 35, lon: 139, utc_offset: 9".replace(f"{key}: ", f"{key}: {value} #")
    node = "id: hq, name: HQ, nation: JP, kind: headquarters, note: n".replace(
        f"{key}: ", f"{key}: {value} #", 1
    )
    head = f"name: {value}\n" if key == "name" else "name: m\n"
    head += f"as_of: {value}\n" if key == "as_of" else "as_of: '2025'\n"
    return (
        f"{head}phases:\n  - {{id: p, name: P}}\n"
        "locations:\n"
        f"  - id: l\n    name: L\n    {location.replace(', ', chr(10) + '    ')}\n"
        "nodes:\n  - id: pm\n    name: PM\n    nation: JP\n    kind: political-authority\n"
        f"  - {node.replace(', ', chr(10) + '    ')}\n"
        "links:\n  - from: pm\n    to: hq\n    relation: "
        + (f"{value}\n" if key == "relation" else "command\n")
    )


# -- the properties -------------------------------------------------------------------------


def _check(path: Path, sizes: dict[str, int]) -> None:
    """Load ``path``: a model, or one documented error, each problem one safe line inside
    the file it names."""
    try:
        load_model(path)
        event("outcome: loaded")
    except ModelError as exc:
        event("outcome: ModelError")
        assert exc.problems
        for problem in exc.problems:
            text = str(problem)
            assert "\n" not in text and not UNSAFE.search(text), text
            assert SECRET not in text, text
            if problem.file in sizes and problem.line is not None:
                assert 1 <= problem.line <= sizes[problem.file], (problem, sizes)
    except InputFileError as exc:
        event("outcome: InputFileError")
        assert SECRET not in str(exc)


def _write(folder: Path, name: str, raw: bytes) -> Path:
    path = folder / name
    path.write_bytes(raw)
    return path


@FUZZ
@given(value=unquoted, key=scalar_keys)
def test_unquoted_values_never_crash_or_change_unseen(value, key):
    raw = _unquoted_model(value, key).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "m.yaml", raw)
        _check(path, {str(path): _lines_in(raw)})


tags = st.sampled_from(
    [
        "!!float",
        "!!int",
        "!!bool",
        "!!null",
        "!!str",
        "!!binary",
        "!!timestamp",
        "!!set",
        "!!omap",
        "!!pairs",
        "!!seq",
        "!!map",
        "!!python/object/apply:os.system",
        "!!python/name:os.getcwd",
        "!custom",
        "!",
        "!<tag:yaml.org,2002:str>",
        "!<tag:example.com,2000:x>",
    ]
)


@FUZZ
@given(data=st.data(), tag=tags, fmt=st.just("yaml"))
def test_explicit_tags_anywhere(data, tag, fmt):
    raw = dump(data.draw(valid_models()), fmt)
    lines = raw.split(b"\n")
    index = data.draw(st.integers(0, max(0, len(lines) - 2)))
    line = lines[index]
    at = line.find(b": ") + 2 if b": " in line else line.find(b"- ") + 2 if b"- " in line else 0
    lines[index] = line[:at] + tag.encode() + b" " + line[at:]
    raw = b"\n".join(lines)
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "m.yaml", raw)
        _check(path, {str(path): _lines_in(raw)})


huge = st.one_of(
    st.integers(4290, 4400).map(lambda n: "9" * n),
    st.integers(4290, 4400).map(lambda n: "-1" + "0" * n),
    st.sampled_from(["1e999", "-1e999", "1e-999", "NaN", "Infinity", "-Infinity", "1E400"]),
)


@FUZZ
@given(number=huge, fmt=st.sampled_from(["yaml", "json"]), key=st.sampled_from(["lat", "name"]))
def test_huge_numbers(number, fmt, key):
    data: dict[str, Any] = {
        "name": "m",
        "as_of": "2025",
        "phases": [{"id": "p", "name": "P"}],
        "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}],
        "locations": [{"id": "l", "name": "L", "lat": 1, "lon": 2, "utc_offset": 9}],
    }
    text = json.dumps(data, indent=1) if fmt == "json" else dump(data, "yaml").decode()
    marker = '"lat": 1' if fmt == "json" else "lat: 1"
    if key == "name":
        marker = '"name": "m"' if fmt == "json" else "name: m"
    written = f'"{key}": {number}' if fmt == "json" else f"{key}: {number}"
    raw = text.replace(marker, written, 1).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), f"m.{fmt}", raw)
        _check(path, {str(path): _lines_in(raw)})


paths = st.one_of(
    st.sampled_from(
        [
            "/etc/passwd",
            "/proc/self/environ",
            "/dev/zero",
            "/dev/stdin",
            "../secret.yaml",
            "../../secret.yaml",
            "sub/../../secret.yaml",
            "secret-link.yaml",
            "pipe.yaml",
            "folder",
            ".",
            "",
            "base.yaml\nm.yaml: valid",
            "a\\0b",
            "\\e[2J.yaml",
            "\\u202egnp.yaml",
            "~/x.yaml",
            "C:\\\\x.yaml",
            "//server/share.yaml",
        ]
    ),
    st.integers(200, 5000).map(lambda n: "a" * n + ".yaml"),
    st.integers(50, 2000).map(lambda n: "a/" * n + "x.yaml"),
)


def _hostile_folder(root: Path) -> Path:
    """A model folder beside a secret, with a link out, a named pipe and a subfolder."""
    (root / "secret.yaml").write_text(f"{SECRET}: 1\n")  # read, it would be an unknown key
    folder = root / "models"
    folder.mkdir()
    (folder / "secret-link.yaml").symlink_to(root / "secret.yaml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "folder").mkdir()
    (folder / "sub").mkdir()
    return folder


@FUZZ
@given(name=paths, where=st.sampled_from(["extends", "units"]))
def test_paths_a_model_names(name, where):
    quoted = json.dumps(name).replace("\\\\", "\\")
    with tempfile.TemporaryDirectory() as root:
        folder = _hostile_folder(Path(root))
        if where == "extends":
            text = f"extends: {quoted}\nname: v\nas_of: '2025'\n"
        else:
            text = (
                "name: m\nas_of: '2025'\nphases: [{id: p, name: P}]\n"
                f"units:\n  - {{file: {quoted}}}\n"
            )
        path = _write(folder, "m.yaml", text.encode())
        _check(path, {str(path): _lines_in(text.encode())})


@FUZZ
@given(depth=st.integers(0, 60), loop=st.booleans(), fmt=st.sampled_from(["yaml", "json"]))
def test_extends_chains(depth, loop, fmt):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        base = {
            "name": "b",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}],
        }
        _write(folder, f"m0.{fmt}", dump(base, fmt))
        for n in range(1, depth + 1):
            parent = f"m{n - 1}.{fmt}" if not (loop and n == 1) else f"m{depth}.{fmt}"
            child = {"extends": parent, "name": f"m{n}", "as_of": "2025"}
            _write(folder, f"m{n}.{fmt}", dump(child, fmt))
        _check(folder / f"m{depth}.{fmt}", {})


terminal_text = st.lists(
    st.sampled_from(
        [
            "a",
            " ",
            "\x1b",
            "[2J",
            "]0;x\x07",
            "\u202e",
            "\u2066",
            "\u200b",
            "\ufeff",
            "\x00",
            "\x85",
            "\u2028",
            "\r",
            "\t",
            "\n",
            "\U000e0041",
            "\x9b",
            "漢",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)


@FUZZ
@given(data=st.data(), text=terminal_text, fmt=st.sampled_from(["yaml", "json"]))
def test_terminal_and_bidi_characters_stay_inert(data, text, fmt):
    model = data.draw(valid_models())
    target = data.draw(st.sampled_from(["name", "node name", "node id", "phase name"]))
    if target == "name":
        model["name"] = text
    elif target == "node name":
        model["nodes"][0]["name"] = text
    elif target == "phase name":
        model["phases"][0]["name"] = text
    else:
        model["nodes"][0]["id"] = text
    with tempfile.TemporaryDirectory() as folder:
        raw = dump(model, fmt)
        path = _write(Path(folder), f"m.{fmt}", raw)
        _check(path, {str(path): _lines_in(raw)})
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["show", str(path)])
        assert code in (0, 1), code
        for printed in (out.getvalue(), err.getvalue()):
            assert not UNSAFE.search(printed.replace("\n", "")), printed
