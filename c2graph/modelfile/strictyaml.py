"""The strict YAML loader: PyYAML with c2graph's refusals, and its errors in plain words.

:func:`~c2graph.modelfile.parsing.parse_text` reads YAML with yaml-rs
(:mod:`.fastyaml`) when it can; what yaml-rs hands over is read here. Importing PyYAML
costs a command's start-up some 20 ms, so this module is imported only then, or when
:class:`~c2graph.modelfile.parsing.LineIndex` composes a text to locate a problem.

Example
-------
>>> parse_yaml("a: &x 1\\nb: *x\\n", "m.yaml")
Traceback (most recent call last):
c2graph.errors.ModelError: m.yaml:2: YAML: aliases (*name) are not allowed in model \
files: write the item out in full
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, cast

import yaml

from ..errors import ModelError, Problem
from .parsing import gc_paused, line_at
from .syntax import explain

__all__ = ["StrictLoader", "compose", "load_yaml", "parse_yaml"]

if TYPE_CHECKING:  # the C loader, when PyYAML has it, has the same interface
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse(message: str, node: yaml.Node) -> yaml.constructor.ConstructorError:
    """The error of a node the model-file reader refuses."""
    return yaml.constructor.ConstructorError(None, None, message, node.start_mark)


_STR, _SEQ, _MAP = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
_STANDARD_TAG = "tag:yaml.org,2002:"


class StrictLoader(_BaseLoader):
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


StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
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
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in _KEPT_TYPES]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
for _tag, (_pattern, _first) in _TYPES.items():
    StrictLoader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_pattern})$"), list(_first))


class _NotPlain(Exception):
    """The fast construction met something it leaves to :class:`StrictLoader`."""


class _PlainLoader(StrictLoader):
    """:class:`StrictLoader` building plain documents in one direct pass, twice as fast.

    Text, lists and mappings with text keys are built directly; other scalars (numbers,
    booleans, null) use the strict constructors. Whatever the pass does not take (an alias,
    a repeated or non-text key, a tag, deep nesting, any construction error) makes
    :func:`load_yaml` load the text again with :class:`StrictLoader`, so the data and the
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


def load_yaml(text: str) -> Any:
    """Load YAML text with :class:`_PlainLoader`, or :class:`StrictLoader` when that
    declines.

    Parameters
    ----------
    text
        YAML text.

    Returns
    -------
    Any
        The document, as plain Python data.

    Raises
    ------
    yaml.YAMLError
        The strict loader's error, when the text does not parse or holds what model
        files may not.

    Examples
    --------
    >>> load_yaml("a: [1, x, ~]\\n")
    {'a': [1, 'x', None]}
    """
    try:
        return yaml.load(text, Loader=_PlainLoader)
    except (_NotPlain, yaml.constructor.ConstructorError, RecursionError):
        return yaml.load(text, Loader=StrictLoader)


def compose(text: str) -> yaml.Node | None:
    """Compose the text with marks, as :class:`StrictLoader` reads it.

    Parameters
    ----------
    text
        YAML text.

    Returns
    -------
    yaml.Node or None
        The root node; None for an empty document.

    Raises
    ------
    yaml.YAMLError
        When the text does not compose.

    Examples
    --------
    >>> compose("a:\\n  - b\\n").value[0][1].start_mark.line
    1
    """
    return yaml.compose(text, Loader=StrictLoader)


def parse_yaml(text: str, filename: str) -> Any:
    """Read YAML text with :func:`load_yaml`, its errors as a :class:`ModelError`.

    Parameters
    ----------
    text
        The file's text.
    filename
        The file as problems name it.

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
    >>> parse_yaml("as_of: 2025-03-24\\nn: 035\\n", "m.yaml")
    {'as_of': '2025-03-24', 'n': 35}
    """
    line: int | None
    try:
        with gc_paused():
            return load_yaml(text)
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
