"""The explorer page in real headless Chromium, against the command line's answers.

Every request that leaves the page's own file is blocked, and any such request, any
script error or console error fails the test.  Skipped only where Chromium is missing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from c2graph import Model, Source, load_model, load_model_data
from c2graph.analysis import authority_paths, reach
from c2graph.cli.main import main
from c2graph.explore import write_explorer
from c2graph.explore.keys import SHORTCUTS
from c2graph.report import report_stems
from c2graph.report.pdf import QUIET_FLAGS, find_browser
from c2graph.vocabulary import RELATIONS

from ..conftest import MODELS
from .conftest import VARYING, with_source

CHROMIUM = find_browser()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

SHIPPED = sorted(MODELS.glob("*.yaml"))


@dataclass
class Opened:
    """A page, the requests it tried to send out, and the errors its script raised."""

    page: Page
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=list(QUIET_FLAGS)
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def every_model(tmp_path_factory) -> Path:
    """The page of every shipped model, as ``c2graph explore models/*.yaml`` writes it."""
    path = tmp_path_factory.mktemp("explore") / "explore.html"
    write_explorer([load_model(p) for p in SHIPPED], path)
    return path


@pytest.fixture
def opener(browser) -> Iterator[Callable[..., Opened]]:
    """Open a page file (with a URL fragment) in a fresh context that blocks the network;
    afterwards, fail if any page tried to reach the network or raised a script error."""
    opened: list[Opened] = []
    contexts = []

    def open_page(path: Path, fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": 1600, "height": 950})
        contexts.append(context)
        tab = Opened(context.new_page())
        opened.append(tab)

        def route(request: Route) -> None:
            if request.request.url.startswith("file://"):
                request.continue_()
            else:
                tab.blocked.append(request.request.url)
                request.abort()

        context.route("**/*", route)
        tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        tab.page.goto(path.resolve().as_uri() + fragment, wait_until="load")
        tab.page.wait_for_selector("html[data-ready]")
        return tab

    yield open_page
    for context in contexts:
        context.close()
    assert [url for tab in opened for url in tab.blocked] == [], "a page reached for the network"
    assert [error for tab in opened for error in tab.errors] == [], "a page's script failed"


def cli(capsys, *argv: str) -> dict:
    """The JSON answer of a ``c2graph`` command."""
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def marked(page: Page, kind: str, mark: str) -> set[str]:
    """Ids of the nodes (``kind="node"``) or keys of the links (``"edge"``) marked ``mark``
    in the chart shown."""
    attribute = "node" if kind == "node" else "link"
    return set(
        page.eval_on_selector_all(
            f".drawing:not([hidden]) g.{kind}.{mark}",
            f"found => found.map(e => e.dataset.{attribute})",
        )
    )


def listed(page: Page, selector: str) -> list[str]:
    """The ``data-link`` keys of a list in the side panel, in order."""
    return page.eval_on_selector_all(f"{selector} li", "found => found.map(e => e.dataset.link)")


def drawn_links(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            ".drawing:not([hidden]) g.edge", "found => found.map(e => e.dataset.link)"
        )
    )


def click_node(page: Page, node: str) -> None:
    page.click(f'.drawing:not([hidden]) g.node[data-node="{node}"]')


_OPEN_POINT = """path => {
    const group = path.closest("g.edge");
    const length = path.getTotalLength();
    for (let i = 0; i <= 48; i++) {
        const share = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) / 50;
        const point = path.getPointAtLength(length * share);
        const at = new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM());
        const top = document.elementFromPoint(at.x, at.y);
        if (top && top.closest("g.edge") === group) return [at.x, at.y];
    }
    return null;
}"""


def open_point(page: Page, key: str) -> tuple[float, float] | None:
    """The point nearest halfway along a link's line where nothing lies over it (its
    box's centre may lie off the line), or None when other lines cover all of it."""
    selector = f'.drawing:not([hidden]) g.edge[data-link="{key}"] path.hit'
    return page.eval_on_selector(selector, _OPEN_POINT)


def click_link(page: Page, key: str) -> None:
    point = open_point(page, key)
    assert point is not None, f"{key} is covered along its whole line"
    page.mouse.click(*point)


