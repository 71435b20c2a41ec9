"""Cut sentences that look finished, found on the truncation round's tune sets (the field corpus's
tune outlets, injected again with other seeds; benchmarks/fresh/README.md, "Truncation round 15"):

- the article's last paragraph, a sentence's length, without an end, stopping on a word that often
  ends a sentence ("... au premier trimestre 2020", "... yang antara lain"): an article is cut at
  its end far more often than in its middle, so the word does not clear it. A shorter last line
  and a paragraph in the middle of the article are judged as before;
- a paragraph stopping on an auxiliary of the subjunctive or the conditional ("... si el gobierno no
  lo hubiera", "... se o governo não tivesse", "... la récolte aurait"), weak evidence as the packs'
  other auxiliaries are;
- a paragraph before a list item numbered above 1 ("... may reduce" / "6. Eat more fiber") leads in
  to no list (a list does not start at 6), so its evidence is judged as any paragraph's.
"""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options


def found(text: str, language: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


ARTICLES = {
    "fr": (
        "Le groupe a annoncé lundi la suppression de plusieurs lignes régionales.",
        "Les syndicats ont dénoncé une décision prise sans concertation avec les salariés.",
        "La direction a promis un plan de reclassement pour les employés concernés.",
    ),
    "id": (
        "Pemerintah kota menutup jalan utama itu sejak Senin pagi karena perbaikan jembatan.",
        "Petugas mengalihkan kendaraan ke jalan alternatif di sekitar pusat kota.",
        "Warga diminta bersabar karena perbaikan diperkirakan selesai dalam dua pekan.",
    ),
    "en": (
        "Police closed the bridge on Monday morning after a lorry overturned.",
        "Drivers were told to expect delays until the evening.",
        "Engineers will inspect the structure on Tuesday.",
    ),
}
# Each last sentence stops on a word the pack's learned closing_words hold (a year, "lain", "protests").
CUT_ENDS = {
    "fr": "La crise devrait plomber les résultats du groupe, déjà tombé dans le rouge au premier trimestre 2020",
    "id": "Kepala dinas itu adalah salah satu pejabat senior yang selama ini bertugas antara lain",
    "en": "The transport authority said the closure had drawn hundreds of angry protests",
}
SHORT_ENDS = {
    "fr": "Le bilan du premier trimestre 2020",
    "id": "Daftar jalan alternatif antara lain",
    "en": "Watch: the angry protests",
}


@pytest.mark.parametrize("language", sorted(CUT_ENDS))
def test_the_articles_last_sentence_without_an_end_is_weak_evidence_whatever_its_last_word(language: str) -> None:
    text = "\n\n".join([*ARTICLES[language], CUT_ENDS[language]])
    assert found(text, language) == [("truncation/unfinished-sentence", 7)]


@pytest.mark.parametrize("language", sorted(SHORT_ENDS))
def test_a_short_last_line_on_such_a_word_is_left_alone(language: str) -> None:
    text = "\n\n".join([*ARTICLES[language], SHORT_ENDS[language]])
    assert found(text, language) == []


@pytest.mark.parametrize("language", sorted(CUT_ENDS))
def test_in_the_middle_of_the_article_the_word_still_clears_it(language: str) -> None:
    first, *rest = ARTICLES[language]
    text = "\n\n".join([first, CUT_ENDS[language], *rest])
    assert found(text, language) == []


# A paragraph stopping on an auxiliary before its missing participle or infinitive (haber, ter,
# avoir in the subjunctive or the conditional): none of these forms ends a sentence of the field
# corpus's tune outlets. The caption-like line keeps the paragraph from being the article's only
# unfinished sentence, so the auxiliary is the evidence.
AUXILIARY_ARTICLES = {
    "es": (
        "El gobierno regional anunció el lunes nuevas medidas contra la sequía en la provincia.",
        "Agricultores en un campo seco de la provincia de Almería durante la mañana del lunes",
        "Los agricultores dijeron que la situación sería muy diferente si el gobierno no lo hubiera",
        "Las medidas entrarán en vigor la próxima semana, según el comunicado.",
    ),
    "pt": (
        "O governo estadual anunciou na segunda-feira novas medidas contra a seca na região.",
        "Agricultores em um campo seco no interior do estado durante a manhã de segunda-feira",
        "Os agricultores disseram que a situação seria muito diferente se o governo não tivesse",
        "As medidas entram em vigor na próxima semana, segundo o comunicado.",
    ),
    "fr": (
        "Le gouvernement régional a annoncé lundi de nouvelles mesures contre la sécheresse.",
        "Des agriculteurs dans un champ desséché de la région au petit matin de lundi dernier",
        "Les agriculteurs ont dit que sans l'aide de l'État, la récolte de cette année aurait",
        "Les mesures entreront en vigueur la semaine prochaine, selon le communiqué.",
    ),
}


@pytest.mark.parametrize("language", sorted(AUXILIARY_ARTICLES))
def test_a_paragraph_stopping_on_an_auxiliary_of_the_subjunctive_or_conditional(language: str) -> None:
    assert found("\n\n".join(AUXILIARY_ARTICLES[language]), language) == [("truncation/unfinished-sentence", 5)]


def test_a_quotes_attribution_cut_after_a_in_french() -> None:
    # "a" (has) before its participle: no sentence of the field corpus's French tune outlets ends on it
    first, caption, _, last = AUXILIARY_ARTICLES["fr"]
    cut = '"Le contexte de crise nous oblige à être extrêmement concentrés et efficaces", a'
    assert found("\n\n".join([first, caption, cut, last]), "fr") == [("truncation/unfinished-sentence", 5)]


LISTICLE = (
    "# Ways to stop binge eating\n\n5. Try yoga\n\n"
    "Yoga is a practice that uses breathing and poses to relax the body and mind.\n\n"
    "Summary Yoga can help prevent binge eating and may reduce\n\n6. Eat more fiber\n\n"
    "Fiber moves slowly through your digestive tract, keeping you full longer."
)
LEAD_IN = (
    "# Ways to stop binge eating\n\n"
    "Yoga is a practice that uses breathing and poses to relax the body and mind.\n\n"
    "The simplest changes that help prevent binge eating and may reduce\n\n1. Eat more fiber\n\n2. Drink more water"
)


@pytest.mark.parametrize("path", ["draft.md", "draft.txt"])
def test_a_paragraph_before_an_item_numbered_above_one_leads_in_to_no_list(path: str) -> None:
    # a list does not start at 6: the paragraph ends the item before it ('... may reduce' / '6. Eat more fiber')
    options = Options(select=("truncation/",), language="en")
    found_here = [(f.rule, f.line) for f in lint_text(LISTICLE, path=path, options=options).findings]
    assert found_here == [("truncation/unfinished-sentence", 7)]


@pytest.mark.parametrize("path", ["draft.md", "draft.txt"])
def test_a_paragraph_before_a_lists_first_item_still_leads_in_to_it(path: str) -> None:
    options = Options(select=("truncation/",), language="en")
    assert lint_text(LEAD_IN, path=path, options=options).findings == ()
