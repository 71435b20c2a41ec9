"""truncation/paragraph-end: an aside opened after a word no sentence ends on ("porque, em
setembro") must close before its clause goes on; a paragraph that stops inside it was cut."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

LEADS = {
    "en": "The council approved the city budget on Tuesday after a long debate about housing.",
    "pt": "O conselho aprovou o orçamento da cidade na terça-feira depois de um longo debate.",
    "es": "El gobierno aprobó el martes el nuevo presupuesto de la ciudad después de un largo debate.",
    "id": "Dewan kota menyetujui anggaran kota pada hari Selasa setelah perdebatan panjang.",
}
CLOSES = {
    "en": "The vote was twelve to three, the clerk said on Wednesday evening after the session.",
    "pt": "A votação terminou com doze votos a favor e três contra, segundo o secretário.",
    "es": "La votación fue de doce a tres, según dijo el secretario del consejo el miércoles.",
    "id": "Hasil pemungutan suara adalah dua belas berbanding tiga, kata panitera dewan.",
}


def rules_at(text: str, language: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


@pytest.mark.parametrize(
    "cut, language",
    [
        ("O projeto não precisa passar pelo plenário da Casa. Isso porque, em setembro", "pt"),
        ("O banco foi um dos primeiros a quebrar depois da crise, um banco que, diante da inadimplência", "pt"),
        ("The mayor said the bridge would open in May because, as officials noted last week", "en"),
        ("El alcalde dijo que el puente se abrirá en mayo porque, según los técnicos del ayuntamiento", "es"),
    ],
)
def test_a_paragraph_stopping_inside_an_aside_after_a_function_word_is_cut(cut: str, language: str) -> None:
    text = f"{LEADS[language]}\n\n{cut}\n\n{CLOSES[language]}"
    found = rules_at(text, language)
    assert found == [("truncation/paragraph-end", 3)]


@pytest.mark.parametrize(
    "line, language",
    [
        # the aside closes, and the clause goes on: only the full stop is missing
        ("The mayor said that, in her view, the bridge would open in May", "en"),
        # a sentence adverb opens the sentence: no aside ("However, ...")
        ("Namun, wali kota mengatakan jembatan itu akan dibuka pada bulan Mei", "id"),
        # the comma follows a content word: an apposition or an enumeration may end a sentence
        ("The mayor thanked the engineers, the builders and the residents of the old town", "en"),
    ],
)
def test_a_closed_aside_or_a_sentence_adverb_is_no_evidence(line: str, language: str) -> None:
    text = f"{LEADS[language]}\n\n{line}\n\n{CLOSES[language]}"
    assert ("truncation/paragraph-end", 3) not in rules_at(text, language)
