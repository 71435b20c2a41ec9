"""truncation/unfinished-sentence: a paragraph stopping on the first word of a name that the
article writes longer everywhere else ("... the final of the Copa" / "Copa Libertadores")."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

LEAD = "River Plate reached the final of the Copa Libertadores on Wednesday after a draw in Porto Alegre."
MIDDLE = "The Copa Libertadores final will be played in Montevideo, the organisers said on Thursday."
CLOSE = "Tickets go on sale next week, and the club expects a crowd of about sixty thousand."
CUT = "The decision on the venue came a week after the semi-final of the Copa"
# A caption without its full stop: the cut is not the article's only unfinished sentence.
CAPTION = "Players of River Plate celebrate after the match in Porto Alegre on Wednesday evening"


def rules_at(text: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language="en")
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_paragraph_stopping_on_a_name_the_article_writes_longer_is_weak_evidence() -> None:
    findings = lint_text(
        f"{LEAD}\n\n{CAPTION}\n\n{MIDDLE}\n\n{CUT}\n\n{CLOSE}",
        path="draft.md",
        options=Options(select=("truncation/",), language="en"),
    ).findings
    assert [(f.rule, f.line) for f in findings] == [("truncation/unfinished-sentence", 7)]
    assert "'Copa Libertadores'" in findings[0].message


def test_a_name_the_article_also_uses_alone_is_no_evidence() -> None:
    alone = "Boca Juniors won the Copa. The trophy is the club's seventh, a record in the competition."
    assert rules_at(f"{LEAD}\n\n{CAPTION}\n\n{MIDDLE}\n\n{alone}\n\n{CUT}\n\n{CLOSE}") == []


def test_a_name_the_article_continues_in_different_ways_is_no_evidence() -> None:
    other = "The Copa Sudamericana final, a week earlier, will be played in Córdoba, the organisers said."
    assert rules_at(f"{LEAD}\n\n{CAPTION}\n\n{MIDDLE}\n\n{other}\n\n{CUT}\n\n{CLOSE}") == []


def test_a_heading_in_title_case_is_no_evidence() -> None:
    heading = "Where River Plate Will Play The Final Of The Copa"
    found = rules_at(f"{LEAD}\n\n{CAPTION}\n\n{MIDDLE}\n\n{heading}\n\n{CLOSE}")
    assert all(line != 7 for _, line in found)
