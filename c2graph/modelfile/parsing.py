"""Safe reading of model files: bytes to plain data, and data paths back to line numbers.

Parsing is the hot path, so it builds plain dicts and lists with no position bookkeeping;
when validation finds a problem, :class:`LineIndex` re-reads the text once, keeping the
marks, to say on which line each offending item stands.
"""

from __future__ import annotations

import bisect
import codecs
import gc
import json
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from ..errors import ModelError, Problem
from .fastyaml import load_plain
from .jsonpath import NotJson, json_offset, plain_utf8, raw_offset
from .yamllines import ItemLines

if TYPE_CHECKING:
    import yaml

__all__ = [
    "NOT_PLAIN",
    "LineIndex",
    "decode_plain_json",
    "find_lone_surrogate",
    "format_path",
    "gc_paused",
    "is_json_path",
    "line_at",
    "parse_text",
]

DataPath = Sequence[str | int]

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the block runs, then restore it.

    Parsing and building a model allocate millions of acyclic objects, and CPython's
    collector would scan them over and over.  Pauses nest and may overlap across threads:
    the collector is switched back on, if it was on, only when the last pause ends.

    Yields
    ------
    None
        Once, with the collector off.

    Examples
    --------
    >>> import gc
    >>> with gc_paused():
    ...     with gc_paused():
    ...         inner = gc.isenabled()
    ...     outer = gc.isenabled()
    >>> inner, outer, gc.isenabled()
    (False, False, True)
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def line_at(text: str, index: int) -> int:
    """Return the 1-based line of a character offset, counting ``\\n`` alone.

    YAML also breaks lines at U+0085, U+2028 and U+2029; editors and JSON do not, so
    c2graph numbers lines from character offsets rather than from YAML's own count.

    Parameters
    ----------
    text
        The whole text.
    index
        A character offset into it.

    Returns
    -------
    int
        The line the offset stands on, the first line being 1.

    Examples
    --------
    >>> line_at("a\\u2028b\\nc", 4)
    2
    """
    return text.count("\n", 0, index) + 1


def is_json_path(path: Path) -> bool:
    """Return True when a file is read as JSON (by its extension); everything else is YAML.

    Parameters
    ----------
    path
        The model file.

    Returns
    -------
    bool
        Whether the suffix is ``.json``, in any case.

    Examples
    --------
    >>> is_json_path(Path("m.JSON")), is_json_path(Path("m.yml"))
    (True, False)
    """
    return path.suffix.lower() == ".json"


def _reject_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateJsonKey(key)
            seen.add(key)
    return result


class _DuplicateJsonKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_text(
    text: str, filename: str, *, as_json: bool = False, utf8: bytes | None = None
) -> Any:
    """Parse model text into plain data (dicts, lists, strings, numbers, booleans, None).

    Parameters
    ----------
    text
        The file's text.
    filename
        The file as problems name it.
    as_json
        Read the text as JSON rather than YAML.
    utf8
        The text's UTF-8, when the caller has it (JSON is decoded from it).

    Returns
    -------
    Any
        The document, as plain Python data.

    Raises
    ------
    ModelError
        With the line of the syntax error, alias, tag or duplicate key.

    Examples
    --------
    >>> parse_text("name: demo\\nas_of: 2025-03-24\\n", "m.yaml")
    {'name': 'demo', 'as_of': '2025-03-24'}
    >>> parse_text('{"a": 1,\\n "a": 2}', "m.json", as_json=True)
    Traceback (most recent call last):
    c2graph.errors.ModelError: m.json:2: JSON: duplicate key 'a': keep one of them
    """
    if as_json:
        return _parse_json(text, filename, utf8)
    with gc_paused():
        data = load_plain(text)
    if data is not None:
        return data
    from .strictyaml import parse_yaml  # PyYAML: only for what yaml-rs hands over

    return parse_yaml(text, filename)


def _error(filename: str, line: int | None, message: str) -> ModelError:
    """The error of a file that cannot be parsed: one problem, of the file as a whole."""
    return ModelError([Problem(filename, line, "", message)])


