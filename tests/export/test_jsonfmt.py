"""JSON export: the resolved model plus resolved phases, readable text, loadable again."""

from __future__ import annotations

import json

from c2graph import load_model_data
from c2graph.export.jsonfmt import to_json

from .conftest import pair_data

PAIR_Q = """\
{
  "phase": "q",
  "model": {
    "name": "pair",
    "as_of": "2025",
    "phases": [
      {
        "id": "p",
        "name": "P"
      },
      {
        "id": "q",
        "name": "Q"
      }
    ],
    "nodes": [
      {
        "id": "pm",
        "name": "PM \\"A\\" & <B>",
        "nation": "JP",
        "kind": "political-authority",
        "name_ja": "総理"
      },
      {
        "id": "acm",
        "name": "ACM",
        "nation": "alliance",
        "kind": "coordination-body",
        "phases": [
          "q"
        ]
      }
    ],
    "links": [
      {
        "from": "pm",
        "to": "acm",
        "relation": "member",
        "phases": [
          "q"
        ]
      }
    ]
  },
  "node_phases": {
    "pm": [
      "p",
      "q"
    ],
    "acm": [
      "q"
    ]
  },
  "link_phases": {
    "pm->acm:member": [
      "q"
    ]
  }
}
"""


def test_pair_exact_text(pair):
    assert to_json(pair, phase="q") == PAIR_Q


def test_phase_p_drops_what_does_not_hold(pair):
    data = json.loads(to_json(pair, phase="p"))
    assert [n["id"] for n in data["model"]["nodes"]] == ["pm"]
    assert data["model"]["links"] == []
    assert data["node_phases"] == {"pm": ["p", "q"]}
    assert data["link_phases"] == {}


def test_ranges_are_resolved(tiny):
    data = json.loads(to_json(tiny))
    assert data["phase"] is None
    assert data["node_phases"]["acm"] == ["gray-zone", "armed-attack"]
    assert data["link_phases"]["jjoc->acm:member"] == ["gray-zone", "armed-attack"]
    assert data["model"]["links"][1]["phases"] == {"from": "gray-zone"}


def test_model_part_loads_back_to_the_same_model(tiny):
    data = json.loads(to_json(tiny))
    assert load_model_data(data["model"]).to_dict() == tiny.to_dict()


def test_lone_surrogate_is_escaped_and_reads_back():
    data = pair_data()
    data["nodes"][1]["name"] = "bad\ud800name"
    text = to_json(load_model_data(data))
    assert "bad\\ud800name" in text
    text.encode("utf-8")
    assert json.loads(text)["model"]["nodes"][1]["name"] == "bad\ud800name"
