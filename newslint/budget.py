"""The time budget of every door that lints documents (``--timeout``, ``Options.timeout``).

No draft may hold the gate. One budget (``DEFAULT_TIMEOUT`` unless the config file's
``timeout``, a ``--timeout`` flag or ``Options(timeout=...)`` says otherwise) covers
``newslint check``, ``audit`` and ``learn`` and the Python API; a document past it is one
``input/timeout`` error, never a pass, and the run goes on. The publish-check service
has its own deadline (``newslint serve --timeout``): it kills the worker and answers 504.

A run over several worker processes is watched by its parent, which kills and replaces
a worker whose file runs past the budget (see ``newslint.watchdog``): nothing a worker
does can stop that. A newslint command's run in its own main thread (one file, standard
input, ``--jobs 1``: ``own_process``) uses ``SIGALRM`` instead, so that a one-file run
(a pre-commit hook) pays for no other process or thread: the alarm's handler raises
``FileTimeout`` in the middle of the lint, and the file becomes one ``input/timeout``
finding while the run goes on. The ``regex`` module checks for signals while it
matches, so a runaway regex is stopped there too. A call into C that never checks for
signals would put the handler off until it returns; a backstop thread then ends the
whole command after ``BACKSTOP_GRACE`` more seconds, with exit code 1 and the file's
name on standard error: the gate fails closed instead of hanging.

Everywhere else (the API in a caller's process, any thread but the main one, Windows,
a caller's own alarm already set) the document is linted in a helper thread that the
caller leaves at the deadline (``newslint.threadbudget``): the caller gets its
``input/timeout`` result on time, and no process is ended.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from newslint.errors import FileTimeout

T = TypeVar("T")

TIMEOUT_RULE = "input/timeout"
DEFAULT_TIMEOUT = 60.0  # seconds one document may take, at every door (0: no limit)
# Seconds past the budget before the backstop gives up on a file that the alarm could
# not interrupt (see the module's docstring).
BACKSTOP_GRACE = 5.0
BACKSTOP_EXIT = 1  # an error finding's exit code: the run did not pass


@dataclass(frozen=True)
class Lost(Generic[T]):
    """What to report for a file whose worker was lost: ``timed_out(path)`` when it ran past
    the budget, ``crashed(path, why)`` when the worker died or could not send its result."""

    timed_out: Callable[[str], T]
    crashed: Callable[[str, str], T]


_shield = threading.local()


def _on_alarm(signum: int, frame: object) -> None:
    if getattr(_shield, "depth", 0):
        return  # finishing a write: let it end (the backstop still watches)
    raise FileTimeout


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Code the budget must not cut short (a fix being written): it runs to its end."""
    from newslint.threadbudget import shield

    _shield.depth = getattr(_shield, "depth", 0) + 1
    try:
        with shield():
            yield
    finally:
        _shield.depth -= 1


def timeout_message(seconds: float, what: str = "file", knob: str = "--timeout", others: str | None = "files") -> str:
    """The ``input/timeout`` finding's message: what was stopped, and what to do about it."""
    went_on = f"; the other {others} were linted" if others else ""
    return (
        f"not fully linted: linting this {what} took longer than the {seconds:g} s budget ({knob}), "
        f"so it was stopped{went_on}. Lint it alone with a larger {knob}, "
        "or look for a rule whose regex runs away on it"
    )


def run_within(
    task: Callable[[str], T],
    path: str,
    seconds: float,
    on_timeout: Callable[[str], T],
    own_process: bool = False,
) -> T:
    """``task(path)``, or ``on_timeout(path)`` when it runs past ``seconds`` (0: no budget).

    ``own_process``: the caller is a newslint command in its own process, which may use
    ``SIGALRM`` and end itself when a call into C will not let the alarm stop it. Without
    it the task runs in a helper thread that the caller leaves at the deadline.
    """
    if seconds <= 0:
        return task(path)
    if own_process and _alarm_usable():
        try:
            with _alarm(seconds), _backstop(path, seconds):
                return task(path)
        except FileTimeout:
            return on_timeout(path)
    from newslint.threadbudget import run_watched

    return run_watched(task, path, seconds, on_timeout)


def _alarm_usable() -> bool:
    """SIGALRM can stop this thread's task: the main thread of a POSIX process whose own
    alarm is not set (a caller's alarm is left be)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] <= 0
    )


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _backstop(path: str, seconds: float) -> Iterator[None]:
    token = _BACKSTOP.arm(path, seconds)
    try:
        yield
    finally:
        _BACKSTOP.disarm(token)


class _Backstop:
    """One watcher thread for the whole run, started at its first file. Each file only
    adds its deadline, path and budget to ``armed`` under a token of its own and takes it
    out when it ends (so no file's end disarms another's), and costs no thread of its
    own and no switch to one: the watcher wakes at most once every ``CHECK`` seconds."""

    CHECK = 1.0

    def __init__(self) -> None:
        self.armed: dict[object, tuple[float, str, float]] = {}
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def arm(self, path: str, seconds: float) -> object:
        token = object()
        self.armed[token] = (time.monotonic() + seconds + BACKSTOP_GRACE, path, seconds)
        if self._thread is None or not self._thread.is_alive():  # (a forked child has none)
            with self._start:
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._watch, name="newslint-backstop", daemon=True)
                    self._thread.start()
        return token

    def disarm(self, token: object) -> None:
        self.armed.pop(token, None)

    def _watch(self) -> None:
        while True:
            armed = list(self.armed.values())  # (a copy: files come and go meanwhile)
            if not armed:
                time.sleep(self.CHECK)
                continue
            deadline, path, seconds = min(armed)
            left = deadline - time.monotonic()
            if left <= 0:
                _give_up(path, seconds)
            time.sleep(min(left, self.CHECK))


_BACKSTOP = _Backstop()


def _give_up(path: str, seconds: float) -> None:
    name = "<stdin>" if path == "-" else path
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        sys.stderr.write(
            f"newslint: error: {name}: {TIMEOUT_RULE}: linting ran past the {seconds:g} s budget (--timeout) "
            "inside code that cannot be interrupted; the run is stopped and did not pass\n"
        )
        sys.stderr.flush()
    os._exit(BACKSTOP_EXIT)
