"""The ``newslint`` command's entry point: the collector paused while it loads, then on."""

from __future__ import annotations

import gc
import subprocess
import sys

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
