"""The bare work the benchmark's figures are set against, each run as a whole process.

``python benchmarks/bare.py WORK FILE`` runs one of:

- ``loads``: read the JSON file and ``json.loads`` it (the floor of loading a model);
- ``kernels``: ``json.loads``, then the first phase's authority digraph and whole graph
  built with networkx, and the networkx calls behind ``c2graph bottlenecks``: immediate
  dominators of each nation's chains from a virtual root, articulation points of the whole
  graph, the minimum node cut and edge cut between the two nations' boundary, the weak
  and strong components and topological order of Krackhardt's measures, and the spans;
- ``kernels-rustworkx``: the same kernels in the fastest library c2graph uses for them:
  ``json.loads``, the graphs built as rustworkx graphs on integer ids (one
  ``extend_from_edge_list`` each), dominators, articulation points, components,
  topological order and spans in rustworkx, and the two cuts in networkx as c2graph
  computes them (rustworkx has no maximum flow);
- ``memory``: print the bytes a bare MultiDiGraph with the model's node and link
  attributes holds (tracemalloc, after a collection), the floor of a loaded model.

Nothing here imports c2graph: the floors are what a tool built on networkx cannot avoid.
"""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

_ROOT = "<root>"
_SOURCE, _SINK = "<source>", "<sink>"
_AUTHORITY = frozenset({"command", "opcon", "tacon", "adcon", "control"})


def _active(item: dict[str, Any], phase: str) -> bool:
    """Whether a node or link of the synthetic models holds in ``phase`` (its ``phases``
    being ``all``, a list, or a range from a phase: the first phase is in a range only
    when it starts it)."""
    phases = item.get("phases", "all")
    if phases == "all":
        return True
    if isinstance(phases, list):
        return phase in phases
    return bool(phases.get("from") == phase)


def loads(path: Path) -> Any:
    """``json.loads`` of the file's bytes."""
    return json.loads(path.read_bytes())


def kernels(path: Path) -> int:
    """The networkx kernels of a bottleneck report on the first phase (see the module)."""
    import networkx as nx

    data = loads(path)
    phase = data["phases"][0]["id"]
    nodes = {n["id"]: n for n in data["nodes"] if _active(n, phase)}
    links = [
        link
        for link in data["links"]
        if _active(link, phase) and link["from"] in nodes and link["to"] in nodes
    ]
    authority = nx.DiGraph()
    authority.add_nodes_from(nodes)
    authority.add_edges_from(
        (link["from"], link["to"]) for link in links if link["relation"] in _AUTHORITY
    )
    whole = nx.Graph()
    whole.add_nodes_from(nodes)
    whole.add_edges_from((link["from"], link["to"]) for link in links)
    found = 0
    nations = sorted({n["nation"] for n in nodes.values()} - {"alliance", "multinational"})
    for nation in nations:
        own = authority.subgraph(n for n in nodes if nodes[n]["nation"] == nation).copy()
        tops = [n for n in own if own.in_degree(n) == 0 and own.out_degree(n) > 0]
        own.add_edges_from((_ROOT, top) for top in tops)
        found += len(nx.immediate_dominators(own, _ROOT))
    found += len(list(nx.articulation_points(whole)))
    found += _nation_cut(nx, whole.edges, nodes, nations)
    simple = nx.DiGraph(authority.subgraph(n for n in authority if authority.degree(n) > 0))
    found += len(list(nx.weakly_connected_components(simple)))
    found += len(list(nx.strongly_connected_components(simple)))
    found += len(list(nx.topological_sort(simple)))
    found += sum(1 for _, d in authority.out_degree() if d > 0)
    return found


