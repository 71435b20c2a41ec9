"""--baseline: record today's findings, then report only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.baseline import Baseline, load_baseline, write_baseline
from newslint.cli import main
from newslint.errors import ConfigError
from newslint.finding import FileResult, Finding

HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
P1 = "The city council approved the new budget on Thursday after a long debate."
P2 = "Council members said the plan would fund schools and roads next year."
P3 = "The mayor is expected to sign it into law next week."
ADS_TXT = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"


def md(*parts: str) -> str:
    return HEAD + "\n\n".join(parts) + "\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "budget.md").write_text(md(P1, "Advertisement", P2, ADS_TXT, P3), encoding="utf-8")
    (drafts / "clean.md").write_text(md(P1, P2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(runner, *args: str):
    return runner.invoke(main, ["check", "--language", "en", "--format", "json", *args])


def reported(result) -> list[tuple[str, str, int]]:
    report = json.loads(result.stdout)
    return [(Path(f["path"]).name, f["rule"], f["line"]) for file in report["files"] for f in file["findings"]]


def record(runner, *args: str):
    return run(runner, "--baseline", "base.json", "--update-baseline", *args)


def test_update_baseline_records_todays_findings(runner, repo: Path) -> None:
    result = record(runner, "drafts")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "newslint: recorded 2 findings in 2 files to base.json\n"
    data = json.loads((repo / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["findings"] == [
        {"path": "drafts/budget.md", "rule": "ad-text/ad-label", "text": "advertisement", "count": 1},
        {"path": "drafts/budget.md", "rule": "ad-text/ads-txt-record", "text": ADS_TXT.casefold(), "count": 1},
    ]


def test_with_the_baseline_only_new_findings_are_reported(runner, repo: Path) -> None:
    record(runner, "drafts")
    quiet = run(runner, "--baseline", "base.json", "drafts")
    assert reported(quiet) == []
    assert quiet.exit_code == 0
    draft = repo / "drafts" / "budget.md"
    draft.write_text(md(P1, "Advertisement", P2, ADS_TXT, P3, "Sponsored content"), encoding="utf-8")
    loud = run(runner, "--baseline", "base.json", "drafts")
    assert reported(loud) == [("budget.md", "ad-text/ad-label", 18)]
    assert loud.exit_code == 1


def test_edits_above_a_known_finding_do_not_resurface_it(runner, repo: Path) -> None:
    record(runner, "drafts")
    draft = repo / "drafts" / "budget.md"
    draft.write_text(
        md(
            "A new first paragraph pushes everything down.",
            P1,
            "Advertisement",
            "Another added paragraph.",
            P2,
            ADS_TXT,
            P3,
        ),
        encoding="utf-8",
    )
    assert reported(run(runner, "--baseline", "base.json", "drafts")) == []


def test_counts_matter_a_second_copy_is_new(runner, repo: Path) -> None:
    record(runner, "drafts")
    draft = repo / "drafts" / "budget.md"
    draft.write_text(md(P1, "Advertisement", P2, ADS_TXT, P3, "Advertisement"), encoding="utf-8")
    assert reported(run(runner, "--baseline", "base.json", "drafts")) == [("budget.md", "ad-text/ad-label", 18)]


def test_the_same_text_in_another_file_is_new(runner, repo: Path) -> None:
    record(runner, "drafts")
    (repo / "drafts" / "clean.md").write_text(md(P1, "Advertisement", P2), encoding="utf-8")
    assert reported(run(runner, "--baseline", "base.json", "drafts")) == [("clean.md", "ad-text/ad-label", 10)]


def test_paths_are_relative_to_the_baseline_so_any_cwd_matches(runner, repo: Path, monkeypatch) -> None:
    record(runner, "drafts")
    monkeypatch.chdir(repo / "drafts")
    result = run(runner, "--baseline", "../base.json", "budget.md")
    assert reported(result) == []


def test_text_output_with_a_baseline(runner, repo: Path) -> None:
    record(runner, "drafts")
    result = runner.invoke(main, ["check", "--language", "en", "--baseline", "base.json", "drafts"])
    assert result.stdout == "No findings in 2 files.\n"


def test_a_missing_baseline_is_exit_2_with_a_hint(runner, repo: Path) -> None:
    result = run(runner, "--baseline", "nope.json", "drafts")
    assert result.exit_code == 2
    assert result.stderr == (
        "newslint: error: nope.json: baseline file not found; create it with "
        "`newslint check --baseline nope.json --update-baseline PATHS`\n"
    )


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"version": 1}', '{"version": 7, "findings": []}', '{"version": 1, "findings": [{"path": "a"}]}'],
)
def test_a_broken_baseline_is_exit_2(runner, repo: Path, content: str) -> None:
    (repo / "base.json").write_text(content, encoding="utf-8")
    result = run(runner, "--baseline", "base.json", "drafts")
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: error: base.json: ")
    assert "Traceback" not in result.output


def test_update_baseline_needs_a_baseline_file(runner, repo: Path) -> None:
    result = run(runner, "--update-baseline", "drafts")
    assert result.exit_code == 2
    assert "--update-baseline needs --baseline FILE" in result.stderr


def _finding(path: str, line: int, snippet: str, rule: str = "truncation/paragraph-end", column: int = 5) -> Finding:
    return Finding(
        rule, rule.split("/")[0], "warning", f"Problem at line {line}", path, line, column, line, column, snippet
    )


def test_a_finding_without_snippet_is_matched_by_its_source_line(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Title\n\nThe paragraph that ends with\n", encoding="utf-8")
    known = FileResult(str(draft), "en", (_finding(str(draft), 3, ""),))
    write_baseline(tmp_path / "b.json", [known])
    entry = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"][0]
    assert entry["text"] == "the paragraph that ends with"
    draft.write_text("Title\n\nNew lead.\n\nThe paragraph that ends with\n", encoding="utf-8")
    known = load_baseline(tmp_path / "b.json")
    moved = FileResult(str(draft), "en", (_finding(str(draft), 5, ""),))
    assert known.new_findings(moved).findings == ()


def test_a_whole_document_finding_is_matched_by_file_and_rule(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Title\n\nBody.\n", encoding="utf-8")
    doc_level = Finding("metadata/missing-byline", "metadata", "warning", "No byline", str(draft), 1, 1, 1, 1, "")
    write_baseline(tmp_path / "b.json", [FileResult(str(draft), "en", (doc_level,))])
    draft.write_text("A changed title\n\nBody.\n", encoding="utf-8")
    assert load_baseline(tmp_path / "b.json").new_findings(FileResult(str(draft), "en", (doc_level,))).findings == ()


def test_crashes_are_never_recorded(tmp_path: Path) -> None:
    crash = Finding("internal-error", "internal-error", "error", "boom", "x.md", 1, 1, 1, 1, "")
    assert write_baseline(tmp_path / "b.json", [FileResult("x.md", None, (crash,))]) == 0
    baseline = load_baseline(tmp_path / "b.json")
    assert isinstance(baseline, Baseline)
    assert baseline.new_findings(FileResult("x.md", None, (crash,))).findings == (crash,)


def test_unwritable_baseline_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot write baseline file"):
        write_baseline(tmp_path / "missing-folder" / "b.json", [])
