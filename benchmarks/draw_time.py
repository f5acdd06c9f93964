"""Time a whole ``c2graph draw`` process against the same Graphviz drawing its DOT alone.

Both sides are whole processes run from the shell, so both pay for starting up: ``c2graph
draw MODEL --phase P -o chart.svg`` (Python, imports, loading the model, scene, layout,
routes, DOT, Graphviz, hover texts, the atomic write) against the Graphviz c2graph uses
drawing the DOT text that command writes for ``-o chart.dot``: a system ``dot -Tsvg`` when
it is the engine, else a bare Python process that imports pygraphviz and draws the file
with the same bundled Graphviz 14 (the wheel has no ``dot`` program). Runs are paired (one
of each, in turn) and the medians compared, of the seconds they take and of the CPU
seconds they use (which a machine shared with other work changes least).

The draw's own stages are timed in this process too, to show where the time goes, with
the in-process ratio of the whole draw (scene to titled SVG) to Graphviz alone on the
same DOT. The floors are in CPU seconds: a process that only starts Python, one that also
imports every module a ``c2graph draw`` process imports (listed by running one) and does
nothing else, that one compiling every module, and one that imports pygraphviz (what the
engine alone starts with). The last line says whether the draws meet issue 14's target
(at most :data:`TARGET` times the engine alone) and the least CPU ratio a draw's imports
alone leave. Every process runs with Python's bytecode cache on, as an installed c2graph
does (pip compiles a wheel's modules; an editable install caches them on first import),
even when the calling environment turns it off with ``PYTHONDONTWRITEBYTECODE``.

Usage::

    python benchmarks/draw_time.py [--models models] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from c2graph import load_model  # noqa: E402
from c2graph.render.chart import build_chart  # noqa: E402
from c2graph.render.dot import chart_dot, svg_titles  # noqa: E402
from c2graph.render.engine import graphviz_engine, render_graphviz  # noqa: E402
from c2graph.render.scene import build_scene  # noqa: E402
from c2graph.render.svgtitle import retitle  # noqa: E402

#: The most a whole draw may take, in times the engine alone on the same DOT (issue 14).
TARGET = 1.5
_RENDER = (
    "import sys, pygraphviz; g = pygraphviz.AGraph(sys.argv[1]); "
    "g.draw(sys.argv[2], format='svg', prog=g.graph_attr.get('layout') or 'dot')"
)


@dataclass(frozen=True)
class DrawTime:
    """Medians (seconds) of a whole draw process, of the engine drawing its DOT alone,
    and of their paired ratio; the draw's stages timed in this process; the paired ratio
    of the two processes' CPU time (user and system: what a machine others share changes
    least)."""

    model: str
    draw: float
    engine: float
    ratio: float
    stages: dict[str, float]
    cpu_ratio: float = 0.0
    engine_cpu: float = 0.0

    @property
    def in_process(self) -> float:
        """The draw in this process (scene to titled SVG) over Graphviz on its DOT."""
        drawn = sum(v for k, v in self.stages.items() if k != "load")
        return drawn / self.stages["Graphviz"]


#: The environment of the timed processes: the bytecode cache on.
_CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _c2graph() -> list[str]:
    script = Path(sys.executable).parent / "c2graph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "c2graph"]


def engine_command(dot: Path, svg: Path) -> list[str]:
    """The command that draws ``dot`` into ``svg`` with the Graphviz c2graph uses."""
    engine = graphviz_engine()
    if engine is not None and engine.program is not None:
        return [engine.program, "-Tsvg", str(dot), "-o", str(svg)]
    return [sys.executable, "-c", _RENDER, str(dot), str(svg)]


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds a process takes, and the CPU seconds (user and system) it uses."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env or _CACHED)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def stages(model_path: Path, phase: str, repeat: int) -> dict[str, float]:
    """Median seconds of each stage of a draw, in this process (imports already done)."""
    found: dict[str, list[float]] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        model = load_model(model_path)
        loaded = time.perf_counter()
        scene = build_scene(model, phase=phase)
        built = time.perf_counter()
        chart = build_chart(scene)
        charted = time.perf_counter()
        source = str(chart_dot(chart).to_string())
        written = time.perf_counter()
        svg = render_graphviz(source, "svg")
        rendered = time.perf_counter()
        retitle(svg, svg_titles(scene))
        drawn = time.perf_counter()
        for name, seconds in (
            ("load", loaded - start),
            ("scene", built - loaded),
            ("layout+routes", charted - built),
            ("DOT", written - charted),
            ("Graphviz", rendered - written),
            ("titles", drawn - rendered),
        ):
            found.setdefault(name, []).append(seconds)
    return {name: statistics.median(values) for name, values in found.items()}


def draw_time(model_path: Path, phase: str, repeat: int) -> DrawTime:
    """Paired runs of ``c2graph draw`` and of the engine alone on the same DOT."""
    with tempfile.TemporaryDirectory() as folder:
        dot, svg, out = Path(folder, "c.dot"), Path(folder, "e.svg"), Path(folder, "d.svg")
        draw = [*_c2graph(), "draw", str(model_path), "--phase", phase]
        subprocess.run([*draw, "-o", str(dot)], check=True, capture_output=True, env=_CACHED)
        pairs = [
            (_timed([*draw, "-o", str(out)]), _timed(engine_command(dot, svg)))
            for _ in range(repeat)
        ]
    return DrawTime(
        model_path.stem,
        statistics.median(a[0] for a, _ in pairs),
        statistics.median(b[0] for _, b in pairs),
        statistics.median(a[0] / b[0] for a, b in pairs),
        stages(model_path, phase, repeat),
        statistics.median(a[1] / b[1] for a, b in pairs),
        statistics.median(b[1] for _, b in pairs),
    )


#: A ``c2graph draw`` run in a process that then lists every module it imported, in the
#: order they came (on standard error).
_LISTING = (
    "import sys; from c2graph.cli.main import main; main(sys.argv[1:]); "
    "sys.stderr.write(' '.join(n for n in sys.modules if n != '__main__'))"
)
#: A process that imports the modules named on its command line, in order, and does
#: nothing else (a module that cannot be imported by name, such as the one SWIG makes
#: for its type table, came with the module that made it).
_IMPORTING = """
import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ImportError:
        pass
