"""Bad input gets a clear answer for that file, and the run goes on with the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.checks import KINDS
from newslint.cli import main


def run_json(runner, *args: str) -> tuple[int, dict]:
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", *args])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output)


def rules_of(report: dict, path: Path) -> list[str]:
    entry = next(f for f in report["files"] if f["path"] == str(path))
    return [f["rule"] for f in entry["findings"]]


GOOD = "Judul berita\n\nPemerintah kota meresmikan taman baru pada hari Senin.\n"


def test_binary_file_is_reported_and_others_still_linted(tmp_path: Path, runner) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, report = run_json(runner, str(tmp_path))
    assert rules_of(report, tmp_path / "photo.txt") == ["input/binary"]
    assert "input/binary" not in rules_of(report, tmp_path / "good.txt")
    assert code == 1


def test_cp1252_file_is_decoded_and_the_fallback_named(tmp_path: Path, runner) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Headline\n\nThe café’s owner said it would reopen on Monday.\n".encode("cp1252"))
    _, report = run_json(runner, "--select", "input", str(path))
    finding = report["files"][0]["findings"][0]
    assert finding["rule"] == "input/encoding"
    assert "cp1252" in finding["message"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffHeadline\n\nBody text here.\n".encode(), []),
        ("Headline\n\nBody text here.\n".encode("utf-16"), ["input/encoding"]),
        (b"", ["input/empty"]),
        (b"  \n\n \n", ["input/empty"]),
    ],
)
def test_boms_and_empty_files(tmp_path: Path, runner, data: bytes, expected: list[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    _, report = run_json(runner, "--select", "input", str(path))
    assert rules_of(report, path) == expected


def test_huge_one_line_file_hits_the_size_limit_quickly(tmp_path: Path, runner) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (50 * 1024 * 1024))
    code, report = run_json(runner, str(path))
    [finding] = report["files"][0]["findings"]
    assert finding["rule"] == "input/too-large"
    assert "52.4 MB" in finding["message"]
    assert code == 1


def test_broken_front_matter_is_a_finding_and_body_still_linted(tmp_path: Path, runner) -> None:
    path = tmp_path / "draft.md"
    path.write_text("---\ntitle: [oops\n---\n\nText body.\n\nAdvertisement\n", encoding="utf-8")
    _, report = run_json(runner, "--language", "en", str(path))
    rules = rules_of(report, path)
    assert "input/front-matter" in rules
    assert "ad-text/ad-label" in rules


def test_crlf_draft_positions(tmp_path: Path, runner) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Headline\r\n\r\nFirst paragraph.\r\n\r\nAdvertisement\r\n")
    _, report = run_json(runner, "--language", "en", "--select", "ad-text", str(path))
    [finding] = report["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 1, 14)


def test_unreadable_path_is_reported_and_run_goes_on(tmp_path: Path, runner) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, report = run_json(runner, str(tmp_path))
    assert rules_of(report, tmp_path / "gone.txt") == ["input/unreadable"]
    assert len(report["files"]) == 2


def test_missing_path_on_command_line_is_a_usage_error(tmp_path: Path, runner) -> None:
    result = runner.invoke(main, ["check", str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_a_crash_in_one_file_is_an_internal_error_and_exit_2(tmp_path: Path, runner, monkeypatch) -> None:
    original = KINDS["markup"].check

    def explode(doc, rule, ctx):
        if "boom" in doc.source:
            raise RuntimeError("kaboom")
        return original(doc, rule, ctx)

    monkeypatch.setattr(KINDS["markup"], "check", explode)
    (tmp_path / "a.txt").write_text("Headline\n\nboom goes the draft.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline\n\nA fine draft &nbsp; here.\n", encoding="utf-8")
    code, report = run_json(runner, "--language", "en", str(tmp_path))
    assert code == 2
    crashed = report["files"][0]["findings"][0]
    assert crashed["rule"] == "internal-error"
    assert "kaboom" in crashed["message"] and crashed["path"].endswith("a.txt")
    assert "markup/html-entity" in rules_of(report, tmp_path / "b.txt")


PAGE = "<html><head><title>Bridge opens</title>\n<p>The bridge opened on Monday.</p>\n<p>Advertisement</p>\n"


def test_stdin_filename_picks_the_reader_and_names_the_findings(runner) -> None:
    result = runner.invoke(
        main,
        [
            "check",
            "--format",
            "json",
            "--language",
            "en",
            "--select",
            "ad-text,markup",
            "--stdin-filename",
            "drafts/page.html",
            "-",
        ],
        input=PAGE,
    )
    [entry] = json.loads(result.output)["files"]
    assert entry["path"] == "drafts/page.html"
    assert [(f["rule"], f["line"], f["column"], f["path"]) for f in entry["findings"]] == [
        ("ad-text/ad-label", 3, 4, "drafts/page.html")
    ]


def test_without_stdin_filename_html_on_stdin_reads_as_text(runner) -> None:
    result = runner.invoke(
        main, ["check", "--format", "json", "--language", "en", "--select", "markup", "-"], input=PAGE
    )
    [entry] = json.loads(result.output)["files"]
    assert entry["path"] == "<stdin>"
    assert "markup/html-tag" in [f["rule"] for f in entry["findings"]]


def test_stdin_filename_applies_the_config_and_per_path_ignores(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.yaml").write_text(
        "per-path-ignores:\n  'wire/*.html': [ad-text/ad-label]\n", encoding="utf-8"
    )
    args = ["check", "--format", "json", "--language", "en", "--select", "ad-text"]
    ignored = runner.invoke(main, [*args, "--stdin-filename", "wire/page.html", "-"], input=PAGE)
    kept = runner.invoke(main, [*args, "--stdin-filename", "desk/page.html", "-"], input=PAGE)
    assert json.loads(ignored.output)["files"][0]["findings"] == []
    assert [f["rule"] for f in json.loads(kept.output)["files"][0]["findings"]] == ["ad-text/ad-label"]


def test_stdin_filename_with_fix_prints_the_fixed_html(runner) -> None:
    result = runner.invoke(
        main,
        ["check", "--fix", "--language", "en", "--select", "ad-text", "--stdin-filename", "page.html", "-"],
        input=PAGE,
    )
    assert "Advertisement" not in result.stdout
    assert "<p>The bridge opened on Monday.</p>" in result.stdout


def test_stdin_over_the_size_limit_is_refused_without_reading_it_all(runner) -> None:
    result = runner.invoke(main, ["check", "--format", "json", "-"], input=b"a" * 5_000_001)
    [finding] = json.loads(result.output)["files"][0]["findings"]
    assert finding["rule"] == "input/too-large"
