"""Page furniture a naive scraper keeps (rules/core/page-furniture.yaml and the kicker
headlines of the related-list mode), on whole drafts in the language they are read in.

Each rule's own examples test it line by line; these tests read a draft as the linter
does, so they also see that one line is reported by one family only, and that the
article's prose around the furniture is left alone. The lines are of the families found
missed on scraped pages of sites no rule was tuned on (benchmarks/scraped2).
"""

from __future__ import annotations

import pytest
from chrome_drafts import findings

from newslint import lint_text
from newslint.engine import Options


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        ("en", "You must login to comment.", "markup/login-prompt"),
        ("en", "Forgot your username or password?", "markup/login-prompt"),
        ("de", "Sie müssen angemeldet sein, um zu kommentieren.", "markup/login-prompt"),
        ("fr", "Pas encore de compte ? Créez-en un gratuitement.", "markup/login-prompt"),
        ("es", "¿No tienes cuenta? Regístrate gratis", "markup/login-prompt"),
        ("pt", "Você precisa estar logado para comentar.", "markup/login-prompt"),
        ("id", "Belum punya akun? Daftar sekarang", "markup/login-prompt"),
        ("en", "Home » World » Over 100 pupils taken ill in the west of the country", "markup/breadcrumb"),
        ("id", "Beranda > Berita > Nasional", "markup/breadcrumb"),
        ("de", "Startseite › Politik › Ausland", "markup/breadcrumb"),
        ("de", "« Vorige | Nächste »", "markup/pagination"),
        ("en", "Previous Slide Next Slide", "markup/pagination"),
        ("fr", "‹ Précédent Suivant ›", "markup/pagination"),
        ("en", "Loading weather data ...", "markup/loading-placeholder"),
        ("id", "Memuat komentar...", "markup/loading-placeholder"),
        ("en", "Follow us on Twitter for the latest in deals and the people behind them.", "markup/outlet-promo"),
        ("id", "Tempo Media Group © 2017", "markup/copyright-notice"),
        ("de", "Weitere News", "markup/see-all-link"),
        ("en", "More stories »", "markup/see-all-link"),
        ("fr", "Voir toutes les vidéos", "markup/see-all-link"),
        ("pt", "Veja todos os vídeos", "markup/see-all-link"),
        (
            "en",
            "Are you in the city? Please send us your eyewitness accounts using the form below.",
            "markup/reader-callout",
        ),
        ("de", "Schicken Sie uns Ihre Fotos und Videos vom Unwetter.", "markup/reader-callout"),
        ("es", "Envíanos tus fotos y vídeos de la tormenta.", "markup/reader-callout"),
        ("id", "Kirimkan foto dan video Anda ke redaksi kami.", "markup/reader-callout"),
    ],
)
def test_a_furniture_line_is_reported_once_by_its_family(language: str, chrome: str, rule: str) -> None:
    assert findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, prose",
    [
        ("en", "Health workers said the HIV/AIDS programme had reached 3,000 people in the region this year."),
        ("en", "The minister said she had forgotten her password and could not log in to the system for days."),
        ("en", "Users who created an account before March will keep their data, the company said."),
        ("fr", "« Nous sommes tous des réfugiés », a-t-il dit devant la foule réunie place de la République."),
        ("en", "Next, the minister turned to the budget and the plans for the new schools in the north."),
        ("en", "Loading the ship took three days, the captain said."),
        ("id", "Ia mengatakan, foto itu diambil oleh warga pada Senin pagi dan langsung diunggah ke media sosial."),
        ("de", "Zurück in Berlin sagte der Minister, er sei mit dem Ergebnis der Gespräche zufrieden."),
        ("en", "More news is expected on Monday, the spokesman said."),
        ("en", "The police asked witnesses to send their videos to investigators."),
        ("en", "Send your photos to the exhibition by Friday, the organisers said."),
    ],
)
def test_prose_about_the_same_things_is_left_alone(language: str, prose: str) -> None:
    assert findings(prose, language) == []


ARTICLE = [
    "Mozilla hat am Dienstag neue Vorabversionen seines Browsers Firefox veröffentlicht, die schneller starten sollen.",
    "Die Entwickler wollen künftig alle sechs Wochen eine neue Version ausliefern, teilte das Unternehmen mit.",
]
KICKER_TEASERS = [
    "Mozilla: Neue Firefox-Versionen alle sechs Wochen",
    "Browser: Opera bekommt einen neuen Kern für Webseiten",
    "Unsicheres Filesharing: Bittorrent kompromittiert Tor-Nutzer",
    "Sicheres Betriebssystem: Qubes erscheint als erste Beta",
    "Führungswechsel: IBM Deutschland bekommt eine Chefin",
]
RECORDS = [
    "Tore: Müller 12, Kroos 45",
    "Zuschauer: 45.000 im Stadion",
    "Schiedsrichter: Felix Brych aus München",
    "Gelbe Karten: Hummels, Neuer",
    "Anstoß: 20.45 Uhr",
]


