"""Warnings: odd but allowed models load, and say what is odd where it was written."""

from __future__ import annotations

import pytest

from c2graph import ModelError, load_model
from c2graph.errors import Problem
from c2graph.modelfile import read_model
from c2graph.modelfile.lint import CHECKS, Context, find_warnings


@pytest.fixture
def warnings_of(write_model):
    """Write a model, load it, and return its warnings with the path as 'm.yaml'."""

    def run(text: str) -> list[str]:
        path = write_model(text, "m.yaml")
        loaded = read_model(path)
        return [str(w).replace(str(path), "m.yaml", 1) for w in loaded.warnings]

    return run


def test_a_valid_model_has_no_warnings(warnings_of, sourced_text):
    assert warnings_of(sourced_text) == []


def test_a_link_that_never_holds(warnings_of, sourced_text):
    text = sourced_text.replace("kind: unit}", "kind: unit, phases: [armed-attack]}")
    text = text.replace("relation: opcon}", "relation: opcon, phases: [peacetime, gray-zone]}")
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → phases: the link holds in no "
        "phase: it is given 'peacetime', 'gray-zone', 'hq' exists in 'peacetime', 'gray-zone', "
        "'armed-attack' and 'unit' in 'armed-attack'; check its phases or those of its ends"
    ]


def test_a_phase_listed_twice(warnings_of, sourced_text):
    text = sourced_text.replace(
        "relation: opcon}", "relation: opcon, phases: [gray-zone, gray-zone]}"
    )
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → phases: 'gray-zone' listed more "
        "than once; list each once"
    ]


def test_a_declarer_absent_in_its_phase(warnings_of, sourced_text):
    text = sourced_text.replace(
        "{id: gray-zone, name: Gray zone}", "{id: gray-zone, name: Gray zone, declared_by: unit}"
    ).replace("kind: unit}", "kind: unit, phases: [armed-attack]}")
    assert warnings_of(text) == [
        "m.yaml:5: warning: phases[1] (id='gray-zone') → declared_by: 'unit' does not exist in "
        "phase 'gray-zone', which it declares; check the phases of the node"
    ]


def test_a_coordination_body_as_an_authority_tail(warnings_of, sourced_text):
    text = sourced_text.replace("kind: headquarters}", "kind: coordination-body}")
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → relation: 'hq' is a coordination "
        "body, yet holds opcon over 'unit': coordination bodies coordinate rather than command "
        "(use a coordination relation, or give the node another kind)"
    ]


def test_blank_names(warnings_of, sourced_text):
    text = sourced_text.replace("name: Unit,", "name: '  ',").replace(
        "name: Peacetime}", "name: ''}"
    )
    assert warnings_of(text) == [
        "m.yaml:4: warning: phases[0] (id='peacetime') → name: the name is blank; give the "
        "phase a name",
        "m.yaml:10: warning: nodes[2] (id='unit') → name: the name is blank; give the node a name",
    ]


def test_strict_makes_warnings_errors(write_model, sourced_text):
    path = write_model(sourced_text.replace("name: Unit,", "name: ' ',"))
    assert load_model(path).node("unit").name == " "
    with pytest.raises(ModelError) as err:
        load_model(path, strict=True)
    assert [str(p).replace(str(path), "m.yaml") for p in err.value.problems] == [
        "m.yaml:10: nodes[2] (id='unit') → name: the name is blank; give the node a name"
    ]


def test_a_new_check_is_one_more_function(write_model, sourced_text):
    def no_notes(context: Context) -> list[Problem]:
        return [
            Problem(
                context.merged.first_file.display, None, "", "the model has no notes", "warning"
            )
        ]

    path = write_model(sourced_text)
    loaded = read_model(path)
    merged_warnings = find_warnings(*_merged_and_model(path), checks=(*CHECKS, no_notes))
    assert loaded.warnings == ()
    assert [str(w) for w in merged_warnings] == [f"{path}: warning: the model has no notes"]


def _merged_and_model(path):
    from c2graph.modelfile.files import ModelFiles
    from c2graph.modelfile.loader import _as_merged, _read_chain
    from c2graph.modelfile.records import build_model

    chain, _, _ = _read_chain(ModelFiles(path), str(path))
    merged = _as_merged(chain[-1])
    return merged, build_model(merged, display=str(path))


