"""Hover texts in SVG: each element's ``<title>`` replaced (or added) by its real text.

Graphviz titles every node and edge with its DOT name (``n4``, ``n4->n7``), matplotlib not
at all; :func:`retitle` puts the chart's own texts there, escaped as XML, keyed by the ids
the renderers give their elements.

Example
-------
>>> svg = b'<svg><g id="n0" class="node">\\n<title>n0</title>\\n</g><g id="x"></g></svg>'
>>> print(retitle(svg, {"n0": "HQ <Main> & Rear", "x": "Other"}).decode())
<svg><g id="n0" class="node">
<title>HQ &lt;Main&gt; &amp; Rear</title>
</g><g id="x"><title>Other</title></g></svg>
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .style import printable

__all__ = ["retitle"]

_GROUP = re.compile(rb'(<g id="([^"]+)"[^>]*>)(\s*<title>[^<]*</title>)?')


def retitle(svg: bytes, titles: Mapping[str, str]) -> bytes:
    """Return ``svg`` with the title of every group whose id is in ``titles`` set to its
    text; groups with no entry keep theirs."""

    def replace(match: re.Match[bytes]) -> bytes:
        text = titles.get(match[2].decode("utf-8"))
        if text is None:
            return match[0]
        spacing = re.match(rb"\s*", match[3] or b"")
        lead = spacing[0] if spacing else b""
        body = _escaped(printable(text)).encode("utf-8")
        return match[1] + lead + b"<title>" + body + b"</title>"

    return _GROUP.sub(replace, svg)


def _escaped(text: str) -> str:
    """``text`` as XML character data (``html.escape`` without quotes, without importing
    :mod:`html` and its entity tables).

    >>> _escaped("A & <B>")
    'A &amp; &lt;B&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
