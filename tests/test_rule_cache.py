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


# --- the snapshot of a whole load ---------------------------------------------------------------


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The loads that went file by file (the others came from the snapshot)."""
    from newslint import rules as rules_module

    calls: list[object] = []
    real = rules_module._load_rules

    def counted(*args: object) -> object:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(rules_module, "_load_rules", counted)
    return calls


def _lexicon_data(lexicon: object) -> object:
    return rulecache.lexicon_to_data(lexicon)  # type: ignore[arg-type]


def test_a_second_load_comes_whole_from_the_snapshot_alike(cache: Path, full_loads: list[object]) -> None:
    fresh = load_rules()
    again = load_rules()
    assert len(full_loads) == 1
    assert again.rules == fresh.rules
    assert [r.source for r in again] == [r.source for r in fresh]
    assert all(type(a.compiled) is type(b.compiled) for a, b in zip(again, fresh, strict=True))
    # The language data too, in the same order (detection breaks ties by it), patterns and all.
    assert _lexicon_data(again.lexicon) == _lexicon_data(fresh.lexicon)
    assert list(again.lexicon.function_words) == list(fresh.lexicon.function_words)
    for kept, read in zip(again.lexicon.markers, fresh.lexicon.markers, strict=True):
        assert list(kept.words.items()) == list(read.words.items())
        kept_patterns = [(p.pattern, p.flags, w) for p, w in kept.patterns]
        assert kept_patterns == [(p.pattern, p.flags, w) for p, w in read.patterns]


def test_a_snapshot_is_used_only_for_the_same_request(cache: Path, full_loads: list[object]) -> None:
    everything = load_rules()
    core = load_rules(packs=["core"])
    assert len(full_loads) == 2
    assert {r.pack for r in core} == {"core"} and len(core) < len(everything)
    assert load_rules(packs=["core"]).rules == core.rules
    assert load_rules().rules == everything.rules
    assert len(full_loads) == 2


def test_an_edit_to_a_user_rule_file_is_seen_even_at_the_same_size_and_time(
    tmp_path: Path, cache: Path, full_loads: list[object]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    path = folder / "house.yaml"
    path.write_text(RULE, encoding="utf-8")
    assert load_rules(extra_dirs=[folder]).rules == load_rules(extra_dirs=[folder]).rules
    assert len(full_loads) == 1
    stat = path.stat()
    path.write_text(RULE.replace("(Daily|Weekly)", "(Daily|Weekly("), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(RuleError, match=r"house\.yaml:3: rule ad-text/house-ad: bad parameter"):
        load_rules(extra_dirs=[folder])


def test_a_rule_file_added_or_removed_is_seen(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    assert not any(r.pack == "mine" for r in load_rules(extra_dirs=[folder]))
    (folder / "sub").mkdir()
    (folder / "sub" / "house.yml").write_text(RULE, encoding="utf-8")
    assert [r.id for r in load_rules(extra_dirs=[folder]) if r.pack == "mine"] == ["ad-text/house-ad"]
    (folder / "sub" / "house.yml").unlink()
    assert not any(r.pack == "mine" for r in load_rules(extra_dirs=[folder]))


def test_a_user_folder_gone_since_the_snapshot_is_still_an_error(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    load_rules(extra_dirs=[folder])
    folder.rmdir()
    with pytest.raises(RuleError, match="rule folder not found"):
        load_rules(extra_dirs=[folder])


def test_a_user_lexicon_edit_is_seen(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    lexicon = folder / "lexicon.yaml"
    lexicon.write_text('language: "fi"\nfunction_words: ja on\n', encoding="utf-8")
    assert load_rules(extra_dirs=[folder]).lexicon.function_words["fi"] == frozenset({"ja", "on"})
    lexicon.write_text('language: "fi"\nfunction_words: ja ei\n', encoding="utf-8")
    assert load_rules(extra_dirs=[folder]).lexicon.function_words["fi"] == frozenset({"ja", "ei"})


def test_a_change_to_newslint_or_a_corrupt_snapshot_is_a_full_load(
    cache: Path, full_loads: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_rules()
    [snapshot] = (cache / "rules").glob("load-*")
    snapshot.write_bytes(b"\x00garbage")
    assert len(load_rules()) > 0
    assert len(full_loads) == 2
    load_rules()
    assert len(full_loads) == 2
    monkeypatch.setattr(rulecache, "code_fingerprint", lambda: "another newslint")
    load_rules()
    assert len(full_loads) == 3


def test_the_code_fingerprint_follows_every_source_file_of_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "newslint"
    (package / "checks" / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "checks" / "kind.py").write_text("KIND = 'kind'\n")
    (package / "schema.json").write_text("{}")
    monkeypatch.setattr(rulecache, "_PACKAGE", package)

    def fingerprint() -> str:
        return rulecache.code_fingerprint.__wrapped__()

    before = fingerprint()
    (package / "checks" / "__pycache__" / "kind.cpython-311.pyc").write_bytes(b"compiled")
    (package / "notes.txt").write_text("not code")
    assert fingerprint() == before
    (package / "checks" / "kind.py").write_text("KIND = 'kinds'\n")
    edited = fingerprint()
    assert edited != before
    (package / "checks" / "other.py").write_text("")
    assert fingerprint() != edited
