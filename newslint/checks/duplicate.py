"""``duplicate``: a paragraph that repeats another exactly, nearly, or as a fragment.

What it reports, once per repeated paragraph (the later or shorter copy):

- exactly: the same text as an earlier paragraph (spacing aside), at least eight words;
- nearly: the same words as an earlier paragraph in another case or punctuation,
  or, for substantial paragraphs (at least 12 words), a word-sequence similarity
  of at least ``similarity`` (0.9: a word or two added, dropped or changed);
- as a cut-off fragment: the opening words of a longer paragraph, word for word
  and cut anywhere ("Lembaga, kementerian, ... Non-ASN." before the full
  paragraph), at least ``fragment_min_chars`` long; the fragment may come first.

Each finding names its evidence: the same text, the same words in another case
or punctuation, the similarity of the two word sequences, or how many of the
longer paragraph's opening words the fragment repeats.

Deliberately not reported: lists of similar entries (list items, table rows,
schedule and result lines: three or more paragraphs near one another, or list
items that differ by a word or a number); short paragraphs (under eight words)
repeated by design; a summary bullet without a full stop restated as a sentence
in the story; one record listed in two lists; a pull quote that repeats the
opening of a paragraph as a whole quotation, or a short paragraph (up to 40 words) as a
whole quotation ("Sure, luck is important." / "“Sure, luck is important.”"); a credit
printed above the story and again as its sign-off, the second copy adding the partner's
copyright ("This article is reprinted by permission from NextAvenue.org." / "..., © 2022
Twin Cities Public Television, Inc. All rights reserved."); a deck (standfirst) above the story
that repeats a later paragraph's opening without a full stop; a short sentence carried on at once
in the next paragraph (rhetoric); a sentence repeated from the middle or the end
of a paragraph (a pull quote in a feature, a quoted tweet repeated in the text); a
passage quoted twice, each time introduced with a colon ("... she wrote:");
headings, titles, code, and short lines without a full stop (section labels) repeated whole;
tables and other blocks that are mostly not letters; and articles whose
structure repeats paragraphs far apart (a meal plan repeating
its recipes day after day): when four or more paragraphs repeat and most copies
are neither close to their original nor part of a copied run, the repetition
is the article's design. Scraper accidents are still reported: a page that
renders each section twice, or four or more paragraphs pasted again in order.

Candidate pairs come from an index of each paragraph's opening, middle and
closing word 4-grams, so an article costs time linear in its length; only
paragraphs sharing one of them are compared word by word. Words are held as
numbers (one per distinct word of the article) in one compact array: a 5 MB article's
words as strings took more memory than its text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import regexcache
from newslint.checks.base import (
    Context,
    Hit,
    ends_complete,
    trim_end,
)
from newslint.document import Block, Document

# A pull quote is a whole paragraph inside quotation marks, in any of the styles news copy uses.
_OPEN_QUOTES = '"“«„‘'
_CLOSE_QUOTES = '"”»’“'

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "duplicate"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_chars": {"type": "integer", "minimum": 1, "default": 40},
        "similarity": {"type": "number", "minimum": 0.5, "maximum": 1, "default": 0.9},
        "fragment_min_chars": {"type": "integer", "minimum": 1, "default": 30},
    },
}
SHINGLE = 4
MIN_WORDS = 5
HEADING_WORDS = 8
# A near copy (words changed, not only case or punctuation) counts only between
# paragraphs this long: shorter entries that differ by a word are a list.
NEAR_MIN_WORDS = 12
# A paragraph without a closing full stop (a summary bullet, a record of a list, a
# caption) counts for a whole copy only when it is this long.
UNFINISHED_MIN_WORDS = 20
# A pull quote (a body sentence set apart in quotation marks) is this short.
PULL_QUOTE_WORDS = 40
# A copyright notice a credit's second copy adds ("..., © 2022 <holder>. All rights reserved.").
CREDIT_TAIL_WORDS = 20
_COPYRIGHT = regexcache.compile(
    r"(?i)[\s,;:.–—-]*(?:(?:©|&copy;|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d\b|all\s+rights\s+reserved)"
)
STRUCTURE_REPEATS = 4
NEARBY = 3
COPIED_RUN = 4
LARGE_GROUP = 12
_WORD = regexcache.compile(r"\w+")
# On ASCII text both engines' \w mean [A-Za-z0-9_]; the standard library's engine scans
# that plain class faster still than its \w.
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_COMPARED_KINDS = ("paragraph", "quote", "list-item", "html")
# Kinds that hold list entries: compared for exact repeats of whole sentences only.
_LIST_KINDS = ("list-item",)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A duplicate rule's thresholds."""

    min_chars: int
    similarity: float
    fragment_min_chars: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        int(params.get("min_chars", 40)),
        float(params.get("similarity", 0.9)),
        int(params.get("fragment_min_chars", 30)),
    )


