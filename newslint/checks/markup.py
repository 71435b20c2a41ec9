"""``markup``: leftovers of HTML, shortcodes and templates in the prose.

Modes:

- ``tag``: HTML tags with real element names only, so "<3", "3<5" or
  "<The Palace>" (a title in angle brackets) pass; a lone ``<div class=...>``
  line and ``<strong>`` inside a sentence are reported. A bare ``<img>`` or
  ``<iframe>`` without attributes is an article about HTML naming the tag, and
  so is a bare tag in quotes or next to the word "element" or "tag" in the
  pack languages ("the <title> element", "tag <div>", "balise <p>"). In an
  HTML draft, a tag in the text was spelt escaped in the source
  (``&lt;div&gt;``): inside ``<code>``, ``<pre>``, ``<kbd>`` or ``<samp>`` it
  is a code sample shown on purpose; elsewhere it is double-escaped markup
  that readers see, and it is reported. An ad or recommendation slot
  (``<ins class="adsbygoogle">``, ``<div class="OUTBRAIN">``) is ad code, which
  the ad-text rules report: it is not reported a second time as a stray tag.
- ``entity``: named or numeric character references (``&nbsp;``, ``&#8217;``),
  not a bare ampersand ("AT&T", "R&D"). In Markdown, an escaped tag
  (``&lt;div&gt;``) is the way to show markup and is left alone.
- ``shortcode``: WordPress-style ``[caption ...]``, ``[embed]...[/embed]``, in
  lower case as WordPress registers them: "[Video]" or "[VIDEO]" after a
  headline is an editor's label, not a shortcode.
  In a document from a CMS export (a WordPress WXR file or a WordPress REST
  post: ``meta["wordpress"]``) the body is the CMS's raw content, where core
  shortcodes (``[gallery]``, ``[caption]``, ``[embed]``, ``[audio]``,
  ``[video]``, ``[playlist]``) are the CMS's own markup, rendered on
  publication: they are not reported there. In a Markdown or text draft
  nothing renders them, so they would print as they are: they are reported.
- ``template``: unfilled ``{{ var }}``, ``{% tag %}``, ``${var}``, ``%%VAR%%``.
- ``embed``: script, style, iframe and ad slots the reader found in the body.
- ``tag-list``: the article's tags printed after it: a run of two or more short
  lines (at most five words) in lower case without punctuation, with no
  sentence after them ("ancol" / "taman impian jaya ancol" / "hut jakarta 2025").
  Lower-case lines inside the article (a list of ingredients) are left alone.

Code is not a leftover: inline code (`` `<div>` ``) is skipped in every mode,
and Markdown's fenced and indented code blocks are not prose at all. Matches
are reported once per run of markup (tags separated by nothing but spaces, as
in ``<div class="x"><p>``), and once per block when markup makes up the block
(a pasted HTML sample: three runs or more): one finding, not one per tag.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, block_hit
from newslint.document import Block, Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "markup"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {"mode": {"enum": ["tag", "entity", "shortcode", "template", "embed", "tag-list"]}},
}

HTML_ELEMENTS = (
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "option",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "u",
    "ul",
    "video",
    "wbr",
)

_TAG = regexcache.compile(
    r"</?(?:" + "|".join(HTML_ELEMENTS) + r")\b"
    r"(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?>",
    rx.IGNORECASE,
)


# A generic name pattern checked against the entity table: an alternation of all
# 2,000+ HTML5 names would cost tens of milliseconds to compile at every start.
@functools.lru_cache(maxsize=1)
def _named() -> frozenset[str]:
    """HTML's named character references (loaded when a draft has something like one)."""
    import html.entities

    return frozenset(name.rstrip(";") for name in html.entities.html5 if name.endswith(";"))