def check_chains(page: Page, capsys, path: Path, node: str, phase: str, layer: str) -> None:
    """The chains up highlighted are ``c2graph path``'s, node for node and link for link."""
    answer = cli(capsys, "path", str(path), node, "--phase", phase, "--layer", layer)
    assert marked(page, "node", "up") == {n for p in answer["paths"] for n in p["nodes"]}, node
    assert marked(page, "edge", "up") == {k for p in answer["paths"] for k in p["links"]}, node
    assert page.locator("#chains-up li").count() == len(answer["paths"])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_model_in_chromium(path, every_model, opener, capsys, tmp_path):
    model = load_model(path)
    stem = report_stems([model])[0]
    first, last = model.phase_ids[0], model.phase_ids[-1]
    page = opener(every_model, f"#model={stem}&phase={last}").page
    assert page.text_content("#title") == model.name

    nodes = [n for n, record in model.nodes.items() if last in record.phases]
    every = 1 if stem == "us-japan-2025" else 5  # every node of the 2025 model
    for node in nodes[::every]:  # chains of command up, operational layer
        click_node(page, node)
        check_chains(page, capsys, path, node, last, "operational")
    for layer in ("administrative", "civil", "all"):  # the other layers, a few nodes each
        page.select_option("#layer", layer)
        for node in nodes[:: max(1, len(nodes) // 2)]:
            click_node(page, node)
            check_chains(page, capsys, path, node, last, layer)
    page.select_option("#layer", "operational")

    head = next(n for n in nodes if model.nodes[n].kind == "political-authority")
    click_node(page, head)  # its chains down: those of `c2graph path OTHER --from HEAD`
    down = [
        chain
        for reached in reach(model, head, phase=last).reached
        for chain in authority_paths(model, reached.node, phase=last, source=head).paths
    ]
    assert down
    assert marked(page, "node", "down") == {n for chain in down for n in chain.nodes}
    assert marked(page, "edge", "down") == {k for chain in down for k in chain.links}

    for before, after in ((last, first), (first, last)):
        page.click(f'#phases button[data-situation="{after}"]')
        switch = cli(capsys, "switches", str(path), "--from", before, "--to", after)
        for change in ("activated", "lapsed"):
            keys = [c["link"] for c in switch[change]]
            assert listed(page, f"#{change}") == keys
            mark = "activated" if change == "activated" else "lapsed"
            assert marked(page, "edge", mark) == set(keys) & drawn_links(page)
        rebased = [c["after"]["link"] for c in switch["changed"]]
        assert listed(page, "#rebased") == rebased
        required = [d["id"] for d in switch["decisions"]["required"]]
        assert page.eval_on_selector_all(
            "#decisions-required li", "found => found.map(e => e.dataset.decision)"
        ) == required  # fmt: skip
        assert "[object" not in page.text_content("#panel")  # every value shown as text

    named = next(
        (n for n in nodes if dict(model.nodes[n].names)), nodes[0]
    )  # a Japanese (or Korean) name where the model has one
    name = next(iter(dict(model.nodes[named].names).values()), model.nodes[named].name)
    page.fill("#search", name)
    assert named in page.eval_on_selector_all(
        "#results button", "found => found.map(e => e.dataset.node)"
    )
    page.press("#search", "Enter")
    assert marked(page, "node", "selected") == {named}
    assert page.text_content("#selected-name") == model.nodes[named].name

    shot = tmp_path / f"{stem}.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 30_000


def test_the_2025_page_weighs_under_a_megabyte_and_opens_under_a_second(opener, tmp_path):
    path = tmp_path / "2025.html"
    write_explorer([load_model(MODELS / "us-japan-2025.yaml")], path)
    assert path.stat().st_size < 1_000_000
    page = opener(path).page
    ready = float(page.evaluate("document.documentElement.dataset.ready"))
    assert ready < 1000, f"ready after {ready} ms"
    assert page.locator("#model").is_hidden()  # one model: no switcher


def test_the_url_keeps_phase_selection_layer_view_and_filters(every_model, opener):
    first = opener(every_model, "#model=us-japan-2025").page
    first.click('#phases button[data-situation="gray-zone"]')
    click_node(first, "jp-jjoc")
    first.select_option("#layer", "administrative")
    first.keyboard.press("+")
    first.uncheck('input[data-relation="liaison"]')
    first.wait_for_function("location.hash.includes('view=')")
    url = first.url
    view = first.get_attribute(".drawing:not([hidden]) svg", "viewBox")
    again = opener(Path(every_model), "#" + url.split("#", 1)[1]).page
    assert again.get_attribute('#phases button[data-situation="gray-zone"]', "aria-pressed") == (
        "true"
    )
    assert marked(again, "node", "selected") == {"jp-jjoc"}
    assert again.input_value("#layer") == "administrative"
    assert again.get_attribute(".drawing:not([hidden]) svg", "viewBox") == view
    assert not again.is_checked('input[data-relation="liaison"]')


def test_keyboard_shortcuts_do_what_the_page_lists(every_model, opener):
    page = opener(every_model, "#model=us-japan-2025").page
    listed_keys = page.eval_on_selector_all("#keys kbd", "found => found.map(e => e.textContent)")
    assert len(listed_keys) == sum(len(s.keys) for s in SHORTCUTS)
    svg = ".drawing:not([hidden]) svg"

    def width() -> float:
        return float(page.get_attribute(svg, "viewBox").split()[2])

    fit = width()
    page.keyboard.press("+")
    assert width() < fit
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert width() > fit
    page.keyboard.press("0")
    assert width() == fit
    before = page.get_attribute(svg, "viewBox")
    page.keyboard.press("ArrowRight")
    assert page.get_attribute(svg, "viewBox") != before
    page.keyboard.press("]")
    assert page.get_attribute('#phases button[data-situation="gray-zone"]', "aria-pressed") == (
        "true"
    )
    page.keyboard.press("[")
    assert page.get_attribute('#phases button[data-situation="peacetime"]', "aria-pressed") == (
        "true"
    )
    page.keyboard.press("l")
    assert page.input_value("#layer") == "administrative"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.press("Escape")
    click_node(page, "jp-gcc")
    page.keyboard.press("c")
    page.keyboard.press("Escape")
    assert marked(page, "node", "selected") == set()
    page.keyboard.press("d")  # the 2025 model extends nothing: no diff to show
    assert page.locator("#diff").is_hidden()
    stems = [p.stem for p in SHIPPED]
    page.keyboard.press("m")
    assert page.input_value("#model") == str(stems.index("us-japan-2025") + 1)
    page.select_option("#model", str(stems.index("us-japan-combined-command")))
    page.keyboard.press("d")  # the combined command extends the 2025 model
    assert page.is_checked("#diff-toggle")


def test_filters_hide_nations_and_relations(every_model, opener):
    page = opener(every_model, "#model=us-japan-2025").page
    page.uncheck('input[data-nation="JP"]')
    hidden = marked(page, "node", "filtered")
    model = load_model(MODELS / "us-japan-2025.yaml")
    assert hidden == {n for n, record in model.nodes.items() if record.nation == "JP"}
    assert page.locator('g.node[data-node="jp-pm"]').is_hidden()
    page.check('input[data-nation="JP"]')
    page.uncheck('input[data-layer="operational"]')
    operational = {"command", "cocom", "opcon", "tacon", "transmits"}
    expected = {link.key for link in model.links if link.relation in operational}
    assert marked(page, "edge", "filtered") == expected & drawn_links(page)
    page.check('input[data-relation="opcon"]')
    assert not marked(page, "edge", "filtered") & {
        link.key for link in model.links if link.relation == "opcon"
    }


def test_a_variant_and_its_diff_against_the_base(every_model, opener, capsys):
    stems = [p.stem for p in SHIPPED]
    page = opener(every_model).page
    page.select_option("#model", str(stems.index("us-japan-jfhq")))
    assert page.text_content("#title") == load_model(MODELS / "us-japan-jfhq.yaml").name
    page.check("#diff-toggle")
    compared = cli(
        capsys, "compare", str(MODELS / "us-japan-2025.yaml"), str(MODELS / "us-japan-jfhq.yaml")
    )
    added = [link["key"] for link in compared["links_added"]]
    assert listed(page, "#diff-added") == added
    assert marked(page, "edge", "diff-added") == set(added) & drawn_links(page)
    assert listed(page, "#diff-removed") == [link["key"] for link in compared["links_removed"]]
    changed = [link["key_after"] for link in compared["links_changed"]]
    assert listed(page, "#diff-changed") == changed
    assert marked(page, "edge", "diff-changed") == set(changed) & drawn_links(page)
    page.uncheck("#diff-toggle")
    assert marked(page, "edge", "diff-added") == set()
    page.select_option("#model", str(stems.index("us-japan-2025")))
    assert page.locator("#diff").is_hidden()


def test_a_link_shows_its_meaning_phases_basis_and_source(every_model, opener):
    model = load_model(MODELS / "us-japan-2025.yaml")
    page = opener(every_model, "#model=us-japan-2025&phase=armed-attack").page
    drawn = drawn_links(page)
    sourced = [
        link
        for link in model.links_in("armed-attack")
        if link.key in drawn and link.basis and link.source and model.sources[link.source].url
    ]
    link = next(link for link in sourced if open_point(page, link.key) is not None)
    click_link(page, link.key)
    assert marked(page, "edge", "picked") == {link.key}
    text = page.text_content("#details")
    assert RELATIONS[link.relation].meaning in text
    assert link.basis in text
    assert "Armed attack situation (shown)" in text
    hrefs = page.eval_on_selector_all("#details a", "found => found.map(e => e.href)")
    assert hrefs == [model.sources[link.source].url]


def test_a_body_lists_the_members_of_the_phase_shown(opener, tmp_path):
    path = tmp_path / "varying.html"
    write_explorer([load_model_data(VARYING)], path)
    page = opener(path, "#phase=war").page
    body = '.drawing:not([hidden]) g.node[data-node="body"] text'

    def lines() -> list[str]:
        return page.eval_on_selector_all(body, "found => found.map(e => e.textContent)")

    assert lines() == ["Coordination Body", "JHQ · US HQ"]
    page.click('#phases button[data-situation="peace"]')
    assert lines() == ["Coordination Body", "JHQ"]
    assert sorted(listed(page, "#lapsed")) == ["u2-war", "ushq->body:member"]
    assert marked(page, "edge", "lapsed") == {"u2-war"}  # member links are listed, not drawn


def test_drag_pans_and_the_wheel_zooms(every_model, opener):
    page = opener(every_model, "#model=us-rok-cfc").page
    svg = ".drawing:not([hidden]) svg"
    box = page.locator("#chart").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 40
    before = page.get_attribute(svg, "viewBox").split()
    page.mouse.move(x, y)
    page.mouse.wheel(0, -300)
    zoomed = page.get_attribute(svg, "viewBox").split()
    assert float(zoomed[2]) < float(before[2])
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 60, steps=5)
    page.mouse.up()
    moved = page.get_attribute(svg, "viewBox").split()
    assert float(moved[0]) < float(zoomed[0]) and float(moved[1]) < float(zoomed[1])
    assert marked(page, "node", "selected") == set()  # a drag is not a click


def test_hostile_texts_never_run(opener, tmp_path):
    model = load_model_data(
        {
            "name": "<img src=x onerror=window.__pwned=1>",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "<script>window.__pwned=2</script>"}],
            "nodes": [
                {"id": "a", "name": "<svg onload=window.__pwned=3>", "nation": "JP",
                 "kind": "unit", "name_ja": "</script><script>window.__pwned=4</script>",
                 "source": "s1"},
                {"id": "b", "name": "\" onclick='window.__pwned=5' x=\"", "nation": "US",
                 "kind": "unit"},
            ],
            "links": [{"from": "a", "to": "b", "relation": "liaison", "source": "s1",
                       "note": "<b onmouseover=window.__pwned=6>n</b>"}],
            "sources": [{"id": "s1", "title": "<i>t</i>", "note": "<b>n</b>"}],
        }
    )  # fmt: skip
    model = with_source(model, Source("s1", "<i>t</i>", url="javascript:window.__pwned=7"))
    path = tmp_path / "hostile.html"
    write_explorer([model], path)
    page = opener(path, "#node=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D8%3E").page
    for node in ("a", "b"):
        click_node(page, node)
        assert page.text_content("#selected-name") == model.node(node).name
    click_link(page, "a->b:liaison")
    details = page.text_content("#details")
    assert "<b onmouseover=window.__pwned=6>n</b>" in details
    assert "<i>t</i> — javascript:window.__pwned=7" in details
    page.fill("#search", "</script>")
    page.press("#search", "Enter")
    assert marked(page, "node", "selected") == {"a"}
    page.hover('.drawing:not([hidden]) g.node[data-node="b"]')
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img, iframe, object, embed, foreignObject").count() == 0
    assert page.eval_on_selector_all("a", "found => found.map(e => e.href)") == []
    assert page.title() == "c2graph explorer: img-src-x-onerror-window-pwned-1"  # a slug


