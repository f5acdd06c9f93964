"""Time a whole ``c2graph draw`` process against the same Graphviz drawing its DOT alone.

Both sides are whole processes run from the shell, so both pay for starting up: ``c2graph
draw MODEL --phase P -o chart.svg`` (Python, imports, loading the model, scene, layout,
routes, DOT, Graphviz, hover texts, the atomic write) against the Graphviz c2graph uses
drawing the DOT text that command writes for ``-o chart.dot``: a system ``dot -Tsvg`` when
it is the engine, else a bare Python process that imports pygraphviz and draws the file
with the same bundled Graphviz 14 (the wheel has no ``dot`` program). Runs are paired (one
of each, in turn) and the medians compared, of the seconds they take and of the CPU
seconds they use (which a machine shared with other work changes least); the draw's own
stages are timed in this
process too, to show where the time goes, with the in-process ratio of the whole draw
(scene to titled SVG) to Graphviz alone on the same DOT, and the floor Python sets: a
process that only starts Python, and one that also imports what ``c2graph draw`` loads
before it draws. Every process runs with Python's bytecode cache on, as an installed
c2graph does (pip compiles a wheel's modules; an editable install caches them on first
import), even when the calling environment turns it off with ``PYTHONDONTWRITEBYTECODE``;
the floor also shows what importing costs when every module must be compiled.

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


def _run(command: list[str], env: dict[str, str] | None = None) -> float:
    return _timed(command, env)[0]


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
    )


#: What ``c2graph draw`` imports before it reads the model (the command line, the model
#: file reader and the renderers).
_IMPORTS = "import c2graph.cli.main, c2graph.render.chart, c2graph.render.dot, c2graph.modelfile"


def floor(repeat: int) -> dict[str, float]:
    """Median seconds of a process that only starts Python, of one that imports what a
    draw needs (no draw can take less), and of that one compiling every module (no
    bytecode cache: an empty cache folder, nothing written)."""
    with tempfile.TemporaryDirectory() as empty:
        compiling = _CACHED | {"PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        return {
            "python": statistics.median(
                _run([sys.executable, "-c", "pass"]) for _ in range(repeat)
            ),
            "python+imports": statistics.median(
                _run([sys.executable, "-c", _IMPORTS]) for _ in range(repeat)
            ),
            "python+imports compiling": statistics.median(
                _run([sys.executable, "-c", _IMPORTS], compiling) for _ in range(repeat)
            ),
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
        lines.append("floor: " + ", ".join(f"{k} {v:.3f} s" for k, v in floors.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Time every model's first phase and print the figures."""
    parser = argparse.ArgumentParser(prog="python benchmarks/draw_time.py")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    times = [
        draw_time(path, load_model(path).phase_ids[0], args.repeat)
        for path in sorted(args.models.glob("*.yaml"))
    ]
    print(report(times, floor(args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
