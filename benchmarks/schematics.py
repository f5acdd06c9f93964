"""Measure the schematics against the targets of issue 14, on every shipped model.

For each single-phase overview, each focused view of a headquarters and each three-phase
panel grid, drawn by Graphviz (and the overviews by matplotlib too), it prints the aspect
ratio, the smallest node text in points once the picture is fitted to a 13.33 x 7.5 in
slide, overlapping node boxes, links drawn through a box they do not touch, links of one
panel that share a run (one would hide the other), and the time
of a whole single-phase draw against ``dot -Tsvg`` on the same DOT text.

Usage::

    python benchmarks/schematics.py [--models models] [--svg FILE ...] [--json out.json]

``--svg`` measures Graphviz SVG files instead (e.g. an older gallery), as far as their
text allows: aspect, fitted text, overlaps and links through boxes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _folder in (ROOT, ROOT / "benchmarks"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from draw_time import draw_time, floor  # noqa: E402

from c2graph import load_model  # noqa: E402
from c2graph.model import Model  # noqa: E402
from c2graph.render.chart import Chart, build_chart  # noqa: E402
from c2graph.render.dot import chart_dot  # noqa: E402
from c2graph.render.engine import graphviz_engine, render_graphviz  # noqa: E402
from c2graph.render.nudge import shared_runs  # noqa: E402
from c2graph.render.scene import Scene, SceneOptions, build_scene  # noqa: E402
from c2graph.vocabulary import AUTHORITY_RELATIONS  # noqa: E402

SLIDE = (13.33 * 72, 7.5 * 72)  # points
_SVG = "{http://www.w3.org/2000/svg}"
_NODE_ID = re.compile(r"(p\d+)?n\d+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
#: The targets of issue 14.
TARGETS = {
    "overview aspect": (1.2, 2.0),
    "overview names (pt)": 7.0,
    "focus names (pt)": 9.0,
    "panels aspect": 2.2,
    "draw / dot -Tsvg": 1.5,
}


@dataclass(frozen=True)
class Picture:
    """What one picture measures: its size (points), aspect, smallest node text fitted to
    a slide, overlapping node boxes, links through boxes and pairs of links of one panel
    sharing a run (:func:`c2graph.render.nudge.shared_runs`)."""

    view: str
    engine: str
    width: float
    height: float
    aspect: float
    fitted_pt: float
    overlaps: int
    through: int | None
    shared: int = 0


Box = tuple[float, float, float, float]


def _outline(group: ET.Element) -> list[tuple[float, float]]:
    """The outline of a Graphviz node as a polygon (an ellipse as 24 points)."""
    import math

    points: list[tuple[float, float]] = []
    for shape in group:
        tag = shape.tag.removeprefix(_SVG)
        if tag == "ellipse":
            cx, cy = float(shape.get("cx", 0)), float(shape.get("cy", 0))
            rx, ry = float(shape.get("rx", 0)), float(shape.get("ry", 0))
            steps = [2 * math.pi * i / 24 for i in range(24)]
            points = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in steps]
            break
        if tag in ("polygon", "path"):
            text = shape.get("points") or shape.get("d") or ""
            numbers = [float(v) for v in _NUMBER.findall(text)]
            points = list(zip(numbers[0::2], numbers[1::2], strict=False))
            break
    return points


def _box(points: list[tuple[float, float]]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _deep_inside(x: float, y: float, polygon: list[tuple[float, float]], margin: float) -> bool:
    """True when ``(x, y)`` is inside ``polygon`` and more than ``margin`` from its edges."""
    inside = False
    near = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1.0
        t = max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length**2))
        near = (
            near or ((x - x1 - t * (x2 - x1)) ** 2 + (y - y1 - t * (y2 - y1)) ** 2) ** 0.5 < margin
        )
    return inside and not near


def _bezier(d: str) -> Iterator[tuple[float, float]]:
    """Points along a Graphviz edge path (``M x,y C x1,y1 x2,y2 x3,y3 ...``)."""
    values = [float(v) for v in _NUMBER.findall(d)]
    points = list(zip(values[0::2], values[1::2], strict=False))
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for step in range(21):
            t = step / 20
            a, b, c, e = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            yield (
                a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1],
            )


def measure_svg(svg: str, view: str, engine: str = "graphviz") -> Picture:
    """Measure a Graphviz SVG whose titles are still the DOT names (``n4``, ``n4->n7``).

    A link counts as drawn through a box when a point of its curve lies more than 2 pt
    inside the outline of a node that is neither of its ends; boxes overlap when their
    bounding boxes do by more than half a point.
    """
    root = ET.fromstring(svg)
    width = float(root.get("width", "0").removesuffix("pt"))
    height = float(root.get("height", "0").removesuffix("pt"))
    outlines: dict[str, list[tuple[float, float]]] = {}
    sizes: list[float] = []
    edges: list[tuple[str, str, str]] = []
    for group in root.iter(f"{_SVG}g"):
        title = group.findtext(f"{_SVG}title", "")
        kind = group.get("class")
        if kind == "node" and _NODE_ID.fullmatch(title):
            outline = _outline(group)
            if outline:
                outlines[title] = outline
            sizes += [float(t.get("font-size", "0")) for t in group.iter(f"{_SVG}text")]
        elif kind == "edge":
            path = group.find(f"{_SVG}path")
            tail, _, head = title.partition("->")
            if path is not None:
                edges.append((tail, head, path.get("d", "")))
    boxes = {name: _box(points) for name, points in outlines.items()}
    names = list(boxes)
    overlaps = sum(
        1
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if _inside_overlap(boxes[a], boxes[b])
    )
    through = sum(1 for tail, head, d in edges if _crosses(d, tail, head, outlines))
    scale = min(SLIDE[0] / width, SLIDE[1] / height)
    return Picture(
        view,
        engine,
        round(width),
        round(height),
        round(width / height, 2),
        round(min(sizes, default=0.0) * scale, 1),
        overlaps,
        through,
    )


def _inside_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _crosses(d: str, tail: str, head: str, outlines: dict[str, list[tuple[float, float]]]) -> bool:
    others = [
        (points, _box(points)) for name, points in outlines.items() if name not in (tail, head)
    ]
    return any(
        x0 < x < x1 and y0 < y < y1 and _deep_inside(x, y, points, 2.0)
        for x, y in _bezier(d)
        for points, (x0, y0, x1, y1) in others
    )


def _graphviz(model: Model, view: str, options: SceneOptions) -> Picture:
    scene = build_scene(model, **options)
    chart = build_chart(scene)
    picture = measure_svg(render_graphviz(chart_dot(chart).to_string(), "svg").decode(), view)
    return replace(picture, shared=_shared(scene, chart))


def _shared(scene: Scene, chart: Chart) -> int:
    """Pairs of links drawn in one panel with a run on the same line, where one would
    hide the other (links of one commander and relation share their bus)."""
    kinds = {
        e.key: f"{e.tail}>{e.relation}" if e.relation in AUTHORITY_RELATIONS else e.key
        for p in scene.panels
        for e in p.edges
    }
    return sum(
        len(shared_runs({e.key: chart.routes[e.key] for e in p.edges}, kinds)) for p in scene.panels
    )


def _matplotlib(model: Model, view: str, options: SceneOptions) -> Picture:
    """Aspect and fitted text of the matplotlib picture (its links are straight lines
    from box to box, not routed: they are not checked)."""
    from c2graph.render.boxes import node_lines
    from c2graph.render.mpl import plot_scene

    scene = build_scene(model, **options)
    width, height = (v * 72 for v in plot_scene(scene).get_size_inches())
    smallest = min(line.size for p in scene.panels for n in p.nodes for line in node_lines(n))
    scale = min(SLIDE[0] / width, SLIDE[1] / height)
    return Picture(
        view,
        "matplotlib",
        round(width),
        round(height),
        round(width / height, 2),
        round(smallest * scale, 1),
        0,
        None,
    )


def measure_models(folder: Path, repeat: int) -> dict[str, object]:
    """Every target of issue 14 on every model in ``folder``."""
    pictures: list[Picture] = []
    times: dict[str, dict[str, float]] = {}
    for path in sorted(folder.glob("*.yaml")):
        model = load_model(path)
        for phase in model.phase_ids:
            view = f"{path.stem} {phase}"
            pictures.append(_graphviz(model, view, {"phase": phase}))
            pictures.append(_matplotlib(model, view, {"phase": phase}))
        for node in model.nodes.values():
            if node.kind == "headquarters":
                for phase in dict.fromkeys((model.phase_ids[0], model.phase_ids[-1])):
                    view = f"{path.stem} focus {node.id} {phase}"
                    pictures.append(_graphviz(model, view, {"phase": phase, "focus": node.id}))
        panel = _three_phases(model)
        if panel:
            pictures.append(_graphviz(model, f"{path.stem} panels", {"phases": panel}))
        timed = draw_time(path, model.phase_ids[0], repeat)
        times[path.stem] = {"draw": timed.draw, "engine": timed.engine, "ratio": timed.ratio,
                            "in_process": timed.in_process}  # fmt: skip
    return {"pictures": [asdict(p) for p in pictures], "times": times, "floor": floor(repeat)}


def _three_phases(model: Model) -> tuple[str, ...] | None:
    ids = model.phase_ids
    wanted = tuple(p for p in ("peacetime", "gray-zone", "armed-attack") if p in ids)
    if len(wanted) == 3:
        return wanted
    return tuple(dict.fromkeys((ids[0], ids[len(ids) // 2], ids[-1]))) if len(ids) > 2 else None


def report(result: dict[str, object]) -> str:
    """The figures as text: one line per picture, the times, and the targets met."""
    lines = [f"Graphviz: {_engine_name()}"]
    lines.append(
        f"{'view':58} {'engine':10} {'W x H pt':>12} aspect slide-pt overlaps through shared"
    )
    pictures = [Picture(**p) for p in result["pictures"]]  # type: ignore[attr-defined]
    for p in pictures:
        through = "-" if p.through is None else str(p.through)
        lines.append(
            f"{p.view:58} {p.engine:10} {p.width:>5} x {p.height:<5} {p.aspect:6.2f} "
            f"{p.fitted_pt:8.1f} {p.overlaps:8} {through:>7} {p.shared:6}"
        )
    lines.append("")
    lines.append("whole `c2graph draw` process against the same Graphviz drawing its DOT alone")
    lines.append(
        f"{'model':28} {'draw s':>8} {'engine s':>9} {'ratio':>6} {'in-proc':>8}  "
        "(paired, medians; in-proc: the draw over Graphviz in one process)"
    )
    for stem, t in result["times"].items():  # type: ignore[attr-defined]
        lines.append(
            f"{stem:28} {t['draw']:8.3f} {t['engine']:9.3f} {t['ratio']:6.2f} "
            f"{t['in_process']:8.2f}"
        )
    floors = result["floor"]
    lines.append("floor: " + ", ".join(f"{k} {v:.3f} s" for k, v in floors.items()))  # type: ignore[attr-defined]
    lines += ["", *_verdicts(pictures, result["times"])]  # type: ignore[arg-type]
    return "\n".join(lines)


def _engine_name() -> str:
    engine = graphviz_engine()
    return engine.describe() if engine else "none"


def _verdicts(pictures: list[Picture], times: dict[str, dict[str, float]]) -> list[str]:
    overviews = [p for p in pictures if " focus " not in p.view and not p.view.endswith("panels")]
    focus = [p for p in pictures if " focus " in p.view]
    panels = [p for p in pictures if p.view.endswith("panels")]
    low, high = 1.2, 2.0  # TARGETS["overview aspect"]
    ratios = [t["ratio"] for t in times.values()]
    inside = [t["in_process"] for t in times.values()]

    def line(name: str, values: list[float], ok: bool) -> str:
        shown = f"{min(values):.2f} .. {max(values):.2f}" if values else "-"
        return f"{'met' if ok else 'MISSED':6} {name}: {shown}"

    aspects = [p.aspect for p in overviews]
    return [
        line("overview aspect 1.2-2.0", aspects, all(low <= a <= high for a in aspects)),
        line("overview names >= 7 pt on a slide", [p.fitted_pt for p in overviews],
             all(p.fitted_pt >= 7 for p in overviews)),
        line("focus names >= 9 pt on a slide", [p.fitted_pt for p in focus],
             all(p.fitted_pt >= 9 for p in focus)),
        line("overlapping boxes = 0", [float(p.overlaps) for p in pictures],
             all(p.overlaps == 0 for p in pictures)),
        line("links through boxes = 0 (Graphviz)",
             [float(p.through) for p in pictures if p.through is not None],
             all(not p.through for p in pictures)),
        line("links sharing a run in one panel = 0", [float(p.shared) for p in pictures],
             all(p.shared == 0 for p in pictures)),
        line("three-phase panels aspect <= 2.2", [p.aspect for p in panels],
             all(p.aspect <= 2.2 for p in panels)),
        line("draw <= 1.5 x the engine alone (whole processes)", ratios,
             all(r <= 1.5 for r in ratios)),
        line("draw <= 1.5 x the engine alone (in one process)", inside,
             all(r <= 1.5 for r in inside)),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Command line: measure the models (or ``--svg`` files) and print the figures."""
    parser = argparse.ArgumentParser(prog="python benchmarks/schematics.py")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--svg", type=Path, nargs="+", help="measure these Graphviz SVG files")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    if args.svg:
        for path in args.svg:
            p = measure_svg(path.read_text(encoding="utf-8"), path.stem)
            print(
                f"{p.view:50} {p.width:>6} x {p.height:<6} aspect {p.aspect:5.2f} "
                f"slide {p.fitted_pt:4.1f} pt overlaps {p.overlaps} through {p.through}"
            )
        return 0
    result = measure_models(args.models, args.repeat)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
