"""Hypothesis strategies for hostile drafts, and the properties every reader and lint must keep.

Shared by ``tests/test_hostile_fuzz.py`` (a few hundred cases in CI) and
``benchmarks/fuzz.py`` (ten thousand and more per reader).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from newslint.document import Document
from newslint.finding import Finding

LINE_ENDINGS = ["\n", "\r", "\r\n", "\n\n", "\r\r", "\r\n\r\n", "\n\r"]
ODD_CHARACTERS = [
    "\x00",
    "\t",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\xa0",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u2028",
    "\u2029",
    "\ufffd",
    "\U0001f600",
    "\u0301",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "Ꭰ",
    "ا",
    "한",
    "ก",
    "中",
]
MARKUP = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<html>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<iframe src=x>",
    "</iframe>",
    "<ins>",
    "</ins>",
    '<ins class="adsbygoogle" data-ad-slot="1">',
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<br>",
    "<br/>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<li>",
    "<ul>",
    "<h1>",
    "</h1>",
    "<b>",
    "<i>",
    "</b>",
    "<a href='",
    "<!--",
    "-->",
    "<!-- newslint: disable=markup -->",
    "<!-- newslint: enable -->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "<svg>",
    "<math>",
    "<template>",
    "<noscript>",
    "<textarea>",
    "<plaintext>",
    "<",
    ">",
    "&",
    "&amp;",
    "&nbsp;",
    "&nbsp",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#65;",
    "&notin",
    "&;",
    "---\n",
    "...\n",
    "title: x\n",
    "title: &a [x, *a]\n",
    "author: [a, b]\n",
    "date: 2024-09-12\n",
    "lang: id\n",
    "*a",
    "&a",
    ": ",
    "- ",
    "# ",
    "## ",
    "> ",
    "1. ",
    "```",
    "~~~",
    "    ",
    "[x]: http://y",
    "[",
    "]",
    "|a|b|\n|-|-|\n",
    "***",
    "===",
    "[caption]",
    "{{ var }}",
    "Advertisement",
    "Baca juga:",
    "mgid.com, 713808, DIRECT, d4c29acad76ce94f",
    "googletag.cmd.push",
    "Read more",
    "(bersambung)",
    "The minister said the bridge would open on Monday.",
    "Kamis (12/09/24)",
    "By Jane Roe",
    '{"body": "',
    '", "title": "',
    '"}',
    "[",
    "{",
    "}",
    "<?xml version='1.0'?>",
    "<rss>",
    "<item>",
    "<content:encoded>",
    "<![CDATA[<p>x</p>]]>",
]

words = st.sampled_from(
    [
        "the",
        "bridge",
        "opened",
        "on",
        "Monday",
        "and",
        "said",
        "yang",
        "dan",
        "di",
        "kementerian",
        "pemerintah",
        ".",
        ",",
        "!",
        "?",
        "…",
        '"',
        "'",
        "(",
        ")",
    ]
)
pieces = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(LINE_ENDINGS),
    st.sampled_from(ODD_CHARACTERS),
    words.map(lambda w: w + " "),
    st.text(max_size=12),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",)), max_size=6),
)
drafts = st.lists(pieces, max_size=80).map("".join)
# A draft repeated or stretched: long lines, many blocks, deep nesting.
big_drafts = st.one_of(
    st.tuples(
        st.sampled_from(["<div>", "<b>", "<p>", "> ", "- ", "[", "(", "a", " ", "\r", "\u200b"]), st.integers(10, 3000)
    ).map(lambda t: t[0] * t[1]),
    st.tuples(drafts, st.integers(2, 40)).map(lambda t: t[0] * t[1]),
)
any_draft = st.one_of(drafts, drafts, drafts, big_drafts)
raw_bytes = st.one_of(
    st.binary(max_size=400),
    any_draft.map(lambda t: t.encode("utf-8", "surrogatepass")),
    any_draft.map(lambda t: t.encode("utf-16")),
    st.tuples(any_draft, st.integers(1, 8)).map(lambda t: t[0].encode("utf-8")[: -t[1]]),  # cut multibyte
    any_draft.map(lambda t: t.encode("cp1252", "replace")),
)


def line_count(source: str) -> int:
    """Lines as findings count them: LF, CRLF and lone CR each end one."""
    return source.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def check_document(doc: Document) -> None:
    """Every position a reader hands on lies inside its source."""
    size = len(doc.source)
    for block in doc.blocks:
        assert block.text, "empty block"
        for index, _ in block.anchors:
            assert 0 <= index <= len(block.text)
        for i in (0, len(block.text) // 2, len(block.text)):
            assert 0 <= block.source_offset(i) <= size, (block, i, size)
    for embed in doc.embeds:
        assert 0 <= embed.start <= embed.end <= size
    for notice in doc.notices:
        assert 0 <= notice.start <= notice.end <= size or notice.end == 0
    for start, end, _ in doc.comments:
        assert 0 <= start <= end <= size


def check_findings(findings: Sequence[Finding], source: str) -> None:
    """Every finding's line and column lie inside ``source`` (lines end at LF; lone CRs read as LF)."""
    lines = source.split("\n")
    for f in findings:
        for line, column in ((f.line, f.column), (f.end_line, f.end_column)):
            assert 1 <= line <= len(lines), (f, len(lines))
            assert 1 <= column <= len(lines[line - 1]) + 1, (f, lines[line - 1])
        assert (f.line, f.column) <= (f.end_line, f.end_column), f


def fingerprint(findings: Sequence[Finding]) -> list[tuple[Any, ...]]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message, f.fix) for f in findings]


def deterministic(run: Callable[[], Sequence[Finding]]) -> Sequence[Finding]:
    """Run twice; the same findings in the same order both times."""
    first = run()
    assert fingerprint(first) == fingerprint(run()), "not deterministic"
    return first
