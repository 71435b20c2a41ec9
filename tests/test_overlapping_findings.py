"""One text, one finding per category: two rules of a category that meet on the same text
are shown once, by the finding that is as severe, as fixable and at least as wide."""

from __future__ import annotations

from newslint import lint_article
from newslint.finding import Finding, Fix, without_repeats


def finding(rule: str, line: int, column: int, end_line: int, end_column: int, **kw: object) -> Finding:
    fields: dict[str, object] = {"category": "markup", "severity": "error", "message": "m", "path": "p", "snippet": ""}
    fields.update(kw)
    return Finding(rule=rule, line=line, column=column, end_line=end_line, end_column=end_column, **fields)  # type: ignore[arg-type]


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in without_repeats(findings)]


def test_a_read_also_line_is_reported_once_not_as_both_read_also_and_widget() -> None:
    body = "\n\n".join(
        [
            "The council approved the budget on Thursday after a debate that ran for six hours.",
            "Related: Rich are paying more in taxes but not as much as they used to",
            "Spending on schools rises by four percent, the finance committee said on Friday.",
        ]
    )
    result = lint_article(
        body=body, body_format="markdown", language="en", byline="A. Writer", published_at="2025-01-02"
    )
    on_line = [f.rule for f in result.findings if f.line == 3 and f.category == "markup"]
    assert len(on_line) == 1, on_line


def test_the_same_span_keeps_the_first_rule_by_id() -> None:
    assert rules_of([finding("markup/widget-line", 3, 1, 3, 40), finding("markup/inline-read-also", 3, 1, 3, 40)]) == [
        "markup/inline-read-also"
    ]


def test_a_wider_finding_stands_for_the_narrow_one_it_covers() -> None:
    wide = finding("markup/html-tag", 1, 1, 3, 6)
    lines = [finding("markup/recurring-line", n, 1, n, 6) for n in (1, 2, 3)]
    assert rules_of([wide, *lines]) == ["markup/html-tag"]


def test_a_less_severe_or_unfixable_finding_never_stands_for_another() -> None:
    warning = finding("markup/a", 2, 1, 2, 30, severity="warning")
    error = finding("markup/b", 2, 5, 2, 10)
    assert rules_of([warning, error]) == ["markup/a", "markup/b"]  # the exit code must not change
    unfixable = finding("markup/a", 2, 1, 2, 30)
    fixable = finding("markup/b", 2, 5, 2, 10, fix=Fix(10, 15))
    assert rules_of([unfixable, fixable]) == ["markup/a", "markup/b"]  # --fix must not lose a fix


def test_other_categories_points_and_partial_overlaps_all_stay() -> None:
    kept = [
        finding("markup/a", 2, 1, 2, 30),
        finding("duplicate/b", 2, 1, 2, 30, category="duplicate"),
        finding("markup/c", 2, 20, 3, 5),  # overlaps, not covered
        finding("metadata/missing-byline", 1, 1, 1, 1, category="metadata"),
        finding("metadata/missing-date", 1, 1, 1, 1, category="metadata"),
    ]
    assert rules_of(kept) == [f.rule for f in kept]
