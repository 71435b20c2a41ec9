"""Machine output: one JSON object, version 1, streamed file by file."""

from __future__ import annotations

import json

from newslint.finding import FileResult
from newslint.report import Formatter


class JsonFormatter(Formatter):
    def start(self) -> None:
        self.out.write('{"version": 1, "files": [')

    def file(self, result: FileResult) -> None:
        if self.summary.files:
            self.out.write(", ")
        super().file(result)
        entry = {"path": result.path, "language": result.language,
                 "findings": [f.to_json() for f in result.findings]}
        self.out.write(json.dumps(entry, ensure_ascii=False))

    def finish(self) -> None:
        self.out.write('], "summary": ' + json.dumps(self.summary.to_json()) + "}\n")
