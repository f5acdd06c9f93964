"""Read an MSDL order of battle (SISO-STD-007-2008) as c2graph model data.

An MSDL scenario's units become nodes of one phase (``scenario``) and their command
relations links, all citing one source (the MSDL file):

- a unit's ``Name`` is the node's name and its ``UniqueDesignation`` the short name; its
  id is the short name, or else the name, with spaces as ``-`` (made unique with ``-2``,
  ``-3``, ...); its kind is
  its ``AdditionalInfo`` when that is a c2graph kind (c2graph's own MSDL files say so),
  else ``headquarters`` when its MIL-STD-2525B symbol has the headquarters flag, else
  ``unit``; its echelon the MSDL ``Echelon`` in lower case; its position goes in its note;
- its nation is that of the force side it belongs to: its organic force side, else its
  organic superior's, else its own, else its commanding superior's; of that side, the
  ``CountryCode`` when that is two or three capitals, else a nation code in brackets at the
  end of the side's name (``Japan (JP)``, as c2graph writes them), else the allegiance
  side's; a unit of a side with neither is ``multinational`` and its note names the side;
- the commanding superior (``ForceRelation``) gives a link of the relation
  :data:`~c2graph.vocabulary.MSDL_RELATIONS` names (``ATTACHED`` is command, ``NONE``
  command with low confidence, both said in the note); the organic superior
  (``OrganicRelation``), when another unit, an ADCON link: the authority an organic parent
  keeps while its unit is placed under another's OPCON or TACON (JP 1, FM 3-0);
  ``SupportRelation`` a ``support`` link to the supported unit.

Left out, and said in :attr:`MsdlImport.notes`: equipment items, installations, overlays
and graphics; relations to units that are not in the file. The file is read as untrusted
XML: a document type declaration (and so any entity) is refused.

Example
-------
>>> result = parse_msdl(EXAMPLE, "oob.xml")
>>> [(n["id"], n["kind"], n["nation"]) for n in result.data["nodes"]]
[('1st-Division', 'headquarters', 'JP'), ('2nd-Regiment', 'unit', 'JP')]
>>> [(lk["from"], lk["to"], lk["relation"]) for lk in result.data["links"]]
[('1st-Division', '2nd-Regiment', 'opcon')]

References
----------
SISO-STD-007-2008, Standard for Military Scenario Definition Language (MSDL); FM 3-0
(command relationships); Joint Publication 1 (OPCON, TACON, ADCON).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..display import Displayable
from ..errors import ModelError, Problem
from ..vocabulary import MSDL_RELATIONS, NODE_KINDS
from .fields import NATION_PATTERN
from .files import read_text

__all__ = ["EXAMPLE", "MsdlImport", "parse_msdl", "read_msdl"]

#: A small MSDL order of battle, used by the examples: a division HQ with a regiment under
#: its OPCON, both of Japan's force.
EXAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<MilitaryScenario xmlns="urn:sisostds:scenario:military:data:draft:msdl:1"
    xmlns:modelID="http://www.sisostds.org/schemas/modelID">
  <ScenarioID><modelID:name>Example</modelID:name><modelID:type>MSDL</modelID:type>
    <modelID:version>1</modelID:version>
    <modelID:modificationDate>2025-03-24</modelID:modificationDate>
    <modelID:securityClassification>Unclassified</modelID:securityClassification>
    <modelID:description>Two units</modelID:description>
    <modelID:poc><modelID:pocType>Primary author</modelID:pocType>
      <modelID:pocEmail/></modelID:poc></ScenarioID>
  <Options><MSDLVersion>SISO-STD-007-2008</MSDLVersion></Options>
  <ForceSides><ForceSide>
    <ObjectHandle>00000000-0000-0000-0000-000000000001</ObjectHandle>
    <ForceSideName>Japan (JP)</ForceSideName></ForceSide></ForceSides>
  <Organizations><Units>
    <Unit><ObjectHandle>00000000-0000-0000-0000-0000000000a1</ObjectHandle>
      <SymbolIdentifier>S-G-UCI---AH--G</SymbolIdentifier><Name>1st Division</Name>
      <Relations><ForceRelation><ForceRelationChoice>FORCE_SIDE</ForceRelationChoice>
        <ForceRelationData><ForceSideHandle>00000000-0000-0000-0000-000000000001
        </ForceSideHandle></ForceRelationData></ForceRelation></Relations></Unit>
    <Unit><ObjectHandle>00000000-0000-0000-0000-0000000000a2</ObjectHandle>
      <SymbolIdentifier>S-G-UCI----F--G</SymbolIdentifier><Name>2nd Regiment</Name>
      <Relations><ForceRelation><ForceRelationChoice>UNIT</ForceRelationChoice>
        <ForceRelationData><CommandRelation>
          <CommandingSuperiorHandle>00000000-0000-0000-0000-0000000000a1
          </CommandingSuperiorHandle>
          <CommandRelationshipType>OPCON</CommandRelationshipType>
        </CommandRelation></ForceRelationData></ForceRelation></Relations></Unit>
  </Units></Organizations>
</MilitaryScenario>
"""

