"""Which kernels run (:mod:`c2graph.analysis.kernels`): the compiled ones, or the reference
ones that ``C2GRAPH_KERNELS=networkx`` asks for; read without importing any graph library.

Example
-------
>>> import os
>>> compiled() == (os.environ.get(KERNELS_VARIABLE) != "networkx")
True
"""

from __future__ import annotations

import os

__all__ = ["KERNELS_VARIABLE", "compiled"]

#: The environment variable that chooses the kernels: ``networkx`` for the reference ones.
KERNELS_VARIABLE = "C2GRAPH_KERNELS"


def compiled() -> bool:
    """True unless ``C2GRAPH_KERNELS=networkx`` asks for the reference kernels.

    >>> import os
    >>> compiled() == (os.environ.get("C2GRAPH_KERNELS") != "networkx")
    True
    """
    return os.environ.get(KERNELS_VARIABLE, "") != "networkx"
