"""A paragraph's last number read by its shape, as the learned word lists name it: a year
ends a sentence in a quarter or more of its uses in most pack languages' edited copy, so a
paragraph stopping on one lacks its full stop likelier than it was cut ("... em 2020")."""

from __future__ import annotations

import pytest

from newslint import Options, lint_text
from newslint.checks.truncation.sentences import NUMBER_TOKEN, YEAR_TOKEN, learned_token

PT = Options(select=("truncation/",), language="pt")

OPENING = "O governo apresentou nesta quinta-feira o projeto de orçamento para o próximo ano."
CLOSING = [
    "Os sindicatos criticaram o orçamento apresentado pelo governo federal.",
    "O texto será votado pelo Congresso no próximo mês.",
]


def found(middle: str) -> list[tuple[str, int, str]]:
    text = "\n\n".join([OPENING, middle, *CLOSING])
    return [(f.rule, f.line, f.message) for f in lint_text(text, path="draft.md", options=PT).findings]


@pytest.mark.parametrize(
    ("word", "token"),
    [
        ("2020", YEAR_TOKEN),
        ("1999", YEAR_TOKEN),
        ("2077", YEAR_TOKEN),
        ("202", NUMBER_TOKEN),
        ("3,13", NUMBER_TOKEN),
        ("400", NUMBER_TOKEN),
        ("Jumat", "jumat"),
        ("Terça-Feira", "terça-feira"),
    ],
)
def test_a_number_is_named_by_its_shape(word: str, token: str) -> None:
    assert learned_token(word) == token


def test_the_only_unfinished_sentence_stopping_on_a_year_is_not_reported_on_weak_evidence() -> None:
    assert found("O Banco Central reduziu a previsão de queda do PIB, segundo o relatório divulgado em 2020") == []


def test_the_only_unfinished_sentence_stopping_elsewhere_still_is() -> None:
    # the same sentence cut before its year: a word, not a number, and not one sentences often end on
    cut = "O Banco Central reduziu a previsão de queda do PIB, segundo o relatório divulgado"
    rules = [r for r, _, _ in found(cut)]
    assert rules == ["truncation/unfinished-sentence"]


def test_another_number_is_no_closing_word() -> None:
    # a count or an amount ends a sentence no oftener than the average word: weak evidence stands
    counted = "O Banco Central reduziu a previsão de queda do PIB, segundo o relatório número 45"
    rules = [r for r, _, _ in found(counted)]
    assert rules == ["truncation/unfinished-sentence"]
