"""Rule files: loading, validation errors users can act on, and the shipped packs' data."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.errors import RuleError
from newslint.rules import load_rule_file, load_rules, rule_files, shipped_pack_dirs
from newslint.ruletest import missing_examples, run_rule_examples

CANONICAL_IDS = [
    "duplicate/paragraph",
    "truncation/paragraph-end",
    "truncation/split-sentence",
    "markup/html-tag",
    "markup/html-entity",
    "markup/widget-line",
    "ad-text/ads-txt-record",
    "ad-text/ad-tag-code",
    "ad-text/ad-label",
    "metadata/missing-byline",
    "metadata/missing-date",
    "metadata/weekday-mismatch",
    "language/unexpected",
    "language/mixed-paragraph",
]

GOOD_RULE = """\
pack: mine
rules:
  - id: ad-text/house-ad
    check: phrases
    severity: warning
    message: "House ad: {match}"
    with:
      phrases: ["Subscribe to the Daily Bugle"]
    examples:
      flag: ["Subscribe to the Daily Bugle"]
      pass: ["The Daily Bugle reported it first."]
"""


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_packs_hold_every_canonical_id() -> None:
    ids = {rule.id for rule in load_rules(validate_shipped=True)}
    assert set(CANONICAL_IDS) <= ids


@pytest.mark.parametrize("pack", [name for name, _ in shipped_pack_dirs()])
def test_shipped_pack_files_are_valid(pack: str) -> None:
    for _, directory in shipped_pack_dirs([pack]):
        for path in rule_files(directory):
            rules = load_rule_file(path, validate=True)
            assert rules, f"{path} holds no rules"
            assert all(rule.pack == pack for rule in rules)


SHIPPED = load_rules(validate_shipped=True)


def test_every_shipped_rule_has_examples() -> None:
    assert missing_examples(SHIPPED) == []


@pytest.mark.parametrize("rule", SHIPPED.rules, ids=[f"{r.pack}:{r.id}" for r in SHIPPED])
def test_shipped_rule_examples_hold(rule) -> None:
    """One case per rule: a failing example names its rule and pack."""
    failures = [f.describe() for f in run_rule_examples(rule, SHIPPED)]
    assert failures == []


def test_user_rules_load_and_run(tmp_path: Path, runner) -> None:
    rules = write(tmp_path, GOOD_RULE)
    draft = tmp_path / "draft.txt"
    draft.write_text("Headline\n\nThe mayor spoke.\n\nSubscribe to the Daily Bugle\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--rules", str(rules), "--select", "ad-text/house-ad", str(draft)])
    assert result.exit_code == 0  # a warning does not fail the default --fail-on error
    assert f"{draft}:5:1: warning ad-text/house-ad House ad: Subscribe to the Daily Bugle" in result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('pack: x\nrules:\n  - id: a/b\n    message: "unclosed\n', ["YAML syntax error"]),
        (GOOD_RULE.replace("check: phrases", "check: phrasez"), ["rules.yaml:3", "ad-text/house-ad", "phrasez"]),
        (
            GOOD_RULE.replace("severity: warning", "severity: fatal"),
            ["rules.yaml:3", "'fatal'", "error, warning, info"],
        ),
        (
            GOOD_RULE.replace("phrases: [", "phrasess: ["),
            ["rules.yaml:8", "phrasess", "remove it or check its spelling"],
        ),
        (GOOD_RULE.replace("id: ad-text/house-ad", "id: House Ad"), ["rules.yaml:3", "does not match"]),
        (
            GOOD_RULE.replace("check: phrases", "check: pattern").replace(
                'phrases: ["Subscribe to the Daily Bugle"]', "regex: '(unclosed'"
            ),
            ["rules.yaml:3", "invalid regex"],
        ),
        (GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1], ["duplicate rule id ad-text/house-ad"]),
    ],
    ids=["yaml-syntax", "unknown-kind", "bad-severity", "unknown-parameter", "bad-id", "bad-regex", "duplicate-id"],
)
def test_bad_rule_files_exit_2_with_a_clear_message(tmp_path: Path, runner, text: str, expected: list[str]) -> None:
    rules = write(tmp_path, text)
    draft = write(tmp_path, "Hello.\n", "draft.txt")
    result = runner.invoke(main, ["check", "--rules", str(rules), str(draft)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for piece in expected:
        assert piece in result.output


def test_rule_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE.replace("check: phrases", "check: nope"))
    with pytest.raises(RuleError, match=r"rules\.yaml:3: .*unknown check kind 'nope'|rules\.yaml:3:.*nope"):
        load_rule_file(path)


def test_catastrophic_regex_becomes_a_finding_not_a_hang(tmp_path: Path, runner) -> None:
    rules = write(
        tmp_path,
        """\
        pack: slow
        rules:
          - id: markup/slow
            check: pattern
            severity: warning
            message: "slow {match}"
            scope: block
            with:
              regex: '(a|aa)+$'
              timeout: 0.2
            examples: {flag: ["aaaa"], pass: ["b"]}
        """,
    )
    draft = write(tmp_path, "a" * 60 + "!\n", "draft.txt")
    result = runner.invoke(
        main, ["check", "--rules", str(rules), "--select", "markup/slow", "--format", "json", str(draft)]
    )
    assert result.exit_code == 1
    assert "newslint/rule-timeout" in result.output
    assert "markup/slow" in result.output


def test_test_rules_command_reports_failing_examples(tmp_path: Path, runner) -> None:
    bad = write(
        tmp_path,
        GOOD_RULE.replace('pass: ["The Daily Bugle reported it first."]', 'pass: ["Subscribe to the Daily Bugle"]'),
    )
    result = runner.invoke(main, ["test-rules", str(bad)])
    assert result.exit_code == 1
    assert "example wrongly flagged" in result.output
    good = write(tmp_path, GOOD_RULE, "good.yaml")
    assert runner.invoke(main, ["test-rules", str(good)]).exit_code == 0


def test_rules_command_lists_ids_severity_and_languages(runner) -> None:
    result = runner.invoke(main, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("ad-text/ads-txt-record") and "error" in line and "any" in line for line in lines)
    assert any(line.startswith("metadata/weekday-mismatch") and " id " in f" {line} " for line in lines)


SLOW_RULE = """\
pack: slow
rules:
  - id: markup/slow
    check: pattern
    severity: warning
    message: "slow {match}"
    scope: block
    with:
      regex: '^(a|aa)+$'
      timeout: 0.05
    examples: {flag: ["aa"], pass: ["%s!"]}
