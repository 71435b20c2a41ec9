"""What is not a cut on its own: a name the article ends other sentences on, a paragraph of a
quotation that runs on into the next one by the convention, and the items of a list set as
paragraphs after a lead-in's colon; and what still is."""

from __future__ import annotations

from newslint import Options, lint_text

ES = Options(select=("truncation/",), language="es")
MS = Options(select=("truncation/",), language="ms")
EN = Options(select=("truncation/",), language="en")


def found(text: str, options: Options) -> list[tuple[str, int, str]]:
    result = lint_text(text, path="draft.md", options=options)
    return [(f.rule, f.line, f.message) for f in result.findings]


ES_LEAD = [
    "Las autoridades reportaron la muerte violenta de doce personas en las últimas horas en Cali.",
    "Los homicidios se registraron entre el viernes y el sábado, la mayoría con arma de fuego.",
]
ES_TAIL = [
    "Los barrios del oriente de la ciudad fueron los escenarios de estos hechos violentos.",
    "La policía anunció más patrullas para el fin de semana en toda la ciudad.",
]


def test_a_name_that_ends_another_sentence_of_the_article_closes_this_one_too() -> None:
    middle = "El viernes se produjeron cuatro asesinatos, confirmó el comando de la Policía de Cali"
    text = "\n\n".join([*ES_LEAD, middle, *ES_TAIL])
    assert found(text, ES) == []


def test_a_name_the_article_ends_no_other_sentence_on_is_still_weak_evidence() -> None:
    middle = "El viernes se produjeron cuatro asesinatos, confirmó el comando de la Policía de Palmira"
    text = "\n\n".join([*ES_LEAD, middle, *ES_TAIL])
    assert [(r, line) for r, line, _ in found(text, ES)] == [("truncation/unfinished-sentence", 5)]


def test_a_name_alone_after_a_full_stop_opens_a_sentence_and_is_still_a_fragment() -> None:
    middle = "El viernes se produjeron cuatro asesinatos, confirmó la policía. Cali"
    text = "\n\n".join([*ES_LEAD, middle, *ES_TAIL])
    assert [(r, line) for r, line, _ in found(text, ES)] == [("truncation/unfinished-sentence", 5)]


MS_LEAD = "PETALING JAYA: Vokalis kumpulan itu memohon maaf secara terbuka kepada ibu kandung anak angkatnya."
MS_QUOTE = (
    "“Saya tidak tahu akan perjanjian yang dibuat oleh pihak ibu kandung dan pihak bekas isteri saya, "
    "yang melarang kami memuat naik gambar muka anak itu di platform media sosial"
)
MS_NEXT = "“Sebagai seorang manusia biasa, saya pasti ada membuat kesilapan,” katanya."
MS_END = "Beliau turut memadam semua gambar berkenaan daripada akaun media sosialnya."


def test_a_quotation_running_on_into_the_next_paragraph_is_open_by_convention() -> None:
    # only the full stop is missing: weak evidence, an info at most, never a warning
    text = "\n\n".join([MS_LEAD, MS_QUOTE, MS_NEXT, MS_END])
    assert [r for r, _, _ in found(text, MS) if r == "truncation/paragraph-end"] == []


def test_a_quotation_that_never_closes_before_a_new_paragraph_is_still_cut() -> None:
    after = "Beliau berkata demikian dalam satu kenyataan di Instagram pada Isnin."
    text = "\n\n".join([MS_LEAD, MS_QUOTE, after, MS_END])
    assert [(r, line) for r, line, _ in found(text, MS)] == [("truncation/paragraph-end", 3)]
    assert "a quotation opens and never closes" in found(text, MS)[0][2]


