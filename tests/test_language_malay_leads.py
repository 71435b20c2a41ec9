"""Short Malay stories read as Malay, and a document's language taken from its own paragraphs.

The leads below are real one-paragraph Astro Awani and Berita Harian stories (the fresh
set's tune outlets) that were read as Indonesian; the pasted-paragraph cases are the
fresh injected set's: a Malay lead with a longer Portuguese agency paragraph pasted in.
"""

from __future__ import annotations

import pytest

from newslint import Options, lint_text
from newslint.language import detect, malay_or_indonesian

MALAY_LEADS = {
    # a dateline in capitals and a colon, prose after it
    "dateline": "IMOLA: Oscar Piastri menunjukkan ketenangan luar biasa untuk meraih petak "
    "di Grand Prix Emilia-Romagna, mengatasi juara dunia Max Verstappen dalam sesi yang penuh drama.",
    "dateline-country": "RABAT, Maghribi: Wydad Casablanca menafikan sedang berunding untuk menandatangani "
    "kapten Portugal, Cristiano Ronaldo dari Al-Nassr.",
    "dateline-long-subject": "JOHOR BAHRU: Pemimpin Angkatan Muda Keadilan (AMK) perlu dilihat mampu "
    "mencerna idea dan memberi penyelesaian kepada masyarakat.",
    # Malay-only words and terms, no dateline
    "temu-duga": "Calon temu duga perlu membuktikan nilai yang boleh ditawarkan kepada bakal majikan, "
    "dalam rundingan mengenai gaji.",
    "sijil": "Hotel itu mencatat sejarah sebagai hotel pertama di negara ini yang menerima pensijilan "
    "bagi acara lestari.",
    "amaran": "Jabatan Meteorologi mengeluarkan amaran ribut petir dan angin kencang di 11 negeri hingga 6 petang ini.",
}


@pytest.mark.parametrize("case", sorted(MALAY_LEADS))
def test_short_malay_lead_is_malay(case: str) -> None:
    assert detect(MALAY_LEADS[case])[0] == "ms"


INDONESIAN_LEADS = {
    # Indonesian datelines use a comma and a dash, and labels in capitals are not datelines
    "kompas": "JAKARTA, KOMPAS.com - Presiden meminta para menteri untuk mempercepat penyaluran bantuan "
    "sosial kepada masyarakat yang terdampak banjir di sejumlah daerah.",
    "simak-juga": "SIMAK JUGA: Ini daftar daerah yang akan mendapat bantuan sosial dari pemerintah pekan depan.",
    "line-up": "MANCHESTER CITY: Ederson, Walker, Dias, Ake, Rodri, De Bruyne, Foden, Grealish, Haaland.",
}


@pytest.mark.parametrize("case", sorted(INDONESIAN_LEADS))
def test_indonesian_lead_is_not_taken_for_malay(case: str) -> None:
    assert malay_or_indonesian(INDONESIAN_LEADS[case]) != "ms"


MALAY_STORY = (
    "KUALA LUMPUR: Sambutan mesra yang diterima Perdana Menteri semasa lawatan rasmi ke Rusia jelas "
    "menunjukkan komitmen tinggi antara kedua-dua pemimpin untuk memperkukuh hubungan dua hala."
)
PORTUGUESE_PARAGRAPH = (
    "Iniciando seu quinto mandato à frente da Prefeitura de Lavras, no sul de Minas, a prefeita "
    "pretende trazer projetos voltados para a área da inovação na cidade, em busca de investimentos "
    "e maior arrecadação. A prefeita reeleita em 2024 disse que a cidade tem vocação para a tecnologia "
    "e que as universidades são parceiras de primeira hora, com cursos que formam mão de obra para as "
    "empresas que chegam e para as que já estão instaladas no município há mais de uma década."
)


def test_long_pasted_paragraph_does_not_name_the_article() -> None:
    draft = "\n\n".join([MALAY_STORY, PORTUGUESE_PARAGRAPH, "Kongsi artikel ini"])
    assert detect(draft)[0] == "ms"
    result = lint_text(draft, path="draft.txt", options=Options(select=("language/",)))
    assert [(f.rule, f.line) for f in result.findings] == [("language/mixed-paragraph", 3)]
    assert "'pt'" in result.findings[0].message


def test_the_article_language_keeps_its_paragraphs_against_one_pasted() -> None:
    # two Portuguese paragraphs of the article's own against one pasted Malay one
    draft = "\n\n".join([PORTUGUESE_PARAGRAPH, MALAY_STORY, PORTUGUESE_PARAGRAPH.replace("Lavras", "Varginha")])
    assert detect(draft)[0] == "pt"


def test_a_list_article_keeps_the_language_its_lines_are_in() -> None:
    # the calendar's lines are too short to vote: one pasted Indonesian paragraph must not
    # name it (the development set's draft 0203-pt, shortened)
    stages = [
        "10 de março – Interlagos",
        "8 de abril – Curitiba / Alternativa",
        "22 de abril – Velopark",
        "6 de maio – Londrina",
        "20 de maio – Santa Cruz do Sul",
        "5 de agosto – Corrida do Milhão",
        "19 de agosto – A ser divulgado",
        "9 de setembro – Cascavel",
        "23 de setembro – Velo Città",
        "21 de outubro – Tarumã",
        "4 de novembro – A ser divulgado",
        "9 de dezembro – Interlagos",
    ]
    lines = [f"{n}a etapa: {stage}" for n, stage in enumerate(stages, 1)]
    indonesian = (
        "Desember bisa disebut menjadi bulan yang memiliki berbagai momen penting di dunia. Salah satu yang "
        "terjadi adalah pergantian tahun yang dirayakan oleh masyarakat di berbagai negara."
    )
    notes = [
        "* Calendário sujeito a inúmeras alterações usualmente feitas pelo Organizador",
        "* Calendário acima divulgado pela categoria em janeiro de 2018",
    ]
    draft = "\n\n".join(["Calendário da Stock Car 2018", indonesian, *lines, *notes])
    assert detect(draft)[0] == "pt"


def test_spanish_paragraphs_vote_despite_catalan() -> None:
    # Catalan shares Spanish function words; it is no candidate in the vote
    spanish = (
        "La reina animó a la población a vacunarse contra el virus señalando que la inyección no dolió "
        "y que es importante pensar en los demás, sobre todo en las personas que son más vulnerables."
    )
    portuguese = (
        "O ex-governador também pediu ao presidente que explique a origem do dinheiro apreendido com membros "
        "do partido, e disse que a resposta ainda não foi dada."
    )
    draft = "\n\n".join([portuguese, spanish, spanish.replace("reina", "princesa")])
    assert detect(draft)[0] == "es"
