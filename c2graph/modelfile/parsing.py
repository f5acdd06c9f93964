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
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from ..errors import InputFileError, ModelError, Problem

__all__ = [
    "MAX_MODEL_BYTES",
    "LineIndex",
    "format_path",
    "gc_paused",
    "is_json_path",
    "line_at",
    "parse_text",
    "read_text",
]

#: Largest model file c2graph reads; bigger files are refused with a clear message.
MAX_MODEL_BYTES = 256 * 1024 * 1024

DataPath = Sequence[str | int]

if TYPE_CHECKING:  # the C loader, when PyYAML has it, has the same interface
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """Safe loader that refuses aliases, duplicate keys and non-string keys.

    Dates stay strings and only ``true``/``false`` are booleans (YAML 1.2 core schema), so
    ``as_of: 2025-03-24`` and ``nation: NO`` read as written.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._text = stream

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "aliases (*name) are not allowed in model files: write the item out in full",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        "merge keys (<<) are not allowed in model files",
                        key_node.start_mark,
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise yaml.constructor.ConstructorError(
                        None, None, "mapping keys must be plain strings", key_node.start_mark
                    )
                if key_node.tag != "tag:yaml.org,2002:str":
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"mapping key {key_node.value!r} is not text: quote it or use a name",
                        key_node.start_mark,
                    )
                key = key_node.value
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {key!r} (first on line "
                        f"{line_at(self._text, seen[key])}): keep one of them",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark.index
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _NotPlain(Exception):
    """The fast construction met something it leaves to :class:`_StrictLoader`."""


_STR, _SEQ, _MAP = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")


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
    """Load YAML text with :class:`_PlainLoader`, or :class:`_StrictLoader` when it declines."""
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


def read_text(path: Path, *, max_bytes: int = MAX_MODEL_BYTES) -> str:
    """Read a model file as UTF-8 text (a leading BOM is dropped), refusing what is not one.

    Parameters
    ----------
    path
        The file to read.
    max_bytes
        The largest file accepted; devices and pipes are read only that far.

    Returns
    -------
    str
        The file's text.

    Raises
    ------
    InputFileError
        When the file is missing, a directory, unreadable, too large or not UTF-8.

    Examples
    --------
    >>> read_text(Path("models/us-rok-cfc.yaml")).splitlines()[1]
    'name: US–ROK Combined Forces Command (comparator)'
    >>> read_text(Path("no-such-file.yaml"))
    Traceback (most recent call last):
    c2graph.errors.InputFileError: no-such-file.yaml: no such file
    """
    if path.is_dir():
        raise InputFileError(f"{path}: is a directory, not a model file")
    try:
        size = path.stat().st_size  # 0 for devices and pipes: the bounded read still holds
        raw = b""
        if size <= max_bytes:
            with path.open("rb") as stream:
                raw = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except PermissionError:
        raise InputFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size > max_bytes or len(raw) > max_bytes:
        amount = f"{size:,} bytes is" if size > max_bytes else f"more than {max_bytes:,} bytes is"
        raise InputFileError(
            f"{path}: {amount} over the {max_bytes:,}-byte limit for a model file;"
            " split it with 'extends' or give units as CSV"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


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
    mark = exc.problem_mark or exc.context_mark
    line = line_at(text, mark.index) if mark is not None else None
    message = exc.problem or str(exc)
    if exc.context and "duplicate" not in message and "alias" not in message:
        message = f"{exc.context}, {message}"
    if message.startswith("aliases"):
        line = _first_alias_line(text)
    return line, _UNKNOWN_TAG.sub(r"tag \1 is not allowed in model files: remove it", message)


#: A ``\\uD800``-``\\uDFFF`` escape that is not half of a surrogate pair: no character.
_LONE_SURROGATE = re.compile(  # one literal prefix (\\u) keeps the search fast on big files
    r"\\u(?:[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u)[dD][c-fC-F][0-9a-fA-F]{2})"
)


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
    lone = _LONE_SURROGATE.search(text)
    if lone is not None:
        raise _error(
            filename,
            line_at(text, lone.start()),
            f"JSON: {lone.group()} is half of a surrogate pair, not a character; "
            "write the character itself",
        )
    return data


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

    def _line(self, node: yaml.Node) -> int:
        """The node's line counted by ``\\n`` alone, as editors and JSON count them."""
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self._text)]
        return bisect.bisect_left(self._breaks, node.start_mark.index) + 1

    def _root_node(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            for text in (self._text, _json_as_yaml(self._text)):
                try:
                    with gc_paused():
                        self._root = yaml.compose(text, Loader=_StrictLoader)
                    break
                except (yaml.YAMLError, RecursionError):
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
        """
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
