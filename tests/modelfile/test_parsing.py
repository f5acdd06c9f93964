"""Safe parsing of model text: YAML/JSON quirks refused with a line, and line lookup."""

from __future__ import annotations

import json
import sys

import pytest

from c2graph import ModelError
from c2graph.modelfile.parsing import LineIndex, format_path, parse_text

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

ALIAS_MESSAGE = "YAML: aliases (*name) are not allowed in model files: write the item out in full"


def problems_of(text: str, *, as_json: bool = False) -> list[str]:
    with pytest.raises(ModelError) as err:
        parse_text(text, "m.yaml", as_json=as_json)
    return [str(p) for p in err.value.problems]


# -- YAML values ----------------------------------------------------------------------------


def test_scalars_follow_the_yaml_1_2_core_schema():
    data = parse_text(
        "a: 2025-03-24\nb: NO\nc: yes\nd: on\ne: true\nf: False\ng: 12\nh: 1.5\ni: ~\n"
        "j: 2025-03-24T10:00:00\n",
        "m.yaml",
    )
    assert data == {
        "a": "2025-03-24",
        "b": "NO",
        "c": "yes",
        "d": "on",
        "e": True,
        "f": False,
        "g": 12,
        "h": 1.5,
        "i": None,
        "j": "2025-03-24T10:00:00",
    }


def test_anchor_without_alias_is_harmless():
    assert parse_text("name: &n demo\n", "m.yaml") == {"name": "demo"}


def test_alias_is_refused_at_its_line():
    assert problems_of("a: &x 1\nb: *x\n") == [f"m.yaml:2: {ALIAS_MESSAGE}"]


def test_billion_laughs_fails_on_the_first_alias():
    assert problems_of(BILLION_LAUGHS) == [f"m.yaml:2: {ALIAS_MESSAGE}"]


def test_merge_key_is_refused():
    assert problems_of("a: {x: 1}\nb:\n  <<: {x: 1}\n") == [
        "m.yaml:3: YAML: merge keys (<<) are not allowed in model files"
    ]


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system", "!!python/object:os.system", "!!python/name:os.system"],
)
def test_python_tags_are_refused_without_running_code(tmp_path, tag):
    sentinel = tmp_path / "ran"
    text = f"name: {tag} ['touch {sentinel}']\n"
    assert problems_of(text) == [
        f"m.yaml:1: YAML: tag '{tag}' is not allowed in model files: remove it"
    ]
    assert not sentinel.exists()


def test_unknown_tag_is_refused():
    assert problems_of("name: !secret x\n") == [
        "m.yaml:1: YAML: tag '!secret' is not allowed in model files: remove it"
    ]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ('name: !!float "x"\n', "!!float"),
        ('name: !!int "x"\n', "!!int"),
        ("name: !!bool maybe\n", "!!bool"),
        ("name: !!timestamp x\n", "!!timestamp"),
        ("name: !!binary aGk=\n", "!!binary"),
        ("name: !!float 12\n", "!!float"),
        ("name: !!null x\n", "!!null"),
        ("name: [!!set {a}]\n", "!!set"),
        ("name: !!omap [a]\n", "!!omap"),
        ("name: !!pairs [a]\n", "!!pairs"),
    ],
)
def test_explicit_standard_tags_are_refused(text, tag):
    assert problems_of(text) == [
        f"m.yaml:1: YAML: tag '{tag}' is not allowed in model files: remove it"
    ]


@pytest.mark.parametrize(("text", "value"), [("name: !!str 12\n", "12"), ("name: !!int 12\n", 12)])
def test_tags_that_say_what_the_value_is_anyway_are_allowed(text, value):
    assert parse_text(text, "m.yaml") == {"name": value}


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("035", 35),  # YAML 1.1: 29 (octal)
        ("010", 10),  # YAML 1.1: 8
        ("-07", -7),
        ("1:30", "1:30"),  # YAML 1.1: 90 (sexagesimal)
        ("1:30:00.5", "1:30:00.5"),
        ("08", 8),  # text in YAML 1.1
        ("09", 9),
        ("0o17", "0o17"),
        ("1e3", "1e3"),
        ("0x1F", 31),
        ("0b101", 5),
        ("1_000", 1000),
        ("+12", 12),
        ("2.5", 2.5),
        (".5", 0.5),
        ("6.5e+2", 650.0),
        ("2025-03-24", "2025-03-24"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("true", True),
        ("~", None),
    ],
)
def test_numbers_mean_what_is_written(written, value):
    assert parse_text(f"lat: {written}\n", "m.yaml") == {"lat": value}


def test_infinity_and_nan_are_numbers_the_checks_refuse():
    data = parse_text("a: .inf\nb: -.Inf\nc: .NaN\n", "m.yaml")
    assert data["a"] == float("inf") and data["b"] == float("-inf") and data["c"] != data["c"]


