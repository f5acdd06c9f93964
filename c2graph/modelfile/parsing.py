"""Safe reading of model files: bytes to plain data, and data paths back to line numbers.

Parsing is the hot path, so it builds plain dicts and lists with no position bookkeeping;
when validation finds a problem, :class:`LineIndex` re-reads the text once, keeping the
marks, to say on which line each offending item stands.
"""

from __future__ import annotations

import bisect
import gc
import json
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from ..errors import ModelError, Problem
from .fastyaml import load_plain
from .jsonpath import NotJson, json_offset
from .syntax import explain
from .yamllines import ItemLines

__all__ = [
    "LineIndex",
    "find_lone_surrogate",
    "format_path",
    "gc_paused",
    "is_json_path",
    "line_at",
    "parse_text",
]

DataPath = Sequence[str | int]

if TYPE_CHECKING:  # the C loader, when PyYAML has it, has the same interface
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse(message: str, node: yaml.Node) -> yaml.constructor.ConstructorError:
    """The error of a node the model-file reader refuses."""
    return yaml.constructor.ConstructorError(None, None, message, node.start_mark)


_STR, _SEQ, _MAP = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
_STANDARD_TAG = "tag:yaml.org,2002:"


class _StrictLoader(_BaseLoader):
    """Safe loader that refuses aliases, duplicate keys, non-string keys and tags.

    No value changes unseen: dates stay strings and only ``true``/``false`` are booleans,
    so ``as_of: 2025-03-24`` and ``nation: NO`` read as written; ``035`` is 35, ``09`` is 9
    and ``1:30`` is text (YAML 1.1 would read 29, text and 90). The only explicit tag allowed is
    ``!!str`` (the value is text, as quoting it says).
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._text = stream

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise _refuse(
                "aliases (*name) are not allowed in model files: write the item out in full", node
            )
        if node.tag != _STR and node.tag != self._implicit_tag(node):
            shown = node.tag.replace(_STANDARD_TAG, "!!", 1)
            raise _refuse(f"tag {shown!r} is not allowed in model files: remove it", node)
        return super().construct_object(node, deep=deep)

    def _implicit_tag(self, node: yaml.Node) -> str:
        """The tag the node would have without an explicit one."""
        if isinstance(node, yaml.ScalarNode):
            if node.style:  # quoted or block scalars are text
                return _STR
            resolved = self.resolve(yaml.ScalarNode, node.value, (True, False))  # type: ignore[no-untyped-call]
            return str(resolved)
        return _SEQ if isinstance(node, yaml.SequenceNode) else _MAP

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _refuse("merge keys (<<) are not allowed in model files", key_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _refuse("mapping keys must be plain strings", key_node)
                if key_node.tag != _STR:
                    raise _refuse(
                        f"mapping key {key_node.value!r} is not text: quote it or use a name",
                        key_node,
                    )
                key = key_node.value
                if key in seen:
                    raise _refuse(
                        f"duplicate key {key!r} (first on line "
                        f"{line_at(self._text, seen[key])}): keep one of them",
                        key_node,
                    )
                seen[key] = key_node.start_mark.index
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """An integer as YAML 1.1 writes it, but a leading zero is not octal: ``035`` is 35."""
        text = node.value.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        base = {"0b": 2, "0x": 16}.get(digits[:2], 10)
        try:
            return sign * int(digits[2:] if base != 10 else digits, base)
        except ValueError:  # more digits than Python converts
            raise _refuse(
                f"the number is {len(digits):,} digits long; c2graph reads numbers of at most "
                f"{sys.get_int_max_str_digits():,} digits",
                node,
            ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
#: Implicit types kept from PyYAML's YAML 1.1 resolver: null, and merge keys (refused).
_KEPT_TYPES = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge")
#: The other implicit types: YAML 1.1's less what would change a value unseen: dates stay
#: text, only true/false are booleans, sexagesimal numbers (``1:30``, 90 in YAML 1.1) are
#: text, and digits with a leading zero are decimal (``035`` is 35, ``09`` is 9), as in
#: YAML 1.2.
_TYPES = {
    "tag:yaml.org,2002:bool": (r"true|True|TRUE|false|False|FALSE", "tTfF"),
    "tag:yaml.org,2002:int": (
        r"[-+]?0b[0-1_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+",
        "-+0123456789",
    ),
    "tag:yaml.org,2002:float": (
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
}
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in _KEPT_TYPES]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
for _tag, (_pattern, _first) in _TYPES.items():
    _StrictLoader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_pattern})$"), list(_first))


class _NotPlain(Exception):
    """The fast construction met something it leaves to :class:`_StrictLoader`."""


class _PlainLoader(_StrictLoader):
    """:class:`_StrictLoader` building plain documents in one direct pass, twice as fast.

    Text, lists and mappings with text keys are built directly; other scalars (numbers,
    booleans, null) use the strict constructors. Whatever the pass does not take (an alias,
    a repeated or non-text key, a tag, deep nesting, any construction error) makes
    :func:`_load_yaml` load the text again with :class:`_StrictLoader`, so the data and the
    errors are exactly those of the strict loader.
    """

    def construct_document(self, node: yaml.Node) -> Any:
        seen: set[int] = set()

        def build(node: yaml.Node, depth: int) -> Any:
            if id(node) in seen or depth > 64:
                raise _NotPlain
            seen.add(id(node))
            kind = type(node)
            if kind is yaml.ScalarNode:
                return node.value if node.tag == _STR else self.construct_object(node, True)
            if kind is yaml.SequenceNode and node.tag == _SEQ:
                return [build(item, depth + 1) for item in node.value]
            if kind is not yaml.MappingNode or node.tag != _MAP:
                raise _NotPlain
            data: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if (
                    type(key_node) is not yaml.ScalarNode
                    or key_node.tag != _STR
                    or key_node.value in data
                ):
                    raise _NotPlain
                data[key_node.value] = build(value_node, depth + 1)
            return data

        try:
            return build(node, 0)
        finally:
            self.constructed_objects = {}
            self.recursive_objects = {}


def _load_yaml(text: str) -> Any:
    """Load YAML text with yaml-rs (:func:`.fastyaml.load_plain`), else with
    :class:`_PlainLoader`, or :class:`_StrictLoader` when that declines too."""
    data = load_plain(text)
    if data is not None:
        return data
    try:
        return yaml.load(text, Loader=_PlainLoader)
    except (_NotPlain, yaml.constructor.ConstructorError, RecursionError):
        return yaml.load(text, Loader=_StrictLoader)


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


def parse_text(text: str, filename: str, *, as_json: bool = False) -> Any:
    """Parse model text into plain data (dicts, lists, strings, numbers, booleans, None).

    Parameters
    ----------
    text
        The file's text.
    filename
        The file as problems name it.
    as_json
        Read the text as JSON rather than YAML.

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
        return _parse_json(text, filename)
    line: int | None
    try:
        with gc_paused():
            return _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        line, message = _marked_yaml_problem(exc, text)
    except yaml.reader.ReaderError as exc:
        line = line_at(text, exc.position)
        message = (
            f"control character {exc.character:#04x} is not allowed in a model file; remove it"
        )
    except yaml.YAMLError as exc:
        line, message = None, str(exc)
    except RecursionError:
        line, message = None, "nested too deeply"
    raise _error(filename, line, f"YAML: {message}")


