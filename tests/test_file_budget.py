"""`newslint check --timeout`: a file that runs past its budget is an input/timeout error,
never a hang, and the other files are still linted (in this process and in workers).

The slow file is made slow by a rule pack whose regex backtracks without end on it
(or, for the cases the alarm cannot reach, by a check kind replaced with a call into C
that sleeps); nothing here asserts how fast anything is.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from newslint import budget, load_rules
from newslint.baseline import Baseline
from newslint.checks import KINDS
from newslint.engine import Options, lint_paths, timed_out
from tests.test_hostile_input import run_cli

RUNAWAY_RULES = """\
pack: slowtest
rules:
  - id: slow/runaway
    check: pattern
    severity: warning
    message: "runaway"
    description: A regex that backtracks without end on a long run of a's.
    scope: line
    with:
      regex: '(a|aa)+$'
      timeout: 60
    examples:
      flag: []
      pass: []
"""
SLOW_LINE = "a" * 80 + "!"
GOOD = "The council met on Tuesday and passed the budget.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(RUNAWAY_RULES, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "drafts" / "b-slow.txt").write_text(f"The council met.\n\n{SLOW_LINE}\n", encoding="utf-8")
    (tmp_path / "drafts" / "c-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "drafts" / "d-good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _files(result: subprocess.CompletedProcess[str]) -> dict[str, list[str]]:
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout)
    return {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in report["files"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_budget_is_an_error_and_the_others_are_linted(drafts: Path, jobs: str) -> None:
    result = run_cli(
        "check", "--format", "json", "--rules", str(drafts / "rules"), "--timeout", "1", "--jobs", jobs,
        str(drafts / "drafts"),
    )  # fmt: skip
    files = _files(result)
    assert list(files) == ["a-good.txt", "b-slow.txt", "c-good.txt", "d-good.txt"]  # in order
    assert files["b-slow.txt"] == ["input/timeout"]
    for name in ("a-good.txt", "c-good.txt", "d-good.txt"):
        assert "metadata/missing-byline" in files[name]
    assert result.returncode == 1


def test_the_timeout_finding_says_the_budget_and_that_the_file_was_not_fully_linted(drafts: Path) -> None:
    result = run_cli(
        "check", "--format", "json", "--rules", str(drafts / "rules"), "--timeout", "0.5",
        str(drafts / "drafts" / "b-slow.txt"),
    )  # fmt: skip
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["rule"] == "input/timeout"
    assert finding["severity"] == "error"
    assert "0.5 s budget" in finding["message"]
    assert "not fully linted" in finding["message"]
    assert result.returncode == 1


def test_the_budget_is_an_error_whatever_fail_on_and_ignore_say(drafts: Path) -> None:
    result = run_cli(
        "check", "--format", "json", "--rules", str(drafts / "rules"), "--timeout", "1", "--ignore", "input",
        "--fail-on", "error", str(drafts / "drafts" / "b-slow.txt"),
    )  # fmt: skip
    assert _files(result)["b-slow.txt"] == ["input/timeout"]
    assert result.returncode == 1


def test_the_config_file_sets_the_budget(drafts: Path) -> None:
    (drafts / "newslint.yaml").write_text("rules: [rules]\ntimeout: 1\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "drafts/b-slow.txt", cwd=drafts)
    assert _files(result)["b-slow.txt"] == ["input/timeout"]
    assert result.returncode == 1


def test_the_flag_beats_the_config_files_budget(drafts: Path) -> None:
    (drafts / "newslint.yaml").write_text("rules: [rules]\ntimeout: 300\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--timeout", "1", "drafts/b-slow.txt", cwd=drafts)
    assert _files(result)["b-slow.txt"] == ["input/timeout"]


def test_a_bad_timeout_in_the_config_file_is_a_config_error(drafts: Path) -> None:
    (drafts / "newslint.yaml").write_text("timeout: -3\n", encoding="utf-8")
    result = run_cli("check", "drafts/a-good.txt", cwd=drafts)
    assert result.returncode == 2
    assert "timeout" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_negative_timeout_flag_is_a_usage_error(drafts: Path) -> None:
    result = run_cli("check", "--timeout", "-1", str(drafts / "drafts"))
    assert result.returncode == 2
    assert "--timeout" in result.stderr
    assert "Traceback" not in result.stderr


def test_fixing_standard_input_past_the_budget_prints_it_back_unchanged(drafts: Path) -> None:
    text = f"The council met.\n\n{SLOW_LINE}\n"
    result = run_cli(
        "check", "--fix", "--rules", str(drafts / "rules"), "--timeout", "1", "-", stdin=text.encode()
    )  # fmt: skip
    assert result.stdout == text
    assert "input/timeout" in result.stderr
    assert result.returncode == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fixing_a_file_past_the_budget_leaves_it_as_it_was(drafts: Path, jobs: str) -> None:
    slow = drafts / "drafts" / "b-slow.txt"
    slow.write_text(f"The council met.\n\nAdvertisement\n\n{SLOW_LINE}\n", encoding="utf-8")
    fixable = drafts / "drafts" / "c-good.txt"
    fixable.write_text(f"{GOOD}\nAdvertisement\n", encoding="utf-8")
    before = slow.read_bytes()
    result = run_cli(
        "check", "--fix", "--rules", str(drafts / "rules"), "--timeout", "1", "--jobs", jobs, str(drafts / "drafts")
    )  # fmt: skip
    assert slow.read_bytes() == before
    assert "Advertisement" not in fixable.read_text("utf-8")  # the others are fixed
    assert "b-slow.txt:1:1: error input/timeout" in result.stdout
    assert "not fixed: it ran past --timeout" in result.stderr
    assert sorted(p.name for p in (drafts / "drafts").iterdir()) == [
        "a-good.txt",
        "b-slow.txt",
        "c-good.txt",
        "d-good.txt",
    ]
    assert result.returncode == 1


def test_a_baseline_never_absorbs_a_timeout(tmp_path: Path) -> None:
    from collections import Counter

    finding = timed_out(str(tmp_path / "x.txt"), 1.0)
    known = Baseline(tmp_path / "baseline.json", Counter({("x.txt", "input/timeout", ""): 1}))
    assert known.new_findings(finding).findings == finding.findings


# --- what SIGALRM cannot stop: a call into C that never checks for signals -------------------

_LIBC = ctypes.CDLL(None) if sys.platform.startswith("linux") else None


def _stuck_in_c(check: object) -> object:
    def check_stuck(doc: object, rule: object, ctx: object) -> object:
        if "STUCK" in getattr(doc, "source", ""):
            assert _LIBC is not None
            _LIBC.sleep(60)  # C code: no signal handler runs until it returns
        if "DIE" in getattr(doc, "source", ""):
            os._exit(3)
        return check(doc, rule, ctx)  # type: ignore[operator]

    return check_stuck


@pytest.mark.skipif(_LIBC is None, reason="a worker stuck in C is made with Linux's libc")
def test_a_worker_stuck_in_c_code_is_killed_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = KINDS["pattern"]
    monkeypatch.setattr(real, "check", _stuck_in_c(real.check))  # forked workers inherit it
    paths = []
    for name, text in [("a", GOOD), ("b", "STUCK here.\n"), ("c", GOOD), ("d", "DIE here.\n"), ("e", GOOD)]:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    results = list(lint_paths(paths, load_rules(), Options(jobs=2, timeout=1.0)))
    assert [Path(r.path).stem for r in results] == ["a", "b", "c", "d", "e"]
    rules = {Path(r.path).stem: [f.rule for f in r.findings] for r in results}
    assert rules["b"] == ["input/timeout"]
    assert rules["d"] == ["internal-error"]
    assert "exit code 3" in results[3].findings[0].message
    for name in "ace":
        assert "metadata/missing-byline" in rules[name]


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")
def test_a_run_in_one_process_stuck_in_c_code_ends_failed_not_hung(drafts: Path) -> None:
    # The alarm blocked, then a sleep: as a C loop that never lets a signal handler run.
    script = textwrap.dedent(
        f"""
        import signal, sys, time
        from newslint import budget
        from newslint.checks import KINDS
        from newslint.cli import main
        budget.BACKSTOP_GRACE = 0.5
        real = KINDS["pattern"]
        real_check = real.check
        def check(doc, rule, ctx):
            if "STUCK" in doc.source:
                signal.pthread_sigmask(signal.SIG_BLOCK, {{signal.SIGALRM}})
                time.sleep(60)
            return real_check(doc, rule, ctx)
        real.check = check
        sys.argv = ["newslint", "check", "--timeout", "1", "--jobs", "1", {str(drafts / "stuck.txt")!r}]
        main()
        """
    )
    (drafts / "stuck.txt").write_text("STUCK here.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=False
    )  # fmt: skip
    assert result.returncode == budget.BACKSTOP_EXIT == 1
    assert "stuck.txt: input/timeout" in result.stderr
    assert "cannot be interrupted" in result.stderr


def test_without_a_budget_the_task_runs_as_it_is() -> None:
    assert budget.run_within(len, "abc", 0, lambda path: -1) == 3


def test_a_task_past_the_budget_gives_the_timeout_result() -> None:
    import time

    def slow(path: str) -> int:
        time.sleep(30)
        return 0

    assert budget.run_within(slow, "x", 0.2, lambda path: -1) == -1


@pytest.mark.skipif(_LIBC is None, reason="a worker stuck in C is made with Linux's libc")
def test_a_worker_killed_while_it_writes_a_fix_leaves_the_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from click.testing import CliRunner

    from newslint import fix
    from newslint.cli import main

    def stuck_write(path: str, data: bytes, expected: bytes | None = None) -> None:
        target = os.path.realpath(path)
        tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        assert _LIBC is not None
        _LIBC.sleep(60)  # killed here, before the rename

    monkeypatch.setattr(fix, "write_atomic", stuck_write)  # forked workers inherit it
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"{GOOD}\nAdvertisement\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--timeout", "1", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    for name in ("a", "b"):
        assert (tmp_path / f"{name}.txt").read_text("utf-8") == f"{GOOD}\nAdvertisement\n"
    assert result.output.count("input/timeout") == 2


def test_one_watcher_thread_backs_up_every_file_of_a_run() -> None:
    # Each file only arms the run's one backstop: no thread a file, none to switch to.
    for text in ("a", "bb", "ccc"):
        assert budget.run_within(len, text, 30, lambda path: -1, own_process=True) == len(text)
    watchers = [t for t in threading.enumerate() if t.name == "newslint-backstop"]
    assert len(watchers) == 1 and watchers[0].daemon
    assert budget._BACKSTOP.armed == {}  # disarmed between files: an idle run never gives up