def test_a_quotation_opened_after_another_closed_is_cut_even_before_a_new_quotation() -> None:
    paragraphs = [
        "Millions of people in the U.S. have diseases that affect the immune system.",
        "“I won’t take off my mask indoors no matter what the CDC says,” Dr. Kim Sue tweeted on Friday. "
        "“This is not about me, it’s about all my neighbors, immunocompromised friends, children",
        "“Tomorrow, the agency will announce new guidance,” a lawyer tweeted on Thursday.",
    ]
    text = "\n\n".join(paragraphs)
    assert [(r, line) for r, line, _ in found(text, EN)] == [("truncation/paragraph-end", 3)]


EN_LIST = [
    "Most new online businesses are invisible for months after they launch.",
    "Think about it:",
    "You build your website in its own little corner of the internet",
    "Search engines find it at the moment in time that it goes live",
    "People begin to discover and use it",
    "That is why planning comes first, long before the first product is ready.",
]


def test_the_items_of_a_list_after_a_lead_in_s_colon_are_no_cuts() -> None:
    assert found("\n\n".join(EN_LIST), EN) == []


def test_a_paragraph_stopping_on_an_open_word_without_a_lead_in_is_still_weak_evidence() -> None:
    paragraphs = [p for p in EN_LIST if p != "Think about it:"]
    assert ("truncation/unfinished-sentence", 5) in [(r, line) for r, line, _ in found("\n\n".join(paragraphs), EN)]


ID = Options(select=("truncation/",), language="id")
PT = Options(select=("truncation/",), language="pt")
FR = Options(select=("truncation/",), language="fr")

ID_LEAD = "Bakteri leptospira menyebar melalui air yang tercemar kencing tikus saat banjir."
ID_TAIL = [
    "Dinas Kesehatan meminta warga segera memeriksakan diri jika demam setelah banjir surut.",
    "Pemerintah kota juga menyiapkan obat di semua puskesmas selama sebulan ke depan.",
    "Warga diminta memakai sepatu bot saat membersihkan rumah dari lumpur.",
]


def test_an_enumeration_closed_by_its_conjunction_lacks_only_its_full_stop() -> None:
    middle = (
        "Bakteri ini dapat masuk melalui kulit yang terluka. Orang dengan risiko tinggi tertular adalah "
        "petani, pekerja tambang, atau dokter hewan"
    )
    text = "\n\n".join([ID_LEAD, middle, *ID_TAIL])
    assert found(text, ID) == []


def test_an_enumeration_cut_before_its_conjunction_is_still_weak_evidence() -> None:
    middle = (
        "Bakteri ini dapat masuk melalui kulit yang terluka. Orang dengan risiko tinggi tertular adalah "
        "petani yang bekerja di sawah setiap hari tanpa sepatu bot"
    )
    text = "\n\n".join([ID_LEAD, middle, *ID_TAIL])
    assert [(r, line) for r, line, _ in found(text, ID)] == [("truncation/unfinished-sentence", 3)]


def test_a_currency_sign_before_its_missing_amount_is_a_cut() -> None:
    text = (
        "O banco divulgou o balanço trimestral nesta quinta-feira.\n\n"
        "A carteira de empréstimos para pessoa física somou R$"
    )
    assert [(r, line) for r, line, _ in found(text, PT)] == [("truncation/paragraph-end", 3)]
    assert "it ends on 'R$', which an amount follows" in found(text, PT)[0][2]
    text = "Nilai proyek pembangunan jalan tol itu ditaksir mencapai senilai Rp"
    assert [r for r, _, _ in found(text, ID)] == ["truncation/paragraph-end"]


def test_a_currency_sign_after_its_amount_closes_the_sentence() -> None:
    text = "Le gouvernement a présenté son budget.\n\nLe nouveau billet de train coûtera désormais 49 €"
    assert [r for r, _, _ in found(text, FR) if r == "truncation/paragraph-end"] == []


def test_a_title_whose_name_is_missing_is_a_cut() -> None:
    text = "Le parquet a ouvert une enquête.\n\nLe courriel consulté par l'AFP est une réponse de Me"
    assert [(r, line) for r, line, _ in found(text, FR)] == [("truncation/paragraph-end", 3)]
    assert "it ends on 'Me', which opens a name that is not there" in found(text, FR)[0][2]


