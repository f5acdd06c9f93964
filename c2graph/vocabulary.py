"""The fixed vocabulary of c2graph: relations, their layers, node kinds, nations, confidence.

Every analysis and renderer imports its terms from here, so a relation's meaning, its
class (authority or coordination) and its layer are defined exactly once.

Example
-------
>>> RELATIONS["tacon"].is_authority
True
>>> RELATIONS["coordination"].is_authority
False
>>> RELATIONS["adcon"].layer
<Layer.ADMINISTRATIVE: 'administrative'>
>>> sorted(LAYER_RELATIONS[Layer.OPERATIONAL])
['cocom', 'command', 'opcon', 'tacon', 'transmits']
>>> sorted(LAYER_RELATIONS[Layer.CIVIL]), sorted(LAYER_RELATIONS[Layer.INFORMATION])
(['civil-command', 'control'], ['shares-picture'])
>>> meet("opcon", "tacon")
'tacon'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import QueryError
from .hints import did_you_mean

__all__ = [
    "ALL_LAYERS",
    "APPROVAL_TIMINGS",
    "AUTHORITY_LAYERS",
    "AUTHORITY_ORDER",
    "AUTHORITY_RELATIONS",
    "CONDUIT",
    "CONFIDENCE_LEVELS",
    "COORDINATION_RELATIONS",
    "DECISION_KINDS",
    "FORCE_KINDS",
    "LAYER_CHOICES",
    "LAYER_RELATIONS",
    "MSDL_COMMAND_RELATIONSHIPS",
    "MSDL_RELATIONS",
    "NODE_KINDS",
    "OPERATIONAL_RELATIONS",
    "POLITICAL_KINDS",
    "RELATIONS",
    "SPECIAL_NATIONS",
    "SYNONYMS",
    "TIME_UNITS",
    "Layer",
    "RelationClass",
    "RelationInfo",
    "carries_authority",
    "layer_relations",
    "meet",
]


class RelationClass(StrEnum):
    """Whether a link carries authority over the other end or only connects two ends."""

    AUTHORITY = "authority"
    COORDINATION = "coordination"


class Layer(StrEnum):
    """The question a relation answers; every relation belongs to exactly one layer.

    Operational command, administration, civil control, support, coordination and the
    sharing of information run in different chains (JP 1: OPCON and ADCON follow separate
    lines), so each analysis is computed on one layer at a time.
    """

    OPERATIONAL = "operational"
    ADMINISTRATIVE = "administrative"
    CIVIL = "civil"
    SUPPORT = "support"
    COORDINATION = "coordination"
    INFORMATION = "information"


@dataclass(frozen=True)
class RelationInfo:
    """One relation of the vocabulary: its id, class, layer, label and doctrinal meaning."""

    id: str
    relation_class: RelationClass
    layer: Layer
    label: str
    meaning: str
    doctrine: str

    @property
    def is_authority(self) -> bool:
        """True for relations that place the head of the link under the tail's authority."""
        return self.relation_class is RelationClass.AUTHORITY


_A = RelationClass.AUTHORITY
_C = RelationClass.COORDINATION

