"""HTML drafts: block elements become blocks, with exact source offsets.

Parsed with html5lib, the WHATWG HTML5 parsing algorithm itself, so a page
reads as a browser reads it: optional end tags (``</head>``, ``</p>``,
``</li>``) may be left out, misnested and unclosed tags are repaired, text in
a table's wrong place is moved out of it. Every token the parser reads is tied
to its span in the source (``_Tokenizer``), and every node of the tree to the
spans it came from (``_TreeBuilder``), so each piece of text keeps its line
and column. Whitespace is collapsed as a browser would.

``<script>``, ``<style>``, ``<iframe>``, ``<noscript>``, ``<object>``,
``<embed>`` and ad-network ``<ins>`` slots (``class="adsbygoogle"``,
``data-ad-*`` attributes) inside the body are not prose: they become embeds,
which the ``markup`` check reports. HTML's own ``<ins>`` (an inserted-text
edit mark) is ordinary text. ``<pre>``, ``<code>`` and their kin are code
blocks, not prose. Title, author, date and language come from
``<title>``/``<h1>``, ``<meta>`` tags, ``<time datetime>`` and ``<html lang>``.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import regex

from newslint import regexcache
from newslint.document import Block, Document, Embed, Notice
from newslint.errors import TooManyAttributes
from newslint.readers import frontmatter
from newslint.readers.source import hidden_text, reads_as_prose, unify_newlines

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "center",
        "details",
        "summary",
        "option",
        "legend",
        "fieldset",
    ]
)
EMBED_TAGS = frozenset({"script", "style", "iframe", "noscript", "object", "embed"})
CODE_TAGS = frozenset({"pre", "code", "kbd", "samp", "xmp", "listing", "plaintext"})
# Never prose and never reported: not shown, or not text at all.
HIDDEN_TAGS = frozenset({"template", "title", "head"})
# Elements whose content up to their own end tag is no prose: left open, they swallow the rest
# (a <textarea> left open shows the rest as text, which the checks still read; a <template>'s
# content is never shown).
_SWALLOWING = frozenset({"script", "style", "title", "xmp", "iframe", "noembed", "noframes", "template"})
_COMMENT_ENDS = ("-->", "--!>")
# A drawing is set apart from the text around it: the words of an inline SVG (its labels) are a
# block of their own, not glued to the paragraph's; an icon without words stays inline, and so does
# a formula unless it is displayed as a block (<math display="block">).
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PIECES = regexcache.compile(r"\S+(?: \S+)*|\s+")  # words and single spaces stay one piece
_AD_MARKER = regexcache.compile(
    r"adsbygoogle|\bad-?(?:slot|unit|container|zone)\b|\badsense\b|\bgpt-ad\b|"
    r"\bdfp\b|\bmgid\b|\btaboola\b|\boutbrain\b",
    regex.I,
)
META_BYLINE = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
META_DATE = (
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "parsely-pub-date",
    "og:published_time",
    "sailthru.date",
)
# The tree-building algorithm looks down the stack of open elements at most
# tags, so its work grows with the nesting depth at each tag: a page nested
# deeper than any article, or whose tags add up to more such work, is refused.
MAX_DEPTH = 1_000
MAX_DEPTH_WORK = 5_000_000
# Tags and character references the HTML5 algorithm (pure Python) reads at about 70 us each,
# holding a node or a token for each: a full 560 KB web page has 20,000.
MAX_MARKUP = 250_000
_NOT_NESTING = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
        "keygen",
        "frame",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rp",
        "html",
        "head",
        "body",
    }
)
_TAGS = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b.*?"
    r"(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>",
    re.S | re.I,
)


def is_ad_slot(attributes: dict[Any, str]) -> bool:
    """An ``<ins>`` that an ad network fills, not HTML's inserted-text mark."""
    for name, value in attributes.items():
        key = name if isinstance(name, str) else name[1]
        if key.startswith(("data-ad", "data-revive", "data-zone")):
            return True
        if key in ("class", "id") and _AD_MARKER.search(value or ""):
            return True
    return False


# --- from the tree to blocks -----------------------------------------------------------------


