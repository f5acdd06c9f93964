"""JSON text: byte for byte the standard library's indented encoding, unsafe characters
escaped."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from c2graph.inert import UNSAFE
from c2graph.jsontext import dumps


def _reference(data: Any) -> str:
    """The standard library's indented text, every unsafe character but the layout's
    newlines escaped."""

    def escape(match: re.Match[str]) -> str:
        character = match.group()
        return character if character == "\n" else json.dumps(character)[1:-1]

    return UNSAFE.sub(escape, json.dumps(data, ensure_ascii=False, indent=2))


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text()
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


@given(DATA)
def test_the_text_is_that_of_the_standard_library(data):
    assert dumps(data) == _reference(data)


def test_numbers_keep_their_python_spelling():
    assert dumps([1e16, 1e-05, 10**25, -0.0]) == (
        "[\n  1e+16,\n  1e-05,\n  10000000000000000000000000,\n  -0.0\n]"
    )


def test_nan_and_infinity_are_written_as_python_writes_them():
    assert dumps({"a": float("nan"), "b": [float("-inf")]}) == (
        '{\n  "a": NaN,\n  "b": [\n    -Infinity\n  ]\n}'
    )


def test_control_bidirectional_and_astral_format_characters_are_escaped():
    text = dumps({"name\u2028": "HQ\x1b]0;x\x07\u202eevil\U000e0001", "ok": "平時\n"})
    assert text == (
        '{\n  "name\\u2028": "HQ\\u001b]0;x\\u0007\\u202eevil\\udb40\\udc01",\n  "ok": "平時\\n"\n}'
    )


def test_empty_containers_stay_on_one_line():
    assert dumps({"a": [], "b": {}, "c": [[]]}) == (
        '{\n  "a": [],\n  "b": {},\n  "c": [\n    []\n  ]\n}'
    )
