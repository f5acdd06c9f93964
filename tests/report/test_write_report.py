"""``write_report`` and ``c2graph report``: files, escaping, safety, determinism."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import pytest

from c2graph import OutputError, QueryError, load_model
from c2graph.cli.main import main
from c2graph.report import build_report, report_stems, write_report

from ._models import BASE, VARIANT

ENGINE = "graphviz" if shutil.which("dot") else "matplotlib"


class _Scan(HTMLParser):
    """Collect tags and every src/href value of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value is not None:
                self.urls.append((tag, name, value))


@pytest.fixture
def models(write_model):
    base = write_model(BASE, "base.yaml")
    variant = write_model(VARIANT, "variant.yaml")
    return [load_model(base), load_model(variant)]


@pytest.fixture
def report(models, tmp_path):
    out = tmp_path / "out" / "report"
    return out, write_report(models, out, engine=ENGINE)


def test_files_written_in_a_new_folder(report):
    out, written = report
    diff = ["diff--base--variant.svg"] if ENGINE == "graphviz" else []
    assert [p.name for p in written] == [
        "index.html",
        "report.md",
        "explore.html",
        "base--peacetime.svg",
        "base--war.svg",
        "variant--peacetime.svg",
        "variant--war.svg",
        *diff,
    ]
    assert all(p.parent == out and p.stat().st_size > 0 for p in written)


def test_page_has_no_script_and_links_only_to_sources(report):
    out, _ = report
    scan = _Scan()
    scan.feed((out / "index.html").read_text(encoding="utf-8"))
    assert "script" not in scan.tags and "iframe" not in scan.tags
    files = {p.name for p in out.iterdir() if p.suffix == ".svg"}
    external = [u for u in scan.urls if not u[2].startswith("#") and u[2] not in files]
    # the explorer page beside it, and the one http(s) source, listed under each model
    assert external == [
        ("a", "href", "explore.html"),
        *[("a", "href", "https://www.mod.go.jp/e/publ/w_paper/")] * 2,
    ]
    # each diagram opens at full size: a click on it, and its "full size" link
    assert sorted(u[2] for u in scan.urls if u[2] in files) == sorted(sorted(files) * 2)
    assert scan.tags.count("svg") == (5 if ENGINE == "graphviz" else 4)


def test_model_text_is_escaped(report):
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Base &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "defence &lt;b&gt;of&lt;/b&gt; Japan" in page
    assert "[s2] Evil ![x](https://e.vil/x.png) · [a](javascript:alert(1))" in page
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "## Base &lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "JSO \\| staff" in markdown
    assert "\\[s2\\] Evil !\\[x\\](https://e.vil/x.png) · \\[a\\](javascript:alert(1))" in markdown
    assert "[![Base" in markdown and "](base--peacetime.svg)](base--peacetime.svg)" in markdown


