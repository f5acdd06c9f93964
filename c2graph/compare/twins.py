"""Phases of a model that hold exactly the same nodes and links: their analyses agree.

Every per-phase analysis a comparison runs (structural diff, chains, headline measures,
bottleneck report, approach placement, nation link, counterpart table) reads a phase only
through :func:`c2graph.analysis.graphs.phase_graphs`, that is through the nodes and links
holding in it.  Two phases holding the same nodes and links therefore get the same
answers but for the phase id they carry, so a comparison computes them once per group of
*twin* phases.  What a phase's situation requires (its decisions) is not part of this: it
is read from the phase itself.

Example
-------
>>> from c2graph import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025",
...     "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"},
...                {"id": "r", "name": "R"}],
...     "nodes": [{"id": "a", "name": "A", "nation": "JP", "kind": "unit"},
...               {"id": "b", "name": "B", "nation": "JP", "kind": "unit",
...                "phases": ["q", "r"]}]})
>>> phase_twins(model)
{'p': 'p', 'q': 'q', 'r': 'q'}
"""

from __future__ import annotations

from ..model import Model

__all__ = ["phase_twins"]


def phase_twins(model: Model) -> dict[str, str]:
    """Map every phase id of ``model`` to the first of its phases (in the model's order)
    holding exactly the same nodes and links.

    Two phases are twins when no node and no link holds in one and not in the other.
    One pass over the records: only their distinct phase sets are compared.

    Parameters
    ----------
    model
        The model; its phases are :attr:`~c2graph.model.Model.phase_ids`.

    Returns
    -------
    dict of str to str
        Each phase id, in order, with its first twin (itself when it has none earlier).

    Examples
    --------
    >>> from c2graph import load_model
    >>> phase_twins(load_model("models/us-rok-cfc.yaml"))
    {'armistice': 'armistice', 'wartime': 'wartime'}
    """
    held = list({n.phases for n in model.nodes.values()} | {link.phases for link in model.links})
    first: dict[tuple[bool, ...], str] = {}
    return {p: first.setdefault(tuple(p in s for s in held), p) for p in model.phase_ids}