class _Collector:
    """Walks the tree in document order, gathering blocks, embeds, comments and metadata."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.embeds: list[Embed] = []
        self.comments: list[tuple[int, int, str]] = []
        self.notices: list[Notice] = []  # text an unclosed comment or element hides
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.lang: str | None = None
        self.time: str | None = None
        self.in_head = 0
        self.prose = _Accumulator(self.blocks, len(source))
        self.code = _Accumulator(self.blocks, len(source), collapse=False)

    def walk(self, root: Any) -> None:
        # Iterative: a page may nest thousands of elements deep.
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.leave(node)
                continue
            if not self.enter(node):
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.childNodes))

    def enter(self, node: Any) -> bool:
        """Handle a node on the way in; True when its children should be walked."""
        if node.kind == "text":
            self.text(node)
            return False
        if node.kind == "comment":
            self.comments.append((node.start, node.end, str(node.value).strip()))
            self.unclosed_comment(node)
            return False
        if node.kind != "element":
            return True  # the document, a doctype
        return self.element(node)

    def unclosed_comment(self, node: Any) -> None:
        raw = self.source[node.start : node.end]
        if node.end < len(self.source.rstrip()) or not raw.startswith("<!--") or raw.endswith(_COMMENT_ENDS):
            return
        if raw in ("<!-->", "<!--->"):
            return
        notice = hidden_text("an HTML comment", "'-->'", node.start, node.start + 4, raw[4:])
        if notice is not None:
            self.notices.append(notice)

    def unclosed_element(self, node: Any, name: str) -> None:
        """An element that hides its content, with no end tag anywhere after it, runs to the end of the page."""
        if node.end < len(self.source.rstrip()):
            return
        tag_end = self.source.find(">", node.start) + 1
        if tag_end <= 0 or regex.search(rf"</{name}(?![\w-])", self.source, regex.I, pos=tag_end):
            return
        notice = hidden_text(f"a <{name}> element", f"'</{name}>'", node.start, tag_end, self.source[tag_end:])
        if notice is not None:
            self.notices.append(notice)

    def plaintext(self, node: Any) -> None:
        """``<plaintext>`` has no end tag: the rest of the page, markup and all, is shown as raw text."""
        tag_end = self.source.find(">", node.start) + 1
        notice = hidden_text(
            "a <plaintext> element",
            "",
            node.start,
            tag_end,
            self.source[tag_end:],
            remedy="nothing closes it, so remove the <plaintext> tag",
        )
        if notice is not None:
            self.notices.append(notice)

    def element(self, node: Any) -> bool:
        name, attrs = node.name, {k if isinstance(k, str) else k[1]: v for k, v in node.attributes.items()}
        if name in _SWALLOWING:
            self.unclosed_element(node, name)
        elif name == "plaintext":
            self.plaintext(node)
        if name == "html" and attrs.get("lang") and self.lang is None:
            self.lang = attrs["lang"]
        elif name == "meta":
            key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").casefold()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"])
        elif name == "time" and attrs.get("datetime"):
            self.time = self.time or attrs["datetime"]
        elif name == "title":
            if self.title is None:
                self.title = "".join(p[0] for c in node.childNodes if c.kind == "text" for p in c.pieces)
            return False
        if name == "head":
            self.in_head += 1  # its meta tags count; its scripts and styles are not embeds
            return True
        if name in HIDDEN_TAGS or self.in_head:
            return False
        if name in EMBED_TAGS or name == "ins" and is_ad_slot(node.attributes):
            end = max(node.end, node.start)
            self.embeds.append(Embed(name, node.start, end, self.source[node.start : end]))
            return False
        if name in CODE_TAGS:
            self.code.depth += 1
            if self.code.depth == 1:
                self.code.kind = "code"
        elif name in BLOCK_TAGS or _drawn_apart(node):
            self.prose.flush()
            if name == "li":
                self.prose.items += 1
            self.prose.kind = (
                "heading"
                if name in HEADINGS
                else ("quote" if name == "blockquote" else "list-item" if name == "li" else "paragraph")
            )
        elif name == "br":
            (self.code if self.code.depth else self.prose).add("\n", node.start)
        return True

    def leave(self, node: Any) -> None:
        if node.kind != "element":
            return
        if node.name == "head":
            self.in_head -= 1
        elif node.name in CODE_TAGS and self.code.depth:
            self.code.depth -= 1
            if not self.code.depth:
                count = len(self.blocks)
                self.code.flush()
                if node.name == "pre" and len(self.blocks) > count and not _holds(node, CODE_TAGS - {"pre"}):
                    block = self.blocks[-1]
                    if reads_as_prose(block.text):
                        self.blocks[-1:] = _paragraphs(block)
        elif node.name in BLOCK_TAGS or _drawn_apart(node):
            self.prose.flush()
            if node.name == "li" and self.prose.items:
                self.prose.items -= 1
            self.prose.kind = "paragraph"

    def text(self, node: Any) -> None:
        if self.in_head:
            return
        target = self.code if self.code.depth else self.prose
        for data, start, end in node.pieces:
            if end - start != len(data) and not _same_text(self.source[start:end], data):
                # A character reference (or a piece the parser rewrote): one unit at its place.
                target.add(" " if data.isspace() else data, start)
                continue
            crlf = _crlf_indexes(self.source, start, end)
            for m in _PIECES.finditer(data):
                at = start + m.start() + bisect.bisect_left(crlf, m.start())
                target.add(m.group(0), at)


def _holds(node: Any, names: frozenset[str]) -> bool:
    """Whether an element named in ``names`` is under ``node``."""
    stack = list(node.childNodes)
    while stack:
        current = stack.pop()
        if current.kind == "element":
            if current.name in names:
                return True
            stack.extend(current.childNodes)
    return False


# A run of lines with words on them: a paragraph of preformatted text.
_FILLED_LINES = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def _paragraphs(block: Block) -> list[Block]:
    """A ``<pre>`` holding prose (wire copy pasted as it came): its paragraphs, read as prose."""
    out: list[Block] = []
    for m in _FILLED_LINES.finditer(block.text):
        start, end = m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()
        anchors = [(i - start, off) for i, off in block.anchors if start <= i < end]
        if not anchors or anchors[0][0] != 0:
            anchors.insert(0, (0, block.source_offset(start)))
        out.append(Block(block.text[start:end].rstrip(), tuple(anchors), "paragraph"))
    return out


def _drawn_apart(node: Any) -> bool:
    if node.name == "math":
        if (node.attributes.get("display") or "").strip().lower() != "block":
            return False
    elif node.name != "svg":
        return False
    return _has_words(node)


def _has_words(node: Any) -> bool:
    """Whether any text under ``node`` is more than white space."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.kind == "text":
            if any(not data.isspace() for data, _, _ in current.pieces):
                return True
        else:
            stack.extend(current.childNodes)
    return False


