"""MSDL text of one phase's command structure, for ORBAT tools and simulations.

MSDL (SISO-STD-007-2008, the Military Scenario Definition Language) describes an order of
battle as units under force sides. c2graph writes one phase (the model's first unless one
is given):

- **Force sides.** One side for the model, and under it one force per nation
  (``Japan (JP)``, ``Alliance bodies (alliance)``, ...), which the units belong to.
- **Units.** Every node with an authority link in the phase. Its handle is a UUID derived
  from its model id (the same node gets the same handle in every model and phase); its
  ``Name`` is its name in MSDL's text (printable ASCII up to ``z``, at most 255 characters:
  accents and dashes are simplified, other characters dropped); ``UniqueDesignation`` its
  short name (21 characters); ``AdditionalInfo`` its kind; ``Echelon`` its echelon when
  it is one of MSDL's (``BRIGADE``, ...); its location's coordinates as its position.
  MSDL needs a MIL-STD-2525B symbol: c2graph records no service or function, so every unit
  is the generic ground unit ``S-G-U-----*----``, with the headquarters flag for
  headquarters and component commands.
- **Command relations.** A unit has one commanding superior (``ForceRelation``) and may
  have one organic superior (``OrganicRelation``). The commanding superior is the
  operational one: the superior by OPCON, else TACON, command, COCOM, transmits, control,
  civil command, ADCON (the first in the model among equals); its relation is written as
  :data:`~c2graph.vocabulary.MSDL_COMMAND_RELATIONSHIPS` says (transmits and control as
  ``NONE``). The organic superior is another superior by command, COCOM, civil command or
  ADCON. A unit with no superior
  in the phase belongs to its nation's force; so does, as its organic force side, a unit
  without an organic superior whose commanding superior is in another nation's force (a
  multinational cell under a U.S. command). A unit whose organic superior is in another
  nation's force is read as of that force (said in the omissions).
- **Support.** Support links between two units are ``SupportRelation`` of the supporting
  unit, of type ``NONE`` (c2graph does not say direct or general support).

What MSDL cannot carry is listed in :attr:`MsdlExport.omissions` and, summed up, in the
document's ``ScenarioID/description``: coordination, liaison, counterpart and membership
links; further superiors of a unit; nodes with no authority link in the phase (such as
coordination bodies); relations written as ``NONE``; names that had to change. Never
written: phases other than the one exported, legal bases, sources, confidence, notes and
names in other languages (MSDL's text is ASCII).

Example
-------
>>> from c2graph import load_model
>>> result = msdl_export(load_model("models/us-rok-cfc.yaml"), phase="wartime")
>>> result.units, [o.item for o in result.omissions if o.reason.startswith("a node")]
(11, ['us-cjcs', 'un-unc', 'al-scm'])
>>> result.text.count("<CommandRelationshipType>OPCON</CommandRelationshipType>")
2
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..display import Displayable
from ..model import Link, Model, Node
from ..render.style import nation_order, nation_style
from ..vocabulary import MSDL_COMMAND_RELATIONSHIPS, RELATIONS
from ._select import check_xml_text, select

__all__ = [
    "COMMANDING",
    "MODELID_NAMESPACE",
    "MSDL_NAMESPACE",
    "MsdlExport",
    "Omission",
    "msdl_export",
    "msdl_handle",
    "msdl_text",
    "to_msdl",
]

#: The namespace of MSDL 1.0 documents.
MSDL_NAMESPACE = "urn:sisostds:scenario:military:data:draft:msdl:1"
#: The namespace of the SISO model identification (``ScenarioID``).
MODELID_NAMESPACE = "http://www.sisostds.org/schemas/modelID"
_VERSION = "SISO-STD-007-2008"
_HANDLES = uuid.uuid5(uuid.NAMESPACE_URL, "c2graph:msdl")
#: MSDL's echelons (``enumEchelon``); a model echelon that is one of them is written.
_ECHELONS = frozenset(
    {
        "TEAM",
        "CREW",
        "SQUAD",
        "SECTION",
        "PLATOON",
        "DETACHMENT",
        "COMPANY",
        "BATTERY",
        "TROOP",
        "BATTALION",
        "SQUADRON",
        "REGIMENT",
        "GROUP",
        "BRIGADE",
        "DIVISION",
        "CORPS",
        "ARMY",
        "ARMYGROUP",
        "FRONT",
        "REGION",
    }
)
_HEADQUARTERS = frozenset({"headquarters", "component"})
_SIMPLIFIED = "name simplified to MSDL's text (ASCII up to 'z', 255 characters)"
_OTHER_FORCE = "nation not carried: MSDL places the unit in its organic superior's force"
#: Which superior is the commanding one, and which may be the organic one (earlier wins).
COMMANDING = (
    "opcon",
    "tacon",
    "command",
    "cocom",
    "transmits",
    "control",
    "civil-command",
    "adcon",
)
_ORGANIC = ("command", "cocom", "civil-command", "adcon")
_SIMPLER = str.maketrans(
    {"–": "-", "—": "-", "‐": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "{": "(", "}": ")"}
    | {"|": "/", "~": "-", "\t": " ", "\n": " ", "\r": " "}
)


def msdl_handle(kind: str, key: str) -> str:
    """Return the MSDL object handle (a UUID) c2graph gives ``key`` of a ``kind`` of object.

    >>> msdl_handle("unit", "jp-pm") == msdl_handle("unit", "jp-pm") != msdl_handle("unit", "a")
    True
    """
    return str(uuid.uuid5(_HANDLES, f"{kind}:{key}"))


def msdl_text(text: str, limit: int) -> str:
    """Return ``text`` in MSDL's text types: ASCII from space to ``z``, at most ``limit``.

    Accents are dropped (``é`` → ``e``), dashes and curly quotes simplified, braces and
    bars replaced, line breaks made spaces; other characters (such as Japanese) are left out.

    >>> msdl_text("US–Japan Alliance Coordination Mechanism (同盟調整メカニズム)", 255)
    'US-Japan Alliance Coordination Mechanism ()'
    >>> msdl_text("Commandement {Pacifique}", 12)
    'Commandement'
    """
    plain = unicodedata.normalize("NFKD", text).translate(_SIMPLER)
    kept = "".join(ch for ch in plain if " " <= ch <= "z")
    return re.sub(" {2,}", " ", kept).strip()[:limit].rstrip()


@dataclass(frozen=True)
class Omission(Displayable):
    """A node or link of the phase that the MSDL document leaves out or changes, and why."""

    item: str
    reason: str
    changed: bool = False
    written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the omission as plain data: ``changed`` items are written differently
        (``written`` says how), the others not at all.

        >>> Omission("a->b:liaison", "not a command relationship").to_dict()
        {'item': 'a->b:liaison', 'reason': 'not a command relationship', 'changed': False, \
'written': None}
        """
        return {
            "item": self.item,
            "reason": self.reason,
            "changed": self.changed,
            "written": self.written,
        }


