"""blocks: related-headline lists, menus and hard-wrapped paragraphs, told by the shape
of a run of lines and where it sits; and the lists, tables and verse that only look
like them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from newslint.checks import blocks
from newslint.engine import Options, lint_document, literal_index
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule, load_rules

PROSE_1 = "The council approved the budget on Tuesday after a debate that lasted for most of the afternoon session."
PROSE_2 = "The mayor said the new plan would fund three schools and a clinic in the northern district next year."
HEADLINES = [
    "Floods cut roads to the coast for a second day",
    "Minister defends plan to close rural post offices",
    "Star striker signs three-year deal with rivals",
    "New bridge opens after a decade of delays",
    "Why train tickets cost more in the north",
    "Schools prepare for the new term in the capital",
]


def mode_rule(mode: str, **params: int) -> Rule:
    return build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": f"markup/{mode}",
            "check": "blocks",
            "severity": "warning",
            "message": "{evidence}: {match}",
            "with": {"mode": mode, **params},
        },
    )


def lint(mode: str, text: str, path: str = "draft.md", **params: int) -> list[tuple[int, str]]:
    doc = read_string(text, path)[0]
    result = lint_document(doc, RuleSet((mode_rule(mode, **params),)), Options(language="en"))
    return [(f.line, f.message) for f in result.findings]


def paragraphs(*texts: str) -> str:
    return "\n\n".join(texts) + "\n"


@pytest.mark.parametrize(
    "line, shape",
    [
        ("Floods cut roads to the coast for a second day", blocks.HEADLINE),
        ("Les voyages en train sont-ils trop chers ?", blocks.HEADLINE),
        ("« Le besoin est urgent de faire de l’enfance une priorité nationale »", blocks.HEADLINE),
        ("tribune | La Synarchie, ce complot permanent qui ...", blocks.HEADLINE),
        ("[Floods cut roads to the coast](https://example.com/a)", blocks.HEADLINE),
        ("DEPORTES", blocks.MENU),
        ("Mercedes Benz", blocks.MENU),
        (PROSE_1, blocks.PROSE),
        ("The mayor spoke.", blocks.OTHER),  # a sentence
        ("and the river rose", blocks.OTHER),  # lower case: not a title
        ("Wahyu Nugroho, Otavio, Saputra, Rochman;", blocks.OTHER),
        ("出国前：政治科目会出啥考题？", blocks.OTHER),  # no letter case to read
        ("", blocks.OTHER),
    ],
)
def test_shape_of_a_line(line: str, shape: str) -> None:
    assert blocks.shape_of(line) == shape


def test_headlines_after_the_last_paragraph_give_one_finding_per_line() -> None:
    found = lint("related-list", paragraphs(PROSE_1, PROSE_2, *HEADLINES))
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15]
    assert found[0][1] == (
        "line 1 of a 6-line run of headlines after the article's last paragraph: "
        "Floods cut roads to the coast for a second day"
    )


def test_headlines_before_the_first_paragraph_in_a_scraped_page() -> None:
    page = "\n".join(["Title of the page", "", *HEADLINES, PROSE_1, PROSE_2]) + "\n"
    found = lint("related-list", page, "page.txt")
    assert [line for line, _ in found] == [3, 4, 5, 6, 7, 8]
    assert "before the article's first paragraph" in found[0][1]


def test_a_short_run_is_not_enough_without_a_mark() -> None:
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, *HEADLINES[:4])) == []


def test_linked_headlines_are_a_list_wherever_they_sit() -> None:
    links = "\n".join(f"- [{h}](https://example.com/{n})" for n, h in enumerate(HEADLINES[:3]))
    found = lint("related-list", paragraphs(PROSE_1, links, PROSE_2))
    assert len(found) == 3
    assert "of linked headlines between paragraphs of the article" in found[0][1]


def test_section_headline_lines_are_a_list() -> None:
    lines = ["35 heures | Les tabous adorés des politiques", "tribune | La Synarchie", "LIVRES | Lettre ouverte"]
    found = lint("related-list", paragraphs(PROSE_1, PROSE_2, *lines))
    assert len(found) == 3


@pytest.mark.parametrize(
    "lines",
    [
        # results, a line-up, enumerated options, "Label: value" records
        [f"Team {a} {n} - {n + 3} Team {b}" for n, (a, b) in enumerate(zip("ABCDEF", "GHIJKL", strict=True))],
        [f"(A{n}) Kisah tentang dewa nomor {n}" for n in range(6)],
        [f"Country {c} (Group {c}): Seventh appearance" for c in "ABCDEF"],
        # entries opening with the same word as each other
        [f"Pratu {name} terkena serpihan peluru di kaki" for name in ("Ridai", "Didi", "Bayu", "Agung", "Budi")],
        # a post's closing calls to the reader
        ["Thank you all for your kind reviews?", "Book your tickets through the site today!", *HEADLINES[:3]],
    ],
)
def test_records_and_calls_are_not_headlines(lines: list[str]) -> None:
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, *lines)) == []


def test_a_list_introduced_by_a_lead_in_is_the_articles_own() -> None:
    lead_in = "The ministry named the projects it will fund next year:"
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, lead_in, *HEADLINES)) == []


def test_a_label_in_capitals_does_not_introduce_a_list() -> None:
    found = lint("related-list", paragraphs(PROSE_1, PROSE_2, "PREVIOUS COVERAGE:", *HEADLINES))
    assert [match for _, match in found][0].endswith("PREVIOUS COVERAGE:")  # the label goes with its list
    assert len(found) == len(HEADLINES) + 1


def test_headlines_between_paragraphs_are_crossheads() -> None:
    text = paragraphs(PROSE_1, *HEADLINES[:3], PROSE_2, *HEADLINES[3:], PROSE_1)
    assert lint("related-list", text) == []


def test_a_page_without_prose_is_left_alone() -> None:
    assert lint("related-list", paragraphs(*HEADLINES)) == []


def test_menu_after_the_article() -> None:
    menu = ["SECCIONES", "ESPAÑA", "DEPORTES", "INTERNACIONAL", "MÚSICA", "TELEVISIÓN"]
    found = lint("nav-menu", "\n".join(["Title", "", PROSE_1, PROSE_2, *menu]) + "\n", "page.txt")
    assert [line for line, _ in found] == [5, 6, 7, 8, 9, 10]
    assert "of menu items after the article's last paragraph" in found[0][1]
    # the same items make no related list
    assert lint("related-list", "\n".join(["Title", "", PROSE_1, PROSE_2, *menu]) + "\n", "page.txt") == []


def test_short_lines_with_lower_case_words_are_not_a_menu() -> None:
    names = ["Henrique e Juliano", "Jorge e Mateus", "Sandy e Junior", "Anitta", "Ivete Sangalo"]
    assert lint("nav-menu", paragraphs(PROSE_1, PROSE_2, *names)) == []


WRAPPED = (
    "It seems fired FBI Director James Comey's ties to the foundation and the\n"
    "conflicts of interest are deeper, closer than we thought. Comey served as\n"
    "general counsel at the company until 2010, when he departed with money.\n"
)


def test_hard_wrapped_paragraph_in_a_text_draft() -> None:
    found = lint("hard-wrap", "Title\n\n" + WRAPPED, "draft.txt", min_run=2)
    assert [line for line, _ in found] == [3, 4]
    assert found[0][1].startswith("break 1 of 2 in this paragraph, mid-sentence: It seems")


def test_soft_wrapped_markdown_is_one_paragraph() -> None:
    assert lint("hard-wrap", WRAPPED, "draft.md", min_run=2) == []


def test_hard_breaks_in_markdown_count() -> None:
    text = WRAPPED.replace("the\n", "the  \n").replace("as\n", "as\\\n")
    assert len(lint("hard-wrap", text, "draft.md", min_run=2)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The rain came down on the hills,\nand the river rose,\nand the town slept.\n",  # verse
        "spotx.tv,238936,RESELLER,7842df1d2fe2db34a\nrubiconproject.com,16414,RESELLER,0bfd66d529a55\n"
        "appnexus.com,1234,RESELLER,f5ab79cb980f11d1\n",  # records
        "It seems fired FBI Director James Comey's ties to the foundation are deeper.\n"
        "Conflicts of interest are deeper, closer than we thought, the report says.\n",  # one sentence a line
    ],
)
def test_lines_that_are_not_a_wrapped_paragraph(text: str) -> None:
    assert lint("hard-wrap", "Title\n\n" + text, "draft.txt", min_run=2) == []


def test_one_break_is_not_enough() -> None:
    text = WRAPPED.split("\n")[0] + "\n" + "conflicts of interest are deeper, closer than we thought.\n"
    assert lint("hard-wrap", "Title\n\n" + text, "draft.txt", min_run=2) == []


@pytest.mark.parametrize(
    "lines",
    [
        # a schedule in "Section | Headline" form
        ["15:55 WIB | Free Practice 1", "16:00 WIB | Free Practice 2", "10:20 WIB | Qualifying"],
        # steps that lean on each other
        [
            "Naik MRT tujuan Stasiun Blok M",
            "Lalu, lanjutkan perjalanan dengan Transjakarta",
            "Transit di halte Monas",
            "Selanjutnya, naik Transjakarta di koridor 2",
            "Kemudian, turun di Halte Harmoni",
        ],
        # a table's cells
        ["M", "S", "Bahrain", "12", "China", "9"],
    ],
)
def test_schedules_steps_and_cells_are_not_chrome(lines: list[str]) -> None:
    text = paragraphs(PROSE_1, PROSE_2, *lines)
    assert lint("related-list", text) == lint("nav-menu", text) == []


# -- repeated title ----------------------------------------------------------------------


def test_a_scraped_page_repeating_its_headline_is_flagged_in_any_case_and_punctuation() -> None:
    text = (
        "NBC fired Megyn Kelly before her show\n\n"
        "NBC FIRED MEGYN KELLY BEFORE HER SHOW.\n"
        f"{PROSE_1}\n"
        "NBC fired Megyn Kelly before her show\n"
        f"{PROSE_2}\n"
    )
    found = lint("repeated-title", text, path="page.txt")
    assert [line for line, _ in found] == [3, 5]
    assert found[0][1] == "the headline repeated in the body: NBC FIRED MEGYN KELLY BEFORE HER SHOW."


def test_a_metadata_title_printed_as_the_body_heading_is_left_alone_but_not_a_later_copy() -> None:
    head = "---\ntitle: NBC fired Megyn Kelly before her show\n---\n\n"
    assert lint("repeated-title", head + paragraphs("# NBC fired Megyn Kelly before her show", PROSE_1)) == []
    later = head + paragraphs(PROSE_1, PROSE_2, PROSE_1 + " Again.", "NBC fired Megyn Kelly before her show")
    assert [line for line, _ in lint("repeated-title", later)] == [11]


def test_a_short_title_and_a_line_that_only_opens_like_the_title_are_not_repeats() -> None:
    assert lint("repeated-title", "Opinion\n\nOpinion\n" + PROSE_1 + "\n", path="page.txt") == []
    text = "NBC fired Megyn Kelly\n\nNBC fired Megyn Kelly before her new show began in June\n" + PROSE_1 + "\n"
    assert lint("repeated-title", text, path="page.txt") == []


# -- recurrence ----------------------------------------------------------------------------


def test_a_line_printed_three_times_in_a_row_is_flagged_and_twice_is_not() -> None:
    found = lint("recurrence", paragraphs(PROSE_1, PROSE_2, "Share article", "Share article", "Share article"))
    assert [line for line, _ in found] == [5, 7, 9]
    assert found[0][1] == "line 1 of 3 alike in a row: Share article"
    assert lint("recurrence", paragraphs(PROSE_1, PROSE_2, "Share article", "Share article")) == []


def test_timestamps_alike_but_for_their_numbers_are_flagged_and_table_rows_are_not() -> None:
    stamps = [f"Friday, 19 June 2015 | 13:{m:02d} WIB" for m in (12, 9, 4)]
    assert len(lint("recurrence", paragraphs(*stamps, PROSE_1, PROSE_2))) == 3
    rows = [f"{n}% ({n + 1}% in the previous poll)" for n in (33, 12, 5)]
    assert lint("recurrence", paragraphs(PROSE_1, *rows, PROSE_2)) == []


THREAD = [
    "Send a message to PepeChan",
    "His face says it all, and I hope the court is quick about it this time round.",
    "Valorar",
    "Send a message to ponsshan1",
    "In a few hours their friends will say that arrests are not the answer.",
    "Valorar",
    "Send a message to Fran1968",
    "About time too",
    "Valorar",
]


def test_a_comment_thread_after_the_article_is_flagged_line_by_line_from_its_first_post() -> None:
    found = lint("recurrence", paragraphs(PROSE_1, PROSE_2, *THREAD, "Ver lista completa"))
    assert [line for line, _ in found] == list(range(5, 22, 2))
    assert found[0][1] == "a thread of 3 posts, each closed by 'Valorar': Send a message to PepeChan"


def test_a_label_the_article_repeats_between_its_own_paragraphs_is_not_a_thread() -> None:
    # the article goes on after the last one
    assert lint("recurrence", paragraphs(PROSE_1, *THREAD, PROSE_2)) == []
    # no post between two of them: a list, not a thread
    listed = ["Valorar", "PepeChan", "Valorar", "Fran1968", "Valorar"]
    assert lint("recurrence", paragraphs(PROSE_1, PROSE_2, "Intro", *listed)) == []


SERVICES = [
    "Manage your subscription",
    "Place your advert in the paper",
    "Browse thousands of job offers in the region",
    "Paper on Facebook",
    "Follow the paper on Twitter",
    "Netvibes RSS",
]


def test_a_mixed_run_of_service_links_that_closes_the_page_is_flagged() -> None:
    found = lint("related-list", paragraphs(PROSE_1, PROSE_2, *SERVICES, "with Blurb", "Forgot your password?"))
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15]


def test_short_labels_among_longer_lines_with_a_sentence_after_them_are_a_plan() -> None:
    tail = "The council will publish the full list of services on its website next week, the mayor said."
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, *SERVICES, tail)) == []


# -- repeated line -------------------------------------------------------------------------


def test_a_long_line_said_again_inside_a_paragraph_of_lines_is_flagged_once() -> None:
    text = f"{PROSE_1}\n{PROSE_1}\n{PROSE_2}\n\n{PROSE_2}\n"
    found = lint("repeated-line", text)
    assert found == [
        (2, f"the same words as line 1 of the body: {PROSE_1}"),
        (5, f"the same words as line 3 of the body: {PROSE_2}"),
    ]


def test_paragraphs_repeated_whole_and_short_lines_are_left_to_other_rules() -> None:
    assert lint("repeated-line", paragraphs(PROSE_1, PROSE_2, PROSE_1)) == []
    assert lint("repeated-line", "Share this story now\nShare this story now\n\n" + PROSE_1 + "\n") == []


PAGE_WRAPPED = (
    "Comey served as general counsel at Lockheed Martin until 2010 when he departed\n"
    "with over six million dollars to show for it. That same year Lockheed Martin became a\n"
    "member of the Clinton Global Initiative and won seventeen contracts from the State\n"
    "Department, which was led by then-Secretary of State Hillary Clinton, Big League\n"
    "Politics reports."
)
ONE_BREAK = (
    "It seems fired FBI Director James Comey's ties to the Clinton Foundation and the\n"
    "conflicts of interest are deeper, closer than we thought."
)


def test_on_a_wrapped_page_a_single_break_and_a_break_before_a_capital_are_the_same_wrapping() -> None:
    found = lint("hard-wrap", paragraphs(ONE_BREAK, PAGE_WRAPPED), path="page.txt", min_run=2)
    assert [line for line, _ in found] == [1, 4, 5, 6, 7]
    assert found[0][1].startswith("a break mid-sentence on a page wrapped at a fixed width: It seems")
    assert found[-1][1].startswith("break 4 of 4 in this paragraph, mid-sentence: Department,")


def test_a_single_break_or_a_line_before_a_capital_is_not_wrapping_when_no_paragraph_is_wrapped() -> None:
    assert lint("hard-wrap", paragraphs(ONE_BREAK, PROSE_1), path="page.txt", min_run=2) == []
    names = "The minister thanked the mayors of the northern towns, among them Anna\nSchmidt and Peter Novak."
    assert lint("hard-wrap", paragraphs(names, ONE_BREAK), path="page.txt", min_run=2) == []


def test_the_label_above_a_run_of_headlines_after_the_article_is_part_of_it() -> None:
    found = lint("related-list", paragraphs(PROSE_1, PROSE_2, "PREVIOUS COVERAGE OF THE FLOODS:", *HEADLINES))
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15, 17]
    assert found[0][1].endswith(": PREVIOUS COVERAGE OF THE FLOODS:")


def test_a_list_of_sources_named_by_their_sites_is_not_a_menu() -> None:
    sources = ["DailyCaller.com", "NewsTarget.com", "FDA.gov", "TheDailySheeple.com", "www.example.org"]
    text = paragraphs(PROSE_1, PROSE_2, PROSE_1 + " Again.", "Sources:", *sources)
    assert lint("nav-menu", text) == []
    menu = ["Politik", "Wirtschaft", "Kultur", "Sport", "Reise"]
    assert len(lint("nav-menu", paragraphs(PROSE_1, PROSE_2, *menu))) == 5


def test_items_numbered_with_a_hash_are_the_article_s_own_list() -> None:
    items = [f"#{n} {headline}" for n, headline in enumerate(HEADLINES, 1)]
    assert lint("related-list", paragraphs(*items, PROSE_1, PROSE_2)) == []
    assert len(lint("related-list", paragraphs(*HEADLINES, PROSE_1, PROSE_2))) == len(HEADLINES)


def test_a_finding_on_a_crlf_line_of_raw_html_ends_before_its_line_break() -> None:
    from newslint import lint_article

    only = Options(select=("markup/recurring-line",), language="en")
    result = lint_article(body="<div>\r\n<div>\r\n<div>\r\n", body_format="markdown", language="en", options=only)
    spans = [(f.line, f.column, f.end_column) for f in result.findings if f.rule == "markup/recurring-line"]
    assert spans == [(1, 1, 6), (2, 1, 6), (3, 1, 6)]  # "<div>" is columns 1-5


def labelled(text: str, labels: tuple[str, ...] = ("Baca juga", "Read also")) -> list[int]:
    doc = read_string(text, "draft.txt")[0]
    keys = frozenset(map(blocks._label_key, labels))
    return [line for line, _ in blocks.labelled_lists(blocks.lines_of(doc), keys, 3)]


def test_headlines_under_a_widget_label_are_flagged_after_the_first() -> None:
    text = paragraphs(PROSE_1, "Read also:", *HEADLINES[:3], PROSE_2)
    # lines: prose, label, three headlines, prose; the first headline is the label's (widget-line)
    assert labelled(text) == [3, 4]


def test_a_single_headline_and_a_crosshead_under_a_label_are_left_alone() -> None:
    assert labelled(paragraphs(PROSE_1, "Read also:", HEADLINES[0], "What happens next", PROSE_2)) == []


def test_headlines_under_a_line_that_is_not_a_label_are_left_alone() -> None:
    assert labelled(paragraphs(PROSE_1, "In the news", *HEADLINES[:3], PROSE_2)) == []


def test_a_headline_printed_twice_after_the_article_is_flagged_both_times() -> None:
    text = paragraphs(PROSE_1, PROSE_2, HEADLINES[0], HEADLINES[0], "(ab/cd)")
    found = lint("doubled-headline", text, "draft.txt")
    assert [line for line, _ in found] == [5, 7]


@pytest.mark.parametrize(
    "tail",
    [
        [HEADLINES[0]],  # printed once
        [HEADLINES[0], HEADLINES[0], HEADLINES[0]],  # three times: markup/recurring-line's
        [HEADLINES[0], HEADLINES[0], PROSE_1],  # a caption printed twice, then the text goes on
        ["26 Mei - 4 Juni : Rp 300.000", "26 Mei - 4 Juni : Rp 300.000"],  # a table's entry
    ],
)
def test_what_is_not_a_doubled_teaser(tail: list[str]) -> None:
    assert lint("doubled-headline", paragraphs(PROSE_1, PROSE_2, *tail), "draft.txt") == []


def test_a_closing_list_of_a_few_words_an_item_is_the_articles_own() -> None:
    items = [
        "Obama knew about Hillary’s private email server",
        "Obama IRS targets conservatives",
        "Benghazi-gate",
        "Operation Fast & Furious",
        "Extortion 17",
        "Miriam Carey",
        "Birth certificate",
        "Executive orders",
        "Refusal to prosecute New Black Panthers",
        "Egypt",
    ]
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, *items), "draft.txt", min_run=5) == []


def broken(text: str) -> list[int]:
    doc = read_string(text, "draft.txt")[0]
    anchors = frozenset({"whatsapp channel"})
    return [line for line, _ in blocks.broken_prompts(blocks.lines_of(doc), anchors, 2)]


def test_the_fragments_of_a_prompt_broken_at_its_links_are_flagged() -> None:
    text = paragraphs(
        PROSE_1, "Follow", "breaking news", "and", "our picks", "on your phone: join the WhatsApp Channel :"
    )
    assert broken(text) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "tail",
    [
        ["Follow", "on your phone: join the WhatsApp Channel :"],  # one fragment is not a broken prompt
        ["Follow", "breaking news", "On your phone: join the WhatsApp Channel :"],  # does not go on from them
        ["He", "added", "that police traced the WhatsApp channel the group used."],  # a sentence about a channel
    ],
)
def test_what_is_not_a_broken_prompt(tail: list[str]) -> None:
    assert broken(paragraphs(PROSE_1, *tail)) == []


# -- the page's tail under a header of its chrome ------------------------------------------

TEASER_SENTENCES = [
    "Floods cut the roads to the coast for a second day as rivers burst their banks.",
    "A new bridge opens in the harbour district after a decade of delays and disputes.",
    "Star striker signs a three-year deal with the league's champions after a long chase.",
]
POSTS = [
    "This is long overdue. The northern district has waited for a clinic for years.",
    "Who is going to pay for it? Not the mayor, that's for sure.",
]


def tail(text: str, until: str, *labels: str, notice: str = "") -> list[int]:
    extra = {"notice": notice} if notice else {}
    rule = build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "markup/tail",
            "check": "blocks",
            "severity": "warning",
            "message": "{evidence}: {match}",
            "with": {"mode": "tail-section", "until": until, "labels": list(labels), **extra},
        },
    )
    doc = read_string(text, "draft.txt")[0]
    return [f.line for f in lint_document(doc, RuleSet((rule,)), Options(language="en")).findings]


@pytest.mark.parametrize(
    "header",
    ["Comments", "3 Comments", "Comments (3)", "{ 3 comments }", "LEAVE A REPLY", "210 Comments • Add a comment"],
)
def test_a_comment_header_makes_every_line_after_it_junk(header: str) -> None:
    text = paragraphs(PROSE_1, PROSE_2, header, *POSTS)
    assert tail(text, "page", "Comments", "Leave a reply", "Add a comment") == [5, 7, 9]


NOTICE = r"comments\s+are\s+(?:closed|moderated)|you\s+must\s+be\s+logged\s+in\s+to\s+comment"


@pytest.mark.parametrize("notice", ["Comments are closed.", "Comments are moderated and may take a day to appear."])
def test_a_notice_of_the_comment_section_opens_the_tail_as_its_header_does(notice: str) -> None:
    text = paragraphs(PROSE_1, PROSE_2, notice, *POSTS)
    assert tail(text, "page", "Leave a reply", notice=NOTICE) == [5, 7, 9]
    assert tail(text, "page", "Leave a reply") == []  # without the notice, no header


def test_a_notice_above_the_article_or_inside_a_sentence_is_no_tail() -> None:
    assert tail(paragraphs("Comments are closed.", PROSE_1, PROSE_2), "page", notice=NOTICE) == []
    reported = "The forum said comments are closed for the weekend, and would open again on Monday morning."
    assert tail(paragraphs(PROSE_1, reported, *POSTS), "page", notice=NOTICE) == []
    long_line = "Comments are closed " + "and the site said so again " * 6 + "on Monday."
    assert tail(paragraphs(PROSE_1, PROSE_2, long_line, *POSTS), "page", notice=NOTICE) == []


def test_a_count_above_the_article_is_no_tail() -> None:
    assert tail(paragraphs("3 Comments", PROSE_1, PROSE_2), "page", "Comments") == []


def test_teaser_sentences_under_a_related_header_are_junk_when_the_article_ends() -> None:
    text = paragraphs(PROSE_1, PROSE_2, "More from The Courier", *TEASER_SENTENCES)
    assert tail(text, "prose", "More from *") == [5, 7, 9, 11]


@pytest.mark.parametrize(
    "header",
    [
        "More from the council",  # a lower-case word after the label is not a site's name
        "More from The Courier.",  # a sentence
        "Mais de 6.500 presos serão afetados pelo indulto.",
    ],
)
def test_what_only_starts_like_a_wildcard_header(header: str) -> None:
    text = paragraphs(PROSE_1, PROSE_2, header, *TEASER_SENTENCES)
    assert tail(text, "prose", "More from *", "Mais de *") == []


def test_the_article_going_on_after_a_related_header_is_left_alone() -> None:
    going_on = [
        "The council said the budget would also cover repairs. The vote was close, with eleven for and nine against.",
        '"We have waited long enough for this," the mayor said after the vote.',
    ]
    text = paragraphs(PROSE_1, "Related Stories", *HEADLINES[:3], *going_on)
    assert tail(text, "prose", "Related stories") == [3, 5, 7, 9]  # the header and its headlines only
    crosshead = paragraphs(PROSE_1, "Related Stories", HEADLINES[0], "What happens next", *going_on)
    assert tail(crosshead, "prose", "Related stories") == []  # one headline, then the article's crosshead


def test_the_articles_sign_off_closes_a_widget_inside_it() -> None:
    text = paragraphs(PROSE_1, PROSE_2, "Baca juga:", *TEASER_SENTENCES, "(fem/ddn)", "kakatua", "satwa liar")
    assert tail(text, "prose", "Baca juga") == [5, 7, 9, 11]


def test_sentences_that_carry_on_the_articles_subject_are_not_teasers() -> None:
    on_subject = [
        "The council budget also covers repairs to the market hall in the northern district.",
        "Opposition members of the council voted against the budget and the clinic.",
        "The mayor will present the schools plan to parents next month.",
    ]
    text = paragraphs(PROSE_1, PROSE_2, "Related Stories", *on_subject)
    assert tail(text, "prose", "Related stories") == []


def test_one_sentence_after_a_related_header_is_the_articles_last_paragraph() -> None:
    text = paragraphs(PROSE_1, PROSE_2, "Veja também:", "Virou um inimigo e perseguiu o ministro até dezembro.")
    assert tail(text, "prose", "Veja também") == []


def test_a_singular_comment_header_needs_its_count() -> None:
    text = paragraphs(PROSE_1, PROSE_2, "{header}", *POSTS)
    labels = ("Comments", "# comment", "comment #")
    assert tail(text.replace("{header}", "1 Comment"), "page", *labels) == [5, 7, 9]
    assert tail(text.replace("{header}", "Comment (1)"), "page", *labels) == [5, 7, 9]
    assert tail(text.replace("{header}", "Comment"), "page", *labels) == []


def test_a_tables_comments_column_is_no_thread() -> None:
    cells = ["new", "new", "scheduled", "Pick up new tasks.", "enqueued", "started", "timeout"]
    assert tail(paragraphs(PROSE_1, PROSE_2, "Comments", *cells), "page", "Comments") == []


def test_a_header_alone_at_the_pages_end_is_left_to_the_phrase_lists() -> None:
    assert tail(paragraphs(PROSE_1, PROSE_2, "Related Stories"), "prose", "Related stories") == []


@pytest.mark.parametrize(
    "stamps",
    [
        ["Posted on 04/13/2011 01:51 PM", "Posted on 04/09/2011 10:08 PM", "Posted on 04/12/2011 09:59 AM"],
        [
            "wrote on October 28, 2010 @ 3:29 PM",
            "wrote on October 28, 2010 @ 3:33 PM",
            "wrote on October 29, 2010 @ 10:35 AM",
        ],
        ["3 hours ago", "5 hours ago", "2 days ago"],
        ["vor 3 Stunden", "vor 5 Stunden", "vor 2 Tagen"],
        ["Anna says:", "mark_77 says:", "Susan P says:"],
    ],
)
def test_a_thread_told_by_its_posts_stamps_is_flagged_to_its_last_post(stamps: list[str]) -> None:
    posts = [*POSTS, "I hope the court is quick about it this time, for everyone's sake."]
    thread = [line for stamp, post in zip(stamps, posts, strict=True) for line in (stamp, post)]
    found = lint("recurrence", paragraphs(PROSE_1, PROSE_2, *thread))
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15]


def test_reporting_verbs_and_an_article_after_stamps_are_no_thread() -> None:
    said = ["The minister said:", POSTS[0], "The mayor said:", POSTS[1], "The judge said:", PROSE_2]
    assert lint("recurrence", paragraphs(PROSE_1, *said)) == []
    stamps = ["3 hours ago", POSTS[0], "5 hours ago", POSTS[1], "2 days ago", POSTS[0], PROSE_1, PROSE_2]
    assert lint("recurrence", paragraphs(PROSE_1, PROSE_2, *stamps)) == []


def test_a_bad_notice_regex_is_a_clear_rule_error() -> None:
    from newslint.rules import RuleError

    with pytest.raises(RuleError, match="invalid notice regex"):
        tail(paragraphs(PROSE_1, PROSE_2), "page", notice="(comments")


TERMS = r"\b(?:log\s*in|register(?:ed)?|password|account|e-?mail\s+address|username)\b"
ADDRESS = r"\b(?:you|your|click|enter)\b"
PANEL = [
    "Lost your password? Check the box, enter your e-mail address above, then click Submit.",
    "Lost your username? Enter your e-mail address above.",
    "or",
    "Not registered?",
]


def vocabulary(text: str, indexed: bool = False, **params: object) -> list[int]:
    rule = build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "markup/panel",
            "check": "blocks",
            "severity": "warning",
            "message": "{evidence}: {match}",
            "with": {"mode": "vocabulary-run", "min_run": 3, "terms": TERMS, "address": ADDRESS, **params},
        },
    )
    doc = read_string(text, "draft.txt")[0]
    ruleset = RuleSet((rule,))
    if indexed:  # the finder of the required strings, as a run of many drafts builds it
        assert literal_index(ruleset, build=True) is not None
    return [f.line for f in lint_document(doc, ruleset, Options(language="en")).findings]


def test_a_run_of_account_lines_is_a_panel_with_the_short_line_inside_it() -> None:
    assert vocabulary(paragraphs(PROSE_1, PROSE_2, *PANEL)) == [5, 7, 9, 11]


def test_account_words_in_an_articles_paragraphs_are_no_panel() -> None:
    story = [
        "Hackers stole the passwords of three million accounts, the company said on Tuesday.",
        "The company urged users to change their password and to log in again with a new one.",
        "Researchers said the accounts had been offered for sale on a forum since March.",
    ]
    assert vocabulary(paragraphs(PROSE_1, *story)) == []  # nobody is addressed: the article's sentences
    assert vocabulary(paragraphs(PROSE_1, PANEL[0], PROSE_2, PANEL[1], PROSE_1)) == []  # not adjacent
    same_word = ["Your password", "Your password again", "Enter your password"]
    assert vocabulary(paragraphs(PROSE_1, *same_word)) == []  # one word of the vocabulary is no panel


def test_the_required_strings_looked_for_in_the_whole_draft_give_the_runs_of_the_line_by_line_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A line is searched with only the strings the draft has somewhere: the same panels as
    # with every string in every line, and none without the strings (the draft folded in
    # pieces, a line never cut between two of them).
    requires = ["log", "regist", "pass", "account", "mail", "user", "zzz-not-here"]
    panel = paragraphs(PROSE_1, PROSE_2, *PANEL)
    assert vocabulary(panel, requires=requires) == vocabulary(panel) == [5, 7, 9, 11]
    # the document's finder of required strings gives the blocks to look at
    assert vocabulary(panel, indexed=True, requires=requires) == [5, 7, 9, 11]
    few = ["pass", "regist", "zzz"]  # the username line holds none: the run breaks there
    assert vocabulary(panel, indexed=True, requires=few) == vocabulary(panel, requires=few) == []
    assert vocabulary(panel, indexed=True, requires=[*few, "mail"]) == [5, 7, 9, 11]
    two = paragraphs(PROSE_1, "\n".join(PANEL[:2]), "\n".join(PANEL[2:]))  # lines inside blocks
    assert vocabulary(two, indexed=True, requires=requires) == vocabulary(two) == [3, 4, 6, 7]
    for indexed in (False, True):
        assert vocabulary(panel, indexed=indexed, requires=["zzz-not-here"]) == []
        assert vocabulary(panel, indexed=indexed, requires=["user"]) == []  # only "username": one line, no run
    monkeypatch.setattr(blocks, "PRESENT_PIECE", 8)
    assert vocabulary(panel, requires=requires) == [5, 7, 9, 11]
    lines = blocks.lines_of(read_string(panel, "draft.txt")[0])
    assert blocks._present(("pass", "regist", "zzz", "user"), lines) == ("pass", "regist", "user")
    assert blocks._present(("PASS",), lines) == ()  # (given case folded, as compiled)


def test_the_tail_sections_and_runs_read_the_articles_prose_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    plain = blocks._article_prose

    def counted(lines: list[blocks.Line]) -> list[int]:
        calls.append(len(lines))
        return plain(lines)

    monkeypatch.setattr(blocks, "_article_prose", counted)
    doc = read_string(paragraphs(PROSE_1, PROSE_2, "Comments", *PANEL), "draft.txt")[0]
    rules = [r for r in load_rules() if r.check == "blocks"]
    found = lint_document(doc, RuleSet(tuple(rules)), Options(language="en")).findings
    assert {f.rule for f in found} >= {"markup/comment-thread"}
    assert len(calls) == 1


def test_two_lines_of_another_kind_end_the_run() -> None:
    text = paragraphs(PROSE_1, PANEL[0], "or", "and then", PANEL[1], PANEL[3])
    assert vocabulary(text) == []


def test_vocabulary_run_needs_its_terms() -> None:
    from newslint.rules import RuleError

    with pytest.raises(RuleError, match="needs 'terms'"):
        vocabulary(PROSE_1, terms="")


GRID = ["Weekdays 7p et", "Weekdays 8p et", "Weekends 12p et", "Saturday 2:30p et", "Sunday 2p et"]


def test_a_programme_grid_of_days_and_times_is_flagged_line_by_line() -> None:
    found = lint("recurrence", paragraphs(PROSE_1, PROSE_2, *GRID))
    assert [line for line, _ in found] == [5, 7, 9, 11, 13]
    assert "schedule grid" in found[0][1]


def test_a_few_slots_or_slots_with_their_shows_are_no_grid() -> None:
    assert lint("recurrence", paragraphs(PROSE_1, *GRID[:3], PROSE_2)) == []
    shows = [f"{slot}: the evening news with Anna Roe" for slot in GRID]
    assert lint("recurrence", paragraphs(PROSE_1, *shows)) == []


COPYRIGHT = r"(?:©|copyright\b)[^\n]{0,150}$"


def closing_tail(text: str) -> list[int]:
    rule = build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "markup/closing",
            "check": "blocks",
            "severity": "warning",
            "message": "{evidence}: {match}",
            "with": {"mode": "tail-section", "until": "prose", "labels": [], "closing": COPYRIGHT},
        },
    )
    doc = read_string(text, "draft.txt")[0]
    return [f.line for f in lint_document(doc, RuleSet((rule,)), Options(language="en")).findings]


@pytest.mark.parametrize("close", ["© 2011 The Courier", "Reporting by Anna Roe; Editing by John Smith"])
def test_teasers_after_the_articles_close_are_its_pages_tail(close: str) -> None:
    text = paragraphs(PROSE_1, PROSE_2, close, *TEASER_SENTENCES[:3])
    assert closing_tail(text) == [7, 9, 11]  # the closing line is left to its own rules


def test_a_line_or_two_after_the_close_or_the_article_going_on_is_no_tail() -> None:
    assert closing_tail(paragraphs(PROSE_1, PROSE_2, "© 2011 The Courier", *TEASER_SENTENCES[:2])) == []
    going_on = (
        "The mayor said the plan was final after the long debate. The vote was close, with eleven for and nine against."
    )
    assert closing_tail(paragraphs(PROSE_1, "© Anna Roe", going_on, *TEASER_SENTENCES[:3])) == []
    assert closing_tail(paragraphs("© 2011 The Courier", PROSE_1, PROSE_2, *TEASER_SENTENCES[:3])) == []


def test_requires_skips_lines_without_its_strings_and_changes_nothing_when_it_covers_the_terms() -> None:
    text = paragraphs(PROSE_1, PROSE_2, *PANEL)
    covering = ["log", "regist", "password", "account", "mail", "username"]
    assert vocabulary(text, requires=covering) == vocabulary(text) == [5, 7, 9, 11]
    # the lines are not searched at all without one of the strings: no run is found
    assert vocabulary(text, requires=["zzz"]) == []


# One instance of every alternative of the shipped account panel's terms, in each pack language.
ACCOUNT_TERMS = (
    "Log in, logged on, login, sign in, signed-in, sign up, register, registered, registration, passwords, "
    "passcode, account, e-mail address, username, display name, Anmelden, Anmeldung, angemeldet, einloggen, "
    "eingeloggt, registrieren, Passwort, Kennwort, Kundenkonto, Benutzername, E-Mail-Adresse, connexion, "
    "vous connecter, connectée, identifiant, mot de passe, compte, inscription, adresse électronique, "
    "iniciar sesión, contraseña, cuenta, registrarse, usuario, correo electrónico, senha, conta, cadastre-se, "
    "usuário, endereço de e-mail, masuk, kata sandi, akun, mendaftar, nama pengguna, alamat e-mel, surel, "
    "log masuk, kata laluan, akaun"
)


def test_the_shipped_account_panels_requires_covers_every_one_of_its_terms() -> None:
    from newslint import default_rules

    [rule] = [r for r in default_rules().rules if r.id == "markup/account-panel"]
    compiled = blocks.compile(rule.params, rule.id)
    assert compiled.terms is not None and compiled.requires
    found = [m.group(0) for m in compiled.terms.finditer(ACCOUNT_TERMS)]
    assert len(found) >= 50
    for term in found:
        assert any(word in term.casefold() for word in compiled.requires), term


class _CountedTerms:
    """A terms regex that counts the lines it is run on."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.read: list[str] = []

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        self.read.append(text)
        return self.pattern.finditer(text)


