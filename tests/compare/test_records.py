"""Copies of comparison records with fields set anew: equal to ``dataclasses.replace``."""

from __future__ import annotations

from dataclasses import fields, replace

from c2graph import load_model
from c2graph.compare import compare
from c2graph.compare.briefing import briefing
from c2graph.compare.records import with_fields
from tests.builders import MODELS


def test_copies_equal_those_of_replace():
    a, b = load_model(MODELS / "us-japan-2022.yaml"), load_model(MODELS / "us-japan-jfhq.yaml")
    result = compare(a, b)
    brief = briefing(result, a, b)
    records = [*brief.authority, *brief.chains, *brief.forces, *brief.decisions]
    records += [*brief.failures, *brief.cuts, *brief.peers, *brief.values]
    records += list(result.chains_changed)
    assert {type(r).__name__ for r in records} >= {
        "AuthorityShift",
        "ChainChange",
        "ChainShift",
        "DecisionShift",
        "FailureShift",
        "ValueShift",
    }
    for record in records:
        name = "phases" if "phases" in {f.name for f in fields(record)} else "phase"
        value = ("x",) if name == "phases" else "x"
        copy = with_fields(record, **{name: value})
        assert type(copy) is type(record)
        assert copy == replace(record, **{name: value})
        assert hash(copy) == hash(replace(record, **{name: value}))
        assert copy.to_dict() == replace(record, **{name: value}).to_dict()
        assert getattr(record, name) != value
