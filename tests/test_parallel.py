"""fork_map: answers in the items' order from forked workers, or from this process; a
worker that dies is a WorkerError, exit code 5."""

from __future__ import annotations

import os
import signal

import pytest

from c2graph.cli.main import main
from c2graph.errors import WorkerError
from c2graph.parallel import WORKER_DIED, fork_map


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


def _dies_on_two(n: int) -> int:
    if n == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # as the system kills a worker out of memory
    return n


def test_a_worker_that_dies_stops_the_run_with_a_worker_error():
    with pytest.raises(WorkerError) as raised:
        fork_map(_dies_on_two, [1, 2, 3, 4], jobs=2)
    assert str(raised.value) == WORKER_DIED.format(workers=2)
    assert raised.value.exit_code == 5


def test_a_dead_worker_is_exit_code_5_on_the_command_line(monkeypatch, capsys):
    import c2graph.analysis.whatif as whatif

    real = whatif._remove

    def remove(model, node, *args):
        if node == "jp-gcc":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(model, node, *args)

    monkeypatch.setattr(whatif, "_remove", remove)
    argv = ["bottlenecks", "models/us-japan-2025.yaml", "--remove-each", "jp-gcc,jp-jjoc"]
    assert main([*argv, "--jobs", "2"]) == 5
    assert capsys.readouterr().err == (
        f"c2graph bottlenecks: error: {WORKER_DIED.format(workers=2)}\n"
    )
