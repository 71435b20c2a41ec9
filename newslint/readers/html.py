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
from collections import deque
from typing import Any

import regex
from html5lib import _tokenizer, html5parser
from html5lib.constants import tokenTypes
from html5lib.treebuilders import base

from newslint.document import Block, Document, Embed, Notice
from newslint.readers import frontmatter
from newslint.readers.source import unify_newlines

BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
    "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "caption", "center", "details", "summary", "option", "legend", "fieldset",
])
EMBED_TAGS = frozenset({"script", "style", "iframe", "noscript", "object", "embed"})
CODE_TAGS = frozenset({"pre", "code", "kbd", "samp", "xmp", "listing", "plaintext"})
# Never prose and never reported: not shown, or not text at all.
HIDDEN_TAGS = frozenset({"template", "title", "head"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PIECES = regex.compile(r"\S+(?: \S+)*|\s+")  # words and single spaces stay one piece
_AD_MARKER = regex.compile(r"adsbygoogle|\bad-?(?:slot|unit|container|zone)\b|\badsense\b|\bgpt-ad\b|"
                           r"\bdfp\b|\bmgid\b|\btaboola\b|\boutbrain\b", regex.I)
META_BYLINE = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
META_DATE = ("article:published_time", "date", "pubdate", "publish-date", "dc.date",
             "parsely-pub-date", "og:published_time", "sailthru.date")
_CHARACTERS = (tokenTypes["Characters"], tokenTypes["SpaceCharacters"])
_END_TAG = tokenTypes["EndTag"]
_PARSE_ERROR = tokenTypes["ParseError"]
# The tree-building algorithm looks down the stack of open elements at most
# tags, so its work grows with the nesting depth at each tag: a page nested
# deeper than any article, or whose tags add up to more such work, is refused.
MAX_DEPTH = 1_000
MAX_DEPTH_WORK = 5_000_000
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "frame", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
})
_TAGS = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b.*?"
                   r"(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>", re.S | re.I)
_HISTORY = 256  # character tokens remembered, for text the parser buffers (table text)


def is_ad_slot(attributes: dict[Any, str]) -> bool:
    """An ``<ins>`` that an ad network fills, not HTML's inserted-text mark."""
    for name, value in attributes.items():
        key = name if isinstance(name, str) else name[1]
        if key.startswith(("data-ad", "data-revive", "data-zone")):
            return True
        if key in ("class", "id") and _AD_MARKER.search(value or ""):
            return True
    return False


# --- parsing with positions -----------------------------------------------------------------


class _Spans:
    """What the parser is reading now: the current token's source span, and recent text tokens."""

    def __init__(self, source: str) -> None:
        self.source = source
        # Line starts as html5lib counts lines (CRLF is one break; lone CRs are already LFs).
        self.line_starts = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.start = self.end = 0
        self.name: str | None = None  # the current token's tag name, if a tag
        self.is_end_tag = False
        self.texts: deque[tuple[str, int, int]] = deque(maxlen=_HISTORY)

    def offset(self, line: int, column: int) -> int:
        line = min(max(line, 1), len(self.line_starts))
        return min(self.line_starts[line - 1] + column, len(self.source))

    def closed_at(self, node: _Element) -> int:
        """Where an element popped now ends: after its own end tag, else before this token."""
        if self.is_end_tag and self.name == node.name:
            return self.end
        return max(self.start, node.start)

    def locate(self, data: str) -> list[tuple[str, int, int]]:
        """Split inserted text into (text, source start, source end) pieces of the tokens it came from."""
        texts = self.texts
        if texts:
            text, start, end = texts[-1]
            if data == text:
                return [texts[-1]]
            if text.endswith(data):  # a leading newline the parser dropped (after <pre>)
                return [(data, end - len(data), end)] if self._plain(start, end, text) else [(data, start, end)]
        pieces: list[tuple[str, int, int]] = []
        length = 0
        for piece in reversed(texts):  # text the parser held back, then inserted as one (tables)
            if piece[0] == "\x00":
                continue  # dropped by the parser there
            pieces.append(piece)
            length += len(piece[0])
            if length >= len(data):
                break
        if length == len(data) and "".join(p[0] for p in reversed(pieces)) == data:
            return pieces[::-1]
        return [(data, self.start, self.end)]

    def _plain(self, start: int, end: int, text: str) -> bool:
        return end - start == len(text)


