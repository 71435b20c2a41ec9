"""The code dataclasses writes, kept between runs (newslint.codecache)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import codecache


def _record_class() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Record:
        name: str
        count: int = 0

    return Record


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_second_load_compiles_nothing_and_makes_the_same_class(cache: Path) -> None:
    with codecache.kept() as first:
        made = _record_class()
    assert first is not None and first.compiled > 0
    path = codecache.table_path()
    assert path is not None and os.path.exists(path)
    with codecache.kept() as second:
        again = _record_class()
    assert second is not None and second.compiled == 0 and second.used
    for cls in (made, again):
        record = cls("a", 2)
        assert record == cls("a", 2) and record != cls("b", 2)
        assert hash(record) == hash(cls("a", 2))
        assert repr(record).endswith("Record(name='a', count=2)")
        assert cls("x").count == 0
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.name = "b"  # type: ignore[misc]
    assert "exec" not in vars(dataclasses)  # the builtin again once loaded


def test_the_kept_code_is_what_exec_would_compile(cache: Path) -> None:
    with codecache.kept() as codes:
        _record_class()
    assert codes is not None
    for source, code in codes.used.items():
        fresh = compile(source, "<string>", "exec", dont_inherit=True)
        assert code.co_code == fresh.co_code and code.co_consts == fresh.co_consts


def test_a_file_others_may_write_is_not_read(cache: Path) -> None:
    with codecache.kept():
        _record_class()
    path = codecache.table_path()
    assert path is not None and codecache.read_table(path)
    os.chmod(path, 0o666)
    assert codecache.read_table(path) == {}
    with codecache.kept() as codes:
        _record_class()
    assert codes is not None and codes.compiled > 0


def test_a_corrupt_table_is_an_empty_one(cache: Path) -> None:
    with codecache.kept():
        _record_class()
    path = codecache.table_path()
    assert path is not None
    Path(path).write_bytes(b"\x00not marshal")
    assert codecache.read_table(path) == {}
    Path(path).write_bytes(b"")
    assert codecache.read_table(path) == {}


def test_the_table_keeps_what_this_run_used_when_it_must_shrink(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = codecache.table_path()
    assert path is not None
    old = {f"x = {i}": compile(f"x = {i}", "<string>", "exec") for i in range(5)}
    used = {"y = 1": compile("y = 1", "<string>", "exec")}
    monkeypatch.setattr(codecache, "MAX_ENTRIES", 3)
    codecache.write_table(path, {**old, **used}, used)
    kept = codecache.read_table(path)
    assert len(kept) == 3 and "y = 1" in kept


def test_an_empty_cache_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "")
    with codecache.kept() as codes:
        _record_class()
    assert codes is None
    assert "exec" not in vars(dataclasses)


def test_the_command_writes_the_table_and_its_output_is_unchanged(cache: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Baca Juga: Harga Emas Hari Ini Naik Lagi\n\nThe minister said on Monday that prices rose.\n")
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    runs = [
        subprocess.run([sys.executable, "-m", "newslint", "check", str(draft)], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    path = codecache.table_path()
    assert path is not None and os.path.exists(path)
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode
    assert "metadata/missing-byline" in runs[0].stdout