@dataclass(frozen=True)
class MsdlExport(Displayable):
    """The MSDL document of one phase, with what it could not carry as the model has it."""

    phase: str
    text: str
    units: int
    omissions: tuple[Omission, ...]

    def summary(self) -> str:
        """One sentence per reason, with how many items it concerns and the first few.

        >>> MsdlExport("p", "", 2, (Omission("x", "why"), Omission("y", "why"))).summary()
        'why: 2 (x, y).'
        """
        counts = Counter(o.reason for o in self.omissions)
        sentences = []
        for reason, count in counts.items():
            items = [
                o.item if o.written is None else f"{o.item} as {o.written!r}"
                for o in self.omissions
                if o.reason == reason
            ]
            shown = ", ".join(items[:5]) + (", ..." if count > 5 else "")
            sentences.append(f"{reason}: {count} ({shown}).")
        return " ".join(sentences)

    def to_dict(self) -> dict[str, Any]:
        """Return the phase, unit count and omissions (not the document text).

        >>> MsdlExport("p", "<x/>", 1, ()).to_dict()
        {'phase': 'p', 'units': 1, 'omissions': []}
        """
        return {
            "phase": self.phase,
            "units": self.units,
            "omissions": [o.to_dict() for o in self.omissions],
        }


@dataclass(frozen=True)
class _Structure:
    """What the document writes: units, each one's superiors, support, and omissions."""

    units: tuple[Node, ...]
    names: dict[str, str]
    commanding: dict[str, Link]
    organic: dict[str, Link]
    own_force: frozenset[str]
    supports: dict[str, list[Link]]
    omissions: list[Omission]


