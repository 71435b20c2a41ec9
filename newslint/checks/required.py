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

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, with_defaults
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "required"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["field"],
    "properties": {
        "field": {"enum": ["byline", "date"]},
        "patterns": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "regexes that find the field in the text",
        },
        "head_blocks": {
            "type": "integer",
            "minimum": 0,
            "default": 4,
            "description": "how many blocks at the start to search",
        },
        "tail_blocks": {
            "type": "integer",
            "minimum": 0,
            "default": 3,
            "description": "how many blocks at the end to search",
        },
    },
}


@dataclass(frozen=True, slots=True)
class Compiled:
    field: str
    patterns: tuple[rx.Pattern[str], ...]
    head: int
    tail: int
    # the patterns for a text without a line feed (see ``regexcache.for_one_line``)
    line_patterns: tuple[rx.Pattern[str], ...] = ()


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    try:
        patterns = tuple(regexcache.compile(p, rx.MULTILINE) for p in params["patterns"])
        lines = tuple(
            regexcache.for_one_line(c, p, rx.MULTILINE) for c, p in zip(patterns, params["patterns"], strict=True)
        )
    except rx.error as e:
        raise ValueError(f"invalid regex in patterns: {e}") from e
    return Compiled(params["field"], patterns, int(params["head_blocks"]), int(params["tail_blocks"]), lines)


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if getattr(doc, compiled.field) or not doc.blocks:
        return  # present, or nothing was read (binary, empty or unparsable input)
    blocks = doc.blocks
    candidates = list(blocks[: compiled.head]) + list(blocks[max(compiled.head, len(blocks) - compiled.tail) :])
    if doc.title and compiled.field == "date" and _found(compiled, doc.title):
        return
    for block in candidates:
        if _found(compiled, block.text):
            return
    yield Hit(0, 0, {"field": compiled.field})


def _found(compiled: Compiled, text: str) -> bool:
    patterns = compiled.line_patterns if compiled.line_patterns and "\n" not in text else compiled.patterns
    return any(p.search(text) for p in patterns)