class _Tokenizer(_tokenizer.HTMLTokenizer):
    """html5lib's tokenizer, telling ``spans`` where in the source each token lies."""

    spans: _Spans

    def __iter__(self) -> Any:
        spans = self.spans
        stream = self.stream
        previous = 0
        for token in super().__iter__():
            kind = token["type"]
            if kind == _PARSE_ERROR:
                yield token
                continue
            end = spans.offset(*stream.position())
            end = max(end, previous)
            spans.start, spans.end = previous, end
            spans.is_end_tag = kind == _END_TAG
            spans.name = token.get("name") if kind not in _CHARACTERS else None
            if kind in _CHARACTERS:
                spans.texts.append((token["data"], previous, end))
            previous = end
            yield token
        spans.start = spans.end = len(spans.source)
        spans.name = None
        spans.is_end_tag = False


class _Parser(html5parser.HTMLParser):
    def __init__(self, spans: _Spans) -> None:
        self.spans = spans
        builder = type("Builder", (_TreeBuilder,), {"spans": spans})
        super().__init__(tree=builder, namespaceHTMLElements=False)

    def _parse(self, stream: Any, innerHTML: bool = False, container: str = "div",
               scripting: bool = False, **kwargs: Any) -> None:
        # As html5lib's own _parse, with a tokenizer that reports source spans.
        self.innerHTMLMode = innerHTML
        self.container = container
        self.scripting = scripting
        self.tokenizer = _Tokenizer(stream, parser=self, **kwargs)
        self.tokenizer.spans = self.spans
        self.reset()
        self.mainLoop()


class _Node(base.Node):
    spans: _Spans

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name)
        self.start = self.end = self.spans.start

    def appendChild(self, node: _Node) -> None:
        node.parent = self
        self.childNodes.append(node)

    def insertText(self, data: str, insertBefore: _Node | None = None) -> None:
        text = _Text(self.spans.locate(data), self.spans)
        if insertBefore is None:
            self.appendChild(text)
        else:
            self.insertBefore(text, insertBefore)

    def insertBefore(self, node: _Node, refNode: _Node) -> None:
        index = self.childNodes.index(refNode)
        node.parent = self
        self.childNodes.insert(index, node)

    def removeChild(self, node: _Node) -> None:
        self.childNodes.remove(node)
        node.parent = None

    def reparentChildren(self, newParent: _Node) -> None:
        for child in self.childNodes:
            newParent.appendChild(child)
        self.childNodes: list[_Node] = []

    def cloneNode(self) -> _Node:
        node = type(self)(self.name)
        node.attributes = dict(self.attributes)
        node.start, node.end = self.start, self.end
        return node

    def hasContent(self) -> bool:
        return bool(self.childNodes)


class _Element(_Node):
    def __init__(self, name: str, namespace: str | None = None) -> None:
        super().__init__(name)
        self.namespace = namespace
        self.nameTuple = (namespace or "http://www.w3.org/1999/xhtml", name)
        self.end = len(self.spans.source)  # until the parser closes it

    def cloneNode(self) -> _Element:
        node = type(self)(self.name, self.namespace)
        node.attributes = dict(self.attributes)
        node.start = self.start
        return node


class _Text(_Node):
    def __init__(self, pieces: list[tuple[str, int, int]], spans: _Spans) -> None:
        self.spans = spans
        super().__init__(None)
        self.pieces = pieces


class _Comment(_Node):
    def __init__(self, data: str) -> None:
        super().__init__(None)
        self.value = data
        self.start, self.end = self.spans.start, self.spans.end


class _Doctype(_Node):
    def __init__(self, name: str, publicId: str | None = None, systemId: str | None = None) -> None:
        super().__init__(name)


class _OpenElements(list[_Element]):
    """The parser's stack of open elements; an element leaving it ends where the parser is."""

    spans: _Spans

    def pop(self, index: Any = -1) -> _Element:
        node = super().pop(index)
        node.end = self.spans.closed_at(node)
        return node

    def remove(self, node: _Element) -> None:
        super().remove(node)
        node.end = self.spans.closed_at(node)


class _TreeBuilder(base.TreeBuilder):
    spans: _Spans

    def __init__(self, namespaceHTMLElements: bool) -> None:
        spans = self.spans
        self.documentClass = type("Document", (_Node,), {"spans": spans})
        self.elementClass = type("Element", (_Element,), {"spans": spans})
        self.commentClass = type("Comment", (_Comment,), {"spans": spans})
        self.doctypeClass = type("Doctype", (_Doctype,), {"spans": spans})
        self.fragmentClass = self.documentClass
        super().__init__(namespaceHTMLElements)

    def reset(self) -> None:
        super().reset()
        stack = _OpenElements()
        stack.spans = self.spans
        self.openElements = stack

    def testSerializer(self, node: _Node) -> str:  # pragma: no cover - html5lib's test hook
        return repr(node)


def _parse(source: str) -> tuple[_Node, _Spans]:
    spans = _Spans(source)
    parser = _Parser(spans)
    document = parser.parse(source)
    return document, spans


