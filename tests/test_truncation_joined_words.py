"""A learned word joined by an apostrophe or a hyphen ("d'un", "year-old") is looked up whole:
the lists hold it so, and the part after the mark alone ("un", "old") is not the word."""

from __future__ import annotations

import pytest

from newslint import Options, lint_text

FR = Options(select=("truncation/",), language="fr")
EN = Options(select=("truncation/",), language="en")


def found(paragraph: str, options: Options, lead: str, rest: str) -> list[tuple[str, int, str]]:
    # a caption without its full stop after it: the paragraph is not the article's only unfinished
    # sentence, so only its last word speaks
    text = "\n\n".join([lead, paragraph, CAPTIONS[options.language or ""], rest])
    return [(f.rule, f.line, f.message) for f in lint_text(text, path="draft.md", options=options).findings]


CAPTIONS = {
    "fr": "Des policiers devant la prison de Belmarsh à Londres le mois dernier",
    "en": "Officers at the scene of the crash on the bridge on Monday morning",
}
FR_LEAD = "Le fondateur de WikiLeaks est détenu depuis deux ans dans une prison de Londres."
FR_REST = "Ses avocats ont demandé sa libération pour raisons de santé."
EN_LEAD = "Police closed the bridge on Monday morning after a lorry overturned."
EN_REST = "Drivers were told to expect delays until the evening."


@pytest.mark.parametrize(
    ("paragraph", "options", "lead", "rest", "word"),
    [
        ("Le journal a rapporté que Julian Assange, 50 ans, avait souffert d'un", FR, FR_LEAD, FR_REST, "d'un"),
        ("The driver of the lorry, a local man, was named as a 45-year-old", EN, EN_LEAD, EN_REST, "year-old"),
    ],
)
def test_a_paragraph_stopping_on_a_joined_open_word_is_weak_evidence(
    paragraph: str, options: Options, lead: str, rest: str, word: str
) -> None:
    assert [(r, m) for r, _, m in found(paragraph, options, lead, rest) if r == "truncation/unfinished-sentence"] == [
        (
            "truncation/unfinished-sentence",
            f"The paragraph may end mid-sentence (it ends on '{word}', which edited "
            f"copy seldom ends a sentence on): '…{paragraph[-40:].lstrip()}'",
        )
    ]


def test_a_joined_word_in_capitals_or_after_a_mark_is_not_looked_up() -> None:
    # "D'UN" in capitals is a heading's, "/d'un" the tail of an address
    for paragraph in (
        "LE JOURNAL A RAPPORTÉ QUE JULIAN ASSANGE AVAIT SOUFFERT D'UN",
        "Voir le dossier sur lemonde.fr/d'un",
    ):
        assert [r for r, _, _ in found(paragraph, FR, FR_LEAD, FR_REST) if r == "truncation/unfinished-sentence"] == []
