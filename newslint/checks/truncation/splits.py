"""``split-sentence``: one sentence broken over two paragraphs.

Reported where it breaks off: the next paragraph opens in lower case or with
punctuation (", menggunakan ..."), or with a quotation whose first word is in lower
case after a paragraph that stops on one ("... que suas baterias" / "“usam metade do
cobalto” ..."); the paragraph ends on a comma, an opening quote or bracket before a
fragment, or is a dateline split from its story ("JAKARTA, KOMPAS.com –"; a place and a
lone dash among the article's first blocks); a link's text stands alone between two pieces (scrapers turn
inline links into paragraphs); the paragraph's last word and the next one's first,
capitalised, make a phrase the article uses whole elsewhere (a name split in two:
"bintang Bali" / "United, Irfan ..." when "Bali United" is in it), or the next paragraph opens
with the name's legal form ("... asked Apple" / "Inc. Chief Executive ..."); the paragraph stops
on a word no sentence ends on (the pack's ``dangling_words``) and the next one opens with a figure
and goes on in lower case ("... 79 corpos dos" / "189 ocupantes ..."). A plain-text draft's first
paragraph, read as its title when the draft has no title line, is one of the pieces when it is a
sentence and the next paragraph goes on with it. Also, at the second paragraph: it opens with a
word that cannot open a sentence (``continuation_openers``: "Serta"), or with a
word that often continues one (``weak_openers``: "Telah", "Khususnya") while
closing a quotation the previous paragraph opened. A quotation alone is not
enough: many newsrooms run a quote over two paragraphs without reopening it.
When three or more line-length pieces break off, the text was hard-wrapped:
that is reported once. Not sentences: lists after a colon (unless a piece holds a full sentence
and the next goes on in lower case: list items glued into one line), a letter's close above its
signature ("Sincerely," / "Sweet on Swapping"), list items ending in
"; and", legal and numbered structure ("Pasal 1", "(a)"), tag lines, table
cells, verse and code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint import regexcache, rx
from newslint.checks.base import TERMINAL, Hit, block_hit
from newslint.checks.truncation.lone import sentence_case
from newslint.checks.truncation.sentences import (
    CODE,
    LIST_ITEM,
    NOT_PROSE,
    WORD,
    ends_complete,
    is_prose,
    opens_unclosed_quote,
    quote_balance,
    sentence_ends,
    signed_off,
    trim_end,
)
from newslint.document import Block, Document
from newslint.facts import Facts

if TYPE_CHECKING:
    from newslint.checks.truncation import Compiled

MIN_WORDS = 4
HARD_WRAP_BREAKS = 3
LIST_ITEM_WORDS = 6
# A link's text set as a paragraph of its own has at most this many words.
LINK_WORDS = 4
# A letter's close ("Sincerely,", "Best regards,", "Yours very truly,").
LETTER_CLOSE_WORDS = 3
# A paragraph split before a figure has this many words or a comma (a shorter one may be a heading).
NUMBER_SPLIT_WORDS = 6
# A dateline's lone dash comes within the first blocks (title, byline, place, dash).
OPENING_BLOCKS = 8

_FIRST_WORD = regexcache.compile(r"^\W*(\w+)")
# A paragraph opening mid-sentence: with a lower-case word (not code, a domain or a
# label such as "larik 1:"; "on 3:35 from" is a time), perhaps the last word of its
# sentence ("developer. Untuk ..."), or with punctuation that cannot open a sentence.
_OPENS_MID = regexcache.compile(
    r"^(?:[,;:)\]}”’»]|\.(?!\.)|\p{Ll}[\p{Ll}’'-]*(?:[\s,;]|$)(?!\s*\d+\s*:(?!\d))|\p{Ll}[\p{Ll}’'-]{2,}\.(?=\s))"
)
# A paragraph ending open: a comma, an opening quote or bracket, a dateline dash.
_ENDS_OPEN = regexcache.compile(r"(?:[,(\[“‘«&]|\s[-–—]|^[-–—]|--)$")
_LONE_DASH = regexcache.compile(r"^[-–—]+$")
# A paragraph opening with a quotation mark and a word in lower case ('“usam metade do cobalto” ...').
_QUOTE_THEN_LOWER = regexcache.compile(r"^[\"“«„‘]\s?\p{Ll}[\p{Ll}’'-]*[\s,;]")
# Detokenized copy may open a quotation with a closing mark, spaced off a capital, and close it
# with the same mark later in the paragraph ('” Persib pada uji coba ... , ” ujar Dani.'): a
# quotation that opens, not one going on from the paragraph before.
_QUOTE_OPENED_BACKWARDS = regexcache.compile(r"^\s*”\s\p{Lu}[^”]*[,.!?…]\s?”\s")
# A dateline split from its story: "JAKARTA, KOMPAS.com –", "Suara.com -" (capitalised
# words; "Rapide augmentation -" is an AFP subhead).
_DATELINE_DASH = regexcache.compile(r"^\W*\p{Lu}[\w.]*(?:\W+(?:\p{Lu}|\d)[\w.]*){0,3}\s*(?:[-–—]|--)$")
_PUNCTUATION = regexcache.compile(r"[^\w\s]")
# A paragraph's last word and the next one's first, capitalised: the parts of a name.
_LAST_TOKEN = regexcache.compile(r"(?<![\w'’-])\p{Lu}[\w'’-]*(?<=\w)$")
_FIRST_NAME = regexcache.compile(r"\p{Lu}[\w'’-]*(?<=\w)(?![\w'’-])")
_WORD_CHAR = regexcache.compile(r"[\w'’-]")
# The tail of a name that no sentence opens with: a company's legal form, a generation.
_NAME_TAIL = regexcache.compile(
    r"^(?:(?:Inc|Corp|Co|Ltd|Jr|Sr|Bhd|Tbk)\.|(?:Inc|Ltd|LLC|PLC|Plc|GmbH|Berhad)\b(?!\.\w)|S\.A\.|N\.V\.)(?=[\s,]|$)"
)
# A paragraph's last word in lower case (not the tail of an address or a hyphenated word).
_LAST_LOWER = regexcache.compile(r"(?<![\w'’.@/-])(\p{Ll}+)$")
# A paragraph opening with a figure that the sentence goes on after, in lower case.
_NUMBER_OPENING = regexcache.compile(r"^\d[\d.,]*\s+\p{Ll}")
# A next line that is a list's item or a number, not the rest of a sentence.
_LIST_NEXT = regexcache.compile(r"^\W*(?:\d|[-*•])")
# A dateline without its dash ("JAKARTA, KOMPAS.com", "Jakarta, CNN Indonesia") and a
# story that opens with it ("- Suku Dinas ...").
_DATELINE_HEAD = regexcache.compile(r"^\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?,\s*\p{Lu}[\w.]*(?:\s\p{Lu}[\w.]*){0,2}$")
_DASH_OPENING = regexcache.compile(r"^[-–—]+\s+\p{Lu}")
# Legal and numbered structure: "Pasal 1", "Artikel 5", "Article 3", "Bab II", "Section 2".
_STRUCTURE = regexcache.compile(
    r"^\W*(?:pasal|perkara|artikel|article|art\.|artigo|artículo|bab|bagian|section|§|"
    r"chapter|kapitel|capítulo|chapitre|ayat|huruf|nomor|no\.)\s*[\dIVXLC]+\b",
    rx.I,
)


@dataclass(frozen=True, slots=True)
class Break:
    """A sentence split across two paragraphs: where it breaks off, and why."""

    at: int  # the paragraph whose sentence breaks off
    reason: str
    wrap: bool  # both pieces are line-length: a hard-wrapped text
    lower: bool  # the next piece opens in lower case


def split_sentences(doc: Document, compiled: Compiled, facts: Facts) -> Iterator[Hit]:
    blocks = doc.blocks
    for i in range(1, len(blocks)):
        if is_prose(blocks[i - 1]) and is_prose(blocks[i]):
            prev = trim_end(blocks[i - 1].text)
            if number_goes_on(prev, blocks[i].text.strip(), compiled.dangling):
                figure = blocks[i].text.split()[0]
                note = f"the sentence goes on in the next paragraph, which opens with '{figure}'"
                yield block_hit(blocks[i - 1], i - 1, max(0, len(prev) - 40), len(prev), reason=note)
                continue
            reason = _opener_reason(blocks[i - 1].text, blocks[i].text, compiled)
            if reason:
                first = _FIRST_WORD.search(blocks[i].text)
                yield block_hit(blocks[i], i, 0, first.end() if first else 0, reason=reason)
    breaks = facts.shared(sentence_breaks)
    if hard_wrapped(breaks):
        # One finding for a hard-wrapped text, not one per line.
        lower = [b for b in breaks if b.lower]
        note = f"{len(lower)} paragraphs break off mid-sentence; the text looks hard-wrapped"
        breaks = [b for b in breaks if not b.lower] + [Break(lower[0].at, note, True, True)]
    for brk in sorted(breaks, key=lambda b: b.at):
        text = trim_end(blocks[brk.at].text)
        yield block_hit(blocks[brk.at], brk.at, max(0, len(text) - 40), len(text), reason=brk.reason)


def hard_wrapped(breaks: list[Break]) -> bool:
    return sum(b.wrap for b in breaks) >= HARD_WRAP_BREAKS


def _opener_reason(prev: str, text: str, compiled: Compiled) -> str | None:
    """A paragraph opening with a word that continues the previous paragraph's sentence."""
    first = _FIRST_WORD.search(text)
    if first is None:
        return None
    word = first.group(1)
    folded = word.casefold()
    if folded not in compiled.openers and folded not in compiled.weak_openers:
        return None  # most paragraphs: no need to count words
    if len(prev.split()) < MIN_WORDS or len(text.split()) < MIN_WORDS:
        return None
    after = text[first.end() : first.end() + 1]
    if folded in compiled.openers and word[:1].isupper() and after != ",":
        return f"the paragraph opens with '{word}', continuing the previous sentence"
    if folded in compiled.weak_openers and _opens_unclosed_quote(prev) and _closes_unopened_quote(text):
        return (
            f"a quotation opened in the previous paragraph closes here without being "
            f"reopened, and the paragraph opens with '{word}'"
        )
    return None


