"""``truncation``: paragraphs and articles that stop mid-sentence.

A paragraph that simply lacks a full stop is not enough: headings, photo
captions, credit lines, list items and tweets' date lines all end without one.
So a finding needs *evidence* that the sentence was cut. Modes:

- ``paragraph-end``: a prose paragraph that ends without closing punctuation
  (a full stop, "?", "!", ":", a closing quote or bracket, an emoji, the
  Devanagari danda "।", the Burmese "။", the CJK "。") *and*

  - ends on a word no sentence ends on (``dangling_words``: "dan", "the"),
    written in lower case ("Plan A" is a label, not a cut "a"), in a line of
    at least six words or with a comma (a shorter one may be a heading that
    ends on a preposition: "Who the rules apply to");
  - or ends on a comma or a spaced dash ("regionally -");
  - or opens a quotation it never closes (a quote running on into the next
    paragraph ends its sentence first, so this holds whatever follows);
  - or finished a sentence and then trails off ("... di atasnya. Akhir Juli,
    42% dari mereka sudah menerima"), where the trailing part reads as prose:
    no credit, label, link or handle ("Jawaban: A", "AFP / Getty Images",
    "@handle"), no attribution missing its full stop (', ” ujarnya'), no
    widget glued on after a full stop ("kata dia.Ikuti Whatsapp Channel");
  - or is one unpunctuated sentence of at least ``long_words`` words (0 turns
    this off) that is neither an enumeration nor an item of a run of such
    paragraphs;
  - or is the article's last paragraph (of three or more), reads as a
    sentence and has no end, unless it is the last item of a list;
  - or is the article's only unfinished sentence ("At the same time, however,
    those who believe"). Headings, captions and credits end without a full
    stop too, but they come in kinds: an article has several of them, or they
    are in Title Case, or they name no function words of the language. So this
    needs a paragraph of three or more that reads as one sentence (at least
    eight words, no more capitalised names than lower-case words, two of the
    language's function words, ``newslint.language.STOPWORDS``; for a language
    without a list, a script with capitals), with no other paragraph of four
    or more words in sentence case left unfinished in the article; followed
    by a new sentence, not by a list or the rest of its own sentence; not the
    standfirst right under the title, not beside an image (a caption) or in
    bold type (a heading), with no machine date (a byline "on 2019-02-15").
    A closing quote after a short phrase quoted mid-sentence ('might not be
    the "jobs machine"') does not end the sentence here.

  The last four need the article to be otherwise tidy: where two or more
  paragraphs trail off after a full sentence, that is the article's style
  (two-sentence photo captions, author bios), so only the first three kinds
  of evidence count there. Left alone on purpose: paragraphs under four words,
  list items, a paragraph introducing a list ("such as", "yaitu") or
  introduced by a colon (a quoted tweet), "Label: teaser" lines, a paragraph
  that the next one continues (a split sentence), and any paragraph of a
  hard-wrapped text. Not caught: a short cut sentence among other unfinished
  ones (an article with headings or captions in sentence case), a cut that
  leaves a Title Case run of names ("... Frankie de Jong, Cody Gakpo,
  Memphis") or fewer than eight words ("Demikian informasi seputar SM UPI"):
  without a grammar these cannot be told from a heading or a caption.
- ``split-sentence``: one sentence broken over two paragraphs, reported where
  it breaks off: the next paragraph opens in lower case or with punctuation
  (", menggunakan ..."); the paragraph ends on a comma, an opening quote or
  bracket before a fragment, or is a dateline split from its story
  ("JAKARTA, KOMPAS.com –"); a link's text stands alone between two pieces
  (scrapers turn inline links into paragraphs). Also, at the second paragraph:
  it opens with a word that cannot open a sentence (``continuation_openers``:
  "Serta"), or with a word that often continues one (``weak_openers``:
  "Telah", "Khususnya") while closing a quotation the previous paragraph
  opened. A quotation alone is not enough: many newsrooms run a quote over two
  paragraphs without reopening it. When three or more line-length pieces
  break off, the text was hard-wrapped: that is reported once. Lists after a
  colon, tag lines and table cells are not sentences.
- ``marker``: explicit cut markers on a line of their own ("[...]",
  "(bersambung)", "(continued)"). Read-more links are page chrome, reported by
  ``markup/widget-line``.

Scripts without spaces or capitals (Chinese, Japanese, Korean) and other
scripts' sentence marks are understood, so the check works whatever the
language; only the word lists are per language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import (
    TERMINAL,
    Context,
    Hit,
    block_hit,
    ends_complete,
    normalize_line,
    opens_unclosed_quote,
    quote_balance,
    sentence_ends,
    trim_end,
)
from newslint.document import Block, Document
from newslint.facts import Facts

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "truncation"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {
        "mode": {"enum": ["paragraph-end", "split-sentence", "marker"]},
        "dangling_words": {"$ref": "#/$defs/stringList", "default": []},
        "continuation_openers": {"$ref": "#/$defs/stringList", "default": []},
        "weak_openers": {"$ref": "#/$defs/stringList", "default": []},
        "markers": {"$ref": "#/$defs/stringList", "default": []},
        "long_words": {"type": "integer", "minimum": 0, "default": 0,
                       "description": "paragraph-end: one unpunctuated sentence of at least this many words "
                                      "counts as cut (0: off)"},
    },
}
MIN_WORDS = 4
HARD_WRAP_BREAKS = 3
# Shorter lines without a comma may be headings, which can end on a preposition
# ("Who it applies to").
HEADING_WORDS = 6
# A paragraph shorter than this that trails off is a teaser or a caption more often
# than a cut ("Siapa idolanya? Ada di halaman berikutnya").
TRAIL_WORDS = 8
GLUED_WORDS = 8
# A text of fewer paragraphs is a caption or a snippet, not an article with an end.
ARTICLE_PARAGRAPHS = 3
# A lone unfinished sentence: at least this many words, and this many function words
# of the document's language; other unfinished paragraphs in sentence case of at
# least PEER_WORDS words make it one of a kind (headings, captions), not a cut.
SENTENCE_WORDS = 8
FUNCTION_WORDS = 2
PEER_WORDS = 4

_LAST_WORD = regex.compile(r"(\w+)\W*$")
_FIRST_WORD = regex.compile(r"^\W*(\w+)")
# A paragraph opening mid-sentence: with a lower-case word (not code, a domain or a
# label such as "larik 1:") or with punctuation that cannot open a sentence.
_OPENS_MID = regex.compile(r"^(?:[,;:)\]}”’»]|\.(?!\.)|\p{Ll}[\p{Ll}’'-]*(?:[\s,;]|$)(?!\s*\d+\s*:))")
# A paragraph ending open: a comma, an opening quote or bracket, a dateline dash.
_ENDS_OPEN = regex.compile(r"(?:[,(\[“‘«&]|\s[-–—]|^[-–—]|--)$")
_LONE_DASH = regex.compile(r"^[-–—]+$")
# A dateline split from its story: "JAKARTA, KOMPAS.com –".
_DATELINE_DASH = regex.compile(r"^\W*\w+(?:\W+\w+){0,3}\s*(?:[-–—]|--)$")
_PUNCTUATION = regex.compile(r"[^\w\s]")
_CODE = regex.compile(r"[<>{}=\\|#]")
# A list item written as a paragraph: "1. China", "2) ...", "- item", "• item".
_LIST_ITEM = regex.compile(r"^\s*(?:\d{1,3}[.)]\s|[-*•·▪►]\s|\(?[a-z]\)\s)")
# Continuation punctuation: a comma, or a spaced hyphen or en dash (an em dash may
# end an interrupted quote on purpose, so it is not counted).
_OPEN_END = regex.compile(r"(?:[,(&+=]|\s[-–]|--)$")
# What a credit, label, link, handle or table leaves in a trailing fragment.
# "Headline: summary" teasers and "Label: value" lines end without a full stop.
_LABEL = regex.compile(r"^\W*\w[\w'’.-]*(?:\s+[\w'’.-]+){0,5}['’\"”]?\s*:\s")
# A closed quotation and its attribution missing only the full stop: '..., ” ujarnya'.
_ATTRIBUTION = regex.compile(r"[,.!?…][\"”’]\s*\S+(?:\s+\S+){0,2}$")
_GLUED_WORDS = regex.compile(r"[\p{Ll})]\p{Lu}\p{Ll}")
_GLUED = regex.compile(r"\w[.!?…][\"”’]?\p{Lu}\p{Ll}")
_PROMO = regex.compile(r"https?:|www\.|@\w|\w\.(?:com|org|net|co|id|my)\b")
_NOT_PROSE = regex.compile(r"[|@#©®™=<>_│─]|https?:|www\.|\.(?:com|org|net|fr|id|my)\b|\w:\s|/")
_WORD = regex.compile(r"[\p{L}\p{M}\d'’-]+")
# A machine-written date marks a byline or a dateline ("Posted by ... on 2019-02-15").
_ISO_DATE = regex.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# What sets a paragraph apart as a caption or a heading in HTML or Markdown source.
_IMAGE = regex.compile(r"<(?:img|figure|figcaption|picture)\b|!\[", regex.I)
_BOLD_OPEN = regex.compile(r"<(?:strong|b)\b[^>]*>\s*$", regex.I)
# A paragraph ending on a short phrase in quotes that opened mid-sentence ('might not
# be the "jobs machine"'): the quote closes the phrase, not the sentence.
_PHRASE_WORD = r"[^\s“”\"‘’«».!?…,;:]+"
_CLOSING_QUOTES = frozenset("”\"’»")  # the phrase's closing quote ends the text: a cheap test first
_QUOTED_PHRASE = regex.compile(
    rf"\s\p{{Ll}}[\p{{Ll}}’'-]*\s+[“\"‘«]\s?{_PHRASE_WORD}(?:\s{_PHRASE_WORD}){{0,2}}\s?[”\"’»]$")


@dataclass(frozen=True, slots=True)
class Compiled:
    mode: str
    dangling: frozenset[str]
    openers: frozenset[str]
    weak_openers: frozenset[str]
    markers: frozenset[str]
    long_words: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        params["mode"],
        frozenset(w.casefold() for w in params.get("dangling_words", ())),
        frozenset(w.casefold() for w in params.get("continuation_openers", ())),
        frozenset(w.casefold() for w in params.get("weak_openers", ())),
        frozenset(normalize_line(m) for m in params.get("markers", ())),
        int(params.get("long_words", 0)),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if compiled.mode == "paragraph-end":
        yield from _paragraph_ends(doc, compiled, ctx.lexicon.function_words.get(ctx.language or ""), ctx.facts)
    elif compiled.mode == "split-sentence":
        yield from _split_sentences(doc, compiled, ctx.facts)
    else:
        yield from _markers(compiled, ctx.facts)


def is_prose(block: Block) -> bool:
    return block.kind in ("paragraph", "quote")


def _paragraph_ends(doc: Document, compiled: Compiled,
                    function_words: frozenset[str] | None, facts: Facts) -> Iterator[Hit]:
    found = facts.shared(sentence_breaks)
    if sum(b.wrap for b in found) >= HARD_WRAP_BREAKS:
        return  # a hard-wrapped text: reported once, by the split-sentence mode
    breaks = {b.at for b in found}
    prose = [i for i, b in enumerate(doc.blocks) if is_prose(b)]
    tidy = _trailing_fragments(doc, prose) < 2
    lone = _lone_sentence(doc, prose, function_words)
    for k, i in enumerate(prose):
        block = doc.blocks[i]
        text = trim_end(block.text)
        last = i == prose[-1]
        if (ends_complete(text) and i != lone) or _glued_end(text) \
                or (last and _PROMO.search(text)):
            continue  # the last paragraph with a link or handle: a promo or a bio
        if i in breaks or _LABEL.match(text):
            continue  # a split sentence (reported by that mode), or "Label: teaser"
        following = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
        reason = _cut_evidence(text, following, compiled)
        if reason is None and tidy and _weighs_weak_evidence(doc, i, text):
            reason = _loose_end(text, _neighbours(doc, prose, k), compiled,
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
    return not introduced and not _ATTRIBUTION.search(text)


def _neighbours(doc: Document, prose: list[int], k: int) -> list[Block]:
    """The prose paragraphs before and after the ``k``-th one."""
    return [doc.blocks[prose[j]] for j in (k - 1, k + 1) if 0 <= j < len(prose)]


def _lone_sentence(doc: Document, prose: list[int],
                   function_words: frozenset[str] | None) -> int | None:
    """The one paragraph of an article that reads as a sentence and has no end, or None.

    Headings, captions and credits also end without a full stop, but they come in
    kinds: an article has several, or they are in Title Case or name no function
    words. A paragraph that is one of a kind is cut. It must also be followed by a
    new sentence (not a list or the rest of its own sentence), and not be the
    standfirst right under the title.
    """
    unfinished = [i for i in prose if _unfinished(trim_end(doc.blocks[i].text))]
    if len(unfinished) != 1 or len(prose) < ARTICLE_PARAGRAPHS:
        return None
    i = unfinished[0]
    after = doc.blocks[i + 1:i + 3]
    if after and (after[0].text.lstrip(" “\"‘«„([")[:1].islower()
                  or all(_introduces_list(b) for b in after)):
        return None  # the sentence goes on, or introduces a list (a lone item is a heading)
    if i == prose[0] and i > 0 and doc.blocks[i - 1].kind in ("title", "heading"):
        return None  # a standfirst
    text = trim_end(doc.blocks[i].text)
    return i if _reads_as_sentence(text, function_words) and not _set_apart(doc, i) else None


def _set_apart(doc: Document, i: int) -> bool:
    """An image next to the paragraph (a caption), or bold type around it (a heading)."""
    start = doc.blocks[i - 1].start if i else 0
    end = doc.blocks[i + 1].end if i + 1 < len(doc.blocks) else len(doc.source)
    if _IMAGE.search(doc.source, start, end):
        return True
    opening = doc.blocks[i].start
    return bool(_BOLD_OPEN.search(doc.source[max(0, opening - 40):opening]))


def _unfinished(text: str) -> bool:
    """A paragraph of at least PEER_WORDS words in sentence case without an end."""
    if ends_complete(text) and not (text[-1:] in _CLOSING_QUOTES and _QUOTED_PHRASE.search(text)):
        return False
    words = _WORD.findall(text)
    if len(words) < PEER_WORDS or _NOT_PROSE.search(text) or _LIST_ITEM.match(text) \
            or _LABEL.match(text):
        return False
    return _sentence_case(words[1:])


def _sentence_case(words: list[str]) -> bool:
    """At least as many words in lower case as capitalised names, a run of capitals
    counting as one name: "the minister, Tan Sri Muhyiddin Yassin, said" is a sentence,
    "Tips Menyaksikan Hujan Meteor" and "Jokowi Takziah ke Rumah Duka Tjahjo Kumolo" are
    headings."""
    names = lower = 0
    previous = ""
    for word in words:
        if word[:1].isupper() and not previous[:1].isupper():
            names += 1
        lower += word[:1].islower()
        previous = word
    return names <= lower


def _reads_as_sentence(text: str, function_words: frozenset[str] | None) -> bool:
    """One sentence of SENTENCE_WORDS words or more, with the function words of its
    language (or, for a language without a list, in a script with capitals)."""
    words = _WORD.findall(text)
    if len(words) < SENTENCE_WORDS or sentence_ends(text) or _ATTRIBUTION.search(text) \
            or _ISO_DATE.search(text) or _list_like(text):
        return False
    if function_words is None:
        return any(w[:1].isupper() for w in words) and any(w[:1].islower() for w in words)
    return sum(w.casefold() in function_words for w in words) >= FUNCTION_WORDS


def _glued_end(text: str) -> bool:
    """The paragraph ended with a full stop and a widget was glued on after it
    ("... kata dia.Ikuti Whatsapp Channel Republika"): markup rules report that."""
    glued = list(_GLUED.finditer(text))
    return bool(glued) and len(text[glued[-1].end():].split()) <= GLUED_WORDS


def _cut_evidence(text: str, following: Block | None, compiled: Compiled) -> str | None:
    """Strong signs that ``text`` (which lacks closing punctuation) was cut, or None."""
    words = text.split()
    if len(words) < MIN_WORDS or _LIST_ITEM.match(text):
        return None
    if _introduces_list(following) or ("\n" in text and _short_lines(text)):
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


def _loose_end(text: str, neighbours: list[Block], compiled: Compiled,
               last: bool) -> str | None:
    """Weaker signs, trusted only in a tidy article: a trailing fragment, a long sentence,
    an article whose last paragraph reads as a sentence and has no end."""
    words = text.split()
    if len(words) < MIN_WORDS or _LIST_ITEM.match(text) or ("\n" in text and _short_lines(text)):
        return None
    if _trails_off(text):
        return "the last sentence has no end"
    if last and _reads_as_prose(text) and not _list_like(text) \
            and not any(_long_open(b.text, TRAIL_WORDS) for b in neighbours):
        return "the article's last sentence has no end"
    if not compiled.long_words or len(words) < compiled.long_words or not _reads_as_prose(text):
        return None
    if _list_like(text) or any(_long_open(b.text, compiled.long_words) for b in neighbours):
        return None  # an item of a list (a menu, bullet points written as paragraphs)
    return f"a sentence of {len(words)} words has no end"


def _list_like(text: str) -> bool:
    """Most comma-separated parts short, most words capitalised, or items glued
    together ("(XRF)X-ray diffraction (XRD)Atomic absorption"): an enumeration."""
    if len(_GLUED_WORDS.findall(text)) >= 3:
        return True
    parts = text.split(",")
    if len(parts) >= 4 and sum(len(p.split()) <= 4 for p in parts) * 2 > len(parts):
        return True
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) * 2 > len(words)


def _long_open(text: str, long_words: int) -> bool:
    """Another paragraph of list length that also ends open: a run of list items."""
    return not ends_complete(text) and len(text.split()) >= min(long_words, 10)


def _introduces_list(following: Block | None) -> bool:
    return following is not None and (following.kind == "list-item"
                                      or bool(_LIST_ITEM.match(following.text)))


def _trails_off(text: str) -> bool:
    """A full sentence, then a fragment that reads as prose (not a credit or a label)."""
    if "\n" in text and _short_lines(text):
        return False
    ends = sentence_ends(text)
    if not ends or len(text.split()) < TRAIL_WORDS:
        return False
    tail = text[ends[-1]:]
    # "... kata dia.Ikuti Whatsapp Channel": a widget glued on, reported by markup rules
    return _reads_as_prose(tail) and not _ATTRIBUTION.search(text) and not _GLUED.search(tail)


def _reads_as_prose(fragment: str) -> bool:
    words = fragment.split()
    if not words or _NOT_PROSE.search(fragment):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if len(words) == 1:
        return not (len(words[0]) > 1 and words[0].isupper())
    # A run of capitalised words is a name or a credit ("Anthony Wallace Getty Images").
    return not all(w[:1].isupper() for w in letters)


def _short_lines(text: str) -> bool:
    lines = text.split("\n")
    return sorted(len(line.split()) for line in lines)[len(lines) // 2] < 8


def _trailing_fragments(doc: Document, prose: list[int]) -> int:
    """How many paragraphs trail off after a full sentence (captions' style when >= 2)."""
    count = 0
    for i in prose:
        text = trim_end(doc.blocks[i].text)
        if not ends_complete(text) and not _LIST_ITEM.match(text) and _trails_off(text):
            count += 1
    return count


def _split_sentences(doc: Document, compiled: Compiled, facts: Facts) -> Iterator[Hit]:
    blocks = doc.blocks
    for i in range(1, len(blocks)):
        if is_prose(blocks[i - 1]) and is_prose(blocks[i]):
            reason = _opener_reason(blocks[i - 1].text, blocks[i].text, compiled)
            if reason:
                first = _FIRST_WORD.search(blocks[i].text)
                yield block_hit(blocks[i], i, 0, first.end() if first else 0, reason=reason)
    breaks = facts.shared(sentence_breaks)
    if sum(b.wrap for b in breaks) >= HARD_WRAP_BREAKS:
        # One finding for a hard-wrapped text, not one per line.
        lower = [b for b in breaks if b.lower]
        note = f"{len(lower)} paragraphs break off mid-sentence; the text looks hard-wrapped"
        breaks = [b for b in breaks if not b.lower] + [_Break(lower[0].at, note, True, True)]
    for brk in sorted(breaks, key=lambda b: b.at):
        text = trim_end(blocks[brk.at].text)
        yield block_hit(blocks[brk.at], brk.at, max(0, len(text) - 40), len(text),
                        reason=brk.reason)


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
    after = text[first.end():first.end() + 1]
    if folded in compiled.openers and word[:1].isupper() and after != ",":
        return f"the paragraph opens with '{word}', continuing the previous sentence"
    if folded in compiled.weak_openers and _opens_unclosed_quote(prev) \
            and _closes_unopened_quote(text):
        return (f"a quotation opened in the previous paragraph closes here without being "
                f"reopened, and the paragraph opens with '{word}'")
    return None


@dataclass(frozen=True, slots=True)
class _Break:
    at: int  # the paragraph whose sentence breaks off
    reason: str
    wrap: bool  # both pieces are line-length: a hard-wrapped text
    lower: bool  # the next piece opens in lower case


def sentence_breaks(doc: Document) -> list[_Break]:
    """Paragraphs whose sentence visibly goes on in the next paragraph.

    The next paragraph opens in lower case or with punctuation (", menggunakan"),
    or this one ends on a comma, an opening quote or bracket or a dateline dash
    before a fragment, or a link's text stands alone between two pieces. Both
    modes ask: they read it from the document's facts (``Facts.shared``).
    """
    return _sentence_breaks(doc.blocks)


def _sentence_breaks(blocks: tuple[Block, ...]) -> list[_Break]:
    found = []
    for i in range(len(blocks) - 1):
        if not (is_prose(blocks[i]) and is_prose(blocks[i + 1])):
            continue
        prev, nxt = trim_end(blocks[i].text), blocks[i + 1].text.strip()
        after = blocks[i + 2].text.strip() if i + 2 < len(blocks) and is_prose(blocks[i + 2]) else ""
        if ends_complete(prev) or _LIST_ITEM.match(prev) or _tag_like(prev, nxt) \
                or _CODE.search(prev) or _table_cell(prev, nxt):
            continue
        if i and trim_end(blocks[i - 1].text).endswith(":"):
            continue  # an item of a list introduced by a colon
        reason = _break_reason(prev, nxt, after)
        if reason:
            lower = nxt[:1].islower()
            wrap = lower and len(prev.split()) >= 6 and len(nxt.split()) >= 6
            found.append(_Break(i, reason, wrap, lower))
    return found


def _break_reason(prev: str, nxt: str, after: str) -> str | None:
    if _goes_on(nxt):
        return f"the sentence goes on in the next paragraph, which opens with '{nxt.split()[0]}'"
    if _LONE_DASH.match(nxt):
        return "the sentence goes on after a lone dash in the next paragraph"
    dateline = _DATELINE_DASH.search(prev) or _LONE_DASH.match(prev)
    if _ENDS_OPEN.search(prev) and (_fragment(nxt) or dateline):
        return f"it ends on '{prev[-1]}' and the sentence goes on in the next paragraph"
    if _fragment(nxt) and len(nxt.split()) <= 4 and _goes_on(after):
        return "the sentence goes on in the next paragraphs, split at a link's text"
    return None


def _goes_on(text: str) -> bool:
    """A paragraph that continues a sentence: it opens mid-sentence and reads as prose
    (a lone full stop or comma, or words running to a sentence end or six words)."""
    if not _OPENS_MID.match(text):
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
    return all(len(t.split()) <= 5 and not _PUNCTUATION.search(t) and t == t.casefold()
               for t in (prev, nxt))


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


def _markers(compiled: Compiled, facts: Facts) -> Iterator[Hit]:
    if compiled.markers.isdisjoint(facts.line_set):
        return
    for i, block, t_index, line, normal in facts.lines:
        if normal in compiled.markers:
            yield block_hit(block, i, t_index, t_index + len(line.rstrip()), match=line.strip())
