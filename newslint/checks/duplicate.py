"""``duplicate``: a paragraph that repeats another exactly, nearly, or as a fragment.

Paragraphs are compared as word sequences (case and punctuation ignored).
Candidate pairs come from an inverted index of word 4-gram shingles, so an
article costs time close to linear in its length; only candidates sharing
many shingles are compared word by word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "duplicate"
DEFAULT_SCOPE = "block"
SHINGLE = 4
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Compiled:
    min_chars: int
    similarity: float
    fragment_min_chars: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        int(params.get("min_chars", 60)),
        float(params.get("similarity", 0.9)),
        int(params.get("fragment_min_chars", 50)),
    )


def _shingles(words: list[str]) -> set[int]:
    if len(words) < SHINGLE:
        return {hash(tuple(words))}
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    params: Compiled = rule.compiled
    words: dict[int, list[str]] = {}
    shingles: dict[int, set[int]] = {}
    index: dict[int, list[int]] = defaultdict(list)
    for i, block in enumerate(doc.blocks):
        if block.kind == "code" or len(block.text) < min(params.min_chars, params.fragment_min_chars):
            continue
        words[i] = _WORD.findall(block.text.casefold())
        if len(words[i]) < 6:
            del words[i]
            continue
        shingles[i] = _shingles(words[i])
        for s in shingles[i]:
            index[s].append(i)
    reported: set[int] = set()
    for i in sorted(words):
        match = _best_match(i, words, shingles, index, params, doc)
        if match is None or i in reported:
            continue
        other, how = match
        reported.add(i)
        block = doc.blocks[i]
        line, _ = doc.position(doc.blocks[other].start)
        yield Hit(block.start, block.end, {"how": how, "line": line, "fixable": how == "exactly"}, i)


def _best_match(
    i: int,
    words: dict[int, list[str]],
    shingles: dict[int, set[int]],
    index: dict[int, list[int]],
    params: Compiled,
    doc: Document,
) -> tuple[int, str] | None:
    shared: dict[int, int] = defaultdict(int)
    for s in shingles[i]:
        for j in index[s]:
            if j != i:
                shared[j] += 1
    mine = words[i]
    for j, count in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        theirs = words[j]
        overlap = count / max(len(shingles[i]), 1)
        if overlap < 0.5:
            break
        text_i, text_j = " ".join(mine), " ".join(theirs)
        long_enough = len(doc.blocks[i].text) >= params.min_chars
        if mine == theirs:
            if j < i and long_enough:
                return j, "exactly"
            continue
        if len(mine) < len(theirs) and text_i in text_j:
            if len(doc.blocks[i].text) >= params.fragment_min_chars:
                return j, "as a cut-off fragment"
            continue
        if long_enough and j < i and _similar(mine, theirs, params.similarity):
            return j, "nearly"
    return None


def _similar(a: list[str], b: list[str], threshold: float) -> bool:
    if min(len(a), len(b)) / max(len(a), len(b)) < threshold - 0.1:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold
