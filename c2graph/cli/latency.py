"""``c2graph latency MODEL --to S2 [--from S1] [--start TIME] [--target NODE]``: how long
authority takes to arrive.

Example
-------
>>> from c2graph.cli.main import main
>>> main(["latency", "models/us-rok-cfc.yaml", "--to", "wartime"])  # doctest: +ELLIPSIS
latency from 'armistice' to 'wartime'
no start given: elapsed decision time only; office hours and watches not applied
...
0
"""

from __future__ import annotations

import argparse
import re
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import QueryError
from ._common import Inputs, add_json, add_model, emit_json
from ._terminal import write_lines

HELP = (
    "estimate when the links a change of phase or scenario activates can hold, and when an "
    "order reaches a node, from decision times, approvals and office hours"
)

_ZONED = re.compile(r"^(?P<time>[^\[]+)\[(?P<zone>[^\]]+)\]$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add MODEL, ``--to``, ``--from``, ``--start``, ``--target`` and ``--json``.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["m.yaml", "--to", "armed-attack", "--start",
    ...                           "2026-05-16T02:00[Asia/Tokyo]"])
    >>> args.after, args.before, args.start, args.target
    ('armed-attack', None, '2026-05-16T02:00[Asia/Tokyo]', None)
    """
    add_model(parser)
    parser.add_argument(
        "--to", dest="after", metavar="S2", required=True, help="phase or scenario entered"
    )
    parser.add_argument(
        "--from",
        dest="before",
        metavar="S1",
        help="phase or scenario left (default: the model's first phase)",
    )
    parser.add_argument(
        "--start",
        metavar="TIME",
        help="when the change begins: ISO date and time with its UTC offset "
        "(2026-05-16T02:00+09:00) or zone (2026-05-16T02:00[Asia/Tokyo]); without it "
        "office hours are not applied",
    )
    parser.add_argument("--target", metavar="NODE", help="node an order must reach")
    add_json(parser)


def parse_start(text: str) -> datetime:
    """Read ``--start``: an ISO date and time with a UTC offset, or with ``[Zone/Name]``.

    Raises
    ------
    QueryError
        When the time has neither, or the zone is unknown.

    Examples
    --------
    >>> parse_start("2026-03-08T01:30[America/New_York]").isoformat()
    '2026-03-08T01:30:00-05:00'
    >>> parse_start("2026-05-16T02:00")
    Traceback (most recent call last):
    c2graph.errors.QueryError: --start 2026-05-16T02:00: give the UTC offset \
(2026-05-16T02:00+09:00) or the zone (2026-05-16T02:00[Asia/Tokyo])
    """
    zoned = _ZONED.match(text)
    zone: tzinfo | None = None
    clock_text = text
    if zoned:
        clock_text = zoned["time"]
        try:
            zone = ZoneInfo(zoned["zone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise QueryError(f"--start {text}: unknown time zone {zoned['zone']!r}") from None
    try:
        moment = datetime.fromisoformat(clock_text)
    except ValueError:
        raise QueryError(f"--start {text}: not an ISO date and time") from None
    if zone is not None:
        moment = moment.replace(tzinfo=zone)
    if moment.tzinfo is None:
        raise QueryError(
            f"--start {text}: give the UTC offset (2026-05-16T02:00+09:00) or the zone "
            "(2026-05-16T02:00[Asia/Tokyo])"
        )
    return moment


def run(args: argparse.Namespace) -> int:
    """Print the timeline, link times, the order's arrival, critical paths and assumptions.

    Examples
    --------
    >>> run(argparse.Namespace(model="models/us-rok-cfc.yaml", after="wartime", before=None,
    ...     start=None, target="kr-forces", json=False))  # doctest: +ELLIPSIS
    latency from 'armistice' to 'wartime'
    ...
    order to kr-forces: ...
    ...
    0
    """
    from ..analysis.latency import latency

    model = Inputs(args).load(args.model)
    start = parse_start(args.start) if args.start else None
    result = latency(model, after=args.after, before=args.before, start=start, target=args.target)
    data = result.to_dict()
    if args.json:
        emit_json(data)
        return 0
    write_lines(_text(data, start))
    return 0


def _hours(value: float | None) -> str:
    from ..analysis.schedule import HORIZON_DAYS

    if value is None:
        return f"never (no common duty time within {HORIZON_DAYS} days)"
    return f"+{value:g} h"


def _range(data: dict[str, Any]) -> str:
    low, high = data["earliest_hours"], data["latest_hours"]
    if low == high:
        return _hours(low)
    return f"{_hours(low)} .. {_hours(high)}"


def _local(at: str | None, start: datetime) -> str:
    if at is None:
        return "-"
    return f"{datetime.fromisoformat(at).astimezone(start.tzinfo):%a %H:%M}"


_VERBS = {
    "begins": "begins",
    "in force": "in force",
    "entered": "entered",
    "link": "holds",
}


def _event(event: dict[str, Any]) -> str:
    who = f" ({', '.join(event['who'])})" if event["who"] and event["kind"] != "link" else ""
    kind = "link " if event["kind"] == "link" else ""
    line = f"  {_range(event):<22} {kind}{event['subject']} {_VERBS[event['kind']]}{who}"
    if "local" in event and event["local"][0]:
        low, high = event["local"]
        line += f"   [{low}" + (f" .. {high}" if high != low else "") + "]"
    waited = event["waited_hours"]
    if event["kind"] == "begins" and any(waited):
        line += f"   waited {waited[0]:g} .. {waited[1]:g} h for duty hours"
    return line


def _text(data: dict[str, Any], start: datetime | None) -> list[str]:
    lines = [f"latency from {data['before']!r} to {data['after']!r}"]
    if start is None:
        lines.append(
            "no start given: elapsed decision time only; office hours and watches not applied"
        )
    else:
        lines.append(f"start: {start:%a %Y-%m-%d %H:%M %Z} ({data['start']})")
    lines += ["", "timeline (earliest .. latest, from the start; [local time of who acts]):"]
    lines += [_event(e) for e in data["events"]]
    lines += ["", "links activated, when they can hold:"]
    lines += [
        f"  {t['link']}: {_range(t)}" + (f"   (requires {t['requires']})" if t["requires"] else "")
        for t in data["links"]
    ] or ["  none"]
    arrival = data["arrival"]
    if arrival is not None:
        chain = " → ".join(arrival["chain"]) or "no chain of command"
        lines += ["", f"order to {arrival['target']}: {_range(arrival)} along {chain}"]
        if arrival["chain_latest"] != arrival["chain"]:
            lines.append(f"  at worst along {' → '.join(arrival['chain_latest'])}")
    for name in ("latest", "earliest"):
        steps = data["critical_path"][name]
        lines += ["", f"critical path, at {'worst' if name == 'latest' else 'best'}:"]
        for step in steps:
            when = f" [{_local(step.get('at'), start)}]" if start else ""
            lines.append(f"  {_hours(step['hours']):<10} {step['step']}{when}")
        if not steps:
            lines.append("  nothing to wait for")
    lines += ["", "assumptions (all from the model):"]
    lines += [f"  {a}" for a in data["assumptions"]] or ["  none"]
    return lines
