"""The data the explorer page embeds: each model's records, drawing map and analyses' answers.

Everything is plain JSON data; the page shows it as text, never as markup.  A source's URL
is kept as a link (``url``) only when it is ``http`` or ``https``; any other is shown as
text (``where``), as in the report.

Example
-------
>>> from c2graph import load_model
>>> from c2graph.explore.drawing import explorer_drawing
>>> model = load_model("models/us-rok-cfc.yaml")
>>> data = page_data([model], [explorer_drawing(model)])
>>> entry = data["models"][0]
>>> entry["id"], [s["id"] for s in entry["situations"]], entry["base"]
('us-rok-cfc', ['armistice', 'wartime'], None)
>>> entry["nodes"][0]["name"], entry["nodes"][0]["in"]
('President of the Republic of Korea', [0, 1])
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..analysis.timezones import clock
from ..messages import Messages, interface
from ..model import Link, Model, Node, Source
from ..render.style import nation_order, nation_style
from ..report import report_stems
from ..vocabulary import LAYER_CHOICES, RELATIONS
from .answers import CHAIN_LAYERS, Index, chain_table, counterpart_table, diff_table, switch_table
from .drawing import Drawing
from .keys import SHORTCUTS
from .wording import (
    clock_text,
    decision_words,
    families,
    nation_caption,
    requirement_text,
    situation_group,
    situation_text,
)

__all__ = ["model_data", "page_data"]


def page_data(
    models: Sequence[Model], drawings: Sequence[Drawing], *, lang: str | None = None
) -> dict[str, Any]:
    """Return the page's data: the interface's strings, the vocabulary, the shortcuts and
    every model's entry, in the interface language of ``lang``.

    Parameters
    ----------
    models
        The models, in the order the page's switcher lists them.
    drawings
        Each model's chart (:func:`~c2graph.explore.drawing.explorer_drawing`).
    lang
        The language of names (``"ja"``); the interface speaks it where the catalogue
        has it (:func:`~c2graph.messages.interface`), else English.

    Returns
    -------
    dict
        JSON-ready data: ``ui`` holds the catalogue's ``explore.`` section (keys without
        the prefix) the page's script takes every string from; each model's entry is
        :func:`model_data`'s.

    Examples
    --------
    >>> page_data([], [], lang="ja")["ui"]["record"], page_data([], [])["ui"]["record"]
    ('記録', 'Record')
    """
    msg = interface(lang)
    stems = report_stems(models)
    bases = _bases(models)
    entries = [
        model_data(model, stem, drawing, bases[i], models, msg=msg)
        for i, (model, stem, drawing) in enumerate(zip(models, stems, drawings, strict=True))
    ]
    return {
        "version": __version__,
        "lang": msg.lang,
        "names": msg.names,
        "ui": {
            k.removeprefix("explore."): v for k, v in msg.texts.items() if k.startswith("explore.")
        },
        "relations": {
            rid: {
                "label": msg.relation(rid),
                "layer": info.layer.value,
                "authority": info.is_authority,
                "meaning": msg(f"explore.meaning.{rid}"),
                "doctrine": msg(f"explore.doctrine.{rid}"),
            }
            for rid, info in RELATIONS.items()
        },
        "layers": list(LAYER_CHOICES[:-1]),
        "chainLayers": list(CHAIN_LAYERS),
        "shortcuts": [[list(s.keys), s.action, msg(f"explore.key.{s.action}")] for s in SHORTCUTS],
        "models": entries,
    }


def _bases(models: Sequence[Model]) -> list[int | None]:
    """The position of the model each one extends, when that model is among ``models``."""
    where = {Path(m.path).resolve(): i for i, m in enumerate(models) if m.path}
    found: list[int | None] = []
    for model in models:
        base = None
        if model.extends and model.path:
            base = where.get((Path(model.path).parent / model.extends).resolve())
        found.append(base)
    return found


def model_data(
    model: Model,
    stem: str,
    drawing: Drawing,
    base: int | None,
    models: Sequence[Model],
    *,
    msg: Messages | None = None,
) -> dict[str, Any]:
    """Return one model's entry: records, drawing map and the analyses' answers.

    ``base`` is the position in ``models`` of the model it extends (its diff is then
    included), or None; ``msg`` the catalogue of the page's language (English by default).
    """
    msg = msg or interface(None)
    index = Index(model)
    nations = nation_order(n.nation for n in model.nodes.values())
    entry: dict[str, Any] = {
        "id": stem,
        "name": model.name,
        "asOf": model.as_of,
        "description": model.description,
        "base": base,
        "nations": [[n, nation_caption(n, nation_style(n, nations).caption, msg)] for n in nations],
        "families": families(nations, msg),
        "situations": [_situation(model, sid, nations, msg) for sid in index.situation_ids],
        "nodes": [_node(node, index) for node in model.nodes.values()],
        "links": [_link(model, link, index, msg) for link in model.links],
        "sources": {sid: _source(source) for sid, source in model.sources.items()},
        "locations": {
            lid: {"name": loc.name, "tz": loc.tz, "utcOffset": loc.utc_offset}
            for lid, loc in model.locations.items()
        },
        "clocks": [_clock(model, node_id, msg) for node_id in index.node_ids],
        "svg": _svg_map(drawing, index),
        "chains": chain_table(model, index),
        "counterparts": counterpart_table(model, index, msg),
        "switches": switch_table(model, index),
        "diff": None if base is None else diff_table(models[base], model, index, msg),
    }
    entry["decisions"] = [
        decision_words(model, data, msg)
        for data in sorted(index.decisions.values(), key=lambda d: int(d["position"]))
    ]
    return entry


def _situation(
    model: Model, situation_id: str, nations: Sequence[str], msg: Messages
) -> dict[str, Any]:
    """A situation, with the tab row it goes in: its nation's phase set, or the scenarios."""
    situation = model.situation(situation_id)
    nation = None if situation.scenario else model.phase(situation_id).nation
    caption = nation_style(nation, nations).caption if nation else ""
    return {
        "id": situation.id,
        "name": msg.phase(model, situation_id),
        "names": dict(situation.names),
        "group": situation_group(model, situation_id, caption, msg),
        "text": situation_text(model, situation_id, msg),
    }