# -- sources: every link names one, dated and published by the model's as_of -------------


def test_links_without_a_source(warnings_of, minimal_text):
    assert warnings_of(minimal_text) == [
        "m.yaml:12: warning: links[0] (from='pm', to='hq'): the link names no source; give it "
        "the id of the entry in `sources` it rests on",
        "m.yaml:13: warning: links[1] (from='hq', to='unit'): the link names no source; give "
        "it the id of the entry in `sources` it rests on",
    ]


def test_many_links_of_one_file_without_a_source_get_one_warning(warnings_of, sourced_text):
    from c2graph.modelfile.lint import SOURCELESS_SHOWN

    count = SOURCELESS_SHOWN + 1
    extra = "".join(f"  - {{id: u{i}, name: U{i}, nation: JP, kind: unit}}\n" for i in range(count))
    links = "".join(f"  - {{from: hq, to: u{i}, relation: opcon}}\n" for i in range(count))
    text = sourced_text.replace("links:\n", extra + "links:\n").replace(
        "sources:\n", links + "sources:\n"
    )
    assert warnings_of(text) == [
        "m.yaml:25: warning: links[2] (from='hq', to='u0'): this link and "
        f"{count - 1} more of this file's links name no source; give each the id of the entry "
        "in `sources` it rests on"
    ]
    fewer = "".join(
        line for line in text.splitlines(keepends=True) if "to: u10," not in line
    ).replace("  - {id: u10, name: U10, nation: JP, kind: unit}\n", "")
    assert len(warnings_of(fewer)) == SOURCELESS_SHOWN


def test_a_source_without_publisher_or_date(warnings_of, sourced_text):
    def of(entry: str) -> list[str]:
        return warnings_of(sourced_text.replace("publisher: Demo ministry, date: 2025-03", entry))

    assert of("url: 'https://example.org/oob'") == [
        "m.yaml:15: warning: sources[0] (id='s-demo'): the source has no publisher and no "
        "date; say who published it and when, so that a reader can judge it"
    ]
    assert of("publisher: Demo ministry") == [
        "m.yaml:15: warning: sources[0] (id='s-demo'): the source has no date; say who "
        "published it and when, so that a reader can judge it"
    ]
    assert (
        of("publisher: ' ', date: 2025-03")
        == of("date: 2025-03")
        == [
            "m.yaml:15: warning: sources[0] (id='s-demo'): the source has no publisher; say who "
            "published it and when, so that a reader can judge it"
        ]
    )


@pytest.mark.parametrize(
    ("date", "after"),
    [
        ("2025-03-24", False),  # the model's day
        ("2025-03-25", True),
        ("2025-03", False),  # the month holds the day: not surely after
        ("2025-04", True),
        ("2025", False),
        ("2026", True),
        ("2024-12-31", False),
    ],
)
def test_a_source_dated_after_the_models_as_of(warnings_of, sourced_text, date, after):
    text = sourced_text.replace("date: 2025-03}", f"date: '{date}'}}")
    expected = (
        f"m.yaml:15: warning: sources[0] (id='s-demo') → date: the source is dated {date}, "
        "after the model's as_of 2025-03-24; a model rests on what was published by its date "
        "(cite an earlier source, or move the as_of)"
    )
    assert warnings_of(text) == ([expected] if after else [])


def test_a_variant_dates_its_bases_sources_by_its_own_as_of(write_model, sourced_text):
    base = write_model(sourced_text, "base.yaml")
    variant = write_model("extends: base.yaml\nname: earlier\nas_of: 2025-02\n", "variant.yaml")
    assert [str(w) for w in read_model(variant).warnings] == [
        f"{base}:15: warning: sources[0] (id='s-demo') → date: the source is dated 2025-03, "
        "after the model's as_of 2025-02; a model rests on what was published by its date "
        "(cite an earlier source, or move the as_of)"
    ]


def test_strict_refuses_a_link_without_a_source(write_model, minimal_text):
    path = write_model(minimal_text)
    with pytest.raises(ModelError) as err:
        load_model(path, strict=True)
    assert [p.where for p in err.value.problems] == [
        "links[0] (from='pm', to='hq')",
        "links[1] (from='hq', to='unit')",
    ]
