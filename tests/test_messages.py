"""The message catalogue: every English key has its Japanese text with the same fields,
every word of the vocabulary and every headline measure is in Japanese, and an unknown
language is refused with the choices."""

from __future__ import annotations

import string

import pytest

from c2graph import QueryError
from c2graph._messages_en import ENGLISH
from c2graph._messages_ja import JAPANESE
from c2graph.analysis.measures import MEASURES
from c2graph.messages import interface, messages
from c2graph.render.style import MARK_STYLES, NOTES
from c2graph.vocabulary import (
    APPROVAL_TIMINGS,
    CONFIDENCE_LEVELS,
    NODE_KINDS,
    RELATIONS,
    Layer,
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_english_key_is_in_japanese_with_the_same_fields():
    assert sorted(set(ENGLISH) - set(JAPANESE)) == []
    for key, text in ENGLISH.items():
        assert _fields(JAPANESE[key]) == _fields(text), key


def test_japanese_has_only_the_english_keys_and_the_groups_english_names_itself():
    extra = {k.split(".")[0] for k in set(JAPANESE) - set(ENGLISH)}
    assert extra == {"measure", "fact"}  # English shows these by their own names


def test_the_vocabulary_and_the_measures_are_in_japanese():
    ja = messages("ja")
    words = [("relation", r) for r in RELATIONS] + [("caption", r) for r in RELATIONS]
    words += [("kind", k) for k in NODE_KINDS] + [("timing", t) for t in APPROVAL_TIMINGS]
    words += [("layer", layer.value) for layer in Layer] + [("mark", m) for m in MARK_STYLES]
    words += [("note", n) for n in NOTES] + [("confidence", c) for c in CONFIDENCE_LEVELS]
    words += [("measure", m) for m in MEASURES]
    missing = [f"{group}.{key}" for group, key in words if not ja.has(f"{group}.{key}")]
    assert missing == []


def test_japanese_words_use_the_ministry_s_terms():
    ja = messages("ja")
    assert [ja.relation(r) for r in ("command", "opcon", "tacon", "control")] == [
        "指揮",
        "作戦統制",
        "戦術統制",
        "統制",
    ]
    assert ja("measure.single points of failure") == "単一障害点"


def test_unknown_language_and_the_interface_of_a_names_only_language():
    with pytest.raises(QueryError, match=r"^unknown language 'fr'; use one of en, ja$"):
        messages("fr")
    assert interface("ko").lang == "en" and interface("ja").lang == "ja"


def test_phase_lists_are_words():
    from c2graph import load_model_data

    model = load_model_data(
        {
            "name": "x",
            "as_of": "2025",
            "phases": [{"id": p, "name": p.upper()} for p in ("a", "b", "c", "d", "e")],
            "nodes": [{"id": "n", "name": "N", "nation": "JP", "kind": "unit"}],
        }
    )
    en = messages("en")
    assert en.phases(model, "abcde") == "all phases"
    assert en.phases(model, "abce") == "all phases but D"
    assert en.phases(model, "bcd") == "B to D"
    assert en.phases(model, "ae") == "A, E"
    assert messages("ja").phases(model, "bcd") == "BからDまで"


def test_the_explorer_section_has_the_same_keys_and_fields_in_both_languages():
    english = {k: v for k, v in ENGLISH.items() if k.startswith("explore.")}
    japanese = {k: v for k, v in JAPANESE.items() if k.startswith("explore.")}
    assert sorted(set(english) ^ set(japanese)) == []
    assert [k for k, v in english.items() if _fields(v) != _fields(japanese[k])] == []
    assert {"explore.record", "explore.key.search", "explore.meaning.opcon"} <= set(english)
