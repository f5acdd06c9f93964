"""A comparison as text, each finding once: the structural diff of the whole models, then
the findings grouped by the phases they hold in, so that phases that change alike are told
together ("peacetime, gray zone: ...") and phases in which nothing changes are named once.

Example
-------
>>> from c2graph import load_model_data
>>> from c2graph.compare import compare
>>> from c2graph.compare.briefing import briefing
>>> from c2graph.messages import messages
>>> def m(relation):
...     return load_model_data({"name": relation, "as_of": "2025",
...         "phases": [{"id": "p", "name": "Peace"}, {"id": "q", "name": "War"}],
...         "nodes": [{"id": "cmd", "name": "Command", "nation": "US", "kind": "headquarters"},
...                   {"id": "hq", "name": "HQ", "nation": "US", "kind": "headquarters"},
...                   {"id": "u", "name": "Unit", "nation": "US", "kind": "unit"}],
...         "links": [{"from": "cmd", "to": "hq", "relation": "command"},
...                   {"from": "cmd", "to": "u", "relation": "opcon"},
...                   {"from": "hq", "to": "u", "relation": relation, "phases": ["q"]}]})
>>> a, b = m("coordination"), m("tacon")
>>> print(comparison_text(compare(a, b), briefing(compare(a, b), a, b), a, b,
...                       messages("en")), end="")
coordination → tacon
<BLANKLINE>
Structure (the whole models):
  relations changed (1):
    HQ → Unit: coordination → TACON
<BLANKLINE>
No change in: Peace
<BLANKLINE>
In War:
  Who commands whom:
    - HQ takes TACON of Unit
  Approach and measures:
    - authority links: 2 → 3
    - coordination links: 1 → 0
    - span of control: 2 → 1.5
    - efficiency: 1 → 0.75
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..limits import joined, kept, more
from ..messages import Messages
from ..model import Model
from .briefing import Briefing
from .comparison import Comparison, Matrix
from .diff import FieldChange, StructuralDiff
from .summary import summary_parts, unchanged_text

__all__ = ["comparison_text", "diff_lines", "field_text", "matrix_text"]

T = TypeVar("T")


def _first(items: Sequence[T], limit: int | None) -> tuple[Sequence[T], int]:
    """The first ``limit`` items (None: all) and how many are left out."""
    return (items, 0) if limit is None else kept(items, limit)


def diff_lines(
    diff: StructuralDiff, a: Model, b: Model, msg: Messages, *, limit: int | None = None
) -> list[str]:
    """The structural diff as indented lines: nodes, links added and removed (a pair whose
    relation changes is told once, as a relation change), relations and records changed.
    With ``limit``, each list gives its first ``limit`` nodes or links, then ``… and N
    more``.

    >>> from c2graph import load_model
    >>> from c2graph.compare import structural_diff
    >>> from c2graph.messages import messages
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> diff_lines(structural_diff(model, model), model, model, messages("en"))
    []
    """

    def node(n: str) -> str:
        return msg.node(b if n in b.nodes else a, n)

    def rest(left: int, indent: str) -> list[str]:
        return [indent + more(msg, left)] if left else []

    retyped = {(c.from_node, c.to_node) for c in diff.relations_changed}
    lines = []
    for key, nodes in (
        ("text.nodes_added", diff.nodes_added),
        ("text.nodes_removed", diff.nodes_removed),
    ):
        if nodes:
            listed, left = _first(nodes, limit)
            names = joined(msg, [node(n) for n in listed], left)
            lines.append("  " + msg.pair(msg(key, count=len(nodes)), names))
    for key, refs in (
        ("text.links_added", diff.links_added),
        ("text.links_removed", diff.links_removed),
    ):
        shown = [r for r in refs if (r.from_node, r.to_node) not in retyped]
        if shown:
            links, left = _first(shown, limit)
            lines.append("  " + msg.heading(msg(key, count=len(shown))))
            lines += [
                "    "
                + msg.aside(f"{node(r.from_node)} → {node(r.to_node)}", msg.relation(r.relation))
                for r in links
            ]
            lines += rest(left, "    ")
    if diff.relations_changed:
        count = len(diff.relations_changed)
        retypes, left = _first(diff.relations_changed, limit)
        lines.append("  " + msg.heading(msg("text.relations_changed", count=count)))
        lines += [
            "    "
            + msg.pair(
                f"{node(c.from_node)} → {node(c.to_node)}",
                f"{msg.join(map(msg.relation, c.before))} → {msg.join(map(msg.relation, c.after))}",
            )
            for c in retypes
        ]
        lines += rest(left, "    ")
    changed, left = _first(diff.links_changed, limit)
    for change in changed:
        fields = msg("list.groups").join(field_text(f, a, b, msg) for f in change.changes)
        ends = msg.aside(
            f"{node(change.from_node)} → {node(change.to_node)}", msg.relation(change.relation)
        )
        lines.append("  " + msg.pair(msg("text.link_changed", link=ends), fields))
    return lines + rest(left, "  ")


def field_text(change: FieldChange, a: Model, b: Model, msg: Messages) -> str:
    """A changed field of a link, with what it was and is: for its phases, the phases and
    scenarios it no longer holds in and those it now also holds in; else ``before →
    after`` (``-`` for none).

    >>> from c2graph import load_model
    >>> from c2graph.compare.diff import FieldChange
    >>> from c2graph.messages import messages
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> field_text(FieldChange("phases", ["armistice", "wartime"], ["wartime"]), model, model,
    ...     messages("en"))
    'phases: no longer in Armistice'
    >>> field_text(FieldChange("confidence", None, "high"), model, model, messages("en"))
    'confidence: - → high'
    """
    label = msg.word("field", change.field)
    if change.field != "phases":
        before, after = (v if v not in (None, "") else "-" for v in (change.before, change.after))
        return msg.pair(label, f"{before} → {after}")
    then, now = set(change.before or ()), set(change.after or ())
    parts = []
    if lost := _in_order(a, then - now):
        parts.append(msg("text.phases_lost", phases=msg.join(msg.phase(a, p) for p in lost)))
    if gained := _in_order(b, now - then):
        parts.append(msg("text.phases_gained", phases=msg.join(msg.phase(b, p) for p in gained)))
    return msg.pair(label, msg("list.groups").join(parts))


def _in_order(model: Model, situations: set[str]) -> list[str]:
    """Phase and scenario ids in the model's order: its phases, then its scenarios."""
    order = [*model.phase_ids, *model.scenarios]
    return sorted(situations, key=lambda s: (order.index(s) if s in order else len(order), s))


