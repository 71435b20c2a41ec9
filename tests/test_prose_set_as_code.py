"""Prose set as code by mistake is linted as prose, so junk inside it never passes unread; code
samples stay code.

A Markdown draft whose paragraphs are indented by a tab or four spaces (as a word processor or an
e-mail leaves them) shows as a block of code: the draft is reported as well. An HTML ``<pre>``
holding wire copy as it came is shown as the article (in a fixed font): it is only read as prose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.readers import html as html_reader
from newslint.readers import markdown as md_reader

ARTICLE = [
    "By Jane Smith, 3 May 2024",
    "The council approved the budget on Tuesday after a debate that ran late into the night.",
    "Advertisement",
    "Spending rises by four percent, the finance committee said, with most of it going to schools.",
    "The mayor said the vote was a relief for the city and its families.",
]


def indented(indent: str) -> str:
    return "# Council passes budget\n\n" + "\n\n".join(indent + p for p in ARTICLE) + "\n"


def notices(source: str) -> list[tuple[str, str, int]]:
    doc = md_reader.read(source, "a.md")
    return [(n.rule, n.severity, doc.position(n.start)[0]) for n in doc.notices]


@pytest.mark.parametrize("indent", ["    ", "\t", "  \t"])
def test_indented_article_is_reported_and_read_as_prose(indent: str) -> None:
    source = indented(indent)
    assert notices(source) == [("input/indented-prose", "error", 3)]
    doc = md_reader.read(source, "a.md")
    assert [b.text for b in doc.blocks][1:] == ARTICLE
    assert {b.kind for b in doc.blocks[1:]} == {"paragraph"}


@pytest.mark.parametrize(
    "sample",
    [
        '    print("hello")\n    for x in range(3):\n        print(x)\n',
        # a program's output: one sentence, then a traceback
        "    Error: The file was not found in the folder you named.\n    Traceback (most recent call last):\n",
        # short lines of prose, none of eight words
        "    Hello world.\n    It works.\n",
        # a quoted poem, no end marks
        "    The woods are lovely, dark and deep\n    But I have promises to keep\n",
    ],
)
def test_code_samples_are_not_indented_prose(sample: str) -> None:
    source = "# How to print\n\nBy Jane Smith. Run this in a terminal window and read the result.\n\n" + sample
    assert notices(source) == []
    assert len(md_reader.read(source, "a.md").blocks) == 2


def test_fenced_prose_is_a_sample_not_indented_prose() -> None:
    source = "# Budget\n\n```\n" + "\n\n".join(ARTICLE) + "\n```\n"
    assert notices(source) == []


def test_command_line_fails_the_indented_draft_and_finds_its_ad_label(tmp_path: Path, runner) -> None:
    draft = tmp_path / "budget.md"
    draft.write_text(indented("\t"), encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(draft)])
    assert result.exit_code == 1
    rules = [(f["rule"], f["line"]) for f in json.loads(result.output)["files"][0]["findings"]]
    assert ("input/indented-prose", 3) in rules and ("ad-text/ad-label", 7) in rules


def test_pre_holding_wire_copy_is_read_as_prose() -> None:
    wire = "\n\n".join(ARTICLE[1:]).replace(" after a debate", "\nafter a debate")
    doc = html_reader.read("<p>By Jane Smith, 3 May 2024</p><pre>\n" + wire + "\n</pre>", "a.html")
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [("paragraph", p) for p in wire.split("\n\n")]
    # Positions point into the page: the ad label's block starts at the label itself.
    label = next(b for b in doc.blocks if b.text == "Advertisement")
    assert doc.source[label.start : label.end] == "Advertisement"


@pytest.mark.parametrize(
    "sample",
    [
        "<pre><code>" + "\n\n".join(ARTICLE) + "</code></pre>",  # marked as code: a sample
        "<pre>$ ls -l\ntotal 8\n-rw-r--r-- 1 jane staff 120 May 3 notes.txt</pre>",
        "<pre>The woods are lovely, dark and deep\nBut I have promises to keep</pre>",
    ],
)
def test_code_and_verse_in_pre_stay_as_they_are(sample: str) -> None:
    doc = html_reader.read("<p>By Jane Smith, 3 May 2024</p>" + sample, "a.html")
    assert [b.kind for b in doc.blocks] == ["paragraph", "code"]
