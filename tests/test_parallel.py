"""fork_map: answers in the items' order from forked workers, or from this process."""

from __future__ import annotations

import os

import pytest

from c2graph.parallel import fork_map


def test_workers_are_other_processes_answering_in_order():
    told: list[tuple[int, int]] = []
    answers = fork_map(
        lambda n: (n * n, os.getpid()),
        list(range(9)),
        jobs=2,
        told=lambda a, d: told.append((a[0], d)),
    )
    assert [a for a, _ in answers] == [n * n for n in range(9)]
    assert os.getpid() not in {pid for _, pid in answers}
    assert told == [(n * n, n + 1) for n in range(9)]


@pytest.mark.parametrize(("jobs", "items"), [(1, [1, 2, 3]), (4, [5])])
def test_one_job_or_one_item_runs_here(jobs, items):
    assert fork_map(lambda n: (n, os.getpid()), items, jobs=jobs) == [
        (n, os.getpid()) for n in items
    ]


def test_a_worker_error_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        fork_map(lambda n: 1 // n, [1, 0, 2], jobs=2)