def _error(filename: str, line: int | None, message: str) -> ModelError:
    """The error of a file that cannot be parsed: one problem, of the file as a whole."""
    return ModelError([Problem(filename, line, "", message)])


def _marked_yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line and message of a YAML error that carries marks."""
    explained = explain(exc, text)
    if explained is not None:
        return explained
    mark = exc.problem_mark or exc.context_mark
    line = line_at(text, mark.index) if mark is not None else None
    message = exc.problem or str(exc)
    if exc.context and "duplicate" not in message and "alias" not in message:
        message = f"{exc.context}, {message}"
    if message.startswith("aliases"):
        line = _first_alias_line(text)
    return line, _UNKNOWN_TAG.sub(r"tag \1 is not allowed in model files: remove it", message)


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


_UNKNOWN_TAG = re.compile(r"^could not determine a constructor for the tag ('.*')$")


def _first_alias_line(text: str) -> int:
    """Return the line of the first alias: the composed node only remembers its anchor.

    Called only for the error of an alias, so the text parses and holds one.
    """
    alias = next(
        event
        for event in yaml.parse(text, Loader=_BaseLoader)
        if isinstance(event, yaml.AliasEvent)
    )
    # The parser marks every event; the stubs declare the mark optional.
    return line_at(text, cast(yaml.error.Mark, alias.start_mark).index)


def _parse_json(text: str, filename: str) -> Any:
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


class LineIndex:
    """Line numbers of the items of a parsed text, found by their data path.

    Built only when a problem must be located: it composes the text once more with marks.
    JSON text is composed as YAML (JSON is nearly YAML; what YAML refuses is blanked out,
    keeping every character where it was).

    Parameters
    ----------
    text
        The text of a model file, YAML or JSON.

    Examples
    --------
    >>> index = LineIndex("nodes:\\n  - id: a\\n  - id: b\\n    kind: x\\n")
    >>> index.line_of(("nodes", 1, "kind"))
    4
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False
        self._breaks: list[int] | None = None
        self._lookups = 0
        self._items: ItemLines | None = None

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

    def _root_node(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            for text in (self._text, _json_as_yaml(self._text)):
                try:
                    with gc_paused():
                        self._root = yaml.compose(text, Loader=_StrictLoader)
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
        if not self._composed and self._text.lstrip(" \t\r\n")[:1] in ("{", "["):
            try:  # JSON (or YAML written as JSON): walked, not composed
                return self._line_at(json_offset(self._text, path))
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
