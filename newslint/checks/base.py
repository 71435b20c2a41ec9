"""What check kinds share: the Hit they yield, the context they run in, and
small text helpers about how sentences end, used by more than one kind."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

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
OPEN_QUOTES = "“«„‘"
CLOSE_QUOTES = "”»’"
# Invisible characters scrapers leave at paragraph ends (zero-width space, word
# joiner, BOM, variation selector, no-break space).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\ufe0f\u00a0 \t\r\n"

# Abbreviations whose full stop does not end a sentence (case-folded, without the
# dot). Titles, months, days and units in the languages of the shipped packs.
_ABBREVIATED = (
    "mr mrs ms dr prof st jr gen rep sen gov lt col capt sgt maj cmdr adm rev fr sr "
    "inc ltd co corp bros no nos vol vols pp ed eds fig figs art sec ch approx est vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs "
    "fri sat sun tsp tbsp oz lb lbs ft km kg mt jl hj drs ir kh mohd bhd sdn tbk dll dsb "
    "sdr bpk ny tn yth u.s a.m p.m"
)
ABBREVIATIONS = frozenset(_ABBREVIATED.split(" "))
# A sentence end: terminal punctuation, optional closers, then space and a capital
# or a letter of a script without case (Korean, Devanagari), possibly after an
# opening quote or bracket. CJK full stops need no space.
_SENTENCE_END = regex.compile(
    r"[.!?…।။]+[\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[\p{Lu}\p{Lt}\p{Lo}])|[。！？｡]+[」』”’)]*(?=.)",
    regex.S,
)


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
    return last in TERMINAL or last in CLOSERS or unicodedata.category(last) in ("So", "Sk", "Co")


def sentence_ends(text: str) -> list[int]:
    """Indices just past each sentence end inside ``text`` (not counting its last one).

    A full stop after an abbreviation ("Mr.", "Sept.", "U.S."), after a single letter
    ("Nelson D. Schwartz") or after a list number at the start ("1. China") does not
    end a sentence.
    """
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _after_abbreviation(text, m.start()):
            continue
        ends.append(m.end())
    return ends


def _after_abbreviation(text: str, dot: int) -> bool:
    if dot == 0 or text[dot - 1].isspace():
        return False  # "pmb.upi.edu . Adapun": a loosely spaced full stop still ends
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot].strip("\"'“‘(*[").casefold()
    if word.isdigit():
        return not text[:start].strip(" -*•")  # a list number, not a year ending a sentence
    return len(word) <= 1 or "." in word or word in ABBREVIATIONS


def quote_balance(text: str) -> int:
    """Opening minus closing curly or guillemet double quotes (straight ones are ambiguous).

    German opens with „ and closes with “, which opens elsewhere: a text with „ is read
    the German way.
    """
    low = text.count("„")
    if low:
        return low - text.count("“") - text.count("”")
    return text.count("“") + text.count("«") - text.count("”") - text.count("»")


def opens_unclosed_quote(text: str) -> bool:
    """A quotation opens in ``text`` and is not closed by its end."""
    if any(q in text for q in "“”«»„"):
        # Sloppy copy closes a curly quote with a straight one: count those as closing.
        return quote_balance(text) - text.count('"') > 0
    stripped = text.lstrip()
    return text.count('"') % 2 == 1 and stripped.startswith('"')


def opens_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in ('"', "“", "«", "„", "‘", "'")