def _same_text(raw: str, data: str) -> bool:
    return raw.replace("\r\n", "\n") == data


def _crlf_indexes(source: str, start: int, end: int) -> list[int]:
    """Text indexes (after CRLF became LF) of the line feeds that were CRLF in source[start:end]."""
    if "\r" not in source[start:end]:
        return []
    found, shift, pos = [], 0, source.find("\r\n", start, end)
    while pos != -1:
        found.append(pos - start - shift)
        shift += 1
        pos = source.find("\r\n", pos + 2, end)
    return found


def _within(anchors: list[tuple[int, int]], length: int, size: int) -> tuple[tuple[int, int], ...]:
    """The anchors, with any run of text that would map past the source's end pinned inside it.

    Only text the parser could not tie to its own tokens can do that; its
    characters then point at the last place the source has.
    """
    kept: list[tuple[int, int]] = []
    for k, (index, offset) in enumerate(anchors):
        stop = anchors[k + 1][0] if k + 1 < len(anchors) else length
        if offset + (stop - index) <= size:
            kept.append((index, offset))
            continue
        last = max(size - 1, 0)
        kept.extend((i, min(offset + i - index, last)) for i in range(index, stop))
    return tuple(kept)


class _Accumulator:
    """The text of the block being built, with its anchors back into the source."""

    def __init__(self, blocks: list[Block], size: int, collapse: bool = True) -> None:
        self.blocks = blocks
        self.size = size
        self.collapse = collapse
        self.kind = "paragraph"
        self.depth = 0
        self.items = 0  # list items open around the text
        self.nesting: dict[int, int] = {}
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0

    def add(self, text: str, source_offset: int) -> None:
        if self.collapse:
            if text.isspace() and text != "\n":
                if not self.parts or self.parts[-1].endswith((" ", "\n")):
                    return
                text = " "
            if text == "\n" and self.parts and self.parts[-1] == " ":
                self.parts.pop()
                self.anchors.pop()
                self.length -= 1
        self.anchors.append((self.length, source_offset))
        self.parts.append(text)
        self.length += len(text)

    def flush(self) -> None:
        text = "".join(self.parts)
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            # Anchors of the white space cut from either end point past the text: dropped.
            anchors = [(i - lead, off) for i, off in self.anchors if lead <= i <= lead + len(stripped)]
            keys = [i for i, _ in self.anchors]
            if not anchors or anchors[0][0] != 0:
                pos = bisect.bisect_right(keys, lead) - 1
                i, off = self.anchors[max(pos, 0)]
                anchors.insert(0, (0, off + lead - i))
            if self.collapse:
                lines = "\n".join(line.strip() for line in stripped.split("\n"))
                stripped = lines if len(lines) == len(stripped) else stripped
            block = Block(stripped, _within(anchors, len(stripped), self.size), self.kind)
            if self.kind == "list-item" and self.items > 1:
                self.nesting[block.start] = self.items
            self.blocks.append(block)
        self.parts, self.anchors, self.length = [], [], 0


