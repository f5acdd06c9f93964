"""List every module a ``c2graph draw`` process imports, with the milliseconds each takes.

Runs ``python -X importtime -m c2graph draw MODEL --phase P -o chart.svg`` several times
(bytecode cache on, as an installed c2graph runs) and keeps, for each module, the least
time seen (what a machine shared with other work changes least): its own time and the
time with what it imports. Modules are listed in import order, indented under the module
that imported them; the totals say what each part of the draw pays: Python's start-up,
the standard library, each c2graph package and each third-party package.

A draw to SVG looks its Graphviz engine up in a thread (importing pygraphviz there) while
the main thread imports the renderers, so the times of modules imported meanwhile include
some of the other thread's; ``--format dot`` draws the DOT text only (no engine, no
thread) and times the imports alone.

Usage::

    python benchmarks/draw_imports.py [--model models/us-japan-2025.yaml] [--repeat 5]
        [--at-least 0.5] [--format svg|dot]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)")
_STDLIB = set(sys.stdlib_module_names)


@dataclass(frozen=True)
class Import:
    """One module: its name, its depth under the module that imported it, and the
    microseconds of its own import and of it with what it imports."""

    module: str
    depth: int
    own_us: int
    total_us: int


def parse_importtime(text: str) -> list[Import]:
    """The modules of ``-X importtime`` output, in the order they finished importing.

    >>> parse_importtime("import time: self [us] | cumulative | imported package\\n"
    ...                  "import time:       120 |        120 |   _io\\n"
    ...                  "import time:       300 |        420 | site\\n")
    [Import(module='_io', depth=1, own_us=120, total_us=120), \
Import(module='site', depth=0, own_us=300, total_us=420)]
    """
    found = []
    for line in text.splitlines():
        match = _LINE.match(line)
        if match:
            own, total, indent, module = match.groups()
            found.append(Import(module, len(indent) // 2, int(own), int(total)))
    return found


def owner(module: str) -> str:
    """Who a module belongs to: ``c2graph.<package>``, ``stdlib`` or the third-party
    package's name.

    >>> owner("c2graph.render.chart"), owner("c2graph.model"), owner("json.decoder")
    ('c2graph.render', 'c2graph', 'stdlib')
    >>> owner("yaml.reader")
    'yaml'
    """
    parts = module.split(".")
    if parts[0] == "c2graph":
        return ".".join(parts[:2]) if len(parts) > 2 else "c2graph"
    top = parts[0]
    return "stdlib" if top in _STDLIB or top.startswith("_") else top


def least_times(model: Path, phase: str | None, repeat: int, fmt: str = "svg") -> list[Import]:
    """Each module's least own and cumulative time over ``repeat`` draws to ``fmt``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-X", "importtime", "-m", "c2graph", "draw", str(model)]
        command += ["--phase", phase] if phase else []
        command += ["-o", str(Path(folder, f"chart.{fmt}"))]
        for _ in range(repeat + 1):  # the first run fills the bytecode cache
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            runs.append(parse_importtime(done.stderr))
    first, *rest = runs[1:] or runs
    least = {i.module: (i.own_us, i.total_us) for i in first}
    for run in rest:
        for i in run:
            own, total = least.get(i.module, (i.own_us, i.total_us))
            least[i.module] = (min(own, i.own_us), min(total, i.total_us))
    return [Import(i.module, i.depth, *least[i.module]) for i in first]


def report(imports: list[Import], at_least_ms: float) -> str:
    """The modules whose import takes at least ``at_least_ms`` with what they import,
    then the own time summed by owner."""
    lines = [f"{'own ms':>7} {'total ms':>8}  module (site: {sysconfig.get_paths()['purelib']})"]
    for i in imports:
        if i.total_us >= at_least_ms * 1000:
            own, total = i.own_us / 1000, i.total_us / 1000
            lines.append(f"{own:7.1f} {total:8.1f}  {'  ' * i.depth}{i.module}")
    sums: dict[str, int] = {}
    for i in imports:
        sums[owner(i.module)] = sums.get(owner(i.module), 0) + i.own_us
    lines.append(f"{len(imports)} modules, {sum(sums.values()) / 1000:.1f} ms in all; by owner:")
    for name, us in sorted(sums.items(), key=lambda kv: -kv[1]):
        lines.append(f"{us / 1000:7.1f}  {name}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the import times of one draw."""
    parser = argparse.ArgumentParser(prog="python benchmarks/draw_imports.py")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "us-japan-2025.yaml")
    parser.add_argument("--phase")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--at-least", type=float, default=0.5, metavar="MS")
    parser.add_argument("--format", choices=("svg", "dot"), default="svg")
    args = parser.parse_args(argv)
    imports = least_times(args.model, args.phase, args.repeat, args.format)
    print(report(imports, args.at_least))
    return 0


if __name__ == "__main__":
    sys.exit(main())
