"""``paragraph-end``: a prose paragraph, or the article, that stops mid-sentence.

A paragraph that simply lacks a full stop is not enough: headings, standfirsts,
captions, credits, sign-offs, list items and tweets' date lines all end without
one. A finding names its evidence (see ``cut_evidence`` for the strong kinds and
``newslint.checks.truncation.lone`` for the weak ones, trusted only in a tidy
article).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from newslint.checks.base import TERMINAL, Hit, block_hit
from newslint.checks.truncation.lone import (
    ARTICLE_PARAGRAPHS,
    ATTRIBUTION,
    GLUED,
    LABEL,
    MIN_WORDS,
    introduces_list,
    lone_sentence,
    loose_end,
    trailing_fragments,
)
from newslint.checks.truncation.sentences import (
    LIST_ITEM,
    ends_complete,
    is_prose,
    opens_unclosed_quote,
    short_lines,
    trim_end,
)
from newslint.checks.truncation.splits import hard_wrapped, sentence_breaks
from newslint.document import Block, Document

if TYPE_CHECKING:
    from newslint.checks.truncation import Compiled

# Shorter lines without a comma may be headings, which can end on a preposition
# ("Who it applies to").
HEADING_WORDS = 6
GLUED_WORDS = 8

_LAST_WORD = regex.compile(r"(\w+)\W*$")
_PROMO = regex.compile(r"https?:|www\.|@\w|\w\.(?:com|org|net|co|id|my)\b")
# Continuation punctuation: a comma, or a spaced hyphen or en dash (an em dash may
# end an interrupted quote on purpose, so it is not counted).
_OPEN_END = regex.compile(r"(?:[,(&+=]|\s[-–]|--)$")


def paragraph_ends(doc: Document, compiled: Compiled,
                   function_words: frozenset[str] | None) -> Iterator[Hit]:
    found = sentence_breaks(doc)
    if hard_wrapped(found):
        return  # a hard-wrapped text: reported once, by the split-sentence mode
    breaks = {b.at for b in found}
    prose = [i for i, b in enumerate(doc.blocks) if is_prose(b)]
    tidy = trailing_fragments(doc, prose) < 2
    lone = lone_sentence(doc, prose, function_words)
    for k, i in enumerate(prose):
        block = doc.blocks[i]
        text = trim_end(block.text)
        last = i == prose[-1]
        if (ends_complete(text) and i != lone) or _glued_end(text) \
                or (last and _PROMO.search(text)):
            continue  # the last paragraph with a link or handle: a promo or a bio
        if i in breaks or LABEL.match(text):
            continue  # a split sentence (reported by that mode), or "Label: teaser"
        following = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
        reason = cut_evidence(text, following, compiled)
        if reason is None and tidy and _weighs_weak_evidence(doc, i, text):
            reason = loose_end(text, _neighbours(doc, prose, k), compiled,
                               last and len(prose) >= ARTICLE_PARAGRAPHS)
            if reason is None and i == lone:
                reason = "the only sentence of the article without an end"
        if reason:
            start = max(0, len(text) - 40)
            yield block_hit(block, i, start, len(text), reason=reason,
                            where="The article" if last else "The paragraph",
                            tail=text[start:].lstrip())


def _weighs_weak_evidence(doc: Document, i: int, text: str) -> bool:
    """Not introduced by a colon (a quoted tweet) nor an attribution missing its full stop."""
    introduced = i > 0 and trim_end(doc.blocks[i - 1].text).endswith(":")
    return not introduced and not ATTRIBUTION.search(text)


def _neighbours(doc: Document, prose: list[int], k: int) -> list[Block]:
    """The prose paragraphs before and after the ``k``-th one."""
    return [doc.blocks[prose[j]] for j in (k - 1, k + 1) if 0 <= j < len(prose)]


def _glued_end(text: str) -> bool:
    """The paragraph ended with a full stop and a widget was glued on after it
    ("... kata dia.Ikuti Whatsapp Channel Republika"): markup rules report that."""
    glued = list(GLUED.finditer(text))
    return bool(glued) and len(text[glued[-1].end():].split()) <= GLUED_WORDS


def cut_evidence(text: str, following: Block | None, compiled: Compiled) -> str | None:
    """Strong signs that ``text`` (which lacks closing punctuation) was cut, or None."""
    words = text.split()
    if len(words) < MIN_WORDS or LIST_ITEM.match(text):
        return None
    if introduces_list(following) or ("\n" in text and short_lines(text)):
        return None  # introduces a list, or is itself one (an address, records, a verse)
    last = _LAST_WORD.search(text)
    if last and last.group(1).islower() and last.group(1).casefold() in compiled.dangling \
            and (len(words) >= HEADING_WORDS or "," in text):
        return f"it ends on '{last.group(1)}'"
    if _OPEN_END.search(text) and trim_end(text[:-1])[-1:] not in TERMINAL:
        return f"it ends on '{text[-1]}'"
    # A quote running on into the next paragraph ends its sentence first, so an
    # unclosed quotation without closing punctuation is cut whatever follows.
    if opens_unclosed_quote(text):
        return "a quotation opens and never closes"
    return None
