"""The analyses' answers the explorer page shows, computed here and embedded, never in the page.

For every situation and authority layer: each node's chains of command up (the chains of
:func:`~c2graph.analysis.authority_paths` to it, as ``c2graph path``) and down (its chains
to every node it reaches, as ``c2graph path OTHER --from NODE``), its direct superiors
(:func:`~c2graph.analysis.commanders`) and subordinates, and the single points of failure
on those chains (:func:`~c2graph.analysis.dominators`);
counterparts with clocks and shared hours (:func:`~c2graph.analysis.counterparts.counterparts`);
for every ordered pair of situations what ``c2graph switches`` lists
(:func:`~c2graph.analysis.phase_switch`); and a variant's diff against its base
(:func:`~c2graph.compare.diff.structural_diff`, as ``c2graph compare``).

Nodes, links, situations and decisions are given by their position in the page's tables
(:class:`Index`), which keeps the page small.

Example
-------
>>> from c2graph import load_model
>>> model = load_model("models/us-rok-cfc.yaml")
>>> index = Index(model)
>>> chains = node_chains(model, index, "kr-forces", "wartime", "operational")
>>> [[index.node_ids[i] for i in path[0]] + path[2:4] for path in chains["up"]]
[['al-mcm', 'al-cfc', 'kr-forces', 'opcon', 'combined']]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..analysis import authority_paths, commanders, dominators, phase_switch
from ..analysis.counterparts import counterparts
from ..analysis.graphs import LayerView
from ..analysis.paths import authority_view
from ..compare.diff import structural_diff
from ..messages import Messages
from ..model import Model
from ..vocabulary import ALL_LAYERS, AUTHORITY_LAYERS
from .wording import DiffWords, hours_text, offset_text

__all__ = [
    "CHAIN_LAYERS",
    "Index",
    "chain_table",
    "chains_down",
    "counterpart_table",
    "diff_table",
    "node_chains",
    "switch_table",
]

#: The layers chains of command run in, as the page offers them.
CHAIN_LAYERS: tuple[str, ...] = (*(layer.value for layer in AUTHORITY_LAYERS), ALL_LAYERS)


class Index:
    """Positions of a model's nodes, links and situations in the page's tables, and of the
    decisions its switches need (collected as they are met)."""

    def __init__(self, model: Model) -> None:
        self.node_ids = tuple(model.nodes)
        self.link_keys = tuple(link.key for link in model.links)
        self.situation_ids = tuple(model.situations)
        self.node = {node: i for i, node in enumerate(self.node_ids)}
        self.link = {key: i for i, key in enumerate(self.link_keys)}
        self.situation = {sid: i for i, sid in enumerate(self.situation_ids)}
        self.decisions: dict[str, dict[str, Any]] = {}

    def nodes(self, ids: Iterable[str]) -> list[int]:
        """Positions of node ids, sorted."""
        return sorted({self.node[n] for n in ids})

    def links(self, keys: Iterable[str]) -> list[int]:
        """Positions of link keys, sorted."""
        return sorted({self.link[k] for k in keys})

    def decision(self, data: dict[str, Any]) -> int:
        """Position of a needed decision (its ``to_dict()``) in the decisions table."""
        if data["id"] not in self.decisions:
            kept = {k: v for k, v in data.items() if k != "needed_for"}
            self.decisions[data["id"]] = kept | {"position": len(self.decisions)}
        return int(self.decisions[data["id"]]["position"])


def node_chains(
    model: Model, index: Index, node: str, situation: str, layer: str
) -> dict[str, Any]:
    """A node's chains in one situation and layer, as positions in the page's tables.

    ``up`` lists every chain to ``node`` as ``c2graph path NODE`` does: ``[nodes, links,
    effective authority, scope, consent]``; ``down`` holds the nodes and the links of its
    chains to every node below it (:func:`chains_down`); ``superiors`` and
    ``subordinates`` its direct links up and down in the layer.
    """
    view = authority_view(model, phase=situation, layer=layer)
    up = authority_paths(model, node, phase=situation, layer=layer).paths
    down_nodes, down_links = chains_down(view, node)
    graph = view.graph
    superiors = [s.link for s in commanders(model, node, phase=situation, layer=layer).superiors]
    below = [
        key for lower in graph.successors(node) for _, key in graph.edges[node, lower]["links"]
    ]
    return {
        "up": [
            [
                [index.node[n] for n in path.nodes],
                [index.link[k] for k in path.links],
                path.effective,
                path.scope,
                [index.node[n] for n in path.consent],
            ]
            for path in up
        ],
        "down": [index.nodes(down_nodes), index.links(down_links)],
        "superiors": index.links(superiors),
        "subordinates": index.links(below),
    }


def chains_down(view: LayerView, node: str) -> tuple[set[str], set[str]]:
    """The nodes and link keys of every chain from ``node`` down in a layer's sovereign
    chains: those of ``c2graph path OTHER --from NODE`` for every node it reaches.

    A chain from ``node`` to a node below runs along links of the layer's chains
    (:attr:`~c2graph.analysis.graphs.LayerView.chains`, acyclic); every link leaving
    ``node`` or a node below it lies on one (to its own head), and no other link does.
    So the union is the links leaving ``node`` and its descendants, found in one walk
    instead of one search per node reached.
    """
    graph = view.chains
    if node not in graph:
        return set(), set()
    below = set(nx.descendants(graph, node))
    if not below:
        return set(), set()
    links = {
        key
        for upper in (node, *below)
        for lower in graph.successors(upper)
        for _, key in graph.edges[upper, lower]["links"]
    }
    return below | {node}, links


def chain_table(model: Model, index: Index) -> dict[str, list[dict[str, Any]]]:
    """For every chain layer, per situation: each present node's :func:`node_chains` (by
    node position, as text keys), its unity-of-command warning, and the single points of
    failure on its chains.

    The single points of failure of a situation are :func:`~c2graph.analysis.dominators`'s
    ``[node, family, units]``; a node's are those standing on its chains (or the node
    itself) whose units include it or a node below it.
    """
    return {
        layer: [_situation_chains(model, index, s, layer) for s in index.situation_ids]
        for layer in CHAIN_LAYERS
    }


def _situation_chains(model: Model, index: Index, situation: str, layer: str) -> dict[str, Any]:
    """One situation and layer of :func:`chain_table`: its single points of failure, and
    each node that has a chain, a link in the layer or a warning."""
    found = dominators(model, phase=situation, layer=layer)
    spofs: list[list[Any]] = [[index.node[d.node], d.chains, index.nodes(d.units)] for d in found]
    nodes: dict[str, Any] = {}
    for node_id, node in model.nodes.items():
        if situation not in node.phases:
            continue
        chains = node_chains(model, index, node_id, situation, layer)
        warning = commanders(model, node_id, phase=situation, layer=layer).warning
        below = {*chains["down"][0], index.node[node_id]}
        on = below | {n for path in chains["up"] for n in path[0]}
        chains["spof"] = [i for i, s in enumerate(spofs) if s[0] in on and below & set(s[2])]
        if warning:
            chains["warning"] = warning
        if any(chains.get(key) for key in ("up", "superiors", "subordinates", "spof", "warning")):
            nodes[str(index.node[node_id])] = chains
    return {"nodes": nodes, "spof": spofs}


def counterpart_table(model: Model, index: Index, msg: Messages) -> list[list[list[Any]]]:
    """Per situation, each counterpart pair from each end: ``[node, counterpart, link,
    authority the counterpart holds, its forces, clock offset, shared office hours]``, the
    offset and the hours worded by ``msg``
    (:func:`~c2graph.explore.wording.offset_text`, :func:`~c2graph.explore.wording.hours_text`)."""
    table = []
    for situation in index.situation_ids:
        rows = []
        for pair in counterparts(model, phase=situation).pairs:
            rows.append(
                [
                    index.node[pair.node.node],
                    index.node[pair.other.node],
                    index.link[pair.link],
                    pair.other.authority,
                    index.nodes(pair.other.forces),
                    offset_text(pair.offset, msg),
                    hours_text(model, pair.shared, msg),
                ]
            )
        table.append(rows)
    return table


def switch_table(model: Model, index: Index) -> dict[str, dict[str, list[int]]]:
    """For every ordered pair of situations (key ``"i,j"`` of their positions), what
    ``c2graph switches --from I --to J`` lists: links activated and lapsed, and links
    that hold on another basis (the link after the switch; in its order), nodes activated
    and deactivated, the decisions the law requires (in
    dependency order) and the discretionary ones (positions in the decisions table)."""
    table = {}
    for before, after in itertools.permutations(index.situation_ids, 2):
        result = phase_switch(model, before=before, after=after)
        plan = result.decisions.to_dict()
        table[f"{index.situation[before]},{index.situation[after]}"] = {
            "activated": [index.link[c.link] for c in result.activated],
            "lapsed": [index.link[c.link] for c in result.lapsed],
            "rebased": [index.link[c.after.link] for c in result.changed],
            "nodesOn": index.nodes(result.nodes_activated),
            "nodesOff": index.nodes(result.nodes_deactivated),
            "required": [index.decision(d) for d in plan["required"]],
            "discretionary": [index.decision(d) for d in plan["discretionary"]],
        }
    return table


def diff_table(base: Model, variant: Model, index: Index, msg: Messages) -> dict[str, Any]:
    """What ``c2graph compare BASE VARIANT`` finds, in its order, for the page: nodes and
    links added (positions in the variant), removed (``[key or id, text]`` from the base),
    links changed (``[position, [[field, before, after], ...]]``) and relations changed,
    worded by ``msg`` (:class:`~c2graph.explore.wording.DiffWords`)."""
    diff = structural_diff(base, variant)
    words = DiffWords(base, variant, msg)
    return {
        "nodesAdded": [index.node[n] for n in diff.nodes_added],
        "nodesRemoved": [[n, words.node(n)] for n in diff.nodes_removed],
        "nodesChanged": [
            [index.node[n.id], [words.field(f.field, f.before, f.after) for f in n.changes]]
            for n in diff.nodes_changed
        ],
        "linksAdded": [index.link[ref.key] for ref in diff.links_added],
        "linksRemoved": [
            [ref.key, words.link(ref.from_node, ref.relation, ref.to_node)]
            for ref in diff.links_removed
        ],
        "linksChanged": [
            [index.link[c.key_after], [words.field(f.field, f.before, f.after) for f in c.changes]]
            for c in diff.links_changed
        ],
        "relationsChanged": [
            words.relations(c.from_node, c.to_node, c.before, c.after)
            for c in diff.relations_changed
        ],
    }