RELATIONS: dict[str, RelationInfo] = {
    info.id: info
    for info in (
        RelationInfo(
            "command",
            _A,
            Layer.OPERATIONAL,
            "command",
            "Full command: the national authority and direction of forces, including every "
            "lesser authority (operational, tactical, administrative).",
            "JP 1 (command; authority and direction from President through SecDef); "
            "SDF Law Art. 7-8 (supreme command and supervision, 指揮監督)",
        ),
        RelationInfo(
            "cocom",
            _A,
            Layer.OPERATIONAL,
            "COCOM",
            "Combatant command: non-transferable command authority of a combatant commander "
            "over assigned forces; includes OPCON, TACON and directive authority for logistics, "
            "but not service administration (ADCON).",
            "JP 1, 10 U.S.C. 164",
        ),
        RelationInfo(
            "opcon",
            _A,
            Layer.OPERATIONAL,
            "OPCON",
            "Operational control: organise and employ forces, assign tasks, designate "
            "objectives; excludes logistics, administration, discipline and unit training.",
            "JP 1 (operational control)",
        ),
        RelationInfo(
            "tacon",
            _A,
            Layer.OPERATIONAL,
            "TACON",
            "Tactical control: detailed, usually local direction and control of movements "
            "or manoeuvres to accomplish assigned tasks; carries no OPCON.",
            "JP 1 (tactical control)",
        ),
        RelationInfo(
            "transmits",
            _A,
            Layer.OPERATIONAL,
            "transmits",
            "Transmits: the tail passes on and executes its superior's orders to the head "
            "without holding command of its own (a conduit); the superior's authority passes "
            "through unchanged, and the conduit is on every chain through it.",
            "SDF Law Art. 9 before 2025 (WP2006: 防衛大臣の指揮は、統合幕僚長を通じて行い…"
            "統合幕僚長が執行する); 10 U.S.C. 163(a) (orders transmitted through the CJCS)",
        ),
        RelationInfo(
            "adcon",
            _A,
            Layer.ADMINISTRATIVE,
            "ADCON",
            "Administrative control: administration and support through the service chain; "
            "an administrative, not an operational, chain.",
            "JP 1 (administrative control)",
        ),
        RelationInfo(
            "civil-command",
            _A,
            Layer.CIVIL,
            "civil command",
            "Civil command and supervision (指揮監督) of a ministry or civilian agency by the "
            "Prime Minister or a minister; a civilian, not a military, line.",
            "Cabinet Act Art. 6; Constitution Art. 72; JCG Law Art. 10",
        ),
        RelationInfo(
            "control",
            _A,
            Layer.CIVIL,
            "control",
            "Control (統制) of a non-military organisation by a political authority: the "
            "Minister of Defense's control of the Japan Coast Guard, on a Cabinet decision "
            "under a defense-operation (Art. 76(1)(i)) or public-security-operation (Art. "
            "78(1)) order; the controlled body keeps its civilian functions (JCG Law Art. 25).",
            "SDF Law Art. 80",
        ),
        RelationInfo(
            "support",
            _C,
            Layer.SUPPORT,
            "support",
            "Support: the tail aids, protects or sustains the head; it gives neither end "
            "authority over the other's forces.",
            "JP 1 (support relationship); SDF Law Art. 95-2; Important Influence Situations Act",
        ),
        RelationInfo(
            "coordination",
            _C,
            Layer.COORDINATION,
            "coordination",
            "Coordination: consultation to align plans and activities; no authority passes.",
            "JP 1 (coordinating authority, direct liaison); 2015 Guidelines (ACM)",
        ),
        RelationInfo(
            "liaison",
            _C,
            Layer.COORDINATION,
            "liaison",
            "Liaison: a standing point of contact exchanging information; no authority passes.",
            "JP 1 (liaison)",
        ),
        RelationInfo(
            "counterpart",
            _C,
            Layer.COORDINATION,
            "counterpart",
            "Counterparts: two bodies designated as each other's opposite number across "
            "nations; no authority passes.",
            "2024 Security Consultative Committee statement (JJOC-USFJ counterparts)",
        ),
        RelationInfo(
            "member",
            _C,
            Layer.COORDINATION,
            "member",
            "Membership: the tail sits in or staffs the head (a coordination body or forum).",
            "2015 Guidelines (ACM composition)",
        ),
        RelationInfo(
            "shares-picture",
            _C,
            Layer.INFORMATION,
            "shares picture",
            "Shares a picture: the tail contributes to or draws on a shared operational or "
            "intelligence picture kept by the head body (e.g. the BJOCC, BIAC or ECC); no "
            "authority passes.",
            "2006 Realignment Roadmap (BJOCC); USFJ, BIAC opening ceremony (29 Nov 2022)",
        ),
    )
}

