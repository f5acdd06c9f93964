"""The fast JSON path changes nothing: msgspec's decoding, the column tests across sections,
the records built positionally and the acyclicity test in rustworkx.

Each property sets the fast answer beside the one it stands for (``json.loads`` with its
duplicate-key check, the item-by-item checks, the records built by name, networkx) and
asserts the same data, model, warnings and problems, lines included.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import networkx as nx
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from c2graph.decisions import Requirement
from c2graph.model import Link, Node, PhaseRange
from c2graph.modelfile import parsing, records, semantics
from c2graph.modelfile.items import Columns
from c2graph.modelfile.records import _new_node
from c2graph.modelfile.situations import PhaseSets
from c2graph.synthetic import generate
from tests.fuzz.test_fuzz_inputs import FUZZ
from tests.modelfile.test_fastpath import both_ways, outcome, strict_paths

# ------------------------------------------------------------------ decoding


def _write(value: Any, indent: str, depth: int = 0) -> str:
    """JSON text of a value whose objects are lists of pairs (so keys may repeat)."""
    if isinstance(value, tuple):  # an object: (key, value) pairs
        pad = "\n" + indent * (depth + 1) if indent else ""
        inner = ("," + pad).join(
            f"{json.dumps(k, ensure_ascii=False)}: {_write(v, indent, depth + 1)}" for k, v in value
        )
        return "{" + pad + inner + ("\n" + indent * depth if indent else "") + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_write(v, indent, depth + 1) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


_KEYS = st.sampled_from(["id", "name", "a", ":", '"', "\\", "é", "\x01", ": x", "a\u2028b"])
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=6),
    _KEYS,
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(st.tuples(_KEYS, inner), max_size=4).map(tuple),
    ),
    max_leaves=20,
)


def _strict(text: str) -> Any:
    """What the strict reader reads: json.loads, refusing a key given twice."""
    return json.loads(text, object_pairs_hook=parsing._reject_duplicate_json_keys)


@FUZZ
@given(value=_VALUES, indent=st.sampled_from(["", " ", "\t"]))
def test_msgspec_reads_plain_json_as_json_loads_does(value, indent):
    text = _write(value, indent)
    fast = parsing._decode_plain_json(text)
    try:
        strict: Any = _strict(text)
    except ValueError:  # a key given twice
        strict = parsing.NOT_PLAIN
    if fast is not parsing.NOT_PLAIN:
        assert repr(fast) == repr(strict)  # repr: 1, 1.0 and True, 0.0 and -0.0 apart
    plain = "\\" not in text and "Infinity" not in text
    event(f"msgspec reads it: {fast is not parsing.NOT_PLAIN}")
    assert (fast is parsing.NOT_PLAIN) == (strict is parsing.NOT_PLAIN or not plain)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": ": x", "a": 1}',  # a string that starts with a colon, and a key twice
        '{"a": {"b": 1, "b": 1}}',
        '{"a": 1e400}',
        '{"a": NaN}',
        '{"a": "\\u00e9"}',
        '{"a": "\\ud800"}',
        "[" * 990 + "]" * 990,
        '{"a": 1' + "1" * 5000 + "}",
    ],
)
def test_what_msgspec_may_read_otherwise_goes_to_json_loads(text):
    assert parsing._decode_plain_json(text) is parsing.NOT_PLAIN


def test_a_generated_order_of_battle_takes_the_msgspec_path():
    text = json.dumps(generate(300), ensure_ascii=False, indent=1)
    assert parsing._decode_plain_json(text) == json.loads(text)


# ------------------------------------------------------------------ records

_TEXTS = st.one_of(st.none(), st.text(max_size=4))
_SPECS = st.one_of(
    st.just("all"),
    st.lists(st.text(max_size=3), max_size=2).map(tuple),
    st.builds(PhaseRange, st.text(max_size=3), st.one_of(st.none(), st.text(max_size=3))),
)
_NODE_KEYS = ("location", "echelon", "short", "source", "confidence", "note")
_LINK_KEYS = ("id", "basis", "source", "confidence", "as_of", "note")


@given(
    required=st.lists(st.text(max_size=4), min_size=4, max_size=4),
    optional=st.lists(_TEXTS, min_size=6, max_size=6),
    phases=st.frozensets(st.text(max_size=3), max_size=3),
    spec=_SPECS,
    names=st.lists(st.tuples(st.text(max_size=2), st.text(max_size=3)), max_size=2).map(tuple),
)
def test_records_built_by_position_equal_those_built_by_name(
    required, optional, phases, spec, names
):
    values = dict(zip(("id", "name", "nation", "kind"), required, strict=True))
    values |= {k: v for k, v in zip(_NODE_KEYS, optional, strict=True) if v is not None}
    by_name = Node(
        **dict(zip(("id", "name", "nation", "kind"), required, strict=True)),
        phases=phases,
        phase_spec=spec,
        names=names,
        **{k: values.get(k) for k in _NODE_KEYS},
    )
    assert _new_node(values, phases, spec, names) == by_name


_PHASES = [{"id": p, "name": p.upper()} for p in ("p1", "p2", "p3")]
_WRITTEN = st.one_of(
    st.none(),
    st.sampled_from(["all", ["p1"], ["p3", "p2"], {"from": "p2"}, {"from": "p1", "to": "p2"}]),
)
_LINKS = st.lists(
    st.fixed_dictionaries(
        {"from": st.sampled_from("abc"), "to": st.sampled_from("abc"), "relation": st.just("c")},
        optional={
            "phases": _WRITTEN.filter(lambda spec: spec is not None),
            "requires": st.sampled_from([["d1"], {"any": ["d1", "d2"]}]),
            **{key: st.text(max_size=2) for key in _LINK_KEYS},
        },
    ),
    max_size=8,
)


def _link_by_name(data: dict[str, Any], key: str, nodes: dict[str, Node], sets: PhaseSets) -> Link:
    """A link built alone, by name: where its phases and both its ends' meet."""
    spec = data.get("phases", "all")
    requires = data.get("requires")
    return Link(
        key=key,
        from_node=data["from"],
        to_node=data["to"],
        relation=data["relation"],
        phases=sets.resolve(spec) & nodes[data["from"]].phases & nodes[data["to"]].phases,
        phase_spec="all" if spec == "all" else records._spec(spec),
        requires=None if requires is None else Requirement.from_data(requires),
        **{k: data.get(k) for k in _LINK_KEYS},
    )