def _rank(order: tuple[str, ...], link: Link) -> int:
    return order.index(link.relation) if link.relation in order else len(order)


def _superiors(links: list[Link], omissions: list[Omission]) -> tuple[Link, Link | None]:
    """Pick the commanding superior and the organic one of a unit; omit the others."""
    commanding = min(links, key=lambda link: _rank(COMMANDING, link))
    others = [
        link
        for link in links
        if link is not commanding
        and link.relation in _ORGANIC
        and link.from_node != commanding.from_node
    ]
    organic = min(others, key=lambda link: _rank(_ORGANIC, link)) if others else None
    for link in links:
        if link is not commanding and link is not organic:
            omissions.append(
                Omission(
                    link.key,
                    "a further superior (MSDL gives a unit one commanding "
                    "and one organic superior)",
                )
            )
    return commanding, organic


def _command(
    units: tuple[Node, ...], authority: list[Link], omissions: list[Omission]
) -> tuple[dict[str, Link], dict[str, Link]]:
    """Each unit's commanding superior and organic superior (see the module docstring)."""
    commanding: dict[str, Link] = {}
    organic: dict[str, Link] = {}
    heads: dict[str, list[Link]] = {}
    for link in authority:
        heads.setdefault(link.to_node, []).append(link)
    for unit in units:
        into = heads.get(unit.id)
        if not into:
            continue
        commanding[unit.id], found = _superiors(into, omissions)
        if found is not None:
            organic[unit.id] = found
        relation = commanding[unit.id].relation
        if MSDL_COMMAND_RELATIONSHIPS[relation] == "NONE":
            omissions.append(
                Omission(
                    commanding[unit.id].key,
                    f"{RELATIONS[relation].label} has no MSDL type",
                    changed=True,
                    written="NONE",
                )
            )
    return commanding, organic


def _own_forces(
    units: tuple[Node, ...],
    commanding: dict[str, Link],
    organic: dict[str, Link],
    omissions: list[Omission],
) -> frozenset[str]:
    """Units that name their nation's force as their organic force side.

    A reader finds a unit's force through its organic superior, else its own force side
    (a top unit), else its commanding superior. A unit without an organic superior whose
    commanding superior's force is another nation's names its own; one whose organic
    superior is of another nation's force keeps that force, and the omission says so.
    """
    nations = {unit.id: unit.nation for unit in units}
    found: dict[str, str] = {}
    own: set[str] = set()

    def superior(unit_id: str) -> str | None:
        link = organic.get(unit_id) or commanding.get(unit_id)
        return link.from_node if link is not None else None

    def force(unit_id: str) -> str:
        """Walk up to a unit whose force is known (a top unit at the latest), then settle
        the force of each unit on the way down (no recursion: chains may be long)."""
        path: list[str] = []
        step: str | None = unit_id
        while step is not None and step not in found:
            path.append(step)
            step = superior(step)
        for step in reversed(path):
            above = superior(step)
            if above is None:
                found[step] = nations[step]
            elif step not in organic and found[above] != nations[step]:
                own.add(step)
                found[step] = nations[step]
            else:
                found[step] = found[above]
        return found[unit_id]

    for unit in units:
        if force(unit.id) != unit.nation:
            omissions.append(Omission(unit.id, _OTHER_FORCE, changed=True, written=found[unit.id]))
    return frozenset(own)


