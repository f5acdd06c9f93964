"""Independent jobs over the machine's cores: :func:`fork_map` runs one function over many
items in forked worker processes, answers in the items' order, as a serial loop would.

The workers are forks of the calling process (``concurrent.futures`` with the ``fork``
start method): they inherit the function, the items and whatever they hold (a loaded
model, its cached phase views) without copying or pickling them; only each answer is
sent back, so answers must be picklable.  Where the platform cannot fork, the loop runs
in the calling process.  A worker that dies before it answers (killed by the system for
lack of memory, most often) stops the run with a :class:`~c2graph.errors.WorkerError`.

Example
-------
>>> base = {"a": 1, "b": 2, "c": 3}
>>> fork_map(lambda key: base[key] * 10, ["c", "a", "b"], jobs=2)
[30, 10, 20]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .errors import WorkerError

__all__ = ["WORKER_DIED", "fork_map"]

T = TypeVar("T")
R = TypeVar("R")

#: The message of a run whose worker died.
WORKER_DIED = (
    "a worker process died before it answered (killed, most likely by the system for lack "
    "of memory: each of the {workers} workers needs its own share); run with fewer --jobs "
    "(--jobs 1 runs in this process) or on a machine with more memory"
)

#: The work the forked workers run (the function and its items), set only while they run.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def fork_map(
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int,
    told: Callable[[R, int], None] | None = None,
) -> list[R]:
    """Return ``[work(item) for item in items]``, computed by up to ``jobs`` workers.

    ``jobs`` of 1 or less, fewer than two items, or a platform without ``fork`` run the
    loop in this process.  ``told(answer, done)`` is called in this process after each
    answer, in the items' order.  Not re-entrant: ``work`` must not call it.  An error
    ``work`` raises in a worker is raised here; a worker that dies raises
    :class:`~c2graph.errors.WorkerError`.

    Example
    -------
    >>> seen = []
    >>> fork_map(len, ["ab", "c"], jobs=1, told=lambda answer, done: seen.append(done))
    [2, 1]
    >>> seen
    [1, 2]
    """
    global _WORK
    workers = min(jobs, len(items))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_told(work(item), done, told) for done, item in enumerate(items, 1)]
    _WORK = (work, items)
    try:
        chunk = max(1, len(items) // (4 * workers))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            answers = pool.map(_in_worker, range(len(items)), chunksize=chunk)
            return [_told(answer, done, told) for done, answer in enumerate(answers, 1)]
    except BrokenProcessPool:
        raise WorkerError(WORKER_DIED.format(workers=workers)) from None
    finally:
        _WORK = None


def _in_worker(index: int) -> Any:
    """The work on one item, in a forked worker that inherited it."""
    assert _WORK is not None, "a worker runs only in a fork of fork_map's caller"
    work, items = _WORK
    return work(items[index])


def _told(answer: R, done: int, told: Callable[[R, int], None] | None) -> R:
    """Tell ``told`` of one more answer, and return it."""
    if told is not None:
        told(answer, done)
    return answer
