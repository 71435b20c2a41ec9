"""truncation/unfinished-sentence (weak evidence): what it must still report, and the
look-alikes found in held-out outlets' copy that it leaves alone."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

ONLY = Options(select=("truncation/", "duplicate/"), language="en")

LEAD = "The council approved the city budget on Tuesday after a long debate about housing."
MIDDLE = "The mayor said the plan would be reviewed next year, and that the bridge would open in May."
CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session."


def rules_at(text: str, options: Options = ONLY) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_cut_off_copy_is_a_duplicate_not_also_an_unfinished_sentence() -> None:
    original = (
        "His wife said that while she was very proud of the work her husband had done to bring joy to so "
        "many people, she was looking forward to more time with him."
    )
    copy = "His wife said that while she was very proud of the work her husband had done"
    found = rules_at(f"{LEAD}\n\n{original}\n\n{MIDDLE}\n\n{copy}")
    assert found == [("duplicate/paragraph", 7)]


def test_the_same_fragment_without_its_original_is_reported() -> None:
    fragment = "His wife said that while she was very proud of the work her husband had done"
    assert rules_at(f"{LEAD}\n\n{MIDDLE}\n\n{CLOSE}\n\n{fragment}") == [("truncation/unfinished-sentence", 7)]


@pytest.mark.parametrize(
    "credit",
    [
        "Avec les informations de Félix Arseneault et de Jacques Poitras de CBC",
        "With files from the Canadian Press and the wire services",
        "Com informações da Agência Brasil e da Reuters",
    ],
)
def test_a_closing_credit_is_not_a_cut(credit: str) -> None:
    assert rules_at(f"{LEAD}\n\n{MIDDLE}\n\n{CLOSE}\n\n{credit}") == []


def test_an_attribution_after_a_spaced_closing_quote_is_not_a_cut() -> None:
    # detokenized copy: the closing quote spaced off its comma
    quote = (
        "“ Yang jadi presiden sudah ada seperti ibu Megawati, yang jadi sutradara perempuan banyak, polwan, "
        "anggota DPR dan lain sebagainya, ” paparnya"
    )
    text = f"{LEAD}\n\n{quote}\n\n{MIDDLE}\n\n{CLOSE}"
    assert rules_at(text, Options(select=("truncation/",), language="id")) == []


ES_LEAD = "El gobierno aprobó el martes el nuevo presupuesto de la ciudad después de un largo debate."
ES_MIDDLE = "El alcalde dijo que el plan se revisará el próximo año y que el puente se abrirá en mayo."
ES_CLOSE = "La votación fue de doce a tres, según dijo el secretario del consejo el miércoles por la tarde."


@pytest.mark.parametrize(
    "crosshead",
    [
        "Las partículas en el aire siguen siendo el mayor problema",
        "Sobre el derecho que se atribuye para interferir en política",
        "Será cerrado durante la madrugada de este sábado",
    ],
)
def test_a_crosshead_length_line_without_a_comma_is_not_weak_evidence(crosshead: str) -> None:
    text = f"{ES_LEAD}\n\n{crosshead}\n\n{ES_MIDDLE}\n\n{ES_CLOSE}"
    assert rules_at(text, Options(select=("truncation/",), language="es")) == []


def test_a_longer_unfinished_sentence_is_still_weak_evidence() -> None:
    cut = "Las partículas en el aire siguen siendo el mayor problema para los médicos de la ciudad que"
    text = f"{ES_LEAD}\n\n{cut[: -len(' que')]}\n\n{ES_MIDDLE}\n\n{ES_CLOSE}"
    assert rules_at(text, Options(select=("truncation/",), language="es")) == [("truncation/unfinished-sentence", 3)]


@pytest.mark.parametrize(
    "cut",
    [
        # a comma, or more words than a crosshead has: still the article's one unfinished sentence
        "At the same time, however, those who believe",
        "Officials in the capital who had opposed the new bridge over the river fiercely",
    ],
)
def test_the_only_unfinished_sentence_is_still_reported(cut: str) -> None:
    assert rules_at(f"{LEAD}\n\n{cut}\n\n{MIDDLE}\n\n{CLOSE}") == [("truncation/unfinished-sentence", 3)]


@pytest.mark.parametrize(
    "dateline, language",
    [("Tóquio, 16 de jul (EFE) -", "pt"), ("PARIS, 5 mars 2021 (AFP) -", "fr"), ("Jakarta, 12 Mei (ANTARA) -", "id")],
)
def test_a_dateline_on_its_own_is_not_a_cut(dateline: str, language: str) -> None:
    text = f"{LEAD}\n\n{MIDDLE}\n\n{dateline}"
    assert rules_at(text, Options(select=("truncation/",), language=language)) == []


def test_a_short_line_ending_on_a_preposition_is_cut_outside_english() -> None:
    fragment = "Le député des Français de"
    fr = "Le maire a dit que le pont ouvrira en mai.\n\n{}\n\nLe conseil votera en juin."
    assert rules_at(fr.format(fragment), Options(select=("truncation/",), language="fr")) == [
        ("truncation/paragraph-end", 3)
    ]
    # English headings strand prepositions: "Who the rules apply to"
    assert rules_at(f"{LEAD}\n\nWho the rules apply to\n\n{CLOSE}", Options(select=("truncation/",))) == []


def test_a_sign_off_paragraph_does_not_make_a_cut_one_of_a_kind() -> None:
    cut = "Officials in the capital who had opposed the new bridge over the river fiercely"
    signed = "The vote was twelve to three, the clerk said on Wednesday. dpa"
    assert rules_at(f"{LEAD}\n\n{cut}\n\n{MIDDLE}\n\n{signed}") == [("truncation/unfinished-sentence", 3)]


ID_BODY = (
    "Harga beras medium di sejumlah pasar tradisional di Jakarta naik menjelang bulan Ramadan. "
    "Kenaikan mencapai Rp1.000 per kilogram dalam sepekan terakhir."
)
ID_MORE = "Pedagang mengatakan pasokan dari daerah sentra produksi berkurang karena cuaca buruk."


@pytest.mark.parametrize(
    "line", ["Jakarta, portalberita.net", "Sumber: kompas.com/tag/banjir", "Kirim tulisan Anda ke redaksi@portal.net"]
)
def test_a_line_ending_on_a_web_address_is_not_read_as_a_cut_after_its_last_word(line: str) -> None:
    # "net" and "banjir" are words, but here they end a web or e-mail address
    text = f"Harga Beras Naik\n\n{ID_BODY}\n\n{line}\n\n{ID_MORE}\n"
    options = Options(select=("truncation/",), language="id")
    assert [f.line for f in lint_text(text, path="draft.txt", options=options).findings] == []


def test_the_same_word_ending_a_sentence_cut_short_is_still_reported() -> None:
    cut = "Pedagang di pasar itu mengatakan harga naik karena stok dan"
    text = f"Harga Beras Naik\n\n{ID_BODY}\n\n{cut}\n\n{ID_MORE}\n"
    options = Options(select=("truncation/",), language="id")
    assert [f.line for f in lint_text(text, path="draft.txt", options=options).findings] == [5]
