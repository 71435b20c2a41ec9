"""``required``: an article must carry a byline or a date.

The field counts as present when the metadata has it (front matter, CMS field)
or when one of the rule's ``patterns`` matches a line in the first
``head_blocks`` or the last ``tail_blocks`` blocks: a byline line ("Oleh ...",
"By ..."), an end-of-article credit such as the Indonesian "(trisno)", a
dateline carrying a date, a header line "Author Name | 2024-09-12". A date
mentioned deep in the body is not a publication date and does not count. A
document with no text at all (binary, empty, unparsable input) is reported by
the reader, not here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "required"
DEFAULT_SCOPE = "block"


@dataclass(frozen=True, slots=True)
class Compiled:
    field: str
    patterns: tuple[Any, ...]
    head: int
    tail: int


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    try:
        patterns = tuple(regex.compile(p, regex.MULTILINE) for p in params.get("patterns", ()))
    except regex.error as e:
        raise ValueError(f"invalid regex in patterns: {e}") from e
    return Compiled(params["field"], patterns, int(params.get("head_blocks", 4)),
                    int(params.get("tail_blocks", 3)))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    if getattr(doc, compiled.field) or not doc.blocks:
        return  # present, or nothing was read (binary, empty or unparsable input)
    blocks = doc.blocks
    candidates = list(blocks[: compiled.head]) + list(blocks[max(compiled.head, len(blocks) - compiled.tail) :])
    if doc.title and any(p.search(doc.title) for p in compiled.patterns if compiled.field == "date"):
        return
    for block in candidates:
        if any(p.search(block.text) for p in compiled.patterns):
            return
    yield Hit(0, 0, {"field": compiled.field})
