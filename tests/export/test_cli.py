"""``c2graph export``: standard output, atomic files, protected inputs, argument errors."""

from __future__ import annotations

import json

import pytest

from c2graph import load_model
from c2graph.cli.main import main
from c2graph.export import export

from .conftest import tiny_data


@pytest.fixture
def model_path(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(tiny_data(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "graphml", "gexf", "dynetml", "json", "msdl"])
def test_stdout_is_the_export(model_path, capsys, fmt):
    assert main(["export", str(model_path), "--format", fmt]) == 0
    assert capsys.readouterr().out == export(load_model(model_path), fmt)


def test_phase_option(model_path, capsys):
    assert main(["export", str(model_path), "--format", "json", "--phase", "peacetime"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["phase"] == "peacetime"
    assert list(data["node_phases"]) == ["pm", "jjoc", "indo"]


def test_output_file(model_path, tmp_path, capsys):
    out = tmp_path / "tiny.graphml"
    assert main(["export", str(model_path), "--format", "graphml", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == export(load_model(model_path), "graphml")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_export_leaves_existing_output(model_path, tmp_path, capsys):
    out = tmp_path / "tiny.mmd"
    out.write_text("previous\n", encoding="utf-8")
    code = main(
        ["export", str(model_path), "--format", "mermaid", "--phase", "war", "-o", str(out)]
    )
    assert code == 2
    assert (
        capsys.readouterr().err == "c2graph export: error: unknown phase id 'war'; "
        "the model has: peacetime, gray-zone, armed-attack\n"
    )
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_refuses_to_overwrite_the_model(model_path, capsys):
    before = model_path.read_bytes()
    assert main(["export", str(model_path), "--format", "json", "-o", str(model_path)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph export: error: {model_path}: this is an input of the command; refusing "
        "to overwrite it\n"
    )
    assert model_path.read_bytes() == before


def test_refuses_a_yaml_output(write_model, minimal_text, tmp_path, capsys):
    path = write_model(minimal_text)
    other = tmp_path / "other.yaml"
    assert main(["export", str(path), "--format", "mermaid", "-o", str(other)]) == 4
    assert "refusing to write an output over a model or data file (.yaml)" in (
        capsys.readouterr().err
    )
    assert not other.exists()


def test_missing_folder(model_path, tmp_path, capsys):
    out = tmp_path / "nowhere" / "x.gexf"
    assert main(["export", str(model_path), "--format", "gexf", "-o", str(out)]) == 4
    assert "does not exist" in capsys.readouterr().err


def test_xml_cannot_carry_a_control_character(tmp_path, capsys):
    data = tiny_data()
    data["nodes"][2]["name"] = "IND\u0007OPACOM"
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["export", str(path), "--format", "dynetml"]) == 4
    assert capsys.readouterr() == (
        "",
        (
            "c2graph export: error: dynetml: node 'indo' → name contains the character U+0007, "
            "which XML cannot carry; remove it from the model to export this format\n"
        ),
    )


def test_unknown_format_is_an_argument_error(model_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(model_path), "--format", "svg"])
    assert exit_info.value.code == 2
    assert "argument --format: invalid choice: 'svg'" in capsys.readouterr().err


def test_format_is_required(model_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(model_path)])
    assert exit_info.value.code == 2
    assert "the following arguments are required: --format" in capsys.readouterr().err


def test_msdl_says_what_it_leaves_out_on_standard_error(model_path, capsys):
    assert main(["export", str(model_path), "--format", "msdl", "--phase", "gray-zone"]) == 0
    out, err = capsys.readouterr()
    assert out == export(load_model(model_path), "msdl", phase="gray-zone")
    assert err == (
        "c2graph export: msdl, phase gray-zone: a node with no authority link in the phase: "
        "2 (indo, acm). not a command relationship (member): 2 (jjoc->acm:member, "
        "indo->acm:member). not a command relationship (counterpart): 1 "
        "(jjoc->indo:counterpart).\n"
    )


def test_import_msdl_writes_a_model_that_validates(tmp_path, capsys):
    from c2graph.modelfile.msdl import EXAMPLE

    source = tmp_path / "oob.xml"
    source.write_text(EXAMPLE, encoding="utf-8")
    target = tmp_path / "oob.yaml"
    assert main(["import-msdl", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target} (2 nodes, 1 links) from {source}\n"
    assert main(["validate", str(target)]) == 0
    # MSDL names no publisher or date of the file: the import leaves them to the analyst.
    assert capsys.readouterr().out == (
        f"{target}: valid (2 nodes, 1 links, 1 phases), 1 warning\n"
        f"{target}:12: warning: sources[0] (id='s-msdl'): the source has no publisher and no "
        "date; say who published it and when, so that a reader can judge it\n"
    )
    assert main(["import-msdl", str(source), "-o", str(target)]) == 4
    assert capsys.readouterr().err == (
        f"c2graph import-msdl: error: {target}: already exists; remove it or allow overwriting\n"
    )
    assert main(["import-msdl", str(source), "-o", str(target), "--force"]) == 0


def test_import_msdl_round_trips_an_export_and_prints_notes(model_path, tmp_path, capsys):
    xml = tmp_path / "tiny.xml"
    assert main(["export", str(model_path), "--format", "msdl", "-o", str(xml)]) == 0
    target = tmp_path / "back.json"
    capsys.readouterr()
    assert main(["import-msdl", str(xml), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target} (2 nodes, 1 links) from {xml}\n"
    back = load_model(target)
    assert [(n.id, n.name, n.kind) for n in back.nodes.values()] == [
        ("Prime-Minister", "Prime Minister", "political-authority"),
        ("JJOC", "Joint Operations Command", "headquarters"),
    ]
    assert [lk.key for lk in back.links] == ["Prime-Minister->JJOC:command"]


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "<graphml/>",
            1,
            "bad.xml:1: not an MSDL file: the root element is graphml, expected MilitaryScenario",
        ),
        ("<MilitaryScenario>", 1, "bad.xml:1: XML: no element found (column 19)"),
        (b"\xff", 3, "bad.xml:1: not UTF-8 text (byte 0xff at offset 0); save the file as UTF-8"),
    ],
)
def test_import_msdl_bad_files(tmp_path, capsys, text, code, message):
    source = tmp_path / "bad.xml"
    if isinstance(text, bytes):
        source.write_bytes(text)
    else:
        source.write_text(text, encoding="utf-8")
    target = tmp_path / "out.yaml"
    assert main(["import-msdl", str(source), "-o", str(target)]) == code
    assert capsys.readouterr().err == f"c2graph import-msdl: error: {tmp_path!s}/{message}\n"
    assert not target.exists()


def test_import_msdl_never_overwrites_its_input(tmp_path, capsys):
    source = tmp_path / "oob.xml"
    source.write_text("<x/>", encoding="utf-8")
    assert main(["import-msdl", str(source), "-o", str(source), "--force"]) == 4
    assert "this is the MSDL file read; refusing to overwrite it" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == "<x/>"


def test_lang_sets_the_labels_of_mermaid_dot_and_gexf(capsys):
    assert main(["export", "models/us-rok-cfc.yaml", "--format", "mermaid", "--lang", "ja"]) == 0
    mermaid = capsys.readouterr().out
    assert '  subgraph g0["韓国"]' in mermaid and '"作戦統制' in mermaid
    assert main(["export", "models/us-rok-cfc.yaml", "--format", "gexf", "--lang", "ja"]) == 0
    gexf = capsys.readouterr().out
    assert 'label="作戦統制"' in gexf and 'label="OPCON"' not in gexf