_ENTITY = regexcache.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
_SHORTCODE = regexcache.compile(
    r"\[/?(?:caption|embed|gallery|video|audio|playlist|contact-form(?:-7)?|vc_[a-z_]+|"
    r"et_pb_[a-z_]+|su_[a-z_]+|wpforms|ultimatemember|ad|ads|adsense|tweet|instagram|youtube)"
    r"(?:\s[^\[\]]*)?\]",
)
_TEMPLATE = regexcache.compile(
    r"\{\{\s*[\w.\[\]'\"|: -]+\s*\}\}|\{%-?\s*\w+[^%]*-?%\}|\$\{\s*[A-Za-z_][\w.]*\s*\}"
    r"|%%[A-Z][A-Z0-9_]+%%|\[\[\s*[A-Z_][A-Z0-9_]*\s*\]\]"
)
# Elements that mean nothing without attributes: bare, they are named, not pasted.
_BARE_VOID = regexcache.compile(r"<(?:img|source|embed|iframe|link|meta|input|video|audio)\s*/?>", rx.IGNORECASE)
PATTERNS = {"tag": _TAG, "entity": _ENTITY, "shortcode": _SHORTCODE, "template": _TEMPLATE}


# What every match of a mode contains: a draft without any of it is skipped unread.
def _holds(needed: str) -> Callable[[str], bool]:
    return lambda text: needed in text


_NEEDS = {"tag": ("<",), "entity": ("&",), "shortcode": ("[",), "template": ("{", "%%", "[[")}


# Inline code: a run of backticks, text without a newline, the same run again.
_INLINE_CODE = regexcache.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
# A bare tag named in prose: quoted, or beside the word for "element" or "tag".
_TAG_WORDS = frozenset(
    (
        "element",
        "elements",
        "tag",
        "tags",
        "attribute",
        "elemen",
        "tanda",
        "atribut",
        "balise",
        "balises",
        "élément",
        "éléments",
        "etiqueta",
        "etiquetas",
        "elemento",
        "elementos",
        "etiquette",
        "marcador",
    )
)
_BARE_TAG = regexcache.compile(r"</?([A-Za-z][A-Za-z0-9]*)\s*/?>")
_WORD_BEFORE = regexcache.compile(r"([\p{L}]+)[\s\"'“”‘’«»]*$")
_WORD_AFTER = regexcache.compile(r"^[\s\"'“”‘’«»]*([\p{L}]+)")
_ESCAPED_TAG = regexcache.compile(r"&lt;/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,200}?)?/?&gt;")
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“"}
# Attributes of an ad or recommendation slot: ad code, the ad-text category's to report.
_AD_SLOT = regexcache.compile(
    r"adsbygoogle|data-ad-(?:client|slot)|div-gpt-ad|outbrain|taboola|mgid|revcontent|zergnet"
    r"|dable|teads|criteo|data-widget-id",
    rx.IGNORECASE,
)
# An IAB ads.txt record: domain, account id, DIRECT or RESELLER (ad-text/ads-txt-record's to report).
_NEWLINE = regexcache.compile(r"\n")
ESCAPED_TAG_SPAN = 1_000
_ADS_TXT_RECORD = regexcache.compile(r"\s*[a-z0-9.-]+\.[a-z]{2,}\s*,\s*[\w.-]+\s*,\s*(?:DIRECT|RESELLER)\b", rx.I)
_CODE_OPEN = regexcache.compile(r"<(?:code|pre|kbd|samp|tt)\b[^>]*>", rx.IGNORECASE)
_CODE_CLOSE = regexcache.compile(r"</(?:code|pre|kbd|samp|tt)\s*>", rx.IGNORECASE)
CODE_LOOKBACK = 20_000
# How far from a tag the words that say prose is discussing it are looked for.
NEAR_TAG = 256
# The longest ad slot's opening tag that a closing tag right after it is matched with.
AD_SLOT_TAG = 4096
# WordPress core shortcodes: the CMS renders them from the raw content of an export.
CMS_SHORTCODES = frozenset(("caption", "gallery", "embed", "audio", "video", "playlist"))
_SHORTCODE_NAME = regexcache.compile(r"\[/?([A-Za-z_-]+)")
# The block editor's Shortcode block: what an editor put between these comments is a
# shortcode on purpose, whichever plugin renders it ("[contact-form-7 id=...]").
_SHORTCODE_BLOCK_OPEN = regexcache.compile(r"<!--\s*wp:shortcode\b[^>]*?-->")
_SHORTCODE_BLOCK_CLOSE = regexcache.compile(r"<!--\s*/wp:shortcode\s*-->")
# How far before a shortcode its block's opening comment is looked for.
SHORTCODE_BLOCK_LOOKBACK = 2_000
# A block holding this many runs of markup is a stray block of markup (a pasted
# HTML sample), reported once.
BLOCK_RUNS = 3


