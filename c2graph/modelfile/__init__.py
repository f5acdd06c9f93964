"""From a model file to a validated :class:`~c2graph.model.Model`.

The data flows through one module per step: :mod:`.files` reads the files a model may
read, :mod:`.parsing` turns their text safely into plain data (with yaml-rs through
:mod:`.fastyaml` where it reads as PyYAML's :mod:`.strictyaml` does; :mod:`.syntax` words its
syntax errors), :mod:`.validate` checks each file's structure against the key table of
:mod:`.fields` (also published as a JSON Schema by :mod:`.schema`), :mod:`.usable` keeps
what the later checks may read of a file with problems, :mod:`.variants` applies
``extends``, :mod:`.units_csv` adds bulk units, :mod:`.semantics` checks the merged model
across sections, :mod:`.records` builds the immutable records and :mod:`.lint` finds
what is odd but allowed; the items they pass along, each remembering where it was written,
are those of :mod:`.items`. :mod:`.loader` runs them in order.
:mod:`.msdl` reads an MSDL order of battle as model data.

Example
-------
>>> from c2graph.modelfile import load_model_data
>>> model = load_model_data({"name": "x", "as_of": "2025", "phases": [
...     {"id": "p", "name": "P"}], "nodes": [
...     {"id": "a", "name": "A", "nation": "JP", "kind": "unit"}]})
>>> model.node("a").name
'A'
"""

from .files import MAX_MODEL_BYTES
from .loader import LoadedModel, load_model, load_model_data, read_model
from .schema import model_schema

__all__ = [
    "MAX_MODEL_BYTES",
    "LoadedModel",
    "load_model",
    "load_model_data",
    "model_schema",
    "read_model",
]
