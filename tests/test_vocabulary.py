"""The relation vocabulary: the authority/coordination split and JP 1 composition."""

from __future__ import annotations

import itertools

import pytest

from c2graph.vocabulary import (
    AUTHORITY_ORDER,
    AUTHORITY_RELATIONS,
    CONFIDENCE_LEVELS,
    COORDINATION_RELATIONS,
    FORCE_KINDS,
    LAYER_RELATIONS,
    NODE_KINDS,
    OPERATIONAL_RELATIONS,
    RELATIONS,
    Layer,
    meet,
)


def test_relation_classes_split_the_vocabulary():
    assert {
        "command",
        "cocom",
        "opcon",
        "tacon",
        "transmits",
        "adcon",
        "civil-command",
        "control",
    } == AUTHORITY_RELATIONS
    assert {
        "support",
        "coordination",
        "liaison",
        "counterpart",
        "member",
        "shares-picture",
    } == COORDINATION_RELATIONS
    assert set(RELATIONS) == AUTHORITY_RELATIONS | COORDINATION_RELATIONS
    assert OPERATIONAL_RELATIONS <= AUTHORITY_RELATIONS


def test_every_relation_says_what_it_means_and_where_from():
    for rid, info in RELATIONS.items():
        assert info.id == rid
        assert info.meaning and info.doctrine and info.label
        assert info.is_authority == (rid in AUTHORITY_RELATIONS)


def test_every_relation_belongs_to_exactly_one_layer():
    assert {layer: sorted(rels) for layer, rels in LAYER_RELATIONS.items()} == {
        Layer.OPERATIONAL: ["cocom", "command", "opcon", "tacon", "transmits"],
        Layer.ADMINISTRATIVE: ["adcon"],
        Layer.CIVIL: ["civil-command", "control"],
        Layer.SUPPORT: ["support"],
        Layer.COORDINATION: ["coordination", "counterpart", "liaison", "member"],
        Layer.INFORMATION: ["shares-picture"],
    }
    assert sum(len(rels) for rels in LAYER_RELATIONS.values()) == len(RELATIONS)
    assert set(AUTHORITY_ORDER) == AUTHORITY_RELATIONS


def test_a_conduit_is_not_an_operational_commander():
    assert "transmits" in LAYER_RELATIONS[Layer.OPERATIONAL]
    assert "transmits" not in OPERATIONAL_RELATIONS


def test_kinds_and_confidence():
    assert set(NODE_KINDS) >= FORCE_KINDS
    assert CONFIDENCE_LEVELS == ("high", "medium", "low")


@pytest.mark.parametrize(
    ("upper", "lower", "expected"),
    [
        ("command", "opcon", "opcon"),
        ("command", "adcon", "adcon"),
        ("command", "control", "control"),
        ("command", "civil-command", "civil-command"),
        ("civil-command", "control", "control"),
        ("civil-command", "opcon", "none"),
        ("civil-command", "adcon", "none"),
        ("control", "civil-command", "control"),
        ("adcon", "civil-command", "none"),
        ("command", "transmits", "command"),
        ("transmits", "opcon", "opcon"),
        ("opcon", "transmits", "opcon"),
        ("tacon", "transmits", "tacon"),
        ("transmits", "transmits", "transmits"),
        ("adcon", "transmits", "adcon"),
        ("transmits", "none", "none"),
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
        assert meet("transmits", a) == a
        if a != "transmits":
            assert meet("command", a) == a


def test_meet_is_associative():
    values = [*sorted(AUTHORITY_RELATIONS), "none"]
    for a, b, c in itertools.product(values, repeat=3):
        assert meet(meet(a, b), c) == meet(a, meet(b, c))
