"""Did-you-mean hints: by meaning first (the vocabulary's synonyms), then by spelling."""

from __future__ import annotations

import pytest

from c2graph.hints import closest, did_you_mean, meant
from c2graph.vocabulary import CONFIDENCE_LEVELS, NODE_KINDS, RELATIONS, SYNONYMS


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("tactical-control", "tacon"),
        ("Tactical Control", "tacon"),
        ("tactical_control", "tacon"),
        ("operational-control", "opcon"),
        ("administrative control", "adcon"),
        ("combatant-command", "cocom"),
        ("OPCON", "opcon"),
        ("direct-liaison", "liaison"),
    ],
)
def test_relations_by_meaning(word, term):
    assert did_you_mean(word, RELATIONS) == f" (did you mean {term!r}?)"


def test_meaning_beats_spelling():
    # spelt alike, tactical-control would be the civil 'control' of SDF Law Art. 80
    assert closest("tactical-control", RELATIONS)[0] == "control"
    assert meant("tactical-control", RELATIONS) == "tacon"


@pytest.mark.parametrize(("word", "term"), [("HQ", "headquarters"), ("brigade", "unit")])
def test_kinds_by_meaning(word, term):
    assert did_you_mean(word, NODE_KINDS) == f" (did you mean {term!r}?)"


def test_a_synonym_is_offered_only_where_its_term_is_allowed():
    assert meant("tactical-control", ["command", "opcon"]) is None
    assert did_you_mean("hq", ["HQ-1", "hq-2"]) == " (did you mean 'hq-2'?)"


def test_every_synonym_names_a_term_of_the_vocabulary():
    terms = set(RELATIONS) | set(NODE_KINDS) | set(CONFIDENCE_LEVELS)
    assert {term for term in SYNONYMS.values()} <= terms
    assert all(key == "-".join(key.split()).lower() for key in SYNONYMS)
    assert not set(SYNONYMS) & terms


def test_ids_differing_in_case_are_suggested():
    assert did_you_mean("JP-JJOC", ["jp-jjoc", "us-usfj"]) == " (did you mean 'jp-jjoc'?)"


def test_nothing_close():
    assert did_you_mean("xyz", ["opcon"]) == ""
