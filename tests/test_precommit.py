"""The pre-commit hooks, for real: `pre-commit try-repo` builds them from this checkout.

try-repo clones this repository (with uncommitted changes to tracked files,
but not untracked files) into a shadow repo, pip-installs it into a fresh
virtualenv and runs the hook on a throwaway git repo of drafts. The install
takes about ten seconds per call when the checkout has uncommitted changes
(a new shadow repo each time) and once per test run when it is clean.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
P1 = "The city council approved the new budget on Thursday after a long debate."
P2 = "The mayor is expected to sign it into law next week."
BAD = HEAD + f"{P1}\n\nAdvertisement\n\n{P2}\n"
GOOD = HEAD + f"{P1}\n\n{P2}\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.invalid",
    "GIT_COMMITTER_NAME": "Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.invalid",
}


def hooks() -> dict[str, dict]:
    defined = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return {h["id"]: h for h in defined}


def test_hook_definitions() -> None:
    defined = hooks()
    assert set(defined) == {"newslint", "newslint-fix"}
    assert defined["newslint"]["entry"] == "newslint check"
    assert defined["newslint-fix"]["entry"] == "newslint check --fix"
    for hook in defined.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "html", "text"]
        assert hook["require_serial"] is False
        files = re.compile(hook["files"])
        for name in ("a.txt", "b.md", "c.markdown", "d/e.html", "f.htm"):
            assert files.search(name), name
        for name in ("a.json", "b.md.bak", "notes.csv", "html"):
            assert not files.search(name), name


def test_every_hook_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for hook_id in hooks():
        assert f"id: {hook_id}" in readme, hook_id


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A git repo of drafts, and an environment whose caches live in the test's tmp."""
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "newsroom"
    repo.mkdir()
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    # pre-commit's hook environments, and pip's and virtualenv's caches, live in the test's tmp
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PIP_CACHE_DIR": str(base / "pip-cache"),
        "VIRTUALENV_OVERRIDE_APP_DATA": str(base / "virtualenv-data"),
        "PRE_COMMIT_COLOR": "never",
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "drafts"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    return repo, env


def try_repo(desk: tuple[Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess[str]:
    repo, env = desk
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hooks_through_pre_commit_try_repo(desk: tuple[Path, dict[str, str]]) -> None:
    repo, _ = desk
    # the lint hook fails on junk and names the rule
    failed = try_repo(desk, "newslint", "--files", "bad.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^newslint\.+Failed$", failed.stdout, re.M)
    assert "bad.md:10:1: error ad-text/ad-label Ad label left in the text: Advertisement" in failed.stdout
    assert (repo / "bad.md").read_text(encoding="utf-8") == BAD
    # the fix hook rewrites the draft, and fails because it did
    fixed = try_repo(desk, "newslint-fix", "--files", "bad.md")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    assert (repo / "bad.md").read_text(encoding="utf-8") == GOOD
    # then both hooks pass, on the fixed draft and on one that was clean all along
    passed = try_repo(desk, "--files", "bad.md", "good.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^newslint\.+Passed$", passed.stdout, re.M)
    assert re.search(r"^newslint \(fix\)\.+Passed$", passed.stdout, re.M)