_TAG_LINE = regexcache.compile(r"^(?=.*\p{Ll})[\p{Ll}\d][\p{Ll}\p{M}\d '’-]*$")
TAG_WORDS = 5


def compile(params: Mapping[str, Any], scope: str) -> str:
    mode = params["mode"]
    if mode not in (*PATTERNS, "embed", "tag-list"):
        raise ValueError(f"unknown markup mode {mode!r}")
    return str(mode)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    mode = rule.compiled_as(str)
    if mode == "embed":
        for embed in doc.embeds:
            yield Hit(embed.start, embed.end, {"match": f"<{embed.tag}>", "tag": embed.tag})
        return
    if mode == "tag-list":
        yield from _tag_list(doc)
        return
    pattern = PATTERNS[mode]
    if not any(ctx.facts.prose_has(_holds(needed)) for needed in _NEEDS[mode]):
        return
    from_cms = "wordpress" in doc.meta
    for index, block in enumerate(doc.blocks):
        if block.kind == "code":
            continue
        text = block.text
        code = [m.span() for m in _INLINE_CODE.finditer(text)] if "`" in text else []
        records = _AdsTxtLines(text)
        spans = [
            m.span()
            for m in pattern.finditer(text)
            if not any(a <= m.start() < b for a, b in code) and _is_leftover(mode, m, doc, block, from_cms, records)
        ]
        yield from _grouped(block, index, spans)


def _is_leftover(mode: str, m: Any, doc: Document, block: Block, from_cms: bool, records: _AdsTxtLines) -> bool:
    """Whether a match of the mode's pattern is a leftover, not markup shown or meant."""
    if mode == "entity":
        if m.group(1) and m.group(1) not in _named():
            return False  # "&foo;" is not an entity a browser would decode
        if records.holds(m.start()):
            return False  # "..., RESELLER, 5d62... # video &amp; display": ad-text reports the line
        return not (doc.format == "markdown" and _escaped_tag(m.string, m.start()))
    if mode == "tag":
        if _BARE_VOID.fullmatch(m.group(0)):
            return False  # "<img>" with no src is a mention of the tag, not pasted markup
        if _AD_SLOT.search(m.group(0)) or _closes_ad_slot(m):
            return False
        if _discussed(m.string, m.start(), m.end()):
            return False
        # In HTML a tag in the text was escaped in the source (&lt;div&gt;): a code
        # sample inside <code> or <pre> shows it on purpose; elsewhere readers see
        # double-escaped markup.
        return not (doc.format == "html" and _in_code_element(doc.source, block.source_offset(m.start())))
    if mode == "shortcode" and from_cms:
        name = _SHORTCODE_NAME.match(m.group(0))
        if name and name.group(1).casefold() in CMS_SHORTCODES:
            return False
        return not _in_shortcode_block(doc.source, block.source_offset(m.start()))
    return True


def _in_shortcode_block(source: str, offset: int) -> bool:
    """Whether ``offset`` of an export's raw content lies in a block editor's Shortcode block."""
    return _inside(source, offset, SHORTCODE_BLOCK_LOOKBACK, _SHORTCODE_BLOCK_OPEN, _SHORTCODE_BLOCK_CLOSE)


class _AdsTxtLines:
    """Which lines of a block are ads.txt records (their comments included), each line read
    once: a line of many thousands of entities was read again from its start for each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None
        self.known: dict[int, bool] = {}

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` lies on a line that is an ads.txt record."""
        if self.starts is None:
            self.starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        start = self.starts[bisect.bisect_right(self.starts, offset) - 1]
        found = self.known.get(start)
        if found is None:
            found = self.known[start] = _ADS_TXT_RECORD.match(self.text, start) is not None
        return found


