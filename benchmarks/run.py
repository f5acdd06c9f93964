"""Benchmark the c2graph commands against the bare work, as whole processes, paired.

Every figure is the median wall time of whole ``c2graph`` processes run cold (a new
process each time, nothing cached between runs but Python's compiled bytecode, as in an
installed package), paired A/B with its baseline: the two commands run in turn, the
order swapped every round, so that both see the same load on a shared machine. Baselines
are the bare work (:mod:`benchmarks.bare`: ``json.loads`` of the same file, the
bottleneck kernels in networkx, a bare MultiDiGraph with the same attributes) or the
``validate`` of the same file, as the targets of issue 18 are set.
Memory is each process's peak resident size (``wait4``) and, for a loaded model, the bytes
it holds after loading and after its analyses (tracemalloc). A run that takes longer than
``--timeout`` is stopped and shown as not finished, never left out; no size is skipped.
Models come from ``c2graph generate`` (seed 0, and seed 1 for the variant compared).

Usage::

    python benchmarks/run.py [--sizes 1000,10000,100000] [--repeat 3] [--timeout 300]
                             [--only NAME,...] [--json out.json]

Results are written as JSON to ``benchmarks/results/`` (or the ``--json`` path).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BARE = Path(__file__).resolve().parent / "bare.py"
SHIPPED = ROOT / "models" / "us-japan-2025.yaml"


@dataclass(frozen=True)
class Run:
    """One whole process: wall seconds (None when stopped at the timeout), peak RSS (MB)."""

    seconds: float | None
    peak_mb: float | None


@dataclass
class Row:
    """One measured figure beside its baseline: medians of paired runs."""

    size: int
    measure: str
    seconds: float | None
    baseline: float | None
    baseline_name: str
    target: float | None = None
    note: str = ""
    unit: str = "s"
    runs: list[float | None] = field(default_factory=list)
    baseline_runs: list[float | None] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.baseline:
            return None
        return self.seconds / self.baseline

    def verdict(self) -> str:
        """``<= 3x ok`` or ``MISSED`` against the target; empty without one."""
        if self.target is None:
            return ""
        if self.ratio is None:
            return f"<= {self.target:g}x MISSED" if self.seconds is None else ""
        return f"<= {self.target:g}x " + ("ok" if self.ratio <= self.target else "MISSED")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": self.ratio}


# ------------------------------------------------------------------ processes


def c2graph_command() -> list[str]:
    """The installed ``c2graph`` entry point beside this Python, else ``python -m c2graph``."""
    script = Path(sys.executable).parent / "c2graph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "c2graph"]


def run_process(argv: list[str], timeout: float) -> Run:
    """Run one whole process (output discarded); its wall time and peak resident size."""
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty child never blocks
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=log)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                child.returncode = -9
                return Run(None, None)
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        errors = log.read().decode(errors="replace")
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}: {errors[-400:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def paired(
    ours: list[str], base: list[str], repeat: int, timeout: float
) -> tuple[list[Run], list[Run]]:
    """Run ``ours`` and ``base`` in turn ``repeat`` times, swapping the order each round.

    A command stopped at the timeout is not run again (its later rounds would be too).
    """
    mine: list[Run] = []
    theirs: list[Run] = []
    for round_ in range(repeat):
        order = [(ours, mine), (base, theirs)]
        for argv, runs in order if round_ % 2 == 0 else order[::-1]:
            if runs and runs[-1].seconds is None:
                continue
            runs.append(run_process(argv, timeout))
    return mine, theirs


def _median(runs: list[Run]) -> float | None:
    times = [r.seconds for r in runs]
    if not times or any(t is None for t in times):
        return None
    return statistics.median(t for t in times if t is not None)


def _peak(runs: list[Run]) -> float | None:
    peaks = [r.peak_mb for r in runs if r.peak_mb is not None]
    return max(peaks) if peaks else None


# ------------------------------------------------------------------ measures


@dataclass(frozen=True)
class Files:
    """The model files of one size."""

    size: int
    json: Path
    yaml: Path
    csv: Path
    variant: Path


def write_models(size: int, work: Path) -> Files:
    """Generate the size's model as JSON, YAML and YAML with a units CSV, and a variant."""
    files = Files(
        size,
        work / f"oob-{size}.json",
        work / f"oob-{size}.yaml",
        work / f"oob-{size}-csv.yaml",
        work / f"oob-{size}-variant.json",
    )
    c2graph = c2graph_command()
    for path, fmt, seed in (
        (files.json, "json", 0),
        (files.yaml, "yaml", 0),
        (files.csv, "csv", 0),
        (files.variant, "json", 1),
    ):
        argv = [*c2graph, "generate", str(size), "--seed", str(seed), "--format", fmt]
        subprocess.run([*argv, "-o", str(path), "--force"], check=True, capture_output=True)
    return files


