"""The published JSON Schema: valid, complete, and agreeing with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from c2graph.cli.main import main
from c2graph.modelfile.fields import SECTIONS
from c2graph.modelfile.parsing import parse_text
from c2graph.modelfile.schema import SCHEMA_ID, model_schema
from c2graph.vocabulary import RELATIONS

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "models").glob("*.yaml"))


@pytest.fixture(scope="module")
def schema():
    return model_schema()


@pytest.fixture(scope="module")
def validator(schema):
    return jsonschema.Draft202012Validator(schema)


def test_schema_is_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID


def test_cli_prints_the_schema(capsys, schema):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_key_of_the_field_table_is_in_the_schema(schema, section):
    part = schema if section == "model" else schema["$defs"][section]
    assert list(part["properties"]) == list(SECTIONS[section])
    required = [name for name, f in SECTIONS[section].items() if f.required]
    assert part.get("required", []) == required
    assert part["additionalProperties"] is False


def test_accepts_the_minimal_model(validator, minimal_text):
    data = yaml.safe_load(minimal_text)
    data["as_of"] = str(data["as_of"])  # safe_load reads dates; the loader keeps text
    assert list(validator.iter_errors(data)) == []


def test_accepts_optional_keys_and_names_in_other_languages(validator, minimal_text):
    data = yaml.safe_load(minimal_text)
    data["as_of"] = "2025-03-24"
    data["nodes"][0]["name_ja"] = "内閣総理大臣"
    data["links"][1]["phases"] = {"from": "gray-zone", "to": "armed-attack"}
    data["links"][0]["phases"] = ["peacetime"]
    data["sources"] = [{"id": "s", "title": "T"}]
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(nodez=[]), ""),
        (lambda d: d["nodes"][0].update(natoin="JP"), "/nodes/0"),
        (lambda d: d["links"][1].update(relation="opcom"), "/links/1/relation"),
        (lambda d: d["nodes"][2].update(nation="Japan"), "/nodes/2/nation"),
        (lambda d: d.update(as_of="2025-13"), "/as_of"),
        (lambda d: d["links"][1].update(phases=[]), "/links/1/phases"),
    ],
)
def test_rejects_what_the_loader_rejects(validator, minimal_text, change, path):
    data = yaml.safe_load(minimal_text)
    data["as_of"] = "2025-03-24"
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert {
        "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else ""
        for error in errors
    } == {path}


def test_variant_with_changes_is_accepted(validator):
    data = {
        "extends": "base.yaml",
        "name": "v",
        "as_of": "2026",
        "remove": {"nodes": ["a"], "links": [{"id": "L"}]},
        "change": {
            "nodes": [{"id": "b", "name": "B2"}],
            "phases": [{"id": "p", "declared_by": "b"}],
        },
    }
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_accepts_every_shipped_model(validator, path):
    data = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert [e.message for e in validator.iter_errors(data)] == []


def test_relation_enums_follow_the_vocabulary(schema):
    link = schema["$defs"]["link"]["properties"]["relation"]["enum"]
    assert link == list(RELATIONS)
    assert {"transmits", "civil-command", "shares-picture"} <= set(link)
