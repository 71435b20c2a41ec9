"""Regex opcodes kept between runs: the patterns built from them match as regex.compile's do."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import regex

from newslint import regexcache

PATTERNS = [
    (r"(?i)\bread\s+more\b", 0),
    (r"^\s*[a-z0-9.-]+\.[a-z]{2,}\s*,\s*(DIRECT|RESELLER)\b", regex.I),
    (r"(?P<day>\p{Lu}\p{Ll}+)\s*\((\d{1,2})/(\d{1,2})", regex.M),
]
TEXTS = ["Read More here", "mgid.com, 713808, DIRECT, d4c", "Kamis (12/09/24)", "nothing at all", ""]

RUN = """
import sys, regex
from newslint import regexcache
found = []
for source, flags in {patterns!r}:
    p = regexcache.compile(source, flags)
    assert isinstance(p, regex.Pattern)
    found.append([(m.span(), m.groups(), m.groupdict()) for t in {texts!r} for m in p.finditer(t, timeout=1.0)])
print(repr(found))
"""


def run(cache: Path) -> str:
    code = RUN.format(patterns=[(p, int(f)) for p, f in PATTERNS], texts=TEXTS)
    env = {"NEWSLINT_CACHE_DIR": str(cache), "PATH": ""}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


def test_a_later_run_builds_the_same_patterns_from_the_kept_opcodes(tmp_path: Path) -> None:
    expected = repr(
        [
            [(m.span(), m.groups(), m.groupdict()) for t in TEXTS for m in regex.compile(p, f).finditer(t)]
            for p, f in PATTERNS
        ]
    )
    assert run(tmp_path) == expected + "\n"  # compiled, and the opcodes written at exit
    [kept] = list(tmp_path.glob("regex-*.marshal"))
    assert run(tmp_path) == expected + "\n"  # built from the kept opcodes
    kept.write_bytes(b"\x00not marshal")
    assert run(tmp_path) == expected + "\n"  # a corrupt file is ignored


def test_kept_opcodes_are_used_instead_of_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(regexcache._state, "table", {})
    monkeypatch.setitem(regexcache._state, "built", {})
    first = regexcache.compile(r"\bsponsored\s+content\b", regex.I)
    assert regexcache.compile(r"\bsponsored\s+content\b", regex.I) is first  # as regex.compile
    regexcache._state["built"].clear()  # a new process
    assert (r"\bsponsored\s+content\b", int(regex.I)) in regexcache._table()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex, "compile", refuse)
    again = regexcache.compile(r"\bsponsored\s+content\b", regex.I)
    assert again is not first and again.pattern == first.pattern and again.flags == first.flags
    assert again.search("Read the Sponsored  Content below").span() == (9, 27)


def test_the_kept_opcodes_stay_within_their_size_dropping_the_patterns_not_used_lately(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {})
    old = {(f"old{n}", 0): b"x" * 100 for n in range(50)}
    with open(regexcache._path() or "", "wb") as f:
        regexcache._write_table(f, old)
    monkeypatch.setattr(regexcache, "MAX_KEPT_BYTES", 2_000)
    regexcache.compile(r"\bnew\s+pattern\b")
    regexcache._save()
    kept = regexcache._read_table(regexcache._path() or "")
    assert (r"\bnew\s+pattern\b", 0) in kept  # this run's pattern stays
    assert sum(len(v) + len(k[0]) for k, v in kept.items()) <= 2_000
    assert ("old0", 0) not in kept and ("old49", 0) in kept  # the oldest went first


def test_a_run_reads_the_opcodes_of_the_patterns_it_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {})
    source = r"\bkept\s+(opcodes|patterns)\b"
    regexcache._state["dirty"] = True  # (nothing written at exit)
    regexcache._compile_and_keep((source, 0))
    kept = regexcache._state.pop("table")[(source, 0)]
    assert isinstance(kept, bytes)
    others = {(f"other{n}", 0): bytes(4000) for n in range(300)}
    with open(regexcache._path() or "", "wb") as f:
        regexcache._write_table(f, {**others, (source, 0): kept})
    tracemalloc.start()
    try:
        table = regexcache._table()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    try:
        # The index only: the opcodes of all 301 patterns (1.2 MB) were read and held whole.
        assert len(table) == 301 and held < 100_000
        assert not any(isinstance(place, bytes) for place in table.values())

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("parsed again")

        monkeypatch.setattr(regex, "compile", refuse)
        built = regexcache.compile(source)
        assert built.search("the kept  patterns").span() == (4, 18)
    finally:
        os.close(regexcache._state["fd"])


def test_a_run_whose_own_patterns_are_too_many_keeps_those_it_built_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {})
    monkeypatch.setattr(regexcache, "MAX_KEPT_BYTES", 1_500)
    sources = [rf"\bfirst{n}\s+(?:pattern|regex)\b" for n in range(40)]
    for source in sources:  # the first are a module's own, built by every run
        regexcache.compile(source)
    regexcache._save()
    kept = regexcache._read_table(regexcache._path() or "")
    assert 0 < len(kept) < len(sources)
    assert set(kept) == {(source, 0) for source in sources[: len(kept)]}  # the first built stay
