"""Inline suppression comments in Markdown and HTML drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import lint_text
from newslint.cli import main
from newslint.engine import Options

HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
P1 = "The city council approved the new budget on Thursday after a long debate."
P2 = "Council members said the plan would fund schools and roads next year."
P3 = "The mayor is expected to sign it into law next week."
ADS_TXT = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"


def found(text: str, path: str = "draft.md", **options) -> list[tuple[int, str]]:
    result = lint_text(text, path=path, options=Options(language="en", **options))
    return [(f.line, f.rule) for f in result.findings]


def md(*parts: str) -> str:
    return HEAD + "\n\n".join(parts) + "\n"


def test_without_directives_the_junk_is_reported() -> None:
    assert found(md(P1, "Advertisement", P2, "Advertisement", P3)) == [
        (10, "ad-text/ad-label"),
        (14, "ad-text/ad-label"),
    ]


def test_disable_until_enable() -> None:
    text = md(
        P1,
        "<!-- newslint: disable=ad-text/ad-label -->",
        "Advertisement",
        "<!-- newslint: enable -->",
        "Advertisement",
        P3,
    )
    assert found(text) == [(16, "ad-text/ad-label")]


def test_a_category_prefix_matches_like_select() -> None:
    text = md(P1, "<!-- newslint: disable=ad-text -->", "Advertisement", ADS_TXT, "<!-- newslint: enable -->", P3)
    assert found(text) == []


def test_several_rules_in_one_directive() -> None:
    text = md(P1, "<!-- newslint: disable=ad-text/ads-txt-record, ad-text/ad-label -->", "Advertisement", ADS_TXT, P3)
    assert found(text) == []


def test_disable_of_other_rules_leaves_a_finding_alone() -> None:
    text = md(P1, "<!-- newslint: disable=ad-text/ads-txt-record -->", "Advertisement", ADS_TXT, P3)
    assert found(text) == [(12, "ad-text/ad-label")]


def test_disable_next_block_covers_only_the_next_block() -> None:
    text = md(P1, "<!-- newslint: disable-next-block=ad-text/ad-label -->\nAdvertisement", "Advertisement", P3)
    assert found(text) == [(13, "ad-text/ad-label")]


def test_disable_with_no_rules_silences_everything_in_its_region() -> None:
    text = md(P1, "<!-- newslint: disable -->", "Advertisement", ADS_TXT, "<!-- newslint: enable -->", "Advertisement")
    assert found(text) == [(18, "ad-text/ad-label")]


def test_an_open_disable_before_the_first_paragraph_covers_the_whole_file() -> None:
    directive = "<!-- newslint: disable=metadata -->"
    text = directive + "\n\n" + P1 + "\n"
    assert found(text.replace(directive, "")) == [(1, "metadata/missing-byline"), (1, "metadata/missing-date")]
    assert found(text) == []


def test_a_later_open_disable_does_not_reach_back() -> None:
    text = md(P1, "Advertisement", "<!-- newslint: disable=ad-text -->", P2)
    assert found(text) == [(10, "ad-text/ad-label"), (12, "suppression/unused")]


def test_unused_directive_is_an_info_finding() -> None:
    result = lint_text(
        md(P1, "<!-- newslint: disable-next-block=markup -->", P2), path="draft.md", options=Options(language="en")
    )
    [finding] = result.findings
    assert (finding.rule, finding.severity, finding.line, finding.column) == ("suppression/unused", "info", 10, 1)
    assert "silences nothing" in finding.message


def test_unused_is_not_claimed_for_a_rule_that_did_not_run() -> None:
    text = md(P1, "<!-- newslint: disable-next-block=ad-text -->", P2)
    assert found(text, select=("markup",)) == []
    assert found(text, ignore=("ad-text",)) == []


def test_unused_and_invalid_can_be_ignored_like_any_rule() -> None:
    text = md(P1, "<!-- newslint: disable-next-block=markup -->", P2, "<!-- newslint: bogus -->")
    assert found(text, ignore=("suppression",)) == []


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("newslint: disable=ad-text/no-such-rule", "unknown rule id or category ad-text/no-such-rule"),
        ("newslint: disable=nonsense", "unknown rule id or category nonsense"),
        ("newslint: disable=ad-text/ad-label ad-text/ads-txt-record", "malformed rule list"),
        ("newslint: disable=", "malformed rule list"),
        ("newslint: disable=ad-text,,markup", "malformed rule list"),
        ("newslint: disabled=ad-text", "is not a directive"),
        ("newslint: enable=ad-text", "enable takes no rule list"),
    ],
)
def test_invalid_directive_is_a_warning_and_is_ignored(directive: str, problem: str) -> None:
    text = md(P1, f"<!-- {directive} -->", "Advertisement", P3)
    result = lint_text(text, path="draft.md", options=Options(language="en"))
    invalid = [f for f in result.findings if f.rule == "suppression/invalid"]
    assert len(invalid) == 1
    assert invalid[0].severity == "warning"
    assert problem in invalid[0].message
    assert invalid[0].line == 10
    # the finding it meant to hide still shows
    assert (12, "ad-text/ad-label") in [(f.line, f.rule) for f in result.findings]


def test_ordinary_comments_are_not_directives() -> None:
    text = md(P1, "<!-- editor: check the quote with the mayor -->", "<!-- newslint rocks -->", P3)
    assert found(text) == []


def test_spacing_and_case_of_the_marker_are_forgiving() -> None:
    text = md(P1, "<!--NewsLint:disable = ad-text/ad-label-->", "Advertisement", P3)
    assert found(text) == []


def test_input_notices_can_be_named_without_a_rule_file(runner, tmp_path: Path) -> None:
    draft = tmp_path / "latin1.md"
    body = md(P1, "Caf\u00e9 owners welcomed the plan.").encode("cp1252")
    draft.write_bytes(body)
    args = ["check", "--format", "json", "--language", "en", str(draft)]
    report = json.loads(runner.invoke(main, args).stdout)
    rules = [f["rule"] for f in report["files"][0]["findings"]]
    assert rules == ["input/encoding"]
    directive = HEAD + "<!-- newslint: disable=input/encoding -->\n\n"
    draft.write_bytes(body.replace(HEAD.encode(), directive.encode()))
    assert json.loads(runner.invoke(main, args).stdout)["files"][0]["findings"] == []


# ---- HTML -----------------------------------------------------------------------------------

HTML = """<html lang="en"><head><title>Council approves budget</title>
<meta name="author" content="Jane Doe"><meta name="date" content="2024-09-12"></head>
<body>
<p>{p1}</p>
{c1}
<p>Advertisement</p>
{c2}
<script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-1'); }});</script>
<p>{p3}</p>
</body></html>
"""


def html(c1: str = "", c2: str = "") -> str:
    return HTML.format(p1=P1, p3=P3, c1=c1, c2=c2)


def test_html_draft_findings_without_directives() -> None:
    assert found(html(), "page.html") == [(6, "ad-text/ad-label"), (8, "markup/embedded-code")]


def test_html_disable_next_block_reaches_an_embed() -> None:
    text = html(
        c1="<!-- newslint: disable-next-block=ad-text/ad-label -->",
        c2="<!-- newslint: disable-next-block=markup/embedded-code -->",
    )
    assert found(text, "page.html") == []


def test_html_disable_region() -> None:
    text = html(c1="<!-- newslint: disable -->", c2="<!-- newslint: enable -->")
    assert found(text, "page.html") == [(8, "markup/embedded-code")]


# ---- through the CLI --------------------------------------------------------------------------


def test_cli_reports_suppression_findings_and_suppressed_ones_do_not_fail(runner, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        md(
            P1,
            "<!-- newslint: disable=ad-text -->",
            "Advertisement",
            ADS_TXT,
            "<!-- newslint: disable-next-block=markup/html-tag -->",
            P3,
        ),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", "--format", "json", "--language", "en", str(draft)])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["severity"], f["line"]) for f in findings] == [("suppression/unused", "info", 16)]
    assert result.exit_code == 0
    assert runner.invoke(main, ["check", "--fail-on", "info", str(draft)]).exit_code == 1


def test_suppressed_fixable_findings_are_not_fixed(runner, tmp_path: Path) -> None:
    directive = "<!-- newslint: disable-next-block=ad-text -->\nAdvertisement"
    text = md(P1, directive, "Advertisement", P3)
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check", "--fix", "--language", "en", str(draft)])
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == md(
        P1, "<!-- newslint: disable-next-block=ad-text -->\nAdvertisement", P3
    )
