"""The contract between the engine and the check kinds, and what kinds share.

A check kind is a module (``newslint.checks.pattern``...) that satisfies
``CheckKind``: its name, the JSON schema of its ``with:`` parameters (with
their defaults), the scopes it supports, ``compile(params, scope)`` run once
per rule by the loader, and ``check(doc, rule, ctx)`` yielding Hits. A check
is a pure function of the document, the compiled rule and the context, whose
``facts`` hold what the checks share about the document. Also here: small
text helpers about how lines and paragraphs end, used by more than one kind
(the sentence helpers only truncation needs are in
``newslint.checks.truncation.sentences``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from newslint.document import Block, Document
from newslint.lexicon import Lexicon

if TYPE_CHECKING:
    import regex

    from newslint.facts import Facts
    from newslint.finding import Finding
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
    text (sharing the document's word work); ``lexicon`` is the loaded language data;
    ``detected`` says ``language`` is detection's guess, not a declared language.
    ``found`` is what the rules before this one reported on the document: the engine runs
    the rules of a kind that reads it (``READS_FINDINGS``) after every other rule.
    """

    language: str | None
    facts: Facts
    detect: Detector
    lexicon: Lexicon
    allowed_languages: frozenset[str] = frozenset()
    # The language was detected from the text, not declared (metadata or --language).
    detected: bool = False
    found: Sequence[Finding] = ()


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
    defaults = {name: prop["default"] for name, prop in schema.get("properties", {}).items() if "default" in prop}
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
# Marks that close a quotation in one style and open it in another, with the mark
# that opens the quotation they close.
_OPENER_OF = {"“": "„", "‘": "‚", "«": "»"}
# Invisible characters scrapers leave at paragraph ends (zero-width space, word
# joiner, BOM, variation selector, no-break space).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\ufe0f\u00a0 \t\r\n"


def trim_end(text: str) -> str:
    """Text without trailing whitespace and invisible characters."""
    return text.rstrip(_INVISIBLE)


# How far from its end ``last_word_match`` first looks for a paragraph's last word.
LAST_WORD_WINDOW = 80


def last_word_match(pattern: regex.Pattern[str], text: str, window: int = LAST_WORD_WINDOW) -> regex.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose match is a text's last word with what
    follows it to the end ("(\\w+)\\W*$"): letters, marks, digits, apostrophes and
    hyphens, no white space, before "$". ``regex`` tries such a pattern from every
    character of the text, each try running along a word before it fails: a paragraph
    of a few hundred words cost 0.2 ms. Looked for in the last LAST_WORD_WINDOW
    characters (``window``) first, a match found there is the one of the whole text when white space
    comes right before it: an earlier start would take that white space inside the word
    it matches. Otherwise the whole text is searched."""
    start = len(text) - window
    if start > 0:
        found = pattern.search(text, start)
        if found is not None and found.start() > start and text[found.start() - 1].isspace():
            return found
    return pattern.search(text)


def ends_complete(text: str) -> bool:
    """Whether a paragraph's last character closes it: punctuation, a closing quote or
    bracket, or a symbol such as an emoji or an arrow (chat-style endings)."""
    text = trim_end(text)
    if not text:
        return True
    last = text[-1]
    if last in TERMINAL or last in CLOSERS or unicodedata.category(last) in ("So", "Sk", "Co"):
        return True
    # German closes „…“ and ‚…‘, and some German copy runs guillemets »…«: the mark
    # that opens elsewhere closes when the text opened the matching quotation.
    opener = _OPENER_OF.get(last)
    # ... or after a full stop, whatever the style ('S.A. de C.V.“').
    return opener is not None and (opener in text[:-1] or text[-2:-1] in TERMINAL)
