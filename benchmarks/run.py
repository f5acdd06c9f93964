"""Benchmark c2graph against its floors: start-up, loading, analyses, comparison, DOT, memory.

Every figure is printed beside a baseline measured in the same run on the same data (the
bare networkx / json / Graphviz work a tool built on them cannot avoid), with the ratio
and the target of issue 6. Models come from :mod:`c2graph.synthetic` (seed 0).

Usage::

    python benchmarks/run.py [--sizes 1000,10000,100000] [--repeat 3] [--json out.json]

Results are written as JSON to ``benchmarks/results/`` (or the ``--json`` path).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from c2graph import analysis

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PHASE = "peacetime"


@dataclass
class Row:
    """One measured figure beside its baseline."""

    size: int
    measure: str
    seconds: float | None
    baseline: float | None
    baseline_name: str
    target: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.baseline:
            return None
        return self.seconds / self.baseline

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": self.ratio}


class Budget:
    """Skips a measure at a size where it would take too long, judged from a smaller size.

    The estimate grows as size**1.5 from the last size measured (most measures are linear,
    some are not); a measure that grows faster still is caught at the next size.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.last: dict[str, tuple[int, float]] = {}

    def skip(self, name: str, size: int) -> str:
        """Return why ``name`` is skipped at ``size``, or an empty string to measure it."""
        if name not in self.last:
            return ""
        last_size, took = self.last[name]
        estimate = took * (size / last_size) ** 1.5
        if estimate <= self.seconds:
            return ""
        return (
            f"{name}: skipped at N={size:,}: took {took:.2f} s at N={last_size:,}, "
            f"about {estimate:.0f} s expected (budget {self.seconds:g} s)"
        )

    def spent(self, name: str, size: int, seconds: float) -> None:
        self.last[name] = (size, seconds)


BUDGET = Budget(60.0)
#: Groups of measures that ``--skip`` can leave out.
GROUPS = ("startup", "loading", "analyses", "compare", "dot", "memory")


def _once(func: Callable[[], Any]) -> float:
    """Wall time of one call, after a collection."""
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def best(func: Callable[[], Any], repeat: int) -> float:
    """Best wall time of ``repeat`` calls, with a collection before each."""
    return min(_once(func) for _ in range(repeat))


def best_cold(model: Any, call: Callable[[Any], Any], repeat: int) -> float:
    """Best wall time of ``call`` on a fresh copy of ``model``, whose per-model caches of
    the analyses are empty (the copy is made before the clock starts)."""
    return min(_once(partial(call, dataclasses.replace(model))) for _ in range(repeat))


# ------------------------------------------------------------------ baselines


def bare_graph(text: str) -> Any:
    """The floor of loading: ``json.loads`` and a bare MultiDiGraph of the same data."""
    import networkx as nx

    data = json.loads(text)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node["id"], node) for node in data["nodes"])
    graph.add_edges_from((link["from"], link["to"], link) for link in data["links"])
    return graph


