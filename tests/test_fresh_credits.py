"""Edited content that looks like page chrome, found in held-out copy (benchmarks/fresh,
fifth round: MarketWatch, Kosmo!): a column's curated reading list whose items credit their
outlets, a syndication credit carrying the partner's copyright (printed above the story and
again as its sign-off), a sponsor's disclosure with its notice inside, a pull quote, and
closing credits and bylines the byline rules did not read. The chrome and the defects they
resemble are still reported."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

LEAD = "The council approved the city budget on Tuesday after a long debate about housing and transport."
MIDDLE = "The mayor said the new plan would fund three schools and a clinic in the northern district next year."
CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session had ended."


def rules_at(text: str, select: str, language: str = "en") -> list[tuple[str, int]]:
    options = Options(select=(select,), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def paragraphs(*texts: str) -> str:
    return "\n\n".join(texts) + "\n"


READING_LIST = [
    "Older adults' savings took a beating in 2021: Study (ThinkAdvisor)",
    "The most important retirement table you'll ever see (The Motley Fool)",
    "Global retirement assets hit a record in 2021 (Pensions & Investments)",
    "The seven habits that lead to happiness in old age (The Atlantic)",
    "Mortgage payoff frees up money for medicine (Center for Retirement Research)",
]


def test_a_curated_reading_list_crediting_its_outlets_is_not_a_related_list() -> None:
    text = paragraphs(LEAD, MIDDLE, "Research and Insight:", *READING_LIST)
    assert rules_at(text, "markup/related-list") == []


def test_the_same_headlines_without_their_credits_are_still_a_related_list() -> None:
    bare = [item.rsplit(" (", 1)[0] for item in READING_LIST]
    text = paragraphs(LEAD, MIDDLE, "Research and Insight:", *bare)
    assert [line for _, line in rules_at(text, "markup/related-list")] == [5, 7, 9, 11, 13, 15]


def test_one_label_in_brackets_on_every_headline_is_not_a_credit() -> None:
    labelled = [item.rsplit(" (", 1)[0] + " (Video)" for item in READING_LIST]
    text = paragraphs(LEAD, MIDDLE, *labelled)
    assert len(rules_at(text, "markup/related-list")) == 5


REPRINT = "This article is reprinted by permission from NextAvenue.org."
REPRINT_SIGN_OFF = (
    "This article is reprinted by permission from NextAvenue.org, © 2022 Twin Cities Public Television, Inc. "
    "All rights reserved."
)


def test_a_syndication_credit_with_the_partners_copyright_is_not_the_sites_notice() -> None:
    text = paragraphs(LEAD, MIDDLE, CLOSE, REPRINT_SIGN_OFF)
    assert rules_at(text, "markup/copyright-notice") == []


@pytest.mark.parametrize(
    "notice",
    [
        "© 2022 Daily Planet Media, Inc. All rights reserved.",
        "Copyright 2017 The Associated Press. All rights reserved. This material may not be published.",
    ],
)
def test_the_sites_own_notice_is_still_reported(notice: str) -> None:
    assert rules_at(paragraphs(LEAD, MIDDLE, CLOSE, notice), "markup/copyright-notice") == [
        ("markup/copyright-notice", 7)
    ]


DISCLOSURE = (
    "You have sole responsibility for making all investment decisions with respect to the plan. If you engage "
    "the firm, it will act as your broker, unless you ask it, in writing, to act as your adviser.© 2022 Acme "
    "Bank LLC. Acme at Work services are provided by Acme Bank LLC, member SIPC, and its affiliates, all wholly "
    "owned subsidiaries of Acme Group."
)


def test_a_notice_inside_a_sponsors_disclosure_is_not_the_sites_notice() -> None:
    assert rules_at(paragraphs(LEAD, MIDDLE, DISCLOSURE), "markup/copyright-notice") == []


def test_a_notice_glued_to_the_last_sentence_is_still_reported() -> None:
    glued = (
        "Share the stories with us on Facebook, Twitter and Instagram.© 2021 The Rakyat Post. All Rights "
        "Reserved. Owned by 3rd Wave Media Sdn Bhd"
    )
    assert rules_at(paragraphs(LEAD, MIDDLE, glued), "markup/copyright-notice") == [("markup/copyright-notice", 5)]


def test_a_credit_printed_above_the_story_and_again_with_its_copyright_is_not_a_duplicate() -> None:
    text = paragraphs(REPRINT, LEAD, MIDDLE, CLOSE, REPRINT_SIGN_OFF)
    assert rules_at(text, "duplicate/paragraph") == []


def test_a_cut_off_copy_of_the_last_paragraph_is_still_a_duplicate() -> None:
    full = "Lembaga, kementerian dan pemerintah desa terus memastikan seluruh pekerja, termasuk pegawai Non-ASN."
    text = paragraphs("Lembaga, kementerian dan pemerintah desa terus memastikan seluruh pekerja.", LEAD, MIDDLE, full)
    assert rules_at(text, "duplicate/paragraph") == [("duplicate/paragraph", 1)]


QUOTED = "Sure, luck is important. But time is more important than anything else you have."


def test_a_pull_quote_repeating_a_body_sentence_is_not_a_duplicate() -> None:
    text = paragraphs(LEAD, QUOTED, MIDDLE, CLOSE, f"“{QUOTED}”", "The council meets again in March.")
    assert rules_at(text, "duplicate/paragraph") == []


def test_a_paragraph_pasted_again_in_another_case_is_still_a_duplicate() -> None:
    text = paragraphs(LEAD, QUOTED, MIDDLE, CLOSE, QUOTED.upper())
    assert rules_at(text, "duplicate/paragraph") == [("duplicate/paragraph", 9)]


def test_a_long_paragraph_in_quotation_marks_again_is_still_a_duplicate() -> None:
    long = " ".join([LEAD, MIDDLE, CLOSE])  # over forty words: not a pull quote
    text = paragraphs(long, "The council met again on Friday.", f"“{long}”")
    assert rules_at(text, "duplicate/paragraph") == [("duplicate/paragraph", 5)]


MS_LEAD = "KUALA LUMPUR: Kerajaan negeri akan menyalurkan bantuan kepada semua mangsa banjir di kawasan itu."
MS_BODY = "Menurutnya, bantuan itu akan diagihkan melalui pejabat daerah bermula minggu depan."


@pytest.mark.parametrize(
    "last",
    [
        "Jenis vaksin yang diterima belum didedahkan. – Agensi",
        "Wolves kini berada di tangga ke-13, mengumpul 41 mata.-AGENSI",
        "Filem itu mengisahkan kisah hidup seorang tokoh,” kata pengarahnya. – AFP/Agensi",
    ],
)
def test_a_malay_closing_credit_of_a_wire_service_is_a_byline(last: str) -> None:
    text = paragraphs(MS_LEAD, MS_BODY, last)
    assert rules_at(text, "metadata/missing-byline", "ms") == []


@pytest.mark.parametrize(
    "text",
    [
        paragraphs("Perolehan vaksin ikut prosedur, tiada masalah disiasat - KJ", MS_LEAD, MS_BODY),
        paragraphs(MS_LEAD, MS_BODY, "Harga tiket ialah RM10 - RM20"),
        paragraphs(MS_LEAD, MS_BODY, "Perlawanan akhir itu mempertemukan Kedah - PERAK"),
        # the outlet's own desk names no author (the development set labels "katanya lagi.- UTUSAN."
        # as lacking a byline)
        paragraphs(MS_LEAD, MS_BODY, "Pedagang menjangkakan harga terus kukuh minggu depan. – KOSMO! ONLINE"),
        paragraphs(MS_LEAD, MS_BODY, "Pedagang menjangkakan harga terus kukuh minggu depan.-KOSMO! ONLINE"),
        paragraphs(MS_LEAD, MS_BODY, "Kerja-kerja pembaikan akan dilaksanakan tahun depan,” katanya lagi.- UTUSAN."),
    ],
)
def test_a_name_after_a_dash_that_is_no_wire_service_is_no_byline(text: str) -> None:
    assert rules_at(text, "metadata/missing-byline", "ms") == [("metadata/missing-byline", 1)]


@pytest.mark.parametrize(
    "byline",
    [
        "By Alexis Karteron , interviewed by editors of The Conversation",
        "By Alexis Karteron, interviewed by editors of The Conversation",
        "By Tom Hale, as told to Jane Smith",
    ],
)
def test_a_byline_closing_on_a_credit_is_a_byline(byline: str) -> None:
    assert rules_at(paragraphs(byline, LEAD, MIDDLE), "metadata/missing-byline") == []


def test_a_sentence_opening_with_by_and_a_day_is_not_a_byline() -> None:
    text = paragraphs("By Tuesday, backed by the unions, the council had approved the budget.", MIDDLE)
    assert rules_at(text, "metadata/missing-byline") == [("metadata/missing-byline", 1)]
