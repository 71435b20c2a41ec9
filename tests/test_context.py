"""context: short lines of the page's chrome in the site's own words, told by where they sit
among what the other rules found (between two findings; between one and the page's edge),
and the article's own lines (bylines, datelines, sign-offs, paragraphs) that sit there too."""

from __future__ import annotations

from functools import cache

import pytest

from newslint.checks import KINDS, context
from newslint.engine import Options, active_rules, lint_document
from newslint.readers import read_string
from newslint.rules import RuleSet, load_rules
from newslint.ruletest import run_rule_examples

PROSE_1 = "The council approved the budget on Tuesday after a debate that lasted for most of the afternoon session."
PROSE_2 = "The mayor said the new plan would fund three schools and a clinic in the northern district next year."
PROSE_3 = "Work on the first of the schools starts in March, and the clinic is to open its doors in the spring."
WIDGET = "Read more: Floods cut roads to the coast"  # markup/widget-line, an error
SHARE = "Share this:"  # markup/widget-line too
OURS = ("markup/between-chrome", "markup/edge-chrome")


@cache
def shipped() -> RuleSet:
    return load_rules()


def found(*paragraphs: str) -> list[tuple[int, str, str]]:
    """(line, rule, severity) of the context rules' findings on a draft of these paragraphs."""
    doc = read_string("\n\n".join(paragraphs) + "\n", "draft.md")[0]
    result = lint_document(doc, shipped(), Options(language="en"))
    return [(f.line, f.rule, f.severity) for f in result.findings if f.rule in OURS]


def test_a_short_line_between_two_widgets_is_chrome() -> None:
    hits = found(PROSE_1, PROSE_2, WIDGET, "Minister defends plan to close rural post offices", SHARE)
    assert hits == [(7, "markup/between-chrome", "warning")]


def test_the_finding_names_its_evidence() -> None:
    doc = read_string("\n\n".join([PROSE_1, PROSE_2, WIDGET, "World news", SHARE]), "draft.md")[0]
    result = lint_document(doc, shipped(), Options(language="en"))
    (message,) = [f.message for f in result.findings if f.rule == "markup/between-chrome"]
    assert "between two findings of the page's chrome (markup/widget-line, markup/widget-line)" in message
    assert message.endswith(": World news")


def test_two_to_four_lines_between_widgets_are_reported_and_five_are_not() -> None:
    four = ["World news", "Business", "Politics in the north", "Sport"]
    hits = found(PROSE_1, PROSE_2, WIDGET, *four, SHARE)
    assert [line for line, rule, _ in hits if rule == "markup/between-chrome"] == [7, 9, 11, 13]
    hits = found(PROSE_1, PROSE_2, WIDGET, *four, "Culture", SHARE)
    assert [line for line, rule, _ in hits if rule == "markup/between-chrome"] == []


def test_the_article_between_two_widgets_is_not_chrome() -> None:
    # a share bar under the lead and a read-also line further down: the article goes on between them
    assert found(PROSE_1, SHARE, PROSE_2, PROSE_3, WIDGET, PROSE_1) == []
    # a long line that is not a sentence is no short line of chrome either
    long_line = " ".join(["word"] * 14)
    assert found(PROSE_1, PROSE_2, WIDGET, long_line, SHARE) == []


@pytest.mark.parametrize(
    "line",
    [
        "By Anna Roe",
        "Reporting by Anna Roe",
        "(ara/eds)",
        "Tuesday, 12 March 2024",
        "AP",
        "JIM WATSON/AFP/Getty Images",
    ],
)
def test_a_byline_dateline_credit_or_sign_off_between_widgets_is_the_articles(line: str) -> None:
    assert found(PROSE_1, PROSE_2, WIDGET, line, SHARE) == []


def test_lines_between_the_pages_start_and_a_widget_before_the_article() -> None:
    hits = found("Home", WIDGET, "World news", SHARE, PROSE_1, PROSE_2, PROSE_3)
    assert hits == [(1, "markup/edge-chrome", "info"), (5, "markup/between-chrome", "warning")]
    # one widget is not the page's chrome around the article, nor are more lines than its findings
    assert found("Home", "World news", WIDGET, PROSE_1, PROSE_2, PROSE_3) == []
    assert found("Home", "World", "News", WIDGET, SHARE, PROSE_1, PROSE_2) == []


def test_a_heading_starts_the_article() -> None:
    assert found("# Council backs budget", WIDGET, SHARE, PROSE_1, PROSE_2, PROSE_3) == []
    hits = found("Home", WIDGET, SHARE, "# Council backs budget", "Sport", PROSE_1, PROSE_2, PROSE_3)
    assert hits == [(1, "markup/edge-chrome", "info")]


def test_lines_between_a_widget_after_the_article_and_the_pages_end() -> None:
    hits = found(PROSE_1, PROSE_2, PROSE_3, SHARE, "Contact us", WIDGET, "About the paper")
    assert hits == [(9, "markup/between-chrome", "warning"), (13, "markup/edge-chrome", "info")]
    # the article's list after an ad's label is the article's: its entries are not chrome
    entries = ["Russia (Group I): 12th appearance", "Italy (Group J): 10th appearance"]
    assert found(PROSE_1, PROSE_2, PROSE_3, SHARE, WIDGET, *entries) == []


def test_a_sentence_at_the_edge_means_the_article_or_its_standfirst_is_there() -> None:
    assert found("Council backs the budget.", WIDGET, PROSE_1, PROSE_2, PROSE_3) == []
    assert found(PROSE_1, PROSE_2, PROSE_3, SHARE, "The vote was close.", "Contact us") == []


def test_the_headline_printed_again_starts_the_article_and_its_header_follows() -> None:
    title = "Council backs budget for schools"
    doc = read_string("\n\n".join([title, "Home", title, "Anna Roe", WIDGET, PROSE_1, PROSE_2]) + "\n", "draft.txt")[0]
    result = lint_document(doc, shipped(), Options(language="en"))
    assert any(f.rule == "duplicate/repeated-title" for f in result.findings)
    lines = {f.line for f in result.findings if f.rule in OURS}
    assert 7 not in lines  # "Anna Roe": the byline after the repeated headline


def test_no_anchor_no_finding_and_an_info_is_no_anchor() -> None:
    assert found(PROSE_1, PROSE_2, "World news", PROSE_3) == []
    lines = context.blocks.lines_of(read_string("a\n\nMenu\n\nb\n", "draft.md")[0])
    assert context.between(lines, ["x", None, "y"], 4, 12) == [(1, "between two findings of the page's chrome (x, y)")]
    assert context.between(lines, ["x", None, None], 4, 12) == []


def test_the_kind_runs_after_every_other_kind() -> None:
    assert getattr(KINDS["context"], "READS_FINDINGS", False)
    rules = active_rules(shipped().for_language("en"), "en", Options(language="en"))
    kinds = [r.check for r in rules]
    first = kinds.index("context")
    assert first > 0 and set(kinds[first:]) == {"context"}


def test_its_examples_are_tried_with_the_rules_whose_findings_it_reads() -> None:
    rule = next(r for r in shipped() if r.id == "markup/between-chrome")
    assert list(run_rule_examples(rule, shipped())) == []
    # alone, the rule has nothing to read: its flag example would not be flagged
    alone = RuleSet((rule,), shipped().lexicon)
    doc = read_string(rule.examples_flag[0], "draft.md")[0]
    assert all(f.rule != rule.id for f in lint_document(doc, alone, Options(language="en")).findings)
