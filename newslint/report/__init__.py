"""Formatters: pure functions from results to text, chosen by name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from newslint.finding import WORST_FIRST, FileResult

if TYPE_CHECKING:
    from newslint.rules import Rule


@dataclass
class Summary:
    files: int = 0
    findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.findings += len(result.findings)
        self.by_severity.update(f.severity for f in result.findings)

    def to_json(self) -> dict[str, object]:
        return {"files": self.files, "findings": self.findings,
                "by_severity": {s: self.by_severity.get(s, 0) for s in WORST_FIRST}}


class Formatter:
    """Writes results as they arrive; ``finish`` writes what goes after the last file."""

    def __init__(self, out: IO[str], color: bool = False, rules: Iterable[Rule] = ()) -> None:
        self.out = out
        self.color = color
        self.summary = Summary()
        # formats that describe rules (SARIF) take their descriptions from here
        self.rules = tuple(rules)

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        self.summary.add(result)

    def finish(self) -> None:
        pass


FormatterFactory = Callable[..., Formatter]


def formatters() -> dict[str, FormatterFactory]:
    from newslint.report import github, junit, sarif
    from newslint.report import json as json_report
    from newslint.report import text as text_report

    return {"text": text_report.TextFormatter, "json": json_report.JsonFormatter,
            "sarif": sarif.SarifFormatter, "github": github.GithubFormatter,
            "junit": junit.JunitFormatter}
