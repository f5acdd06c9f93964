"""Variants: apply a model file's ``remove``, ``change`` and additions to its base.

Example
-------
>>> from c2graph import load_model
>>> base = load_model("models/us-japan-2025.yaml")
>>> variant = load_model("models/us-japan-jfhq.yaml")
>>> len(variant.links) - len(base.links)
1
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from .items import TOP_KEYS, Item, Merged, ModelFile

__all__ = ["apply_variant"]

#: Sections a variant adds items to (phases are only changed).
_ADDED_SECTIONS = ("nodes", "links", "sources", "locations", "decisions", "scenarios", "timelines")
DataPath = tuple[str | int, ...]


def apply_variant(base: Merged, file: ModelFile) -> tuple[Merged, list[Problem]]:
    """Apply a variant file to its merged base: removals, then changes, then additions.

    Parameters
    ----------
    base
        The base model's items, with every ``extends`` of the base already applied.
    file
        The variant, whose structure is checked, which has ``extends`` and whose units
        files are read; only its usable part is applied.

    Returns
    -------
    merged : Merged
        New sections (the base's lists are not changed; changed items are); every key a
        variant sets remembers the variant's line, for problems found later.
    problems : list of Problem
        What the variant removes or changes that the base does not have.

    Examples
    --------
    >>> base_file = ModelFile("base.yaml", "", {"nodes": [{"id": "a"}, {"id": "b"}]})
    >>> names = ("phases", "nodes", "links", "sources", "locations")
    >>> base = Merged({"name": "base"}, {n: base_file.items(n) for n in names}, {}, base_file)
    >>> variant = ModelFile(
    ...     "v.yaml", "", {"extends": "base.yaml", "name": "v", "remove": {"nodes": ["b"]}}
    ... )
    >>> merged, problems = apply_variant(base, variant)
    >>> merged.top["name"], [item.data["id"] for item in merged.sections["nodes"]], problems
    ('v', ['a'], [])
    """
    data = file.usable
    problems: list[Problem] = []
    sections = {name: list(items) for name, items in base.sections.items()}
    _remove(sections, data.get("remove", {}), file, problems)
    _change(sections, data.get("change", {}), file, problems)
    for name in _ADDED_SECTIONS:
        sections.setdefault(name, []).extend(file.items(name))
    for name, items in file.units.items():
        sections[name].extend(items)
    top = base.top | {k: data[k] for k in TOP_KEYS if k in data}
    if "description" not in file.data:
        top.pop("description", None)
    considerations = base.considerations | data.get("considerations", {})
    merged = Merged(top, sections, considerations, file, extends=data["extends"])
    return merged, problems


def _remove(
    sections: dict[str, list[Item]],
    remove: dict[str, Any],
    file: ModelFile,
    problems: list[Problem],
) -> None:
    """Drop the nodes named (with every link touching them), the links matched, then the
    decisions and scenarios named."""
    existing = {item.data["id"] for item in sections["nodes"]}
    removed: set[str] = set()
    for i, node_id in enumerate(remove.get("nodes", [])):
        if node_id is None:  # an entry with a structural problem
            continue
        if node_id not in existing:
            problems.append(
                file.problem(("remove", "nodes", i), f"the base model has no node {node_id!r}")
            )
        removed.add(node_id)
    sections["nodes"] = [it for it in sections["nodes"] if it.data["id"] not in removed]
    sections["links"] = [
        it
        for it in sections["links"]
        if it.data["from"] not in removed and it.data["to"] not in removed
    ]
    for i, match in enumerate(remove.get("links", [])):
        if match is None:
            continue
        found = _match_link(sections["links"], match, file, ("remove", "links", i), problems)
        if found is not None:
            sections["links"].remove(found)
    for section in ("decisions", "scenarios"):
        sections.setdefault(section, [])
        ids = {item.data["id"] for item in sections[section]}
        for i, item_id in enumerate(remove.get(section, [])):
            if item_id is not None and item_id not in ids:
                problems.append(
                    file.problem(
                        ("remove", section, i), f"the base model has no {section[:-1]} {item_id!r}"
                    )
                )
        dropped = set(remove.get(section, []))
        sections[section] = [it for it in sections[section] if it.data["id"] not in dropped]


def _change(
    sections: dict[str, list[Item]],
    change: dict[str, Any],
    file: ModelFile,
    problems: list[Problem],
) -> None:
    """Set the keys given for base nodes, phases and decisions (by id) and links (matched)."""
    for section in ("nodes", "phases", "decisions"):
        by_id = {item.data["id"]: item for item in sections.get(section, [])}
        for i, entry in enumerate(change.get(section, [])):
            if entry is None:  # an entry with a structural problem
                continue
            path: DataPath = ("change", section, i)
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
        if entry is None:
            continue
        path = ("change", "links", i)
        found = _match_link(sections["links"], entry, file, path, problems)
        if found is not None:
            _set_keys(found, entry["set"], file, (*path, "set"))


def _set_keys(item: Item, values: dict[str, Any], file: ModelFile, path: DataPath) -> None:
    item.data = dict(item.data) | values
    item.overrides = {**item.overrides, **{key: (file, (*path, key)) for key in values}}


def _match_link(
    links: list[Item],
    match: dict[str, Any],
    file: ModelFile,
    path: DataPath,
    problems: list[Problem],
) -> Item | None:
    """Return the one base link ``match`` names (by id, or by its ends), else report why not."""
    if "id" in match:
        found = [it for it in links if it.data.get("id") == match["id"]]
        described = f"id {match['id']!r}"
    else:
        ends = (match["from"], match["to"], match["relation"])
        found = [
            it for it in links if (it.data["from"], it.data["to"], it.data["relation"]) == ends
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
