"""The relation vocabulary: the authority/coordination split and JP 1 composition."""

from __future__ import annotations

import itertools

import pytest

from c2graph.vocabulary import (
    AUTHORITY_RELATIONS,
    CONFIDENCE_LEVELS,
    COORDINATION_RELATIONS,
    FORCE_KINDS,
    NODE_KINDS,
    OPERATIONAL_RELATIONS,
    RELATIONS,
    meet,
)


def test_relation_classes_split_the_vocabulary():
    assert {"command", "cocom", "opcon", "tacon", "adcon", "control"} == AUTHORITY_RELATIONS
    assert {"support", "coordination", "liaison", "counterpart", "member"} == COORDINATION_RELATIONS
    assert set(RELATIONS) == AUTHORITY_RELATIONS | COORDINATION_RELATIONS
    assert OPERATIONAL_RELATIONS <= AUTHORITY_RELATIONS


def test_every_relation_says_what_it_means_and_where_from():
    for rid, info in RELATIONS.items():
        assert info.id == rid
        assert info.meaning and info.doctrine and info.label
        assert info.is_authority == (rid in AUTHORITY_RELATIONS)


def test_kinds_and_confidence():
    assert set(NODE_KINDS) >= FORCE_KINDS
    assert CONFIDENCE_LEVELS == ("high", "medium", "low")


@pytest.mark.parametrize(
    ("upper", "lower", "expected"),
    [
        ("command", "opcon", "opcon"),
        ("command", "adcon", "adcon"),
        ("command", "control", "control"),
        ("cocom", "opcon", "opcon"),
        ("cocom", "adcon", "none"),
        ("opcon", "tacon", "tacon"),
        ("tacon", "opcon", "tacon"),
        ("opcon", "adcon", "none"),
        ("adcon", "adcon", "adcon"),
        ("control", "opcon", "none"),
        ("none", "command", "none"),
        ("command", "none", "none"),
    ],
)
def test_meet(upper, lower, expected):
    assert meet(upper, lower) == expected


def test_meet_is_commutative_and_idempotent():
    authority = sorted(AUTHORITY_RELATIONS)
    for a, b in itertools.product(authority, repeat=2):
        assert meet(a, b) == meet(b, a)
    for a in authority:
        assert meet(a, a) == a
        assert meet("command", a) == a
