"""``phrases``: lists of phrases matched as whole lines, line prefixes or anywhere.

Modes (``match``):

- ``line``: the whole line is the phrase. Case, bullets, arrows, closing
  punctuation and enclosing brackets are ignored, so "Baca Juga:", "» Baca
  juga", "[Baca juga]" and "BACA JUGA" are one phrase.
- ``prefix``: the line opens with the phrase, followed by the end of the line,
  a separator (":", "-", "|", "»", a bullet "•", a slash, an arrow "→" / "►",
  the closing bracket of a label in brackets: "[BACA JUGA] Harga ...", an
  ellipsis after a label of two words) or, as scrapers glue widgets together, a
  capitalised word ("Baca JugaWarga Bandung ..."); a label in capitals may be
  followed by a space and its capitalised headline ("BACA JUGA Harga ...": in
  ordinary case that line may be prose), a label of two words by a headline in
  quotation marks ("Lire aussi « ... »"). The line may have at most
  ``max_words`` words, or three times that after a separator or a glued word
  (a widget's label followed by its headlines). A line that only continues
  with ordinary words ("Baca juga undang-undang itu ...") is prose, and so is a
  glued line of finished sentences ("SelanjutnyaImmigration Lounge merupakan
  ... . Lalu ... ."): a space lost before a word in italics, not a widget. The
  widget may sit in brackets ("(Baca juga: Harga Cabai Naik Lagi)").
- ``anywhere``: the phrase anywhere in a line, as a whole word.

A line that is only one of the ``headline_after`` labels ("Baca juga:") also
flags the next paragraph when that reads as the widget's headline: at most
``max_words`` words and no full stop at its end.

With ``scope: title`` the rule reads the document's title as its one line
(a headline hit points at the start of the file, as other title checks do).

Each rule compiles its list once: a set for lines, one alternation regex for
prefixes and anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import LABEL_MAX_CHARS, LONG_LINE, Context, Hit, block_hit, normalize_line, with_defaults
from newslint.document import Block, Document
from newslint.facts import Facts, Line

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "phrases"
SCOPES = ("line", "title")
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["phrases"],
    "properties": {
        "phrases": {"$ref": "#/$defs/stringList", "minItems": 1},
        "match": {"enum": ["line", "prefix", "anywhere"], "default": "line"},
        "ignorecase": {"type": "boolean", "default": True},
        "max_words": {
            "type": "integer",
            "minimum": 1,
            "default": 12,
            "description": "prefix match: the line has at most this many words (three times as many after a separator)",
        },
        "headline_after": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "labels whose headline sits in the next paragraph, which is flagged too",
        },
    },
}
# A hyphen glued to a lower-case word is a compound ("Top-cited outlets", "Related-party
# deals"), not a label's separator ("Read more - ...", "Top-Stories" glued stay widgets).
# Arrows stand for a label's colon as often as "»" does ("Read also → ...", "► Baca juga: ...").
_ARROWS = "→►▶▸➤➔⇒▷❯"
# A label in brackets ends at its closing bracket when its headline follows ("[READ ALSO] ...").
_SEPARATOR = rf"(?:\s*[:–—|»›>•·…{_ARROWS}]|\s*\.\.\.|\s/{{1,2}}\s|\s+-|-(?!(?-i:\p{{Ll}}))|[\])](?=\s*\S))"
_GLUED = r"(?-i:\p{Lu})"
# A label in capitals, a space, then a capitalised word: the widget's headline ("BACA JUGA Banjir
# ..."); a label in ordinary case before a capital may be prose ("See also Smith v. Jones"). A
# label of two words, or a long one, before a headline in quotation marks ("Lire aussi « ... »").
_QUOTES = '«"“„'
_CAPS_LABEL = rf"\s+(?=(?-i:\p{{Lu}}\p{{Ll}})|[{_QUOTES}])"
_CAPS_LABEL_CHARS = 7
_LEAD = " \t-–—*•·»›>|([" + _ARROWS
_SHORT_LABEL = 5
# a full sentence, then more text that ends as a sentence does
_PROSE_TAIL = regexcache.compile(r"[.!?][\"\u201d\u2019)]*\s+\p{Lu}.*[.!?][\"\u201d\u2019)]*\s*$")
# after a label's separator: a sentence that opens in lower case and ends with a full stop
_LOWER_SENTENCE = regexcache.compile(r"\s*\p{Ll}[^\n]*[.!?][\"\u201d\u2019)]*\s*$")


@dataclass(frozen=True, slots=True)
class Compiled:
    """A phrases rule's compiled list: the lines as a set, or one alternation regex."""

    mode: str
    lines: frozenset[str]
    pattern: rx.Pattern[str] | None
    max_words: int
    labels: frozenset[str]


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    mode = params["match"]
    phrases = list(params["phrases"])
    flags = rx.IGNORECASE if params["ignorecase"] else 0
    alternation = "|".join(rx.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if mode == "prefix":
        # group 1 is set when a separator or a glued word follows the phrase
        source = rf"^[\s\-–—*•·»›>|([{_ARROWS}]*(?:{alternation})(?:({_SEPARATOR}|{_GLUED}|{_CAPS_LABEL})|[\s)\]]*$)"
    else:
        source = rf"(?<!\w)(?:{alternation})(?!\w)"
    lines = frozenset(normalize_line(p) for p in phrases)
    labels = frozenset(normalize_line(p) for p in params["headline_after"])
    # Line mode compares normalised lines only: its regex would never run.
    pattern = None if mode == "line" else regexcache.compile(source, flags)
    return Compiled(mode, lines, pattern, int(params["max_words"]), labels)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if rule.scope == "title":
        yield from _title(doc.title, compiled)
        return
    yield from match(compiled, ctx.facts)


def match(compiled: Compiled, facts: Facts) -> Iterator[Hit]:
    """The line hits of a compiled phrase list (other kinds match their lists through it)."""
    if not _may_match(facts, compiled):
        return
    lines = facts.lines
    for k, (index, block, t_index, line, normal) in enumerate(lines):
        if compiled.pattern is not None and compiled.mode == "anywhere":
            for m in compiled.pattern.finditer(line):
                yield block_hit(block, index, t_index + m.start(), t_index + m.end(), match=m.group(0))
        elif _line_hit(compiled, line, normal):
            yield _whole_line(block, index, t_index, line)
            if k + 1 < len(lines) and normal in compiled.labels:
                yield from _headline(lines[k + 1], compiled)


def _title(title: str | None, compiled: Compiled) -> Iterator[Hit]:
    """The title read as one line; a hit points at the start of the file."""
    if not title or "\n" in title:
        return
    if compiled.pattern is not None and compiled.mode == "anywhere":
        for m in compiled.pattern.finditer(title):
            yield Hit(0, 0, {"match": m.group(0)})
    elif _line_hit(compiled, title, normalize_line(title) if len(title) <= LABEL_MAX_CHARS else LONG_LINE):
        yield Hit(0, 0, {"match": title.strip()})


def _may_match(facts: Facts, compiled: Compiled) -> bool:
    """The quick reject: most drafts have none of a rule's phrases.

    In line mode a flagged line is one of the phrases once normalised: a set
    test against the draft's normalised lines. In anywhere mode one search of
    all the prose replaces a search per line: a line's edges are newlines
    there, which the pattern's word boundaries treat as the ends of the line.
    Prefix patterns are anchored at a line start: trying them on each line is
    already cheap.
    """
    if compiled.mode == "line":
        return not (
            compiled.lines.isdisjoint(facts.line_set) and compiled.lines.isdisjoint(facts.shared(_bracketed_lines))
        )
    if compiled.pattern is not None and compiled.mode == "anywhere":
        return facts.prose_has(compiled.pattern.search)
    return True


def _bracketed_lines(doc: Document) -> frozenset[str]:
    """The draft's lines in brackets, normalised without them (for the quick reject)."""
    return frozenset(
        _unbracketed(line) for block in doc.blocks for _, line in block.lines() if line.lstrip()[:1] in ("(", "[")
    )


def _whole_line(block: Block, index: int, t_index: int, line: str) -> Hit:
    lead = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    return block_hit(block, index, t_index + lead, t_index + end, match=line.strip())


def _line_hit(compiled: Compiled, line: str, normal: str) -> bool:
    if normal in compiled.lines or _unbracketed(line) in compiled.lines:
        return True
    if compiled.mode != "prefix" or compiled.pattern is None:
        return False
    m = compiled.pattern.match(line)
    if m is None:
        return False
    glued = bool(m.group(1)) and m.group(1)[-1].isalpha()
    # Only a space before the headline: the label must be in capitals, or long before a quotation
    # mark, unless the phrase holds its own separator ("More:").
    label = line[: m.start(1)].lstrip(_LEAD).strip() if m.group(1) else ""
    if m.group(1) and not m.group(1).strip() and label[-1:].isalnum():
        quoted = line[m.end(1) : m.end(1) + 1] in _QUOTES
        if not (_long_label(label) if quoted else _caps_label(label)):
            return False
    # An ellipsis after one short word is a sentence trailing off ("Top... that was it"), not a label's.
    if m.group(1) and m.group(1).strip() in ("…", "...") and not _long_label(label):
        return False
    # In capitals, a "glued" capital not followed by a small letter is the word going on
    # ("READY", "MOREOVER"), not a widget glued to its headline ("BACA JUGAWarga ...").
    if glued and line[: m.start(1)].isupper() and not line[m.end(1) : m.end(1) + 1].islower():
        return False
    # A short one-word label glued to a capital is a name's first part ("ReadWriteWeb",
    # "KlikDokter", "MoreThanMoney"), not a widget run into its headline.
    if glued and " " not in label and len(label) <= _SHORT_LABEL:
        return False
    limit = compiled.max_words * (3 if m.group(1) else 1)
    if len(line.split()) > limit:
        return False
    # After a separator, a sentence in lower case that ends as one does is prose that uses
    # the label's word ("Related: the two cases share a judge."), not a widget's headline.
    if m.group(1) and not glued and _LOWER_SENTENCE.match(line, m.end()):
        return False
    # Glued to a capitalised word, the phrase may open a sentence whose space was lost
    # ("SelanjutnyaImmigration Lounge merupakan ... . Lalu ..."): a line of sentences is prose.
    return not (glued and _PROSE_TAIL.search(line, m.end()))


def _caps_label(label: str) -> bool:
    """A label in capitals long enough not to be a word opening a headline ("TOP Ten ...")."""
    return label.isupper() and _long_label(label)


def _long_label(label: str) -> bool:
    """A label of two words or more, or a long word: not a word a sentence opens with ("More")."""
    return " " in label or len(label) >= _CAPS_LABEL_CHARS


def _unbracketed(line: str) -> str:
    """A line in brackets ("(Baca juga)", "[Advertisement]"), normalised without them."""
    text = line.strip()
    if len(text) > 2 and text[0] in "([" and text[-1] in ")]":
        return normalize_line(text[1:-1])
    return ""


def _headline(following: Line, compiled: Compiled) -> Iterator[Hit]:
    """The line after a label alone, when it reads as the widget's headline."""
    index, block, t_index, line, normal = following
    text = line.strip()
    if len(text.split()) > compiled.max_words or text.endswith(".") or _line_hit(compiled, text, normal):
        return
    if block.kind in ("paragraph", "list-item", "heading"):
        yield _whole_line(block, index, t_index, line)
