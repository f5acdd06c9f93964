"""``c2graph bottlenecks MODEL --remove-each SELECTOR``: the what-if sweep, as text or JSON.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["bottlenecks", "models/us-rok-cfc.yaml", "--phase", "wartime",
...       "--remove-each", "al-cfc", "--jobs", "1"])  # doctest: +NORMALIZE_WHITESPACE
what-if removals of US–ROK Combined Forces Command (comparator) in phase 'wartime',
  operational layer: 1 node, each removed alone, most forces cut off first
<BLANKLINE>
without al-cfc (headquarters):
  cut off from combined chains: kr-forces, us-kr-forces
  left without any chain of the layer: kr-forces
  no longer a single point of failure (every force it held is cut off):
    al-mcm               combined chains    3
0
"""

from __future__ import annotations

import argparse
from typing import Any

from ..model import Model
from ._common import emit_json, jobs_of
from ._progress import progress_for
from ._terminal import write_lines


def sweep(args: argparse.Namespace, model: Model, phase: str) -> int:
    """Run the sweep of ``args.remove_each`` in ``phase`` and print it.

    Parameters
    ----------
    args
        ``remove_each``, ``layer``, ``jobs`` (None: the machine's cores), ``quiet``,
        ``json``; ``remove``, ``remove_site`` and ``betweenness`` must be unset.
    model
        The loaded model.
    phase
        The phase to sweep.

    Returns
    -------
    int
        0 once printed (a bad selector, or ``--remove-each`` with another what-if, is a
        :class:`~c2graph.errors.QueryError`).

    Examples
    --------
    >>> from c2graph import load_model
    >>> args = argparse.Namespace(remove_each="us-usfk", layer="operational", jobs=1,
    ...     quiet=True, json=True, remove=None, remove_site=None, betweenness=False)
    >>> sweep(args, load_model("models/us-rok-cfc.yaml"), "armistice")  # doctest: +ELLIPSIS
    {
      "phase": "armistice",
      "layer": "operational",
      "nodes": [
        "us-usfk"
      ],
      "removals": [
    ...
    0
    """
    from ..analysis.whatif import removal_sweep, select_nodes
    from ..errors import QueryError

    clash = [
        f"--{name.replace('_', '-')}"
        for name in ("remove", "remove_site", "betweenness")
        if getattr(args, name, None)
    ]
    if clash:
        raise QueryError(
            f"--remove-each replaces the report: give {' and '.join(clash)} in a run of its own"
        )
    nodes = select_nodes(model, args.remove_each, phase=phase)
    found = removal_sweep(
        model, nodes, phase=phase, layer=args.layer, jobs=jobs_of(args), progress=progress_for(args)
    )
    data = {
        "phase": phase,
        "layer": str(args.layer),
        "nodes": list(nodes),
        "removals": [r.to_dict() for r in found],
    }
    if args.json:
        emit_json(data)
    else:
        write_lines(_text(model.name, data))
    return 0


def _text(name: str, data: dict[str, Any]) -> list[str]:
    """The sweep as lines: a heading, then one block per removed node."""
    count = len(data["nodes"])
    lines = [
        f"what-if removals of {name} in phase {data['phase']!r}, {data['layer']} layer: "
        f"{count} node{'s' * (count != 1)}, each removed alone, most forces cut off first"
    ]
    for removal in data["removals"]:
        lines += ["", *_block(removal)]
    return lines


def _block(removal: dict[str, Any]) -> list[str]:
    """What one removal changes; lists cut with a count as the report's are."""
    from .bottlenecks import _cut, _names

    lines = [f"without {removal['node']} ({removal['kind']}):"]
    lines += [
        f"  cut off from {_family(c['chains'])}: {_names(c['units'])}" for c in removal["cut_off"]
    ] or ["  no force loses every chain of its family"]
    if removal["stranded"]:
        lines.append(f"  left without any chain of the layer: {_names(removal['stranded'])}")
    for key, heading in (
        ("appeared", "new single points of failure (the forces that now depend on each):"),
        ("disappeared", "no longer a single point of failure (every force it held is cut off):"),
    ):
        rows = [
            f"    {d['node']:<20} {_family(d['chains']):<18} {len(d['units']):>4}"
            + (f"  {_names(d['units'])}" if key == "appeared" else "")
            for d in removal[key]
        ]
        lines += [f"  {heading}", *_cut(rows, "nodes")] if rows else []
    return lines


def _family(chains: str) -> str:
    """How a family of chains is named in the text.

    >>> _family("combined"), _family("JP")
    ('combined chains', 'JP national chains')
    """
    return "combined chains" if chains == "combined" else f"{chains} national chains"
