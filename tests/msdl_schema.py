"""The official MSDL 1.0 schema (SISO-STD-007-2008), made to compile, for validating files.

The schema is not shipped with c2graph (see ``C2GRAPH_SCHEMAS`` in tests/export/conftest.py).
The public copies need three repairs before lxml compiles them and real files validate:

1. their imports use Windows paths (``schemaLocation="extern\\X.xsd"``): made ``/``;
2. the NATO JC3IEDM code list they include (``extern/JC3IEDM-3.1-Codes-20061208.xsd``, over
   4 MiB) is missing from public copies: a stand-in declares each code type the schema
   refers to as a plain string, so code values themselves are not checked;
3. ``MsdlComplexTypes_1.0.0.xsd`` declares ``elementFormDefault="unqualified"``, so only
   files whose inner elements have no namespace would validate, while MSDL files (ORBAT
   Mapper's, SISO's samples, ours) put every element in the MSDL namespace: made
   ``qualified``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lxml import etree

JC3IEDM = "urn:int:nato:standard:mip:jc3iedm:3.1:oo:2.0"
_CODES = "JC3IEDM-3.1-Codes-20061208.xsd"


def _stand_in(names: set[str]) -> str:
    types = "".join(
        f'<xs:simpleType name="{name}"><xs:restriction base="xs:string"/></xs:simpleType>'
        for name in sorted(names)
    )
    return (
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{JC3IEDM}">'
        f"{types}</xs:schema>"
    )


def msdl_schema(source: Path, work: Path) -> etree.XMLSchema:
    """Compile the MSDL schema whose main file is ``source``, repaired in folder ``work``."""
    folder = work / "msdl"
    shutil.copytree(source.parent, folder)
    for path in folder.rglob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('schemaLocation="extern\\', 'schemaLocation="extern/')
        if path.name == "MsdlComplexTypes_1.0.0.xsd":
            text = text.replace(
                'elementFormDefault="unqualified"', 'elementFormDefault="qualified"'
            )
        path.write_text(text, encoding="utf-8")
    codes = folder / "extern" / _CODES
    if codes.exists():
        return etree.XMLSchema(etree.parse(str(folder / source.name)))
    names: set[str] = set()
    while True:
        codes.write_text(_stand_in(names), encoding="utf-8")
        try:
            return etree.XMLSchema(etree.parse(str(folder / source.name)))
        except etree.XMLSchemaParseError as exc:
            missing = set(re.findall(r"\{" + re.escape(JC3IEDM) + r"\}(\w+)", str(exc.error_log)))
            if not missing - names:
                raise
            names |= missing