def bare_authority(model: Any, phase: str) -> Any:
    """The phase's authority links as a plain DiGraph (what the analyses search)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(n for n, node in model.nodes.items() if phase in node.phases)
    graph.add_edges_from(
        (link.from_node, link.to_node)
        for link in model.links
        if link.is_authority and phase in link.phases
    )
    return graph


def bare_whole(model: Any, phase: str) -> Any:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n for n, node in model.nodes.items() if phase in node.phases)
    graph.add_edges_from(
        (link.from_node, link.to_node) for link in model.links if phase in link.phases
    )
    return graph


def _rooted(graph: Any) -> tuple[Any, str]:
    rooted = graph.copy()
    tops = [n for n in graph if graph.in_degree(n) == 0 and graph.out_degree(n) > 0]
    rooted.add_edges_from(("<root>", top) for top in tops)
    return rooted, "<root>"


def _bare_paths(graph: Any, target: str) -> list[Any]:
    import networkx as nx

    above = nx.ancestors(graph, target)
    tops = [n for n in above if graph.in_degree(n) == 0]
    sub = graph.subgraph(above | {target})
    return [p for top in tops for p in nx.all_simple_paths(sub, top, target)]


def _bare_krackhardt(graph: Any) -> Any:
    import networkx as nx

    linked = nx.DiGraph(graph.subgraph([n for n in graph if graph.degree(n) > 0]))
    weak = [len(c) for c in nx.weakly_connected_components(linked)]
    strong = list(nx.strongly_connected_components(linked))
    condensed = nx.condensation(linked, strong)
    return weak, list(nx.topological_sort(condensed))


def _bare_analyses(model: Any, target: str) -> dict[str, Callable[[], Any]]:
    import networkx as nx

    authority = bare_authority(model, PHASE)
    whole = bare_whole(model, PHASE)
    rooted, root = _rooted(authority)
    return {
        "authority_paths": lambda: _bare_paths(authority, target),
        "dominators": lambda: nx.immediate_dominators(rooted, root),
        "cut_nodes": lambda: list(nx.articulation_points(whole)),
        "span_of_control": lambda: [d for _, d in authority.out_degree() if d > 0],
        "hierarchy_scores": lambda: _bare_krackhardt(authority),
        "phase_switch": lambda: (
            {k for *_, k, p in model.graph.edges(keys=True, data="phases") if PHASE in p}
            ^ {k for *_, k, p in model.graph.edges(keys=True, data="phases") if "armed-attack" in p}
        ),
    }


#: The analyses of the default report, each a call on (target node, model).
ANALYSES: dict[str, Callable[[str, Any], Any]] = {
    "authority_paths": lambda target, m: analysis.authority_paths(m, target, phase=PHASE),
    "dominators": lambda _, m: analysis.dominators(m, phase=PHASE),
    "cut_nodes": lambda _, m: analysis.cut_nodes(m, phase=PHASE),
    "span_of_control": lambda _, m: analysis.span_of_control(m, phase=PHASE),
    "hierarchy_scores": lambda _, m: analysis.hierarchy_scores(m, phase=PHASE),
    "phase_switch": lambda _, m: analysis.phase_switch(m, before=PHASE, after="armed-attack"),
}


def _ours(target: str) -> dict[str, Callable[[Any], Any]]:
    """Each analysis of :data:`ANALYSES` about ``target``, as a call on a model."""
    return {name: partial(call, target) for name, call in ANALYSES.items()}


# ------------------------------------------------------------------ measures


def measure_startup(work: Path, repeat: int) -> tuple[list[Row], list[str]]:
    """CLI start-up on a small model vs importing networkx and yaml; top import costs."""
    from c2graph.synthetic import generate, write_model_files

    reference = ROOT / "models" / "us-japan-2025.yaml"
    target = "jp-gcc"
    if not reference.exists():
        reference = work / "reference.yaml"
        write_model_files(generate(60), reference, overwrite=True)
        target = "jp-20"
    command = ["path", str(reference), target, "--phase", PHASE]
    python = sys.executable

    def run(args: list[str]) -> None:
        done = subprocess.run([python, *args], capture_output=True, check=False)
        if done.returncode not in (0, 1):
            raise RuntimeError(done.stderr.decode(errors="replace")[-500:])

    cli = ["-m", "c2graph", *command]
    ours = best(lambda: run(cli), repeat + 2)
    floor = best(lambda: run(["-c", "import networkx, yaml"]), repeat + 2)
    row = Row(
        0,
        f"start-up: c2graph {command[0]}",
        ours,
        floor,
        "python -c 'import networkx, yaml'",
        1.5,
    )
    done = subprocess.run(
        [python, "-X", "importtime", *cli], capture_output=True, text=True, check=False
    )
    costs = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            costs.append((int(match[2]), len(match[3]), match[4]))
    shown = sorted(
        (c for c in costs if c[2] not in ("c2graph", "site", "encodings")), reverse=True
    )[:14]
    imports = [
        f"{cumulative / 1000:7.1f} ms  {'  ' * (depth // 2)}{name}"
        for cumulative, depth, name in shown
    ]
    return [row], imports


def measure_loading(size: int, files: dict[str, Path], text: str, repeat: int) -> list[Row]:
    import yaml

    from c2graph import load_model

    floor = best(lambda: bare_graph(text), repeat)
    rows = []
    for label, target in (("json", 1.5), ("yaml", 3.0), ("yaml+csv", 3.0)):
        seconds = best(partial(load_model, files[label]), repeat)
        rows.append(
            Row(
                size,
                f"load_model from {label.upper()}",
                seconds,
                floor,
                "json.loads + bare MultiDiGraph",
                target,
            )
        )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    yaml_text = files["yaml"].read_text(encoding="utf-8")

    rows.append(
        Row(
            size,
            "(info) yaml CSafeLoader alone, gc paused",
            best(lambda: _without_gc(lambda: yaml.load(yaml_text, Loader=loader)), 1),
            floor,
            "json.loads + bare MultiDiGraph",
        )
    )
    floor_nogc = best(lambda: _without_gc(lambda: bare_graph(text)), repeat)
    rows.append(
        Row(
            size, "(info) floor with gc paused", floor_nogc, floor, "json.loads + bare MultiDiGraph"
        )
    )
    return rows


def _without_gc(func: Callable[[], Any]) -> Any:
    gc.disable()
    try:
        return func()
    finally:
        gc.enable()


def measure_analyses(size: int, model: Any, repeat: int) -> tuple[list[Row], list[str]]:
    """Each analysis against the networkx calls it wraps; the phase graphs built on the
    first query; all of them together, cold; the whole bottleneck report, cold."""
    target = max(
        (n for n in model.nodes if n.startswith("jp-")), key=lambda n: int(n.split("-")[1])
    )
    ours = _ours(target)
    cold = best_cold(model, ours["span_of_control"], 1)
    build_bare = best(lambda: (bare_authority(model, PHASE), bare_whole(model, PHASE)), 1)
    rows = [
        Row(
            size,
            "phase graphs (first query of a phase)",
            cold,
            build_bare,
            "bare authority DiGraph + undirected Graph",
        )
    ]
    ours["span_of_control"](model)  # the phase graphs of ``model`` are built from here on
    found, missing = _each_analysis(size, model, ours, _bare_analyses(model, target), repeat)
    rows += found
    measured = [name for name in ours if any(r.measure == f"analysis: {name}" for r in found)]
    baseline = sum(r.baseline or 0.0 for r in found) + build_bare
    if measured:
        left_out = sorted(set(ours) - set(measured))
        rows.append(
            Row(
                size,
                "full analysis (phase graphs + all above)",
                sum(r.seconds or 0.0 for r in found) + cold,
                baseline,
                "bare graphs + bare networkx calls",
                1.5,
                f"without {', '.join(left_out)}" if left_out else "",
            )
        )
        rows.append(_after_freeze(size, model, [ours[name] for name in measured], baseline))
    report_rows, report_missing = _bottleneck_report(size, model, baseline)
    return rows + report_rows, missing + report_missing


def _each_analysis(
    size: int,
    model: Any,
    ours: dict[str, Callable[[Any], Any]],
    bare: dict[str, Callable[[], Any]],
    repeat: int,
) -> tuple[list[Row], list[str]]:
    """A row per analysis within the time budget; why the others were not measured."""
    rows = []
    missing = []
    for name, call in ours.items():
        why = BUDGET.skip(name, size)
        if why:
            missing.append(why)
            continue
        try:
            seconds = best(partial(call, model), repeat)
        except Exception as exc:
            missing.append(f"{name} ({type(exc).__name__}: {exc})")
            continue
        BUDGET.spent(name, size, seconds)
        rows.append(
            Row(
                size,
                f"analysis: {name}",
                seconds,
                best(bare[name], repeat),
                "bare networkx calls",
                1.5 if name == "authority_paths" else None,
            )
        )
    return rows, missing


def _bottleneck_report(size: int, model: Any, baseline: float) -> tuple[list[Row], list[str]]:
    """The whole bottleneck report of a phase, on a model with cold caches."""
    why = BUDGET.skip("bottleneck_report", size)
    if why:
        return [], [why]
    try:
        seconds = best_cold(model, lambda m: analysis.bottleneck_report(m, phase=PHASE), 1)
    except Exception as exc:
        return [], [f"bottleneck_report ({type(exc).__name__}: {exc})"]
    BUDGET.spent("bottleneck_report", size, seconds)
    row = Row(
        size,
        "bottleneck_report (cold, all measures)",
        seconds,
        baseline,
        "bare graphs + bare networkx calls",
    )
    return [row], []


def _after_freeze(size: int, model: Any, calls: list[Callable[[Any], Any]], baseline: float) -> Row:
    """The same analyses on a fresh copy of the model (cold caches), after ``gc.freeze()``
    moved the loaded model out of the collector's reach."""
    fresh = dataclasses.replace(model)

    def run_all() -> None:
        for call in calls:
            call(fresh)

    gc.collect()
    gc.freeze()
    try:
        seconds = best(run_all, 1)
    finally:
        gc.unfreeze()
    return Row(
        size,
        "(info) full analysis after gc.freeze()",
        seconds,
        baseline,
        "bare graphs + bare networkx calls",
    )


