"""Page chrome told by its shape and its place around the article, whatever its words:
a comment section under its disclaimer after a one-paragraph story, teaser lists told by
their stamps, runs of teasers next to chrome at the page's edges (jusText's context)."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options


def rules_by_line(text: str, language: str, select: tuple[str, ...] = ("markup",)) -> dict[int, set[str]]:
    result = lint_text(text, path="draft.txt", options=Options(select=select, language=language))
    out: dict[int, set[str]] = {}
    for f in result.findings:
        for line in range(f.line, f.end_line + 1):
            out.setdefault(line, set()).add(f.rule)
    return out


# -- a comment section after its disclaimer ---------------------------------------------------

STORY_PT = (
    "O ex-presidente Lula será preso na segunda-feira, confirmou o tribunal regional nesta quinta-feira "
    "à noite, depois de negar o último recurso da defesa.\n\n"
    "A defesa ainda pode recorrer ao Supremo."
)
DISCLAIMER_PT = "Os comentários não representam a opinião do site; a responsabilidade é do autor da mensagem"
# readers' posts on the story's subject (they share its names), in a reader's tone
POSTS_PT = [
    "Finalmente o tribunal fez justiça, o Lula vai pagar por tudo que fez com o país e com o povo brasileiro!",
    "E o Supremo vai soltar ele de novo na semana que vem, podem esperar, é sempre a mesma história neste país...",
    "quem acredita que o Lula vai ficar preso mais de uma semana ainda acredita em papai noel e coelhinho da páscoa",
    "O tribunal regional demorou demais, a defesa do Lula usou todos os recursos possíveis para atrasar tudo isso.",
    "Vamos gelar o espumante, segunda-feira vai ser dia de grande comemoração em todo o Brasil, ninguém segura!",
    "Será que a defesa ainda tem algum truque guardado para o Supremo? Não duvido de nada vindo dessa gente toda.",
]


def test_a_disclaimer_after_a_one_paragraph_story_opens_the_thread() -> None:
    # the story's one paragraph has no other prose line near it: the posts are the page's prose
    text = "\n\n".join([STORY_PT, DISCLAIMER_PT, *POSTS_PT]) + "\n"
    found = rules_by_line(text, "pt")
    for n in range(len(POSTS_PT)):
        line = 7 + 2 * n
        assert "markup/comment-thread" in found.get(line, set()), (line, found)
    assert not found.get(1) and not found.get(3)


def test_posts_in_a_readers_tone_under_a_disclaimer_are_a_thread_though_they_share_the_story_words() -> None:
    story = STORY_PT.replace("\n\nA defesa", " A defesa") + "\n\n" + STORY_PT
    text = "\n\n".join([story, DISCLAIMER_PT, *POSTS_PT]) + "\n"
    found = rules_by_line(text, "pt")
    assert all("markup/comment-thread" in found.get(9 + 2 * n, set()) for n in range(len(POSTS_PT))), found
    assert not any(found.get(line) for line in (1, 3, 5))


def test_a_story_that_goes_on_after_a_disclaimer_like_line_is_left_alone() -> None:
    # the story's own paragraphs after the line: long, no reader's tone
    paragraphs = [
        "O tribunal regional negou nesta quinta-feira o último recurso da defesa do ex-presidente, que deve "
        "se apresentar à Polícia Federal em Curitiba na segunda-feira, segundo a decisão.",
        "A defesa do ex-presidente informou que vai recorrer ao Supremo Tribunal Federal ainda nesta semana, "
        "com um pedido de habeas corpus preventivo.",
        "O relator do caso no tribunal regional afirmou que a decisão segue a jurisprudência da corte e que "
        "não há mais recursos possíveis na segunda instância.",
    ]
    text = "\n\n".join([STORY_PT, DISCLAIMER_PT, *paragraphs]) + "\n"
    found = rules_by_line(text, "pt")
    assert not any("markup/comment-thread" in found.get(line, set()) for line in (7, 9, 11)), found


# -- a teaser list told by its stamps -----------------------------------------------------------

LONG_ARTICLE_EN = "\n\n".join(
    [
        "The council approved the budget on Tuesday after a debate that lasted for most of the afternoon session, "
        "and the mayor thanked the members of the finance committee for their work on the plan.",
        "The mayor said the new plan would fund three schools and a clinic in the northern district, the first new "
        "buildings there for more than twenty years.",
        "The opposition said the schools were welcome but asked how the clinic would be staffed, and promised to "
        "vote against the plan next year.",
        "Building work is expected to begin in the spring, once contractors have submitted their tenders and the "
        "regional authority has approved the designs for every site.",
    ]
)
ARTICLE_EN = LONG_ARTICLE_EN


def test_section_labels_each_with_a_date_after_the_article_are_a_teaser_list() -> None:
    pairs = ["Business", "June 20, 2024", "Hollywood Inc.", "June 20, 2024", "Opinion", "June 18, 2024"]
    text = "\n\n".join([ARTICLE_EN, *pairs]) + "\n"
    found = rules_by_line(text, "en")
    # the labels between the dates and the dates (the first label is the line before the list's first stamp)
    for line in (11, 13, 15, 17, 19):
        assert "markup/teaser-stamps" in found.get(line, set()), (line, found)
    assert not any(found.get(line) for line in (1, 3, 5, 7))


def test_stamps_printed_as_a_block_take_the_headlines_above_them() -> None:
    lines = [
        "Floods cut roads to the coast for a second day",
        "Minister defends plan to close rural post offices",
        "By George Fitzmaurice February 07, 2024",
        "By Ross Kelly February 07, 2024",
        "By Emma Woollacott February 06, 2024",
        "By Daniel Todd February 06, 2024",
    ]
    text = "\n\n".join([ARTICLE_EN, *lines]) + "\n"
    found = rules_by_line(text, "en")
    assert all("markup/teaser-stamps" in found.get(9 + 2 * n, set()) for n in range(6)), found
    assert not any(found.get(line) for line in (1, 3, 5, 7))


def test_a_time_and_section_over_each_headline_is_a_teaser_list_in_french() -> None:
    article = (
        "Le conseil municipal a adopté le budget mardi soir, après un débat qui a duré presque tout l'après-midi.\n\n"
        "Le maire a déclaré que le plan financerait trois écoles et un dispensaire dans le nord de la ville."
    )
    lines = [
        "10:59 | FOOTBALL",
        "Le match reporté à mars pour les sinistrés de l'Aude",
        "10:46 | FOOTBALL",
        "Treize supporters condamnés pour des violences",
        "06/11/18 | VOILE",
        "Un marin secouru sur la Route du Rhum",
    ]
    found = rules_by_line("\n\n".join([article, *lines]) + "\n", "fr")
    # each stamp line is reported once: by the stamp's own pattern (markup/teaser-stamp) where
    # it matches, which the list's finding on the same line then leaves alone
    stamps = {"markup/teaser-stamp", "markup/teaser-stamps"}
    assert all(found.get(line, set()) & stamps for line in (5, 9)), found
    assert all("markup/teaser-stamps" in found.get(line, set()) for line in (7, 11)), found


def test_a_live_report_or_a_timeline_of_the_article_is_no_teaser_list() -> None:
    live = ["10:59", "The mayor arrives at the council.", "10:46", "The debate opens.", "10:02", "Protesters gather."]
    timeline = [
        "March 3, 2024",
        "The council first debated the budget for the northern clinic.",
        "April 9, 2024",
        "The mayor presented the plan for three schools in the district.",
        "June 18, 2024",
        "The council approved the budget for the northern district.",
    ]
    for lines in (live, timeline):
        found = rules_by_line("\n\n".join([ARTICLE_EN, *lines]) + "\n", "en")
        assert not any("markup/teaser-stamps" in rules for rules in found.values()), (lines, found)


def test_the_articles_own_byline_and_dates_are_no_teaser_list() -> None:
    header = ["By Anna Roe", "June 20, 2024", "Updated June 21, 2024, 10:00 AM"]
    found = rules_by_line("\n\n".join([*header, ARTICLE_EN]) + "\n", "en")
    assert not any("markup/teaser-stamps" in rules for rules in found.values()), found


def test_a_stamp_is_a_short_line_with_a_date_not_a_sentence_with_one() -> None:
    from newslint.checks.blocks import stamp_of

    assert stamp_of("By George FitzmauriceFebruary 07, 2024") == "date"
    assert stamp_of("20 hours ago by MacRumors Staff") == "date"
    assert stamp_of("10:59 | FOOTBALL") == "time"
    assert stamp_of("10:59") == "bare time"
    assert stamp_of("Video 01.03.2022 - 17:59 Uhr") == "date"
    assert stamp_of("The vote was held on June 5, 2024") == ""
    assert stamp_of("The vote was held on June 5, 2024.") == ""
    assert stamp_of("Floods cut roads to the coast") == ""


# -- segments past the page's chrome (jusText's near-good between bad) -----------------------

PROMPT_EN = "Sign up for our newsletter and get the day's top stories delivered to your inbox."
TEASERS_EN = [
    "A striker signs a three-year deal with the league champions.",
    "Floods cut roads to the coast for a second day running.",
    "Why train tickets cost more in the north than anywhere else.",
    "A new bridge opens after a decade of delays and disputes.",
]


def test_teaser_sentences_after_a_newsletter_prompt_are_the_pages() -> None:
    text = "\n\n".join([LONG_ARTICLE_EN, PROMPT_EN, *TEASERS_EN]) + "\n"
    found = rules_by_line(text, "en")
    assert all("markup/edge-segment" in found.get(11 + 2 * n, set()) for n in range(4)), found
    assert not any(found.get(line) for line in (1, 3, 5, 7))


def test_blurbs_before_the_story_up_to_a_piece_of_chrome_are_the_pages() -> None:
    blurbs = [
        "The top companies in entertainment, media and sport.",
        "Meet this year's most inspiring leaders.",
        "A showcase for ingenious design solutions.",
        "How the top talent from creative fields gets work done.",
    ]
    text = "\n\n".join([*blurbs, PROMPT_EN, LONG_ARTICLE_EN]) + "\n"
    found = rules_by_line(text, "en")
    assert all("markup/edge-segment" in found.get(1 + 2 * n, set()) for n in range(4)), found


def test_the_article_going_on_after_a_prompt_is_left_alone() -> None:
    going_on = [
        "The opposition said the schools in the northern district were welcome.",
        "The council will vote on the budget for the clinic again next year.",
        "The mayor said the plan would be reviewed by the finance committee.",
    ]
    closing = [*TEASERS_EN[:2], "Reporting by Anna Roe; editing by John Smith"]
    quoted = [
        '"We have waited twenty years for this," one resident said.',
        "A striker signs a three-year deal with the league champions.",
        '"It is a good day for the town," another said outside the hall.',
    ]
    for rest in (going_on, closing, quoted):
        text = "\n\n".join([LONG_ARTICLE_EN, PROMPT_EN, *rest]) + "\n"
        found = rules_by_line(text, "en")
        assert not any("markup/edge-segment" in rules for rules in found.values()), (rest, found)


def test_a_segment_between_two_parts_of_the_article_is_its_own() -> None:
    # a read-also line inside the article cuts it in two: the part before it is no edge
    first = "\n\n".join(TEASERS_EN[:3])
    text = "\n\n".join([LONG_ARTICLE_EN.split("\n\n")[0], PROMPT_EN, first, PROMPT_EN, LONG_ARTICLE_EN]) + "\n"
    found = rules_by_line(text, "en")
    assert not any("markup/edge-segment" in rules for rules in found.values()), found


def test_an_ads_label_inside_the_article_does_not_cut_the_page() -> None:
    # short paragraphs after an ad's label, on other words than the top: still the article
    text = "\n\n".join([LONG_ARTICLE_EN, "Advertisement", *TEASERS_EN]) + "\n"
    found = rules_by_line(text, "en", select=("markup", "ad-text"))
    assert "ad-text/ad-label" in found.get(9, set()), found
    assert not any("markup/edge-segment" in rules for rules in found.values()), found


# -- menus in sentence case at the page's edge ---------------------------------------------------

ARTICLE_ES = (
    "El ayuntamiento aprobó el presupuesto el martes después de un debate que duró casi toda la tarde de la sesión."
    "\n\nEl alcalde dijo que el plan financiará tres escuelas y un centro de salud en el distrito norte de la ciudad."
)


def test_a_menu_in_sentence_case_at_the_pages_top_is_reported() -> None:
    menu = ["Tecnología", "Videojuegos", "Estilo de vida", "Ver más temas", "Suscribir"]
    found = rules_by_line("\n\n".join(["Noticias del día", *menu, ARTICLE_ES]) + "\n", "es")
    assert all("markup/nav-menu" in found.get(3 + 2 * n, set()) for n in range(5)), found
    # after the article, short items in sentence case may be its own list: capitals only there
    found = rules_by_line("\n\n".join([ARTICLE_ES, *menu]) + "\n", "es")
    assert not any("markup/nav-menu" in rules for rules in found.values()), found


def test_a_menu_in_capitals_beside_the_articles_deck_is_reported() -> None:
    menu = ["Internacional", "España", "Economía", "Deportes", "Cultura"]
    deck = "El portavoz cree que el partido ha provocado una tremenda decepción en mucha gente"
    # (a plain-text draft's first paragraph is its title)
    for top in (["Noticias del día"], ["Noticias del día", "AVISO: Utilizamos cookies propias y de terceros."]):
        text = "\n\n".join([*top, *menu, deck, ARTICLE_ES]) + "\n"
        found = rules_by_line(text, "es")
        start = 1 + 2 * len(top)
        assert all("markup/nav-menu" in found.get(start + 2 * n, set()) for n in range(5)), found
        assert "markup/nav-menu" not in found.get(start + 10, set()), found


def test_a_list_of_the_articles_own_names_or_its_header_is_no_menu() -> None:
    article = (
        "A cantora Anitta lidera a lista de indicados ao prêmio deste ano, com quatro indicações, seguida por "
        "Luísa Sonza e Iza.\n\nA cerimônia acontece em dezembro no Rio de Janeiro, com apresentação de Ivete "
        "Sangalo e shows ao vivo."
    )
    nominees = ["Cantora do ano", "Anitta", "Ivete Sangalo", "Iza", "Luísa Sonza", "Revelação do ano", "Agnes Nunes"]
    found = rules_by_line("\n\n".join([article, *nominees]) + "\n", "pt")
    assert not any("markup/nav-menu" in rules for rules in found.values()), found
    header = ["By Anna Roe", "Politics", "Chief political correspondent", "London", "Updated"]
    found = rules_by_line("\n\n".join([*header, LONG_ARTICLE_EN]) + "\n", "en")
    assert not any("markup/nav-menu" in rules for rules in found.values()), found


# -- a block printed at the page's top and again at its foot -------------------------------------

MENU_EN = ["Discover", "Editions", "More from Quartz", "Follow Quartz"]


def test_a_menu_block_printed_before_and_after_the_article_is_reported() -> None:
    text = "\n\n".join(["Title", *MENU_EN, LONG_ARTICLE_EN, *MENU_EN]) + "\n"
    found = rules_by_line(text, "en")
    top = [3, 5, 7, 9]
    foot = [19, 21, 23, 25]
    assert all("markup/recurring-line" in found.get(line, set()) for line in top + foot), found
    assert not any(found.get(line) for line in (11, 13, 15, 17))


def test_a_block_printed_again_on_one_side_of_the_article_is_its_own() -> None:
    # the article's own structure after its lead: the same labels for each dish
    dish = ["Ingredients:", "Two eggs", "A pinch of salt"]
    steps = "Beat the eggs with the salt and cook them in a pan over a medium heat until they are done."
    text = "\n\n".join(["Title", LONG_ARTICLE_EN, *dish, steps, *dish, steps]) + "\n"
    found = rules_by_line(text, "en")
    assert not any("markup/recurring-line" in rules for rules in found.values()), found


# -- a menu printed on one line --------------------------------------------------------------------


def test_a_menu_on_one_line_after_the_article_is_reported() -> None:
    bars = [
        "About us/Advertise with us/Terms of Use & Grievance Redressal/Privacy Policy/Feedback/Sitemap//",
        "Visite también: elcomercio.pe| peru21.pe| peru.com| depor.com| Trabaja en el Grupo El Comercio",
    ]
    for bar in bars:
        found = rules_by_line("\n\n".join([LONG_ARTICLE_EN, bar]) + "\n", "en")
        assert "markup/link-bar" in found.get(9, set()), (bar, found)


def test_titles_credits_and_lists_joined_by_slashes_are_no_menu() -> None:
    lines = [
        "3) Cofanetto Nolan: Interstellar/Il Cavaliere Oscuro – La Trilogia/Inception/The Prestige/Memento",
        "Path A: Iceland, Bulgaria/Israel/Hungary/Romania*",
        "AFP/Reuters/AP/DPA",
        "Open daily 9/10/11/12 June",
    ]
    for line in lines:
        found = rules_by_line("\n\n".join([LONG_ARTICLE_EN, line]) + "\n", "en")
        assert "markup/link-bar" not in found.get(9, set()), (line, found)


def test_the_articles_own_list_past_a_piece_of_chrome_is_its_own() -> None:
    items = ["1) Lego Star Wars Bomber", "http://amzn.to/2iJFhRj", "2) Polistil racing track", "http://amzn.to/2hZfWFJ"]
    text = "\n\n".join([LONG_ARTICLE_EN, PROMPT_EN, *items]) + "\n"
    found = rules_by_line(text, "en")
    assert not any("markup/edge-segment" in rules for rules in found.values()), found


def test_an_article_of_short_paragraphs_cut_by_a_newsletter_prompt_is_its_own() -> None:
    # paragraphs of one sentence, none of 200 characters: the part above the prompt is as long as the rest
    intro = [
        "Virus screening is likely to become part of our life, just like security measures did after the attacks.",
        "It is important to invest in the infrastructure necessary to detect future viral outbreaks very early.",
        "Many economies adopted versions of Germany's short work subsidy during the pandemic and kept them.",
        "Remote work is likely to become much more common in the years after the crisis, for office staff at least.",
    ]
    rest = [
        "We had some evidence that working from home is at least as productive as working at the office all week.",
        "However, many companies were reluctant to embrace remote work before the outbreak began last spring.",
        "Companies with international supply chains are dealing with shortages and bottlenecks in every sector.",
        "We are likely to see many of these companies reshore some of their production in the coming years.",
        "Public debt will balloon, creating financial challenges for governments around the world for a decade.",
        "Central banks will keep interest rates low for a long time to support the recovery of the economy.",
        "Unfortunately, automation means that bringing production home will not create many factory jobs.",
        "Universities expanded online teaching, and many students said they preferred recorded lectures.",
    ]
    text = "\n\n".join(["Title", *intro, "Sign up for our newsletter and get the day's top stories.", *rest]) + "\n"
    found = rules_by_line(text, "en")
    assert "markup/newsletter-prompt" in found.get(11, set()), found
    assert not any("markup/edge-segment" in rules for rules in found.values()), found
