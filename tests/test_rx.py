"""newslint.rx: regex's flags and escape without importing regex's parser, and a one-file
run whose patterns are all kept that loads only regex's C module."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newslint import regexcache, rx

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "drafts" / "harga-beras.txt"
FLAGS = ["A", "ASCII", "I", "IGNORECASE", "L", "LOCALE", "M", "MULTILINE", "S", "DOTALL", "U", "UNICODE"]
FLAGS += ["X", "VERBOSE", "V0", "VERSION0", "V1", "VERSION1", "W", "WORD", "F", "FULLCASE"]


@pytest.mark.parametrize("name", FLAGS)
def test_each_flag_is_regexs_own_value(name: str) -> None:
    assert getattr(rx, name) == int(getattr(regex, name))


def test_the_package_default_version_is_regexs() -> None:
    assert rx.PACKAGE_DEFAULT_VERSION == int(regex.DEFAULT_VERSION) == rx.default_version()


def test_escape_is_regexs_escape_for_every_character() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert rx.escape(every) == regex.escape(every)


@given(st.text())
def test_escape_is_regexs_escape(text: str) -> None:
    assert rx.escape(text) == regex.escape(text)


def test_anything_else_is_regexs_own() -> None:
    assert rx.error is regex.error
    assert rx.Pattern is regex.Pattern
    assert rx.search(r"b+", "abbc").span() == (1, 3)
    with pytest.raises(AttributeError):
        rx.no_such_name  # noqa: B018


def test_the_c_module_is_regexs_own_once_regex_is_imported() -> None:
    from regex import _regex

    assert rx.c_module() is _regex


def _python(code: str, cache: Path) -> str:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


RUN = """
import json, sys
from newslint.__main__ import main
sys.argv = ["newslint", "check", "--format", "json", {draft!r}]
out = sys.stdout
sys.stdout = open(__import__("os").devnull, "w")
try:
    main()
except SystemExit:
    pass
sys.stdout = out
print(json.dumps(sorted(m for m in sys.modules if m == "regex" or m.startswith("regex."))))
"""


def test_a_run_whose_patterns_are_kept_loads_only_regexs_c_module(tmp_path: Path) -> None:
    code = RUN.format(draft=str(DRAFT))
    _python(code, tmp_path)  # rules validated and patterns compiled: regex imported
    _python(code, tmp_path)  # (what the first run's snapshot did not compile through the cache)
    assert json.loads(_python(code, tmp_path)) == ["regex._regex"]


FINDINGS = """
import io, json, sys
{before}
from newslint.__main__ import main
sys.argv = ["newslint", "check", "--format", "json", {draft!r}]
out, sys.stdout = sys.stdout, io.StringIO()
try:
    main()
except SystemExit:
    pass
report, sys.stdout = sys.stdout.getvalue(), out
print(json.dumps({{"regex": "regex._main" in sys.modules, "report": json.loads(report)}}))
"""


def test_the_findings_are_the_same_with_regex_imported_or_not(tmp_path: Path) -> None:
    without = FINDINGS.format(before="", draft=str(DRAFT))
    for _ in range(3):
        lean = json.loads(_python(without, tmp_path))
    full = json.loads(_python(FINDINGS.format(before="import regex", draft=str(DRAFT)), tmp_path))
    assert not lean["regex"] and full["regex"]
    assert lean["report"] == full["report"] and lean["report"]["summary"]["findings"] == 11


BUILT_FIRST = """
import pickle, sys
from newslint import regexcache
p = regexcache.compile(r"(?P<word>\\bkept\\b)", 2)
lean = "regex._main" not in sys.modules
print(lean, p.sub(r"[\\g<word>]", "Kept opcodes"), p.search("the KEPT one").span())
import regex
print(isinstance(p, regex.Pattern), pickle.loads(pickle.dumps(p)).pattern == p.pattern)
"""


def test_a_pattern_built_before_regex_is_imported_substitutes_and_pickles(tmp_path: Path) -> None:
    _python(BUILT_FIRST, tmp_path)
    assert _python(BUILT_FIRST, tmp_path).split("\n") == ["True [Kept] opcodes (4, 8)", "True True", ""]


def test_the_kept_opcodes_file_is_named_by_regexs_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("_regex.cpython-test.so", "_regex_core.py", "_main.py"):
        (tmp_path / name).write_text(name)
    monkeypatch.setattr(rx, "package_dir", lambda: str(tmp_path))
    first = regexcache.installed()
    assert regexcache.installed() == first
    os.utime(tmp_path / "_regex_core.py", ns=(1, 1))  # another release installed over it
    assert regexcache.installed() != first


def test_regex_installed_as_files_is_named_by_them() -> None:
    assert rx.package_dir() == os.path.dirname(regex.__file__)
    assert str(regex.__version__) not in regexcache.installed()


def test_a_pattern_compiled_under_another_default_version_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {"dirty": True})  # (nothing written at exit)
    regexcache._table()  # the file is named for the package's default version
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    monkeypatch.setattr(regex._main, "DEFAULT_VERSION", regex.VERSION1)
    regexcache.compile(r"[[a-z]--[aeiou]]+")
    assert (r"[[a-z]--[aeiou]]+", 0) not in regexcache._table()
    monkeypatch.undo()
    monkeypatch.setattr(regexcache, "_state", {"dirty": True})
    regexcache.compile(r"[[a-z]--[aeiou]]+")
    assert (r"[[a-z]--[aeiou]]+", 0) in regexcache._table()


def test_pickled_patterns_of_this_module_are_regexs() -> None:
    p = regexcache.compile(r"\bpickled\b", rx.I)
    assert pickle.loads(pickle.dumps(p)).search("PICKLED").span() == (0, 7)


def test_patterns_pickle_once_the_recorder_stands_in_for_regexs_c_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_state", {"dirty": True})
    regexcache.compile(r"\bnot\s+kept\s+yet\b")  # compiled through the recorder
    assert isinstance(regex._main._regex, regexcache._Recorder)
    for p in (regexcache.compile(r"\bnot\s+kept\s+yet\b"), regex.compile(r"\bplain\b")):
        assert pickle.loads(pickle.dumps(p)).pattern == p.pattern


PICKLED_RULES = """
import functools, pickle, sys
sys.platform = "darwin"  # (on Linux workers fork and receive nothing pickled; elsewhere they are spawned)
from newslint import watchdog, workers
from newslint.engine import Options, lint_file
from newslint.rules import load_rules
from newslint import lint_text
rules = load_rules()
# (the rules a run compiled before it started its workers: those of its first draft)
lint_text("Advertisement\\n\\nThe council met on Monday to vote on next year's budget.\\n", "a.txt", rules=rules)
lean = "regex._main" not in sys.modules


def start_workers(*args, **kwargs):
    # What a spawned worker receives holds the patterns of the rules compiled here
    # (the rule set itself does not pickle yet: its mappings are read-only proxies).
    patterns = [p for r in rules for p in getattr(r.lazy_compiled, "_built", {}).values() if p is not None]
    assert len(patterns) > 3
    pickle.loads(pickle.dumps(patterns))
    raise SystemExit(0)


watchdog.map_watched = start_workers
task = functools.partial(lint_file, ruleset=rules, options=Options())
try:
    list(workers.map_paths(task, ["a.txt", "b.txt"], 2))
except SystemExit as e:
    print(lean, e.code)
"""


def test_a_run_that_spawns_its_workers_can_pickle_the_rules_it_compiled(tmp_path: Path) -> None:
    for _ in range(3):  # (the first runs fill the cache)
        out = _python(PICKLED_RULES, tmp_path)
    assert out.split() == ["True", "0"]
