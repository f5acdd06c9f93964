"""Two small model files for the report tests: a baseline and a variant of it."""

from __future__ import annotations

BASE = """\
name: "Base <script>alert(1)</script>"
as_of: "2022"
description: "Two chains & one body."
considerations:
  purpose: "defence <b>of</b> Japan"
phases:
  - {id: peacetime, name: Peacetime}
  - {id: war, name: War, declared_by: pm, approval: [diet], basis: "SDF Law Art. 76"}
nodes:
  - {id: pm, name: PM, nation: JP, kind: political-authority, source: s1}
  - {id: diet, name: Diet, nation: JP, kind: legislature}
  - {id: jso, name: "JSO | staff", nation: JP, kind: staff}
  - {id: gcc, name: GCC, nation: JP, kind: component}
  - {id: potus, name: President, nation: US, kind: political-authority}
  - {id: indo, name: INDOPACOM, nation: US, kind: headquarters}
  - {id: fleet, name: 7th Fleet, nation: US, kind: unit}
  - {id: bocc, name: BOCC, nation: alliance, kind: coordination-body, phases: [war]}
links:
  - {from: pm, to: jso, relation: command}
  - {from: jso, to: gcc, relation: opcon}
  - {from: potus, to: indo, relation: command}
  - {from: indo, to: fleet, relation: opcon}
  - {from: jso, to: indo, relation: counterpart}
  - {from: jso, to: bocc, relation: member}
  - {from: indo, to: bocc, relation: member}
sources:
  - {id: s1, title: "White paper", url: "https://www.mod.go.jp/e/publ/w_paper/"}
  - {id: s2, title: "Evil ![x](https://e.vil/x.png)", note: "[a](javascript:alert(1))"}
"""

VARIANT = """\
name: Variant
as_of: "2025"
extends: base.yaml
nodes:
  - {id: jjoc, name: JJOC, nation: JP, kind: headquarters}
remove:
  links:
    - {from: jso, to: gcc, relation: opcon}
links:
  - {from: pm, to: jjoc, relation: command}
  - {from: jjoc, to: gcc, relation: opcon}
  - {from: jjoc, to: fleet, relation: tacon, phases: [war]}
"""