#: A ``\\uD800``-``\\uDFFF`` escape: only text holding one can hold half a surrogate pair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def find_lone_surrogate(data: Any) -> tuple[tuple[str | int, ...], str] | None:
    """Find text in ``data`` holding half of a surrogate pair (which is not a character).

    Parameters
    ----------
    data
        Parsed data: dicts, lists, strings and other values.

    Returns
    -------
    tuple or None
        The data path of the first such text (of the mapping, for a key) and the half
        character; None when there is none.

    Examples
    --------
    >>> find_lone_surrogate({"nodes": [{"id": "a"}, {"name": "x\\ud800"}]})
    (('nodes', 1, 'name'), '\\ud800')
    >>> find_lone_surrogate({"name": "😀"}) is None
    True
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            found = _SURROGATE.search(value)
            if found:
                return path, found.group()
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                stack.append((path, key))
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in reversed(list(enumerate(value))))
    return None


def _decode_plain_json(text: str, utf8: bytes | None = None) -> Any:
    """The data of a JSON text that is plain, decoded by msgspec (in C, twice as fast as
    :func:`json.loads`); :data:`NOT_PLAIN` when the text is not proved plain.

    Plain means what :func:`json.loads` reads to the same data with no key given twice: no
    escape at all (an escape may stand for half a surrogate pair, or for a quote), no
    number that is not finite or that ``json.loads`` reads as an infinity, no nesting near
    the recursion limit. msgspec keeps the last of a key given twice, so the text is
    encoded back: without escapes, each string of the text and of the encoding is two
    quotes, and a key lost leaves the encoding fewer quotes. Any doubt returns
    :data:`NOT_PLAIN`, and the caller reads the text with ``json.loads``, which finds and
    names what is wrong. ``utf8`` is the text's UTF-8 when the caller has it.

    >>> _decode_plain_json('{"a": [1, 2.5, "x"]}')
    {'a': [1, 2.5, 'x']}
    >>> [_decode_plain_json(t) is NOT_PLAIN for t in ('{"a": 1, "a": 2}', '"\\\\u00e9"')]
    [True, True]
    """
    source = plain_utf8(text, utf8)
    return NOT_PLAIN if source is None else decode_plain_json(source)


def decode_plain_json(utf8: bytes) -> Any:
    """The data of a JSON file's bytes, as :func:`_decode_plain_json` reads its text, when
    the text is those bytes decoded as they are (no byte order mark, no carriage return)
    and is plain; :data:`NOT_PLAIN` otherwise.

    msgspec refuses bytes that are not UTF-8, in texts as elsewhere, so data read here
    comes from a file :func:`~c2graph.modelfile.files.decode_text` reads.

    >>> decode_plain_json('{"a": "é"}'.encode())
    {'a': 'é'}
    >>> [decode_plain_json(b) is NOT_PLAIN for b in (b'{"a": 1}\\r\\n', b'["\\xff"]')]
    [True, True]
    """
    if b"\\" in utf8 or b"\r" in utf8 or utf8.startswith(codecs.BOM_UTF8):
        return NOT_PLAIN
    limit = sys.getrecursionlimit()
    try:  # nesting msgspec reads with a lower limit, json.loads reads too
        sys.setrecursionlimit(limit - _DEPTH_MARGIN)
        data = msgspec.json.decode(utf8)  # from bytes: a quarter faster than from text
    except (msgspec.DecodeError, RecursionError):
        return NOT_PLAIN
    finally:
        sys.setrecursionlimit(limit)
    if msgspec.json.encode(data).count(b'"') != utf8.count(b'"'):
        return NOT_PLAIN
    return data


#: What :func:`_decode_plain_json` returns for a text it leaves to :func:`json.loads`.
NOT_PLAIN = object()
#: Levels of nesting below the recursion limit at which msgspec stops where json.loads
#: (a few Python calls deeper) would still read.
_DEPTH_MARGIN = 50


def _parse_json(text: str, filename: str, utf8: bytes | None) -> Any:
    data = _decode_plain_json(text, utf8)
    if data is not NOT_PLAIN:
        return data
    try:
        with gc_paused():
            data = json.loads(text, object_pairs_hook=_reject_duplicate_json_keys)
    except json.JSONDecodeError as exc:
        raise _error(filename, exc.lineno, f"JSON: {exc.msg}") from None
    except _DuplicateJsonKey as exc:
        raise _duplicate_json_key(text, filename, exc.key) from None
    except RecursionError:
        raise _error(filename, None, "JSON: nested too deeply") from None
    except ValueError:  # an integer of more digits than Python converts
        raise _long_number(text, filename) from None
    if _SURROGATE_ESCAPE.search(text):
        found = find_lone_surrogate(data)
        if found is not None:
            path, half = found
            raise _error(
                filename,
                LineIndex(text).line_of(path),
                f"JSON: \\u{ord(half):04x} is half of a surrogate pair, not a character; "
                "write the character itself",
            )
    return data


def _long_number(text: str, filename: str) -> ModelError:
    """The error of a JSON number too long to convert, on the line of the first one."""
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"[0-9]{{{limit + 1},}}", text)
    line = line_at(text, found.start()) if found else None
    digits = f"{len(found.group()):,} digits" if found else "too many digits"
    return _error(
        filename,
        line,
        f"JSON: the number is {digits} long; c2graph reads numbers of at most {limit:,} digits",
    )


def _duplicate_json_key(text: str, filename: str, key: str) -> ModelError:
    """The error of a repeated JSON key, located on its line.

    A syntax error further on comes first: the duplicate cannot be located in such text.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as syntax:
        return _error(filename, syntax.lineno, f"JSON: {syntax.msg}")
    except RecursionError:
        pass
    line = LineIndex(text).line_of_duplicate_key(key)
    return _error(filename, line, f"JSON: duplicate key {key!r}: keep one of them")


