"""Paths that change under a run, or cannot be searched, are findings, never a traceback
and never a silent skip: a folder that cannot be listed, a file removed between listing
and reading, a symlink loop, a path that cannot even be looked at."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import cli, files
from newslint.cli import main

GOOD = "The council met on Tuesday and passed the budget.\n"


def _check(*args: str) -> tuple[int, dict[str, list[dict[str, str]]], str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    return result.exit_code, {f["path"]: f["findings"] for f in report["files"]}, result.output


def test_a_folder_that_cannot_be_listed_is_an_error_not_a_silent_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "open.txt").write_text(GOOD, encoding="utf-8")
    locked = str(tmp_path / "locked")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path: object = ".") -> object:  # as for a folder without the read permission
        if os.fspath(path) == locked:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", locked)
        return real_scandir(path)  # type: ignore[arg-type]

    def open_(path: object, *args: object, **kw: object) -> int:
        if os.fspath(path) == locked:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", locked)
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    code, found, _ = _check(str(tmp_path))
    assert [f["rule"] for f in found[locked]] == ["input/unreadable"]
    assert "cannot search this folder for drafts: Permission denied" in found[locked][0]["message"]
    assert str(tmp_path / "open.txt") in found
    assert code == 1


def test_a_folder_listed_as_unsearchable_is_kept_among_the_drafts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir
    gone = str(tmp_path / "a")

    def scandir(path: object = ".") -> object:  # a folder removed while the search ran
        if os.fspath(path) == gone:  # type: ignore[arg-type]
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", gone)
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    assert list(files.collect([str(tmp_path)])) == [str(tmp_path / "b.txt"), gone]


def test_a_file_removed_between_listing_and_reading_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    real = files.collect

    def collect_then_remove(*args: object, **kw: object) -> object:
        listed = list(real(*args, **kw))  # type: ignore[arg-type]
        (tmp_path / "a.txt").unlink()
        return iter(listed)

    monkeypatch.setattr(cli, "collect", collect_then_remove)
    code, found, _ = _check(str(tmp_path))
    gone = found[str(tmp_path / "a.txt")]
    assert [f["rule"] for f in gone] == ["input/unreadable"]
    assert "removed after newslint listed it" in gone[0]["message"]
    assert "metadata/missing-byline" in [f["rule"] for f in found[str(tmp_path / "b.txt")]]
    assert code == 1


def test_a_path_that_cannot_be_looked_at_is_a_finding_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = str(tmp_path / "a.txt")
    real_stat, real_open = os.stat, os.open

    def stat(path: object, *args: object, **kw: object) -> os.stat_result:
        if os.fspath(path) == target:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", target)  # (a folder above it lost x)
        return real_stat(path, *args, **kw)  # type: ignore[arg-type]

    def open_(path: object, *args: object, **kw: object) -> int:
        if os.fspath(path) == target:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", target)
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", open_)
    code, found, _ = _check(target)
    assert [f["rule"] for f in found[target]] == ["input/unreadable"]
    assert "Permission denied" in found[target][0]["message"]
    assert code == 1


def test_a_symlink_loop_inside_a_folder_is_unreadable_and_a_folder_loop_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    code, found, _ = _check(str(tmp_path))
    assert sorted(Path(p).name for p in found) == ["a.txt", "one.txt", "two.txt"]
    for name in ("one.txt", "two.txt"):
        [finding] = found[str(tmp_path / name)]
        assert finding["rule"] == "input/unreadable"
        assert "symbolic links" in finding["message"]
    assert code == 1


# --- file names that are not UTF-8 ------------------------------------------------------------

needs_byte_names = pytest.mark.skipif(
    os.name == "nt" or os.fsencode("\udcff") != b"\xff", reason="needs a file system of byte names"
)


@pytest.fixture
def odd_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    with open(os.fsencode(tmp_path / "drafts") + b"/bad\xffname.txt", "wb") as f:
        f.write(b"The council met.\n\nAdvertisement\n")
    return tmp_path


@needs_byte_names
def test_sarif_reports_a_file_name_that_is_not_utf8(odd_names: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "--jobs", "1", "drafts"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in report["runs"][0]["results"]
        for loc in res["locations"]
    }
    assert uris == {"drafts/bad%FFname.txt"}
    assert result.exit_code == 1


@needs_byte_names
def test_a_baseline_records_a_file_name_that_is_not_utf8_and_reads_it_back(odd_names: Path) -> None:
    runner = CliRunner()
    recorded = runner.invoke(main, ["check", "--baseline", "b.json", "--update-baseline", "--jobs", "1", "drafts"])
    assert recorded.exit_code == 0, recorded.output
    assert json.loads((odd_names / "b.json").read_text("utf-8"))["findings"]
    again = runner.invoke(main, ["check", "--format", "json", "--baseline", "b.json", "--jobs", "1", "drafts"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["summary"]["findings"] == 0


def test_a_baseline_that_cannot_be_written_keeps_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import baseline
    from newslint.errors import ConfigError
    from newslint.finding import FileResult

    old = tmp_path / "b.json"
    old.write_text('{"version": 1, "tool": "newslint", "findings": []}\n', encoding="utf-8")

    def failing(*args: object, **kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(ConfigError, match="No space left"):
        baseline.write_baseline(old, [FileResult(str(tmp_path / "a.txt"), None, ())])
    assert old.read_text("utf-8") == '{"version": 1, "tool": "newslint", "findings": []}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]  # no temporary file left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_baseline_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    from tests.test_hostile_input import run_cli

    os.mkfifo(tmp_path / "baseline.json")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--baseline", str(tmp_path / "baseline.json"), str(tmp_path / "a.txt"))
    assert result.returncode == 2
    assert "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_name_too_long_for_the_file_system_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    named = str(tmp_path / ("x" * 300 + ".txt"))  # over NAME_MAX (255) on common file systems
    try:
        os.stat(named)
    except OSError as e:
        if e.errno != errno.ENAMETOOLONG:
            pytest.skip("this file system takes names of 300 characters")
    code, found, _ = _check(named)
    [finding] = found[named]
    assert finding["rule"] == "input/unreadable"
    assert code == 1


def test_a_config_file_name_too_long_is_a_config_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", "y" * 300, str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "config file not found" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
