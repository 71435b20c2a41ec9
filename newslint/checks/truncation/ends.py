"""``paragraph-end``: a prose paragraph, or the article, that stops mid-sentence.

A paragraph that simply lacks a full stop is not enough: headings, standfirsts,
captions, credits, sign-offs, list items and tweets' date lines all end without
one. A finding names its evidence. ``evidence: strong`` (the default) reports:

- a word no sentence ends on (``dangling_words``: "dan", "the"), in lower case,
  in a line of at least ``heading_words`` words (six by default: an English
  heading may end on a preposition; the packs of languages whose headings do
  not set four) or with a comma, but not a list item's "; and";
- a trailing comma, or a spaced dash after a line of sentence length;
- a quotation (any style: “…”, „…“, «…», »…«) or a bracket that opens and
  never closes, or an aside opened by a comma after a word no sentence ends on
  ("Isso porque, em setembro", "a bank that, facing defaults");
- a word cut in the middle: the last word is used nowhere else in the article
  but begins a longer word that is, twice its length ("pemerin" when "pemerintah"
  is there), or, given the language's ``suffixes``, longer by more than its endings
  ("berkis" of "berkisar", a name "dibuka di Jakar" of "Jakarta"; not "harga" of
  "harganya"). A bracket opened before a number ("l'industrie (40") never closes.

A promo or a bio at the end is judged on strong evidence, and on weak evidence unless
it stops on its address or handle (or two words after, but not on a word edited copy never
ends a sentence on: "... DailySocial.id, mengunduh") or names a platform to follow it on; a
story of several sentences after a dateline in capitals ("ALGER - ...") is prose, not a
"LABEL - teaser" line.

``evidence: weak`` reports what is only likely in a tidy article (see
``newslint.checks.truncation.lone``), and a paragraph stopping on a word sentences seldom
end on, on an enumeration without its conjunction, or on the first word of a name the
article writes longer everywhere else ("... da Copa" / "Copa Libertadores"); the shipped
packs give it its own rule, ``truncation/unfinished-sentence``, at ``info``. Never judged: list items and
lead-ins to a list or a quote block, verse and records (short lines), code and
tables, "Label: teaser" lines, a paragraph whose sentence the next one
continues (the split-sentence mode reports that), a sign-off after the last
sentence ("(Reuters)", "— AP", "dpa", "(ant)", "Editing by ...", "Avec les
informations de ...", "– Agensi", "– KOSMO! ONLINE"), a dateline on its own ("Tóquio, 16 de jul (EFE) -"), and any
paragraph of a hard-wrapped text.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint import regexcache, rx
from newslint.checks.base import TERMINAL, Hit, block_hit, last_word_match
from newslint.checks.truncation.lone import (
    ARTICLE_PARAGRAPHS,
    GLUED,
    LABEL,
    LAST_SENTENCE,
    MIN_WORDS,
    PEER_WORDS,
    SENTENCE_WORDS,
    TRAIL_WORDS,
    introduces_list,
    lead_ins,
    sentence_case,
    trails_off,
    weak_evidence,
)
from newslint.checks.truncation.sentences import (
    CODE,
    LIST_ITEM,
    WORD,
    ends_complete,
    is_prose,
    learned_token,
    opens_unclosed_quote,
    reads_as_prose,
    sentence_ends,
    short_lines,
    signed_off,
    trim_end,
)
from newslint.checks.truncation.splits import hard_wrapped, link_name, number_goes_on, sentence_breaks
from newslint.document import Block, Document
from newslint.facts import Facts
from newslint.language import script_of

if TYPE_CHECKING:
    from newslint.checks.truncation import Compiled

# Shorter lines without a comma may be headings, which can end on a preposition
# ("Who it applies to"); AFP's subheads end on a spaced dash ("Rapide augmentation -").
HEADING_WORDS = 6
DASH_WORDS = 10
GLUED_WORDS = 8
# A fragment after a full sentence is strong evidence in an article of this many
# paragraphs whose every other paragraph ends, when it is this long (a short one is a
# teaser or a caption's credit).
TIDY_PARAGRAPHS = 5
TIDY_FRAGMENT = 6
# A word cut in the middle leaves at least this many letters ("lab" is a word), and the word it was
# cut from is at least twice as long ("long" is not cut from "longest", "pend" is from
# "pendaftar").
CUT_WORD_CHARS = 4
CUT_WORD_RATIO = 2
# With the language's word endings known, a word of this many letters is cut when the longer
# word goes on by more than its endings ('sebesa' of 'sebesar').
SUFFIXED_CUT_CHARS = 5

# An enumeration at a paragraph's end: its last items, each of at most so many words.
ENUMERATION_ITEMS = 3
ENUMERATION_WORDS = 3
# A cut-off copy of another paragraph is left to duplicate/paragraph from this length
# (its fragment_min_chars).
CUT_COPY_CHARS = 30

_LAST_WORD = regexcache.compile(r"(\w+)\W*$")
_LAST_TWO_WORDS = regexcache.compile(r"(?<!\S)([\w-]+)\s+(\w+)$")
# A whole number after a word no sentence ends on ("strikeouts in 220"), not a year
# ("in 2019"), a price or a version ("for 39.99", "in 2.0"), a score ("por 90 a 60").
_NUMBER_AFTER = regexcache.compile(r"(?<!\d\s+)(?<!\S)(\p{Ll}+)\s+(\d+)$")
# A word as benchmarks/truncation_words.py learns it: letters, joined by an apostrophe or a
# hyphen ("terça-feira", "l'Europe"), or a number ("2020", "3,13"), at the end.
_LAST_LEARNED = regexcache.compile(r"([\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*)\W*$")
# A bracket opened before a number and never closed, at the end ("de l'industrie (40").
_JOINED = regexcache.compile(r"['’-]")
# A currency sign, or a currency written before its amount, at the end after a word, not a
# figure ("... somou R$", "senilai Rp"; "coûte 5 €" is whole): the amount is missing.
_CURRENCY_END = regexcache.compile(r"(?<=\p{L}\s+)(\p{Lu}{0,3}[$€£¥₹₩]|Rp|RM)$")
_BRACKETED_NUMBER = regexcache.compile(r"\s[(\[]\d[\d.,]*$")
_HASHTAG_END = regexcache.compile(r"[#@][\w-]+\W*$")
_YEAR = regexcache.compile(r"(?:1[89]|20)\d\d")
_LAST_LETTERS = regexcache.compile(r"(?<![\w'’.-])(\p{Ll}[\p{Ll}\p{M}]*)$")
# A capitalised last word after one in lower case ('berada di Jakar').
_LAST_NAME_LETTERS = regexcache.compile(r"(?<=(?<![\w'’.-])\p{Ll}[\p{Ll}\p{M}]*\s)(\p{Lu}\p{Ll}[\p{Ll}\p{M}]*)$")
_LETTER_WORDS = regexcache.compile(r"[\p{L}\p{M}]+")
# A name at a paragraph's end: a capitalised word of three letters or more, perhaps joined by
# a hyphen ("Rinong-Nur"), or capitals and a figure ("COVID-19", "A330").
_LAST_NAME = regexcache.compile(r"(?<![\w'’.-])(\p{Lu}[\p{L}\p{M}]{2,}(?:-[\p{L}\p{M}\d]+)*|\p{Lu}{2,}-?\d+)\W*$")
_PROMO = regexcache.compile(r"https?:|www\.|@\w|\w\.(?:com|org|net|co|id|my)\b")
# A promo or a bio ends on its address or handle, or a few words after it ("... di kompas.com
# setiap hari"), or asks the reader to follow it on a platform ("WhatsApp चैनल से जुड़ें"); one
# that stops elsewhere was cut like any sentence.
PROMO_TAIL_WORDS = 2
_PLATFORM = regexcache.compile(
    r"\b(?:whatsapp|instagram|facebook|twitter|telegram|youtube|tiktok|linkedin|google news|newsletter)\b", rx.I
)
# Continuation punctuation: a comma, or a spaced hyphen or en dash (an em dash may
# end an interrupted quote on purpose, so it is not counted).
_OPEN_END = regexcache.compile(r"(?:[,(&+]|\s[-–]|--)$")
_DASH_END = regexcache.compile(r"(?:\s[-–]|--)$")
# A list item's end: "; and", "; e", "; y", "; et", "; und", "; dan".
_ITEM_END = regexcache.compile(r";\s*\p{Ll}{1,4}$")
# A pull quote credited after a dash: '"..." - Bill Morneau, ministre des Finances'.
_PULL_QUOTE = regexcache.compile(r"[\"”»]\s*[-–—]\s*\p{Lu}[^.!?]{0,80}$")
# A sentence opening with a lead-in phrase of one to three words and its comma.
_LEAD_IN = regexcache.compile(r"^\W*\p{Lu}[\w'’-]*(?:\s+[\w'’-]+){0,2},\s")
# A dateline: a place, a date, perhaps an agency, and a dash ("Tóquio, 16 de jul (EFE) -",
# "PARIS, 5 mars 2021 (AFP) -", "Jakarta, 12 Mei (ANTARA) -").
_DATELINE = regexcache.compile(
    r"^\W*\p{Lu}[\p{L}.' -]{1,30},\s*\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?(?:\s+(?:de\s+)?\d{2,4})?"
    r"\s*(?:\([^()]{1,30}\))?\s*(?:[-–—]|--)$"
)
# A dateline and a colon, as Malaysian copy opens a story ("KUALA LUMPUR: ", "RABAT,
# Maghribi: ", Harian Metro's "Kuala Lumpur: "): one to four capitalised words, and how
# many words of story must follow it.
_COLON_DATELINE = regexcache.compile(
    r"^\W*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:,\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)?\s*:\s"
)
DATELINE_STORY_WORDS = 8
# A deck or a standfirst runs to a few sentences at most (see _deck).
DECK_WORDS = 60
# A deck printed first of at most this many words, without a comma, is judged like a heading.
DECK_HEADING_WORDS = 10
# A sentence's full stop (or question or exclamation mark), perhaps inside a quote or a bracket.
_STOPS = regexcache.compile(r"[.!?…][\"”’»)]*$")
# "LIRE AUSSI - ...", "VIDEO: ...": a label in capitals before a teaser.
_CAPS_LABEL = regexcache.compile(r"^\W*\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,3}\s*[-–—:|]")
# A word in lower case right before a comma ("... porque, em setembro"), the marks that end or
# close an aside after it, and how long an aside runs at most.
_WORD_BEFORE_COMMA = regexcache.compile(r"(?<![\w'’.-])(\p{Ll}+)$")
_ASIDE_CLOSERS = frozenset(';:()[]"“”«»„—–')
ASIDE_WORDS = 8
# A capitalised last word, after a space (a name: "Copa", "Al"), and the word right after a name.
_LAST_CAPITALISED = regexcache.compile(r"(?<=\s)(\p{Lu}[\p{L}\p{M}'’-]*)$")
_NAME_AND_NEXT = regexcache.compile(
    r"(?<![\p{L}\p{M}\d'’-])(\p{Lu}[\p{L}\p{M}'’-]*)(?![\p{L}\p{M}\d'’-])"
    r"(?:(?=[ \t]+([\p{L}\p{M}\d][\p{L}\p{M}\d'’-]*)))?"
)


@dataclass(frozen=True, slots=True)
class Cut:
    """A paragraph that ends mid-sentence: which, why, and whether the evidence is strong."""

    at: int
    reason: str
    strong: bool


# Each rule's parameters without their evidence, one object for all the rules whose
# parameters are then equal (a language's strong and weak rule): the key of their shared
# cuts. Worked out once per rule: made and compared for each draft, the two rules' keys
# (their word lists compared word by word) cost 0.1 ms a draft.
_SHARED: dict[int, tuple[Compiled, Compiled]] = {}
_CANONICAL: dict[Compiled, Compiled] = {}
SHARED_KEPT = 256


def _shared_key(compiled: Compiled) -> Compiled:
    known = _SHARED.get(id(compiled))
    if known is None or known[0] is not compiled:  # (the rule is kept with its key: its id is not reused)
        if len(_SHARED) >= SHARED_KEPT:
            _SHARED.clear()
            _CANONICAL.clear()
        plain = dataclasses.replace(compiled, evidence="")
        known = _SHARED[id(compiled)] = (compiled, _CANONICAL.setdefault(plain, plain))
    return known[1]


def paragraph_ends(
    doc: Document, compiled: Compiled, function_words: frozenset[str] | None, facts: Facts
) -> Iterator[Hit]:
    strong = compiled.evidence == "strong"
    prose = [i for i, b in enumerate(doc.blocks) if is_prose(b)]
    # The strong and the weak rule of a language share their cuts: worked out once.
    key = (cuts, _shared_key(compiled), function_words)
    for cut in facts.once(key, lambda: cuts(doc, compiled, function_words, facts)):
        if cut.strong == strong:
            block = doc.blocks[cut.at]
            text = trim_end(block.text)
            start = max(0, len(text) - 40)
            yield block_hit(
                block,
                cut.at,
                start,
                len(text),
                reason=cut.reason,
                where="The article" if cut.at == prose[-1] else "The paragraph",
                tail=text[start:].lstrip(),
            )


def cuts(doc: Document, compiled: Compiled, function_words: frozenset[str] | None, facts: Facts) -> list[Cut]:
    """Every paragraph that shows it was cut, with its evidence and its strength."""
    found = facts.shared(sentence_breaks)
    if hard_wrapped(found):
        return []  # a hard-wrapped text: reported once, by the split-sentence mode
    breaks = {b.at for b in found}
    prose = [i for i, b in enumerate(doc.blocks) if is_prose(b)]
    # A sentence split before a figure: the split-sentence mode reports it.
    breaks.update(
        i
        for i, k in zip(prose, prose[1:], strict=False)
        if k == i + 1
        and doc.blocks[k].text.lstrip()[:1].isdigit()
        and number_goes_on(trim_end(doc.blocks[i].text), doc.blocks[k].text.strip(), compiled.dangling)
    )
    words = functools.cache(lambda: _word_counts(doc, prose))  # only a last word may need them
    followers = functools.cache(lambda: _name_followers(doc, prose))  # nor the names' next words
    cut_copy = _cut_copies(doc, prose)
    datelines = compiled.datelines
    # A promo or a bio at the end is judged on strong evidence only ('... laporan riset dan').
    judged = [i for i in prose if _judged(doc, i, prose, breaks, datelines=datelines, promo=True) and not cut_copy(i)]
    result = []
    # A deck printed first reads as a heading when it is short: where headings may strand a
    # preposition (a pack's heading_words of HEADING_WORDS or more), so may a deck ("Tax benefits
    # — plus what to watch out for").
    deck = dataclasses.replace(compiled, heading_words=DECK_HEADING_WORDS + 1)
    decks = compiled.heading_words >= HEADING_WORDS and len(prose) >= ARTICLE_PARAGRAPHS
    for i in judged:
        following = _led_to(doc, i)
        rules = deck if decks and _at_top(doc, prose, i) else compiled
        reason = cut_evidence(trim_end(doc.blocks[i].text), following, rules, words, function_words or frozenset())
        if reason:
            result.append(Cut(i, reason, True))
    last = trim_end(doc.blocks[prose[-1]].text) if prose else ""
    # ... unless it stops on a word no sentence of edited copy ends on ('... DailySocial.id, mengunduh')
    if judged and judged[-1] == prose[-1] and _promo(last) and not _dangling(last, compiled.open_words):
        judged.pop()
    result.extend(_item_cuts(doc, compiled))
    tidy = _tidy_trail(doc, prose, judged, {c.at for c in result})
    if tidy is not None:
        result.append(
            Cut(tidy, "a full sentence, then a fragment, in an article whose every other paragraph ends", True)
        )
    strong = {c.at for c in result}

    def eligible(i: int) -> bool:
        return _judged(doc, i, prose, breaks, complete=True, datelines=datelines)

    candidates = [i for i in judged if i not in strong]
    # A paragraph cut on strong evidence is no sign of the article's style.
    for i, reason in weak_evidence(doc, prose, candidates, function_words, eligible, frozenset(strong)):
        text = trim_end(doc.blocks[i].text)
        if _closes(text, compiled.closing_words) and not _open_article_end(text, reason):
            continue  # it stops on a word that often ends a sentence: a full stop missing, more likely
        if _name_closes_elsewhere(doc, prose, i):
            continue  # so does a name that ends another sentence of the article ('... de Cali')
        if _closed_enumeration(trim_end(doc.blocks[i].text), compiled.dangling):
            continue  # and an enumeration closed by its conjunction ('..., petani, atau dokter hewan')
        if _deck(doc, prose, i, compiled):
            continue  # a deck or a standfirst before the lead, stopping where sentences stop
        if i not in strong and not cut_copy(i):  # the lone sentence may be a cut copy too
            result.append(Cut(i, reason, False))
    weak = {c.at for c in result}
    for cut in [c for c in result if c.strong and "which no sentence ends on" in c.reason]:
        link = cut.at + 1
        if link not in weak and _link_between(doc, link):
            result.append(Cut(link, "a link's text alone after a paragraph that stops mid-sentence", False))
            weak.add(link)
    leads = lead_ins(doc) if judged else []
    for i in judged:
        if i not in weak and not leads[i]:
            following = _led_to(doc, i)
            text = trim_end(doc.blocks[i].text)
            reason = (
                _auxiliary_end(text, following, compiled)
                or (i != prose[0] and _open_word_end(text, following, compiled))
                or _open_enumeration(text, following, compiled)
                or (_name_cut_short(text, followers) if i != prose[0] else None)
            )
            if reason:
                result.append(Cut(i, reason, False))
    return sorted(result, key=lambda c: c.at)


# A list item's number, in the text (plain text: "6. Eat more fiber") or in the source just before
# it (Markdown, whose reader keeps the item's words only).
_ITEM_NUMBER = regexcache.compile(r"^\s*(\d{1,3})[.)]\s")
_SOURCE_ITEM_NUMBER = regexcache.compile(r"(?:^|\n)[ \t]*(\d{1,3})[.)][ \t]+$")
ITEM_MARKER_CHARS = 8


def _led_to(doc: Document, i: int) -> Block | None:
    """The block after paragraph ``i``, which it may lead in to, or None when there is none or it is
    a list item numbered above 1 ("6. Eat more fiber"): a list does not start at 6, so the paragraph
    ends the item before it, and leads in to no list."""
    if i + 1 >= len(doc.blocks):
        return None
    following = doc.blocks[i + 1]
    number = _ITEM_NUMBER.match(following.text)
    if number is None and following.kind == "list-item":
        number = _SOURCE_ITEM_NUMBER.search(doc.text_at(max(0, following.start - ITEM_MARKER_CHARS), following.start))
    return None if number is not None and int(number.group(1)) > 1 else following


def _open_article_end(text: str, reason: str) -> bool:
    """The article's last paragraph reads as a sentence without an end (``reason``), and its last
    sentence runs to SENTENCE_WORDS words or more: an article is cut at its end (a paywall, a length
    limit, a scraper) far more often than in its middle, so a last word that often ends a sentence
    ("... dans le rouge au premier trimestre 2020", "... Cole juga pernah berseragam Arsenal") does
    not clear it of weak evidence. A shorter last line ("Trilha sonora de Cyberpunk 2077") is a
    caption or a heading as often."""
    if reason != LAST_SENTENCE:
        return False
    ends = sentence_ends(text)
    return len(WORD.findall(text[ends[-1] if ends else 0 :])) >= SENTENCE_WORDS


def _name_cut_short(text: str, followers: Callable[[], dict[str, Counter[str]]]) -> str | None:
    """Weak evidence: the paragraph, a sentence in sentence case, stops on a capitalised word that
    the article's prose writes everywhere else as the start of one longer name, always the same
    ("... depois da final da Copa" when every other "Copa" is "Copa Libertadores"; "Als Al" of "Al
    Alam"): the rest of the name was cut. A name that stands alone anywhere else, before a full
    stop, a comma or a word in lower case, may end a sentence. ``followers`` gives, per name, the
    words that follow it in the article's prose ("" for none: its own end here is one)."""
    last = last_word_match(_LAST_CAPITALISED, text)
    if last is None or not sentence_case(WORD.findall(text)[1:]):
        return None
    name = last.group(1)
    after = followers().get(name)
    if after is None or after[""] != 1 or len(after) != 2:
        return None  # the name alone elsewhere, or followed by different words
    follower = next(w for w in after if w)
    return (
        f"it ends on '{name}', which the article writes '{name} {follower}' everywhere else"
        if follower[:1].isupper()
        else None
    )


def _name_followers(doc: Document, prose: list[int]) -> dict[str, Counter[str]]:
    """Per capitalised word of the article's prose, how often each word follows it on the same
    line ("" when nothing does: a punctuation mark, the paragraph's end). One pass over the prose."""
    found: dict[str, Counter[str]] = {}
    for i in prose:
        for m in _NAME_AND_NEXT.finditer(doc.blocks[i].text):
            found.setdefault(m.group(1), Counter())[m.group(2) or ""] += 1
    return found


def _item_cuts(doc: Document, compiled: Compiled) -> list[Cut]:
    """List items (Markdown or HTML items, or paragraphs opening with a bullet or a number) that
    stop on a word no sentence ends on: "- Seja cauteloso com". Not a conjunction after a comma or
    a semicolon, which closes an enumeration or leads to the next item ("apples, pears, and";
    "...; e"). A short item ending on a word a heading may strand is left alone, as a short line is."""
    found = []
    for i, block in enumerate(doc.blocks):
        if block.kind != "list-item" and not (is_prose(block) and LIST_ITEM.match(block.text)):
            continue
        text = trim_end(block.text)
        if ends_complete(text) or "\n" in text:
            continue
        item = LIST_ITEM.match(text)
        body = text[item.end() :] if item else text
        dangling = _dangling(body, compiled.dangling)
        if dangling is None or body[: -len(dangling)].rstrip().endswith((",", ";")):
            continue
        count = len(body.split())
        if count >= MIN_WORDS and (count >= compiled.heading_words or "," in body or _unstranded(dangling, compiled)):
            found.append(Cut(i, f"the list item ends on '{dangling}', which no sentence ends on", True))
    return found


def _link_between(doc: Document, i: int) -> bool:
    """Paragraph ``i`` is only a name's link text ("WALHI", "Putusan MK") between two
    prose paragraphs: the sentence of the one before, cut on a word no sentence ends
    on, goes on through it ("Raden dari" / "WALHI" / "Kalimantan Selatan menilai ...")."""
    blocks = doc.blocks
    return (
        i + 1 < len(blocks)
        and is_prose(blocks[i])
        and is_prose(blocks[i + 1])
        and link_name(trim_end(blocks[i].text))
        and len(blocks[i + 1].text.split()) >= MIN_WORDS
    )


def _open_enumeration(text: str, following: Block | None, compiled: Compiled) -> str | None:
    """Weak evidence: a sentence ends on an enumeration of ENUMERATION_ITEMS names or
    more with no conjunction before the last ("akan dimainkan di Azerbaijan, Belgia,
    Denmark, Jerman"): a list in prose closes with "and", so the rest was cut. The
    first name may close the clause that leads in ("pernah berseragam Arsenal, Bristol
    City, Blackburn"). Only after a lead of words in lower case (not a line of tags or
    a credit)."""
    if text.count(",") < ENUMERATION_ITEMS - 1 or not compiled.dangling:
        return None  # most paragraphs: no need to split
    if LIST_ITEM.match(text) or introduces_list(following):
        return None
    parts = [p.split() for p in text.split(",")]
    run = 0  # the names at the end, each of a few words, capitalised, without a conjunction
    for part in reversed(parts[1:]):
        if not 0 < len(part) <= ENUMERATION_WORDS or not part[0][:1].isupper():
            break
        if any(w.casefold() in compiled.dangling for w in part):
            return None  # "A, B, and C", "A, B dan C": the enumeration closes
        run += 1
    lead = parts[-run - 1]
    if run and lead and lead[-1][:1].isupper() and lead[-1].casefold() not in compiled.dangling:
        run += 1  # the first name ends the lead's clause
    if run < ENUMERATION_ITEMS:
        return None
    if sum(w[:1].islower() for w in lead) < 2:
        return None
    return "it ends on an enumeration with no conjunction before its last item"


def _auxiliary_end(text: str, following: Block | None, compiled: Compiled) -> str | None:
    """Weak evidence: the paragraph ends on a word a sentence seldom ends on (an
    auxiliary, a copula, a modal: "the economy have", "o avião estava"), in a line of
    sentence length, not a list item nor a lead-in."""
    if not compiled.auxiliaries:
        return None
    word = _dangling(text, compiled.auxiliaries)
    if word is None or (len(text.split()) < compiled.heading_words and "," not in text):
        return None
    if LIST_ITEM.match(text) or introduces_list(following):
        return None
    return f"it ends on '{word}', which a sentence seldom ends on"


def _open_word_end(text: str, following: Block | None, compiled: Compiled) -> str | None:
    """Weak evidence: the paragraph ends, in lower case, on a word that edited copy of the
    language essentially never ends a sentence on (``open_words``, learned from a corpus),
    in a line of HEADING_WORDS words or more or with a comma (a shorter one may be a
    heading or a question without its mark: "O que isso significa"), not a hashtag
    ("#ad"). The article's first paragraph is not judged so (a deck, a standfirst)."""
    if not compiled.open_words:
        return None
    word = _dangling(text, compiled.open_words) or _joined_word(text, compiled.open_words)
    if word is None or (len(text.split()) < HEADING_WORDS and "," not in text):
        return None
    if _HASHTAG_END.search(text):
        return None
    if LIST_ITEM.match(text) or introduces_list(following):
        return None
    return f"it ends on '{word}', which edited copy seldom ends a sentence on"


def _closes(text: str, closing: frozenset[str]) -> bool:
    """The paragraph's last word is one that often ends a sentence (``closing_words``,
    learned from a corpus: "katanya", "covid", "Jumat"), in any case, and its last sentence
    has MIN_WORDS words or more: a word or two after a full stop open a sentence, they do not
    end one ("... hutan yang sah. Kampanye", before a link's text)."""
    last = last_word_match(_LAST_LEARNED, text)
    if last is None or learned_token(last.group(1)) not in closing:
        return False
    ends = sentence_ends(text)
    return not ends or len(text[ends[-1] :].split()) >= MIN_WORDS


def _name_closes_elsewhere(doc: Document, prose: list[int], i: int) -> bool:
    """The paragraph's last sentence, of MIN_WORDS words or more, stops on a name (a capitalised
    word of three letters or more, "Cali", "UniCredit", or capitals and a figure, "COVID-19") that
    ends another sentence of the article too ("... en Cali."): a name the story closes sentences
    on, so its full stop is missing, more likely than the rest of a sentence. A name cut from a
    longer one ("... Virgil van Dijk, Frankie") ends no other sentence. A word or two after a full
    stop ("... pertahanan Persegres. Salah") open a sentence; they are no name ending one."""
    text = trim_end(doc.blocks[i].text)
    last = last_word_match(_LAST_NAME, text)
    if last is None:
        return False
    ends = sentence_ends(text)
    if len(text[ends[-1] if ends else 0 : last.start()].split()) < MIN_WORDS - 1:
        return False
    name = last.group(1)
    return any(_closes_sentence(doc.blocks[k].text, name) for k in prose)


def _closed_enumeration(text: str, conjunctions: frozenset[str]) -> bool:
    """The last sentence ends on an enumeration of ENUMERATION_ITEMS items or more that its
    conjunction closes ("..., petani, pekerja tambang, atau dokter hewan"): the items of a few
    words each, the last one after a word no sentence ends on ("atau", "and") and before none.
    The list is whole, so only its full stop may be missing (weak evidence says nothing)."""
    if text.count(",") < ENUMERATION_ITEMS - 1:
        return False  # most paragraphs: no need to split
    ends = sentence_ends(text)
    parts = [p.split() for p in text[ends[-1] if ends else 0 :].split(",")]
    if len(parts) < ENUMERATION_ITEMS:
        return False
    last, before = parts[-1], parts[-2]
    return (
        2 <= len(last) <= ENUMERATION_WORDS + 1
        and last[0].casefold() in conjunctions
        and not any(w.casefold() in conjunctions for w in last[1:])
        and 0 < len(before) <= ENUMERATION_WORDS
    )


def _closes_sentence(text: str, name: str) -> bool:
    """``name`` stands in ``text`` as a whole word right before a full stop (or ? ! …)."""
    at = text.find(name)
    while at >= 0:
        after = at + len(name)
        if text[after : after + 1] in (".", "!", "?", "…") and not (
            at and (text[at - 1].isalnum() or text[at - 1] == "-")
        ):
            return True
        at = text.find(name, after)
    return False


def _judged(
    doc: Document,
    i: int,
    prose: list[int],
    breaks: set[int],
    complete: bool = False,
    datelines: bool = False,
    promo: bool = False,
) -> bool:
    """A paragraph without closing punctuation (or, with ``complete``, with it) that
    could be a cut sentence at all (with ``datelines``, a story after its dateline is one:
    see ``_dateline_story``; with ``promo``, a promo or a bio at the end is one)."""
    text = trim_end(doc.blocks[i].text)
    if (ends_complete(text) and not complete) or _glued_end(text) or i in breaks:
        return False  # a split sentence is reported by that mode
    if _PULL_QUOTE.search(text) or _ITEM_END.search(text):
        return False  # a quote credited after a dash; a list item's "...; and"
    if _DASH_END.search(text) and len(WORD.findall(text)) < DASH_WORDS and "," not in text:
        return False  # an AFP subhead: "Deux nouveaux trains de nuit d'ici à 2022 -"
    if _DATELINE.match(text):
        return False  # a dateline on its own ("Tóquio, 16 de jul (EFE) -"): split-sentence's when a story follows
    if i == prose[-1] and not promo and _promo(text):
        return False  # a promo or a bio at the end
    caps = _CAPS_LABEL.match(text)
    label = LABEL.match(text)
    if (
        (label or caps)
        and not opens_unclosed_quote(text)
        and not (datelines and _dateline_story(text))
        and not (caps and sentence_ends(text[caps.end() :]))
        and not (label and _quoted_speech(text[label.end() :]))
    ):
        # "Label: teaser" ("Epstein's inner circle eyed: Jeffrey Epstein is dead. Prosecutors
        # could ..." is a related story's teaser), but "He said: “We will" is cut, and so is
        # a story of several sentences after its dateline in capitals ("ALGER - Les banques
        # ... . Ainsi, les banques ont adopté des mesures de")
        return False
    if CODE.search(text) or "\t" in text or ("\n" in text and short_lines(text)):
        return False  # code, a table, a verse, records
    return not signed_off(text)


def _quoted_speech(value: str) -> bool:
    """What follows a colon is a quotation that closes and a sentence of the story after it
    ('Lasso enfatizó: “La única reunión ... fue pública”. El presidente se refiere al diálogo
    que se efectuó el 12'): speech its sayer introduces, then prose, not a teaser after a label."""
    if value.lstrip()[:1] not in _QUOTE_OPENERS:
        return False
    closing = max(value.rfind(mark) for mark in _CLOSING_MARKS)
    return (
        closing > 1
        and len(value[closing + 1 :].split()) >= MIN_WORDS
        and any(end > closing for end in sentence_ends(value))
    )


def _at_top(doc: Document, prose: list[int], i: int) -> bool:
    """Paragraph ``i`` comes before the story's first sentence (a deck, a kicker, a byline: no
    paragraph before it ends on a full stop) and the story goes on after it."""
    k = prose.index(i)
    return k + 1 < len(prose) and not any(_STOPS.search(trim_end(doc.blocks[j].text)) for j in prose[:k])


def _deck(doc: Document, prose: list[int], i: int, compiled: Compiled) -> bool:
    """Paragraph ``i`` is a deck or a standfirst that dropped its last full stop, told by where it
    sits, not by its last character: the article's first paragraph of TRAIL_WORDS words or more
    (past a kicker or a date line, no sentence), of DECK_WORDS at most, in an article of
    ARTICLE_PARAGRAPHS paragraphs or more, and the next paragraph opens like a lead (a capital, a
    quotation mark or a figure, TRAIL_WORDS words or more, ending on a full stop, not on a colon
    that leads in to a list: "... include:"). One that
    stops on a word a sentence seldom ends on (``inside_words``, ``open_words``, an auxiliary:
    "... AirPods 2 with wireless") was cut all the same."""
    if len(prose) < ARTICLE_PARAGRAPHS or not compiled.inside_words:
        return False
    lead = next((k for k in prose if len(doc.blocks[k].text.split()) >= TRAIL_WORDS), None)
    if i != lead or prose.index(i) + 1 >= len(prose):
        return False
    if any(_STOPS.search(trim_end(doc.blocks[k].text)) for k in prose[: prose.index(i)]):
        return False  # a sentence before it: the story has begun (not a byline, "NOME (Correspondente)")
    text = trim_end(doc.blocks[i].text)
    if len(text.split()) > DECK_WORDS:
        return False
    after = trim_end(doc.blocks[prose[prose.index(i) + 1]].text)
    opening = after.lstrip(" \"“„«‘'([—–-")[:1]
    if not (opening.isupper() or opening.isdigit()) or not _STOPS.search(after) or len(after.split()) < TRAIL_WORDS:
        return False
    last = last_word_match(_LAST_LEARNED, text)
    if last is None:
        return False
    word = learned_token(last.group(1))
    if word in compiled.open_words or word in compiled.auxiliaries:
        return False
    # A deck of one sentence is the deck's usual form: only a word sentences essentially never
    # end on tells its cut. After a full sentence, a word seldom at a sentence's end does too.
    return not sentence_ends(text) or word not in compiled.inside_words


def _promo(text: str) -> bool:
    """A promo or a bio at the article's end: it names a web address, a domain or a handle,
    and stops on it or at most PROMO_TAIL_WORDS words after it, or its last sentence names
    a platform to follow it on ('Ikuti kami di Instagram'); not 'DailySocial.id adalah
    portal berita startup. Kamu bisa menjadi member komunitas startup', which stops like a
    cut sentence."""
    ends = [m.end() for m in _PROMO.finditer(text)]
    if not ends:
        return False
    if len(text[ends[-1] :].split()) <= PROMO_TAIL_WORDS:
        return True
    starts = sentence_ends(text)
    return bool(_PLATFORM.search(text[starts[-1] if starts else 0 :]))


def _dateline_story(text: str) -> bool:
    """A story opening on a dateline and a colon ("KUALA LUMPUR: Seorang lelaki ...",
    "Kuala Lumpur: ...", "RABAT, Maghribi: ..."), not a label and its teaser: the words
    after the colon are a sentence's worth, and most of them in lower case."""
    m = _COLON_DATELINE.match(text)
    if m is None:
        return False
    words = text[m.end() :].split()
    return len(words) >= DATELINE_STORY_WORDS and 2 * sum(w[:1].islower() for w in words) >= len(words)


def _tidy_trail(doc: Document, prose: list[int], judged: list[int], strong: set[int]) -> int | None:
    """The one paragraph of an edited article that trails off after a full sentence
    into a fragment of TIDY_FRAGMENT words or more that opens with a lead-in phrase
    and its comma ("Lebih khusus lagi, bagi pekerja ..."), when every other paragraph of
    PEER_WORDS words or more ends (with closing punctuation, a sign-off, a label...),
    in an article of TIDY_PARAGRAPHS paragraphs at least (so its style shows). Without
    the lead-in, a last sentence without its full stop is as likely (weak evidence)."""
    open_ended = [i for i in judged if len(doc.blocks[i].text.split()) >= PEER_WORDS]
    if len(open_ended) != 1 or open_ended[0] in strong or len(prose) < TIDY_PARAGRAPHS:
        return None
    i = open_ended[0]
    text = trim_end(doc.blocks[i].text)
    ends = sentence_ends(text)
    fragment = text[ends[-1] :] if ends else ""
    if i == prose[0] or len(fragment.split()) < TIDY_FRAGMENT or not _LEAD_IN.match(fragment) or not trails_off(text):
        return None
    return i


def _cut_copies(doc: Document, prose: list[int]) -> Callable[[int], bool]:
    """Whether a paragraph is the start of another one: a cut-off copy, which
    duplicate/paragraph reports as such (one finding for one defect).

    The prose paragraphs' texts (spacing normalised) are sorted once, when a paragraph
    first asks: the texts that open with a paragraph's text follow it in that order, so
    each question is a binary search and a long article costs n log n, not n squared."""
    ordered: list[str] = []

    def cut_copy(i: int) -> bool:
        text = " ".join(doc.blocks[i].text.split())
        if len(text) < CUT_COPY_CHARS:
            return False
        if not ordered:
            ordered.extend(sorted(" ".join(doc.blocks[j].text.split()) for j in prose))
        # ordered[at] is this paragraph's own text (or an equal one): another one opening
        # with it, if any, comes next.
        at = bisect.bisect_left(ordered, text)
        return at + 1 < len(ordered) and ordered[at + 1].startswith(text)

    return cut_copy


def _glued_end(text: str) -> bool:
    """The paragraph ended with a full stop and a widget was glued on after it
    ("... kata dia.Ikuti Whatsapp Channel Republika"): markup rules report that."""
    glued = list(GLUED.finditer(text))
    return bool(glued) and len(text[glued[-1].end() :].split()) <= GLUED_WORDS


def _word_counts(doc: Document, prose: list[int]) -> Counter[str]:
    """How often each word (case-folded letters) occurs in the article's prose."""
    counts: Counter[str] = Counter()
    for i in prose:
        text = doc.blocks[i].text
        if text.isascii():
            # ASCII letters fold to ASCII letters one for one (lower case), and nothing else
            # folds: the words of the folded text are the folded words, found in one pass
            counts.update(_LETTER_WORDS.findall(text.lower()))
        else:
            counts.update(w.casefold() for w in _LETTER_WORDS.findall(text))
    return counts


def cut_evidence(
    text: str,
    following: Block | None,
    compiled: Compiled,
    words: Callable[[], Counter[str]],
    function_words: frozenset[str],
) -> str | None:
    """Strong signs that ``text`` (which lacks closing punctuation) was cut, or None
    (``words`` gives the article's word counts, worked out when a last word needs them)."""
    count = len(text.split())
    if count < MIN_WORDS or LIST_ITEM.match(text):
        return None
    if introduces_list(following) or (following is not None and following.kind == "quote"):
        return None  # a lead-in to a list or a quote block
    if text.endswith(",") and introduces_quotation(following):
        return None  # "Allah SWT berfirman dalam surat Al-Baqarah ayat 282," then the verse
    dangling = _dangling(text, compiled.dangling)
    if dangling and (count >= compiled.heading_words or "," in text or _unstranded(dangling, compiled)):
        return f"it ends on '{dangling}', which no sentence ends on"
    head = _name_head(text, compiled.name_heads)
    if head and (count >= compiled.heading_words or "," in text):
        return f"it ends on '{head}', which opens a name that is not there"
    number = _NUMBER_AFTER.search(text)
    if (
        number
        and number.group(1).casefold() in compiled.dangling
        and count >= HEADING_WORDS
        and not _YEAR.fullmatch(number.group(2))
    ):
        return f"it ends on a number after '{number.group(1)}' ('{number.group(0).strip()}')"
    currency = _CURRENCY_END.search(text)
    if currency and count >= HEADING_WORDS:
        return f"it ends on '{currency.group(1)}', which an amount follows"
    if (
        _OPEN_END.search(text)
        and trim_end(text[:-1])[-1:] not in TERMINAL
        and (not _DASH_END.search(text) or len(WORD.findall(text)) >= DASH_WORDS or "," in text)
    ):
        return f"it ends on '{text[-1]}'"
    # A quote running on into the next paragraph ends its sentence first, so an
    # unclosed quotation without closing punctuation is cut whatever follows.
    if opens_unclosed_quote(text) and not _quote_runs_on(text, following):
        return "a quotation opens and never closes"
    if _unclosed_bracket(text) or _BRACKETED_NUMBER.search(text):
        return "a bracket opens and never closes"
    whole = _cut_word(text, words, compiled.dangling | function_words, compiled.suffixes)
    if whole and count >= HEADING_WORDS:
        return f"its last word breaks off ('{whole}' is used in the article)"
    opened = _open_aside(text, compiled.dangling)
    if opened:
        return f"an aside opens after '{opened}' and never closes"
    return None


def _open_aside(text: str, dangling: frozenset[str]) -> str | None:
    """A word no sentence ends on, inside the last sentence, then a comma and an aside of at most
    ASIDE_WORDS words that no comma closes ("Isso porque, em setembro"; "que, diante da
    inadimplência"): the aside must close and the clause go on, so the sentence was cut. The
    sentence's first word is left alone (a sentence adverb, "Namun, ..."), and so is the word's
    aside when it is quoted ('the word "that", ...')."""
    comma = text.rfind(",")
    if comma < 0 or _ASIDE_CLOSERS.intersection(text[comma:]):
        return None  # most paragraphs: no comma, or a mark after the last one
    aside = text[comma + 1 :]
    if not 0 < len(aside.split()) <= ASIDE_WORDS:
        return None
    ends = sentence_ends(text)
    start = ends[-1] if ends else 0
    m = _WORD_BEFORE_COMMA.search(text, start, comma)
    if m is None or comma <= start or m.group(1).casefold() not in dangling:
        return None
    before = text[start : m.start(1)]
    if not before.strip() or not before.rstrip()[-1:].isalnum():
        return None  # the sentence's first word, or one after a quotation mark or a bracket
    return m.group(1) if reads_as_prose(aside) else None


def _unstranded(word: str, compiled: Compiled) -> bool:
    """``word`` is a dangling word that no heading ends on either (an article, a conjunction: "a",
    "and"), where the pack names those a heading may strand (``stranded_words``)."""
    return compiled.stranded is not None and word.casefold() not in compiled.stranded


# Marks that close a quotation, in any style (straight ones open and close alike; not the
# apostrophe, which "won’t" holds).
_CLOSING_MARKS = frozenset('”"»«“')
# Marks that open a quotation in the styles newsrooms use.
_QUOTE_OPENERS = frozenset("\"“„«»‘‚'「『")
# How much of the next paragraph tells its script.
_SCRIPT_SAMPLE = 200


def _quote_runs_on(text: str, following: Block | None) -> bool:
    """A quotation of several paragraphs, each opening with a quotation mark and only the last
    closing it ('“Saya tidak tahu ... di platform media sosial' / '“Sebagai seorang ...'): the
    paragraph is one quotation that opens at its start and closes nowhere in it, and the next
    opens with a quotation mark, so its quotation is open by the convention, not by a cut, and
    only its full stop may be missing. A quotation opened after another one closed ('“I won’t
    ...,” she tweeted. “This is not about me, ... children') is open for want of its end."""
    return (
        following is not None
        and is_prose(following)
        and text.lstrip()[:1] in _QUOTE_OPENERS
        and following.text.lstrip()[:1] in _QUOTE_OPENERS
        and not _CLOSING_MARKS.intersection(text.lstrip()[1:])
    )


def introduces_quotation(following: Block | None) -> bool:
    """The next paragraph is a quotation: it opens with a quotation mark, or it is
    written in another script than Latin (a verse quoted in Arabic)."""
    if following is None:
        return False
    text = following.text.lstrip()
    return text[:1] in _QUOTE_OPENERS or script_of(text[:_SCRIPT_SAMPLE]) != "latin"


def _dangling(text: str, dangling: frozenset[str]) -> str | None:
    """The paragraph's last word when no sentence ends on it: in lower case, not an
    enclitic after a hyphen ("encontrou-o"), not the tail of a web address, file or e-mail
    name ("portalberita.net", "kompas.com/tag/banjir"), nor a list item's "; and"."""
    last = last_word_match(_LAST_WORD, text)
    if last is None or not last.group(1).islower() or last.group(1).casefold() not in dangling:
        return None
    before = text[: last.start()]
    if before.endswith(("-", "'", "’", "/", "@")) or before.rstrip().endswith(";"):
        return None
    if before.endswith(".") and before[-2:-1].isalnum():
        return None
    return last.group(1)


def _joined_word(text: str, words: frozenset[str]) -> str | None:
    """The paragraph's last word, joined by an apostrophe or a hyphen as the learned lists hold
    it ("d'un", "it's", "year-old"), when it is one of ``words`` and in lower case (the part
    after the mark alone, "un", is not the word)."""
    last = last_word_match(_LAST_LEARNED, text)
    if last is None:
        return None
    word = last.group(1)
    if not word.islower() or not _JOINED.search(word) or word.casefold() not in words:
        return None
    before = text[: last.start()]
    if before.endswith(("'", "’", "/", "@", ".")) or (before.endswith("-") and not before[-2:-1].isdigit()):
        return None  # the tail of an address or of a longer word; "45-year-old" is the word's
    return word


def _name_head(text: str, heads: frozenset[str]) -> str | None:
    """The paragraph's last word when it opens a proper name ("di Balai", "menyertai
    Kejohanan"): capitalised, one of ``heads``, after a word in lower case (so not the
    last word of a name already given, "Kementerian Kesihatan")."""
    if not heads:
        return None
    m = _LAST_TWO_WORDS.search(text)
    if m is None:
        return None
    before, last = m.group(1), m.group(2)
    if not (last[:1].isupper() and last[1:].islower() and before.islower()):
        return None
    return last if last.casefold() in heads else None


def _unclosed_bracket(text: str) -> bool:
    """A bracket opens before at least three words of prose and never closes ("(Antara"
    is a sign-off whose bracket a scraper lost, "[MP2 / MP2 SP" a credit)."""
    for opening, closing in ("()", "[]"):
        at = text.rfind(opening)
        inside = text[at + 1 :]
        if (
            at >= 0
            and text.count(opening) > text.count(closing)
            and closing not in inside
            and len(inside.split()) >= 3
            and reads_as_prose(inside)
        ):
            return True
    return False


def _cut_word(
    text: str, counts: Callable[[], Counter[str]], known: frozenset[str], suffixes: tuple[str, ...] = ()
) -> str | None:
    """The longer word of the article that the paragraph's last word is the start of,
    when that last word is used nowhere else (so it is not a word of its own): twice as
    long, or, given the language's ``suffixes``, longer by more than its endings ('berkis'
    of 'berkisar', not 'harga' of 'harganya'), when it has SUFFIXED_CUT_CHARS letters."""
    m = last_word_match(_LAST_LETTERS, text)
    if m is None and suffixes:
        m = last_word_match(_LAST_NAME_LETTERS, text)  # a name cut in the middle ('di Jakar')
        if m is not None and len(m.group(1)) < SUFFIXED_CUT_CHARS:
            return None
    if m is None:
        return None
    stub = m.group(1).casefold()
    if len(stub) < CUT_WORD_CHARS or stub in known:
        return None
    words = counts()
    if words[stub] > 1:
        return None

    def cut_from(w: str) -> bool:
        if not w.startswith(stub) or len(w) == len(stub):
            return False
        if len(w) >= len(stub) * CUT_WORD_RATIO:
            return True
        return bool(suffixes) and len(stub) >= SUFFIXED_CUT_CHARS and not _endings(w[len(stub) :], suffixes)

    longer = [w for w in words if w.startswith(stub) and cut_from(w)]  # (most words: not called)
    if not longer:
        return None
    whole = min(longer, key=lambda w: (len(w), w))
    return whole[:1].upper() + whole[1:] if m.group(1)[:1].isupper() else whole


def _endings(rest: str, suffixes: tuple[str, ...]) -> bool:
    """``rest`` is one or more of the language's word endings in a row ('kannya')."""
    if not rest:
        return True
    return any(rest.startswith(s) and _endings(rest[len(s) :], suffixes) for s in suffixes)