def _structure(model: Model, phase: str) -> _Structure:
    selection = select(model, phase)
    omissions: list[Omission] = []
    authority = [link for link in selection.links if link.is_authority]
    in_chain = {end for link in authority for end in (link.from_node, link.to_node)}
    units = tuple(n for n in selection.nodes if n.id in in_chain)
    for node in selection.nodes:
        if node.id not in in_chain:
            omissions.append(Omission(node.id, "a node with no authority link in the phase"))
    commanding, organic = _command(units, authority, omissions)
    own = _own_forces(units, commanding, organic, omissions)
    supports: dict[str, list[Link]] = {}
    for link in selection.links:
        if link.is_authority:
            continue
        if link.relation == "support" and {link.from_node, link.to_node} <= in_chain:
            supports.setdefault(link.from_node, []).append(link)
        else:
            label = RELATIONS[link.relation].label
            omissions.append(Omission(link.key, f"not a command relationship ({label})"))
    names = {unit.id: _unit_name(unit, omissions) for unit in units}
    return _Structure(units, names, commanding, organic, own, supports, omissions)


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def _scenario_id(root: ET.Element, model: Model, description: str) -> None:
    scenario = _sub(root, "ScenarioID")
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", msdl_text(model.name, 255)).strip("-.")
    if not name or not (name[0].isalpha() or name[0] == "_"):
        name = f"c2graph-{name}".rstrip("-")
    _sub(scenario, "modelID:name", name)
    _sub(scenario, "modelID:type", "MSDL")
    _sub(scenario, "modelID:version", "1")
    _sub(scenario, "modelID:modificationDate", "-".join([*model.as_of.split("-"), "01", "01"][:3]))
    _sub(scenario, "modelID:securityClassification", "Unclassified")
    _sub(scenario, "modelID:description", description)
    poc = _sub(scenario, "modelID:poc")
    _sub(poc, "modelID:pocType", "Primary author")
    _sub(poc, "modelID:pocEmail", "")


def _force_sides(root: ET.Element, model: Model, units: tuple[Node, ...]) -> None:
    sides = _sub(root, "ForceSides")
    allegiance = msdl_handle("allegiance", "model")
    side = _sub(sides, "ForceSide")
    _sub(side, "ObjectHandle", allegiance)
    _sub(side, "ForceSideName", msdl_text(model.name, 255) or "c2graph model")
    _sub(side, "AllegianceHandle", allegiance)
    every = {node.nation for node in model.nodes.values()}
    for nation in nation_order(unit.nation for unit in units):
        force = _sub(sides, "ForceSide")
        _sub(force, "ObjectHandle", msdl_handle("force-side", nation))
        caption = msdl_text(nation_style(nation, every).caption, 240)
        _sub(force, "ForceSideName", f"{caption} ({nation})" if caption != nation else nation)
        _sub(force, "AllegianceHandle", allegiance)


def _unit_name(node: Node, omissions: list[Omission]) -> str:
    name = msdl_text(node.name, 255) or msdl_text(node.id, 255) or "unit"
    if name != node.name:
        omissions.append(Omission(node.id, _SIMPLIFIED, changed=True, written=name))
    return name


def _symbol(node: Node) -> str:
    return "S-G-U-----" + ("A" if node.kind in _HEADQUARTERS else "-") + "----"


def _unit(parent: ET.Element, model: Model, node: Node, plan: _Structure) -> None:
    unit = _sub(parent, "Unit")
    _sub(unit, "ObjectHandle", msdl_handle("unit", node.id))
    _sub(unit, "SymbolIdentifier", _symbol(node))
    _sub(unit, "Name", plan.names[node.id])
    modifiers = _sub(unit, "UnitSymbolModifiers")
    if node.echelon and node.echelon.upper() in _ECHELONS:
        _sub(modifiers, "Echelon", node.echelon.upper())
    _sub(modifiers, "AdditionalInfo", node.kind[:20])
    _sub(modifiers, "UniqueDesignation", msdl_text(node.short or node.name, 21))
    location = model.locations.get(node.location) if node.location else None
    if location is not None:
        where = _sub(_sub(unit, "Disposition"), "Location")
        _sub(where, "CoordinateChoice", "GDC")
        gdc = _sub(_sub(where, "CoordinateData"), "GDC")
        _sub(gdc, "Latitude", str(float(location.lat)))
        _sub(gdc, "Longitude", str(float(location.lon)))
        _sub(gdc, "ElevationAGL", "0")
    _relations(_sub(unit, "Relations"), node, plan)


