"""An ads.txt block pasted into a Markdown draft: its "# ..." comment lines are headings to
the Markdown reader, and ``glued-headings`` reports them when no blank line parts them from
the records (rule ``ad-text/ads-txt-heading``)."""

from __future__ import annotations

import newslint
from newslint.engine import Options

ADS_BLOCK = (
    "# Name: Example Media\n"
    "#Contact=ads@example.com\n"
    "# Updated: 2024-05-01\n"
    "google.com, pub-4296839430913713, DIRECT, f08c47fec0942fa0\n"
    "mgid.com, 713808, DIRECT, d4c29acad76ce94f\n"
)
ARTICLE = "The council met on Tuesday to vote on the budget.\n\n{block}\nThe council will meet again in May.\n"
OPTIONS = Options(ignore=("metadata/",))


def _by_line(text: str, path: str) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in newslint.lint_text(text, path, options=OPTIONS).findings:
        found.setdefault(f.line, set()).add(f.rule)
    return found


def test_every_comment_line_of_an_ads_txt_block_in_markdown_is_flagged() -> None:
    found = _by_line(ARTICLE.format(block=ADS_BLOCK), "draft.md")
    assert "ad-text/ads-txt-heading" in found[3]  # "# Name: ..." read as a heading
    # "#Contact=" has no space: a paragraph line, of its own between the two headings
    assert "ad-text/ads-txt-heading" in found[4]
    assert "ad-text/ads-txt-heading" in found[5]
    assert {6, 7} <= set(found)
    assert 1 not in found and 9 not in found


def test_the_same_block_in_plain_text_is_flagged_line_for_line() -> None:
    found = _by_line(ARTICLE.format(block=ADS_BLOCK), "draft.txt")
    assert all(line in found for line in range(3, 8)), found
    assert not any("ad-text/ads-txt-heading" in rules for rules in found.values())


def test_a_markdown_heading_set_off_by_a_blank_line_is_the_articles() -> None:
    block = "# Name: Example Media\n\ngoogle.com, pub-4296839430913713, DIRECT, f08c47fec0942fa0\n"
    found = _by_line(ARTICLE.format(block=block), "draft.md")
    assert 3 not in found
    assert "ad-text/ads-txt-record" in found[5]


def test_a_heading_glued_to_prose_is_not_flagged() -> None:
    text = "# Direct deals\nThe publisher sells most of its space direct to advertisers, its chief said.\n"
    assert not _by_line(text, "draft.md")