def sentence_breaks(doc: Document) -> list[Break]:
    """Paragraphs whose sentence visibly goes on in the next paragraph.

    The next paragraph opens in lower case or with punctuation (", menggunakan"),
    or this one ends on a comma, an opening quote or bracket or a dateline dash
    before a fragment, or a link's text stands alone between two pieces. Both
    modes ask: they read it from the document's facts (``Facts.shared``).
    """
    return _sentence_breaks(doc.blocks)


def _sentence_breaks(blocks: tuple[Block, ...]) -> list[Break]:
    """Worked out from the last paragraph back, so that a chain of link texts ("Dikutip
    dari" / "BBC," / "Senin (9/6/2025), burung ...") is seen whole: a piece is part of
    the sentence when the piece after it is."""
    found: dict[int, Break] = {}
    prose: list[bytes] = []  # the article's prose, joined, when a name split in two asks for it
    names: list[int] = []
    for i in range(len(blocks) - 2, -1, -1):
        if not ((is_prose(blocks[i]) or _prose_title(blocks[i])) and is_prose(blocks[i + 1])):
            continue
        prev, nxt = trim_end(blocks[i].text), blocks[i + 1].text.strip()
        if not is_prose(blocks[i]) and not _goes_on(nxt):
            continue  # a title: only a lede that opens mid-sentence goes on with it
        if (ends_complete(prev) and not _bracket_goes_on(prev, nxt)) or _structure(prev, nxt):
            continue
        if _tag_like(prev, nxt) or _table_cell(prev, nxt):
            continue
        if i and trim_end(blocks[i - 1].text).endswith((":", ";")) and not (sentence_ends(prev) and _goes_on(nxt)):
            continue  # an item of a list introduced by a colon (not items glued into sentences, cut)
        after = blocks[i + 2].text.strip() if i + 2 < len(blocks) and is_prose(blocks[i + 2]) else ""
        before = trim_end(blocks[i - 1].text) if i and is_prose(blocks[i - 1]) else ""
        if _list_run(before, prev, nxt) or _letter_close(before, prev, nxt):
            continue
        reason = _break_reason(before, prev, nxt, after, i < OPENING_BLOCKS) or _chain_reason(
            before, prev, nxt, i + 1 in found
        )
        if reason is None and (reason := _split_name(prev, nxt, blocks, prose) or _name_tail(prev, nxt)):
            names.append(i)
        if reason:
            lower = nxt[:1].islower()
            wrap = lower and len(prev.split()) >= 6 and len(nxt.split()) >= 6
            found[i] = Break(i, reason, wrap, lower)
    _opening_chain(blocks, found)
    if hard_wrapped(list(found.values())):
        for i in names:
            del found[i]  # a hard-wrapped text splits names too: one defect, reported once
    return [found[i] for i in sorted(found)]


