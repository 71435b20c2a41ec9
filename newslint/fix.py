"""Apply the safe fixes rules mark on their findings, and write files atomically.

A fix replaces a source span (usually with nothing). Fixes that overlap an
earlier one are skipped and picked up by the next pass, which re-lints the
fixed text; passes repeat until nothing is left to fix. Files are written
through a temporary file in the same folder, fsynced and renamed over the
original with its mode kept, so a crash never leaves a partial draft. Only
formats whose source is the file itself (text, Markdown, HTML) are fixed, and
only when they are valid UTF-8, so the bytes outside the fixed spans stay
exactly as they were.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newslint.engine import Options, internal_error, lint_document
from newslint.finding import FileResult, Fix
from newslint.readers import format_for, read_string, source
from newslint.rules import RuleSet

FIXABLE_FORMATS = frozenset({"text", "markdown", "html"})
MAX_PASSES = 10
_BOM = b"\xef\xbb\xbf"


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, tuple[Fix, ...]]:
    """Apply each fix not overlapping an earlier one; return the text and the fixes applied."""
    pieces: list[str] = []
    applied: list[Fix] = []
    cursor = 0
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if fix.start < cursor or fix.end < fix.start or fix.end > len(text):
            continue
        pieces += [text[cursor : fix.start], fix.replacement]
        applied.append(fix)
        cursor = fix.end
    pieces.append(text[cursor:])
    return "".join(pieces), tuple(applied)


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What fixing one file did: the text before and after, and the findings that remain."""

    path: str
    before: str
    after: str
    applied: int
    results: tuple[FileResult, ...]
    problem: str = ""  # why the file could not be fixed (it is then reported unfixed)

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fixable_format(path: str, options: Options) -> bool:
    return (options.format or format_for(path)) in FIXABLE_FORMATS


def fix_text(text: str, path: str, ruleset: RuleSet,
             options: Options) -> tuple[str, int, tuple[FileResult, ...]]:
    """Lint, fix and re-lint until no fix applies; return the text, fix count and final results."""
    applied_total = 0
    for _ in range(MAX_PASSES):
        results = _lint(text, path, ruleset, options)
        fixes = [f.fix for r in results for f in r.findings if f.fix is not None]
        if not fixes:
            return text, applied_total, results
        text, applied = apply_fixes(text, fixes)
        applied_total += len(applied)
    return text, applied_total, _lint(text, path, ruleset, options)


def _lint(text: str, path: str, ruleset: RuleSet, options: Options) -> tuple[FileResult, ...]:
    docs = read_string(text, path, options.format)
    return tuple(lint_document(doc, ruleset, options) for doc in docs)


def fix_bytes(data: bytes, path: str, ruleset: RuleSet, options: Options) -> FixOutcome:
    """Fix a draft given as bytes (a file's or standard input's); nothing is written here."""
    if not fixable_format(path, options):
        fmt = options.format or format_for(path)
        return FixOutcome(path, "", "", 0, (), f"not fixed: {fmt} files are not fixed in place")
    decoded = source.decode(data, options.max_bytes)
    if decoded.text is None or any(n.rule == "input/encoding" for n in decoded.notices):
        return FixOutcome(path, "", "", 0, (), "not fixed: the file is not valid UTF-8 text")
    after, applied, results = fix_text(decoded.text, path, ruleset, options)
    return FixOutcome(path, decoded.text, after, applied, results)


def encode_like(original: bytes, text: str) -> bytes:
    """UTF-8 bytes of ``text``, keeping the original's byte-order mark."""
    return (_BOM if original.startswith(_BOM) else b"") + text.encode("utf-8")


def fix_file(path: str, ruleset: RuleSet, options: Options, write: bool = True) -> FixOutcome:
    """Fix one file in place (unless ``write`` is False); a file with no fixes is never touched."""
    try:
        data = source.read_file(path, options.max_bytes)  # regular files only, bounded
    except OSError as e:
        problem = f"not fixed: cannot read the file ({e.strerror or e})"
        return FixOutcome(path, "", "", 0, (), problem)
    if not isinstance(data, bytes):
        return FixOutcome(path, "", "", 0, (), f"not fixed: {data.message}")
    try:
        outcome = fix_bytes(data, path, ruleset, options.for_path(path))
    except Exception as e:  # one file's crash must not end the run (as in lint_file)
        crashed = (internal_error(path, e),)
        return FixOutcome(path, "", "", 0, crashed, "not fixed: newslint crashed")
    if not write or not outcome.changed:
        return outcome
    try:
        write_atomic(path, encode_like(data, outcome.after), expected=data)
    except (OSError, FileChangedError) as e:
        return FixOutcome(path, outcome.before, outcome.before, 0, (),
                          f"not fixed: could not write the file ({e})")
    return outcome


class FileChangedError(Exception):
    """The file changed on disk between reading and writing it."""


def write_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path``'s content with ``data`` via a synced temp file in the same folder."""
    target = os.path.realpath(path)  # write through a symlink, do not replace the link
    folder = os.path.dirname(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        if expected is not None and _read(target) != expected:
            raise FileChangedError("it changed on disk while newslint was fixing it")
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that ``patch -p1`` and ``git apply`` accept."""
    relative = not os.path.isabs(path) and not path.startswith("<")
    old, new = (f"a/{path}", f"b/{path}") if relative else (path, path)
    lines = difflib.unified_diff(_lines(before), _lines(after), old, new)
    return "".join(lines)


def _lines(text: str) -> Sequence[str]:
    # split at \n only: str.splitlines would also split at \r, \x0c and U+2028, as patch does not
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines
