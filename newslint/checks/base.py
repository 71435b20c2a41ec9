"""What check kinds share: the Hit they yield and the context they run in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.document import Block, Document

if TYPE_CHECKING:
    from newslint.rules import Rule


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a rule: a source span and values for the message template."""

    start: int
    end: int
    data: Mapping[str, Any] = field(default_factory=dict)
    block: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know beyond the document: its resolved language."""

    language: str | None
    detect: Any = None  # callable(text) -> (lang, prob); injected by the engine
    allowed_languages: frozenset[str] = frozenset()


def block_hit(block: Block, index: int, start: int, end: int, **data: Any) -> Hit:
    """A hit on text indices [start, end) of a block."""
    return Hit(block.source_offset(start), block.source_offset(end), data, index)


def iter_lines(doc: Document) -> Iterator[tuple[int, Block, int, str]]:
    """Yield ``(block_index, block, text_index, line)`` for every line of prose."""
    for b_index, block in enumerate(doc.blocks):
        for t_index, line in block.lines():
            yield b_index, block, t_index, line


class CheckTimeout(Exception):
    """A rule's matching ran past its time limit on one document."""


def normalize_line(line: str) -> str:
    """Lower-case a short line and strip bullets, arrows and closing punctuation."""
    return " ".join(line.strip().strip("-*•·»›>|:.!…").strip().casefold().split())
