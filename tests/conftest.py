from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis.configuration import set_hypothesis_home_dir

FIXTURES = Path(__file__).parent / "fixtures"
_HYPOTHESIS_HOME: list[str] = []


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _sigint_handler_restored() -> Iterator[None]:
    """Give every test the Ctrl-C handler it found: a CLI run stopped in-process ignores
    SIGINT from then on, and the subprocesses of later tests would inherit that."""
    handler = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, handler)


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def pytest_configure(config: pytest.Config) -> None:
    # Hypothesis keeps its example database and caches in ./.hypothesis, from collection on:
    # tests write only to temporary folders, so it gets one of its own for the run.
    _HYPOTHESIS_HOME.append(tempfile.mkdtemp(prefix="newslint-hypothesis-"))
    set_hypothesis_home_dir(_HYPOTHESIS_HOME[-1])
    # The rule cache too (inherited by the newslint processes tests start).
    os.environ["NEWSLINT_CACHE_DIR"] = os.path.join(_HYPOTHESIS_HOME[-1], "newslint-cache")


def pytest_unconfigure(config: pytest.Config) -> None:
    while _HYPOTHESIS_HOME:
        shutil.rmtree(_HYPOTHESIS_HOME.pop(), ignore_errors=True)
    set_hypothesis_home_dir(None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """No skips and no xfails in this project: a test that would be skipped or xfailed fails."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped or hasattr(report, "wasxfail"):
        reason = getattr(report, "wasxfail", None) or report.longrepr
        if isinstance(reason, tuple):  # a skip: (path, line, "Skipped: why")
            reason = reason[2]
        report.outcome = "failed"
        report.longrepr = f"skips and xfails are not allowed here; fix the test or the code ({reason})"
