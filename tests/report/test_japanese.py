"""A Japanese report (``--lang ja``) leaves no English interface string: every word shown
(page text, tables, figure captions, and the charts' labels, legends, group names and
hover texts) is Japanese, except the file names, the names of cited works and their
authors, and the sources' section marks."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

from c2graph import load_model
from c2graph.report import build_report

from ._alliance import BASE, VARIANT

#: Latin words a Japanese report may show: the files' names, the works cited in the
#: definitions and their authors (as they are published), and the review's item numbers.
ALLOWED = frozenset(
    {
        "base", "variant", "base.yaml",
        "JP", "NATO", "SAS-050", "SAS-065", "N2C2M2", "Cooper", "Harvey", "Kennedy",
        "networkx", "immediate_dominators", "Hopcroft", "Tarjan", "Urwick", "ORA", "CMU",
        "CASOS", "Walker", "Stanton", "docs/measures.md", "c2graph", "b", "E10", "E11",
    }
)  # fmt: skip
ENGINE = "graphviz" if shutil.which("dot") else "matplotlib"


class _Text(HTMLParser):
    """Every text a reader sees: the page's and the inline charts' (labels and titles)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside_style = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.inside_style = self.inside_style or tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.inside_style = False

    def handle_data(self, data):
        if not self.inside_style:
            self.parts.append(data)


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_.\-/]*", text))


def test_japanese_report_has_no_english_interface_strings(write_model):
    models = [
        load_model(write_model(BASE, "base.yaml")),
        load_model(write_model(VARIANT, "variant.yaml")),
    ]
    report = build_report(models, engine=ENGINE, lang="ja")
    page = _Text()
    page.feed(report.files["index.html"].decode("utf-8"))
    shown = " ".join(page.parts)
    assert "要旨" in shown and "凡例" in shown and "在日米軍" in shown
    assert _latin_words(shown) - ALLOWED == set()
    markdown = report.files["report.md"].decode("utf-8")
    hidden = r"\]\([^)]*\.(?:svg|html)\)|<br>|&amp;|<!--.*?-->"  # link targets, breaks, comments
    text = re.sub(hidden, " ", markdown).replace("\\", "")
    assert _latin_words(text) - ALLOWED == set()
    assert report.files["index.html"].startswith(b'<!DOCTYPE html>\n<html lang="ja">')
    explorer = report.files["explore.html"].decode("utf-8")
    assert (
        explorer.startswith('<!DOCTYPE html>\n<html lang="ja">')
        and "<h2>キーボード操作</h2>" in explorer
    )


def test_names_without_a_japanese_name_stay_as_written(write_model):
    base = load_model(write_model(BASE.replace("name_ja: 第7艦隊, ", ""), "base.yaml"))
    markdown = build_report([base], engine=ENGINE, lang="ja").files["report.md"].decode()
    chain = "米国大統領 → 米インド太平洋軍 → 米太平洋艦隊 → C7F（作戦統制）"
    assert f"| C7F（Seventh Fleet） | 全ての事態 | {chain} |" in markdown