_SOURCE = "s-msdl"
_PHASE = "scenario"
_CODE_IN_NAME = re.compile(r"\(([^()]+)\)\s*$")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class MsdlImport(Displayable):
    """Model-file data read from an MSDL file, and what the reading changed or left out."""

    data: dict[str, Any]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the model data and the notes.

        >>> sorted(parse_msdl(EXAMPLE, "oob.xml").to_dict())
        ['data', 'notes']
        """
        return {"data": self.data, "notes": list(self.notes)}


@dataclass
class _Document:
    """The parsed XML, the line each element starts on, and the problems found."""

    filename: str
    root: ET.Element
    lines: dict[int, int]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self, element: ET.Element) -> int | None:
        return self.lines.get(id(element))

    def problem(self, element: ET.Element | None, where: str, message: str) -> None:
        line = self.line(element) if element is not None else None
        self.problems.append(Problem(self.filename, line, where, message))


def _local(tag: str) -> str:
    return tag.rsplit(" ", 1)[-1]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next((c for c in element if _local(c.tag) == name), None)


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if element is None else [c for c in element if _local(c.tag) == name]


def _text(element: ET.Element | None, *path: str) -> str:
    """The stripped text at ``path`` below ``element`` ("" when absent)."""
    for name in path:
        element = _child(element, name)
    return (element.text or "").strip() if element is not None else ""


def _handle(element: ET.Element | None, *path: str) -> str:
    """A handle at ``path``: whitespace inside it (line breaks in real files) removed."""
    return re.sub(r"\s+", "", _text(element, *path))


def _refuse_doctype(*_: object) -> None:
    raise ValueError("a document type declaration is not allowed in an MSDL file")


def _parse_xml(text: str, filename: str) -> _Document:
    """Parse XML with expat, recording each element's line; refuse any DOCTYPE."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    keep: list[ET.Element] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder.start(tag, attrs)
        lines[id(element)] = parser.CurrentLineNumber
        keep.append(element)

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse_doctype
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as exc:
        message = f"XML: {xml.parsers.expat.ErrorString(exc.code)} (column {exc.offset + 1})"
        raise ModelError([Problem(filename, exc.lineno, "", message)]) from None
    except ValueError as exc:
        raise ModelError([Problem(filename, parser.CurrentLineNumber, "", str(exc))]) from None
    return _Document(filename, builder.close(), lines)


def read_msdl(path: str | Path) -> MsdlImport:
    """Read an MSDL file as model data (see the module docstring for the mapping).

    Raises
    ------
    InputFileError
        The file is missing, unreadable, too large or not UTF-8.
    ModelError
        The file is not well-formed XML, not MSDL, or its units cannot make a valid model;
        every problem with its line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "oob.xml"
    >>> _ = path.write_text(EXAMPLE, encoding="utf-8")
    >>> read_msdl(path).data["name"]
    'Example'
    """
    return parse_msdl(read_text(Path(path)), str(path))


