"""The report's chains of command: every force with a superior, grouped by nation, each
chain with the authority surviving along it and the phases it holds in; a nation with
more forces than the findings list (:data:`~c2graph.report.findings.LISTED_FORCES`) says
how many more there are and where their chains are found.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.messages import messages
>>> from c2graph.report.findings import model_findings
>>> found = model_findings(load_model("models/us-rok-cfc.yaml"))
>>> [b.summary for b in chain_blocks(found, "cfc", messages("en"))[2:]]
['Republic of Korea (2 forces)', 'Alliance bodies (1 force)', 'United States (3 forces)']
>>> chain_blocks(found, "cfc", messages("ja"))[2].blocks[0].rows[-1]
('韓国合同参謀本部', '全ての事態', ('韓国大統領 → 韓国国防部長官 → 韓国合同参謀本部（指揮）',))
"""

from __future__ import annotations

from ..messages import Messages
from ..render.style import nation_order
from ..vocabulary import Layer
from .document import Block, Cell, Details, Heading, Paragraph, Table
from .findings import ChainRow, ModelFindings

__all__ = ["chain_blocks", "chain_text"]


def chain_text(found: ModelFindings, row: ChainRow, msg: Messages) -> tuple[str, ...]:
    """Each chain of a row as ``A → B → force (authority)``, with the layer named when it
    is not the operational one."""
    model = found.model
    layer = "" if row.layer == Layer.OPERATIONAL.value else f" — {msg('layer.' + row.layer)}"
    return tuple(
        msg.aside(msg.chain(model, nodes), msg.relation(effective)) + layer
        for nodes, effective in row.chains
    )


def chain_blocks(found: ModelFindings, stem: str, msg: Messages) -> list[Block]:
    """The heading, the reading note and one folded table per nation (forces by name)."""
    model = found.model
    by_nation: dict[str, list[ChainRow]] = {}
    chained = dict(found.chained)
    for row in found.chains:
        by_nation.setdefault(model.nodes[row.unit].nation, []).append(row)
    blocks: list[Block] = [
        Heading(3, msg("chains.heading"), f"m-{stem}-chains"),
        Paragraph(msg("chains.note")),
    ]
    if not by_nation:
        return [*blocks, Paragraph(msg("chains.none"))]
    for nation in nation_order(by_nation):
        rows = sorted(by_nation[nation], key=lambda r: (msg.node(model, r.unit), r.phases))
        units = {r.unit for r in rows}
        table_rows: list[tuple[Cell, ...]] = []
        previous = None
        for row in rows:
            name = msg.node_full(model, row.unit) if row.unit != previous else ""
            previous = row.unit
            table_rows.append((name, msg.phases(model, row.phases), chain_text(found, row, msg)))
        count = chained.get(nation, len(units))
        summary = msg("chains.group", nation=msg.nation(nation), forces=_forces(msg, count))
        table: list[Block] = [
            Table(
                (msg("header.force"), msg("header.phases"), msg("header.chain")),
                tuple(table_rows),
            )
        ]
        if count > len(units):
            more = msg("chains.more", count=f"{count - len(units):,}", listed=len(units))
            table.append(Paragraph(more))
        blocks.append(Details(summary, tuple(table)))
    return blocks


def _forces(msg: Messages, count: int) -> str:
    return msg("count.force") if count == 1 else msg("count.forces", count=f"{count:,}")
