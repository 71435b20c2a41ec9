"""The Document model: what every reader produces and every check reads.

A Document keeps the original source text. Each Block holds the prose of one
paragraph or heading as the checks see it, plus an offset map back into the
source, so every finding can name the exact line and column of the file.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


def _text_index(anchor: tuple[int, int]) -> int:
    return anchor[0]


def _block_start(block: Block) -> int:
    return block.start


@dataclass(frozen=True, slots=True, init=False)
class Block:
    """One paragraph, heading or list item, with a map from its text to source offsets.

    ``anchors`` is a sorted tuple of ``(text_index, source_offset)`` pairs: text
    index ``i`` maps to ``source_offset + (i - text_index)`` of the last anchor at
    or before ``i``. A block cut verbatim from the source needs one anchor,
    ``(0, start)``: such a block holds only its start (``_place``), and gives its
    anchors when asked; the two tuples of its one anchor took 104 bytes a block, 2 MB
    of a 5 MB draft's 19,000 paragraphs.
    """

    text: str
    # the block's start when its one anchor is (0, start), else its anchors
    _place: int | tuple[tuple[int, int], ...] = field(repr=False)
    kind: str

    def __init__(self, text: str, anchors: tuple[tuple[int, int], ...], kind: str = "paragraph") -> None:
        place: int | tuple[tuple[int, int], ...] = anchors
        if len(anchors) == 1 and anchors[0][0] == 0:
            place = anchors[0][1]
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "_place", place)
        object.__setattr__(self, "kind", kind)

    @classmethod
    def verbatim(cls, text: str, start: int, kind: str = "paragraph") -> Block:
        block = object.__new__(cls)
        object.__setattr__(block, "text", text)
        object.__setattr__(block, "_place", start)
        object.__setattr__(block, "kind", kind)
        return block

    @property
    def anchors(self) -> tuple[tuple[int, int], ...]:
        """The block's ``(text_index, source_offset)`` pairs (see the class docstring)."""
        place = self._place
        return ((0, place),) if isinstance(place, int) else place

    @property
    def start(self) -> int:
        place = self._place
        return place if isinstance(place, int) else place[0][1]

    @property
    def end(self) -> int:
        return self.source_offset(len(self.text))

    def source_offset(self, index: int) -> int:
        """Source offset of text index ``index`` (``len(text)`` maps to the block end)."""
        place = self._place
        if isinstance(place, int):
            return place + index
        if len(place) == 1:
            return place[0][1] + index
        # a bisection over the anchors themselves: building the list of keys per call cost
        # a pass over every anchor, for every finding in the block
        pos = bisect.bisect_right(place, index, key=_text_index) - 1
        text_index, offset = place[max(pos, 0)]
        return offset + (index - text_index)

    def __repr__(self) -> str:
        return f"Block(text={self.text!r}, anchors={self.anchors!r}, kind={self.kind!r})"

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield ``(text_index, line)`` for each line of the block."""
        index = 0
        for line in self.text.split("\n"):
            yield index, line
            index += len(line) + 1


@dataclass(frozen=True, slots=True)
class Embed:
    """Non-prose content found inside the body: a script, style, iframe or ad slot."""

    tag: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A problem the reader met in the input itself (encoding, size, front matter)."""

    rule: str
    severity: str
    message: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True, init=False)
