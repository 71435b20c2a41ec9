"""A document of thousands of foreign paragraphs costs a bounded number of langdetect calls."""

from __future__ import annotations

import random

import pytest

from newslint import language, lint_article
from newslint.checks.language import MAX_DETECT_CALLS

FRENCH_TEXT = (
    "le conseil municipal a approuvé budget de la ville pour année prochaine après un "
    "long débat sur les écoles et routes du nord mais avec des habitants qui ont demandé plus"
)
FRENCH = FRENCH_TEXT.split(" ")


def test_foreign_paragraphs_cost_bounded_langdetect_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    paragraphs = [" ".join(rng.choice(FRENCH) for _ in range(25)) + "." for _ in range(400)]
    calls = 0
    detect = language.detect

    def counting(text: str, *args: object) -> tuple[str, float]:
        nonlocal calls
        calls += 1
        return detect(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(language, "detect", counting)
    result = lint_article(
        body="\n\n".join(paragraphs),
        body_format="text",
        title="t",
        byline="Jane Smith",
        published_at="2024-09-12",
        language="en",
    )
    mixed = [f for f in result.findings if f.rule == "language/mixed-paragraph"]
    assert calls <= MAX_DETECT_CALLS + 1  # the paragraphs' calls, and at most one for the article
    # past the budget, paragraphs in the language langdetect confirmed are still flagged
    assert len(mixed) >= 390
    assert all("is in 'fr' inside an article in 'en'" in f.message for f in mixed)


def test_past_the_budget_an_unconfirmed_language_is_not_flagged() -> None:
    from newslint.checks.language import Compiled, _confirmed_before
    from newslint.words import WordWork

    compiled = Compiled("mixed-paragraph", frozenset(), 100, 12, 0.9, 3.0)
    text = " ".join(FRENCH)
    assert _confirmed_before(text, "en", compiled, {"fr"}, WordWork()) == "fr"
    assert _confirmed_before(text, "en", compiled, {"de", None}, WordWork()) is None
