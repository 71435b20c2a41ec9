"""An outline whose items are alike at different depths of a nested list (a theme's or a
guide's "List item one" under "List item one") is the list's structure, not a line the
page prints again and again; a flat list of the same label is still chrome."""

from __future__ import annotations

from newslint import lint_text
from newslint.checks import repeats
from newslint.readers import read_string

LEAD = "The council approved the budget on Thursday after a long debate about schools and roads."
CLOSE = "The mayor said the work on the first school would start in March, before the rains."

NESTED_HTML = (
    f"<html><body><h1>Lists</h1><p>{LEAD}</p>\n<ul>\n <li>List item one\n<ul>\n <li>List item one\n"
    "<ul>\n <li>List item one</li>\n <li>List item two</li>\n</ul>\n</li>\n <li>List item two</li>\n"
    f"</ul>\n</li>\n <li>List item two</li>\n</ul><p>{CLOSE}</p></body></html>"
)
NESTED_MD = (
    f"{LEAD}\n\n- List item one\n  - List item one\n    - List item one\n    - List item two\n"
    f"  - List item two\n- List item two\n\n{CLOSE}\n"
)
FLAT_MD = f"{LEAD}\n\n- Reader photo\n- Reader photo\n- Reader photo\n\n{CLOSE}\n"
FLAT_HTML = (
    f"<html><body><p>{LEAD}</p><ul><li>Reader photo</li><li>Reader photo</li>"
    f"<li>Reader photo</li></ul><p>{CLOSE}</p></body></html>"
)
WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Test site</title>
<wp:author><wp:author_login>ed</wp:author_login><wp:author_display_name>Ed Itor</wp:author_display_name></wp:author>
<item><title>Edge case: nested lists</title><dc:creator>ed</dc:creator>
<content:encoded><![CDATA[BODY]]></content:encoded><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item></channel></rss>"""


def _recurring(text: str, path: str) -> list[str]:
    result = lint_text(text, path)
    return [f.message for f in result.findings if f.rule == "markup/recurring-line"]


def test_readers_record_how_deep_each_nested_item_sits() -> None:
    (html_doc,) = read_string(NESTED_HTML, "a.html")
    depths = [html_doc.nesting.get(b.start, 1) for b in html_doc.blocks if b.kind == "list-item"]
    assert depths == [1, 2, 3, 3, 2, 1]
    (md_doc,) = read_string(NESTED_MD, "a.md")
    depths = [md_doc.nesting.get(b.start, 1) for b in md_doc.blocks if b.kind == "list-item"]
    assert depths == [1, 2, 3, 3, 2, 1]
    (flat,) = read_string(FLAT_MD, "b.md")
    assert flat.nesting == {}


def test_an_outline_alike_at_each_depth_is_not_a_recurring_line() -> None:
    assert _recurring(NESTED_HTML, "a.html") == []
    assert _recurring(NESTED_MD, "a.md") == []


def test_an_outline_in_a_wordpress_export_keeps_its_depths() -> None:
    body = NESTED_HTML.split("<body>", 1)[1].split("</body>", 1)[0]
    (doc,) = read_string(WXR.replace("BODY", body), "export.xml")
    assert sorted(doc.nesting.values()) == [2, 2, 3, 3]
    assert _recurring(WXR.replace("BODY", body), "export.xml") == []


def test_a_flat_list_of_one_label_is_still_reported() -> None:
    assert len(_recurring(FLAT_MD, "b.md")) == 3
    assert len(_recurring(FLAT_HTML, "b.html")) == 3


def test_alike_items_at_one_depth_of_a_nested_list_are_still_a_row() -> None:
    text = f"{LEAD}\n\n- Sections\n  - Reader photo\n  - Reader photo\n  - Reader photo\n\n{CLOSE}\n"
    assert len(_recurring(text, "c.md")) == 3


def test_levels_only_split_rows_and_leave_comment_threads_alone() -> None:
    texts = ["Reply", "Reply", "Reply"]
    assert [r.index for r in repeats.recurring(texts, [False] * 3)] == [0, 1, 2]
    assert repeats.recurring(texts, [False] * 3, [1, 2, 3]) == []
    assert [r.index for r in repeats.recurring(texts, [False] * 3, [2, 2, 2])] == [0, 1, 2]


def test_a_copied_document_keeps_its_nesting() -> None:
    (doc,) = read_string(NESTED_MD, "a.md")
    assert doc.replaced(title="Other").nesting == doc.nesting