def measure_compare(size: int, model: Any, other: Any) -> tuple[list[Row], list[str]]:
    from c2graph.compare import compare

    def bare() -> Any:
        a, b = model.graph, other.graph
        return (set(a) ^ set(b), set(a.edges(keys=True)) ^ set(b.edges(keys=True)))

    why = BUDGET.skip("compare", size)
    if why:
        return [], [why]
    try:
        seconds = best(lambda: compare(model, other, phase=PHASE), 1)
    except Exception as exc:
        return [], [f"compare ({type(exc).__name__}: {exc})"]
    BUDGET.spent("compare", size, seconds)
    return [
        Row(
            size,
            "compare two variants (one phase)",
            seconds,
            best(bare, 1),
            "node and edge set differences",
        )
    ], []


def measure_dot(size: int, model: Any, work: Path) -> tuple[list[Row], list[str]]:
    import networkx as nx

    from c2graph.render import dot_text, draw

    rows: list[Row] = []
    why = BUDGET.skip("DOT build", size)
    if why:
        return rows, [why]
    try:
        text: str = ""

        def build() -> None:
            nonlocal text
            text = dot_text(model, phase=PHASE)

        seconds = best(build, 1)
        BUDGET.spent("DOT build", size, seconds)
        plain = nx.DiGraph()
        plain.add_nodes_from((n, {"label": model.nodes[n].name}) for n in model.phase_graph(PHASE))
        plain.add_edges_from(
            (u, v, {"label": r}) for u, v, r in model.phase_graph(PHASE).edges(data="relation")
        )
        floor = best(lambda: nx.nx_pydot.to_pydot(plain).to_string(), 1)
        rows.append(
            Row(size, "DOT build", seconds, floor, "networkx to_pydot + to_string (labels)")
        )
    except Exception as exc:
        return rows, [f"DOT build ({type(exc).__name__}: {exc})"]
    if size > 1000 or shutil.which("dot") is None:
        return rows, []
    source = work / "schematic.dot"
    source.write_text(text, encoding="utf-8")
    out = work / "schematic.svg"
    try:
        seconds = best(lambda: draw(model, out, phase=PHASE, engine="graphviz"), 1)
    except Exception as exc:
        return rows, [f"draw ({type(exc).__name__}: {exc})"]
    floor = best(
        lambda: subprocess.run(
            ["dot", "-Tsvg", "-o", str(work / "bare.svg"), str(source)], check=True
        ),
        1,
    )
    rows.append(
        Row(
            size, "render 1k-node schematic (SVG)", seconds, floor, "dot -Tsvg on the same DOT", 1.5
        )
    )
    return rows, []


