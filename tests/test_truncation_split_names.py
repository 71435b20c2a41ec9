"""A name or an attribution split at a paragraph break: the paragraph's last word and the next
paragraph's first make a phrase the article uses whole elsewhere ('bintang Bali' / 'United, ...'
when 'Bali United' is in it)."""

from __future__ import annotations

from newslint import Options, lint_text

ID = Options(select=("truncation/",), language="id")
EN = Options(select=("truncation/",), language="en")

LEAD = "Bali United menang 2-0 atas Persib dalam laga persahabatan di Denpasar, Minggu (28/5/2017)."
REST = "Laga itu menjadi pemanasan kedua tim sebelum putaran kedua liga dimulai pekan depan."


def found(text: str, options: Options = ID) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.message) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_name_split_at_a_paragraph_break_is_a_split_sentence() -> None:
    text = "\n\n".join(
        [
            LEAD,
            "Di lapangan futsal itu, tim yang dipimpin bintang Bali",
            "United, Irfan Bachdim, tampil tanpa beban.",
            REST,
        ]
    )
    splits = [(line, message) for rule, line, message in found(text) if rule == "truncation/split-sentence"]
    assert splits == [(3, splits[0][1])]
    assert "'Bali United' is used whole elsewhere in the article" in splits[0][1]


def test_two_paragraphs_whose_words_are_no_phrase_of_the_article_are_not_one_sentence() -> None:
    # the same break, but no 'Bali United' elsewhere: a missing full stop is no split
    lead = LEAD.replace("Bali United", "Tim tuan rumah")
    text = "\n\n".join(
        [
            lead,
            "Di lapangan futsal itu, tim yang dipimpin bintang Bali",
            "United, Irfan Bachdim, tampil tanpa beban.",
            REST,
        ]
    )
    assert [r for r, _, _ in found(text) if r == "truncation/split-sentence"] == []


def test_a_hard_wrapped_text_is_reported_once_not_at_every_split_name() -> None:
    lines = [
        "The browser has shipped the new interface for some time and it is called Fetch",
        "Headers. It maps directly to the underlying HTTP concepts but has",
        "certain visibility filters in place for privacy and security reasons, such as",
        "the rules for headers that the browser sets on every request and every",
        "response that the server sends back. Fetch Headers also share the body methods.",
    ]
    splits = [message for rule, _, message in found("\n\n".join(lines), EN) if rule == "truncation/split-sentence"]
    assert len(splits) == 1 and "hard-wrapped" in splits[0]


def test_a_crosshead_in_title_case_before_the_name_it_ends_on_is_no_split() -> None:
    # 'Dubai Desert' is in the article, but the line before the break is a crosshead, not a sentence
    text = "\n\n".join(
        [
            "Wisata gurun menjadi pilihan keluarga yang berlibur ke Dubai pada musim dingin.",
            "Dune Bashing dengan Desert Safari Dubai",
            "Desert Safari Dubai menawarkan wisata gurun yang luas bagi keluarga.",
            "Perjalanan ke Dubai Desert memakan waktu sekitar satu jam dari pusat kota.",
        ]
    )
    assert [r for r, _, _ in found(text) if r == "truncation/split-sentence"] == []


def test_the_name_is_found_whole_beside_letters_beyond_ascii_and_an_emoji() -> None:
    # The article's prose is searched as UTF-8 (an emoji would hold it at four bytes a character):
    # 'Bali United' inside 'ÉBali Unitedé' is no use of the name, after '🙂 ' it is.
    split = ["Di lapangan futsal itu, tim yang dipimpin bintang Bali", "United, Irfan Bachdim, tampil tanpa beban."]
    inside = LEAD.replace("Bali United", "ÉBali Unitedé") + " Suporter datang dari Ubud 🙂."
    assert [r for r, _, _ in found("\n\n".join([inside, *split, REST])) if r == "truncation/split-sentence"] == []
    after = LEAD.replace("Bali United", "🙂 Bali United")
    splits = [line for r, line, _ in found("\n\n".join([after, *split, REST])) if r == "truncation/split-sentence"]
    assert splits == [3]