def _prose_title(block: Block) -> bool:
    """A plain-text draft's first paragraph read as its title (the draft has no title line), that
    is a sentence: MIN_WORDS words or more in sentence case ('Samsung selangkah lagi bakal
    meresmikan phablet terbarunya, Galaxy Note 8. Phablet ... yang memukul mereka')."""
    if block.kind != "title":
        return False
    words = WORD.findall(block.text)
    return len(words) >= MIN_WORDS and sentence_case(words[1:])


def _split_name(prev: str, nxt: str, blocks: tuple[Block, ...], prose: list[bytes]) -> str | None:
    """The paragraph's last word and the next paragraph's first, both capitalised, make a name the
    article uses whole elsewhere ('... dipimpin bintang Bali' / 'United, Irfan Bachdim ...' when
    'Bali United' is in it): a name split at a paragraph break (a lower-case word before it, '...
    Raden dari' / 'WALHI', is paragraph-end's evidence), in a paragraph in sentence case ('Dune
    Bashing dengan Desert Safari Dubai' / 'Desert Safari Dubai menawarkan ...' is a crosshead,
    though 'Dubai Desert' is elsewhere).
    ``prose`` holds the article's prose, joined, once asked for, in UTF-8: as a str, one
    emoji would hold a 5 MB article's prose at four bytes a character (19 MB), where each
    paragraph is held as narrow as its own characters. UTF-8 is found where the str is (a
    character's bytes never start inside another's), and the phrase, which has no line feed,
    is found within one paragraph."""
    last = _LAST_TOKEN.search(prev)
    first = _FIRST_NAME.match(nxt)
    if last is None or first is None or len(prev.split()) < MIN_WORDS or not sentence_case(WORD.findall(prev)[1:]):
        return None  # a crosshead in title case ending on a name the next paragraph opens with
    phrase = f"{last.group(0)} {first.group(0)}"
    if not prose:
        prose.append(b"\n\n".join(_utf8(b.text) for b in blocks if is_prose(b)))
    text, wanted = prose[0], _utf8(phrase)
    at = text.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if not _WORD_CHAR.match(_char_before(text, at) or " ") and not _WORD_CHAR.match(_char_at(text, end) or " "):
            return f"the sentence goes on in the next paragraph: '{phrase}' is used whole elsewhere in the article"
        at = text.find(wanted, at + 1)
    return None


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate (half an emoji) too


