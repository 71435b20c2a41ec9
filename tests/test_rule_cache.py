"""The cache of validated rule files: used when nothing changed, ignored when anything did."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint import rulecache
from newslint.errors import RuleError
from newslint.rules import load_rule_file, load_rules

RULE = """\
pack: mine
rules:
  - id: ad-text/house-ad
    check: pattern
    severity: warning
    message: "House ad: {match}"
    with:
      regex: 'Subscribe to the (Daily|Weekly) Bugle'
    examples:
      flag: ["Subscribe to the Daily Bugle"]
      pass: ["The Daily Bugle reported it first."]
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "rules").glob("*.json")) if (cache / "rules").is_dir() else []


def test_a_second_load_takes_the_rules_from_the_cache_and_compiles_them_on_use(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    first = load_rule_file(path)
    assert len(entries(cache)) == 1
    second = load_rule_file(path)
    assert second == first  # every field but the compiled parameters
    assert second[0].lazy_compiled is not first[0].lazy_compiled  # not compiled yet
    assert second[0].compiled.pattern.search("Subscribe to the Weekly Bugle")  # type: ignore[attr-defined]
    assert second[0].lazy_compiled is second[0].compiled  # compiled once, then kept


def test_the_shipped_packs_load_alike_with_and_without_the_cache(cache: Path) -> None:
    fresh = load_rules()
    cached = load_rules()
    assert entries(cache)
    assert cached.rules == fresh.rules
    assert [r.source for r in cached] == [r.source for r in fresh]
    assert all(type(a.compiled) is type(b.compiled) for a, b in zip(cached, fresh, strict=True))


def test_an_edited_rule_file_is_validated_again_with_file_and_line(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    load_rule_file(path)
    stat = path.stat()
    # Same size and modification time, other content: the content hash still tells.
    path.write_text(RULE.replace("(Daily|Weekly)", "(Daily|Weekly("), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    with pytest.raises(RuleError, match=r"mine\.yaml:3: rule ad-text/house-ad: bad parameter"):
        load_rule_file(path)


def test_a_corrupt_or_foreign_entry_is_a_miss(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    load_rule_file(path)
    [entry] = entries(cache)
    entry.write_text('{"key": ', encoding="utf-8")
    assert load_rule_file(path)[0].id == "ad-text/house-ad"
    data = json.loads(entry.read_text(encoding="utf-8"))  # written anew
    data["rules"][0]["message"] = "tampered"
    data["key"]["checksum"] = "0" * 20
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_rule_file(path)[0].message == "House ad: {match}"


def test_a_change_to_newslint_itself_invalidates_every_entry(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    key = rulecache.file_key(path, path.read_bytes())
    load_rule_file(path)
    assert rulecache.read(key) is not None
    monkeypatch.setattr(rulecache, "code_fingerprint", lambda: "another newslint")
    assert rulecache.read(rulecache.file_key(path, path.read_bytes())) is None


def test_an_empty_cache_dir_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    rules = load_rule_file(path)
    assert rules[0].compiled is rules[0].lazy_compiled  # compiled at load, as without a cache
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_an_unwritable_cache_folder_does_not_stop_a_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker))
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    assert load_rule_file(path)[0].id == "ad-text/house-ad"
