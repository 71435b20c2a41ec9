"""Inline suppression: comment directives in Markdown and HTML drafts silence findings.

``<!-- newslint: disable=RULE[,RULE] -->`` silences those rules (ids,
category prefixes or ``all``, with the meaning ``newslint.selection`` gives them) until ``<!-- newslint: enable -->``
or the end of the file; ``disable`` with no list silences every rule.
``<!-- newslint: disable-next-block=RULE -->`` silences them in the next
paragraph, heading or embed only. A ``disable`` before the first paragraph
that is never re-enabled covers the whole file, including findings about the
file as a whole (a missing byline).

A directive that silences nothing is ``suppression/unused`` (info); one with a
malformed or unknown rule list is ``suppression/invalid`` (warning) and is
ignored, so the findings it meant to hide still show.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newslint import selection
from newslint.document import Document
from newslint.finding import Finding

UNUSED = "suppression/unused"
INVALID = "suppression/invalid"

_DIRECTIVE = re.compile(r"newslint\s*:\s*(.*)", re.I | re.S)
_VERB = re.compile(r"(disable-next-block|disable|enable)\b\s*(?:=(.*))?", re.S)
_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*/?")
_END = (1 << 62, 0)


@dataclass(frozen=True, slots=True)
class Directive:
    """One parsed ``newslint:`` comment; ``rules`` empty means every rule."""

    verb: str
    rules: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Region:
    """Where a directive silences findings: (line, column) bounds, both inclusive."""

    directive: Directive
    first: tuple[int, int]
    last: tuple[int, int]
    whole_file: bool = False

    def silences(self, finding: Finding) -> bool:
        where = (finding.line, finding.column)
        inside = self.whole_file or self.first <= where <= self.last
        return inside and matches(finding.rule, self.directive.rules)


def matches(rule_id: str, prefixes: Sequence[str]) -> bool:
    """True when ``prefixes`` is empty (every rule) or one of them names ``rule_id``."""
    return not prefixes or selection.names_any(rule_id, prefixes)


def parse(doc: Document, known_ids: Iterable[str]) -> tuple[list[Directive], list[Finding]]:
    """The document's directives, and a ``suppression/invalid`` finding for each bad one."""
    known = frozenset(known_ids)
    directives: list[Directive] = []
    invalid: list[Finding] = []
    for start, end, text in doc.comments:
        found = _DIRECTIVE.fullmatch(text.strip())
        if found is None:
            continue
        directive, problem = _directive(found.group(1).strip(), start, end, known)
        if problem:
            invalid.append(_finding(doc, start, end, INVALID, "warning", f"Ignored suppression comment: {problem}"))
        elif directive is not None:
            directives.append(directive)
    return directives, invalid


def _directive(body: str, start: int, end: int, known: frozenset[str]) -> tuple[Directive | None, str]:
    verb = _VERB.fullmatch(body)
    if verb is None:
        return None, (f"{body!r} is not a directive; use disable=RULES, enable or disable-next-block=RULES")
    name, listed = verb.group(1), verb.group(2)
    if listed is None:
        return Directive(name, (), start, end), ""
    if name == "enable":
        return None, "enable takes no rule list: it ends every disable before it"
    rules = tuple(r.strip() for r in listed.split(","))
    bad = [r for r in rules if not _RULE.fullmatch(r)]
    if bad or not rules:
        return None, (f"malformed rule list {listed.strip()!r}; write disable=RULE,RULE (no spaces in ids)")
    unknown = [r for r in rules if not selection.known_prefix(r, known)]
    if unknown:
        return None, f"unknown rule id or category {', '.join(unknown)}"
    return Directive(name, rules, start, end), ""


def regions(doc: Document, directives: Sequence[Directive]) -> list[Region]:
    """Turn directives into the regions they silence; ``enable`` ends every open ``disable``."""
    first_prose = min([b.start for b in doc.blocks] + [e.start for e in doc.embeds], default=len(doc.source))
    out: list[Region] = []
    open_: list[Directive] = []
    for d in directives:
        if d.verb == "disable":
            open_.append(d)
        elif d.verb == "enable":
            out.extend(Region(o, doc.position(o.end), doc.position(d.start)) for o in open_)
            open_ = []
        else:
            out.append(_next_block(doc, d))
    out.extend(Region(o, doc.position(o.end), _END, whole_file=o.end <= first_prose) for o in open_)
    return out


def _next_block(doc: Document, d: Directive) -> Region:
    spans = [(b.start, b.end) for b in doc.blocks] + [(e.start, e.end) for e in doc.embeds]
    following = sorted(s for s in spans if s[0] >= d.end)
    if not following:  # nothing follows: an empty region, reported as unused
        return Region(d, _END, _END)
    start, end = following[0]
    return Region(d, doc.position(start), doc.position(end))


def filter_findings(
    doc: Document,
    findings: Sequence[Finding],
    known_ids: Iterable[str],
    ran_ids: Iterable[str],
    selects: Callable[[str], bool],
) -> list[Finding]:
    """Drop silenced findings; add unused/invalid directive findings that ``selects`` allows."""
    directives, invalid = parse(doc, known_ids)
    if not directives and not invalid:
        return list(findings)
    spans = regions(doc, directives)
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [i for i, region in enumerate(spans) if region.silences(finding)]
        used.update(hits)
        if not hits:
            kept.append(finding)
    ran = tuple(ran_ids)
    extra = invalid + [
        _unused(doc, r)
        for i, r in enumerate(spans)
        if i not in used and r.directive.verb != "enable" and _could_fire(r, ran)
    ]
    return kept + [f for f in extra if selects(f.rule)]


def _could_fire(region: Region, ran_ids: Sequence[str]) -> bool:
    """Only call a directive unused when a rule it names actually ran on this document."""
    return any(matches(rule_id, region.directive.rules) for rule_id in ran_ids)


def _unused(doc: Document, region: Region) -> Finding:
    d = region.directive
    what = ",".join(d.rules) if d.rules else "all rules"
    return _finding(
        doc, d.start, d.end, UNUSED, "info", f"Suppression comment silences nothing ({d.verb}={what}); remove it"
    )


def _finding(doc: Document, start: int, end: int, rule: str, severity: str, message: str) -> Finding:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    snippet = " ".join(doc.source[start:end].split())
    return Finding(rule, rule.split("/")[0], severity, message, doc.path, line, column, end_line, end_column, snippet)
