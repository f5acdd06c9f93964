"""Prepare an SVG file's text for inlining in an HTML page: checked safe, no prolog, ids unique.

The check parses the SVG as XML and looks at its elements and attributes, so that text a
model puts in a diagram (a name such as ``Status ongoing=true``) is never taken for markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from ..errors import RenderError

__all__ = ["check_svg", "inline_svg"]

_PROLOG = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.S)
#: A start or end tag, its quoted attribute values taken whole (they may hold ``>``).
_TAG = re.compile(r"""<(?:[^<>"']|"[^"]*"|'[^']*')*>""")
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')
#: Elements that run code or embed other documents.
_ACTIVE = frozenset({"script", "foreignObject", "iframe", "object", "embed", "handler"})
#: Address schemes that run code when followed.
_ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:")


def _local(name: str) -> str:
    """A tag or attribute name without its namespace (``{uri}name`` → ``name``)."""
    return name.rsplit("}", 1)[-1]


def check_svg(text: str) -> None:
    """Refuse an SVG that could run code in a page: scripts, embedded documents, event
    handlers, addresses that run code, or animations that set an address.

    Parameters
    ----------
    text
        The SVG file's text.

    Raises
    ------
    RenderError
        The SVG is not well-formed XML, or holds any of these; the renderers never write
        them, so this means a renderer went wrong.

    Examples
    --------
    >>> check_svg('<svg xmlns="http://www.w3.org/2000/svg"><text>Status ongoing=true</text></svg>')
    >>> check_svg('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    Traceback (most recent call last):
    c2graph.errors.RenderError: the SVG has an event handler (onload on svg)
    """
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise RenderError(f"the SVG is not well-formed XML ({exc})") from None
    for element in root.iter():
        tag = _local(element.tag)
        if tag in _ACTIVE:
            raise RenderError(f"the SVG holds a {tag} element")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                raise RenderError(f"the SVG has an event handler ({attribute} on {tag})")
            if attribute == "href" and _runs(value):
                raise RenderError(f"the SVG links to an address that runs code ({tag})")
        target = element.get("attributeName", "").rsplit(":", 1)[-1]
        if tag in ("set", "animate") and target == "href":
            raise RenderError(f"the SVG sets an address by animation ({tag})")


def _runs(address: str) -> bool:
    return "".join(address.split()).lower().startswith(_ACTIVE_SCHEMES)


def inline_svg(text: str, prefix: str) -> str:
    """Return ``text`` checked (:func:`check_svg`), without its XML prolog, every id and
    reference prefixed by ``prefix``.

    Several SVGs in one page must not share ids (clip paths and markers are looked up by
    id across the whole page). Ids and references are rewritten inside tags only, never
    in the text the diagram shows.

    >>> inline_svg('<?xml version="1.0"?>\\n<svg><g id="a" clip-path="url(#a)"/></svg>', "f1")
    '<svg><g id="f1-a" clip-path="url(#f1-a)"/></svg>'
    >>> inline_svg('<svg><text>id="x" url(#x)</text></svg>', "f1")
    '<svg><text>id="x" url(#x)</text></svg>'
    """
    check_svg(text)
    body = _PROLOG.sub("", text, count=1)
    return _TAG.sub(lambda tag: _prefixed(tag.group(), prefix), body)


def _prefixed(tag: str, prefix: str) -> str:
    tag = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', tag)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", tag)
