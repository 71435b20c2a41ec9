"""Rules loaded from the cache build their regexes when a document first needs them: the
same findings, and nothing built for a rule whose ``requires`` strings a draft lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newslint import lint_text, regexcache, rx
from newslint.checks import pattern
from newslint.engine import Options, warm
from newslint.rules import RuleSet, load_rule_file, load_rules

RULE = """\
pack: mine
rules:
  - id: ad-text/house-ad
    check: pattern
    severity: warning
    message: "House ad: {match}"
    with:
      regex: '^\\W*subscribe to the (daily|weekly) bugle\\b'
      ignorecase: true
      unless: 'unsubscribe'
      requires: [bugle]
    examples:
      flag: ["Subscribe to the Daily Bugle"]
      pass: ["The Daily Bugle reported it first."]
"""
SOURCE = "^\\W*subscribe to the (daily|weekly) bugle\\b"


@pytest.fixture
def cached_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    load_rule_file(path)  # validated, compiled, and kept in the cache
    monkeypatch.setattr(regexcache, "_state", {"dirty": True})  # a new process: nothing built yet
    return path


def built_sources() -> set[str]:
    return {source for source, _ in regexcache._state.get("built", {})}


def test_a_draft_without_the_required_strings_builds_none_of_the_rules_regexes(cached_rule: Path) -> None:
    rules = RuleSet(tuple(load_rule_file(cached_rule)))
    result = lint_text("Prices rose.\n\nSubscribe to the Daily Planet today.\n", "a.txt", rules=rules)
    assert result.findings == ()
    assert SOURCE not in built_sources() and "unsubscribe" not in built_sources()


def test_a_rule_compiled_on_first_use_reports_and_builds_only_the_form_its_texts_need(cached_rule: Path) -> None:
    rules = RuleSet(tuple(load_rule_file(cached_rule)))
    text = "Prices rose.\n\nSubscribe to the Daily Bugle!\n\nThe Weekly Bugle said so.\n"
    result = lint_text(text, "a.txt", rules=rules)
    assert [(f.rule, f.line, f.snippet) for f in result.findings] == [
        ("ad-text/house-ad", 3, "Subscribe to the Daily Bugle")
    ]
    built = regexcache._state["built"]
    flags = rx.V0 | rx.IGNORECASE | rx.MULTILINE
    assert (SOURCE, flags & ~rx.MULTILINE) in built  # its paragraphs are one line each
    assert (SOURCE, flags) not in built  # the multi-line form was not needed
    assert ("unsubscribe", flags) not in built  # nor the unless of a text that matched


def test_the_warm_up_before_a_fork_builds_every_form(cached_rule: Path) -> None:
    rules = RuleSet(tuple(load_rule_file(cached_rule)))
    warm(rules, Options(), files=1)
    flags = rx.V0 | rx.IGNORECASE | rx.MULTILINE
    assert {(SOURCE, flags), (SOURCE, flags & ~rx.MULTILINE), ("unsubscribe", flags)} <= set(regexcache._state["built"])


def test_a_bad_regex_is_still_refused_at_load() -> None:
    with pytest.raises(ValueError, match="invalid regex"):
        pattern.compile({"regex": "(unclosed"}, "line")
    lazy = pattern.compile_checked({"regex": "(unclosed"}, "line")  # (only for checked rules)
    with pytest.raises(regex.error):
        _ = lazy.pattern


def test_a_compiled_rules_forms_are_its_regexes_own() -> None:
    compiled = pattern.compile({"regex": r"^Read more\b", "unless": "x", "requires": ["Read"]}, "line")
    assert compiled.pattern is regexcache.compile(r"^Read more\b", rx.V0 | rx.MULTILINE)
    assert compiled.line_pattern is regexcache.compile(r"^Read more\b", rx.V0)
    assert compiled.requires == ("read",) and compiled.unless is not None
    assert compiled.line_unless is regexcache.compile("x", rx.V0)
    block = pattern.compile({"regex": r"^Read more\b"}, "block")
    assert block.line_pattern is block.pattern  # not compiled with MULTILINE: itself


SOURCES = [
    r"^Read more$",
    r"(?m)^Read more$",
    r"(?w)^Read more$",
    r"(?iw)^a\b",
    r"(?V1w)^a$",
    r"(?V1m)^a$",
    r"(?i)^x",
    r"(?w:^a)",
    r"[[a-z]--[aeiou]]",
]


@pytest.mark.parametrize("flags", [0, rx.MULTILINE, rx.MULTILINE | rx.IGNORECASE, rx.MULTILINE | rx.WORD])
@pytest.mark.parametrize("source", SOURCES)
def test_the_one_line_form_is_the_one_line_form_of_the_compiled_regex(source: str, flags: int) -> None:
    compiled = regexcache.compile(source, flags)
    assert regexcache.one_line(source, flags) is regexcache.for_one_line(compiled, source, flags)


def test_the_one_line_form_of_every_shipped_regex_is_the_one_line_form_of_the_compiled_regex() -> None:
    checked = 0
    for rule in load_rules():
        for source, flags in _sources(rule.compiled):
            assert regexcache.one_line(source, flags) is regexcache.for_one_line(
                regexcache.compile(source, flags), source, flags
            ), rule.id
            checked += 1
    assert checked > 50


def _sources(compiled: object) -> list[tuple[str, int]]:
    if isinstance(compiled, pattern.Compiled):
        return [(s, compiled.flags) for s in (compiled.source, compiled.unless_source) if s is not None]
    return []


BYLINE = """\
pack: mine
rules:
  - id: metadata/my-byline
    check: required
    severity: warning
    message: "No byline"
    with:
      field: byline
      patterns: ['^By [A-Z]\\w+', '^Reporter: \\w+']
    examples:
      flag: ["Prices rose."]
      pass: ["By Ana\\n\\nPrices rose."]
"""


def test_a_required_rule_builds_no_pattern_for_a_document_whose_metadata_has_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "byline.yaml"
    path.write_text(BYLINE, encoding="utf-8")
    load_rule_file(path)
    monkeypatch.setattr(regexcache, "_state", {"dirty": True})
    rules = RuleSet(tuple(load_rule_file(path)))
    has_it = lint_text("---\nauthor: Ana\n---\n\nPrices rose.\n", "a.md", rules=rules)
    assert has_it.findings == () and not built_sources() & {r"^By [A-Z]\w+", r"^Reporter: \w+"}
    lacks_it = lint_text("Prices rose.\n\nBy the river.\n", "a.txt", rules=rules)
    assert [f.rule for f in lacks_it.findings] == ["metadata/my-byline"]
    assert (r"^By [A-Z]\w+", 0) in regexcache._state["built"]  # one-line paragraphs: one-line forms
    assert (r"^By [A-Z]\w+", rx.MULTILINE) not in regexcache._state["built"]
    found = lint_text("Prices rose.\n\nBy Ana\nReporter: Budi\n", "a.txt", rules=rules)
    assert found.findings == () and (r"^By [A-Z]\w+", rx.MULTILINE) in regexcache._state["built"]
