"""The English catalogue of :mod:`c2graph.messages`: every interface string, by key.

The words of the vocabulary come from where they are defined: relation labels from
:data:`c2graph.vocabulary.RELATIONS`, approval timings from
:data:`~c2graph.vocabulary.APPROVAL_TIMINGS`, legend captions, marks and nation names from
the style table (:mod:`c2graph.render.style`).  Measures (``measure.<name>``) are named
in English by their own names (:data:`c2graph.analysis.measures.MEASURES`), so they have
no entry here.  The explorer page's strings are the section of
:mod:`c2graph._messages_explore`.
"""

from __future__ import annotations

from ._messages_explore import EXPLORE_ENGLISH
from .render.style import MARK_STYLES, NOTES, RELATION_STYLES, nation_style
from .vocabulary import APPROVAL_TIMINGS, CONFIDENCE_LEVELS, NODE_KINDS, RELATIONS, Layer

__all__ = ["ENGLISH", "NATIONS"]

_TEXTS: dict[str, str] = {
    # lists and counts
    "list.separator": ", ",
    "text.pair": "{label}: {value}",
    "text.heading": "{label}:",
    "text.aside": "{text} ({note})",
    "list.and": " and ",
    "list.groups": "; ",
    "list.or": " or ",
    "phases.all": "all phases",
    "phases.but": "all phases but {phase}",
    "phases.range": "{first} to {last}",
    "count.force": "1 force",
    "count.forces": "{count} forces",
    "count.decision": "1 decision",
    "count.decisions": "{count} decisions",
    "count.sources": "{count} sources",
    # report frame
    "report.title": "C2 structures: {models}",
    "report.summary": "Summary",
    "report.comparison": "Comparison",
    "report.definitions": "Definitions",
    "report.as_of": "as of {date}",
    "report.explorer": "Interactive explorer",
    "report.explorer_what": "(pan, zoom, chains of a node, phase switches)",
    "report.explorer_open": "{link}: open it in a browser.",
    "report.explorer_left_out": "The interactive explorer is left out: {model} has {nodes} "
    "nodes, more than the {limit} it draws (c2graph explore makes it on request).",
    "report.explorer_failed": "The interactive explorer could not be made: {reason}",
    "figure.missing": "Diagram not available ({caption}): {reason}",
    "figure.not_drawn": "not drawn",
    "figure.open": "open the diagram at full size",
    "figure.full_size": "full size",
    "sources.none": "No sources recorded.",
    "progress.loaded": "loaded {model}",
    "progress.printed": "PDF printed",
    "progress.drawing_chart": "drawing {count} nodes",
    "progress.drawn_chart": "chart drawn",
    "progress.bottlenecks": "bottlenecks of {model}: {phase}",
    "progress.sections": "sections laid out",
    "progress.assembled": "page and Markdown assembled ({count} files)",
    "progress.analysed": "analysed {model}",
    "progress.compared": "compared {model} with its base",
    "progress.drawing": "drawing {count} diagrams",
    "progress.drawn": "diagrams drawn",
    "progress.writing": "writing {count} files",
    "progress.printing": "printing the PDF",
    # summary
    "summary.intro": (
        "One row per model: the military nodes whose loss cuts forces off a chain of command "
        "(the political heads above every chain aside), the counterparts of which only one "
        "commands forces, what each switch from a phase to the next needs and changes, and "
        "what a variant or later snapshot changes against its base. Details follow, model "
        "by model; every term is defined at the end."
    ),
    "summary.none": "none",
    "summary.as_in": "as in {base}",
    "summary.as_in_but": "as in {base}, but:",
    "summary.in": " (in {phases})",
    "summary.phases_changed": "{finding}: now in {after} (was {before})",
    "summary.value_changed": "{finding}: {after} (was {before})",
    "summary.against": "against {base}:",
    "summary.no_headline": (
        "no change in who commands whom, decisions, single points of failure or counterparts"
    ),
    "summary.chains_change": "chains change: {units}",
    "summary.title": "{option} against {base}",
    "summary.no_change": "No change in: {phases}",
    "summary.commands": "Who commands whom",
    "summary.decisions": "Decisions",
    "summary.failures": "Single points of failure",
    "summary.peers": "Counterparts",
    "summary.values": "Approach and measures",
    "summary.records": "Changed records",
    "summary.considerations": "The six considerations",
    "summary.base": "base",
    "summary.both": "both",
    "summary.option": "option",
    "summary.measured": "measured",
    "summary.facts_note": "Measured facts that are the same in both models are left out.",
    "summary.takes": "{tail} takes {relations} of {heads}",
    "summary.gives_up": "{tail} no longer holds {relations} of {heads}",
    "summary.becomes": "{tail}: {before} of {heads} becomes {after}",
    "summary.chain": "chain of {unit}: {before} ⇒ {after}",
    "summary.force_added": "new force {unit}: {chains}",
    "summary.force_removed": "force {unit} removed (was {chains})",
    "summary.decision_needed": "becomes necessary: {decision} ({deciders})",
    "summary.decision_dropped": "no longer necessary: {decision} ({deciders})",
    "summary.spof_new": (
        "{node} becomes a single point of failure of the {family}: cuts off {units}"
    ),
    "summary.spof_gone": (
        "{node} is no longer a single point of failure of the {family} (cut off {units})"
    ),
    "summary.spof_changed": "{node} now cuts off {after} from the {family} (was {before})",
    "summary.cut_new": "{node} becomes a cut node of the whole structure",
    "summary.cut_gone": "{node} is no longer a cut node of the whole structure",
    "summary.peer_mismatch_match": "{a} ↔ {b}: now matched ({after}; was {before})",
    "summary.peer_match_mismatch": "{a} ↔ {b}: no longer matched ({after}; was {before})",
    "summary.peer_absent_mismatch": "new counterparts {a} ↔ {b}, mismatched ({after})",
    "summary.peer_absent_match": "new counterparts {a} ↔ {b}, matched ({after})",
    "summary.peer_mismatch_absent": "counterparts {a} ↔ {b} (mismatched: {before}) are gone",
    "summary.peer_match_absent": "counterparts {a} ↔ {b} (matched: {before}) are gone",
    "peer_role.commands": "commands forces",
    "peer_role.conduit": "passes orders on",
    "peer_role.none": "holds no forces",
    # compare's text
    "text.no_differences": "no differences",
    "text.structure": "Structure (the whole models)",
    "text.nodes_added": "nodes added ({count})",
    "text.nodes_removed": "nodes removed ({count})",
    "text.links_added": "links added ({count})",
    "text.links_removed": "links removed ({count})",
    "text.relations_changed": "relations changed ({count})",
    "text.link_changed": "link changed: {link}",
    "text.phases_lost": "no longer in {phases}",
    "text.phases_gained": "now also in {phases}",
    "text.only_before": "phases only in the first model",
    "text.only_after": "phases only in the second model",
    "text.in": "In {phases}",
    "text.definitions": "Every measure and verdict is defined in docs/measures.md.",
    # model part
    "model.about": "As of {date}. {nodes} nodes, {links} links, {phases} phases.",
    "model.schematics": "Schematics",
    "model.phases": "Phases",
    "model.sources": "Sources",
    "more.items": "… and {count} more",
    "more.names": "{names} … and {count} more",
    "failures.more": (
        "… and {count} more, each cutting off no more forces than those above; "
        "c2graph bottlenecks MODEL --phase PHASE lists them all"
    ),
    "structure.more": "… and {count} more; c2graph bottlenecks MODEL --phase PHASE lists them all",
    "switches.more": (
        "… and {count} more changes; c2graph switches MODEL --from P1 --to P2 lists them all"
    ),
    "chains.heading": "Chains of command",
    "chains.note": (
        "Every force with a superior in some phase, grouped by nation: each chain runs from "
        "a top authority down to the force, with the authority that survives along it "
        "(JP 1: a chain passes on no more than each link holds); a chain stops at a combined "
        "body, which then tops it. Forces without an operational chain show their civil or "
        "administrative one, labelled."
    ),
    "chains.none": "No force has a superior.",
    "chains.more": (
        "… and {count} more forces, not listed: those listed are the {listed} nearest the "
        "top; c2graph path MODEL FORCE gives the chains of any force."
    ),
    "chains.group": "{nation} ({forces})",
    "chains.no_chain": "no chain",
    "failures.heading": "Single points of failure",
    "failures.note": (
        "A node every chain of one family passes through to the forces listed (Cooper, "
        "Harvey & Kennedy 2001): losing it cuts them off from every chain of that family. "
        "Families are each nation's own chains and the combined chains, so a combined or "
        "foreign line never hides a national bottleneck."
    ),
    "failures.none": "No single point of failure.",
    "failures.political": "political",
    "family.national": "{nation} chains",
    "family.combined": "combined chains",
    "role.commands": "commands {count} forces",
    "role.commands_one": "commands 1 force",
    "role.conduit": "passes orders on",
    "role.none": "holds no forces",
    "structure.heading": "Other bottlenecks",
    "structure.note": (
        "Counterpart mismatches: peers of two nations of which only one commands forces. "
        "Cut nodes: nodes whose loss splits the whole structure. Channels: node-disjoint "
        "operational coordination channels between two nations, and a smallest set of nodes "
        "cutting them. Spans: nodes with more direct subordinates than six (Urwick 1956)."
    ),
    "structure.none": "None.",
    "structure.mismatches": "counterpart mismatch",
    "structure.cut_nodes": "cut node",
    "structure.channels": "channels between nations",
    "structure.channel": "{a}–{b}: {count} (cut: {nodes})",
    "structure.spans": "span over six",
    "switches.heading": "What changes at each switch",
    "switches.note": (
        "From each phase to the next, in the model's order. Phases are not a ladder: a "
        "switch needs only the decisions not already in force in the phase before it."
    ),
    "switches.one_phase": "The model has one phase.",
    "switches.nothing": "Nothing changes.",
    "switches.no_structure": "No link or chain of command changes.",
    "switches.choice": "one of these must be decided: {options}",
    "switches.ending": "decisions that end: {decisions}",
    "switches.link": "{tail} → {head} ({relation})",
    "switches.basis": "; basis: {basis}",
    "switches.starts": "starts: {link}",
    "switches.ends": "ends: {link}",
    "switches.rebased": "holds on another basis: {link}; basis: {before} → {after}",
    "switches.no_basis": "none given",
    "switches.body_up": "activated: {body} (members: {members})",
    "switches.body_down": "stood down: {body} (members: {members})",
    "switches.body_up_alone": "activated: {body}",
    "switches.body_down_alone": "stood down: {body}",
    "switches.other_up": "{relation} links start: {links}",
    "switches.other_down": "{relation} links end: {links}",
    "unit.min": "{amount} min",
    "unit.h": "{amount} h",
    "unit.d": "{amount} d",
    "timing.after_within": "after the fact, within {within}",
    "switches.other_rebased": (
        "{relation} link holds on another basis: {tail} — {head}; basis: {before} → {after}"
    ),
    "switches.chain": "chain of {unit}: {before} ⇒ {after}",
    "decision.discretionary": "discretionary",
    "decision.declaration": "Declaration: {phase}",
    "timing.within": "{timing}, within {within}",
    # comparison
    "comparison.note": (
        "Each variant against the model it extends (loaded when it was not given), each "
        "snapshot against the earlier snapshot of the same structure; other models are set "
        "side by side below, never diffed."
    ),
    "comparison.variant": "{model} against {base}, the model it extends",
    "comparison.snapshot": "{model} against {base}, the earlier snapshot",
    "comparison.loaded": "{base} was not given; it was loaded for this comparison only.",
    "comparison.alone": "Compared with no other model: {models}.",
    "comparison.diff_caption": (
        "{model} over {base} in the phase that changes most ({phase}): green added, red "
        "removed, blue relation changed, purple record changed"
    ),
    "comparison.matrix": "Headline measures",
    "comparison.matrix_note": (
        "Every model side by side; a row covers the phases in which every value is the same."
    ),
    "comparison.matrix_fold": "{count} rows",
    "comparison.approach": "C2 approach space",
    "comparison.approach_note": (
        "NATO SAS-050/SAS-065 (N2C2M2) axes, measured per phase on the coordination and "
        "information layers after Walker, Stanton et al. (2009); edge is never named from "
        "structure. Unity of command (JP 3-16) is the separate dimension of combined or "
        "foreign operational control."
    ),
    "comparison.considerations": "The six considerations",
    "comparison.considerations_note": (
        "Purpose, locations, functions, agility, readiness and timeline (US–Japan Task Force "
        "on Command Relationships, Dialogue Summary #3, Dec 2022): what each model records, "
        "then the facts measured on it."
    ),
    "comparison.considerations_fold": "What each model records and what is measured",
    "considerations.not_recorded": "(not recorded)",
    # table headers
    "header.model": "model",
    "header.operational_failures": "single points of failure (military)",
    "header.mismatches": "counterpart mismatches",
    "header.switches": "at each switch",
    "header.against_base": "against its base",
    "header.force": "force",
    "header.phases": "phases",
    "header.phase": "phase",
    "header.chain": "chain of command (authority)",
    "header.chains": "chains",
    "header.failure": "single point of failure",
    "header.cut_off": "forces cut off",
    "header.finding": "finding",
    "header.what": "what",
    "header.decision": "decision",
    "header.decided_by": "decided by",
    "header.approval": "approval",
    "header.basis": "legal basis",
    "header.in_force": "decisions that put it in force",
    "header.links": "links holding",
    "header.measure": "measure",
    "header.approach": "approach",
    "header.unity": "unity of command",
    "header.decision_rights": "decision rights",
    "header.interaction": "interaction",
    "header.information": "information",
    "header.shared_bodies": "shared bodies",
    "header.consideration": "consideration",
    "header.measured": "measured",
    "header.term": "term",
    "header.meaning": "meaning",
    "header.source": "source",
    # definitions
    "definitions.note": (
        "The terms this report prints. Every measure and verdict of c2graph, with its "
        "method and sources, is defined in docs/measures.md of the c2graph distribution."
    ),
    "term.chain": "chain of command",
    "define.chain": (
        "A path of authority links of one layer from a top authority down to a force; it "
        "stops at a combined body."
    ),
    "source.chain": "JP 1; JP 3-16",
    "term.effective": "authority (in brackets)",
    "define.effective": (
        "What survives along the chain: the weakest link's authority (command ⊃ COCOM ⊃ "
        "OPCON ⊃ TACON); a conduit passes on what is above it."
    ),
    "source.effective": "JP 1 (command relationships)",
    "term.failure": "single point of failure",
    "define.failure": (
        "A node every chain of one family (a nation's own, or the combined chains) to a force "
        "passes through: its loss cuts the force off."
    ),
    "source.failure": "Cooper, Harvey & Kennedy (2001); networkx immediate_dominators",
    "term.operational_failure": "military single point of failure",
    "define.operational_failure": (
        "A single point of failure that is not a political head, minister, ministry, "
        "legislature or forum."
    ),
    "source.operational_failure": "docs/measures.md",
    "term.cut_node": "cut node",
    "define.cut_node": "A node whose loss splits the whole structure, every link counted.",
    "source.cut_node": "Hopcroft & Tarjan (1973)",
    "term.mismatch": "counterpart mismatch",
    "define.mismatch": (
        "Two peers of different nations (counterpart or coordination links) of which only "
        "one commands forces."
    ),
    "source.mismatch": "JP 1; 2024 Security Consultative Committee statement",
    "term.channels": "channels between nations",
    "define.channels": (
        "Node-disjoint operational coordination channels between two nations (political "
        "forums aside), and a smallest set of nodes whose loss separates them."
    ),
    "source.channels": "Menger's theorem; model review, Dec 2026, §3b",
    "term.span": "span of control",
    "define.span": "Distinct direct subordinates of a node; flagged above six.",
    "source.span": "Urwick (1956); ORA (CMU CASOS)",
    "term.switch": "switch",
    "define.switch": (
        "The passage from one phase to another: links that start or end, bodies activated, "
        "chains that change."
    ),
    "source.switch": "SDF Law Art. 76, 78, 80; AASRA Art. 9",
    "term.decisions": "decisions needed",
    "define.decisions": (
        "Only what the law requires for a change and is not already in force, in dependency "
        "order, with approvals and their timing."
    ),
    "source.decisions": "Model review, Dec 2026, E10, E11",
    "term.approach": "C2 approach",
    "define.approach": (
        "Conflicted, de-conflicted, coordinated or collaborative, from the shares of "
        "cross-nation pairs in decision rights, interaction and information."
    ),
    "source.approach": "NATO SAS-050, SAS-065 (N2C2M2); Walker, Stanton et al. (2009)",
    "term.unity": "unity of command",
    "define.unity": (
        "Parallel, lead-nation or integrated: whether national forces come under another "
        "nation's or a combined chain."
    ),
    "source.unity": "JP 3-16",
    "term.considerations": "the six considerations",
    "define.considerations": "Purpose, locations, functions, agility, readiness, timeline.",
    "source.considerations": "US–Japan Task Force, Dialogue Summary #3 (Dec 2022)",
    # considerations' measured facts
    "fact.active": "{what} active in {phase}",
    "fact.assigned_in": "forces assigned to collective nodes in {phase}",
    "fact.activated": "{count} activated",
    "fact.lapsed": "{count} lapsed",
    "fact.rebased": "{count} on another basis",
    "fact.none": "none",
    # approach space and verdicts
    "approach.none": "none",
    "approach.conflicted": "conflicted",
    "approach.de-conflicted": "de-conflicted",
    "approach.coordinated": "coordinated",
    "approach.collaborative": "collaborative",
    "approach.edge": "edge",
    "unity.parallel": "parallel",
    "unity.lead-nation": "lead-nation",
    "unity.integrated": "integrated",
    "level.none": "none",
    "level.very limited": "very limited",
    "level.limited": "limited",
    "level.significant": "significant",
    "level.broad": "broad",
    "consideration.purpose": "purpose",
    "consideration.locations": "locations",
    "consideration.functions": "functions",
    "consideration.agility": "agility",
    "consideration.readiness": "readiness",
    "consideration.timeline": "timeline",
    # diagrams
    "chart.as_of_phase": "as of {date} · phase: {phase}",
    "chart.as_of_phases": "as of {date} · phases: {phases}",
    "chart.path": "chain of command to {node}",
    "chart.removed": "removed: {node}",
    "export.phases": "Phases",
    "chart.holds": "{count} units",
    "chart.holds_one": "{count} unit",
    "chart.holds_kinds": "holds {count} units: {kinds}",
    "chart.bundle": "{tail} → {head}: {relation} × {count}, from or to the units each holds",
    "chart.overview": "overview to depth {depth}: {units} units counted in their formation",
    "chart.overview_panels": "overview to depth {depth}: units counted in their formation",
    "chart.bundles_left": "; {count} link bundles not drawn",
    "chart.legend": "Legend",
    "chart.members_sample": "A · B",
    "chart.kind": "node kind: {kind}",
    "chart.over": "{b} over {a}",
    "chart.diff_subtitle": "phase: {phase} · green added, red removed, blue relation changed, "
    "purple record changed",
    "title.phases": "phases: {phases}",
    "title.phases_all": "phases: all",
    "title.basis": "legal basis: {basis}",
    "title.source": "source: {source}",
    "title.confidence": "confidence: {confidence}",
}

