"""Graphviz 14 ``dot`` with nation clusters against c2graph's placed charts, on the targets.

For every single-phase overview of the shipped models, the same scene (same boxes, member
lists, styles and title) is drawn twice by the bundled Graphviz 14: as c2graph draws it
(every box pinned, every link routed, ``layout=nop2``) and laid out by ``dot`` itself, one
cluster per nation in the chart's nation order, authority links ranking the nodes,
coordination-class links with ``constraint=false``, splines routed by ``dot`` (or
``--splines ortho``). Both SVGs are measured alike (:func:`schematics.measure_svg`):
aspect, node text on a 13.33 x 7.5 in slide, overlapping boxes, links through boxes, and
whether the nations read left | alliance | right. ``dot``'s picture has no legend; its
slide text is also given with the legend added beside or below it, whichever fits better.

Usage::

    python benchmarks/layouts.py [--models models] [--splines true|ortho] [--tuned]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _folder in (ROOT, ROOT / "benchmarks"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import pydot  # noqa: E402
from schematics import Picture, measure_svg  # noqa: E402

from c2graph import load_model  # noqa: E402
from c2graph.render.boxes import node_box  # noqa: E402
from c2graph.render.chart import SLIDE, _legend_entries, _legend_size  # noqa: E402
from c2graph.render.dot import _label, dot_source, escape_html  # noqa: E402
from c2graph.render.engine import render_graphviz  # noqa: E402
from c2graph.render.scene import Scene, build_scene  # noqa: E402
from c2graph.render.style import KIND_STYLES, link_look, nation_style  # noqa: E402
from c2graph.vocabulary import AUTHORITY_RELATIONS, SPECIAL_NATIONS  # noqa: E402

_SVG = "{http://www.w3.org/2000/svg}"


def cluster_dot(scene: Scene, splines: str = "true", *, tuned: bool = False) -> str:
    """The scene as a DOT graph for Graphviz's ``dot``: nation clusters, ranks from the
    authority links, the same boxes and link styles as c2graph's own chart. ``tuned``
    adds what ``dot`` allows to steer it: each body ranked under its first member (an
    invisible link) and the nations' top nodes in one rank, ordered left to right."""
    (panel,) = scene.panels
    graph = pydot.Dot("c2", graph_type="digraph", strict=False)
    title = f"<<B>{escape_html(scene.title)}</B><BR/>{escape_html(scene.subtitle)}>"
    graph.set_graph_defaults(
        rankdir="TB", newrank="true", compound="true", splines=splines, nodesep="0.22",
        ranksep="0.47", fontname="DejaVu Sans", label=title, labelloc="t", fontsize="18",
    )  # fmt: skip
    graph.set_node_defaults(fontname="DejaVu Sans", style="filled", fixedsize="true", margin="0")
    graph.set_edge_defaults(arrowsize="0.7")
    ids = {node.id: f"n{i}" for i, node in enumerate(panel.nodes)}
    for index, nation in enumerate(scene.nations):
        colours = nation_style(nation, scene.model_nations)
        cluster = pydot.Subgraph(
            f"cluster_nation{index}", label=escape_html(colours.caption), style="filled",
            fillcolor=colours.cluster, color=colours.line, fontcolor=colours.line,
            fontsize="12", labeljust="l",
        )  # fmt: skip
        for node in panel.nodes:
            if node.nation == nation:
                box = node_box(node)
                style = KIND_STYLES[node.kind]
                cluster.add_node(
                    pydot.Node(
                        ids[node.id],
                        label=_label(box),
                        shape=style.shape,
                        style="filled,rounded" if style.rounded else "filled",
                        fillcolor=colours.fill,
                        color=colours.line,
                        penwidth=str(style.penwidth),
                        width=f"{box.width / 72:.4f}",
                        height=f"{box.height / 72:.4f}",
                    )
                )
        graph.add_subgraph(cluster)
    for edge in panel.edges:
        look = link_look(edge.relation, edge.marks, edge.confidence)
        attrs: dict[str, Any] = {
            "style": look.line,
            "color": look.colour,
            "penwidth": f"{look.penwidth:g}",
            "arrowhead": look.head,
        }
        if look.tail:
            attrs |= {"dir": "both", "arrowtail": look.tail}
        if edge.relation not in AUTHORITY_RELATIONS:
            attrs["constraint"] = "false"
        graph.add_edge(pydot.Edge(ids[edge.tail], ids[edge.head], **attrs))
    if tuned:
        _steer(graph, scene, ids)
    return str(graph.to_string())


def _steer(graph: pydot.Dot, scene: Scene, ids: dict[str, str]) -> None:
    """Invisible links: a body under its first member; the first node of every nation in
    one rank, chained left to right in the chart's nation order."""
    (panel,) = scene.panels
    first: dict[str, str] = {}
    for member, body in panel.memberships:
        first.setdefault(body, member)
    for body, member in first.items():
        if member in ids and body in ids:
            graph.add_edge(pydot.Edge(ids[member], ids[body], style="invis", weight="0"))
    heads = heads_of(scene)
    top = pydot.Subgraph(rank="same")
    for node in heads:
        top.add_node(pydot.Node(ids[node]))
    graph.add_subgraph(top)
    for a, b in itertools.pairwise(heads):
        graph.add_edge(pydot.Edge(ids[a], ids[b], style="invis"))


def heads_of(scene: Scene) -> list[str]:
    """The first node of each nation with no authority superior, in nation order."""
    (panel,) = scene.panels
    under = {e.head for e in panel.edges if e.relation in AUTHORITY_RELATIONS}
    heads = []
    for nation in scene.nations:
        found = [n.id for n in panel.nodes if n.nation == nation and n.id not in under]
        if found:
            heads.append(found[0])
    return heads