def _target_unit(files: Files) -> str:
    """The deepest JP unit of the synthetic model: the longest chain ``path`` finds."""
    data = json.loads(files.json.read_bytes())
    units = [n["id"] for n in data["nodes"] if n["id"].startswith("jp-")]
    return str(max(units, key=lambda n: int(n.split("-")[1])))


class Bench:
    """The runs of one benchmark: the options, and the rows measured so far."""

    def __init__(self, repeat: int, timeout: float, only: set[str], work: Path) -> None:
        self.repeat = repeat
        self.timeout = timeout
        self.only = only
        self.work = work
        self.rows: list[Row] = []

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def pair(
        self,
        size: int,
        measure: str,
        ours: list[str],
        base: list[str],
        base_name: str,
        target: float | None = None,
    ) -> tuple[list[Run], list[Run]]:
        """Measure ``ours`` against ``base`` and add the row; return the runs."""
        mine, theirs = paired(ours, base, self.repeat, self.timeout)
        seconds = _median(mine)
        note = "" if seconds is not None else f"did not finish in {self.timeout:g} s"
        self.rows.append(
            Row(
                size,
                measure,
                seconds,
                _median(theirs),
                base_name,
                target,
                note,
                runs=[r.seconds for r in mine],
                baseline_runs=[r.seconds for r in theirs],
            )
        )
        _progress(self.rows[-1])
        return mine, theirs

    def add(self, row: Row) -> None:
        self.rows.append(row)
        _progress(row)


def _progress(row: Row) -> None:
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
    print(f"... N={row.size:,} {row.measure}: {ratio} {row.note}", file=sys.stderr, flush=True)


def measure_startup(bench: Bench) -> None:
    """``c2graph path`` on the shipped model against ``python -c 'import networkx, yaml'``."""
    command = [*c2graph_command(), "path", str(SHIPPED), "jp-gcc"]
    floor = [sys.executable, "-c", "import networkx, yaml"]
    bench.pair(
        0, "start-up: c2graph path, shipped model", command, floor, "import networkx, yaml", 1.3
    )


