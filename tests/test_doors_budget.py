"""One time budget on every door that lints documents: the Python API, the archive audit and
`newslint learn`, as `newslint check --timeout` already had. A document past it is an
input/timeout error (learn: a skipped file), never a pass and never a hang, from any thread.

Slow documents are made slow as in tests/test_file_budget.py: a rule pack whose regex
backtracks without end, or a check kind replaced by one that sleeps. The time bounds
asserted here are many times the budget: they tell a budget that worked from one that
did not (the runaway rule's own regex limit, or a sleep of a minute), not speed.
"""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newslint import budget, lint_article, lint_text, load_rules
from newslint.archive import AuditSettings, lint_partition, spark_partition
from newslint.checks import KINDS
from newslint.cli import main
from newslint.engine import Options, lint_paths
from newslint.rules import RuleSet
from tests.test_file_budget import GOOD, RUNAWAY_RULES, SLOW_LINE
from tests.test_hostile_input import HANG_BOUND, run_cli

# The runaway rule of tests/test_file_budget.py, with a regex limit of its own of 8 s: a
# door without a budget answers after 8 s with newslint/rule-timeout, one with a budget
# of a second answers at that second with input/timeout.
RUNAWAY = RUNAWAY_RULES.replace("timeout: 60", "timeout: 8")
RULE_LIMIT = 8.0
SLOW_BODY = f"<p>The council met.</p><p>{SLOW_LINE}</p>"
GOOD_BODY = "<p>The council met on Tuesday and passed the budget after a long debate.</p>"
_LIBC = ctypes.CDLL(None) if sys.platform.startswith("linux") else None


@pytest.fixture
def runaway(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(RUNAWAY, encoding="utf-8")
    return tmp_path / "rules"


@pytest.fixture
def slow_rules(runaway: Path) -> RuleSet:
    return load_rules(extra_dirs=[runaway])


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.monotonic()
    value = call()
    return value, time.monotonic() - start


def rules_of(findings: Any) -> list[str]:
    return [f.rule for f in findings]


@pytest.fixture
def sleepy_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pattern kind's first rule sleeps for a minute on a document that says SLEEP, in
    short naps (Python code the budget can stop), and on one that says STUCK in one call
    into C (which nothing in the thread can stop)."""
    real = KINDS["pattern"].check
    slept: list[bool] = []

    def check(doc: Any, rule: Any, ctx: Any) -> Any:
        if "SLEEP" in doc.source and not slept:
            slept.append(True)
            for _ in range(6000):
                time.sleep(0.01)
        if "STUCK" in doc.source and _LIBC is not None and not slept:
            slept.append(True)
            _LIBC.sleep(60)
        return real(doc, rule, ctx)

    monkeypatch.setattr(KINDS["pattern"], "check", check)


# --- the Python API ----------------------------------------------------------------------


def test_an_article_past_its_budget_is_an_error_not_a_pass(slow_rules: RuleSet) -> None:
    result, took = timed(
        lambda: lint_article(body=SLOW_BODY, title="Council", options=Options(timeout=0.5), rules=slow_rules)
    )
    assert rules_of(result.findings) == ["input/timeout"]
    assert not result.publishable
    finding = result.findings[0]
    assert finding.severity == "error"
    assert "0.5 s budget (Options.timeout)" in finding.message and "article" in finding.message
    assert took < RULE_LIMIT / 2


def test_an_article_within_its_budget_gets_its_findings(slow_rules: RuleSet) -> None:
    result = lint_article(body=GOOD_BODY, title="Council", options=Options(timeout=30), rules=slow_rules)
    assert "input/timeout" not in rules_of(result.findings)
    assert "metadata/missing-byline" in rules_of(result.findings)


def test_the_api_has_a_budget_by_default() -> None:
    assert Options().timeout == budget.DEFAULT_TIMEOUT == 60


@pytest.mark.usefixtures("sleepy_pattern")
def test_a_check_that_sleeps_is_stopped_at_the_budget() -> None:
    result, took = timed(lambda: lint_article(body="<p>SLEEP now.</p>", options=Options(timeout=0.5)))
    assert rules_of(result.findings) == ["input/timeout"]
    assert took < 10


@pytest.mark.skipif(_LIBC is None, reason="a call stuck in C is made with Linux's libc")
@pytest.mark.usefixtures("sleepy_pattern")
def test_a_call_stuck_in_c_still_returns_at_the_budget() -> None:
    result, took = timed(lambda: lint_article(body="<p>STUCK here.</p>", options=Options(timeout=0.5)))
    assert rules_of(result.findings) == ["input/timeout"]
    assert took < 10


def test_lint_text_has_the_budget(slow_rules: RuleSet) -> None:
    result, took = timed(
        lambda: lint_text(f"The council met.\n\n{SLOW_LINE}\n", "a.txt", rules=slow_rules, options=Options(timeout=0.5))
    )
    assert rules_of(result.findings) == ["input/timeout"]
    assert result.path == "a.txt"
    assert took < RULE_LIMIT / 2


def test_lint_paths_in_this_process_has_the_budget(tmp_path: Path, slow_rules: RuleSet) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"The council met.\n\n{SLOW_LINE}\n", encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    results = list(lint_paths(paths, slow_rules, Options(jobs=1, timeout=0.5)))
    assert rules_of(results[1].findings) == ["input/timeout"]
    assert "metadata/missing-byline" in rules_of(results[0].findings)


def test_an_exception_in_the_lint_reaches_the_caller_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Any, rule: Any, ctx: Any) -> Any:
        raise KeyError("broken kind")

    monkeypatch.setattr(KINDS["pattern"], "check", broken)
    with pytest.raises(KeyError, match="broken kind"):
        lint_text("The council met on Tuesday.\n", "a.txt", options=Options(timeout=30))


# --- several threads at once ---------------------------------------------------------------


@pytest.fixture
def thread_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What any thread let escape (a stop that landed after its call would show here)."""
    seen: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(f"{args.thread}: {args.exc_type}"))
    yield seen


