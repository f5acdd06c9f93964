"""Report sections: main forces and the blocks of a model, on hand-built models."""

from __future__ import annotations

from c2graph import load_model
from c2graph.report.document import Figure, Heading, Table
from c2graph.report.sections import (
    comparison_pairs,
    comparison_section,
    main_forces,
    model_section,
)

from ._models import BASE, VARIANT


def _models(write_model):
    base = load_model(write_model(BASE, "base.yaml"))
    return base, load_model(write_model(VARIANT, "variant.yaml"))


def _no_drawing(model, name, caption, phases):
    return Figure(name, caption)


def test_main_forces(write_model):
    base, variant = _models(write_model)
    # 2022-like: GCC under a staff is itself a top headquarters; INDOPACOM's unit is main
    assert main_forces(base, phase="peacetime") == ("fleet", "gcc")
    # the JJOC is a top headquarters over GCC
    assert main_forces(variant, phase="peacetime") == ("fleet", "gcc")
    # in war the JJOC also holds TACON of the fleet: both top headquarters list it
    assert main_forces(variant, phase="war") == ("fleet", "gcc")


def test_model_section_blocks(write_model):
    base, _ = _models(write_model)
    blocks = model_section(base, "base", _no_drawing)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "Base <script>alert(1)</script>",
        "Schematic",
        "Phase panels",
        "Chains of command of the main forces",
        "Bottlenecks",
        "Phase switches",
        "Peacetime → War",
        "Sources",
    ]
    assert [b.file for b in blocks if isinstance(b, Figure)] == [
        "base--peacetime.svg",
        "base--war.svg",
    ]
    chains = next(b for b in blocks if isinstance(b, Table) and b.header[0] == "force")
    assert chains.rows == (
        (
            "7th Fleet",
            ("President → INDOPACOM → 7th Fleet (OPCON)",),
            ("President → INDOPACOM → 7th Fleet (OPCON)",),
        ),
        ("GCC", ("PM → JSO | staff → GCC (OPCON)",), ("PM → JSO | staff → GCC (OPCON)",)),
    )
    decisions = next(b for b in blocks if isinstance(b, Table) and b.header[0] == "decision")
    assert decisions.rows == (
        ("Declaration: War", "PM", "Diet (timing not given)", "SDF Law Art. 76"),
    )


def test_comparison_names_chain_moves(write_model):
    base, variant = _models(write_model)
    blocks = comparison_section([base, variant], ["base", "variant"])
    moves = next(b for b in blocks if isinstance(b, Table) and b.header[0] == "force")
    assert moves.rows == (
        ("7th Fleet", "War", "JJOC, PM", "-"),
        ("GCC", "all shared phases", "JJOC", "JSO | staff"),
    )
    approach = next(b for b in blocks if isinstance(b, Table) and b.header[0] == "model")
    assert [(r[0], r[1], r[2], r[3]) for r in approach.rows] == [
        ("base", "Peacetime", "de-conflicted", "parallel"),
        ("base", "War", "coordinated", "parallel"),
        ("variant", "Peacetime", "de-conflicted", "parallel"),
        ("variant", "War", "coordinated", "lead-nation"),
    ]


def test_comparison_pairs_a_variant_with_the_model_it_extends(write_model, minimal_text):
    first = load_model(write_model(minimal_text, "first.yaml"))
    base = load_model(write_model(minimal_text.replace("name: demo", "name: base"), "base.yaml"))
    other = load_model(write_model(minimal_text.replace("name: demo", "name: other"), "other.yaml"))
    variant = load_model(
        write_model("extends: base.yaml\nname: variant\nas_of: '2026'\n", "variant.yaml")
    )
    assert comparison_pairs([first, base, other, variant]) == [(0, 1), (1, 2), (1, 3)]
