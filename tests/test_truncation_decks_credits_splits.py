"""Finished paragraphs that look unfinished, and cut sentences that look finished, as held-out
outlets print them (Kosmo!, MarketWatch, Jornal do Brasil in benchmarks/fresh, fifth round):

- a credit after the last sentence, in title case or with a mark of its own ("– Agensi",
  "– KOSMO! ONLINE", "-KOSMO! ONLINE", even without the full stop before its dash);
- a deck printed first without a full stop, under a byline in brackets ("NOME
  (Correspondente)"), short enough to strand a preposition ("... what to watch out for") or
  one sentence stopping on a word sentences seldom end on ("... hike rates faster");
- a letter's close above its signature ("Sincerely," / "Sweet on Swapping");

and, the other way round, a sentence split before a figure ("... 79 corpos dos" / "189
ocupantes ..."), at a company's legal form ("... asked Apple" / "Inc. Chief Executive ..."),
inside a line of glued list items, and a lone cut sentence in an article with a date line or
an age in apposition ("Remy, 41, ...").
"""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.checks.truncation import sentences
from newslint.engine import Options


def found(text: str, language: str, path: str = "draft.md") -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path=path, options=options).findings]


MS_LEAD = "Kerajaan negeri akan menyalurkan bantuan kepada semua mangsa banjir di daerah itu minggu ini."
MS_MIDDLE = "Jurucakap jabatan itu berkata bantuan merangkumi makanan, pakaian dan wang tunai untuk setiap keluarga."
MS_LAST = "Pasukan penyelamat masih berada di lokasi bagi memindahkan penduduk yang terkandas sejak pagi tadi"


@pytest.mark.parametrize(
    "credit",
    [". – Agensi", ". – KOSMO! ONLINE", ". -KOSMO! ONLINE", ".- KOSMO! ONLINE", " – KOSMO! ONLINE"],
)
def test_a_credit_in_title_case_or_with_a_mark_of_its_own_is_a_sign_off(credit: str) -> None:
    assert found(f"{MS_LEAD}\n\n{MS_MIDDLE}\n\n{MS_LAST}{credit}", "ms") == []


def test_a_dash_and_words_in_lower_case_after_the_last_sentence_are_no_credit() -> None:
    last = f"Bantuan disalurkan sejak pagi. – Menurut jurucakap, {MS_LAST[0].lower()}{MS_LAST[1:]}"
    assert found(f"{MS_LEAD}\n\n{MS_MIDDLE}\n\n{last}", "ms") == [("truncation/unfinished-sentence", 5)]


PT_DECKED = (
    "MARCELO NINIO (Correspondente)\n\n"
    "No pior ataque já ocorrido em território israelense, militantes suicidas explodem bombas em Jerusalém e "
    "na cidade de Ashkelon\n\n"
    "JERUSALÉM - Pelo menos 25 pessoas morreram na manhã de ontem em Israel, vítimas de dois atentados. "
    "No mais grave deles, uma bomba deixou 23 pessoas mortas.\n\n"
    "O atentado ocorreu pouco antes das sete da manhã, no momento em que um ônibus lotado se aproximava da "
    "estação rodoviária.\n\n"
    "Os feridos foram internados, e oito deles estão em estado grave."
)


def test_a_deck_under_a_byline_in_brackets_is_no_cut() -> None:
    assert found(PT_DECKED, "pt") == []
    # a sentence before it: the story has begun, and the paragraph is the only one without an end
    begun = PT_DECKED.replace("MARCELO NINIO (Correspondente)", "O Hamas assumiu a autoria dos ataques.")
    assert found(begun, "pt") == [("truncation/unfinished-sentence", 3)]


EN_LEAD = "For many, college is one of the best times of a person's life, but it can also be extremely expensive."
EN_NEXT = "Saving early is the best way to keep that bill from lasting a lifetime, planners say."
EN_LAST = "Families can choose between savings plans and prepaid plans, each with its own rules."


def test_a_short_deck_printed_first_may_strand_a_preposition() -> None:
    deck = "Tax benefits — plus what to watch out for"
    assert found(f"{deck}\n\n{EN_LEAD}\n\n{EN_NEXT}\n\n{EN_LAST}", "en") == []
    # the same line inside the story ends on a word no sentence ends on
    assert found(f"{EN_LEAD}\n\n{deck}\n\n{EN_NEXT}\n\n{EN_LAST}", "en") == [("truncation/paragraph-end", 3)]