def test_threads_linting_at_once_keep_their_own_budgets(slow_rules: RuleSet, thread_errors: list[str]) -> None:
    # One slow article and a stream of quick ones in other threads, each with its own budget:
    # the quick ones' ends must not disarm the slow one's budget, nor the slow one's end
    # cut a quick one short.
    outcomes: dict[str, Any] = {}

    def slow() -> None:
        options = Options(timeout=1.0)
        outcomes["slow"] = timed(lambda: lint_article(body=SLOW_BODY, options=options, rules=slow_rules))

    def quick(name: str) -> None:
        results = [
            lint_article(body=GOOD_BODY, title="Council", options=Options(timeout=30), rules=slow_rules)
            for _ in range(5)
        ]
        outcomes[name] = results

    threads = [threading.Thread(target=slow)] + [threading.Thread(target=quick, args=(f"q{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG_BOUND)
    result, took = outcomes["slow"]
    assert rules_of(result.findings) == ["input/timeout"]
    assert took < RULE_LIMIT / 2
    for n in range(3):
        for quick_result in outcomes[f"q{n}"]:
            assert "input/timeout" not in rules_of(quick_result.findings)
            assert "metadata/missing-byline" in rules_of(quick_result.findings)
    time.sleep(0.3)  # the slow article's helper ends once its regex returns
    assert thread_errors == []


def test_one_files_end_does_not_disarm_anothers_backstop() -> None:
    first = budget._BACKSTOP.arm("first.txt", 30)
    second = budget._BACKSTOP.arm("second.txt", 30)
    try:
        budget._BACKSTOP.disarm(first)
        assert [path for _, path, _ in budget._BACKSTOP.armed.values()] == ["second.txt"]
    finally:
        budget._BACKSTOP.disarm(second)
    assert budget._BACKSTOP.armed == {}


@pytest.mark.skipif(_LIBC is None, reason="a call stuck in C is made with Linux's libc")
def test_the_api_in_a_thread_never_ends_its_callers_process(tmp_path: Path) -> None:
    # Outside the main thread the alarm cannot serve: before, only the backstop watched,
    # and it ended the caller's whole process 5 s past the budget.
    script = textwrap.dedent(
        f"""
        import ctypes, threading
        from newslint import load_rules
        from newslint.checks import KINDS
        from newslint.engine import Options, lint_paths
        libc = ctypes.CDLL(None)
        real = KINDS["pattern"].check
        def check(doc, rule, ctx):
            if "STUCK" in doc.source:
                libc.sleep(30)
            return real(doc, rule, ctx)
        KINDS["pattern"].check = check
        out = []
        def run():
            out.extend(lint_paths([{str(tmp_path / "stuck.txt")!r}], load_rules(), Options(jobs=1, timeout=0.5)))
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
        print([f.rule for f in out[0].findings], flush=True)
        import os
        os._exit(0)
        """
    )
    (tmp_path / "stuck.txt").write_text("STUCK here.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG_BOUND, check=False
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['input/timeout']"
    assert "cannot be interrupted" not in result.stderr


# --- newslint check with --stdin-filename ---------------------------------------------------


def test_standard_input_named_by_stdin_filename_has_the_budget(runaway: Path) -> None:
    text = f"The council met.\n\n{SLOW_LINE}\n"
    result = run_cli(
        "check", "--format", "json", "--rules", str(runaway), "--timeout", "1", "--stdin-filename", "drafts/b.txt", "-",
        stdin=text.encode(),
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert file["path"] == "drafts/b.txt"
    assert [f["rule"] for f in file["findings"]] == ["input/timeout"]
    assert result.returncode == 1


# --- the archive audit ----------------------------------------------------------------------


def test_a_record_past_its_budget_is_its_timeout_and_the_partition_goes_on(tmp_path: Path, runaway: Path) -> None:
    (tmp_path / "slow.txt").write_text(f"The council met.\n\n{SLOW_LINE}\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    records: list[Any] = [
        str(tmp_path / "good.txt"),
        str(tmp_path / "slow.txt"),
        {"id": "cms-slow", "body": SLOW_BODY},
        {"id": "cms-good", "body": GOOD_BODY},
    ]
    settings = AuditSettings(rules=(str(runaway),), options=Options(timeout=0.5))
    audits, took = timed(lambda: lint_partition(records, settings))
    rules = {Path(a.path).name: rules_of(a.findings) for a in audits}
    assert rules["slow.txt"] == ["input/timeout"]
    assert rules["cms-slow"] == ["input/timeout"]
    assert "metadata/missing-byline" in rules["good.txt"]
    assert "metadata/missing-byline" in rules["cms-good"]
    message = audits[1].findings[0].message
    assert "record" in message and "0.5 s budget (--timeout)" in message
    assert took < RULE_LIMIT  # two slow records, each stopped at its half second


def test_the_spark_function_has_the_budget_in_every_thread(runaway: Path) -> None:
    settings = AuditSettings(rules=(str(runaway),), options=Options(timeout=0.5))
    rows: dict[int, list[dict[str, Any]]] = {}

    def partition(n: int) -> None:
        records = [{"id": f"slow-{n}", "body": SLOW_BODY}, {"id": f"good-{n}", "body": GOOD_BODY}]
        rows[n] = list(spark_partition(records, settings))

    threads = [threading.Thread(target=partition, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG_BOUND)
    for n in range(3):
        by_id = {row["path"]: [f["rule"] for f in row["findings"]] for row in rows[n]}
        assert by_id[f"slow-{n}"] == ["input/timeout"]
        assert "metadata/missing-byline" in by_id[f"good-{n}"]


@pytest.mark.parametrize("how", ["flag", "config"])
def test_newslint_audit_reports_a_file_past_its_budget_and_goes_on(tmp_path: Path, runaway: Path, how: str) -> None:
    import pyarrow.parquet as pq

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (archive / "b-slow.txt").write_text(f"The council met.\n\n{SLOW_LINE}\n", encoding="utf-8")
    flags = ["--timeout", "1"] if how == "flag" else []
    if how == "config":
        (tmp_path / "newslint.yaml").write_text("timeout: 1\n", encoding="utf-8")
    out = tmp_path / "audit"
    result = run_cli(
        "audit", str(archive), "-o", str(out), "--rules", str(runaway), "--scheduler", "synchronous", *flags,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "1 article ran past the 1 s budget (--timeout)" in result.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert [Path(p).name for p in summary["timed_out"]] == ["b-slow.txt"]
    rows = pq.read_table(out / "findings").to_pylist()
    by_file = {}
    for row in rows:
        by_file.setdefault(Path(row["path"]).name, []).append(row["rule"])
    assert by_file["b-slow.txt"] == ["input/timeout"]
    assert "metadata/missing-byline" in by_file["a-good.txt"]
    assert "Articles not fully linted within the time budget" in (out / "report.html").read_text("utf-8")


# --- newslint learn -------------------------------------------------------------------------


def learn_site(tmp_path: Path) -> Path:
    from tests.test_learn import site

    folder = site(tmp_path)
    (folder / "slow.txt").write_text("SLOW to read.\n\nThe council met.\n", encoding="utf-8")
    (folder / "boom.txt").write_text("BOOM on reading.\n\nThe council met.\n", encoding="utf-8")
    return folder


@pytest.fixture
def fragile_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a file that says SLOW takes a minute (in short naps); one that says BOOM crashes."""
    import newslint.readers as readers

    real = readers.read_bytes

    def read_bytes(data: bytes, path: str, *args: Any, **kwargs: Any) -> Any:
        if b"SLOW" in data:
            for _ in range(6000):
                time.sleep(0.01)
        if b"BOOM" in data:
            raise RuntimeError("reader blew up")
        return real(data, path, *args, **kwargs)

    monkeypatch.setattr(readers, "read_bytes", read_bytes)


@pytest.mark.usefixtures("fragile_reader")
@pytest.mark.parametrize("how", ["flag", "config"])
def test_learn_skips_a_file_that_times_out_or_crashes_and_counts_them(tmp_path: Path, how: str) -> None:
    folder = learn_site(tmp_path)
    out = tmp_path / "chrome.yaml"
    args = ["learn", str(folder), "-o", str(out)]
    if how == "flag":
        args += ["--timeout", "0.5"]
    else:
        (folder / "newslint.yaml").write_text("timeout: 0.5\n", encoding="utf-8")
    result, took = timed(lambda: CliRunner().invoke(main, args))
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "slow.txt: reading it ran past the 0.5 s budget (--timeout)" in result.output
    assert "boom.txt: newslint crashed on it (RuntimeError: reader blew up)" in result.output
    assert "8 articles" in result.output  # the site's eight, not the two skipped
    assert "2 files skipped (1 ran past the time budget, 1 crashed newslint)" in result.output
    assert out.exists()
    assert took < 30


def test_learn_has_no_budget_with_timeout_zero() -> None:
    from newslint.learn import read_documents

    reading = read_documents([], 1000, timeout=0)
    assert reading.documents == [] and reading.skipped == [] and reading.summary() == ""


# --- the publish-check service --------------------------------------------------------------


def test_the_service_worker_leaves_the_budget_to_the_services_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    # The front answers an overrun 504 and kills the worker; a budget inside the worker as
    # well would race it and answer the same overrun 200 with an input/timeout finding.
    from newslint import default_rules
    from newslint.readers.cms import Article
    from newslint.serve import _runner
    from newslint.serve.app import ServerConfig

    real = KINDS["pattern"].check

    def nap(doc: Any, rule: Any, ctx: Any) -> Any:
        if "NAP" in doc.source:
            time.sleep(0.2)
        return real(doc, rule, ctx)

    monkeypatch.setattr(KINDS["pattern"], "check", nap)
    check = _runner(default_rules(), ServerConfig(options=Options(timeout=0.05)))
    answer = json.loads(check(Article(body="<p>NAP then the council met on Tuesday.</p>"), "<article>"))
    assert "input/timeout" not in [f["rule"] for f in answer["findings"]]
    assert "metadata/missing-byline" in [f["rule"] for f in answer["findings"]]
