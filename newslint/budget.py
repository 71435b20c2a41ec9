"""The per-file time budget of a run in this process (``newslint check --timeout``).

No draft may hold the gate. A run over several worker processes is watched by its
parent, which kills and replaces a worker whose file runs past the budget (see
``newslint.watchdog``): nothing a worker does can stop that. A run in this process
(one file, standard input, ``--jobs 1``) uses ``SIGALRM`` instead, so that a one-file
run (a pre-commit hook) does not pay for a worker process: the alarm's handler raises
``FileTimeout`` in the middle of the lint, and the file becomes one ``input/timeout``
finding while the run goes on. The ``regex`` module checks for signals while it
matches, so a runaway regex is stopped there too.

A call into C that never checks for signals would put the handler off until it
returns; a backstop thread then ends the whole run after ``BACKSTOP_GRACE`` more
seconds, with exit code 1 and the file's name on standard error: the gate fails
closed instead of hanging. Where there is no ``SIGALRM`` (Windows), outside the
main thread, or when the caller has an alarm of its own set, the run has only the backstop.
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
    """Code the alarm must not cut short (a fix being written): it runs to its end."""
    _shield.depth = getattr(_shield, "depth", 0) + 1
    try:
        yield
    finally:
        _shield.depth -= 1


def timeout_message(seconds: float) -> str:
    return (
        f"not fully linted: linting this file took longer than the {seconds:g} s budget (--timeout), "
        "so it was stopped; the other files were linted. Lint it alone with a larger --timeout, "
        "or look for a rule whose regex runs away on it"
    )


def run_within(task: Callable[[str], T], path: str, seconds: float, on_timeout: Callable[[str], T]) -> T:
    """``task(path)``, or ``on_timeout(path)`` when it runs past ``seconds`` (0: no budget)."""
    if seconds <= 0:
        return task(path)
    try:
        with _alarm(seconds), _backstop(path, seconds):
            return task(path)
    except FileTimeout:
        return on_timeout(path)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # the caller's own alarm is set: leave it be
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _backstop(path: str, seconds: float) -> Iterator[None]:
    _BACKSTOP.arm(path, seconds)
    try:
        yield
    finally:
        _BACKSTOP.armed = None


class _Backstop:
    """One watcher thread for the whole run, started at its first file. Each file only
    sets ``armed`` (its deadline, path and budget: one assignment the thread reads
    whole), so a file costs no thread of its own and no switch to one: the watcher
    wakes at most once every ``CHECK`` seconds."""

    CHECK = 1.0

    def __init__(self) -> None:
        self.armed: tuple[float, str, float] | None = None
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def arm(self, path: str, seconds: float) -> None:
        self.armed = (time.monotonic() + seconds + BACKSTOP_GRACE, path, seconds)
        if self._thread is None or not self._thread.is_alive():  # (a forked child has none)
            with self._start:
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._watch, name="newslint-backstop", daemon=True)
                    self._thread.start()

    def _watch(self) -> None:
        while True:
            armed = self.armed
            if armed is None:
                time.sleep(self.CHECK)
                continue
            deadline, path, seconds = armed
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