def measure_memory(size: int, json_path: Path, text: str) -> Row:
    from c2graph import load_model

    def retained(func: Callable[[], Any]) -> int:
        gc.collect()
        tracemalloc.start()
        kept = func()
        gc.collect()
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return current

    ours = retained(lambda: load_model(json_path))
    floor = retained(lambda: bare_graph(text))
    return Row(
        size,
        "memory of the loaded model (MB)",
        ours / 1e6,
        floor / 1e6,
        "bare MultiDiGraph with the parsed dicts (MB)",
        2.0,
    )


# ------------------------------------------------------------------ driver


def write_models(size: int, work: Path) -> tuple[dict[str, Path], str]:
    from c2graph.synthetic import generate, write_model_files

    data = generate(size, seed=0)
    files = {
        "json": work / f"oob-{size}.json",
        "yaml": work / f"oob-{size}.yaml",
        "yaml+csv": work / f"oob-{size}-csv.yaml",
    }
    write_model_files(data, files["json"], fmt="json", overwrite=True)
    write_model_files(data, files["yaml"], fmt="yaml", overwrite=True)
    write_model_files(data, files["yaml+csv"], fmt="csv", overwrite=True)
    variant = work / f"oob-{size}-variant.json"
    write_model_files(generate(size, seed=1), variant, fmt="json", overwrite=True)
    files["variant"] = variant
    return files, files["json"].read_text(encoding="utf-8")


