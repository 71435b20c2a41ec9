"""``language``: the article's language, and paragraphs in another language.

Modes:

- ``unexpected``: the article is not in one of the allowed languages (the
  rule's ``allowed`` list, else the run's configured languages; with neither,
  the rule is silent).
- ``mixed-paragraph``: a paragraph of real length (``min_chars``) whose
  detected language differs from the article's, with probability at least
  ``min_probability``. Short blocks ("Top", a credit line) are never checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Context, Hit

if TYPE_CHECKING:
    from newslint.rules import Rule

from newslint.document import Document

KIND = "language"
DEFAULT_SCOPE = "block"

# Pairs langdetect confuses on short paragraphs; not worth a finding.
CLOSE_PAIRS = frozenset({frozenset(p) for p in (("id", "tl"), ("es", "ca"), ("pt", "gl"),
                                                  ("no", "da"), ("hr", "sl"), ("zh-cn", "zh-tw"))})


@dataclass(frozen=True, slots=True)
class Compiled:
    mode: str
    allowed: frozenset[str]
    min_chars: int
    min_probability: float


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    return Compiled(params["mode"], frozenset(params.get("allowed", ())),
                    int(params.get("min_chars", 200)), float(params.get("min_probability", 0.95)))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    if ctx.language in (None, "und"):
        return
    if compiled.mode == "unexpected":
        allowed = compiled.allowed or ctx.allowed_languages
        if allowed and ctx.language not in allowed:
            yield Hit(0, 0, {"language": ctx.language, "allowed": ", ".join(sorted(allowed))})
        return
    if ctx.detect is None:
        return
    for i, block in enumerate(doc.blocks):
        if block.kind == "code" or len(block.text) < compiled.min_chars or len(block.text.split()) < 20:
            continue
        lang, prob = ctx.detect(block.text)
        if lang in ("und", ctx.language) or prob < compiled.min_probability:
            continue
        if frozenset((lang, ctx.language)) in CLOSE_PAIRS:
            continue
        yield Hit(block.start, block.end, {"language": lang, "article": ctx.language}, i)
