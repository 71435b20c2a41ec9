"""Credits the byline and date rules did not read, found in held-out copy (benchmarks/fresh,
sixth round: Orange Actu, 6Medias, AFP): a page's credit-and-date line with no "Par" before
the credit ("Orange avec AFP-Services, publié le jeudi 11 juillet 2019 à 13h20"), a credit whose
name opens on digits glued to letters ("Par 6Medias"), and an outlet credited with its agency
after "By". Sentences that look like them are still reported."""

from __future__ import annotations

import pytest

from tests.test_fresh_credits import paragraphs
from tests.test_fresh_credits import rules_at as rules_in

LEAD = "Les députés ont adopté mardi le projet de loi sur le renseignement après un long débat."
MIDDLE = "Le texte doit encore être examiné par le Sénat au mois de juin, a précisé le gouvernement."


def rules_at(text: str, select: str, language: str = "fr") -> list[tuple[str, int]]:
    return rules_in(text, select, language)


CREDIT_LINES = [
    "Orange avec AFP-Services, publié le jeudi 11 juillet 2019 à 13h20",
    "Orange avec Media Services, publié le mercredi 22 avril 2020 à 19h00",
    "6Medias, publié le samedi 18 novembre 2017 à 18h35",
    "AFP, publié le jeudi 02 juillet 2020 à 11h26",
    "Martin Dupont, mis à jour le 3 mai 2020",
]


@pytest.mark.parametrize("line", CREDIT_LINES)
def test_a_credit_and_date_line_is_a_byline(line: str) -> None:
    assert rules_at(paragraphs(line, LEAD, MIDDLE), "metadata/missing-byline") == []


@pytest.mark.parametrize("line", CREDIT_LINES)
def test_a_credit_and_date_line_is_a_date(line: str) -> None:
    assert rules_at(paragraphs(line, LEAD, MIDDLE), "metadata/missing-date") == []


@pytest.mark.parametrize(
    "line",
    [
        "Le rapport, publié le 3 mai 2020, a été retiré par le ministère.",
        "Le rapport, publié le jeudi 11 juillet 2019 à 13h20",
        "Par ailleurs, publié le 3 mai 2020",
    ],
)
def test_a_sentence_naming_a_publication_date_is_no_credit(line: str) -> None:
    text = paragraphs(line, LEAD, MIDDLE)
    assert rules_at(text, "metadata/missing-byline") == [("metadata/missing-byline", 1)]
    assert rules_at(text, "metadata/missing-date") == [("metadata/missing-date", 1)]


@pytest.mark.parametrize(
    ("byline", "language"),
    [
        ("Par 6Medias", "fr"),
        ("Par 01net", "fr"),
        ("By 6Medias", "fr"),
        ("By 6Medias", "en"),
        ("By Orange avec AFP-Services", "fr"),
        ("Par Orange avec AFP-Services", "fr"),
    ],
)
def test_a_credit_opening_on_digits_or_joined_by_avec_is_a_byline(byline: str, language: str) -> None:
    assert rules_at(paragraphs(byline, LEAD, MIDDLE), "metadata/missing-byline", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Par 2030, les émissions devront baisser de moitié.", "fr"),
        ("By 2030, emissions must fall by half across the region.", "en"),
        ("6Medias", "fr"),
    ],
)
def test_a_number_or_a_bare_name_is_no_byline(line: str, language: str) -> None:
    text = paragraphs(line, LEAD, MIDDLE)
    assert rules_at(text, "metadata/missing-byline", language) == [("metadata/missing-byline", 1)]
