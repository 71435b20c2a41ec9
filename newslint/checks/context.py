"""``context``: page chrome told by where a line sits among what the other rules found.

A scraper keeps a site's menus, section names and teaser headlines in the site's own
words, which no phrase list holds. What gives them away is their place: jusText's second
pass judges a short block it cannot class from its neighbours, and a short line that sits
between two pieces of chrome, or between chrome and the page's edge with nothing of the
article between, is chrome too. This kind reads the findings of the rules that ran before
it (the engine runs it after every other kind: ``READS_FINDINGS``): an *anchor* is a finding
of the ``markup`` or ``ad-text`` category (a widget, a menu, a read-also line, an ad's label)
at ``warning`` or above. A line any rule found something on is not reported again.

Modes:

- ``between``: one to ``max_lines`` lines in a row between two anchors, each of at most
  ``max_words`` words and none of them a sentence (nor a paragraph of the article's prose),
  an entry of a list or a table (``blocks``' data lines), a heading, a byline, a dateline, a
  credit or a sign-off ("Weitere News", "Most Sent »", a section's name).
- ``edge``: before the article's first paragraph (or its first heading, or its headline
  printed again: the article's header comes after those), the lines between the page's start
  and the last anchor there; after its last paragraph, the lines between the first anchor
  there and the page's end. Only when two anchors at least are there and the other lines are
  no more than they are, and none of the other lines is a sentence or longer than
  ``max_words`` words; list entries, bylines, datelines and credits are left out.

- ``segment``: jusText's near-good blocks between bad ones, read a segment at a time. The anchors
  (but those of the rules named ``inline``, which sit inside articles: a read-also line, an ad's
  label) cut the page into segments; the article is the one with the most prose. Walking in from the
  page's edge to it, a segment past an anchor is the page's chrome when none of its lines is a
  paragraph of the article's length (``good_chars``) and its middle line is shorter than the
  article's (``SEGMENT_SHORTER``: in an article of short paragraphs, a part as long is its own), it does not
  carry on the article (less than ``max_shared`` of its long words are the article's; no quoted
  speech in one line of four; no entries of an enumerated list or links in one line of three; no
  sign-off or writer's bio, ``signoff``, which close the article itself) and it has ``min_lines``
  lines besides bylines, dates and credits: teasers written as whole sentences after a newsletter
  prompt, a magazine's blurbs before its story. The walk stops at the first segment that is the
  article's: what lies between it and the article's core is the article's too.

A line any rule found something on is left to its rule; each other line gives one hit, its
evidence naming the anchors that bound it. A document's own finding ("No byline", no span)
covers no line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks import blocks
from newslint.checks.base import Context, Hit, with_defaults
from newslint.checks.truncation.sentences import sign_off
from newslint.document import Document
from newslint.finding import severity_at_least

if TYPE_CHECKING:
    from newslint.finding import Finding
    from newslint.rules import Rule

KIND = "context"
SCOPES = ("line",)
READS_FINDINGS = True
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {
        "mode": {"enum": ["between", "edge", "segment"]},
        "max_lines": {
            "type": "integer",
            "minimum": 1,
            "default": 4,
            "description": "between: the most lines between two anchors that are reported",
        },
        "max_words": {
            "type": "integer",
            "minimum": 1,
            "default": 12,
            "description": "the most words of a line that is reported",
        },
        "min_lines": {
            "type": "integer",
            "minimum": 1,
            "default": 3,
            "description": "segment: the fewest lines (bylines, dates and credits aside) a segment reported has",
        },
        "good_chars": {
            "type": "integer",
            "minimum": 1,
            "default": 200,
            "description": "segment: a line this long is a paragraph of an article (jusText's LENGTH_HIGH)",
        },
        "max_shared": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0.2,
            "description": "segment: a segment whose long words are the article's this often, or more, carries it on",
        },
        "signoff": {
            "type": "string",
            "default": "",
            "description": "segment: a regular expression (case ignored), matched at a line's start, for the "
            "writer's bio that closes an article ('Jane Smith is a reporter ...'): a segment with one is the article's",
        },
        "inline": {
            "type": "array",
            "items": {"type": "string"},
            "default": [],
            "description": "segment: the rules (ids, or categories: 'ad-text') whose findings sit inside "
            "articles (a read-also line, an ad's label, an entity): they do not cut the page into segments",
        },
        "anchor_severity": {
            "enum": ["info", "warning", "error"],
            "default": "warning",
            "description": "the least severity of a finding that is an anchor",
        },
    },
}
ANCHOR_CATEGORIES = frozenset({"markup", "ad-text"})
# Not the page's chrome: the headline printed again in the body is where the article starts
# (its byline and dateline come right after it), and an embedded tweet is the article's own.
STARTS = frozenset({"duplicate/repeated-title"})
NOT_ANCHORS = frozenset({"markup/tweet-remnant"})
# A line that names the article's writer, date or source: the article's own, wherever it sits
# ("By Anna Roe", "Reporting by ...", "Oleh: ...", "Von ...", "Par ...", "(AP)", a date).
_CREDIT = regexcache.compile(
    r"^\W*(?i:by|von|par|por|oleh|reporting|writing|editing|additional\s+reporting|penulis|editor|pewarta|"
    r"reporter|redaktur|photo|foto|source|quelle|fonte|fuente|sumber)\b"
    r"|(?i:\b(?:getty|afp|reuters|shutterstock|associated\s+press|epa|dpa|antara|bernama)\b)"
    r"|^\(?[A-Z]{2,6}\)?$|^\(\w{2,5}(?:/\w{2,5})+\)$|\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d{1,2}:\d\d\b",
    flags=0,
)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A context rule's compiled parameters: its mode and limits."""

    mode: str
    max_lines: int
    max_words: int
    anchor_severity: str
    min_lines: int = 3
    good_chars: int = 200
    max_shared: float = 0.2
    signoff: rx.Pattern[str] | None = None
    inline: frozenset[str] = frozenset()


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    try:
        signoff = regexcache.compile(params["signoff"], rx.IGNORECASE | rx.V0) if params["signoff"] else None
    except rx.error as e:
        raise ValueError(f"invalid signoff regex: {e}; check brackets and escapes") from e
    return Compiled(
        params["mode"],
        int(params["max_lines"]),
        int(params["max_words"]),
        params["anchor_severity"],
        int(params["min_lines"]),
        int(params["good_chars"]),
        float(params["max_shared"]),
        signoff,
        frozenset(params["inline"]),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    anchored = _anchors(ctx.found, compiled.anchor_severity, compiled.inline)
    if len(anchored) < (1 if compiled.mode == "segment" else 2):
        return  # (most drafts: the page's lines are not read at all; between and edge need two)
    # (a finding of no span is the document's, "No byline", not its first line's)
    covered = {
        n
        for f in ctx.found
        if (f.end_line, f.end_column) != (f.line, f.column)
        for n in range(f.line, max(f.line, f.end_line) + 1)
    }
    lines, numbers = ctx.facts.shared(page_lines)
    marks = [anchored.get(n) for n in numbers]
    if compiled.mode == "between":
        found = between(lines, marks, compiled.max_lines, compiled.max_words)
    elif compiled.mode == "segment":
        found = segments(lines, marks, compiled)
    else:
        # where the article starts: its headline printed again, or a heading (Markdown's, HTML's)
        restated = _starts(ctx.found)
        starts = {i for i, n in enumerate(numbers) if n in restated or lines[i].block.kind == "heading"}
        found = edges(lines, marks, compiled.max_words, starts)
    for index, evidence in found:
        line = lines[index]
        if numbers[index] in covered:
            continue
        yield blocks.line_hit(line, evidence)


def page_lines(doc: Document) -> tuple[list[blocks.Line], list[int]]:
    """The body's lines with their shapes (``blocks.lines_of``) and the number of each in the
    source, worked out once for the kind's rules (the blocks kind's copy is let go by then)."""
    lines = blocks.lines_of(doc)
    return lines, [doc.position(line.block.source_offset(line.start))[0] for line in lines]


def _anchors(found: Sequence[Finding], least: str, inline: AbstractSet[str] = frozenset()) -> dict[int, str]:
    """The lines the other rules found chrome on: line number -> the rule's id; not those of the
    rules or categories in ``inline``."""
    out: dict[int, str] = {}
    for f in found:
        anchor = f.category in ANCHOR_CATEGORIES and f.rule not in NOT_ANCHORS
        anchor = anchor and f.rule not in inline and f.category not in inline
        if anchor and f.line > 0 and severity_at_least(f.severity, least):
            for n in range(f.line, max(f.line, f.end_line) + 1):
                out.setdefault(n, f.rule)
    return out


def _starts(found: Sequence[Finding]) -> set[int]:
    """The lines where the other rules found the headline printed again: the article starts there."""
    return {f.line for f in found if f.rule in STARTS}


def _credit(text: str) -> bool:
    """A line that names the article's writer, date or source, or signs it off."""
    text = text.strip()
    return bool(_CREDIT.search(text)) or sign_off(text)


def _short(line: blocks.Line, max_words: int) -> bool:
    """A line of at most ``max_words`` words that is not a sentence."""
    text = line.text.strip()
    if line.shape == blocks.PROSE or line.block.kind == "heading" or len(text.split(None, max_words)) > max_words:
        return False
    return not blocks._ends_sentence(text)


def _fragment(line: blocks.Line, max_words: int) -> bool:
    """A short line that is not a sentence nor an entry of a list or a table ("Russia (Group I):
    12th appearance", a score, a date)."""
    return _short(line, max_words) and not blocks._is_data(line.text.strip())


def between(lines: list[blocks.Line], marks: list[str | None], max_lines: int, max_words: int) -> list[tuple[int, str]]:
    """The short lines in a row between two anchors (see the module's ``between``; a line of
    the article's prose is never short)."""
    at = [i for i, mark in enumerate(marks) if mark]
    out: list[tuple[int, str]] = []
    for a, b in zip(at, at[1:], strict=False):
        gap = range(a + 1, b)
        if not gap or len(gap) > max_lines:
            continue
        if not all(_fragment(lines[k], max_words) for k in gap):
            continue
        if any(_credit(lines[k].text) for k in gap):
            continue  # a byline, dateline or sign-off may sit between two widgets
        evidence = f"between two findings of the page's chrome ({marks[a]}, {marks[b]})"
        out.extend((k, evidence) for k in gap)
    return out


def edges(
    lines: list[blocks.Line], marks: list[str | None], max_words: int, starts: AbstractSet[int] = frozenset()
) -> list[tuple[int, str]]:
    """The short lines between an anchor and the page's edge (see the module's ``edge``);
    ``starts``: the lines where the article starts (its headline printed again), after which
    its header (byline, dateline) comes."""
    article = blocks._article_prose(lines)
    if not article:
        return []
    first, last = article[0], article[-1]
    first = min([first, *(i for i in starts if i < first)])
    out: list[tuple[int, str]] = []
    head = [i for i in range(first) if marks[i]]
    if len(head) >= 2:
        top = head[-1]
        rest = _edge_run(lines, marks, range(top), max_words)
        evidence = f"between the page's start and a finding of its chrome ({marks[top]}), before the article"
        out.extend((k, evidence) for k in rest)
    tail = [i for i in range(last + 1, len(lines)) if marks[i]]
    if len(tail) >= 2:
        bottom = tail[0]
        rest = _edge_run(lines, marks, range(bottom + 1, len(lines)), max_words)
        evidence = f"between a finding of the page's chrome ({marks[bottom]}) and the page's end, after the article"
        out.extend((k, evidence) for k in rest)
    return out


def _edge_run(lines: list[blocks.Line], marks: list[str | None], span: range, max_words: int) -> list[int]:
    """The lines of ``span`` to report: none when one of them is a sentence or a long line (the
    article is there), or when they outnumber the findings of chrome among them (with the one
    that bounds the span); an entry of a list or a table, and a line that names a writer, a
    date or a source, are left out (the article's list, its header, a teaser's date)."""
    rest = [k for k in span if not marks[k]]
    anchors = len(span) - len(rest) + 1
    if len(rest) > anchors or not all(_short(lines[k], max_words) for k in rest):
        return []
    return [k for k in rest if not blocks._is_data(lines[k].text.strip()) and not _credit(lines[k].text)]


SEGMENT_VOCABULARY = 30  # the article's long words are this many at least, to judge a segment by them
SEGMENT_WORDS = 6  # a segment with fewer long words is a label or two: not judged, passed over
SEGMENT_QUOTED = 4  # a segment that quotes someone in one line of four carries the article on
# An entry of an enumerated list ("1) ...", "2. ...", "#3 ...") or a link's address.
_LISTED = regexcache.compile(r"^\W{0,2}(?:\d{1,3}|[a-z])[.)]\s|^#\d|https?://|www\.", flags=0)
# A segment's middle line is this much shorter than the article's at least, or the segment is its own
# (of the edges of clean articles that have no line of 200 characters, a fifth are shorter than this)
SEGMENT_SHORTER = 0.6
SEGMENT_LISTED = 3  # a segment with entries of a list or a table in one line of three is the article's list
SPACED = 12  # a script that spaces its words has a space in every dozen characters at least


def segments(lines: list[blocks.Line], marks: list[str | None], compiled: Compiled) -> list[tuple[int, str]]:
    """The segments past the anchors at the page's edges that are not the article's (see the
    module's ``segment``): the lines to report, with their evidence."""
    cuts = [i for i, mark in enumerate(marks) if mark]
    spans = [range(a + 1, b) for a, b in zip([-1, *cuts], [*cuts, len(lines)], strict=True)]
    prose = [sum(len(lines[k].text) for k in span if lines[k].shape == blocks.PROSE) for span in spans]
    core = max(range(len(spans)), key=lambda n: prose[n])
    text = " ".join(lines[k].text for k in spans[core])
    if text.count(" ") * SPACED < len(text):
        return []  # a script written without spaces (Chinese, Japanese): no words nor lengths to read
    vocabulary = blocks._long_words(text)
    if len(vocabulary) < SEGMENT_VOCABULARY:
        return []  # too little article to tell what carries it on
    paragraph = _median_chars([lines[k].text for k in spans[core]])
    out: list[tuple[int, str]] = []
    for step, where in ((1, "after the article"), (-1, "before the article")):
        # from the edge back to the article: the segments up to the first that is the article's
        n = len(spans) - 1 if step == 1 else 0
        while n != core:
            span = spans[n]
            verdict = _segment_verdict(lines, span, vocabulary, compiled, paragraph)
            if verdict is None:
                break  # the article is there: what lies between it and the core is the article's too
            if verdict:
                anchor = marks[span[0] - 1] if step == 1 else marks[span[-1] + 1]
                evidence = f"{len(verdict)} lines past a finding of the page's chrome ({anchor}) {where}"
                out.extend((k, evidence) for k in verdict)
            n -= step
    return sorted(out)


def _segment_verdict(
    lines: list[blocks.Line], span: range, vocabulary: set[str], compiled: Compiled, paragraph: int = 0
) -> list[int] | None:
    """The lines of a segment to report ([] when it is too small to judge, or holds only
    credits), or None when it is the article's: a paragraph of the article's length (``good_chars``,
    or lines nearly as long as the article's own: its middle line is ``paragraph`` characters long), a
    sign-off or a bio, quoted speech, or the article's words."""
    if not span:
        return []
    texts = [lines[k].text.strip() for k in span]
    if any(len(text) >= compiled.good_chars for text in texts):
        return None
    if _median_chars(texts) >= SEGMENT_SHORTER * paragraph:
        return None  # lines as long as the article's own: a part of an article of short paragraphs
    if any(sign_off(text) or (compiled.signoff is not None and compiled.signoff.match(text)) for text in texts):
        return None
    if sum(1 for text in texts if blocks._QUOTATION.search(text)) * SEGMENT_QUOTED >= len(texts):
        return None
    if sum(1 for text in texts if _LISTED.search(text)) * SEGMENT_LISTED >= len(texts):
        return None  # the article's own list ("1) Lego Star Wars 75188", its links)
    words = [blocks._long_words(text) for text in texts]
    total = sum(len(w) for w in words)
    if total < SEGMENT_WORDS:
        return []
    if sum(len(w & vocabulary) for w in words) >= compiled.max_shared * total:
        return None
    members = [k for k, text in zip(span, texts, strict=True) if not _stamp(text)]
    return members if len(members) >= compiled.min_lines else []


STAMP_WORDS = 8  # a byline, a dateline or a credit is short


def _stamp(text: str) -> bool:
    """A short line that names a writer, a date or a source (a teaser's stamp, the article's byline)."""
    return len(text.split(None, STAMP_WORDS)) <= STAMP_WORDS and _credit(text)


def _median_chars(texts: Sequence[str]) -> int:
    """The length of the middle one of the lines of four words or more (of all, when none is)."""
    sizes = sorted(len(text.strip()) for text in texts if len(text.split(None, 4)) >= 4) or sorted(
        len(text.strip()) for text in texts
    )
    return sizes[len(sizes) // 2] if sizes else 0
