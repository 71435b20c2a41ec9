"""Markdown drafts with YAML front matter, parsed with markdown-it-py.

Front matter gives title, byline, date and language. Paragraphs, headings,
list items and block quotes become blocks (their line markers stripped, with
offsets kept exact); fenced and indented code is not prose; HTML blocks stay
as blocks so stray tags get reported, except comments (kept for suppression
directives) and script/style/iframe/ins (reported as embeds).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from newslint import regexcache, rx
from newslint.document import Block, Document, Embed, Notice
from newslint.readers import frontmatter
from newslint.readers.source import hidden_text, reads_as_prose, unify_newlines

_LINE_MARKER = regexcache.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_CONTINUATION = regexcache.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
_HEADING = regexcache.compile(r"^[ \t]{0,3}#{1,6}[ \t]*")
_COMMENT = regexcache.compile(r"<!--(.*?)-->", rx.S)
# An HTML block opened by a comment, <script> or <style> that never closes runs to the end of the draft.
_UNCLOSED = regexcache.compile(r"<!--|<(script|style)\b[^>]*>", rx.I)
_EMBED = regexcache.compile(
    r"<(script|style|iframe|ins|noscript)\b[^>]*>.*?</\1\s*>|<(iframe|ins)\b[^>]*/?>", rx.S | rx.I
)


# Levels of block quotes and lists (a list and its item are two) markdown-it reads: it
# skips what lies deeper, silently. CommonMark's preset stops at 20, ten levels of a list;
# past this many levels the draft is reported (input/too-deep), never passed unread.
MAX_NESTING = 60
_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Only block structure matters here: inline parsing would cost a third of the read.
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).disable(["inline", "text_join"])


def warm() -> None:
    """Import and build the Markdown parser now (before worker processes fork, say)."""
    _parser()


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    source = unify_newlines(source)
    fm = frontmatter.split(source)
    body = source[fm.body_start :]
    starts = _line_starts(body)
    blocks: list[Block] = []
    embeds: list[Embed] = []
    comments: list[tuple[int, int, str]] = []
    hidden: list[Notice] = []
    kind_stack: list[str] = []
    nesting: dict[int, int] = {}  # a nested list item's start: its depth
    simple = _simple_blocks(body)
    if simple is not None:
        # Prose, headings and flat lists (no nested item: ``nesting`` stays empty): the blocks
        # markdown-it would give, without importing it (most of what a Markdown draft's
        # one-file run cost more) or its per-line work.
        for span, kind in simple:
            block = _block(body, starts, span, kind, fm.body_start)
            if block is not None:
                blocks.append(block)
    for token in _parser().parse(body) if simple is None else ():
        if (
            token.type in _CONTAINERS
            and token.level >= MAX_NESTING - 1
            and not any(n.rule == "input/too-deep" for n in hidden)
        ):
            hidden.append(_too_deep(body, starts, token.map, fm.body_start))
        if token.type in ("blockquote_open", "list_item_open"):
            kind_stack.append("quote" if token.type == "blockquote_open" else "list-item")
        elif token.type in ("blockquote_close", "list_item_close"):
            kind_stack.pop()
        elif token.type in ("paragraph_open", "heading_open") and token.map:
            kind = "heading" if token.type == "heading_open" else (kind_stack[-1] if kind_stack else "paragraph")
            block = _block(body, starts, token.map, kind, fm.body_start)
            if block is not None:
                blocks.append(block)
                depth = kind_stack.count("list-item") if kind == "list-item" else 0
                if depth > 1:
                    nesting[block.start] = depth
        elif token.type == "fence" and token.map:
            notice = _unclosed_fence(body, starts, token.map, token.markup, fm.body_start)
            if notice is not None:
                hidden.append(notice)
        elif token.type == "code_block" and token.map:
            prose = _indented_prose(body, starts, token.map, fm.body_start)
            if prose:
                blocks.extend(prose)
                hidden.append(_indented_notice(prose[0].start))
        elif token.type == "html_block" and token.map:
            _html_block(body, starts, token.map, fm.body_start, blocks, embeds, comments, hidden)
    data = fm.data
    return Document(
        path=path,
        source=source,
        format="markdown",
        blocks=tuple(blocks),
        title=frontmatter.pick(data, ("title", "headline")),
        byline=frontmatter.pick(data, frontmatter.BYLINE_KEYS),
        date=frontmatter.pick(data, frontmatter.DATE_KEYS),
        language=frontmatter.language_code(frontmatter.pick(data, frontmatter.LANG_KEYS)),
        meta=dict(data),
        embeds=tuple(embeds),
        notices=notices + fm.notices + tuple(hidden) + _no_body(fm.body_start, body, notices),
        comments=tuple(comments),
        nesting=nesting,
    )


def _too_deep(body: str, starts: list[int], line_map: list[int] | None, offset: int) -> Notice:
    """Block quotes or lists nested past MAX_NESTING levels, whose text markdown-it skips."""
    at = offset + (starts[line_map[0]] if line_map and line_map[0] < len(starts) else 0)
    return Notice(
        "input/too-deep",
        "error",
        f"Markdown not fully linted: block quotes or lists nest over {MAX_NESTING} levels deep here "
        "(a list and its item are two), and the text inside them was not read; no article nests so deep",
        at,
        at,
    )


def _no_body(body_start: int, body: str, notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
    """A draft of front matter alone, its body empty, is as empty as an empty file."""
    if body_start == 0 or (body and not body.isspace()) or any(n.rule == "input/empty" for n in notices):
        return ()
    return (Notice("input/empty", "warning", "file holds front matter but no article text"),)


# A body whose lines are all prose, ATX headings, thematic breaks of '*' or '_' and
# list items of one line of prose each (lazy continuation lines allowed) at the
# margin has CommonMark blocks this reader cuts itself. Anything else (indentation,
# quotes, fences, HTML, setext underlines, dashed breaks, link reference definitions,
# nested or empty items, a tab after a marker) goes to markdown-it.
_TEXT, _HEADING_LINE, _BREAK = "text", "heading", "break"
# First characters after which a line may be more than prose; digits are checked apart.
_SPECIAL_FIRST = frozenset(" \t><`~#[-*+_=")


@functools.lru_cache(maxsize=1)
def _syntax() -> tuple[re.Pattern[str], ...]:
    """The regexes of the lines that open with a special character, compiled when a draft
    first has one (a draft of prose has none: a one-file run does without them): an ATX
    heading's marks, a setext underline, a thematic break, a list item whose text starts
    after one to four spaces (group 1 an ordered item's number), and any list marker
    (markdown-it's, and longer numbers, left to it to be safe)."""
    return (
        re.compile(r"#{1,6}(?:[ \t]|$)"),
        re.compile(r"(?:=+|-+)[ \t]*$"),
        re.compile(r"([*_-])(?:[ \t]*\1){2,}[ \t]*$"),
        re.compile(r"(?:[-*+]|([0-9]{1,9})[.)]) {1,4}(?=[^ \t])"),
        re.compile(r"(?:[-*+]|[0-9]+[.)])(?:[ \t]|$)"),
    )


# A "[" line is a paragraph when its first bracket closes on the line, with no
# escape inside, and no ":" follows ("[Gambas:Video 20detik]"); else it may be a
# link reference definition.
_BRACKETED_TEXT = re.compile(r"\[[^\[\]\\]*\](?!:)")


def _line_kind(line: str) -> str | tuple[int, int] | None:
    """What a non-blank line at the margin is: _TEXT, _HEADING_LINE, _BREAK, a list
    item's (number, or -1 for a bullet; where its text starts), or None for syntax
    this reader leaves to markdown-it."""
    first = line[0]
    if first not in _SPECIAL_FIRST and not ("0" <= first <= "9"):
        return _TEXT
    if first in " \t><":
        return None
    if first in "`~":
        return None if line.startswith(("```", "~~~")) else _TEXT
    if first == "[":
        return _TEXT if _BRACKETED_TEXT.match(line) else None
    atx, underline, thematic_break, list_item, any_marker = _syntax()
    if first == "#":
        return _HEADING_LINE if atx.match(line) else _TEXT
    if underline.match(line):
        return None
    if thematic_break.match(line):
        return None if first == "-" else _BREAK  # a dashed one may underline a heading
    item = list_item.match(line)
    if item is None:
        return None if any_marker.match(line) else _TEXT
    if _line_kind(line[item.end() :]) is not _TEXT:
        return None  # a nested block: a heading, a list, a quote... in the item
    return (int(item.group(1)) if item.group(1) else -1), item.end()


def _simple_blocks(body: str) -> list[tuple[list[int], str]] | None:
    """Line spans and kinds of the blocks of a simple body (see above), else None.

    markdown-it's import and block parse cost about as much as all the checks of a
    short draft together; on such a body they would only say what this says:
    a heading is its line; a list item's paragraph is its line and the prose lines
    after it (lazy continuation); a paragraph runs to a blank line, a heading, a
    break or a list item, though an ordered item numbered other than 1 cannot
    interrupt it (it is one of its lines).
    """
    if "\r" in body and body.count("\r") != body.count("\r\n"):
        return None  # a lone carriage return is a line break to markdown-it (read() makes it one)
    found: list[tuple[list[int], str]] = []
    first, kind = -1, "paragraph"
    for n, line in enumerate(body.split("\n")):
        line = line.rstrip("\r")
        if not line.strip(" \t"):
            if first >= 0:
                found.append(([first, n], kind))
                first = -1
            continue
        what = _line_kind(line)
        if what is None:
            return None
        if first >= 0:
            if what is _TEXT or (kind == "paragraph" and isinstance(what, tuple) and what[0] not in (-1, 1)):
                continue
            found.append(([first, n], kind))
            first = -1
        if what is _TEXT:
            first, kind = n, "paragraph"
        elif what is _HEADING_LINE:
            found.append(([n, n + 1], "heading"))
        elif what is not _BREAK:
            first, kind = n, "list-item"
    if first >= 0:
        found.append(([first, body.count("\n") + 1], kind))
    return found


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    starts.append(len(text) + 1)
    return starts


def _block(
    body: str, starts: list[int], span: list[int], kind: str, offset: int, indent: rx.Pattern[str] | None = None
) -> Block | None:
    """The block of lines ``span``, without their markers (or, given ``indent``, what it matches)."""
    first, last = span
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    for n in range(first, last):
        line = body[starts[n] : starts[n + 1] - 1].rstrip("\r")
        if kind == "heading":
            if n > first:
                break  # setext underline
            marker = _HEADING.match(line)
            line = line.rstrip().rstrip("#")
        else:
            marker = (indent or (_LINE_MARKER if n == first else _CONTINUATION)).match(line)
        cut = marker.end() if marker else 0
        content = line[cut:].rstrip()
        if not content:
            continue
        if parts:
            length += 1
        anchors.append((length, offset + starts[n] + cut))
        parts.append(content)
        length += len(content)
    if not parts:
        return None
    return Block("\n".join(parts), tuple(anchors), kind)


# A sentence of prose: a capital first, an end mark last, no code punctuation between.
_BLANK_LINE = regexcache.compile(r"\n[ \t]*\n")
_PROSE_LINE = regexcache.compile(r"^[ \t]*\p{Lu}[^;{}=<>\n]*[.!?\"\u201d\u00bb\u2019][ \t]*$", rx.M)


INDENTED_PROSE = "input/indented-prose"
_INDENT = regexcache.compile(r"^[ \t]*")


def _indented_prose(body: str, starts: list[int], span: list[int], offset: int) -> list[Block]:
    """The paragraphs of an indented code block that is prose indented by mistake (a tab or four
    spaces before each paragraph, as a word processor or an e-mail leaves them), read as prose.

    Markdown shows such a block as code; it is prose when ``reads_as_prose`` says so. No block
    when it is code."""
    first, last = span
    lines = [body[starts[n] : starts[n + 1] - 1].rstrip("\r") for n in range(first, last)]
    if not reads_as_prose("\n".join(lines)):
        return []
    blocks: list[Block] = []
    chunk_start = None
    for n in range(first, last + 1):
        blank = n == last or not lines[n - first].strip()
        if not blank and chunk_start is None:
            chunk_start = n
        elif blank and chunk_start is not None:
            block = _block(body, starts, [chunk_start, n], "paragraph", offset, _INDENT)
            if block is not None:
                blocks.append(block)
            chunk_start = None
    return blocks


def _indented_notice(at: int) -> Notice:
    return Notice(
        INDENTED_PROSE,
        "error",
        "prose indented by four spaces or a tab: Markdown shows it as a block of code, not as the "
        "article's text; remove the indent (newslint linted it as prose)",
        at,
        at,
    )


def _unclosed_fence(body: str, starts: list[int], span: list[int], markup: str, offset: int) -> Notice | None:
    """A code fence never closed turns the rest of the draft into code: reported when prose follows."""
    first, end = span
    last = body[starts[end - 1] : starts[end] - 1 if end < len(starts) else len(body)].strip()
    if end - 1 > first and len(last) >= len(markup) and set(last) == {markup[0]}:
        return None  # closed
    opener = starts[first]
    content = body[starts[first + 1] :] if first + 1 < len(starts) else ""
    gap = _BLANK_LINE.search(content)
    if gap is None or not any(len(m.group(0).split()) >= 5 for m in _PROSE_LINE.finditer(content, gap.end())):
        return None  # code to the end, as a fence closed at the end would show it
    line_end = body.find("\n", opener)
    return hidden_text(
        "a code fence",
        f"'{markup}'",
        offset + opener,
        offset + (line_end if line_end != -1 else len(body)),
        content,
    )


def _left_open(raw: str) -> tuple[int, int, str] | None:
    """(start, end of the opener, closer) of a comment, script or style the block never closes."""
    pos = 0
    while True:
        m = _UNCLOSED.search(raw, pos)
        if m is None:
            return None
        closer = "-->" if m.group(1) is None else f"</{m.group(1).lower()}>"
        if closer == "-->":
            close = raw.find("-->", m.end())
            close_end = close + 3
        else:
            found = regexcache.compile(rf"</{m.group(1)}\s*>", rx.I).search(raw, m.end())
            close, close_end = (found.start(), found.end()) if found else (-1, -1)
        if close < 0:
            return m.start(), m.end(), closer
        pos = close_end


def _html_block(
    body: str,
    starts: list[int],
    span: list[int],
    offset: int,
    blocks: list[Block],
    embeds: list[Embed],
    comments: list[tuple[int, int, str]],
    hidden: list[Notice],
) -> None:
    start, end = starts[span[0]], min(starts[span[1]] - 1, len(body))
    raw = body[start:end]
    taken: list[tuple[int, int]] = []
    if end >= len(body.rstrip()):
        left_open = _left_open(raw)
        if left_open is not None:
            at, tag_end, closer = left_open
            what = "an HTML comment" if closer == "-->" else f"a <{closer[2:-1]}> element"
            notice = hidden_text(what, f"'{closer}'", offset + start + at, offset + start + tag_end, raw[tag_end:])
            if notice is not None:
                hidden.append(notice)
                raw = raw[:at]  # the rest is no block of the draft: readers never see it
    for m in _COMMENT.finditer(raw):
        comments.append((offset + start + m.start(), offset + start + m.end(), m.group(1).strip()))
        taken.append(m.span())
    for m in _EMBED.finditer(raw):
        embeds.append(
            Embed((m.group(1) or m.group(2)).lower(), offset + start + m.start(), offset + start + m.end(), m.group(0))
        )
        taken.append(m.span())
    rest = raw
    for a, b in taken:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        blocks.append(Block.verbatim(rest.strip(), offset + start + lead, "html"))
