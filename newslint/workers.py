"""Worker processes for runs over many files.

A task (lint one file, or lint and fix it) runs in a pool of processes, each
of which receives the task once, when it starts. Workers never outlive the
run: they ignore Ctrl-C (the parent handles it and stops them), and they die
with their parent however it ends. On Linux the kernel sends them SIGKILL
when the parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere a watchdog
thread notices that the parent is gone and exits.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from newslint.budget import Lost, run_within

T = TypeVar("T")

# A worker allocates and frees many small objects per draft, nearly all freed
# by reference counting; the cyclic collector need not run every 700 of them.
WORKER_GC = (10_000, 10, 10)
_WORKER_GC = WORKER_GC  # (the name it had)
# A run of this many files in one process sets the collector as a worker's.
SERIAL_GC_FILES = 16
_PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5  # seconds between the watchdog's looks at the parent

# With jobs left to newslint (0), one worker per this much input, up to the CPUs this
# process may run on: a worker costs a fork and its share of lazily compiled rules,
# which a handful of drafts does not repay.
BYTES_PER_WORKER = 256 * 1024
MIN_FILES_PER_WORKER = 16
# How long a run that could use several workers watches the CPUs to see how many are idle.
IDLE_SAMPLE = 0.2

_task: dict[str, Callable[[str], Any]] = {}


def available_cpus(meanwhile: Callable[[], None] | None = None) -> int:
    """The CPUs this process may run on (its affinity mask, not the machine's count), less
    those other work keeps busy: on a busy machine extra workers only queue for the same
    cores and add their start-up to the run.

    Busy is what the CPUs did over the last IDLE_SAMPLE seconds (``/proc/stat``, Linux);
    elsewhere, or when that cannot be read, the one-minute load average. The load average
    lags: it still counts a run that has just ended (a previous command of a script, a
    benchmark's previous round) as busy for a minute after, and would keep a folder run
    on one core of an idle machine.

    ``meanwhile()``, if given, runs once, during the sample (see ``idle_cpus``)."""
    mask = _cpu_mask()
    cpus = len(mask) or 1
    idle = idle_cpus(mask, IDLE_SAMPLE) if meanwhile is None else idle_cpus(mask, IDLE_SAMPLE, meanwhile)
    if idle is not None:
        return max(1, min(cpus, round(idle)))
    try:
        busy = int(os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average (Windows)
        busy = 0
    return max(1, cpus - busy)


def _cpu_mask() -> set[int]:
    try:
        return set(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return set(range(os.cpu_count() or 1))


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity mask (a container's or ``taskset``'s
    share), not the machine's count."""
    return len(_cpu_mask()) or 1


def idle_cpus(mask: set[int], seconds: float, meanwhile: Callable[[], None] | None = None) -> float | None:
    """How many of the CPUs in ``mask`` sat idle over the next ``seconds`` (1.0 for each
    CPU idle throughout), from two readings of ``/proc/stat``; None where there is none.

    ``meanwhile()``, if given, runs once between the readings instead of a sleep (the
    sample then lasts at least as long as it does): the CPU time this process spent on it
    counts as idle, since without this run it would have been."""
    first = _cpu_times(mask)
    if not first:
        if meanwhile is not None:
            meanwhile()
        return None
    start, own = time.monotonic(), time.process_time()
    if meanwhile is not None:
        meanwhile()
    own = time.process_time() - own
    time.sleep(max(0.0, seconds - (time.monotonic() - start)))
    elapsed = time.monotonic() - start
    second = _cpu_times(mask)
    idle = 0.0
    for cpu in first.keys() & second.keys():
        total = second[cpu][1] - first[cpu][1]
        if total > 0:
            idle += (second[cpu][0] - first[cpu][0]) / total
    if meanwhile is not None and elapsed > 0:
        idle = min(float(len(first)), idle + min(1.0, own / elapsed))
    return idle if second else None


def _cpu_times(mask: set[int]) -> dict[int, tuple[int, int]]:
    """Per CPU in ``mask``: (idle and I/O-wait time, total time), in clock ticks."""
    times: dict[int, tuple[int, int]] = {}
    try:
        with open("/proc/stat", encoding="ascii") as f:
            for line in f:
                name, _, rest = line.partition(" ")
                if not (name.startswith("cpu") and name[3:].isdigit()) or int(name[3:]) not in mask:
                    continue
                ticks = [int(t) for t in rest.split()[:8]]
                times[int(name[3:])] = (ticks[3] + ticks[4], sum(ticks))
    except (OSError, ValueError, IndexError):
        return {}
    return times


def worker_count(paths: Sequence[str], jobs: int, meanwhile: Callable[[], None] | None = None) -> int:
    """``jobs`` when given (> 0), at most one per CPU this process may use (more would only
    queue for the same cores), else as many workers as the input's size repays.
    ``meanwhile()``, if given, runs while the CPUs are watched, if they are."""
    if jobs > 0:
        return max(1, min(jobs, len(paths), usable_cpus()))
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):  # a file that cannot be read is a finding later
            size += os.stat(path).st_size if path != "-" else 0
    by_work = min(1 + size // BYTES_PER_WORKER, max(1, len(paths) // MIN_FILES_PER_WORKER))
    if by_work == 1:
        return 1  # no need to look at the CPUs
    return max(1, min(available_cpus() if meanwhile is None else available_cpus(meanwhile), by_work))


def map_paths(
    task: Callable[[str], T],
    paths: Sequence[str],
    jobs: int,
    warm: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
    timeout: float = 0.0,
    lost: Lost[T] | None = None,
    own_process: bool = False,
) -> Iterator[T]:
    """``task(path)`` for every path, in order; in ``jobs`` worker processes when more than one
    (0: as many as the input's size repays, see ``worker_count``).

    Standard input (``-``) is read here, so a run that includes it stays in this process.
    ``warm(number of paths)`` runs once before the workers start (what it loads, they inherit on Linux).
    With ``timeout`` (seconds) and ``lost``, a file that runs past the budget is
    ``lost.timed_out(path)`` and the run goes on (``newslint.budget`` in this process,
    ``newslint.watchdog`` in worker processes); a worker that dies costs only its file.
    ``own_process``: the caller is a newslint command (see ``budget.run_within``).
    """
    fork = sys.platform.startswith("linux")
    warmed: list[bool] = []
    early: list[T] = []
    if lost is None:
        timeout = 0.0

    def guarded(path: str) -> T:
        return task(path) if lost is None else run_within(task, path, timeout, lost.timed_out, own_process)

    def warm_up() -> None:
        stop = time.monotonic() + IDLE_SAMPLE
        if warm is not None:
            warm(len(paths))
            warmed.append(True)
        # What is left of the sample lints the first drafts here, in order, as a serial
        # run would: on a busy machine, where the run stays in this process, the sample
        # then costs nothing. (Their CPU time counts as idle, as the warm-up's does.)
        while len(early) < len(paths) and time.monotonic() < stop:
            early.append(guarded(paths[len(early)]))

    # The warm-up runs while the CPUs are watched (a sleep otherwise); a serial run that
    # follows it does the same work, only earlier.
    jobs = worker_count(paths, jobs, warm_up if fork and warm is not None and "-" not in paths else None)
    for result in early:
        yield result
        if progress:
            progress(1)
    rest = paths[len(early) :]
    if jobs == 1 or "-" in paths or len(rest) < 2:
        # Many files in this process: the collector as in a worker, for the run only.
        threshold = gc.get_threshold()
        if len(paths) >= SERIAL_GC_FILES:
            gc.set_threshold(*WORKER_GC)
        try:
            for path in rest:
                yield guarded(path)
                if progress:
                    progress(1)
        finally:
            gc.set_threshold(*threshold)
        return
    import multiprocessing

    from newslint.watchdog import map_watched

    context = multiprocessing.get_context("fork" if fork else "spawn")
    if not fork:
        # Spawned workers receive the task pickled, with any rule compiled here: regex's
        # patterns pickle once ``regex`` itself is imported (a run whose patterns were all
        # kept has loaded only its C module, see ``newslint.rx``).
        import regex  # noqa: F401
    if fork and warm is not None and not warmed:
        warm(len(paths))
    yield from map_watched(task, rest, min(jobs, len(rest)), context, timeout, lost or _UNWATCHED, progress)


def _reraise(path: str, why: str) -> Any:
    raise RuntimeError(f"{path}: {why}")


# A run without a budget that loses a worker (no ``lost`` given): the error propagates.
_UNWATCHED: Lost[Any] = Lost(timed_out=functools.partial(_reraise, why="timed out"), crashed=_reraise)


def die_with_parent(parent: int) -> None:
    """Make this process exit when process ``parent`` ends, however it ends."""
    if sys.platform.startswith("linux"):
        import signal

        _parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="newslint-parent-watch", daemon=True).start()


def _parent_death_signal(signum: int) -> None:
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
