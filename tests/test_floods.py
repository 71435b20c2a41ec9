"""Degenerate drafts (a line, tag or finding repeated a million times) get a bounded answer.

Each of these once took minutes and gigabytes: "Top" on 1.2 million lines (2.4 million
findings), 700,000 one-word paragraphs, 1.2 million ``<p>`` tags, 900,000 ``&amp;``.
"""

from __future__ import annotations

import json
from pathlib import Path

from newslint.api import lint_article
from newslint.cli import main
from newslint.engine import MAX_FINDINGS_PER_RULE
from newslint.readers import html as html_reader
from newslint.readers import read_bytes
from newslint.readers import source as input_policy


def test_a_rule_lists_at_most_its_limit_and_sums_up_the_rest(runner, tmp_path: Path) -> None:
    draft = tmp_path / "flood.txt"
    draft.write_text("Top\n" * (MAX_FINDINGS_PER_RULE + 50), encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(draft)])
    assert result.exit_code == 1  # the verdict is the same: the file fails
    findings = json.loads(result.stdout)["files"][0]["findings"]
    widget = [f for f in findings if f["rule"] == "markup/widget-line"]
    assert len(widget) == MAX_FINDINGS_PER_RULE + 1
    summary = [f for f in widget if "not listed one by one" in f["message"]]
    assert len(summary) == 1
    assert summary[0]["message"].startswith("50 more findings of this rule")
    assert summary[0]["line"] == MAX_FINDINGS_PER_RULE + 1
    assert summary[0]["severity"] == "error"


def test_under_the_limit_every_finding_is_listed(runner, tmp_path: Path) -> None:
    draft = tmp_path / "some.txt"
    draft.write_text("Top\n" * 30, encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(draft)])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert len([f for f in findings if f["rule"] == "markup/widget-line"]) == 30
    assert not any("not listed" in f["message"] for f in findings)


def test_html_with_more_markup_than_any_article_is_refused_unparsed() -> None:
    limit = html_reader.MAX_MARKUP
    flood = "<p>Text</p>" + "<br>" * limit
    problem = html_reader.markup_problem(flood)
    assert problem is not None and (problem.rule, problem.severity) == ("input/too-large", "error")
    assert f"{limit + 2:,} tags" in problem.message
    doc = html_reader.read(flood, "a.html")
    assert doc.blocks == () and [n.rule for n in doc.notices] == ["input/too-large"]
    refs = "<p>" + "&amp;" * limit + "</p>"
    assert html_reader.markup_problem(refs) is not None
    assert html_reader.markup_problem("<p>" + "&amp;" * 1000 + "</p>") is None


def test_a_draft_of_more_lines_than_any_article_is_refused() -> None:
    ok = input_policy.screen("Top\n" * input_policy.MAX_LINES)
    assert ok.text is not None and ok.notices == ()
    over = input_policy.screen("Top\n" * (input_policy.MAX_LINES + 1))
    assert over.text is None
    assert [(n.rule, n.severity) for n in over.notices] == [("input/too-large", "error")]
    assert "200,001 lines" in over.notices[0].message


def test_the_long_plain_text_path_refuses_the_same_flood() -> None:
    # A plain .txt draft this long is read piecewise, without the usual screen: it must
    # refuse what the screen refuses, not lint a million lines.
    data = b"Top\n\n" * (input_policy.MAX_LINES // 2 + 1)
    [doc] = read_bytes(data, "flood.txt")
    assert [n.rule for n in doc.notices] == ["input/too-large"] and doc.blocks == ()


def test_the_publish_check_refuses_a_flood_body() -> None:
    result = lint_article(body="Top\n" * (input_policy.MAX_LINES + 1), body_format="text", language="en")
    assert not result.publishable
    assert [f.rule for f in result.findings] == ["input/too-large"]
