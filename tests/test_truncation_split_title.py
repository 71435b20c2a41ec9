"""A plain-text draft without a title line: its first paragraph is read as the title, and when
that paragraph is a sentence whose rest opens the next paragraph in lower case, the sentence was
split there like any other."""

from __future__ import annotations

from newslint import Options, lint_text

ID = Options(select=("truncation/",), language="id")

FIRST = (
    "Samsung selangkah lagi bakal meresmikan phablet terbarunya, Galaxy Note 8. Phablet penerus seri "
    "ketujuh tersebut menjadi penebus kegagalan sebelumnya yang memukul mereka"
)
REST = "Kini, jelang hari peluncuran, Samsung merilis video teaser yang menunjukkan bentuk perangkat itu."


def found(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, path="draft.txt", options=ID).findings]


def test_a_first_paragraph_read_as_the_title_whose_sentence_goes_on_is_split() -> None:
    text = "\n\n".join(["", FIRST, "dengan cukup telak hingga seri tersebut tak layak berada di pasaran.", REST])
    assert ("truncation/split-sentence", 3) in found(text)


def test_a_title_before_a_lede_opening_with_a_capital_is_no_split() -> None:
    text = "\n\n".join([FIRST, "Dengan cukup telak, seri tersebut tak layak berada di pasaran.", REST])
    assert [r for r, _ in found(text) if r == "truncation/split-sentence"] == []


def test_a_headline_in_title_case_is_never_read_as_a_sentence() -> None:
    title = "Samsung Janjikan Kejutan Besar di Peluncuran Galaxy Note 8"
    text = "\n\n".join([title, "dengan cukup telak hingga seri tersebut tak layak berada di pasaran.", REST])
    assert [r for r, _ in found(text) if r == "truncation/split-sentence"] == []