def test_a_title_after_its_name_or_a_capital_is_no_cut() -> None:
    text = "Le parquet a ouvert une enquête.\n\nLe courriel a été envoyé par le cabinet de Jean Dupont Me"
    assert [r for r, _, _ in found(text, FR) if r == "truncation/paragraph-end"] == []


def test_a_short_english_line_ending_on_an_article_is_cut_and_one_ending_on_a_preposition_may_be_a_heading() -> None:
    cut = "Kremen also confirmed that a\n\n3,400 hryvnia ($89) fine had been imposed on a Kiev taxi driver."
    assert [(r, line) for r, line, _ in found(cut, EN)] == [("truncation/paragraph-end", 1)]
    heading = (
        "Police closed the bridge on Monday morning after a lorry overturned.\n\nWho the rules apply to\n\n"
        "Drivers of lorries over 7.5 tonnes must take the ring road."
    )
    assert found(heading, EN) == []


def test_a_list_item_stopping_on_a_word_no_sentence_ends_on_is_cut() -> None:
    text = "Dicas para o verão:\n\n- Beba muita água durante o dia\n\n- Seja cauteloso com os"
    assert [(r, line) for r, line, _ in found(text, PT)] == [("truncation/paragraph-end", 5)]
    assert "the list item ends on 'os'" in found(text, PT)[0][2]
    text = "Tips for the summer:\n\n1. Drink plenty of water during the day\n2. Be careful with the"
    assert [(r, line) for r, line, _ in found(text, EN)] == [("truncation/paragraph-end", 4)]


def test_a_list_item_closing_an_enumeration_or_leading_to_the_next_item_is_no_cut() -> None:
    text = "Dicas:\n\n- Beba muita água durante o dia\n\n- Leve protetor solar, chapéu, e"
    assert found(text, PT) == []
    text = "Drivers must:\n\n- carry a licence;\n- show their papers; and\n- pay the toll."
    assert found(text, EN) == []


def test_a_paragraph_stopping_on_a_modal_is_weak_evidence_in_indonesian() -> None:
    # two paragraphs without an end: neither is the article's only one, so the modal is the evidence
    text = "\n\n".join(
        [
            "Krisis ekonomi di Venezuela terus memburuk sepanjang tahun ini.",
            "Selama setahun lebih, pemerintahan di Caracas mesti",
            "Warga antre berjam-jam untuk membeli bahan makanan pokok di pasar setiap hari",
            "Harga roti naik tiga kali lipat dalam sebulan terakhir.",
        ]
    )
    assert [(r, line) for r, line, _ in found(text, ID)] == [("truncation/unfinished-sentence", 3)]
    assert "it ends on 'mesti', which a sentence seldom ends on" in found(text, ID)[0][2]


def test_a_sentence_split_after_a_closing_bracket_goes_on_in_lower_case() -> None:
    text = (
        "The avalanche came amid the season's first major snowfall.\n\n"
        "The area is under a winter storm warning until Sunday morning, with the National Weather Service "
        "saying 12 to 15 inches (38 centimeters)\n\n"
        "of snow is possible for areas above 2,000 feet (610 meters)."
    )
    assert [(r, line) for r, line, _ in found(text, EN)] == [("truncation/split-sentence", 3)]


def test_list_items_that_lost_their_bullets_and_end_on_brackets_are_no_split() -> None:
    text = (
        "Entre os eleitores de Lula em SP, 84% pretendem votar em Haddad.\n\n"
        "entre os moradores do interior paulista (56% a 33%)\n\n"
        "entre os que estudaram até o ensino médio (50% a 36%)\n\n"
        "entre os que possuem renda familiar mensal de 5 a 10 salários mínimos (56% a 36%)."
    )
    assert [r for r, _, _ in found(text, PT) if r == "truncation/split-sentence"] == []
