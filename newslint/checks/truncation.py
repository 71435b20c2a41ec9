"""``truncation``: paragraphs and articles that stop mid-sentence.

Modes:

- ``paragraph-end``: a prose paragraph that ends without closing punctuation,
  or ends on a word no sentence ends on (``dangling_words``: "dan", "the").
  Headings, list items, captions-like single short lines and lines that
  introduce something (ending in ":") are left alone.
- ``split-sentence``: one sentence broken over two paragraphs: a paragraph
  that opens with a continuation word (``continuation_openers``: "Serta"), or
  with a lower-case letter after a paragraph without closing punctuation, or
  with a word that often continues a sentence (``weak_openers``: "Telah",
  "Khususnya") when a quotation opened in the previous paragraph closes in
  this one without being reopened. A quotation alone is not enough: many
  newsrooms run a quote over two paragraphs without reopening it.
- ``marker``: explicit cut markers such as "[...]", "(bersambung)", "Read more".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit, block_hit, normalize_line
from newslint.document import Block, Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "truncation"
DEFAULT_SCOPE = "block"

# Closing punctuation in the scripts newsrooms write in, plus closing quotes and brackets.
TERMINAL = set(".!?…:;。！？」』”’\"')]»›")
_LAST_WORD = regex.compile(r"(\w+)\W*$")
_FIRST_WORD = regex.compile(r"^\W*(\w+)")
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"”’)]*\s+\S")
OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"


@dataclass(frozen=True, slots=True)
class Compiled:
    mode: str
    dangling: frozenset[str]
    openers: frozenset[str]
    weak_openers: frozenset[str]
    markers: frozenset[str]
    min_words: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        params["mode"],
        frozenset(w.casefold() for w in params.get("dangling_words", ())),
        frozenset(w.casefold() for w in params.get("continuation_openers", ())),
        frozenset(w.casefold() for w in params.get("weak_openers", ())),
        frozenset(normalize_line(m) for m in params.get("markers", ())),
        int(params.get("min_words", 8)),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    if compiled.mode == "paragraph-end":
        yield from _paragraph_ends(doc, compiled)
    elif compiled.mode == "split-sentence":
        yield from _split_sentences(doc, compiled)
    else:
        yield from _markers(doc, compiled)


def is_prose(block: Block) -> bool:
    return block.kind in ("paragraph", "quote")


def _paragraph_ends(doc: Document, compiled: Compiled) -> Iterator[Hit]:
    prose = [i for i, b in enumerate(doc.blocks) if is_prose(b)]
    last = prose[-1] if prose else -1
    for i in prose:
        block = doc.blocks[i]
        text = block.text.rstrip()
        if not text or text[-1] in TERMINAL or text.endswith(("...", "..")):
            continue
        if _dangles(text, compiled) or _looks_cut(text, compiled, is_last=i == last):
            end = len(text)
            start = max(0, end - 40)
            where = "The article" if i == last else "The paragraph"
            yield block_hit(block, i, start, end, where=where, tail=text[start:end].lstrip())


def _dangles(text: str, compiled: Compiled) -> bool:
    m = _LAST_WORD.search(text)
    return bool(m and m.group(1).casefold() in compiled.dangling and len(text.split()) >= 4)


def _looks_cut(text: str, compiled: Compiled, is_last: bool) -> bool:
    words = text.split()
    if len(words) < compiled.min_words or "\n" in text:
        return False
    if text[-1].isdigit() or text.endswith(("WIB", "WITA", "WIT")):
        return False  # a date or credit line, not prose
    # A paragraph that already finished a sentence and then trails off is cut;
    # a single unpunctuated sentence is often a caption, so it needs more words.
    if _SENTENCE_END.search(text):
        return True
    return len(words) >= compiled.min_words * 3


def _split_sentences(doc: Document, compiled: Compiled) -> Iterator[Hit]:
    blocks = doc.blocks
    for i in range(1, len(blocks)):
        prev, block = blocks[i - 1], blocks[i]
        if not (is_prose(prev) and is_prose(block)):
            continue
        reason = _split_reason(prev.text, block.text, compiled)
        if reason:
            first = _FIRST_WORD.search(block.text)
            end = first.end() if first else min(len(block.text), 20)
            yield block_hit(block, i, 0, end, reason=reason)


def _split_reason(prev: str, text: str, compiled: Compiled) -> str | None:
    if len(prev.split()) < 4 or len(text.split()) < 4:
        return None
    first = _FIRST_WORD.search(text)
    if first is None:
        return None
    word = first.group(1)
    stripped = text.lstrip()
    if word.casefold() in compiled.openers and stripped[:1].isupper():
        return f"the paragraph opens with '{word}', continuing the previous sentence"
    if word.casefold() in compiled.weak_openers and _opens_unclosed_quote(prev) \
            and _closes_unopened_quote(text):
        return (f"a quotation opened in the previous paragraph closes here without being "
                f"reopened, and the paragraph opens with '{word}'")
    if stripped[:1].islower() and prev.rstrip()[-1:] not in TERMINAL:
        return "the paragraph opens in lower case after a paragraph without closing punctuation"
    return None


def _quote_balance(text: str) -> int:
    return sum(text.count(q) for q in OPEN_QUOTES) - sum(text.count(q) for q in CLOSE_QUOTES)


def _opens_unclosed_quote(text: str) -> bool:
    if any(q in text for q in OPEN_QUOTES + CLOSE_QUOTES):
        return _quote_balance(text) > 0
    return text.count('"') % 2 == 1 and text.lstrip().startswith('"')


def _closes_unopened_quote(text: str) -> bool:
    curly = [c for c in text if c in OPEN_QUOTES + CLOSE_QUOTES]
    if curly:
        return curly[0] in CLOSE_QUOTES
    if text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
        first = text.index('"')
        return first > 0 and not text[first - 1].isspace()
    return False


def _markers(doc: Document, compiled: Compiled) -> Iterator[Hit]:
    for i, block in enumerate(doc.blocks):
        for t_index, line in block.lines():
            if normalize_line(line) in compiled.markers:
                yield block_hit(block, i, t_index, t_index + len(line.rstrip()),
                                match=line.strip())
