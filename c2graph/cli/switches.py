"""``c2graph switches MODEL --from P1 --to P2``: what changes when the phase flips, in one
layer (operational by default) and then, labelled, in the other authority layers.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["switches", "models/us-rok-cfc.yaml", "--from", "armistice", "--to", "wartime"])
... # doctest: +ELLIPSIS
switch from 'armistice' to 'wartime', operational layer
<BLANKLINE>
decisions required by law, in dependency order:
  alliance rok-us-mc-recommendation: Military Committee recommendation to raise DEFCON to III
      consultation by al-mcm
      takes 1–12 h (assumption: no published timing)
      basis: CFC terms of reference: ...; for: phase wartime
  KR/US rok-us-defcon3: Both presidents approve DEFCON III (wartime OPCON to the CFC commander)
      approval by kr-president and us-president (jointly); after: rok-us-mc-recommendation
      takes 1–24 h (assumption: no published timing)
      basis: Wartime OPCON passes ...; for: phase wartime
<BLANKLINE>
links activated:
  al-cfc —opcon→ kr-forces   [operational]
  al-cfc —opcon→ us-kr-forces   [operational]
...
operational layer: authority gained:
  al-cfc: kr-forces (opcon; with the consent of kr-president, us-president), ...
...
0
"""

from __future__ import annotations

import argparse
from typing import Any

from ..vocabulary import AUTHORITY_RELATIONS
from ._common import Inputs, add_json, add_layer, add_model, emit_json
from ._terminal import write_lines

