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
    """What a report counted: files, findings and findings by severity."""

    files: int = 0
    findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.findings += len(result.findings)
        self.by_severity.update(f.severity for f in result.findings)

    def to_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "findings": self.findings,
            "by_severity": {s: self.by_severity.get(s, 0) for s in WORST_FIRST},
        }


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


# Each format's module and class: a run imports only the one it writes.
FORMATS = {
    "text": ("text", "TextFormatter"),
    "json": ("json", "JsonFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "github": ("github", "GithubFormatter"),
    "junit": ("junit", "JunitFormatter"),
}


def formatter(name: str) -> FormatterFactory:
    """The formatter class of one format."""
    import importlib

    module, cls = FORMATS[name]
    factory: FormatterFactory = getattr(importlib.import_module(f"newslint.report.{module}"), cls)
    return factory


def formatters() -> dict[str, FormatterFactory]:
    """Every format's formatter class, by name."""
    return {name: formatter(name) for name in FORMATS}
