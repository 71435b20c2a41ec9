"""Cut evidence from a paragraph's last characters: a Malay or Indonesian word cut in the
middle that is longer than half the whole word ('berkis' of 'berkisar'), a bracket left
open before a number ('(40'), a promo or bio at the article's end that stops on a word no
sentence ends on, and a sentence that goes on in the next paragraph with its last word."""

from __future__ import annotations

import pytest

from newslint import Options, lint_text

ID = Options(select=("truncation/",), language="id")
FR = Options(select=("truncation/",), language="fr")


def found(text: str, options: Options = ID) -> list[tuple[str, int, str]]:
    result = lint_text(text, path="draft.md", options=options)
    return [(f.rule, f.line, f.message) for f in result.findings]


LEAD = "Harga beras di pasar tradisional berkisar Rp 12.000 per kilogram, sebesar kenaikan pekan lalu.\n\n"
NEXT = "\n\nPemerintah akan memantau harga beras dalam dua pekan ke depan."


@pytest.mark.parametrize(
    ("paragraph", "whole"),
    [
        ("Menurut pedagang, harga di pasar induk juga berkis", "berkisar"),
        ("Pedagang di pasar induk mengatakan kenaikan itu kira-kira sebesa", "sebesar"),
    ],
)
def test_a_word_cut_past_its_half_is_cut_in_malay_and_indonesian(paragraph: str, whole: str) -> None:
    # 'berkis' is 6 letters of 8: not half the word, but the rest ('ar') is no ending of the language
    assert [(rule, line) for rule, line, _ in found(LEAD + paragraph + NEXT)] == [("truncation/paragraph-end", 3)]
    assert f"'{whole}' is used in the article" in found(LEAD + paragraph + NEXT)[0][2]


@pytest.mark.parametrize(
    "paragraph",
    [
        # 'harga' + 'nya', 'pasar' + 'an': the longer words are the whole word and its endings
        "Pedagang di pasar mengatakan pembeli kini menawar harga",
        "Pedagang mengatakan barang itu kini dijual di pasar",
    ],
)
def test_a_whole_word_before_its_suffixed_form_is_no_cut(paragraph: str) -> None:
    lead = "Harganya naik pada pekan ini, dan pasaran beras di kota sedang sepi pembeli.\n\n"
    assert [r for r, _, _ in found(lead + paragraph + NEXT) if r == "truncation/paragraph-end"] == []


def test_other_languages_still_need_half_the_word_missing() -> None:
    # French has no endings listed: 'déchi' of 'déchirantes' is found (twice as long), 'continu' of
    # 'continuer' is not (a word of its own as often as a cut)
    lead = "Les décisions déchirantes et le travail continuer de peser sur les familles, dit le rapport.\n\n"
    after = "\n\nLe gouvernement doit présenter un nouveau plan la semaine prochaine."
    assert [r for r, _, _ in found(lead + "Les familles doivent faire face à des choix déchi" + after, FR)] == [
        "truncation/paragraph-end"
    ]
    assert found(lead + "Les familles doivent faire face au travail continu" + after, FR) == []


def test_a_bracket_opened_before_a_number_and_never_closed_is_cut() -> None:
    text = (
        "Le plan de relance a été présenté jeudi par le gouvernement.\n\n"
        "Les grandes lignes du plan ont fait état de quatre grands volets: développement de l'industrie (40\n\n"
        "Les détails seront publiés la semaine prochaine."
    )
    assert [(r, line, m.split("(")[1].split(")")[0]) for r, line, m in found(text, FR)] == [
        ("truncation/paragraph-end", 3, "a bracket opens and never closes")
    ]


def test_a_closed_bracket_with_a_number_is_no_cut() -> None:
    text = (
        "Le plan de relance a été présenté jeudi par le gouvernement.\n\n"
        "Les grandes lignes du plan ont fait état de quatre grands volets: "
        "développement de l'industrie (40 milliards)\n\n"
        "Les détails seront publiés la semaine prochaine."
    )
    assert [r for r, _, _ in found(text, FR) if r == "truncation/paragraph-end"] == []


BODY = (
    "Perusahaan rintisan itu meluncurkan aplikasi pembayaran baru pada Senin.\n\n"
    "Aplikasi itu sudah diunduh oleh lebih dari sepuluh ribu pengguna dalam sepekan.\n\n"
)


def test_a_promo_at_the_end_that_stops_on_a_dangling_word_is_cut() -> None:
    promo = "DailySocial.id adalah portal berita startup. Kamu bisa mengunduh laporan riset dan"
    assert [(r, line) for r, line, _ in found(BODY + promo)] == [("truncation/paragraph-end", 5)]


@pytest.mark.parametrize(
    "promo",
    [
        "DailySocial.id adalah portal berita startup. Ikuti kami di Instagram @dailysocial",
        "DailySocial.id adalah portal berita startup. Baca berita lainnya di dailysocial.id setiap hari",
        "DailySocial.id kini hadir di WhatsApp. Ikuti saluran kami dan dapatkan berita terbaru di WhatsApp",
    ],
)
def test_a_promo_ending_on_its_address_or_a_platform_is_not_judged_on_weak_evidence(promo: str) -> None:
    # a full sentence, then a fragment: a promo's style, not a cut
    assert found(BODY + promo) == []


def test_a_promo_that_stops_far_from_its_address_is_judged_like_a_sentence() -> None:
    promo = "DailySocial.id adalah portal berita startup. Kamu bisa menjadi member komunitas startup"
    assert [(r, line) for r, line, _ in found(BODY + promo)] == [("truncation/unfinished-sentence", 5)]


