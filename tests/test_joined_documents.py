"""A long plain-text draft read a piece at a time and held as its paragraphs
(``Document.joined``): the same document, the same findings, less memory."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from newslint import fixspan
from newslint.document import Document
from newslint.engine import Options, lint_document
from newslint.readers import read_bytes, text
from newslint.rules import load_rules

_SENTENCE = "the council said that a new budget for schools will be put to a vote on Tuesday"
_WORDS = _SENTENCE.split()


def _paragraph(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(20, 70))]
    words[rng.randrange(len(words))] = f"word{n}"
    if n % 7 == 0:
        words.insert(3, "“quoted”")  # a curly quote: two bytes a character for this paragraph
    if n % 2 == 1:
        words[5] += "\nand"  # a paragraph of two lines
    return " ".join(words).capitalize() + "."


def _draft(paragraphs: int = 1800, seed: int = 4) -> str:
    """A long plain draft in the common shape, with an emoji and junk that rules flag."""
    rng = random.Random(seed)
    parts = [_paragraph(rng, n) for n in range(paragraphs)]
    parts[10] += " 🙂"  # makes a str of the whole text four bytes a character
    parts[20] = "Advertisement"
    parts[30] = "Share this article"
    parts[40] = "The vote is on Tuesday, 3 March 2025&nbsp;at the town hall, the mayor said."
    parts[50] = parts[49]  # a paragraph twice
    parts[-1] = "Read more"
    return "Council budget\n\n" + "\n\n".join(parts) + "\n"


def _usual(data: bytes, monkeypatch: pytest.MonkeyPatch) -> Document:
    with monkeypatch.context() as m:
        m.setattr(text, "JOINED_MIN_BYTES", len(data) + 1)
        return read_bytes(data, "long.txt")[0]


def test_a_long_plain_draft_is_read_joined_as_the_usual_document(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _draft().encode("utf-8")
    assert len(data) >= text.JOINED_MIN_BYTES
    joined, usual = read_bytes(data, "long.txt")[0], _usual(data, monkeypatch)
    assert joined.is_joined and not usual.is_joined
    assert joined.blocks == usual.blocks and joined.title == usual.title == "Council budget"
    assert joined.notices == usual.notices == ()
    assert joined.source == usual.source and joined.size == len(usual.source)
    source = usual.source
    lines = source.count("\n") + 1
    for line in range(1, lines + 1):
        assert joined.line_text(line) == usual.line_text(line)
    rng = random.Random(1)
    for _ in range(3000):
        start = rng.randrange(-3, len(source) + 3)
        end = start + rng.choice((0, 1, 2, 3, 50, 400, 5000))
        assert joined.text_at(start, end) == source[max(start, 0) : max(end, 0)], (start, end)
        assert joined.position(start) == usual.position(start)
        assert joined.line_bounds(start) == usual.line_bounds(start)
    assert joined.replaced(title="Budget").is_joined and joined.replaced(title="Budget").source == source


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n\nAdvertisement", "\n\n\nAdvertisement"),
        lambda t: t.replace("Advertisement\n", "Advertisement  \n"),
        lambda t: "  " + t,
        lambda t: t + "\n" * 6,
        lambda t: t + "  ",
        lambda t: t.replace("\n\nShare", "\n \nShare"),
        lambda t: t.replace("\n\nShare", "\n\u2028\n\nShare"),
    ],
    ids=[
        "crlf",
        "bom",
        "three-line-feeds",
        "trailing-spaces",
        "leading-spaces",
        "long-tail",
        "space-tail",
        "space-line",
        "line-separator",
    ],
)
def test_a_draft_not_in_that_shape_is_read_as_usual(
    change: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = change(_draft(1300)).encode("utf-8")
    assert len(data) >= text.JOINED_MIN_BYTES
    doc, usual = read_bytes(data, "long.txt")[0], _usual(data, monkeypatch)
    assert not doc.is_joined
    assert (doc.source, doc.blocks, doc.notices) == (usual.source, usual.blocks, usual.notices)


def test_invalid_utf8_and_binary_input_keep_their_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    good = _draft(1300).encode("utf-8")
    for data in (
        good[:5000] + b"\xe9t\xe9" + good[5000:],
        b"\x00" * 10 + good,
        good[: text.JOINED_MIN_BYTES] + b"\xff",
    ):
        doc, usual = read_bytes(data, "long.txt")[0], _usual(data, monkeypatch)
        assert not doc.is_joined and doc.notices == usual.notices and doc.notices
        assert doc.source == usual.source


def _findings(doc: Document) -> list[tuple[Any, ...]]:
    result = lint_document(doc, load_rules(), Options())
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.snippet, f.message, f.fix) for f in result.findings]


def test_a_joined_draft_gets_the_usual_findings_and_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _draft().encode("utf-8")
    joined, usual = read_bytes(data, "long.txt")[0], _usual(data, monkeypatch)
    found = _findings(joined)
    assert found == _findings(usual)
    rules = {f[0] for f in found}
    assert {"ad-text/ad-label", "markup/html-entity", "duplicate/paragraph"} <= rules
    assert any(f[-1] is not None for f in found)  # with the spans of their fixes


def test_whole_lines_of_a_joined_draft_are_those_of_its_source() -> None:
    data = _draft(300).encode("utf-8")
    data = data + b"\n" * (text.JOINED_MIN_BYTES - len(data) + 3)  # a long tail: read as usual
    doc = text.read(data.decode("utf-8"), "long.txt")
    joined = Document.joined(doc.path, doc.format, doc.blocks, "\n", title=doc.title)
    source = joined.source
    rng = random.Random(2)
    for _ in range(3000):
        start = rng.randrange(len(source))
        end = min(len(source), start + rng.choice((0, 1, 10, 300)))
        assert fixspan._whole_lines(joined, start, end) == fixspan.whole_lines(source, start, end), (start, end)


def _held(work: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = work()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return result, held


def test_a_joined_draft_holds_its_paragraphs_and_not_its_source_too(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _draft().encode("utf-8")
    joined, joined_held = _held(lambda: read_bytes(data, "long.txt")[0])
    usual, usual_held = _held(lambda: _usual(data, monkeypatch))
    assert joined.blocks == usual.blocks
    # the usual document holds its source at four bytes a character besides the blocks
    assert usual_held > 4 * len(data) and joined_held < usual_held - 3.5 * len(data)
