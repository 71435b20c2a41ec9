"""Worker processes watched by the run's parent: no file can hold a parallel run.

The parent hands each worker a file or two at a time over a pipe and notes when the
worker began each one. A worker whose file runs past the budget (``--timeout``) is
killed and replaced, wherever it is stuck (a runaway regex, a loop in C code that
never checks for signals), and the file becomes its ``input/timeout`` finding; a
worker that dies (killed by the system for its memory, a crash in C) costs only the
file it was on, which becomes an ``internal-error`` finding. Either way the files
queued behind it go to the replacement, and results come out in the order of the
paths, as they finish.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from newslint.budget import Lost

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

DEPTH = 2  # files a worker holds at once: the next is there when one ends
JOIN_SECONDS = 5.0


@dataclass
class _Worker:
    process: Any
    conn: Connection
    queue: deque[int] = field(default_factory=deque)
    since: float = 0.0  # when the file at the head of the queue began, as the parent saw it


def map_watched(
    task: Callable[[str], T],
    paths: Sequence[str],
    jobs: int,
    context: Any,
    timeout: float,
    lost: Lost[T],
    progress: Callable[[int], None] | None = None,
) -> Iterator[T]:
    """``task(path)`` for every path, in order, in ``jobs`` watched worker processes
    (``timeout`` seconds a file, 0: no budget)."""
    pool = _Pool(task, context, jobs, timeout, lost)
    finished = False
    try:
        yield from pool.run(paths, progress)
        finished = True
    finally:
        pool.close(finished)


class _Pool(Generic[T]):
    def __init__(self, task: Callable[[str], T], context: Any, jobs: int, timeout: float, lost: Lost[T]) -> None:
        self.task, self.context, self.timeout, self.lost = task, context, timeout, lost
        self.workers: list[_Worker] = []
        for _ in range(jobs):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_serve, args=(child_end, self.task, os.getpid()), name="newslint-worker", daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def run(self, paths: Sequence[str], progress: Callable[[int], None] | None) -> Iterator[T]:
        todo: deque[int] = deque(range(len(paths)))
        done: dict[int, T] = {}
        out = 0
        while out < len(paths):
            self._feed(todo, paths)
            self._collect(todo, paths, done)
            while out in done:
                yield done.pop(out)
                out += 1
                if progress:
                    progress(1)

    def _feed(self, todo: deque[int], paths: Sequence[str]) -> None:
        for worker in self.workers:
            while todo and len(worker.queue) < DEPTH:
                index = todo.popleft()
                if not worker.queue:
                    worker.since = time.monotonic()
                worker.queue.append(index)
                with contextlib.suppress(OSError):  # a dead worker is found by its sentinel
                    worker.conn.send((index, paths[index]))

    def _collect(self, todo: deque[int], paths: Sequence[str], done: dict[int, T]) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.queue]
        if not busy:
            return
        wait_for = None
        if self.timeout > 0:
            wait_for = max(0.0, min(w.since for w in busy) + self.timeout - time.monotonic())
        ready = set(wait([*(w.conn for w in busy), *(w.process.sentinel for w in busy)], wait_for))
        for worker in busy:
            why = self._receive(worker, paths, done) if worker.conn in ready else None
            if why is None and worker.queue and worker.process.sentinel in ready:
                why = self._died(worker, paths, done)
            if why is None and self.timeout > 0 and worker.queue and time.monotonic() - worker.since >= self.timeout:
                why = "timeout"
            if why is not None:
                self._replace(worker, why, todo, paths, done)

    def _receive(self, worker: _Worker, paths: Sequence[str], done: dict[int, T]) -> str | None:
        """Take the worker's finished results; why it is lost, if it is (None: it is not)."""
        try:
            while worker.queue and worker.conn.poll():
                index, ok, payload = worker.conn.recv()
                worker.queue.popleft()
                worker.since = time.monotonic()
                done[index] = payload if ok else self.lost.crashed(paths[index], payload)
        except (EOFError, OSError):  # the worker is gone
            return self._died(worker, paths, done)
        return None

    def _died(self, worker: _Worker, paths: Sequence[str], done: dict[int, T]) -> str | None:
        """Why a worker whose process ended is lost (after taking what it sent before it
        ended); None while it runs."""
        if not worker.queue or worker.process.is_alive():
            return None
        with contextlib.suppress(EOFError, OSError):
            while worker.queue and worker.conn.poll():
                index, ok, payload = worker.conn.recv()
                worker.queue.popleft()
                done[index] = payload if ok else self.lost.crashed(paths[index], payload)
        if not worker.queue:
            return None
        worker.process.join(0)
        return f"its worker process ended (exit code {worker.process.exitcode})"

    def _replace(self, worker: _Worker, why: str, todo: deque[int], paths: Sequence[str], done: dict[int, T]) -> None:
        head = worker.queue.popleft()
        path = paths[head]
        done[head] = self.lost.timed_out(path) if why == "timeout" else self.lost.crashed(path, why)
        todo.extendleft(reversed(worker.queue))  # the files it held go first to the next worker
        _kill(worker)
        self.workers[self.workers.index(worker)] = self._start()

    def close(self, finished: bool) -> None:
        for worker in self.workers:
            if finished:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            else:  # interrupted (Ctrl-C) or abandoned: stop now, do not lint the rest
                _kill(worker)
        for worker in self.workers:
            worker.process.join(JOIN_SECONDS)
            if worker.process.is_alive():
                _kill(worker)
            worker.conn.close()


def _kill(worker: _Worker) -> None:
    with contextlib.suppress(Exception):
        worker.process.kill()
    with contextlib.suppress(Exception):
        worker.process.join(JOIN_SECONDS)
    with contextlib.suppress(Exception):
        worker.conn.close()


def _serve(conn: Connection, task: Callable[[str], Any], parent: int) -> None:
    """A worker's life: lint the paths the parent sends until it sends None."""
    from newslint.workers import WORKER_GC, die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    gc.set_threshold(*WORKER_GC)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        index, path = item
        try:
            reply = (index, True, task(path))
        except Exception as e:  # the task's own guard failed: the parent reports it
            reply = (index, False, f"{type(e).__name__}: {e}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
        except Exception as e:  # a result that cannot be sent (pickling)
            conn.send((index, False, f"its result could not be sent ({type(e).__name__}: {e})"))
