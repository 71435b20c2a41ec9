"""Machine output: one JSON object, version 1, streamed file by file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from newslint.finding import FileResult
from newslint.report import Formatter

if TYPE_CHECKING:
    from newslint.rules import Rule


class JsonFormatter(Formatter):
    def start(self) -> None:
        self.out.write('{"version": 1, "files": [')

    def file(self, result: FileResult) -> None:
        if self.summary.files:
            self.out.write(", ")
        super().file(result)
        entry = {"path": result.path, "language": result.language, "findings": [f.to_json() for f in result.findings]}
        self.out.write(json.dumps(entry, ensure_ascii=False))

    def finish(self) -> None:
        self.out.write('], "summary": ' + json.dumps(self.summary.to_json()) + "}\n")


def rule_to_json(rule: Rule, severity: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One rule as ``newslint rules --format json`` and ``GET /v1/rules`` list it; ``severity``
    holds the config's overrides."""
    return {
        "id": rule.id,
        "category": rule.category,
        "severity": (severity or {}).get(rule.id, rule.severity),
        "languages": sorted(rule.languages) if rule.languages else None,
        "check": rule.check,
        "pack": rule.pack,
        "description": rule.description,
        "fixable": rule.fix is not None,
    }