def test_teasers_with_a_kicker_after_the_article_are_a_related_list() -> None:
    text = "\n\n".join([*ARTICLE, *KICKER_TEASERS]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language="de"))
    assert [f.line for f in result.findings] == [5, 7, 9, 11, 13]


def test_label_and_value_records_after_the_article_are_left_alone() -> None:
    text = "\n\n".join([*ARTICLE, *RECORDS]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language="de"))
    assert list(result.findings) == []


def test_a_run_of_dates_after_the_article_is_a_list_that_lost_its_headlines() -> None:
    dates = ["April 15, 2011", "April 14, 2011", "April 12, 2011", "April 8, 2011"]
    text = "\n\n".join([*ARTICLE, "\n".join(dates)]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/recurring-line",), language="de"))
    assert [f.line for f in result.findings] == [5, 6, 7, 8]


def test_a_list_of_yearly_figures_is_left_alone() -> None:
    figures = ["2018: 12 Tore", "2019: 15 Tore", "2020: 9 Tore", "2021: 11 Tore"]
    text = "\n\n".join([*ARTICLE, "\n".join(figures)]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/recurring-line",), language="de"))
    assert list(result.findings) == []


# Teasers with a kicker whose headlines hold a version, a model or a date: a headline's numbers,
# not a record's values. Each list after its article, in the language it is read in.
NUMBERED_KICKERS = {
    "de": (
        [
            "Der Stadtrat hat den Haushalt am Dienstag nach einer langen Debatte mit knapper Mehrheit beschlossen.",
            "Der Bürgermeister sagte, der Plan finanziere drei Schulen und eine Klinik im Norden der Stadt.",
        ],
        [
            "Mozilla: Firefox 5 erscheint am 21. Juni 2011",
            "Browser: Opera 11.10 mit neuem Browserkern",
            "Mozilla: Neue Firefox-Versionen alle sechs Wochen",
            "Smartphone: Neues Android-Modell mit zwei Kernen",
            "Führungswechsel: IBM Deutschland bekommt eine Chefin",
        ],
    ),
    "en": (
        [
            "The council approved the budget on Tuesday after a debate that lasted for most of the afternoon session.",
            "The mayor said the new plan would fund three schools and a clinic in the northern district.",
        ],
        [
            "Browsers: Firefox 5 arrives on June 21 with faster tabs",
            "Phones: Android 4.1 brings a new lock screen",
            "Security: Hackers break into the blog host's servers",
            "Games: Resistance 3 gets a new weather engine",
            "Markets: Chip makers lift the index for a third day",
        ],
    ),
    "fr": (
        [
            "Le conseil municipal a adopté le budget mardi soir, après un débat qui a duré presque tout l'après-midi.",
            "Le maire a déclaré que le plan financerait trois écoles et un dispensaire dans le nord de la ville.",
        ],
        [
            "Navigateur : Firefox 5 sortira le 21 juin prochain",
            "Téléphonie : Android 4.1 arrive sur les tablettes",
            "Sécurité : Des pirates visent les hébergeurs de blogs",
            "Jeux vidéo : Un nouveau moteur météo pour Resistance 3",
            "Bourse : Les valeurs technologiques tirent le marché",
        ],
    ),
    "es": (
        [
            "El pleno aprobó el presupuesto el martes después de un debate que duró casi toda la tarde de la sesión.",
            "El alcalde dijo que el plan financiará tres escuelas y un centro de salud en el distrito norte.",
        ],
        [
            "Navegadores: Firefox 5 llegará el 21 de junio",
            "Telefonía: Android 4.1 estrena pantalla de bloqueo",
            "Seguridad: Piratas atacan los servidores de un blog",
            "Videojuegos: Resistance 3 tendrá un nuevo motor del clima",
            "Bolsa: Las tecnológicas tiran del índice por tercer día",
        ],
    ),
    "pt": (
        [
            "A câmara aprovou o orçamento na terça-feira depois de um debate que durou quase toda a tarde da sessão.",
            "O prefeito disse que o plano vai financiar três escolas e uma clínica na zona norte da cidade.",
        ],
        [
            "Navegadores: Firefox 5 chega em 21 de junho",
            "Celulares: Android 4.1 traz nova tela de bloqueio",
            "Segurança: Piratas invadem servidores de blogs",
            "Games: Resistance 3 ganha um novo motor de clima",
            "Bolsa: Empresas de tecnologia puxam o índice",
        ],
    ),
    "id": (
        [
            "Dewan kota menyetujui anggaran pada Selasa setelah perdebatan yang berlangsung hampir sepanjang sore.",
            "Wali kota mengatakan rencana itu akan membiayai tiga sekolah dan sebuah klinik di wilayah utara kota.",
        ],
        [
            "Peramban: Firefox 5 Meluncur pada 21 Juni",
            "Ponsel: Android 4.1 Bawa Layar Kunci Baru",
            "Keamanan: Peretas Bobol Server Penyedia Blog",
            "Gim: Resistance 3 Dapat Mesin Cuaca Baru",
            "Bursa: Saham Teknologi Angkat Indeks Tiga Hari",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(NUMBERED_KICKERS))
def test_teasers_with_a_kicker_and_numbers_in_their_headlines_are_a_related_list(language: str) -> None:
    article, teasers = NUMBERED_KICKERS[language]
    text = "\n\n".join([*article, *teasers]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language=language))
    assert [f.line for f in result.findings] == [5, 7, 9, 11, 13]


def test_records_whose_values_are_numbers_stay_records_after_a_kicker() -> None:
    records = [
        "Tore: Müller 12, Kroos 45, Havertz 78",
        "Ergebnis: Bayern 2:1 gegen Real Madrid",
        "Quote: 45 Prozent der Stimmen",
        "Anstoß: 20.45 Uhr im Stadion",
        "Zuschauer: 45.000 im Olympiastadion Berlin",
    ]
    text = "\n\n".join([*ARTICLE, *records]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language="de"))
    assert list(result.findings) == []


CUT_TEASERS = [
    "BP executives have been grilled by shareholders...",
    "Nearly 60 percent of big Japanese companies have...",
    "Tax Masters is accused of pulling a fast one ...",
    "Google co-founder Larry Page is in the spotlight…",
]


def test_a_run_of_teasers_cut_short_with_an_ellipsis_is_reported_line_by_line() -> None:
    text = "\n\n".join([*ARTICLE, *CUT_TEASERS]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/cut-teasers",), language="de"))
    assert [f.line for f in result.findings] == [5, 7, 9, 11]
    assert "teaser 1 of 4 in a row cut short with an ellipsis" in result.findings[0].message


@pytest.mark.parametrize(
    "lines",
    [
        CUT_TEASERS[:2],  # two in a row: a paragraph or two trailing off
        [CUT_TEASERS[0], ARTICLE[0], CUT_TEASERS[1], ARTICLE[1], CUT_TEASERS[2]],  # not in a row
        ["„Wir haben jahrelang gewartet...", "„Dann haben wir noch länger gewartet...", "„Und nichts ist passiert..."],
        ["Mehr ...", "Mehr ...", "Mehr ..."],  # links alone, no teaser's words
    ],
)
def test_lines_that_trail_off_one_at_a_time_or_as_speech_are_left_alone(lines: list[str]) -> None:
    text = "\n\n".join([*ARTICLE, *lines]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/cut-teasers",), language="de"))
    assert list(result.findings) == []


ARROW_LED = {
    "en": [
        "Floods cut roads to the coast for a second day",
        "Minister defends plan to close rural post offices",
        "Star striker signs three-year deal with rivals",
    ],
    "de": [
        "Hochwasser sperrt Straßen zur Küste",
        "Minister verteidigt Schließung der Postfilialen",
        "Neue Brücke nach zehn Jahren eröffnet",
    ],
    "id": [
        "Banjir memutus jalan ke pantai",
        "Menteri membela penutupan kantor pos",
        "Penyerang itu meneken kontrak tiga tahun",
    ],
}


@pytest.mark.parametrize("arrow", ["►", "▶", "→"])
@pytest.mark.parametrize("language", sorted(ARROW_LED))
def test_three_links_led_by_an_arrow_are_a_related_list(language: str, arrow: str) -> None:
    links = [f"{arrow} {headline}" for headline in ARROW_LED[language]]
    text = "\n\n".join([*ARTICLE, *links]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language=language))
    assert [f.line for f in result.findings] == [5, 7, 9]
    assert "links marked with an arrow" in result.findings[0].message


def test_steps_led_by_an_arrow_that_are_sentences_are_left_alone() -> None:
    steps = [
        "→ Open the settings and choose the account you want to close.",
        "→ Confirm the choice with the code the bank sends you by text message.",
        "→ Wait for the letter that confirms the account is closed.",
    ]
    text = "\n\n".join([*ARTICLE, *steps]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup/related-list",), language="en"))
    assert list(result.findings) == []
