"""Hand-built models for the report and comparison tests: a two-nation alliance in three
phases, a variant of it giving USFJ OPCON of 7th Fleet (the JFHQ pattern), and an
unrelated three-nation structure.  Every node, phase and decision has a Japanese name.

The answers the tests assert, worked by hand:

- chains: JJOC, GCC and SF under PM → DM (command); INDOPACOM, PACFLT, USFJ (COCOM) and
  C7F (OPCON) under POTUS; in the variant C7F's chain runs through USFJ;
- single points of failure: PM and DM (political) and JJOC over GCC and SF; POTUS and
  INDOPACOM over the U.S. forces, PACFLT over C7F; in the variant USFJ instead of PACFLT;
- counterpart mismatch JJOC (commands 2 forces) ↔ USFJ (holds no forces) in every phase of
  the base, resolved in the variant;
- cut nodes of the base: DM, JJOC, USFJ, INDOPACOM, PACFLT in peacetime and crisis (one
  path between the nations, through USFJ); the SF → C7F support link in war closes a
  cycle, leaving DM, JJOC and INDOPACOM; in the variant PACFLT is no cut node (C7F is
  also reached through USFJ);
- switches: peacetime → crisis needs the basic plan and activates the BOCC with JJOC and
  USFJ as members; crisis → war needs the defense-operation order (the plan is in force)
  and starts SF's support of C7F.
"""

from __future__ import annotations

BASE = """\
name: 同盟の基本形
as_of: "2025-01-01"
phases:
  - {id: peace, name: Peacetime, name_ja: 平時}
  - {id: crisis, name: Crisis, name_ja: 重要影響事態, requires: [plan]}
  - {id: war, name: War, name_ja: 武力攻撃事態, requires: [order]}
decisions:
  - {id: plan, name: Basic plan, name_ja: 基本計画, deciders: [cabinet],
     kind: cabinet-decision}
  - {id: order, name: Defense-operation order, name_ja: 防衛出動命令, deciders: [pm],
     kind: order, prerequisites: [plan], approvals: [{by: diet, timing: prior-or-after}]}
nodes:
  - {id: cabinet, name: Cabinet, name_ja: 内閣, nation: JP, kind: political-authority}
  - {id: diet, name: Diet, name_ja: 国会, nation: JP, kind: legislature}
  - {id: pm, name: Prime Minister, short: PM, name_ja: 内閣総理大臣, nation: JP,
     kind: political-authority}
  - {id: dm, name: Minister of Defense, short: DM, name_ja: 防衛大臣, nation: JP,
     kind: political-authority}
  - {id: jjoc, name: Joint Operations Command, short: JJOC, name_ja: 統合作戦司令部,
     nation: JP, kind: headquarters}
  - {id: gcc, name: Ground Component Command, short: GCC, name_ja: 陸上総隊, nation: JP,
     kind: component}
  - {id: sf, name: Self-Defense Fleet, short: SF, name_ja: 自衛艦隊, nation: JP,
     kind: component}
  - {id: potus, name: President, short: POTUS, name_ja: 米国大統領, nation: US,
     kind: political-authority}
  - {id: indo, name: Indo-Pacific Command, short: INDOPACOM, name_ja: 米インド太平洋軍,
     nation: US, kind: headquarters}
  - {id: fleet, name: Pacific Fleet, short: PACFLT, name_ja: 米太平洋艦隊, nation: US,
     kind: component}
  - {id: c7f, name: Seventh Fleet, short: C7F, name_ja: 第7艦隊, nation: US, kind: unit}
  - {id: usfj, name: Forces Japan, short: USFJ, name_ja: 在日米軍, nation: US,
     kind: headquarters}
  - {id: bocc, name: Bilateral Operations Coordination Center, short: BOCC,
     name_ja: 共同運用調整所, nation: alliance, kind: coordination-body,
     phases: [crisis, war]}
links:
  - {from: pm, to: dm, relation: command}
  - {from: dm, to: jjoc, relation: command}
  - {from: jjoc, to: gcc, relation: command}
  - {from: jjoc, to: sf, relation: command}
  - {from: potus, to: indo, relation: command}
  - {from: indo, to: fleet, relation: cocom}
  - {from: fleet, to: c7f, relation: opcon}
  - {from: indo, to: usfj, relation: cocom}
  - {from: jjoc, to: usfj, relation: counterpart}
  - {from: jjoc, to: bocc, relation: member}
  - {from: usfj, to: bocc, relation: member}
  - {from: sf, to: c7f, relation: support, phases: [war], requires: [order]}
"""

VARIANT = """\
name: 在日米軍統合軍司令部案
as_of: "2025-06-01"
extends: base.yaml
decisions:
  - {id: delegate, name: Delegation of OPCON to USFJ, name_ja: 在日米軍への作戦統制の委任,
     deciders: [indo], kind: delegation}
remove:
  links:
    - {from: fleet, to: c7f, relation: opcon}
links:
  - {from: fleet, to: c7f, relation: adcon}
  - {from: usfj, to: c7f, relation: opcon, requires: [delegate]}
"""

TRIO = """\
name: 三か国の構造
as_of: "2024"
phases:
  - {id: calm, name: Calm, name_ja: 平穏時}
nodes:
  - {id: hq, name: Combined headquarters, name_ja: 連合司令部, nation: multinational,
     kind: headquarters}
  - {id: a, name: Army A, name_ja: 甲国陸軍, nation: AA, kind: unit}
  - {id: b, name: Army B, name_ja: 乙国陸軍, nation: BB, kind: unit}
  - {id: c, name: Army C, name_ja: 丙国陸軍, nation: CC, kind: unit}
links:
  - {from: hq, to: a, relation: tacon}
  - {from: hq, to: b, relation: tacon}
  - {from: hq, to: c, relation: tacon}
"""
