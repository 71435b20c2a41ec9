"""truncation/paragraph-end: the words no sentence of a pack's language ends on include
conjunctions that open a clause ("unless", "nachdem"), contracted prepositions ("ins") and the
clitic pronouns that stand before their verb ("se", "lo"), in every pack language."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

LEADS = {
    "en": ("The council approved the city budget on Tuesday.", "The vote was twelve to three."),
    "de": ("Der Stadtrat hat den Haushalt am Dienstag beschlossen.", "Die Abstimmung endete zwölf zu drei."),
    "es": ("El gobierno aprobó el presupuesto el martes.", "La votación fue de doce a tres."),
    "fr": ("Le conseil a adopté le budget mardi.", "Le vote a été de douze voix contre trois."),
    "id": ("Dewan kota menyetujui anggaran pada hari Selasa.", "Hasilnya dua belas berbanding tiga."),
    "ms": ("Majlis bandar meluluskan bajet pada hari Selasa.", "Keputusannya dua belas berbanding tiga."),
}


@pytest.mark.parametrize(
    "cut, language, word",
    [
        ("The mayor said the bridge would not open in May unless", "en", "unless"),
        ("Die Polizei sperrte die Straße am Abend, nachdem", "de", "nachdem"),
        ("Der Bürgermeister lud die Bürger am Montag ins", "de", "ins"),
        ("El alcalde dijo que el puente no se abrirá en mayo y que la obra se", "es", "se"),
        ("Le maire a dit que le pont ouvrira en mai et que les travaux se", "fr", "se"),
        ("Wali kota mengatakan jembatan itu akan dibuka pada bulan Mei setelah", "id", "setelah"),
        ("Datuk Bandar berkata jambatan itu akan dibuka pada bulan Mei selepas", "ms", "selepas"),
    ],
)
def test_a_paragraph_stopping_on_a_word_no_sentence_ends_on_is_cut(cut: str, language: str, word: str) -> None:
    lead, close = LEADS[language]
    findings = lint_text(
        f"{lead}\n\n{cut}\n\n{close}", path="draft.md", options=Options(select=("truncation/",), language=language)
    ).findings
    assert [(f.rule, f.line) for f in findings] == [("truncation/paragraph-end", 3)]
    assert f"'{word}'" in findings[0].message


def test_a_separable_verb_particle_still_ends_a_german_sentence() -> None:
    lead, close = LEADS["de"]
    whole = "Die Sitzung des Stadtrats fand trotz des Streiks am Dienstagabend statt"
    options = Options(select=("truncation/paragraph-end",), language="de")
    assert lint_text(f"{lead}\n\n{whole}\n\n{close}", path="draft.md", options=options).findings == ()
