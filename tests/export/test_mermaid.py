"""Mermaid export: exact text, label escaping, and hostile names that cannot add syntax."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import load_model_data
from c2graph.export.mermaid import escape_label, phase_mark, to_mermaid

from .conftest import hostile_names, named, pair_data

TINY = """\
flowchart TB
  subgraph g0["Japan"]
    n0["Prime Minister"]
    n1["Joint Operations Command"]
  end
  subgraph g1["Alliance bodies"]
    n2["Alliance Coordination Mechanism"]
  end
  subgraph g2["United States"]
    n3["INDOPACOM"]
  end
  n0 -->|"command"| n1
  n1 -.->|"member · 2–3"| n2
  n3 -.->|"member · 2–3"| n2
  n1 -.->|"counterpart"| n3
  phases["Phases<br>1 Peacetime<br>2 Gray zone<br>3 Armed attack"]
  classDef legend fill:#ffffff,stroke:#999999,color:#000000
  class phases legend
  classDef nation0 fill:#fbe4e4,stroke:#a3121b,color:#000000
  class n0,n1 nation0
  style g0 fill:#fdf4f4,stroke:#a3121b,color:#a3121b
  classDef nation1 fill:#ece2f4,stroke:#5e3a8c,color:#000000
  class n2 nation1
  style g1 fill:#f8f4fb,stroke:#5e3a8c,color:#5e3a8c
  classDef nation2 fill:#dfe8f6,stroke:#1f4e8c,color:#000000
  class n3 nation2
  style g2 fill:#f4f7fc,stroke:#1f4e8c,color:#1f4e8c
  linkStyle 0 stroke:#111111,stroke-width:2.4px
  linkStyle 3 stroke:#c06000,stroke-width:1.4px
  linkStyle 1,2 stroke:#c06000,stroke-width:1.4px
"""

TINY_PEACETIME = """\
flowchart TB
  subgraph g0["Japan"]
    n0["Prime Minister"]
    n1["Joint Operations Command"]
  end
  subgraph g1["United States"]
    n2["INDOPACOM"]
  end
  n0 -->|"command"| n1
  n1 -.->|"counterpart"| n2
  classDef nation0 fill:#fbe4e4,stroke:#a3121b,color:#000000
  class n0,n1 nation0
  style g0 fill:#fdf4f4,stroke:#a3121b,color:#a3121b
  classDef nation1 fill:#dfe8f6,stroke:#1f4e8c,color:#000000
  class n2 nation1
  style g1 fill:#f4f7fc,stroke:#1f4e8c,color:#1f4e8c
  linkStyle 0 stroke:#111111,stroke-width:2.4px
  linkStyle 1 stroke:#c06000,stroke-width:1.4px
