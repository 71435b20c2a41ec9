"""``pattern``: a regular expression over lines, blocks, the title or embeds.

Regexes run on the ``regex`` module with a time limit, so a catastrophic user
pattern ends as a clear finding instead of a hung run. ``body_only`` leaves the
title and headings alone (a headline may open with "VIDEO:", a body line not).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, block_hit, with_defaults
from newslint.document import Document
from newslint.errors import CheckTimeout

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "pattern"
SCOPES = ("line", "block", "title", "embed")
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["regex"],
    "properties": {
        "regex": {"type": "string", "minLength": 1},
        "ignorecase": {"type": "boolean", "default": False},
        "unless": {
            "type": "string",
            "minLength": 1,
            "description": "skip a match when the scanned line or block also matches this regex",
        },
        "timeout": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 60,
            "default": 1.0,
            "description": "seconds the rule may spend on one document",
        },
        "requires": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "speed: skip a block that contains none of these strings (case "
            "ignored); every match must contain one",
        },
        "body_only": {
            "type": "boolean",
            "default": False,
            "description": "skip the title and headings (a headline may open with 'VIDEO:' where a body line may not)",
        },
    },
}


@dataclass(frozen=True, slots=True)
class Compiled:
    """A rule's parameters, its regexes built when a document first needs each of them: a
    rule whose ``requires`` strings a draft lacks builds none, and a draft whose texts are
    all multi-line (or all one line) builds one form of each (see ``pattern``, ``line_pattern``)."""

    source: str
    unless_source: str | None
    flags: int
    timeout: float
    block_first: bool = False
    requires: tuple[str, ...] = ()  # casefolded: a block without any of them cannot match
    body_only: bool = False  # skip the title and headings
    _built: dict[str, rx.Pattern[str] | None] = field(default_factory=dict, compare=False, repr=False)
    # what the regex needs and whether it matches at line starts only (``_read_regex``)
    _read: list[tuple[tuple[str, ...] | None, bool]] = field(default_factory=list, compare=False, repr=False)

    # (each regex is built once, at its first use: ``_built`` holds it after that)
    def _build(self, key: str, source: str, make: Callable[[str, int], rx.Pattern[str]]) -> rx.Pattern[str]:
        built = self._built[key] = make(source, self.flags)
        return built

    @property
    def pattern(self) -> rx.Pattern[str]:
        return self._built.get("pattern") or self._build("pattern", self.source, regexcache.compile)

    @property
    def unless(self) -> rx.Pattern[str] | None:
        if self.unless_source is None:
            return None
        return self._built.get("unless") or self._build("unless", self.unless_source, regexcache.compile)

    # The two regexes compiled without MULTILINE, for a text with no line feed (one line):
    # the same matches there, and a "^" the regex opens with is tried at the text's start
    # only, not at each of its characters (see ``regexcache.one_line``). The same objects
    # when not compiled with MULTILINE, or when the regex's line ends are not only line feeds.
    @property
    def line_pattern(self) -> rx.Pattern[str]:
        return self._built.get("line_pattern") or self._build("line_pattern", self.source, regexcache.one_line)

    @property
    def line_unless(self) -> rx.Pattern[str] | None:
        if self.unless_source is None:
            return None
        return self._built.get("line_unless") or self._build("line_unless", self.unless_source, regexcache.one_line)

    def build(self) -> None:
        """Build every regex now (before worker processes fork, so that they share them)."""
        _ = (self.pattern, self.unless, self.line_pattern, self.line_unless)


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    """The rule's parameters, its regexes compiled (so that a bad one is reported at load)."""
    compiled = compile_checked(params, scope)
    try:
        _ = (compiled.pattern, compiled.unless)  # built now, so that a bad regex is refused at load
    except rx.error as e:
        raise ValueError(f"invalid regex: {e}; check brackets and escapes") from e
    return compiled


def compile_checked(params: Mapping[str, Any], scope: str) -> Compiled:
    """The parameters of a rule an earlier load checked (``newslint.rulecache``): its regexes
    are built when a document first needs them."""
    params = with_defaults(PARAMETERS, params)
    flags = rx.V0 | (rx.IGNORECASE if params["ignorecase"] else 0)
    if scope == "line":
        flags |= rx.MULTILINE
    return Compiled(
        params["regex"],
        params.get("unless") or None,
        flags,
        float(params["timeout"]),
        scope == "line" and _BLOCK_SAFE.search(params["regex"]) is None,
        tuple(word.casefold() for word in params["requires"]),
        bool(params["body_only"]),
    )