def test_a_number_too_long_to_convert_is_a_located_problem():
    limit = sys.get_int_max_str_digits()
    assert problems_of("name: x\nlat: " + "9" * (limit + 1) + "\n") == [
        f"m.yaml:2: YAML: the number is {limit + 1:,} digits long; c2graph reads numbers of at "
        f"most {limit:,} digits"
    ]
    assert problems_of('{"name": "x",\n"lat": ' + "9" * (limit + 5) + "}", as_json=True) == [
        f"m.yaml:2: JSON: the number is {limit + 5:,} digits long; c2graph reads numbers of at "
        f"most {limit:,} digits"
    ]


def test_duplicate_key_names_both_lines():
    assert problems_of("name: a\nas_of: '2025'\nname: b\n") == [
        "m.yaml:3: YAML: duplicate key 'name' (first on line 1): keep one of them"
    ]


def test_duplicate_key_in_a_nested_mapping():
    text = "nodes:\n  - id: a\n    name: A\n    id: b\n"
    assert problems_of(text) == [
        "m.yaml:4: YAML: duplicate key 'id' (first on line 2): keep one of them"
    ]


@pytest.mark.parametrize(
    ("key", "shown"), [("1", "'1'"), ("~", "'~'"), ("true", "'true'"), ("1.5", "'1.5'")]
)
def test_keys_must_be_text(key, shown):
    assert problems_of(f"name: x\n{key}: y\n") == [
        f"m.yaml:2: YAML: mapping key {shown} is not text: quote it or use a name"
    ]


def test_quoted_number_key_is_text():
    assert parse_text("'1': x\n", "m.yaml") == {"1": "x"}


def test_complex_key_is_refused():
    assert problems_of("name: x\n? [a, b]\n: y\n") == [
        "m.yaml:2: YAML: mapping keys must be plain strings"
    ]


def test_control_character_is_refused_with_its_line():
    assert problems_of("name: x\nnote: a\x00b\n") == [
        "m.yaml:2: YAML: control character 0x00 is not allowed in a model file; remove it"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: [unclosed\nas_of: 2025\n",
            "m.yaml:1: YAML: the list ('[') opened on this line is not closed: add ']', or a ',' "
            "between its items",
        ),
        (
            "name: x\nnodes: {id: a,\n  name: b\nlinks: []\n",
            "m.yaml:2: YAML: the mapping ('{') opened on this line is not closed: add '}', or a "
            "',' between its items",
        ),
        (
            "name: x\nnote: 'unclosed\nas_of: 2025\n",
            "m.yaml:2: YAML: the text quoted on this line is not closed: add the closing quote",
        ),
        (
            "name: x\n\tas_of: 2025\n",
            "m.yaml:2: YAML: a tab indents this line: indent with spaces only",
        ),
        ("nodes:\n\t- a\n", "m.yaml:2: YAML: a tab indents this line: indent with spaces only"),
        (
            "name: x\n  as_of: y\n",
            "m.yaml:2: YAML: this line is indented more than the line above it (2 spaces, not 0),"
            " which opens no block: indent it 0 spaces, or put text holding ': ' in quotes",
        ),
        (
            "name:x\nas_of: '2025'\nphases: []\n",
            "m.yaml:1: YAML: a ':' after a key needs a space after it ('name: x', not 'name:x')",
        ),
        (
            "nodes:\n- a\nb: c\n- d\n",
            "m.yaml:4: YAML: this '-' item is indented like the keys above it (0 spaces): line it "
            "up with the other items of its list",
        ),
        (
            "nodes: []\ntext: a: b\n",
            "m.yaml:2: YAML: a ':' followed by a space where a value is read: put the value in "
            'quotes (note: "a: b")',
        ),
    ],
)
def test_yaml_syntax_errors_have_a_line(text, expected):
    assert problems_of(text) == [expected]


INDENTATION = {
    "key under-indented": (
        "nodes:\n  - id: a\n    name: A\n   nation: JP\n    kind: unit\n",
        "m.yaml:4: YAML: this line is indented 3 spaces, which lines up with no line above it "
        "(they use 0, 2 or 4 spaces): indent it like the keys or '-' items it belongs with",
    ),
    "key over-indented": (
        "nodes:\n  - id: a\n    name: A\n      nation: JP\n",
        "m.yaml:4: YAML: this line is indented more than the line above it (6 spaces, not 4), "
        "which opens no block: indent it 4 spaces, or put text holding ': ' in quotes",
    ),
    "key at the column of the '-'": (
        "links:\n  - from: a\n    to: b\n  relation: opcon\n",
        "m.yaml:4: YAML: this key is indented like the '-' of the list above it (2 spaces): "
        "indent it 4 spaces, like the keys of its item, or start a new item with '- '",
    ),
    "'-' at the column of the keys": (
        "nodes:\n  - id: a\n    name: A\n    - id: b\n",
        "m.yaml:4: YAML: this '-' item is indented like the keys above it (4 spaces): indent it "
        "2 spaces, like the other items of its list",
    ),
    "one line stepping back (the parser stops on the next)": (
        "nodes:\n  - id: a\n    name: A\nkind: unit\n  - id: b\n",
        "m.yaml:4: YAML: this line is indented less (0 spaces) than the lines around it: indent "
        "it 4 spaces, like the keys of its item",
    ),
    "after a comment and a blank line": (
        "nodes:\n  - id: a\n    # the name\n\n   name: A\n",
        "m.yaml:5: YAML: this line is indented 3 spaces, which lines up with no line above it "
        "(they use 0, 2 or 4 spaces): indent it like the keys or '-' items it belongs with",
    ),
}


