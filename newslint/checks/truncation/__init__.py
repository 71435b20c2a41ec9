"""``truncation``: paragraphs and articles that stop mid-sentence.

Three modes, one module each:

- ``paragraph-end`` (``ends``): a prose paragraph, or the article, that stops
  mid-sentence, with evidence. ``evidence: strong``: a word no sentence ends on
  (``dangling_words``), a trailing comma, a quotation or bracket never closed, a
  word cut in the middle. ``evidence: weak`` (``lone``): a fragment after a full
  sentence, or the only unfinished sentence of a tidy article. A missing full
  stop alone is not a cut.
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

from newslint.checks.base import Context, Hit
from newslint.checks.truncation.ends import paragraph_ends
from newslint.checks.truncation.markers import compile_markers, markers
from newslint.checks.truncation.splits import split_sentences
from newslint.document import Document
from newslint.language import STOPWORDS

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "truncation"
DEFAULT_SCOPE = "block"


@dataclass(frozen=True, slots=True)
class Compiled:
    mode: str
    dangling: frozenset[str]
    openers: frozenset[str]
    weak_openers: frozenset[str]
    markers: Any  # the phrases kind's compiled line list, or None
    evidence: str  # paragraph-end: "strong" or "weak"


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(
        params["mode"],
        frozenset(w.casefold() for w in params.get("dangling_words", ())),
        frozenset(w.casefold() for w in params.get("continuation_openers", ())),
        frozenset(w.casefold() for w in params.get("weak_openers", ())),
        compile_markers(params.get("markers", ())),
        params.get("evidence", "strong"),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    if compiled.mode == "paragraph-end":
        yield from paragraph_ends(doc, compiled, STOPWORDS.get(ctx.language or ""))
    elif compiled.mode == "split-sentence":
        yield from split_sentences(doc, compiled)
    else:
        yield from markers(doc, compiled.markers)