def format_path(path: DataPath) -> str:
    """Write a data path the way messages show it.

    Parameters
    ----------
    path
        Keys (text) and list positions (numbers), from the top of the file down.

    Returns
    -------
    str
        The path as messages write it.

    Examples
    --------
    >>> format_path(("links", 12, "relation"))
    'links[12] → relation'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f" → {part}" if out else str(part)
    return out


def _json_as_yaml(text: str) -> str:
    """JSON text with what YAML refuses (tabs, controls, surrogate escapes) blanked out.

    Only positions matter to :class:`LineIndex`, and the lines stay where they were.
    """
    text = _NOT_YAML_PRINTABLE.sub(" ", text.replace("\t", " "))
    return re.sub(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", r"\\u003f", text)


#: Characters JSON strings may hold raw but YAML refuses, or reads as line breaks.
_NOT_YAML_PRINTABLE = re.compile(
    "[^\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)


#: Lines looked up by counting line breaks before the offsets of the lines are indexed.
_COUNTED_LOOKUPS = 16
#: A text that opens as JSON does (an object or an array), and its UTF-8.
_TEXT_AS_JSON = re.compile(r"[ \t\r\n]*[\[{]")
_BYTES_AS_JSON = re.compile(rb"[ \t\r\n]*[\[{]")


class LineIndex:
    """Line numbers of the items of a parsed text, found by their data path.

    Built only when a problem must be located: it composes the text once more with marks.
    JSON text is composed as YAML (JSON is nearly YAML; what YAML refuses is blanked out,
    keeping every character where it was).

    Parameters
    ----------
    text
        The text of a model file, YAML or JSON; None to decode it from ``utf8`` only if
        the walk of ``utf8`` cannot answer.
    utf8
        The text's UTF-8, when the caller has it (JSON is walked in it).

    Examples
    --------
    >>> index = LineIndex("nodes:\\n  - id: a\\n  - id: b\\n    kind: x\\n")
    >>> index.line_of(("nodes", 1, "kind"))
    4
    """

    def __init__(self, text: str | None, *, utf8: bytes | None = None) -> None:
        self._source = text
        self._utf8 = utf8
        self._byte_breaks: list[int] | None = None
        self._root: yaml.Node | None = None
        self._composed = False
        self._breaks: list[int] | None = None
        self._lookups = 0
        self._items: ItemLines | None = None

    @property
    def _text(self) -> str:
        if self._source is None:
            self._source = "" if self._utf8 is None else self._utf8.decode()
        return self._source

    def _line(self, node: yaml.Node) -> int:
        """The node's line counted by ``\\n`` alone, as editors and JSON count them."""
        return self._line_at(node.start_mark.index)

    def _line_at(self, index: int) -> int:
        if self._breaks is None:
            self._lookups += 1
            if self._lookups <= _COUNTED_LOOKUPS:  # a few: counted in C, no index built
                return self._text.count("\n", 0, index) + 1
            self._breaks = [m.start() for m in re.finditer("\n", self._text)]
        return bisect.bisect_left(self._breaks, index) + 1

    def _line_at_byte(self, utf8: bytes, index: int) -> int:
        """:meth:`_line_at` of a byte offset into the text's UTF-8."""
        if self._byte_breaks is None:
            self._lookups += 1
            if self._lookups <= _COUNTED_LOOKUPS:
                return utf8.count(b"\n", 0, index) + 1
            self._byte_breaks = [m.start() for m in re.finditer(b"\n", utf8)]
        return bisect.bisect_left(self._byte_breaks, index) + 1

    def _root_node(self) -> yaml.Node | None:
        """The text composed with marks (PyYAML, imported here: only to locate a problem)."""
        import yaml

        from .strictyaml import compose

        if not self._composed:
            self._composed = True
            for text in (self._text, _json_as_yaml(self._text)):
                try:
                    with gc_paused():
                        self._root = compose(text)
                    break
                except (yaml.YAMLError, RecursionError, UnicodeError):
                    self._root = None
        return self._root

    def line_of(self, path: DataPath) -> int | None:
        """Return the 1-based line of the deepest item of ``path`` present in the text.

        Parameters
        ----------
        path
            Keys and list positions from the top of the file down.

        Returns
        -------
        int or None
            The line of the item, or of its deepest ancestor the text has; None when the
            text cannot be composed at all.

        Examples
        --------
        >>> LineIndex("a:\\n  b: 1\\n").line_of(("a", "missing"))
        1
        >>> LineIndex('{"a":\\n  {"b": 1}}').line_of(("a", "b"))
        2
        """
        utf8 = self._utf8
        if not self._composed and utf8 is not None and _BYTES_AS_JSON.match(utf8):
            at = raw_offset(utf8, path)  # walked in the bytes: the text is not needed
            if at is not None:
                return self._line_at_byte(utf8, at)
        if not self._composed and _TEXT_AS_JSON.match(self._text):
            try:  # JSON (or YAML written as JSON): walked, not composed
                return self._line_at(json_offset(self._text, path, utf8=self._utf8))
            except NotJson:
                pass
        elif not self._composed:  # YAML written one item a line: found, not composed
            if self._items is None:
                self._items = ItemLines(self._text)
            offset = self._items.offset_of(path)
            if offset is not None:
                return self._line_at(offset)
        node = self._root_node()
        if node is None:
            return None
        import yaml  # imported by composing

        line = self._line(node)
        for part in path:
            child = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        line = self._line(key_node)
                        child = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
                line = self._line(child)
            if child is None:
                break
            node = child
        return line

    def line_of_duplicate_key(self, key: str) -> int | None:
        """Return the line where ``key`` repeats within one mapping, searching depth first.

        Parameters
        ----------
        key
            The repeated key.

        Returns
        -------
        int or None
            The line of its second occurrence in the first mapping that repeats it, or
            None when no mapping does.

        Examples
        --------
        >>> LineIndex('{"a": {"x": 1,\\n "x": 2}}').line_of_duplicate_key("x")
        2
        """
        stack = [self._root_node()]
        import yaml  # imported by composing

        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                seen = set()
                for key_node, value_node in node.value:
                    if key_node.value == key and key in seen:
                        return self._line(key_node)
                    seen.add(key_node.value)
                    stack.append(value_node)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
        return None
