"""JSON text of a model: the resolved model data plus the phases each node and link holds in.

``model`` is :meth:`Model.to_dict` (``extends`` resolved; a c2graph model file on its own
when no phase is given); ``node_phases`` and ``link_phases`` map each node id and link key
to the phase ids in which it holds, in phase order, so readers need not resolve
``{from: P}`` ranges themselves.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}, {"id": "q", "name": "Q"}], "nodes": [
...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit", "phases": {"from": "q"}}]})
>>> import json
>>> json.loads(to_json(model))["node_phases"]
{'a': ['q']}
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import Model
from ._select import ordered_phases, select

__all__ = ["to_json", "to_json_data"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json_data(model: Model, *, phase: str | None = None) -> dict[str, Any]:
    """Return the data :func:`to_json` writes, as plain dicts and lists.

    Keys: ``phase`` (or None), ``model``, ``node_phases``, ``link_phases``. With ``phase``,
    ``model`` lists only the nodes and links holding in that phase (its phases, sources and
    locations stay whole).

    Examples
    --------
    >>> from c2graph import load_model
    >>> data = to_json_data(load_model("models/us-rok-cfc.yaml"), phase="wartime")
    >>> data["phase"], list(data)
    ('wartime', ['phase', 'model', 'node_phases', 'link_phases'])
    """
    selection = select(model, phase)
    data = model.to_dict()
    if phase is not None:
        data["nodes"] = [node.to_dict() for node in selection.nodes]
        data["links"] = [link.to_dict() for link in selection.links]
    return {
        "phase": phase,
        "model": data,
        "node_phases": {n.id: ordered_phases(model, n.phases) for n in selection.nodes},
        "link_phases": {link.key: ordered_phases(model, link.phases) for link in selection.links},
    }


def to_json(model: Model, *, phase: str | None = None) -> str:
    """Return :func:`to_json_data` as indented UTF-8 JSON in model order.

    Keys keep their insertion order (model order) rather than being sorted; non-ASCII text
    stays readable. A lone surrogate (possible in a JSON model file) is written as its
    ``\\uXXXX`` escape so the text can always be encoded as UTF-8.

    Examples
    --------
    >>> import json
    >>> from c2graph import load_model
    >>> json.loads(to_json(load_model("models/us-rok-cfc.yaml")))["phase"] is None
    True
    """
    text = json.dumps(to_json_data(model, phase=phase), ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
