"""``truncation``: paragraphs and articles that stop mid-sentence.

Three modes, one module each:

- ``paragraph-end`` (``ends``): a prose paragraph, or the article, that stops
  mid-sentence, with evidence. ``evidence: strong``: a word no sentence ends on
  (``dangling_words``), a trailing comma, a quotation, a bracket or an aside after
  a dangling word never closed, a word cut in the middle. ``evidence: weak``
  (``lone``): a fragment after a full sentence, the only unfinished sentence of a
  tidy article, a word a sentence seldom ends on (``auxiliary_words``: "was",
  "estava"; ``open_words``, learned from edited copy by
  ``benchmarks/truncation_words.py``), or the first word of a name the article writes
  longer everywhere else. A paragraph that stops on a
  word that often ends sentences (``closing_words``, learned the same way) is not
  reported on weak evidence alone. A missing full stop alone is not a cut.
- ``split-sentence`` (``splits``): one sentence broken over two paragraphs.
- ``marker`` (``markers``): explicit cut markers on a line of their own
  ("[...]", "(bersambung)"), matched by the ``phrases`` kind.

Scripts without spaces or capitals (Chinese, Japanese, Korean) and other
scripts' sentence marks are understood, so the check works whatever the
language; only the word lists are per language. ``sentences`` holds the sentence
helpers the modes share.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Context, Hit, with_defaults
from newslint.checks.truncation.ends import paragraph_ends
from newslint.checks.truncation.markers import compile_markers, markers
from newslint.checks.truncation.splits import split_sentences
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "truncation"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {
        "mode": {"enum": ["paragraph-end", "split-sentence", "marker"]},
        "dangling_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end: words no sentence of the language ends on",
        },
        "auxiliary_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end, evidence weak: words a sentence seldom ends on (auxiliaries, "
            "copulas, modals: 'was', 'estava', 'merupakan'); a paragraph ending on one is weak evidence. "
            "A pack lists the same words in its strong rule, so that both rules share one reading",
        },
        "open_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end: words edited copy of the language essentially never ends a "
            "sentence on, learned from a corpus by benchmarks/truncation_words.py (not hand-picked); a "
            "paragraph ending on one in lower case was cut (weak evidence)",
        },
        "closing_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end, evidence weak: words that often end a sentence of the language "
            "(an eighth of the times they are seen or more), learned by benchmarks/truncation_words.py; a "
            "paragraph ending on one lacks a full stop more likely than it was cut, so weak evidence "
            "alone does not report it",
        },
        "inside_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end, evidence weak: words, in any case, that end a sentence of the "
            "language in under half the share of its average word, learned by "
            "benchmarks/truncation_words.py. A deck or a standfirst (the article's first paragraph of "
            "sentence length before a lead) is not reported on weak evidence unless it stops on one, on an "
            "open word or on an auxiliary: a missing full stop alone is no cut",
        },
        "name_heads": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end: nouns that open a proper name in the language, capitalised ('Balai' "
            "of 'Balai Polis Dang Wangi', 'Kejohanan' of 'Kejohanan Badminton Malaysia'); a paragraph of "
            "sentence length ending on one after a lower-case word stops before the name it opens",
        },
        "datelines": {
            "type": "boolean",
            "default": False,
            "description": "paragraph-end: the language's copy opens a story on a dateline in capitals and "
            "a colon ('KUALA LUMPUR: Seorang ...', 'RABAT, Maghribi: ...'); such a paragraph is judged as "
            "prose, not passed over as a 'Label: teaser' line",
        },
        "suffixes": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end: the endings the language adds to a whole word ('nya', 'kan', "
            "'an' in Malay and Indonesian). A paragraph's last word used nowhere else, of five letters or "
            "more, that begins a longer word of the article by more than these endings was cut in the "
            "middle ('berkis' when 'berkisar' is there; 'harga' is whole when 'harganya' is). Without the "
            "list, only a word cut in half is seen ('pemerin' of 'pemerintah')",
        },
        "heading_words": {
            "type": "integer",
            "minimum": 1,
            "default": 6,
            "description": "paragraph-end: a line of fewer words ending on a dangling word, without a "
            "comma, may be a heading (English headings strand prepositions: 'Who it applies to')",
        },
        "stranded_words": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "paragraph-end: the dangling words a heading of fewer than heading_words words may "
            "end on (English headings strand prepositions and pronouns: 'Who it applies to', 'Who are "
            "they'). When the list is given, a line ending on another dangling word (an article, a "
            "conjunction: 'Kremen also confirmed that a') is judged whatever its length",
        },
        "continuation_openers": {"$ref": "#/$defs/stringList", "default": []},
        "weak_openers": {"$ref": "#/$defs/stringList", "default": []},
        "markers": {"$ref": "#/$defs/stringList", "default": []},
        "evidence": {
            "enum": ["strong", "weak"],
            "default": "strong",
            "description": "paragraph-end: report strong evidence of a cut (a dangling word, a "
            "trailing comma, an unclosed quotation or bracket, a word cut in the "
            "middle) or only weak evidence (a fragment after a full sentence, the "
            "only unfinished sentence of a tidy article)",
        },
    },
}


@dataclass(frozen=True, slots=True)
class Compiled:
    """A truncation rule's compiled parameters: its mode and word lists."""

    mode: str
    dangling: frozenset[str]
    openers: frozenset[str]
    weak_openers: frozenset[str]
    markers: Any  # the phrases kind's compiled line list, or None
    evidence: str  # paragraph-end: "strong" or "weak"
    heading_words: int = 6
    auxiliaries: frozenset[str] = frozenset()
    open_words: frozenset[str] = frozenset()
    closing_words: frozenset[str] = frozenset()
    inside_words: frozenset[str] = frozenset()
    name_heads: frozenset[str] = frozenset()
    datelines: bool = False
    suffixes: tuple[str, ...] = ()
    stranded: frozenset[str] | None = None  # None: any dangling word may end a heading


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    return Compiled(
        params["mode"],
        frozenset(w.casefold() for w in params["dangling_words"]),
        frozenset(w.casefold() for w in params["continuation_openers"]),
        frozenset(w.casefold() for w in params["weak_openers"]),
        compile_markers(params["markers"]),
        params["evidence"],
        int(params["heading_words"]),
        frozenset(w.casefold() for w in params["auxiliary_words"]),
        frozenset(w.casefold() for w in params["open_words"]),
        frozenset(w.casefold() for w in params["closing_words"]),
        frozenset(w.casefold() for w in params["inside_words"]),
        frozenset(w.casefold() for w in params["name_heads"]),
        bool(params["datelines"]),
        tuple(sorted({w.casefold() for w in params["suffixes"]}, key=len, reverse=True)),
        frozenset(w.casefold() for w in params["stranded_words"]) if params["stranded_words"] else None,
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if compiled.mode == "paragraph-end":
        function_words = ctx.lexicon.function_words.get(ctx.language or "")
        yield from paragraph_ends(doc, compiled, function_words, ctx.facts)
    elif compiled.mode == "split-sentence":
        yield from split_sentences(doc, compiled, ctx.facts)
    else:
        yield from markers(compiled.markers, ctx.facts)