def test_a_vocabulary_run_is_not_searched_for_when_fewer_lines_than_a_run_may_hold_its_terms() -> None:
    from newslint import default_rules

    [rule] = [r for r in default_rules().rules if r.id == "markup/account-panel"]
    compiled = blocks.compile(rule.params, rule.id)
    assert compiled.terms is not None and compiled.min_run == 3
    terms = _CountedTerms(compiled.terms)
    panel = ["Log in", "Forgot your password?", "Register for an account"]
    doc = read_string("\n\n".join([PROSE_1, *panel[:2], PROSE_2]), "page.txt", "text")[0]
    lines = blocks.lines_of(doc)
    found = blocks.vocabulary_runs(lines, terms, compiled.address, 3, compiled.requires)  # type: ignore[arg-type]
    assert found == [] and terms.read == []  # two lines may hold terms: no run of three
    doc = read_string("\n\n".join([PROSE_1, *panel, PROSE_2]), "page.txt", "text")[0]
    lines = blocks.lines_of(doc)
    found = blocks.vocabulary_runs(lines, terms, compiled.address, 3, compiled.requires)  # type: ignore[arg-type]
    assert [lines[k].text for k, _ in found] == panel


# -- teaser lists without a header, and links marked with an arrow ---------------------------

PAGE_TOP = ["Title of the page", ""]
TEASER_PAIRS = [
    "World Football",
    "The coach led his side to a win over the champions in their own stadium.",
    "Lifestyle",
    "Minimalist weddings are the choice of many young couples this year.",
    "Money",
    "Chili prices fall at markets across the country ahead of the holidays.",
]


