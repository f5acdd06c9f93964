"""``c2graph bottlenecks MODEL``: single points of failure per national chain, what-if
removals of a node or a site, co-location, cuts, spans, counterparts and hierarchy.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["bottlenecks", "models/us-rok-cfc.yaml", "--remove", "al-cfc"])  # doctest: +ELLIPSIS
bottlenecks of US–ROK Combined Forces Command (comparator) in phase 'armistice', operational layer
top authorities: al-mcm, kr-president, us-president
...
without al-cfc, no force loses every chain of its family
0
"""

from __future__ import annotations

import argparse
import gc
from typing import Any

from ..modelfile.parsing import gc_paused
from ._common import (
    Inputs,
    add_jobs,
    add_json,
    add_layer,
    add_model,
    add_phase,
    emit_json,
    phase_or_first,
)
from ._progress import add_quiet
from ._terminal import write_lines

HELP = (
    "find single points of failure per national chain, what a node's or a site's loss cuts "
    "off, forces under combined or foreign chains, cut nodes, the nations' operational "
    "coordination channels, spans of control, counterparts, distance gaps and Krackhardt's "
    "hierarchy measures"
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
    """Add MODEL, ``--phase``, ``--layer``, ``--remove``, ``--remove-site``,
    ``--remove-each``, ``--jobs``, ``--span-threshold``, ``--betweenness``, ``--quiet`` and
    ``--json``.

    Parameters
    ----------
    parser
        Gains the model, phase and what-if options of ``c2graph bottlenecks``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--span-threshold", "4"])
    >>> args.span_threshold, args.remove, args.remove_site, args.layer, args.betweenness
    (4, None, None, 'operational', False)
    >>> args = parser.parse_args(["m.yaml", "--remove-each", "kind:headquarters", "--jobs", "2"])
    >>> args.remove_each, args.jobs
    ('kind:headquarters', 2)
    """
    add_model(parser)
    add_phase(parser)
    add_layer(parser, authority_only=True)
    parser.add_argument(
        "--remove",
        metavar="NODE",
        help="what-if: list the forces that lose every chain of their family without NODE",
    )
    parser.add_argument(
        "--remove-site",
        metavar="SITE",
        help="what-if: remove every node at the location SITE together (e.g. yokota)",
    )
    parser.add_argument(
        "--remove-each",
        metavar="SELECTOR",
        help="what-if sweep: remove each selected node alone and list what its loss changes; "
        "SELECTOR is node ids and kind:KIND items, comma-separated (e.g. "
        "kind:headquarters,jp-jso); replaces the report",
    )
    add_jobs(parser, "--remove-each")
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
    add_quiet(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the bottleneck report of one phase, as a table or JSON.

    Parameters
    ----------
    args
        ``model``, ``phase``, ``layer``, ``remove``, ``remove_site``, ``span_threshold``
        (None: the library's default), ``betweenness`` and ``json``.

    Returns
    -------
    int
        0, once the report is printed (a node of ``--remove``, a site of
        ``--remove-site`` or a phase the model lacks is a
        :class:`~c2graph.errors.QueryError`).

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", phase="wartime",
    ...     layer="operational", remove=None, remove_site=None, span_threshold=None,
    ...     betweenness=True, json=False)
    >>> run(args)  # doctest: +ELLIPSIS
    bottlenecks of US–ROK Combined Forces Command (comparator) in phase 'wartime', operational layer
    ...
    betweenness (whole structure):
    ...
    0
    """
    with gc_paused():  # no collection while the measures allocate millions of objects
        code = _report_lines(args)
        # The model, its phase graphs and the report are freed as _report_lines returns
        # (its locals held their last references: 0.06-0.12 s of CPU at 100,000 units,
        # the output already written). What the pause leaves alive (modules and their
        # caches) is frozen: the collector never scans it again when it is back on.
        gc.freeze()
    return code


def _report_lines(args: argparse.Namespace) -> int:
    """Load the model, compute the report and print it (see :func:`run`)."""
    from ..analysis import bottleneck_report
    from ..analysis.frictions import DEFAULT_SPAN_THRESHOLD

    model = Inputs(args).load(args.model)
    phase = phase_or_first(model, args.phase)
    if getattr(args, "remove_each", None) is not None:
        from ._sweep import sweep

        return sweep(args, model, phase)
    threshold = DEFAULT_SPAN_THRESHOLD if args.span_threshold is None else args.span_threshold
    report = bottleneck_report(
        model,
        phase=phase,
        layer=args.layer,
        remove=args.remove,
        remove_site=args.remove_site,
        span_threshold=threshold,
        with_betweenness=args.betweenness,
    )
    data = report.to_dict()
    if args.json:
        emit_json(data)
        return 0
    write_lines(_table(model.name, data))
    return 0


#: Names printed of one list, and lines of one family or section; longer ones are cut
#: with a count of what is left out, which ``--json`` lists in full.
SHOWN_NAMES = 20
SHOWN_LINES = 60


def _names(items: list[str], sep: str = ", ") -> str:
    """The items joined, at most :data:`SHOWN_NAMES` of them, then how many more.

    >>> _names([f"u{i}" for i in range(23)])[-46:]
    'u18, u19, … and 3 more (--json lists them all)'
    """
    if len(items) <= SHOWN_NAMES:
        return sep.join(items)
    more = len(items) - SHOWN_NAMES
    return f"{sep.join(items[:SHOWN_NAMES])}, … and {more:,} more (--json lists them all)"


def _cut(lines: list[str], what: str) -> list[str]:
    """The lines, at most :data:`SHOWN_LINES` of them, then how many more ``what``.

    >>> _cut([f"  n{i}" for i in range(62)], "nodes")[-1]
    '  … and 2 more nodes (--json lists them all)'
    """
    if len(lines) <= SHOWN_LINES:
        return lines
    more = len(lines) - SHOWN_LINES
    return [*lines[:SHOWN_LINES], f"  … and {more:,} more {what} (--json lists them all)"]


def _table(name: str, data: dict[str, Any]) -> list[str]:
    layer = data["layer"]
    lines = [
        f"bottlenecks of {name} in phase {data['phase']!r}, {layer} layer",
        f"top authorities: {', '.join(data['tops']) or 'none'}",
        "",
        "single points of failure per family of chains (forces whose every chain of that "
        "family passes the node):",
    ]
    lines += _dominators(data["dominators"])
    lines += _forces(data["forces"])
    lines += ["", f"cut nodes (every link): {_names(data['cut_nodes']) or 'none'}"]
    for cut in data["nation_cut"]:
        lines += _nation_cut(cut)
    lines += _sites(data["co_location"])
    lines += _span(data["span_of_control"], layer)
    lines += [
        "",
        "counterpart mismatches (operational layer; the sides' roles differ: one commands "
        "forces, the other passes orders or holds none, or one passes orders, the other "
        "holds none):",
    ]
    lines += _cut([_pair(m) for m in data["counterpart_mismatches"]], "mismatches") or ["  none"]
    lines += ["", "distance, clock offset and shared office hours (links between sites):"]
    lines += _cut([_gap(g) for g in data["distance_gaps"]], "links") or ["  none"]
    lines += _hierarchy(data["hierarchy"])
    return lines + _options(data)


def _dominators(found: list[dict[str, Any]]) -> list[str]:
    """The single points of failure, family by family."""
    lines: list[str] = []
    for chains in dict.fromkeys(d["chains"] for d in found):
        label = "combined chains" if chains == "combined" else f"{chains} national chains"
        lines.append(f"  {label}:")
        rows = [
            f"    {d['node']:<20} {len(d['units']):>4}  {_names(d['units'])}"
            for d in found
            if d["chains"] == chains
        ]
        lines += _cut(rows, "nodes")
    return lines or ["  none"]


def _forces(forces: list[dict[str, Any]]) -> list[str]:
    """National forces under a combined or foreign chain, or without a national one."""
    if not forces:
        return []
    lines = ["", "national forces under combined or foreign chains:"]
    for force in forces:
        national = "; ".join(" → ".join(c) for c in force["national"]) or "none"
        lines.append(f"  {force['unit']} ({force['nation']}): national chains: {national}")
        lines += [
            f"    {c['scope']}: {' → '.join(c['nodes'])} (rests on the consent of "
            f"{', '.join(c['consent']) or 'no national head'})"
            for c in force["shared"]
        ]
        lines += [f"    warning: {w}" for w in force["warnings"]]
    return lines


def _pair(pair: dict[str, Any]) -> str:
    def side(s: dict[str, Any]) -> str:
        count = len(s["forces"])
        return (
            f"{s['node']} ({s['authority']}, {count} force{'s' * (count != 1)}, "
            f"{s['location'] or 'no site'})"
        )

    return f"  {side(pair['a'])} —{', '.join(pair['relations'])}— {side(pair['b'])}"


def _sites(sites: list[dict[str, Any]]) -> list[str]:
    """The sites whose loss cuts forces elsewhere off."""
    lines = ["", "co-location (sites whose loss cuts forces elsewhere off):"]
    for site in sites:
        lost = "; ".join(f"{c['chains']} chains: {_names(c['units'])}" for c in site["cut_off"])
        count = len(site["nodes"])
        nodes = _names(site["nodes"])
        lines.append(f"  {site['site']} ({count} node{'s' * (count != 1)}: {nodes})")
        lines.append(f"    cuts off {lost}")
    return lines if sites else [*lines, "  none"]


def _hierarchy(report: dict[str, Any]) -> list[str]:
    """Krackhardt's four measures, all nations then each, and what they mean here."""
    names = ("connectedness", "hierarchy", "efficiency", "lubness")
    lines = [
        "",
        f"Krackhardt hierarchy ({report['layer']} layer; 1 = pure chain of command; "
        "efficiency as R sna computes it):",
        f"  {'':<14}" + "".join(f"{n:>15}" for n in names),
    ]
    for row in report["rows"]:
        values = "".join(f"{'n/a' if row[n] is None else format(row[n], '.3f'):>15}" for n in names)
        lines.append(f"  {row['nation']:<14}{values}")
    for i, row in enumerate(report["rows"]):
        # Every reading of all nations; of each nation, those of the measures below 1.
        shown = [
            f"    {n}: {text}"
            for n, text in row["readings"].items()
            if i == 0 or (row.get(n) is not None and row[n] < 1)
        ]
        lines += [f"  {row['nation']}:", *shown] if shown else []
    return lines


def _nation_cut(cut: dict[str, Any]) -> list[str]:
    """The cut of two nations' operational channels, each bridge, and the forums apart."""
    a, b = cut["nations"]
    lines = [
        "",
        f"operational coordination channels between {a} and {b} "
        f"({' and '.join(cut['layers'])} layers, political nodes aside): "
        f"{cut['connectivity']} node(s) [{', '.join(cut['node_cut']) or 'already apart'}], "
        f"{cut['link_connectivity']} link(s) [{', '.join(cut['link_cut'])}]",
    ]
    lines += [
        f"  without {br['node']}: {br['connectivity_without']} node-disjoint channel(s) left"
        for br in cut["bridges"]
    ]
    forums = ", ".join(cut["forums"]) or "none"
    political = ", ".join(cut["political_links"]) or "none"
    lines.append(
        f"  political forums (listed, not counted): {forums}; political links: {political}"
    )
    return lines


def _span(span: dict[str, Any], layer: str) -> list[str]:
    """The average span of control, the nodes over the threshold, and the ten widest."""
    average = "n/a" if span["average"] is None else f"{span['average']:.2f}"
    lines = [
        "",
        f"span of control ({layer} layer): average {average} (ORA); above {span['threshold']}: "
        f"{_names(span['over']) or 'none'}",
    ]
    return lines + [f"  {s['node']:<20} {s['span']:>4}" for s in span["spans"][:10]]


def _options(data: dict[str, Any]) -> list[str]:
    """What ``--remove``, ``--remove-site`` and ``--betweenness`` add, when given."""
    lines = []
    removal = data["removal"]
    if removal is not None:
        what = (
            f"site {removal['site']} ({', '.join(removal['nodes']) or 'no node active'})"
            if removal["site"]
            else ", ".join(removal["nodes"])
        )
        lost = "; ".join(f"{c['chains']} chains: {_names(c['units'])}" for c in removal["cut_off"])
        lines.append("")
        lines.append(
            f"without {what}, these forces lose every chain of their family: {lost}"
            if lost
            else f"without {what}, no force loses every chain of its family"
        )
    if data["betweenness"] is not None:
        lines += ["", "betweenness (whole structure):"]
        lines += [f"  {c['node']:<20} {c['score']:.3f}" for c in data["betweenness"][:10]]
    return lines


def _gap(gap: dict[str, Any]) -> str:
    """One line of the gap list: distance, clock offset (date line) and shared hours.

    >>> _gap({"a": "jjoc", "b": "pacom", "relation": "counterpart", "km": 6194.0,
    ...       "clock_offset": 5.0, "date_line": True, "shared_hours": 12.0})
    '  jjoc —counterpart— pacom: 6194 km, clock +5 h across the date line, 12 h a week shared'
    """
    line = f"  {gap['a']} —{gap['relation']}— {gap['b']}: {gap['km']:.0f} km"
    line += f", clock {gap['clock_offset']:+g} h"
    if gap["date_line"]:
        line += " across the date line"
    if gap["shared_hours"] is not None:
        line += f", {gap['shared_hours']:g} h a week shared"
    return line