@pytest.mark.parametrize("case", INDENTATION)
def test_indentation_mistakes_in_plain_words_on_the_wrong_line(case):
    text, expected = INDENTATION[case]
    assert problems_of(text) == [expected]


def test_deep_nesting_is_refused():
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    assert problems_of(text) == [
        "m.yaml:1: YAML: while increasing flow level, exceeded maximum nesting depth"
    ]


# -- JSON -----------------------------------------------------------------------------------


def test_json_parses_plain_data():
    assert parse_text('{"as_of": "2025-03-24", "n": [1, true, null]}', "m.json", as_json=True) == {
        "as_of": "2025-03-24",
        "n": [1, True, None],
    }


def test_json_nested_too_deeply_for_python_is_refused():
    assert problems_of("[" * 100_000 + "]" * 100_000, as_json=True) == [
        "m.yaml: JSON: nested too deeply"
    ]


def test_json_syntax_error_has_a_line():
    assert problems_of('{"name": "x",\n "as_of": }\n', as_json=True) == [
        "m.yaml:2: JSON: Expecting value"
    ]


def test_json_duplicate_key_has_its_line():
    text = '{\n "nodes": [\n  {"id": "a",\n   "id": "b"}\n ]\n}\n'
    assert problems_of(text, as_json=True) == [
        "m.yaml:4: JSON: duplicate key 'id': keep one of them"
    ]


def test_json_lone_surrogate_is_refused():
    text = '{"name": "x",\n "note": "\\ud800"}'
    assert problems_of(text, as_json=True) == [
        "m.yaml:2: JSON: \\ud800 is half of a surrogate pair, not a character; write the "
        "character itself"
    ]


def test_json_lone_surrogate_after_an_escaped_backslash():
    # JSON "\\\\ud800" is a backslash and the text "ud800": no surrogate at all
    assert parse_text('{"name": "X \\\\ud800"}', "m.json", as_json=True) == {"name": "X \\ud800"}
    text = '{"name": "x",\n "nodes": [{"id": "a", "name": "\\\\\\ud800"}]}'
    assert problems_of(text, as_json=True) == [
        "m.yaml:2: JSON: \\ud800 is half of a surrogate pair, not a character; write the "
        "character itself"
    ]


def test_json_low_surrogate_alone_and_in_a_key():
    assert problems_of('{"a\\udc00": 1}', as_json=True) == [
        "m.yaml:1: JSON: \\udc00 is half of a surrogate pair, not a character; write the "
        "character itself"
    ]


def test_json_surrogate_pair_is_a_character():
    text = json.dumps({"name": "😀 HQ"})
    assert "\\ud83d\\ude00" in text
    assert parse_text(text, "m.json", as_json=True) == {"name": "😀 HQ"}


# -- locating items -------------------------------------------------------------------------


def test_format_path():
    assert format_path(("links", 12, "relation")) == "links[12] → relation"
    assert format_path(("nodes",)) == "nodes"
    assert format_path(()) == ""


def test_line_of_finds_the_deepest_item_present():
    index = LineIndex("name: x\nnodes:\n  - id: a\n  - id: b\n    kind: unit\n")
    assert index.line_of(("nodes", 1, "kind")) == 5
    assert index.line_of(("nodes", 1, "missing")) == 4
    assert index.line_of(("nodes", 7)) == 2
    assert index.line_of(()) == 1


def test_line_of_unparsable_text_is_none():
    assert LineIndex("a: [\n").line_of(("a",)) is None


def test_line_of_in_json_with_tabs_and_escapes():
    text = json.dumps({"name": "😀", "nodes": [{"id": "a"}, {"id": "b"}]}, indent="\t")
    assert LineIndex(text).line_of(("nodes", 1, "id")) == 8


def test_lines_are_counted_by_newlines_alone():
    # YAML also breaks lines at U+2028 and U+0085; editors and JSON do not
    index = LineIndex('a: "x\u2028y\x85z"\nb: 1\n')
    assert index.line_of(("b",)) == 2
    assert problems_of('a: "x\u2028y"\nb: 1\nb: 2\n') == [
        "m.yaml:3: YAML: duplicate key 'b' (first on line 2): keep one of them"
    ]


def test_line_of_in_json_with_raw_characters_yaml_refuses():
    text = '{"name": "a\x7fb\u2028c",\n "nodes": [\n  {"id": "a"}]}'
    assert LineIndex(text).line_of(("nodes", 0, "id")) == 3


def test_json_syntax_error_after_a_duplicate_key_is_reported_first():
    text = '{\n "a": {"id": 1, "id": 2}\n }\n}\n'
    assert problems_of(text, as_json=True) == ["m.yaml:4: JSON: Extra data"]
