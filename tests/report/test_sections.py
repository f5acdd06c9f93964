"""The report's sections on hand-built models: exact headings, chains of every force,
single points of failure, switches, the summary, each variant against its base (loaded
when not given), unrelated models never diffed, and ``--forces``."""

from __future__ import annotations

import pytest

from c2graph import QueryError, load_model, load_model_data
from c2graph.analysis import phase_switch
from c2graph.messages import messages
from c2graph.report import build_report
from c2graph.report.document import Bullets, Details, Figure, Heading, Table
from c2graph.report.findings import model_findings
from c2graph.report.sections import model_section
from c2graph.report.summary import Base, summary_blocks
from c2graph.report.switches import switch_items

from ._alliance import BASE, TRIO, VARIANT

EN = messages("en")


@pytest.fixture
def alliance(write_model):
    base = load_model(write_model(BASE, "base.yaml"))
    variant = load_model(write_model(VARIANT, "variant.yaml"))
    trio = load_model(write_model(TRIO, "trio.yaml"))
    return base, variant, trio


def _no_drawing(model, name, caption, phases):
    return Figure(name, caption)


def _markdown(report):
    return report.files["report.md"].decode("utf-8")


def _headings(markdown):
    return [line for line in markdown.splitlines() if line.startswith("#")]


def test_model_section_headings_and_figures(alliance):
    blocks = model_section(model_findings(alliance[0]), "base", _no_drawing, EN)
    assert [(b.level, b.text) for b in blocks if isinstance(b, Heading)] == [
        (2, "同盟の基本形"),
        (3, "Schematics"),
        (3, "Phases"),
        (3, "Chains of command"),
        (3, "Single points of failure"),
        (3, "Other bottlenecks"),
        (3, "What changes at each switch"),
        (4, "Peacetime → Crisis"),
        (4, "Crisis → War"),
        (3, "Sources"),
    ]
    assert [b.file for b in blocks if isinstance(b, Figure)] == ["base--peace.svg", "base--war.svg"]


def test_chains_of_every_force_with_a_superior_grouped_by_nation(alliance):
    blocks = model_section(model_findings(alliance[1]), "v", _no_drawing, EN)
    groups = [b for b in blocks if isinstance(b, Details) and "force" in b.summary]
    assert [g.summary for g in groups] == ["Japan (3 forces)", "United States (4 forces)"]
    assert groups[0].blocks[0].rows == (
        ("GCC (Ground Component Command)", "all phases", ("PM → DM → JJOC → GCC (command)",)),
        ("JJOC (Joint Operations Command)", "all phases", ("PM → DM → JJOC (command)",)),
        ("SF (Self-Defense Fleet)", "all phases", ("PM → DM → JJOC → SF (command)",)),
    )
    assert groups[1].blocks[0].rows == (
        ("C7F (Seventh Fleet)", "all phases", ("POTUS → INDOPACOM → USFJ → C7F (OPCON)",)),
        ("INDOPACOM (Indo-Pacific Command)", "all phases", ("POTUS → INDOPACOM (command)",)),
        ("PACFLT (Pacific Fleet)", "all phases", ("POTUS → INDOPACOM → PACFLT (COCOM)",)),
        ("USFJ (Forces Japan)", "all phases", ("POTUS → INDOPACOM → USFJ (COCOM)",)),
    )


def test_every_single_point_of_failure_per_national_chain(alliance):
    blocks = model_section(model_findings(alliance[0]), "base", _no_drawing, EN)
    table = next(
        b for b in blocks if isinstance(b, Table) and b.header[1] == "single point of failure"
    )
    assert table.rows == (
        ("Japan chains", "DM (political)", "GCC, JJOC, SF", "all phases"),
        ("", "PM (political)", "GCC, JJOC, SF", "all phases"),
        ("", "JJOC", "GCC, SF", "all phases"),
        ("United States chains", "POTUS (political)", "C7F, INDOPACOM, PACFLT, USFJ", "all phases"),
        ("", "INDOPACOM", "C7F, PACFLT, USFJ", "all phases"),
        ("", "PACFLT", "C7F", "all phases"),
    )
    other = next(b for b in blocks if isinstance(b, Table) and b.header[0] == "finding")
    assert other.rows == (
        ("counterpart mismatch", "JJOC (commands 2 forces) ↔ USFJ (holds no forces)", "all phases"),
        ("cut node", "DM", "all phases"),
        ("cut node", "INDOPACOM", "all phases"),
        ("cut node", "JJOC", "all phases"),
        ("cut node", "PACFLT", "all phases but War"),
        ("cut node", "USFJ", "all phases but War"),
        ("channels between nations", "Japan–United States: 1 (cut: USFJ)", "all phases"),
    )


