"""A folder run that reads nothing says so; files it would skip unread make it fail, not pass."""

from __future__ import annotations

import json
from pathlib import Path

from newslint.cli import main

DRAFT = "By Jane Smith, 12 September 2024\n\nThe council approved the budget on Tuesday.\n"


def check(runner, *args: str):
    return runner.invoke(main, ["check", "--format", "json", "--jobs", "1", *args])


def test_an_empty_folder_passes_with_a_note(runner, tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    result = check(runner, str(tmp_path / "drafts"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["files"] == 0
    assert "no drafts in" in result.stderr and "no files there" in result.stderr


def test_a_folder_of_files_none_of_them_drafts_is_an_error(runner, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "one.json").write_text('{"body": "<p>Text.</p>"}', encoding="utf-8")
    (folder / "two.json").write_text('{"body": "<p>Text.</p>"}', encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    result = check(runner, str(folder))
    assert result.exit_code == 2
    assert "3 files there were not read (2 .json, 1 .docx)" in result.stderr
    assert "--include '*.json'" in result.stderr
    assert "Traceback" not in result.output


def test_files_the_user_excludes_do_not_count_as_unread(runner, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "old.json").write_text("{}", encoding="utf-8")
    result = check(runner, "--exclude", "*.json", str(folder))
    assert result.exit_code == 0
    assert "no files there" in result.stderr


def test_a_folder_with_drafts_among_other_files_reads_the_drafts(runner, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "budget.md").write_text(DRAFT, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = check(runner, str(folder))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["files"] == 1
    assert result.stderr == ""
