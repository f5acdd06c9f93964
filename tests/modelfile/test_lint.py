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


def test_a_valid_model_has_no_warnings(warnings_of, minimal_text):
    assert warnings_of(minimal_text) == []


def test_a_link_that_never_holds(warnings_of, minimal_text):
    text = minimal_text.replace("kind: unit}", "kind: unit, phases: [armed-attack]}")
    text = text.replace("relation: opcon}", "relation: opcon, phases: [peacetime, gray-zone]}")
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → phases: the link holds in no "
        "phase: it is given 'peacetime', 'gray-zone', 'hq' exists in 'peacetime', 'gray-zone', "
        "'armed-attack' and 'unit' in 'armed-attack'; check its phases or those of its ends"
    ]


def test_a_phase_listed_twice(warnings_of, minimal_text):
    text = minimal_text.replace(
        "relation: opcon}", "relation: opcon, phases: [gray-zone, gray-zone]}"
    )
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → phases: 'gray-zone' listed more "
        "than once; list each once"
    ]


def test_a_declarer_absent_in_its_phase(warnings_of, minimal_text):
    text = minimal_text.replace(
        "{id: gray-zone, name: Gray zone}", "{id: gray-zone, name: Gray zone, declared_by: unit}"
    ).replace("kind: unit}", "kind: unit, phases: [armed-attack]}")
    assert warnings_of(text) == [
        "m.yaml:5: warning: phases[1] (id='gray-zone') → declared_by: 'unit' does not exist in "
        "phase 'gray-zone', which it declares; check the phases of the node"
    ]


def test_a_coordination_body_as_an_authority_tail(warnings_of, minimal_text):
    text = minimal_text.replace("kind: headquarters}", "kind: coordination-body}")
    assert warnings_of(text) == [
        "m.yaml:13: warning: links[1] (from='hq', to='unit') → relation: 'hq' is a coordination "
        "body, yet holds opcon over 'unit': coordination bodies coordinate rather than command "
        "(use a coordination relation, or give the node another kind)"
    ]


def test_blank_names(warnings_of, minimal_text):
    text = minimal_text.replace("name: Unit,", "name: '  ',").replace(
        "name: Peacetime}", "name: ''}"
    )
    assert warnings_of(text) == [
        "m.yaml:4: warning: phases[0] (id='peacetime') → name: the name is blank; give the "
        "phase a name",
        "m.yaml:10: warning: nodes[2] (id='unit') → name: the name is blank; give the node a name",
    ]


def test_strict_makes_warnings_errors(write_model, minimal_text):
    path = write_model(minimal_text.replace("name: Unit,", "name: ' ',"))
    assert load_model(path).node("unit").name == " "
    with pytest.raises(ModelError) as err:
        load_model(path, strict=True)
    assert [str(p).replace(str(path), "m.yaml") for p in err.value.problems] == [
        "m.yaml:10: nodes[2] (id='unit') → name: the name is blank; give the node a name"
    ]


def test_a_new_check_is_one_more_function(write_model, minimal_text):
    def no_notes(context: Context) -> list[Problem]:
        return [
            Problem(
                context.merged.first_file.display, None, "", "the model has no notes", "warning"
            )
        ]

    path = write_model(minimal_text)
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
