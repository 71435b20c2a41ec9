"""Where a rule's fix applies: turn a hit and the rule's ``fix`` kind into a source span.

``delete-line`` and ``delete-paragraph`` delete whole source lines (and one
following blank line, so no gap is left) when those lines hold nothing but
the junk. When a source line also holds other prose (minified HTML puts a
whole article on one line) they delete only the junk's own line of text as
the reader saw it, so a fix never takes an editor's words with it.
"""

from __future__ import annotations

import bisect
from itertools import pairwise
from typing import TYPE_CHECKING

from newslint.checks.base import Hit
from newslint.document import Block, Document
from newslint.finding import Fix

if TYPE_CHECKING:
    from newslint.rules import Rule


def fix_for(doc: Document, rule: Rule, hit: Hit) -> Fix | None:
    """The fix for one hit, or None when the rule has none or the hit is empty."""
    if rule.fix is None or not hit.data.get("fixable", True) or hit.end <= hit.start:
        return None
    if rule.fix == "replace":
        return Fix(hit.start, hit.end, rule.replacement)
    if rule.fix == "delete-match":
        lines = _whole_lines(doc, hit.start, hit.end)
        rest = doc.text_at(lines.start, hit.start) + doc.text_at(hit.end, lines.end)
        # a match that is all its line holds takes the line along, so no blank line is left
        return lines if not rest.strip() else Fix(hit.start, hit.end)
    if rule.fix == "delete-paragraph" and hit.block is not None:
        block = doc.blocks[hit.block]
        keep = (block.start, block.end)
    else:
        keep = _text_lines(doc, hit)
    lines = _whole_lines(doc, *keep)
    return lines if not _other_prose(doc, lines, keep) else Fix(*keep)


def whole_lines(text: str, start: int, end: int) -> Fix:
    """The lines spanning [start, end), plus one following blank line so no gap is left."""
    start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    end = len(text) if newline == -1 else newline + 1
    after = text.find("\n", end)
    following = text[end : after if after != -1 else len(text)]
    if start > 0 and end < len(text) and following.strip() == "" and text.endswith(("\n\n", "\n\r\n"), 0, start):
        end = len(text) if after == -1 else after + 1
    return Fix(start, end)


def _whole_lines(doc: Document, start: int, end: int) -> Fix:
    """``whole_lines`` of the document's source, found from its line starts when the
    document does not hold its source (``Document.joined``)."""
    if not doc.is_joined:
        return whole_lines(doc.source, start, end)
    size = doc.size
    start = doc.line_bounds(start)[0]
    end = doc.line_bounds(end)[1] or size
    after = doc.line_bounds(end)[1] if end < size else None
    following = doc.text_at(end, size if after is None else after - 1)
    before = doc.text_at(max(0, start - 3), start)
    if start > 0 and end < size and following.strip() == "" and before.endswith(("\n\n", "\n\r\n")):
        end = size if after is None else after
    return Fix(start, end)


def _text_lines(doc: Document, hit: Hit) -> tuple[int, int]:
    """Source span of the block's text lines that the hit touches (the hit itself if no block)."""
    if hit.block is None:
        return hit.start, hit.end
    firsts, lasts = _line_bounds(doc.blocks[hit.block])
    start, end = hit.start, hit.end
    if lasts is not _UNORDERED:
        # The lines the hit touches are one run, found by bisection: a block of thousands of
        # junk lines, each a finding, costs n log n, not n squared.
        low, high = bisect.bisect_left(lasts, hit.start), bisect.bisect_right(firsts, hit.end)
        if low < high:
            start, end = min(start, firsts[low]), max(end, lasts[high - 1])
        return start, end
    for first, last in zip(firsts, _line_ends(doc.blocks[hit.block]), strict=True):
        if first <= hit.end and hit.start <= last:
            start, end = min(start, first), max(end, last)
    return start, end


def _ascending(values: list[int]) -> bool:
    return all(a <= b for a, b in pairwise(values))


def _line_bounds(block: Block) -> tuple[list[int], list[int]]:
    """Source offsets of the start and end of each of the block's lines (cached per block).

    The ends are ``_UNORDERED`` when the offsets do not ascend (then bisection cannot be used).
    """
    cached = _CACHE.get(id(block))
    if cached is not None and cached[0] is block:
        return cached[1], cached[2]
    starts, ends = [], []
    for index, line in block.lines():
        starts.append(index)
        ends.append(index + len(line))
    firsts, lasts = _source_offsets(block, starts), _source_offsets(block, ends)
    if not (_ascending(firsts) and _ascending(lasts)):
        lasts = _UNORDERED
    _remember(_CACHE, block, firsts, lasts)
    return firsts, lasts


