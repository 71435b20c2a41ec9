"""The time budget where ``SIGALRM`` cannot serve: a lint run in a thread the caller leaves at its deadline.

The Python API (``lint_article``, ``lint_text``, ``lint_paths``), an archive audit's
records (``newslint.archive``, on Dask's or Spark's threads) and any caller outside a
process's main thread share one budget mechanism here. The document is linted in a
helper thread while the caller waits for it at most the budget; past it, the caller
goes on with an ``input/timeout`` result and the helper is left behind. The helper is
sent ``FileTimeout`` (``PyThreadState_SetAsyncExc``), which stops Python code at its
next instruction, and ends once it has; a call into C (a regex match, which each rule
bounds by its own ``timeout``) finishes first. So a caller is never held past its
budget, whatever the document does, and no caller's budget touches another's: each
call has its own helper and its own deadline.

Helpers that finish in time wait for the next call (at most ``IDLE_HELPERS`` of them),
so a call costs a hand-over between two threads, not a thread's start.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from newslint.errors import FileTimeout

T = TypeVar("T")

IDLE_HELPERS = 8  # helpers kept waiting for the next call; more are let end

_local = threading.local()  # .helper: the helper this thread is (see ``shielded``)


class _Helper:
    """A thread that runs one call at a time, and ends once its caller has left it behind."""

    def __init__(self) -> None:
        import queue

        self.inbox: queue.SimpleQueue[tuple[Callable[[Any], Any], Any] | None] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None
        self.finished = self.abandoned = self.stop_sent = False
        self.shield = 0
        self.thread = threading.Thread(target=self._run, name="newslint-lint", daemon=True)
        self.thread.start()

    def start(self, task: Callable[[Any], Any], argument: Any) -> None:
        self.value, self.error, self.finished = None, None, False
        self.done.clear()
        self.inbox.put((task, argument))

    def result(self) -> Any:
        error, self.error, value, self.value = self.error, None, self.value, None
        if error is not None:
            raise error
        return value

    def abandon(self) -> bool:
        """Leave the call behind (False: it finished meanwhile). The helper is sent FileTimeout
        now, or when it leaves a write it must not cut short (``shielded``)."""
        with self.lock:
            if self.finished:
                return False
            self.abandoned = True
            if self.shield == 0:
                self._stop()
            return True

    def _stop(self) -> None:
        self.stop_sent = True
        if self.thread.ident is not None:
            _send(self.thread.ident, FileTimeout)

    def _run(self) -> None:
        _local.helper = self
        while True:
            try:
                self._serve()
                if self.stop_sent:  # nothing may stay pending as the helper ends: it would print as a crash
                    _send(threading.get_ident(), None)
                return
            except FileTimeout:  # the stop landed between two calls' bookkeeping: end
                continue

    def _serve(self) -> None:
        while not self.abandoned:
            job = self.inbox.get()
            if job is None:
                return
            task, argument = job
            try:
                value, error = task(argument), None
            except BaseException as e:  # handed to the caller, who raises it
                value, error = None, e
            with self.lock:
                if self.abandoned:
                    return
                self.value, self.error, self.finished = value, error, True
            self.done.set()

    def enter_shield(self) -> None:
        with self.lock:
            if self.abandoned:
                raise FileTimeout
            self.shield += 1

    def leave_shield(self) -> None:
        with self.lock:
            self.shield -= 1
            if self.shield == 0 and self.abandoned and not self.stop_sent:
                self.stop_sent = True
                raise FileTimeout


def _send(ident: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in thread ``ident`` at its next instruction (None: take back one
    not raised yet)."""
    import ctypes  # (only when a document runs past its budget)

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), None if exception is None else ctypes.py_object(exception)
    )


_idle: list[_Helper] = []
_idle_lock = threading.Lock()


def _take() -> _Helper:
    with _idle_lock:
        while _idle:
            helper = _idle.pop()
            if helper.thread.is_alive():  # (a forked child's list names its parent's threads)
                return helper
    return _Helper()


def _give_back(helper: _Helper) -> None:
    with _idle_lock:
        if len(_idle) < IDLE_HELPERS:
            _idle.append(helper)
            return
    helper.inbox.put(None)


def run_watched(task: Callable[[str], T], path: str, seconds: float, on_timeout: Callable[[str], T]) -> T:
    """``task(path)`` in a helper thread; ``on_timeout(path)`` once ``seconds`` have passed."""
    helper = _take()
    helper.start(task, path)
    try:
        finished = helper.done.wait(seconds)
    except BaseException:  # interrupted (Ctrl-C): leave the helper to end on its own
        helper.abandon()
        raise
    if finished or not helper.abandon():
        try:
            return helper.result()
        finally:
            _give_back(helper)
    return on_timeout(path)


@contextlib.contextmanager
def shield() -> Iterator[None]:
    """In a helper thread, hold off its stop until the block ends (a fix being written)."""
    helper: _Helper | None = getattr(_local, "helper", None)
    if helper is None:
        yield
        return
    helper.enter_shield()
    try:
        yield
    finally:
        helper.leave_shield()
