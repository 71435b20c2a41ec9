"""``phrases``: lists of phrases matched as whole lines, line prefixes or anywhere.

Whole-line matching ignores case, bullets, arrows and closing punctuation, so
"Baca Juga:", "» Baca juga" and "BACA JUGA" are one phrase. Each rule compiles
its list once: a set for lines, one alternation regex for prefixes and anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit, block_hit, normalize_line
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "phrases"
DEFAULT_SCOPE = "line"


@dataclass(frozen=True, slots=True)
class Compiled:
    mode: str
    lines: frozenset[str]
    pattern: Any
    max_words: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    mode = params.get("match", "line")
    phrases = [p for p in params["phrases"]]
    flags = regex.IGNORECASE if params.get("ignorecase", True) else 0
    alternation = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if mode == "prefix":
        source = rf"^[\s\-*•·»›>|]*(?:{alternation})(?=\s*[:\-–—|»›]|\s*$)"
    else:
        source = rf"(?<!\w)(?:{alternation})(?!\w)"
    lines = frozenset(normalize_line(p) for p in phrases)
    return Compiled(mode, lines, regex.compile(source, flags), int(params.get("max_words", 12)))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    for index, block in enumerate(doc.blocks):
        for t_index, line in block.lines():
            if not line.strip():
                continue
            if compiled.mode == "anywhere":
                for m in compiled.pattern.finditer(line):
                    yield block_hit(block, index, t_index + m.start(), t_index + m.end(),
                                    match=m.group(0))
                continue
            hit = _line_hit(compiled, line)
            if hit:
                lead = len(line) - len(line.lstrip())
                end = len(line.rstrip())
                yield block_hit(block, index, t_index + lead, t_index + end, match=line.strip())


def _line_hit(compiled: Compiled, line: str) -> bool:
    if normalize_line(line) in compiled.lines:
        return True
    if compiled.mode != "prefix":
        return False
    return len(line.split()) <= compiled.max_words and compiled.pattern.match(line) is not None
