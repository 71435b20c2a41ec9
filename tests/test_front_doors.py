"""Every front door lints every document of a multi-document input (a CMS export)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import lint_paths, lint_text
from newslint.cli import main

ADS_LINE = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"
CLEAN = (
    "<p>The district council approved the 2025 budget on Thursday after a long debate.</p>\n"
    "<p>Spending on schools rises by four percent, while roads keep last year's money.</p>"
)
EXPORT = json.dumps(
    [
        {"id": "a-1", "title": "Budget passes", "byline": "Jane Smith", "published_at": "2024-09-12", "body": CLEAN},
        {
            "id": "a-2",
            "title": "Roads",
            "byline": "Jane Smith",
            "published_at": "2024-09-12",
            "body": CLEAN + f"\n<p>{ADS_LINE}</p>",
        },
    ]
)
SECOND = "#a-2"


def ads_records(findings) -> list[tuple[str, int]]:
    return [(f.path, f.line) for f in findings if f.rule == "ad-text/ads-txt-record"]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_lint_text_lints_every_article_of_an_export() -> None:
    result = lint_text(EXPORT, path="export.json")
    assert ads_records(result.findings) == [("export.json#a-2", 3)]
    assert result.path == "export.json"


def test_lint_text_of_one_document_is_that_documents_result() -> None:
    result = lint_text(f"<p>{ADS_LINE}</p>", path="page.html")
    assert ads_records(result.findings) == [("page.html", 1)]


def test_lint_paths_lints_every_article(export: Path) -> None:
    results = list(lint_paths([str(export)]))
    assert [r.path for r in results] == [f"{export}#a-1", f"{export}#a-2"]
    assert ads_records(results[1].findings) == [(f"{export}{SECOND}", 3)]


def reported(result) -> list[tuple[str, str]]:
    report = json.loads(result.stdout)
    return [
        (Path(file["path"]).name, f["rule"])
        for file in report["files"]
        for f in file["findings"]
        if f["rule"] == "ad-text/ads-txt-record"
    ]


@pytest.mark.parametrize("extra", [[], ["--jobs", "2"], ["--fix"], ["--jobs", "2", "--fix"]])
def test_cli_lints_every_article_in_files_and_folders(runner, export: Path, extra: list[str]) -> None:
    other = export.parent / "other.json"
    other.write_text(EXPORT, encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--include", "*.json", *extra, str(export.parent)])
    assert reported(result) == [
        ("export.json#a-2", "ad-text/ads-txt-record"),
        ("other.json#a-2", "ad-text/ads-txt-record"),
    ]
    assert result.exit_code == 1
    assert export.read_text("utf-8") == EXPORT  # CMS exports are never fixed in place


def test_cli_standard_input_lints_every_article(runner) -> None:
    result = runner.invoke(main, ["check", "--format", "json", "--input-format", "json", "-"], input=EXPORT)
    assert reported(result) == [("<stdin>#a-2", "ad-text/ads-txt-record")]
    assert result.exit_code == 1