def _node(node: Node, index: Index) -> dict[str, Any]:
    data = {
        "id": node.id,
        "name": node.name,
        "names": dict(node.names),
        "short": node.short,
        "nation": node.nation,
        "kind": node.kind,
        "echelon": node.echelon,
        "location": node.location,
        "source": node.source,
        "confidence": node.confidence,
        "note": node.note,
        "in": sorted(index.situation[p] for p in node.phases),
    }
    return {k: v for k, v in data.items() if v is not None}


def _link(model: Model, link: Link, index: Index, msg: Messages) -> dict[str, Any]:
    data = {
        "key": link.key,
        "from": index.node[link.from_node],
        "to": index.node[link.to_node],
        "relation": link.relation,
        "in": sorted(index.situation[p] for p in link.phases),
        "requires": requirement_text(model, link.requires, msg) if link.requires else None,
        "basis": link.basis,
        "source": link.source,
        "confidence": link.confidence,
        "asOf": link.as_of,
        "note": link.note,
    }
    return {k: v for k, v in data.items() if v is not None}


def _source(source: Source) -> dict[str, Any]:
    url = source.url
    web = url is not None and url.lower().startswith(("http://", "https://"))
    data = {
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date,
        "note": source.note,
        "url": url if web else None,
        "where": None if web else url,
    }
    return {k: v for k, v in data.items() if v is not None}


def _clock(model: Model, node_id: str, msg: Messages) -> dict[str, Any]:
    found = clock(model, node_id)
    location = model.locations.get(found.location) if found.location else None
    return {
        "text": clock_text(found, msg),
        "tz": location.tz if location else None,
        "utcOffset": location.utc_offset if location else None,
    }


def _svg_map(drawing: Drawing, index: Index) -> dict[str, Any]:
    return {
        "nodes": [index.node[n] for n in drawing.nodes],
        "links": [index.link[k] for k in drawing.links],
        "memberLines": {
            str(index.node[node]): {
                "first": lines.first,
                "lines": {str(index.situation[s]): list(t) for s, t in lines.lines.items()},
            }
            for node, lines in drawing.member_lines.items()
        },
    }