@dataclass(frozen=True, slots=True)
class _Repeat:
    """A block that repeats another: which, how, and the evidence."""

    copy: int  # the block reported
    original: int  # the block it repeats
    how: str
    evidence: str


class Words:
    """The compared paragraphs' words as numbers (one per distinct word of the article),
    by block index: all of them in one array, each paragraph a stretch of it (a
    paragraph's twins share its stretch). An array per paragraph, in a dict by block
    index, took 170 bytes a paragraph beside its numbers: 3 MB of a 5 MB article of
    near copies. ``words[i]`` is block ``i``'s numbers, as an array of their own."""

    def __init__(self, blocks: int) -> None:
        self.numbers = array("H")  # two bytes a number while they fit, else four (``widen``)
        # where each block's stretch starts and ends; the same for a block not compared
        self._begin = array("I", bytes(4 * blocks))
        self._end = array("I", bytes(4 * blocks))

    def add(self, i: int, numbers: list[int]) -> None:
        """Block ``i``'s words (the blocks are added in order)."""
        self._begin[i] = len(self.numbers)
        self.numbers.extend(numbers)
        self._end[i] = len(self.numbers)

    def share(self, i: int, twin: int) -> None:
        """Block ``i`` has the words of block ``twin`` (added before it)."""
        self._begin[i], self._end[i] = self._begin[twin], self._end[twin]

    def widen(self) -> None:
        """Four bytes a number from now on."""
        self.numbers = array("i", self.numbers)

    def __getitem__(self, i: int) -> array[int]:
        begin, end = self._begin[i], self._end[i]
        if begin == end:
            raise KeyError(i)
        return self.numbers[begin:end]

    def size(self, i: int) -> int:
        """How many words block ``i`` has (0 when it is not compared)."""
        return self._end[i] - self._begin[i]

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self._end) and self._end[i] > self._begin[i]

    def __iter__(self) -> Iterator[int]:
        """The compared blocks' indices, in order."""
        return itertools.compress(itertools.count(), map(operator.ne, self._begin, self._end))

    def __len__(self) -> int:
        return sum(map(operator.ne, self._begin, self._end))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    params = rule.compiled_as(Compiled)
    if not _anchors_shared(doc.blocks, params, ctx.facts.words.letter_count):
        return  # no two paragraphs share an anchor: no candidate pair (most drafts)
    # (the article's words are let go once numbered: a cut-off fragment's last word is
    # spelled again from its text, see _is_prefix)
    words = _comparable(doc.blocks, params, ctx.facts.words.letter_count)
    repeats = _find_repeats(doc.blocks, words, params)
    if _repetition_is_structure(repeats, list(words)):
        return
    for rep in repeats:
        block = doc.blocks[rep.copy]
        line, _ = doc.position(doc.blocks[rep.original].start)
        yield Hit(
            block.start,
            block.end,
            {"how": rep.how, "evidence": rep.evidence, "line": line, "fixable": rep.how == "exactly"},
            rep.copy,
        )


def _words_of(text: str) -> list[str]:
    """The words of a paragraph as compared: its runs of word characters, case-folded."""
    folded = text.casefold()
    return (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)