def test_what_changes_at_each_switch(alliance):
    blocks = model_section(model_findings(alliance[0]), "base", _no_drawing, EN)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 4)
    peace_crisis, crisis_war = blocks[start : start + 3], blocks[start + 3 : start + 6]
    assert peace_crisis[1].rows == (("Basic plan", "Cabinet", "-", "-"),)
    assert peace_crisis[2].items == ("activated: BOCC (members: JJOC, USFJ)",)
    assert crisis_war[1].rows == (
        (
            "Defense-operation order",
            "PM (Prime Minister)",
            "Diet (before in principle; after the fact in an emergency)",
            "-",
        ),
    )
    assert crisis_war[2].items == ("support links start: SF — C7F",)


def test_report_headings_summary_first_variant_against_base_unrelated_alone(alliance):
    markdown = _markdown(build_report(list(alliance), engine="matplotlib"))
    assert [h for h in _headings(markdown) if not h.startswith("###")] == [
        "# C2 structures: base, variant, trio",
        "## Summary",
        "## 同盟の基本形",
        "## 在日米軍統合軍司令部案",
        "## 三か国の構造",
        "## Comparison",
        "## Definitions",
    ]
    comparison = markdown[markdown.index("## Comparison") :]
    assert [h for h in _headings(comparison) if h.startswith("### ")] == [
        "### variant against base, the model it extends",
        "### Headline measures",
        "### C2 approach space",
        "### The six considerations",
    ]
    assert "Compared with no other model: trio." in comparison
    assert "trio against" not in markdown and "against trio" not in markdown


def test_summary_rows_tell_variants_by_their_differences(alliance):
    report = build_report(list(alliance), engine="matplotlib")
    markdown = _markdown(report)
    rows = [
        line
        for line in markdown.splitlines()
        if line.startswith(("| base (", "| variant (", "| trio ("))
    ]
    assert rows == [
        "| base (as of 2025-01-01) | JJOC: GCC, SF<br>INDOPACOM: C7F, PACFLT, USFJ<br>PACFLT: C7F"
        " | JJOC (commands 2 forces) ↔ USFJ (holds no forces) | Crisis: 1 decision<br>War: 1 "
        "decision | - |",
        "| variant (as of 2025-06-01) | as in base, but:<br>+ USFJ: C7F<br>− PACFLT: C7F | as in "
        "base, but:<br>− JJOC (commands 2 forces) ↔ USFJ (holds no forces) | as in base | "
        "against base:<br>USFJ takes OPCON of C7F<br>becomes necessary: Delegation of OPCON to "
        "USFJ (INDOPACOM)<br>USFJ becomes a single point of failure of the United States chains:"
        " cuts off C7F<br>JJOC ↔ USFJ: now matched (commands forces / commands forces; was "
        "commands forces / holds no forces) |",
        "| trio (as of 2024) | Combined headquarters: Army A, Army B, Army C | none | none | - |",
    ]


def test_a_variant_alone_is_compared_with_its_base_loaded_for_it(alliance):
    markdown = _markdown(build_report([alliance[1]], engine="matplotlib"))
    assert "### variant against base, the model it extends" in markdown
    assert "base was not given; it was loaded for this comparison only." in markdown
    assert "## 同盟の基本形\n" not in markdown  # the base has no part of its own


def test_forces_restrict_chains_failures_and_mismatches(alliance):
    markdown = _markdown(build_report([alliance[0]], engine="matplotlib", forces=["gcc"]))
    assert "**Japan (1 force)**" in markdown and "United States (" not in markdown
    assert (
        "| GCC (Ground Component Command) | all phases | PM → DM → JJOC → GCC (command) |"
        in markdown
    )
    failures = markdown.split("### Single points of failure")[1].split("### Other bottlenecks")[0]
    assert [line.split(" | ")[1] for line in failures.splitlines() if line.startswith("| ")][
        2:
    ] == [
        "DM (political)",
        "PM (political)",
        "JJOC",
    ]
    with pytest.raises(
        QueryError, match=r"--forces: no model has a node 'gc' \(did you mean 'gcc'\?\)"
    ):
        build_report([alliance[0]], forces=["gc"])


def test_definitions_close_the_report(alliance):
    markdown = _markdown(build_report([alliance[2]], engine="matplotlib"))
    assert _headings(markdown)[-1] == "## Definitions"
    assert "docs/measures.md" in markdown.split("## Definitions")[1]


def test_folded_groups_in_html(alliance):
    page = build_report([alliance[0]], engine="matplotlib").files["index.html"].decode("utf-8")
    assert "<details><summary>Japan (3 forces)</summary>" in page
    assert "@media print" in page and '<html lang="en">' in page


def test_bullets_of_a_switch_are_each_told_once(alliance):
    blocks = model_section(model_findings(alliance[0]), "base", _no_drawing, EN)
    items = [i for b in blocks if isinstance(b, Bullets) for i in b.items]
    assert len(items) == len(set(items))


REBASED = """\
name: rebased
as_of: "2025"
phases:
  - {id: p, name: Peace}
  - {id: q, name: War}
nodes:
  - {id: pm, name: PM, nation: JP, kind: political-authority}
  - {id: mod, name: MOD, nation: JP, kind: ministry}
  - {id: sf, name: SF, nation: JP, kind: component}
  - {id: c7f, name: C7F, nation: US, kind: component}
links:
  - {id: c1, from: pm, to: mod, relation: command, phases: [p], basis: Art. 7}
  - {id: c2, from: pm, to: mod, relation: command, phases: [q], basis: Art. 76}
  - {id: s1, from: sf, to: c7f, relation: support, phases: [p]}
  - {id: s2, from: sf, to: c7f, relation: support, phases: [q], basis: Art. 10}
"""


def test_a_link_on_another_basis_is_told_once_with_both_bases(write_model):
    model = load_model(write_model(REBASED, "rebased.yaml"))
    switch = phase_switch(model, before="p", after="q")
    assert switch_items(model, switch, EN) == [
        "holds on another basis: PM → MOD (command); basis: Art. 7 → Art. 76",
        "support link holds on another basis: SF — C7F; basis: none given → Art. 10",
    ]
    assert switch_items(model, switch, messages("ja")) == [
        "別の根拠で継続：PM → MOD（指揮）、根拠：Art. 7 → Art. 76",
        "支援のリンクが別の根拠で継続：SF — C7F、根拠：記載なし → Art. 10",
    ]


def _phased(*links):
    return model_findings(
        load_model_data(
            {
                "name": "x",
                "as_of": "2025",
                "phases": [{"id": "p", "name": "Peace"}, {"id": "q", "name": "War"}],
                "decisions": [
                    {"id": "order", "name": "Order", "deciders": ["pm"], "kind": "order"}
                ],
                "nodes": [
                    {"id": "pm", "name": "PM", "nation": "JP", "kind": "political-authority"},
                    {"id": "hq", "name": "HQ", "nation": "JP", "kind": "headquarters"},
                    {"id": "u", "name": "Unit", "nation": "JP", "kind": "unit"},
                ],
                "links": [{"from": "pm", "to": "hq", "relation": "command"}, *links],
            }
        )
    )


def _summary(base, variant):
    bases = {1: Base("base", base, ())}
    return summary_blocks([base, variant], ["base", "variant"], bases, EN)[2].rows


def test_summary_tells_a_failure_in_other_phases_once_then_and_now():
    base = _phased({"from": "hq", "to": "u", "relation": "opcon"})
    variant = _phased(
        {"from": "hq", "to": "u", "relation": "opcon", "phases": ["p"]},
        {"from": "pm", "to": "u", "relation": "command", "phases": ["q"]},
    )
    rows = _summary(base, variant)
    assert rows[0][1:4] == (("HQ: Unit",), "none", "none")
    assert rows[1][1:4] == (
        ("as in base, but:", "± HQ: Unit: now in Peace (was all phases)"),
        "as in base",
        ("as in base, but:", "+ War: chains change: Unit"),
    )


def test_summary_tells_a_switch_that_needs_more_once_then_and_now():
    command = {"from": "pm", "to": "u", "relation": "command", "phases": ["q"]}
    base = _phased({"from": "hq", "to": "u", "relation": "opcon"}, command)
    variant = _phased(
        {"from": "hq", "to": "u", "relation": "opcon"}, command | {"requires": ["order"]}
    )
    assert _summary(base, variant)[1][3] == (
        "as in base, but:",
        "± War: 1 decision; chains change: Unit (was chains change: Unit)",
    )
