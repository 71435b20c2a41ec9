"""Human output: ``path:line:col: severity rule message``, grouped by file."""

from __future__ import annotations

import re

import click

from newslint.finding import WORST_FIRST, FileResult
from newslint.report import Formatter

COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}
# What would break a finding's one line or drive the terminal, from a file's name or a
# draft's text: C0 and C1 controls but the tab (a newline, CR, ESC), Unicode's line and
# paragraph separators, and the bidi overrides and isolates that reorder what follows.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every character of ``_UNSAFE`` written as its escape (``\\n``, ``\\x1b``)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class TextFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        super().file(result)
        for f in result.findings:
            where = f"{one_line(f.path)}:{f.line}:{f.column}:"
            severity = f.severity
            rule = f.rule
            if self.color:
                where = click.style(where, bold=True)
                severity = click.style(severity, fg=COLORS[severity])
                rule = click.style(rule, dim=True)
            self.out.write(f"{where} {severity} {rule} {one_line(f.message)}\n")

    def finish(self) -> None:
        s = self.summary
        parts = [
            f"{s.by_severity.get(level, 0)} {level}{'s' if s.by_severity.get(level, 0) != 1 else ''}"
            for level in WORST_FIRST
        ]
        line = (
            f"{s.findings} finding{'s' if s.findings != 1 else ''} "
            f"({', '.join(parts)}) in {s.files} file{'s' if s.files != 1 else ''}"
        )
        if s.findings == 0:
            line = f"No findings in {s.files} file{'s' if s.files != 1 else ''}."
        if self.color:
            line = click.style(line, bold=True, fg="red" if s.by_severity.get("error") else None)
        self.out.write(line + "\n")
