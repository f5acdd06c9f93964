"""The JSON Schema of model files, generated from the same key table the validator uses.

Example
-------
>>> schema = model_schema()
>>> schema["required"]
['name', 'as_of']
>>> "opcon" in schema["$defs"]["link"]["properties"]["relation"]["enum"]
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .fields import FORMATS, LANG_NAME_KEY, SECTIONS, SECTIONS_WITH_LANG_NAMES, Field

__all__ = ["SCHEMA_ID", "model_schema"]

SCHEMA_ID = "https://c2graph.invalid/schema/model.json"

_ID = {"type": "string", "pattern": FORMATS["id"].pattern.pattern}


def _phases_schema() -> dict[str, Any]:
    per_nation = {
        "type": "object",
        "minProperties": 1,
        "patternProperties": {_NATION_KEY: {"oneOf": _one_set_phases()}},
        "additionalProperties": False,
    }
    return {"oneOf": [*_one_set_phases(), per_nation]}


def _one_set_phases() -> list[dict[str, Any]]:
    return [
        {"const": "all"},
        {"type": "array", "items": _ID, "minItems": 1},
        {
            "type": "object",
            "properties": {"from": _ID, "to": _ID},
            "required": ["from"],
            "additionalProperties": False,
        },
    ]


def _requirement_schema() -> dict[str, Any]:
    """A list of decision ids (all of them) or ``{any: [...]}`` / ``{all: [...]}``, nested."""
    item = {"anyOf": [_ID, {"$ref": "#/$defs/requirement_group"}]}
    return {
        "anyOf": [
            {"type": "array", "items": item, "minItems": 1},
            {"$ref": "#/$defs/requirement_group"},
        ]
    }


def _requirement_group() -> dict[str, Any]:
    items = {
        "type": "array",
        "minItems": 1,
        "items": {"anyOf": [_ID, {"$ref": "#/$defs/requirement_group"}]},
    }
    return {
        "type": "object",
        "properties": {"any": items, "all": items},
        "minProperties": 1,
        "maxProperties": 1,
        "additionalProperties": False,
    }


_NATION_KEY = FORMATS["nation"].pattern.pattern
_SPECIAL: dict[str, Callable[[], dict[str, Any]]] = {
    "requirement": _requirement_schema,
    "boolean": lambda: {"type": "boolean"},
    "hours": lambda: {
        "oneOf": [
            {"const": "24/7"},
            {"type": "array", "items": {"type": "string"}, "minItems": 1},
        ]
    },
    "vector": lambda: {
        "type": "object",
        "minProperties": 1,
        "patternProperties": {_NATION_KEY: _ID},
        "additionalProperties": False,
    },
}


def _field_schema(field: Field) -> dict[str, Any]:
    base: dict[str, Any]
    if field.kind in _SPECIAL:
        base = _SPECIAL[field.kind]()
    elif field.kind in FORMATS:
        base = {"type": "string", "pattern": FORMATS[field.kind].pattern.pattern}
    elif field.kind in ("refs", "strings"):
        base = {"type": "array", "items": _ID}
    elif field.kind == "enum":
        base = {"type": "string", "enum": list(field.choices)}
    elif field.kind == "number":
        base = {"type": "number"}
        if field.bounds is not None:
            base["minimum"], base["maximum"] = field.bounds
    elif field.kind == "phases":
        base = _phases_schema()
    elif field.kind == "section":
        base = {"$ref": f"#/$defs/{field.target}"}
    elif field.kind == "sections":
        base = {"type": "array", "items": {"$ref": f"#/$defs/{field.target}"}}
    else:
        base = {"type": "string"}
    return {"description": field.description, **base}


def _section_schema(section: str) -> dict[str, Any]:
    fields = SECTIONS[section]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: _field_schema(f) for name, f in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, f in fields.items() if f.required]
    if required:
        schema["required"] = required
    if section in SECTIONS_WITH_LANG_NAMES:
        schema["patternProperties"] = {LANG_NAME_KEY.pattern: {"type": "string"}}
    return schema


def model_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a c2graph model file.

    Every section of :data:`~c2graph.modelfile.fields.SECTIONS` but the top is one entry
    of ``$defs``; unknown keys are refused (``additionalProperties: false``), as the
    validator refuses them.

    Returns
    -------
    dict
        The schema, ready for :func:`json.dumps`.

    Examples
    --------
    >>> model_schema()["$defs"]["node"]["required"]
    ['id', 'name', 'nation', 'kind']
    """
    top = _section_schema("model")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "c2graph model",
        "description": "A command-and-control structure: phases, nodes and typed links.",
        **top,
        "$defs": {name: _section_schema(name) for name in SECTIONS if name != "model"}
        | {"requirement_group": _requirement_group()},
    }