def _comparable(
    blocks: tuple[Block, ...],
    params: Compiled,
    letter_count: Callable[[str], int],
    vocabulary: dict[str, int] | None = None,
) -> Words:
    """The words of the prose blocks worth comparing, by block index, each word as its
    number in ``vocabulary`` (which this fills, when given): two bytes a number while the
    article has at most 65,536 distinct words (most have), else four."""
    shortest = min(params.min_chars, params.fragment_min_chars)
    words = Words(len(blocks))
    # numbered in C: a word not seen before gets the next number
    known = vocabulary if vocabulary is not None else {}
    numbering: dict[str, int] = defaultdict(itertools.count(len(known)).__next__, known)
    number = numbering.__getitem__
    # a paragraph's twins (same text, same kind) share its words: a page of repeats holds one
    seen: dict[str, int] = {}
    # The letter counts first, all of them: the document's word work remembers each (its
    # facts keep them for the language checks), and remembered among this pass's numbers
    # and words, let go at its end, they held 7 MB of a 5 MB draft of near copies in
    # memory that was not given back; worked out together, 2 MB less.
    # (kept by block index as worked out, in a small array: they are read once more below)
    counted = array("I", bytes(4 * len(blocks)))
    for i, block in enumerate(blocks):
        if block.kind in _COMPARED_KINDS and len(block.text) >= shortest:
            counted[i] = letter_count(block.text)
    for i, block in enumerate(blocks):
        text = block.text
        if block.kind not in _COMPARED_KINDS or len(text) < shortest:
            continue
        twin = seen.setdefault(text, i)
        if twin != i and blocks[twin].kind == block.kind:
            words.share(i, twin)
            continue
        # Tables, code and number lists are mostly not letters; they repeat by design.
        letters = counted[i]
        if letters < len(text) - text.count(" ") - text.count("\n") - letters:
            continue
        found = _words_of(text)
        if _is_table(text):
            continue
        # A short line without a full stop (a heading, a label) takes part only as a
        # cut-off fragment: whole copies need HEADING_WORDS words (see _relation).
        if len(found) >= MIN_WORDS:
            numbers = list(map(number, found))
            if words.numbers.typecode == "H" and len(numbering) > 1 << 16:
                words.widen()
            words.add(i, numbers)
    if vocabulary is not None:
        vocabulary.update(numbering)
    return words


def _anchors_shared(blocks: tuple[Block, ...], params: Compiled, letter_count: Callable[[str], int]) -> bool:
    """Whether two of the paragraphs ``_comparable`` keeps share an anchor (``_anchors``),
    told from their words as strings, before any is numbered: when none do, the check
    finds no candidate pair, and most drafts have none (the same paragraphs, filtered as
    ``_comparable`` filters them, and the same word 4-grams)."""
    shortest = min(params.min_chars, params.fragment_min_chars)
    owner: dict[tuple[str, ...], int] = {}
    for i, block in enumerate(blocks):
        text = block.text
        if block.kind not in _COMPARED_KINDS or len(text) < shortest:
            continue
        letters = letter_count(text)
        if letters < len(text) - text.count(" ") - text.count("\n") - letters:
            continue
        found = _words_of(text)
        if _is_table(text) or len(found) < MIN_WORDS:
            continue
        if len(found) <= SHINGLE:
            anchors = {tuple(found)}
        else:
            middle = (len(found) - SHINGLE) // 2
            anchors = {tuple(found[k : k + SHINGLE]) for k in (0, middle, len(found) - SHINGLE)}
        for anchor in anchors:
            if owner.setdefault(anchor, i) != i:
                return True
    return False


def _is_table(text: str) -> bool:
    """Rows of a table or a schedule: most of the block's lines hold cell separators."""
    lines = text.split("\n")
    return len(lines) >= 2 and sum("|" in line or "\t" in line for line in lines) * 2 > len(lines)


def _anchors(words: array[int]) -> set[bytes]:
    """The opening, middle and closing word 4-grams of a paragraph, each as the bytes of
    its word numbers (the key of an index: a tuple of four ints cost three times as much).

    Two paragraphs that repeat each other share at least one of them: an exact
    copy shares all three, a cut-off fragment the opening one, and a near copy
    (similarity 0.9: a word or two changed) keeps at least one of the three
    intact unless its edits fall into all of them at once.
    """
    if len(words) <= SHINGLE:
        return {words.tobytes()}
    middle = (len(words) - SHINGLE) // 2
    return {words[k : k + SHINGLE].tobytes() for k in (0, middle, len(words) - SHINGLE)}


