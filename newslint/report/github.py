"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message``.
Values are escaped as the Actions runner expects: ``%``, CR and LF
everywhere, and ``:`` and ``,`` inside properties too.
"""

from __future__ import annotations

from newslint.finding import FileResult, Finding
from newslint.report import Formatter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (file, title): ``:`` and ``,`` would end it early."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    """One workflow command line for a finding."""
    props = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


class GithubFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        super().file(result)
        for finding in result.findings:
            self.out.write(command(finding) + "\n")