HELP = (
    "show what changes from one phase or scenario to another: the decisions the law requires, "
    "in order, with approvals; links, chains of command, authority gained and lost per layer"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--from``, ``--to`` (both required), ``--layer`` and ``--json``.

    Parameters
    ----------
    parser
        Gets the two phases of the switch as ``before`` and ``after``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--from", "peacetime", "--to", "armed-attack"])
    >>> args.before, args.after, args.layer
    ('peacetime', 'armed-attack', 'operational')
    """
    add_model(parser)
    parser.add_argument(
        "--from", dest="before", metavar="P1", required=True, help="phase before the switch"
    )
    parser.add_argument(
        "--to", dest="after", metavar="P2", required=True, help="phase after the switch"
    )
    add_layer(parser, authority_only=True)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print what changes from one phase to the other, as a table or JSON.

    Parameters
    ----------
    args
        ``model``, ``before`` and ``after`` (phase ids), ``layer`` and ``json``.

    Returns
    -------
    int
        0 whether or not anything changes.

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", before="wartime",
    ...     after="wartime", layer="operational", json=False)
    >>> run(args)  # doctest: +ELLIPSIS
    switch from 'wartime' to 'wartime', operational layer
    <BLANKLINE>
    decisions required by law, in dependency order:
      none
    <BLANKLINE>
    links activated:
      none
    ...
    0
    """
    from ..analysis import phase_switch

    model = Inputs(args).load(args.model)
    data = phase_switch(model, before=args.before, after=args.after, layer=args.layer).to_dict()
    if args.json:
        emit_json(data)
        return 0
    write_lines(_table(data))
    return 0


def _link(change: dict[str, Any]) -> str:
    basis = f"   ({change['basis']})" if change["basis"] else ""
    end = "→" if change["relation"] in AUTHORITY_RELATIONS else "—"
    return (
        f"  {change['from']} —{change['relation']}{end} {change['to']}   [{change['layer']}]{basis}"
    )


def basis_text(change: dict[str, Any]) -> str:
    """The legal basis of a link that changes record (``BasisChange.to_dict()``), before →
    after; a side without one reads ``no basis``.

    >>> basis_text({"before": {"basis": "Art. 7"}, "after": {"basis": None}})
    'Art. 7 → no basis'
    """
    before, after = (change[side]["basis"] or "no basis" for side in ("before", "after"))
    return f"{before} → {after}"


def _changed(change: dict[str, Any]) -> str:
    end = "→" if change["relation"] in AUTHORITY_RELATIONS else "—"
    return (
        f"  {change['from']} —{change['relation']}{end} {change['to']}   [{change['layer']}]"
        f"   ({basis_text(change)})"
    )


def _chains(chains: list[list[str]]) -> str:
    return "; ".join(" → ".join(chain) for chain in chains) or "no chain"


def _authority(change: dict[str, Any]) -> str:
    units = ", ".join(f"{u['node']} ({_held(u)})" for u in change["units"])
    return f"  {change['authority']}: {units}"


def _held(unit: dict[str, Any]) -> str:
    held = "/".join(unit["effective"])
    if unit["consent"]:
        return f"{held}; with the consent of {', '.join(unit['consent'])}"
    return held


def _layer_lines(change: dict[str, Any], label: str) -> list[str]:
    """Chains of command changed, authority gained and lost, in one layer."""
    lines = ["", f"{label}chains of command changed:"]
    for chain in change["chains_changed"]:
        lines += [
            f"  {chain['unit']}:",
            f"    before: {_chains(chain['before'])}",
            f"    after:  {_chains(chain['after'])}",
        ]
    if not change["chains_changed"]:
        lines.append("  none")
    for title, key in (("authority gained", "gained"), ("authority lost", "lost")):
        lines += ["", f"{label}{title}:"] + ([_authority(c) for c in change[key]] or ["  none"])
    return lines


def decision_lines(decision: dict[str, Any]) -> list[str]:
    """Return the lines describing one needed decision (``NeededDecision.to_dict()``).

    Examples
    --------
    >>> for line in decision_lines({"id": "d", "name": "Order", "kind": "order",
    ...         "nations": ["JP"], "deciders": ["pm"], "prerequisites": "plan",
    ...         "approvals": [{"by": "diet", "meaning": "before the decision takes effect"}],
    ...         "basis": "Art. 76", "needed_for": ["link a->b:command"], "duration": None}):
    ...     print(line)
      JP d: Order
          order by pm; after: plan
          approval by diet: before the decision takes effect
          basis: Art. 76; for: link a->b:command
    """
    who = " and ".join(decision["deciders"])
    jointly = " (jointly)" if len(decision["deciders"]) > 1 else ""
    after = f"; after: {decision['prerequisites']}" if decision["prerequisites"] else ""
    lines = [
        f"  {'/'.join(decision['nations'])} {decision['id']}: {decision['name']}",
        f"      {decision['kind'].replace('-', ' ')} by {who}{jointly}{after}",
    ]
    lines += [f"      approval by {a['by']}: {a['meaning']}" for a in decision["approvals"]]
    if decision["duration"]:
        lines.append(f"      takes {decision['duration']}")
    basis = f"basis: {decision['basis']}; " if decision["basis"] else ""
    lines.append(f"      {basis}for: {', '.join(decision['needed_for'])}")
    return lines


def _decisions(plan: dict[str, Any]) -> list[str]:
    lines = ["decisions required by law, in dependency order:"]
    lines += [line for d in plan["required"] for line in decision_lines(d)] or ["  none"]
    if plan["discretionary"]:
        lines += ["", "discretionary decisions (what needs them holds only if they are taken):"]
        lines += [line for d in plan["discretionary"] for line in decision_lines(d)]
    if plan["choices"]:
        lines += ["", "one of each of these is needed:"]
        lines += [
            f"  {c['requirement']}   for: {', '.join(c['needed_for'])}" for c in plan["choices"]
        ]
    if plan["ending"]:
        lines += ["", f"decisions ending: {', '.join(plan['ending'])}"]
    return lines


def _table(data: dict[str, Any]) -> list[str]:
    lines = [f"switch from {data['before']!r} to {data['after']!r}, {data['layer']} layer", ""]
    lines += _decisions(data["decisions"])
    for title, key in (("links activated", "activated"), ("links lapsed", "lapsed")):
        lines += ["", f"{title}:"] + ([_link(c) for c in data[key]] or ["  none"])
    if data["changed"]:
        lines += ["", "links changed (legal basis before → after):"]
        lines += [_changed(c) for c in data["changed"]]
    for title, key in (
        ("nodes activated", "nodes_activated"),
        ("nodes deactivated", "nodes_deactivated"),
    ):
        if data[key]:
            lines += ["", f"{title}: {', '.join(data[key])}"]
    lines += _layer_lines(data, f"{data['layer']} layer: ")
    for other in data["other_layers"]:
        lines += _layer_lines(other, f"{other['layer']} layer: ")
    return lines
