"""Human output: ``path:line:col: severity rule message``, grouped by file."""

from __future__ import annotations

import click

from newslint.finding import WORST_FIRST, FileResult
from newslint.report import Formatter

COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


class TextFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        super().file(result)
        for f in result.findings:
            where = f"{f.path}:{f.line}:{f.column}:"
            severity = f.severity
            rule = f.rule
            if self.color:
                where = click.style(where, bold=True)
                severity = click.style(severity, fg=COLORS[severity])
                rule = click.style(rule, dim=True)
            self.out.write(f"{where} {severity} {rule} {f.message}\n")

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
