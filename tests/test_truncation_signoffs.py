"""Sign-offs and credits after the last sentence are not unfinished sentences: a desk's
sign-off in capitals after a dash, whatever the wire is called ("- AGENSI", "– AL JAZEERA",
"– BERNAMA-dpa", even glued to the full stop: "... ke-13.-AGENSI"), and an interview's
credit line ("Entrevista concedida aos jornalistas ...", "Propos recueillis par ...").
Found on held-out Malay and Portuguese outlets (benchmarks/fresh); a dash followed by
ordinary prose is still read as prose."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options


def rules_at(text: str, language: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


MS_LEAD = "Kerajaan negeri akan menyalurkan bantuan kepada semua mangsa banjir di daerah itu minggu ini."
MS_MIDDLE = "Jurucakap jabatan itu berkata bantuan merangkumi makanan, pakaian dan wang tunai untuk setiap keluarga."
MS_LAST = "Pasukan penyelamat masih berada di lokasi bagi memindahkan penduduk yang terkandas sejak pagi tadi"


@pytest.mark.parametrize(
    "sign_off",
    [". - AGENSI", ". – AL JAZEERA", ". – BERNAMA-dpa", ".-AGENSI", ". — UTUSAN/REUTERS", ". – AP dpa"],
)
def test_a_wire_named_in_capitals_after_a_dash_is_a_sign_off(sign_off: str) -> None:
    text = f"{MS_LEAD}\n\n{MS_MIDDLE}\n\n{MS_LAST}{sign_off}"
    assert rules_at(text, "ms") == []


def test_the_same_last_paragraph_without_its_sign_off_is_still_weak_evidence() -> None:
    text = f"{MS_LEAD}\n\n{MS_MIDDLE}\n\nBantuan disalurkan sejak pagi. {MS_LAST}"
    assert rules_at(text, "ms") == [("truncation/unfinished-sentence", 5)]


def test_a_dash_before_ordinary_prose_is_not_a_sign_off() -> None:
    last = f"Bantuan disalurkan sejak pagi. – Menurut jurucakap, {MS_LAST[0].lower()}{MS_LAST[1:]}"
    text = f"{MS_LEAD}\n\n{MS_MIDDLE}\n\n{last}"
    assert rules_at(text, "ms") == [("truncation/unfinished-sentence", 5)]


PT_LEAD = "O Senado aprovou a reforma tributária na quarta-feira depois de um longo debate em plenário."
PT_MIDDLE = "O texto segue agora para a sanção do presidente, que tem quinze dias úteis para se manifestar."
PT_CLOSE = "Os sindicatos criticaram o custo do plano para os estados mais pobres do Norte e do Nordeste."


@pytest.mark.parametrize(
    "credit",
    [
        "Entrevista concedida aos jornalistas Ana Souza e Pedro Lima",
        "A entrevista foi concedida à jornalista Carla Mendes",
        "Entrevista conduzida por Ana Souza e redação de Pedro Lima",
    ],
)
def test_an_interview_credit_at_the_end_is_not_a_cut(credit: str) -> None:
    assert rules_at(f"{PT_LEAD}\n\n{PT_MIDDLE}\n\n{PT_CLOSE}\n\n{credit}", "pt") == []


def test_a_french_interview_credit_is_not_a_cut() -> None:
    lead = "Le conseil municipal a adopté mardi le budget de la ville après un long débat sur le logement."
    middle = "Le maire a déclaré que le plan serait revu l'an prochain et que le pont ouvrirait en mai."
    close = "Le vote a été acquis par douze voix contre trois, a précisé le secrétaire mercredi soir."
    assert rules_at(f"{lead}\n\n{middle}\n\n{close}\n\nPropos recueillis par Marie Dupont", "fr") == []


def test_a_last_sentence_that_opens_like_a_credit_but_is_cut_is_still_reported() -> None:
    cut = "O governador disse que a entrevista concedida ontem mostrou que o plano para os municípios"
    assert rules_at(f"{PT_LEAD}\n\n{PT_MIDDLE}\n\n{PT_CLOSE}\n\n{cut}", "pt") != []


EN_LEAD = "The council approved the city budget on Tuesday after a long debate about housing."
EN_MIDDLE = "The mayor said the plan would be reviewed next year, and that the bridge would open in May."
EN_CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session."


@pytest.mark.parametrize(
    "credit", ["AFP contributed to this report", "Staff writers in Lagos and Accra contributed to this story"]
)
def test_a_contribution_credit_is_not_a_cut(credit: str) -> None:
    assert rules_at(f"{EN_LEAD}\n\n{EN_MIDDLE}\n\n{EN_CLOSE}\n\n{credit}", "en") == []


def test_a_sentence_about_a_contribution_that_is_cut_is_still_reported() -> None:
    cut = "He said the money contributed to this report being late because the auditors"
    assert rules_at(f"{EN_LEAD}\n\n{EN_MIDDLE}\n\n{EN_CLOSE}\n\n{cut}", "en") != []
