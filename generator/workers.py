"""Worker processes that can be stopped: a deadline for each task, one retry when a worker dies.

The standard process pool can neither stop one task that runs too long nor survive a worker
killed by the system (one `BrokenProcessPool` ends the build), and its workers outlive a parent
that is killed. Here every worker is a process of its own, fed one task at a time over a pipe:
a task past its deadline has its worker killed and replaced, a task whose worker dies is tried
once more on a new one, and every worker watches its parent and ends when the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from generator.errors import BriefingError

TIMED_OUT = "timed out"
DIED = "died"
ATTEMPTS = 2
"""A task whose worker dies is tried on a new worker once; a second death is reported."""


@dataclass(frozen=True)
class Outcome:
    """What became of one task: the worker's answer, or why there is none."""

    index: int
    """The task's position in the list given to `run`."""
    value: object = None
    failure: str | None = None
    """`TIMED_OUT` or `DIED` when there is no value."""


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: int | None = None
    due: float = 0.0


def run(
    tasks: Sequence,
    function: Callable,
    seconds: Callable[[object], float],
    jobs: int,
    setup: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Yield an `Outcome` for every task, in the order they finish.

    `function(task)` runs in a worker; `seconds(task)` is its deadline, counted from when the
    worker, set up by `setup()` (loading a model does not count), receives it. Every worker is
    killed when the iteration ends, however it ends.
    """
    pending = deque(range(len(tasks)))
    attempts = [0] * len(tasks)
    context = multiprocessing.get_context("spawn")
    workers = [_start(context, function, setup) for _ in range(min(max(jobs, 1), len(tasks)))]
    try:
        while pending or any(w.task is not None for w in workers):
            for worker in workers:
                if worker.ready and worker.task is None and pending:
                    index = pending.popleft()
                    worker.conn.send(tasks[index])
                    worker.task, worker.due = index, time.monotonic() + seconds(tasks[index])
            ready = set(wait([w.conn for w in workers], timeout=_timeout(workers)))
            kept = []
            for worker in workers:
                outcome = _advance(worker, worker.conn in ready, pending, attempts)
                if outcome is not None:
                    yield outcome
                if worker.process.is_alive() and not (outcome is not None and outcome.failure):
                    kept.append(worker)
                    continue
                _stop(worker)
                if pending:
                    kept.append(_start(context, function, setup))
            workers = kept
    finally:
        for worker in workers:
            _stop(worker)


def _advance(worker: _Worker, readable: bool, pending: deque, attempts: list[int]) -> Outcome | None:
    """Read what a worker sent, or notice that it died or overran; the task's outcome, if any."""
    if readable:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            message = None
        if message is not None:
            if message[0] == "ready":
                worker.ready = True
                return None
            if message[0] == "setup failed":
                raise BriefingError(message[1])
            index, worker.task = worker.task, None
            return Outcome(index, message[1])
        worker.process.join(1)
    if worker.task is not None and not worker.process.is_alive():
        index, worker.task = worker.task, None
        attempts[index] += 1
        if attempts[index] < ATTEMPTS:
            pending.appendleft(index)
            return None
        return Outcome(index, failure=DIED)
    if worker.task is not None and time.monotonic() >= worker.due:
        worker.process.kill()
        index, worker.task = worker.task, None
        return Outcome(index, failure=TIMED_OUT)
    if not worker.ready and not worker.process.is_alive():
        raise BriefingError("a worker process could not start (it died while loading)")
    return None


def _timeout(workers: list[_Worker]) -> float | None:
    due = [w.due for w in workers if w.task is not None and w.due != float("inf")]
    return max(0.0, min(due) - time.monotonic()) if due else None


def _start(context, function: Callable, setup: Callable[[], None] | None) -> _Worker:
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, function, setup, os.getpid()), daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


def _serve(conn: Connection, function: Callable, setup: Callable[[], None] | None, parent: int) -> None:
    """A worker's loop: set up, then answer one task at a time until the pipe closes."""
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    try:
        if setup is not None:
            setup()
    except Exception as error:
        conn.send(("setup failed", str(error)))
        return
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("done", function(task)))


def _watch(parent: int) -> None:
    """End this worker once its parent is gone (killed, or ended without stopping it)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
