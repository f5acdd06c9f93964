"""The model file's keys, defined once: the validator and the JSON Schema both read them."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..decisions import AMOUNT_PATTERN
from ..vocabulary import (
    APPROVAL_TIMINGS,
    CONFIDENCE_LEVELS,
    DECISION_KINDS,
    NODE_KINDS,
    RELATIONS,
    SPECIAL_NATIONS,
    TIME_UNITS,
)

__all__ = [
    "DATE_PATTERN",
    "FORMATS",
    "ID_PATTERN",
    "LANG_NAME_KEY",
    "NATION_PATTERN",
    "PATH_PATTERN",
    "SECTIONS",
    "SECTIONS_WITH_LANG_NAMES",
    "URL_PATTERN",
    "Field",
    "TextFormat",
]

_SPECIAL_NATIONS = sorted(SPECIAL_NATIONS)

#: Ids: no spaces, no control or invisible characters (zero-width, bidirectional
#: controls, soft hyphen, byte order mark), at most 200 characters. Patterns are matched
#: whole (``fullmatch``: ``$`` alone would let a final newline through).
ID_PATTERN = re.compile(
    r"^[^\s\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    r"\ufeff]{1,200}$"
)
#: Dates: YYYY, YYYY-MM or YYYY-MM-DD.
DATE_PATTERN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
#: Names in other languages: ``name_ja``, ``name_ko``, ...
LANG_NAME_KEY = re.compile(r"^name_[a-z]{2,3}$")
#: Nations: a country code in capitals, or one of the vocabulary's special nations.
NATION_PATTERN = re.compile(rf"^([A-Z]{{2,3}}|{'|'.join(_SPECIAL_NATIONS)})$")
#: IANA time-zone ids: ``Asia/Tokyo``, ``America/New_York``, ``UTC`` (whether the zone
#: exists is checked against the zone database).
ZONE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")
#: Instants: an ISO 8601 date and time with its UTC offset (``2026-05-16T02:00+09:00``).
DATETIME_PATTERN = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$"
)
#: Paths a model names (``extends``, ``units[].file``): no control characters, at most
#: 1024 characters; where they may lead is checked when they are read.
PATH_PATTERN = re.compile(r"^[^\x00-\x1f\x7f]{1,1024}$")
#: Web addresses: http or https, no spaces or control characters.
URL_PATTERN = re.compile(r"^[hH][tT][tT][pP][sS]?://[^\s\x00-\x1f\x7f-\x9f]+$")


@dataclass(frozen=True)
class TextFormat:
    """The pattern a text value must match whole, and how messages describe a value that
    does not.

    >>> FORMATS["date"].expected
    'a date as YYYY, YYYY-MM or YYYY-MM-DD'
    >>> bool(FORMATS["id"].pattern.fullmatch("hq\\n"))
    False
    """

    pattern: re.Pattern[str]
    expected: str


_ID_FORMAT = TextFormat(
    ID_PATTERN, "an id without spaces, control or invisible characters (1-200 characters)"
)

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
    "zone": TextFormat(ZONE_PATTERN, "an IANA time-zone id such as Asia/Tokyo"),
    "datetime": TextFormat(
        DATETIME_PATTERN,
        "a date and time with its UTC offset, such as 2026-05-16T02:00+09:00",
    ),
    "amount": TextFormat(AMOUNT_PATTERN, "a time amount such as 20 d, 48 h or 30 min"),
    "path": TextFormat(PATH_PATTERN, "a file path (1-1024 characters, no control characters)"),
    "url": TextFormat(URL_PATTERN, "an http:// or https:// address without spaces"),
}


@dataclass(frozen=True)
class Field:
    """One key of a section: its type, whether it is required, and what it means.

    ``kind`` is one of: text, id, date, nation, path, url, zone, datetime, amount, number,
    boolean, enum, ref, refs, phases, requirement, hours, vector, section, sections,
    strings. ``target`` names the section a ref points to, or the nested section of a
    ``section``/``sections`` field; ``choices`` lists an enum's values and ``bounds`` the
    lowest and highest value of a number, when it has them.

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
    "and every later one (`{from: P, to: Q}` for a range), each within one nation's phase "
    "set; or per nation, `{JP: [P1, P2], US: [Q]}`, when it holds only in a combination.",
)
_REQUIRES = Field(
    "requires",
    "requirement",
    "Decisions that must be in force: a list of decision ids (all of them), or "
    "`{any: [...]}` / `{all: [...]}`, nested as needed.",
)
_OFFICE_HOURS = Field(
    "office_hours",
    "section",
    "When the node can act: `hours: 24/7` or a list such as `[Mon-Fri 08:30-17:15]`, local time.",
    target="office_hours",
)
_DURATION = Field(
    "duration",
    "section",
    "How long it takes: `{min: 1, max: 6, unit: h}` with `source` or `assumption`.",
    target="duration",
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
            "path",
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
            "locations",
            "sections",
            "Sites with coordinates, UTC offsets, time zones and office hours.",
            target="location",
        ),
        Field(
            "decisions",
            "sections",
            "Decisions that phases and links require: who decides, with whose approval and "
            "when, how long it takes.",
            target="decision",
        ),
        Field(
            "scenarios",
            "sections",
            "Named combinations of one phase per nation (e.g. Japan in an important-influence "
            "situation while U.S. forces are in combat).",
            target="scenario",
        ),
        Field(
            "timelines",
            "sections",
            "Timed steps through phases and scenarios.",
            target="timeline",
        ),
        Field(
            "office_hours",
            "section",
            "Default office hours of every located node whose location and record give none "
            "(without it such nodes can always act).",
            target="office_hours",
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
        _REQUIRES,
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
        _OFFICE_HOURS,
        Field(
            "watch",
            "section",
            "When the node takes decisions and passes orders, if not only in office hours "
            "(e.g. `hours: 24/7` for an operations centre); same form as office hours.",
            target="office_hours",
        ),
        Field(
            "relay",
            "section",
            "How long the node takes to pass an order on (same form as a decision's duration).",
            target="duration",
        ),
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
        _REQUIRES,
        Field("basis", "text", "Legal article or agreement the link rests on."),
        _SOURCE,
        _CONFIDENCE,
        Field("as_of", "date", "Date the link was last known to hold."),
        _NOTE,
    ),
    "source": _fields(
        Field("id", "id", "Source id, referenced by `source` keys.", required=True),
        Field("title", "text", "Title or description of the source.", required=True),
        Field("url", "url", "Where to read it (an http or https address)."),
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
        Field(
            "tz",
            "zone",
            "IANA time zone (e.g. Asia/Tokyo): gives daylight saving; without it the clock "
            "keeps `utc_offset` all year.",
        ),
        _OFFICE_HOURS,
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "decision": _fields(
        Field("id", "id", "Decision id, referenced by `requires` and `prerequisites`.", True),
        Field("name", "text", "Readable name.", required=True),
        Field(
            "deciders",
            "refs",
            "Node ids of who decides: one, or several jointly.",
            required=True,
            target="nodes",
        ),
        Field(
            "kind", "enum", "What kind of decision.", required=True, choices=tuple(DECISION_KINDS)
        ),
        Field(
            "discretionary",
            "boolean",
            "True when the law allows but does not require it (links needing it hold only if "
            "it is taken).",
        ),
        Field(
            "approvals",
            "sections",
            "Approvals (or reports) the decision needs, each with its timing.",
            target="approval",
        ),
        Field("basis", "text", "Legal basis (statute, article, agreement)."),
        _DURATION,
        Field(
            "prerequisites",
            "requirement",
            "Decisions that must be in force first (same form as `requires`).",
        ),
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "approval": _fields(
        Field("by", "ref", "Node id of who approves (or receives the report).", True, "nodes"),
        Field(
            "timing",
            "enum",
            "When: " + "; ".join(f"`{k}` {v}" for k, v in APPROVAL_TIMINGS.items()) + ".",
            required=True,
            choices=tuple(APPROVAL_TIMINGS),
        ),
        Field("within", "amount", "Deadline of an after-the-fact approval or report (20 d)."),
        _DURATION,
        _NOTE,
    ),
    "duration": _fields(
        Field("min", "number", "Shortest time.", required=True, bounds=(0, 1e6)),
        Field("max", "number", "Longest time (not less than min).", required=True, bounds=(0, 1e6)),
        Field("unit", "enum", "Unit: min, h or d.", required=True, choices=tuple(TIME_UNITS)),
        Field("source", "ref", "Id of the source giving the range.", target="sources"),
        Field("assumption", "text", "Why the range is assumed, when no source gives it."),
        _NOTE,
    ),
    "office_hours": _fields(
        Field(
            "hours",
            "hours",
            "`24/7`, or a list of entries such as `Mon-Fri 08:30-17:15` (days, then a span "
            "of local time; a span ending before it starts runs past midnight).",
            required=True,
        ),
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "scenario": _fields(
        Field("id", "id", "Scenario id: analyses take it where they take a phase.", True),
        Field("name", "text", "Readable name.", required=True),
        Field(
            "phases",
            "vector",
            "The phase of each nation, `{JP: armed-attack, US: us-contingency}`; nations not "
            "named stay in their first phase.",
            required=True,
        ),
        Field(
            "requires",
            "requirement",
            "Decisions the combination needs beyond its phases' (e.g. the 1960 prior "
            "consultation for combat operations launched from Japan other than under Art. V).",
        ),
        Field("description", "text", "What the scenario stands for."),
        _SOURCE,
        _CONFIDENCE,
        _NOTE,
    ),
    "timeline": _fields(
        Field("id", "id", "Timeline id.", required=True),
        Field("name", "text", "Readable name.", required=True),
        Field("description", "text", "What the timeline stands for."),
        Field("steps", "sections", "The steps, in time order.", required=True, target="step"),
        _SOURCE,
        _NOTE,
    ),
    "step": _fields(
        Field("at", "datetime", "When the step begins (2026-05-16T02:00+09:00).", True),
        Field("enter", "ref", "The phase or scenario id entered.", required=True),
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
        Field("decisions", "strings", "Ids of decisions to remove."),
        Field("scenarios", "strings", "Ids of scenarios to remove."),
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
        Field(
            "decisions",
            "sections",
            "Decisions to change: `id` plus the keys to set.",
            target="decision_change",
        ),
    ),
    "units_file": _fields(
        Field(
            "file",
            "path",
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
SECTIONS["decision_change"] = _all_optional_but("decision", "id")

#: Sections whose items may carry ``name_xx`` keys (names in other languages).
SECTIONS_WITH_LANG_NAMES = frozenset(
    {"node", "phase", "decision", "scenario", "node_change", "phase_change", "decision_change"}
)