def _partners(i: int, anchors: set[bytes], index: dict[bytes, int | array[int]]) -> list[int]:
    """The later paragraphs that paragraph ``i`` is compared with, in order: in a small
    group of paragraphs that share one of its ``anchors``, every later one; in a large one
    (a page repeating one boilerplate paragraph many times), every other one for the
    group's first, and the next one for the others, so the work stays linear in the
    number of paragraphs. Asked paragraph by paragraph in order, this gives the
    candidate pairs sorted, without a set and a sorted list of all of them (a 5 MB
    article has 65,000)."""
    later: set[int] = set()
    for anchor in anchors:
        group = index[anchor]
        if not isinstance(group, array):
            continue
        at = bisect.bisect_left(group, i)
        if len(group) <= LARGE_GROUP:
            later.update(group[at + 1 :])
        elif at == 0:
            later.update(group[1:])
        elif at + 1 < len(group):
            later.add(group[at + 1])
    return sorted(later)


_PAIR = (1 << 32) - 1


def _find_repeats(blocks: tuple[Block, ...], words: Words, params: Compiled) -> list[_Repeat]:
    # anchor -> the paragraphs that have it: the first alone, an array from the second on
    # (most anchors belong to one paragraph)
    # (as an array: a list held an int object of 32 bytes for each member)
    index: dict[bytes, int | array[int]] = {}
    for i in words:
        for anchor in _anchors(words[i]):
            had = index.setdefault(anchor, i)
            if isinstance(had, array):
                had.append(i)
            elif had != i:
                index[anchor] = array("I", (had, i))
    if not any(isinstance(group, array) for group in index.values()):
        return []  # no two paragraphs share an anchor: no candidate pair (most drafts)
    found: dict[int, _Repeat] = {}
    # pairs of paragraphs of one length, words swapped (entries of a template?), each as
    # one int ``i << 32 | j`` (``_PAIR``), and how many such partners each paragraph has:
    # a set of partners per paragraph took 10 MB in a 5 MB article of near copies
    similar = array("q")
    partners = array("I", bytes(4 * len(blocks)))
    # The candidate pairs, each as one int ``i << 32 | j``, come sorted from ``_partners``
    # asked paragraph by paragraph: an array of them, and the index is let go.
    pairs = array("q", (i << 32 | j for i in words for j in _partners(i, _anchors(words[i]), index)))
    del index
    said: dict[str, str] = {}
    for pair in pairs:
        i, j = pair >> 32, pair & _PAIR
        if _settled(i, j, partners, found):
            continue
        rep = _relation(i, j, blocks, words, params)
        if rep is None or _quoted_twice(blocks, i, j):
            continue
        if rep.evidence.startswith("similarity") and abs(words.size(i) - words.size(j)) <= 2:
            similar.append(pair)  # (each pair comes once)
            partners[i] += 1
            partners[j] += 1
        if rep.copy not in found:
            # (one string for each wording of the evidence: thousands of near copies
            # share a few "similarity 0.9x")
            found[rep.copy] = _Repeat(rep.copy, rep.original, rep.how, said.setdefault(rep.evidence, rep.evidence))
    # A paragraph nearly like two others of its length, words swapped, is an entry of a
    # list built on one template (results, schedules, one-sentence profiles), not a
    # pasted copy; so are its partners. A scraper's chain of copies that grow or shrink
    # is still reported.
    listed: set[int] = set()
    for pair in similar:
        i, j = pair >> 32, pair & _PAIR
        if partners[i] >= 2 or partners[j] >= 2:
            listed.update((i, j))
    return sorted(
        (r for r in found.values() if not (r.evidence.startswith("similarity") and {r.copy, r.original} & listed)),
        key=lambda r: r.copy,
    )


def _settled(i: int, j: int, partners: array[int], found: dict[int, _Repeat]) -> bool:
    """Nothing the pair (i, j) could show is still open: each of the two is already
    reported as a copy (the first finding of a copy is the one kept) and already an entry
    of a template (two partners make one, and partners only grow). So a page of one
    paragraph's many near copies is compared in linear work, not in the square of the
    copies."""
    return partners[i] >= 2 and partners[j] >= 2 and i in found and j in found


def _quoted_twice(blocks: tuple[Block, ...], i: int, j: int) -> bool:
    """Both copies are quotations introduced with a colon ("... she wrote:"): a
    discussion quoting the same tweet or comment twice, on purpose."""
    return all(k > 0 and blocks[k - 1].text.rstrip().endswith(":") for k in (i, j))


