"""language/mixed-paragraph on copy from held-out outlets: close languages told apart by
the function words only one of them has, and the article's language taken from most of
its paragraphs when a long pasted paragraph misleads detection."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.checks.language import paragraphs_language
from newslint.engine import Options
from newslint.words import WordWork

ONLY = Options(select=("language/",))

ES = [
    "La reina animó a la población a vacunarse contra el coronavirus durante una videollamada con los "
    "responsables del programa de vacunación en el país.",
    "En la conversación, la monarca destacó además el hecho de que recibir la vacuna ayuda a proteger a "
    "los demás y dijo que no había sentido ningún dolor.",
    "Los funcionarios explicaron que el ritmo de la campaña se mantiene y que todos los adultos podrán "
    "recibir la primera dosis antes del verano.",
]
PT = [
    "A agência sul-coreana disse na sexta-feira que um alto funcionário do governo do norte visitou as "
    "regiões atingidas pelas chuvas e pediu ajuda aos vizinhos.",
    "A Coreia do Sul interrompeu em julho o envio de alimentos ao vizinho do norte depois de o regime "
    "disparar sete mísseis em um gesto de desafio.",
    "No entanto, depois de conhecer a dimensão das inundações, o governo de Seul manifestou sua "
    "predisposição em oferecer ajuda caso aconteça um novo pedido.",
    "Segundo o jornal, publicado pela associação de residentes no Japão, que é próxima ao regime, as "
    "fortes chuvas deixaram milhares de famílias sem casa.",
]
PT_IN_ES = (
    "Alckmin também pediu ao presidente que explique a origem do dinheiro apreendido com membros do "
    "partido que pretendiam adquirir um dossiê contra os adversários."
)
FR_IN_ES = (
    "Internet l'a depuis remplacé et dépassé en terme de vitesse de chargement et de nombre "
    "d'utilisateurs, ne se limitant pas à la France, selon les chiffres publiés cette semaine."
)
ES_LONG = (
    "La semana pasada, el grupo lanzó el primer contrato del mercado de futuros del agua del mundo, que "
    "permite a los compradores y vendedores intercambiar un precio fijo para la entrega futura del agua. "
    "Los analistas dijeron que el contrato servirá para que los agricultores y las ciudades se protejan "
    "de la volatilidad de los precios y que, con el tiempo, otros países podrían seguir el ejemplo de "
    "California, donde la sequía de los últimos años ha hecho subir el precio del agua a niveles nunca "
    "vistos. Sin embargo, algunos grupos advirtieron de que el agua no es una mercancía como las demás y "
    "de que su precio no debería quedar en manos de los especuladores, que podrían aprovechar las crisis "
    "para obtener beneficios a costa de los más pobres, según dijeron en un comunicado conjunto publicado "
    "el lunes por la tarde en la capital del estado."
)


def findings(paragraphs: list[str]) -> list[tuple[int, str]]:
    text = "\n\n".join(paragraphs)
    result = lint_text(text, path="draft.md", options=ONLY)
    return [(f.line, f.message.split("'")[1]) for f in result.findings]


@pytest.mark.parametrize("pasted, lang", [(PT_IN_ES, "pt"), (FR_IN_ES, "fr")])
def test_a_paragraph_in_a_close_language_is_flagged(pasted: str, lang: str) -> None:
    assert findings([ES[0], pasted, *ES[1:]]) == [(3, lang)]


def test_the_article_language_paragraphs_are_left_alone() -> None:
    assert findings(ES) == []
    assert findings(PT) == []


def test_a_long_pasted_paragraph_at_the_top_does_not_make_the_article_foreign() -> None:
    # detection reads the opening, where the pasted Spanish paragraph outweighs the Portuguese lead
    assert findings([PT[0], ES_LONG, *PT[1:]]) == [(3, "es")]


def test_the_paragraphs_outvote_a_misled_article_language() -> None:
    work = WordWork()
    assert paragraphs_language([PT[0], ES_LONG, *PT[1:]], "es", work) == "pt"
    assert paragraphs_language([*PT[:2], ES_LONG], "pt", work) == "pt"
    # one paragraph against one is no majority: the detected language stands
    assert paragraphs_language([PT[0], ES_LONG], "es", work) == "es"


ID = [
    "Pemerintah kota mengumumkan rencana pembangunan jembatan baru di atas sungai pada hari Selasa, "
    "setelah perdebatan panjang di dewan kota.",
    "Wali kota mengatakan jembatan itu akan dibuka pada bulan Mei dan biayanya akan ditanggung oleh "
    "pemerintah provinsi.",
]
QUOTED_CAPTION = (
    '"Choppy waters made it tougher but glad I chanced it. Scorching hot day by the time we got on our '
    "bikes. And the run was simply punishing. Nevertheless a good sampling of the conditions for the race "
    'in the morning. #trainingday #missingthewife," tulis Emran pada salah satu keterangan pada foto yang '
    "diunggahnya."
)
PASTED_QUOTE = (
    '"We did everything we could to keep the bridge open, but the engineers told us that the risk was '
    'simply too high for the people who use it every day," the mayor said on Tuesday in a statement.'
)


def test_a_quotation_attributed_in_the_article_language_is_quoted_on_purpose() -> None:
    assert findings([ID[0], QUOTED_CAPTION, ID[1]]) == []


def test_a_pasted_paragraph_attributing_its_quote_in_its_own_language_is_flagged() -> None:
    assert findings([ID[0], PASTED_QUOTE, ID[1]]) == [(3, "en")]


def test_a_declared_article_language_is_not_outvoted() -> None:
    text = "\n\n".join([PT[0], ES_LONG, *PT[1:]])
    result = lint_text(text, path="draft.md", options=Options(select=("language/",), language="es"))
    assert [f.line for f in result.findings] == [1, 5, 7, 9]


DE = [
    "Die Stadt hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, wie der "
    "Bürgermeister mitteilte.",
    "Der Bau der neuen Brücke über den Fluss soll im Mai beginnen und zwei Jahre dauern, sagte er.",
]
SPARSE_ID = (
    "Kandungan vitamin A yang tinggi juga mampu meningkatkan produksi sel kulit sehat guna melawan sel "
    "kulit mati penyebab jerawat di wajah."
)


def test_indonesian_prose_with_few_function_words_is_flagged() -> None:
    assert findings([DE[0], SPARSE_ID, DE[1]]) == [(3, "id")]


def _compiled() -> object:
    from newslint.checks.language import compile as compile_rule

    return compile_rule({"mode": "mixed-paragraph"}, "block")


@pytest.mark.parametrize(
    "text, expected",
    [
        # every other word an English function word: langdetect's 0.8 is agreement enough
        ("\"We've been tested in every game so far, and we're still unbeaten, so I have to be happy,\" he said.", "en"),
        # weaker word evidence still needs langdetect's 0.9
        (
            "Los fans del Real Madrid celebraron el título con un show de fireworks en el centro, "
            "the best of the year.",
            None,
        ),
    ],
)
def test_decisive_function_words_need_less_of_langdetect(text: str, expected: str | None) -> None:
    from newslint.checks.language import foreign_language

    def detector(_: str) -> tuple[str, float]:
        return "en", 0.8

    assert foreign_language(text, "es", _compiled(), detector, WordWork()) == expected  # type: ignore[arg-type]


MALAY_QUOTE = (
    '"Kami akan mengambil tindakan undang-undang terhadap individu terbabit kerana mereka gagal mematuhi '
    'arahan kuarantin yang ditetapkan oleh pihak berkuasa,"'
)


def test_a_malay_quotation_attributed_in_malay_is_pasted_copy_in_an_indonesian_story() -> None:
    # Malay and Indonesian share their function words: the attribution's marker words
    # ("katanya dalam sidang akhbar") say it is in the quotation's standard, not the story's
    assert findings([ID[0], MALAY_QUOTE + " katanya dalam sidang akhbar di sini hari ini.", ID[1]]) == [(3, "ms")]


def test_a_malay_quotation_attributed_in_indonesian_is_quoted_on_purpose() -> None:
    assert findings([ID[0], MALAY_QUOTE + " ujarnya kepada wartawan di Jakarta pada Senin.", ID[1]]) == []


BARE_ID = (
    "Pertahanan tuan rumah limbung. Lima menit berselang, tamu mampu menambah gol lewat tendangan voli "
    "memanfaatkan umpan silang dari sisi kanan lapangan."
)


def test_a_paragraph_without_one_function_word_of_a_european_story_is_flagged() -> None:
    # not one Spanish function word in a dozen lower-case words, and langdetect sure of Indonesian
    assert findings([ES[0], BARE_ID, *ES[1:]]) == [(3, "id")]


def test_a_paragraph_without_function_words_in_an_indonesian_story_is_its_own() -> None:
    # Indonesian prose goes long without a function word: the absence says nothing there
    assert findings([ID[0], BARE_ID, ID[1]]) == []


MS = [
    "KUALA LUMPUR: Kerajaan akan menyalurkan bantuan kewangan kepada semua mangsa banjir di negeri itu "
    "minggu depan, kata Menteri Besar dalam kenyataan hari ini.",
    "Beliau berkata bantuan itu akan diberikan secara berperingkat mengikut senarai yang disediakan oleh "
    "pejabat daerah selepas bancian selesai.",
]
ID_SPELLING = (
    "Jenis kredit ini cukup populer di kalangan pembeli rumah, sebab hampir semua bank menawarkannya "
    "dengan cicilan yang ringan dan kode promo untuk nasabah yang baru mendaftar."
)


def test_an_indonesian_paragraph_is_told_by_its_spelling_in_a_malay_story() -> None:
    # "populer", "cicilan", "kode": Malay writes "popular", "ansuran", "kod"
    assert findings([MS[0], ID_SPELLING, MS[1]]) == [(3, "id")]


SHORT_MS = (
    "Pada 3 Mac lalu, Mahkamah Sesyen Kuala Lumpur membenarkan permohonan Datuk Seri Anwar Ibrahim "
    "untuk menangguhkan perbicaraan itu ke bulan depan."
)
EN = [
    "To find the anomaly in the series we first need to define what a reasonable value is, and how far "
    "from it a value must be to count as a deviation.",
    "The mean is a good place to start, although it is pulled by the very outliers we are looking for, "
    "so the median is often the better choice.",
]
SQL_LINE = "SELECT avg(n) FROM unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n; avg ────────────── 4.3333333333333333"


def test_a_short_malay_paragraph_of_names_is_flagged_in_a_european_story() -> None:
    # ten lower-case words, not one Portuguese function word, four Malay ones
    assert findings([PT[0], SHORT_MS, *PT[1:]]) == [(3, "ms")]


def test_a_short_line_of_code_is_not_judged_as_a_language() -> None:
    assert findings([EN[0], SQL_LINE, EN[1]]) == []
