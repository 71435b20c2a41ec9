"""The ``newslint`` command's entry point: the collector paused while it loads, then on."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newslint.__main__ as entry


def test_the_command_loads_with_the_collector_paused_and_runs_with_it_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(sys, "argv", ["newslint", "--version"])
    monkeypatch.setattr(gc, "freeze", lambda: seen.append(gc.isenabled()))
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 0
    assert seen == [False]  # frozen while still paused
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["newslint", "--version"])
    monkeypatch.setattr(gc, "freeze", lambda: None)
    gc.disable()
    try:
        with pytest.raises(SystemExit):
            entry.main()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True, check=True)
    assert "newslint" in done.stdout


class _Exited(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def _record_quick_exit(monkeypatch: pytest.MonkeyPatch, safe: bool = True) -> list[str]:
    """os._exit and the exit handlers replaced by recorders (the real ones would end pytest)."""
    import atexit

    calls: list[str] = []

    def quick(status: int) -> None:
        calls.append("os._exit")
        raise _Exited(status)

    monkeypatch.setattr(entry.os, "_exit", quick)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append("exit handlers"))
    if safe:  # as in a one-file run: no worker pools, no other threads
        monkeypatch.setattr(entry, "quick_exit_is_safe", lambda: True)
    monkeypatch.setattr(sys, "argv", ["newslint", "--version"])
    monkeypatch.setattr(gc, "freeze", lambda: None)
    return calls


def test_the_command_ends_without_teardown_after_the_exit_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record_quick_exit(monkeypatch)
    with pytest.raises(_Exited) as ended:
        entry.run()
    assert ended.value.status == 0
    assert calls == ["exit handlers", "os._exit"]


@pytest.mark.parametrize("reason", ["thread", "message", "unflushable"])
def test_the_ordinary_exit_when_it_would_do_more(monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    import threading

    calls = _record_quick_exit(monkeypatch, safe=reason != "thread")
    release = threading.Event()
    if reason == "thread":
        threading.Thread(target=release.wait, daemon=True).start()
    elif reason == "message":
        monkeypatch.setattr(entry, "main", lambda: sys.exit("newslint: a message"))
    else:

        class Unflushable:
            def write(self, text: str) -> int:
                return len(text)

            def flush(self) -> None:
                raise BrokenPipeError

        def report_to_a_closed_pipe() -> None:
            monkeypatch.setattr(sys, "stdout", Unflushable())
            sys.exit(0)

        monkeypatch.setattr(entry, "main", report_to_a_closed_pipe)
    try:
        with pytest.raises(SystemExit) as ended:
            entry.run()
    finally:
        release.set()
    assert ended.value.code == ("newslint: a message" if reason == "message" else 0)
    assert "os._exit" not in calls


def test_a_quick_exit_needs_no_worker_pools_and_no_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("multiprocessing", "concurrent.futures"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not entry.quick_exit_is_safe()
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert entry.quick_exit_is_safe()
    monkeypatch.setitem(sys.modules, "concurrent.futures", sys)
    assert not entry.quick_exit_is_safe()


def test_the_command_saves_what_its_exit_handlers_save(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Baca Juga: Harga Emas Hari Ini Naik Lagi\n\nThe minister said on Monday that prices rose.\n")
    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", str(draft)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "metadata/missing-byline" in done.stdout and done.stdout.endswith("in 1 file\n")
    # The regex cache is written by an exit handler: it ran before the quick exit.
    assert list(cache.glob("regex-*.marshal"))


def test_the_package_leaves_typing_to_be_imported_while_the_collector_is_paused() -> None:
    # The command imports the package before main() pauses the collector: typing (hundreds
    # of objects) is then imported by the command line's own imports, with it paused.
    done = subprocess.run(
        [sys.executable, "-c", "import sys, newslint.__main__; print('typing' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


def test_a_check_run_does_not_define_the_other_commands(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The minister said on Monday that prices rose.\n")
    script = (
        "import sys\n"
        "sys.argv = ['newslint', 'check', sys.argv[1]]\n"
        "from newslint.__main__ import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print('newslint.commands' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "False", done.stderr


def test_every_command_is_listed_and_found() -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    listed = CliRunner().invoke(main, ["--help"]).output
    for name in ("check", "config", "learn", "rules", "serve", "test-rules"):
        assert f"\n  {name} " in listed
        shown = CliRunner().invoke(main, [name, "--help"])
        assert shown.exit_code == 0 and f"Usage: main {name}" in shown.output