def test_same_models_same_bytes(models, report, tmp_path):
    _, written = report
    again = write_report(models, tmp_path / "again", engine=ENGINE)
    for first, second in zip(written, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_folder_is_kept_and_inputs_are_never_replaced(models, tmp_path):
    out = tmp_path / "keep"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    write_report(models[:1], out, engine=ENGINE)
    assert (out / "notes.txt").read_text() == "mine"
    with pytest.raises(OutputError, match="exists and is not a folder"):
        write_report(models[:1], out / "notes.txt", engine=ENGINE)
    with pytest.raises(QueryError, match="no model to report on"):
        write_report([], out)


def test_cli_never_writes_over_an_input(write_model, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    page = out / "index.html"
    page.write_text(BASE, encoding="utf-8")
    assert main(["report", str(page), "-o", str(out), "--engine", ENGINE]) == 4
    assert capsys.readouterr().err == (
        f"c2graph report: error: {page}: this is an input of the command; "
        "refusing to overwrite it\n"
    )
    assert page.read_text(encoding="utf-8") == BASE
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_build_report_writes_nothing(models, tmp_path):
    report = build_report(models[:1], engine="matplotlib")
    assert list(report.files)[:2] == ["index.html", "report.md"]
    assert report.files["report.md"].startswith(
        b"<!-- written by c2graph report -->\n# C2 structures: base\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml", "variant.yaml"]


def test_stems_are_distinct(models):
    assert report_stems([models[0], models[0], models[1]]) == ("base", "base-2", "variant")


def test_cli(write_model, tmp_path, capsys):
    base = write_model(BASE, "base.yaml")
    out = tmp_path / "cli"
    assert main(["report", str(base), "-o", str(out), "--engine", ENGINE]) == 0
    assert capsys.readouterr().out == (
        f"wrote 5 files to {out}: index.html, report.md, explore.html and the diagrams\n"
    )
    assert main(["report", str(base), "-o", str(base)]) == 4
    assert "exists and is not a folder" in capsys.readouterr().err


def test_matplotlib_in_worker_processes_gives_the_same_bytes(models, tmp_path, monkeypatch):
    from c2graph.report import _draw

    monkeypatch.setattr(_draw, "_FIGURES_PER_WORKER", 1)  # workers even for a few figures
    parallel = write_report(models, tmp_path / "parallel", engine="matplotlib")
    page = (tmp_path / "parallel" / "index.html").read_text(encoding="utf-8")
    assert "over base" not in page and "Diagram not available" not in page
    monkeypatch.setattr(_draw, "_MAX_WORKERS", 1)
    serial = write_report(models, tmp_path / "serial", engine="matplotlib")
    assert [p.name for p in parallel] == [p.name for p in serial]
    for first, second in zip(parallel, serial, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


# -- file names that stay in the folder and never collide ------------------------------------

ONE_PHASE = """\
name: {name}
as_of: "2025"
phases:
  - {{id: "{phase}", name: P}}
nodes:
  - {{id: pm, name: PM, nation: JP, kind: political-authority}}
  - {{id: hq, name: HQ, nation: JP, kind: headquarters}}
links:
  - {{from: pm, to: hq, relation: command}}
"""


def test_phase_ids_cannot_steer_files_out_of_the_folder(write_model, tmp_path):
    path = write_model(ONE_PHASE.format(name="m", phase="q/../../x"), "m.yaml")
    out = tmp_path / "a" / "b"
    written = write_report([load_model(path)], out, engine="matplotlib")
    assert [p.name for p in written] == ["index.html", "report.md", "explore.html", "m--q-x.svg"]
    assert all(p.parent == out for p in written)
    assert not (tmp_path / "x.svg").exists() and not (tmp_path / "a" / "x.svg").exists()


def test_a_long_phase_id_gives_a_short_file_name(write_model, tmp_path):
    path = write_model(ONE_PHASE.format(name="m", phase="q" * 200), "m.yaml")
    written = write_report([load_model(path)], tmp_path / "out", engine="matplotlib")
    name = written[3].name
    assert name.startswith("m--" + "q" * 51 + "-") and len(name) == 3 + 60 + 4


def test_figure_names_never_collide_and_the_page_is_the_same_each_run(write_model, tmp_path):
    x = load_model(write_model(ONE_PHASE.format(name="X", phase="a-p"), "x.yaml"))
    xa = load_model(write_model(ONE_PHASE.format(name="XA", phase="p"), "x-a.yaml"))
    first = build_report([x, xa], engine="matplotlib")
    assert list(first.files)[3:] == ["x--a-p.svg", "x-a--p.svg"]
    again = build_report([x, xa], engine="matplotlib")
    assert first.files == again.files


def test_phases_that_slug_alike_get_distinct_files(write_model, tmp_path):
    text = ONE_PHASE.format(name="m", phase="a/b").replace(
        '  - {id: "a/b", name: P}', '  - {id: "a/b", name: P}\n  - {id: "a.b", name: Q}'
    )
    report = build_report([load_model(write_model(text, "m.yaml"))], engine="matplotlib")
    assert list(report.files)[3:] == ["m--a-b.svg", "m--a-b-2.svg"]


# -- files the report did not write ----------------------------------------------------------


@pytest.mark.parametrize("name", ["index.html", "report.md", "explore.html"])
def test_a_page_the_report_did_not_write_is_kept(write_model, tmp_path, capsys, name):
    base = write_model(BASE, "base.yaml")
    out = tmp_path / "site"
    out.mkdir()
    (out / name).write_text("my own page\n")
    assert main(["report", str(base), "-o", str(out), "--engine", "matplotlib"]) == 4
    assert capsys.readouterr().err == (
        f"c2graph report: error: {out / name}: exists and was not written by a c2graph report; "
        "refusing to replace it (give --force to replace it)\n"
    )
    assert (out / name).read_text() == "my own page\n"
    assert sorted(p.name for p in out.iterdir()) == [name]
    assert main(["report", str(base), "-o", str(out), "--engine", "matplotlib", "--force"]) == 0
    assert (out / name).read_text() != "my own page\n"


def test_a_report_replaces_its_own_files(write_model, tmp_path):
    base = write_model(BASE, "base.yaml")
    out = tmp_path / "site"
    assert main(["report", str(base), "-o", str(out), "--engine", "matplotlib"]) == 0
    assert main(["report", str(base), "-o", str(out), "--engine", "matplotlib"]) == 0


# -- text that stays text --------------------------------------------------------------------


def test_controls_and_markdown_marks_stay_text(write_model, tmp_path):
    text = BASE.replace("name: PM,", 'name: "PM\\x00\\e[2J ~~struck~~ <!-- x -->",')
    report = build_report([load_model(write_model(text, "base.yaml"))], engine="matplotlib")
    page, markdown = report.files["index.html"], report.files["report.md"]
    for raw in (b"\x00", b"\x1b"):
        assert raw not in page and raw not in markdown
    # the escape's backslash is escaped in turn: Markdown shows PM\u0000\u001b[2J ...
    assert b"PM\\\\u0000\\\\u001b\\[2J \\~\\~struck\\~\\~ &lt;!-- x --&gt;" in markdown
    assert b"PM\\u0000\\u001b[2J ~~struck~~ &lt;!-- x --&gt;" in page


def _wide(count: int) -> str:
    """A model whose chart is too wide to read at the page's width: ``count``
    headquarters side by side under one minister, two units each."""
    nodes = ["  - {id: pm, name: PM, nation: JP, kind: political-authority}"]
    links = []
    for i in range(count):
        nodes.append(f"  - {{id: hq{i}, name: Headquarters {i}, nation: JP, kind: headquarters}}")
        links.append(f"  - {{from: pm, to: hq{i}, relation: command}}")
        for u in range(2):
            nodes.append(f"  - {{id: u{i}-{u}, name: Unit {i}.{u}, nation: JP, kind: unit}}")
            links.append(f"  - {{from: hq{i}, to: u{i}-{u}, relation: opcon}}")
    return (
        'name: Wide\nas_of: "2025"\nphases:\n  - {id: p, name: P}\nnodes:\n'
        + "\n".join(nodes)
        + "\nlinks:\n"
        + "\n".join(links)
        + "\n"
    )


def test_a_chart_too_wide_for_the_page_gets_focused_views_and_keeps_its_names_legible(
    write_model,
):
    model = load_model(write_model(_wide(20), "wide.yaml"))
    report = build_report([model], engine="matplotlib")
    assert [n for n in report.files if n.endswith(".svg")] == [
        "wide--p.svg",
        "wide--p--hq0.svg",
        "wide--p--hq1.svg",
        "wide--p--hq2.svg",
        "wide--p--hq3.svg",
    ]
    page = report.files["index.html"].decode("utf-8")
    width = float(page.split("--legible: ")[1].split("pt")[0])
    assert width > 1077 * 0.7  # shown no narrower than 7 pt names: the page scrolls instead
    assert page.count('<div class="views">') == 1
    assert "P — Headquarters 0" in page
    markdown = report.files["report.md"].decode("utf-8")
    assert "[![Wide: P — Headquarters 0](wide--p--hq0.svg)](wide--p--hq0.svg)" in markdown


def test_a_legible_chart_has_no_focused_views(models):
    report = build_report(models[:1], engine="matplotlib")
    assert not [n for n in report.files if n.count("--") > 1]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            None,
            "The interactive explorer is left out: Variant has 9 nodes, more than the 8 it "
            "draws (c2graph explore makes it on request).",
        ),
        (
            "ja",
            "対話型エクスプローラーは省きました：Variantのノードは9で、描画する上限の8を"
            "超えます（c2graph exploreで個別に作成できます）。",
        ),
    ],
)
def test_a_model_too_large_for_the_explorer_has_none_and_the_page_says_why(
    models, monkeypatch, lang, said
):
    import c2graph.report

    assert sorted(len(m.nodes) for m in models) == [8, 9]
    monkeypatch.setattr(c2graph.report, "EXPLORER_NODES", 8)
    report = build_report(models, engine=ENGINE, lang=lang)
    assert "explore.html" not in report.files
    markdown = report.files["report.md"].decode("utf-8")
    assert said in markdown and "explore.html" not in markdown
    assert "explore.html" not in report.files["index.html"].decode("utf-8")
