"""`--jobs N`: capped to the CPUs this process may use; a negative N is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import workers
from newslint.cli import main

GOOD = "The council met on Tuesday and passed the budget.\n"


@pytest.mark.parametrize(("jobs", "cpus", "expected"), [(64, 2, 2), (3, 8, 3), (2, 1, 1), (1, 4, 1)])
def test_jobs_past_the_usable_cpus_is_capped_to_them(
    monkeypatch: pytest.MonkeyPatch, jobs: int, cpus: int, expected: int
) -> None:
    monkeypatch.setattr(workers, "usable_cpus", lambda: cpus)
    assert workers.worker_count(["f"] * 100, jobs) == expected


def test_usable_cpus_is_the_affinity_mask() -> None:
    import os

    if hasattr(os, "sched_getaffinity"):
        assert workers.usable_cpus() == len(os.sched_getaffinity(0))
    assert workers.usable_cpus() >= 1


def test_a_run_asking_for_more_jobs_than_cpus_starts_no_more_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real = workers.map_paths.__globals__["worker_count"]

    def counted(paths, jobs, meanwhile=None):  # type: ignore[no-untyped-def]
        started.append(real(paths, jobs, meanwhile))
        return started[-1]

    monkeypatch.setattr(workers, "worker_count", counted)
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    for k in range(6):
        (tmp_path / f"d{k}.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "500", str(tmp_path)])
    assert result.exit_code == 0 or result.exit_code == 1, result.output
    assert started == [2]
    assert len(json.loads(result.output)["files"]) == 6


@pytest.mark.parametrize("value", ["-1", "-64"])
def test_a_negative_jobs_is_a_usage_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--jobs", value, str(tmp_path)])
    assert result.exit_code == 2
    assert "--jobs" in result.output
    assert "positive number" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_help_says_jobs_is_capped() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "capped" in " ".join(result.output.split())
