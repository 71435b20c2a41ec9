"""truncation/unfinished-sentence: a fragment after a full sentence beside paragraphs that
other rules read (a cut-off copy, a sentence split over two paragraphs) is still a cut."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

LEAD = "The council approved the city budget on Tuesday after a long debate about housing."
MIDDLE = "The mayor said the plan would be reviewed next year, and that the bridge would open in May."
CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session."


def rules_at(text: str, language: str = "en") -> list[tuple[str, int]]:
    options = Options(select=("truncation/", "duplicate/"), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_fragment_beside_a_cut_off_copy_is_still_weak_evidence() -> None:
    original = (
        "The minister met the unions on Monday morning. They agreed to meet again after the summer "
        "break to discuss the pay offer."
    )
    copy = "The minister met the unions on Monday morning. They agreed to meet again"
    cut = "Officials said the talks were useful. The unions said that the offer was rejected by most members"
    text = f"{LEAD}\n\n{original}\n\n{MIDDLE}\n\n{cut}\n\n{CLOSE}\n\n{copy}"
    assert rules_at(text) == [("truncation/unfinished-sentence", 7), ("duplicate/paragraph", 11)]


def test_a_fragment_beside_a_sentence_split_over_two_paragraphs_is_still_weak_evidence() -> None:
    split = "The minister met the unions on Monday morning. They agreed to meet again after"
    rest = "the summer break to discuss the pay offer, a spokesman said."
    cut = "Officials said the talks were useful. The unions said that the offer was rejected by most members"
    text = f"{LEAD}\n\n{split}\n\n{rest}\n\n{MIDDLE}\n\n{cut}\n\n{CLOSE}"
    found = rules_at(text)
    assert ("truncation/unfinished-sentence", 9) in found
    assert all(rule != "truncation/unfinished-sentence" or line == 9 for rule, line in found)


def test_two_fragments_of_the_article_own_style_are_still_left_alone() -> None:
    first = "Officials said the talks were useful. The unions said that the offer was rejected by most members"
    second = "The mayor spoke after the vote. Members of the council leave the chamber after the session"
    text = f"{LEAD}\n\n{first}\n\n{MIDDLE}\n\n{second}\n\n{CLOSE}"
    assert rules_at(text) == []
