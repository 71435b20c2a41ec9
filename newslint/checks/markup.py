"""``markup``: leftovers of HTML, shortcodes and templates in the prose.

Modes:

- ``tag``: HTML tags with real element names only, so "<3", "3<5" or
  "<The Palace>" (a title in angle brackets) pass; a lone ``<div class=...>``
  line and ``<strong>`` inside a sentence are reported. A bare ``<img>`` or
  ``<iframe>`` without attributes is an article about HTML naming the tag.
- ``entity``: named or numeric character references (``&nbsp;``, ``&#8217;``),
  not a bare ampersand ("AT&T", "R&D").
- ``shortcode``: WordPress-style ``[caption ...]``, ``[embed]...[/embed]``.
- ``template``: unfilled ``{{ var }}``, ``{% tag %}``, ``${var}``, ``%%VAR%%``.
- ``embed``: script, style, iframe and ad slots the reader found in the body.
- ``tag-list``: the article's tags printed after it: a run of two or more short
  lines (at most five words) in lower case without punctuation, with no
  sentence after them ("ancol" / "taman impian jaya ancol" / "hut jakarta 2025").
  Lower-case lines inside the article (a list of ingredients) are left alone.
"""

from __future__ import annotations

import html.entities
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit, block_hit
from newslint.document import Document

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
    "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br",
    "button", "caption", "center", "cite", "code", "col", "dd", "del", "details", "div",
    "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe",
    "img", "input", "ins", "label", "li", "link", "main", "mark", "meta", "nav", "noscript",
    "object", "ol", "option", "p", "picture", "pre", "q", "s", "script", "section",
    "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary",
    "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
    "title", "tr", "u", "ul", "video", "wbr",
)

_TAG = regex.compile(
    r"</?(?:" + "|".join(HTML_ELEMENTS) + r")\b"
    r"(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?>",
    regex.IGNORECASE,
)
# A generic name pattern checked against the entity table: an alternation of all
# 2,000+ HTML5 names would cost tens of milliseconds to compile at every start.
_NAMED = frozenset(name.rstrip(";") for name in html.entities.html5 if name.endswith(";"))
_ENTITY = regex.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
_SHORTCODE = regex.compile(
    r"\[/?(?:caption|embed|gallery|video|audio|playlist|contact-form(?:-7)?|vc_[a-z_]+|"
    r"et_pb_[a-z_]+|su_[a-z_]+|wpforms|ultimatemember|ad|ads|adsense|tweet|instagram|youtube)"
    r"(?:\s[^\[\]]*)?\]",
    regex.IGNORECASE,
)
_TEMPLATE = regex.compile(
    r"\{\{\s*[\w.\[\]'\"|: -]+\s*\}\}|\{%-?\s*\w+[^%]*-?%\}|\$\{\s*[A-Za-z_][\w.]*\s*\}"
    r"|%%[A-Z][A-Z0-9_]+%%|\[\[\s*[A-Z_][A-Z0-9_]*\s*\]\]"
)
# Elements that mean nothing without attributes: bare, they are named, not pasted.
_BARE_VOID = regex.compile(r"<(?:img|source|embed|iframe|link|meta|input|video|audio)\s*/?>",
                           regex.IGNORECASE)
PATTERNS = {"tag": _TAG, "entity": _ENTITY, "shortcode": _SHORTCODE, "template": _TEMPLATE}
# What every match of a mode contains: a draft without any of it is skipped unread.
_NEEDS = {"tag": ("<",), "entity": ("&",), "shortcode": ("[",), "template": ("{", "%%", "[[")}


_TAG_LINE = regex.compile(r"^(?=.*\p{Ll})[\p{Ll}\d][\p{Ll}\p{M}\d '’-]*$")
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
    if not any(needed in ctx.facts.prose for needed in _NEEDS[mode]):
        return
    for index, block in enumerate(doc.blocks):
        if block.kind == "code":
            continue
        for m in pattern.finditer(block.text):
            if mode == "entity" and m.group(1) and m.group(1) not in _NAMED:
                continue  # "&foo;" is not an entity a browser would decode
            if mode == "tag" and _BARE_VOID.fullmatch(m.group(0)):
                continue  # "<img>" with no src is a mention of the tag, not pasted markup
            yield block_hit(block, index, m.start(), m.end(), match=m.group(0))


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
    return "\n" not in text and 0 < len(text.split(None, TAG_WORDS)) <= TAG_WORDS \
        and _TAG_LINE.match(text) is not None


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?…。！？\"”’)" and len(text.split(None, 6)) >= 6
