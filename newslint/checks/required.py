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
from dataclasses import field as dataclass_field
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
    """A rule's parameters, its patterns built when a document first needs them (none for
    a document whose metadata has the field)."""

    field: str
    sources: tuple[str, ...]
    head: int
    tail: int
    _built: dict[str, tuple[rx.Pattern[str], ...]] = dataclass_field(default_factory=dict, compare=False, repr=False)

    @property
    def patterns(self) -> tuple[rx.Pattern[str], ...]:
        built = self._built.get("patterns")
        if built is None:
            built = self._built["patterns"] = tuple(regexcache.compile(p, rx.MULTILINE) for p in self.sources)
        return built

    @property
    def line_patterns(self) -> tuple[rx.Pattern[str], ...]:
        """The patterns for a text without a line feed (see ``regexcache.one_line``)."""
        built = self._built.get("line_patterns")
        if built is None:
            built = self._built["line_patterns"] = tuple(regexcache.one_line(p, rx.MULTILINE) for p in self.sources)
        return built

    def build(self) -> None:
        """Build every pattern now (before worker processes fork, so that they share them)."""
        _ = (self.patterns, self.line_patterns)


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    """The rule's parameters, its patterns compiled (so that a bad one is reported at load)."""
    compiled = compile_checked(params, scope)
    try:
        _ = compiled.patterns  # built now, so that a bad regex is refused at load
    except rx.error as e:
        raise ValueError(f"invalid regex in patterns: {e}") from e
    return compiled


def compile_checked(params: Mapping[str, Any], scope: str) -> Compiled:
    """The parameters of a rule an earlier load checked: its patterns built on first use."""
    params = with_defaults(PARAMETERS, params)
    sources = tuple(params["patterns"])
    return Compiled(params["field"], sources, int(params["head_blocks"]), int(params["tail_blocks"]))


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
    patterns = compiled.patterns if "\n" in text else compiled.line_patterns
    return any(p.search(text) for p in patterns)