def _relations(relations: ET.Element, node: Node, plan: _Structure) -> None:
    force = _sub(relations, "ForceRelation")
    superior = plan.commanding.get(node.id)
    if superior is None:
        _sub(force, "ForceRelationChoice", "FORCE_SIDE")
        data = _sub(force, "ForceRelationData")
        _sub(data, "ForceSideHandle", msdl_handle("force-side", node.nation))
    else:
        _sub(force, "ForceRelationChoice", "UNIT")
        command = _sub(_sub(force, "ForceRelationData"), "CommandRelation")
        _sub(command, "CommandingSuperiorHandle", msdl_handle("unit", superior.from_node))
        _sub(command, "CommandRelationshipType", MSDL_COMMAND_RELATIONSHIPS[superior.relation])
    supports = plan.supports.get(node.id, [])
    if supports:
        listing = _sub(relations, "SupportRelations")
        for link in supports:
            support = _sub(listing, "SupportRelation")
            _sub(support, "SupportedUnitHandle", msdl_handle("unit", link.to_node))
            _sub(support, "SupportType", "NONE")
    organic = plan.organic.get(node.id)
    if organic is not None or node.id in plan.own_force:
        relation = _sub(relations, "OrganicRelation")
        _sub(relation, "OrganicRelationChoice", "UNIT" if organic is not None else "FORCE_SIDE")
        data = _sub(relation, "OrganicRelationData")
        if organic is not None:
            _sub(data, "OrganicSuperiorHandle", msdl_handle("unit", organic.from_node))
        else:
            _sub(data, "OrganicForceSideHandle", msdl_handle("force-side", node.nation))


def _description(model: Model, phase: str, omissions: list[Omission]) -> str:
    situation = model.situation(phase)
    text = (
        f"{model.name} (as of {model.as_of}): the command structure in the "
        f"{'scenario' if situation.scenario else 'phase'} {situation.name} ({phase}), "
        "written by c2graph from a model that names each link's legal basis and source."
    )
    summary = MsdlExport(phase, "", 0, tuple(omissions)).summary()
    return f"{text} Not carried as the model has it: {summary}" if summary else text


def msdl_export(model: Model, *, phase: str | None = None) -> MsdlExport:
    """Return the MSDL document of a phase's command structure and what it leaves out.

    Parameters
    ----------
    model
        The loaded model.
    phase
        The phase or scenario to write; the model's first phase when None (MSDL describes
        one situation).

    Raises
    ------
    QueryError
        ``phase`` is not a phase of the model.
    RenderError
        A text XML cannot carry (a control character in the model's name).

    Examples
    --------
    >>> from c2graph import load_model
    >>> result = msdl_export(load_model("models/us-japan-2025.yaml"), phase="armed-attack")
    >>> [(o.item, o.reason, o.written) for o in result.omissions if o.changed]
    [('dm-jcg-control-armed-attack', 'control has no MSDL type', 'NONE')]
    """
    phase_id = model.situation(phase).id if phase is not None else model.phases[0].id
    plan = _structure(model, phase_id)
    check_xml_text("msdl", "the model's name", model.name)
    check_xml_text("msdl", f"phase {phase_id!r} → name", model.situation(phase_id).name)
    description = _description(model, phase_id, plan.omissions)
    root = ET.Element(
        "MilitaryScenario", {"xmlns": MSDL_NAMESPACE, "xmlns:modelID": MODELID_NAMESPACE}
    )
    _scenario_id(root, model, description)
    _sub(_sub(root, "Options"), "MSDLVersion", _VERSION)
    _force_sides(root, model, plan.units)
    if plan.units:  # MSDL's Units holds at least one unit: without any, no Organizations
        units = _sub(_sub(root, "Organizations"), "Units")
        for node in plan.units:
            _unit(units, model, node, plan)
    ET.indent(root, space="  ")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return MsdlExport(phase_id, text, len(plan.units), tuple(plan.omissions))


def to_msdl(model: Model, *, phase: str | None = None) -> str:
    """Return :func:`msdl_export`'s document text (the phase's first when None).

    Examples
    --------
    >>> from c2graph import load_model
    >>> to_msdl(load_model("models/us-rok-cfc.yaml")).splitlines()[1]
    '<MilitaryScenario xmlns="urn:sisostds:scenario:military:data:draft:msdl:1" \
xmlns:modelID="http://www.sisostds.org/schemas/modelID">'
    """
    return msdl_export(model, phase=phase).text