def measure_size(bench: Bench, files: Files) -> None:
    """Every measure of one size (those of ``--only``, when given)."""
    c2 = c2graph_command()
    size = files.size
    validate = [*c2, "validate", str(files.json)]
    loads = [sys.executable, str(BARE), "loads", str(files.json)]
    v_name = "c2graph validate (JSON)"
    validate_runs: list[Run] = []
    if bench.wanted("validate"):
        validate_runs, _ = bench.pair(size, "validate JSON", validate, loads, "json.loads", 3.0)
        yaml_cmd = [*c2, "validate", str(files.yaml)]
        bench.pair(size, "validate YAML", yaml_cmd, validate, v_name, 3.0)
        csv_cmd = [*c2, "validate", str(files.csv)]
        bench.pair(size, "validate YAML + units CSV", csv_cmd, validate, v_name)
    if bench.wanted("path"):
        target = _target_unit(files)
        command = [*c2, "path", str(files.json), target]
        bench.pair(size, "path (deepest unit)", command, validate, v_name, 1.5)
    if bench.wanted("bottlenecks"):
        command = [*c2, "bottlenecks", str(files.json)]
        bench.pair(size, "bottlenecks", command, validate, v_name, 2.0)
        kernels = [sys.executable, str(BARE), "kernels", str(files.json)]
        bench.pair(size, "bottlenecks (vs networkx kernels)", command, kernels, "bare kernels")
        compiled = [sys.executable, str(BARE), "kernels-rustworkx", str(files.json)]
        name = "bare kernels, rustworkx"
        bench.pair(size, "bottlenecks (vs rustworkx kernels)", command, compiled, name)
        sweep = [*command, "--remove-each", "kind:headquarters", "--quiet"]
        bench.pair(size, "bottlenecks --remove-each kind:headquarters", sweep, validate, v_name)
    if bench.wanted("compare"):
        command = [*c2, "compare", str(files.json), str(files.variant)]
        mine, theirs = bench.pair(size, "compare, all phases", command, validate, v_name, 5.0)
        bench.add(_memory_row(size, "compare peak memory (MB)", mine, theirs, v_name, 3.0))
        # Every finding of every phase, whole (no target: the heaviest output there is).
        whole = [*command, "--json"]
        mine, theirs = bench.pair(size, "compare --json, all phases", whole, validate, v_name)
        bench.add(_memory_row(size, "compare --json peak memory (MB)", mine, theirs, v_name))
    if bench.wanted("report"):
        out = bench.work / f"report-{size}"
        command = [*c2, "report", str(files.json), "-o", str(out), "--force"]
        bench.pair(size, "report", command, validate, v_name, 10.0)
    if bench.wanted("draw") and size >= 10_000:
        measure_draw(bench, files, validate)
    if bench.wanted("memory"):
        for row in measure_memory(files):
            bench.add(row)
    del validate_runs


#: The whole ``draw`` of a large model's default overview must take at most this (issue 18).
DRAW_LIMIT = 5.0


def measure_draw(bench: Bench, files: Files, validate: list[str]) -> None:
    """``c2graph draw`` of the default overview (SVG, a whole process) against
    ``validate`` of the same file (loading it, which the draw includes) and against
    Graphviz's ``dot -Tsvg`` drawing the same overview's DOT text alone, with the 5 s
    limit of issue 18 in the note."""
    c2 = c2graph_command()
    size = files.size
    svg = bench.work / f"draw-{size}.svg"
    command = [*c2, "draw", str(files.json), "-o", str(svg)]
    bench.pair(size, "draw (default overview), SVG", command, validate, "c2graph validate (JSON)")
    _limit_note(bench.rows[-1])
    dot = shutil.which("dot")
    if dot is None:
        return
    source = bench.work / f"draw-{size}.dot"
    written = [*c2, "draw", str(files.json), "-o", str(source)]
    subprocess.run(written, check=True, capture_output=True)
    graphviz = [dot, "-Tsvg", str(source), "-o", os.devnull]
    name = "dot -Tsvg of the same overview's DOT"
    bench.pair(size, "draw (default overview) vs dot -Tsvg", command, graphviz, name)
    _limit_note(bench.rows[-1])


def _limit_note(row: Row) -> None:
    """Say in the row's note whether the draw took at most :data:`DRAW_LIMIT`."""
    if row.seconds is not None:
        verdict = "ok" if row.seconds <= DRAW_LIMIT else "MISSED"
        row.note = f"whole process at most {DRAW_LIMIT:g} s: {verdict}"


def _memory_row(
    size: int,
    measure: str,
    mine: list[Run],
    theirs: list[Run],
    name: str,
    target: float | None = None,
) -> Row:
    return Row(
        size,
        measure,
        _peak(mine),
        _peak(theirs),
        f"peak of {name} (MB)",
        target,
        unit="MB",
    )


