"""Whether a paragraph follows a list's lead-in (a line ending on a colon, then paragraphs
without an end) is worked out in one pass over the document: walking back from each paragraph
made a page of thousands of unfinished lines ("Advertisement" printed per ad slot) quadratic,
about 2.3 million sentence-end tests for 1,500 lines."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.checks.truncation import lone
from newslint.engine import Options
from newslint.readers import read_string

LEAD = "The council met on Tuesday and passed the budget after a long debate."


def _end_tests(monkeypatch: pytest.MonkeyPatch, lines: int) -> int:
    calls = 0
    real = lone.ends_complete

    def counting(text: str) -> bool:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(lone, "ends_complete", counting)
    text = "\n\n".join([LEAD, *["Advertisement"] * lines]) + "\n"
    lint_text(text, path="page.txt", options=Options(select=("truncation",)))
    return calls


def test_lead_in_work_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _end_tests(monkeypatch, 300), _end_tests(monkeypatch, 1200)
    assert small > 0
    # four times the lines: about four times the tests (walking back was sixteen times)
    assert large <= 5 * small, (small, large)


def test_lead_ins_mark_the_paragraphs_after_a_colon_until_one_ends() -> None:
    (doc,) = read_string(
        f"{LEAD}\n\nThe reasons are simple:\n\nYou build your website\n\nSearch engines find it\n\n"
        "The council then voted.\n\nAnother line without an end\n",
        "a.txt",
    )
    texts = [b.text for b in doc.blocks]
    marks = dict(zip(texts, lone.lead_ins(doc), strict=True))
    assert marks["You build your website"] and marks["Search engines find it"]
    assert marks["The council then voted."]  # it follows the list's items, which have no end
    assert not marks["Another line without an end"]  # the paragraph before it ended
    assert not marks[LEAD] and not marks["The reasons are simple:"]
