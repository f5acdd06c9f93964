"""``c2graph path MODEL TARGET``: the chains of one layer to a node in one phase, then the
other layers' chains, each labelled.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["path", "models/us-rok-cfc.yaml", "kr-forces", "--phase", "wartime"])
... # doctest: +NORMALIZE_WHITESPACE
operational chains to kr-forces (Designated ROK forces) in phase 'wartime':
  al-mcm —command→ al-cfc —opcon→ kr-forces   effective: opcon
    combined chain, rests on the consent of kr-president, us-president
<BLANKLINE>
other layers:
  administrative chain: kr-mnd —adcon→ kr-forces   effective: adcon
<BLANKLINE>
direct superiors of kr-forces (operational layer):
  al-cfc               opcon
<BLANKLINE>
warning: kr-forces (KR) has no national chain in this layer
0
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ..modelfile.parsing import gc_paused
from ..vocabulary import ALL_LAYERS, AUTHORITY_RELATIONS, LAYER_CHOICES, carries_authority
from ._common import (
    Inputs,
    add_json,
    add_layer,
    add_model,
    add_phase,
    emit_json,
    phase_or_first,
)
from ._terminal import write_lines

if TYPE_CHECKING:
    from ..analysis.pathrecords import AuthorityPath, Commanders, ForceScope, PathResult
    from ..model import Model

HELP = (
    "show every chain of one layer to a node (operational by default), its effective "
    "authority, whose consent a combined or foreign chain rests on, the other layers' "
    "chains and the direct commanders"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, TARGET, ``--from``, ``--phase``, ``--layer``, ``--via-coordination``, ``--json``.

    Parameters
    ----------
    parser
        The parser of ``c2graph path``; TARGET and ``--from`` are node ids.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "jp-gcc", "--from", "jp-pm"])
    >>> args.target, args.source, args.layer, args.via_coordination
    ('jp-gcc', 'jp-pm', 'operational', False)
    """
    add_model(parser)
    parser.add_argument("target", metavar="TARGET", help="node id the chains lead to")
    parser.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE",
        help="start chains at this node (default: every top authority)",
    )
    add_phase(parser)
    add_layer(parser)
    parser.add_argument(
        "--via-coordination",
        action="store_true",
        help="also show request routes over coordination links (no authority)",
    )
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print the chains of ``--layer`` to TARGET, the other layers' chains, and TARGET's
    direct superiors, or all of it as JSON.

    Parameters
    ----------
    args
        ``model``, ``target``, ``source`` (from ``--from``), ``phase``, ``layer``,
        ``via_coordination`` and ``json``.

    Returns
    -------
    int
        0. An unknown TARGET, ``--from`` node or phase raises
        :class:`~c2graph.errors.QueryError`, which :func:`~c2graph.cli.main.main` reports.

    Examples
    --------
    >>> args = argparse.Namespace(model="models/us-rok-cfc.yaml", target="kr-jcs",
    ...     source=None, phase=None, layer="operational", via_coordination=False, json=False)
    >>> run(args)
    operational chains to kr-jcs (ROK Joint Chiefs of Staff) in phase 'armistice':
      kr-president —command→ kr-mnd —command→ kr-jcs   effective: command
    <BLANKLINE>
    other layers:
      coordination link: kr-jcs —member— al-mcm
    <BLANKLINE>
    direct superiors of kr-jcs (operational layer):
      kr-mnd               command
    0
    """
    with gc_paused():  # one collection when the answer is out, not one per stage
        return _answer(args)


def _answer(args: argparse.Namespace) -> int:
    """Load the model, find the chains and print them (see :func:`run`)."""
    model = Inputs(args).load(args.model)
    phase = phase_or_first(model, args.phase)
    model, find = _finders(model, phase, args)
    result = find.chains(model, args.target, phase=phase, source=args.source, layer=args.layer)
    others = [
        find.paths(model, args.target, phase=phase, source=args.source, layer=layer)
        for layer in LAYER_CHOICES
        if layer not in (args.layer, ALL_LAYERS) and args.layer != ALL_LAYERS
    ]
    direct = (
        find.commanders(model, args.target, phase=phase, layer=args.layer)
        if carries_authority(args.layer)
        else None
    )
    if args.json:
        emit_json(
            result.to_dict()
            | {
                "active": phase in model.nodes[args.target].phases,
                "other_layers": [other.to_dict() for other in others if other.paths],
                "commanders": None if direct is None else direct.to_dict(),
            }
        )
        return 0
    lines = _main_lines(model, result, args)
    lines += _other_lines(others)
    if direct is not None:
        lines += ["", f"direct superiors of {args.target} ({args.layer} layer):"]
        lines += [_superior(s.to_dict()) for s in direct.superiors] or ["  none"]
        if direct.warning:
            lines += ["", f"warning: {direct.warning}"]
    lines += _warnings(model, args, phase, find)
    write_lines(lines)
    return 0


class _Finders(NamedTuple):
    """The analyses that answer: ``chains`` of the chosen layer (with the request routes
    when asked), ``paths`` of the other layers, the direct ``commanders`` and the force
    ``scope`` of the target."""

    chains: Callable[..., PathResult]
    paths: Callable[..., PathResult]
    commanders: Callable[..., Commanders]
    scope: Callable[..., tuple[ForceScope, ...]]


def _finders(model: Model, phase: str, args: argparse.Namespace) -> tuple[Model, _Finders]:
    """The model the answer is found on, and the analyses that find it.

    By default, the part of the model above TARGET (and ``--from``) in the phase
    (:func:`~c2graph.analysis.upward.upward_model`), asked of the analyses on plain dicts
    (:mod:`~c2graph.analysis.plainpaths`: the same answers, without importing networkx).
    For request routes, which go down and across, and with the reference kernels
    (``C2GRAPH_KERNELS=networkx``, :mod:`~c2graph.analysis.kernelchoice`), the whole model
    and the analyses on networkx graphs.
    """
    from ..analysis.kernelchoice import compiled

    if args.via_coordination or not compiled():
        from ..analysis import authority_paths, commanders

        chains = functools.partial(authority_paths, via_coordination=args.via_coordination)
        return model, _Finders(chains, authority_paths, commanders, _force_scope)
    from ..analysis.plainpaths import unit_commanders, unit_force_scope, unit_paths
    from ..analysis.upward import upward_model

    part = upward_model(model, phase, [args.target, *([args.source] if args.source else [])])
    return part, _Finders(unit_paths, unit_paths, unit_commanders, unit_force_scope)


def _force_scope(model: Model, unit: str, *, phase: str, layer: str) -> tuple[ForceScope, ...]:
    """The :func:`~c2graph.analysis.sovereignty.force_scopes` entry of ``unit``."""
    from ..analysis import force_scopes

    return force_scopes(model, phase=phase, layer=layer, unit=unit)


def _main_lines(model: Model, result: PathResult, args: argparse.Namespace) -> list[str]:
    """The chains (or links) of the chosen layer, then the request routes if asked."""
    target = model.nodes[args.target]
    origin = f" from {args.source}" if args.source else ""
    what = (
        "chains of authority, every layer,"
        if args.layer == ALL_LAYERS
        else (f"{args.layer} chains" if carries_authority(args.layer) else f"{args.layer} links")
    )
    to = "to" if carries_authority(args.layer) else "of"
    lines = [f"{what} {to} {target.id} ({target.name}){origin} in phase {result.phase!r}:"]
    found = [p for p in result.paths if p.kind != "coordination"]
    for path in found:
        arrows = path.kind == "authority"
        lines.append(f"  {_chain(path.nodes, path.relations, arrows=arrows)}{_effective(path)}")
        if path.scope in ("combined", "foreign"):
            consent = ", ".join(path.consent) or "no national head in this layer"
            lines.append(f"    {path.scope} chain, rests on the consent of {consent}")
    if not found:
        lines.append("  none")
    if args.via_coordination:
        routes = [p for p in result.paths if p.kind == "coordination"]
        lines += ["", "request routes over coordination links (no authority passes):"]
        lines += [f"  {_chain(p.nodes, p.relations, arrows=False)}" for p in routes] or ["  none"]
    return lines


def _other_lines(others: list[PathResult]) -> list[str]:
    """The other layers' chains and links, each labelled with its layer."""
    lines = [
        f"  {other.layer} {'chain' if p.kind == 'authority' else 'link'}: "
        f"{_chain(p.nodes, p.relations, arrows=p.kind == 'authority')}{_effective(p)}"
        for other in others
        for p in other.paths
    ]
    return ["", "other layers:", *lines] if lines else []