def markup_problem(source: str) -> Notice | None:
    """Why the page cannot be parsed in bounded time and memory, or None (a linear scan of its tags)."""
    depth = deepest = work = tags = 0
    for m in _TAGS.finditer(source):
        tags += 1
        name = m.group(3)
        if name is None or m.group(4) or name.casefold() in _NOT_NESTING:
            continue
        depth = depth - 1 if m.group(2) else depth + 1
        depth = max(depth, 0)
        deepest = max(deepest, depth)
        work += depth
    if deepest > MAX_DEPTH or work > MAX_DEPTH_WORK:
        how = (
            f"elements nest {deepest:,} deep (more than {MAX_DEPTH:,})"
            if deepest > MAX_DEPTH
            else "its elements nest too deep too often"
        )
        return Notice("input/too-deep", "error", f"HTML not linted: {how}; no article nests so deep")
    # A "<" that opens no tag costs the parser a token all the same (5 MB of them took 95 s).
    markup = max(tags, source.count("<")) + source.count("&")
    if markup > MAX_MARKUP:
        return Notice(
            "input/too-large",
            "error",
            f"HTML not linted: it holds {markup:,} tags, other '<' and character references "
            f"(more than {MAX_MARKUP:,}); no article is so much markup",
        )
    return None


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    source = unify_newlines(source)
    problem = markup_problem(source)
    if problem is not None:
        return Document(path=path, source=source, format="html", blocks=(), notices=notices + (problem,))
    from newslint.readers import html5tree  # html5lib loads only when HTML is read

    try:
        document = html5tree.parse(source)
    except TooManyAttributes as e:
        problem = Notice(
            "input/too-large",
            "error",
            f"HTML not linted: a tag holds more than {html5tree.MAX_ATTRIBUTES:,} attributes; "
            "no article's markup has so many"
            if e.one_tag
            else f"HTML not linted: its tags hold more than {html5tree.MAX_PAGE_ATTRIBUTES:,} attributes; "
            "no article is so much markup",
            e.offset,
            e.offset,
        )
        return Document(path=path, source=source, format="html", blocks=(), notices=notices + (problem,))
    collector = _Collector(source)
    try:
        collector.walk(document)
    finally:
        html5tree.release(document)
    collector.prose.flush()
    collector.code.flush()
    blocks = sorted(collector.blocks, key=lambda b: b.start)
    if not blocks and not collector.notices and source and not source.isspace():
        # Markup with no text a reader would see (a page whose article lives in a script,
        # say): not a clean draft. An empty file has had its own notice.
        collector.notices.append(Notice("input/empty", "warning", "HTML holds no text a reader would see"))
    meta = collector.meta
    headings = [b.text for b in blocks if b.kind == "heading"]
    title = " ".join((collector.title or "").split()) or meta.get("og:title") or (headings[0] if headings else None)
    return Document(
        path=path,
        source=source,
        format="html",
        blocks=tuple(blocks),
        title=title or None,
        byline=frontmatter.pick(meta, META_BYLINE),
        date=frontmatter.pick(meta, META_DATE) or collector.time,
        language=frontmatter.language_code(collector.lang),
        meta=meta,
        embeds=tuple(sorted(collector.embeds, key=lambda e: e.start)),
        notices=notices + tuple(collector.notices),
        comments=tuple(sorted(collector.comments)),
        nesting=collector.prose.nesting,
    )