def _source_offsets(block: Block, indices: list[int]) -> list[int]:
    """``block.source_offset`` of each of the ascending text ``indices``, in one pass."""
    anchors, k, found = block.anchors, 0, []
    for index in indices:
        while k + 1 < len(anchors) and anchors[k + 1][0] <= index:
            k += 1
        text_index, offset = anchors[k]
        found.append(offset + (index - text_index))
    return found


def _line_ends(block: Block) -> list[int]:
    return [block.source_offset(index + len(line)) for index, line in block.lines()]


def _block_bounds(doc: Document) -> tuple[list[int], list[int]]:
    """Each block's source start and end (cached per document). The starts are [] when blocks
    overlap or are out of order, so that they cannot be searched by bisection."""
    cached = _DOCS.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1], cached[2]
    starts = [block.start for block in doc.blocks]
    ends = [block.end for block in doc.blocks]
    if not all(ends[k] <= starts[k + 1] for k in range(len(starts) - 1)):
        starts = []
    _remember(_DOCS, doc, starts, ends)
    return starts, ends


# id(object) -> (object, data...) for blocks and for documents: the object is kept so that its
# id cannot be reused while the entry lives. Small, because findings are made document by document.
_Cache = dict[int, tuple[object, list[int], list[int]]]
_CACHE: _Cache = {}
_DOCS: _Cache = {}
_ANCHORS: _Cache = {}
_UNORDERED: list[int] = []


def _remember(cache: _Cache, owner: object, first: list[int], second: list[int]) -> None:
    if len(cache) >= 64:
        cache.clear()
    cache[id(owner)] = (owner, first, second)


def _other_prose(doc: Document, span: Fix, keep: tuple[int, int]) -> bool:
    """True when [span.start, span.end) holds prose outside ``keep`` (another block's words)."""
    outside = [(span.start, min(span.end, keep[0])), (max(span.start, keep[1]), span.end)]
    starts, ends = _block_bounds(doc)
    # Blocks in source order that do not overlap (as readers make them): start at the last one
    # that begins at or before the span, not at the first block of the document.
    first = max(bisect.bisect_right(starts, span.start) - 1, 0) if starts else 0
    for k in range(first, len(doc.blocks)):
        block = doc.blocks[k]
        if starts and block.start >= span.end:
            break
        if ends[k] <= span.start or block.start >= span.end:
            continue
        if _prose_in(block, outside):
            return True
    return False


def _prose_in(block: Block, ranges: list[tuple[int, int]]) -> bool:
    """True when the block has non-blank text at a source offset inside one of ``ranges``."""
    anchors = block.anchors
    starts = _anchor_starts(block)
    for low, high in ranges:
        # Anchors in source order (as readers make them): only those that reach into the
        # range are looked at, not every line of a block of thousands.
        first = max(bisect.bisect_right(starts, low) - 1, 0) if starts else 0
        for k in range(first, len(anchors)):
            t_start, s_start = anchors[k]
            if starts and s_start >= high:
                break
            # Text [t_start, t_end) of the block lies at source [s_start, s_start + length).
            t_end = anchors[k + 1][0] if k + 1 < len(anchors) else len(block.text)
            a, b = max(low, s_start), min(high, s_start + t_end - t_start)
            if a < b and block.text[t_start + a - s_start : t_start + b - s_start].strip():
                return True
    return False


def _anchor_starts(block: Block) -> list[int]:
    """The anchors' source offsets if they ascend without overlap, else [] (cached per block)."""
    cached = _ANCHORS.get(id(block))
    if cached is not None and cached[0] is block:
        return cached[1]
    anchors = block.anchors
    ends = [
        s + (anchors[k + 1][0] if k + 1 < len(anchors) else len(block.text)) - t for k, (t, s) in enumerate(anchors)
    ]
    starts = [s for _, s in anchors]
    if not all(ends[k] <= starts[k + 1] for k in range(len(starts) - 1)):
        starts = []
    _remember(_ANCHORS, block, starts, [])
    return starts
