"""Baselines: record today's findings once, then report only new ones.

A finding is matched by its file, rule and text (the normalised snippet, or
the text of its source line when the finding has no snippet), never by line
number, so edits above a known finding do not bring it back. Counts are kept:
if a file had two identical findings and now has three, one is new.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.budget import TIMEOUT_RULE
from newslint.errors import ConfigError
from newslint.finding import FileResult, Finding
from newslint.selection import INTERNAL_ERROR

VERSION = 1
Key = tuple[str, str, str]


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _relative(path: str, base: Path) -> str:
    """``path`` relative to the baseline's folder, with forward slashes, so any cwd matches."""
    if path.startswith("<"):  # <stdin> and other pseudo paths stay as they are
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


@dataclass
class _Lines:
    """Source lines of linted files, read only for findings that have no snippet."""

    cache: dict[str, list[str] | None] = field(default_factory=dict)

    def text(self, finding: Finding) -> str:
        if finding.path not in self.cache:
            self.cache[finding.path] = _read_lines(finding.path)
        lines = self.cache[finding.path]
        if lines is None or not 0 < finding.line <= len(lines):
            return re.sub(r"\d+", "#", finding.message)  # line numbers in messages shift
        return lines[finding.line - 1]


def _read_lines(path: str) -> list[str] | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().split("\n")
    except OSError:
        return None


def _key(finding: Finding, base: Path, lines: _Lines) -> Key:
    if finding.snippet:
        text = finding.snippet
    elif (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 1, 1):
        text = ""  # about the document as a whole: the rule and file say it all
    else:
        text = lines.text(finding)
    return (_relative(finding.path, base), finding.rule, _normalise(text))


def _recordable(finding: Finding) -> bool:
    # a crash is a bug to fix, and a file not fully linted may hide anything: never known findings
    return finding.rule not in (INTERNAL_ERROR, TIMEOUT_RULE)


@dataclass
class Baseline:
    """The findings a baseline file accepts, with counts, consumed as they are matched."""

    path: Path
    remaining: Counter[Key]
    lines: _Lines = field(default_factory=_Lines)

    @property
    def base(self) -> Path:
        return self.path.parent.resolve()

    def new_findings(self, result: FileResult) -> FileResult:
        """``result`` without the findings the baseline already knows."""
        kept = []
        for finding in result.findings:
            key = _key(finding, self.base, self.lines)
            if _recordable(finding) and self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                kept.append(finding)
        return FileResult(result.path, result.language, tuple(kept))


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; a missing or broken one is a ConfigError (exit 2)."""
    where = Path(path)
    try:
        if where.exists() and not where.is_file():  # a FIFO would wait for a writer for ever
            raise ConfigError(f"{where}: not a regular file; a baseline is a JSON file")
        data = json.loads(where.read_text("utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(
            f"{where}: baseline file not found; create it with "
            f"`newslint check --baseline {where} --update-baseline PATHS`"
        ) from e
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{where}: cannot read baseline file: {e}") from e
    try:
        if data["version"] != VERSION:
            raise ConfigError(
                f"{where}: baseline version {data['version']!r} is not {VERSION}; regenerate it with --update-baseline"
            )
        counts = Counter({(e["path"], e["rule"], e["text"]): int(e["count"]) for e in data["findings"]})
    except (KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"{where}: not a newslint baseline file (bad or missing {e})") from e
    return Baseline(where, counts)


def write_baseline(path: str | os.PathLike[str], results: Iterable[FileResult]) -> int:
    """Record every finding (except crashes) of ``results``; return how many were recorded."""
    where = Path(path)
    base = where.parent.resolve()
    lines = _Lines()
    counts: Counter[Key] = Counter(_key(f, base, lines) for r in results for f in r.findings if _recordable(f))
    entries = [{"path": p, "rule": rule, "text": text, "count": n} for (p, rule, text), n in sorted(counts.items())]
    payload = {"version": VERSION, "tool": "newslint", "findings": entries}
    # A file name that is not UTF-8 (kept by Python as lone surrogates) is written as JSON's
    # own escape of it ("\udcff"), which reads back as the same name.
    data = (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace")
    try:
        _replace(where, data)
    except OSError as e:
        raise ConfigError(f"{where}: cannot write baseline file: {e.strerror or e}") from e
    return sum(counts.values())


def _mode_for(where: Path) -> int:
    """The old file's permissions, or a new file's under the umask (mkstemp's are 0600)."""
    try:
        return where.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(where: Path, data: bytes) -> None:
    """Write ``data`` to ``where`` whole or not at all: the old baseline stays until the new one is written."""
    import tempfile

    fd, temp = tempfile.mkstemp(dir=where.parent, prefix=f".{where.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, _mode_for(where))
        os.replace(temp, where)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
