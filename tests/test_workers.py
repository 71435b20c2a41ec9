"""Worker processes: they never outlive the run, and Ctrl-C ends a run with exit code 130."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newslint import cli
from newslint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table from /proc")


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` still runs (an exited process its new parent has not reaped is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def many_drafts(tmp_path: Path) -> Path:
    """Enough drafts that two workers are still busy when the run is stopped."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    sources = sorted((FIXTURES / "noisy").glob("*.txt"))[:40]
    for copy in range(30):  # several seconds of work for two workers, even on a fast machine
        for source in sources:
            shutil.copy(source, folder / f"{copy}-{source.name}")
    return folder


def start_run(folder: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    with (folder.parent / "stdout.txt").open("wb") as report:
        run = subprocess.Popen(
            [sys.executable, "-m", "newslint", "check", "--jobs", "2", str(folder)],
            stdout=report,
            stderr=subprocess.PIPE,
            # As from a terminal: a shell's background job (CI's, a developer's `&`) starts
            # with Ctrl-C ignored, and the run would inherit that.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    assert wait_for(lambda: len(children(run.pid)) >= 2, 60), "the workers never started"
    workers = children(run.pid)
    time.sleep(0.5)  # let them start linting
    return run, workers


@linux_only
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_workers_do_not_outlive_a_killed_parent(many_drafts: Path, signum: int) -> None:
    run, workers = start_run(many_drafts)
    try:
        run.send_signal(signum)
        run.communicate(timeout=30)
        assert run.returncode == -signum
        assert wait_for(lambda: not any(running(w) for w in workers), 10), [w for w in workers if running(w)]
    finally:
        for worker in workers:
            if running(worker):
                os.kill(worker, signal.SIGKILL)


@linux_only
def test_ctrl_c_stops_the_workers_and_exits_130(many_drafts: Path) -> None:
    run, workers = start_run(many_drafts)
    try:
        assert run.poll() is None, "the run ended before it could be interrupted"
        run.send_signal(signal.SIGINT)
        _, err = run.communicate(timeout=30)
        out = (many_drafts.parent / "stdout.txt").read_text(encoding="utf-8", errors="replace")
        assert run.returncode == 130, (err.decode(), out[-500:])
        assert err.decode().splitlines() == ["newslint: interrupted"]  # no traceback
        assert wait_for(lambda: not any(running(w) for w in workers), 10)
    finally:
        for worker in workers:
            if running(worker):
                os.kill(worker, signal.SIGKILL)


WATCHDOG_ONLY = textwrap.dedent("""
    import os, sys, time
    from newslint import workers
    workers._parent_death_signal = lambda signum: None  # leave only the portable watchdog
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        workers.die_with_parent(parent)
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    time.sleep(60)
""")


@linux_only
def test_the_watchdog_alone_ends_a_worker_whose_parent_died() -> None:
    parent = subprocess.Popen([sys.executable, "-c", WATCHDOG_ONLY], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    try:
        assert running(child)
        parent.kill()
        parent.wait(timeout=10)
        assert wait_for(lambda: not running(child), 10)
    finally:
        parent.stdout.close()
        if running(child):
            os.kill(child, signal.SIGKILL)


def test_ctrl_c_is_exit_130_without_a_traceback(runner, tmp_path: Path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(cli, "lint_paths", interrupted)
    (tmp_path / "a.txt").write_text("The council met.\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 130
    assert result.stderr == "newslint: interrupted\n"


def test_given_jobs_are_kept_up_to_one_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import workers
    from newslint.workers import worker_count

    monkeypatch.setattr(workers, "usable_cpus", lambda: 16)  # (the CPU cap: tests/test_jobs_option.py)
    paths = [str(tmp_path / f"{n}.txt") for n in range(3)]
    assert worker_count(paths, 8) == 3
    assert worker_count(paths, 2) == 2
    assert worker_count(paths, 1) == 1


def test_default_jobs_follow_the_input_size_and_the_cpus_this_process_may_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint import workers

    monkeypatch.setattr(workers, "available_cpus", lambda: 4)
    few = []
    for n in range(5):  # a pre-commit run: a few small drafts are linted here, no fork
        (tmp_path / f"draft-{n}.txt").write_text("A short draft.\n" * 40, encoding="utf-8")
        few.append(str(tmp_path / f"draft-{n}.txt"))
    assert workers.worker_count(few, 0) == 1
    many = []
    for n in range(400):
        (tmp_path / f"big-{n}.txt").write_text("A longer draft.\n" * 300, encoding="utf-8")
        many.append(str(tmp_path / f"big-{n}.txt"))
    assert workers.worker_count(many, 0) == 4  # capped by the CPUs available
    monkeypatch.setattr(workers, "available_cpus", lambda: 2)
    assert workers.worker_count(many, 0) == 2
    assert workers.worker_count(many[:40], 0) == 1  # 190 KB: less than a worker's share
    monkeypatch.setattr(workers, "available_cpus", lambda: 8)
    assert workers.worker_count(many[:120], 0) == 3  # 570 KB


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity here")
def test_available_cpus_is_the_affinity_mask_less_the_busy_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import workers
    from newslint.workers import available_cpus

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(workers, "idle_cpus", lambda mask, seconds: None)  # no /proc/stat: the load average
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 0.5, 0.5))
    assert available_cpus() == 4
    monkeypatch.setattr(os, "getloadavg", lambda: (2.6, 2.0, 1.0))
    assert available_cpus() == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (11.0, 10.0, 9.0))
    assert available_cpus() == 1


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity here")
def test_available_cpus_are_the_ones_seen_idle_not_the_lagging_load_average(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import workers

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    # A benchmark's previous round left the one-minute load at 1.9, but both CPUs are idle now.
    monkeypatch.setattr(os, "getloadavg", lambda: (1.9, 1.0, 0.5))
    monkeypatch.setattr(workers, "idle_cpus", lambda mask, seconds: 1.97)
    assert workers.available_cpus() == 2
    monkeypatch.setattr(workers, "idle_cpus", lambda mask, seconds: 0.9)  # another job holds a core
    assert workers.available_cpus() == 1
    monkeypatch.setattr(workers, "idle_cpus", lambda mask, seconds: 0.1)
    assert workers.available_cpus() == 1


def test_idle_cpus_reads_the_cpus_of_the_mask_over_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import workers

    readings = iter(
        [
            {0: (100, 1000), 1: (50, 1000), 2: (0, 1000)},
            {0: (120, 1020), 1: (55, 1020), 2: (20, 1020)},  # cpu0 idle, cpu1 a quarter idle
        ]
    )
    monkeypatch.setattr(workers, "_cpu_times", lambda mask: next(readings))
    monkeypatch.setattr(workers.time, "sleep", lambda seconds: None)
    assert workers.idle_cpus({0, 1, 2}, 0.2) == pytest.approx(2.25)
    monkeypatch.setattr(workers, "_cpu_times", lambda mask: {})
    assert workers.idle_cpus({0, 1}, 0.2) is None  # no /proc/stat


@pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="no /proc/stat here")
def test_cpu_times_reads_only_the_cpus_in_the_mask() -> None:
    from newslint import workers

    times = workers._cpu_times({0})
    assert set(times) == {0}
    idle, total = times[0]
    assert 0 <= idle <= total and total > 0
