"""The `newslint check` command line, option by option, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main

AD_DRAFT = "Headline\n\nThe council met on Tuesday.\n\nAdvertisement\n\nTop\n"
FINDING_FIELDS = {
    "rule",
    "category",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "snippet",
    "fixable",
}


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(AD_DRAFT, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: T\nauthor: A\ndate: 2024-01-02\nlang: en\n---\n\nThe council met on Tuesday.\n", encoding="utf-8"
    )
    (tmp_path / "notes.csv").write_text("Advertisement\n", encoding="utf-8")
    sub = tmp_path / "archive"
    sub.mkdir()
    (sub / "c.txt").write_text(AD_DRAFT, encoding="utf-8")
    return tmp_path


def check(runner, *args: str):
    return runner.invoke(main, ["check", "--language", "en", *args])


def test_json_output_follows_the_contract(runner, drafts: Path) -> None:
    result = check(runner, "--format", "json", str(drafts))
    report = json.loads(result.output)
    assert report["version"] == 1
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt", "b.md", "c.txt"]
    assert all(f["language"] == "en" for f in report["files"])
    first = next(f for f in report["files"][0]["findings"] if f["rule"] == "ad-text/ad-label")
    assert set(first) == FINDING_FIELDS
    assert (first["rule"], first["category"], first["line"], first["column"]) == ("ad-text/ad-label", "ad-text", 5, 1)
    assert first["fixable"] is True
    total = sum(len(f["findings"]) for f in report["files"])
    assert report["summary"]["files"] == 3
    assert report["summary"]["findings"] == total
    assert set(report["summary"]["by_severity"]) == {"error", "warning", "info"}
    assert result.exit_code == 1


def test_text_output_is_path_line_col_severity_rule_message(runner, drafts: Path) -> None:
    result = check(runner, "--no-color", str(drafts / "a.txt"))
    lines = result.output.splitlines()
    assert f"{drafts / 'a.txt'}:5:1: error ad-text/ad-label Ad label left in the text: Advertisement" in lines
    assert f"{drafts / 'a.txt'}:7:1: error markup/widget-line Page widget or navigation line: Top" in lines
    assert lines[-1].endswith("in 1 file")
    assert "\x1b[" not in result.output


def test_color_can_be_forced(runner, drafts: Path) -> None:
    result = check(runner, "--color", str(drafts / "a.txt"))
    assert "\x1b[" in result.output


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--select", "ad-text"], {"ad-text/ad-label"}),
        (["--select", "markup/widget-line,ad-text/ad-label"], {"ad-text/ad-label", "markup/widget-line"}),
        (["--ignore", "ad-text", "--ignore", "metadata"], {"markup/widget-line"}),
        (["--select", "markup", "--ignore", "markup/widget-line"], set()),
        (["--ignore", "markup", "--select", "markup/widget-line"], {"markup/widget-line"}),
    ],
)
def test_select_and_ignore_by_id_or_prefix(runner, drafts: Path, flags: list[str], expected: set[str]) -> None:
    result = check(runner, "--format", "json", *flags, str(drafts / "a.txt"))
    rules = {f["rule"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert rules == expected


@pytest.mark.parametrize(("level", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_sets_the_exit_code(runner, drafts: Path, level: str, code: int) -> None:
    # Only warnings remain once errors are ignored: missing byline and date.
    result = check(runner, "--ignore", "ad-text,markup", "--fail-on", level, str(drafts / "a.txt"))
    assert "warning metadata/missing-byline" in result.output
    assert result.exit_code == code


def test_clean_draft_exits_0(runner, drafts: Path) -> None:
    result = check(runner, str(drafts / "b.md"))
    assert result.exit_code == 0, result.output
    assert "No findings in 1 file." in result.output


def test_language_flag_overrides_detection(runner, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("Judul\n\nPemerintah kota meresmikan taman baru pada hari Senin pagi.\n", encoding="utf-8")
    detected = json.loads(runner.invoke(main, ["check", "--format", "json", str(path)]).output)
    forced = json.loads(check(runner, "--format", "json", str(path)).output)
    assert detected["files"][0]["language"] == "id"
    assert forced["files"][0]["language"] == "en"


def test_include_and_exclude_globs(runner, drafts: Path) -> None:
    only_csv = json.loads(check(runner, "--format", "json", "--include", "*.csv", str(drafts)).output)
    assert [Path(f["path"]).name for f in only_csv["files"]] == ["notes.csv"]
    no_archive = json.loads(check(runner, "--format", "json", "--exclude", "archive", str(drafts)).output)
    assert [Path(f["path"]).name for f in no_archive["files"]] == ["a.txt", "b.md"]


def test_stdin_dash(runner) -> None:
    result = runner.invoke(main, ["check", "--language", "en", "--format", "json", "-"], input=AD_DRAFT)
    report = json.loads(result.output)
    assert report["files"][0]["path"] == "<stdin>"
    assert "ad-text/ad-label" in {f["rule"] for f in report["files"][0]["findings"]}


def test_parallel_jobs_give_the_same_report_as_one(runner, tmp_path: Path) -> None:
    for n in range(12):
        (tmp_path / f"d{n:02}.txt").write_text(AD_DRAFT.replace("Tuesday", f"day {n}"), encoding="utf-8")
    one = check(runner, "--format", "json", "--jobs", "1", str(tmp_path)).output
    many = check(runner, "--format", "json", "--jobs", "2", str(tmp_path)).output
    assert one == many
    assert len(json.loads(many)["files"]) == 12


def test_input_format_forces_a_reader(runner, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<p>Text.</p><script>googletag.cmd.push(1)</script>", encoding="utf-8")
    report = json.loads(check(runner, "--format", "json", "--input-format", "html", str(path)).output)
    assert "markup/embedded-code" in {f["rule"] for f in report["files"][0]["findings"]}


def test_help_and_usage_errors(runner) -> None:
    assert "Exit codes" in runner.invoke(main, ["check", "--help"]).output
    result = runner.invoke(main, ["check", "--format", "xml", "x"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_progress_bar_only_on_a_terminal(monkeypatch, runner, tmp_path: Path) -> None:
    for n in range(25):
        (tmp_path / f"d{n:02}.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    shown: list[int] = []

    import newslint.cli as cli

    class FakeBar:
        def __init__(self, length: int, **_: object) -> None:
            shown.append(length)

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def update(self, n: int) -> None:
            shown.append(-n)

    monkeypatch.setattr(cli.click, "progressbar", FakeBar)
    monkeypatch.setattr(cli, "stderr_is_terminal", lambda: True)
    check(runner, "--jobs", "1", str(tmp_path))
    assert shown[0] == 25 and shown.count(-1) == 25


def test_language_is_not_detected_when_no_selected_rule_needs_it(runner, tmp_path: Path, monkeypatch) -> None:
    from newslint import language

    calls: list[str] = []
    real = language.detect
    monkeypatch.setattr(language, "detect", lambda text, *rest: calls.append(text) or real(text, *rest))
    path = tmp_path / "d.txt"
    path.write_text("Headline\n\nThe council met on Tuesday to approve the budget.\n", encoding="utf-8")
    result = runner.invoke(
        main, ["check", "--jobs", "1", "--format", "json", "--select", "ad-text/ads-txt-record", str(path)]
    )
    assert json.loads(result.output)["files"][0]["language"] is None
    assert calls == []
    runner.invoke(main, ["check", "--jobs", "1", str(path)])
    assert len(calls) >= 1