"""


def test_tiny_model_exact_text(tiny):
    assert to_mermaid(tiny) == TINY


def test_phase_keeps_only_its_nodes_and_links(tiny):
    assert to_mermaid(tiny, phase="peacetime") == TINY_PEACETIME


def test_links_that_differ_only_in_phases_share_one_arrow_without_a_mark(tiny):
    data = tiny.to_dict()
    data["links"][0]["phases"] = ["peacetime"]
    data["links"].append(
        {
            "id": "pm-jjoc-war",
            "from": "pm",
            "to": "jjoc",
            "relation": "command",
            "phases": {"from": "gray-zone"},
            "basis": "SDF Law Art. 76",
        }
    )
    lines = to_mermaid(load_model_data(data)).splitlines()
    assert [line for line in lines if line.startswith("  n0 ")] == ['  n0 -->|"command"| n1']


def test_an_arrow_of_some_phases_names_them(tiny):
    data = tiny.to_dict()
    data["links"][3]["phases"] = ["peacetime", "armed-attack"]
    lines = to_mermaid(load_model_data(data)).splitlines()
    assert '  n1 -.->|"counterpart · 1, 3"| n3' in lines


def test_no_legend_when_every_arrow_holds_in_every_phase(pair):
    data = pair_data()
    data["nodes"][1]["phases"] = "all"
    data["links"][0]["phases"] = "all"
    text = to_mermaid(load_model_data(data))
    assert "·" not in text and "phases[" not in text


@pytest.mark.parametrize(
    ("phases", "mark"),
    [
        ({"peacetime"}, "1"),
        ({"gray-zone", "armed-attack"}, "2–3"),
        ({"peacetime", "armed-attack"}, "1, 3"),
    ],
)
def test_phase_mark(tiny, phases, mark):
    assert phase_mark(tiny, frozenset(phases)) == mark


def test_legend_names_are_escaped():
    data = pair_data()
    data["phases"][1]["name"] = 'Q "war" <b>|'
    text = to_mermaid(load_model_data(data))
    assert '  phases["Phases<br>1 P<br>2 Q #quot;war#quot; #lt;b#gt;#124;"]' in text


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ('HQ "Main"', "HQ #quot;Main#quot;"),
        ("<script>alert(1)</script>", "#lt;script#gt;alert(1)#lt;/script#gt;"),
        ("A]B[C", "A#93;B#91;C"),
        ("a|b", "a#124;b"),
        ("{x}", "#123;x#125;"),
        ("`md`", "#96;md#96;"),
        ("end", "end"),
        ("line1\nline2", "line1<br>line2"),
        ("a\r\nb", "a<br>b"),
        ("back\\slash", "back#92;slash"),
        ("#quot;", "#35;quot#59;"),
        ("%%{init: {}}%%", "#37;#37;#123;init#58; #123;#125;#125;#37;#37;"),
        ("R&D", "R#amp;D"),
        ("内閣総理大臣", "内閣総理大臣"),
        ("tab\tx", "tab#9;x"),
        ("rtl\u202eoverride", "rtl#8238;override"),
    ],
)
def test_escape_label(name, label):
    assert escape_label(name) == label


NODE = re.compile(r'    n(\d+)\["([^"\n]*)"\]')
LINK = re.compile(r'  n(\d+) (-->|-\.->)\|"([a-zA-Z]+)"\| n(\d+)')
OTHER = [
    re.compile(r"flowchart TB"),
    re.compile(r'  subgraph g\d+\["[A-Za-z ]+"\]'),
    re.compile(r"  end"),
    re.compile(r"  classDef nation\d+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#000000"),
    re.compile(r"  class n\d+(,n\d+)* nation\d+"),
    re.compile(r"  style g\d+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}"),
    re.compile(
        r"  linkStyle \d+(,\d+)* stroke:#[0-9a-f]{6},stroke-width:[0-9.]+px"
        r"(,stroke-dasharray:[0-9 ]+)?"
    ),
]
ENTITY = re.compile(r"#(quot|lt|gt|amp|\d+);|<br>|[^#<]")
NAMED = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}


def decode(label: str) -> str:
    """Read a label the way Mermaid shows it; fail if a ``#`` or ``<`` starts no entity."""
    out = []
    position = 0
    while position < len(label):
        match = ENTITY.match(label, position)
        assert match, f"stray syntax at {position} in {label!r}"
        token = match.group()
        if token == "<br>":
            out.append("\n")
        elif match.group(1):
            code = match.group(1)
            out.append(NAMED.get(code) or chr(int(code)))
        else:
            out.append(token)
        position = match.end()
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(st.lists(hostile_names, min_size=1, max_size=5))
def test_hostile_names_add_no_nodes_or_links_and_show_literally(names):
    model = named(names)
    text = to_mermaid(model)
    labels: dict[str, str] = {}
    links = []
    for line in text.splitlines():
        if match := NODE.fullmatch(line):
            labels[f"n{match.group(1)}"] = decode(match.group(2))
        elif match := LINK.fullmatch(line):
            links.append((f"n{match.group(1)}", match.group(3), f"n{match.group(4)}"))
        else:
            assert any(p.fullmatch(line) for p in OTHER), f"unexpected line {line!r}"
    shown = [name.replace("\r\n", "\n").replace("\r", "\n") for name in names]
    assert sorted(labels) == sorted(f"n{i}" for i in range(len(names)))
    assert sorted(labels.values()) == sorted(shown)
    expected = [(shown[i], "OPCON", shown[i + 1]) for i in range(len(names) - 1)]
    if len(names) > 1:
        expected.append((shown[-1], "liaison", shown[0]))
    assert [(labels[a], rel, labels[b]) for a, rel, b in links] == expected


def test_same_model_same_text(tiny):
    assert to_mermaid(tiny) == to_mermaid(tiny)