def kernels_compiled(path: Path) -> int:
    """The kernels of :func:`kernels` with rustworkx graphs on integer ids (see the module)."""
    import networkx as nx
    import rustworkx as rx

    data = loads(path)
    phase = data["phases"][0]["id"]
    nodes = {n["id"]: n for n in data["nodes"] if _active(n, phase)}
    index = {node: i for i, node in enumerate(nodes)}
    links = [
        (link["from"], link["to"], link["relation"])
        for link in data["links"]
        if _active(link, phase) and link["from"] in nodes and link["to"] in nodes
    ]
    authority = rx.PyDiGraph(check_cycle=False, multigraph=False)
    authority.add_nodes_from(range(len(nodes)))
    authority.extend_from_edge_list(
        [(index[u], index[v]) for u, v, relation in links if relation in _AUTHORITY]
    )
    whole = rx.PyGraph(multigraph=False)
    whole.add_nodes_from(range(len(nodes)))
    whole.extend_from_edge_list([(index[u], index[v]) for u, v, _relation in links])
    found = 0
    nations = sorted({n["nation"] for n in nodes.values()} - {"alliance", "multinational"})
    for nation in nations:
        own = authority.subgraph([index[n] for n in nodes if nodes[n]["nation"] == nation])
        tops = [n for n in own.node_indices() if not own.in_degree(n) and own.out_degree(n)]
        root = own.add_node(_ROOT)
        own.add_edges_from_no_data([(root, top) for top in tops])
        found += len(rx.immediate_dominators(own, root))
    found += len(rx.articulation_points(whole))
    found += _nation_cut(nx, ((u, v) for u, v, _relation in links), nodes, nations)
    linked = [
        n for n in authority.node_indices() if authority.in_degree(n) or authority.out_degree(n)
    ]
    simple = authority.subgraph(linked)
    found += len(rx.weakly_connected_components(simple))
    found += len(rx.strongly_connected_components(simple))
    found += len(rx.topological_sort(simple))
    found += sum(1 for n in authority.node_indices() if authority.out_degree(n))
    return found


def _nation_cut(nx: Any, edges: Any, nodes: dict[str, Any], nations: list[str]) -> int:
    """The minimum node and edge cuts between the first two nations' boundary nodes, over
    the undirected links ``edges``."""
    if len(nations) < 2:
        return 0
    one = {n for n in nodes if nodes[n]["nation"] == nations[0]}
    two = {n for n in nodes if nodes[n]["nation"] == nations[1]}
    boundary = nx.Graph()
    for u, v in edges:
        if (u in one) != (v in one) or (u in two) != (v in two):
            boundary.add_edge(u, v)
    joined = nx.Graph(boundary)
    joined.add_edges_from((_SOURCE, n) for n in one if n in boundary)
    joined.add_edges_from((n, _SINK) for n in two if n in boundary)
    if _SOURCE not in joined or _SINK not in joined:
        return 0
    flow = nx.algorithms.flow.boykov_kolmogorov
    cut = nx.minimum_node_cut(joined, _SOURCE, _SINK, flow_func=flow)
    edges = nx.minimum_edge_cut(joined, _SOURCE, _SINK, flow_func=flow)
    return len(cut) + len(edges)


def memory(path: Path) -> int:
    """Bytes held by a bare MultiDiGraph with the model's node and link attributes."""
    import networkx as nx

    text = path.read_bytes()
    gc.collect()
    tracemalloc.start()
    data = json.loads(text)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node["id"], node) for node in data["nodes"])
    graph.add_edges_from((link["from"], link["to"], link) for link in data["links"])
    del data, text
    gc.collect()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return held


def main(argv: list[str]) -> int:
    """Run the work named by ``argv[0]`` on the file ``argv[1]``."""
    work, path = argv[0], Path(argv[1])
    if work == "loads":
        loads(path)
    elif work == "kernels":
        kernels(path)
    elif work == "kernels-rustworkx":
        kernels_compiled(path)
    elif work == "memory":
        print(memory(path))
    else:
        raise SystemExit(f"unknown work {work!r}: loads, kernels, kernels-rustworkx or memory")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
