"""Junk that invisible characters hide from the rules but not from the reader.

A zero-width space, a soft hyphen, a word joiner or a direction mark shows nothing, so
"Advertisement" with one inside it, or after it, reads "Advertisement" on the page; but
the rules read the characters, and "Adver\u200btisement" or a line "Advertisement\u200b"
passed every one of them. Scraped copy carries such characters by accident, spam puts
them there on purpose. A document that holds one is read a second time without them,
and what that reading finds that the first did not is reported too, at its place in
the document as it is (these findings have no fix: the fix's span would be the other
reading's). The metadata, input and suppression findings of the second reading are left
out: they are the first reading's to make. Zero-width joiners and non-joiners are left
in place except between two letters of a script that does not join (Latin, Greek,
Cyrillic): elsewhere they shape the text (Persian, Devanagari, emoji).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from newslint import regexcache
from newslint.document import Document
from newslint.finding import FileResult, Finding

# Characters that show nothing: soft hyphen, Arabic letter mark, zero-width space, the
# direction marks, embeddings and isolates, word joiner and invisible operators, and a
# byte-order mark inside the text.
_SHOWS_NOTHING = "\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = regexcache.compile(
    rf"[{_SHOWS_NOTHING}]|(?<=[\p{{Latin}}\p{{Greek}}\p{{Cyrillic}}])[\u200c\u200d](?=[\p{{Latin}}\p{{Greek}}\p{{Cyrillic}}])"
)
# Each of them, joiners included, for a first look that costs little: ``in`` finds a character
# at memory speed (and at once in a text without it in its range), where a regex took 30 ms a MB.
_CANDIDATES = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" + "".join(
    map(chr, (*range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF))
)
READABLE_FORMATS = ("text", "markdown", "html")
OWN_CATEGORIES = frozenset({"metadata", "input", "suppression", "newslint"})  # the first reading's
NOTE = " (read without the invisible characters in it)"


def hides(doc: Document) -> bool:
    """Whether ``doc`` holds an invisible character (a byte-order mark opening it aside)."""
    if doc.format not in READABLE_FORMATS:
        return False
    # A long draft held as its paragraphs is looked at paragraph by paragraph: its source,
    # joined, is four bytes a character when one emoji is in it (19 MB for a 5 MB draft),
    # and no invisible character, nor what the joiners' lookarounds read, spans the blank
    # line between two paragraphs; what follows the last one is line feeds.
    return any(_hides_in(text, k == 0) for k, text in enumerate(_pieces(doc)))


def _hides_in(source: str, first: bool) -> bool:
    if source.isascii():
        return False
    start = 1 if first and source.startswith("\ufeff") else 0
    if not any(c in source for c in _CANDIDATES if c != "\ufeff") and source.find("\ufeff", start) < 0:
        return False
    return _INVISIBLE.search(source, start) is not None


def _pieces(doc: Document) -> list[str]:
    """The texts whose join (``_join``) is ``doc``'s source: its blocks' when it is held as
    them (``Document.joined``), else the source alone."""
    return [b.text for b in doc.blocks] if doc.is_joined else [doc.source]


def unmasked(doc: Document, found: Iterable[Finding], lint: Callable[[Document], FileResult]) -> list[Finding]:
    """The findings of ``doc`` read without its invisible characters that ``found`` (its
    findings as it is) lacks, placed in ``doc`` as it is."""
    pieces = _pieces(doc)
    cleaned = [_INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text for text in pieces]
    if cleaned == pieces:
        return []
    # What the document's own source does not give it came from outside (an article's fields,
    # which win over its body's): the second reading takes it too, without invisible characters.
    own = _read_like(doc, pieces)
    del pieces  # the second reading holds neither the source nor this reading of it
    given = {name: getattr(doc, name) for name in ("title", "byline", "date", "language")}
    outside = {name: _visible(value) for name, value in given.items() if value != getattr(own, name)}
    del own
    reread = _read_like(doc, cleaned)
    del cleaned
    if outside:
        reread = reread.replaced(**outside)
    known = {(f.rule, f.line, f.column) for f in found}
    extra = []
    for finding in lint(reread).findings:
        if finding.category in OWN_CATEGORIES:
            continue
        placed = _placed(doc, finding)
        if (placed.rule, placed.line, placed.column) not in known:
            extra.append(placed)
    return extra


def _read_like(doc: Document, pieces: list[str]) -> Document:
    """The source made of ``pieces`` (see ``_pieces``) read as ``doc`` was: a long plain-text
    draft held as its paragraphs only (``text.read_joined``: the blocks and fields that
    ``read_string`` gives, without the whole text beside them), when ``doc`` was."""
    from newslint.readers import read_string

    if doc.is_joined and doc.format == "text":
        from newslint.readers import text as plain

        try:
            data = b"\n\n".join(piece.encode("utf-8") for piece in pieces) + doc.source_tail.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: read from the text as any other
            data = b""
        joined = plain.read_joined(data, doc.path) if data else None
        if joined is not None:
            return joined
    source = "\n\n".join(pieces) + doc.source_tail if doc.is_joined else pieces[0]
    (read,) = read_string(source, doc.path, doc.format)
    return read


def _visible(text: str | None) -> str | None:
    return None if text is None else _INVISIBLE.sub("", text)


def _placed(doc: Document, finding: Finding) -> Finding:
    """``finding`` of the reading without invisible characters, at its columns in ``doc``
    (lines are the same: no line ending is invisible)."""
    return dataclasses.replace(
        finding,
        column=_column(doc, finding.line, finding.column),
        end_column=_column(doc, finding.end_line, finding.end_column),
        message=finding.message + NOTE,
        fix=None,
    )


def _column(doc: Document, line: int, column: int) -> int:
    """The 1-based column in ``doc``'s line ``line`` of column ``column`` of that line without
    its invisible characters."""
    text = doc.line_text(line)
    kept = [i for i, _ in enumerate(text)]
    for m in reversed(list(_INVISIBLE.finditer(text))):
        del kept[m.start()]
    return kept[column - 1] + 1 if column - 1 < len(kept) else len(text) + column - len(kept)
