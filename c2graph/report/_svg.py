"""Prepare an SVG file's text for inlining in an HTML page: no prolog, ids made unique."""

from __future__ import annotations

import re

__all__ = ["inline_svg"]

_PROLOG = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')
_UNSAFE = re.compile(r"<script|<foreignObject|\bon[a-z]+\s*=", re.I)


def inline_svg(text: str, prefix: str) -> str:
    """Return ``text`` without its XML prolog, every id and reference prefixed by ``prefix``.

    Several SVGs in one page must not share ids (clip paths and markers are looked up by
    id across the whole page).  Raises ``ValueError`` if the SVG holds scripts or event
    handlers, which the renderers never write.

    >>> inline_svg('<?xml version="1.0"?>\\n<svg><g id="a" clip-path="url(#a)"/></svg>', "f1")
    '<svg><g id="f1-a" clip-path="url(#f1-a)"/></svg>'
    """
    body = _PROLOG.sub("", text, count=1)
    if _UNSAFE.search(body):
        raise ValueError("the SVG holds a script or an event handler")
    body = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)