def _relation(i: int, j: int, blocks: tuple[Block, ...], words: Words, params: Compiled) -> _Repeat | None:
    """How block ``j`` (later) and block ``i`` (earlier) repeat each other, if they do."""
    a, b = words[i], words[j]
    long_enough = min(len(blocks[i].text), len(blocks[j].text)) >= params.min_chars
    listed = blocks[i].kind in _LIST_KINDS or blocks[j].kind in _LIST_KINDS
    entries = _listed_entries(i, j, blocks, words)
    if a == b:
        # Short paragraphs and list entries repeat by design; whole sentences of a
        # substantial list item repeated word for word are still a copy.
        if (
            not long_enough
            or len(a) < HEADING_WORDS
            or entries
            or (listed and not (len(a) >= NEAR_MIN_WORDS and ends_complete(blocks[j].text)))
        ):
            return None
        if _normal(blocks[i].text) == _normal(blocks[j].text):
            return _Repeat(j, i, "exactly", "the same text")
        if len(a) <= PULL_QUOTE_WORDS and _pull_quote(blocks[i].text) != _pull_quote(blocks[j].text):
            return None  # a pull quote: a sentence of the story set apart in quotation marks
        return _Repeat(j, i, "nearly", "the same words, in another case or punctuation")
    if len(a) != len(b) and not listed:
        short, full = (i, j) if len(a) < len(b) else (j, i)
        if _is_prefix(words[short], words[full], blocks[short].text, blocks[full].text):
            if _pull_quote(blocks[short].text) or _standfirst(short, full, blocks):
                return None
            if _credit_again(blocks[short].text, blocks[full].text):
                return None
            # A short sentence followed at once by the same words carried on is rhetoric
            # ("We will get through this." / "We will get through this together..."),
            # not a cut-off copy.
            rhetoric = abs(i - j) == 1 and words.size(short) < HEADING_WORDS
            if len(blocks[short].text) >= params.fragment_min_chars and not rhetoric:
                return _Repeat(
                    short,
                    full,
                    "as a cut-off fragment",
                    f"its {words.size(short)} words open the {words.size(full)}-word paragraph",
                )
    if long_enough and not listed and not entries and min(len(a), len(b)) >= NEAR_MIN_WORDS:
        ratio = _similarity(a, b, params.similarity)
        if ratio >= params.similarity:
            return _Repeat(j, i, "nearly", f"similarity {ratio:.2f}")
    return None


def _unfinished(block: Block, size: int) -> bool:
    """A short paragraph without a closing full stop: a bullet, a record, a caption."""
    count = size or len(block.text.split())  # (size: its compared words, 0 if not compared)
    return count < UNFINISHED_MIN_WORDS and not ends_complete(block.text)


def _listed_entries(i: int, j: int, blocks: tuple[Block, ...], words: Words) -> bool:
    """Two copies of a short unfinished paragraph that repeat by design: a summary
    bullet restated as a sentence in the story (one copy ends with a full stop, the
    other does not), or one record listed in two lists (each copy inside a run of
    three or more unfinished paragraphs, apart from each other). A teaser line
    rendered twice in a row is still reported."""
    first, second = (_unfinished(blocks[k], words.size(k)) for k in (i, j))
    if first != second:
        return True
    if not first or abs(i - j) <= 1:
        return False
    return all(_in_list(k, blocks, words) for k in (i, j))


def _in_list(k: int, blocks: tuple[Block, ...], words: Words) -> bool:
    run = [n for n in range(max(0, k - 2), min(len(blocks), k + 3)) if _unfinished(blocks[n], words.size(n))]
    return any(all(n in run for n in range(start, start + 3)) for start in range(k - 2, k + 1))


def _pull_quote(short: str) -> bool:
    """The repeated opening is a whole quotation, set apart as a pull quote by design
    (the longer paragraph goes on with its attribution: '"...," she said'). A whole
    sentence repeated without its full stop is not enough: a cut-off copy may stop
    at a sentence end too."""
    short = trim_end(short)
    return short[:1] in _OPEN_QUOTES and short[-1:] in _CLOSE_QUOTES


