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


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or list item, with a map from its text to source offsets.

    ``anchors`` is a sorted tuple of ``(text_index, source_offset)`` pairs: text
    index ``i`` maps to ``source_offset + (i - text_index)`` of the last anchor at
    or before ``i``. A block cut verbatim from the source needs one anchor.
    """

    text: str
    anchors: tuple[tuple[int, int], ...]
    kind: str = "paragraph"

    @classmethod
    def verbatim(cls, text: str, start: int, kind: str = "paragraph") -> Block:
        return cls(text, ((0, start),), kind)

    @property
    def start(self) -> int:
        return self.anchors[0][1]

    @property
    def end(self) -> int:
        return self.source_offset(len(self.text))

    def source_offset(self, index: int) -> int:
        """Source offset of text index ``index`` (``len(text)`` maps to the block end)."""
        if len(self.anchors) == 1:
            return self.anchors[0][1] + index
        # a bisection over the anchors themselves: building the list of keys per call cost
        # a pass over every anchor, for every finding in the block
        pos = bisect.bisect_right(self.anchors, index, key=_text_index) - 1
        text_index, offset = self.anchors[max(pos, 0)]
        return offset + (index - text_index)

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


@dataclass(frozen=True, slots=True)
class Document:
    """A draft as read from one file or one CMS record."""

    path: str
    source: str
    format: str
    blocks: tuple[Block, ...]
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    embeds: tuple[Embed, ...] = ()
    notices: tuple[Notice, ...] = ()
    comments: tuple[tuple[int, int, str], ...] = ()
    # where each line starts, as an array: a tuple of ints cost 36 bytes a line
    _line_starts: array[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = array("q", [0])
        add, find = starts.append, self.source.find
        pos = find("\n")
        while pos != -1:
            add(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based source line, without its line ending."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    @property
    def prose(self) -> str:
        """All block texts joined by blank lines. (Checks read it from their context's facts,
        which work it out once per document.)"""
        return "\n\n".join(b.text for b in self.blocks)