"""


def draw_modules(model_path: Path, phase: str) -> list[str]:
    """Every module a ``c2graph draw MODEL --phase P -o chart.svg`` process imports (the
    command line, the model file reader, the renderers, the engine and pygraphviz), in
    import order."""
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder, "chart.svg"))
        command = [sys.executable, "-c", _LISTING, "draw", str(model_path), "--phase", phase]
        done = subprocess.run([*command, "-o", out], check=True, capture_output=True, env=_CACHED)
    return done.stderr.decode().split()


def floor(repeat: int, modules: list[str] | None = None) -> dict[str, float]:
    """Median CPU seconds (user and system) of a process that only starts Python, of one
    that also imports every module a draw imports (``modules``, by default those of a
    draw of the first phase of ``models/us-rok-cfc.yaml``: no draw can take less), of that one
    compiling every module (no bytecode cache: an empty cache folder, nothing written),
    and of one that starts Python and imports pygraphviz (the engine alone's floor)."""
    if modules is None:
        model = ROOT / "models" / "us-rok-cfc.yaml"
        modules = draw_modules(model, load_model(model).phase_ids[0])
    importing = [sys.executable, "-c", _IMPORTING, *modules]
    with tempfile.TemporaryDirectory() as empty:
        compiling = _CACHED | {"PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        commands = {
            "python": ([sys.executable, "-c", "pass"], _CACHED),
            "python+draw imports": (importing, _CACHED),
            "python+draw imports compiling": (importing, compiling),
            "python+pygraphviz": ([sys.executable, "-c", "import pygraphviz"], _CACHED),
        }
        return {
            name: statistics.median(_timed(command, env)[1] for _ in range(repeat))
            for name, (command, env) in commands.items()
        }


def report(times: list[DrawTime], floors: dict[str, float] | None = None) -> str:
    """One line per model: the medians, the ratios and the stages; then the floor."""
    engine = graphviz_engine()
    lines = [
        f"engine: {engine.describe() if engine else 'none'}; "
        f"engine alone = {' '.join(engine_command(Path('chart.dot'), Path('chart.svg'))[:2])} ...",
        f"{'model':28} {'draw s':>7} {'engine s':>9} {'ratio':>6} {'cpu':>5} {'in-proc':>7}  "
        "stages in-process (s)",
    ]
    for t in times:
        parts = " ".join(f"{k} {v:.3f}" for k, v in t.stages.items())
        figures = (
            f"{t.draw:7.3f} {t.engine:9.3f} {t.ratio:6.2f} {t.cpu_ratio:5.2f} {t.in_process:7.2f}"
        )
        lines.append(f"{t.model:28} {figures}  {parts}")
    if floors:
        lines.append("floor, CPU: " + ", ".join(f"{k} {v:.3f} s" for k, v in floors.items()))
    lines.append(verdict(times, floors))
    return "\n".join(lines)


def verdict(times: list[DrawTime], floors: dict[str, float] | None = None) -> str:
    """Whether every draw takes at most :data:`TARGET` times the engine alone (issue 14),
    by the seconds and by the CPU seconds; with the floors, the least CPU ratio a draw
    could reach: its imports alone against the slowest engine alone.

    >>> print(verdict([DrawTime("m", 0.3, 0.1, 3.0, {}, 2.5)]))
    MISSED draw <= 1.5 x the engine alone: 3.00 .. 3.00 (CPU 2.50 .. 2.50)
    """
    ratios = [t.ratio for t in times]
    cpu = [t.cpu_ratio for t in times]
    met = "met" if all(r <= TARGET for r in ratios + cpu) else "MISSED"
    text = (
        f"{met:6} draw <= {TARGET} x the engine alone: {min(ratios):.2f} .. {max(ratios):.2f} "
        f"(CPU {min(cpu):.2f} .. {max(cpu):.2f})"
    )
    engines = [t.engine_cpu for t in times if t.engine_cpu]
    if floors and "python+draw imports" in floors and engines:
        least = floors["python+draw imports"] / max(engines)
        text += f"; the draw's imports alone take {least:.2f} x the slowest engine alone (CPU)"
    return text


def main(argv: list[str] | None = None) -> int:
    """Time every model's first phase and print the figures."""
    parser = argparse.ArgumentParser(prog="python benchmarks/draw_time.py")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    paths = sorted(args.models.glob("*.yaml"))
    phases = [load_model(path).phase_ids[0] for path in paths]
    times = [draw_time(path, phase, args.repeat) for path, phase in zip(paths, phases, strict=True)]
    print(report(times, floor(args.repeat, draw_modules(paths[0], phases[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