def _credit_again(short: str, full: str) -> bool:
    """A credit printed above the story and again as its sign-off with the partner's
    copyright ("This article is reprinted by permission from NextAvenue.org." /
    "..., © 2022 Twin Cities Public Television, Inc. All rights reserved."): the short
    copy is a whole sentence, and what the long one adds is a copyright notice. A cut-off
    copy stops mid-sentence, or the words it lost are the story's."""
    short = trim_end(short)
    if not ends_complete(short):
        return False
    added = full[len(short.rstrip(".!?…")) :] if full.startswith(short.rstrip(".!?…")) else ""
    return len(added.split()) <= CREDIT_TAIL_WORDS and _COPYRIGHT.match(added) is not None


def _standfirst(short: int, full: int, blocks: tuple[Block, ...]) -> bool:
    """A deck above the story: the opening of a later paragraph, without a full stop,
    before any sentence of the article. A cut-off copy keeps or gets a full stop
    ("... pegawai Non-ASN.") or sits among the sentences. A deck may close on a
    bracketed aside ("... en toda España (9.364 ayer)"): a bracket after a word is
    not a sentence's end."""
    return (
        short < full
        and not _ends_sentence(blocks[short].text)
        and not any(ends_complete(block.text) for block in blocks[:short])
    )


def _ends_sentence(text: str) -> bool:
    """``ends_complete``, less a closing bracket right after a word: that closes an aside."""
    text = trim_end(text)
    if text[-1:] in (")", "]") and text[-2:-1].isalnum():
        return False
    return ends_complete(text)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _is_prefix(short: Sequence[int], full: Sequence[int], short_text: str, full_text: str) -> bool:
    """``short`` (the words of ``short_text``) is the opening of ``full`` (those of
    ``full_text``), word for word; its last word may be cut (spelled from the texts)."""
    head = full[: len(short)]
    if head[:-1] != short[:-1]:
        return False
    return head[-1] == short[-1] or _words_of(full_text)[len(short) - 1].startswith(_words_of(short_text)[-1])


def _similarity(a: Sequence[int], b: Sequence[int], threshold: float) -> float:
    """The word-sequence similarity of two paragraphs (0 when their lengths alone rule it out)."""
    if min(len(a), len(b)) / max(len(a), len(b)) < threshold - 0.1:
        return 0.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _repetition_is_structure(repeats: list[_Repeat], order: list[int]) -> bool:
    """Many repeats far from their originals: the article's design, not an accident.

    Copy-paste and scraper accidents repeat a paragraph right after its original
    (a page that renders each section twice) or paste a long run of paragraphs
    again in order; a meal plan or a schedule repeats items far apart.
    """
    if len(repeats) < STRUCTURE_REPEATS:
        return False
    # Each copy's place among the compared paragraphs and its original's, in the copies'
    # order, as two arrays: the dicts and lists of pairs this was worked out with took
    # 4 MB for the 16,000 repeats of a 5 MB draft.
    rank = functools.partial(bisect.bisect_left, order)
    by_copy = sorted(repeats, key=_copy_of)
    at = array("q", (rank(r.copy) for r in by_copy))
    of = array("q", (rank(r.original) for r in by_copy))
    del by_copy
    return _accidental_copies(at, of) * 2 < len(repeats)


def _copy_of(repeat: _Repeat) -> int:
    return repeat.copy


def _accidental_copies(at: Sequence[int], of: Sequence[int]) -> int:
    """How many copies look like accidents: copy ``k`` sits at ``at[k]`` (ascending) and
    repeats the paragraph at ``of[k]``.

    A copy is one when it sits near the nearest earlier copy of the same text (or the
    original): a paragraph pasted again and again in a row is one accident however far
    the last copy ends up from the first, each copy being next to the one before it.
    So is each copy of a run of consecutive copies (``COPIED_RUN`` at least) whose
    originals are consecutive too: a run of paragraphs pasted again in order."""
    last: dict[int, int] = {}
    nearby = copied = run = 0
    for k, (place, original) in enumerate(zip(at, of, strict=True)):
        if abs(place - last.get(original, original)) <= NEARBY:
            nearby += 1
        last[original] = place
        if k and at[k - 1] == place - 1 and of[k - 1] == original - 1:
            run += 1
        else:
            copied += run if run >= COPIED_RUN else 0
            run = 1
    return nearby + copied + (run if run >= COPIED_RUN else 0)
