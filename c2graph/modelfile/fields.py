"""The model file's keys, defined once: the validator and the JSON Schema both read them."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..vocabulary import CONFIDENCE_LEVELS, NODE_KINDS, RELATIONS, SPECIAL_NATIONS

__all__ = [
    "DATE_PATTERN",
    "FORMATS",
    "ID_PATTERN",
    "LANG_NAME_KEY",
    "NATION_PATTERN",
    "SECTIONS",
    "SECTIONS_WITH_LANG_NAMES",
    "Field",
    "TextFormat",
]

_SPECIAL_NATIONS = sorted(SPECIAL_NATIONS)

#: Ids: no spaces, no control characters, at most 200 characters.
ID_PATTERN = re.compile(r"^[^\s\x00-\x1f\x7f]{1,200}$")
#: Dates: YYYY, YYYY-MM or YYYY-MM-DD.
DATE_PATTERN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
#: Names in other languages: ``name_ja``, ``name_ko``, ...
LANG_NAME_KEY = re.compile(r"^name_[a-z]{2,3}$")
#: Nations: a country code in capitals, or one of the vocabulary's special nations.
NATION_PATTERN = re.compile(rf"^([A-Z]{{2,3}}|{'|'.join(_SPECIAL_NATIONS)})$")


@dataclass(frozen=True)
class TextFormat:
    """The pattern a text value must match, and how messages describe a value that does.

    >>> FORMATS["date"].expected
    'a date as YYYY, YYYY-MM or YYYY-MM-DD'
    """

    pattern: re.Pattern[str]
    expected: str


_ID_FORMAT = TextFormat(ID_PATTERN, "an id without spaces or control characters (1-200 characters)")

#: The format of each kind of text value that has one (other text kinds take any text).
FORMATS: dict[str, TextFormat] = {
    "id": _ID_FORMAT,
    "ref": _ID_FORMAT,
    "date": TextFormat(DATE_PATTERN, "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    "nation": TextFormat(
        NATION_PATTERN,
        "a country code in capitals (JP, US, KR, ...), "
        + " or ".join(repr(nation) for nation in _SPECIAL_NATIONS),
    ),
}


@dataclass(frozen=True)
class Field:
    """One key of a section: its type, whether it is required, and what it means.

    ``kind`` is one of: text, id, date, nation, number, enum, ref, refs, phases, section,
    sections, strings.  ``target`` names the section a ref points to, or the nested
    section of a ``section``/``sections`` field; ``choices`` lists an enum's values and
    ``bounds`` the lowest and highest value of a number, when it has them.

    >>> SECTIONS["link"]["relation"].kind, SECTIONS["link"]["relation"].required
    ('enum', True)
    """

    name: str
    kind: str
    description: str
    required: bool = False
    target: str = ""
    choices: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None


def _fields(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


_CONFIDENCE = Field(
    "confidence",
    "enum",
    "How sure the sources are: high, medium or low.",
    choices=CONFIDENCE_LEVELS,
)
_NOTE = Field("note", "text", "Free text: caveats, disagreements between sources.")
_SOURCE = Field(
    "source", "ref", "Id of the entry in `sources` this item rests on.", target="sources"
)
_PHASES = Field(
    "phases",
    "phases",
    "When the item holds: `all` (default), a list of phase ids, or `{from: P}` for phase P "
    "and every later one (`{from: P, to: Q}` for a range).",
)

SECTIONS: dict[str, dict[str, Field]] = {
    "model": _fields(
        Field("name", "text", "Title of the structure.", required=True),
        Field(
            "as_of",
            "date",
            "Date the structure describes (YYYY, YYYY-MM or YYYY-MM-DD).",
            required=True,
        ),
        Field("description", "text", "What the structure is and where it comes from."),
        Field(
            "extends",
            "text",
            "Path (relative to this file) of the model this one modifies; `nodes`, `links`, "
            "`sources` and `locations` then add to it, `remove` and `change` modify it.",
        ),
        Field(
            "phases",
            "sections",
            "Ordered legal or alliance phases, earliest first.",
            target="phase",
        ),
        Field("nodes", "sections", "Authorities, headquarters, units and bodies.", target="node"),
        Field("links", "sections", "Typed relations between nodes.", target="link"),
        Field(
            "units",
            "sections",
            "CSV files of units (one row per node, with its parent "
            "and the relation of its authority link), read relative to this file.",
            target="units_file",
        ),
        Field(
            "locations", "sections", "Sites with coordinates and UTC offsets.", target="location"
        ),
        Field("sources", "sections", "Where the facts come from.", target="source"),
        Field(
            "considerations",
            "section",
            "The six considerations of the variant (purpose, locations, functions, agility, "
            "readiness, timeline).",
            target="considerations",
        ),
        Field("remove", "section", "With `extends`: what this variant removes.", target="remove"),
        Field("change", "section", "With `extends`: what this variant changes.", target="change"),
    ),
    "phase": _fields(
        Field("id", "id", "Phase id, referenced by links and nodes.", required=True),
        Field("name", "text", "Readable name.", required=True),
        Field("nation", "nation", "Whose legal framework defines the phase (e.g. JP)."),
        Field(
            "declared_by",
            "ref",
            "Node id of the authority that declares the phase.",
            target="nodes",
        ),
        Field("approval", "refs", "Node ids whose approval the declaration needs.", target="nodes"),
        Field("basis", "text", "Legal basis (statute, article, agreement)."),
        Field("description", "text", "What the phase allows or switches on."),
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "node": _fields(
        Field("id", "id", "Node id, referenced by links.", required=True),
        Field("name", "text", "Readable name.", required=True),
        Field(
            "nation",
            "nation",
            "Country code (JP, US, KR, ...), `alliance` or `multinational`.",
            required=True,
        ),
        Field("kind", "enum", "What the node is.", required=True, choices=tuple(NODE_KINDS)),
        Field("location", "ref", "Id of the entry in `locations`.", target="locations"),
        Field("echelon", "text", "Echelon or grade (e.g. national, theater, corps, 3-star)."),
        Field("short", "text", "Short label for diagrams (e.g. JJOC)."),
        _PHASES,
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "link": _fields(
        Field(
            "id",
            "id",
            "Optional link id; needed only to tell apart links with the same ends and relation.",
        ),
        Field(
            "from",
            "ref",
            "Node id of the tail (the commander, supporter or member).",
            required=True,
            target="nodes",
        ),
        Field(
            "to",
            "ref",
            "Node id of the head (the commanded, supported or joined).",
            required=True,
            target="nodes",
        ),
        Field(
            "relation",
            "enum",
            "Relation, from c2graph's vocabulary.",
            required=True,
            choices=tuple(RELATIONS),
        ),
        _PHASES,
        Field("basis", "text", "Legal article or agreement the link rests on."),
        _SOURCE,
        _CONFIDENCE,
        Field("as_of", "date", "Date the link was last known to hold."),
        _NOTE,
    ),
    "source": _fields(
        Field("id", "id", "Source id, referenced by `source` keys.", required=True),
        Field("title", "text", "Title or description of the source.", required=True),
        Field("url", "text", "Where to read it."),
        Field("publisher", "text", "Who published it."),
        Field("date", "date", "Publication date."),
        _NOTE,
    ),
    "location": _fields(
        Field("id", "id", "Location id, referenced by nodes.", required=True),
        Field("name", "text", "Readable name.", required=True),
        Field("lat", "number", "Latitude, degrees north.", required=True, bounds=(-90, 90)),
        Field("lon", "number", "Longitude, degrees east.", required=True, bounds=(-180, 180)),
        Field(
            "utc_offset",
            "number",
            "Standard-time offset from UTC in hours.",
            required=True,
            bounds=(-12, 14),
        ),
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "considerations": _fields(
        *(
            Field(key, "text", text)
            for key, text in (
                ("purpose", "What operational problem the structure is organised around."),
                ("locations", "Where it sits and how many supporting locations it needs."),
                ("functions", "What it does day to day and which contingencies it is built for."),
                ("agility", "Whether it can expand and adapt."),
                ("readiness", "Whether it enhances or consumes the readiness of forces."),
                ("timeline", "Aspirational timeline for implementation."),
            )
        )
    ),
    "remove": _fields(
        Field("nodes", "strings", "Ids of nodes to remove, with every link touching them."),
        Field(
            "links",
            "sections",
            "Links to remove, matched by id or by from, to and relation.",
            target="link_match",
        ),
    ),
    "change": _fields(
        Field(
            "nodes", "sections", "Nodes to change: `id` plus the keys to set.", target="node_change"
        ),
        Field(
            "links",
            "sections",
            "Links to change: matched by id or by from, to and "
            "relation, with `set` giving the keys to set.",
            target="link_change",
        ),
        Field(
            "phases",
            "sections",
            "Phases to change: `id` plus the keys to set.",
            target="phase_change",
        ),
    ),
    "units_file": _fields(
        Field(
            "file",
            "text",
            "Path of the CSV file (header: id,name,nation,kind and "
            "optionally parent,relation,echelon,location,name_ja,phases,source,...).",
            required=True,
        ),
    ),
    "link_match": _fields(
        Field("id", "id", "Link id."),
        Field("from", "ref", "Tail node id.", target="nodes"),
        Field("to", "ref", "Head node id.", target="nodes"),
        Field("relation", "enum", "Relation.", choices=tuple(RELATIONS)),
    ),
}

SECTIONS["link_change"] = {
    **SECTIONS["link_match"],
    "set": Field("set", "section", "Keys of the link to set.", required=True, target="link_set"),
}


def _all_optional_but(section: str, *keep: str) -> dict[str, Field]:
    """The fields of a section with only ``keep`` still required (for ``change`` entries)."""
    return {
        k: dataclasses.replace(f, required=k in keep)
        for k, f in SECTIONS[section].items()
        if k != "id" or "id" in keep
    }


SECTIONS["link_set"] = _all_optional_but("link")
SECTIONS["node_change"] = _all_optional_but("node", "id")
SECTIONS["phase_change"] = _all_optional_but("phase", "id")

#: Sections whose items may carry ``name_xx`` keys (names in other languages).
SECTIONS_WITH_LANG_NAMES = frozenset({"node", "phase", "node_change", "phase_change"})
