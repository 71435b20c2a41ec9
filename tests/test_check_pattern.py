"""pattern: a regular expression over lines, blocks, the title or embeds, with a time limit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslint.engine import Options, lint_document
from newslint.errors import RuleError
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule


def rule(scope: str = "line", **params: Any) -> Rule:
    return build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "test/pattern",
            "check": "pattern",
            "severity": "error",
            "message": "{match}",
            "scope": scope,
            "with": params,
        },
    )


def found(check: Rule, text: str, path: str = "draft.md") -> list[tuple[int, int, str]]:
    doc = read_string(text, path)[0]
    result = lint_document(doc, RuleSet((check,)), Options(language="xx"))
    return [(f.line, f.column, f.message) for f in result.findings]


@pytest.mark.parametrize(
    "scope, params, text, expected",
    [
        ("line", {"regex": r"^IFRAME SYNC$"}, "Intro.\n\nIFRAME SYNC\nmgid.com, 1, DIRECT", [(3, 1, "IFRAME SYNC")]),
        ("line", {"regex": r"advertisement", "ignorecase": True}, "ADVERTISEMENT", [(1, 1, "ADVERTISEMENT")]),
        ("line", {"regex": r"advertisement"}, "ADVERTISEMENT", []),
        # `unless` spares a line that also matches it
        (
            "line",
            {"regex": r"\bpromo\b", "unless": r"press release"},
            "A promo code.\n\nA promo in a press release.",
            [(1, 3, "promo")],
        ),
        # block scope sees across the lines of a paragraph
        ("block", {"regex": r"SCROLL TO\nCONTINUE"}, "SCROLL TO\nCONTINUE", [(1, 1, "SCROLL TO\nCONTINUE")]),
        ("line", {"regex": r"SCROLL TO\nCONTINUE"}, "SCROLL TO\nCONTINUE", []),
        # `requires` skips blocks without any of its strings (case ignored) before the regex runs
        (
            "line",
            {"regex": r"\w+\.com, \d+, DIRECT", "requires": ["direct"]},
            "Intro.\n\nmgid.com, 7, DIRECT",
            [(3, 1, "mgid.com, 7, DIRECT")],
        ),
        ("line", {"regex": r"\w+\.com, \d+", "requires": ["reseller"]}, "mgid.com, 7, DIRECT", []),
        # `body_only` leaves the title and headings alone
        (
            "line",
            {"regex": r"^VIDEO:", "body_only": True},
            "# VIDEO: Floods hit the city\n\nVIDEO: more here",
            [(3, 1, "VIDEO:")],
        ),
        (
            "line",
            {"regex": r"^VIDEO:"},
            "# VIDEO: Floods hit the city\n\nVIDEO: more here",
            [(1, 3, "VIDEO:"), (3, 1, "VIDEO:")],
        ),
    ],
)
def test_scopes_and_options(
    scope: str, params: dict[str, Any], text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(rule(scope, **params), text) == expected


def test_title_scope_reads_the_front_matter_title() -> None:
    text = '---\ntitle: "Breaking: [DRAFT] budget passes"\n---\n\nThe council approved it.'
    assert found(rule("title", regex=r"\[DRAFT\]"), text) == [(1, 1, "[DRAFT]")]


def test_embed_scope_reads_scripts_in_the_body() -> None:
    text = "Intro.\n\n<script>googletag.cmd.push(function(){});</script>\n\nMore."
    assert found(rule("embed", regex=r"googletag\.cmd"), text) == [(3, 1, "googletag.cmd")]


def test_a_catastrophic_regex_stops_with_a_finding_not_a_hang() -> None:
    check = rule("block", regex=r"^(a|aa)+$", timeout=0.05)
    doc = read_string("a" * 40 + "b", "draft.md")[0]
    result = lint_document(doc, RuleSet((check,)), Options(language="xx"))
    assert [f.rule for f in result.findings] == ["newslint/rule-timeout"]


def test_a_broken_regex_is_a_rule_error() -> None:
    with pytest.raises(RuleError, match="bad parameter: invalid regex"):
        rule(regex=r"(unclosed")


@pytest.mark.parametrize(
    "regex_source, line_by_line",
    [
        (r"^Advertisement$", False),
        (r"\bpromo\b", False),
        (r"(?<=\. )ADVERTISEMENT", True),  # looks behind the match
        (r"\Apromo", True),  # string boundary
        (r"(?>\w+)!", True),  # atomic group
        (r"\w++!", True),  # possessive quantifier
    ],
)
def test_which_line_rules_may_search_all_the_prose_first(regex_source: str, line_by_line: bool) -> None:
    assert rule(regex=regex_source).compiled.block_first is not line_by_line


@pytest.mark.parametrize(
    "regex_source, text, expected",
    [
        # the prose search must not miss a line's match: a match at a line start, a line end
        # and in a later paragraph are all found
        (r"^Top$", "Story text here.\n\nTop\n\nMore text.", [(3, 1, "Top")]),
        (r"\bpromo$", "First line\nwith a promo\n\nAnother promo", [(2, 8, "promo"), (4, 9, "promo")]),
        # ... and a match that only the joined prose has (across paragraphs) is not reported
        (r"end\s+Start", "It is the end\n\nStart again.", []),
        # an atomic group that would swallow the newline in the whole text (and then fail)
        # is searched line by line, where it matches
        (r"(?>[^.]+)$", "Plain.\n\nLoud line\nmore.", [(3, 1, "Loud line")]),
    ],
)
def test_prose_first_search_keeps_line_results(
    regex_source: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(rule(regex=regex_source), text) == expected