def test_section_and_teaser_pairs_after_the_article_are_flagged_with_the_dates_after_them() -> None:
    page = "\n".join([*PAGE_TOP, PROSE_1, PROSE_2, *TEASER_PAIRS, "Sat, 19 May 2018, 13:12", "Sun, 20 May 2018"])
    found = lint("teaser-pairs", page + "\n", "page.txt", min_run=3)
    assert [line for line, _ in found] == list(range(5, 13))
    assert found[0][1].startswith("label of pair 1 of 3 section-and-teaser pairs after the article's last paragraph")
    assert found[1][1].startswith("teaser of pair 1 of 3")
    assert found[-1][1].startswith("a short line right after 3 section-and-teaser pairs")


def test_teaser_pairs_before_the_article_leave_its_byline_alone() -> None:
    page = "\n".join(["Title of the page", "", *TEASER_PAIRS, "By Anna Roe", PROSE_1, PROSE_2])
    found = lint("teaser-pairs", page + "\n", "page.txt", min_run=3)
    assert [line for line, _ in found] == list(range(3, 9))
    assert "before the article's first paragraph" in found[0][1]


@pytest.mark.parametrize(
    "tail",
    [
        TEASER_PAIRS[:4],  # two pairs are not enough
        # the article goes on after them in a short paragraph: a box inside it
        [*TEASER_PAIRS, "The council meets again next week to vote on the plan."],
        [
            "Question",
            "When will the work start?",
            "Answer",
            "The work starts in March, he said.",
            "Question",
            "Who will pay for the new clinic?",
            "Answer",
            "The region pays for it, she said.",
        ],
        # a glossary of the article's own words
        [
            "Budget",
            "What a town plans to spend in a year.",
            "Clinic",
            "A small centre for health care.",
            "District",
            "A part of a town with its own council.",
        ],
        # teasers that carry on the article's story
        [
            "Council",
            "The council approved the budget after a debate on Tuesday.",
            "Schools",
            "The mayor said the plan would fund three schools in the district.",
            "Clinic",
            "The clinic in the northern district opens next year, the mayor said.",
        ],
        # labels of lower-case words, teasers of two sentences
        [
            "World football",
            "The coach led his side to a win.",
            "Life style",
            "Weddings are small. Couples want less.",
            "Money matters",
            "Prices fall at markets.",
        ],
    ],
)
def test_what_is_not_a_teaser_list(tail: list[str]) -> None:
    page = "\n".join([*PAGE_TOP, PROSE_1, PROSE_2, *tail])
    assert lint("teaser-pairs", page + "\n", "page.txt", min_run=3) == []


