"""JUnit XML: one test suite, a test case per file, a failure per finding.

CI servers that show test results (Jenkins, GitLab, Azure) then list each
draft as a test. A file that crashed the linter gets an ``<error>`` instead.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from typing import Any

from newslint.finding import FileResult, Finding
from newslint.report import Formatter
from newslint.selection import INTERNAL_ERROR


@functools.cache
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot hold even escaped; a draft may contain them.
    (Compiled on first use: the class takes milliseconds every other run would pay.)"""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _not_xml().sub("\ufffd", text)


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"


class JunitFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases: list[ET.Element] = []
        self.failed = 0
        self.errored = 0

    def file(self, result: FileResult) -> None:
        super().file(result)
        case = ET.Element(
            "testcase", classname="newslint", name=_clean(result.path), file=_clean(result.path), time="0"
        )
        for f in result.findings:
            tag = "error" if f.rule == INTERNAL_ERROR else "failure"
            item = ET.SubElement(case, tag, type=f.rule, message=_clean(f"{f.rule}: {f.message}"))
            item.text = _clean(_line(f) + (f"\n{f.snippet}" if f.snippet else ""))
        if case.find("error") is not None:
            self.errored += 1
        elif result.findings:
            self.failed += 1
        self.cases.append(case)

    def finish(self) -> None:
        counts = {
            "tests": str(len(self.cases)),
            "failures": str(self.failed),
            "errors": str(self.errored),
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", {"name": "newslint", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "newslint", **counts})
        suite.extend(self.cases)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode") + "\n")