def _closes_ad_slot(m: Any) -> bool:
    """A closing tag right after an ad slot's opening tag (``<ins class=...></ins>``)."""
    if not m.group(0).startswith("</"):
        return False
    before = m.string[max(0, m.start() - AD_SLOT_TAG) : m.start()].rstrip()
    opening = before[before.rfind("<") :] if before.endswith(">") else ""
    return bool(opening) and _AD_SLOT.search(opening) is not None


def _in_code_element(source: str, offset: int) -> bool:
    """Whether ``offset`` of an HTML source lies inside a code, pre, kbd or samp element."""
    return _inside(source, offset, CODE_LOOKBACK, _CODE_OPEN, _CODE_CLOSE)


def _inside(source: str, offset: int, lookback: int, opening: Any, closing: Any) -> bool:
    """Whether the last ``opening`` within ``lookback`` before ``offset`` is not closed yet."""
    window = source[max(0, offset - lookback) : offset]
    opened = [m.end() for m in opening.finditer(window)]
    closed = [m.end() for m in closing.finditer(window)]
    return bool(opened) and (not closed or opened[-1] > closed[-1])


def _escaped_tag(text: str, start: int) -> bool:
    """``&lt;name ...&gt;`` around ``start``: a tag written so that it shows. Only the text
    near ``start`` is searched (no escaped tag is near ESCAPED_TAG_SPAN long): searching the
    whole block for each entity of a block of thousands made it quadratic."""
    first = max(0, start - ESCAPED_TAG_SPAN)
    window = text[first : start + ESCAPED_TAG_SPAN]
    return any(m.start() <= start - first < m.end() for m in _ESCAPED_TAG.finditer(window))


def _discussed(text: str, start: int, end: int) -> bool:
    """A bare tag that prose is talking about: quoted, or next to "element" or "tag"."""
    if _BARE_TAG.fullmatch(text, start, end) is None:
        return False
    # Only the text near the tag: slicing the whole paragraph for each of thousands of
    # tags made a paragraph of nested tags quadratic.
    before, after = text[max(0, start - NEAR_TAG) : start], text[end : end + NEAR_TAG]
    opening = before.rstrip()[-1:]
    if opening in _QUOTES and after.lstrip()[:1] == _QUOTES[opening]:
        return True
    words = [m.group(1).casefold() for m in (_WORD_BEFORE.search(before), _WORD_AFTER.match(after)) if m]
    return any(word in _TAG_WORDS for word in words)


def _grouped(block: Block, index: int, spans: list[tuple[int, int]]) -> Iterator[Hit]:
    """One hit per run of adjacent matches, or one for the whole block when markup makes it up."""
    if not spans:
        return
    text = block.text
    runs: list[list[int]] = []
    for start, end in spans:
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1][1] = end
        else:
            runs.append([start, end])
    if len(runs) >= BLOCK_RUNS:
        first = text[spans[0][0] : spans[0][1]]
        # Deleting from the first tag to the last would take the prose between them too.
        yield Hit(
            block.source_offset(runs[0][0]),
            block.source_offset(runs[-1][1]),
            {"match": f"{first} ... ({len(spans)} in this paragraph)", "fixable": False},
            index,
        )
        return
    for start, end in runs:
        yield block_hit(block, index, start, end, match=text[start:end])


def _tag_list(doc: Document) -> Iterator[Hit]:
    """The run of tag lines after the article's last sentence."""
    run: list[int] = []
    for i, block in enumerate(doc.blocks):
        if _is_tag_line(block.text):
            run.append(i)
        elif _is_sentence(block.text):
            run = []  # the article goes on: those were not its tags
        elif run and len(run) < 2:
            run = []
    if len(run) >= 2:
        for i in run:
            block = doc.blocks[i]
            yield block_hit(block, i, 0, len(block.text), match=block.text.strip())


def _is_tag_line(text: str) -> bool:
    text = text.strip()
    # split() stops after TAG_WORDS words: a long paragraph is not split whole
    return "\n" not in text and 0 < len(text.split(None, TAG_WORDS)) <= TAG_WORDS and _TAG_LINE.match(text) is not None


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in '.!?…。！？"”’)' and len(text.split(None, 6)) >= 6
