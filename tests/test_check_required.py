"""required: what counts as a byline or a date in real drafts, and what does not."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

BODY = "Pemerintah Kabupaten Tangerang meraih penghargaan Paritrana Award 2024."
MORE = "Penghargaan diserahkan di Jakarta Selatan oleh Menko PMK."


def missing(text: str, language: str, path: str = "draft.md") -> set[str]:
    options = Options(select=("metadata/missing-byline", "metadata/missing-date"), language=language)
    return {f.rule.split("-")[-1] for f in lint_text(text, path=path, options=options).findings}


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (f"{BODY}\n\n{MORE}", "id", {"byline", "date"}),
        (f"---\nauthor: Andri\ndate: 2024-09-12\n---\n\n{BODY}", "id", set()),
        (f"Oleh: Andri Bagus\n\n{BODY}\n\n{MORE}", "id", {"date"}),
        (f"{BODY}\n\n{MORE}\n\n( trisno ).", "id", {"date"}),  # the reporter's end credit
        (f"{BODY}\n\n{MORE}\n\n(kny/imk)", "id", {"date"}),
        # scraped byline lines
        (f"Afif Farhan -Sepakbola | Selasa, 17 Jun 2025 20:00 WIB\n\n{BODY}", "id", set()),
        (f"Ruby Rachmadina, Larissa Huda Tim Redaksi | Kompas.com - 10/06/2025, 21:24 WIB\n\n{BODY}", "id", set()),
        (f"Yolanda Agne | 18 Juni 2025 | 20.07 WIB\n\n{BODY}", "id", set()),
        (f"Aleš Vávra | 2021-11-01T10:52:50+0100\n\n{BODY}", "id", set()),
        (f"Jakarta, Kamis (12/9/2024) - {BODY}", "id", {"byline"}),  # a dateline carries a date
        # a date deep in the story is not the publication date
        (f"{BODY}\n\n{MORE}\n\n{MORE}\n\n{MORE}\n\nAcara digelar Kamis (12/09/24).", "id", {"byline", "date"}),
        ("By Jane Smith\n\nMarch 3, 2021\n\nThe council approved the budget on Tuesday.", "en", set()),
        ("The council approved the budget.\n\nReporting by Jane Smith; Editing by John Doe", "en", {"date"}),
        ("Posted by kovarex on 2019-02-15, all posts\n\nThe release plan is set.", "en", set()),
    ],
)
def test_evidence(text: str, language: str, expected: set[str]) -> None:
    assert missing(text, language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国务院常务会议决定进一步推动消费回升。\n\n会议要求各地抓好落实。", {"byline", "date"}),
        ("新华社北京2024年9月12日电（记者 张晓明）国务院常务会议决定推动消费回升。", set()),
        ("입력 2024.09.12 10:30\n\n서울시는 새 교통 정책을 발표했다.\n\n홍길동 기자", set()),
        ("Von Anna Schmidt\n\nAktualisiert 12 September 2024\n\nDer Rat hat den Haushalt beschlossen.", set()),
    ],
)
def test_the_core_fallback_reads_other_scripts(text: str, expected: set[str]) -> None:
    assert missing(text, "xx") == expected


def test_an_empty_document_requires_nothing() -> None:
    assert missing("", "id") == set()
    assert missing("   \n\n  ", "en") == set()


# Sentences that open with the byline word are prose, not bylines, in every pack.
@pytest.mark.parametrize(
    "opening, language",
    [
        ("Oleh karena itu, pemerintah menambah stok beras di pasar.", "id"),
        ("Oleh sebab itu warga diminta berhemat selama bulan puasa.", "id"),
        ("Oleh sebab itu, kerajaan menambah stok beras di pasar.", "ms"),
        ("By the end of the year the council will have spent the budget.", "en"),
        ("By 2030 the city wants to run every bus on electricity.", "en"),
        ("By contrast, Berlin plans to finish in 2035.", "en"),
        ("By Tuesday 12 people had died in the floods.", "en"),
        ("Von der Leyen sagte am Montag, die Union stehe zusammen.", "de"),
        ("Par ailleurs, le Sénat examinera le texte en juin.", "fr"),
        ("Por su parte, el Senado debatirá el texto en marzo.", "es"),
        ("Por outro lado, a Câmara ainda precisa votar os destaques.", "pt"),
        ("Von der Leyen said on Monday the union stood together.", "xx"),
    ],
)
def test_a_sentence_opening_with_the_byline_word_is_not_a_byline(opening: str, language: str) -> None:
    assert "byline" in missing(f"{opening}\n\n{MORE}", language)


@pytest.mark.parametrize(
    "byline, language",
    [
        ("Oleh: Andri Bagus", "id"),
        ("OLEH ANDRI BAGUS", "id"),
        ("Penulis: Andri Bagus", "id"),
        ("Oleh AHMAD ZAKI", "ms"),
        ("By Jane Smith, Reuters", "en"),
        ("By JANE SMITH and Tom Hale | CNN", "en"),
        ("Von Anna Müller", "de"),
        ("Par Léa Moreau", "fr"),
        ("Por Ana García", "es"),
        ("Por Ana Souza", "pt"),
        ("By Jane Smith", "xx"),
        ("By Ricardo Paye 69784 69", "en"),  # share counters glued on by a scraper
        ("By Ian Fortey May 21, 2017 79,678 views", "en"),  # the date and counters too
        ("By: Sorcha Faal, and as reported to her subscribers", "en"),  # an explicit label
    ],
)
def test_a_name_line_is_a_byline(byline: str, language: str) -> None:
    assert "byline" not in missing(f"{byline}\n\n{BODY}", language)


# A date range or a date inside a sentence near the top is not a publication date.
@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Pameran digelar 12-14 Maret 2025 di Jakarta Convention Center.", "id"),
        ("Festival berlangsung pada 12-14/3/2025 di Bandung.", "id"),
        ("PPKM darurat berlaku dari tanggal 3-20 Juli 2021 di Jawa dan Bali.", "id"),
        ("Pameran itu diadakan dari 12 hingga 14 Mac 2025 di Kuala Lumpur.", "ms"),
        ("The festival runs from 12 to 14 March 2025 in the old town.", "en"),
        ("The fair runs 12-14 March 2025 in the old town.", "en"),
        ("Die Messe findet vom 12. bis 14. März 2025 in Leipzig statt.", "de"),
        ("Le festival se tient du 12 au 14 mars 2025 à Lyon.", "fr"),
        ("La feria se celebra del 12 al 14 de marzo de 2025 en Sevilla.", "es"),
        ("A feira acontece de 12 a 14 de março de 2025 em Lisboa.", "pt"),
        ("The fair runs 12-14/3/2025 in the old town.", "xx"),
    ],
)
def test_a_date_in_the_prose_is_not_a_publication_date(sentence: str, language: str) -> None:
    assert "date" in missing(f"{sentence}\n\n{MORE}", language)


@pytest.mark.parametrize(
    "line, language",
    [
        ("Liputan6.com | Diperbarui 17 Jun 2025, 10:30 WIB", "id"),
        ("Kiki Safitri, Jessi Carina | Kompas.com- 18/06/2025, 21:02 WIB", "id"),
        ("Andri Bagus Syaeful | , Jurnalis-Rabu, 18 Juni 2025 |09:31 WIB", "id"),
        ("Jakarta, 12 Juni 2025 - Presiden tiba di Istana Merdeka.", "id"),
        ("Jane Smith | Wed 3 March 2021", "en"),
        ("March 3, 2021 10:30 a.m. ET", "en"),
        ("Maria Rossi | 12.09.2024", "xx"),
        ("By Ian Fortey May 21, 2017 79,678 views", "en"),
    ],
)
def test_a_date_line_is_a_publication_date(line: str, language: str) -> None:
    assert "date" not in missing(f"{line}\n\n{BODY}", language)


# Header lines a draft carries in any language: a language pack adds its own byline and date
# lines to the core's, it does not lose them (a German or Malay draft with "Name | ISO date"
# was reported as having no byline).
HEADERS = {
    "de": "Der Rat hat den Haushalt am Dienstag nach langer Debatte beschlossen.",
    "es": "El consejo aprobó el presupuesto el martes tras un largo debate.",
    "fr": "Le conseil a adopté le budget mardi après un long débat.",
    "pt": "O conselho aprovou o orçamento na terça-feira após um longo debate.",
    "ms": "KUALA LUMPUR: Majlis meluluskan belanjawan itu pada Selasa selepas perbahasan panjang.",
    "id": BODY,
    "en": "The council approved the budget on Tuesday after a long debate.",
}


@pytest.mark.parametrize("language", sorted(HEADERS))
@pytest.mark.parametrize(
    "header, expected",
    [
        ("Maria Fernanda Souza | 2021-11-01T10:52:50+0100", set()),
        ("By Maria Fernanda Souza", {"date"}),
        ("By Mohamed Farid Noh dan Mohd Nasaruddin Parzi", {"date"}),
        ("20/05/2025 18:04 MYT", {"byline"}),
        ("13 May 2025, 10:43PM", {"byline"}),
    ],
)
def test_every_pack_reads_the_header_lines_of_any_language(language: str, header: str, expected: set[str]) -> None:
    assert missing(f"{header}\n\n{HEADERS[language]}", language) == expected


@pytest.mark.parametrize("language", sorted(HEADERS))
def test_the_inherited_patterns_do_not_read_prose_as_a_header(language: str) -> None:
    prose = "By the end of the year, prices rose.\n\nThe festival runs from 12-14/3/2025 in the centre."
    assert missing(f"{HEADERS[language]}\n\n{prose}", language) == {"byline", "date"}


def test_a_language_rule_adds_its_patterns_to_the_core_rule_of_its_id() -> None:
    from newslint.rules import load_rules

    rules = {(r.id, r.pack): r for r in load_rules()}
    core, ms = rules["metadata/missing-date", "core"], rules["metadata/missing-date", "ms"]
    assert set(core.params["patterns"]) < set(ms.params["patterns"])
    own_iso = "[^\\n]{0,80}?\\b\\d{4}-\\d{2}-\\d{2}(?!\\d)(?![^\\n]*\\b\\p{Ll}{3,}\\s+\\p{Ll}{3,}\\b))"
    assert ms.params["patterns"][0].endswith(own_iso)  # its own patterns first


# Prose that opens like a byline or holds a date range, in each pack language: neither
# field is found in it (issue 11: "Oleh karena itu...", "By the end of...", a date range).
LOOKALIKES = {
    "en": [
        "By the end of the year, prices rose.",
        "By then, the city had spent it all.",
        "The fair runs 12/3/2025 - 14/3/2025 in the old town.",
        "The fair runs March 12 - March 14, 2025 downtown.",
        "The fair runs 2025-03-12 to 2025-03-14 downtown with music.",
    ],
    "de": [
        "Von der Leyen sagte am Montag, die Union stehe.",
        "Von Anfang an war klar, dass es knapp wird.",
        "Die Messe läuft vom 12.03.2025 - 14.03.2025 in Leipzig.",
        "Die Messe findet vom 12. bis 14. März 2025 statt.",
    ],
    "fr": [
        "Par ailleurs, le Sénat examinera le texte.",
        "Par conséquent, la ville paiera.",
        "Le festival a lieu du 12 mars - 14 mars 2025 à Lyon.",
        "Le festival a lieu 12/3/2025 - 14/3/2025 à Lyon.",
    ],
    "es": [
        "Por su parte, el Congreso votó.",
        "Por primera vez, Madrid votó.",
        "La feria va del 12/3/2025 - 14/3/2025 en Sevilla.",
        "La feria se celebra del 12 al 14 de marzo de 2025.",
    ],
    "pt": [
        "Por outro lado, a Câmara vota.",
        "Por isso, a cidade pagará.",
        "REPORTAGEM: Eleições: o dia em que tudo mudou",
        "Reportagem de hoje da Folha informa que a medida caiu.",
        "A feira vai de 12/3/2025 - 14/3/2025 em Lisboa.",
    ],
    "id": [
        "Oleh karena itu, pemerintah menambah stok.",
        "Oleh sebab itu warga diminta berhemat.",
        "Bandung dan Garut diguyur hujan pada 12/3/2025 - 14/3/2025.",
        "Pameran digelar 12 Maret - 14 Maret 2025 di Jakarta.",
        "Turnamen digelar pada 14 - 17 Desember 2017 di Bogor.",
    ],
    "ms": [
        "Oleh itu, kerajaan menambah peruntukan.",
        "Oleh yang demikian, penduduk diminta bersabar.",
        "Pameran diadakan 12/3/2025 - 14/3/2025 di Shah Alam.",
        "Pameran diadakan 12 Mac - 14 Mac 2025 di Shah Alam.",
        "Sumber: Kementerian Kesihatan Malaysia",
    ],
}


@pytest.mark.parametrize(
    "language, prose", [(lang, line) for lang, lines in sorted(LOOKALIKES.items()) for line in lines]
)
def test_prose_that_looks_like_a_byline_or_a_date_line_is_neither(language: str, prose: str) -> None:
    assert missing(f"{prose}\n\n{HEADERS[language]}", language) == {"byline", "date"}
