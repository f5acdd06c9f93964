"""A tiny alliance model shared by the export tests, and hostile names for property tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from c2graph import Model, load_model_data


def tiny_data() -> dict[str, Any]:
    """PM commands JJOC; JJOC and INDOPACOM are counterparts and, from gray-zone, ACM members."""
    return {
        "name": "tiny",
        "as_of": "2025-03-24",
        "phases": [
            {"id": "peacetime", "name": "Peacetime"},
            {"id": "gray-zone", "name": "Gray zone", "basis": "SDF Law Art. 82"},
            {"id": "armed-attack", "name": "Armed attack"},
        ],
        "nodes": [
            {
                "id": "pm",
                "name": "Prime Minister",
                "nation": "JP",
                "kind": "political-authority",
                "name_ja": "内閣総理大臣",
            },
            {
                "id": "jjoc",
                "name": "Joint Operations Command",
                "nation": "JP",
                "kind": "headquarters",
                "short": "JJOC",
                "echelon": "theater",
            },
            {"id": "indo", "name": "INDOPACOM", "nation": "US", "kind": "headquarters"},
            {
                "id": "acm",
                "name": "Alliance Coordination Mechanism",
                "nation": "alliance",
                "kind": "coordination-body",
                "phases": {"from": "gray-zone"},
            },
        ],
        "links": [
            {"from": "pm", "to": "jjoc", "relation": "command", "basis": "SDF Law Art. 7"},
            {"from": "jjoc", "to": "acm", "relation": "member", "phases": {"from": "gray-zone"}},
            {"from": "indo", "to": "acm", "relation": "member", "phases": {"from": "gray-zone"}},
            {"from": "jjoc", "to": "indo", "relation": "counterpart", "confidence": "medium"},
        ],
    }


@pytest.fixture
def tiny() -> Model:
    """The tiny model of :func:`tiny_data`."""
    return load_model_data(tiny_data())


def named(names: list[str]) -> Model:
    """A model whose nodes carry the given names, chained by OPCON, one coordination link."""
    nodes = [
        {"id": f"x{i}", "name": name, "nation": ("JP", "US", "alliance")[i % 3], "kind": "unit"}
        for i, name in enumerate(names)
    ]
    links = [
        {"from": f"x{i}", "to": f"x{i + 1}", "relation": "opcon"} for i in range(len(names) - 1)
    ]
    if len(names) > 1:
        links.append({"from": f"x{len(names) - 1}", "to": "x0", "relation": "liaison"})
    return load_model_data(
        {
            "name": "hostile",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": nodes,
            "links": links,
        }
    )


#: Pieces hostile to Mermaid, HTML, XML and DOT, mixed into generated names.
HOSTILE_PIECES = [
    '"',
    "\\",
    "<script>",
    "</script>",
    "]",
    "[",
    "|",
    "{",
    "}",
    "end",
    "\n",
    "`",
    "#quot;",
    "%%{init: {}}%%",
    "-->",
    ";",
    ":",
    "&amp;",
    "内閣総理大臣",
    "司令部",
    "\\N",
    "'",
    "style a fill:#f00;",
    "<br>",
    " ",
]

#: Names made of hostile pieces and any printable text (no control characters).
hostile_names = (
    st.lists(
        st.one_of(
            st.sampled_from(HOSTILE_PIECES),
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6),
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


def pair_data() -> dict[str, Any]:
    """Two phases; a PM with a hostile name joins an alliance body that exists only in ``q``."""
    return {
        "name": "pair",
        "as_of": "2025",
        "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
        "nodes": [
            {
                "id": "pm",
                "name": 'PM "A" & <B>',
                "nation": "JP",
                "kind": "political-authority",
                "name_ja": "総理",
            },
            {
                "id": "acm",
                "name": "ACM",
                "nation": "alliance",
                "kind": "coordination-body",
                "phases": ["q"],
            },
        ],
        "links": [{"from": "pm", "to": "acm", "relation": "member", "phases": ["q"]}],
    }


@pytest.fixture
def pair() -> Model:
    """The two-node model of :func:`pair_data`, small enough for exact expected text."""
    return load_model_data(pair_data())


#: Hostile names that XML can carry: with tabs and carriage returns, without U+FFFE/U+FFFF.
xml_names = (
    st.lists(
        st.one_of(hostile_names, st.sampled_from(["\t", "\r", "\r\n"])),
        min_size=1,
        max_size=3,
    )
    .map("".join)
    .filter(lambda s: "\ufffe" not in s and "\uffff" not in s)
)


#: A folder holding the official schemas and public sample files that CI cannot install
#: from a registry (and that the project does not ship); tests that need them are skipped
#: unless it is given. Below it (at any depth) the tests look for ``gexf-1.3/gexf.rng`` and
#: ``gexf-1.3/gexf.xsd`` (gephi/gexf), ``msdl-1.0.0/MilitaryScenario_1.0.0.xsd`` with its
#: includes (SISO-STD-007-2008) and ``msdl-samples/**/*.xml`` (public MSDL scenarios).
SCHEMAS_VARIABLE = "C2GRAPH_SCHEMAS"


def schema_file(folder: str, name: str) -> Path:
    """Return ``folder/name`` under ``$C2GRAPH_SCHEMAS``, or skip the test without it."""
    root = os.environ.get(SCHEMAS_VARIABLE)
    if not root:
        pytest.skip(f"{SCHEMAS_VARIABLE} is not set: official schemas are not available")
    for path in sorted(Path(root).rglob(name)):
        if path.parent.name == folder:
            return path
    pytest.fail(f"{SCHEMAS_VARIABLE}={root} holds no {folder}/{name}")


def sample_files(folder: str) -> list[Path]:
    """Return the XML files under every ``folder`` below ``$C2GRAPH_SCHEMAS`` (or skip)."""
    root = os.environ.get(SCHEMAS_VARIABLE)
    if not root:
        pytest.skip(f"{SCHEMAS_VARIABLE} is not set: public samples are not available")
    found = sorted(p for d in Path(root).rglob(folder) if d.is_dir() for p in d.rglob("*.xml"))
    if not found:
        pytest.fail(f"{SCHEMAS_VARIABLE}={root} holds no {folder}/ with XML files")
    return found
