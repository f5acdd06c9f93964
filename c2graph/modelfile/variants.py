"""Variants: apply a model file's ``remove``, ``change`` and additions to its base."""

from __future__ import annotations

from typing import Any

from ..errors import ModelError, Problem
from .items import Item, Merged, ModelFile
from .units_csv import add_units

__all__ = ["apply_variant"]


def apply_variant(base: Merged, file: ModelFile) -> Merged:
    data = file.data
    problems: list[Problem] = []
    sections = {name: list(items) for name, items in base.sections.items()}
    top = base.top | {k: data[k] for k in ("name", "as_of", "description") if k in data}
    if "description" not in data:
        top.pop("description", None)
    considerations = base.considerations | data.get("considerations", {})

    removed_nodes: set[str] = set()
    remove = data.get("remove", {})
    existing_nodes = {item.data.get("id") for item in sections["nodes"]}
    for i, node_id in enumerate(remove.get("nodes", [])):
        if node_id not in existing_nodes:
            problems.append(
                file.problem(("remove", "nodes", i), f"the base model has no node {node_id!r}")
            )
        removed_nodes.add(node_id)
    sections["nodes"] = [it for it in sections["nodes"] if it.data.get("id") not in removed_nodes]
    sections["links"] = [
        it
        for it in sections["links"]
        if it.data.get("from") not in removed_nodes and it.data.get("to") not in removed_nodes
    ]
    for i, match in enumerate(remove.get("links", [])):
        found = _match_link(sections["links"], match, file, ("remove", "links", i), problems)
        if found is not None:
            sections["links"].remove(found)

    change = data.get("change", {})
    for section, key_path in (("nodes", "nodes"), ("phases", "phases")):
        by_id = {item.data.get("id"): item for item in sections[section]}
        for i, entry in enumerate(change.get(key_path, [])):
            path = ("change", key_path, i)
            target = by_id.get(entry["id"])
            if target is None:
                problems.append(
                    file.problem(
                        (*path, "id"), f"the base model has no {section[:-1]} {entry['id']!r}"
                    )
                )
                continue
            _set_keys(target, {k: v for k, v in entry.items() if k != "id"}, file, path)
    for i, entry in enumerate(change.get("links", [])):
        path = ("change", "links", i)
        found = _match_link(sections["links"], entry, file, path, problems)
        if found is not None:
            _set_keys(found, entry["set"], file, (*path, "set"))

    for name in ("nodes", "links", "sources", "locations"):
        sections[name].extend(
            Item(item, file, (name, i)) for i, item in enumerate(data.get(name, []))
        )
    problems.extend(add_units(sections, file))
    if problems:
        raise ModelError(problems)
    return Merged(top, sections, considerations, file, extends=data["extends"])


def _set_keys(
    item: Item, values: dict[str, Any], file: ModelFile, path: tuple[str | int, ...]
) -> None:
    item.data = dict(item.data) | values
    for key in values:
        item.overrides[key] = (file, (*path, key))


def _match_link(
    links: list[Item],
    match: dict[str, Any],
    file: ModelFile,
    path: tuple[str | int, ...],
    problems: list[Problem],
) -> Item | None:
    if "id" in match:
        found = [it for it in links if it.data.get("id") == match["id"]]
        described = f"id {match['id']!r}"
    else:
        ends = (match.get("from"), match.get("to"), match.get("relation"))
        found = [
            it
            for it in links
            if (it.data.get("from"), it.data.get("to"), it.data.get("relation")) == ends
        ]
        described = f"from={ends[0]!r}, to={ends[1]!r}, relation={ends[2]!r}"
    if len(found) == 1:
        return found[0]
    if not found:
        problems.append(file.problem(path, f"the base model has no link with {described}"))
    else:
        problems.append(
            file.problem(
                path,
                f"{len(found)} links of the base model match {described}: give the link's 'id'",
            )
        )
    return None