def parse_msdl(text: str, filename: str) -> MsdlImport:
    """Read MSDL text (named ``filename`` in messages) as model data and notes.

    The data is checked with :func:`~c2graph.modelfile.load_model_data` before it is
    returned, so it loads as a model.

    Raises
    ------
    ModelError
        As for :func:`read_msdl`.

    Examples
    --------
    >>> parse_msdl("<Scenario/>", "x.xml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    c2graph.errors.ModelError: x.xml:1: not an MSDL file: the root element is Scenario, ...
    """
    from .loader import load_model_data

    document = _parse_xml(text, filename)
    if _local(document.root.tag) != "MilitaryScenario":
        document.problem(
            document.root,
            "",
            f"not an MSDL file: the root element is {_local(document.root.tag)}, "
            "expected MilitaryScenario",
        )
        raise ModelError(document.problems)
    data = _model_data(document)
    if document.problems:
        raise ModelError(document.problems)
    try:
        load_model_data(data)
    except ModelError as exc:
        raise ModelError(
            [
                Problem(filename, None, p.where, f"in the model read from it: {p.message}")
                for p in exc.problems
            ]
        ) from None
    return MsdlImport(data, tuple(document.notes))


@dataclass(frozen=True)
class _Side:
    name: str
    nation: str | None
    allegiance: str


def _side_nation(side: ET.Element) -> str | None:
    code = _text(side, "CountryCode")
    if re.fullmatch(r"[A-Z]{2,3}", code):
        return code
    found = _CODE_IN_NAME.search(_text(side, "ForceSideName"))
    if found and NATION_PATTERN.match(found.group(1)):
        return found.group(1)
    return None


def _sides(document: _Document) -> dict[str, _Side]:
    sides: dict[str, _Side] = {}
    for side in _children(_child(document.root, "ForceSides"), "ForceSide"):
        handle = _handle(side, "ObjectHandle")
        allegiance = _handle(side, "AllegianceHandle") or handle
        sides[handle] = _Side(_text(side, "ForceSideName"), _side_nation(side), allegiance)
    for handle, found in list(sides.items()):
        parent = sides.get(found.allegiance)
        if found.nation is None and parent is not None and parent.nation is not None:
            sides[handle] = _Side(found.name, parent.nation, found.allegiance)
    return sides


@dataclass(frozen=True)
class _Unit:
    """One MSDL unit as read, before it becomes a node."""

    element: ET.Element
    handle: str
    name: str
    superior: str
    relationship: str
    side: str
    organic: str
    organic_side: str
    supports: tuple[tuple[str, str], ...]


def _read_unit(document: _Document, element: ET.Element, index: int) -> _Unit | None:
    handle = _handle(element, "ObjectHandle")
    where = f"Units[{index}]"
    if not handle:
        document.problem(element, where, "a unit without an ObjectHandle")
        return None
    name = _text(element, "Name") or _text(element, "UnitSymbolModifiers", "UniqueDesignation")
    force = _child(_child(element, "Relations"), "ForceRelation")
    data = _child(force, "ForceRelationData")
    relationship = _text(data, "CommandRelation", "CommandRelationshipType")
    if relationship and relationship not in MSDL_RELATIONS:
        document.problem(
            _child(_child(data, "CommandRelation"), "CommandRelationshipType"),
            f"{where} ({name or handle}) → CommandRelationshipType",
            f"expected one of {', '.join(MSDL_RELATIONS)}, got {relationship!r}",
        )
    relations = _child(element, "Relations")
    supports = tuple(
        (_handle(s, "SupportedUnitHandle"), _text(s, "SupportType"))
        for s in _children(_child(relations, "SupportRelations"), "SupportRelation")
    )
    return _Unit(
        element,
        handle,
        name or handle,
        _handle(data, "CommandRelation", "CommandingSuperiorHandle"),
        relationship,
        _handle(data, "ForceSideHandle"),
        _handle(relations, "OrganicRelation", "OrganicRelationData", "OrganicSuperiorHandle"),
        _handle(relations, "OrganicRelation", "OrganicRelationData", "OrganicForceSideHandle"),
        supports,
    )


