"""``duplicate``: a paragraph that repeats another exactly, nearly, or as a fragment.

What it reports, once per repeated paragraph (the later or shorter copy):

- exactly: the same words as an earlier paragraph (case and punctuation ignored);
- nearly: an earlier paragraph with a word-sequence similarity of at least
  ``similarity`` (0.9: a word or two added, dropped or changed);
- as a cut-off fragment: the opening words of a longer paragraph, word for word
  and cut anywhere ("Lembaga, kementerian, ... Non-ASN." before the full
  paragraph), at least ``fragment_min_chars`` long; the fragment may come first.

Deliberately not reported: a sentence repeated from the middle or the end of a
paragraph (a pull quote in a feature, a quoted tweet repeated in the text); a
passage quoted twice, each time introduced with a colon ("... she wrote:");
headings, titles, code and short lines without a full stop (section labels);
tables and other blocks that are mostly not letters; and articles whose
structure repeats paragraphs far apart (a meal plan repeating
its recipes day after day): when four or more paragraphs repeat and most copies
are neither close to their original nor part of a copied run, the repetition
is the article's design. Scraper accidents are still reported: a page that
renders each section twice, or four or more paragraphs pasted again in order.

Candidate pairs come from an index of each paragraph's opening, middle and
closing word 4-grams, so an article costs time linear in its length; only
paragraphs sharing one of them are compared word by word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit, ends_complete
from newslint.document import Block, Document

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
        "fragment_min_chars": {"type": "integer", "minimum": 1, "default": 50},
    },
}
SHINGLE = 4
MIN_WORDS = 5
HEADING_WORDS = 8
STRUCTURE_REPEATS = 4
NEARBY = 3
COPIED_RUN = 4
LARGE_GROUP = 12
_WORD = regex.compile(r"\w+")
# On ASCII text both engines' \w mean [A-Za-z0-9_]; the standard library's is faster.
_ASCII_WORD = re.compile(r"\w+")
_COMPARED_KINDS = ("paragraph", "quote", "list-item", "html")


@dataclass(frozen=True, slots=True)
class Compiled:
    min_chars: int
    similarity: float
    fragment_min_chars: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        int(params.get("min_chars", 40)),
        float(params.get("similarity", 0.9)),
        int(params.get("fragment_min_chars", 50)),
    )


@dataclass(frozen=True, slots=True)
class _Repeat:
    copy: int  # the block reported
    original: int  # the block it repeats
    how: str


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    params = rule.compiled_as(Compiled)
    words = _comparable(doc.blocks, params, ctx.facts.words.letter_count)
    repeats = _find_repeats(doc.blocks, words, params)
    if _repetition_is_structure(repeats, sorted(words)):
        return
    for rep in repeats:
        block = doc.blocks[rep.copy]
        line, _ = doc.position(doc.blocks[rep.original].start)
        yield Hit(block.start, block.end,
                  {"how": rep.how, "line": line, "fixable": rep.how == "exactly"}, rep.copy)


def _comparable(blocks: tuple[Block, ...], params: Compiled,
                letter_count: Callable[[str], int]) -> dict[int, list[str]]:
    """Word lists of the prose blocks worth comparing, by block index."""
    shortest = min(params.min_chars, params.fragment_min_chars)
    words: dict[int, list[str]] = {}
    for i, block in enumerate(blocks):
        text = block.text
        if block.kind not in _COMPARED_KINDS or len(text) < shortest:
            continue
        # Tables, code and number lists are mostly not letters; they repeat by design.
        letters = letter_count(text)
        if letters < len(text) - text.count(" ") - text.count("\n") - letters:
            continue
        folded = text.casefold()
        found = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
        # A short line without a full stop is a heading or a label: sections repeat them.
        if len(found) >= MIN_WORDS and (len(found) >= HEADING_WORDS or ends_complete(text)):
            words[i] = found
    return words


def _anchors(words: list[str]) -> set[tuple[str, ...]]:
    """The opening, middle and closing word 4-grams of a paragraph.

    Two paragraphs that repeat each other share at least one of them: an exact
    copy shares all three, a cut-off fragment the opening one, and a near copy
    (similarity 0.9: a word or two changed) keeps at least one of the three
    intact unless its edits fall into all of them at once.
    """
    if len(words) <= SHINGLE:
        return {tuple(words)}
    middle = (len(words) - SHINGLE) // 2
    return {tuple(words[k : k + SHINGLE]) for k in (0, middle, len(words) - SHINGLE)}


def _candidate_pairs(group: list[int]) -> list[tuple[int, int]]:
    """Every pair of a small group; in a large one (a page repeating one boilerplate
    paragraph many times), each member against the first and its predecessor only,
    so the work stays linear in the number of paragraphs."""
    if len(group) <= LARGE_GROUP:
        return [(i, j) for n, i in enumerate(group) for j in group[n + 1 :]]
    return sorted({(group[0], j) for j in group[1:]} | set(zip(group, group[1:], strict=False)))


def _find_repeats(blocks: tuple[Block, ...], words: dict[int, list[str]],
                  params: Compiled) -> list[_Repeat]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in sorted(words):
        for anchor in _anchors(words[i]):
            index[anchor].append(i)
    pairs = sorted({pair for group in index.values() if len(group) > 1 for pair in _candidate_pairs(group)})
    found: dict[int, _Repeat] = {}
    for i, j in pairs:
        rep = _relation(i, j, blocks, words, params)
        if rep is not None and rep.copy not in found and not _quoted_twice(blocks, i, j):
            found[rep.copy] = rep
    return sorted(found.values(), key=lambda r: r.copy)


def _quoted_twice(blocks: tuple[Block, ...], i: int, j: int) -> bool:
    """Both copies are quotations introduced with a colon ("... she wrote:"): a
    discussion quoting the same tweet or comment twice, on purpose."""
    return all(k > 0 and blocks[k - 1].text.rstrip().endswith(":") for k in (i, j))


def _relation(i: int, j: int, blocks: tuple[Block, ...], words: dict[int, list[str]],
              params: Compiled) -> _Repeat | None:
    """How block ``j`` (later) and block ``i`` (earlier) repeat each other, if they do."""
    a, b = words[i], words[j]
    long_enough = min(len(blocks[i].text), len(blocks[j].text)) >= params.min_chars
    if a == b:
        if not long_enough:
            return None
        same = _normal(blocks[i].text) == _normal(blocks[j].text)
        return _Repeat(j, i, "exactly" if same else "nearly")
    if len(a) != len(b):
        short, full = (i, j) if len(a) < len(b) else (j, i)
        if len(blocks[short].text) >= params.fragment_min_chars \
                and _is_prefix(words[short], words[full]):
            return _Repeat(short, full, "as a cut-off fragment")
    if long_enough and _similar(a, b, params.similarity):
        return _Repeat(j, i, "nearly")
    return None


def _normal(text: str) -> str:
    return " ".join(text.split())


def _is_prefix(short: list[str], full: list[str]) -> bool:
    """``short`` is the opening of ``full``, word for word; its last word may be cut."""
    head = full[: len(short)]
    return head[:-1] == short[:-1] and head[-1].startswith(short[-1])


def _similar(a: list[str], b: list[str], threshold: float) -> bool:
    if min(len(a), len(b)) / max(len(a), len(b)) < threshold - 0.1:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


def _repetition_is_structure(repeats: list[_Repeat], order: list[int]) -> bool:
    """Many repeats far from their originals: the article's design, not an accident.

    Copy-paste and scraper accidents repeat a paragraph right after its original
    (a page that renders each section twice) or paste a long run of paragraphs
    again in order; a meal plan or a schedule repeats items far apart.
    """
    if len(repeats) < STRUCTURE_REPEATS:
        return False
    position = {block: k for k, block in enumerate(order)}
    copies = dict(sorted((position[r.copy], position[r.original]) for r in repeats))
    accidental = sum(abs(at - original) <= NEARBY for at, original in copies.items())
    accidental += sum(len(run) for run in _aligned_runs(copies) if len(run) >= COPIED_RUN)
    return accidental * 2 < len(repeats)


def _aligned_runs(copies: dict[int, int]) -> list[list[int]]:
    """Runs of consecutive copies whose originals are consecutive too."""
    runs: list[list[int]] = []
    for at, original in copies.items():
        if runs and runs[-1][-1] == at - 1 and copies[at - 1] == original - 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    return runs