def _char_before(data: bytes, at: int) -> str:
    """The character of UTF-8 ``data`` that ends at byte ``at`` ('' at the start)."""
    start = at - 1
    while start > 0 and 0x80 <= data[start] < 0xC0:  # a continuation byte
        start -= 1
    return data[start:at].decode("utf-8", "surrogatepass") if at > 0 else ""


def _char_at(data: bytes, at: int) -> str:
    """The character of UTF-8 ``data`` that starts at byte ``at`` ('' at the end)."""
    if at >= len(data):
        return ""
    lead = data[at]
    size = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return data[at : at + size].decode("utf-8", "surrogatepass")


def _name_tail(prev: str, nxt: str) -> str | None:
    """The next paragraph opens with the tail of a name the paragraph ends on: a company's or a
    generation's suffix, which no sentence opens with ('... he has asked Apple' / 'Inc. Chief
    Executive Tim Cook to ...'), in a paragraph in sentence case."""
    tail = _NAME_TAIL.match(nxt)
    if tail is None or _LAST_TOKEN.search(prev) is None or len(prev.split()) < MIN_WORDS:
        return None
    if not sentence_case(WORD.findall(prev)[1:]):
        return None
    return f"the name goes on in the next paragraph, which opens with its '{tail.group(0)}'"


