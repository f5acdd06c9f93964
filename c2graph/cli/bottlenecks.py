"""``c2graph bottlenecks MODEL``: single points of failure, cuts, spans and hierarchy.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["bottlenecks", "models/us-rok-cfc.yaml", "--remove", "al-cfc"])  # doctest: +ELLIPSIS
bottlenecks of US–ROK Combined Forces Command (comparator) in phase 'armistice'
top authorities: kr-president, us-president
...
without al-cfc, these forces lose every chain of command: none
0
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import add_json, add_model, add_phase, emit_json, load, phase_or_first

HELP = (
    "find single points of failure, cut nodes, the cut between nations, spans of control, "
    "counterpart mismatches, distance gaps and Krackhardt's hierarchy measures"
)


#: Shown in --help; the library's DEFAULT_SPAN_THRESHOLD applies when the option is absent
#: (a test keeps the two equal without importing the analyses at start-up).
_DEFAULT_SPAN = 6


def _non_negative(text: str) -> int:
    """Parse a whole number of at least 0, or refuse the argument."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--phase``, ``--remove``, ``--span-threshold``, ``--betweenness``, ``--json``.

    Parameters
    ----------
    parser
        Gains the model, phase and what-if options of ``c2graph bottlenecks``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--span-threshold", "4"])
    >>> args.span_threshold, args.remove, args.betweenness
    (4, None, False)
    """
    add_model(parser)
    add_phase(parser)
    parser.add_argument(
        "--remove",
        metavar="NODE",
        help="what-if: list the forces that lose every chain without NODE",
    )
    parser.add_argument(
        "--span-threshold",
        metavar="N",
        type=_non_negative,
        help=f"flag spans of control above N (default {_DEFAULT_SPAN})",
    )
    parser.add_argument(
        "--betweenness",
        action="store_true",
        help="add betweenness centrality (sampled on large models)",
    )
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the bottleneck report of one phase, as a table or JSON.

    Parameters
    ----------
    args
        ``model``, ``phase``, ``remove``, ``span_threshold`` (None: the library's
        default), ``betweenness`` and ``json``.

    Returns
    -------
    int
        0, once the report is printed (a node of ``--remove`` or a phase the model lacks
        is a :class:`~c2graph.errors.QueryError`).

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", phase="wartime",
    ...     remove=None, span_threshold=None, betweenness=True, json=False)
    >>> run(args)  # doctest: +ELLIPSIS
    bottlenecks of US–ROK Combined Forces Command (comparator) in phase 'wartime'
    ...
    betweenness (whole structure):
    ...
    0
    """
    from ..analysis import bottleneck_report
    from ..analysis.frictions import DEFAULT_SPAN_THRESHOLD

    model = load(args.model)
    phase = phase_or_first(model, args.phase)
    threshold = DEFAULT_SPAN_THRESHOLD if args.span_threshold is None else args.span_threshold
    report = bottleneck_report(
        model,
        phase=phase,
        remove=args.remove,
        span_threshold=threshold,
        with_betweenness=args.betweenness,
    )
    data = report.to_dict()
    if args.json:
        emit_json(data)
        return 0
    sys.stdout.write("\n".join(_table(model.name, data)) + "\n")
    return 0


def _table(name: str, data: dict[str, Any]) -> list[str]:
    lines = [
        f"bottlenecks of {name} in phase {data['phase']!r}",
        f"top authorities: {', '.join(data['tops']) or 'none'}",
        "",
        "single points of failure (forces whose every chain passes the node):",
    ]
    lines += [
        f"  {d['node']:<20} {len(d['units']):>4}  {', '.join(d['units'])}"
        for d in data["dominators"]
    ] or ["  none"]
    lines += ["", f"cut nodes (authority + coordination): {', '.join(data['cut_nodes']) or 'none'}"]
    for cut in data["nation_cut"]:
        lines += _nation_cut(cut)
    lines += _span(data["span_of_control"])
    lines += ["", "counterpart mismatches (one side commands forces, the other none):"]
    lines += [
        f"  {m['a']} ({m['a_authority']}) —{m['relation']}— {m['b']} ({m['b_authority']})"
        for m in data["counterpart_mismatches"]
    ] or ["  none"]
    lines += ["", "distance and time-zone gaps:"]
    lines += [
        f"  {g['a']} —{g['relation']}— {g['b']}: {g['km']:.0f} km, {g['hours']:g} h"
        for g in data["distance_gaps"]
    ] or ["  none"]
    lines += ["", "Krackhardt hierarchy (authority links; 1 = pure chain of command):"]
    lines += [
        f"  {key:<14} {'n/a' if value is None else f'{value:.3f}'}"
        for key, value in data["hierarchy"].items()
    ]
    return lines + _options(data)


def _nation_cut(cut: dict[str, Any]) -> list[str]:
    """The cut between two nations, and what each bridge node leaves connected."""
    a, b = cut["nations"]
    lines = [
        "",
        f"cut between {a} and {b}: {cut['connectivity']} node(s) "
        f"[{', '.join(cut['node_cut']) or 'already apart'}], "
        f"{cut['link_connectivity']} link(s) [{', '.join(cut['link_cut'])}]",
    ]
    return lines + [
        f"  without {br['node']}: {br['connectivity_without']} node-disjoint connection(s) left"
        for br in cut["bridges"]
    ]


def _span(span: dict[str, Any]) -> list[str]:
    """The average span of control, the nodes over the threshold, and the ten widest."""
    average = "n/a" if span["average"] is None else f"{span['average']:.2f}"
    lines = [
        "",
        f"span of control: average {average} (ORA); above {span['threshold']}: "
        f"{', '.join(span['over']) or 'none'}",
    ]
    return lines + [f"  {s['node']:<20} {s['span']:>4}" for s in span["spans"][:10]]


def _options(data: dict[str, Any]) -> list[str]:
    """What ``--remove`` and ``--betweenness`` add, when given."""
    lines = []
    removal = data["removal"]
    if removal is not None:
        lines += [
            "",
            f"without {removal['node']}, these forces lose every chain of command: "
            f"{', '.join(removal['units']) or 'none'}",
        ]
    if data["betweenness"] is not None:
        lines += ["", "betweenness (whole structure):"]
        lines += [f"  {c['node']:<20} {c['score']:.3f}" for c in data["betweenness"][:10]]
    return lines
