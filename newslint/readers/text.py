"""Plain-text drafts: blocks are runs of lines separated by blank lines."""

from __future__ import annotations

from newslint import regexcache
from newslint.document import Block, Document, Notice
from newslint.readers import source as input_policy
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


# A file this large is read a piece at a time, when it is one plain text in paragraphs
# (``read_joined``); the decoded pieces are each cut at a blank line.
JOINED_MIN_BYTES = 1 << 18
PIECE_BYTES = 1 << 16
_MAX_TAIL = 4  # line feeds after the last paragraph (as ``facts`` allows its shared prose)


def read_joined(data: bytes, path: str, max_bytes: int = input_policy.MAX_BYTES) -> Document | None:
    """A long plain-text draft read without holding its whole text, or None when it is not
    the common shape this needs (then it is read as usual, ``read``).

    The shape: valid UTF-8 without a byte-order mark or carriage returns, paragraphs one
    blank line apart from the first character, at most a few line feeds after the last:
    its source is then its blocks joined (``Document.joined``). The whole text, four
    bytes a character with one emoji in it, is never decoded at once: each piece (cut
    after the first line feed of a blank line, so that a piece holds whole UTF-8
    sequences and whole paragraphs) is decoded and split on its own. The blocks and
    the document are those ``read`` gives for the decoded file."""
    if (
        len(data) > max_bytes
        or b"\r" in data
        or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        or input_policy.binary_reason(data)
        or data.count(b"\n") > input_policy.MAX_LINES  # refused by the usual reading
    ):
        return None
    blocks: list[Block] = []
    offset = at = 0
    while at < len(data):
        cut = data.find(b"\n\n", at + PIECE_BYTES)
        cut = len(data) if cut == -1 else cut + 1
        try:
            piece = data[at:cut].decode("utf-8")
        except UnicodeDecodeError:
            return None  # the usual reading says what is wrong with it
        blocks.extend(split_blocks(piece, offset))
        offset += len(piece)
        at = cut
    tail = _joined_tail(blocks, offset)
    if tail is None or not data.endswith(tail.encode()):
        return None
    title = None
    if _looks_like_title(blocks[0].text):
        title = blocks[0].text
        blocks[0] = Block(title, blocks[0].anchors, "title")
    return Document.joined(path, "text", tuple(blocks), tail, title=title)


def _joined_tail(blocks: list[Block], size: int) -> str | None:
    """The line feeds after the last block when the blocks, joined by blank lines, are the
    whole source of ``size`` characters; else None. (Two characters between two blocks
    are a blank line: blocks are split at blank lines, and hold no space at their ends.)"""
    if not blocks or blocks[0].start != 0:
        return None
    end = 0
    for n, block in enumerate(blocks):
        if len(block.anchors) != 1 or (n and block.start != end + 2):
            return None
        end = block.start + len(block.text)
    if size - end > _MAX_TAIL:
        return None
    return "\n" * (size - end)  # if that is what follows the last block: the caller checks


def _looks_like_title(text: str) -> bool:
    """A first block of one short line that does not end like a sentence."""
    return "\n" not in text and len(text.split()) <= 30 and not text.rstrip().endswith(".")