class Document:
    """A draft as read from one file or one CMS record.

    ``source`` is the original text. A long plain-text draft that is nothing but its
    blocks joined by blank lines (``Document.joined``) does not hold it a second time
    beside its blocks: ``source`` then joins them at each call, and the engine reads
    pieces of it with ``text_at`` and ``size``. A str holds every character in the
    width of its widest: one emoji made a 5 MB draft's source 19 MB, its blocks
    (each as narrow as its own characters) 8 MB.
    """

    path: str
    format: str
    blocks: tuple[Block, ...]
    title: str | None
    byline: str | None
    date: str | None
    language: str | None
    meta: Mapping[str, Any]
    embeds: tuple[Embed, ...]
    notices: tuple[Notice, ...]
    comments: tuple[tuple[int, int, str], ...]
    # how deep each nested list item sits (2 in a list inside a list item, 3 one deeper),
    # by its block's start; items of a top-level list are not in it
    nesting: Mapping[int, int]
    # the source, or None when it is the blocks joined by blank lines and then ``_tail``
    _text: str | None = field(repr=False)
    _tail: str = field(repr=False)
    _size: int = field(repr=False, compare=False)
    # where each line starts, as an array: a tuple of ints cost 36 bytes a line
    _line_starts: array[int] = field(repr=False, compare=False)

    def __init__(
        self,
        path: str,
        source: str,
        format: str,
        blocks: tuple[Block, ...],
        title: str | None = None,
        byline: str | None = None,
        date: str | None = None,
        language: str | None = None,
        meta: Mapping[str, Any] | None = None,
        embeds: tuple[Embed, ...] = (),
        notices: tuple[Notice, ...] = (),
        comments: tuple[tuple[int, int, str], ...] = (),
        nesting: Mapping[int, int] | None = None,
        *,
        _joined_tail: str | None = None,
    ) -> None:
        fields = {
            "path": path,
            "format": format,
            "blocks": blocks,
            "title": title,
            "byline": byline,
            "date": date,
            "language": language,
            "meta": {} if meta is None else meta,
            "embeds": embeds,
            "notices": notices,
            "comments": comments,
            "nesting": {} if nesting is None else nesting,
        }
        for name, value in fields.items():
            object.__setattr__(self, name, value)
        starts = array("q", [0])
        add = starts.append
        if _joined_tail is None:
            object.__setattr__(self, "_text", source)
            object.__setattr__(self, "_tail", "")
            object.__setattr__(self, "_size", len(source))
            find = source.find
            pos = find("\n")
            while pos != -1:
                add(pos + 1)
                pos = find("\n", pos + 1)
        else:
            object.__setattr__(self, "_text", None)
            object.__setattr__(self, "_tail", _joined_tail)
            at = 0
            for n, block in enumerate(blocks):
                if n:
                    add(at + 1)  # the blank line between two blocks
                    add(at + 2)
                    at += 2
                find = block.text.find
                pos = find("\n")
                while pos != -1:
                    add(at + pos + 1)
                    pos = find("\n", pos + 1)
                at += len(block.text)
            for k in range(len(_joined_tail)):
                add(at + k + 1)
            object.__setattr__(self, "_size", at + len(_joined_tail))
        object.__setattr__(self, "_line_starts", starts)

    @classmethod
    def joined(cls, path: str, format: str, blocks: tuple[Block, ...], tail: str = "", **fields: Any) -> Document:
        """A document whose source is its blocks' texts joined by blank lines, then
        ``tail`` (line feeds): the first block starts the source, each next one two
        characters after the one before, and each holds its source verbatim. The
        source is not held beside the blocks (see the class docstring)."""
        return cls(path, "", format, blocks, **fields, _joined_tail=tail)

    @property
    def source(self) -> str:
        """The original text (joined from the blocks at each call when ``is_joined``)."""
        if self._text is not None:
            return self._text
        return "\n\n".join(b.text for b in self.blocks) + self._tail

    @property
    def is_joined(self) -> bool:
        """Whether the source is the blocks joined (``joined``) rather than held."""
        return self._text is None

    @property
    def source_tail(self) -> str:
        """What follows the last block of a joined document (line feeds); '' otherwise."""
        return self._tail

    @property
    def size(self) -> int:
        """``len(source)``, without joining the blocks."""
        return self._size

    def text_at(self, start: int, end: int) -> str:
        """``source[start:end]`` (both offsets within the source), without joining the blocks."""
        if self._text is not None:
            return self._text[start:end]
        start, end = max(0, start), min(end, self._size)
        if start >= end:
            return ""
        blocks, parts = self.blocks, []
        k = max(bisect.bisect_right(blocks, start, key=_block_start) - 1, 0)
        at = start
        while at < end:
            block = blocks[k]
            begin = block.start
            stop = begin + len(block.text)
            if at < stop:
                parts.append(block.text[at - begin : min(end, stop) - begin])
                at = min(end, stop)
            if at >= end:
                break
            gap = "\n\n" if k + 1 < len(blocks) else self._tail
            parts.append(gap[at - stop : min(end, stop + len(gap)) - stop])
            at = min(end, stop + len(gap))
            k += 1
        return "".join(parts)

    def replaced(self, **changes: Any) -> Document:
        """This document with some of its public fields changed (``dataclasses.replace``,
        which the hand-written constructor does not serve)."""
        names = ("title", "byline", "date", "language", "meta", "embeds", "notices", "comments", "nesting")
        fields = {name: getattr(self, name) for name in names} | changes
        path = fields.pop("path", self.path)
        format, blocks = fields.pop("format", self.format), fields.pop("blocks", self.blocks)
        if self._text is None:
            return Document.joined(path, format, blocks, self._tail, **fields)
        return Document(path, self._text, format, blocks, **fields)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        offset = max(0, min(offset, self._size))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_bounds(self, offset: int) -> tuple[int, int | None]:
        """Where the line holding source offset ``offset`` starts, and where the next line
        starts (None after the last line feed)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        after = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else None
        return self._line_starts[max(line, 0)], after

    def line_text(self, line: int) -> str:
        """The text of a 1-based source line, without its line ending."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else self._size
        return self.text_at(start, end).rstrip("\r")

    @property
    def prose(self) -> str:
        """All block texts joined by blank lines. (Checks read it from their context's facts,
        which work it out once per document.)"""
        return "\n\n".join(b.text for b in self.blocks)