def test_a_promo_that_stops_near_its_address_on_a_word_no_sentence_ends_on_is_still_judged() -> None:
    # a word after the address, but one edited copy never ends a sentence on (open_words)
    promo = "DailySocial.id adalah portal berita startup. Kamu bisa menjadi member DailySocial.id, mengunduh"
    found_at = [(r, line) for r, line, _ in found(BODY + promo)]
    assert found_at == [("truncation/unfinished-sentence", 5)]


def test_a_sentence_that_ends_on_the_next_paragraph_s_first_word_is_split() -> None:
    text = (
        "Acara itu dibuka oleh wali kota pada Senin pagi.\n\n"
        "Solusi tersebut diharapkan dapat dihadirkan oleh tim\n\n"
        "developer. Pendaftaran dibuka hingga akhir bulan depan bagi semua peserta."
    )
    assert [(r, line) for r, line, _ in found(text)] == [("truncation/split-sentence", 3)]


@pytest.mark.parametrize("opening", ["z. B. wenn es regnet.", "kompas.com melaporkan hal itu."])
def test_an_abbreviation_or_a_domain_opening_a_paragraph_is_no_split(opening: str) -> None:
    text = "Acara itu dibuka oleh wali kota pada Senin pagi.\n\nPara peserta datang dari berbagai daerah\n\n" + opening
    assert [r for r, _, _ in found(text) if r == "truncation/split-sentence"] == []


PT = Options(select=("truncation/",), language="pt")
ES = Options(select=("truncation/",), language="es")
PT_BODY = (
    "Agora é oficial: o treinador não comanda mais o time. O clube oficializou a saída nesta segunda-feira.\n\n"
    "Segundo o presidente, a saída se deu por iniciativa do próprio treinador, que pediu demissão no domingo.\n\n"
    "O clube vai anunciar o substituto nos próximos dias, depois de uma reunião com a diretoria."
)


def test_a_fragment_after_a_full_sentence_further_down_is_still_weak_evidence() -> None:
    middle = (
        "Técnico pediu demissão após empate contra o Coritiba. Abel Braga é o nome mais cotado pela diretoria do clube"
        " gaúcho"
    )
    paragraphs = PT_BODY.split("\n\n")
    text = "\n\n".join([paragraphs[0], middle, *paragraphs[1:]])
    assert [(r, line) for r, line, _ in found(text, PT)] == [("truncation/unfinished-sentence", 3)]


def test_the_only_paragraph_of_an_article_trailing_off_is_still_weak_evidence() -> None:
    text = (
        "El mensaje se difundió por las redes sociales durante el fin de semana. Según los expertos "
        "consultados por Gizmodo, este mensaje se generó en Rumanía como una broma entre estudiantes de"
    )
    assert [r for r, _, _ in found(text, ES)] == ["truncation/paragraph-end"]
    text = (
        "El mensaje se difundió por las redes sociales durante el fin de semana. Según los expertos "
        "consultados por Gizmodo, este mensaje se generó en Rumanía como una broma"
    )
    assert [r for r, _, _ in found(text, ES)] == ["truncation/unfinished-sentence"]


FR_PARAS = [
    "Le gouvernement a présenté jeudi son projet de budget pour l'année prochaine.",
    "Le ministre de l'Économie, Bruno Le Maire, a dévoilé jeudi matin des augmentations d'effectifs "
    "dans la police nationale",
    "Les syndicats ont dénoncé un budget insuffisant pour les services publics du pays.",
    "Le texte sera examiné par l'Assemblée nationale à partir du mois prochain.",
]


def test_the_only_unfinished_sentence_before_pasted_ad_code_is_still_one_of_a_kind() -> None:
    code = "window._taboola = window._taboola || []; _taboola.push({mode: 'thumbnails-a', container: 'below'});"
    text = "\n\n".join([*FR_PARAS[:2], code, *FR_PARAS[2:]])
    assert ("truncation/unfinished-sentence", 3) in [(r, line) for r, line, _ in found(text, FR)]


def test_the_only_unfinished_sentence_before_a_lower_case_paragraph_goes_on() -> None:
    text = "\n\n".join([*FR_PARAS[:2], "et les syndicats ont dénoncé un budget insuffisant.", *FR_PARAS[3:]])
    assert [r for r, _, _ in found(text, FR) if r == "truncation/unfinished-sentence"] == []


def test_a_story_of_several_sentences_after_its_dateline_is_judged_as_prose() -> None:
    text = (
        "ALGER - Les banques sont appelées à évaluer les préjudices subis par les entreprises. "
        "Ainsi, les banques et établissements financiers ont adopté des mesures de"
    )
    assert [r for r, _, _ in found(text, FR)] == ["truncation/paragraph-end"]


def test_a_related_story_s_teaser_after_a_headline_and_a_colon_is_left_alone() -> None:
    teaser = (
        "Epstein's inner circle eyed: Jeffrey Epstein is dead. Prosecutors could still go after "
        "his inner circle if they helped him prey on young girls"
    )
    text = "The council approved the budget on Tuesday.\n\nThe vote was twelve to three.\n\n" + teaser
    assert found(text, Options(select=("truncation/",), language="en")) == []


@pytest.mark.parametrize(
    "teaser", ["LIRE AUSSI - Le plan de relance en dix questions", "À lire: le plan de relance de"]
)
def test_a_label_and_its_teaser_is_still_left_alone(teaser: str) -> None:
    text = (
        "Le gouvernement a présenté jeudi son plan de relance.\n\n" + teaser + "\n\nLe texte sera examiné en décembre."
    )
    assert [r for r, _, _ in found(text, FR) if r == "truncation/paragraph-end"] == []
