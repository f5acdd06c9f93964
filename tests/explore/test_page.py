"""The explorer page as text: one file, two scripts of its own, every model text inert."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import Source, load_model, load_model_data
from c2graph.compare.diff import structural_diff
from c2graph.explore import explorer_page
from c2graph.explore.keys import SHORTCUTS, key_label
from c2graph.explore.page import json_script
from c2graph.messages import messages

from ..conftest import MODELS
from ..export.conftest import hostile_names, named
from .conftest import TINY, with_source

_DATA = re.compile(r'<script type="application/json" id="c2-data">(.*?)</script>', re.S)


def _data(page: str) -> dict:
    found = _DATA.findall(page)
    assert len(found) == 1
    return json.loads(found[0])


def _only_own_markup(page: str) -> None:
    """Two scripts (the data and the page's own), one style, no links, frames or handlers."""
    lowered = page.lower()
    assert lowered.count("<script") == 2 and lowered.count("</script") == 2
    assert lowered.count("<style") == 1
    for tag in ("<a ", "<img", "<iframe", "<object", "<embed", "<foreignobject", "<link "):
        assert tag not in lowered, tag
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered)
    assert "javascript:" not in _DATA.sub("", lowered)


@settings(max_examples=200)
@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_script_parses_back_and_holds_no_markup_characters(data):
    text = json_script(data)
    assert json.loads(text) == data
    assert not set(text) & set("<>&\u2028\u2029")


def test_a_tiny_page_is_one_file_with_its_data():
    evil = Source("s3", "Made in code", url="javascript:alert(1)")
    page = explorer_page([with_source(load_model_data(TINY), evil)])
    _only_own_markup(page)
    data = _data(page)
    assert [s[0] for s in data["shortcuts"]] == [list(s.keys) for s in SHORTCUTS]
    entry = data["models"][0]
    assert entry["sources"] == {
        "s1": {"title": "Statute", "url": "https://laws.example.jp/76"},
        "s2": {"title": "Rumour", "note": "[a](javascript:alert(1))"},
        "s3": {"title": "Made in code", "where": "javascript:alert(1)"},  # never a link
    }
    assert entry["nodes"][0] == {"id": "pm", "name": "Prime Minister",
                                 "names": {"ja": "内閣総理大臣"}, "nation": "JP",
                                 "kind": "political-authority", "location": "tokyo",
                                 "in": [0, 1]}  # fmt: skip
    assert entry["links"][3] == {"key": "u2-war", "from": 2, "to": 4, "relation": "opcon",
                                 "in": [1], "basis": "Art. 76", "source": "s1"}  # fmt: skip
    assert entry["clocks"][0] == {"text": "Asia/Tokyo; no office hours in the model: can "
                                  "always act", "tz": "Asia/Tokyo", "utcOffset": 9}  # fmt: skip
    assert entry["svg"]["nodes"] == list(range(8))
    assert entry["svg"]["links"] == [0, 1, 2, 3, 4, 5, 8, 9]  # member links are not drawn


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_shortcut_is_listed_on_the_page(lang):
    page = explorer_page([load_model_data(TINY)], lang=lang)
    keys = page[page.index('<section id="keys">') :]
    msg = messages(lang)
    for shortcut in SHORTCUTS:
        row = " ".join(f"<kbd>{key_label(k)}</kbd>" for k in shortcut.keys)
        assert f"<tr><td>{row}</td><td>{msg(f'explore.key.{shortcut.action}')}</td></tr>" in keys


def test_hostile_texts_of_the_report_models_are_data(write_model):
    from ..report._models import BASE

    model = load_model(write_model(BASE, "base.yaml"))
    page = explorer_page([model])
    _only_own_markup(page)
    assert "<script>alert(1)" not in page
    assert "<title>c2graph explorer: base</title>" in page
    entry = _data(page)["models"][0]
    assert entry["name"] == "Base <script>alert(1)</script>"
    assert entry["sources"]["s2"] == {
        "title": "Evil ![x](https://e.vil/x.png)",
        "note": "[a](javascript:alert(1))",
    }


@settings(max_examples=15, deadline=None)
@given(st.lists(hostile_names, min_size=1, max_size=4))
def test_hostile_names_stay_data(names):
    page = explorer_page([named(names)])
    _only_own_markup(page)
    entry = _data(page)["models"][0]
    assert [node["name"] for node in entry["nodes"]] == names
    assert len(entry["svg"]["nodes"]) == len(names)


def test_same_models_same_page_and_the_2025_page_weighs_under_a_megabyte():
    model = load_model(MODELS / "us-japan-2025.yaml")
    page = explorer_page([model])
    assert explorer_page([model]) == page
    assert len(page.encode("utf-8")) < 1_000_000


def test_a_variant_gets_its_diff_only_with_its_base():
    base = load_model(MODELS / "us-japan-2025.yaml")
    variant = load_model(MODELS / "us-japan-jfhq.yaml")
    together = _data(explorer_page([base, variant]))["models"]
    assert [m["base"] for m in together] == [None, 0]
    added = together[1]["diff"]["linksAdded"]
    assert len(added) == len(structural_diff(base, variant).links_added) > 0
    assert together[0]["diff"] is None
    alone = _data(explorer_page([variant]))["models"]
    assert alone[0]["base"] is None and alone[0]["diff"] is None
