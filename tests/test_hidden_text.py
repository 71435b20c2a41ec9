"""Text a draft hides from its readers is an error, never a clean pass.

An HTML comment, ``<script>``, ``<style>`` or ``<title>`` left open swallows
the rest of the draft: a browser shows none of it as the article, and no check
can read it. A page with no visible text at all is not a clean draft either.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_article
from newslint.cli import main
from newslint.readers import html as html_reader
from newslint.readers import markdown as md_reader

HEAD = "<p>By Jane Smith, 12 September 2024</p><p>The council approved the budget on Tuesday.</p>"
LATER = "<p>Spending rises by four percent, the finance committee said on Wednesday.</p>"
MD_HEAD = "By Jane Smith, 12 September 2024\n\nThe council approved the budget on Tuesday.\n\n"
MD_LATER = "Spending rises by four percent, the finance committee said on Wednesday.\n"


def hidden(notices) -> list[tuple[str, str, int]]:
    return [(n.rule, n.severity, n.start) for n in notices if n.rule == "input/hidden-text"]


@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        ("<!-- check the figure", "'-->'"),
        ("<script>var a = 1;", "'</script>'"),
        ("<style>p { color: red }", "'</style>'"),
        ("<title>", "'</title>'"),
        ("<template>", "'</template>'"),
    ],
)
def test_html_construct_left_open_hides_the_rest(opener: str, closer: str) -> None:
    doc = html_reader.read(HEAD + opener + "\n" + LATER, "a.html")
    assert hidden(doc.notices) == [("input/hidden-text", "error", len(HEAD))]
    notice = next(n for n in doc.notices if n.rule == "input/hidden-text")
    assert closer in notice.message and "11 words" in notice.message
    assert not any("Spending" in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    "tail",
    [
        "<!-- check the figure -->" + LATER,  # closed
        "<!-- check the figure --!>" + LATER,  # closed, the way browsers accept
        "<script>var a = 1;</SCRIPT >" + LATER,  # closed, in another case
        "<template><p>A card</p></template>" + LATER,  # closed
        LATER + "<!-- TODO: ask the desk",  # left open on its own line: hides only itself
        LATER + "<!-->",  # an empty comment
        LATER + "<!-- <br> ok",  # open, but fewer than three words after its first tag
    ],
)
def test_html_closed_or_harmless_constructs_are_not_hidden_text(tail: str) -> None:
    doc = html_reader.read(HEAD + tail, "a.html")
    assert hidden(doc.notices) == []


def test_html_without_visible_text_is_empty_not_clean() -> None:
    doc = html_reader.read('<html><body><img src="a.jpg"></body></html>', "a.html")
    assert [(n.rule, n.severity) for n in doc.notices] == [("input/empty", "warning")]
    assert doc.blocks == ()
    # A page with text has no such notice, and an empty file is told so once, by the screen.
    assert html_reader.read(HEAD, "a.html").notices == ()
    assert html_reader.read("", "a.html").notices == ()


def test_markdown_comment_left_open_hides_the_paragraphs_after_it() -> None:
    source = MD_HEAD + "<!-- check the figure with finance\n\n" + MD_LATER + "\nThe chair closed the session.\n"
    doc = md_reader.read(source, "a.md")
    assert hidden(doc.notices) == [("input/hidden-text", "error", len(MD_HEAD))]
    assert doc.position(doc.notices[-1].start) == (5, 1)
    assert not any("Spending" in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    "tail",
    [
        "<!-- a note -->\n\n" + MD_LATER,
        MD_LATER + "\n<!-- TODO check\n",
        MD_LATER + "\n<script>\nvar a = 1;\n</script>\n",
    ],
)
def test_markdown_closed_or_harmless_constructs_pass(tail: str) -> None:
    doc = md_reader.read(MD_HEAD + tail, "a.md")
    assert hidden(doc.notices) == []
    assert any("Spending" in b.text for b in doc.blocks)


def test_markdown_script_left_open_is_hidden_text() -> None:
    doc = md_reader.read(MD_HEAD + "<script>\nvar a = 1;\n\n" + MD_LATER, "a.md")
    notice = next(n for n in doc.notices if n.rule == "input/hidden-text")
    assert "'</script>'" in notice.message


def test_command_line_fails_a_draft_that_hides_its_end(tmp_path: Path, runner) -> None:
    draft = tmp_path / "budget.md"
    draft.write_text(MD_HEAD + "<!-- check the figure\n\n" + MD_LATER, encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(draft)])
    assert result.exit_code == 1
    findings = json.loads(result.output)["files"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("input/hidden-text", 5)]


def test_publish_check_refuses_an_article_that_hides_its_end() -> None:
    result = lint_article(
        body=HEAD + "<!-- check the figure " + LATER, byline="Jane Smith", published_at="2024-09-12", language="en"
    )
    assert not result.publishable
    assert [f.rule for f in result.findings if f.severity == "error"] == ["input/hidden-text"]


def test_markdown_code_fence_left_open_before_prose_hides_the_article() -> None:
    source = MD_HEAD + "```\nbudget = 412\n\n" + MD_LATER + "\nThe chair closed the session.\n"
    doc = md_reader.read(source, "a.md")
    notice = next(n for n in doc.notices if n.rule == "input/hidden-text")
    assert notice.severity == "error" and "'```'" in notice.message
    assert doc.position(notice.start) == (5, 1)
    assert not any("Spending" in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    "tail",
    [
        "```\nbudget = 412\n```\n\n" + MD_LATER,  # closed
        "~~~~\nbudget = 412\n~~~~~\n\n" + MD_LATER,  # closed by a longer fence of its kind
        MD_LATER + "\n```python\ndef total(rows):\n\n    return sum(r.amount for r in rows)\n",  # code to the end
    ],
)
def test_markdown_closed_fences_and_trailing_code_pass(tail: str) -> None:
    doc = md_reader.read(MD_HEAD + tail, "a.md")
    assert hidden(doc.notices) == []


def test_html_plaintext_element_hides_the_rest_and_says_to_remove_it() -> None:
    # Nothing closes a <plaintext>: the rest of the page, tags and all, is shown as raw text.
    doc = html_reader.read(HEAD + "<plaintext>\n" + LATER + "</plaintext><p>Advertisement</p>", "a.html")
    notice = next(n for n in doc.notices if n.rule == "input/hidden-text")
    assert (notice.severity, notice.start) == ("error", len(HEAD))
    assert "remove the <plaintext> tag" in notice.message and "close it with" not in notice.message
    # The tag shown as text on purpose, in code, is an article's own sample.
    sample = html_reader.read(HEAD + "<p>Never use <code>&lt;plaintext&gt;</code> in a page.</p>" + LATER, "a.html")
    assert hidden(sample.notices) == []