#: Latin text a Japanese page may show besides the model's own: key caps, the clocks' UTC
#: and zone abbreviations, the names of the program and of JavaScript, and the cited
#: doctrine's (JP 1, § (a)).
_LATIN = frozenset(
    {"Esc", "l", "m", "d", "c", "UTC", "JST", "HST", "c2graph", "JavaScript", "JP", "a"}
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/]*")


def _words(*texts: object) -> set[str]:
    clocks = (re.sub(r"UTC[+-][\d.]+", "UTC", t) for t in texts if isinstance(t, str))
    return {w for text in clocks for w in _WORD.findall(text)}


def _model_words(model: Model) -> set[str]:
    """The words of the model's own texts a page shows as written: ids and keys, names
    without a Japanese name, abbreviations, echelons, notes, legal bases, sources and
    places; never a name the model gives in Japanese too."""
    found = _words(model.name, model.description)
    for node in model.nodes.values():
        named = "ja" in dict(node.names)
        found |= _words(node.id, node.short, node.echelon, node.note, None if named else node.name)
    for link in model.links:
        found |= _words(link.key, link.basis, link.note, link.as_of)
    for source in model.sources.values():
        found |= _words(
            source.id, source.title, source.publisher, source.date, source.note, source.url
        )
    for location in model.locations.values():
        found |= _words(location.name, location.tz)
    for situation in model.situations.values():
        found |= _words(None if "ja" in dict(situation.names) else situation.name)
    for decision in model.decisions.values():
        duration = decision.duration
        found |= _words(decision.basis, decision.note, decision.id)
        found |= _words(None if "ja" in dict(decision.names) else decision.name)
        found |= _words(duration and duration.source, duration and duration.assumption)
    return found