def comparison_text(
    result: Comparison,
    brief: Briefing,
    a: Model,
    b: Model,
    msg: Messages,
    *,
    limit: int | None = None,
) -> str:
    """Return the comparison of ``b`` against ``a`` as text (see the module docstring);
    with ``limit``, each list gives its first ``limit`` entries, then ``… and N more``
    (:func:`diff_lines`, :func:`~c2graph.compare.summary.summary_parts`)."""
    lines = [f"{result.before} → {result.after}"]
    if result.is_empty:
        return "\n".join([*lines, "", msg("text.no_differences")]) + "\n"
    if result.diff.phase is None:
        structure = diff_lines(result.diff, a, b, msg, limit=limit)
        structure += [
            "  " + part
            for _title, items in summary_parts(brief.records(), a, b, msg, limit=limit)
            for part in items
        ]
        if structure:
            lines += ["", msg.heading(msg("text.structure")), *structure]
    for key, phases in (
        ("text.only_before", result.phases_only_before),
        ("text.only_after", result.phases_only_after),
    ):
        if phases:
            model = a if key == "text.only_before" else b
            lines += ["", msg.pair(msg(key), msg.join(msg.phase(model, p) for p in phases))]
    unchanged = unchanged_text(brief, a, msg)
    if unchanged:
        lines += ["", unchanged]
    for phases in brief.phase_groups():
        lines += ["", msg.heading(msg("text.in", phases=msg.phases(a, phases)))]
        for title, items in summary_parts(brief.only(phases), a, b, msg, limit=limit):
            lines.append("  " + msg.heading(title))
            lines += [f"    - {item}" for item in items]
    return "\n".join(lines) + "\n"


def matrix_text(matrix: Matrix, names: dict[str, str], msg: Messages) -> str:
    """Return the matrix of headline measures as a text table, one column per model;
    ``names`` gives each phase id its name.

    >>> from c2graph.compare import compare_many
    >>> from c2graph import load_model_data
    >>> from c2graph.messages import messages
    >>> m = load_model_data({"name": "x", "as_of": "2025", "phases": [{"id": "p",
    ...     "name": "P"}], "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
    >>> print(matrix_text(compare_many([m, m], names=["a", "b"]), {"p": "P"},
    ...                   messages("en")).splitlines()[1])
    P      nodes                                    1         1
    """
    header = [msg("header.phase"), msg("header.measure"), *matrix.columns]
    body = [
        [
            names.get(r.phase, r.phase),
            msg.word("measure", r.measure),
            *(msg.number(v) for v in r.values),
        ]
        for r in matrix.rows
    ]
    widths = [max(_width(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *body]
    ]
    return "\n".join(lines) + "\n"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
