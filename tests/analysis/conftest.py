"""Tiny hand-built models shared by the analysis tests."""

from __future__ import annotations

import pytest

from c2graph import Model
from tests.builders import build, link


@pytest.fixture
def alliance() -> Model:
    """Two national chains joined by counterparts and a coordination body.

    JP: pm -command-> mod -command-> jhq -opcon-> gcc, jhq -tacon-> fleet,
        mod -adcon-> fleet; in war pm -control-> jcg.
    US: pres -command-> secdef -cocom-> indo -opcon-> usfj; indo -opcon-> fleet7.
    jhq <-counterpart-> usfj; jhq, indo -member-> acm; acm -coordination-> usfj.
    """
    return build(
        [
            ("pm", "JP", "political-authority"),
            ("mod", "JP", "ministry"),
            ("jhq", "JP", "headquarters"),
            ("gcc", "JP", "component"),
            ("fleet", "JP", "component"),
            ("jcg", "JP", "agency"),
            ("pres", "US", "political-authority"),
            ("secdef", "US", "ministry"),
            ("indo", "US", "headquarters"),
            ("usfj", "US", "headquarters"),
            ("fleet7", "US", "component"),
            ("acm", "alliance", "coordination-body"),
        ],
        [
            link("pm", "mod", "command"),
            link("mod", "jhq", "command"),
            link("jhq", "gcc", "opcon"),
            link("jhq", "fleet", "tacon"),
            link("mod", "fleet", "adcon"),
            link("pm", "jcg", "control", phases=["war"]),
            link("pres", "secdef", "command"),
            link("secdef", "indo", "cocom"),
            link("indo", "usfj", "opcon"),
            link("indo", "fleet7", "opcon"),
            link("jhq", "usfj", "counterpart"),
            link("jhq", "acm", "member"),
            link("indo", "acm", "member"),
            link("acm", "usfj", "coordination"),
        ],
    )
