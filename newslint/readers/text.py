"""Plain-text drafts: blocks are runs of lines separated by blank lines."""

from __future__ import annotations

from newslint import regexcache
from newslint.document import Block, Document, Notice
from newslint.readers.source import unify_newlines

_BLANK = regexcache.compile(r"\n[ \t\r]*\n")


def split_blocks(text: str, offset: int = 0) -> list[Block]:
    """Split ``text`` into verbatim blocks at blank lines (CRLF-safe)."""
    blocks = []
    start = 0
    for m in _BLANK.finditer(text):
        blocks.extend(_block(text, start, m.start(), offset))
        start = m.end()
    blocks.extend(_block(text, start, len(text), offset))
    return blocks


def _block(text: str, start: int, end: int, offset: int) -> list[Block]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    lead = len(chunk) - len(chunk.lstrip())
    body = stripped.replace("\r\n", "\n")
    if "\r" in stripped:
        # Keep offsets exact: map each line of a CRLF block separately.
        return [_crlf_block(stripped, start + lead + offset)]
    return [Block.verbatim(body, start + lead + offset)]


def _crlf_block(raw: str, start: int) -> Block:
    anchors = []
    parts = []
    text_index = 0
    source = start
    for line in raw.split("\r\n"):
        anchors.append((text_index, source))
        parts.append(line)
        text_index += len(line) + 1
        source += len(line) + 2
    return Block("\n".join(parts), tuple(anchors))


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    source = unify_newlines(source)
    blocks = split_blocks(source)
    title = None
    if blocks and _looks_like_title(blocks[0].text):
        title = blocks[0].text
        blocks[0] = Block(title, blocks[0].anchors, "title")
    return Document(path=path, source=source, format="text", blocks=tuple(blocks), title=title, notices=notices)


def _looks_like_title(text: str) -> bool:
    """A first block of one short line that does not end like a sentence."""
    return "\n" not in text and len(text.split()) <= 30 and not text.rstrip().endswith(".")