def _left(page: Page, allowed: set[str]) -> set[str]:
    """The Latin words the page shows that are not ``allowed``: in the header, the phase
    tabs and the side panel; and in the chart, where a label's lines may cut a word, any
    that is no part of an allowed one."""
    text = " ".join(page.inner_text(part) for part in ("header", "#phases", "#panel"))
    lines = page.eval_on_selector_all(
        ".drawing:not([hidden]) text", "found => found.map(e => e.textContent)"
    )
    cut = {w for w in _words(*lines) - allowed if not any(w in a for a in allowed)}
    return (_words(text) - allowed) | cut


@pytest.mark.parametrize(
    ("stems", "fragment", "node", "phase"),
    [
        (["us-japan-2025", "us-japan-2026"], "#model=us-japan-2026&diff=1", "jp-jjoc",
         "armed-attack"),
        (["us-rok-cfc"], "", "kr-forces", "wartime"),
    ],
)  # fmt: skip
def test_a_japanese_page_shows_no_english_interface_string(
    stems, fragment, node, phase, opener, tmp_path
):
    models = [load_model(MODELS / f"{stem}.yaml") for stem in stems]
    path = tmp_path / "explore.html"
    write_explorer(models, path, lang="ja")
    page = opener(path, fragment).page
    allowed = _LATIN.union(*(_model_words(model) for model in models))
    assert page.get_attribute("html", "lang") == "ja"
    left = {"start": _left(page, allowed)}
    click_node(page, node)
    left["node"] = _left(page, allowed)
    assert "単一障害点" in page.inner_text("#panel")
    page.click(f'#phases button[data-situation="{phase}"]')
    left["switch"] = _left(page, allowed)
    assert "事態の移行" in page.inner_text("#panel")
    assert page.locator("#activated li").count() > 0
    model = models[-1]
    key = next(
        k for k in drawn_links(page) if model.link(k).relation != "member" and open_point(page, k)
    )
    click_link(page, key)
    left["link"] = _left(page, allowed)
    assert left == {state: set() for state in left}
    data = page.evaluate("JSON.parse(document.getElementById('c2-data').textContent)")
    shown_data = [re.sub(r"{\w+}", "", v) for k, v in data["ui"].items() if k != "locale"]
    shown_data += [v for r in data["relations"].values() for v in (r["label"], r["meaning"])]
    for entry in data["models"]:
        shown_data += [s[k] for s in entry["situations"] for k in ("name", "group", "text")]
        shown_data += [caption for _, caption in entry["nations"]]
        shown_data += [d["name"] for d in entry["decisions"]]
        shown_data += [a["meaning"] for d in entry["decisions"] for a in d["approvals"]]
    assert _words(*shown_data) - allowed == set()