AUTHORITY_RELATIONS: frozenset[str] = frozenset(
    rid for rid, info in RELATIONS.items() if info.is_authority
)
COORDINATION_RELATIONS: frozenset[str] = frozenset(RELATIONS) - AUTHORITY_RELATIONS

#: The relations of each layer.
LAYER_RELATIONS: dict[Layer, frozenset[str]] = {
    layer: frozenset(rid for rid, info in RELATIONS.items() if info.layer is layer)
    for layer in Layer
}

#: The layers whose relations carry authority: chains of command run in these.
AUTHORITY_LAYERS: tuple[Layer, ...] = (Layer.OPERATIONAL, Layer.ADMINISTRATIVE, Layer.CIVIL)

#: The value of ``layer`` that takes every relation at once (authority of every layer mixed,
#: as in one "authority" graph).
ALL_LAYERS = "all"

#: Every value an analysis accepts as ``layer``, in display order.
LAYER_CHOICES: tuple[str, ...] = (*(layer.value for layer in Layer), ALL_LAYERS)


def layer_relations(layer: str) -> frozenset[str]:
    """Return the relations of ``layer`` (a :class:`Layer` value, or ``"all"`` for every one).

    Raises :class:`~c2graph.errors.QueryError` naming the choices for an unknown layer.

    Example
    -------
    >>> sorted(layer_relations("civil"))
    ['civil-command', 'control']
    >>> len(layer_relations("all")) == len(RELATIONS)
    True
    """
    if layer == ALL_LAYERS:
        return frozenset(RELATIONS)
    if layer not in LAYER_CHOICES:
        raise QueryError(
            f"unknown layer {layer!r}{did_you_mean(layer, LAYER_CHOICES)}; expected one of "
            f"{', '.join(LAYER_CHOICES)}"
        )
    return LAYER_RELATIONS[Layer(layer)]


def carries_authority(layer: str) -> bool:
    """True when chains of command run in ``layer``: an authority layer, or ``"all"``.

    Example
    -------
    >>> carries_authority("operational"), carries_authority("all"), carries_authority("support")
    (True, True, False)
    """
    layer_relations(layer)
    return layer == ALL_LAYERS or Layer(layer) in AUTHORITY_LAYERS


#: Relations that make the tail an operational commander of the head (unity of command).
OPERATIONAL_RELATIONS: frozenset[str] = frozenset({"command", "cocom", "opcon"})

#: Authority relations from strongest to weakest: the order in which :func:`meet` ranks them
#: and in which every listing of authorities is sorted.  ``transmits`` holds nothing of its
#: own, so it ranks below every operational authority it passes on.
AUTHORITY_ORDER: tuple[str, ...] = (
    "command",
    "cocom",
    "opcon",
    "tacon",
    "transmits",
    "adcon",
    "civil-command",
    "control",
)

#: The conduit relation: composing it with any authority leaves that authority unchanged.
CONDUIT = "transmits"

# What each authority includes (JP 1): full command includes everything; COCOM includes
# OPCON and TACON; OPCON includes TACON. ADCON stands on its own branch; civil command of a
# ministry includes the control it exercises. ``transmits`` is not listed: meet() treats it
# as the identity.
_INCLUDES: dict[str, frozenset[str]] = {
    "command": frozenset(
        {"command", "cocom", "opcon", "tacon", "adcon", "civil-command", "control"}
    ),
    "cocom": frozenset({"cocom", "opcon", "tacon"}),
    "opcon": frozenset({"opcon", "tacon"}),
    "tacon": frozenset({"tacon"}),
    "adcon": frozenset({"adcon"}),
    "civil-command": frozenset({"civil-command", "control"}),
    "control": frozenset({"control"}),
}