#: The nations and groups the style table names.
NATIONS = ("JP", "US", "KR", "alliance", "multinational")
_FIELDS = ("name", "nation", "kind", "phases", "location", "echelon", "short", "source")


def _vocabulary() -> dict[str, str]:
    """The words defined elsewhere: relations, captions, kinds, nations, timings, layers,
    marks, notes and record fields."""
    words = {f"relation.{r}": info.label for r, info in RELATIONS.items()}
    words |= {f"caption.{r}": style.caption for r, style in RELATION_STYLES.items()}
    words |= {f"kind.{k}": k.replace("-", " ") for k in NODE_KINDS}
    words |= {f"nation.{n}": nation_style(n).caption for n in NATIONS}
    words |= {f"timing.{t}": text for t, text in APPROVAL_TIMINGS.items()}
    words["timing.none"] = "timing not given"
    words |= {f"layer.{layer.value}": f"{layer.value} layer" for layer in Layer}
    words |= {f"mark.{m}": style.label for m, style in MARK_STYLES.items()}
    words |= {f"note.{n}": text for n, text in NOTES.items()}
    words |= {f"field.{f}": f for f in (*_FIELDS, "confidence", "names", "basis")}
    words |= {f"confidence.{c}": c for c in CONFIDENCE_LEVELS}
    return words


#: Every English string of the interface, by key.
ENGLISH: dict[str, str] = _TEXTS | _vocabulary() | EXPLORE_ENGLISH