def _units(document: _Document) -> list[_Unit]:
    units: list[_Unit] = []
    seen: set[str] = set()
    elements = _children(_child(_child(document.root, "Organizations"), "Units"), "Unit")
    for index, element in enumerate(elements):
        unit = _read_unit(document, element, index)
        if unit is None:
            continue
        if unit.handle in seen:
            document.problem(
                element,
                f"Units[{index}] ({unit.name})",
                f"a second unit with the ObjectHandle {unit.handle}; give each unit its own",
            )
            continue
        seen.add(unit.handle)
        units.append(unit)
    return units


def _node_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\s\x00-\x1f\x7f]+", "-", name.strip()).strip("-")[:190] or "unit"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def _kind(element: ET.Element) -> str:
    info = _text(element, "UnitSymbolModifiers", "AdditionalInfo")
    if info in NODE_KINDS:
        return info
    symbol = _text(element, "SymbolIdentifier")
    return "headquarters" if symbol[10:11] == "A" else "unit"


def _position(element: ET.Element) -> str | None:
    gdc = _child(
        _child(_child(_child(element, "Disposition"), "Location"), "CoordinateData"), "GDC"
    )
    latitude, longitude = _text(gdc, "Latitude"), _text(gdc, "Longitude")
    return f"MSDL position: latitude {latitude}, longitude {longitude}." if latitude else None


def _side_of(unit: _Unit, by_handle: dict[str, _Unit]) -> str:
    """The force side a unit belongs to: its organic force side, else its organic
    superior's, else its own force side, else its commanding superior's (cycles end it)."""
    seen: set[str] = set()
    while unit.handle not in seen:
        seen.add(unit.handle)
        if unit.organic_side:
            return unit.organic_side
        if unit.organic in by_handle:
            unit = by_handle[unit.organic]
        elif unit.side or unit.superior not in by_handle:
            return unit.side
        else:
            unit = by_handle[unit.superior]
    return ""


def _node(unit: _Unit, node_id: str, nation: str, side_note: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": node_id,
        "name": unit.name,
        "nation": nation,
        "kind": _kind(unit.element),
    }
    short = _text(unit.element, "UnitSymbolModifiers", "UniqueDesignation")
    echelon = _text(unit.element, "UnitSymbolModifiers", "Echelon")
    if short and short != unit.name:
        node["short"] = short
    if echelon and echelon != "NONE":
        node["echelon"] = echelon.lower()
    node["source"] = _SOURCE
    note = " ".join(text for text in (side_note, _position(unit.element)) if text)
    if note:
        node["note"] = note
    return node