def meet(upper: str, lower: str) -> str:
    """Return the authority that survives when ``upper`` is followed by ``lower`` on a chain.

    The result is the greatest authority included in both (JP 1: a commander can delegate
    no more than it holds, so a chain passes on only what every link carries). ``"none"``
    means no authority survives, e.g. OPCON followed by ADCON.  ``transmits`` is the
    identity: a conduit passes on exactly what its superior holds (``meet(x, "transmits")
    == x``), so a chain through the Chief of Staff, Joint Staff before 2025 carries the
    Minister's command.

    Example
    -------
    >>> meet("command", "opcon")
    'opcon'
    >>> meet("tacon", "opcon")
    'tacon'
    >>> meet("opcon", "adcon")
    'none'
    >>> meet("command", "transmits"), meet("transmits", "opcon")
    ('command', 'opcon')
    >>> meet("command", "civil-command"), meet("civil-command", "control")
    ('civil-command', 'control')

    References
    ----------
    Joint Publication 1, *Doctrine for the Armed Forces of the United States* (command
    relationships: COCOM includes OPCON, OPCON includes TACON; ADCON is a separate chain).
    SDF Law Art. 9 before 2025 and Defense of Japan 2006 (the Minister's command through the
    Chief of Staff, Joint Staff, who executes it); 10 U.S.C. 163(a).
    """
    if upper == "none" or lower == "none":
        return "none"
    if lower == CONDUIT:
        return upper
    if upper == CONDUIT:
        return lower
    common = _INCLUDES[upper] & _INCLUDES[lower]
    for candidate in AUTHORITY_ORDER:
        if candidate in common:
            return candidate
    return "none"


NODE_KINDS: dict[str, str] = {
    "political-authority": "Head of government or state, cabinet, or minister holding "
    "command authority by law.",
    "legislature": "A parliament whose approval a phase may need (e.g. the Diet).",
    "ministry": "A government ministry or department.",
    "staff": "A staff that advises and transmits orders (e.g. a joint staff).",
    "headquarters": "A command headquarters with forces assigned or assignable.",
    "component": "A service or functional component command.",
    "unit": "A force unit or formation.",
    "agency": "A non-military government agency (e.g. a coast guard).",
    "coordination-body": "A standing or activated body that coordinates operations without "
    "command (e.g. the BOCC, a BJOCC).",
    "forum": "A political or policy-level consultative body of ministers or officials (e.g. "
    "the 2+2, the SOFA Joint Committee) that directs no forces and runs no operations.",
}

#: Node kinds whose links are political, not operational, channels between nations.
POLITICAL_KINDS: frozenset[str] = frozenset(
    {"political-authority", "legislature", "ministry", "forum"}
)

#: Node kinds that are forces: the ends of chains of command.
FORCE_KINDS: frozenset[str] = frozenset({"headquarters", "component", "unit", "agency"})

#: Nation values that are not a country code.
SPECIAL_NATIONS: frozenset[str] = frozenset({"alliance", "multinational"})

CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium", "low")


#: Kinds of decision a model can record (``decisions[].kind``), with what each is.
DECISION_KINDS: dict[str, str] = {
    "order": "An order by one authority (e.g. the PM's defense-operation order).",
    "cabinet-decision": "A decision of the Cabinet in a cabinet meeting (閣議決定).",
    "telephone-cabinet": "A cabinet decision whose ministers consent by telephone "
    "(Japan, cabinet decisions of 14 May 2015, for three gray-zone cases).",
    "approval": "An approval of another body's decision or measure.",
    "consultation": "A required deliberation or consultation (e.g. the NSC on the basic "
    "response policy; the 1960 prior consultation).",
    "delegation": "A delegation of authority (e.g. a combatant commander delegating OPCON).",
    "request": "A request that conditions another decision (e.g. a governor's request).",
    "report": "A report after the fact that is not an approval (e.g. a War Powers report).",
    "declaration": "A phase declared by its declarer: the ``declared_by`` shorthand.",
}

#: When an approval must come, relative to the decision it approves (``approvals[].timing``).
APPROVAL_TIMINGS: dict[str, str] = {
    "prior": "before the decision takes effect",
    "prior-no-exception": "before the decision takes effect, with no emergency exception",
    "prior-or-after": "before in principle; after the fact in an emergency",
    "immediately-after": "sought immediately after; the decision is effective before it "
    "and ends if it is refused",
    "after": "after the fact, within the time given",
    "report": "a report after the fact, not an approval",
}

