"""Which models are compared with which: each variant with the model it extends, each
snapshot with the earlier snapshot of the same structure; unrelated models with none.

A *variant* names its base with ``extends``; its base is the model of that file, taken
from the models given when it is among them and loaded otherwise.  A model that extends
nothing is a *snapshot*; it is compared with the latest earlier snapshot given (``as_of``)
of the same structure: one sharing at least one phase id and at least half of the nodes of
the smaller of the two.  Any other pair is unrelated and is never diffed (a diff of two
unrelated structures lists everything as added and removed).

Example
-------
>>> from c2graph import load_model
>>> names = ["us-rok-cfc", "us-japan-jfhq", "us-japan-2022", "us-japan-2025"]
>>> models = [load_model(f"models/{name}.yaml") for name in names]
>>> [(p.base_index, p.index, p.relation) for p in model_pairs(models)]
[(3, 1, 'variant'), (2, 3, 'snapshot')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Model

__all__ = ["SHARED_NODES", "Pairing", "model_pairs", "same_structure"]

#: Share of the smaller model's nodes two snapshots must have in common to be compared.
SHARED_NODES = 0.5


@dataclass(frozen=True)
class Pairing:
    """Model ``index`` (of the models given) set against ``base``: the model it extends
    (``relation="variant"``) or its earlier snapshot (``"snapshot"``).  ``base_index`` is
    the base's index among the models given, ``None`` when it was loaded for the
    comparison."""

    base: Model
    model: Model
    base_index: int | None
    index: int
    relation: str


def same_structure(a: Model, b: Model) -> bool:
    """True when two models share a phase id and at least :data:`SHARED_NODES` of the
    nodes of the smaller one.

    Examples
    --------
    >>> from c2graph import load_model
    >>> a, b, c = (load_model(f"models/{n}.yaml")
    ...            for n in ("us-japan-2022", "us-japan-2025", "us-rok-cfc"))
    >>> same_structure(a, b), same_structure(b, c)
    (True, False)
    """
    if not set(a.phase_ids) & set(b.phase_ids):
        return False
    shared = len(a.nodes.keys() & b.nodes.keys())
    return shared >= SHARED_NODES * min(len(a.nodes), len(b.nodes))


def _base_path(model: Model) -> Path | None:
    if not model.extends or not model.path:
        return None
    return (Path(model.path).parent / model.extends).resolve()


def model_pairs(
    models: Sequence[Model], *, load: Callable[[str], Model] | None = None
) -> tuple[Pairing, ...]:
    """Pair every model given with its base, in the order of the models; unrelated models
    stay unpaired (see the module docstring).

    Parameters
    ----------
    models
        The models, as given.
    load
        Loads a model file (default :func:`c2graph.load_model`); called for the base of a
        variant that is not among ``models``, once per file.

    Returns
    -------
    tuple of Pairing
        Variants first met first; a loaded base is shared by its variants.

    Raises
    ------
    ModelError
        A base that must be loaded does not load (the loader's errors).
    """
    if load is None:
        from ..modelfile import load_model

        load = load_model
    given = {Path(m.path).resolve(): i for i, m in enumerate(models) if m.path}
    loaded: dict[Path, Model] = {}
    pairs = []
    for index, model in enumerate(models):
        base_path = _base_path(model)
        if base_path is not None:
            if base_path in given:
                base_index: int | None = given[base_path]
                base = models[given[base_path]]
            else:
                base_index = None
                if base_path not in loaded:
                    loaded[base_path] = load(str(base_path))
                base = loaded[base_path]
            pairs.append(Pairing(base, model, base_index, index, "variant"))
            continue
        earlier = [
            i
            for i, other in enumerate(models)
            if i != index
            and _base_path(other) is None
            and other.as_of < model.as_of
            and same_structure(other, model)
        ]
        if earlier:
            latest = max(earlier, key=lambda i: (models[i].as_of, -i))
            pairs.append(Pairing(models[latest], model, latest, index, "snapshot"))
    return tuple(pairs)