# A line-scope regex can be tried on all the prose, then on a whole block,
# before its lines (most drafts have no match, and one search is far cheaper
# than one per line): a match in a line is a match in the text around it too,
# whose line edges are newlines that "^", "$" (multi-line) and "\b" treat as
# the line's ends. Not so when the regex looks at string boundaries or around
# the match, or cannot give back what it took (atomic groups, possessive
# quantifiers): those rules are searched line by line.
_BLOCK_SAFE = regexcache.compile(r"\\[AZz]|\(\?<?[=!]|\(\?>|[*+?}]\+")


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    facts = ctx.facts
    deadline = time.monotonic() + compiled.timeout
    if rule.scope == "embed":
        for embed in doc.embeds:
            for m in _finditer(compiled, embed.text, deadline):
                yield Hit(embed.start, embed.end, {"match": m.group(0)})
        return
    if rule.scope == "title":
        if doc.title:
            for m in _finditer(compiled, doc.title, deadline):
                yield Hit(0, 0, {"match": m.group(0)})
        return
    candidates: AbstractSet[int] | None = None
    if compiled.requires:
        # Only the blocks that name one of the strings (the document's facts find each
        # string once, for every rule that requires it): most drafts have none.
        candidates = facts.blocks_with_any(compiled.requires)
        if not candidates:
            return
    # ... and that hold one of the strings the regex needs, when the document's finder of
    # strings has placed them (a run of many drafts): a block with "bag" in "sebagai" holds
    # no "buy" nor "cart" (see ``needs``)
    needed, at_start = _read_regex(rule, compiled) if facts.finds_strings else (None, False)
    narrowed = facts.indexed_blocks_with_any(needed) if needed else None
    if narrowed is not None:
        candidates = narrowed if candidates is None else candidates & narrowed
        if not candidates:
            return
    elif (
        candidates is None
        and compiled.block_first
        and not facts.prose_has(functools.partial(_search, compiled, deadline=deadline))
    ):
        return  # one search of all the prose rules out most drafts at once
    blocks = doc.blocks
    for index in range(len(blocks)) if candidates is None else sorted(candidates):
        block = blocks[index]
        if compiled.body_only and block.kind in _NOT_BODY:
            continue
        if rule.scope == "line":
            text = block.text
            if "\n" not in text:  # one line: its search is the block's
                for m in _finditer(compiled, text, deadline, at_start):
                    yield block_hit(block, index, m.start(), m.end(), match=m.group(0))
                continue
            if compiled.block_first and not _search(compiled, text, deadline):
                continue
            for t_index, line in block.lines():
                for m in _finditer(compiled, line, deadline, at_start):
                    yield block_hit(block, index, t_index + m.start(), t_index + m.end(), match=m.group(0))
        else:
            for m in _finditer(compiled, block.text, deadline, at_start):
                yield block_hit(block, index, m.start(), m.end(), match=m.group(0))


_NOT_BODY = frozenset({"title", "heading"})


def needs(rule: Rule) -> tuple[str, ...] | None:
    """Case-folded strings of which a match of the rule's regex in a line or block holds one,
    read from the regex (``newslint.needed``), or None: what a block must hold for the rule
    to search it, beside its ``requires``."""
    if rule.check != KIND or rule.scope not in ("line", "block"):
        return None
    from newslint.needed import needed  # (a run of many drafts only: one file's run does without)

    params = rule.params
    return needed(str(params["regex"]), bool(params.get("ignorecase", False)))


def _read_regex(rule: Rule, compiled: Compiled) -> tuple[tuple[str, ...] | None, bool]:
    """``needs(rule)``, and whether every match of the rule's regex starts where a line
    starts (``newslint.needed.line_start``; never with the WORD flag, whose lines end at
    more characters than a line feed): read once per rule, not per document."""
    if not compiled._read:
        from newslint.needed import line_start

        starts = rule.check == KIND and not compiled.flags & rx.WORD
        starts = starts and line_start(str(rule.params["regex"]), bool(rule.params.get("ignorecase", False)))
        compiled._read.append((needs(rule), starts))
    return compiled._read[0]


# Matching runs with concurrent=True: the regex module then releases the GIL, so a
# user's slow regex does not freeze the other threads of `newslint serve`.


def _search(compiled: Compiled, text: str, deadline: float) -> bool:
    remaining = deadline - time.monotonic()
    pattern = compiled.pattern if "\n" in text else compiled.line_pattern
    try:
        if remaining <= 0:
            raise TimeoutError
        return pattern.search(text, timeout=remaining, concurrent=True) is not None
    except TimeoutError as e:
        raise CheckTimeout(f"regex took longer than {compiled.timeout:g}s") from e


def _finditer(compiled: Compiled, text: str, deadline: float, at_start: bool = False) -> list[rx.Match[str]]:
    """Every match in ``text`` (none when the rule's ``unless`` matches it): a list, not a
    generator, since most texts have none (the call is made for every candidate block).
    ``at_start``: every match of the regex starts where a line starts, so in a text of
    one line only a match at its start can be found (``newslint.needed.line_start``);
    the search would try every character (0.1 ms for a paragraph of
    ``markup/pagination``, whose lookbehind is tried at each)."""
    remaining = deadline - time.monotonic()
    one_line = "\n" not in text
    if one_line:
        pattern, unless = compiled.line_pattern, compiled.line_unless
    else:
        pattern, unless = compiled.pattern, compiled.unless
    try:
        if remaining <= 0:
            raise TimeoutError
        first = pattern.match(text, timeout=remaining, concurrent=True) if at_start and one_line else None
        if at_start and one_line and (first is None or first.end() > 0):
            matches = [] if first is None else [first]
        else:  # (after an empty match, a search tries the same start again for a longer one)
            matches = list(pattern.finditer(text, timeout=remaining, concurrent=True))
        if matches and unless is not None and unless.search(text, timeout=remaining):
            return []
    except TimeoutError as e:
        raise CheckTimeout(f"regex took longer than {compiled.timeout:g}s") from e
    return matches
