"""The yaml-rs path reads comments, block scalars and flow mappings over lines as the strict
loader does, and hands over whatever the two could read differently.

The models are written by hand here (PyYAML's emitter writes neither comments nor block
scalars): every mapping in block style, text now as a JSON scalar, now as a block scalar
(``|``, ``>``, with a chomping indicator or none), list items now as flow mappings
broken after commas, and comments at the ends of lines and on lines of their own, their
text drawn from YAML's indicators.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from c2graph.modelfile import fastyaml, strictyaml
from tests.fuzz.test_fuzz_inputs import FUZZ
from tests.modelfile.test_fastpath import both_ways, models

#: Text of comments and of block scalars: YAML's indicators, quotes, an escape, numbers
#: the loaders read differently, Japanese.
tricky = st.text(st.sampled_from("ab 日&*!|>[]{}:,'\"#?-.%@`\\1e5_"), max_size=12)
headers = st.sampled_from(["|", "|-", "|+", ">", ">-", ">+"])
_PLAIN_KEY = re.compile(r"[a-z_]+")
#: Keys whose values are free text, written as block scalars half the time (the others
#: one time in sixteen: a block scalar's line break spoils an id), when they hold no
#: control character (which a block scalar holds raw, and no loader reads).
_FREE_TEXT = frozenset({"name", "name_ja", "title", "note", "description"})


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _comment(draw: st.DrawFn) -> str:
    return f" #{draw(tricky)}" if draw(st.integers(0, 4)) == 0 else ""


def _block_scalar(draw: st.DrawFn, text: str, indent: int) -> list[str]:
    """The lines of ``text`` as a block scalar's content, broken at random, with blank
    lines and lines after the first indented one space more here and there."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=3)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    lines = []
    for at, piece in enumerate(pieces):
        extra = " " if at and draw(st.integers(0, 5)) == 0 else ""
        lines.append(" " * indent + extra + piece if piece.strip() else "")
    return lines


def _entry(draw: st.DrawFn, head: str, item: Any, indent: int) -> list[str]:
    """The lines of ``head: item`` at ``indent``."""
    pad = " " * indent
    if isinstance(item, dict) and item:
        return [f"{pad}{head}:{_comment(draw)}", *_mapping(draw, item, indent + 2)]
    if isinstance(item, list) and item:
        return [f"{pad}{head}:{_comment(draw)}", *_sequence(draw, item, indent + 2)]
    free_text = head in _FREE_TEXT or draw(st.integers(0, 7)) == 0
    writable = isinstance(item, str) and item.strip() and item.isprintable()
    if writable and free_text and draw(st.booleans()):
        header = f"{pad}{head}: {draw(headers)}{_comment(draw)}"
        return [header, *_block_scalar(draw, item, indent + 2)]
    return [f"{pad}{head}: {_scalar(item)}{_comment(draw)}"]


def _mapping(draw: st.DrawFn, value: dict[str, Any], indent: int) -> list[str]:
    return [line for key, item in value.items() for line in _entry(draw, _key(key), item, indent)]


def _flow_item(draw: st.DrawFn, item: dict[str, Any], indent: int) -> list[str]:
    """A list item as one flow mapping, broken after commas onto lines indented by
    ``indent`` plus 1 to 4 spaces, or now and then none (which yaml-rs hands over)."""
    pairs = [f"{_key(key)}: {_scalar(value)}" for key, value in item.items()]
    text = "- {"
    for pair in pairs[:-1]:
        text += pair + ","
        deeper = draw(st.sampled_from([0, 1, 1, 2, 2, 3, 4]))
        text += f"\n{' ' * (indent + deeper)}" if draw(st.booleans()) else " "
    return [" " * indent + text + pairs[-1] + "}" + _comment(draw)]


def _sequence(draw: st.DrawFn, items: list[Any], indent: int) -> list[str]:
    lines = []
    for item in items:
        if isinstance(item, dict) and item and draw(st.booleans()):
            lines += _flow_item(draw, item, indent)
        elif isinstance(item, dict) and item:
            first, *rest = _mapping(draw, item, indent + 2)
            lines += [" " * indent + "- " + first.lstrip(" "), *rest]
        else:
            lines.append(f"{' ' * indent}- {_scalar(item)}{_comment(draw)}")
    return lines


@st.composite
def hand_written(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """The model written as a person might write it (see the module), with lines of
    comments of their own inserted at random indentation."""
    lines = _mapping(draw, data, 0)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, " " * draw(st.integers(0, 6)) + "#" + draw(tricky))
    return "".join(line + "\n" for line in lines)


@FUZZ
@given(data=st.data())
def test_hand_written_models_load_the_same(data):
    text = data.draw(hand_written(data.draw(models)))
    event(f"yaml-rs takes it: {fastyaml.load_plain(text) is not None}")
    event(f"outcome: {both_ways(text.encode(), '.yaml')[0]}")


def strict_data(text: str) -> Any:
    """What the strict loader reads, or ``"error"``."""
    try:
        return yaml.load(text, Loader=strictyaml.StrictLoader)
    except (yaml.YAMLError, RecursionError):
        return "error"


def fast_is_strict(text: str) -> None:
    """yaml-rs's reading is the strict loader's, or it hands over."""
    fast = fastyaml.load_plain(text)
    event(f"yaml-rs takes it: {fast is not None}")
    if fast is not None:
        assert fast == strict_data(text)


@st.composite
def block_scalars(draw: st.DrawFn) -> str:
    """A block scalar under a key, an item or a nested key, with content lines indented
    one or two spaces more or less than the first, blank lines and lines of spaces,
    then what follows it (or the end of the document)."""
    where = draw(st.sampled_from(["a: ", "a:\n  - ", "a:\n  b: "]))
    indent = 2 if where == "a: " else 4
    lines = draw(st.lists(st.tuples(st.integers(-2, 2), tricky), max_size=5))
    body = "".join(" " * (indent + extra) + text + "\n" for extra, text in lines)
    end = draw(st.sampled_from(["", "z: 1\n", "\n\nz: 1\n", "  - 2\n", "  c: 1\n"]))
    return where + draw(headers) + _comment(draw) + "\n" + body + end


@FUZZ
@given(text=block_scalars())
def test_block_scalars_read_the_same(text):
    fast_is_strict(text)


_FLOW_TOKENS = ["a", "b c", "'q, r'", '"s t"', '"\\""', "1", "1e5", "_1", "-", "---", "..."]
_FLOW_TOKENS += ["x:", ": ", ":?", "?", "x?y", "& ", "&a", "*a", "!t", "|", ">", "#c", " #c"]
_FLOW_TOKENS += ["[", "]", "{", "}", ",", " ", ",\n", ",\n    ", "\n ", "日"]


@st.composite
def flow_mappings(draw: st.DrawFn) -> str:
    """A flow mapping of random tokens (indicators, quotes, line breaks) under a key or
    as a list item, then what follows it."""
    body = "".join(draw(st.lists(st.sampled_from(_FLOW_TOKENS), max_size=12)))
    where, end = draw(st.sampled_from([("a: ", "z: 1\n"), ("  - ", "  - 2\n"), ("a:\n  - ", "")]))
    return f"{where}{{{body}}}\n{end}"


@FUZZ
@given(text=flow_mappings())
def test_flow_mappings_read_the_same(text):
    fast_is_strict(text)