def _link_keys_one_by_one(links: list[dict[str, Any]]) -> list[str]:
    """Each link's key worked out alone: its id, else from->to:relation, numbered after
    the first when that is taken by an id or an earlier link's key."""
    taken = {data["id"] for data in links if data.get("id") is not None}
    keys = []
    for data in links:
        if data.get("id") is not None:
            keys.append(data["id"])
            continue
        key = base = f"{data['from']}->{data['to']}:{data['relation']}"
        count = 1
        while key in taken:
            count += 1
            key = f"{base}#{count}"
        taken.add(key)
        keys.append(key)
    return keys


@given(links=_LINKS, ends=st.lists(_WRITTEN, min_size=3, max_size=3))
def test_links_built_by_column_equal_those_built_one_by_one(links, ends):
    sets = PhaseSets(_PHASES, [])
    nodes = {
        node_id: Node(
            node_id, node_id, "JP", "unit", sets.every if end is None else sets.resolve(end)
        )
        for node_id, end in zip("abc", ends, strict=True)
    }
    keys = _link_keys_one_by_one(links)
    built = records._links(Columns.of(links), nodes, sets)
    assert built == tuple(
        _link_by_name(data, key, nodes, sets) for data, key in zip(links, keys, strict=True)
    )


_NODES = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.text(max_size=2),
            "nation": st.just("JP"),
            "kind": st.just("unit"),
        },
        optional={
            "phases": _WRITTEN.filter(lambda spec: spec is not None),
            "watch": st.just({"hours": "24/7", "confidence": "low"}),
            "relay": st.just({"min": 1, "max": 2, "unit": "hours"}),
            **{f"name_{lang}": st.text(max_size=2) for lang in ("ja", "ko", "en-GB")},
            **{key: st.text(max_size=2) for key in _NODE_KEYS},
        },
    ),
    max_size=8,
)


@given(nodes=_NODES)
def test_nodes_built_by_column_equal_those_built_one_by_one(nodes):
    sets = PhaseSets(_PHASES, [])
    items = [{"id": f"n{i}", **data} for i, data in enumerate(nodes)]
    built = records._nodes(Columns.of(items), sets)
    assert list(built.items()) == [(data["id"], records._node(data, sets)) for data in items]


# ------------------------------------------------------------------ checks across sections


@given(edges=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=14))
def test_the_acyclicity_test_answers_as_networkx(edges):
    nodes = [f"n{i}" for i in range(8)]
    tails, heads = [f"n{a}" for a, _ in edges], [f"n{b}" for _, b in edges]
    graph = nx.MultiDiGraph(list(zip(tails, heads, strict=True)))
    graph.add_nodes_from(nodes)
    number = {node: i for i, node in enumerate(nodes)}
    assert semantics._acyclic(number, tails, heads) == nx.is_directed_acyclic_graph(graph)


def _edit(data: dict[str, Any], edit: str, i: int, j: int) -> None:
    """One change that the checks across sections may find (or not) in a generated model."""
    nodes, links = data["nodes"], data["links"]
    node, other = nodes[i % len(nodes)], nodes[j % len(nodes)]
    link = links[i % len(links)]
    if edit == "self link":
        link["to"] = link["from"]
    elif edit == "unknown end":
        link["from"] = node["id"] + "x"
    elif edit == "node id twice":
        node["id"] = other["id"]
    elif edit == "look-alike id":
        node["id"] = other["id"].upper()
    elif edit == "link twice":
        links.append(copy.deepcopy(link))
    elif edit == "authority back up":
        links.append({"from": link["to"], "to": link["from"], "relation": "command"})
    elif edit == "unknown location":
        node["location"] = "nowhere"
    elif edit == "unknown source":
        link["source"] = "s-none"
    elif edit == "link id twice":
        link["id"] = links[j % len(links)]["id"] = "L1"
    elif edit == "node phases":
        node["phases"] = ["peacetime", "nope"][: 1 + j % 2]
    else:  # link phases
        link["phases"] = {"from": "armed-attack", "to": "peacetime"} if j % 2 else ["gray-zone"]


_EDITS = st.sampled_from(
    [
        "self link",
        "unknown end",
        "node id twice",
        "look-alike id",
        "link twice",
        "authority back up",
        "unknown location",
        "unknown source",
        "link id twice",
        "node phases",
        "link phases",
    ]
)


@FUZZ
@given(
    size=st.integers(12, 40),
    edits=st.lists(st.tuples(_EDITS, st.integers(0, 99), st.integers(0, 99)), max_size=3),
)
def test_column_tests_find_what_the_item_by_item_checks_find(size, edits):
    data = generate(size, seed=size)
    for edit, i, j in edits:
        _edit(data, edit, i, j)
    found = both_ways(json.dumps(data, indent=1).encode(), ".json")
    event(f"outcome: {found[0]}")


def test_strict_paths_switch_the_column_tests_off(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(generate(20)), encoding="utf-8")
    with strict_paths():
        assert not semantics._all_in({"a"}, ["a"])
        assert outcome(path)[0] == "model"
