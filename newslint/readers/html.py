"""HTML drafts: block elements become blocks, with exact source offsets.

Parsed with the standard library's HTMLParser (character references left
unconverted so each piece of text keeps its position). Whitespace is collapsed
as a browser would. ``<script>``, ``<style>``, ``<iframe>``, ``<ins>`` and
``<noscript>`` inside the body are not prose: they become embeds, which the
``markup`` check reports. Title, author, date and language come from
``<title>``/``<h1>``, ``<meta>`` tags, ``<time datetime>`` and ``<html lang>``.
"""

from __future__ import annotations

import bisect
import html
from html.parser import HTMLParser

import regex

from newslint.document import Block, Document, Embed, Notice
from newslint.readers import frontmatter

BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "caption", "center", "details", "summary",
])
EMBED_TAGS = frozenset({"script", "style", "iframe", "ins", "noscript", "object", "embed"})
VOID_EMBEDS = frozenset({"embed"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PIECES = regex.compile(r"\S+|\s+")
META_BYLINE = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
META_DATE = ("article:published_time", "date", "pubdate", "publish-date", "dc.date",
             "parsely-pub-date", "og:published_time", "sailthru.date")


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in regex.finditer("\n", source)]
        self.blocks: list[Block] = []
        self.embeds: list[Embed] = []
        self.comments: list[tuple[int, int, str]] = []
        self.meta: dict[str, str] = {}
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0
        self.kind = "paragraph"
        self.in_head = False
        self.in_title = False
        self.title = ""
        self.embed: tuple[str, int] | None = None
        self.lang: str | None = None
        self.time: str | None = None

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.embed:
            return
        a = {k: v or "" for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").casefold()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime"):
            self.time = self.time or a["datetime"]
        if tag in EMBED_TAGS and not self.in_head:
            if tag in VOID_EMBEDS:
                start = self._here()
                end = start + len(self.get_starttag_text() or "")
                self.embeds.append(Embed(tag, start, end, self.source[start:end]))
            else:
                self.embed = (tag, self._here())
            return
        if tag in BLOCK_TAGS:
            self.flush()
            self.kind = "heading" if tag in HEADINGS else ("quote" if tag == "blockquote" else
                                                          "list-item" if tag == "li" else "paragraph")
        elif tag == "br":
            self.add("\n", self._here())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "ins", "embed") and not self.embed and not self.in_head:
            start = self._here()
            end = start + len(self.get_starttag_text() or "")
            self.embeds.append(Embed(tag, start, end, self.source[start:end]))
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.embed:
            name, start = self.embed
            if tag == name:
                end = self.source.find(">", self._here()) + 1 or len(self.source)
                self.embeds.append(Embed(name, start, end, self.source[start:end]))
                self.embed = None
            return
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self.flush()
            self.kind = "paragraph"

    def handle_data(self, data: str) -> None:
        if self.embed or self.in_head and not self.in_title:
            return
        if self.in_title:
            self.title += data
            return
        start = self._here()
        for m in _PIECES.finditer(data):
            piece = m.group(0)
            self.add(" " if piece.isspace() else piece, start + m.start())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};", html.unescape(f"&#{name};"))

    def _reference(self, raw: str, text: str) -> None:
        if self.embed or self.in_head:
            if self.in_title:
                self.title += text
            return
        self.add(" " if text.isspace() else text, self._here())

    def handle_comment(self, data: str) -> None:
        start = self._here()
        self.comments.append((start, start + len(data) + 7, data.strip()))

    def add(self, text: str, source_offset: int) -> None:
        if text == " " and (not self.parts or self.parts[-1].endswith((" ", "\n"))):
            return
        if text == "\n" and self.parts and self.parts[-1] == " ":
            self.parts.pop()
            self.length -= 1
        self.anchors.append((self.length, source_offset))
        self.parts.append(text)
        self.length += len(text)

    def flush(self) -> None:
        text = "".join(self.parts)
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            anchors = [(i - lead, off) for i, off in self.anchors if i >= lead]
            keys = [i for i, _ in self.anchors]
            if not anchors or anchors[0][0] != 0:
                pos = bisect.bisect_right(keys, lead) - 1
                i, off = self.anchors[max(pos, 0)]
                anchors.insert(0, (0, off + lead - i))
            lines = "\n".join(line.strip() for line in stripped.split("\n"))
            block_text = lines if len(lines) == len(stripped) else stripped
            self.blocks.append(Block(block_text, tuple(anchors), self.kind))
        self.parts, self.anchors, self.length = [], [], 0


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    reader.flush()
    if reader.embed:  # unclosed <script>: report it up to the end of the file
        name, start = reader.embed
        reader.embeds.append(Embed(name, start, len(source), source[start:]))
    meta = reader.meta
    headings = [b.text for b in reader.blocks if b.kind == "heading"]
    title = " ".join(reader.title.split()) or meta.get("og:title") or (headings[0] if headings else None)
    return Document(
        path=path, source=source, format="html", blocks=tuple(reader.blocks),
        title=title or None,
        byline=frontmatter.pick(meta, META_BYLINE),
        date=frontmatter.pick(meta, META_DATE) or reader.time,
        language=frontmatter.language_code(reader.lang),
        meta=meta, embeds=tuple(reader.embeds), notices=notices, comments=tuple(reader.comments),
    )