# --- from the tree to blocks -----------------------------------------------------------------


class _Collector:
    """Walks the tree in document order, gathering blocks, embeds, comments and metadata."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.embeds: list[Embed] = []
        self.comments: list[tuple[int, int, str]] = []
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.lang: str | None = None
        self.time: str | None = None
        self.in_head = 0
        self.prose = _Accumulator(self.blocks, len(source))
        self.code = _Accumulator(self.blocks, len(source), collapse=False)

    def walk(self, root: _Node) -> None:
        # Iterative: a page may nest thousands of elements deep.
        stack: list[tuple[_Node, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.leave(node)
                continue
            if not self.enter(node):
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.childNodes))

    def enter(self, node: _Node) -> bool:
        """Handle a node on the way in; True when its children should be walked."""
        if isinstance(node, _Text):
            self.text(node)
            return False
        if isinstance(node, _Comment):
            self.comments.append((node.start, node.end, str(node.value).strip()))
            return False
        if not isinstance(node, _Element):
            return True  # the document, a doctype
        return self.element(node)

    def element(self, node: _Element) -> bool:
        name, attrs = node.name, {k if isinstance(k, str) else k[1]: v for k, v in node.attributes.items()}
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
                self.title = "".join(p[0] for c in node.childNodes if isinstance(c, _Text) for p in c.pieces)
            return False
        if name == "head":
            self.in_head += 1  # its meta tags count; its scripts and styles are not embeds
            return True
        if name in HIDDEN_TAGS or self.in_head:
            return False
        if name in EMBED_TAGS or name == "ins" and is_ad_slot(node.attributes):
            end = max(node.end, node.start)
            self.embeds.append(Embed(name, node.start, end, self.source[node.start:end]))
            return False
        if name in CODE_TAGS:
            self.code.depth += 1
            if self.code.depth == 1:
                self.code.kind = "code"
        elif name in BLOCK_TAGS:
            self.prose.flush()
            self.prose.kind = "heading" if name in HEADINGS else ("quote" if name == "blockquote" else
                                                                  "list-item" if name == "li" else "paragraph")
        elif name == "br":
            (self.code if self.code.depth else self.prose).add("\n", node.start)
        return True

    def leave(self, node: _Node) -> None:
        if not isinstance(node, _Element):
            return
        if node.name == "head":
            self.in_head -= 1
        elif node.name in CODE_TAGS and self.code.depth:
            self.code.depth -= 1
            if not self.code.depth:
                self.code.flush()
        elif node.name in BLOCK_TAGS:
            self.prose.flush()
            self.prose.kind = "paragraph"

    def text(self, node: _Text) -> None:
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
            self.blocks.append(Block(stripped, _within(anchors, len(stripped), self.size), self.kind))
        self.parts, self.anchors, self.length = [], [], 0


def nesting_problem(source: str) -> str:
    """Why the page nests too deep to parse in bounded time, or '' (a linear scan of its tags)."""
    depth = deepest = work = 0
    for m in _TAGS.finditer(source):
        name = m.group(3)
        if name is None or m.group(4) or name.casefold() in _NOT_NESTING:
            continue
        depth = depth - 1 if m.group(2) else depth + 1
        depth = max(depth, 0)
        deepest = max(deepest, depth)
        work += depth
    if deepest > MAX_DEPTH:
        return f"elements nest {deepest:,} deep (more than {MAX_DEPTH:,})"
    if work > MAX_DEPTH_WORK:
        return "its elements nest too deep too often"
    return ""


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    source = unify_newlines(source)
    problem = nesting_problem(source)
    if problem:
        return Document(path=path, source=source, format="html", blocks=(), notices=notices + (Notice(
            "input/too-deep", "error", f"HTML not linted: {problem}; no article nests so deep"),))
    document, _ = _parse(source)
    collector = _Collector(source)
    collector.walk(document)
    collector.prose.flush()
    collector.code.flush()
    blocks = sorted(collector.blocks, key=lambda b: b.start)
    meta = collector.meta
    headings = [b.text for b in blocks if b.kind == "heading"]
    title = " ".join((collector.title or "").split()) or meta.get("og:title") or (headings[0] if headings else None)
    return Document(
        path=path, source=source, format="html", blocks=tuple(blocks),
        title=title or None,
        byline=frontmatter.pick(meta, META_BYLINE),
        date=frontmatter.pick(meta, META_DATE) or collector.time,
        language=frontmatter.language_code(collector.lang),
        meta=meta, embeds=tuple(sorted(collector.embeds, key=lambda e: e.start)), notices=notices,
        comments=tuple(sorted(collector.comments)),
    )