def _nodes(
    document: _Document, units: list[_Unit], sides: dict[str, _Side]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    by_handle = {unit.handle: unit for unit in units}
    ids: dict[str, str] = {}
    taken: set[str] = set()
    nodes = []
    nationless: set[str] = set()
    for unit in units:
        short = _text(unit.element, "UnitSymbolModifiers", "UniqueDesignation")
        ids[unit.handle] = _node_id(short or unit.name, taken)
        side = sides.get(_side_of(unit, by_handle))
        nation = side.nation if side is not None else None
        side_note = None
        if side is None:
            nationless.add("")
        elif nation is None:
            nationless.add(side.name)
            side_note = f"MSDL force side: {side.name}."
        nodes.append(_node(unit, ids[unit.handle], nation or "multinational", side_note))
    for label in sorted(nationless):
        document.notes.append(
            f"force side {label!r} has no country code: its units are 'multinational' "
            "and their notes name the side"
            if label
            else "units in no force side are 'multinational'"
        )
    return nodes, ids


def _link(tail: str, head: str, relation: str, **extra: str) -> dict[str, Any]:
    return {"from": tail, "to": head, "relation": relation, "source": _SOURCE, **extra}


def _command_links(
    document: _Document, units: list[_Unit], ids: dict[str, str]
) -> list[dict[str, Any]]:
    links = []
    for unit in units:
        head = ids[unit.handle]
        if unit.superior and unit.superior not in ids:
            document.notes.append(
                f"unit {unit.name!r}: its commanding superior {unit.superior} is not a unit "
                "of the file; read as a unit of its force side"
            )
        elif unit.superior and unit.relationship in MSDL_RELATIONS:
            extra = {}
            if unit.relationship == "ATTACHED":
                extra = {"note": "MSDL ATTACHED: under the command of the gaining unit (FM 3-0)."}
            elif unit.relationship == "NONE":
                extra = {
                    "confidence": "low",
                    "note": "MSDL gives no command relationship type (NONE); read as command.",
                }
            relation = MSDL_RELATIONS[unit.relationship]
            links.append(_link(ids[unit.superior], head, relation, **extra))
        if unit.organic and unit.organic != unit.superior and unit.organic in ids:
            note = (
                "MSDL organic superior: the authority an organic parent keeps while its "
                "unit serves under another (JP 1, FM 3-0)."
            )
            links.append(_link(ids[unit.organic], head, "adcon", note=note))
    return links


def _support_links(
    document: _Document, units: list[_Unit], ids: dict[str, str]
) -> list[dict[str, Any]]:
    links = []
    for unit in units:
        for supported, kind in dict(unit.supports).items():
            if supported not in ids:
                document.notes.append(
                    f"unit {unit.name!r}: the unit it supports, {supported}, is not in the file"
                )
                continue
            extra = {"note": f"MSDL support type {kind}."} if kind and kind != "NONE" else {}
            links.append(_link(ids[unit.handle], ids[supported], "support", **extra))
    return links


def _scenario(document: _Document) -> tuple[str, str]:
    scenario = _child(document.root, "ScenarioID")
    name = _text(scenario, "name") or Path(document.filename).stem
    found = _DATE.match(_text(scenario, "modificationDate"))
    found = found or _DATE.match(_text(document.root, "Environment", "ScenarioTime"))
    if not found:
        document.problem(
            scenario if scenario is not None else document.root,
            "ScenarioID → modificationDate",
            "no date (YYYY-MM-DD) in ScenarioID/modificationDate or Environment/ScenarioTime;"
            " the model needs one as its as_of",
        )
    return name, found.group() if found else ""


def _left_out(document: _Document) -> None:
    equipment = _children(
        _child(_child(document.root, "Organizations"), "Equipment"), "EquipmentItem"
    )
    if equipment:
        document.notes.append(
            f"{len(equipment)} equipment items are not read: c2graph models the command "
            "relationships between units"
        )
    for section in ("Installations", "Overlays", "TacticalGraphics", "MOOTWGraphics"):
        if len(_child(document.root, section) or []):
            document.notes.append(f"{section} are not read")


def _model_data(document: _Document) -> dict[str, Any]:
    name, as_of = _scenario(document)
    sides = _sides(document)
    units = _units(document)
    listing = _child(_child(document.root, "Organizations"), "Units")
    if not _children(listing, "Unit"):
        document.problem(
            listing if listing is not None else document.root,
            "Organizations → Units",
            "the file has no units: c2graph reads an order of battle's units as nodes",
        )
    nodes, ids = _nodes(document, units, sides)
    links = _command_links(document, units, ids) + _support_links(document, units, ids)
    _left_out(document)
    title = f"MSDL scenario {name} ({Path(document.filename).name})"
    return {
        "name": name,
        "as_of": as_of,
        "description": f"Read from the MSDL file {Path(document.filename).name}.",
        "phases": [{"id": _PHASE, "name": "MSDL scenario"}],
        "nodes": nodes,
        "links": links,
        "sources": [{"id": _SOURCE, "title": title}],
    }