def number_goes_on(prev: str, nxt: str, dangling: frozenset[str]) -> bool:
    """The paragraph stops on a word no sentence ends on and the next one opens with a number and
    goes on in lower case: one sentence split before a figure ('... 79 corpos dos' / '189
    ocupantes de um Boeing ...')."""
    if not _NUMBER_OPENING.match(nxt) or LIST_ITEM.match(nxt):
        return False  # (most paragraphs: the next one opens with no figure; tested first, as the
        # search for the last word, anchored at the end, runs over the whole paragraph)
    last = _LAST_LOWER.search(prev)
    return (
        last is not None
        and last.group(1) in dangling
        and (len(prev.split()) >= NUMBER_SPLIT_WORDS or "," in prev)  # not a heading: "Who it applies to"
    )


def _chain_reason(before: str, prev: str, nxt: str, nxt_breaks: bool) -> str | None:
    """A sentence broken at several link texts: the next piece opens mid-sentence or is
    a name's link ("Dikutip dari" / "BBC,"), and its own sentence breaks off into the
    piece after it; or this piece is a name's link ending on a comma ("BBC,") inside a
    sentence (not a letter's "SAUDARA PENGARANG," nor a record "adtrue.com,2341,")."""
    if nxt_breaks and _fragment(nxt) and (_OPENS_MID.match(nxt) or link_name(nxt)):
        return "the sentence goes on in the next paragraphs, split at links' texts"
    if (
        prev.endswith(",")
        and link_name(prev)
        and not (prev.isupper() and " " in prev)
        and len(before.split()) >= 2
        and not ends_complete(before)
        and not _LIST_NEXT.match(nxt)
    ):
        return "a link's text ending on ',' stands alone and the sentence goes on in the next paragraph"
    return None


def link_name(text: str) -> bool:
    """A name's link set as a paragraph: one to LINK_WORDS capitalised words ("BBC,",
    "Putusan MK", "Hari Kewirausahaan Nasional"), not a domain or a record."""
    words = text.split()
    return (
        0 < len(words) <= LINK_WORDS
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and not NOT_PROSE.search(text)
    )


def _opening_chain(blocks: tuple[Block, ...], found: dict[int, Break]) -> None:
    """After a dateline's lone dash ("Jakarta" / "-"), the first sentence is broken at
    every link: each short piece without punctuation up to the next paragraph
    ("Presiden" / "Prabowo" / "Subianto memimpin rapat ...")."""
    for i in range(1, min(len(blocks) - 1, OPENING_BLOCKS)):
        place = trim_end(blocks[i - 1].text)
        if not (_LONE_DASH.match(blocks[i].text.strip()) and is_prose(blocks[i])):
            continue
        if not (0 < len(place.split()) <= LINK_WORDS and place[:1].isupper() and not ends_complete(place)):
            continue  # a dash after a place, at the top: not a divider between sections
        k = i + 1
        while k + 1 < len(blocks) and is_prose(blocks[k]) and is_prose(blocks[k + 1]):
            text = trim_end(blocks[k].text)
            if not (0 < len(text.split()) <= LINK_WORDS) or _PUNCTUATION.search(text[-1:]):
                break
            found.setdefault(k, Break(k, "a dateline's first sentence is broken at a link's text", False, False))
            k += 1