#: Units of decision durations and approval deadlines, in hours.
TIME_UNITS: dict[str, float] = {"min": 1 / 60, "h": 1.0, "d": 24.0}

#: The MSDL command relationship type (SISO-STD-007-2008, ``enumCommandRelationshipType``,
#: after FM 3-0) each authority relation is written as. MSDL has no COCOM or assigned
#: type: a combatant commander's assigned forces are its organic forces; a ministry's
#: agency is organically the ministry's. A conduit holds no command of its own and civil
#: control of a non-military body has no MSDL type: both are ``NONE`` ("not specified").
MSDL_COMMAND_RELATIONSHIPS: dict[str, str] = {
    "command": "ORGANIC",
    "cocom": "ORGANIC",
    "opcon": "OPCON",
    "tacon": "TACON",
    "transmits": "NONE",
    "adcon": "ADCON",
    "civil-command": "ORGANIC",
    "control": "NONE",
}

#: The relation each MSDL command relationship type is read as: an attached unit is under
#: the command of the gaining unit (FM 3-0); ``NONE`` gives no type and is read as command
#: with low confidence by the importer, which says so in the link's note.
MSDL_RELATIONS: dict[str, str] = {
    "ORGANIC": "command",
    "ATTACHED": "command",
    "OPCON": "opcon",
    "TACON": "tacon",
    "ADCON": "adcon",
    "NONE": "command",
}


#: Words people write for a term of the vocabulary, and the term they mean: the hints of
#: :mod:`c2graph.hints` suggest the term by meaning where spelling alone would mislead
#: (``tactical-control`` is TACON, not the civil ``control``). Keys are lower case, words
#: joined by ``-``.
SYNONYMS: dict[str, str] = {
    # relations
    "full-command": "command",
    "national-command": "command",
    "combatant-command": "cocom",
    "combatant-command-authority": "cocom",
    "operational-control": "opcon",
    "op-con": "opcon",
    "tactical-control": "tacon",
    "tac-con": "tacon",
    "administrative-control": "adcon",
    "admin-control": "adcon",
    "ad-con": "adcon",
    "conduit": "transmits",
    "transmit": "transmits",
    "relays": "transmits",
    "supports": "support",
    "supporting": "support",
    "general-support": "support",
    "direct-support": "support",
    "mutual-support": "support",
    "coordinate": "coordination",
    "coordinates": "coordination",
    "coordinating": "coordination",
    "coordinating-authority": "coordination",
    "direct-liaison": "liaison",
    "direct-liaison-authorized": "liaison",
    "dirlauth": "liaison",
    "liaises": "liaison",
    "lno": "liaison",
    "counterparts": "counterpart",
    "opposite-number": "counterpart",
    "member-of": "member",
    "membership": "member",
    "shared-picture": "shares-picture",
    "common-operational-picture": "shares-picture",
    "cop": "shares-picture",
    # node kinds
    "hq": "headquarters",
    "head-quarters": "headquarters",
    "command-post": "headquarters",
    "parliament": "legislature",
    "diet": "legislature",
    "congress": "legislature",
    "government": "political-authority",
    "head-of-government": "political-authority",
    "prime-minister": "political-authority",
    "president": "political-authority",
    "minister": "political-authority",
    "cabinet": "political-authority",
    "department": "ministry",
    "joint-staff": "staff",
    "service-component": "component",
    "functional-component": "component",
    "formation": "unit",
    "force": "unit",
    "brigade": "unit",
    "division": "unit",
    "regiment": "unit",
    "battalion": "unit",
    "fleet": "unit",
    "squadron": "unit",
    "wing": "unit",
    "coast-guard": "agency",
    "coordination-center": "coordination-body",
    "coordination-centre": "coordination-body",
    # confidence
    "med": "medium",
    "moderate": "medium",
}