def test_teaser_pairs_between_the_articles_paragraphs_are_left_alone() -> None:
    prose_3 = (
        "The opposition said the plan came far too late for the many families who had waited for years in the north."
    )
    prose_4 = "The work on the first new school starts in March, and the clinic follows in spring, the council said."
    page = "\n".join([*PAGE_TOP, PROSE_1, PROSE_2, *TEASER_PAIRS, prose_3, prose_4])
    assert lint("teaser-pairs", page + "\n", "page.txt", min_run=3) == []


def test_a_run_of_links_marked_with_an_arrow_is_a_menu_wherever_it_sits() -> None:
    arrows = ["World » More", "Europe » More", "Business » More", "Markets » More"]
    found = lint("nav-menu", paragraphs(PROSE_1, *arrows, PROSE_2), min_run=5)
    assert [line for line, _ in found] == [3, 5, 7, 9]
    assert "of links marked with an arrow between paragraphs of the article" in found[0][1]


def test_french_quotations_closed_by_guillemets_are_not_arrows() -> None:
    quotes = ["« Le besoin est urgent »", "« Nous devons agir »", "« Rien ne change »"]
    assert lint("nav-menu", paragraphs(PROSE_1, *quotes, PROSE_2), min_run=5) == []
    assert lint("related-list", paragraphs(PROSE_1, *quotes, PROSE_2), min_run=5) == []