def _warnings(model: Model, args: argparse.Namespace, phase: str, find: _Finders) -> list[str]:
    """Warnings about the target's national and foreign chains in the chosen layer, or
    that the target is not active in the phase."""
    if phase not in model.nodes[args.target].phases:
        return ["", f"warning: {args.target} is not active in phase {phase!r}"]
    if not carries_authority(args.layer) or args.layer == ALL_LAYERS:
        return []
    found = [
        warning
        for force in find.scope(model, args.target, phase=phase, layer=args.layer)
        for warning in force.warnings
    ]
    return ["", *(f"warning: {w}" for w in found)] if found else []


def _effective(path: AuthorityPath) -> str:
    return f"   effective: {path.effective}" if path.kind == "authority" else ""


def _superior(superior: dict[str, Any]) -> str:
    through = (
        f" (passes on the authority of {', '.join(superior['holders'])})"
        if superior["holders"] != [superior["node"]]
        else ""
    )
    return f"  {superior['node']:<20} {superior['relation']}{through}"


def _chain(nodes: tuple[str, ...], relations: tuple[str, ...], *, arrows: bool = True) -> str:
    parts = [nodes[0]]
    for relation, node in zip(relations, nodes[1:], strict=True):
        link = f"—{relation}→" if arrows or relation in AUTHORITY_RELATIONS else f"—{relation}—"
        parts += [link, node]
    return " ".join(parts)