""" % ("a" * 40)


def test_test_rules_fails_a_rule_whose_example_times_out(tmp_path: Path, runner) -> None:
    path = write(tmp_path, SLOW_RULE)
    [rule] = load_rule_file(path)
    failures = list(run_rule_examples(rule, load_rules(packs=())))
    assert [f.kind for f in failures] == ["timeout"]
    assert "markup/slow: example timed out" in failures[0].describe()
    result = runner.invoke(main, ["test-rules", str(path)])
    assert result.exit_code == 1
    assert "example timed out" in result.output


def test_an_id_defined_twice_in_one_pack_is_refused_whatever_its_languages(tmp_path: Path) -> None:
    twice = GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1]
    twice = twice.replace("check: phrases", "languages: [en]\n    check: phrases", 1)
    twice = twice.replace("    check: phrases\n    severity", "    languages: [de]\n    check: phrases\n    severity")
    path = write(tmp_path, twice)
    with pytest.raises(RuleError, match=r"rules\.yaml:\d+: duplicate rule id ad-text/house-ad"):
        load_rule_file(path)


def test_an_id_in_two_user_files_of_one_pack_is_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE, "a.yaml")
    write(tmp_path, GOOD_RULE.replace('"House ad', '"Ad'), "b.yaml")
    with pytest.raises(RuleError, match=r"b\.yaml:3: duplicate rule id ad-text/house-ad .*a\.yaml:3"):
        load_rules((tmp_path,), packs=())
