"""The synthetic order-of-battle generator: shape, determinism, validity, and its files."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2graph import OutputError, load_model, load_model_data
from c2graph.cli.main import main
from c2graph.synthetic import MIN_UNITS, PHASES, generate, to_yaml, write_model_files
from c2graph.vocabulary import AUTHORITY_RELATIONS


def _tree(data):
    """Children of each node over the parent links (the first authority link into a node)."""
    children: dict[str, list[str]] = {}
    seen: set[str] = set()
    for link in data["links"]:
        if (
            link["relation"] in ("command", "opcon")
            and "phases" not in link
            and link["to"] not in seen
        ):
            seen.add(link["to"])
            children.setdefault(link["from"], []).append(link["to"])
    return children


def test_same_seed_same_data_other_seed_other_data():
    assert generate(500, seed=3) == generate(500, seed=3)
    assert generate(500, seed=3) != generate(500, seed=4)


@pytest.mark.parametrize("n", [MIN_UNITS, 11, 137, 1000])
def test_exactly_n_nodes_with_unique_ids(n):
    data = generate(n)
    ids = [node["id"] for node in data["nodes"]]
    assert len(ids) == n
    assert len(set(ids)) == n


def test_too_few_units_is_refused():
    with pytest.raises(ValueError, match="at least 10 units, got 9"):
        generate(9)


def test_two_nations_joined_by_alliance_bodies():
    data = generate(1000)
    nations = Counter(node["nation"] for node in data["nodes"])
    assert nations == {"JP": 499, "US": 498, "alliance": 3}
    bodies = [n["id"] for n in data["nodes"] if n["kind"] == "coordination-body"]
    assert bodies == ["al-acm", "al-bocc", "al-bjocc"]
    nation_of = {node["id"]: node["nation"] for node in data["nodes"]}
    for body in bodies:
        members = {
            nation_of[link["from"]]
            for link in data["links"]
            if link["to"] == body and link["relation"] == "member"
        }
        assert members == {"JP", "US"}


def test_branching_is_three_to_eight_and_depth_realistic():
    data = generate(2000, seed=7)
    children = _tree(data)
    sizes = sorted(len(kids) for kids in children.values())
    assert sizes[-1] <= 8
    # Each top authority has one minister; the last parent of each nation may be cut short.
    assert sum(1 for s in sizes if s < 3) <= 4
    echelons = {node["echelon"] for node in data["nodes"]}
    assert {"national", "ministry", "theater", "component", "corps", "division"} <= echelons


def test_about_ten_percent_extra_links_half_of_them_phase_conditional():
    data = generate(1000)
    relations = Counter(link["relation"] for link in data["links"])
    extra = sum(relations[r] for r in ("coordination", "support", "tacon", "adcon"))
    assert extra == 100
    assert sum(1 for link in data["links"] if "phases" in link) == 50
    assert relations["tacon"] > 0 and relations["adcon"] > 0


def test_authority_runs_from_shallower_to_deeper_echelons():
    data = generate(1000, seed=5)
    children = _tree(data)
    depth = {"jp-0": 0, "us-0": 0}
    stack = ["jp-0", "us-0"]
    while stack:
        node = stack.pop()
        for child in children.get(node, []):
            depth[child] = depth[node] + 1
            stack.append(child)
    for link in data["links"]:
        if link["relation"] in AUTHORITY_RELATIONS:
            assert depth[link["from"]] < depth[link["to"]]


@settings(max_examples=15, deadline=None)
@given(n=st.integers(min_value=MIN_UNITS, max_value=400), seed=st.integers(0, 10_000))
def test_every_generated_model_is_valid(n, seed):
    model = load_model_data(generate(n, seed=seed))
    assert len(model.nodes) == n
    assert model.phase_ids == tuple(pid for pid, _ in PHASES)


@pytest.mark.parametrize(
    ("fmt", "name"), [("yaml", "oob.yaml"), ("json", "oob.json"), ("csv", "oob.yaml")]
)
def test_each_format_loads_to_the_same_model(tmp_path, fmt, name):
    data = generate(300, seed=2)
    written = write_model_files(data, tmp_path / name, fmt=fmt)
    assert written[-1] == tmp_path / name
    if fmt == "csv":
        assert written[0] == tmp_path / "oob.units.csv"
        assert (
            written[0]
            .read_text(encoding="utf-8")
            .startswith(
                "id,name,nation,kind,parent,relation,echelon,name_ja,phases\n"
                "jp-0,JP Prime Minister,JP,political-authority,,,national,内閣総理大臣,\n"
            )
        )
    model = load_model(tmp_path / name)
    reference = load_model_data(data)
    assert model.nodes == reference.nodes
    assert sorted(model.links, key=lambda x: x.key) == sorted(reference.links, key=lambda x: x.key)


def test_yaml_is_one_flow_mapping_per_item():
    text = to_yaml({"name": "x", "phases": [{"id": "p", "name": "P"}]})
    assert text == 'name: "x"\nphases:\n  - {id: "p", name: "P"}\n'


def test_existing_files_are_kept_unless_overwrite(tmp_path):
    target = tmp_path / "oob.json"
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_model_files(generate(20), target, fmt="json")
    assert target.read_text(encoding="utf-8") == "{}"
    write_model_files(generate(20), target, fmt="json", overwrite=True)
    assert len(json.loads(target.read_text(encoding="utf-8"))["nodes"]) == 20


@pytest.mark.parametrize(
    ("fmt", "name"), [("json", "oob.yaml"), ("yaml", "oob.json"), ("csv", "oob.json")]
)
def test_extension_must_match_how_the_file_is_read(tmp_path, fmt, name):
    with pytest.raises(OutputError, match=r"exactly when its name ends in \.json"):
        write_model_files(generate(20), tmp_path / name, fmt=fmt)
    assert not list(tmp_path.iterdir())


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(OutputError, match="unknown format 'xml'"):
        write_model_files(generate(20), tmp_path / "x.xml", fmt="xml")


def test_cli_generate_writes_a_valid_model(tmp_path, capsys):
    target = tmp_path / "oob.json"
    assert main(["generate", "1,000", "--seed", "4", "-o", str(target)]) == 0
    assert capsys.readouterr().out == (f"wrote {target} (1,000 nodes, 1,113 links, seed 4)\n")
    assert len(load_model(target).nodes) == 1000
    assert main(["generate", "50", "-o", str(target)]) == 4
    assert "already exists" in capsys.readouterr().err
    assert (
        main(["generate", "50", "--force", "--format", "csv", "-o", str(tmp_path / "m.yaml")]) == 0
    )
    assert (tmp_path / "m.units.csv").exists()


def test_cli_generate_refuses_too_few_units(tmp_path, capsys):
    with pytest.raises(SystemExit) as err:
        main(["generate", "5", "-o", str(tmp_path / "x.yaml")])
    assert err.value.code == 2
    assert "expected at least 10 units, got 5" in capsys.readouterr().err


def test_model_graph_is_what_add_edges_from_builds():
    import networkx as nx

    model = load_model_data(generate(600, seed=9))
    expected = nx.MultiDiGraph(name=model.name)
    expected.add_nodes_from(
        (n.id, {"name": n.name, "nation": n.nation, "kind": n.kind}) for n in model.nodes.values()
    )
    expected.add_edges_from(
        (
            link.from_node,
            link.to_node,
            link.key,
            {"relation": link.relation, "authority": link.is_authority, "phases": link.phases},
        )
        for link in model.links
    )
    graph = model.graph
    assert graph.graph == expected.graph
    assert list(graph.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(graph.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert all(list(graph.pred[n].items()) == list(expected.pred[n].items()) for n in graph)


_SCALARS = st.sampled_from(
    ["x", "NO", "2025-03-24", "true", "yes", "~", "1e3", "é", 1, 2.5, True, None, "a: b"]
)
_DOCS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "from", "id"]), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(doc=_DOCS, flow=st.sampled_from([None, True, False]))
def test_fast_yaml_pass_reads_what_the_strict_loader_reads(doc, flow):
    import yaml

    from c2graph.modelfile.strictyaml import StrictLoader, load_yaml

    text = yaml.dump(doc, default_flow_style=flow, allow_unicode=True)
    assert load_yaml(text) == yaml.load(text, Loader=StrictLoader)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a: &x 1\nb: *x\n",
        "1: x\n",
        "a: !foo x\n",
        "<<: {a: 1}\n",
        "a: {b: 1, b: 2}\n",
    ],
)
def test_fast_yaml_pass_leaves_refusals_to_the_strict_loader(text):
    import yaml

    from c2graph.modelfile.strictyaml import StrictLoader, load_yaml

    with pytest.raises(yaml.YAMLError) as strict:
        yaml.load(text, Loader=StrictLoader)
    with pytest.raises(yaml.YAMLError) as fast:
        load_yaml(text)
    assert str(fast.value) == str(strict.value)


def test_generated_yaml_and_json_read_the_same(tmp_path):
    from c2graph.modelfile.parsing import parse_text

    data = generate(400, seed=8)
    text = to_yaml(data)
    assert parse_text(text, "oob.yaml") == json.loads(json.dumps(data))