def _list_run(before: str, prev: str, nxt: str) -> bool:
    """A run of short items, each ending on a comma ("Tos,", "Fiebre,", "Ansiedad y
    fatiga."): a list set as paragraphs, not one sentence."""

    def item(text: str) -> bool:
        return 0 < len(text.split()) <= LIST_ITEM_WORDS and text[-1:] in ",.;"

    # After a long piece that stops mid-sentence, a short one ending on a comma is a link's
    # text inside that sentence ('... dikutip dari' / 'BBC,' / 'Senin (9/6/2025).').
    inside = len(before.split()) > LIST_ITEM_WORDS and not ends_complete(before)
    return prev.endswith(",") and item(prev) and (item(before) or before.endswith(":") or (item(nxt) and not inside))


def _letter_close(before: str, prev: str, nxt: str) -> bool:
    """A letter's close or salutation above its signature: a line of a few words ending on a comma
    after a finished paragraph, then a short name without an end ('Sincerely,' / 'Sweet on
    Swapping')."""
    return (
        prev.endswith(",")
        and 0 < len(prev.split()) <= LETTER_CLOSE_WORDS
        and prev[:1].isupper()
        and (not before or ends_complete(before))
        and 0 < len(nxt.split()) <= LINK_WORDS
        and nxt[:1].isupper()
        and not ends_complete(nxt)
    )


def _structure(prev: str, nxt: str) -> bool:
    """List items, numbered or legal structure, code: not pieces of one sentence. A
    story's opening after its dateline's dash ("- Menteri Perindustrian ... (AS)") is
    no list item when the next paragraph goes on with its sentence ("ke banyak negara
    ..."), and a dateline ("JAKARTA, KOMPAS.com") goes on into the dash's paragraph."""
    if _DATELINE_HEAD.match(prev) and _DASH_OPENING.match(nxt):
        return False
    return bool(
        (LIST_ITEM.match(prev) and not (_goes_on(nxt) and not LIST_ITEM.match(nxt)))
        or LIST_ITEM.match(nxt)
        or _STRUCTURE.match(prev)
        or _STRUCTURE.match(nxt)
        or CODE.search(prev)
        or CODE.search(nxt[:80])
    )


def _break_reason(before: str, prev: str, nxt: str, after: str, opening: bool) -> str | None:
    """Why the sentence of ``prev`` goes on after it, or None. ``opening``: ``prev`` is among the
    article's first blocks, where a dateline is."""
    if _DATELINE_HEAD.match(prev) and _DASH_OPENING.match(nxt):
        return "the dateline is split from its story, which opens with its dash in the next paragraph"
    if _goes_on(nxt):
        return f"the sentence goes on in the next paragraph, which opens with '{nxt.split()[0]}'"
    if _quoted_goes_on(prev, nxt):
        quoted = nxt.split()[0]
        return f"the sentence goes on in the next paragraph, which opens with a quotation in lower case ('{quoted}')"
    if _LONE_DASH.match(nxt) and opening and _place(prev):
        return "the sentence goes on after a lone dash in the next paragraph"
    # A lone dash after a place name at the top is a split dateline; after a full sentence, or
    # after a label further down ("SCROLL TO CONTINUE WITH CONTENT" / "–"), a rule.
    dateline = _DATELINE_DASH.search(prev) or (_LONE_DASH.match(prev) and opening and _place(before))
    lone_dash = _LONE_DASH.match(prev)
    if (_ENDS_OPEN.search(prev) and not lone_dash and (_fragment(nxt) or dateline)) or (lone_dash and dateline):
        return f"it ends on '{prev[-1]}' and the sentence goes on in the next paragraph"
    if _fragment(nxt) and len(nxt.split()) <= 4 and _goes_on(after) and (_stops_open(prev) or _link_text(nxt)):
        return "the sentence goes on in the next paragraphs, split at a link's text"
    return None