#: Run in a fresh process: the bytes a loaded model holds, then after the bottleneck
#: report of its first phase (its caches included), as ``loaded after``.
_HELD = """
import gc, sys, tracemalloc
from c2graph import load_model
from c2graph.analysis import bottleneck_report
import c2graph.modelfile
gc.collect(); tracemalloc.start()
model = load_model(sys.argv[1]); gc.collect()
loaded = tracemalloc.get_traced_memory()[0]
bottleneck_report(model, phase=model.phases[0].id); gc.collect()
print(loaded, tracemalloc.get_traced_memory()[0])
"""


def measure_memory(files: Files) -> list[Row]:
    """Bytes held by the loaded model, and after its analyses, against a bare graph."""
    ours = subprocess.run(
        [sys.executable, "-c", _HELD, str(files.json)], capture_output=True, text=True, check=True
    )
    loaded, analysed = (int(x) / 1e6 for x in ours.stdout.split())
    bare = subprocess.run(
        [sys.executable, str(BARE), "memory", str(files.json)],
        capture_output=True,
        text=True,
        check=True,
    )
    floor = int(bare.stdout) / 1e6
    name = "bare MultiDiGraph, same attributes (MB)"
    return [
        Row(files.size, "memory of the loaded model (MB)", loaded, floor, name, 1.5, unit="MB"),
        Row(
            files.size,
            "memory after the bottleneck report (MB)",
            analysed,
            floor,
            name,
            note="the model and every cache of its first phase",
            unit="MB",
        ),
    ]


# ------------------------------------------------------------------ output


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def print_table(rows: list[Row]) -> None:
    header = f"{'N':>7}  {'measure':<40} {'c2graph':>10} {'baseline':>10} {'ratio':>7}  target"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        size = f"{row.size:,}" if row.size else "-"
        note = f"  ({row.note})" if row.note else ""
        print(
            f"{size:>7}  {row.measure:<40} {_fmt(row.seconds, row.unit):>10} "
            f"{_fmt(row.baseline, row.unit):>10} {ratio:>7}  {row.verdict()}{note}"
        )
        if row.baseline_name:
            print(f"{'':>9}{'':<40} baseline: {row.baseline_name}")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


GROUPS = ("startup", "validate", "path", "bottlenecks", "compare", "report", "draw", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated unit counts")
    parser.add_argument(
        "--repeat", type=int, default=3, help="paired rounds per figure (default 3)"
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before a run is stopped (300)"
    )
    parser.add_argument(
        "--only", default="", metavar="GROUPS", help="run only these: " + ", ".join(GROUPS)
    )
    parser.add_argument("--json", metavar="PATH", help="where to write the results as JSON")
    args = parser.parse_args(argv)
    only = {g for g in args.only.split(",") if g}
    if only - set(GROUPS):
        parser.error(f"unknown group(s) {', '.join(sorted(only - set(GROUPS)))}")
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s]
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="c2graph-bench-") as tmp:
        _use_bytecode()
        bench = Bench(args.repeat, args.timeout, only, Path(tmp))
        if bench.wanted("startup"):
            measure_startup(bench)
        for size in sizes:
            measure_size(bench, write_models(size, Path(tmp)))
    print_table(bench.rows)
    print(f"\nload average before: {load_before}; after: {_load()} ({os.cpu_count()} cores)")
    out = Path(args.json) if args.json else RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    _write_results(out, sizes, bench.rows, load_before)
    print(f"results written to {out}")
    return 0


def _use_bytecode() -> None:
    """Let every process run from compiled bytecode, as an installed c2graph does.

    An environment that forbids writing bytecode (``PYTHONDONTWRITEBYTECODE``) would make
    each process compile c2graph's sources anew while its baselines run from the files pip
    compiled when it installed them; c2graph is compiled once here, untimed, into its
    ``__pycache__`` directories (which git ignores).
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "c2graph")], check=True)


def _write_results(out: Path, sizes: list[int], rows: list[Row], load: str) -> None:
    result = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_before": load,
        "sizes": sizes,
        "rows": [row.to_dict() for row in rows],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
