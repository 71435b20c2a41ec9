"""``glued-headings``: headings that sit, with no blank line, in a run of lines holding a match.

A Markdown reader takes a line opening with "# " for a heading, and so it takes the
comment lines of a pasted ads.txt file ("# Name: Example Media", "# Contact: ...") for
headings: blocks of their own, apart from the records they annotate, where a block's
pattern never sees them together. In the source they are one run of lines: no blank line
between the comment and the records. This kind reads the blocks in such runs (each block
starting on the line after the previous block ends) and reports every heading of a run in
which a non-heading block has a line that matches ``regex``, and, with ``lines``, every other
block of the run whose lines all match ``lines`` (a "#Contact=..." comment the headings around
it left a paragraph of its own). A heading set off by a blank line, as Markdown writes its
headings, is not in the records' run and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, block_hit, with_defaults
from newslint.document import Block, Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "glued-headings"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["regex"],
    "properties": {
        "regex": {
            "type": "string",
            "minLength": 1,
            "description": "a line of a non-heading block that makes its run of glued blocks junk",
        },
        "lines": {
            "type": "string",
            "minLength": 1,
            "description": "a block of the run, not itself marked, all of whose lines match this is reported too",
        },
        "ignorecase": {"type": "boolean", "default": False},
        "requires": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "speed: skip a document none of whose blocks contains one of these strings (case ignored)",
        },
    },
}


@dataclass(frozen=True, slots=True)
class Compiled:
    """The rule's line regex, built on first use, and its quick-reject strings."""

    source: str
    lines_source: str | None
    flags: int
    requires: tuple[str, ...]
    _built: dict[str, rx.Pattern[str]] = dataclass_field(default_factory=dict, compare=False, repr=False)

    @property
    def pattern(self) -> rx.Pattern[str]:
        built = self._built.get("pattern")
        if built is None:
            built = self._built["pattern"] = regexcache.compile(self.source, self.flags)
        return built

    @property
    def lines(self) -> rx.Pattern[str] | None:
        if self.lines_source is None:
            return None
        built = self._built.get("lines")
        if built is None:
            built = self._built["lines"] = regexcache.compile(self.lines_source, self.flags & ~rx.MULTILINE)
        return built


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    """The rule's parameters, its regex compiled now so that a bad one is refused at load."""
    compiled = compile_checked(params, scope)
    try:
        _ = (compiled.pattern, compiled.lines)
    except rx.error as e:
        raise ValueError(f"invalid regex: {e}") from e
    return compiled


def compile_checked(params: Mapping[str, Any], scope: str) -> Compiled:
    """The parameters of a rule an earlier load checked: its regex built on first use."""
    params = with_defaults(PARAMETERS, params)
    flags = rx.MULTILINE | (rx.IGNORECASE if params["ignorecase"] else 0)
    return Compiled(params["regex"], params.get("lines"), flags, tuple(s.casefold() for s in params["requires"]))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    blocks = doc.blocks
    if not any(b.kind == "heading" for b in blocks):
        return
    if compiled.requires and not ctx.facts.blocks_with_any(compiled.requires):
        return
    for run in _runs(doc, blocks):
        if all(blocks[i].kind != "heading" for i in run):
            continue
        marked = {i for i in run if blocks[i].kind != "heading" and _marks(compiled, blocks[i])}
        if not marked:
            continue
        for i in run:
            block = blocks[i]
            if block.kind == "heading" or (i not in marked and _all_lines(compiled.lines, block)):
                yield block_hit(block, i, 0, len(block.text), match=block.text)


def _runs(doc: Document, blocks: tuple[Block, ...]) -> Iterator[list[int]]:
    """Indices of blocks in runs whose blocks each start on the line after the last one ends."""
    run: list[int] = []
    last_line = -2
    for i, block in enumerate(blocks):
        first_line = doc.position(block.start)[0]
        if run and first_line != last_line + 1:
            yield run
            run = []
        run.append(i)
        last_line = doc.position(block.end)[0]
    if run:
        yield run


def _marks(compiled: Compiled, block: Block) -> bool:
    return compiled.pattern.search(block.text) is not None


def _all_lines(pattern: rx.Pattern[str] | None, block: Block) -> bool:
    return pattern is not None and all(pattern.match(line) for _, line in block.lines())
