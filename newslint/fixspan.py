"""Where a rule's fix applies: turn a hit and the rule's ``fix`` kind into a source span.

``delete-line`` and ``delete-paragraph`` delete whole source lines (and one
following blank line, so no gap is left) when those lines hold nothing but
the junk. When a source line also holds other prose (minified HTML puts a
whole article on one line) they delete only the junk's own line of text as
the reader saw it, so a fix never takes an editor's words with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.checks.base import Hit
from newslint.document import Document
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
        lines = whole_lines(doc.source, hit.start, hit.end)
        rest = doc.source[lines.start : hit.start] + doc.source[hit.end : lines.end]
        # a match that is all its line holds takes the line along, so no blank line is left
        return lines if not rest.strip() else Fix(hit.start, hit.end)
    if rule.fix == "delete-paragraph" and hit.block is not None:
        block = doc.blocks[hit.block]
        keep = (block.start, block.end)
    else:
        keep = _text_lines(doc, hit)
    lines = whole_lines(doc.source, *keep)
    return lines if not _other_prose(doc, lines, keep) else Fix(*keep)


def whole_lines(text: str, start: int, end: int) -> Fix:
    """The lines spanning [start, end), plus one following blank line so no gap is left."""
    start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    end = len(text) if newline == -1 else newline + 1
    after = text.find("\n", end)
    following = text[end : after if after != -1 else len(text)]
    if start > 0 and end < len(text) and following.strip() == "" \
            and text.endswith(("\n\n", "\n\r\n"), 0, start):
        end = len(text) if after == -1 else after + 1
    return Fix(start, end)


def _text_lines(doc: Document, hit: Hit) -> tuple[int, int]:
    """Source span of the block's text lines that the hit touches (the hit itself if no block)."""
    if hit.block is None:
        return hit.start, hit.end
    block = doc.blocks[hit.block]
    start, end = hit.start, hit.end
    for index, line in block.lines():
        first, last = block.source_offset(index), block.source_offset(index + len(line))
        if first <= hit.end and hit.start <= last:
            start, end = min(start, first), max(end, last)
    return start, end


def _other_prose(doc: Document, span: Fix, keep: tuple[int, int]) -> bool:
    """True when [span.start, span.end) holds prose outside ``keep`` (another block's words)."""
    outside = [(span.start, min(span.end, keep[0])), (max(span.start, keep[1]), span.end)]
    for block in doc.blocks:
        if block.end <= span.start or block.start >= span.end:
            continue
        anchors = block.anchors
        for k, (t_start, s_start) in enumerate(anchors):
            # Text [t_start, t_end) of the block lies at source [s_start, s_start + length).
            t_end = anchors[k + 1][0] if k + 1 < len(anchors) else len(block.text)
            for low, high in outside:
                a, b = max(low, s_start), min(high, s_start + t_end - t_start)
                if a < b and block.text[t_start + a - s_start : t_start + b - s_start].strip():
                    return True
    return False