def _quoted_goes_on(prev: str, nxt: str) -> bool:
    """The paragraph stops on a word in lower case and the next one opens with a quotation whose
    first word is in lower case, running to a sentence's length: a phrase quoted inside the
    sentence ("... garantiu que suas baterias" / "“usam metade do cobalto” em comparação com ..."),
    not a quotation that opens a sentence of its own, which opens with a capital."""
    return (
        _QUOTE_THEN_LOWER.match(nxt) is not None
        and prev[-1:].islower()
        and len(prev.split()) >= MIN_WORDS
        and len(nxt.split()) >= MIN_WORDS
    )


def _stops_open(text: str) -> bool:
    """The paragraph stops on a word in lower case or a comma, as a sentence does before a link's
    text ("... serta program mendorong" / "UMKM naik kelas" / ".")."""
    return text[-1:].islower() or text.endswith(",")


def _link_text(text: str) -> bool:
    """A link's text set as a paragraph inside a sentence: a name ("Rano Karno", "BBC,"), an
    address ("ancol.com") or words in lower case. After a line that stops on a capital (a read-also
    line's headline, "... of WHITE SUPREMACY"), a sentence's opening in sentence case ("That much
    was true,") is no link's text: the sentence it opens goes on, not the line before it."""
    return link_name(text.rstrip(",")) or bool(NOT_PROSE.search(text)) or text[:1].islower()


def _place(text: str) -> bool:
    """A dateline's place before its lone dash: one to LINK_WORDS words, capitalised, without an end."""
    return 0 < len(text.split()) <= LINK_WORDS and text[:1].isupper() and not ends_complete(text)


def _bracket_goes_on(prev: str, nxt: str) -> bool:
    """The paragraph, a sentence's start, ends on a closing bracket with no full stop before it,
    and the next one goes on in lower case: a bracket closes a phrase, not the sentence ('The area
    ... 12 to 15 inches (38 centimeters)' / 'of snow is possible ...'); not a sign-off ('(ant)'),
    nor items of a list that lost its bullets, each opening in lower case ('entre os evangélicos
    (61% a 27%)' / 'entre os eleitores ...')."""
    return (
        prev[-1:] in ")]"
        and not prev[:1].islower()
        and prev[-2:-1] not in TERMINAL
        and len(prev.split()) >= MIN_WORDS
        and nxt[:1].islower()
        and _goes_on(nxt)
        and not signed_off(prev)
    )


def _goes_on(text: str) -> bool:
    """A paragraph that continues a sentence: it opens mid-sentence and reads as prose
    (a lone full stop or comma, or words running to a sentence end or six words)."""
    if not _OPENS_MID.match(text) or _QUOTE_OPENED_BACKWARDS.match(text):
        return False
    words = text.split()
    return len(words) >= 6 or ends_complete(text) and (len(words) >= 2 or len(text) == 1)


def _table_cell(prev: str, nxt: str) -> bool:
    """A lone lower-case word before a lower-case line: table cells, not a sentence."""
    return " " not in prev and prev[:1].islower() and nxt[:1].islower()


def _fragment(text: str) -> bool:
    return 0 < len(text.split()) <= 6 and not ends_complete(text)


def _tag_like(prev: str, nxt: str) -> bool:
    """Two short lower-case lines without punctuation: a tag list, not a sentence."""
    return all(len(t.split()) <= 5 and not _PUNCTUATION.search(t) and t == t.casefold() for t in (prev, nxt))


def _opens_unclosed_quote(text: str) -> bool:
    if opens_unclosed_quote(text):
        return True
    return quote_balance(text) == 0 and text.count('"') % 2 == 1 and text.lstrip().startswith('"')


def _closes_unopened_quote(text: str) -> bool:
    curly = [c for c in text if c in "“”«»"]
    if curly:
        return curly[0] in "”»"
    if text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
        first = text.index('"')
        return first > 0 and not text[first - 1].isspace()
    return False
