"""What check kinds share: the Hit they yield, the context they run in, and
small text helpers about how paragraphs end, used by more than one kind (the
rest of the sentence helpers live in ``newslint.checks.truncation.sentences``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.document import Block, Document


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a rule: a source span and values for the message template."""

    start: int
    end: int
    data: Mapping[str, Any] = field(default_factory=dict)
    block: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know beyond the document: its resolved language."""

    language: str | None
    detect: Any = None  # callable(text) -> (lang, prob); injected by the engine
    allowed_languages: frozenset[str] = frozenset()


def block_hit(block: Block, index: int, start: int, end: int, **data: Any) -> Hit:
    """A hit on text indices [start, end) of a block."""
    return Hit(block.source_offset(start), block.source_offset(end), data, index)


def iter_lines(doc: Document) -> Iterator[tuple[int, Block, int, str]]:
    """Yield ``(block_index, block, text_index, line)`` for every line of prose."""
    for b_index, block in enumerate(doc.blocks):
        for t_index, line in block.lines():
            yield b_index, block, t_index, line


class CheckTimeout(Exception):
    """A rule's matching ran past its time limit on one document."""


def normalize_line(line: str) -> str:
    """Lower-case a short line and strip bullets, arrows and closing punctuation."""
    return " ".join(line.strip().strip("-*•·»›>|:.!…").strip().casefold().split())


# Phrase lines, labels and cut markers are short; a longer line is prose and
# is not normalised (its normal form is this value, which no phrase equals).
LABEL_MAX_CHARS = 200
LONG_LINE = "\x00long line"
Line = tuple[int, Block, int, str, str]  # block index, block, text index, line, normalised line


def normalized_lines(doc: Document) -> list[Line]:
    """The document's non-blank lines with their normalised text, worked out once
    per document for every rule that compares lines with phrase lists."""
    lines = doc.memo.get("normalized-lines")
    if lines is None:
        lines = doc.memo["normalized-lines"] = [
            (b, block, t, line, normalize_line(line) if len(line) <= LABEL_MAX_CHARS else LONG_LINE)
            for b, block, t, line in iter_lines(doc) if line.strip()]
    return lines


def normalized_set(doc: Document) -> frozenset[str]:
    """The normalised lines of ``normalized_lines`` as a set, for quick rejects."""
    found = doc.memo.get("normalized-set")
    if found is None:
        found = doc.memo["normalized-set"] = frozenset(item[4] for item in normalized_lines(doc))
    return found


# Sentence-final punctuation of the scripts newsrooms write in: Latin, CJK (full
# width), Devanagari danda, Burmese, Ethiopic, Armenian, Arabic/Urdu. A colon or
# semicolon ends a paragraph that introduces a list or a quote.
TERMINAL = frozenset(".!?…:;~。！？｡．；：।॥။።։؟۔")
# Closing quotes and brackets (a paragraph may end on them after a complete sentence)
# and footnote marks.
CLOSERS = frozenset("\"'”’»›)]}」』〉》）】*†‡")
# Marks that close a quotation in one style and open it in another, with the mark
# that opens the quotation they close.
_OPENER_OF = {"“": "„", "‘": "‚", "«": "»"}
# Invisible characters scrapers leave at paragraph ends (zero-width space, word
# joiner, BOM, variation selector, no-break space).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\ufe0f\u00a0 \t\r\n"


def trim_end(text: str) -> str:
    """Text without trailing whitespace and invisible characters."""
    return text.rstrip(_INVISIBLE)


def ends_complete(text: str) -> bool:
    """Whether a paragraph's last character closes it: punctuation, a closing quote or
    bracket, or a symbol such as an emoji or an arrow (chat-style endings)."""
    text = trim_end(text)
    if not text:
        return True
    last = text[-1]
    if last in TERMINAL or last in CLOSERS or unicodedata.category(last) in ("So", "Sk", "Co"):
        return True
    # German closes „…“ and ‚…‘, and some German copy runs guillemets »…«: the mark
    # that opens elsewhere closes when the text opened the matching quotation.
    opener = _OPENER_OF.get(last)
    return opener is not None and opener in text[:-1]
