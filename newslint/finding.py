"""Findings: the immutable records every front door reports."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything newslint has to say about one document."""

    path: str
    language: str | None
    findings: tuple[Finding, ...]
