"""Findings: the immutable records every front door reports."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

# The one place the severities and their order are spelled: least severe first.
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
WORST_FIRST = tuple(reversed(SEVERITIES))


def severity_at_least(severity: str, level: str) -> bool:
    """Whether ``severity`` is ``level`` or worse."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace source[start:end] with ``replacement``."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a draft: the rule, where it is, what it says and its fix."""

    rule: str
    category: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    fix: Fix | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "snippet": self.snippet,
            "fixable": self.fix is not None,
        }

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.rule)


def without_repeats(findings: list[Finding]) -> list[Finding]:
    """``findings`` less each one that another of its category already says of the same text.

    Two rules of one category can meet on one line: "Related: <headline>" is both a
    read-also line and a widget line, and a recurring line of stray HTML lies inside the
    stray-HTML finding. An editor is shown the text once, by the finding that covers at
    least its span, is as severe and as fixable, and is the wider or else the first by rule
    id. A point (a document-level finding, a "more findings" summary) is never dropped."""
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        if _end(f) > _start(f):
            by_category.setdefault(f.category, []).append(f)
    dropped: set[int] = set()
    for spans in by_category.values():
        if len(spans) < 2:
            continue
        spans.sort(key=_start)
        open_: list[Finding] = []  # spans begun so far that may still cover what comes
        for at, starting in itertools.groupby(spans, key=_start):
            group = list(starting)
            open_ = [g for g in open_ if _end(g) > at] + group
            for f in group:
                if any(g is not f and _end(g) >= _end(f) and _outranks(g, f) for g in open_):
                    dropped.add(id(f))
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped]


def _start(f: Finding) -> tuple[int, int]:
    return (f.line, f.column)


def _end(f: Finding) -> tuple[int, int]:
    return (f.end_line, f.end_column)


def _outranks(g: Finding, f: Finding) -> bool:
    """Whether ``g``, which covers ``f``, may stand for it: never a less severe finding (the
    exit code would change) nor one without the fix ``f`` offers (``--fix`` would lose it)."""
    severity, fixable = SEVERITY_RANK[g.severity] - SEVERITY_RANK[f.severity], (g.fix is not None) - (f.fix is not None)
    if severity < 0 or fixable < 0:
        return False
    if severity > 0 or fixable > 0:
        return True
    return (_start(g), _end(g)) != (_start(f), _end(f)) or g.rule < f.rule


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything newslint has to say about one document."""

    path: str
    language: str | None
    findings: tuple[Finding, ...]
