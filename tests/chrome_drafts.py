"""Drafts for the page-chrome tests: a line of chrome between two paragraphs of prose in
each pack language, and the markup findings on it."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

PROSE = {
    "en": "The council approved the budget on Monday, and the mayor said the park would open in spring.",
    "id": "Pemerintah kota menyetujui anggaran pada Senin, dan wali kota mengatakan taman dibuka tahun depan.",
    "de": "Der Stadtrat hat den Haushalt am Montag beschlossen, und der Park öffne im Frühjahr, hieß es.",
    "fr": "Le conseil a adopté le budget lundi, et le maire a annoncé que le parc ouvrirait au printemps.",
    "es": "El ayuntamiento aprobó el presupuesto el lunes, y el alcalde dijo que el parque abrirá en primavera.",
    "ms": "Majlis bandaran meluluskan bajet pada Isnin, dan datuk bandar berkata taman akan dibuka tahun depan.",
    "pt": "A câmara aprovou o orçamento na segunda-feira, e o prefeito disse que o parque abre na primavera.",
}


def findings(chrome: str, language: str) -> list[tuple[int, str]]:
    """(line, rule) of every markup finding on a draft: two paragraphs of prose around the chrome."""
    text = f"{PROSE[language]}\n\n{chrome}\n\n{PROSE[language]}\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup",), language=language))
    return [(f.line, f.rule) for f in result.findings]