def run_size(size: int, work: Path, repeat: int, skip: set[str]) -> tuple[list[Row], list[str]]:
    """Every measure of one size, except the groups in ``skip``."""
    from c2graph import load_model

    files, text = write_models(size, work)
    rows: list[Row] = []
    missing: list[str] = []
    if "loading" not in skip:
        rows += measure_loading(size, files, text, repeat)
    if "memory" not in skip:
        rows.append(measure_memory(size, files["json"], text))
    model = load_model(files["json"])
    groups: list[tuple[str, Callable[[], tuple[list[Row], list[str]]]]] = [
        ("analyses", lambda: measure_analyses(size, model, repeat)),
        ("compare", lambda: measure_compare(size, model, load_model(files["variant"]))),
        ("dot", lambda: measure_dot(size, model, work)),
    ]
    for group, run in groups:
        if group not in skip:
            found, lost = run()
            rows += found
            missing += lost
    return rows, missing


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def print_table(rows: list[Row]) -> None:
    header = f"{'N':>7}  {'measure':<44} {'c2graph':>10} {'baseline':>10} {'ratio':>7}  target"
    print(header)
    print("-" * len(header))
    for row in rows:
        unit = "MB" if "(MB)" in row.measure else "s"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        verdict = ""
        if row.target is not None and row.ratio is not None:
            verdict = f"<= {row.target:g}x " + ("ok" if row.ratio <= row.target else "MISSED")
        size = f"{row.size:,}" if row.size else "-"
        note = f"  ({row.note})" if row.note else ""
        print(
            f"{size:>7}  {row.measure:<44} {_fmt(row.seconds, unit):>10} "
            f"{_fmt(row.baseline, unit):>10} {ratio:>7}  {verdict}{note}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated unit counts (default: 1000,10000,100000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per figure below 100k units, best taken (default: 3)",
    )
    parser.add_argument("--json", metavar="PATH", help="where to write the results as JSON")
    parser.add_argument(
        "--skip",
        default="",
        metavar="GROUPS",
        help="comma-separated groups not to run: " + ", ".join(GROUPS),
    )
    args = parser.parse_args(argv)
    skip = {g for g in args.skip.split(",") if g}
    if skip - set(GROUPS):
        parser.error(
            f"unknown group(s) {', '.join(sorted(skip - set(GROUPS)))}; "
            f"choose from {', '.join(GROUPS)}"
        )
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    rows: list[Row] = []
    missing: list[str] = []
    with tempfile.TemporaryDirectory(prefix="c2graph-bench-") as tmp:
        work = Path(tmp)
        imports: list[str] = []
        if "startup" not in skip:
            startup, imports = measure_startup(work, args.repeat)
            rows += startup
        for size in sizes:
            repeat = args.repeat if size < 100_000 else 1
            found, lost = run_size(size, work, repeat, skip)
            rows += found
            missing += [f"N={size}: {m}" for m in lost]
            print(f"... N={size:,} done", file=sys.stderr)
    print_table(rows)
    print("\nslowest imports of the CLI (python -X importtime, cumulative):")
    for line in imports:
        print(f"  {line}")
    not_measured = list(dict.fromkeys(missing))
    if not_measured:
        print("\nnot measured:")
        for line in not_measured:
            print(f"  {line}")
    out = Path(args.json) if args.json else RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    _write_results(out, sizes, rows, imports, not_measured)
    print(f"\nresults written to {out}")
    return 0


def _write_results(
    out: Path, sizes: list[int], rows: list[Row], imports: list[str], not_measured: list[str]
) -> None:
    result = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "sizes": sizes,
        "rows": [row.to_dict() for row in rows],
        "imports": imports,
        "not_measured": not_measured,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
