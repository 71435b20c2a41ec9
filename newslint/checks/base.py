"""The contract between the engine and the check kinds, and what kinds share.

A check kind is a module (``newslint.checks.pattern``...) that satisfies
``CheckKind``: its name, the JSON schema of its ``with:`` parameters (with
their defaults), the scopes it supports, ``compile(params, scope)`` run once
per rule by the loader, and ``check(doc, rule, ctx)`` yielding Hits. A check
is a pure function of the document, the compiled rule and the context, whose
``facts`` hold what the checks share about the document. Also here: small
text helpers about how lines and sentences end, used by more than one kind.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import regex

from newslint.document import Block, Document
from newslint.lexicon import Lexicon, shipped_lexicon

if TYPE_CHECKING:
    from newslint.facts import Facts
    from newslint.rules import Rule

# The places a rule can look: each line of prose, each block, the title, the
# embedded scripts and iframes. A kind lists those it supports.
SCOPES = ("line", "block", "title", "embed")
# Values for a message template: the matched text, a reason, a language...
HitData = Mapping[str, "str | int | bool"]
Detector = Callable[[str], tuple[str, float]]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a rule: a source span and values for the message template."""

    start: int
    end: int
    data: HitData = field(default_factory=dict)
    block: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know beyond the document and its rule.

    ``facts`` are the document's shared facts; ``detect`` names the language of a
    text (sharing the document's word work); ``lexicon`` is the loaded language data.
    """

    language: str | None
    facts: Facts
    detect: Detector
    lexicon: Lexicon
    allowed_languages: frozenset[str] = frozenset()


class CheckKind(Protocol):
    """What every module in ``newslint.checks`` provides (see the module docstring)."""

    @property
    def KIND(self) -> str:  # noqa: N802 - a module constant
        """The kind's name, as rules write it in ``check:``."""
        ...

    @property
    def PARAMETERS(self) -> Mapping[str, Any]:  # noqa: N802
        """The JSON schema (draft 2020-12) of the rules' ``with:``, with defaults."""
        ...

    @property
    def SCOPES(self) -> tuple[str, ...]:  # noqa: N802
        """The scopes the kind honours; the first is the default."""
        ...

    def compile(self, params: Mapping[str, Any], scope: str) -> object:
        """The rule's parameters made ready to run; ValueError for a bad one."""
        ...

    def check(self, doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
        """The rule's hits on the document."""
        ...


def with_defaults(schema: Mapping[str, Any], params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with the schema's defaults filled in for the properties not given."""
    defaults = {name: prop["default"] for name, prop in schema.get("properties", {}).items()
                if "default" in prop}
    return {**defaults, **params}


def block_hit(block: Block, index: int, start: int, end: int, **data: str) -> Hit:
    """A hit on text indices [start, end) of a block."""
    return Hit(block.source_offset(start), block.source_offset(end), data, index)




def normalize_line(line: str) -> str:
    """Lower-case a short line and strip bullets, arrows and closing punctuation."""
    return " ".join(line.strip().strip("-*•·»›>|:.!…").strip().casefold().split())


# Phrase lines, labels and cut markers are short; a longer line is prose and
# is not normalised (its normal form is this value, which no phrase equals).
LABEL_MAX_CHARS = 200
LONG_LINE = "\x00long line"


# Sentence-final punctuation of the scripts newsrooms write in: Latin, CJK (full
# width), Devanagari danda, Burmese, Ethiopic, Armenian, Arabic/Urdu. A colon or
# semicolon ends a paragraph that introduces a list or a quote.
TERMINAL = frozenset(".!?…:;~。！？｡．；：।॥။።։؟۔")
# Closing quotes and brackets (a paragraph may end on them after a complete sentence)
# and footnote marks.
CLOSERS = frozenset("\"'”’»›)]}」』〉》）】*†‡")
OPEN_QUOTES = "“«„‘"
CLOSE_QUOTES = "”»’"
# Invisible characters scrapers leave at paragraph ends (zero-width space, word
# joiner, BOM, variation selector, no-break space).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\ufe0f\u00a0 \t\r\n"

# A sentence end: terminal punctuation, optional closers, then space and a capital
# or a letter of a script without case (Korean, Devanagari), possibly after an
# opening quote or bracket. CJK full stops need no space.
_SENTENCE_END = regex.compile(
    r"[.!?…।။]+[\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[\p{Lu}\p{Lt}\p{Lo}])|[。！？｡]+[」』”’)]*(?=.)",
    regex.S,
)


def trim_end(text: str) -> str:
    """Text without trailing whitespace and invisible characters."""
    return text.rstrip(_INVISIBLE)


def ends_complete(text: str) -> bool:
    """Whether a paragraph's last character closes it: punctuation, a closing quote or
    bracket, or a symbol such as an emoji or an arrow (chat-style endings)."""
    text = trim_end(text)
    if not text:
        return True
    last = text[-1]
    return last in TERMINAL or last in CLOSERS or unicodedata.category(last) in ("So", "Sk", "Co")


def sentence_ends(text: str, abbreviations: frozenset[str] | None = None) -> list[int]:
    """Indices just past each sentence end inside ``text`` (not counting its last one).

    A full stop after an abbreviation ("Mr.", "Sept.", "U.S."; the lexicons' lists,
    by default the shipped ones), after a single letter ("Nelson D. Schwartz") or
    after a list number at the start ("1. China") does not end a sentence.
    """
    if abbreviations is None:
        abbreviations = shipped_lexicon().abbreviations
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _after_abbreviation(text, m.start(), abbreviations):
            continue
        ends.append(m.end())
    return ends


def _after_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    if dot == 0 or text[dot - 1].isspace():
        return False  # "pmb.upi.edu . Adapun": a loosely spaced full stop still ends
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot].strip("\"'“‘(*[").casefold()
    if word.isdigit():
        return not text[:start].strip(" -*•")  # a list number, not a year ending a sentence
    return len(word) <= 1 or "." in word or word in abbreviations


def quote_balance(text: str) -> int:
    """Opening minus closing curly or guillemet double quotes (straight ones are ambiguous).

    German opens with „ and closes with “, which opens elsewhere: a text with „ is read
    the German way.
    """
    low = text.count("„")
    if low:
        return low - text.count("“") - text.count("”")
    return text.count("“") + text.count("«") - text.count("”") - text.count("»")


def opens_unclosed_quote(text: str) -> bool:
    """A quotation opens in ``text`` and is not closed by its end."""
    if any(q in text for q in "“”«»„"):
        # Sloppy copy closes a curly quote with a straight one: count those as closing.
        return quote_balance(text) - text.count('"') > 0
    stripped = text.lstrip()
    return text.count('"') % 2 == 1 and stripped.startswith('"')


def opens_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in ('"', "“", "«", "„", "‘", "'")