def test_short_labels_among_longer_lines_right_before_a_run_of_headlines_close_the_page() -> None:
    headlines = [*HEADLINES, "Harbour fees rise for the first time in ten years"]
    page = paragraphs(PROSE_1, PROSE_2, *SERVICES, "giantsgameday", *headlines, PROSE_1)
    found = lint("related-list", page)
    assert [line for line, _ in found][:6] == [5, 7, 9, 11, 13, 15]
    assert len(found) == len(SERVICES) + len(headlines)
    # with the article going on after them, they are a plan again, and the headlines between paragraphs
    tail = "The council will publish the full list of services on its website next week, the mayor said."
    assert lint("related-list", paragraphs(PROSE_1, PROSE_2, *SERVICES, "giantsgameday", *headlines[:2], tail)) == []


@pytest.mark.parametrize(
    "line",
    [
        "Council approves budget for new schools | Daily Planet",
        "Council approves budget for new schools - Daily Planet",
        "BREAKING: Council approves budget for new schools",
        "Politik » Council approves budget for new schools",
    ],
)
def test_the_headline_with_a_kicker_or_the_sites_name_is_a_repeat(line: str) -> None:
    text = f"Council approves budget for new schools\n\n{PROSE_1}\n\n{PROSE_2}\n\n{line}\n"
    assert lint("repeated-title", text, "draft.txt") == [
        (7, f"the headline repeated in the body, with a kicker or the site's name: {line}")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Council approves budget for new schools and a clinic | Daily Planet",  # more than the headline
        "Schools: what the new council budget pays for",  # the same subject, another headline
        "The mayor of the city and the whole council: Council approves budget for new schools",  # a long kicker
    ],
)
def test_a_line_that_is_not_the_headline_beside_a_kicker_is_left_alone(line: str) -> None:
    text = f"Council approves budget for new schools\n\n{PROSE_1}\n\n{PROSE_2}\n\n{line}\n"
    assert lint("repeated-title", text, "draft.txt") == []


def test_a_part_of_a_headline_with_a_kicker_is_a_crosshead_not_a_repeat() -> None:
    text = f"World Cup final: Argentina beat France on penalties\n\n{PROSE_1}\n\nWorld Cup final\n\n{PROSE_2}\n"
    assert lint("repeated-title", text, "draft.txt") == []
