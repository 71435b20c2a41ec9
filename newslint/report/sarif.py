"""SARIF 2.1.0: one run, the rules that were reported, one result per finding.

GitHub code scanning and most CI dashboards read this. Columns are counted in
Unicode code points (``columnKind``), as newslint counts them; ``endColumn`` is
the column just past the end, as in the findings themselves.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Any

from newslint.finding import FileResult, Finding
from newslint.report import Formatter
from newslint.selection import INTERNAL_ERROR

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BUILTIN_RULES = {  # findings that come from the engine or readers, not from a YAML rule
    INTERNAL_ERROR: "newslint crashed on this file",
    "input/binary": "The file is binary, not a text draft",
    "input/encoding": "The file is not valid UTF-8",
    "input/empty": "The file is empty",
    "input/too-large": "The file is over the size limit for a draft",
    "input/unreadable": "The file cannot be read",
    "input/not-a-file": "The path is a FIFO, device, socket or folder, not a regular file",
    "input/too-deep": "The HTML or Markdown nests too deep to read in bounded time",
    "input/hidden-text": "A comment or element left open hides the rest of the draft",
    "input/indented-prose": "Markdown prose indented as a code block: readers see it as code",
    "input/timeout": "Linting the file ran past the time budget (--timeout): not fully linted",
    "suppression/unused": "A suppression comment that silences nothing",
    "suppression/invalid": "A malformed suppression comment",
    "newslint/rule-timeout": "A rule's regex ran past its time limit",
}


def artifact_uri(path: str) -> str:
    """A URI reference for a finding's path: relative paths stay relative (to the repo root)."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    # a name that is not UTF-8 (kept by Python as surrogates) is its own bytes, percent-encoded
    return urllib.parse.quote(path.replace(os.sep, "/"), safe="/", errors="surrogateescape")


class SarifFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        self.rule_entries: list[dict[str, Any]] = []
        self.crashed = False

    def file(self, result: FileResult) -> None:
        super().file(result)
        for finding in result.findings:
            self.crashed = self.crashed or finding.rule == INTERNAL_ERROR
            self.results.append(self._result(finding))

    def finish(self) -> None:
        from newslint import __version__

        driver = {
            "name": "newslint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": self.rule_entries,
        }
        run = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not self.crashed}],
            "results": self.results,
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(log, ensure_ascii=False, indent=1) + "\n")

    def _result(self, f: Finding) -> dict[str, Any]:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
        location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}
        return {
            "ruleId": f.rule,
            "ruleIndex": self._rule(f),
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [location],
        }

    def _rule(self, f: Finding) -> int:
        """Index of the finding's rule in ``driver.rules``, describing it on first use."""
        if f.rule not in self.rule_index:
            self.rule_index[f.rule] = len(self.rule_entries)
            self.rule_entries.append(self._describe(f))
        return self.rule_index[f.rule]

    def _describe(self, f: Finding) -> dict[str, Any]:
        rule = next((r for r in self.rules if r.id == f.rule), None)
        if rule is None:
            text, level = BUILTIN_RULES.get(f.rule, f.rule), f.severity
        else:
            text, level = rule.description or rule.message, rule.severity
        return {
            "id": f.rule,
            "name": f.rule.replace("/", "-"),
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": LEVELS[level]},
            "properties": {"tags": [f.category]},
        }