def test_a_deck_of_one_sentence_stopping_on_a_word_seldom_at_a_sentences_end_is_no_cut() -> None:
    deck = (
        "Interest rates have slid in the face of the invasion, but surging gas prices could compel the "
        "Federal Reserve to hike rates faster"
    )
    for top in ("By Jacob Passy", "By Jacob Passy\n\n2022-02-24 10:32:00"):
        assert found(f"{top}\n\n{deck}\n\n{EN_LEAD}\n\n{EN_NEXT}\n\n{EN_LAST}", "en") == []


def test_a_letters_close_above_its_signature_is_no_split_sentence() -> None:
    text = (
        f"{EN_LEAD}\n\nWhat is the best way to arrange this with my in-laws?\n\nSincerely,\n\nSweet on Swapping\n\n"
        f"{EN_LAST}"
    )
    assert found(text, "en") == []
    # a comma after a longer piece that stops mid-sentence still splits it
    text = f"{EN_LEAD}\n\nThe planner, who asked that her name not be used, said,\n\nsavings come first\n\n{EN_LAST}"
    assert ("truncation/split-sentence", 3) in found(text, "en")


PT_SPLIT = (
    "Acidente com avião lotado de turistas levanta dúvidas sobre a segurança dos vôos charter.\n\n"
    "SANTO DOMINGO - Equipes de socorro retiraram ontem das águas do Atlântico 79 corpos dos\n\n"
    "189 ocupantes de um Boeing 757 que caiu no mar por volta de meia-noite de terça-feira.\n\n"
    "O aparelho transportava 176 passageiros e 13 tripulantes."
)


def test_a_sentence_split_before_a_figure() -> None:
    # reported once, by the split-sentence mode, where the sentence breaks off
    assert found(PT_SPLIT, "pt") == [("truncation/split-sentence", 3)]


def test_a_figure_after_a_heading_or_a_finished_paragraph_is_no_split() -> None:
    heading = PT_SPLIT.replace(
        "SANTO DOMINGO - Equipes de socorro retiraram ontem das águas do Atlântico 79 corpos dos", "Os números da"
    )
    assert ("truncation/split-sentence", 3) not in found(heading, "pt")
    finished = PT_SPLIT.replace("79 corpos dos", "79 corpos.")
    assert found(finished, "pt") == []


def test_a_name_split_before_its_legal_form() -> None:
    text = (
        "The vice prime minister of Ukraine said on Twitter Friday that he has asked Apple\n\n"
        "Inc. Chief Executive Tim Cook to stop doing business with Russia.\n\n"
        "Apple did not immediately respond to a request for comment."
    )
    assert found(text, "en") == [("truncation/split-sentence", 1)]
    # a sentence that ends before a paragraph opening with the magazine's name is no split
    finished = text.replace("has asked Apple\n\n", "has written to Apple.\n\n")
    assert found(finished, "en") == []


def test_a_split_inside_a_line_of_glued_list_items() -> None:
    text = (
        "More from Quentin Fottrell:\n\n"
        "• I live with my girlfriend, who owns several homes. Is that enough?• ‘He is the most computer-illiterate "
        "person I know’: I\n\n"
        "was my husband’s research analyst, caregiver and cook. Now he wants a divorce after 38 years.\n\n"
        f"{EN_LAST}"
    )
    assert found(text, "en") == [("truncation/split-sentence", 3)]
    # items of a list after a colon that open in lower case are items, not pieces of a sentence
    items = "Ingredients:\n\n• two cups of flour\n\nsalt and pepper to taste, and a pinch of sugar for the sauce"
    assert not [line for rule, line in found(items, "en") if rule == "truncation/split-sentence"]


def test_a_date_line_is_no_unfinished_sentence_of_the_article() -> None:
    cut = "Kenyataan itu susulan pembentangan Kertas Putih oleh KKM berhubung perolehan vaksin dan kos berkaitan"
    text = f"11 February 2023, 12:58 pm\n\n{MS_LEAD}\n\n{cut}\n\n{MS_MIDDLE}\n\n{MS_LEAD}"
    assert found(text, "ms") == [("truncation/unfinished-sentence", 5)]


def test_an_age_in_apposition_is_no_list_item() -> None:
    last = (
        "Disebabkan perihal terbabit, Remy, 41, menyuarakan hasrat untuk bertemu pakar psikiatri dan turut "
        "mengakui mula mengambil beberapa jenis ubat"
    )
    assert not sentences.list_like(last)
    assert sentences.list_like("Tos, fiebre, 41, dolor de cabeza, cansancio")
    assert found(f"{MS_LEAD}\n\n{MS_MIDDLE}\n\n{MS_LEAD}\n\n{last}", "ms") == [("truncation/unfinished-sentence", 7)]