def nation_order_kept(svg: str, scene: Scene) -> bool:
    """True when the nations' mean box centres run left to right in the chart's order
    (alliance and multinational bodies count as one middle, which may stack them)."""
    (panel,) = scene.panels
    middle = [n for n in scene.nations if n in SPECIAL_NATIONS]
    side = {n: (middle[0] if n in SPECIAL_NATIONS else n) for n in scene.nations}
    nations = {f"n{i}": side[node.nation] for i, node in enumerate(panel.nodes)}
    xs: dict[str, list[float]] = {}
    for group in ET.fromstring(svg).iter(f"{_SVG}g"):
        name = group.findtext(f"{_SVG}title", "")
        if group.get("class") == "node" and name in nations:
            text = group.find(f"{_SVG}text")
            if text is not None:
                xs.setdefault(nations[name], []).append(float(text.get("x", "0")))
    means = [sum(xs[n]) / len(xs[n]) for n in dict.fromkeys(side.values()) if n in xs]
    return means == sorted(means)


def with_legend(picture: Picture, scene: Scene) -> float:
    """Slide text size of a picture with the chart's legend beside or below it."""
    entries = _legend_entries(scene)
    best = 0.0
    for columns in range(1, 5):
        w, h = _legend_size(entries, columns, scene.lang)
        for width, height in (
            (picture.width + 16 + w, max(picture.height, h)),
            (max(picture.width, w), picture.height + 16 + h),
        ):
            best = max(best, min(SLIDE[0] / width, SLIDE[1] / height))
    smallest = picture.fitted_pt / min(SLIDE[0] / picture.width, SLIDE[1] / picture.height)
    return round(smallest * best, 1)


@dataclass(frozen=True)
class Row:
    """One overview measured both ways."""

    view: str
    placed: Picture
    placed_order: bool
    placed_s: float
    clustered: Picture
    clustered_order: bool
    clustered_legend_pt: float
    clustered_s: float


def _timed(source: str) -> tuple[str, float]:
    start = time.perf_counter()
    svg = render_graphviz(source, "svg").decode("utf-8")
    return svg, time.perf_counter() - start


def compare(folder: Path, splines: str, *, tuned: bool = False) -> list[Row]:
    """Both layouts of every model's first and last phase."""
    rows = []
    for path in sorted(folder.glob("*.yaml")):
        model = load_model(path)
        for phase in dict.fromkeys((model.phase_ids[0], model.phase_ids[-1])):
            scene = build_scene(model, phase=phase)
            view = f"{path.stem} {phase}"
            placed_svg, placed_s = _timed(dot_source(scene))
            dot_svg, dot_s = _timed(cluster_dot(scene, splines, tuned=tuned))
            placed = measure_svg(placed_svg, view)
            clustered = measure_svg(dot_svg, view)
            rows.append(
                Row(
                    view,
                    placed,
                    nation_order_kept(placed_svg, scene),
                    placed_s,
                    clustered,
                    nation_order_kept(dot_svg, scene),
                    with_legend(clustered, scene),
                    dot_s,
                )
            )
    return rows


def _scored(row: Row, name: str) -> tuple[Picture, float, bool]:
    """A row's picture, slide text (with the legend) and nation order, for one layout."""
    if name == "placed":
        return row.placed, row.placed.fitted_pt, row.placed_order
    return row.clustered, row.clustered_legend_pt, row.clustered_order


def report(rows: list[Row], splines: str) -> str:
    """A line per overview and the targets met by each layout."""
    lines = [
        f"placed (nop2, c2graph's layout and routes) | Graphviz 14 dot, nation clusters, "
        f"splines={splines}",
        f"{'view':42} {'W x H':>11} {'asp':>5} {'pt':>5} {'thr':>3} {'ord':>3} | "
        f"{'W x H':>11} {'asp':>5} {'pt':>5} {'+leg':>5} {'ovl':>3} {'thr':>3} {'ord':>3} {'s':>5}",
    ]
    for r in rows:
        p, c = r.placed, r.clustered
        lines.append(
            f"{r.view:42} {p.width:>5}x{p.height:<5} {p.aspect:5.2f} {p.fitted_pt:5.1f} "
            f"{p.through:>3} {'yes' if r.placed_order else 'no':>3} | "
            f"{c.width:>5}x{c.height:<5} {c.aspect:5.2f} {c.fitted_pt:5.1f} "
            f"{r.clustered_legend_pt:5.1f} {c.overlaps:>3} {c.through:>3} "
            f"{'yes' if r.clustered_order else 'no':>3} {r.clustered_s:5.2f}"
        )
    for name in ("placed", "dot"):
        found = [_scored(r, name) for r in rows]
        aspect = sum(1.2 <= p.aspect <= 2.0 for p, _, _ in found)
        legible = sum(pt >= 7.0 for _, pt, _ in found)
        clear = sum(not p.through and not p.overlaps for p, _, _ in found)
        ordered = sum(o for _, _, o in found)
        lines.append(
            f"{name}: aspect 1.2-2.0 in {aspect}/{len(found)}, names >= 7 pt (with legend) "
            f"in {legible}/{len(found)}, no overlap and no link through a box in "
            f"{clear}/{len(found)}, nations left | alliance | right in {ordered}/{len(found)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: compare both layouts on the shipped models and print the figures."""
    parser = argparse.ArgumentParser(prog="python benchmarks/layouts.py")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--splines", default="true", choices=("true", "ortho", "polyline"))
    parser.add_argument("--tuned", action="store_true", help="steer dot (see cluster_dot)")
    args = parser.parse_args(argv)
    rows = compare(args.models, args.splines, tuned=args.tuned)
    print(report(rows, args.splines + (", tuned" if args.tuned else "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
